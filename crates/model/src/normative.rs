//! A node's normative content and its digests, which tell whether a node changed between two
//! releases.
//!
//! **Normative content** is what a reader acts on: the statement (the main text, with the
//! conditions of `## Wanneer` it applies under), the grade (strength and direction, or the force
//! of an ungraded norm), the position on a drug, its cautions (every caution-type layer, see
//! [`CAUTION_LAYERS`]), and what a patient reads (the lay title and the lay text). Each text is
//! digested as the plain text a reader sees ([`blocks_text`]), with its white space folded
//! ([`digest`]): formatting, rewrapping, links, glossary marks, the rationale, practice notes,
//! aliases, titles and file names change no digest.
//!
//! The digests are computed from a node's own fields wherever they are needed (the compiler for a
//! release file, the core for `changes()`), not stored in the pack: as hex they added 7% to its
//! compressed size, for an answer no reader needs before asking what changed.

use serde::{Deserialize, Serialize};

use crate::text::blocks_text;
use crate::{
    digest, Digests, Direction, Force, Layer, LayerKey, Node, NodeFacts, Position, Strength,
};

/// The layers of a medication that are its cautions, in this order: cautions and
/// contra-indications, adverse effects, misuse and dependence, groups at risk, starting and
/// stopping, dose. What the source does not cover (`## Niet in de bron`) is our note, not a
/// caution.
pub const CAUTION_LAYERS: [LayerKey; 6] = [
    LayerKey::Cautions,
    LayerKey::AdverseEffects,
    LayerKey::Dependence,
    LayerKey::RiskGroups,
    LayerKey::StartStop,
    LayerKey::Dose,
];

/// A node's normative content as plain text: what a release file records, and what its
/// [`Digests`] are the digests of.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Normative {
    /// The lay title, for nodes with a lay text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lay_title: Option<String>,
    /// The GRADE code or GPP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<Strength>,
    /// For or against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The force of an ungraded norm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<Force>,
    /// The position on a drug or class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The main text, then `Wanneer:` and the conditions when there are any.
    pub statement: String,
    /// Each caution layer there is, as `Label:` and its text, separated by a blank line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cautions: String,
    /// The lay text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lay_text: String,
}

impl Normative {
    /// The normative content of a node with `facts` and `layers`.
    pub fn of(facts: &NodeFacts, layers: &[Layer]) -> Normative {
        let text = |key: LayerKey| {
            let mut text = String::new();
            for layer in layers.iter().filter(|layer| layer.key == key) {
                blocks_text(&layer.blocks, &mut text);
            }
            text
        };
        let labelled = |key: LayerKey| {
            let body = text(key);
            (!body.is_empty()).then(|| format!("{}:\n{body}", key.label()))
        };
        let statement = [Some(text(LayerKey::Main)), labelled(LayerKey::Conditions)];
        Normative {
            lay_title: facts.lay_title.clone(),
            strength: facts.strength,
            direction: facts.direction,
            force: facts.force,
            position: facts.position,
            statement: statement.into_iter().flatten().collect::<Vec<_>>().join("\n\n"),
            cautions: CAUTION_LAYERS
                .into_iter()
                .filter_map(labelled)
                .collect::<Vec<_>>()
                .join("\n\n"),
            lay_text: text(LayerKey::Lay),
        }
    }

    /// Its digests: one per text, and the node's over all of them and the short fields.
    pub fn digests(&self) -> Digests {
        let statement = digest(&self.statement);
        let cautions = digest(&self.cautions);
        let lay_text = digest(&self.lay_text);
        let value = |value: Option<&str>| value.unwrap_or("-").to_string();
        let node = digest(&format!(
            "strength {}\ndirection {}\nforce {}\nposition {}\nlayTitle {}\nstatement {statement}\ncautions {cautions}\nlayText {lay_text}",
            value(self.strength.map(Strength::as_str)),
            value(self.direction.map(Direction::as_str)),
            value(self.force.map(Force::as_str)),
            value(self.position.map(Position::as_str)),
            value(self.lay_title.as_deref().map(digest).as_deref()),
        ));
        Digests { node, statement, cautions, lay_text }
    }
}

impl Node {
    /// The digests of this node's normative content.
    pub fn digests(&self) -> Digests {
        Normative::of(&self.facts, &self.layers).digests()
    }
}
