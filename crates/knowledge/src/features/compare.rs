//! Comparison across documents: what each says on a topic, side by side, with agreement marked.

use serde::Serialize;

use super::{NodeRef, Text};
use crate::{Error, Knowledge};
use pijnwijzer_model::{Agreement, Kind, LayerKey};

/// What the documents say on one topic, side by side.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The topic's node id.
    pub id: String,
    /// The topic.
    pub title: String,
    /// The topic's main text.
    pub intro: Text,
    /// Each document's position: those the topic compares, then any main document it leaves out.
    pub documents: Vec<DocumentPosition>,
}

/// One document's position on a topic.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DocumentPosition {
    /// The document's id.
    pub document: String,
    /// Its short name (`WOREL`).
    pub short: String,
    /// How far it agrees with the other documents.
    pub agreement: Agreement,
    /// The point it makes (empty for a main document the topic leaves out).
    pub point: String,
    /// The nodes in which it makes it.
    pub nodes: Vec<NodeRef>,
}

impl Knowledge {
    /// What each document says on a topic (by id or in words), with agreement marked.
    pub fn compare(&self, topic: &str) -> Result<Comparison, Error> {
        let node = self.find(Kind::Topic, "topic", topic)?;
        let mut documents: Vec<DocumentPosition> = node
            .compare
            .iter()
            .map(|c| DocumentPosition {
                document: c.document.clone(),
                short: self.document_short(&c.document),
                agreement: c.agreement,
                point: c.point.clone(),
                nodes: c
                    .nodes
                    .iter()
                    .filter_map(|id| self.raw_node(id).ok())
                    .map(|n| self.node_ref(n))
                    .collect(),
            })
            .collect();
        // The main documents (`main = true` in the vocabulary) show even where they say nothing.
        let main: Vec<String> =
            self.pack.documents.iter().filter(|d| d.main).map(|d| d.id.clone()).collect();
        for document in &main {
            if !documents.iter().any(|d| &d.document == document) {
                documents.push(DocumentPosition {
                    document: document.clone(),
                    short: self.document_short(document),
                    agreement: Agreement::NotAddressed,
                    point: String::new(),
                    nodes: Vec::new(),
                });
            }
        }
        Ok(Comparison {
            id: node.id.clone(),
            title: node.title.clone(),
            intro: self
                .layer_text(node, LayerKey::Main)
                .unwrap_or(Text { html: String::new(), text: String::new() }),
            documents,
        })
    }

    /// The short name of document `id` (`WOREL`), or the id if no document has it.
    fn document_short(&self, id: &str) -> String {
        self.pack
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or_else(|| id.to_string(), |d| d.short.clone())
    }
}
