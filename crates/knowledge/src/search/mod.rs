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
//! name as vocabulary word ids; and, on the first query with a word the content
//! lacks, a bigram index that narrows the search for near spellings to a few hundred candidates
//! instead of the whole vocabulary.
//!
//! The files, one concern each (every ranking weight is a named constant at the top of the file
//! that applies it):
//!
//! - `analyze.rs`: text analysis shared by index and query: folding, word spans, stopwords, stems.
//! - `index.rs`: the index build: vocabulary, postings, compounds, thesaurus phrases, BM25F scores.
//! - `query.rs`: query analysis and expansion: query words, thesaurus, compound, prefix and typo alternatives.
//! - `score.rs`: scoring: accumulators, kind priors, name and listed-question boosts, the weight of words the content lacks, filters and ranking ([`SearchIndex::search`]).
//! - `near.rs`: near spellings: the bigram index, its candidates, and the edit-distance test `NearSpelling`.
//! - `snippet.rs`: snippets: escaped texts with word spans, the window and the marks ([`SearchIndex::snippet`]).
//! - `complete.rs`: completion of the word being typed ([`SearchIndex::complete`]).

pub mod analyze;
pub mod bundle;
mod complete;
mod index;
mod near;
mod query;
mod score;
mod snippet;

pub(crate) use index::IndexBuild;
pub use index::{layer_text, stem_table};
pub(crate) use query::forgiven_edits;

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use analyze::Analyzer;
use index::{Phrase, Posting, Word};
use snippet::SnippetText;

use pijnwijzer_model::{Audience, Kind, Node};

/// Queries longer than this many characters are cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words of a query beyond this many are ignored.
pub const MAX_QUERY_WORDS: usize = 12;

/// The audiences ranking is tuned for, in the order of the per-audience arrays of the index
/// (a posting's scores, the priors).
const AUDIENCES: [Audience; 2] = [Audience::Professional, Audience::Patient];

/// The slot of `audience` in the per-audience arrays: its place in [`AUDIENCES`].
fn audience_slot(audience: Audience) -> usize {
    match audience {
        Audience::Professional => 0,
        Audience::Patient => 1,
    }
}

/// The inverted index over all nodes.
pub struct SearchIndex {
    analyzer: Analyzer,
    terms: HashMap<String, u32>,
    /// Term id → term text, for building thesaurus keys from known words.
    term_names: Vec<String>,
    /// Every term's postings, term after term, each term's in node order ([`SearchIndex::postings`]).
    postings: Vec<Posting>,
    /// Where each term's postings start in `postings`, and after the last term, where they end.
    posting_starts: Vec<u32>,
    /// Sorted by folded form, for prefix search and near spellings.
    words: Vec<Word>,
    /// Folded form → index in `words`.
    word_ids: HashMap<String, u32>,
    /// (Letter pair, word length in letters) → the words of that length that have the pair;
    /// `^` and `$` mark a word's ends. Lists are in word order. Built when a query first needs
    /// near spellings (a word the content does not have), not at load: it took a sixth of the
    /// index build, and a search for words of the content never reads it.
    bigrams: OnceLock<HashMap<(u64, usize), Vec<u32>>>,
    /// Acronyms as written in content (`tens`), which a lower-case query must still find.
    acronyms: HashSet<String>,
    /// A synonym phrase's terms, joined → the groups it belongs to (indexes into `synonyms`).
    synonym_index: HashMap<String, Vec<usize>>,
    synonyms: Vec<Vec<Phrase>>,
    /// A term → the most words of a thesaurus phrase that starts with it.
    phrase_lengths: HashMap<String, usize>,
    /// The thesaurus's one-word phrases, folded → their terms: the compounds two query words may
    /// be joined into besides the content's own words, looked up as written, not stemmed again.
    thesaurus_words: HashMap<String, String>,
    /// Per node, the words of its title and of each alias, for whole-name matches.
    names: Vec<Vec<Vec<u32>>>,
    /// Per node, the words of each question it lists (`questions`), stopwords left out, for how
    /// much of a query one of them holds.
    questions: Vec<Vec<Vec<u32>>>,
    /// The content words of a listed question → the nodes that list it, with its mark
    /// ([`index::question_mark`]): a query that asks one word for word (a patient took it from the
    /// questions offered while typing) finds its node first. Words and a mark rather than the text,
    /// so that the index holds no question's text; both are made while the questions are read.
    /// Built on the first query of as many words as the shortest question, not at load, where it
    /// would lengthen the index build for queries most first searches are not.
    asked: OnceLock<index::Asked>,
    /// Per node, the mark of each question it lists, for `asked`.
    question_marks: Vec<Vec<u16>>,
    /// Word → the names (node, which name) that hold it: only those can match a query by name.
    named_by: HashMap<u32, Vec<(u32, u32)>>,
    /// Per audience and node, the prior of the node's kind.
    priors: [Vec<f32>; 2],
    /// Per node, what the ranking and the filters read of it: a search reads no node itself.
    nodes: Vec<SearchNode>,
    /// Per node, its main and its lay text as snippets are cut from them, made on the node's
    /// first hit rather than at load: a first search pays for the ten it shows, not for all.
    snippets: Vec<[OnceLock<Option<SnippetText>>; 2]>,
    /// For an index loaded from its parts ([`bundle`]): which chunk each term's postings are in,
    /// which chunks are added, and what scoring them needs. `None` for one built from the nodes.
    loading: Option<bundle::Loading>,
}

/// What the ranking and the filters read of a node, kept in the index so that a search needs
/// only the index.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SearchNode {
    kind: Kind,
    /// Whether it is a caution on a drug or a class ([`Node::is_caution`]).
    caution: bool,
    /// The document it restates, if any.
    document: Option<String>,
    actors: Vec<String>,
    /// Its stepped-care steps, its own step among them.
    steps: Vec<u8>,
}

impl SearchNode {
    fn of(node: &Node) -> SearchNode {
        SearchNode {
            kind: node.kind,
            caution: node.is_caution(),
            document: node.source.as_ref().map(|source| source.document.clone()),
            actors: node.actors.clone(),
            steps: node.steps.iter().chain(node.step.iter()).copied().collect(),
        }
    }
}

/// How a search is narrowed and ranked.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The words as typed; cut to [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] words.
    pub text: String,
    /// How many matches at most.
    pub limit: usize,
    /// Who reads the results (professional when `None`): shifts the field weights and priors.
    pub audience: Option<Audience>,
    /// Only nodes from these documents (any, when empty).
    pub documents: Vec<String>,
    /// Only nodes of these kinds (any, when empty).
    pub kinds: Vec<Kind>,
    /// Only nodes for one of these actors (any, when empty).
    pub actors: Vec<String>,
    /// Only nodes at one of these stepped-care steps (any, when empty).
    pub steps: Vec<u8>,
    /// Whether the last word is still being typed and may be completed.
    pub prefix: bool,
}

/// A node that matched, with its score.
#[derive(Debug, Clone)]
pub struct Match {
    /// The node's index in the slice the index was built from.
    pub node: usize,
    /// The ranking score: higher is better.
    pub score: f32,
}

/// The outcome of a query: matches best first, and what to mark in snippets.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The matches, best first, at most the query's limit.
    pub matches: Vec<Match>,
    /// Index terms of every alternative that was searched for.
    pub terms: TermSet,
    /// Words being completed: any word that starts with one is marked.
    pub prefixes: Vec<String>,
    /// Where the query's words that the content lacks in every form stand in its text (byte
    /// offsets): no term, synonym, compound part, completion or near spelling of theirs is found.
    pub unknown: Vec<(usize, usize)>,
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
