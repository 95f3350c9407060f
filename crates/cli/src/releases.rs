//! `pijnwijzer release` and `pijnwijzer diff`: recording a release of the content in `releases/`,
//! and what changed between two releases. The comparison itself is the core's
//! ([`changes_between`]), so `diff --json` prints what `changes()` returns in the browser.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use pijnwijzer_compile::{
    check_version, is_day, read_release, read_releases, releases_dir, ReleaseFile,
};
use pijnwijzer_knowledge::history::{changes_between, Changes, FieldChange};
use pijnwijzer_model::Pack;

/// Writes the release `version` of `pack` (compiled from `content`), dated `date`, as
/// `releases/<version>.json` beside the content; refuses to overwrite one. Returns what to tell
/// the author.
pub fn release(pack: &Pack, content: &Path, version: &str, date: &str) -> Result<String, String> {
    check_version(version)?;
    if !is_day(date) {
        return Err(format!("--on takes a day as YYYY-MM-DD, not `{date}`"));
    }
    let dir = releases_dir(content);
    let file = dir.join(format!("{version}.json"));
    let newest = pack.releases().pop();
    if let Some(newest) = newest.as_ref().filter(|newest| newest.date.as_str() > date) {
        return Err(format!(
            "the newest release, {} of {}, is later than {date}: releases are ordered by day; date this one {} or later",
            newest.name, newest.date, newest.date
        ));
    }
    let json = serde_json::to_string_pretty(&ReleaseFile::new(pack, version, date))
        .map_err(|e| e.to_string())?
        + "\n";
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // `create_new` refuses an existing file in the same step that creates the new one.
    let mut out = fs::OpenOptions::new().write(true).create_new(true).open(&file).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            format!(
                "{} exists: release {version} was made already, and a release is never rewritten; name this one after today, or YYYY.MM.DD.2 for a second release on one day",
                file.display()
            )
        } else {
            format!("{}: {e}", file.display())
        }
    })?;
    out.write_all(json.as_bytes()).map_err(|e| format!("{}: {e}", file.display()))?;
    let written = read_release(&file).map_err(|e| e.to_string())?;
    let since = match &newest {
        Some(previous) => {
            let changes = changes_between(previous, &written);
            format!(
                "; since {}: {} added, {} removed, {} changed",
                previous.name,
                changes.added.len(),
                changes.removed.len(),
                changes.changed.len()
            )
        }
        None => " (the first release)".to_string(),
    };
    Ok(format!(
        "released {version} of {date} in {}: {} nodes{since}\nrebuild the module (npm run build) to embed it",
        file.display(),
        written.nodes.len()
    ))
}

/// What changed from release `from` to release `to`, each a release name (looked up in the
/// release folder beside `content`) or the path of a release file.
pub fn diff(content: &Path, from: &str, to: &str) -> Result<Changes, String> {
    let dir = releases_dir(content);
    let read = |name: &str| {
        let file = release_file(&dir, name);
        if !file.exists() {
            let known: Vec<String> = read_releases(&dir)
                .map(|releases| releases.into_iter().rev().map(|r| r.name).collect())
                .unwrap_or_default();
            return Err(format!(
                "no release `{name}`: {} does not exist; {}",
                file.display(),
                if known.is_empty() {
                    format!("{} holds no releases yet", dir.display())
                } else {
                    format!("releases in {}: {}", dir.display(), known.join(", "))
                }
            ));
        }
        read_release(&file).map_err(|e| e.to_string())
    };
    Ok(changes_between(&read(from)?, &read(to)?))
}

/// A release named `name` in `dir`, or `name` itself when it is a path to a file.
fn release_file(dir: &Path, name: &str) -> PathBuf {
    if name.ends_with(".json") || name.contains(['/', std::path::MAIN_SEPARATOR]) {
        PathBuf::from(name)
    } else {
        dir.join(format!("{name}.json"))
    }
}

/// `changes` for a reader: a count line, then the nodes added, removed and changed, each changed
/// node with what changed (old → new for the short fields).
pub fn describe(changes: &Changes) -> String {
    let mut out = format!(
        "{} ({}) → {} ({}): {} added, {} removed, {} changed\n",
        changes.since.name,
        changes.since.date,
        changes.until.name,
        changes.until.date,
        changes.added.len(),
        changes.removed.len(),
        changes.changed.len()
    );
    for (label, nodes) in
        [("added", &changes.added), ("removed", &changes.removed), ("changed", &changes.changed)]
    {
        for node in nodes {
            out.push_str(&format!("{label:<8} {}  {}\n", node.id, node.title));
            for field in &node.fields {
                out.push_str(&format!("           {}\n", field_line(field)));
            }
        }
    }
    out
}

/// One changed field in words: `strength: 2B → 1B`, or the name of a changed text.
fn field_line(field: &FieldChange) -> String {
    fn shift(name: &str, from: Option<&str>, to: Option<&str>) -> String {
        format!("{name}: {} → {}", from.unwrap_or("(none)"), to.unwrap_or("(none)"))
    }
    match field {
        FieldChange::Strength { from, to } => {
            shift("strength", from.map(|v| v.as_str()), to.map(|v| v.as_str()))
        }
        FieldChange::Direction { from, to } => {
            shift("direction", from.map(|v| v.as_str()), to.map(|v| v.as_str()))
        }
        FieldChange::Force { from, to } => {
            shift("force", from.map(|v| v.as_str()), to.map(|v| v.as_str()))
        }
        FieldChange::Position { from, to } => {
            shift("position", from.map(|v| v.as_str()), to.map(|v| v.as_str()))
        }
        FieldChange::LayTitle { from, to } => {
            let quote = |v: &Option<String>| v.as_ref().map(|t| format!("\"{t}\""));
            shift("lay title", quote(from).as_deref(), quote(to).as_deref())
        }
        FieldChange::Statement => "statement (main text or conditions)".to_string(),
        FieldChange::Cautions => "cautions".to_string(),
        FieldChange::LayText => "lay text".to_string(),
    }
}
