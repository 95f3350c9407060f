//! Red flags (alarm signs of serious disease) and the other flags (risk of chronicity).

use serde::Serialize;

use super::ItemView;
use crate::view::SourceView;
use crate::Knowledge;
use pijnwijzer_model::{Feature, Kind, LayerKey, Node};

/// A list of flags with its source.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FlagList {
    /// The node's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// A red-flag list, a risk factor or a concept.
    pub kind: Kind,
    /// Where it stands in its source, with its citation.
    pub source: Option<SourceView>,
    /// The flags, in order.
    pub flags: Vec<ItemView>,
}

/// The red flags, and the other (yellow, orange, black, blue) flags linked to them.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RedFlags {
    /// The red flags: alarm signs of serious disease.
    pub red: Vec<FlagList>,
    /// The other flags (yellow, orange, black, blue): risks of chronicity.
    pub other: Vec<FlagList>,
}

impl Knowledge {
    /// The flags of every document: red flags (alarm signs of serious disease) and the other
    /// flags (yellow, orange, black, blue: risk of chronicity), as lists and definitions: every
    /// red-flag node, and every node the content marks `feature = "red-flags"` or `"other-flags"`.
    pub fn red_flags(&self) -> RedFlags {
        let list = |n: &Node| FlagList {
            id: n.id.clone(),
            title: n.title.clone(),
            kind: n.kind,
            source: self.source_view(n),
            flags: self.layer_items(n, LayerKey::Main),
        };
        let mut flags = RedFlags { red: Vec::new(), other: Vec::new() };
        for node in self.nodes() {
            if node.kind == Kind::RedFlag || node.feature == Some(Feature::RedFlags) {
                flags.red.push(list(node));
            } else if node.feature == Some(Feature::OtherFlags) {
                flags.other.push(list(node));
            }
        }
        flags
    }
}
