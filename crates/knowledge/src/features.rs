//! The questions beyond search: checklists, medication cautions, the referral matrix, stepped
//! care, red flags, comparison across documents, lay text and graph neighbours.
//!
//! Each reads the structured blocks of the content (lists are items, tables are rows), so what a
//! feature returns is exactly what the content says, with its citation.

use serde::Serialize;

use super::search::analyze::fold;
use super::view::{LinkView, SourceView};
use super::{Error, Knowledge, SearchOptions};
use pijnwijzer_model::html;
use pijnwijzer_model::{Agreement, Audience, Block, Direction, EdgeType, Item, Kind, LayerKey, Node, Position, Readability, Strength};

/// Documents every comparison shows, whether or not they address the topic.
const MAIN_DOCUMENTS: [&str; 3] = ["worel", "zorgstandaard", "rta"];

/// One item of a list: a checklist entry, a criterion, a red flag.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ItemView {
    /// Safe HTML from the compiler.
    pub html: String,
    pub text: String,
    /// The node the item comes from (its first link), if it names one.
    pub origin: Option<NodeRef>,
}

/// A short reference to a node: enough to show a link with its citation.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct NodeRef {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub citation: Option<String>,
}

/// A layer's text in both forms.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Text {
    pub html: String,
    pub text: String,
}

/// A checklist in the list of all checklists.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistSummary {
    pub id: String,
    pub title: String,
    pub document: Option<String>,
    pub audience: Audience,
    pub items: usize,
    pub citation: Option<String>,
}

/// One checklist with its items in order.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    pub id: String,
    pub title: String,
    pub audience: Audience,
    pub source: Option<SourceView>,
    /// The text before the items.
    pub intro: Text,
    pub items: Vec<ItemView>,
    pub lay: Option<Text>,
}

/// The guidance on a drug or drug class.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Medication {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub position: Option<Position>,
    /// The grade that governs this drug: its own, or that of the class recommendation it falls
    /// under (`gradedBy`).
    pub strength: Option<Strength>,
    pub direction: Option<Direction>,
    pub graded_by: Option<String>,
    pub source: Option<SourceView>,
    pub statement: Text,
    pub cautions: Option<Text>,
    pub adverse_effects: Option<Text>,
    pub dependence: Option<Text>,
    pub risk_groups: Option<Text>,
    pub start_stop: Option<Text>,
    pub dose: Option<Text>,
    pub not_covered: Option<Text>,
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
#[serde(rename_all = "camelCase")]
pub struct MedicationSummary {
    pub id: String,
    pub title: String,
    pub position: Option<Position>,
    pub strength: Option<Strength>,
    pub direction: Option<Direction>,
    pub class: Option<String>,
    pub aliases: Vec<String>,
}

/// The referral matrix: complaint types × disciplines.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ReferralMatrix {
    pub id: String,
    pub title: String,
    pub source: Option<SourceView>,
    pub disciplines: Vec<String>,
    pub rows: Vec<ReferralRow>,
    /// How the matrix was read from the source, and its doubts.
    pub note: Option<Text>,
    /// Criteria, handover, MDO and the other referral nodes, to reach from here.
    pub related: Vec<NodeRef>,
}

/// One complaint type and the disciplines the matrix marks for it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ReferralRow {
    pub complaint: String,
    /// One flag per discipline, in the order of `disciplines`.
    pub cells: Vec<bool>,
    pub disciplines: Vec<String>,
}

/// A stepped-care step with its criteria both ways.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub id: String,
    pub step: u8,
    pub title: String,
    pub source: Option<SourceView>,
    pub summary: Text,
    pub when: Vec<ItemView>,
    pub providers: Vec<ItemView>,
    pub building_blocks: Vec<ItemView>,
    pub move_up: Vec<ItemView>,
    pub move_down: Vec<ItemView>,
    pub lay: Option<Text>,
}

/// A list of flags with its source.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FlagList {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub source: Option<SourceView>,
    pub flags: Vec<ItemView>,
}

/// The red flags, and the other (yellow, orange, black, blue) flags linked to them.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RedFlags {
    pub red: Vec<FlagList>,
    pub other: Vec<FlagList>,
}

/// What the documents say on one topic, side by side.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub id: String,
    pub title: String,
    pub intro: Text,
    pub documents: Vec<DocumentPosition>,
}

/// One document's position on a topic.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentPosition {
    pub document: String,
    pub short: String,
    pub agreement: Agreement,
    pub point: String,
    pub nodes: Vec<NodeRef>,
}

/// A lay explanation.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Lay {
    pub id: String,
    pub title: String,
    pub html: String,
    pub text: String,
    pub citation: Option<String>,
    /// How easy the text is to read, measured at build time.
    pub readability: Option<Readability>,
}

impl Knowledge {
    fn node_ref(&self, node: &Node) -> NodeRef {
        NodeRef { id: node.id.clone(), title: node.title.clone(), kind: node.kind, citation: self.source_view(node).map(|s| s.citation) }
    }

    fn layer_text(&self, node: &Node, key: LayerKey) -> Option<Text> {
        node.layers.iter().find(|l| l.key == key && !l.blocks.is_empty()).map(|layer| {
            let mut html = String::new();
            super::render::blocks_html(&layer.blocks, &mut html);
            Text { html, text: super::search::layer_text(layer) }
        })
    }

    fn item_view(&self, item: &Item) -> ItemView {
        let origin = first_link(&item.html).and_then(|id| self.raw_node(id).ok()).map(|n| self.node_ref(n));
        ItemView { html: item.html.clone(), text: html::to_text(&item.html), origin }
    }

    /// The items of every list in a layer, in order (nested items after their parent).
    fn layer_items(&self, node: &Node, key: LayerKey) -> Vec<ItemView> {
        let mut items = Vec::new();
        if let Some(layer) = node.layers.iter().find(|l| l.key == key) {
            collect_items(&layer.blocks, &mut |item| items.push(self.item_view(item)));
        }
        items
    }

    fn nodes_of(&self, kind: Kind) -> impl Iterator<Item = &Node> {
        self.nodes().iter().filter(move |n| n.kind == kind)
    }

    /// Finds a node of `kind` by id, by its title or an alias, or else by search.
    fn find(&self, kind: Kind, what: &'static str, name: &str) -> Result<&Node, Error> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::InvalidArgument(format!("{what}: the name is empty")));
        }
        if let Some(node) = self.raw_node(name).ok().filter(|n| n.kind == kind) {
            return Ok(node);
        }
        // Something shaped like an id that is not one is a mistake to report, not words to search.
        if name.contains('.') && !name.contains(char::is_whitespace) {
            let mut close: Vec<(usize, &str)> =
                self.nodes_of(kind).map(|n| (pijnwijzer_model::distance::levenshtein(name, &n.id), n.id.as_str())).collect();
            close.sort();
            return Err(Error::NotFound {
                what,
                name: name.chars().take(80).collect(),
                suggestions: close.into_iter().filter(|(d, _)| *d <= 6).take(3).map(|(_, id)| id.to_string()).collect(),
            });
        }
        let folded = fold(name);
        let named = |n: &&Node| fold(&n.title) == folded || n.aliases.iter().any(|a| fold(a) == folded);
        // A drug's own node before the class that lists it among its aliases.
        if let Some(node) = self.nodes_of(kind).filter(named).max_by_key(|n| n.id.len()) {
            return Ok(node);
        }
        // A near spelling of a name ("tramdol") before a search, which can rank a class that
        // mentions the drug above the drug itself: one edit in a short name, two in a long one.
        let allowed = if folded.chars().count() >= 8 { 2 } else { 1 };
        if folded.chars().count() >= 4 {
            let near = self
                .nodes_of(kind)
                .flat_map(|n| n.title.split(':').take(1).chain(n.aliases.iter().map(String::as_str)).map(move |name| (name, n)))
                .map(|(name, n)| (pijnwijzer_model::distance::levenshtein(&folded, &fold(name)), std::cmp::Reverse(n.id.len()), n))
                .filter(|(distance, ..)| *distance <= allowed)
                .min_by_key(|(distance, length, n)| (*distance, *length, n.id.as_str()));
            if let Some((.., node)) = near {
                return Ok(node);
            }
        }
        let options = SearchOptions { limit: Some(1), kind: Some(super::OneOrMany::One(kind.as_str().to_string())), ..SearchOptions::default() };
        let hits = self.search(name, &options)?;
        match hits.first() {
            Some(hit) => self.raw_node(&hit.node.id),
            None => {
                let mut close: Vec<(usize, &str)> = self
                    .nodes_of(kind)
                    .flat_map(|n| std::iter::once(n.title.as_str()).chain(n.aliases.iter().map(String::as_str)))
                    .map(|candidate| (pijnwijzer_model::distance::levenshtein(&folded, &fold(candidate)), candidate))
                    .collect();
                close.sort();
                Err(Error::NotFound {
                    what,
                    name: name.chars().take(80).collect(),
                    suggestions: close.into_iter().take(3).filter(|(d, _)| *d <= 4).map(|(_, c)| c.to_string()).collect(),
                })
            }
        }
    }

    /// Every checklist, in id order.
    pub fn checklists(&self) -> Vec<ChecklistSummary> {
        self.nodes_of(Kind::Checklist)
            .map(|n| ChecklistSummary {
                id: n.id.clone(),
                title: n.title.clone(),
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
        let main = node.layers.iter().find(|l| l.key == LayerKey::Main);
        let intro_blocks: Vec<Block> =
            main.map(|l| l.blocks.iter().filter(|b| !matches!(b, Block::List { .. })).cloned().collect()).unwrap_or_default();
        let mut intro_html = String::new();
        super::render::blocks_html(&intro_blocks, &mut intro_html);
        let mut intro_text = String::new();
        super::render::blocks_text(&intro_blocks, &mut intro_text);
        Ok(Checklist {
            id: node.id.clone(),
            title: node.title.clone(),
            audience: node.audience,
            source: self.source_view(node),
            intro: Text { html: intro_html, text: intro_text },
            items: checklist_items(node).into_iter().map(|item| self.item_view(item)).collect(),
            lay: self.layer_text(node, LayerKey::Lay),
        })
    }

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

    /// The guidance on a drug, found by id, generic or brand name, misspelling or lay word.
    pub fn medication(&self, name: &str) -> Result<Medication, Error> {
        let node = self.find(Kind::Medication, "medication", name)?;
        let class = self.class_of(node);
        let (strength, direction) = self.governing_grade(node, class);
        let graded_by = if node.strength.is_none() { class.filter(|c| c.strength.is_some()).map(|c| c.id.clone()) } else { None };
        let members =
            self.nodes_of(Kind::Medication).filter(|m| self.class_of(m).is_some_and(|c| c.id == node.id)).map(|m| self.node_ref(m)).collect();
        let general_rules = self
            .nodes_of(Kind::Recommendation)
            .filter(|n| {
                let section = n.source.as_ref().map_or("", |s| s.section.as_str());
                (n.id.starts_with("worel.med.") && section.starts_with("6.2")) || n.id.starts_with("zs.med.")
            })
            .map(|n| self.node_ref(n))
            .collect();
        Ok(Medication {
            id: node.id.clone(),
            title: node.title.clone(),
            aliases: node.aliases.clone(),
            position: node.position,
            strength,
            direction,
            graded_by,
            source: self.source_view(node),
            statement: self.layer_text(node, LayerKey::Main).unwrap_or(Text { html: String::new(), text: String::new() }),
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
        node.links.iter().filter(|l| l.edge == EdgeType::Refines).filter_map(|l| self.raw_node(&l.target).ok()).find(|n| n.kind == Kind::Medication)
    }

    fn governing_grade(&self, node: &Node, class: Option<&Node>) -> (Option<Strength>, Option<Direction>) {
        match (node.strength, class) {
            (Some(strength), _) => (Some(strength), node.direction),
            (None, Some(class)) => (class.strength, class.direction),
            (None, None) => (None, None),
        }
    }

    fn matrix_node(&self) -> Result<&Node, Error> {
        self.nodes_of(Kind::Referral)
            .find(|n| n.layers.iter().any(|l| l.blocks.iter().any(|b| matches!(b, Block::Table { .. }))) && n.id.contains("matrix"))
            .ok_or_else(|| Error::NotFound { what: "referral matrix", name: "matrix".into(), suggestions: Vec::new() })
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
                let cells: Vec<bool> = (1..=disciplines.len()).map(|i| row.get(i).is_some_and(|c| !html::to_text(c).trim().is_empty())).collect();
                let marked = disciplines.iter().zip(&cells).filter(|(_, &on)| on).map(|(d, _)| d.clone()).collect();
                ReferralRow { complaint: row.first().map(|c| html::to_text(c)).unwrap_or_default(), cells, disciplines: marked }
            })
            .collect();
        let related =
            node.links.iter().filter_map(|l| self.raw_node(&l.target).ok()).chain(self.incoming_nodes(node)).filter(|n| n.id != node.id).fold(
                Vec::<NodeRef>::new(),
                |mut refs, n| {
                    if !refs.iter().any(|r| r.id == n.id) {
                        refs.push(self.node_ref(n));
                    }
                    refs
                },
            );
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

    fn incoming_nodes<'a>(&'a self, node: &Node) -> impl Iterator<Item = &'a Node> + 'a {
        let index = self.by_id.get(&node.id).copied().unwrap_or(usize::MAX);
        self.incoming.get(index).into_iter().flatten().map(move |&(from, _)| &self.pack.nodes[from])
    }

    /// The row of the matrix for a complaint type, named by its words (`psychosociaal`,
    /// `oudere patiënt`) or by its number (1-based).
    pub fn referral(&self, complaint: &str) -> Result<ReferralRow, Error> {
        let matrix = self.referral_matrix()?;
        if let Ok(n) = complaint.trim().parse::<usize>() {
            return matrix
                .rows
                .get(n.wrapping_sub(1))
                .cloned()
                .ok_or_else(|| Error::InvalidArgument(format!("complaint type {n}: the matrix has {} rows", matrix.rows.len())));
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
        let column = best_match(discipline, matrix.disciplines.iter().map(String::as_str)).ok_or_else(|| Error::NotFound {
            what: "discipline",
            name: discipline.chars().take(80).collect(),
            suggestions: matrix.disciplines.clone(),
        })?;
        Ok(matrix.rows.iter().filter(|r| r.cells[column]).map(|r| r.complaint.clone()).collect())
    }

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
                summary: self.layer_text(n, LayerKey::Main).unwrap_or(Text { html: String::new(), text: String::new() }),
                when: self.layer_items(n, LayerKey::Conditions),
                providers: self.layer_items(n, LayerKey::Providers),
                building_blocks: self.layer_items(n, LayerKey::BuildingBlocks),
                move_up: self.layer_items(n, LayerKey::MoveUp),
                move_down: self.layer_items(n, LayerKey::MoveDown),
                lay: self.layer_text(n, LayerKey::Lay),
            })
            .collect()
    }

    /// The flags of every document: red flags (alarm signs of serious disease) and the other
    /// flags (yellow, orange, black, blue: risk of chronicity), as lists and definitions. A node
    /// is a flag node when it is a red-flag list, or a risk factor or concept named after flags.
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
            let title = fold(&node.title);
            let named_flag = matches!(node.kind, Kind::RiskFactor | Kind::Concept) && title.contains("vlag");
            if node.kind == Kind::RedFlag || (named_flag && title.contains("rode vlag")) {
                flags.red.push(list(node));
            } else if named_flag {
                flags.other.push(list(node));
            }
        }
        flags
    }

    /// What each document says on a topic (by id or in words), with agreement marked.
    pub fn compare(&self, topic: &str) -> Result<Comparison, Error> {
        let node = self.find(Kind::Topic, "topic", topic)?;
        let mut documents: Vec<DocumentPosition> = node
            .compare
            .iter()
            .map(|c| DocumentPosition {
                document: c.document.clone(),
                short: self.document_short(&c.document),
                agreement: c.agreement,
                point: c.point.clone(),
                nodes: c.nodes.iter().filter_map(|id| self.raw_node(id).ok()).map(|n| self.node_ref(n)).collect(),
            })
            .collect();
        for document in MAIN_DOCUMENTS {
            if !documents.iter().any(|d| d.document == document) {
                documents.push(DocumentPosition {
                    document: document.to_string(),
                    short: self.document_short(document),
                    agreement: Agreement::NotAddressed,
                    point: String::new(),
                    nodes: Vec::new(),
                });
            }
        }
        Ok(Comparison {
            id: node.id.clone(),
            title: node.title.clone(),
            intro: self.layer_text(node, LayerKey::Main).unwrap_or(Text { html: String::new(), text: String::new() }),
            documents,
        })
    }

    fn document_short(&self, id: &str) -> String {
        self.pack.documents.iter().find(|d| d.id == id).map_or_else(|| id.to_string(), |d| d.short.clone())
    }

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
            title: node.title.clone(),
            html: text.html,
            text: text.text,
            citation: self.source_view(node).map(|s| s.citation),
            readability: node.readability,
        })
    }

    /// The neighbours of a node, optionally only over edges of one type.
    pub fn related(&self, id: &str, edge: Option<&str>) -> Result<Vec<LinkView>, Error> {
        let edge = edge
            .map(|e| EdgeType::parse(e).ok_or_else(|| Error::InvalidArgument(format!("edge type `{e}`: use one of {}", EdgeType::spellings()))))
            .transpose()?;
        Ok(self.node(id)?.links.into_iter().filter(|l| edge.is_none_or(|e| l.edge == e)).collect())
    }
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

fn collect_items<'a>(blocks: &'a [Block], visit: &mut impl FnMut(&'a Item)) {
    for block in blocks {
        match block {
            Block::List { items, .. } => {
                for item in items {
                    visit(item);
                    collect_items(&item.blocks, visit);
                }
            }
            Block::Quote(inner) => collect_items(inner, visit),
            _ => {}
        }
    }
}

/// The id in the first `data-node` attribute of compiler-made HTML.
fn first_link(html: &str) -> Option<&str> {
    let start = html.find("data-node=\"")? + "data-node=\"".len();
    html[start..].split('"').next()
}

/// The index of the candidate that shares the most words (stemmed) with `query`.
fn best_match<'a>(query: &str, candidates: impl Iterator<Item = &'a str>) -> Option<usize> {
    let analyzer = super::search::analyze::Analyzer::default();
    let wanted: Vec<String> = analyzer.tokens(query).into_iter().map(|t| t.term).collect();
    if wanted.is_empty() {
        return None;
    }
    candidates
        .enumerate()
        .map(|(i, candidate)| {
            let have: Vec<String> = analyzer.tokens(candidate).into_iter().map(|t| t.term).collect();
            let shared = wanted.iter().filter(|w| have.iter().any(|h| h == *w || h.starts_with(w.as_str()) || w.starts_with(h.as_str()))).count();
            (i, shared)
        })
        .filter(|&(_, shared)| shared > 0)
        .max_by_key(|&(i, shared)| (shared, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}
