//! What the core hands out: serialisable views with the field names of the public API
//! (camelCase), shared by the JS bindings and the CLI's JSON so the two never drift apart.

use serde::{Deserialize, Serialize};

use crate::features::NodeRef;
use crate::history::ReleaseRef;

use pijnwijzer_model::{
    Agreement, Direction, EdgeType, Kind, LayerKey, NodeFacts, Readability, Strength,
};

/// The module's version and what it was built from.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    /// The module's own version (the crate version).
    pub module: String,
    /// A digest of every content file the module was built from: it changes with any edit.
    pub content: String,
    /// The content version: the name of the newest release (`2026.12.05`) when the normative
    /// content is that release's; otherwise that name, `+` and the start of the content's digest
    /// (`2026.12.05+1a2b3c4d`: changed since), or `unreleased+…` before the first release.
    pub content_version: String,
    /// The day the content was built into the module, `YYYY-MM-DD` (UTC; the day of
    /// `SOURCE_DATE_EPOCH` when the build sets it).
    pub built: String,
    /// Number of nodes in the knowledge graph.
    pub nodes: usize,
    /// The source documents.
    pub documents: Vec<DocumentView>,
}

/// A source document and its version.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DocumentView {
    /// The node's id.
    pub id: String,
    /// The name in citations ("WOREL").
    pub short: String,
    /// Its title.
    pub title: String,
    /// The version or year of the edition restated.
    pub version: String,
    /// `BE` or `NL`: where it applies.
    pub country: String,
}

/// Where a node's content stands in its source, with a citation ready to show.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "SourceRef"))]
#[serde(rename_all = "camelCase")]
pub struct SourceView {
    /// The document's key.
    pub document: String,
    /// The section as printed (`"4"`, `"6.3.4"`).
    pub section: String,
    /// Its Dutch label.
    pub label: Option<String>,
    /// The (first) page.
    pub page: u32,
    /// The last page, when it spans pages.
    pub page_end: Option<u32>,
    /// First and last line in the source text.
    pub lines: [u32; 2],
    /// E.g. "WOREL §4 aanbeveling 6, p. 29".
    pub citation: String,
}

/// What a node shows in a list of results: made once per node, on its first hit or view.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NodeSummary {
    /// The node's id.
    pub id: String,
    /// What the node is.
    pub kind: Kind,
    /// Its title.
    pub title: String,
    /// Its title in a patient's words, above its lay text; what a patient view shows.
    pub lay_title: Option<String>,
    /// Where it stands in its source, with a citation; none for a comparison topic.
    pub source: Option<SourceView>,
    /// The GRADE code or GPP that governs it, if graded: its own, or for a drug without a grade of
    /// its own, that of its class (`gradedBy`).
    pub strength: Option<Strength>,
    /// For or against, with `strength`.
    pub direction: Option<Direction>,
    /// The drug class whose recommendation governs a drug without a grade of its own.
    pub graded_by: Option<NodeRef>,
    /// Coverage-manifest ids it restates.
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
    /// The node as a result list shows it (its fields stand in the hit itself).
    #[serde(flatten)]
    pub node: &'a NodeSummary,
    /// Escaped HTML with the matched words in `<mark>`.
    pub snippet: String,
    /// The ranking score: higher ranks first; comparable only within one search.
    pub score: f64,
}

/// A whole node with every layer as safe HTML and as plain text.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "KnowledgeNode"))]
#[serde(rename_all = "camelCase")]
pub struct NodeView {
    /// The node's id.
    pub id: String,
    /// The node's plain facts (kind, title, strength, …), as fields of the view itself.
    #[serde(flatten)]
    pub facts: NodeFacts,
    /// The digest of its normative content (statement with conditions, grade, force, position,
    /// cautions, lay title and lay text): the same content gives the same digest in every build,
    /// so a page that stored it can tell when the guidance behind it changed.
    pub digest: String,
    /// The release in which the node got its current normative content; none when it is new or
    /// changed since the newest release.
    pub changed_in: Option<ReleaseRef>,
    /// Where it stands in its source, with a citation; none for a comparison topic.
    pub source: Option<SourceView>,
    /// Whom the statement addresses.
    pub actors: Vec<ActorView>,
    /// Its text, layer by layer, main text first.
    pub layers: Vec<LayerView>,
    /// Its typed links, both ways.
    pub links: Vec<LinkView>,
    /// For a comparison topic or its members: what each document says.
    pub compare: Vec<ComparisonView>,
    /// How easy the lay explanation is to read; absent when there is none.
    pub readability: Option<Readability>,
}

/// An actor a node addresses.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ActorView {
    /// The node's id.
    pub id: String,
    /// Its Dutch label.
    pub label: String,
}

/// One layer of a node.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "Layer"))]
#[serde(rename_all = "camelCase")]
pub struct LayerView {
    /// Which layer.
    pub key: LayerKey,
    /// The layer's Dutch title ("Onderbouwing"); empty for the main text.
    pub title: String,
    /// Safe HTML written by the content compiler.
    pub html: String,
    /// The same as plain text.
    pub text: String,
}

/// An edge from or to a node, with enough of the other end to show a link.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "NodeLink"))]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    /// The node's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its title in a patient's words, if it has a lay text.
    pub lay_title: Option<String>,
    /// What the node is.
    pub kind: Kind,
    /// What the link means.
    pub edge: EdgeType,
    /// `true` when this node links to the other, `false` when the other links here.
    pub outgoing: bool,
}

/// What one document says on a comparison topic.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ComparisonView {
    /// The document's key.
    pub document: String,
    /// How far the document agrees with the others.
    pub agreement: Agreement,
    /// The ids of that document's nodes on the topic.
    pub nodes: Vec<String>,
    /// What the document says, in one Dutch sentence.
    pub point: String,
}
