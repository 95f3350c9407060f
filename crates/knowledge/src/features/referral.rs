//! The RTA referral matrix: complaint types × disciplines, a row by complaint, a column by
//! discipline.

use serde::Serialize;

use super::{NodeRef, Text};
use crate::view::SourceView;
use crate::{Error, Knowledge};
use pijnwijzer_model::html;
use pijnwijzer_model::{Block, Feature, LayerKey, Node};

/// The referral matrix: complaint types × disciplines.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReferralMatrix {
    /// The matrix's node id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where it stands in its source, with its citation.
    pub source: Option<SourceView>,
    /// The columns: the disciplines, in the order of the source.
    pub disciplines: Vec<String>,
    /// The rows: one per complaint type, in the order of the source.
    pub rows: Vec<ReferralRow>,
    /// How the matrix was read from the source, and its doubts.
    pub note: Option<Text>,
    /// Criteria, handover, MDO and the other referral nodes, to reach from here.
    pub related: Vec<NodeRef>,
}

/// One complaint type and the disciplines the matrix marks for it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReferralRow {
    /// The complaint type.
    pub complaint: String,
    /// One flag per discipline, in the order of `disciplines`.
    pub cells: Vec<bool>,
    /// The disciplines the row marks, in column order.
    pub disciplines: Vec<String>,
}

impl Knowledge {
    /// The node that holds the matrix (`feature = "referral-matrix"`), with its table.
    fn matrix_node(&self) -> Result<&Node, Error> {
        self.nodes()
            .iter()
            .find(|n| {
                n.feature == Some(Feature::ReferralMatrix)
                    && n.layers
                        .iter()
                        .any(|l| l.blocks.iter().any(|b| matches!(b, Block::Table { .. })))
            })
            .ok_or_else(|| Error::NotFound {
                what: "referral matrix",
                name: "matrix".into(),
                suggestions: Vec::new(),
            })
    }

    /// The referral matrix as rows and columns, with its citation and how it was read.
    pub fn referral_matrix(&self) -> Result<ReferralMatrix, Error> {
        let node = self.matrix_node()?;
        let Some((head, rows)) = node.layers.iter().flat_map(|l| &l.blocks).find_map(|b| match b {
            Block::Table { head, rows } => Some((head, rows)),
            _ => None,
        }) else {
            return Err(Error::Pack("the referral matrix has no table".into()));
        };
        let disciplines: Vec<String> = head.iter().skip(1).map(|h| html::to_text(h)).collect();
        let rows = rows
            .iter()
            .map(|row| {
                let cells: Vec<bool> = (1..=disciplines.len())
                    .map(|i| row.get(i).is_some_and(|c| !html::to_text(c).trim().is_empty()))
                    .collect();
                let marked = disciplines
                    .iter()
                    .zip(&cells)
                    .filter(|(_, &on)| on)
                    .map(|(d, _)| d.clone())
                    .collect();
                ReferralRow {
                    complaint: row.first().map(|c| html::to_text(c)).unwrap_or_default(),
                    cells,
                    disciplines: marked,
                }
            })
            .collect();
        let related = node
            .links
            .iter()
            .filter_map(|l| self.raw_node(&l.target).ok())
            .chain(self.incoming_nodes(node))
            .filter(|n| n.id != node.id)
            .fold(Vec::<NodeRef>::new(), |mut refs, n| {
                if !refs.iter().any(|r| r.id == n.id) {
                    refs.push(self.node_ref(n));
                }
                refs
            });
        Ok(ReferralMatrix {
            id: node.id.clone(),
            title: node.title.clone(),
            source: self.source_view(node),
            disciplines,
            rows,
            note: self.layer_text(node, LayerKey::Note),
            related,
        })
    }

    /// The row of the matrix for a complaint type, named by its words (`psychosociaal`,
    /// `oudere patiënt`) or by its number (1-based).
    pub fn referral(&self, complaint: &str) -> Result<ReferralRow, Error> {
        let matrix = self.referral_matrix()?;
        if let Ok(n) = complaint.trim().parse::<usize>() {
            return matrix.rows.get(n.wrapping_sub(1)).cloned().ok_or_else(|| {
                Error::InvalidArgument(format!(
                    "complaint type {n}: the matrix has {} rows",
                    matrix.rows.len()
                ))
            });
        }
        let best = best_match(complaint, matrix.rows.iter().map(|r| r.complaint.as_str()));
        best.map(|i| matrix.rows[i].clone()).ok_or_else(|| Error::NotFound {
            what: "complaint type",
            name: complaint.chars().take(80).collect(),
            suggestions: matrix.rows.iter().map(|r| r.complaint.clone()).collect(),
        })
    }

    /// The complaint types the matrix sends to a discipline (`psycholoog`, `geriater`).
    pub fn referrals_to(&self, discipline: &str) -> Result<Vec<String>, Error> {
        let matrix = self.referral_matrix()?;
        let column = best_match(discipline, matrix.disciplines.iter().map(String::as_str))
            .ok_or_else(|| Error::NotFound {
                what: "discipline",
                name: discipline.chars().take(80).collect(),
                suggestions: matrix.disciplines.clone(),
            })?;
        Ok(matrix.rows.iter().filter(|r| r.cells[column]).map(|r| r.complaint.clone()).collect())
    }
}

/// The index of the candidate that shares the most words (stemmed) with `query`.
fn best_match<'a>(query: &str, candidates: impl Iterator<Item = &'a str>) -> Option<usize> {
    let analyzer = crate::search::analyze::Analyzer::default();
    let wanted: Vec<String> = analyzer.tokens(query).into_iter().map(|t| t.term).collect();
    if wanted.is_empty() {
        return None;
    }
    candidates
        .enumerate()
        .map(|(i, candidate)| {
            let have: Vec<String> =
                analyzer.tokens(candidate).into_iter().map(|t| t.term).collect();
            let shared = wanted
                .iter()
                .filter(|w| {
                    have.iter()
                        .any(|h| h == *w || h.starts_with(w.as_str()) || w.starts_with(h.as_str()))
                })
                .count();
            (i, shared)
        })
        .filter(|&(_, shared)| shared > 0)
        .max_by_key(|&(i, shared)| (shared, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}
