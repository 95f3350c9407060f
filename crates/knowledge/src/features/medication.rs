//! Medication: the guidance on a drug or drug class, with the grade that governs it, its class,
//! its members and the rules for every drug.

use serde::Serialize;

use super::{FoundBy, NodeRef, Text};
use crate::search::analyze::without_dose;
use crate::view::SourceView;
use crate::{Error, Knowledge};
use pijnwijzer_model::{Direction, EdgeType, Feature, Kind, LayerKey, Node, Position, Strength};

/// The guidance on a drug or drug class.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Medication {
    /// The drug's or class's node id.
    pub id: String,
    /// How the name asked for was read: a page shows the card only for an id or a name, and
    /// offers a near spelling or a search's best hit as "did you mean".
    pub found_by: FoundBy,
    /// Its title.
    pub title: String,
    /// Its title in a patient's words, above its lay text.
    pub lay_title: Option<String>,
    /// Generic and brand names, misspellings and lay words it is found by.
    pub aliases: Vec<String>,
    /// The guidance's position on it.
    pub position: Option<Position>,
    /// The grade that governs this drug: its own, or that of the class recommendation it falls
    /// under (`gradedBy`).
    pub strength: Option<Strength>,
    /// Whether the governing grade advises for or against.
    pub direction: Option<Direction>,
    /// The class whose grade governs, when the drug has no grade of its own.
    pub graded_by: Option<NodeRef>,
    /// Where it stands in its source, with its citation.
    pub source: Option<SourceView>,
    /// What the guidance says (the main text).
    pub statement: Text,
    /// Cautions.
    pub cautions: Option<Text>,
    /// Adverse effects.
    pub adverse_effects: Option<Text>,
    /// Dependence.
    pub dependence: Option<Text>,
    /// Risk groups.
    pub risk_groups: Option<Text>,
    /// Starting and stopping.
    pub start_stop: Option<Text>,
    /// Dose.
    pub dose: Option<Text>,
    /// What the source does not cover.
    pub not_covered: Option<Text>,
    /// The lay explanation, if it has one.
    pub lay: Option<Text>,
    /// The class caution this drug falls under, if any.
    pub class: Option<NodeRef>,
    /// The drugs that fall under this class.
    pub members: Vec<NodeRef>,
    /// Rules for every drug: WOREL §6.2 and the Zorgstandaard's medication-safety rules.
    pub general_rules: Vec<NodeRef>,
}

/// A drug in the list of all drugs.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MedicationSummary {
    /// The drug's or class's node id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The guidance's position on it.
    pub position: Option<Position>,
    /// The grade that governs it: its own or its class's.
    pub strength: Option<Strength>,
    /// Whether that grade advises for or against.
    pub direction: Option<Direction>,
    /// The id of the drug class it falls under, if any.
    pub class: Option<String>,
    /// Generic and brand names, misspellings and lay words it is found by.
    pub aliases: Vec<String>,
}

impl Knowledge {
    /// Every drug and drug class, in id order.
    pub fn medications(&self) -> Vec<MedicationSummary> {
        self.nodes_of(Kind::Medication)
            .map(|n| {
                let class = self.class_of(n);
                let (strength, direction) = self.governing_grade(n, class);
                MedicationSummary {
                    id: n.id.clone(),
                    title: n.title.clone(),
                    position: n.position,
                    strength,
                    direction,
                    class: class.map(|c| c.id.clone()),
                    aliases: n.aliases.clone(),
                }
            })
            .collect()
    }

    /// The guidance on a drug, found by id, generic or brand name, misspelling or lay word, with
    /// or without a strength or a prescription's dose (`tramadol 50mg`, `tramadol 50 mg 2dd1`).
    pub fn medication(&self, name: &str) -> Result<Medication, Error> {
        // A drug asked for with its strength (`tramadol 50mg`) is the drug: the guidance speaks
        // of drugs, not doses.
        let drug = without_dose(name.trim());
        let (node, found_by) = self.find_how(Kind::Medication, "medication", drug)?;
        let class = self.class_of(node);
        let (strength, direction) = self.governing_grade(node, class);
        let graded_by = if node.strength.is_none() {
            class.filter(|c| c.strength.is_some()).map(|c| self.node_ref(c))
        } else {
            None
        };
        let members = self
            .nodes_of(Kind::Medication)
            .filter(|m| self.class_of(m).is_some_and(|c| c.id == node.id))
            .map(|m| self.node_ref(m))
            .collect();
        let general_rules = self
            .nodes()
            .iter()
            .filter(|n| n.feature == Some(Feature::MedicationRule))
            .map(|n| self.node_ref(n))
            .collect();
        Ok(Medication {
            id: node.id.clone(),
            found_by,
            title: node.title.clone(),
            lay_title: node.lay_title.clone(),
            aliases: node.aliases.clone(),
            position: node.position,
            strength,
            direction,
            graded_by,
            source: self.source_view(node),
            statement: self
                .layer_text(node, LayerKey::Main)
                .unwrap_or(Text { html: String::new(), text: String::new() }),
            cautions: self.layer_text(node, LayerKey::Cautions),
            adverse_effects: self.layer_text(node, LayerKey::AdverseEffects),
            dependence: self.layer_text(node, LayerKey::Dependence),
            risk_groups: self.layer_text(node, LayerKey::RiskGroups),
            start_stop: self.layer_text(node, LayerKey::StartStop),
            dose: self.layer_text(node, LayerKey::Dose),
            not_covered: self.layer_text(node, LayerKey::NotCovered),
            lay: self.layer_text(node, LayerKey::Lay),
            class: class.map(|c| self.node_ref(c)),
            members,
            general_rules,
        })
    }

    /// The medication class `node` refines, if any.
    fn class_of(&self, node: &Node) -> Option<&Node> {
        node.links
            .iter()
            .filter(|l| l.edge == EdgeType::Refines)
            .filter_map(|l| self.raw_node(&l.target).ok())
            .find(|n| n.kind == Kind::Medication)
    }

    /// The grade that governs `node`: its own, or else its `class`'s.
    fn governing_grade(
        &self,
        node: &Node,
        class: Option<&Node>,
    ) -> (Option<Strength>, Option<Direction>) {
        match (node.strength, class) {
            (Some(strength), _) => (Some(strength), node.direction),
            (None, Some(class)) => (class.strength, class.direction),
            (None, None) => (None, None),
        }
    }
}
