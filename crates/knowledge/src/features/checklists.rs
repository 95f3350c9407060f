//! Checklists: every checklist, and one with its items in order, each with the node it comes from.

use serde::Serialize;

use super::{collect_items, ItemView, Text};
use crate::view::SourceView;
use crate::{Error, Knowledge};
use pijnwijzer_model::{html, Audience, Block, Item, Kind, LayerKey, Node};

/// A checklist in the list of all checklists.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChecklistSummary {
    /// The checklist's node id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its title in a patient's words, if it has a lay text.
    pub lay_title: Option<String>,
    /// The document it comes from.
    pub document: Option<String>,
    /// Who it is written for.
    pub audience: Audience,
    /// How many items it has.
    pub items: usize,
    /// Its citation.
    pub citation: Option<String>,
}

/// One checklist with its items in order.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    /// The checklist's node id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its title in a patient's words, above its lay text, if it has one.
    pub lay_title: Option<String>,
    /// Who it is written for.
    pub audience: Audience,
    /// Where it stands in its source, with its citation.
    pub source: Option<SourceView>,
    /// The text before the items.
    pub intro: Text,
    /// The items in order, each with the node it comes from.
    pub items: Vec<ItemView>,
    /// The headings the source puts over runs of the items, in order; items before the first
    /// heading have none.
    pub groups: Vec<ChecklistGroup>,
    /// The lay explanation, if it has one.
    pub lay: Option<Text>,
}

/// A heading over a run of a checklist's items.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChecklistGroup {
    /// The heading, as plain text.
    pub title: String,
    /// The place in `items` of its first item: the run ends where the next group starts.
    pub first: usize,
}

impl Knowledge {
    /// Every checklist, in id order.
    pub fn checklists(&self) -> Vec<ChecklistSummary> {
        self.nodes_of(Kind::Checklist)
            .map(|n| ChecklistSummary {
                id: n.id.clone(),
                title: n.title.clone(),
                lay_title: n.lay_title.clone(),
                document: n.source.as_ref().map(|s| s.document.clone()),
                audience: n.audience,
                items: checklist_items(n).len(),
                citation: self.source_view(n).map(|s| s.citation),
            })
            .collect()
    }

    /// One checklist with its items in order, each with the node it comes from.
    pub fn checklist(&self, id: &str) -> Result<Checklist, Error> {
        let node = self.find(Kind::Checklist, "checklist", id)?;
        let blocks = node
            .layers
            .iter()
            .find(|l| l.key == LayerKey::Main)
            .map_or(&[][..], |l| l.blocks.as_slice());
        // The text around the items, without the headings over them: those go with their items.
        let intro_blocks: Vec<Block> = blocks
            .iter()
            .enumerate()
            .filter(|&(i, b)| !matches!(b, Block::List { .. }) && list_heading(blocks, i).is_none())
            .map(|(_, b)| b.clone())
            .collect();
        let mut intro_html = String::new();
        crate::render::blocks_html(&intro_blocks, &mut intro_html);
        let mut intro_text = String::new();
        crate::render::blocks_text(&intro_blocks, &mut intro_text);
        let items = checklist_items(node);
        Ok(Checklist {
            id: node.id.clone(),
            title: node.title.clone(),
            lay_title: node.lay_title.clone(),
            audience: node.audience,
            source: self.source_view(node),
            intro: Text { html: intro_html, text: intro_text },
            groups: checklist_groups(blocks, &items),
            items: items.into_iter().map(|(_, item)| self.item_view(item)).collect(),
            lay: self.layer_text(node, LayerKey::Lay),
        })
    }
}

/// The heading `blocks[i]`, if it stands right above a list: the heading of that list's items.
fn list_heading(blocks: &[Block], i: usize) -> Option<&str> {
    match (&blocks[i], blocks.get(i + 1)) {
        (Block::Heading(heading), Some(Block::List { .. })) => Some(heading),
        _ => None,
    }
}

/// The headings over a checklist's `items` (see [`checklist_items`]), each with the place of the
/// first item under it: a heading right above the block an item stands in heads that block's items.
fn checklist_groups(blocks: &[Block], items: &[(usize, &Item)]) -> Vec<ChecklistGroup> {
    let mut groups = Vec::new();
    for (first, &(block, _)) in items.iter().enumerate() {
        let starts_block = first == 0 || items[first - 1].0 != block;
        let heading = block.checked_sub(1).and_then(|above| list_heading(blocks, above));
        if let (true, Some(heading)) = (starts_block, heading) {
            groups.push(ChecklistGroup { title: html::to_text(heading), first });
        }
    }
    groups
}

/// The items of a checklist, each with the place of the block of its main layer it stands in: its
/// task items, or all its list items if it has none.
fn checklist_items(node: &Node) -> Vec<(usize, &Item)> {
    let mut all = Vec::new();
    if let Some(main) = node.layers.iter().find(|l| l.key == LayerKey::Main) {
        for (block, top) in main.blocks.iter().enumerate() {
            collect_items(std::slice::from_ref(top), &mut |item| all.push((block, item)));
        }
    }
    if all.iter().any(|(_, item)| item.task) {
        all.retain(|(_, item)| item.task);
    }
    all
}
