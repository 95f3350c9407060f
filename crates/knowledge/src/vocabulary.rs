//! Every closed vocabulary with its Dutch labels, and the content's own documents, actors and
//! steps: what a front end needs to label and filter, so that it declares none of them itself.

use pijnwijzer_model::{
    Agreement, Audience, Direction, EdgeType, Force, Kind, LayerKey, Position, Strength,
};
use serde::{Deserialize, Serialize};

use crate::view::DocumentView;
use crate::Knowledge;

/// A value of a vocabulary and its Dutch label.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Term {
    /// The value as the API spells it.
    pub id: String,
    /// Its Dutch label.
    pub label: String,
}

/// An edge type with its Dutch label seen from either end.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EdgeTerm {
    /// The value as the API spells it.
    pub id: String,
    /// Seen from the node the edge starts at ("Onderdeel van").
    pub outgoing: String,
    /// Seen from the node it points to ("Uitgewerkt in").
    pub incoming: String,
}

/// Every vocabulary, in the order a menu shows it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Vocabulary {
    /// Node kinds.
    pub kinds: Vec<Term>,
    /// The source documents.
    pub documents: Vec<DocumentView>,
    /// The content's actors (`content/vocabulary.toml`), in its order.
    pub actors: Vec<Term>,
    /// The stepped-care steps the content has.
    pub steps: Vec<u8>,
    /// Node layers, labelled as readers see them.
    pub layers: Vec<Term>,
    /// GRADE codes and GPP.
    pub strengths: Vec<Term>,
    /// For and against.
    pub directions: Vec<Term>,
    /// Forces of ungraded norms.
    pub forces: Vec<Term>,
    /// Positions on a drug.
    pub positions: Vec<Term>,
    /// Agreement on a comparison topic.
    pub agreements: Vec<Term>,
    /// Who a text is written for.
    pub audiences: Vec<Term>,
    /// Edge types.
    pub edges: Vec<EdgeTerm>,
}

macro_rules! terms {
    ($vocabulary:ty) => {
        <$vocabulary>::ALL
            .iter()
            .map(|value| Term { id: value.as_str().to_string(), label: value.label().to_string() })
            .collect()
    };
}

impl Knowledge {
    /// Every vocabulary with its Dutch labels, and the content's documents, actors and steps.
    pub fn vocabulary(&self) -> Vocabulary {
        let mut steps: Vec<u8> = self.nodes().iter().filter_map(|n| n.step).collect();
        steps.sort_unstable();
        steps.dedup();
        Vocabulary {
            kinds: terms!(Kind),
            // Not through version(), which digests every node to name the content version.
            documents: self.documents(),
            actors: self
                .pack
                .actors
                .iter()
                .map(|(id, label)| Term { id: id.clone(), label: label.clone() })
                .collect(),
            steps,
            layers: terms!(LayerKey),
            strengths: terms!(Strength),
            directions: terms!(Direction),
            forces: terms!(Force),
            positions: terms!(Position),
            agreements: terms!(Agreement),
            audiences: terms!(Audience),
            edges: EdgeType::ALL
                .iter()
                .map(|edge| EdgeTerm {
                    id: edge.as_str().to_string(),
                    outgoing: edge.label().to_string(),
                    incoming: edge.incoming_label().to_string(),
                })
                .collect(),
        }
    }
}
