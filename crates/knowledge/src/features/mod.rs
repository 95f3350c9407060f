//! The questions beyond search: checklists, medication cautions, the referral matrix, stepped
//! care, red flags, comparison across documents, lay text and graph neighbours.
//!
//! Each reads the structured blocks of the content (lists are items, tables are rows), so what a
//! feature returns is exactly what the content says, with its citation.
//!
//! One file per feature, each with the answer types it returns; this file holds the types and
//! helpers they share ([`Text`], [`ItemView`], [`NodeRef`], and finding a node by name):
//!
//! - `checklists.rs`: every checklist, and one with its items and their headings ([`Checklist`],
//!   [`ChecklistGroup`], [`ChecklistSummary`]).
//! - `medication.rs`: the guidance on a drug or class, and its governing grade ([`Medication`], [`MedicationSummary`]).
//! - `referral.rs`: the RTA referral matrix, a row by complaint, a column by discipline ([`ReferralMatrix`], [`ReferralRow`]).
//! - `stepped_care.rs`: the stepped-care steps with their criteria both ways ([`Step`]).
//! - `red_flags.rs`: red flags and the other flags ([`RedFlags`], [`FlagList`]).
//! - `compare.rs`: what each document says on a topic ([`Comparison`], [`DocumentPosition`]).
//! - `lay.rs`: the lay explanation of a node ([`Lay`]).
//! - `related.rs`: graph neighbours, both ways.

mod checklists;
mod compare;
mod lay;
mod medication;
mod questions;
mod red_flags;
mod referral;
mod related;
mod stepped_care;

pub use checklists::{Checklist, ChecklistGroup, ChecklistSummary};
pub use compare::{Comparison, DocumentPosition};
pub use lay::Lay;
pub use medication::{Medication, MedicationSummary};
pub(crate) use questions::AskedQuestion;
pub use questions::QuestionSuggestion;
pub use red_flags::{FlagList, RedFlags};
pub use referral::{ReferralMatrix, ReferralRow};
pub use stepped_care::{Criterion, Step};

use serde::{Deserialize, Serialize};

use super::search::analyze::{fold, word_spans};
use super::{Error, Knowledge, SearchOptions};
use pijnwijzer_model::html;
use pijnwijzer_model::{Block, Item, Kind, LayerKey, Node};

/// How a name asked for was read: as the node's id; as one of its names (title or alias, in any
/// case and accents); as a near spelling of one; or by a search, whose best hit may be another
/// node than the one meant.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum FoundBy {
    /// The node's id.
    Id,
    /// One of the node's names, alone or among words that name no other node (a strength, a
    /// prescription's dose and form: `Tramadol HCl 50 mg capsule`).
    Name,
    /// A near spelling of one of its names.
    Spelling,
    /// A search.
    Search,
}

/// The fewest letters of a name offered for an unknown name because the unknown name begins with
/// it (`tramadol` for `tramadolhydrochloride`).
const SUGGESTED_PREFIX_MIN_LETTERS: usize = 4;
/// The most edits an id suggested for a mistyped id may be away.
const ID_SUGGESTION_MAX_EDITS: usize = 6;
/// The most edits a name suggested for an unknown name may be away when the unknown name is its
/// beginning (`Targin` of `Targinact`). Any other name may be one edit further away than the
/// search forgives, no more: a name three edits from a six-letter one is another drug more often
/// than a typo of it (`Dolgit`, ibuprofen, and `Dolzam`, tramadol).
const NAME_SUGGESTION_MAX_EDITS: usize = 4;
/// The letters a name suggested for an unknown name must begin with alike: a name that far from
/// the one typed is another drug more often than a typo of it (`Kapanol`, morphine, is two edits
/// from `Panadol`, paracetamol; `Arcoxia` four from `Palexia`, tapentadol), and a misspelling
/// keeps its first letters more often than its others.
const NAME_SUGGESTION_SAME_START: usize = 3;

/// One item of a list: a checklist entry, a criterion, a red flag.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "Item"))]
#[serde(rename_all = "camelCase")]
pub struct ItemView {
    /// Safe HTML from the compiler.
    pub html: String,
    /// The item as plain text.
    pub text: String,
    /// The node the item comes from (its first link), if it names one.
    pub origin: Option<NodeRef>,
}

/// A short reference to a node: enough to show a link with its citation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NodeRef {
    /// The node's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its title in a patient's words, if it has a lay text: what a patient's link reads.
    pub lay_title: Option<String>,
    /// Its kind.
    pub kind: Kind,
    /// Its citation, such as "WOREL §4 aanbeveling 6, p. 29".
    pub citation: Option<String>,
}

/// A layer's text in both forms.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Text {
    /// Safe HTML from the compiler.
    pub html: String,
    /// Plain text, blocks separated by newlines.
    pub text: String,
}

impl Knowledge {
    /// A short reference to `node`, with its citation.
    fn node_ref(&self, node: &Node) -> NodeRef {
        NodeRef {
            id: node.id.clone(),
            title: node.title.clone(),
            lay_title: node.lay_title.clone(),
            kind: node.kind,
            citation: self.source_view(node).map(|s| s.citation),
        }
    }

    /// The layer `key` of `node` as HTML and text, if it has one that is not empty.
    fn layer_text(&self, node: &Node, key: LayerKey) -> Option<Text> {
        node.layers.iter().find(|l| l.key == key && !l.blocks.is_empty()).map(|layer| {
            let mut html = String::new();
            super::render::blocks_html(&layer.blocks, &mut html);
            Text { html, text: super::search::layer_text(layer) }
        })
    }

    /// A list item as HTML and text, with the node its first link names.
    fn item_view(&self, item: &Item) -> ItemView {
        let origin =
            first_link(&item.html).and_then(|id| self.raw_node(id).ok()).map(|n| self.node_ref(n));
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

    /// The nodes of `kind`, in id order.
    fn nodes_of(&self, kind: Kind) -> impl Iterator<Item = &Node> {
        self.nodes().iter().filter(move |n| n.kind == kind)
    }

    /// Finds a node of `kind` by id, by its title or an alias (alone or among other words), by a
    /// near spelling of one, or else by search. Words that name several such nodes find none:
    /// `NotFound`, with each name as typed as the suggestions.
    fn find(&self, kind: Kind, what: &'static str, name: &str) -> Result<&Node, Error> {
        self.find_how(kind, what, name).map(|(node, _)| node)
    }

    /// [`Self::find`], and how the name was read.
    fn find_how(
        &self,
        kind: Kind,
        what: &'static str,
        name: &str,
    ) -> Result<(&Node, FoundBy), Error> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::InvalidArgument(format!("{what}: the name is empty")));
        }
        if let Some(node) = self.raw_node(name).ok().filter(|n| n.kind == kind) {
            return Ok((node, FoundBy::Id));
        }
        // Something shaped like an id that is not one is a mistake to report, not words to search.
        if name.contains('.') && !name.contains(char::is_whitespace) {
            let mut close: Vec<(usize, &str)> = self
                .nodes_of(kind)
                .map(|n| (pijnwijzer_model::distance::levenshtein(name, &n.id), n.id.as_str()))
                .collect();
            close.sort();
            return Err(Error::NotFound {
                what,
                name: name.chars().take(80).collect(),
                suggestions: close
                    .into_iter()
                    .filter(|(d, _)| *d <= ID_SUGGESTION_MAX_EDITS)
                    .take(3)
                    .map(|(_, id)| id.to_string())
                    .collect(),
            });
        }
        let folded = fold(name);
        // A name: the title, the title's name before its colon ("Opioïden: …"), or an alias.
        let named = |n: &&Node| fold(&n.title) == folded || names_of(n).any(|a| fold(a) == folded);
        // A name that several nodes share ("pijneducatie", two checklists; "zenuwpijnpillen",
        // two drugs) is none of them, and each is offered, rather than one picked by its id.
        match self.nodes_of(kind).filter(named).collect::<Vec<_>>()[..] {
            [] => {}
            [node] => return Ok((node, FoundBy::Name)),
            ref several => {
                return Err(Error::NotFound {
                    what,
                    name: name.chars().take(80).collect(),
                    suggestions: several.iter().map(|n| self.offered_name(kind, n)).collect(),
                })
            }
        }
        // Words that name one drug are that drug's; words that name several are none of them,
        // so that a reader never sees a card for a drug they did not mean: each is offered.
        match self.named_within(kind, name)[..] {
            [] => {}
            [(node, _)] => return Ok((node, FoundBy::Name)),
            ref several => {
                return Err(Error::NotFound {
                    what,
                    name: name.chars().take(80).collect(),
                    suggestions: several.iter().map(|(_, typed)| typed.to_string()).collect(),
                })
            }
        }
        // A near spelling of a name ("tramdol") before a search, which can rank a class that
        // mentions the drug above the drug itself: as many edits as the search forgives.
        let allowed = crate::search::forgiven_edits(folded.chars().count());
        if allowed > 0 {
            let near = self
                .nodes_of(kind)
                .flat_map(|n| names_of(n).map(move |name| (name, n)))
                .map(|(name, n)| {
                    (
                        pijnwijzer_model::distance::levenshtein(&folded, &fold(name)),
                        std::cmp::Reverse(n.id.len()),
                        n,
                    )
                })
                .filter(|(distance, ..)| *distance <= allowed)
                .min_by_key(|(distance, length, n)| (*distance, *length, n.id.as_str()));
            if let Some((.., node)) = near {
                return Ok((node, FoundBy::Spelling));
            }
        }
        let options = SearchOptions {
            limit: Some(1),
            kind: Some(super::OneOrMany::One(kind.as_str().to_string())),
            ..SearchOptions::default()
        };
        let hits = self.search(name, &options)?;
        match hits.first() {
            Some(hit) => Ok((self.raw_node(&hit.node.id)?, FoundBy::Search)),
            None => {
                let mut close: Vec<(usize, usize, &str)> = self
                    .nodes_of(kind)
                    .flat_map(|n| {
                        std::iter::once(n.title.as_str())
                            .chain(n.aliases.iter().map(String::as_str))
                    })
                    .map(|candidate| (fold(candidate), candidate))
                    .filter(|(candidate, _)| {
                        let first = NAME_SUGGESTION_SAME_START;
                        candidate.chars().take(first).eq(folded.chars().take(first))
                    })
                    .map(|(folded_candidate, candidate)| {
                        // A name with its salt or form glued on (`tramadolhydrochloride`) is
                        // that name, however many letters it adds.
                        let distance = if folded_candidate.chars().count()
                            >= SUGGESTED_PREFIX_MIN_LETTERS
                            && folded.starts_with(&folded_candidate)
                        {
                            0
                        } else {
                            pijnwijzer_model::distance::levenshtein(&folded, &folded_candidate)
                        };
                        let most = if folded_candidate.starts_with(&folded) {
                            NAME_SUGGESTION_MAX_EDITS
                        } else {
                            allowed + 1
                        };
                        (distance, most, candidate)
                    })
                    .collect();
                close.sort();
                Err(Error::NotFound {
                    what,
                    name: name.chars().take(80).collect(),
                    suggestions: close
                        .into_iter()
                        .take(3)
                        .filter(|(distance, most, _)| distance <= most)
                        .map(|(.., c)| c.to_string())
                        .collect(),
                })
            }
        }
    }

    /// How a node is offered to a reader who may ask for it again: by its title's name
    /// ("SSRI's"), which finds it, unless other nodes of its kind share that name ("Checklist"),
    /// then by its id.
    fn offered_name(&self, kind: Kind, node: &Node) -> String {
        let name = title_name(node);
        let shared = self.nodes_of(kind).filter(|n| title_name(n) == name).count();
        if shared == 1 {
            name.to_string()
        } else {
            node.id.clone()
        }
    }

    /// The nodes of `kind` whose names stand among other words, as on a prescription ("Tramadol
    /// HCl 50 mg capsule", "oxycodon MGA 10mg"): whole words, in any case and accents. Each node
    /// once, in the order named, with its name as typed. A name inside a longer one that is found
    /// counts as the longer one's (`paracetamol` in `tramadol/paracetamol`), and a name several
    /// nodes share is the drug's own, as for a name alone.
    fn named_within<'a>(&self, kind: Kind, text: &'a str) -> Vec<(&Node, &'a str)> {
        let spans: Vec<(usize, usize)> = word_spans(text).collect();
        let words: Vec<String> = spans.iter().map(|&(s, e)| fold(&text[s..e])).collect();
        // Every name the words hold: (first word, how many words, node).
        let mut found: Vec<(usize, usize, &Node)> = Vec::new();
        for node in self.nodes_of(kind) {
            for name in names_of(node) {
                let name: Vec<String> = word_spans(name).map(|(s, e)| fold(&name[s..e])).collect();
                if name.is_empty() || name.len() > words.len() {
                    continue;
                }
                let at = words.windows(name.len()).enumerate().filter(|(_, w)| *w == &name[..]);
                found.extend(at.map(|(at, _)| (at, name.len(), node)));
            }
        }
        let inside_longer = |&(at, len, _): &(usize, usize, &Node)| {
            found.iter().any(|&(a, l, _)| l > len && a <= at && at + len <= a + l)
        };
        let mut named: Vec<(usize, &Node, &str)> = Vec::new();
        for &(at, len, _) in found.iter().filter(|m| !inside_longer(m)) {
            let holders = found.iter().filter(|&&(a, l, _)| (a, l) == (at, len));
            let Some(node) = holders.map(|&(.., node)| node).max_by_key(|n| n.id.len()) else {
                continue;
            };
            if !named.iter().any(|(_, n, _)| n.id == node.id) {
                named.push((at, node, &text[spans[at].0..spans[at + len - 1].1]));
            }
        }
        named.sort_by_key(|&(at, ..)| at);
        named.into_iter().map(|(_, node, typed)| (node, typed)).collect()
    }
}

/// The names a reader asks for `node` by: the title's name before its colon ("Opioïden: …") and
/// the aliases.
fn names_of(node: &Node) -> impl Iterator<Item = &str> {
    std::iter::once(title_name(node)).chain(node.aliases.iter().map(String::as_str))
}

/// The title's name, before its colon ("Opioïden" of "Opioïden: schrijf ze …"); the whole title
/// if it has none.
fn title_name(node: &Node) -> &str {
    node.title.split(':').next().unwrap_or_default()
}

/// Calls `visit` with every list item in `blocks`, in order, nested items after their parent.
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
