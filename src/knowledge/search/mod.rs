//! Full-text search over the nodes, built when the pack is loaded.
//!
//! Ranking is BM25F: a word counts more in a title than in a rationale, and the weights shift
//! towards lay text for the patient audience. Each query word is expanded into alternatives
//! (its stem, synonyms from the thesaurus, the parts of a compound, completions of the word
//! being typed, and near spellings), and a node scores by the best alternative of each word,
//! so a synonym never counts twice.

pub mod analyze;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use analyze::{fold, Analyzer};

use crate::html;
use crate::model::{Audience, Kind, LayerKey, Node};

/// Queries longer than this many characters are cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words of a query beyond this many are ignored.
pub const MAX_QUERY_WORDS: usize = 12;

/// The fields a node's text is indexed under.
#[derive(Clone, Copy)]
enum Field {
    Title = 0,
    Main = 1,
    Detail = 2,
    Rationale = 3,
    Lay = 4,
}
const FIELDS: usize = 5;

/// Field weights per audience: the title first, then the statement; patients get lay text.
fn field_weights(audience: Audience) -> [f32; FIELDS] {
    match audience {
        Audience::Professional => [6.0, 2.0, 1.0, 0.6, 0.5],
        Audience::Patient => [6.0, 1.0, 0.6, 0.3, 2.5],
    }
}

fn field_of(layer: LayerKey) -> Field {
    match layer {
        LayerKey::Main => Field::Main,
        LayerKey::Rationale | LayerKey::Note => Field::Rationale,
        LayerKey::Lay => Field::Lay,
        _ => Field::Detail,
    }
}

/// A prior per kind: the guidance itself ranks above background that mentions the same words.
fn kind_prior(kind: Kind, audience: Audience) -> f32 {
    match (kind, audience) {
        (Kind::Recommendation | Kind::Medication, _) => 1.25,
        (Kind::Concept, Audience::Patient) => 1.25,
        (Kind::Checklist | Kind::RedFlag | Kind::Referral | Kind::Step | Kind::Concept | Kind::Role, _) => 1.1,
        (Kind::Topic, _) => 0.8,
        _ => 1.0,
    }
}

/// Term frequencies of one node for one term, per field.
#[derive(Clone)]
struct Posting {
    node: u32,
    tf: [f32; FIELDS],
}

/// A word of the vocabulary: folded form, how readers write it, and the term it indexes as.
struct Word {
    folded: String,
    display: String,
    term: u32,
    count: u32,
}

/// The inverted index over all nodes.
pub struct SearchIndex {
    analyzer: Analyzer,
    terms: HashMap<String, u32>,
    postings: Vec<Vec<Posting>>,
    lengths: Vec<[f32; FIELDS]>,
    average_length: [f32; FIELDS],
    /// Sorted by folded form, for prefix search and near spellings.
    words: Vec<Word>,
    /// Acronyms as written in content (`tens`), which a lower-case query must still find.
    acronyms: HashSet<String>,
    /// A synonym phrase's terms, joined → the groups it belongs to (indexes into `synonyms`).
    synonym_index: HashMap<String, Vec<usize>>,
    synonyms: Vec<Vec<Vec<String>>>,
    longest_synonym: usize,
    /// Per node, the folded words of its title and of each alias, for whole-phrase matches.
    titles: Vec<Vec<Vec<String>>>,
}

/// How a search is narrowed and ranked.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    pub limit: usize,
    pub audience: Option<Audience>,
    pub documents: Vec<String>,
    pub kinds: Vec<Kind>,
    pub actors: Vec<String>,
    pub steps: Vec<u8>,
    /// Whether the last word is still being typed and may be completed.
    pub prefix: bool,
}

/// A node that matched, with its score and the terms that made it match.
#[derive(Debug, Clone)]
pub struct Match {
    pub node: usize,
    pub score: f32,
}

/// The outcome of a query: matches best first, and what to mark in snippets.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub matches: Vec<Match>,
    /// Index terms (ids) of every alternative that was searched for.
    pub terms: HashSet<u32>,
    /// Words being completed: any word that starts with one is marked.
    pub prefixes: Vec<String>,
}

/// One way of matching a query word: terms that must all be found, and how much it counts.
struct Alternative {
    terms: Vec<u32>,
    weight: f32,
}

impl SearchIndex {
    /// Indexes `nodes`, with the thesaurus `synonyms` (groups of words that mean the same).
    pub fn build(nodes: &[Node], synonyms: &[Vec<String>]) -> SearchIndex {
        let mut index = SearchIndex {
            analyzer: Analyzer::default(),
            terms: HashMap::default(),
            postings: Vec::new(),
            lengths: Vec::with_capacity(nodes.len()),
            average_length: [0.0; FIELDS],
            words: Vec::new(),
            acronyms: HashSet::default(),
            synonym_index: HashMap::default(),
            synonyms: Vec::new(),
            longest_synonym: 1,
            titles: Vec::with_capacity(nodes.len()),
        };
        // Each distinct spelling is analysed (folded, stemmed) once; every later occurrence is a
        // hash lookup without allocation. `None` marks stopwords.
        let mut spellings: HashMap<String, Option<(u32, u32)>> = HashMap::default();
        let mut by_folded: HashMap<String, u32> = HashMap::default();
        let mut words: Vec<Word> = Vec::new();
        let mut node_terms: Vec<Vec<(u32, Field)>> = Vec::with_capacity(nodes.len());
        for node in nodes {
            let mut lengths = [0.0; FIELDS];
            let mut found = Vec::new();
            let mut add_text = |index: &mut SearchIndex, text: &str, field: Field| {
                for (start, end) in analyze::word_spans(text) {
                    let original = &text[start..end];
                    let known = match spellings.get(original) {
                        Some(known) => *known,
                        None => {
                            let folded = fold(original);
                            let known = (!analyze::is_stopword(&folded)).then(|| {
                                if analyze::is_acronym(original) {
                                    index.acronyms.insert(folded.clone());
                                }
                                let term = index.term_id(&index.analyzer.term(original, &folded));
                                let word = *by_folded.entry(folded.clone()).or_insert_with(|| {
                                    words.push(Word { folded, display: original.to_lowercase(), term, count: 0 });
                                    words.len() as u32 - 1
                                });
                                (word, term)
                            });
                            spellings.insert(original.to_string(), known);
                            known
                        }
                    };
                    if let Some((word, term)) = known {
                        words[word as usize].count += 1;
                        found.push((term, field));
                        lengths[field as usize] += 1.0;
                    }
                }
            };
            let names = std::iter::once(&node.title).chain(&node.aliases);
            let titles = names.map(|name| index.analyzer.tokens(name).into_iter().map(|t| t.word).collect()).collect();
            index.titles.push(titles);
            add_text(&mut index, &node.title, Field::Title);
            for alias in &node.aliases {
                add_text(&mut index, alias, Field::Title);
            }
            for layer in &node.layers {
                add_text(&mut index, &layer_text(layer), field_of(layer.key));
            }
            index.lengths.push(lengths);
            node_terms.push(found);
        }
        words.sort_by(|a, b| a.folded.cmp(&b.folded));
        index.words = words;

        // Compounds: a word whose two halves are words of the content also counts, more
        // lightly, as those halves, so `rugpijn` is found by `pijn` and `pijn educatie`
        // finds `pijneducatie`.
        let splits: HashMap<u32, Vec<u32>> = index
            .words
            .iter()
            .filter_map(|word| index.compound_parts(&word.folded).map(|parts| (word.term, parts)))
            .collect();
        for (node, found) in node_terms.iter().enumerate() {
            let mut tf: HashMap<u32, [f32; FIELDS]> = HashMap::default();
            for &(term, field) in found {
                tf.entry(term).or_insert([0.0; FIELDS])[field as usize] += 1.0;
                if let Some(parts) = splits.get(&term) {
                    for part in parts {
                        tf.entry(*part).or_insert([0.0; FIELDS])[field as usize] += 0.5;
                    }
                }
            }
            for (term, tf) in tf {
                index.postings[term as usize].push(Posting { node: node as u32, tf });
            }
        }
        let count = nodes.len().max(1) as f32;
        for f in 0..FIELDS {
            index.average_length[f] = (index.lengths.iter().map(|l| l[f]).sum::<f32>() / count).max(1.0);
        }

        // Thesaurus phrases are looked up by their terms (stems), so `dokters` finds the group
        // that lists `dokter`; they are kept as words to expand into.
        for group in synonyms {
            let group_id = index.synonyms.len();
            let mut phrases = Vec::new();
            for phrase in group {
                let tokens = index.analyzer.tokens(phrase);
                if tokens.is_empty() {
                    continue;
                }
                index.longest_synonym = index.longest_synonym.max(tokens.len());
                let key: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
                index.synonym_index.entry(key.join(" ")).or_default().push(group_id);
                phrases.push(tokens.into_iter().map(|t| t.word).collect());
            }
            index.synonyms.push(phrases);
        }
        index
    }

    fn term_id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.terms.get(term) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.terms.insert(term.to_string(), id);
        self.postings.push(Vec::new());
        id
    }

    fn word(&self, folded: &str) -> Option<&Word> {
        self.words.binary_search_by(|w| w.folded.as_str().cmp(folded)).ok().map(|i| &self.words[i])
    }

    /// The terms of the two halves of a compound `word`, where both halves are words of the
    /// content of three letters or more (a linking `s` or `e` between them is allowed).
    fn compound_parts(&self, word: &str) -> Option<Vec<u32>> {
        if word.len() < 7 || !word.is_ascii() {
            return None;
        }
        let known = |part: &str| self.word(part).map(|w| w.term);
        for split in (3..=word.len() - 3).rev() {
            let (left, right) = word.split_at(split);
            let Some(left_term) = known(left) else { continue };
            let right_term = known(right).or_else(|| {
                right.strip_prefix('s').or_else(|| right.strip_prefix('e')).filter(|r| r.len() >= 3).and_then(known)
            });
            if let Some(right_term) = right_term {
                return Some(vec![left_term, right_term]);
            }
        }
        None
    }

    /// Runs `query` over the nodes; `nodes` must be the slice the index was built from.
    pub fn search(&self, nodes: &[Node], query: &Query) -> Outcome {
        let text: String = query.text.chars().take(MAX_QUERY_CHARS).collect();
        let mut tokens = self.analyzer.tokens(&text);
        tokens.truncate(MAX_QUERY_WORDS);
        let mut outcome = Outcome::default();
        if tokens.is_empty() || query.limit == 0 {
            return outcome;
        }
        let completing_last = query.prefix && text.ends_with(|c: char| c.is_alphanumeric());
        let Some(groups) = self.expand(&text, &tokens, completing_last, &mut outcome) else {
            return outcome;
        };
        let audience = query.audience.unwrap_or(Audience::Professional);
        let weights = field_weights(audience);
        let average: f32 = (0..FIELDS).map(|f| weights[f] * self.average_length[f]).sum();
        let node_count = nodes.len() as f32;

        let mut scores: HashMap<u32, (f32, usize)> = HashMap::default();
        for alternatives in &groups {
            let mut best: HashMap<u32, f32> = HashMap::default();
            for alternative in alternatives {
                let share = alternative.weight / alternative.terms.len() as f32;
                let mut per_node: HashMap<u32, (f32, usize)> = HashMap::default();
                for &term in &alternative.terms {
                    let postings = &self.postings[term as usize];
                    let df = postings.len() as f32;
                    let idf = ((node_count - df + 0.5) / (df + 0.5) + 1.0).ln();
                    for posting in postings {
                        let tf: f32 = (0..FIELDS).map(|f| weights[f] * posting.tf[f]).sum();
                        let length: f32 = (0..FIELDS).map(|f| weights[f] * self.lengths[posting.node as usize][f]).sum();
                        let (k1, b) = (1.2, 0.75);
                        let score = idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * length / average));
                        let entry = per_node.entry(posting.node).or_insert((0.0, 0));
                        entry.0 += share * score;
                        entry.1 += 1;
                    }
                }
                for (node, (score, found)) in per_node {
                    // A compound or phrase alternative counts only when all its parts are found.
                    if found == alternative.terms.len() {
                        let slot = best.entry(node).or_insert(0.0);
                        *slot = slot.max(score);
                    }
                }
            }
            for (node, score) in best {
                let entry = scores.entry(node).or_insert((0.0, 0));
                entry.0 += score;
                entry.1 += 1;
            }
        }

        let wanted = groups.len() as f32;
        let words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
        let mut matches: Vec<Match> = scores
            .into_iter()
            .map(|(node, (score, matched))| (node as usize, score, matched))
            .filter(|&(node, _, _)| passes_filters(&nodes[node], query))
            .map(|(node, score, matched)| {
                let coverage = matched as f32 / wanted;
                let prior = kind_prior(nodes[node].kind, audience) * self.title_boost(node, &words);
                Match { node, score: score * coverage * coverage * prior }
            })
            .collect();
        matches.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| nodes[a.node].id.cmp(&nodes[b.node].id)));
        matches.truncate(query.limit);
        outcome.matches = matches;
        outcome
    }

    /// Each query word (or thesaurus phrase) with the alternatives it may match as; `None` when
    /// the query names something (a capitalised word, an acronym, a word with digits) that occurs
    /// nowhere in the content: the guidance does not address it, so nothing is better than a guess.
    fn expand(&self, text: &str, tokens: &[analyze::Token], completing_last: bool, outcome: &mut Outcome) -> Option<Vec<Vec<Alternative>>> {
        let mut groups = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut alternatives = Vec::new();
            let mut consumed = 1;
            // The longest thesaurus phrase that starts here.
            for length in (1..=self.longest_synonym.min(tokens.len() - i)).rev() {
                let phrase: Vec<&str> = tokens[i..i + length].iter().map(|t| t.word.as_str()).collect();
                let key: Vec<&str> = tokens[i..i + length].iter().map(|t| t.term.as_str()).collect();
                if let Some(group_ids) = self.synonym_index.get(&key.join(" ")) {
                    for &group in group_ids {
                        for synonym in &self.synonyms[group] {
                            let weight = if synonym.iter().map(String::as_str).eq(phrase.iter().copied()) { 1.0 } else { 0.9 };
                            self.push_phrase(synonym, weight, &mut alternatives, outcome);
                        }
                    }
                    if length > 1 {
                        consumed = length;
                    }
                    break;
                }
            }
            if consumed == 1 {
                let token = &tokens[i];
                let is_last = i + 1 == tokens.len();
                self.word_alternatives(text, token, completing_last && is_last, &mut alternatives, outcome);
            }
            if alternatives.is_empty() {
                let token = &tokens[i];
                let still_typing = completing_last && i + 1 == tokens.len();
                let is_name = text[token.start..token.end].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
                if is_name && !still_typing {
                    return None;
                }
            }
            // A word nothing matches still counts against coverage.
            groups.push(alternatives);
            i += consumed;
        }
        Some(groups)
    }

    /// How much a node gains from its names (title and aliases): most when the query is one of
    /// them, then when a title starts with the query or the query contains a whole name
    /// (`duloxetine dosering`), then when the query is a phrase inside one. A reader who types a
    /// drug's or a role's name wants that node, not the ones that merely mention it.
    fn title_boost(&self, node: usize, words: &[&str]) -> f32 {
        let mut boost: f32 = 1.0;
        let contains = |outer: &[&str], inner: &[&str]| !inner.is_empty() && inner.len() <= outer.len() && outer.windows(inner.len()).any(|w| w == inner);
        for (index, name) in self.titles[node].iter().enumerate() {
            let name: Vec<&str> = name.iter().map(String::as_str).collect();
            if name == words {
                return 2.0;
            }
            let is_title = index == 0;
            if (is_title && name.starts_with(words)) || contains(words, &name) {
                boost = boost.max(1.8);
            } else if contains(&name, words) {
                boost = boost.max(1.5);
            }
        }
        boost
    }

    fn push_phrase(&self, words: &[String], weight: f32, alternatives: &mut Vec<Alternative>, outcome: &mut Outcome) {
        let mut terms = Vec::new();
        for word in words {
            let term = if self.acronyms.contains(word) { word.clone() } else { self.analyzer.stem(word) };
            match self.terms.get(&term) {
                Some(&id) => {
                    terms.push(id);
                    outcome.terms.insert(id);
                }
                None => return,
            }
        }
        if !terms.is_empty() {
            alternatives.push(Alternative { terms, weight });
        }
    }

    fn word_alternatives(&self, text: &str, token: &analyze::Token, completing: bool, alternatives: &mut Vec<Alternative>, outcome: &mut Outcome) {
        let original = &text[token.start..token.end];
        let stem = self.analyzer.term(original, &token.word);
        let mut candidates = vec![stem.clone()];
        if self.acronyms.contains(&token.word) && token.word != stem {
            candidates.push(token.word.clone());
        }
        let mut exact = false;
        for term in candidates {
            if let Some(&id) = self.terms.get(&term) {
                exact = true;
                outcome.terms.insert(id);
                alternatives.push(Alternative { terms: vec![id], weight: 1.0 });
            }
        }
        if let Some(parts) = self.compound_parts(&token.word) {
            outcome.terms.extend(parts.iter().copied());
            alternatives.push(Alternative { terms: parts, weight: 0.8 });
        }
        if completing && token.word.len() >= 2 {
            outcome.prefixes.push(token.word.clone());
            let start = self.words.partition_point(|w| w.folded.as_str() < token.word.as_str());
            let mut completions: Vec<&Word> =
                self.words[start..].iter().take_while(|w| w.folded.starts_with(&token.word)).filter(|w| w.folded != token.word).collect();
            completions.sort_by(|a, b| b.count.cmp(&a.count));
            for word in completions.into_iter().take(24) {
                let weight = 0.75 * (token.word.len() as f32 / word.folded.len() as f32).sqrt();
                alternatives.push(Alternative { terms: vec![word.term], weight });
            }
        }
        if !exact {
            let max_edits = match token.word.chars().count() {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            };
            if max_edits > 0 {
                let mut near = NearSpelling::new(&token.word, max_edits);
                for word in &self.words {
                    if word.folded.len().abs_diff(token.word.len()) <= max_edits && near.matches(&word.folded) {
                        outcome.terms.insert(word.term);
                        alternatives.push(Alternative { terms: vec![word.term], weight: 0.6 });
                    }
                }
            }
        }
    }

    /// Words of the content that start with `prefix` (folded), most frequent first.
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<String> {
        let prefix = fold(prefix.trim());
        if prefix.is_empty() {
            return Vec::new();
        }
        let start = self.words.partition_point(|w| w.folded.as_str() < prefix.as_str());
        let mut words: Vec<&Word> = self.words[start..].iter().take_while(|w| w.folded.starts_with(&prefix)).collect();
        words.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.folded.cmp(&b.folded)));
        words.into_iter().take(limit).map(|w| w.display.clone()).collect()
    }

    /// `text` as escaped HTML with the words `outcome` searched for wrapped in `<mark>`, cut to
    /// the window of about `width` words that holds the most of them.
    pub fn snippet(&self, text: &str, outcome: &Outcome, width: usize) -> String {
        // Each word is looked up in the vocabulary (its term is known there) rather than
        // analysed again: snippets are made for every hit of every query.
        let spans = analyze::word_spans(text);
        let hits: Vec<bool> = spans
            .iter()
            .map(|&(s, e)| {
                let word = fold(&text[s..e]);
                self.word(&word).is_some_and(|w| outcome.terms.contains(&w.term)) || outcome.prefixes.iter().any(|p| word.starts_with(p.as_str()))
            })
            .collect();
        // The window of `width` words with the most hits, counted as it slides.
        let (mut first, mut best) = (0, 0);
        let mut count = hits.iter().take(width).filter(|h| **h).count();
        for start in 0..spans.len() {
            if count > best {
                best = count;
                first = start;
            }
            count -= usize::from(hits[start]);
            count += usize::from(hits.get(start + width).copied().unwrap_or(false));
        }
        // Start the window a few words before the first hit, for context.
        first = first.saturating_sub(3);
        let last = (first + width).min(spans.len());
        let mut out = String::new();
        if spans.is_empty() {
            return out;
        }
        let begin = if first == 0 { 0 } else { spans[first].0 };
        let end = if last == spans.len() { text.len() } else { spans[last - 1].1 };
        if first > 0 {
            out.push('…');
        }
        let mut at = begin;
        for (i, &(s, e)) in spans.iter().enumerate().take(last).skip(first) {
            html::escape_into(&mut out, &text[at..s]);
            if hits[i] {
                out.push_str("<mark>");
                html::escape_into(&mut out, &text[s..e]);
                out.push_str("</mark>");
            } else {
                html::escape_into(&mut out, &text[s..e]);
            }
            at = e;
        }
        html::escape_into(&mut out, &text[at..end]);
        if end < text.len() {
            out.push('…');
        }
        out
    }
}

fn passes_filters(node: &Node, query: &Query) -> bool {
    let document = node.source.as_ref().map(|s| s.document.as_str());
    (query.documents.is_empty() || document.is_some_and(|d| query.documents.iter().any(|q| q == d)))
        && (query.kinds.is_empty() || query.kinds.contains(&node.kind))
        && (query.actors.is_empty() || node.actors.iter().any(|a| query.actors.contains(a)))
        && (query.steps.is_empty() || node.steps.iter().chain(node.step.iter()).any(|s| query.steps.contains(s)))
}

/// The plain text of a layer, blocks separated by newlines.
pub fn layer_text(layer: &crate::model::Layer) -> String {
    let mut text = String::new();
    crate::knowledge::render::blocks_text(&layer.blocks, &mut text);
    text
}

/// Tests words for being at most `max` edits from one word (insert, delete, substitute, or swap
/// two neighbours: optimal string alignment), computed on rows that stop as soon as every cell
/// exceeds `max`. Built once per query word and reused over the vocabulary, so a comparison
/// allocates nothing.
struct NearSpelling {
    word: Vec<char>,
    max: usize,
    other: Vec<char>,
    rows: [Vec<usize>; 3],
}

impl NearSpelling {
    fn new(word: &str, max: usize) -> Self {
        let word: Vec<char> = word.chars().collect();
        let width = word.len() + max + 2;
        NearSpelling { word, max, other: Vec::with_capacity(width), rows: [vec![0; width], vec![0; width], vec![0; width]] }
    }

    fn matches(&mut self, other: &str) -> bool {
        self.other.clear();
        self.other.extend(other.chars());
        let (a, b, max) = (&self.other, &self.word, self.max);
        let (n, m) = (a.len(), b.len());
        if n.abs_diff(m) > max {
            return false;
        }
        for row in &mut self.rows {
            if row.len() < m + 1 {
                row.resize(m + 1, 0);
            }
        }
        let [before, previous, current] = &mut self.rows;
        for (j, cell) in previous.iter_mut().enumerate().take(m + 1) {
            *cell = j;
        }
        for i in 1..=n {
            current[0] = i;
            let mut row_min = i;
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut value = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = value.min(before[j - 2] + 1);
                }
                current[j] = value;
                row_min = row_min.min(value);
            }
            if row_min > max {
                return false;
            }
            std::mem::swap(before, previous);
            std::mem::swap(previous, current);
        }
        previous[m] <= max
    }
}

#[cfg(test)]
mod tests {
    use super::NearSpelling;

    fn within_edits(a: &str, b: &str, max: usize) -> bool {
        NearSpelling::new(a, max).matches(b)
    }

    #[test]
    fn edits_count_swaps_as_one() {
        assert!(within_edits("pregabalien", "pregabaline", 1));
        assert!(within_edits("oxycodon", "oxycodone", 1));
        assert!(!within_edits("oxycodon", "codeine", 2));
        assert!(within_edits("amitryptiline", "amitriptyline", 2));
        let mut near = NearSpelling::new("sensitisatie", 2);
        assert!(near.matches("sensitasatie") && !near.matches("stimulatie") && near.matches("sensitisatie"), "reusable");
    }
}
