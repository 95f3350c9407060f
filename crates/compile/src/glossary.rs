//! The patient glossary (`content/woordenlijst.toml`): every professional term a lay text uses has a
//! one- or two-sentence B1 definition, which the compiler attaches to the term's first use in each
//! lay text (`<span class="term" title="definition">term</span>`; the site and the components turn
//! it into a button that shows the definition on tap or focus).
//!
//! What counts as professional is read from the content itself: the actors' labels in
//! `vocabulary.toml`, the names of medication nodes, the titles of concept nodes, and the glossary's
//! own terms. A lay text that uses one of those without a glossary entry stops the build, unless
//! the glossary lists it under `gewoon` as a word B1 readers know.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::diagnostic::Diagnostic;
use pijnwijzer_model::html;
use pijnwijzer_model::{Block, Kind, LayerKey, Node};

/// The glossary file, in `content/`.
pub const GLOSSARY: &str = "woordenlijst.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    gewoon: Vec<String>,
    #[serde(default)]
    woord: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    term: String,
    #[serde(default)]
    ook: Vec<String>,
    uitleg: String,
}

/// A glossary term, its other forms, and its B1 definition.
pub struct GlossaryTerm {
    pub term: String,
    pub forms: Vec<String>,
    pub definition: String,
}

/// The glossary's terms, and the words it declares everyday language.
pub struct Glossary {
    pub terms: Vec<GlossaryTerm>,
    pub everyday: Vec<String>,
}

/// Reads `content/woordenlijst.toml`; content without one has an empty glossary.
pub fn read(dir: &Path) -> Result<Glossary, Diagnostic> {
    let path = dir.join(GLOSSARY);
    if !path.exists() {
        return Ok(Glossary { terms: Vec::new(), everyday: Vec::new() });
    }
    let text = fs::read_to_string(&path).map_err(|e| {
        Diagnostic::new(&path, 1, format!("cannot read the glossary: {e}")).hint("it is UTF-8 TOML")
    })?;
    let file: GlossaryFile = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |span| 1 + text[..span.start].matches('\n').count());
        Diagnostic::new(&path, line, e.message().to_string())
            .hint("each entry is [[woord]] with `term`, optional `ook` and `uitleg`")
    })?;
    let line_of = |term: &str| {
        text.lines().position(|l| l.contains(&format!("\"{term}\""))).map_or(1, |i| i + 1)
    };
    let mut seen = BTreeSet::new();
    let mut terms = Vec::new();
    for entry in file.woord {
        for form in std::iter::once(&entry.term).chain(&entry.ook) {
            if form != &form.to_lowercase() || form.trim() != form || form.is_empty() {
                return Err(Diagnostic::new(
                    &path,
                    line_of(form),
                    format!("glossary term `{form}` must be lower case, without spaces around it"),
                )
                .hint("the compiler matches terms in any case"));
            }
            if !seen.insert(form.clone()) {
                return Err(Diagnostic::new(
                    &path,
                    line_of(form),
                    format!("glossary term `{form}` is defined twice"),
                )
                .hint("keep one entry"));
            }
        }
        if entry.uitleg.trim().is_empty() {
            return Err(Diagnostic::new(
                &path,
                line_of(&entry.term),
                format!("glossary term `{}` has no `uitleg`", entry.term),
            )
            .hint("write one or two plain sentences"));
        }
        terms.push(GlossaryTerm {
            term: entry.term,
            forms: entry.ook,
            definition: entry.uitleg.trim().to_string(),
        });
    }
    Ok(Glossary { terms, everyday: file.gewoon.iter().map(|w| w.to_lowercase()).collect() })
}

/// The professional vocabulary the content itself names, each term with where it comes from: actor
/// labels, medication names and concept titles (the part before a colon; "X (Y)" gives X and Y).
pub fn professional_terms(actor_labels: &[String], nodes: &[Node]) -> Vec<(String, &'static str)> {
    let mut terms = Vec::new();
    let mut add = |name: &str, origin: &'static str| {
        let name = name.split(':').next().unwrap_or(name).replace("(definitie)", "");
        let (main, inner) = match name.split_once('(') {
            Some((main, rest)) => {
                (main.trim().to_string(), Some(rest.trim_end_matches(')').trim().to_string()))
            }
            None => (name.trim().to_string(), None),
        };
        for term in std::iter::once(main).chain(inner) {
            if !term.is_empty() && term.split_whitespace().count() <= 3 {
                terms.push((term.to_lowercase(), origin));
            }
        }
    };
    for label in actor_labels {
        add(label, "an actor in vocabulary.toml");
    }
    for node in nodes {
        match node.kind {
            Kind::Medication => add(&node.title, "a medication's name"),
            Kind::Concept => add(&node.title, "a concept's title"),
            _ => {}
        }
    }
    terms.sort();
    terms.dedup_by(|a, b| a.0 == b.0);
    terms
}

/// Marks the first use of each glossary term in a node's lay layer, and returns the professional
/// terms it uses that the glossary neither defines nor calls everyday.
pub fn mark_lay_text(
    node: &mut Node,
    glossary: &Glossary,
    professional: &[(String, &'static str)],
) -> Vec<(String, &'static str)> {
    let Some(layer) = node.layers.iter_mut().find(|l| l.key == LayerKey::Lay) else {
        return Vec::new();
    };
    let mut text = String::new();
    collect_text(&layer.blocks, &mut text);
    let text = text.to_lowercase();
    let defined = |term: &str| {
        glossary.terms.iter().any(|t| t.term == term || t.forms.iter().any(|f| f == term))
    };
    let missing = professional
        .iter()
        .filter(|(term, _)| {
            !defined(term) && !glossary.everyday.contains(term) && find_word(&text, term).is_some()
        })
        .cloned()
        .collect();
    for entry in &glossary.terms {
        // Longer forms first, so "chronische primaire pijn" is marked whole, not as "cpp".
        let mut forms: Vec<&String> = std::iter::once(&entry.term).chain(&entry.forms).collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        'forms: for form in forms {
            for_each_html(&mut layer.blocks, &mut |html| mark_first(html, form, &entry.definition));
            if layer_has_mark(&layer.blocks, &entry.definition) {
                break 'forms;
            }
        }
    }
    missing
}

fn collect_text(blocks: &[Block], out: &mut String) {
    for_each_html_ref(blocks, &mut |html| {
        out.push_str(&html::to_text(html));
        out.push('\n');
    });
}

fn for_each_html_ref(blocks: &[Block], f: &mut impl FnMut(&str)) {
    for block in blocks {
        match block {
            Block::Paragraph(html) | Block::Heading(html) => f(html),
            Block::Quote(inner) => for_each_html_ref(inner, f),
            Block::List { items, .. } => {
                for item in items {
                    f(&item.html);
                    for_each_html_ref(&item.blocks, f);
                }
            }
            Block::Table { head, rows } => {
                head.iter().chain(rows.iter().flatten()).for_each(|cell| f(cell))
            }
        }
    }
}

/// Calls `f` on every HTML string of `blocks` in reading order until it returns `true`.
fn for_each_html(blocks: &mut [Block], f: &mut impl FnMut(&mut String) -> bool) -> bool {
    for block in blocks {
        let done = match block {
            Block::Paragraph(html) | Block::Heading(html) => f(html),
            Block::Quote(inner) => for_each_html(inner, f),
            Block::List { items, .. } => {
                items.iter_mut().any(|item| f(&mut item.html) || for_each_html(&mut item.blocks, f))
            }
            Block::Table { head, rows } => {
                head.iter_mut().chain(rows.iter_mut().flatten()).any(&mut *f)
            }
        };
        if done {
            return true;
        }
    }
    false
}

fn layer_has_mark(blocks: &[Block], definition: &str) -> bool {
    let title = format!("title=\"{}\"", html::escape(definition));
    let mut found = false;
    for_each_html_ref(blocks, &mut |html| found |= html.contains(&title));
    found
}

/// Wraps the first use of `term` in the text of `html` (outside tags and links) in a term span
/// carrying `definition`; returns whether it did.
fn mark_first(html: &mut String, term: &str, definition: &str) -> bool {
    let mut in_link = false;
    let mut position = 0;
    while position < html.len() {
        let rest = &html[position..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(html.len(), |i| position + i + 1);
            let tag = &html[position..end];
            if tag.starts_with("<a ") || tag.starts_with("<span class=\"term\"") {
                in_link = true;
            } else if tag == "</a>" || tag == "</span>" {
                in_link = false;
            }
            position = end;
            continue;
        }
        let end = rest.find('<').map_or(html.len(), |i| position + i);
        if !in_link {
            let segment = html[position..end].to_lowercase();
            // Lower-casing must keep the byte offsets for the match to be cut from the original.
            if segment.len() == end - position {
                if let Some(at) = find_word(&segment, &html::escape(term)) {
                    let (from, to) = (position + at, position + at + html::escape(term).len());
                    let marked = format!(
                        "<span class=\"term\" title=\"{}\">{}</span>",
                        html::escape(definition),
                        &html[from..to]
                    );
                    html.replace_range(from..to, &marked);
                    return true;
                }
            }
        }
        position = end;
    }
    false
}

/// The byte offset of `word` in `text` where it stands as a whole word (no letter or digit on
/// either side).
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_first_whole_word_outside_links_and_keeps_its_case() {
        let mut html = "Zie de <a href=\"#/n/x\" data-node=\"x\">TENS</a>-pagina; TENSION is geen TENS. Nog eens TENS.".to_string();
        assert!(mark_first(&mut html, "tens", "Een apparaatje & stroom."));
        assert_eq!(
            html,
            "Zie de <a href=\"#/n/x\" data-node=\"x\">TENS</a>-pagina; TENSION is geen \
             <span class=\"term\" title=\"Een apparaatje &amp; stroom.\">TENS</span>. Nog eens TENS."
        );
        assert!(!mark_first(&mut "geen woorden hier".to_string(), "tens", "x"));
    }

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(find_word("pijnpoli en poli", "poli"), Some(12));
        assert_eq!(find_word("ssri&#39;s", "ssri"), Some(0));
        assert_eq!(find_word("ssris", "ssri"), None);
    }

    #[test]
    fn professional_terms_come_from_titles_and_labels() {
        let terms =
            professional_terms(&["praktijkondersteuner (POH)".into(), "huisarts".into()], &[]);
        let names: Vec<&str> = terms.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["huisarts", "poh", "praktijkondersteuner"]);
    }
}
