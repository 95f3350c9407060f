#![deny(missing_docs)]
//! The knowledge model: the node types and their vocabularies, and the pack the content compiler
//! writes and the knowledge core reads. It depends on nothing but `serde` and `postcard`, so the
//! compiler (at build time) and the wasm module share it.
//!
//! Inline text is stored as HTML that the compiler produced and escaped itself; it never contains
//! markup that came from an author. [`html`], [`text`] and [`distance`] are the text helpers both
//! sides need.

pub mod distance;
pub mod html;
pub mod normative;
pub mod text;

use serde::{Deserialize, Serialize};

/// Bumped whenever the pack layout changes, so a stale pack is refused rather than misread.
pub const PACK_FORMAT: u32 = 8;

/// The fewest words a listed question (`questions`) has, words being runs of letters and digits
/// (`Wat is pijneducatie?`): the compiler refuses a shorter one, and the search compares no
/// shorter query with the listed questions word for word.
pub const QUESTION_MIN_WORDS: usize = 3;

/// Everything the module knows, as compiled from `content/`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Pack {
    /// The [`PACK_FORMAT`] it was written in.
    pub format: u32,
    /// A digest of every content file, so two builds of the same content share a version.
    pub content_version: String,
    /// The day the content was compiled, `YYYY-MM-DD` (UTC; from `SOURCE_DATE_EPOCH` when set).
    pub built: String,
    /// The source documents (`content/vocabulary.toml`).
    pub documents: Vec<Document>,
    /// Actor key and Dutch label, in vocabulary order.
    pub actors: Vec<(String, String)>,
    /// Groups of words that search treats as the same (from `content/synoniemen.toml`).
    pub synonyms: Vec<Vec<String>>,
    /// Nodes sorted by id.
    pub nodes: Vec<Node>,
    /// [`content_digest`] of the nodes: what names the content's version. The compiler computes
    /// it, so that naming the version at load digests no node.
    pub normative_digest: String,
    /// The releases of the content (`releases/*.json`), newest first, each as it differs from
    /// the next newer version; see [`Pack::set_releases`]. The compiler leaves it empty; `build.rs`
    /// and the author tool add them, read from the folder beside the content.
    pub history: Vec<ReleaseDelta>,
    /// The stems of the words the search index reads, worked out when the pack is built so
    /// that loading runs no stemmer on them. The compiler leaves it empty; `build.rs` adds it
    /// (`pijnwijzer_knowledge::search::stem_table`). Empty, the index stems at load.
    pub stems: StemTable,
}

/// How the stem of each word of the content is cut from the word itself.
///
/// Stemming the content's seven thousand words took a quarter of the search index's build,
/// the work a page's first search waits for. Almost every Snowball stem is the word with its end
/// cut off, or that with a doubled vowel made single (`afspraak` → `afsprak`), so one byte per
/// word says how; the words themselves are not stored twice.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StemTable {
    /// A digest of the words described, in the order the index build meets them: the build uses
    /// the table only when its own words have the same digest, so a table made for other text
    /// is never misapplied.
    pub words_digest: u64,
    /// Per word, in that order: how many bytes the stem cuts from the word's end, plus
    /// [`StemTable::UNDOUBLE`] when it then drops the letter before its last (a doubled vowel
    /// made single);
    /// [`StemTable::STEM_AT_LOAD`] for a stem made otherwise.
    pub cuts: Vec<u8>,
}

impl StemTable {
    /// Added to a cut when the stem then drops the letter before its last.
    pub const UNDOUBLE: u8 = 0x80;
    /// A word whose stem is not a cut: the index stems it at load.
    pub const STEM_AT_LOAD: u8 = 0xFF;

    /// The stem a `cut` makes of `word`, or `None` for [`StemTable::STEM_AT_LOAD`] or a cut
    /// that does not fit the word.
    pub fn apply(word: &str, cut: u8) -> Option<String> {
        if cut == StemTable::STEM_AT_LOAD {
            return None;
        }
        let keep = word.len().checked_sub(usize::from(cut & !StemTable::UNDOUBLE))?;
        let mut stem = word.get(..keep)?.to_string();
        if cut & StemTable::UNDOUBLE != 0 {
            let vowel = keep.checked_sub(2)?;
            if !stem.as_bytes()[vowel..].is_ascii() {
                return None;
            }
            stem.remove(vowel);
        }
        Some(stem)
    }

    /// Adds `word` to a digest of words, which starts at [`StemTable::EMPTY_DIGEST`]: FNV-1a,
    /// the same on every platform (the pack is made natively and read in wasm).
    pub fn digest(digest: u64, word: &str) -> u64 {
        StemTable::digest_bytes(StemTable::digest_bytes(digest, word.as_bytes()), &[0])
    }

    /// Adds `bytes` to a digest as [`StemTable::digest`] does, without the end mark of a word.
    pub fn digest_bytes(digest: u64, bytes: &[u8]) -> u64 {
        bytes.iter().fold(digest, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }

    /// The digest of no words.
    pub const EMPTY_DIGEST: u64 = 0xcbf2_9ce4_8422_2325;

    /// The cut that makes `stem` of `word`: [`StemTable::STEM_AT_LOAD`] when none does.
    pub fn cut(word: &str, stem: &str) -> u8 {
        // A plain cut first: `vlaggen` is `vlag` by cutting 3, not by cutting 2 and undoubling.
        (0..StemTable::UNDOUBLE)
            .chain((0..StemTable::UNDOUBLE).map(|cut| cut | StemTable::UNDOUBLE))
            .find(|&cut| StemTable::apply(word, cut).as_deref() == Some(stem))
            .unwrap_or(StemTable::STEM_AT_LOAD)
    }
}

/// A source document of the guidance.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// The key content uses (`worel`, `zorgstandaard`, …).
    pub id: String,
    /// The name in citations ("WOREL").
    pub short: String,
    /// The full title.
    pub title: String,
    /// The version or year of the edition restated.
    pub version: String,
    /// `BE` or `NL`: where it applies.
    pub country: String,
    /// The text file of the source in `../shared/sources/`.
    pub source_file: String,
    /// A main guidance document (WOREL, the Zorgstandaard, the RTA), which every comparison
    /// shows even where it says nothing; the background articles are not.
    pub main: bool,
}

/// One node of the knowledge graph: its id, its [`NodeFacts`] (reached through `Deref`, so
/// `node.kind` reads as a field), and what the compiler and the views treat specially.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Node {
    /// Stable, dotted, lowercase id (`worel.med.opioiden`).
    pub id: String,
    /// The plain facts of the front matter, as `node()` shows them.
    pub facts: NodeFacts,
    /// Absent only for comparison topics, whose sources are their member nodes.
    pub source: Option<SourceRef>,
    /// Keys of the actors the statement addresses.
    pub actors: Vec<String>,
    /// The node's text, layer by layer, main text first.
    pub layers: Vec<Layer>,
    /// Typed edges to other nodes.
    pub links: Vec<Link>,
    /// For a comparison topic: what each document says.
    pub compare: Vec<Comparison>,
    /// How easy the lay explanation is to read; absent when the node has none.
    pub readability: Option<Readability>,
    /// Whether the lay explanation's review is current, for the author tool; never in the pack.
    #[serde(skip)]
    pub lay_review: Option<LayReview>,
}

impl std::ops::Deref for Node {
    type Target = NodeFacts;

    fn deref(&self) -> &NodeFacts {
        &self.facts
    }
}

impl NodeFacts {
    /// Whether this is a drug or drug class the guidance advises against (`against`, `bij
    /// voorkeur niet`, `geen plaats`): the cautions a search that names the drug shows first.
    pub fn is_caution(&self) -> bool {
        self.kind == Kind::Medication
            && (self.direction == Some(Direction::Against)
                || matches!(self.position, Some(Position::PreferablyNot | Position::NoPlace)))
    }
}

/// The facts of a node that its front matter states and `node()` shows as they are. This is the
/// one place to add such a field: the compiler reads it, the pack carries it, the view flattens
/// it, and the TypeScript declarations follow.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NodeFacts {
    /// What the node is.
    pub kind: Kind,
    /// Short Dutch title, in the content's own words.
    pub title: String,
    /// The title a patient reads above the lay text (every node with one has it), since `title`
    /// speaks to clinicians.
    pub lay_title: Option<String>,
    /// Questions the lay text answers, as a patient asks them ("Mag ik sporten met pijn?"):
    /// searched for patients, shown above the lay text and offered as completions.
    pub questions: Vec<String>,
    /// The GRADE code or GPP of a graded recommendation.
    pub strength: Option<Strength>,
    /// For or against, with `strength`.
    pub direction: Option<Direction>,
    /// The force of an ungraded norm, in the source's words.
    pub force: Option<Force>,
    /// The guidance's position on a drug or class (medication nodes).
    pub position: Option<Position>,
    /// The feature the node is the data of, if any: a rule for every drug, the referral matrix,
    /// a list of flags. Features find their nodes by it, never by id or title.
    pub feature: Option<Feature>,
    /// The step's number, for stepped-care step nodes.
    pub step: Option<u8>,
    /// The stepped-care steps the node belongs to.
    pub steps: Vec<u8>,
    /// Names people type for the node: generic and brand names, misspellings, lay words.
    pub aliases: Vec<String>,
    /// Who the text is written for.
    pub audience: Audience,
    /// Coverage-manifest ids the node restates.
    pub covers: Vec<String>,
}

/// A record in a node's front matter (`lay_checked`) that its lay text was checked against the
/// source lines it cites: the day, and digests of both as they were then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayCheck {
    /// The day of the check, `YYYY-MM-DD`.
    pub on: String,
    /// [`digest`] of what a patient reads: the lay title, the questions and the lay text's Markdown.
    pub lay: String,
    /// [`digest`] of the cited source lines, and of the supporting lines after them.
    pub source: String,
}

/// What the author tool needs to tell whether a node's lay text review is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayReview {
    /// The node's content file.
    pub file: std::path::PathBuf,
    /// The line of the `lay_checked` stamp, or of the lay heading when there is none.
    pub line: usize,
    /// [`digest`] of what a patient reads as it is now: the lay title, the questions and the lay
    /// text's Markdown.
    pub lay_digest: String,
    /// Line ranges of the source outside the cited `lines` that the lay text rests on too
    /// (`[source] also`): the stamp's source digest covers them after the cited lines.
    pub supporting_lines: Vec<(u32, u32)>,
    /// The stamp in the front matter, if there is one.
    pub stamp: Option<LayCheck>,
}

/// A short stable digest of `text` with its white space folded (FNV-1a, 64 bits, in hex), so that
/// rewrapping a paragraph changes nothing and any change of words does.
pub fn digest(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in text.split_whitespace() {
        for byte in word.bytes().chain([b' ']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The digests ([`digest`]) of a node's normative content: what a release records and what tells
/// whether a node changed between two releases. [`Node::digests`] computes them from the node's
/// texts ([`normative`] says which layers count); nothing else in a node (rationale, notes,
/// aliases, links, title, file name) changes them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Digests {
    /// The whole normative content: the fields below, strength, direction, force and position,
    /// and the lay title. What `node(id).digest` shows.
    pub node: String,
    /// The statement: the main text, with the conditions (`## Wanneer`) it applies under.
    pub statement: String,
    /// The medication's cautions: every caution-type layer.
    pub cautions: String,
    /// The lay text (`## Voor patiënten`).
    pub lay_text: String,
}

/// One release of the content, as the core compares it: per node only what tells what changed
/// (the short fields as values, the texts as [`Digests`]), never the texts themselves. A pack
/// stores it as a [`ReleaseDelta`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Release {
    /// The release's name, which is its content version: `YYYY.MM.DD` (a second one that day
    /// `YYYY.MM.DD.2`).
    pub name: String,
    /// The day it was made, `YYYY-MM-DD`.
    pub date: String,
    /// [`content_digest`] of its nodes.
    pub content: String,
    /// Its nodes, sorted by id.
    pub nodes: Vec<ReleasedNode>,
}

/// A release as a pack stores it: only how it differs from the next newer version of the content
/// (the next release, or for the newest one the content itself). Most nodes stay the same from
/// one release to the next, so a module embeds little more than what changed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReleaseDelta {
    /// [`Release::name`].
    pub name: String,
    /// [`Release::date`].
    pub date: String,
    /// [`Release::content`].
    pub content: String,
    /// Its nodes that the newer version lacks or holds otherwise, sorted by id.
    pub differs: Vec<ReleasedNode>,
    /// The ids of the newer version's nodes that it lacks.
    pub lacks: Vec<String>,
}

/// A node as a release recorded it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReleasedNode {
    /// The node's id.
    pub id: String,
    /// Its title then, to name a node that is gone since.
    pub title: String,
    /// Its lay title then.
    pub lay_title: Option<String>,
    /// Its strength then.
    pub strength: Option<Strength>,
    /// Its direction then.
    pub direction: Option<Direction>,
    /// Its force then.
    pub force: Option<Force>,
    /// Its position then.
    pub position: Option<Position>,
    /// The digests of its normative content then.
    pub digests: Digests,
}

impl ReleasedNode {
    /// `node` as a release records it.
    pub fn of(node: &Node) -> ReleasedNode {
        ReleasedNode {
            id: node.id.clone(),
            title: node.title.clone(),
            lay_title: node.lay_title.clone(),
            strength: node.strength,
            direction: node.direction,
            force: node.force,
            position: node.position,
            digests: node.digests(),
        }
    }
}

impl Release {
    /// The node with `id` in this release, if it has one.
    pub fn node(&self, id: &str) -> Option<&ReleasedNode> {
        self.nodes.binary_search_by(|n| n.id.as_str().cmp(id)).ok().map(|i| &self.nodes[i])
    }
}

/// The digest of a whole content's normative content: of each node's id and [`Digests::node`], in
/// id order. Equal for two builds whose nodes all say the same, whatever else differs.
pub fn content_digest(nodes: &[ReleasedNode]) -> String {
    let mut lines: Vec<String> =
        nodes.iter().map(|n| format!("{} {}", n.id, n.digests.node)).collect();
    lines.sort();
    digest(&lines.join("\n"))
}

/// How easy a lay text is to read, measured by the compiler.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Readability {
    /// Sentences, each list item counting as one.
    pub sentences: u32,
    /// Words: tokens with a letter or digit.
    pub words: u32,
    /// Syllables, by the vowel-group rule of the compiler.
    pub syllables: u32,
    /// Average words per sentence, to one decimal.
    pub words_per_sentence: f64,
    /// Words in the longest sentence.
    pub longest_sentence: u32,
    /// Flesch-Douma reading ease: 206.835 − 0.93 × words per sentence − 77 × syllables per word.
    /// 60 and above reads as plain language.
    pub flesch_douma: f64,
}

/// Where a node's content stands in its source.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SourceRef {
    /// The document's key.
    pub document: String,
    /// The section as printed (`"4"`, `"6.3.4"`, `"Bijlage 2"`).
    pub section: String,
    /// How a citation names the place ("aanbeveling 6").
    pub label: Option<String>,
    /// The (first) page.
    pub page: u32,
    /// The last page, when the statement spans pages.
    pub page_end: Option<u32>,
    /// First and last line, 1-based and inclusive, in the document's source text.
    pub lines: (u32, u32),
}

/// A typed edge to another node.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Link {
    /// The id of the node linked to.
    pub target: String,
    /// What the link means.
    pub edge: EdgeType,
}

/// What one document says on a comparison topic.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Comparison {
    /// The document's key.
    pub document: String,
    /// How far it agrees with the others.
    pub agreement: Agreement,
    /// Its nodes on the topic (none when it does not address it).
    pub nodes: Vec<String>,
    /// What it says, in one Dutch sentence.
    pub point: String,
}

/// One layer of a node's text: the main text, the rationale, the lay explanation, …
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Layer {
    /// Which layer.
    pub key: LayerKey,
    /// Its text, block by block.
    pub blocks: Vec<Block>,
}

/// A block of text. Lists and tables stay structured so that checklists, criteria and the
/// referral matrix are data rather than markup.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub enum Block {
    /// A paragraph's inline HTML.
    Paragraph(String),
    /// A subheading inside a layer.
    Heading(String),
    /// A quotation, with its own blocks.
    Quote(Vec<Block>),
    /// A list: numbered or not.
    List {
        /// Whether it is numbered.
        ordered: bool,
        /// Its items.
        items: Vec<Item>,
    },
    /// A table: header cells and rows of cells (inline HTML).
    Table {
        /// The header cells.
        head: Vec<String>,
        /// The rows.
        rows: Vec<Vec<String>>,
    },
}

/// A list item: its own text, whether it is a task (checklist) item, and nested blocks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Item {
    /// The item's own inline HTML.
    pub html: String,
    /// Whether it is a task (`- [ ]`), as checklist items are.
    pub task: bool,
    /// A criterion's short name, which the stepped-care diagram draws: the plain text of the bold
    /// lead-in of an item under `## Opschalen` or `## Afschalen` (`- **Pijn blijft aanhouden**: …`).
    pub label: Option<String>,
    /// Nested blocks (sub-lists).
    pub blocks: Vec<Block>,
}

/// Declares a closed vocabulary: each value with its spelling in content and JS, and its Dutch label
/// for readers (`Variant = "spelling" => "label"`), so no front end declares them again.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        pub enum $name { $(#[doc = concat!("`", $text, "`: ", $label)] #[serde(rename = $text)] $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in content and shown to JS.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value's Dutch label, as readers see it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value written as `text`, if there is one.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// All accepted spellings, for error hints.
            pub fn spellings() -> String {
                [$($text),+].join(", ")
            }
        }
    };
}

vocabulary!(
    /// What a node is.
    Kind {
        Recommendation = "recommendation" => "Aanbeveling",
        Checklist = "checklist" => "Checklist",
        Medication = "medication" => "Medicatie",
        Referral = "referral" => "Verwijzing",
        Step = "step" => "Stap",
        Concept = "concept" => "Begrip",
        Role = "role" => "Rol",
        RedFlag = "red-flag" => "Rode vlaggen",
        RiskFactor = "risk-factor" => "Risicofactoren",
        Instrument = "instrument" => "Meetinstrument",
        Section = "section" => "Achtergrond",
        Topic = "topic" => "Vergelijking",
    }
);

vocabulary!(
    /// A GRADE code or a good-practice point.
    Strength {
        G1A = "1A" => "sterk",
        G1B = "1B" => "sterk",
        G1C = "1C" => "sterk",
        G2A = "2A" => "zwak",
        G2B = "2B" => "zwak",
        G2C = "2C" => "zwak",
        Gpp = "GPP" => "goede praktijk",
    }
);

vocabulary!(
    /// Whether a graded recommendation advises for or against.
    Direction { For = "for" => "voor", Against = "against" => "tegen" }
);

vocabulary!(
    /// The force of an ungraded norm, in the source's own words.
    Force { Moet = "moet" => "moet", Aanbevolen = "aanbevolen" => "aanbevolen", Kan = "kan" => "kan", Idealiter = "idealiter" => "idealiter" }
);

vocabulary!(
    /// The guidance's position on a drug or drug class.
    Position {
        Recommended = "recommended" => "aanbevolen",
        Consider = "consider" => "overwegen",
        PreferablyNot = "preferably-not" => "bij voorkeur niet",
        NoRecommendation = "no-recommendation" => "geen aanbeveling",
        NoPlace = "no-place" => "geen plaats",
        NotDiscussed = "not-discussed" => "niet besproken",
        ViaClass = "via-class" => "geen eigen uitspraak",
    }
);

vocabulary!(
    /// What a node is the data of, for the features that gather nodes.
    Feature {
        MedicationRule = "medication-rule" => "Regel voor elk middel",
        ReferralMatrix = "referral-matrix" => "Verwijsmatrix",
        RedFlags = "red-flags" => "Rode vlaggen",
        OtherFlags = "other-flags" => "Andere vlaggen",
    }
);

vocabulary!(
    /// Who a text is written for.
    Audience { Professional = "professional" => "zorgverleners", Patient = "patient" => "patiënten" }
);

vocabulary!(
    /// How far a document agrees on a comparison topic.
    Agreement { Agrees = "agrees" => "stemt overeen", Partly = "partly" => "stemt deels overeen", Differs = "differs" => "wijkt af", NotAddressed = "not-addressed" => "niet besproken" }
);

vocabulary!(
    /// The type of an edge between two nodes.
    EdgeType {
        Cites = "cites" => "Steunt op",
        Refines = "refines" => "Onderdeel van",
        SeeAlso = "see-also" => "Zie ook",
        SameTopic = "same-topic" => "Zelfde onderwerp, ander document",
        DiffersFrom = "differs-from" => "Ander standpunt elders",
        EscalatesTo = "escalates-to" => "Leidt naar",
        DerivedFrom = "derived-from" => "Afgeleid van",
        About = "about" => "Gaat over",
    }
);

vocabulary!(
    /// The layers of a node's text. `Main` is the text before the first `##` heading.
    LayerKey {
        Main = "main" => "Kern",
        Conditions = "conditions" => "Wanneer",
        Practice = "practice" => "Praktisch",
        Rationale = "rationale" => "Onderbouwing",
        Lay = "lay" => "Voor patiënten",
        Note = "note" => "Toelichting",
        Cautions = "cautions" => "Voorzichtig",
        AdverseEffects = "adverse_effects" => "Bijwerkingen",
        Dependence = "dependence" => "Misbruik en afhankelijkheid",
        RiskGroups = "risk_groups" => "Risicogroepen",
        StartStop = "start_stop" => "Starten en stoppen",
        Dose = "dose" => "Dosering",
        NotCovered = "not_covered" => "Niet in de bron",
        Providers = "providers" => "Zorgverleners",
        BuildingBlocks = "building_blocks" => "Bouwstenen",
        MoveUp = "move_up" => "Opschalen",
        MoveDown = "move_down" => "Afschalen",
    }
);

impl EdgeType {
    /// The label of the edge seen from its target ("Uitgewerkt in" for `refines`).
    pub fn incoming_label(self) -> &'static str {
        match self {
            EdgeType::Refines => "Uitgewerkt in",
            EdgeType::DerivedFrom => "Hierop gebaseerd",
            EdgeType::Cites => "Aangehaald door",
            EdgeType::About => "Besproken in",
            EdgeType::EscalatesTo => "Komt van",
            EdgeType::SameTopic | EdgeType::DiffersFrom => self.label(),
            EdgeType::SeeAlso => "Verwijst hiernaar",
        }
    }
}

impl LayerKey {
    /// The `##` heading that opens this layer in content (its label; none for the main text).
    pub fn heading(self) -> &'static str {
        if self == LayerKey::Main {
            ""
        } else {
            self.label()
        }
    }

    /// The layer a `##` heading opens, if it is one of the fixed headings.
    pub fn from_heading(heading: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|key| *key != LayerKey::Main && key.heading() == heading)
    }
}

impl Pack {
    /// Stores `releases` (oldest first, as read from `releases/`) in [`Pack::history`], each as it
    /// differs from the next newer version, so [`Pack::releases`] gives them back in full.
    pub fn set_releases(&mut self, releases: &[Release]) {
        let mut newer: Vec<ReleasedNode> = self.nodes.iter().map(ReleasedNode::of).collect();
        self.history = releases
            .iter()
            .rev()
            .map(|release| {
                let older = &release.nodes;
                let delta = ReleaseDelta {
                    name: release.name.clone(),
                    date: release.date.clone(),
                    content: release.content.clone(),
                    differs: older.iter().filter(|n| !newer.contains(n)).cloned().collect(),
                    lacks: newer
                        .iter()
                        .filter(|n| release.node(&n.id).is_none())
                        .map(|n| n.id.clone())
                        .collect(),
                };
                newer = older.clone();
                delta
            })
            .collect();
    }

    /// The releases, oldest first, each with every node it held.
    pub fn releases(&self) -> Vec<Release> {
        let mut newer: Vec<ReleasedNode> = self.nodes.iter().map(ReleasedNode::of).collect();
        let mut releases: Vec<Release> = self
            .history
            .iter()
            .map(|delta| {
                let kept = newer.iter().filter(|n| {
                    !delta.lacks.contains(&n.id) && !delta.differs.iter().any(|d| d.id == n.id)
                });
                let mut nodes: Vec<ReleasedNode> = kept.chain(&delta.differs).cloned().collect();
                nodes.sort_by(|a, b| a.id.cmp(&b.id));
                newer = nodes.clone();
                Release {
                    name: delta.name.clone(),
                    date: delta.date.clone(),
                    content: delta.content.clone(),
                    nodes,
                }
            })
            .collect();
        releases.reverse();
        releases
    }

    /// Serialises the pack to its compact binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a pack of owned values always serialises")
    }

    /// Reads a pack written by [`Pack::to_bytes`] of the same [`PACK_FORMAT`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Pack, String> {
        let pack: Pack = postcard::from_bytes(bytes)
            .map_err(|e| format!("the knowledge pack is unreadable: {e}"))?;
        if pack.format != PACK_FORMAT {
            return Err(format!(
                "knowledge pack format {} is not the expected {PACK_FORMAT}; rebuild",
                pack.format
            ));
        }
        Ok(pack)
    }
}

#[cfg(test)]
mod tests {
    use super::StemTable;

    #[test]
    fn a_stem_is_a_cut_of_its_word() {
        for (word, stem, cut) in [
            ("vlaggen", "vlag", 3),
            ("pijn", "pijn", 0),
            ("afspraak", "afsprak", StemTable::UNDOUBLE),
            ("diagnosticeerbare", "diagnosticer", 4 | StemTable::UNDOUBLE),
            ("opioïden", "opioïd", 2),
        ] {
            assert_eq!(StemTable::cut(word, stem), cut, "{word}");
            assert_eq!(StemTable::apply(word, cut).as_deref(), Some(stem), "{word}");
        }
    }

    #[test]
    fn a_stem_that_is_no_cut_is_made_at_load() {
        assert_eq!(StemTable::cut("mogelijkheden", "mogelijkheid"), StemTable::STEM_AT_LOAD);
        assert_eq!(StemTable::apply("pijn", StemTable::STEM_AT_LOAD), None);
        // A cut longer than the word, or through a letter of two bytes, makes no stem.
        assert_eq!(StemTable::apply("pijn", 5), None);
        assert_eq!(StemTable::apply("opioïden", 4), None);
        assert_eq!(StemTable::apply("ïe", StemTable::UNDOUBLE), None);
    }

    /// The digest is pinned: the pack is made natively and read in wasm, so it must not depend on
    /// the platform (a hasher over `usize` would differ between the two).
    #[test]
    fn the_words_digest_is_the_same_everywhere() {
        let digest =
            ["pijn", "rug"].iter().fold(StemTable::EMPTY_DIGEST, |d, w| StemTable::digest(d, w));
        // FNV-1a of `pijn\0rug\0`.
        assert_eq!(digest, 7_337_821_384_901_997_372);
    }
}
