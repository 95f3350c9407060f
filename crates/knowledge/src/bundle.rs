//! The search as files, for a page that answers a search before the module and its content have
//! loaded: `index.bin` (the index's core, with what options and hits need of every node), the
//! postings in chunks (`chunk-N.bin`), and per node its hit summary and snippet texts
//! (`node-N.bin`). [`BundledSearch`] answers from them, asking for the files a query needs, and
//! gives the same hits as [`Knowledge::search`]: the same index, only loaded in parts
//! ([`search::bundle`]).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::search::bundle::{IndexCore, NodeTexts, PostingChunk};
use crate::search::{self, SearchIndex};
use crate::view::{Hit, NodeSummary};
use crate::vocabulary::Vocabulary;
use crate::{hits, parse_query, ranked, Error, Knowledge, SearchOptions};

use pijnwijzer_model::StemTable;

/// The format of the files; a file of another format is refused.
const FORMAT: u32 = 4;
/// How many chunks the postings are written in: a query with completions reads a handful, and
/// each is a few KiB compressed.
const CHUNKS: usize = 32;

/// What each file starts with: the format, what kind of file it is, and the digest of the whole
/// bundle, so that files of two builds are never mixed.
#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    kind: FileKind,
    digest: u64,
}

#[derive(Serialize, Deserialize, PartialEq, Clone, Copy, Debug)]
enum FileKind {
    Index,
    Chunk,
    Node,
}

/// What `index.bin` holds besides the index's core.
#[derive(Serialize, Deserialize)]
struct IndexFile {
    /// The node ids, in node order.
    ids: Vec<String>,
    /// The ids of the documents and actors that search options may name.
    document_ids: Vec<String>,
    actor_ids: Vec<String>,
    /// Per node, the caution of the drug class it refines.
    class_cautions: Vec<Option<u32>>,
    /// The labels hits are shown with ([`Knowledge::vocabulary`]).
    vocabulary: Vocabulary,
    core: IndexCore,
}

/// What `node-N.bin` holds.
#[derive(Serialize, Deserialize)]
struct NodeFile {
    node: u32,
    summary: NodeSummary,
    texts: NodeTexts,
}

/// A bundle's files, each with its name.
pub struct SearchFiles {
    /// `index.bin`, then the chunks, then the nodes' files.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The name of chunk number `chunk`.
fn chunk_file(chunk: u16) -> String {
    format!("chunk-{chunk}.bin")
}

/// The name of the file of node number `node`.
fn node_file(node: usize) -> String {
    format!("node-{node}.bin")
}

/// The name of the index's file, which a page reads first.
pub const INDEX_FILE: &str = "index.bin";

impl Knowledge {
    /// The search as files ([`SearchFiles`]), for [`BundledSearch`].
    pub fn search_files(&self) -> SearchFiles {
        let parts = search::bundle::parts(&self.pack.nodes, &self.pack.synonyms, CHUNKS);
        let index = IndexFile {
            ids: self.pack.nodes.iter().map(|node| node.id.clone()).collect(),
            document_ids: self.document_ids.clone(),
            actor_ids: self.actor_ids.clone(),
            class_cautions: self.class_cautions.iter().map(|c| c.map(|c| c as u32)).collect(),
            vocabulary: self.vocabulary(),
            core: parts.core,
        };
        let mut bodies = vec![(FileKind::Index, INDEX_FILE.to_string(), body(&index))];
        for chunk in &parts.chunks {
            bodies.push((FileKind::Chunk, chunk_file(chunk.number()), body(chunk)));
        }
        for (node, texts) in parts.texts.into_iter().enumerate() {
            let file = NodeFile { node: node as u32, summary: self.summary(node).clone(), texts };
            bodies.push((FileKind::Node, node_file(node), body(&file)));
        }
        let digest = bodies.iter().fold(StemTable::EMPTY_DIGEST, |digest, (_, _, bytes)| {
            StemTable::digest_bytes(digest, bytes)
        });
        let files = bodies
            .into_iter()
            .map(|(kind, name, bytes)| {
                let mut file = body(&Header { format: FORMAT, kind, digest });
                file.extend(bytes);
                (name, file)
            })
            .collect();
        SearchFiles { files }
    }
}

fn body<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("owned values always serialise")
}

/// The header of `bytes`, a search file (`what`, for errors), and the rest: its body.
fn header<'a>(bytes: &'a [u8], what: &str) -> Result<(Header, &'a [u8]), Error> {
    let (header, rest): (Header, &[u8]) = postcard::take_from_bytes(bytes)
        .map_err(|e| Error::Pack(format!("the search's {what} is unreadable: {e}")))?;
    if header.format != FORMAT {
        return Err(Error::Pack(format!(
            "the search's {what} has format {}, not the expected {FORMAT}: rebuild the site",
            header.format
        )));
    }
    Ok((header, rest))
}

/// The body of a search file (`what`, for errors), after its header.
fn read<T: DeserializeOwned>(body: &[u8], what: &str) -> Result<T, Error> {
    postcard::from_bytes(body)
        .map_err(|e| Error::Pack(format!("the search's {what} is unreadable: {e}")))
}

/// A search over a bundle's files, which answers once it has the files a query needs.
pub struct BundledSearch {
    digest: u64,
    ids: Vec<String>,
    document_ids: Vec<String>,
    actor_ids: Vec<String>,
    class_cautions: Vec<Option<usize>>,
    index: SearchIndex,
    summaries: Vec<Option<NodeSummary>>,
    vocabulary: Vocabulary,
}

/// What [`BundledSearch::search`] gives: the hits, or the files it needs first.
pub enum Answer<'a> {
    /// The hits, as [`Knowledge::search`] gives them.
    Hits(Vec<Hit<'a>>),
    /// The names of the files to add ([`BundledSearch::add`]) before asking again.
    Needs(Vec<String>),
}

impl BundledSearch {
    /// The search from `index.bin`'s bytes.
    pub fn new(index_file: &[u8]) -> Result<BundledSearch, Error> {
        let (header, body) = header(index_file, INDEX_FILE)?;
        if header.kind != FileKind::Index {
            return Err(Error::Pack(format!("{INDEX_FILE} is a {:?} file", header.kind)));
        }
        let file: IndexFile = read(body, INDEX_FILE)?;
        let index = SearchIndex::from_core(file.core).map_err(Error::Pack)?;
        let nodes = file.ids.len();
        if file.class_cautions.len() != nodes
            || file.class_cautions.iter().flatten().any(|&c| c as usize >= nodes)
        {
            return Err(Error::Pack(format!("{INDEX_FILE} does not fit together")));
        }
        Ok(BundledSearch {
            digest: header.digest,
            ids: file.ids,
            document_ids: file.document_ids,
            actor_ids: file.actor_ids,
            class_cautions: file.class_cautions.iter().map(|c| c.map(|c| c as usize)).collect(),
            index,
            summaries: vec![None; nodes],
            vocabulary: file.vocabulary,
        })
    }

    /// The labels hits are shown with, as [`Knowledge::vocabulary`] gives them.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Adds a file a search asked for (a chunk or a node's file). Refuses one of another
    /// bundle, or one that does not fit this one.
    pub fn add(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let (header, body) = header(bytes, "file")?;
        if header.digest != self.digest {
            return Err(Error::Pack(
                "a search file of another build than index.bin: reload the page".into(),
            ));
        }
        match header.kind {
            FileKind::Chunk => {
                let chunk: PostingChunk = read(body, "chunk")?;
                self.index.add_chunk(chunk).map_err(Error::Pack)
            }
            FileKind::Node => {
                let file: NodeFile = read(body, "node file")?;
                let node = file.node as usize;
                if self.ids.get(node) != Some(&file.summary.id) {
                    return Err(Error::Pack(format!(
                        "{} does not fit {INDEX_FILE}",
                        node_file(node)
                    )));
                }
                self.index.add_texts(node, file.texts);
                self.summaries[node] = Some(file.summary);
                Ok(())
            }
            FileKind::Index => Err(Error::Pack(format!("{INDEX_FILE} is read first, not added"))),
        }
    }

    /// The hits for `text`, as [`Knowledge::search`] gives them, or the files needed first:
    /// the chunks of the query's terms, then the files of its hits.
    pub fn search(&self, text: &str, options: &SearchOptions) -> Result<Answer<'_>, Error> {
        let query = parse_query(text, options, &self.document_ids, &self.actor_ids)?;
        let chunks = self.index.chunks_needed(&query);
        if !chunks.is_empty() {
            return Ok(Answer::Needs(chunks.into_iter().map(chunk_file).collect()));
        }
        let outcome = ranked(&self.index, &query, &self.class_cautions);
        let nodes: Vec<String> = outcome
            .matches
            .iter()
            .filter(|m| self.summaries[m.node].is_none() || !self.index.has_texts(m.node))
            .map(|m| node_file(m.node))
            .collect();
        if !nodes.is_empty() {
            return Ok(Answer::Needs(nodes));
        }
        let summary =
            |node: usize| self.summaries[node].as_ref().expect("every hit's file is added");
        Ok(Answer::Hits(hits(&self.index, &query, &outcome, summary, |_, _| None)))
    }
}
