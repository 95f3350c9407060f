//! The index in parts that a page reads as a query needs them, Pagefind's way: a core
//! (vocabulary, thesaurus, names, listed questions, what the ranking reads of each node, and
//! each term's node count), the postings in chunks of terms, and each node's snippet texts.
//!
//! A query reads the core, then the chunks its terms are in, then the texts of its hits: a few
//! per cent of the postings and ten nodes' texts, instead of the whole content. An index loaded
//! this way ranks exactly as one built from the nodes: a chunk stores term frequencies, not
//! scores, and loading scores them with the same functions as the build ([`super::index`]).

use serde::{Deserialize, Serialize};

use super::index::{self, length_norms, score_term, weighted, LengthNorms, Posting, Word};
use super::{Query, SearchIndex, SearchNode, AUDIENCES};

use pijnwijzer_model::{LayerKey, Node, StemTable};

/// What a search reads before any posting.
#[derive(Serialize, Deserialize)]
pub struct IndexCore {
    words: WordColumns,
    /// Per term, how its name is cut from the first word that has it ([`StemTable::apply`]);
    /// [`StemTable::STEM_AT_LOAD`] for one that is not a cut, named in `odd_terms`.
    term_cuts: Vec<u8>,
    odd_terms: Vec<(u32, String)>,
    /// Per term, how many nodes it occurs in: where its postings start follows.
    nodes_with: Vec<u32>,
    /// The name of the first term of each chunk but the first: chunks hold runs of terms in
    /// alphabetical order, so a term's chunk follows from its name.
    chunk_starts: Vec<String>,
    acronyms: Vec<String>,
    /// The thesaurus as written, analysed again at load: less than half the bytes of what is
    /// made of it (the phrases' terms and the lookups by stem).
    thesaurus: Vec<Vec<String>>,
    names: Vec<Vec<Vec<u32>>>,
    questions: Vec<Vec<Vec<u32>>>,
    /// Per node, the mark of each question it lists ([`super::index::question_mark`]).
    question_marks: Vec<Vec<u16>>,
    nodes: Vec<SearchNode>,
    /// Per node, its words per field: its length norms follow.
    lengths: Vec<[u32; index::FIELDS]>,
}

/// The words of the vocabulary as stored, column by column (a column of like values compresses
/// better than rows of mixed ones: 38 against 44 KiB brotli). Words come sorted, so each gives only
/// what its folded form does not share with the one before (`shared` bytes of it, then `rest`),
/// and how readers write it only when that differs.
#[derive(Serialize, Deserialize)]
struct WordColumns {
    shared: Vec<u8>,
    rest: Vec<String>,
    display: Vec<Option<String>>,
    term: Vec<u32>,
    count: Vec<u32>,
    parts: Vec<Option<Box<[u32]>>>,
    names_a_drug: Vec<bool>,
}

/// The words as columns ([`WordColumns`]).
fn word_columns(words: Vec<Word>) -> WordColumns {
    let mut columns = WordColumns {
        shared: Vec::with_capacity(words.len()),
        rest: Vec::with_capacity(words.len()),
        display: Vec::with_capacity(words.len()),
        term: Vec::with_capacity(words.len()),
        count: Vec::with_capacity(words.len()),
        parts: Vec::with_capacity(words.len()),
        names_a_drug: Vec::with_capacity(words.len()),
    };
    let mut previous = String::new();
    for word in words {
        let mut shared = word
            .folded
            .bytes()
            .zip(previous.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(usize::from(u8::MAX));
        while !word.folded.is_char_boundary(shared) {
            shared -= 1;
        }
        columns.shared.push(shared as u8);
        columns.rest.push(word.folded[shared..].to_string());
        columns.display.push((word.display != word.folded).then_some(word.display));
        columns.term.push(word.term);
        columns.count.push(word.count);
        columns.parts.push(word.parts);
        columns.names_a_drug.push(word.names_a_drug);
        previous = word.folded;
    }
    columns
}

/// The words of `columns`, or `None` when the columns differ in length or a word shares more
/// than the word before it has.
fn words_of(columns: WordColumns) -> Option<Vec<Word>> {
    let WordColumns { shared, rest, display, term, count, parts, names_a_drug } = columns;
    let length = shared.len();
    if [rest.len(), display.len(), term.len(), count.len(), parts.len(), names_a_drug.len()]
        .iter()
        .any(|&n| n != length)
    {
        return None;
    }
    let (mut rest, mut display, mut term) =
        (rest.into_iter(), display.into_iter(), term.into_iter());
    let (mut count, mut parts, mut drug) =
        (count.into_iter(), parts.into_iter(), names_a_drug.into_iter());
    let mut words: Vec<Word> = Vec::with_capacity(length);
    for shared in shared {
        let before = words.last().map_or("", |word| word.folded.as_str());
        let mut folded = before.get(..usize::from(shared))?.to_string();
        folded.push_str(&rest.next()?);
        words.push(Word {
            display: display.next()?.unwrap_or_else(|| folded.clone()),
            folded,
            term: term.next()?,
            count: count.next()?,
            parts: parts.next()?,
            names_a_drug: drug.next()?,
        });
    }
    Some(words)
}

/// Each term's cut from the first word that has it, and the terms that are no cut of it.
fn term_cuts(words: &[Word], term_names: &[String]) -> (Vec<u8>, Vec<(u32, String)>) {
    let mut cuts = vec![StemTable::STEM_AT_LOAD; term_names.len()];
    let mut named = vec![false; term_names.len()];
    for word in words {
        let term = word.term as usize;
        if !named[term] {
            named[term] = true;
            cuts[term] = StemTable::cut(&word.folded, &term_names[term]);
        }
    }
    let odd = (0..term_names.len())
        .filter(|&term| cuts[term] == StemTable::STEM_AT_LOAD)
        .map(|term| (term as u32, term_names[term].clone()))
        .collect();
    (cuts, odd)
}

/// The terms' names from their cuts ([`term_cuts`]), or `None` when one is missing.
fn term_names(words: &[Word], cuts: &[u8], odd: Vec<(u32, String)>) -> Option<Vec<String>> {
    let mut names: Vec<Option<String>> = vec![None; cuts.len()];
    for word in words {
        let term = word.term as usize;
        if names.get(term)?.is_none() {
            names[term] = StemTable::apply(&word.folded, cuts[term]);
        }
    }
    for (term, name) in odd {
        *names.get_mut(term as usize)? = Some(name);
    }
    names.into_iter().collect()
}

/// The postings of some terms, as term frequencies per field.
#[derive(Serialize, Deserialize)]
pub struct PostingChunk {
    /// Which chunk it is.
    chunk: u16,
    /// Terms in increasing order, each with its postings in node order.
    terms: Vec<(u32, Vec<StoredPosting>)>,
}

/// A posting as a chunk stores it: the node's distance from the one before (from 0 for the
/// first), and the term's frequency in each field it occurs in (the fields as bits, their
/// frequencies in field order).
#[derive(Serialize, Deserialize)]
struct StoredPosting {
    distance: u32,
    fields: u8,
    frequencies: Vec<f32>,
}

impl PostingChunk {
    /// Which chunk it is.
    pub fn number(&self) -> u16 {
        self.chunk
    }
}

/// The texts a node's snippets are cut from, as plain text: its main text and its lay text. The
/// place, word and term of each word are found again when they are added: stored, they took more
/// bytes than the texts.
#[derive(Serialize, Deserialize)]
pub struct NodeTexts([Option<String>; 2]);

/// An index in parts: its core, its postings in chunks, and every node's snippet texts.
pub struct Parts {
    /// What a search reads first.
    pub core: IndexCore,
    /// The postings, chunk by chunk.
    pub chunks: Vec<PostingChunk>,
    /// Per node, in node order, its snippet texts.
    pub texts: Vec<NodeTexts>,
}

/// The index of `nodes` with the thesaurus `synonyms`, in parts, its postings in about `chunks`
/// chunks. Terms are placed in chunks in alphabetical order, so that the completions of a word
/// being typed tend to share one.
pub fn parts(nodes: &[Node], synonyms: &[Vec<String>], chunks: usize) -> Parts {
    let built = index::build_for_bundle(nodes, synonyms);
    let index = built.index;
    let terms = index.term_names.len();
    let mut alphabetical: Vec<u32> = (0..terms as u32).collect();
    alphabetical.sort_by(|&a, &b| index.term_names[a as usize].cmp(&index.term_names[b as usize]));
    let per_chunk = built.frequencies.len().div_ceil(chunks.max(1)).max(1);
    let mut term_chunks = vec![0u16; terms];
    let mut chunk_starts = Vec::new();
    let (mut chunk, mut filled) = (0u16, 0);
    for term in alphabetical {
        if filled >= per_chunk {
            chunk += 1;
            filled = 0;
            chunk_starts.push(index.term_names[term as usize].clone());
        }
        term_chunks[term as usize] = chunk;
        filled += index.nodes_with(term);
    }
    let mut posting_chunks: Vec<PostingChunk> =
        (0..=chunk).map(|chunk| PostingChunk { chunk, terms: Vec::new() }).collect();
    // Each term's nodes are stored as distances from the one before: smaller numbers.
    let mut previous = 0;
    for (term, node, tf) in built.frequencies {
        let terms = &mut posting_chunks[usize::from(term_chunks[term as usize])].terms;
        if terms.last().map(|(last, _)| *last) != Some(term) {
            terms.push((term, Vec::new()));
            previous = 0;
        }
        let postings = &mut terms.last_mut().expect("pushed above").1;
        let mut fields = 0u8;
        let mut frequencies = Vec::new();
        for (field, &frequency) in tf.iter().enumerate() {
            if frequency != 0.0 {
                fields |= 1 << field;
                frequencies.push(frequency);
            }
        }
        postings.push(StoredPosting { distance: node - previous, fields, frequencies });
        previous = node;
    }
    let texts = nodes
        .iter()
        .map(|node| {
            NodeTexts([LayerKey::Main, LayerKey::Lay].map(|key| {
                let layer = node.layers.iter().find(|layer| layer.key == key)?;
                Some(index::layer_text(layer))
            }))
        })
        .collect();
    let mut acronyms: Vec<String> = index.acronyms.iter().cloned().collect();
    acronyms.sort();
    let (cuts, odd_terms) = term_cuts(&index.words, &index.term_names);
    let core = IndexCore {
        term_cuts: cuts,
        odd_terms,
        nodes_with: (0..terms as u32).map(|term| index.nodes_with(term) as u32).collect(),
        chunk_starts,
        acronyms,
        question_marks: index.question_marks,
        lengths: built.lengths.iter().map(|l| l.map(|words| words as u32)).collect(),
        words: word_columns(index.words),
        thesaurus: synonyms.to_vec(),
        names: index.names,
        questions: index.questions,
        nodes: index.nodes,
    };
    Parts { core, chunks: posting_chunks, texts }
}

/// What an index loaded from parts knows of its postings.
pub(super) struct Loading {
    term_chunks: Vec<u16>,
    loaded: Vec<bool>,
    norms: LengthNorms,
}

impl SearchIndex {
    /// An index from its core, without postings: [`SearchIndex::chunks_needed`] says which a
    /// query reads, and [`SearchIndex::add_chunk`] adds them. Refuses a core whose parts do not
    /// fit together.
    pub fn from_core(core: IndexCore) -> Result<SearchIndex, String> {
        let IndexCore {
            words,
            term_cuts,
            odd_terms,
            nodes_with,
            chunk_starts,
            acronyms,
            thesaurus,
            names,
            questions,
            question_marks,
            nodes,
            lengths,
        } = core;
        let misfit = || "the search index's core does not fit together".to_string();
        let words = words_of(words).ok_or_else(misfit)?;
        if words.iter().any(|w| w.term as usize >= term_cuts.len()) {
            return Err(misfit());
        }
        let term_names = term_names(&words, &term_cuts, odd_terms).ok_or_else(misfit)?;
        let terms = term_names.len();
        let count = nodes.len();
        let fits = nodes_with.len() == terms
            && chunk_starts.windows(2).all(|pair| pair[0] < pair[1])
            && chunk_starts.len() < usize::from(u16::MAX)
            && [names.len(), questions.len(), lengths.len()].iter().all(|&n| n == count)
            && words.iter().all(|w| (w.term as usize) < terms)
            && names
                .iter()
                .chain(&questions)
                .flatten()
                .flatten()
                .all(|&w| (w as usize) < words.len())
            && question_marks.len() == count
            && question_marks.iter().zip(&questions).all(|(marks, q)| marks.len() == q.len())
            && nodes_with.iter().all(|&n| n as usize <= count);
        if !fits {
            return Err(misfit());
        }
        let mut posting_starts = Vec::with_capacity(terms + 1);
        let mut total = 0u32;
        posting_starts.push(0);
        for &n in &nodes_with {
            total += n;
            posting_starts.push(total);
        }
        let term_chunks: Vec<u16> = term_names
            .iter()
            .map(|name| chunk_starts.partition_point(|start| start <= name) as u16)
            .collect();
        let chunk_count = chunk_starts.len() + 1;
        let lengths: Vec<[f32; index::FIELDS]> =
            lengths.iter().map(|l| l.map(|words| words as f32)).collect();
        let word_ids =
            words.iter().enumerate().map(|(i, w)| (w.folded.clone(), i as u32)).collect();
        let terms_by_name =
            term_names.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
        let mut index = SearchIndex {
            analyzer: Default::default(),
            terms: terms_by_name,
            term_names,
            postings: vec![Posting { node: 0, score: [0.0; 2] }; total as usize],
            posting_starts,
            words,
            word_ids,
            bigrams: Default::default(),
            acronyms: acronyms.into_iter().collect(),
            synonym_index: Default::default(),
            synonyms: Vec::new(),
            phrase_lengths: Default::default(),
            thesaurus_words: Default::default(),
            named_by: index::name_holders(&names),
            names,
            asked: Default::default(),
            question_marks,
            questions,
            priors: AUDIENCES.map(|audience| {
                nodes.iter().map(|node| super::score::kind_prior(node.kind, audience)).collect()
            }),
            snippets: nodes.iter().map(|_| Default::default()).collect(),
            nodes,
            loading: Some(Loading {
                term_chunks,
                loaded: vec![false; chunk_count],
                norms: length_norms(&lengths),
            }),
        };
        index.add_thesaurus(&thesaurus);
        Ok(index)
    }

    /// The chunks `query` reads postings from that are not yet added; none for an index built
    /// from the nodes.
    pub fn chunks_needed(&self, query: &Query) -> Vec<u16> {
        let Some(loading) = &self.loading else { return Vec::new() };
        let mut needed: Vec<u16> = self
            .terms_read(query)
            .into_iter()
            .map(|term| loading.term_chunks[term as usize])
            .filter(|&chunk| !loading.loaded[usize::from(chunk)])
            .collect();
        needed.sort_unstable();
        needed.dedup();
        needed
    }

    /// Adds a chunk of postings, scored as the build scores them. Refuses one that does not fit
    /// this index's core.
    pub fn add_chunk(&mut self, chunk: PostingChunk) -> Result<(), String> {
        let Some(loading) = &mut self.loading else {
            return Err("this index was built from the nodes and has every posting".into());
        };
        let number = usize::from(chunk.chunk);
        let misfit = || format!("posting chunk {number} does not fit the search index's core");
        if number >= loading.loaded.len() {
            return Err(misfit());
        }
        let weights = AUDIENCES.map(index::field_weights);
        let nodes = self.nodes.len() as u32;
        for (term, postings) in chunk.terms {
            let t = term as usize;
            if loading.term_chunks.get(t) != Some(&chunk.chunk) {
                return Err(misfit());
            }
            let (start, end) =
                (self.posting_starts[t] as usize, self.posting_starts[t + 1] as usize);
            if postings.len() != end - start {
                return Err(misfit());
            }
            let mut node = 0u32;
            for (slot, stored) in self.postings[start..end].iter_mut().zip(postings) {
                node =
                    node.checked_add(stored.distance).filter(|&n| n < nodes).ok_or_else(misfit)?;
                let mut tf = [0.0; index::FIELDS];
                let mut given = stored.frequencies.into_iter();
                for (field, slot) in tf.iter_mut().enumerate() {
                    if stored.fields & (1 << field) != 0 {
                        *slot = given.next().ok_or_else(misfit)?;
                    }
                }
                *slot = Posting { node, score: weighted(&tf, &weights) };
            }
            score_term(&mut self.postings[start..end], &loading.norms);
        }
        loading.loaded[number] = true;
        Ok(())
    }

    /// Adds the snippet texts of node number `node`; a node's texts are added once.
    pub fn add_texts(&self, node: usize, texts: NodeTexts) {
        if let Some(slots) = self.snippets.get(node) {
            for (slot, text) in slots.iter().zip(texts.0) {
                let _ = slot.set(text.map(|text| self.snippet_text(&text)));
            }
        }
    }

    /// Whether node number `node` has its snippet texts: always, for an index built from the
    /// nodes, which makes them from a node's layers.
    pub fn has_texts(&self, node: usize) -> bool {
        self.loading.is_none()
            || self.snippets.get(node).is_some_and(|slots| slots[0].get().is_some())
    }

    /// The terms whose postings `query` reads: those of every alternative of its words.
    fn terms_read(&self, query: &Query) -> Vec<u32> {
        let mut outcome = self.outcome();
        let Some((_, _, expanded)) = self.read_query(query, &mut outcome) else {
            return Vec::new();
        };
        expanded
            .groups
            .iter()
            .flatten()
            .flat_map(|alternative| alternative.terms.iter().copied())
            .collect()
    }
}
