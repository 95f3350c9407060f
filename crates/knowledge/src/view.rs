//! What the core hands out: serialisable views with the field names of the public API
//! (camelCase), shared by the JS bindings and the CLI's JSON so the two never drift apart.

use serde::Serialize;

use pijnwijzer_model::{Agreement, Audience, Direction, EdgeType, Force, Kind, LayerKey, Position, Readability, Strength};

/// The module's version and what it was built from.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    /// The module's own version (the crate version).
    pub module: String,
    /// A digest of the content the module was built from.
    pub content: String,
    /// Number of nodes in the knowledge graph.
    pub nodes: usize,
    pub documents: Vec<DocumentView>,
}

/// A source document and its version.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DocumentView {
    pub id: String,
    pub short: String,
    pub title: String,
    pub version: String,
    pub country: String,
}

/// Where a node's content stands in its source, with a citation ready to show.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "SourceRef"))]
#[serde(rename_all = "camelCase")]
pub struct SourceView {
    pub document: String,
    pub section: String,
    pub label: Option<String>,
    pub page: u32,
    pub page_end: Option<u32>,
    /// First and last line in the source text.
    pub lines: [u32; 2],
    /// E.g. "WOREL §4 aanbeveling 6, p. 29".
    pub citation: String,
}

/// What a node shows in a list of results: made once per node, when the knowledge loads.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NodeSummary {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub source: Option<SourceView>,
    pub strength: Option<Strength>,
    pub direction: Option<Direction>,
    pub covers: Vec<String>,
}

/// One search result: the node's summary, flattened into it, with a snippet and a score.
///
/// It borrows the summary from the loaded knowledge, so a search copies nothing but its
/// snippets, and the JS bindings can convert each summary once and reuse it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "SearchHit"))]
pub struct Hit<'a> {
    #[serde(flatten)]
    pub node: &'a NodeSummary,
    /// Escaped HTML with the matched words in `<mark>`.
    pub snippet: String,
    pub score: f64,
}

/// A whole node with every layer as safe HTML and as plain text.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "KnowledgeNode"))]
#[serde(rename_all = "camelCase")]
pub struct NodeView {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub source: Option<SourceView>,
    pub strength: Option<Strength>,
    pub direction: Option<Direction>,
    pub force: Option<Force>,
    pub position: Option<Position>,
    pub step: Option<u8>,
    pub steps: Vec<u8>,
    pub actors: Vec<ActorView>,
    pub aliases: Vec<String>,
    pub audience: Audience,
    pub covers: Vec<String>,
    pub layers: Vec<LayerView>,
    pub links: Vec<LinkView>,
    pub compare: Vec<ComparisonView>,
    /// How easy the lay explanation is to read; absent when there is none.
    pub readability: Option<Readability>,
}

/// An actor a node addresses.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ActorView {
    pub id: String,
    pub label: String,
}

/// One layer of a node.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "Layer"))]
#[serde(rename_all = "camelCase")]
pub struct LayerView {
    pub key: LayerKey,
    /// The layer's Dutch title ("Onderbouwing"); empty for the main text.
    pub title: String,
    pub html: String,
    pub text: String,
}

/// An edge from or to a node, with enough of the other end to show a link.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "NodeLink"))]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub edge: EdgeType,
    /// `true` when this node links to the other, `false` when the other links here.
    pub outgoing: bool,
}

/// What one document says on a comparison topic.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ComparisonView {
    pub document: String,
    pub agreement: Agreement,
    pub nodes: Vec<String>,
    pub point: String,
}
