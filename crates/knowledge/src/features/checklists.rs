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
            .filter(|&(i, b)| !matches!(b, Block::List { .. }) && !heads_a_list(blocks, i))
            .map(|(_, b)| b.clone())
            .collect();
        let mut intro_html = String::new();
        crate::render::blocks_html(&intro_blocks, &mut intro_html);
        let mut intro_text = String::new();
        crate::render::blocks_text(&intro_blocks, &mut intro_text);
        Ok(Checklist {
            id: node.id.clone(),
            title: node.title.clone(),
            lay_title: node.lay_title.clone(),
            audience: node.audience,
            source: self.source_view(node),
            intro: Text { html: intro_html, text: intro_text },
            items: checklist_items(node).into_iter().map(|item| self.item_view(item)).collect(),
            groups: checklist_groups(node, blocks),
            lay: self.layer_text(node, LayerKey::Lay),
        })
    }
}

/// Whether `blocks[i]` is a heading right above a list: the heading of that list's items.
fn heads_a_list(blocks: &[Block], i: usize) -> bool {
    matches!(blocks[i], Block::Heading(_)) && matches!(blocks.get(i + 1), Some(Block::List { .. }))
}

/// The headings over the items of `node`'s main layer (`blocks`), each with the place of the
/// first item under it, counted as [`checklist_items`] counts them.
fn checklist_groups(node: &Node, blocks: &[Block]) -> Vec<ChecklistGroup> {
    let tasks_only = checklist_items(node).iter().any(|item| item.task);
    let mut groups = Vec::new();
    let mut counted = 0;
    for (i, block) in blocks.iter().enumerate() {
        let mut items = 0;
        collect_items(std::slice::from_ref(block), &mut |item| {
            items += usize::from(item.task || !tasks_only);
        });
        if items > 0 && i > 0 && heads_a_list(blocks, i - 1) {
            if let Block::Heading(heading) = &blocks[i - 1] {
                groups.push(ChecklistGroup { title: html::to_text(heading), first: counted });
            }
        }
        counted += items;
    }
    groups
}

/// The items of a checklist: its task items, or all its list items if it has none.
fn checklist_items(node: &Node) -> Vec<&Item> {
    let mut all = Vec::new();
    if let Some(main) = node.layers.iter().find(|l| l.key == LayerKey::Main) {
        collect_items(&main.blocks, &mut |item| all.push(item));
    }
    if all.iter().any(|item| item.task) {
        all.retain(|item| item.task);
    }
    all
}
