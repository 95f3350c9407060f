//! The TOML front matter of a content file, checked against the vocabularies.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::diagnostic::Diagnostic;
use pijnwijzer_model::{
    Agreement, Audience, Comparison, Direction, Feature, Force, Kind, LayCheck, NodeFacts,
    Position, SourceRef, Strength,
};

/// The front matter as written. Unknown fields are refused so a typo never drops data silently.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    kind: String,
    title: String,
    lay_title: Option<String>,
    #[serde(default)]
    questions: Vec<String>,
    covers: Option<Vec<String>>,
    source: Option<RawSource>,
    strength: Option<String>,
    direction: Option<String>,
    force: Option<String>,
    position: Option<String>,
    feature: Option<String>,
    step: Option<i64>,
    #[serde(default)]
    steps: Vec<i64>,
    #[serde(default)]
    actors: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    audience: Option<String>,
    #[serde(default)]
    compare: Vec<RawComparison>,
    lay_checked: Option<RawLayCheck>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayCheck {
    on: String,
    lay: String,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    document: String,
    section: String,
    label: Option<String>,
    page: i64,
    page_end: Option<i64>,
    lines: Vec<i64>,
    #[serde(default)]
    also: Vec<Vec<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComparison {
    document: String,
    agreement: String,
    #[serde(default)]
    nodes: Vec<String>,
    point: String,
}

/// The checked front matter of one node.
#[derive(Debug)]
pub struct FrontMatter {
    pub id: String,
    /// The plain facts, typed and checked, as the node carries them.
    pub facts: NodeFacts,
    pub source: Option<SourceRef>,
    /// Further line ranges of the source document that the lay text rests on (`also`), which
    /// its review stamp watches beside `lines`.
    pub supporting_lines: Vec<(u32, u32)>,
    pub actors: Vec<String>,
    pub compare: Vec<Comparison>,
    /// The record that the lay text was checked against its source, if it was.
    pub lay_checked: Option<LayCheck>,
    /// The file line of each top-level field, for errors found later (links, duplicates).
    pub field_lines: HashMap<String, usize>,
}

/// What front matter is checked against.
pub struct Vocabulary<'a> {
    pub documents: &'a [String],
    pub actors: &'a [String],
}

/// Which id prefix belongs to which documents.
const ID_PREFIXES: &[(&str, &[&str])] = &[
    ("worel", &["worel"]),
    ("zs", &["zorgstandaard"]),
    ("rta", &["rta"]),
    ("mc", &["mc-samen", "mc-zorgstandaard"]),
    ("topic", &[]),
];

/// Whether `id` is a well-formed node id: dotted, lowercase ASCII, at least two parts.
pub fn is_valid_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            let mut chars = part.chars();
            matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
                && chars
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        })
}

/// Parses and checks the front matter `toml`, which starts on line `first_line` of `file`.
pub fn parse(
    file: &Path,
    toml_text: &str,
    first_line: usize,
    vocabulary: &Vocabulary,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    let field_lines = field_lines(toml_text, first_line);
    let raw: Raw = toml::from_str(toml_text).map_err(|error| {
        let line = error
            .span()
            .map_or(first_line, |span| first_line + toml_text[..span.start].matches('\n').count());
        vec![Diagnostic::new(file, line, format!("front matter: {}", error.message()))
            .hint("see content/README.md for the fields a node may have")]
    })?;
    let mut errors = Vec::new();
    let at = |field: &str| field_lines.get(field).copied().unwrap_or(first_line);
    let mut error = |field: &str, message: String, hint: String| {
        errors.push(Diagnostic::new(file, at(field), message).hint(hint));
    };

    if !is_valid_id(&raw.id) {
        error(
            "id",
            format!("invalid id `{}`", raw.id),
            "ids are dotted lowercase ASCII (letters, digits, `-`, `_`), e.g. `worel.med.opioiden`"
                .into(),
        );
    }
    let kind = Kind::parse(&raw.kind);
    if kind.is_none() {
        error(
            "kind",
            format!("unknown kind `{}`", raw.kind),
            format!("use one of: {}", Kind::spellings()),
        );
    }
    let is_topic = kind == Some(Kind::Topic);
    if raw.title.trim().is_empty() {
        error("title", "the title is empty".into(), "give the node a short Dutch title".into());
    }

    let prefix = raw.id.split('.').next().unwrap_or("");
    match ID_PREFIXES.iter().find(|(p, _)| *p == prefix) {
        None => error(
            "id",
            format!("id `{}` does not start with a known prefix", raw.id),
            "start ids with `worel.`, `zs.`, `rta.`, `mc.` or `topic.`".into(),
        ),
        Some((_, documents)) => {
            if is_topic != documents.is_empty() {
                error(
                    "id",
                    format!("id `{}` does not fit kind `{}`", raw.id, raw.kind),
                    "comparison topics, and only they, have ids starting with `topic.`".into(),
                );
            }
            if let Some(source) = &raw.source {
                if !documents.is_empty() && !documents.contains(&source.document.as_str()) {
                    error(
                        "id",
                        format!(
                            "id `{}` does not belong to document `{}`",
                            raw.id, source.document
                        ),
                        format!(
                            "ids of `{}` nodes start with the prefix of that document",
                            source.document
                        ),
                    );
                }
            }
        }
    }

    let covers = match raw.covers {
        Some(covers) => {
            for cover in covers.iter().filter(|c| !is_valid_id(c)) {
                error(
                    "covers",
                    format!("`{cover}` is not a coverage id"),
                    "coverage ids look like `worel.alg.bps` (see ../shared/coverage/*.toml)".into(),
                );
            }
            // Topics and background sections (signatories, colophon) may restate nothing the
            // manifests list; every other node restates at least one statement.
            if covers.is_empty() && !matches!(kind, Some(Kind::Topic | Kind::Section)) {
                error(
                    "covers",
                    "`covers` is empty".into(),
                    "list the ids of ../shared/coverage/*.toml that this node restates".into(),
                );
            }
            covers
        }
        None if is_topic => Vec::new(),
        None => {
            error(
                "id",
                "the node has no `covers`".into(),
                "add `covers = [\"…\"]` with the coverage ids this node restates".into(),
            );
            Vec::new()
        }
    };

    let mut supporting_lines = Vec::new();
    let source = match (raw.source, is_topic) {
        (Some(_), true) => {
            error(
                "source",
                "a comparison topic has no [source]".into(),
                "a topic cites through its member nodes; remove [source]".into(),
            );
            None
        }
        (None, true) => None,
        (None, false) => {
            error(
                "id",
                "the node has no source reference".into(),
                "add a [source] table with document, section, page and lines".into(),
            );
            None
        }
        (Some(source), false) => {
            if !vocabulary.documents.contains(&source.document) {
                error(
                    "source",
                    format!("unknown document `{}`", source.document),
                    format!("use one of: {}", vocabulary.documents.join(", ")),
                );
            }
            let (first, last) = match source.lines.as_slice() {
                [first, last] if *first >= 1 && first <= last => (*first as u32, *last as u32),
                _ => {
                    error(
                        "source",
                        "`lines` must be [first, last] with 1 <= first <= last".into(),
                        "give the 1-based line range in ../shared/sources/".into(),
                    );
                    (0, 0)
                }
            };
            for range in &source.also {
                match range.as_slice() {
                    [a, b] if *a >= 1 && a <= b => {
                        let (a, b) = (*a as u32, *b as u32);
                        if a <= last && b >= first {
                            error(
                                "also",
                                format!("`also` range [{a}, {b}] overlaps `lines` [{first}, {last}]"),
                                "list in `also` only lines outside `lines`".into(),
                            );
                        }
                        supporting_lines.push((a, b));
                    }
                    _ => error(
                        "also",
                        "each `also` range must be [first, last] with 1 <= first <= last".into(),
                        "give further 1-based line ranges of the same source, e.g. also = [[120, 124]]"
                            .into(),
                    ),
                }
            }
            if source.page < 1 || source.page_end.is_some_and(|end| end < source.page) {
                error(
                    "source",
                    "`page` must be at least 1 and `page_end` not before it".into(),
                    "use the page from the coverage manifest".into(),
                );
            }
            if source.section.trim().is_empty() {
                error(
                    "source",
                    "the section is empty".into(),
                    "give the section number as printed, e.g. \"4\" or \"6.3.4\"".into(),
                );
            }
            Some(SourceRef {
                document: source.document,
                section: source.section,
                label: source.label,
                page: source.page.max(0) as u32,
                page_end: source.page_end.map(|p| p.max(0) as u32),
                lines: (first, last),
            })
        }
    };

    let strength = value(
        raw.strength.as_deref(),
        "strength",
        "GRADE code",
        Strength::parse,
        Strength::spellings,
        &mut error,
    );
    let direction = value(
        raw.direction.as_deref(),
        "direction",
        "direction",
        Direction::parse,
        Direction::spellings,
        &mut error,
    );
    if raw.strength.is_some() != raw.direction.is_some() {
        error(
            "strength",
            "`strength` and `direction` go together".into(),
            "a graded statement says both how strong and in which direction".into(),
        );
    }
    if raw.strength.is_some() && !matches!(kind, Some(Kind::Recommendation | Kind::Medication)) {
        error(
            "strength",
            "only recommendations and medications are graded".into(),
            "remove `strength` and `direction`".into(),
        );
    }
    let force =
        value(raw.force.as_deref(), "force", "force", Force::parse, Force::spellings, &mut error);
    if raw.force.is_some() && raw.strength.is_some() {
        error(
            "force",
            "a node has either a GRADE `strength` or an ungraded `force`, not both".into(),
            "keep the one the source gives".into(),
        );
    }
    let feature = value(
        raw.feature.as_deref(),
        "feature",
        "feature",
        Feature::parse,
        Feature::spellings,
        &mut error,
    );
    let position = value(
        raw.position.as_deref(),
        "position",
        "position",
        Position::parse,
        Position::spellings,
        &mut error,
    );
    match (kind == Some(Kind::Medication), raw.position.is_some()) {
        (true, false) => error(
            "kind",
            "a medication needs a `position`".into(),
            format!("use one of: {}", Position::spellings()),
        ),
        (false, true) => error(
            "position",
            "only medications have a `position`".into(),
            "remove `position`".into(),
        ),
        _ => {}
    }
    let in_step_range = |n: i64| (1..=4).contains(&n);
    let step = match (kind == Some(Kind::Step), raw.step) {
        (true, Some(n)) if in_step_range(n) => Some(n as u8),
        (true, _) => {
            error("kind", "a step needs `step = 1` … `4`".into(), "give the step's number".into());
            None
        }
        (false, Some(_)) => {
            error(
                "step",
                "only step nodes have `step`".into(),
                "use `steps = [..]` for the steps a node belongs to".into(),
            );
            None
        }
        (false, None) => None,
    };
    if raw.steps.iter().any(|n| !in_step_range(*n)) {
        error("steps", "steps are numbered 1 to 4".into(), "list only 1, 2, 3 or 4".into());
    }
    for actor in raw.actors.iter().filter(|a| !vocabulary.actors.contains(a)) {
        error(
            "actors",
            format!("unknown actor `{actor}`"),
            format!(
                "use keys of [actors] in content/vocabulary.toml: {}",
                vocabulary.actors.join(", ")
            ),
        );
    }
    for alias in raw.aliases.iter().filter(|a| a.trim().is_empty()) {
        error("aliases", format!("empty alias `{alias}`"), "remove it".into());
    }
    let audience = match raw.audience.as_deref() {
        None => Audience::Professional,
        Some(text) => Audience::parse(text).unwrap_or_else(|| {
            error(
                "audience",
                format!("invalid audience `{text}`"),
                format!("use one of: {}", Audience::spellings()),
            );
            Audience::Professional
        }),
    };

    let mut compare = Vec::new();
    if !raw.compare.is_empty() && !is_topic {
        error(
            "compare",
            "only topics have [[compare]]".into(),
            "use kind = \"topic\" or remove [[compare]]".into(),
        );
    }
    if is_topic && raw.compare.len() < 2 {
        error(
            "id",
            "a topic compares at least two documents".into(),
            "add a [[compare]] table per document".into(),
        );
    }
    for entry in raw.compare {
        if !vocabulary.documents.contains(&entry.document) {
            error(
                "compare",
                format!("unknown document `{}` in [[compare]]", entry.document),
                format!("use one of: {}", vocabulary.documents.join(", ")),
            );
        }
        let Some(agreement) = Agreement::parse(&entry.agreement) else {
            error(
                "compare",
                format!("invalid agreement `{}`", entry.agreement),
                format!("use one of: {}", Agreement::spellings()),
            );
            continue;
        };
        if (agreement == Agreement::NotAddressed) != entry.nodes.is_empty() {
            error(
                "compare",
                format!("document `{}`: nodes must be empty exactly when the agreement is not-addressed", entry.document),
                "list the document's nodes on the topic, or mark it not-addressed".into(),
            );
        }
        if entry.point.trim().is_empty() {
            error(
                "compare",
                format!("document `{}`: the point is empty", entry.document),
                "say in one sentence what this document says".into(),
            );
        }
        compare.push(Comparison {
            document: entry.document,
            agreement,
            nodes: entry.nodes,
            point: entry.point,
        });
    }
    let lay_checked = raw.lay_checked.and_then(|stamp| {
        let is_digest =
            |text: &str| text.len() == 16 && text.chars().all(|c| c.is_ascii_hexdigit());
        let is_day = |text: &str| {
            text.len() == 10
                && text.chars().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        };
        if is_day(&stamp.on) && is_digest(&stamp.lay) && is_digest(&stamp.source) {
            Some(LayCheck { on: stamp.on, lay: stamp.lay, source: stamp.source })
        } else {
            error(
                "lay_checked",
                "malformed `lay_checked` stamp".into(),
                "let `pijnwijzer stamp ID --sources DIR` write it".into(),
            );
            None
        }
    });

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(FrontMatter {
        id: raw.id,
        facts: NodeFacts {
            kind: kind.unwrap_or(Kind::Section),
            title: raw.title.trim().to_string(),
            lay_title: raw.lay_title.map(|t| t.trim().to_string()),
            questions: raw.questions.iter().map(|q| q.trim().to_string()).collect(),
            strength,
            direction,
            force,
            position,
            feature,
            step,
            steps: raw.steps.into_iter().map(|n| n as u8).collect(),
            aliases: raw.aliases,
            audience,
            covers,
        },
        source,
        supporting_lines,
        actors: raw.actors,
        compare,
        lay_checked,
        field_lines,
    })
}

/// The file line of each `key =` or `[table]` at the start of a line of `toml_text`.
fn field_lines(toml_text: &str, first_line: usize) -> HashMap<String, usize> {
    let mut lines = HashMap::new();
    for (offset, line) in toml_text.lines().enumerate() {
        let line = line.trim_start();
        let key = if let Some(table) = line.strip_prefix("[[") {
            table.split(']').next()
        } else if let Some(table) = line.strip_prefix('[') {
            table.split(']').next()
        } else {
            line.split('=').next().filter(|_| line.contains('='))
        };
        if let Some(key) = key {
            lines.entry(key.trim().to_string()).or_insert(first_line + offset);
        }
    }
    lines
}

/// The vocabulary value written in `field`, if any; an unknown one is reported (as an invalid
/// `what`, with the accepted spellings) and read as absent.
fn value<T>(
    text: Option<&str>,
    field: &str,
    what: &str,
    parse: fn(&str) -> Option<T>,
    spellings: fn() -> String,
    error: &mut impl FnMut(&str, String, String),
) -> Option<T> {
    let text = text?;
    let parsed = parse(text);
    if parsed.is_none() {
        error(field, format!("invalid {what} `{text}`"), format!("use one of: {}", spellings()));
    }
    parsed
}
