//! Lay explanations: a node's text for patients (B1 Dutch), with its citation and readability.

use serde::Serialize;

use crate::{Error, Knowledge};
use pijnwijzer_model::{LayerKey, Readability};

/// A lay explanation.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Lay {
    /// The node's id.
    pub id: String,
    /// Its title in a patient's words (the node's `lay_title`), which heads the lay text.
    pub title: String,
    /// The questions the text answers, as a patient asks them (the node's `questions`), reviewed
    /// with the text: a page may show them as "Deze uitleg beantwoordt".
    pub questions: Vec<String>,
    /// The lay text as safe HTML, glossary terms marked.
    pub html: String,
    /// The lay text as plain text.
    pub text: String,
    /// The node's citation.
    pub citation: Option<String>,
    /// How easy the text is to read, measured at build time.
    pub readability: Option<Readability>,
}

impl Knowledge {
    /// The lay explanation of a node.
    pub fn lay(&self, id: &str) -> Result<Lay, Error> {
        let node = self.raw_node(id)?;
        let text = self.layer_text(node, LayerKey::Lay).ok_or_else(|| Error::NotFound {
            what: "lay explanation for",
            name: id.to_string(),
            suggestions: node
                .links
                .iter()
                .filter_map(|l| self.raw_node(&l.target).ok())
                .filter(|n| n.layers.iter().any(|l| l.key == LayerKey::Lay))
                .map(|n| n.id.clone())
                .take(3)
                .collect(),
        })?;
        Ok(Lay {
            id: node.id.clone(),
            // Every lay text has a lay title (the compiler requires it); the clinician's title is
            // only a fallback for packs built otherwise.
            title: node.lay_title.clone().unwrap_or_else(|| node.title.clone()),
            questions: node.questions.clone(),
            html: text.html,
            text: text.text,
            citation: self.source_view(node).map(|s| s.citation),
            readability: node.readability,
        })
    }
}
