//! The index build: the vocabulary, the postings with their BM25F scores, compounds split into
//! known words, and the thesaurus as term ids.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use super::analyze::{self, fold, Analyzer};
use super::score::kind_prior;
use super::{SearchIndex, SearchNode, AUDIENCES};

use pijnwijzer_model::{Audience, Kind, LayerKey, Node, StemTable};

/// The fields a node's text is indexed under.
#[derive(Clone, Copy)]
enum Field {
    Title = 0,
    Main = 1,
    Detail = 2,
    Rationale = 3,
    Lay = 4,
    /// The questions a patient asks that the lay text answers (`questions`).
    Questions = 5,
}
/// How many fields there are.
pub(super) const FIELDS: usize = 6;

/// How much a word counts per field for professionals (title, main, detail, rationale, lay,
/// questions): the title first, then the statement.
const PROFESSIONAL_FIELD_WEIGHTS: [f32; FIELDS] = [6.0, 2.0, 1.0, 0.6, 0.5, 0.5];
/// How much a word counts per field for patients (title, main, detail, rationale, lay,
/// questions): the title and the patient's own questions first, then the lay text. The lay text
/// is long and in everyday words, which a patient's question shares by the way ("werk", "dokter",
/// "erger"): tuned on the tuning half, from 3.5 down to 2.5 the patient voice's MRR rose from
/// 0.821 to 0.831 and no voice lost (2.0 to 3.0 were within 0.002 of it).
const PATIENT_FIELD_WEIGHTS: [f32; FIELDS] = [6.0, 1.0, 0.6, 0.3, 2.5, 5.0];
/// BM25's term-frequency saturation: the higher, the more each further use of a word adds.
const K1: f32 = 2.5;
/// BM25's length normalisation: how much a long text's words are worth less (0 none, 1 fully).
const B: f32 = 0.75;
/// The term frequency each part of a compound gets from one use of the compound (`rugpijn`
/// counts half a `pijn`), so the whole word still counts more than its parts.
const COMPOUND_PART_FREQUENCY: f32 = 0.5;

/// The shortest word (in bytes) that is tried as a compound.
const COMPOUND_MIN_LEN: usize = 7;
/// The shortest part of a compound split into two known words, a linking `s` or `e` not counted.
const COMPOUND_PART_MIN_LEN: usize = 3;
/// The shortest known first half of a compound whose second half is unknown (`gespreks…`).
const LINKED_HEAD_MIN_LEN: usize = 4;
/// How many letters at least follow the linking `s` of such a compound.
const LINKED_TAIL_MIN_LEN: usize = 5;
/// Separable particles that are words of their own (the others, `aan`, `door`, `op`, `uit`…, are
/// stopwords, so never a part). A compound that starts with one is the noun or adjective of a
/// particle verb (`terugval` of `terugvallen`, `terugkeer`, `toename`, `vastleggen`), about what
/// the particle says, not about its second part, which is that verb's stem: a `terugval` (relapse)
/// is no `val` (fall). It counts as the particle alone.
const PARTICLES: [&str; 7] = ["los", "mee", "neer", "terug", "toe", "vast", "weg"];

/// Field weights per audience.
pub(super) fn field_weights(audience: Audience) -> [f32; FIELDS] {
    match audience {
        Audience::Professional => PROFESSIONAL_FIELD_WEIGHTS,
        Audience::Patient => PATIENT_FIELD_WEIGHTS,
    }
}

/// The field a layer's text is indexed under.
fn field_of(layer: LayerKey) -> Field {
    match layer {
        LayerKey::Main => Field::Main,
        LayerKey::Rationale | LayerKey::Note => Field::Rationale,
        LayerKey::Lay => Field::Lay,
        _ => Field::Detail,
    }
}

/// A node a term occurs in, with the term's BM25F score there for each audience: everything
/// in it (field weights, term frequency, length norm, idf) is known at load.
#[derive(Clone, Copy)]
pub(super) struct Posting {
    pub(super) node: u32,
    pub(super) score: [f32; 2],
}

/// A word of the vocabulary: folded form, how readers write it, and the term it indexes as.
#[derive(Serialize, Deserialize)]
pub(super) struct Word {
    pub(super) folded: String,
    pub(super) display: String,
    pub(super) term: u32,
    pub(super) count: u32,
    /// The terms of its parts, when it is a compound of words of the content.
    pub(super) parts: Option<Box<[u32]>>,
    /// Whether it is a drug's name: a medication's alias of one word.
    pub(super) names_a_drug: bool,
}

/// The first eight bytes of `word` as a big-endian number (zeros after a shorter word): numbers
/// that sort as the words do, as far as those bytes tell.
fn leading_bytes(word: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let head = &word.as_bytes()[..word.len().min(8)];
    bytes[..head.len()].copy_from_slice(head);
    u64::from_be_bytes(bytes)
}

/// Marks a span that is not a vocabulary word (a stopword).
pub(super) const NO_WORD: u32 = u32::MAX;

/// A thesaurus phrase: its terms, when every one occurs in the content.
pub(super) struct Phrase {
    pub(super) terms: Option<Vec<u32>>,
}

/// Collects the vocabulary while the nodes are read: each distinct spelling is analysed (folded,
/// stemmed) once, and every later occurrence is a hash lookup.
struct VocabularyBuilder {
    analyzer: Analyzer,
    /// The digest of the folded words in the order they were met, to compare with the table's.
    words_digest: u64,
    /// Spelling as written → (word, term); `None` for stopwords.
    spellings: HashMap<String, Option<(u32, u32)>>,
    by_folded: HashMap<String, u32>,
    words: Vec<Word>,
    terms: HashMap<String, u32>,
    term_names: Vec<String>,
    acronyms: HashSet<String>,
}

impl Default for VocabularyBuilder {
    fn default() -> Self {
        VocabularyBuilder {
            analyzer: Analyzer::default(),
            words_digest: StemTable::EMPTY_DIGEST,
            spellings: HashMap::default(),
            by_folded: HashMap::default(),
            words: Vec::new(),
            terms: HashMap::default(),
            term_names: Vec::new(),
            acronyms: HashSet::default(),
        }
    }
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

    /// The term of the word `word` (an id, in order of first appearance), written `original`
    /// and folded `folded`: its stem from the table of stem cuts by word id (`cuts`, see
    /// [`StemTable`]; empty to stem every word) when the table has it.
    fn term_of(&self, word: usize, original: &str, folded: &str, cuts: &[u8]) -> String {
        let cut = cuts.get(word).copied().unwrap_or(StemTable::STEM_AT_LOAD);
        match StemTable::apply(folded, cut) {
            Some(stem) if !analyze::is_kept_whole(original, folded) => stem,
            _ => self.analyzer.term(original, folded),
        }
    }

    /// The word and term of `original`, or `None` for a stopword; `cuts` as for `term_of`.
    fn analyse(&mut self, original: &str, cuts: &[u8]) -> Option<(u32, u32)> {
        if let Some(known) = self.spellings.get(original) {
            return *known;
        }
        let folded = fold(original);
        let known = if analyze::is_stopword(&folded) || folded.is_empty() {
            None
        } else {
            let acronym = analyze::is_acronym(original);
            if acronym {
                self.acronyms.insert(folded.clone());
            }
            let known_word = self.by_folded.get(&folded).copied();
            let term = match known_word {
                // Another case of a known word (`Pijn`, `pijn`) has its term: the stemmer runs
                // once per word, not once per spelling. An acronym's term is the word itself.
                Some(word) if !acronym && !self.acronyms.contains(&folded) => {
                    self.words[word as usize].term
                }
                _ => {
                    let word = known_word.map_or(self.words.len(), |word| word as usize);
                    let term = self.term_of(word, original, &folded, cuts);
                    self.term_id(term)
                }
            };
            let word = match known_word {
                Some(word) => word,
                None => {
                    let word = self.words.len() as u32;
                    self.words_digest = StemTable::digest(self.words_digest, &folded);
                    self.by_folded.insert(folded.clone(), word);
                    self.words.push(Word {
                        folded,
                        display: original.to_lowercase(),
                        term,
                        count: 0,
                        parts: None,
                        names_a_drug: false,
                    });
                    word
                }
            };
            Some((word, term))
        };
        self.spellings.insert(original.to_string(), known);
        known
    }

    /// The words of `text` as (word, term) in `known` (emptied first), stopwords left out,
    /// counted; `cuts` as for `term_of`. Returns the digest of `text` read word for word
    /// ([`word_for_word_digest`]), made from the words as folded for the vocabulary.
    fn read(&mut self, text: &str, known: &mut Vec<(u32, u32)>, cuts: &[u8]) -> u64 {
        known.clear();
        let mut digest = StemTable::EMPTY_DIGEST;
        for (start, end) in analyze::word_spans(text) {
            let original = &text[start..end];
            match self.analyse(original, cuts) {
                Some((word, term)) => {
                    let entry = &mut self.words[word as usize];
                    entry.count += 1;
                    digest = StemTable::digest(digest, &entry.folded);
                    known.push((word, term));
                }
                None => digest = StemTable::digest(digest, &fold(original)),
            }
        }
        digest
    }
}

/// Counts each node's term frequencies per field, in one table indexed by term that is reused
/// for every node (only the terms the node has are read and cleared): less work than sorting
/// its words or a hash map per node. The postings come out in node order.
struct TermCounter {
    frequencies: Vec<[f32; FIELDS]>,
    has: Vec<u32>,
    by_node: Vec<(u32, Posting)>,
    /// When a bundle is written: each posting's term frequencies per field, in the order of
    /// `by_node`, which a bundle stores instead of the scores ([`super::bundle`]).
    kept: Option<Vec<[f32; FIELDS]>>,
}

impl TermCounter {
    /// Adds the postings of `node`, whose words are `found`, with their field-weighted term
    /// frequencies (scores are made once every node is counted).
    fn count(
        &mut self,
        node: u32,
        found: &[(u32, Field)],
        parts_of: &[&[u32]],
        weights: &[[f32; FIELDS]; 2],
    ) {
        let (frequencies, has) = (&mut self.frequencies, &mut self.has);
        let mut count = |term: u32, field: Field, frequency: f32| {
            let tf = &mut frequencies[term as usize];
            if *tf == [0.0; FIELDS] {
                has.push(term);
            }
            tf[field as usize] += frequency;
        };
        for &(term, field) in found {
            count(term, field, 1.0);
            for &part in parts_of[term as usize] {
                count(part, field, COMPOUND_PART_FREQUENCY);
            }
        }
        for term in self.has.drain(..) {
            let tf = std::mem::take(&mut self.frequencies[term as usize]);
            self.by_node.push((term, Posting { node, score: weighted(&tf, weights) }));
            if let Some(kept) = &mut self.kept {
                kept.push(tf);
            }
        }
    }
}

/// What reading the nodes' text gives: the vocabulary, and per node its terms with their fields,
/// its field lengths, and the words of its names and questions. The nodes are read in their
/// order, all at once or a few at a time ([`IndexBuild`]).
#[derive(Default)]
struct Reading {
    vocabulary: VocabularyBuilder,
    node_terms: Vec<Vec<(u32, Field)>>,
    lengths: Vec<[f32; FIELDS]>,
    names: Vec<Vec<Vec<u32>>>,
    questions: Vec<Vec<Vec<u32>>>,
    /// Per node, the [`question_mark`] of each question it lists.
    question_marks: Vec<Vec<u16>>,
    /// What the ranking and the filters read of each node.
    nodes: Vec<SearchNode>,
}

impl Reading {
    /// Reads every node's names, questions and layers, in the order a [`StemTable`] follows,
    /// with the stem cuts `cuts` (empty to stem every word).
    fn of(nodes: &[Node], cuts: &[u8]) -> Reading {
        let mut reading = Reading::default();
        reading.read(nodes, cuts);
        reading
    }

    /// How many nodes are read.
    fn nodes_read(&self) -> usize {
        self.node_terms.len()
    }

    /// Reads the names, questions and layers of `nodes`, the ones that follow those read.
    fn read(&mut self, nodes: &[Node], cuts: &[u8]) {
        let vocabulary = &mut self.vocabulary;
        // Reused for every text: the build reads thousands.
        let mut words = Vec::new();
        let mut text = String::new();
        for node in nodes {
            let mut length = [0.0; FIELDS];
            let mut found = Vec::new();
            let mut add = |words: &[(u32, u32)], field: Field| {
                for &(_, term) in words {
                    found.push((term, field));
                    length[field as usize] += 1.0;
                }
            };
            let mut node_names = Vec::new();
            for name in std::iter::once(&node.title).chain(&node.aliases) {
                vocabulary.read(name, &mut words, cuts);
                add(&words, Field::Title);
                node_names.push(words.iter().map(|&(word, _)| word).collect());
            }
            let mut node_questions = Vec::new();
            let mut marks = Vec::new();
            for question in &node.questions {
                let digest = vocabulary.read(question, &mut words, cuts);
                add(&words, Field::Questions);
                node_questions.push(words.iter().map(|&(word, _)| word).collect());
                marks.push(mark_of(digest));
            }
            self.question_marks.push(marks);
            for layer in &node.layers {
                text.clear();
                crate::render::blocks_text(&layer.blocks, &mut text);
                vocabulary.read(&text, &mut words, cuts);
                add(&words, field_of(layer.key));
            }
            self.names.push(node_names);
            self.questions.push(node_questions);
            self.nodes.push(SearchNode::of(node));
            // A node's questions are alternatives, each a short text of its own, so their field
            // is as long as one of them on average, in whole words as the search files store it:
            // a node that lists more ways of asking (the red flags, one question per sign) is no
            // longer text whose every word counts less. Tuned on the tuning half: MRR 0.806 ->
            // 0.809, the red-flag voice 0.509 -> 0.540.
            if !node.questions.is_empty() {
                let questions = &mut length[Field::Questions as usize];
                *questions = (*questions / node.questions.len() as f32).round();
            }
            self.lengths.push(length);
            self.node_terms.push(found);
        }
    }

    /// Whether the stem table `stems` describes exactly the words read.
    fn matches(&self, stems: &StemTable) -> bool {
        stems.cuts.len() == self.vocabulary.words.len()
            && stems.words_digest == self.vocabulary.words_digest
    }
}

/// The [`StemTable`] of `nodes`: how the stem of each word the index reads is cut from it, for
/// `build.rs` to store in the pack.
pub fn stem_table(nodes: &[Node]) -> StemTable {
    let reading = Reading::of(nodes, &[]);
    let vocabulary = &reading.vocabulary;
    let cuts = vocabulary
        .words
        .iter()
        .map(|word| StemTable::cut(&word.folded, &vocabulary.analyzer.stem(&word.folded)))
        .collect();
    StemTable { words_digest: vocabulary.words_digest, cuts }
}

/// A search index being built a few nodes at a time, for a caller that spreads the build over
/// the moments a page is idle: reading the nodes' text is most of the build, and it can stop
/// between any two nodes.
#[derive(Default)]
pub(crate) struct IndexBuild {
    reading: Reading,
}

impl IndexBuild {
    /// Reads the text of up to `count` more of `nodes` (the same nodes on every call), with the
    /// stems made at build time (`stems`). Returns how many it read: none once all are read.
    pub(crate) fn read(&mut self, nodes: &[Node], stems: &StemTable, count: usize) -> usize {
        let start = self.reading.nodes_read().min(nodes.len());
        let end = nodes.len().min(start + count);
        self.reading.read(&nodes[start..end], &stems.cuts);
        end - start
    }

    /// The index of `nodes`, the thesaurus `synonyms` (groups of words that mean the same) and
    /// `stems`: the nodes not yet read are read first.
    ///
    /// Never inlined: it runs once, and kept apart its code can be told from the rest of the
    /// wasm by name, which the benchmark's size measurement relies on (`bench/wasm-share.mjs`).
    #[inline(never)]
    pub(crate) fn finish(
        mut self,
        nodes: &[Node],
        synonyms: &[Vec<String>],
        stems: &StemTable,
    ) -> SearchIndex {
        self.read(nodes, stems, nodes.len());
        let mut reading = self.reading;
        // A table made for other words would cut them wrongly: read again, stemming each.
        if !stems.cuts.is_empty() && !reading.matches(stems) {
            reading = Reading::of(nodes, &[]);
        }
        SearchIndex::from_reading(reading, synonyms, false).index
    }
}

/// An index as [`SearchIndex::from_reading`] makes it, and what a bundle stores instead of what
/// is made of them at load: each node's words per field, and, when asked for, each posting's term
/// frequencies per field, by term and in node order (term, node, frequencies).
pub(super) struct Built {
    pub(super) index: SearchIndex,
    pub(super) frequencies: Vec<(u32, u32, [f32; FIELDS])>,
    pub(super) lengths: Vec<[f32; FIELDS]>,
}

/// The index of `nodes` with the thesaurus `synonyms`, and what a bundle stores of it ([`Built`]).
pub(super) fn build_for_bundle(nodes: &[Node], synonyms: &[Vec<String>]) -> Built {
    SearchIndex::from_reading(Reading::of(nodes, &[]), synonyms, true)
}

impl SearchIndex {
    /// The index of the nodes `reading` read, and the thesaurus `synonyms`; with `for_bundle`,
    /// what a bundle stores of it too.
    fn from_reading(reading: Reading, synonyms: &[Vec<String>], for_bundle: bool) -> Built {
        let Reading {
            vocabulary,
            node_terms,
            lengths,
            mut names,
            mut questions,
            question_marks,
            nodes,
        } = reading;
        let VocabularyBuilder {
            analyzer, words, terms, term_names, acronyms, mut by_folded, ..
        } = vocabulary;
        let mut words = sort_words(words, &mut by_folded, &mut names, &mut questions);
        // A medication's aliases of one word are its names (`Zaldiar`, `slaappillen`); its title
        // is a sentence, and an alias of several words a phrase.
        for (node, node_names) in nodes.iter().zip(&names) {
            if node.kind == Kind::Medication {
                for alias in node_names.iter().skip(1) {
                    if let [word] = alias[..] {
                        words[word as usize].names_a_drug = true;
                    }
                }
            }
        }
        let mut index = SearchIndex {
            analyzer,
            postings: Vec::new(),
            posting_starts: Vec::new(),
            terms,
            term_names,
            words,
            word_ids: by_folded,
            bigrams: OnceLock::new(),
            acronyms,
            synonym_index: HashMap::default(),
            synonyms: Vec::new(),
            phrase_lengths: HashMap::default(),
            thesaurus_words: HashMap::default(),
            named_by: name_holders(&names),
            names,
            asked: OnceLock::new(),
            question_marks,
            questions,
            priors: AUDIENCES
                .map(|audience| nodes.iter().map(|node| kind_prior(node.kind, audience)).collect()),
            snippets: nodes.iter().map(|_| Default::default()).collect(),
            nodes,
            loading: None,
        };
        index.find_compounds();
        let frequencies = index.add_postings(&node_terms, &lengths, for_bundle);
        index.add_thesaurus(synonyms);
        Built { index, frequencies, lengths }
    }

    /// Marks each word whose two halves are words of the content as a compound of them, so that
    /// it also counts, more lightly, as its halves: `rugpijn` is found by `pijn`, and
    /// `pijn educatie` finds `pijneducatie`.
    fn find_compounds(&mut self) {
        for id in 0..self.words.len() {
            self.words[id].parts = self.compound_parts(&self.words[id].folded);
        }
    }

    /// Makes the postings: each node's terms counted ([`TermCounter`]), placed by term into one
    /// list, and scored. With `keep`, also returns each posting's term frequencies per field by
    /// term, in node order, for a bundle.
    fn add_postings(
        &mut self,
        node_terms: &[Vec<(u32, Field)>],
        lengths: &[[f32; FIELDS]],
        keep: bool,
    ) -> Vec<(u32, u32, [f32; FIELDS])> {
        // Each term's compound parts, indexed by term (the last word with the term decides).
        let mut parts_of: Vec<&[u32]> = vec![&[]; self.term_names.len()];
        for word in &self.words {
            if let Some(parts) = word.parts.as_deref() {
                parts_of[word.term as usize] = parts;
            }
        }
        let weights = AUDIENCES.map(field_weights);
        let mut counter = TermCounter {
            frequencies: vec![[0.0; FIELDS]; self.term_names.len()],
            has: Vec::new(),
            by_node: Vec::new(),
            kept: keep.then(Vec::new),
        };
        for (node, found) in node_terms.iter().enumerate() {
            counter.count(node as u32, found, &parts_of, &weights);
        }
        let mut kept: Vec<(u32, u32, [f32; FIELDS])> = match counter.kept {
            Some(kept) => {
                counter.by_node.iter().zip(kept).map(|(&(t, p), tf)| (t, p.node, tf)).collect()
            }
            None => Vec::new(),
        };
        // Stable: each term's postings stay in node order.
        kept.sort_by_key(|&(term, _, _)| term);
        let (mut postings, starts) = place_by_term(counter.by_node, self.term_names.len());
        let norms = length_norms(lengths);
        for term in starts.windows(2) {
            score_term(&mut postings[term[0] as usize..term[1] as usize], &norms);
        }
        self.postings = postings;
        self.posting_starts = starts;
        kept
    }

    /// Adds the thesaurus. Its phrases are looked up by their terms (stems), so `dokters` finds
    /// the group that lists `dokter`; each phrase keeps its terms to expand into.
    pub(super) fn add_thesaurus(&mut self, synonyms: &[Vec<String>]) {
        for group in synonyms {
            let group_id = self.synonyms.len();
            let mut phrases = Vec::new();
            for phrase in group {
                let tokens = self.phrase_words(phrase);
                if tokens.is_empty() {
                    continue;
                }
                let first = tokens[0].1.to_string();
                let length = tokens.len();
                let key: Vec<&str> = tokens.iter().map(|(_, term)| term.as_ref()).collect();
                let key = key.join(" ");
                let terms = tokens
                    .iter()
                    .map(|(word, term)| {
                        let term = if self.acronyms.contains(word.as_ref()) { word } else { term };
                        self.terms.get(term.as_ref()).copied()
                    })
                    .collect();
                if let [(word, term)] = &tokens[..] {
                    self.thesaurus_words.insert(word.to_string(), term.to_string());
                }
                let longest = self.phrase_lengths.entry(first).or_default();
                *longest = (*longest).max(length);
                // Forms of one phrase (`rugpijn`, `rugpijnen`) share a key and their terms: the
                // group is listed and expanded into once, or a query walks the same postings again.
                let groups = self.synonym_index.entry(key).or_default();
                if groups.last() != Some(&group_id) {
                    groups.push(group_id);
                }
                if !phrases.iter().any(|phrase: &Phrase| phrase.terms == terms) {
                    phrases.push(Phrase { terms });
                }
            }
            self.synonyms.push(phrases);
        }
    }

    /// The words of a thesaurus phrase as (folded word, term), stopwords left out, as
    /// [`Analyzer::tokens`] reads them; a word the content has is looked up rather than stemmed
    /// again.
    fn phrase_words<'s>(&'s self, phrase: &str) -> Vec<(Cow<'s, str>, Cow<'s, str>)> {
        let mut words = Vec::new();
        for (start, end) in analyze::word_spans(phrase) {
            let original = &phrase[start..end];
            match self.spelling(original) {
                Some((word, term)) => words.push((
                    Cow::Borrowed(self.words[word as usize].folded.as_str()),
                    Cow::Borrowed(self.term_names[term as usize].as_str()),
                )),
                None => {
                    if let Some((folded, term)) = self.analyzer.word(original) {
                        words.push((Cow::Owned(folded), Cow::Owned(term)));
                    }
                }
            }
        }
        words
    }

    /// The postings of `term`, in node order.
    pub(super) fn postings(&self, term: u32) -> &[Posting] {
        let term = term as usize;
        &self.postings[self.posting_starts[term] as usize..self.posting_starts[term + 1] as usize]
    }

    /// How many nodes `term` occurs in: the length of its postings, known before they are.
    pub(super) fn nodes_with(&self, term: u32) -> usize {
        let term = term as usize;
        (self.posting_starts[term + 1] - self.posting_starts[term]) as usize
    }

    pub(super) fn word_id(&self, folded: &str) -> Option<u32> {
        self.word_ids.get(folded).copied()
    }

    /// The vocabulary word and term of a word of the content written `original`, as the build
    /// read it; `None` for a stopword. An acronym (`TENS`), and another case of a word the
    /// content also has as an acronym, has a term of its own (see `VocabularyBuilder::analyse`).
    pub(super) fn spelling(&self, original: &str) -> Option<(u32, u32)> {
        let folded = fold(original);
        if folded.is_empty() || analyze::is_stopword(&folded) {
            return None;
        }
        let word = self.word_id(&folded)?;
        let term = if analyze::is_acronym(original) || self.acronyms.contains(&folded) {
            *self.terms.get(&self.analyzer.term(original, &folded))?
        } else {
            self.words[word as usize].term
        };
        Some((word, term))
    }

    /// The terms of the parts of a compound `word`: both halves, when both are words of the
    /// content of three letters or more (a linking `s` or `e` between them is allowed:
    /// `pijneducatie`, `bewegingsoefeningen`); otherwise the first half alone, when it is a
    /// content word of four letters or more followed by a linking `s` and five letters or more,
    /// so `gesprek` finds `gespreksvoering` although `voering` occurs nowhere on its own. A
    /// compound that starts with a separable particle ([`PARTICLES`]) is the particle alone.
    pub(super) fn compound_parts(&self, word: &str) -> Option<Box<[u32]>> {
        if word.len() < COMPOUND_MIN_LEN || !word.is_ascii() {
            return None;
        }
        let known = |part: &str| self.word_id(part).map(|w| self.words[w as usize].term);
        for split in (COMPOUND_PART_MIN_LEN..=word.len() - COMPOUND_PART_MIN_LEN).rev() {
            let (left, right) = word.split_at(split);
            let Some(left_term) = known(left) else {
                continue;
            };
            let right_term = known(right).or_else(|| {
                right
                    .strip_prefix('s')
                    .or_else(|| right.strip_prefix('e'))
                    .filter(|r| r.len() >= COMPOUND_PART_MIN_LEN)
                    .and_then(known)
            });
            if let Some(right_term) = right_term {
                if PARTICLES.contains(&left) {
                    return Some(Box::new([left_term]));
                }
                return Some(Box::new([left_term, right_term]));
            }
        }
        (LINKED_HEAD_MIN_LEN..word.len().saturating_sub(LINKED_TAIL_MIN_LEN))
            .rev()
            .map(|split| word.split_at(split))
            .filter(|(_, right)| right.starts_with('s'))
            .find_map(|(left, _)| known(left))
            .map(|left_term| Box::new([left_term]) as Box<[u32]>)
    }
}

/// Sorts the words by folded form, for binary search, and renumbers every stored word id.
fn sort_words(
    mut words: Vec<Word>,
    by_folded: &mut HashMap<String, u32>,
    names: &mut [Vec<Vec<u32>>],
    questions: &mut [Vec<Vec<u32>>],
) -> Vec<Word> {
    // Each word is keyed by its first eight bytes as a number, so that most comparisons compare
    // numbers, not strings: in wasm's baseline code, where the first search runs, the string
    // comparisons took a tenth of the build. Folded forms are unique, so an unstable sort is
    // exact.
    let mut order: Vec<(u64, u32)> = words
        .iter()
        .enumerate()
        .map(|(id, word)| (leading_bytes(&word.folded), id as u32))
        .collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0).then_with(|| words[a.1 as usize].folded.cmp(&words[b.1 as usize].folded))
    });
    let mut renumber = vec![0u32; words.len()];
    for (new, &(_, old)) in order.iter().enumerate() {
        renumber[old as usize] = new as u32;
    }
    let mut slots: Vec<Option<Word>> = words.drain(..).map(Some).collect();
    let words =
        order.iter().map(|&(_, old)| slots[old as usize].take().expect("each word once")).collect();
    for word in by_folded.values_mut() {
        *word = renumber[*word as usize];
    }
    for word in names.iter_mut().chain(questions.iter_mut()).flatten().flatten() {
        *word = renumber[*word as usize];
    }
    words
}

/// Word → the names (node, which name) that hold it ([`SearchIndex::named_by`]).
pub(super) fn name_holders(names: &[Vec<Vec<u32>>]) -> HashMap<u32, Vec<(u32, u32)>> {
    let mut named_by: HashMap<u32, Vec<(u32, u32)>> = HashMap::default();
    for (node, names) in names.iter().enumerate() {
        for (name, words) in names.iter().enumerate() {
            for &word in words {
                let holders = named_by.entry(word).or_default();
                if holders.last() != Some(&(node as u32, name as u32)) {
                    holders.push((node as u32, name as u32));
                }
            }
        }
    }
    named_by
}

/// The digest of `text` read word for word: every word folded, stopwords too. The reading of a
/// listed question makes the same digest (`VocabularyBuilder::read`).
fn word_for_word_digest(text: &str) -> u64 {
    analyze::word_spans(text).fold(StemTable::EMPTY_DIGEST, |digest, (s, e)| {
        StemTable::digest(digest, &fold(&text[s..e]))
    })
}

/// Sixteen bits of a word-for-word digest: what tells a question from another with the same
/// content words and other stopwords (`mag ik …` and `moet ik …`).
fn mark_of(digest: u64) -> u16 {
    (digest >> 48) as u16
}

/// The [`mark_of`] `text` read word for word.
pub(super) fn question_mark(text: &str) -> u16 {
    mark_of(word_for_word_digest(text))
}

/// The content words of a listed question → the nodes that list it, each with the question's mark.
pub(super) type Asked = HashMap<Vec<u32>, Vec<(u32, u16)>>;

/// The content words of each listed question (`questions`, per node) → the nodes that list it,
/// each with the question's mark (`marks`, alike): a query with those words and that mark asks the
/// question word for word ([`SearchIndex::asked_word_for_word`]).
pub(super) fn asked_map(questions: &[Vec<Vec<u32>>], marks: &[Vec<u16>]) -> Asked {
    let mut asked = Asked::default();
    for (node, (questions, marks)) in questions.iter().zip(marks).enumerate() {
        for (words, &mark) in questions.iter().zip(marks) {
            let holders = asked.entry(words.clone()).or_default();
            if !holders.contains(&(node as u32, mark)) {
                holders.push((node as u32, mark));
            }
        }
    }
    asked
}

/// The postings `by_node` (term, posting), in node order, placed by term into one list, each
/// term's still in node order; and where each term's start, and after the last, where they end.
fn place_by_term(by_node: Vec<(u32, Posting)>, terms: usize) -> (Vec<Posting>, Vec<u32>) {
    let mut starts = vec![0u32; terms + 1];
    for &(term, _) in &by_node {
        starts[term as usize + 1] += 1;
    }
    for term in 0..terms {
        starts[term + 1] += starts[term];
    }
    let mut next = starts.clone();
    let mut postings = vec![Posting { node: 0, score: [0.0; 2] }; by_node.len()];
    for (term, posting) in by_node {
        postings[next[term as usize] as usize] = posting;
        next[term as usize] += 1;
    }
    (postings, starts)
}

/// BM25's length norm of each node per audience, from its words per field (`lengths`), and how
/// many nodes there are: what [`score_term`] needs besides a term's postings.
pub(super) struct LengthNorms {
    nodes: f32,
    norms: Vec<[f32; 2]>,
}

/// The [`LengthNorms`] of nodes with `lengths` words per field.
pub(super) fn length_norms(lengths: &[[f32; FIELDS]]) -> LengthNorms {
    let weights = AUDIENCES.map(field_weights);
    let count = lengths.len().max(1) as f32;
    let mut average = [0.0; FIELDS];
    for (f, slot) in average.iter_mut().enumerate() {
        *slot = (lengths.iter().map(|l| l[f]).sum::<f32>() / count).max(1.0);
    }
    let average = weights.map(|w| dot(&w, &average));
    let norms = lengths
        .iter()
        .map(|l| [0, 1].map(|a| K1 * (1.0 - B + B * dot(&weights[a], l) / average[a])))
        .collect();
    LengthNorms { nodes: count, norms }
}

/// A posting's score before [`score_term`]: its term frequencies per field (`tf`) weighted per
/// audience.
pub(super) fn weighted(tf: &[f32; FIELDS], weights: &[[f32; FIELDS]; 2]) -> [f32; 2] {
    weights.map(|w| dot(&w, tf))
}

/// Turns one term's postings, whose scores hold their field-weighted term frequencies
/// ([`weighted`]), into BM25F scores per audience: the term's idf and each node's length norm.
pub(super) fn score_term(postings: &mut [Posting], norms: &LengthNorms) {
    let idf = idf(norms.nodes, postings.len());
    for posting in postings {
        let norm = norms.norms[posting.node as usize];
        posting.score =
            [0, 1].map(|a| idf * posting.score[a] * (K1 + 1.0) / (posting.score[a] + norm[a]));
    }
}

fn dot(weights: &[f32; FIELDS], values: &[f32; FIELDS]) -> f32 {
    weights.iter().zip(values).map(|(w, v)| w * v).sum()
}

/// BM25's inverse document frequency of a term found in `found` of `nodes` nodes.
pub(super) fn idf(nodes: f32, found: usize) -> f32 {
    let found = found as f32;
    ((nodes - found + 0.5) / (found + 0.5) + 1.0).ln()
}

/// The plain text of a layer, blocks separated by newlines.
pub fn layer_text(layer: &pijnwijzer_model::Layer) -> String {
    let mut text = String::new();
    crate::render::blocks_text(&layer.blocks, &mut text);
    text
}

#[cfg(test)]
mod tests {
    use super::leading_bytes;

    /// The sort key never contradicts the order of the words themselves: where it differs, it
    /// orders as the words do (a prefix first, bytes as `str` compares them, accents included).
    #[test]
    fn leading_bytes_order_as_the_words() {
        let mut words = vec![
            "pijn",
            "pijnstiller",
            "pijnstillers",
            "pijnteam",
            "a",
            "ab",
            "abc",
            "é",
            "e",
            "ez",
            "zorgverlener",
            "zorgverleners",
            "ziekte",
            "opioïd",
            "opioide",
            "12",
        ];
        words.sort_unstable();
        for pair in words.windows(2) {
            assert!(
                leading_bytes(pair[0]) <= leading_bytes(pair[1]),
                "{} sorts before {} but its key does not",
                pair[0],
                pair[1]
            );
        }
        assert_eq!(leading_bytes("pijnstiller"), leading_bytes("pijnstillers"), "ties on 8 bytes");
    }
}
