//! The knowledge model: the node types and their vocabularies, and the pack the content compiler
//! writes and the knowledge core reads. It depends on nothing but `serde` and `postcard`, so the
//! compiler (at build time) and the wasm module share it.
//!
//! Inline text is stored as HTML that the compiler produced and escaped itself; it never contains
//! markup that came from an author. [`html`] and [`distance`] are the two text helpers both sides
//! need.

pub mod distance;
pub mod html;

use serde::{Deserialize, Serialize};

/// Bumped whenever the pack layout changes, so a stale pack is refused rather than misread.
pub const PACK_FORMAT: u32 = 2;

/// Everything the module knows, as compiled from `content/`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Pack {
    pub format: u32,
    /// A digest of every content file, so two builds of the same content share a version.
    pub content_version: String,
    pub documents: Vec<Document>,
    /// Actor key and Dutch label, in vocabulary order.
    pub actors: Vec<(String, String)>,
    /// Groups of words that search treats as the same (from `content/synoniemen.toml`).
    pub synonyms: Vec<Vec<String>>,
    /// Nodes sorted by id.
    pub nodes: Vec<Node>,
}

/// A source document of the guidance.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    pub id: String,
    pub short: String,
    pub title: String,
    pub version: String,
    pub country: String,
    pub source_file: String,
}

/// One node of the knowledge graph.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Node {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    /// Absent only for comparison topics, whose sources are their member nodes.
    pub source: Option<SourceRef>,
    pub strength: Option<Strength>,
    pub direction: Option<Direction>,
    pub force: Option<Force>,
    pub position: Option<Position>,
    pub step: Option<u8>,
    pub steps: Vec<u8>,
    pub actors: Vec<String>,
    pub aliases: Vec<String>,
    pub audience: Audience,
    pub covers: Vec<String>,
    pub layers: Vec<Layer>,
    pub links: Vec<Link>,
    pub compare: Vec<Comparison>,
    /// How easy the lay explanation is to read; absent when the node has none.
    pub readability: Option<Readability>,
    /// Whether the lay explanation's review is current, for the author tool; never in the pack.
    #[serde(skip)]
    pub lay_review: Option<LayReview>,
}

/// A record in a node's front matter (`lay_checked`) that its lay text was checked against the
/// source lines it cites: the day, and digests of both as they were then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayCheck {
    /// The day of the check, `YYYY-MM-DD`.
    pub on: String,
    /// [`digest`] of the lay text's Markdown.
    pub lay: String,
    /// [`digest`] of the cited source lines.
    pub source: String,
}

/// What the author tool needs to tell whether a node's lay text review is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayReview {
    pub file: std::path::PathBuf,
    /// The line of the `lay_checked` stamp, or of the lay heading when there is none.
    pub line: usize,
    /// [`digest`] of the lay text's Markdown as it is now.
    pub lay_digest: String,
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

/// How easy a lay text is to read, measured by the compiler.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Readability {
    pub sentences: u32,
    pub words: u32,
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
    pub document: String,
    pub section: String,
    pub label: Option<String>,
    pub page: u32,
    pub page_end: Option<u32>,
    /// First and last line, 1-based and inclusive, in the document's source text.
    pub lines: (u32, u32),
}

/// A typed edge to another node.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Link {
    pub target: String,
    pub edge: EdgeType,
}

/// What one document says on a comparison topic.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Comparison {
    pub document: String,
    pub agreement: Agreement,
    pub nodes: Vec<String>,
    pub point: String,
}

/// One layer of a node's text: the main text, the rationale, the lay explanation, …
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Layer {
    pub key: LayerKey,
    pub blocks: Vec<Block>,
}

/// A block of text. Lists and tables stay structured so that checklists, criteria and the
/// referral matrix are data rather than markup.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub enum Block {
    Paragraph(String),
    Heading(String),
    Quote(Vec<Block>),
    List { ordered: bool, items: Vec<Item> },
    Table { head: Vec<String>, rows: Vec<Vec<String>> },
}

/// A list item: its own text, whether it is a task (checklist) item, and nested blocks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Item {
    pub html: String,
    pub task: bool,
    pub blocks: Vec<Block>,
}

/// Declares a closed vocabulary: each value with its spelling in content and JS, and its Dutch label
/// for readers (`Variant = "spelling" => "label"`), so no front end declares them again.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

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
    /// Serialises the pack to its compact binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a pack of owned values always serialises")
    }

    /// Reads a pack written by [`Pack::to_bytes`] of the same [`PACK_FORMAT`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Pack, String> {
        let pack: Pack = postcard::from_bytes(bytes).map_err(|e| format!("the knowledge pack is unreadable: {e}"))?;
        if pack.format != PACK_FORMAT {
            return Err(format!("knowledge pack format {} is not the expected {PACK_FORMAT}; rebuild", pack.format));
        }
        Ok(pack)
    }
}
