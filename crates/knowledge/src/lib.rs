#![deny(missing_docs)]
//! The knowledge core: the compiled pack, the graph over it, and the questions it answers.
//!
//! Plain Rust, no wasm or DOM types: the bindings and the CLI both call [`Knowledge`] and
//! serialise the views it returns.

pub mod bundle;
pub mod features;
pub mod history;
pub mod render;
pub mod search;
pub mod view;
pub mod vocabulary;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::Deserialize;

use features::NodeRef;
use pijnwijzer_model::distance::levenshtein;
use pijnwijzer_model::{Audience, Document, EdgeType, Kind, Node, Pack};
use search::{IndexBuild, Query, SearchIndex};
use view::{
    ActorView, ComparisonView, DocumentView, Hit, LayerView, LinkView, NodeSummary, NodeView,
    SourceView, VersionInfo,
};

/// Default number of search results.
pub const DEFAULT_LIMIT: usize = 10;
/// Largest number of search results a call may ask for.
pub const MAX_LIMIT: usize = 100;
/// About how many words a hit's snippet shows: two lines of a result card.
const SNIPPET_WORDS: usize = 28;
/// How many nodes one slice of [`Knowledge::prepare_search_slice`] reads into the search index:
/// about a tenth of the content, some 15 ms on a phone.
const NODES_PER_INDEX_SLICE: usize = 48;

/// Why a question could not be answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Nothing has this id or name; `suggestions` are close ones that exist.
    NotFound {
        /// What was looked for ("node id", "checklist", …).
        what: &'static str,
        /// The id or name asked for.
        name: String,
        /// Close ids or names that exist, best first.
        suggestions: Vec<String>,
    },
    /// An argument has a value the API does not accept.
    InvalidArgument(String),
    /// The pack could not be read (a build problem, never the caller's).
    Pack(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound { what, name, suggestions } => {
                write!(f, "unknown {what} `{name}`")?;
                if !suggestions.is_empty() {
                    write!(
                        f,
                        "; did you mean {}?",
                        suggestions.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
                    )?;
                }
                Ok(())
            }
            Error::InvalidArgument(message) => write!(f, "invalid argument: {message}"),
            Error::Pack(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A stable code for programs, so that none has to read the message: `not-found`,
    /// `invalid-argument`, or `unavailable` (the pack could not be read).
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not-found",
            Error::InvalidArgument(_) => "invalid-argument",
            Error::Pack(_) => "unavailable",
        }
    }

    /// For `not-found`: close ids or names that exist, best first; otherwise none.
    pub fn suggestions(&self) -> &[String] {
        match self {
            Error::NotFound { suggestions, .. } => suggestions,
            _ => &[],
        }
    }
}

/// Search options as the API takes them. Every filter accepts one value or a list.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(optional_fields))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SearchOptions {
    /// How many hits at most (default 10, at most 100).
    pub limit: Option<usize>,
    /// `professional` (default) or `patient`: patients get lay text and concepts first.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Audience>"))]
    pub audience: Option<String>,
    /// Only nodes of these documents (ids as `vocabulary().documents` lists them).
    pub document: Option<OneOrMany<String>>,
    /// Only nodes of these kinds.
    #[cfg_attr(feature = "typescript", ts(as = "Option<OneOrMany<Kind>>"))]
    pub kind: Option<OneOrMany<String>>,
    /// Only nodes that address these actors (ids as `vocabulary().actors` lists them).
    pub actor: Option<OneOrMany<String>>,
    /// Only nodes of these stepped-care steps (1–4).
    pub step: Option<OneOrMany<u8>>,
    /// Treat the last word as still being typed and complete it (search-as-you-type).
    pub prefix: Option<bool>,
}

/// A filter value: one, or any of several.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// One value.
    One(T),
    /// Any of these values.
    Many(Vec<T>),
}

impl SearchOptions {
    /// The option names, as JS spells them.
    pub const FIELDS: &'static [&'static str] =
        &["limit", "audience", "document", "kind", "actor", "step", "prefix"];
}

impl<T: Clone> OneOrMany<T> {
    fn to_vec(&self) -> Vec<T> {
        match self {
            OneOrMany::One(one) => vec![one.clone()],
            OneOrMany::Many(many) => many.clone(),
        }
    }
}

/// The loaded knowledge: nodes, their graph, and the search index.
pub struct Knowledge {
    pack: Pack,
    by_id: HashMap<String, usize>,
    /// For each node, the nodes that link to it and how.
    incoming: Vec<Vec<(usize, EdgeType)>>,
    /// Built on the first search or completion, not at load: a page that only shows a
    /// checklist or a lay explanation never pays for it.
    index: OnceLock<SearchIndex>,
    /// The index while [`Knowledge::prepare_search_slice`] builds it a few nodes at a time.
    index_build: Mutex<Option<IndexBuild>>,
    /// Each node as a search hit shows it, with its source and citation: made on the node's first
    /// hit or view rather than at load, where citing every node held up a page's first search.
    summaries: Vec<OnceLock<NodeSummary>>,
    /// For a medication, the caution on the drug class it refines, if any.
    class_cautions: Vec<Option<usize>>,
    /// The releases in full and the content as a release, made on first use.
    versions: OnceLock<history::Versions>,
    /// Every node's patient questions with their content words folded, made on the first
    /// completion rather than on every keystroke.
    questions: OnceLock<Vec<features::AskedQuestion>>,
    /// The ids of the documents and of the actors, which search options may name.
    document_ids: Vec<String>,
    actor_ids: Vec<String>,
}

impl Knowledge {
    /// Loads a pack from the bytes [`Pack::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Knowledge, Error> {
        Pack::from_bytes(bytes).map(Knowledge::new).map_err(Error::Pack)
    }

    /// Builds the graph over `pack`; the search index follows on first use.
    pub fn new(pack: Pack) -> Knowledge {
        let by_id: HashMap<String, usize> =
            pack.nodes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect();
        let mut incoming = vec![Vec::new(); pack.nodes.len()];
        for (from, node) in pack.nodes.iter().enumerate() {
            for link in &node.links {
                if let Some(&to) = by_id.get(&link.target) {
                    incoming[to].push((from, link.edge));
                }
            }
        }
        let summaries = pack.nodes.iter().map(|_| OnceLock::new()).collect();
        let class_cautions = pack
            .nodes
            .iter()
            .map(|member| {
                let refines = member.links.iter().filter(|l| l.edge == EdgeType::Refines);
                let mut classes = refines
                    .filter_map(|l| by_id.get(&l.target).copied())
                    .filter(|&class| pack.nodes[class].is_caution());
                classes.next().filter(|_| member.kind == Kind::Medication)
            })
            .collect();
        Knowledge {
            document_ids: pack.documents.iter().map(|d| d.id.clone()).collect(),
            actor_ids: pack.actors.iter().map(|(id, _)| id.clone()).collect(),
            pack,
            by_id,
            incoming,
            index: OnceLock::new(),
            index_build: Mutex::default(),
            summaries,
            class_cautions,
            versions: OnceLock::new(),
            questions: OnceLock::new(),
        }
    }

    /// Builds the search index now rather than on the first search, which otherwise pays for it
    /// (a tenth of a second in a browser), with the near-spelling index the first misspelt query
    /// would build: for a page to call while the reader is still reading, so that the first search
    /// answers at once. Does nothing once they are built.
    pub fn prepare_search(&self) {
        self.index().prepare_near_spellings();
    }

    /// One slice of [`Knowledge::prepare_search`], a few milliseconds on a phone, for a caller
    /// that spreads the preparation over the moments a page is idle, so that a reader who types
    /// meanwhile never waits long: reading the text of the next few dozen nodes into the index,
    /// then building the index from what was read, then the near-spelling index. Returns whether
    /// all of it is done (and then does nothing more). A search in between finishes the index at
    /// once, with the same result.
    pub fn prepare_search_slice(&self) -> bool {
        if let Some(index) = self.index.get() {
            index.prepare_near_spellings();
            return true;
        }
        let mut build = self.index_build.lock().unwrap_or_else(PoisonError::into_inner);
        let read = build.get_or_insert_with(IndexBuild::default).read(
            &self.pack.nodes,
            &self.pack.stems,
            NODES_PER_INDEX_SLICE,
        );
        if read == 0 {
            drop(build);
            self.index();
        }
        false
    }

    fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| {
            let build = self.index_build.lock().unwrap_or_else(PoisonError::into_inner).take();
            build.unwrap_or_default().finish(
                &self.pack.nodes,
                &self.pack.synonyms,
                &self.pack.stems,
            )
        })
    }

    /// Node number `index` (in the order of [`Knowledge::nodes`]) as a search hit shows it.
    pub fn summary(&self, index: usize) -> &NodeSummary {
        self.summaries[index].get_or_init(|| {
            let node = &self.pack.nodes[index];
            let class = self.grading_class(node);
            NodeSummary {
                id: node.id.clone(),
                kind: node.kind,
                title: node.title.clone(),
                lay_title: node.lay_title.clone(),
                source: cite(&self.pack.documents, node),
                strength: class.map_or(node.strength, |c| c.strength),
                direction: class.map_or(node.direction, |c| c.direction),
                graded_by: class.map(|c| NodeRef {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    lay_title: c.lay_title.clone(),
                    kind: c.kind,
                    citation: cite(&self.pack.documents, c).map(|s| s.citation),
                }),
                covers: node.covers.clone(),
            }
        })
    }

    /// The drug class whose recommendation grades `node`: a drug without a grade of its own is
    /// governed by its class's, and its hits say so ("2C, via opioïden"), as its card does.
    fn grading_class(&self, node: &Node) -> Option<&Node> {
        if node.kind != Kind::Medication || node.strength.is_some() {
            return None;
        }
        node.links
            .iter()
            .filter(|l| l.edge == EdgeType::Refines)
            .filter_map(|l| self.by_id.get(&l.target).map(|&i| &self.pack.nodes[i]))
            .find(|class| class.kind == Kind::Medication && class.strength.is_some())
    }

    /// All nodes, sorted by id.
    pub fn nodes(&self) -> &[Node] {
        &self.pack.nodes
    }

    /// The module's version, the content's version and the source documents.
    pub fn version(&self) -> VersionInfo {
        VersionInfo {
            module: env!("CARGO_PKG_VERSION").to_string(),
            content: self.pack.content_version.clone(),
            content_version: history::content_release(&self.pack).0,
            built: self.pack.built.clone(),
            nodes: self.pack.nodes.len(),
            documents: self.documents(),
        }
    }

    /// The source documents, as [`Knowledge::version`] and [`Knowledge::vocabulary`] list them.
    fn documents(&self) -> Vec<DocumentView> {
        self.pack
            .documents
            .iter()
            .map(|d| DocumentView {
                id: d.id.clone(),
                short: d.short.clone(),
                title: d.title.clone(),
                version: d.version.clone(),
                country: d.country.clone(),
            })
            .collect()
    }

    /// The file name of a document's source text (in `../shared/sources/`).
    pub fn source_file(&self, document: &str) -> Option<&str> {
        self.pack.documents.iter().find(|d| d.id == document).map(|d| d.source_file.as_str())
    }

    /// The node with `id`, or an error naming close ids.
    pub fn raw_node(&self, id: &str) -> Result<&Node, Error> {
        self.by_id.get(id).map(|&i| &self.pack.nodes[i]).ok_or_else(|| Error::NotFound {
            what: "node id",
            name: id.chars().take(80).collect(),
            suggestions: self.close_ids(id),
        })
    }

    /// The whole node with `id`: every layer as HTML and text, its citation and its links.
    pub fn node(&self, id: &str) -> Result<NodeView, Error> {
        let node = self.raw_node(id)?;
        let index = self.by_id[id];
        let mut links: Vec<LinkView> = node
            .links
            .iter()
            .filter_map(|link| {
                self.by_id.get(&link.target).map(|&to| self.link_view(to, link.edge, true))
            })
            .collect();
        links.extend(
            self.incoming[index].iter().map(|&(from, edge)| self.link_view(from, edge, false)),
        );
        let digest = node.digests().node;
        Ok(NodeView {
            id: node.id.clone(),
            facts: node.facts.clone(),
            changed_in: self.changed_in(&node.id, &digest),
            digest,
            source: self.source_view(node),
            actors: node
                .actors
                .iter()
                .map(|a| ActorView { id: a.clone(), label: self.actor_label(a) })
                .collect(),
            layers: node
                .layers
                .iter()
                .map(|layer| {
                    let mut html = String::new();
                    render::blocks_html(&layer.blocks, &mut html);
                    LayerView {
                        key: layer.key,
                        title: layer.key.heading().to_string(),
                        html,
                        text: search::layer_text(layer),
                    }
                })
                .collect(),
            links,
            compare: node
                .compare
                .iter()
                .map(|c| ComparisonView {
                    document: c.document.clone(),
                    agreement: c.agreement,
                    nodes: c.nodes.clone(),
                    point: c.point.clone(),
                })
                .collect(),
            readability: node.readability,
        })
    }

    /// Ranked hits for `text`. An empty query gives no hits; a long one is cut to
    /// [`search::MAX_QUERY_CHARS`] characters.
    pub fn search(&self, text: &str, options: &SearchOptions) -> Result<Vec<Hit<'_>>, Error> {
        let query = parse_query(text, options, &self.document_ids, &self.actor_ids)?;
        let outcome = ranked(self.index(), &query, &self.class_cautions);
        Ok(hits(
            self.index(),
            &query,
            &outcome,
            |node| self.summary(node),
            |node, key| {
                let layers = &self.pack.nodes[node].layers;
                layers.iter().find(|layer| layer.key == key).map(search::layer_text)
            },
        ))
    }

    /// The words of `text` that the guidance never uses in any form, as [`Knowledge::search`] reads
    /// it with `options` (no term, synonym, compound part, near spelling or, for a last word being
    /// typed, completion of theirs occurs): why a search finds little or nothing, and what a
    /// search without them would leave out. In the order typed, as typed.
    pub fn unknown_words(&self, text: &str, options: &SearchOptions) -> Result<Vec<String>, Error> {
        let query = parse_query(text, options, &self.document_ids, &self.actor_ids)?;
        // Unknown words do not depend on the number of hits, only on there being a search.
        let query = search::Query { limit: 1, ..query };
        let outcome = self.index().search(&query);
        Ok(outcome.unknown.iter().map(|&(start, end)| query.text[start..end].to_string()).collect())
    }

    /// Completions of `prefix` for search-as-you-type: the text with its last word completed
    /// by words of the content, most used first. Text that ends in a space has no word being
    /// typed, so it has no completions.
    pub fn suggest(&self, prefix: &str, limit: usize) -> Vec<String> {
        let prefix: String = prefix.chars().take(search::MAX_QUERY_CHARS).collect();
        if prefix.ends_with(char::is_whitespace) {
            return Vec::new();
        }
        let start = prefix
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let (head, last) = prefix.split_at(start);
        self.index()
            .complete(last, limit.min(MAX_LIMIT))
            .into_iter()
            .map(|word| format!("{head}{word}"))
            .collect()
    }

    fn link_view(&self, other: usize, edge: EdgeType, outgoing: bool) -> LinkView {
        let node = &self.pack.nodes[other];
        LinkView {
            id: node.id.clone(),
            title: node.title.clone(),
            lay_title: node.lay_title.clone(),
            kind: node.kind,
            edge,
            outgoing,
        }
    }

    fn actor_label(&self, id: &str) -> String {
        self.pack
            .actors
            .iter()
            .find(|(key, _)| key == id)
            .map_or_else(|| id.to_string(), |(_, label)| label.clone())
    }

    /// The source of `node` with a citation such as "WOREL §4 aanbeveling 6, p. 29".
    fn source_view(&self, node: &Node) -> Option<SourceView> {
        self.by_id.get(&node.id).and_then(|&i| self.summary(i).source.clone())
    }

    /// Up to three ids close to `id`, for "did you mean" hints.
    fn close_ids(&self, id: &str) -> Vec<String> {
        if id.len() > 120 {
            return Vec::new();
        }
        let mut scored: Vec<(usize, &str)> = self
            .pack
            .nodes
            .iter()
            .filter_map(|n| {
                let distance = levenshtein(id, &n.id);
                let shares_prefix = id.len() >= 4 && n.id.contains(id);
                (distance <= 3 || shares_prefix)
                    .then_some((if shares_prefix { 0 } else { distance }, n.id.as_str()))
            })
            .collect();
        scored.sort();
        scored.into_iter().take(3).map(|(_, id)| id.to_string()).collect()
    }
}

/// The query `text` with `options`, checked: the documents and actors it filters by must be among
/// `document_ids` and `actor_ids`.
fn parse_query(
    text: &str,
    options: &SearchOptions,
    document_ids: &[String],
    actor_ids: &[String],
) -> Result<Query, Error> {
    let limit = options.limit.unwrap_or(DEFAULT_LIMIT);
    if limit > MAX_LIMIT {
        return Err(Error::InvalidArgument(format!(
            "limit {limit} is above the maximum of {MAX_LIMIT}"
        )));
    }
    let audience = options
        .audience
        .as_deref()
        .map(|a| {
            Audience::parse(a).ok_or_else(|| {
                Error::InvalidArgument(format!(
                    "audience `{a}`: use one of {}",
                    Audience::spellings()
                ))
            })
        })
        .transpose()?;
    let documents = options.document.as_ref().map(OneOrMany::to_vec).unwrap_or_default();
    for document in &documents {
        if !document_ids.contains(document) {
            return Err(Error::InvalidArgument(format!(
                "document `{document}`: use one of {}",
                document_ids.join(", ")
            )));
        }
    }
    let kinds = options
        .kind
        .as_ref()
        .map(OneOrMany::to_vec)
        .unwrap_or_default()
        .iter()
        .map(|k| {
            Kind::parse(k).ok_or_else(|| {
                Error::InvalidArgument(format!("kind `{k}`: use one of {}", Kind::spellings()))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let actors = options.actor.as_ref().map(OneOrMany::to_vec).unwrap_or_default();
    for actor in &actors {
        if !actor_ids.contains(actor) {
            return Err(Error::InvalidArgument(format!(
                "actor `{actor}` is not in the vocabulary"
            )));
        }
    }
    let steps = options.step.as_ref().map(OneOrMany::to_vec).unwrap_or_default();
    if let Some(step) = steps.iter().find(|s| !(1..=4).contains(*s)) {
        return Err(Error::InvalidArgument(format!("step {step}: steps are 1 to 4")));
    }
    Ok(Query {
        text: text.to_string(),
        limit,
        audience,
        documents,
        kinds,
        actors,
        steps,
        prefix: options.prefix.unwrap_or(false),
    })
}

/// The matches of `query` over `index`, best first and at most its limit, with each drug's class
/// caution ranked above it (`class_cautions`, per node the caution of the class it refines).
fn ranked(index: &SearchIndex, query: &Query, class_cautions: &[Option<usize>]) -> search::Outcome {
    let mut outcome = index.search(query);
    put_class_cautions_first(&mut outcome.matches, class_cautions);
    outcome.matches.truncate(query.limit);
    outcome
}

/// A caution on a drug class holds for every member: wherever a member ranks (`tramadol`),
/// the class caution it refines (`opioïden`) ranks directly above it, so a safety question
/// never shows a member without the warning that governs it.
fn put_class_cautions_first(matches: &mut Vec<search::Match>, class_cautions: &[Option<usize>]) {
    let mut i = 0;
    while i < matches.len() {
        if let Some(class) = class_cautions[matches[i].node] {
            match matches.iter().position(|m| m.node == class) {
                Some(at) if at < i => {}
                found => {
                    if let Some(at) = found {
                        matches.remove(at);
                    }
                    let score = matches[i].score;
                    matches.insert(i, search::Match { node: class, score });
                    i += 1;
                }
            }
        }
        i += 1;
    }
}

/// The hits of `outcome`: each node's summary (`summary`), its snippet, cut from the layer text
/// `layer_text` gives (node, layer) the first time the node is a hit, and its score.
fn hits<'a>(
    index: &SearchIndex,
    query: &Query,
    outcome: &search::Outcome,
    summary: impl Fn(usize) -> &'a NodeSummary,
    layer_text: impl Fn(usize, pijnwijzer_model::LayerKey) -> Option<String>,
) -> Vec<Hit<'a>> {
    let audience = query.audience.unwrap_or(Audience::Professional);
    outcome
        .matches
        .iter()
        .map(|m| Hit {
            node: summary(m.node),
            snippet: index
                .snippet(m.node, audience, outcome, SNIPPET_WORDS, |key| layer_text(m.node, key)),
            score: (f64::from(m.score) * 1000.0).round() / 1000.0,
        })
        .collect()
}

/// Where `node` stands in its source, with a citation such as "WOREL §4 aanbeveling 6, p. 29".
fn cite(documents: &[Document], node: &Node) -> Option<SourceView> {
    let source = node.source.as_ref()?;
    let short = documents
        .iter()
        .find(|d| d.id == source.document)
        .map_or(source.document.as_str(), |d| d.short.as_str());
    let section = if source.section.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("§{}", source.section)
    } else {
        source.section.clone()
    };
    let mut citation = format!("{short} {section}");
    if let Some(label) = &source.label {
        citation.push(' ');
        citation.push_str(label);
    }
    match source.page_end.filter(|&end| end != source.page) {
        Some(end) => citation.push_str(&format!(", p. {}–{end}", source.page)),
        None => citation.push_str(&format!(", p. {}", source.page)),
    }
    Some(SourceView {
        document: source.document.clone(),
        section: source.section.clone(),
        label: source.label.clone(),
        page: source.page,
        page_end: source.page_end,
        lines: [source.lines.0, source.lines.1],
        citation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_search_builds_the_index_before_any_search() {
        let knowledge = Knowledge::new(Pack {
            format: pijnwijzer_model::PACK_FORMAT,
            content_version: String::new(),
            built: String::new(),
            documents: Vec::new(),
            actors: Vec::new(),
            synonyms: Vec::new(),
            nodes: Vec::new(),
            normative_digest: String::new(),
            history: Vec::new(),
            stems: Default::default(),
        });
        assert!(knowledge.index.get().is_none(), "loading builds no index");
        knowledge.prepare_search();
        assert!(knowledge.index.get().is_some());
    }
}
