//! What changed: the releases of the content the module embeds, what changed between two of them
//! or since one, and per node the release in which it last changed.
//!
//! A release holds per node only its normative content's digests and short fields
//! ([`pijnwijzer_model::ReleasedNode`]), so these answers say *which* text changed (statement,
//! cautions, lay text) but not how; the short fields (grade, position, lay title) they give as
//! before and after. The author tool's `pijnwijzer diff` answers with the same [`Changes`].

use serde::Serialize;

use super::{Error, Knowledge};
use pijnwijzer_model::{Direction, Force, Pack, Position, Release, ReleasedNode, Strength};

/// The releases a pack holds, in full, and its own content as a release: made on the first
/// question that needs them, so a page that asks none never pays for them.
pub(crate) struct Versions {
    /// Oldest first.
    releases: Vec<Release>,
    /// The content itself. When its normative content is the newest release's, it is that
    /// release, by name and day; otherwise it is named by that name (or `unreleased`), `+` and the
    /// start of the content's digest, and dated the day it was built.
    pub(crate) current: Release,
}

impl Versions {
    fn of(pack: &Pack) -> Versions {
        let (name, date) = content_release(pack);
        let nodes = pack.nodes.iter().map(ReleasedNode::of).collect();
        let current = Release { name, date, content: pack.normative_digest.clone(), nodes };
        Versions { releases: pack.releases(), current }
    }
}

/// The name and the day of the content as a release ([`Versions::current`]), from the digest the
/// compiler stored, without digesting any node.
pub(crate) fn content_release(pack: &Pack) -> (String, String) {
    let content = &pack.normative_digest;
    let short = content.get(..8).unwrap_or(content);
    match pack.history.first() {
        Some(newest) if newest.content == *content => (newest.name.clone(), newest.date.clone()),
        Some(newest) => (format!("{}+{short}", newest.name), pack.built.clone()),
        None => (format!("unreleased+{short}"), pack.built.clone()),
    }
}

/// A release, or the content the module was built from: its name and its day.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReleaseRef {
    /// The release's name (`2026.12.05`), or for the module's own content its `contentVersion`.
    pub name: String,
    /// The day of the release, `YYYY-MM-DD`; for content changed since the newest release, the
    /// day it was built.
    pub date: String,
}

/// A release with what it changed since the one before.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReleaseSummary {
    /// Its name, the content version it fixed: `YYYY.MM.DD`.
    pub name: String,
    /// The day it was made, `YYYY-MM-DD`.
    pub date: String,
    /// The digest of its whole normative content.
    pub content: String,
    /// The release before it, whose changes it counts; none for the first.
    pub previous: Option<String>,
    /// How many nodes it holds.
    pub nodes: usize,
    /// Nodes it added (for the first release: all of them).
    pub added: usize,
    /// Nodes it removed.
    pub removed: usize,
    /// Nodes whose normative content it changed.
    pub changed: usize,
}

/// What changed between two versions of the content: nodes added, removed and changed, each list
/// sorted by id.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Changes {
    /// The older version.
    pub since: ReleaseRef,
    /// The newer version.
    pub until: ReleaseRef,
    /// Nodes that `until` has and `since` had not.
    pub added: Vec<NodeChange>,
    /// Nodes that `since` had and `until` has not.
    pub removed: Vec<NodeChange>,
    /// Nodes whose normative content differs, with what differs.
    pub changed: Vec<NodeChange>,
}

/// A node that was added, removed or changed.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NodeChange {
    /// The node's id.
    pub id: String,
    /// Its title (as it was, for a removed node).
    pub title: String,
    /// Its lay title, if it has a lay text.
    pub lay_title: Option<String>,
    /// Its digest in the newer version (what `node(id).digest` is, when that is the module's
    /// own content); none for a removed node.
    pub digest: Option<String>,
    /// What changed, always in this order: strength, direction, force, position, statement,
    /// cautions, lay title, lay text. Empty for an added or removed node.
    pub fields: Vec<FieldChange>,
}

/// One field of a node's normative content that changed: the short ones with their old and new
/// value, the texts (which releases keep only as digests) by name.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "field", rename_all = "camelCase")]
pub enum FieldChange {
    /// The GRADE code or GPP.
    Strength {
        /// Before.
        from: Option<Strength>,
        /// After.
        to: Option<Strength>,
    },
    /// For or against.
    Direction {
        /// Before.
        from: Option<Direction>,
        /// After.
        to: Option<Direction>,
    },
    /// The force of an ungraded norm.
    Force {
        /// Before.
        from: Option<Force>,
        /// After.
        to: Option<Force>,
    },
    /// The position on a drug or class.
    Position {
        /// Before.
        from: Option<Position>,
        /// After.
        to: Option<Position>,
    },
    /// The statement: the main text, with its conditions.
    Statement,
    /// The medication's cautions (any caution-type layer).
    Cautions,
    /// The lay title.
    LayTitle {
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// The lay text.
    LayText,
}

impl FieldChange {
    /// The field's name, as `field` spells it.
    pub fn name(&self) -> &'static str {
        match self {
            FieldChange::Strength { .. } => "strength",
            FieldChange::Direction { .. } => "direction",
            FieldChange::Force { .. } => "force",
            FieldChange::Position { .. } => "position",
            FieldChange::Statement => "statement",
            FieldChange::Cautions => "cautions",
            FieldChange::LayTitle { .. } => "layTitle",
            FieldChange::LayText => "layText",
        }
    }
}

impl ReleaseRef {
    fn of(release: &Release) -> ReleaseRef {
        ReleaseRef { name: release.name.clone(), date: release.date.clone() }
    }
}

/// What changed from `since` to `until`: the one comparison behind `changes()`, `releases()` and
/// `pijnwijzer diff`.
pub fn changes_between(since: &Release, until: &Release) -> Changes {
    let mut changes = Changes {
        since: ReleaseRef::of(since),
        until: ReleaseRef::of(until),
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
    };
    let entry = |node: &ReleasedNode, digest: Option<&String>, fields| NodeChange {
        id: node.id.clone(),
        title: node.title.clone(),
        lay_title: node.lay_title.clone(),
        digest: digest.cloned(),
        fields,
    };
    for old in &since.nodes {
        if until.node(&old.id).is_none() {
            changes.removed.push(entry(old, None, Vec::new()));
        }
    }
    for new in &until.nodes {
        let digest = Some(&new.digests.node);
        match since.node(&new.id) {
            None => changes.added.push(entry(new, digest, Vec::new())),
            Some(old) if old.digests.node != new.digests.node => {
                changes.changed.push(entry(new, digest, fields_changed(old, new)));
            }
            Some(_) => {}
        }
    }
    changes
}

/// The fields in which `new` differs from `old`.
fn fields_changed(old: &ReleasedNode, new: &ReleasedNode) -> Vec<FieldChange> {
    let text = |changed: bool, field: FieldChange| changed.then_some(field);
    [
        (old.strength != new.strength)
            .then_some(FieldChange::Strength { from: old.strength, to: new.strength }),
        (old.direction != new.direction)
            .then_some(FieldChange::Direction { from: old.direction, to: new.direction }),
        (old.force != new.force).then_some(FieldChange::Force { from: old.force, to: new.force }),
        (old.position != new.position)
            .then_some(FieldChange::Position { from: old.position, to: new.position }),
        text(old.digests.statement != new.digests.statement, FieldChange::Statement),
        text(old.digests.cautions != new.digests.cautions, FieldChange::Cautions),
        (old.lay_title != new.lay_title).then(|| FieldChange::LayTitle {
            from: old.lay_title.clone(),
            to: new.lay_title.clone(),
        }),
        text(old.digests.lay_text != new.digests.lay_text, FieldChange::LayText),
    ]
    .into_iter()
    .flatten()
    .collect()
}

impl Knowledge {
    /// Every release the module knows, newest first, each with what it changed since the one
    /// before.
    pub fn releases(&self) -> Vec<ReleaseSummary> {
        let releases = &self.versions().releases;
        releases
            .iter()
            .enumerate()
            .rev()
            .map(|(i, release)| {
                let previous = i.checked_sub(1).map(|p| &releases[p]);
                let (added, removed, changed) = match previous {
                    Some(previous) => {
                        let changes = changes_between(previous, release);
                        (changes.added.len(), changes.removed.len(), changes.changed.len())
                    }
                    None => (release.nodes.len(), 0, 0),
                };
                ReleaseSummary {
                    name: release.name.clone(),
                    date: release.date.clone(),
                    content: release.content.clone(),
                    previous: previous.map(|p| p.name.clone()),
                    nodes: release.nodes.len(),
                    added,
                    removed,
                    changed,
                }
            })
            .collect()
    }

    /// What changed since the release `since`: until the release `until`, or without it until the
    /// module's own content. An unknown name is `not-found`, with every known release (newest
    /// first) as suggestions.
    pub fn changes(&self, since: &str, until: Option<&str>) -> Result<Changes, Error> {
        let since = self.release(since)?;
        let until = match until {
            Some(name) => self.release(name)?,
            None => &self.versions().current,
        };
        Ok(changes_between(since, until))
    }

    pub(crate) fn versions(&self) -> &Versions {
        self.versions.get_or_init(|| Versions::of(&self.pack))
    }

    /// The release named `name`.
    fn release(&self, name: &str) -> Result<&Release, Error> {
        let releases = &self.versions().releases;
        releases.iter().find(|r| r.name == name).ok_or_else(|| Error::NotFound {
            what: "release",
            name: name.chars().take(80).collect(),
            suggestions: releases.iter().rev().map(|r| r.name.clone()).collect(),
        })
    }

    /// The release in which the node `id`, whose normative content has the digest `current`, got
    /// that content: the first of the newest releases that all hold it with that digest. None
    /// when the newest release does not (the node is new or changed since) or there are no
    /// releases. Read from the stored differences (newest first), so no other node is digested.
    pub(crate) fn changed_in(&self, id: &str, current: &str) -> Option<ReleaseRef> {
        let mut since = None;
        for release in &self.pack.history {
            if release.lacks.iter().any(|lacking| lacking == id) {
                break;
            }
            // A release holds the node as the next newer version does unless it lists it here.
            let then = release.differs.iter().find(|n| n.id == id);
            if then.is_some_and(|n| n.digests.node != current) {
                break;
            }
            since = Some(ReleaseRef { name: release.name.clone(), date: release.date.clone() });
        }
        since
    }
}
