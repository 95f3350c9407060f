//! Full-text search over the nodes, built when the pack is loaded.
//!
//! Ranking is BM25F: a word counts more in a title than in a rationale, and the weights shift
//! towards lay text for the patient audience. Each query word is expanded into alternatives
//! (its stem, synonyms from the thesaurus, the parts of a compound, completions of the word
//! being typed, and near spellings), and a node scores by the best alternative of each word,
//! so a synonym never counts twice.
//!
//! A query runs in microseconds because everything that does not depend on the query is done
//! once, at load: per-audience term weights and length norms, the thesaurus as term ids, each
//! name and snippet text as vocabulary word ids, and a bigram index that narrows the search for
//! near spellings to a few hundred candidates instead of the whole vocabulary.

pub mod analyze;

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use analyze::{fold, Analyzer};

use pijnwijzer_model::html;
use pijnwijzer_model::{Audience, Kind, LayerKey, Node};

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

/// The audiences ranking is tuned for, in the order of the per-audience arrays below.
const AUDIENCES: [Audience; 2] = [Audience::Professional, Audience::Patient];

fn audience_slot(audience: Audience) -> usize {
    match audience {
        Audience::Professional => 0,
        Audience::Patient => 1,
    }
}

/// Field weights per audience: the title first, then the statement; patients get lay text.
fn field_weights(audience: Audience) -> [f32; FIELDS] {
    match audience {
        Audience::Professional => [6.0, 2.0, 1.0, 0.6, 0.5],
        Audience::Patient => [6.0, 1.0, 0.6, 0.3, 2.5],
    }
}

/// BM25's saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;

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

/// A node a term occurs in, with the term's BM25F score there for each audience: everything
/// in it (field weights, term frequency, length norm, idf) is known at load.
struct Posting {
    node: u32,
    score: [f32; 2],
}

/// A word of the vocabulary: folded form, how readers write it, and the term it indexes as.
struct Word {
    folded: String,
    display: String,
    term: u32,
    count: u32,
    /// The terms of its parts, when it is a compound of words of the content.
    parts: Option<Box<[u32]>>,
}

/// Marks a span that is not a vocabulary word (a stopword).
const NO_WORD: u32 = u32::MAX;

/// A word of a text: its start and end (bytes), and its vocabulary word and term (`None` for a
/// stopword).
type WordSpan = (u32, u32, Option<(u32, u32)>);

/// A text snippets are cut from, escaped once at load, with each word's place, vocabulary word
/// and term.
struct SnippetText {
    html: String,
    spans: Vec<Span>,
}

impl SnippetText {
    /// Escapes `text`; `words` are its words as [`VocabularyBuilder::read`] gives them.
    fn new(text: &str, words: &[WordSpan]) -> SnippetText {
        let mut html = String::with_capacity(text.len());
        let mut spans = Vec::with_capacity(words.len());
        let mut at = 0;
        for &(start, end, known) in words {
            let (start, end) = (start as usize, end as usize);
            html::escape_into(&mut html, &text[at..start]);
            let escaped_start = html.len() as u32;
            // Words are letters and digits only, so escaping leaves them as they are.
            html.push_str(&text[start..end]);
            let (word, term) = known.unwrap_or((NO_WORD, NO_WORD));
            spans.push(Span { start: escaped_start, end: html.len() as u32, word, term });
            at = end;
        }
        html::escape_into(&mut html, &text[at..]);
        SnippetText { html, spans }
    }
}

/// A word of a snippet text: its byte range in the escaped text, and its word and term ([`NO_WORD`] for a stopword).
struct Span {
    start: u32,
    end: u32,
    word: u32,
    term: u32,
}

/// A thesaurus phrase: its terms, when every one occurs in the content.
struct Phrase {
    terms: Option<Vec<u32>>,
}

/// The inverted index over all nodes.
pub struct SearchIndex {
    analyzer: Analyzer,
    terms: HashMap<String, u32>,
    /// Term id → term text, for building thesaurus keys from known words.
    term_names: Vec<String>,
    postings: Vec<Vec<Posting>>,
    /// Sorted by folded form, for prefix search and near spellings.
    words: Vec<Word>,
    /// Folded form → index in `words`.
    word_ids: HashMap<String, u32>,
    /// (Letter pair, word length in letters) → the words of that length that have the pair;
    /// `^` and `$` mark a word's ends. Lists are in word order.
    bigrams: HashMap<(u64, usize), Vec<u32>>,
    /// Acronyms as written in content (`tens`), which a lower-case query must still find.
    acronyms: HashSet<String>,
    /// A synonym phrase's terms, joined → the groups it belongs to (indexes into `synonyms`).
    synonym_index: HashMap<String, Vec<usize>>,
    synonyms: Vec<Vec<Phrase>>,
    /// A term → the most words of a thesaurus phrase that starts with it.
    phrase_lengths: HashMap<String, usize>,
    /// Per node, the words of its title and of each alias, for whole-name matches.
    names: Vec<Vec<Vec<u32>>>,
    /// Word → the names (node, which name) that hold it: only those can match a query by name.
    named_by: HashMap<u32, Vec<(u32, u32)>>,
    /// Per audience and node, the prior of the node's kind.
    priors: [Vec<f32>; 2],
    /// Per node, the main and the lay text (indexes into `snippet_texts`).
    snippet_sources: Vec<[Option<u32>; 2]>,
    snippet_texts: Vec<SnippetText>,
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

/// A node that matched, with its score.
#[derive(Debug, Clone)]
pub struct Match {
    pub node: usize,
    pub score: f32,
}

/// The outcome of a query: matches best first, and what to mark in snippets.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub matches: Vec<Match>,
    /// Index terms of every alternative that was searched for.
    pub terms: TermSet,
    /// Words being completed: any word that starts with one is marked.
    pub prefixes: Vec<String>,
}

/// A set of term ids, one bit per term of the index: snippets test every word against it.
#[derive(Debug, Clone, Default)]
pub struct TermSet(Vec<u64>);

impl TermSet {
    fn with_capacity(terms: usize) -> TermSet {
        TermSet(vec![0; terms.div_ceil(64)])
    }

    fn insert(&mut self, term: u32) {
        if let Some(bits) = self.0.get_mut(term as usize / 64) {
            *bits |= 1 << (term % 64);
        }
    }

    /// Whether `term` was searched for.
    pub fn contains(&self, term: u32) -> bool {
        self.0.get(term as usize / 64).is_some_and(|bits| bits >> (term % 64) & 1 == 1)
    }
}

/// One way of matching a query word: terms that must all be found, and how much it counts.
struct Alternative<'a> {
    /// Borrowed from the index but for the parts of a compound the content never uses whole.
    terms: Cow<'a, [u32]>,
    weight: f32,
}

/// One node's running score during a query.
#[derive(Clone, Copy, Default)]
struct Accumulator {
    /// Summed over the query words matched so far, and how many matched.
    total: f32,
    words: u16,
    /// The best alternative of the current query word.
    best: f32,
    has_best: bool,
}

/// A word of the query: folded, with its vocabulary word and term when the content has them.
struct QueryWord<'a> {
    folded: String,
    word: Option<u32>,
    /// The index term's text (for thesaurus keys) and id, if the content has the term.
    term: Cow<'a, str>,
    term_id: Option<&'a u32>,
    start: usize,
    end: usize,
}

/// Collects the vocabulary while the nodes are read: each distinct spelling is analysed (folded,
/// stemmed) once, and every later occurrence is a hash lookup.
#[derive(Default)]
struct VocabularyBuilder {
    analyzer: Analyzer,
    /// Spelling as written → (word, term); `None` for stopwords.
    spellings: HashMap<String, Option<(u32, u32)>>,
    by_folded: HashMap<String, u32>,
    words: Vec<Word>,
    terms: HashMap<String, u32>,
    term_names: Vec<String>,
    acronyms: HashSet<String>,
}

impl VocabularyBuilder {
    fn term_id(&mut self, term: String) -> u32 {
        if let Some(&id) = self.terms.get(&term) {
            return id;
        }
        let id = self.term_names.len() as u32;
        self.terms.insert(term.clone(), id);
        self.term_names.push(term);
        id
    }

    /// The word and term of `original`, or `None` for a stopword.
    fn analyse(&mut self, original: &str) -> Option<(u32, u32)> {
        if let Some(known) = self.spellings.get(original) {
            return *known;
        }
        let folded = fold(original);
        let known = if analyze::is_stopword(&folded) || folded.is_empty() {
            None
        } else {
            if analyze::is_acronym(original) {
                self.acronyms.insert(folded.clone());
            }
            let term = self.analyzer.term(original, &folded);
            let term = self.term_id(term);
            let word = match self.by_folded.get(&folded) {
                Some(&word) => word,
                None => {
                    let word = self.words.len() as u32;
                    self.by_folded.insert(folded.clone(), word);
                    self.words.push(Word { folded, display: original.to_lowercase(), term, count: 0, parts: None });
                    word
                }
            };
            Some((word, term))
        };
        self.spellings.insert(original.to_string(), known);
        known
    }

    /// The words of `text` as (start, end, word, term), stopwords with `None`, counted.
    fn read(&mut self, text: &str) -> Vec<WordSpan> {
        analyze::word_spans(text)
            .into_iter()
            .map(|(start, end)| {
                let known = self.analyse(&text[start..end]);
                if let Some((word, _)) = known {
                    self.words[word as usize].count += 1;
                }
                (start as u32, end as u32, known)
            })
            .collect()
    }
}

/// The distinct letter pairs of `word`, its ends marked, as keys of [`SearchIndex::bigrams`].
fn bigrams(word: &str) -> Vec<u64> {
    let chars: Vec<char> = std::iter::once('^').chain(word.chars()).chain(std::iter::once('$')).collect();
    let mut keys: Vec<u64> = chars.windows(2).map(|pair| (u64::from(pair[0]) << 32) | u64::from(pair[1])).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

impl SearchIndex {
    /// Indexes `nodes`, with the thesaurus `synonyms` (groups of words that mean the same).
    ///
    /// Never inlined: it runs once, and kept apart its code can be told from the rest of the
    /// wasm by name, which the benchmark's size measurement relies on (`bench/wasm-share.mjs`).
    #[inline(never)]
    pub fn build(nodes: &[Node], synonyms: &[Vec<String>]) -> SearchIndex {
        let mut vocabulary = VocabularyBuilder::default();
        let mut node_terms: Vec<Vec<(u32, Field)>> = Vec::with_capacity(nodes.len());
        let mut lengths: Vec<[f32; FIELDS]> = Vec::with_capacity(nodes.len());
        let mut names: Vec<Vec<Vec<u32>>> = Vec::with_capacity(nodes.len());
        let mut snippet_sources = Vec::with_capacity(nodes.len());
        let mut snippet_texts = Vec::new();
        for node in nodes {
            let mut length = [0.0; FIELDS];
            let mut found = Vec::new();
            let mut add = |words: &[WordSpan], field: Field| {
                for (_, term) in words.iter().filter_map(|w| w.2) {
                    found.push((term, field));
                    length[field as usize] += 1.0;
                }
            };
            let mut node_names = Vec::new();
            for name in std::iter::once(&node.title).chain(&node.aliases) {
                let words = vocabulary.read(name);
                add(&words, Field::Title);
                node_names.push(words.iter().filter_map(|w| w.2.map(|(word, _)| word)).collect());
            }
            let mut sources = [None; 2];
            for layer in &node.layers {
                let text = layer_text(layer);
                let words = vocabulary.read(&text);
                add(&words, field_of(layer.key));
                let slot = match layer.key {
                    LayerKey::Main => Some(0),
                    LayerKey::Lay => Some(1),
                    _ => None,
                };
                if let Some(slot) = slot.filter(|&s| sources[s].is_none()) {
                    sources[slot] = Some(snippet_texts.len() as u32);
                    snippet_texts.push(SnippetText::new(&text, &words));
                }
            }
            names.push(node_names);
            snippet_sources.push(sources);
            lengths.push(length);
            node_terms.push(found);
        }

        // Words are sorted by folded form for binary search; every stored word id is renumbered.
        let VocabularyBuilder { analyzer, mut words, terms, term_names, acronyms, mut by_folded, .. } = vocabulary;
        let mut order: Vec<u32> = (0..words.len() as u32).collect();
        order.sort_by(|&a, &b| words[a as usize].folded.cmp(&words[b as usize].folded));
        let mut renumber = vec![0u32; words.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        let mut slots: Vec<Option<Word>> = words.drain(..).map(Some).collect();
        let words: Vec<Word> = order.iter().map(|&old| slots[old as usize].take().expect("each word once")).collect();
        for word in by_folded.values_mut() {
            *word = renumber[*word as usize];
        }
        for name in names.iter_mut().flatten().flatten() {
            *name = renumber[*name as usize];
        }
        for span in snippet_texts.iter_mut().flat_map(|t| t.spans.iter_mut()) {
            if span.word != NO_WORD {
                span.word = renumber[span.word as usize];
            }
        }

        let mut index = SearchIndex {
            analyzer,
            postings: (0..term_names.len()).map(|_| Vec::new()).collect(),
            terms,
            term_names,
            words,
            word_ids: by_folded,
            bigrams: HashMap::default(),
            acronyms,
            synonym_index: HashMap::default(),
            synonyms: Vec::new(),
            phrase_lengths: HashMap::default(),
            names,
            named_by: HashMap::default(),
            priors: AUDIENCES.map(|audience| nodes.iter().map(|node| kind_prior(node.kind, audience)).collect()),
            snippet_sources,
            snippet_texts,
        };

        // Compounds: a word whose two halves are words of the content also counts, more
        // lightly, as those halves, so `rugpijn` is found by `pijn` and `pijn educatie`
        // finds `pijneducatie`.
        for id in 0..index.words.len() {
            index.words[id].parts = index.compound_parts(&index.words[id].folded);
        }
        let splits: HashMap<u32, &[u32]> = index.words.iter().filter_map(|word| word.parts.as_deref().map(|parts| (word.term, parts))).collect();
        let weights = AUDIENCES.map(field_weights);
        for (node, found) in node_terms.iter().enumerate() {
            let mut tf: HashMap<u32, [f32; FIELDS]> = HashMap::default();
            for &(term, field) in found {
                tf.entry(term).or_insert([0.0; FIELDS])[field as usize] += 1.0;
                if let Some(parts) = splits.get(&term) {
                    for part in parts.iter() {
                        tf.entry(*part).or_insert([0.0; FIELDS])[field as usize] += 0.5;
                    }
                }
            }
            for (term, tf) in tf {
                // Weighted term frequencies for now; scores once every node is counted.
                let score = weights.map(|w| dot(&w, &tf));
                index.postings[term as usize].push(Posting { node: node as u32, score });
            }
        }
        let count = nodes.len().max(1) as f32;
        let mut average = [0.0; FIELDS];
        for (f, slot) in average.iter_mut().enumerate() {
            *slot = (lengths.iter().map(|l| l[f]).sum::<f32>() / count).max(1.0);
        }
        let average = weights.map(|w| dot(&w, &average));
        let norms: Vec<[f32; 2]> = lengths.iter().map(|l| [0, 1].map(|a| K1 * (1.0 - B + B * dot(&weights[a], l) / average[a]))).collect();
        for postings in &mut index.postings {
            let idf = idf(count, postings.len());
            for posting in postings.iter_mut() {
                let norm = norms[posting.node as usize];
                posting.score = [0, 1].map(|a| idf * posting.score[a] * (K1 + 1.0) / (posting.score[a] + norm[a]));
            }
        }

        for (id, word) in index.words.iter().enumerate() {
            let letters = word.folded.chars().count();
            for key in bigrams(&word.folded) {
                index.bigrams.entry((key, letters)).or_default().push(id as u32);
            }
        }
        for (node, names) in index.names.iter().enumerate() {
            for (name, words) in names.iter().enumerate() {
                for &word in words {
                    let holders = index.named_by.entry(word).or_default();
                    if holders.last() != Some(&(node as u32, name as u32)) {
                        holders.push((node as u32, name as u32));
                    }
                }
            }
        }

        // Thesaurus phrases are looked up by their terms (stems), so `dokters` finds the group
        // that lists `dokter`; each phrase keeps its terms to expand into.
        for group in synonyms {
            let group_id = index.synonyms.len();
            let mut phrases = Vec::new();
            for phrase in group {
                let tokens = index.analyzer.tokens(phrase);
                if tokens.is_empty() {
                    continue;
                }
                let longest = index.phrase_lengths.entry(tokens[0].term.clone()).or_default();
                *longest = (*longest).max(tokens.len());
                let key: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
                index.synonym_index.entry(key.join(" ")).or_default().push(group_id);
                let terms = tokens
                    .iter()
                    .map(|t| {
                        let term = if index.acronyms.contains(&t.word) { &t.word } else { &t.term };
                        index.terms.get(term).copied()
                    })
                    .collect();
                phrases.push(Phrase { terms });
            }
            index.synonyms.push(phrases);
        }
        index
    }

    fn word_id(&self, folded: &str) -> Option<u32> {
        self.word_ids.get(folded).copied()
    }

    /// The terms of the parts of a compound `word`: both halves, when both are words of the
    /// content of three letters or more (a linking `s` or `e` between them is allowed:
    /// `pijneducatie`, `bewegingsoefeningen`); otherwise the first half alone, when it is a
    /// content word of four letters or more followed by a linking `s` and five letters or more,
    /// so `gesprek` finds `gespreksvoering` although `voering` occurs nowhere on its own.
    fn compound_parts(&self, word: &str) -> Option<Box<[u32]>> {
        if word.len() < 7 || !word.is_ascii() {
            return None;
        }
        let known = |part: &str| self.word_id(part).map(|w| self.words[w as usize].term);
        for split in (3..=word.len() - 3).rev() {
            let (left, right) = word.split_at(split);
            let Some(left_term) = known(left) else {
                continue;
            };
            let right_term =
                known(right).or_else(|| right.strip_prefix('s').or_else(|| right.strip_prefix('e')).filter(|r| r.len() >= 3).and_then(known));
            if let Some(right_term) = right_term {
                return Some(Box::new([left_term, right_term]));
            }
        }
        (4..word.len().saturating_sub(5))
            .rev()
            .map(|split| word.split_at(split))
            .filter(|(_, right)| right.starts_with('s'))
            .find_map(|(left, _)| known(left))
            .map(|left_term| Box::new([left_term]) as Box<[u32]>)
    }

    /// The words of a query, stopwords left out. A word of the content takes its term from the
    /// vocabulary; only a word the content never uses is stemmed.
    fn query_words(&self, text: &str) -> Vec<QueryWord<'_>> {
        let mut words = Vec::new();
        for (start, end) in analyze::word_spans(text) {
            let original = &text[start..end];
            let folded = fold(original);
            if folded.is_empty() || analyze::is_stopword(&folded) {
                continue;
            }
            let word = self.word_id(&folded);
            let (term, term_id) = match word {
                Some(word) if !analyze::is_acronym(original) => {
                    let term = &self.words[word as usize].term;
                    (Cow::Borrowed(self.term_names[*term as usize].as_str()), Some(term))
                }
                _ => {
                    let term = self.analyzer.term(original, &folded);
                    let id = self.terms.get(&term);
                    (Cow::Owned(term), id)
                }
            };
            words.push(QueryWord { folded, word, term, term_id, start, end });
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
        }
        words
    }

    /// Runs `query` over the nodes; `nodes` must be the slice the index was built from.
    pub fn search(&self, nodes: &[Node], query: &Query) -> Outcome {
        let text = match query.text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => &query.text[..cut],
            None => query.text.as_str(),
        };
        let words = self.query_words(text);
        let mut outcome = Outcome { terms: TermSet::with_capacity(self.term_names.len()), ..Outcome::default() };
        if words.is_empty() || query.limit == 0 {
            return outcome;
        }
        let completing_last = query.prefix && text.ends_with(|c: char| c.is_alphanumeric());
        let Some(groups) = self.expand(text, &words, completing_last, &mut outcome) else {
            return outcome;
        };
        let audience = query.audience.unwrap_or(Audience::Professional);
        let slot = audience_slot(audience);

        // Dense per-node accumulators, one allocation per query; the `in_*` lists say which
        // entries are in use, so nothing is scanned in full.
        let mut acc = vec![Accumulator::default(); nodes.len()];
        let (mut in_total, mut in_best) = (Vec::with_capacity(nodes.len()), Vec::with_capacity(nodes.len()));
        for alternatives in &groups {
            for alternative in alternatives {
                let share = alternative.weight / alternative.terms.len() as f32;
                let keep_best = |acc: &mut Accumulator, node: usize, score: f32, in_best: &mut Vec<usize>| {
                    if acc.has_best {
                        // A comparison, not `f32::max`: in wasm that is a call to `fmaxf`.
                        if score > acc.best {
                            acc.best = score;
                        }
                    } else {
                        acc.has_best = true;
                        acc.best = score;
                        in_best.push(node);
                    }
                };
                if let [term] = alternative.terms[..] {
                    for posting in &self.postings[term as usize] {
                        let node = posting.node as usize;
                        keep_best(&mut acc[node], node, share * posting.score[slot], &mut in_best);
                    }
                    continue;
                }
                // A compound or phrase alternative counts only where all its parts are found: walk
                // the rarest part's nodes and look the others up (postings are in node order).
                let mut parts: Vec<&[Posting]> = alternative.terms.iter().map(|&t| self.postings[t as usize].as_slice()).collect();
                parts.sort_unstable_by_key(|postings| postings.len());
                let Some((rarest, others)) = parts.split_first() else { continue };
                'nodes: for posting in *rarest {
                    let mut score = posting.score[slot];
                    for other in others {
                        match other.binary_search_by_key(&posting.node, |p| p.node) {
                            Ok(at) => score += other[at].score[slot],
                            Err(_) => continue 'nodes,
                        }
                    }
                    let node = posting.node as usize;
                    keep_best(&mut acc[node], node, share * score, &mut in_best);
                }
            }
            for node in in_best.drain(..) {
                let entry = &mut acc[node];
                entry.has_best = false;
                if entry.words == 0 {
                    in_total.push(node);
                }
                entry.total += std::mem::take(&mut entry.best);
                entry.words += 1;
            }
        }

        let wanted = groups.len() as f32;
        let query_words: Vec<u32> = words.iter().map(|w| w.word.unwrap_or(NO_WORD)).collect();
        // Every name match shares a word with the query, so only names holding one are checked.
        let mut name_boosts = vec![1.0f32; nodes.len()];
        for word in &query_words {
            for &(node, name) in self.named_by.get(word).map_or(&[][..], Vec::as_slice) {
                let boost = name_boost(&self.names[node as usize][name as usize], name == 0, &query_words);
                if boost > name_boosts[node as usize] {
                    name_boosts[node as usize] = boost;
                }
            }
        }
        let mut matches: Vec<Match> = Vec::with_capacity(in_total.len());
        let filtered = !(query.documents.is_empty() && query.kinds.is_empty() && query.actors.is_empty() && query.steps.is_empty());
        let priors = &self.priors[slot];
        matches.extend(in_total.into_iter().filter(|&node| !filtered || passes_filters(&nodes[node], query)).map(|node| {
            let coverage = f32::from(acc[node].words) / wanted;
            Match { node, score: acc[node].total * coverage * coverage * priors[node] * name_boosts[node] }
        }));
        // Ties go to the lower id; the pack keeps nodes sorted by id, so that is the lower index.
        let order = |a: &Match, b: &Match| b.score.total_cmp(&a.score).then_with(|| a.node.cmp(&b.node));
        if matches.len() > query.limit {
            matches.select_nth_unstable_by(query.limit - 1, order);
            matches.truncate(query.limit);
        }
        matches.sort_unstable_by(order);
        outcome.matches = matches;
        outcome
    }

    /// Each query word (or thesaurus phrase) with the alternatives it may match as; `None` when
    /// the query names something (a capitalised word, an acronym, a word with digits) that occurs
    /// nowhere in the content: the guidance does not address it, so nothing is better than a guess.
    fn expand<'a>(&'a self, text: &str, words: &[QueryWord<'a>], completing_last: bool, outcome: &mut Outcome) -> Option<Vec<Vec<Alternative<'a>>>> {
        let mut groups = Vec::with_capacity(words.len());
        let mut key = String::new();
        let mut i = 0;
        while i < words.len() {
            let mut alternatives = Vec::new();
            let mut consumed = 1;
            // The longest thesaurus phrase that starts here.
            let longest = self.phrase_lengths.get(words[i].term.as_ref()).copied().unwrap_or(0);
            for length in (1..=longest.min(words.len() - i)).rev() {
                let phrase = &words[i..i + length];
                key.clear();
                for (n, word) in phrase.iter().enumerate() {
                    if n > 0 {
                        key.push(' ');
                    }
                    key.push_str(&word.term);
                }
                if let Some(group_ids) = self.synonym_index.get(&key) {
                    let typed: Option<Vec<u32>> = phrase.iter().map(|w| w.term_id.copied()).collect();
                    for &group in group_ids {
                        for synonym in &self.synonyms[group] {
                            let Some(terms) = &synonym.terms else {
                                continue;
                            };
                            let weight = if typed.as_ref() == Some(terms) { 1.0 } else { 0.9 };
                            terms.iter().for_each(|&t| outcome.terms.insert(t));
                            alternatives.push(Alternative { terms: Cow::Borrowed(terms), weight });
                        }
                    }
                    if length > 1 {
                        consumed = length;
                    }
                    break;
                }
            }
            if consumed == 1 {
                let is_last = i + 1 == words.len();
                self.word_alternatives(&words[i], completing_last && is_last, &mut alternatives, outcome);
            }
            if alternatives.is_empty() {
                let word = &words[i];
                let still_typing = completing_last && i + 1 == words.len();
                let is_name = text[word.start..word.end].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
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

    fn word_alternatives<'a>(&'a self, word: &QueryWord<'a>, completing: bool, alternatives: &mut Vec<Alternative<'a>>, outcome: &mut Outcome) {
        let mut exact = false;
        let mut add_exact = |id: &'a u32, outcome: &mut Outcome| {
            exact = true;
            outcome.terms.insert(*id);
            alternatives.push(Alternative { terms: Cow::Borrowed(std::slice::from_ref(id)), weight: 1.0 });
        };
        if let Some(id) = word.term_id {
            add_exact(id, outcome);
        }
        // An acronym the content writes in capitals, typed in lower case (`tens`).
        if self.acronyms.contains(&word.folded) && word.folded != word.term {
            if let Some(id) = self.terms.get(&word.folded) {
                add_exact(id, outcome);
            }
        }
        let parts = match word.word {
            Some(known) => self.words[known as usize].parts.as_deref().map(Cow::Borrowed),
            None => self.compound_parts(&word.folded).map(|parts| Cow::Owned(parts.into_vec())),
        };
        if let Some(parts) = parts {
            parts.iter().for_each(|&t| outcome.terms.insert(t));
            alternatives.push(Alternative { terms: parts, weight: 0.8 });
        }
        if completing && word.folded.len() >= 2 {
            outcome.prefixes.push(word.folded.clone());
            let mut completions: Vec<&Word> = self.completions(&word.folded).iter().filter(|w| w.folded != word.folded).collect();
            let take = completions.len().min(24);
            if completions.len() > take {
                completions.select_nth_unstable_by(take - 1, |a, b| b.count.cmp(&a.count));
            }
            for completion in &completions[..take] {
                let weight = 0.75 * (word.folded.len() as f32 / completion.folded.len() as f32).sqrt();
                alternatives.push(Alternative { terms: Cow::Borrowed(std::slice::from_ref(&completion.term)), weight });
            }
        }
        if !exact {
            let max_edits = match word.folded.chars().count() {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            };
            if max_edits > 0 {
                self.near_spellings(&word.folded, max_edits, |near| {
                    outcome.terms.insert(near.term);
                    alternatives.push(Alternative { terms: Cow::Borrowed(std::slice::from_ref(&near.term)), weight: 0.6 });
                });
            }
        }
    }

    /// Calls `found` with each word of the vocabulary at most `max` edits from `word`.
    ///
    /// Each edit (insert, delete, substitute, swap) breaks at most three of a word's distinct
    /// letter pairs, so a near word is within `max` letters of its length and shares all but
    /// `3 · max` of its pairs. Only words that pass this count are compared letter by letter.
    fn near_spellings<'a>(&'a self, word: &str, max: usize, mut found: impl FnMut(&'a Word)) {
        let mut near = NearSpelling::new(word, max);
        let keys = bigrams(word);
        let letters = word.chars().count();
        if keys.len() <= 3 * max {
            // Too few pairs for the count to rule anything out (`aaaaa`): compare every word.
            for candidate in &self.words {
                if near.matches(&candidate.folded) {
                    found(candidate);
                }
            }
            return;
        }
        let needed = keys.len() - 3 * max;
        let mut shared = vec![0u8; self.words.len()];
        let mut candidates = Vec::new();
        for length in letters.saturating_sub(max)..=letters + max {
            for key in &keys {
                for &id in self.bigrams.get(&(*key, length)).map_or(&[][..], Vec::as_slice) {
                    let count = &mut shared[id as usize];
                    *count += 1;
                    if usize::from(*count) == needed {
                        candidates.push(id);
                    }
                }
            }
        }
        candidates.sort_unstable();
        for id in candidates {
            let candidate = &self.words[id as usize];
            if near.matches(&candidate.folded) {
                found(candidate);
            }
        }
    }

    /// Words of the content that start with `prefix` (folded).
    fn completions(&self, prefix: &str) -> &[Word] {
        let start = self.words.partition_point(|w| w.folded.as_str() < prefix);
        let count = self.words[start..].iter().take_while(|w| w.folded.starts_with(prefix)).count();
        &self.words[start..start + count]
    }

    /// Words of the content that start with `prefix` (folded), most frequent first.
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<String> {
        let prefix = fold(prefix.trim());
        if prefix.is_empty() {
            return Vec::new();
        }
        let mut words: Vec<&Word> = self.completions(&prefix).iter().collect();
        words.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.folded.cmp(&b.folded)));
        words.into_iter().take(limit).map(|w| w.display.clone()).collect()
    }

    /// The snippet for a hit on `node`: its lay text for patients (when it has one), otherwise
    /// its main text, as escaped HTML with the words `outcome` searched for wrapped in `<mark>`,
    /// cut to the window of about `width` words that holds the most of them.
    pub fn snippet(&self, node: usize, audience: Audience, outcome: &Outcome, width: usize) -> String {
        let [main, lay] = self.snippet_sources[node];
        let source = match audience {
            Audience::Patient => lay.or(main),
            Audience::Professional => main,
        };
        let Some(source) = source else {
            return String::new();
        };
        let SnippetText { html, spans } = &self.snippet_texts[source as usize];
        let completes = |word: u32| {
            let folded = self.words.get(word as usize).map_or("", |w| w.folded.as_str());
            outcome.prefixes.iter().any(|p| folded.starts_with(p.as_str()))
        };
        // The first 64 marked words are plenty to place the window; they are kept on the stack,
        // since a snippet is made for every hit of every query.
        let mut marks = [0usize; 64];
        let mut count = 0;
        let is_marked = |span: &Span| outcome.terms.contains(span.term) || (!outcome.prefixes.is_empty() && completes(span.word));
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
                first = start.saturating_sub(3).min(spans.len().saturating_sub(width));
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

/// How much a node gains from one of its names (`is_title` for its title, else an alias): most
/// when the query is the name, then when the title starts with the query or the query contains
/// the whole name (`duloxetine dosering`), then when the query is a phrase inside it. A reader
/// who types a drug's or a role's name wants that node, not the ones that merely mention it.
fn name_boost(name: &[u32], is_title: bool, words: &[u32]) -> f32 {
    // Element by element: these slices hold a few words, too short for `memcmp` to pay.
    let same = |a: &[u32], b: &[u32]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y);
    let contains =
        |outer: &[u32], inner: &[u32]| !inner.is_empty() && inner.len() <= outer.len() && outer.windows(inner.len()).any(|w| same(w, inner));
    if same(name, words) {
        2.0
    } else if (is_title && name.len() >= words.len() && same(&name[..words.len()], words)) || contains(words, name) {
        1.8
    } else if contains(name, words) {
        1.5
    } else {
        1.0
    }
}

fn dot(weights: &[f32; FIELDS], values: &[f32; FIELDS]) -> f32 {
    weights.iter().zip(values).map(|(w, v)| w * v).sum()
}

/// BM25's inverse document frequency of a term found in `found` of `nodes` nodes.
fn idf(nodes: f32, found: usize) -> f32 {
    let found = found as f32;
    ((nodes - found + 0.5) / (found + 0.5) + 1.0).ln()
}

fn passes_filters(node: &Node, query: &Query) -> bool {
    let document = node.source.as_ref().map(|s| s.document.as_str());
    (query.documents.is_empty() || document.is_some_and(|d| query.documents.iter().any(|q| q == d)))
        && (query.kinds.is_empty() || query.kinds.contains(&node.kind))
        && (query.actors.is_empty() || node.actors.iter().any(|a| query.actors.contains(a)))
        && (query.steps.is_empty() || node.steps.iter().chain(node.step.iter()).any(|s| query.steps.contains(s)))
}

/// The plain text of a layer, blocks separated by newlines.
pub fn layer_text(layer: &pijnwijzer_model::Layer) -> String {
    let mut text = String::new();
    crate::render::blocks_text(&layer.blocks, &mut text);
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
