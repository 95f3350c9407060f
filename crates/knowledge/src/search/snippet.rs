//! Snippets: a node's main and lay text, escaped once (on the node's first hit) with the place of
//! every word, and per hit the window of the text that holds the most searched-for words, marked.

use pijnwijzer_model::{html, Audience, LayerKey};

use super::analyze::word_spans;
use super::index::NO_WORD;
use super::{Outcome, SearchIndex};

/// How many words of context a snippet shows before its first marked word.
const LEAD_WORDS: usize = 3;
/// How many marked words at most place a snippet's window.
const MAX_MARKS: usize = 64;

/// A text snippets are cut from, escaped once, with each word's place, vocabulary word and term.
pub(super) struct SnippetText {
    html: String,
    spans: Vec<Span>,
}

impl SearchIndex {
    /// Escapes `text`, with each word looked up in the vocabulary ([`SearchIndex::spelling`]):
    /// from the text alone, so that an index loaded in parts makes the same snippets from the
    /// plain texts it is sent.
    pub(super) fn snippet_text(&self, text: &str) -> SnippetText {
        let text = &bulleted(text);
        let mut html = String::with_capacity(text.len());
        let mut spans = Vec::new();
        let mut at = 0;
        for (start, end) in word_spans(text) {
            html::escape_into(&mut html, &text[at..start]);
            let escaped_start = html.len() as u32;
            // Words are letters and digits only, so escaping leaves them as they are.
            html.push_str(&text[start..end]);
            let (word, term) = self.spelling(&text[start..end]).unwrap_or((NO_WORD, NO_WORD));
            spans.push(Span { start: escaped_start, end: html.len() as u32, word, term });
            at = end;
        }
        html::escape_into(&mut html, &text[at..]);
        SnippetText { html, spans }
    }

    /// The text of node number `index` a snippet for `audience` is cut from: its lay text for
    /// patients (when it has one), otherwise its main text; made on first use from the layer's
    /// plain text, which `layer_text` gives.
    fn snippet_source(
        &self,
        index: usize,
        audience: Audience,
        layer_text: impl Fn(LayerKey) -> Option<String>,
    ) -> Option<&SnippetText> {
        let slots = self.snippets.get(index)?;
        let text = |slot: usize, key: LayerKey| {
            slots[slot].get_or_init(|| Some(self.snippet_text(&layer_text(key)?))).as_ref()
        };
        match audience {
            Audience::Patient => text(1, LayerKey::Lay).or_else(|| text(0, LayerKey::Main)),
            Audience::Professional => text(0, LayerKey::Main),
        }
    }
}

/// `text` with each list item's marker (a line that starts with "- ", see
/// `pijnwijzer_model::text::blocks_text`) as a bullet: a snippet shows its lines as one, where
/// "behandeling. - Bewegen" read as a stray dash.
fn bulleted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match line.strip_prefix("- ") {
            Some(item) => {
                out.push_str("• ");
                out.push_str(item);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// A word of a snippet text: its byte range in the escaped text, and its word and term ([`NO_WORD`] for a stopword).
struct Span {
    start: u32,
    end: u32,
    word: u32,
    term: u32,
}

impl SearchIndex {
    /// The snippet for a hit on node number `index` (in the nodes the index was built from): its
    /// lay text for patients (when it has one), otherwise its main text, as escaped HTML with the
    /// words `outcome` searched for wrapped in `<mark>`, cut to the window of about `width` words
    /// that holds the most of them. `layer_text` gives the plain text of one of the node's
    /// layers, the first time the node is a hit.
    pub fn snippet(
        &self,
        index: usize,
        audience: Audience,
        outcome: &Outcome,
        width: usize,
        layer_text: impl Fn(LayerKey) -> Option<String>,
    ) -> String {
        let Some(SnippetText { html, spans }) = self.snippet_source(index, audience, layer_text)
        else {
            return String::new();
        };
        let completes = |word: u32| {
            let folded = self.words.get(word as usize).map_or("", |w| w.folded.as_str());
            outcome.prefixes.iter().any(|p| folded.starts_with(p.as_str()))
        };
        // The first `MAX_MARKS` marked words are plenty to place the window; they are kept on the
        // stack, since a snippet is made for every hit of every query.
        let mut marks = [0usize; MAX_MARKS];
        let mut count = 0;
        let is_marked = |span: &Span| {
            outcome.terms.contains(span.term)
                || (!outcome.prefixes.is_empty() && completes(span.word))
        };
        for (i, span) in spans.iter().enumerate() {
            if is_marked(span) {
                marks[count] = i;
                count += 1;
                if count == marks.len() {
                    break;
                }
            }
        }
        let marked = &marks[..count];
        if spans.is_empty() {
            return String::new();
        }
        // The run of marked words that fits in `width` words and holds the most of them; the
        // window starts a few words before it, for context, and earlier still near the end of
        // the text, so it is never shorter than it could be.
        let (mut first, mut best, mut end_of_run) = (0, 0, 0);
        for (i, &start) in marked.iter().enumerate() {
            end_of_run = end_of_run.max(i);
            while end_of_run + 1 < marked.len() && marked[end_of_run + 1] < start + width {
                end_of_run += 1;
            }
            if end_of_run + 1 - i > best {
                best = end_of_run + 1 - i;
                first = start.saturating_sub(LEAD_WORDS).min(spans.len().saturating_sub(width));
            }
        }
        let last = (first + width).min(spans.len());
        let begin = if first == 0 { 0 } else { spans[first].start as usize };
        let end = if last == spans.len() { html.len() } else { spans[last - 1].end as usize };
        let mut out = String::with_capacity(end - begin + 64);
        if first > 0 {
            out.push('…');
        }
        let mut at = begin;
        for span in spans[first..last].iter().filter(|span| is_marked(span)) {
            let (s, e) = (span.start as usize, span.end as usize);
            out.push_str(&html[at..s]);
            out.push_str("<mark>");
            out.push_str(&html[s..e]);
            out.push_str("</mark>");
            at = e;
        }
        out.push_str(&html[at..end]);
        if end < html.len() {
            out.push('…');
        }
        out
    }
}
