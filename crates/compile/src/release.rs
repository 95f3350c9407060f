//! Releases of the content: the release files in `releases/` that `pijnwijzer release` writes and
//! the build embeds. What counts as a node's normative content, and its digests, the model defines
//! ([`pijnwijzer_model::normative`]), since the core computes them too.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Diagnostic;
pub use pijnwijzer_model::normative::{Normative, CAUTION_LAYERS};
use pijnwijzer_model::{content_digest, Pack, Release, ReleasedNode};

/// The folder of release files, beside the content folder.
pub const RELEASES: &str = "releases";

/// The layout of a release file and the definition of its digests. A change of either makes the
/// old files unreadable on purpose: they must be converted, not misread.
pub const RELEASE_FORMAT: u32 = 1;

/// The release folder for the content folder `content`: `releases/` beside it, so the repository's
/// `content/` has `releases/` and a test's copy of the content has its own.
pub fn releases_dir(content: &Path) -> PathBuf {
    content.parent().unwrap_or(Path::new(".")).join(RELEASES)
}

/// A release file, `releases/<version>.json`: the content's normative content on the day of the
/// release, node by node, as plain text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReleaseFile {
    /// [`RELEASE_FORMAT`].
    pub format: u32,
    /// The release's name, which is the content version: `YYYY.MM.DD`.
    pub version: String,
    /// The day of the release, `YYYY-MM-DD`.
    pub date: String,
    /// [`content_digest`] of the nodes.
    pub content: String,
    /// Every node, sorted by id.
    pub nodes: Vec<ReleaseFileNode>,
}

/// One node of a release file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseFileNode {
    /// The node's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// [`Digests::node`] of its normative content.
    pub digest: String,
    /// Its normative content.
    #[serde(flatten)]
    pub normative: Normative,
}

impl ReleaseFile {
    /// The release `version` of the compiled `pack`, made on `date`.
    pub fn new(pack: &Pack, version: &str, date: &str) -> ReleaseFile {
        let released: Vec<ReleasedNode> = pack.nodes.iter().map(ReleasedNode::of).collect();
        ReleaseFile {
            format: RELEASE_FORMAT,
            version: version.to_string(),
            date: date.to_string(),
            content: content_digest(&released),
            nodes: pack
                .nodes
                .iter()
                .map(|node| {
                    let normative = Normative::of(&node.facts, &node.layers);
                    ReleaseFileNode {
                        id: node.id.clone(),
                        title: node.title.clone(),
                        digest: normative.digests().node,
                        normative,
                    }
                })
                .collect(),
        }
    }
}

/// Refuses a release name that is not a calendar version: `YYYY.MM.DD`, or `YYYY.MM.DD.N` (N from
/// 2) for another release on the same day. Names in this form sort by date and say it.
pub fn check_version(name: &str) -> Result<(), String> {
    let parts: Vec<&str> = name.split('.').collect();
    let number = |part: &str, digits: usize| {
        (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let valid = match parts.as_slice() {
        [year, month, day, rest @ ..] => {
            number(year, 4).is_some()
                && number(month, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(day, 2).is_some_and(|d| (1..=31).contains(&d))
                && match rest {
                    [] => true,
                    [n] => n.parse::<u32>().is_ok_and(|n| n >= 2) && !n.starts_with('0'),
                    _ => false,
                }
        }
        _ => false,
    };
    if valid {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not a release name: use the day as YYYY.MM.DD (e.g. {}), or YYYY.MM.DD.2 for a second release that day",
            today().replace('-', ".")
        ))
    }
}

/// Whether `text` is a day written `YYYY-MM-DD`, as release dates are (they order releases).
pub fn is_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// Every release in `dir` (`*.json`), oldest first (by date, then name); none when there is no
/// such folder. Each file is checked: the first that is unreadable or whose recorded digests do
/// not match its recorded content is the error.
pub fn read_releases(dir: &Path) -> Result<Vec<Release>, Diagnostic> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let entries = fs::read_dir(dir).map_err(|e| {
        Diagnostic::new(dir, 1, format!("cannot list the release folder: {e}"))
            .hint("releases/ holds only the files `pijnwijzer release` writes")
    })?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut releases =
        files.iter().map(|file| read_release(file)).collect::<Result<Vec<_>, _>>()?;
    releases.sort_by(|a, b| (&a.date, &a.name).cmp(&(&b.date, &b.name)));
    Ok(releases)
}

/// Reads and checks one release file.
pub fn read_release(file: &Path) -> Result<Release, Diagnostic> {
    const RESTORE: &str = "release files are written by `pijnwijzer release` and never edited: restore this one from version control";
    let text = fs::read_to_string(file).map_err(|e| {
        Diagnostic::new(file, 1, format!("cannot read the release file: {e}"))
            .hint("name a file in releases/, or a release by its version")
    })?;
    let release: ReleaseFile = serde_json::from_str(&text).map_err(|e| {
        Diagnostic::new(file, e.line().max(1), format!("not a release file: {e}")).hint(RESTORE)
    })?;
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map_or(1, |i| i + 1);
    if release.format != RELEASE_FORMAT {
        return Err(Diagnostic::new(
            file,
            line_of("\"format\""),
            format!("release format {} is not the expected {RELEASE_FORMAT}", release.format),
        )
        .hint("convert the file to the current format, or build with the version of this module that wrote it"));
    }
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    if stem != release.version {
        return Err(Diagnostic::new(
            file,
            line_of("\"version\""),
            format!("the file holds release `{}`", release.version),
        )
        .hint(format!("a release lives in `{}.json`; rename the file", release.version)));
    }
    check_version(&release.version)
        .map_err(|message| Diagnostic::new(file, line_of("\"version\""), message).hint(RESTORE))?;
    if !is_day(&release.date) {
        return Err(Diagnostic::new(
            file,
            line_of("\"date\""),
            format!("the date `{}` is not a day written YYYY-MM-DD", release.date),
        )
        .hint(RESTORE));
    }
    let mut nodes = Vec::with_capacity(release.nodes.len());
    for entry in &release.nodes {
        let digests = entry.normative.digests();
        if digests.node != entry.digest {
            return Err(Diagnostic::new(
                file,
                line_of(&format!("\"id\": \"{}\"", entry.id)),
                format!(
                    "the content recorded for `{}` has the digest {}, not the recorded {}",
                    entry.id, digests.node, entry.digest
                ),
            )
            .hint(RESTORE));
        }
        if nodes.last().is_some_and(|last: &ReleasedNode| last.id >= entry.id) {
            return Err(Diagnostic::new(
                file,
                line_of(&format!("\"id\": \"{}\"", entry.id)),
                format!("node `{}` is out of order or repeated", entry.id),
            )
            .hint(RESTORE));
        }
        nodes.push(ReleasedNode {
            id: entry.id.clone(),
            title: entry.title.clone(),
            lay_title: entry.normative.lay_title.clone(),
            strength: entry.normative.strength,
            direction: entry.normative.direction,
            force: entry.normative.force,
            position: entry.normative.position,
            digests,
        });
    }
    if content_digest(&nodes) != release.content {
        return Err(Diagnostic::new(
            file,
            line_of("\"content\""),
            format!(
                "the nodes' digests do not give the recorded content digest {}",
                release.content
            ),
        )
        .hint(RESTORE));
    }
    Ok(Release { name: release.version, date: release.date, content: release.content, nodes })
}

/// Today (UTC) as `YYYY-MM-DD`: the day of `SOURCE_DATE_EPOCH` when it is set, so that a
/// reproducible build gives the same date on any machine, else of the system clock.
pub fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    day_of(seconds)
}

/// The UTC day of `seconds` since 1970 as `YYYY-MM-DD` (days to civil date, after Howard Hinnant's
/// algorithm).
fn day_of(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_civil_dates_in_utc() {
        assert_eq!(day_of(0), "1970-01-01");
        assert_eq!(day_of(951_782_400), "2000-02-29");
        assert_eq!(day_of(1_796_428_799), "2026-12-04");
        assert_eq!(day_of(1_796_428_800), "2026-12-05");
    }

    #[test]
    fn release_names_are_calendar_versions() {
        for good in ["2026.12.05", "2026.12.05.2", "2027.01.31.12"] {
            assert_eq!(check_version(good), Ok(()), "{good}");
        }
        for bad in [
            "v1",
            "2026.12.5",
            "2026.13.01",
            "2026.12.05.1",
            "2026.12.05.02",
            "2026-12-05",
            "../2026.12.05",
            "",
        ] {
            assert!(check_version(bad).is_err_and(|e| e.contains("YYYY.MM.DD")), "{bad}");
        }
    }
}
