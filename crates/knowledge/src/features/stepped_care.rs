//! Stepped care: the four steps in order, with providers, building blocks and the criteria to
//! move up and back down.

use serde::Serialize;

use super::{ItemView, Text};
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
    pub move_up: Vec<ItemView>,
    /// When to move back down.
    pub move_down: Vec<ItemView>,
    /// The lay explanation, if it has one.
    pub lay: Option<Text>,
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
                move_up: self.layer_items(n, LayerKey::MoveUp),
                move_down: self.layer_items(n, LayerKey::MoveDown),
                lay: self.layer_text(n, LayerKey::Lay),
            })
            .collect()
    }
}
