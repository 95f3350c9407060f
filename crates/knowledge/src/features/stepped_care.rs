//! Stepped care: the four steps in order, with providers, building blocks and the criteria to
//! move up and back down.

use serde::Serialize;

use super::{ItemView, NodeRef, Text};
use crate::view::SourceView;
use crate::Knowledge;
use pijnwijzer_model::{Kind, LayerKey, Node};

/// A stepped-care step with its criteria both ways.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// The step's node id.
    pub id: String,
    /// Its number, 1 to 4.
    pub step: u8,
    /// Its title.
    pub title: String,
    /// Where it stands in its source, with its citation.
    pub source: Option<SourceView>,
    /// What the step is (the main text).
    pub summary: Text,
    /// When the step applies (its conditions).
    pub when: Vec<ItemView>,
    /// Who gives the care at this step.
    pub providers: Vec<ItemView>,
    /// What the care at this step is made of.
    pub building_blocks: Vec<ItemView>,
    /// When to move up a step.
    #[cfg_attr(feature = "typescript", ts(inline))]
    pub move_up: Vec<Criterion>,
    /// When to move back down.
    #[cfg_attr(feature = "typescript", ts(inline))]
    pub move_down: Vec<Criterion>,
    /// Its title in a patient's words (the node's `lay_title`), which heads the lay text.
    pub lay_title: Option<String>,
    /// The lay explanation, if it has one.
    pub lay: Option<Text>,
}

/// A criterion to move up or down a step: a list item with the short label the diagram draws.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    /// Its short name, a few words that the content gives every criterion of a step.
    pub label: String,
    /// The criterion in full, as safe HTML from the compiler (the label in bold first).
    pub html: String,
    /// The criterion in full, as plain text.
    pub text: String,
    /// The node the criterion comes from (its first link), if it names one.
    pub origin: Option<NodeRef>,
}

impl Knowledge {
    /// The stepped-care steps in order, with their criteria both ways.
    pub fn stepped_care(&self) -> Vec<Step> {
        let mut steps: Vec<&Node> = self.nodes_of(Kind::Step).collect();
        steps.sort_by_key(|n| n.step);
        steps
            .into_iter()
            .map(|n| Step {
                id: n.id.clone(),
                step: n.step.unwrap_or(0),
                title: n.title.clone(),
                source: self.source_view(n),
                summary: self
                    .layer_text(n, LayerKey::Main)
                    .unwrap_or(Text { html: String::new(), text: String::new() }),
                when: self.layer_items(n, LayerKey::Conditions),
                providers: self.layer_items(n, LayerKey::Providers),
                building_blocks: self.layer_items(n, LayerKey::BuildingBlocks),
                move_up: self.criteria(n, LayerKey::MoveUp),
                move_down: self.criteria(n, LayerKey::MoveDown),
                lay_title: n.lay_title.clone(),
                lay: self.layer_text(n, LayerKey::Lay),
            })
            .collect()
    }

    /// The criteria of a step's `## Opschalen` or `## Afschalen` layer, with their labels.
    fn criteria(&self, node: &Node, key: LayerKey) -> Vec<Criterion> {
        let mut criteria = Vec::new();
        if let Some(layer) = node.layers.iter().find(|l| l.key == key) {
            super::collect_items(&layer.blocks, &mut |item| {
                let ItemView { html, text, origin } = self.item_view(item);
                // The compiler refuses a step's criterion without a label, so the text never
                // stands in for one in practice; it keeps the answer whole all the same.
                let label = item.label.clone().unwrap_or_else(|| text.clone());
                criteria.push(Criterion { label, html, text, origin });
            });
        }
        criteria
    }
}
