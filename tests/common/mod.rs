//! Helpers shared by the integration tests (each test file declares `mod common;`).
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// The small valid content the compiler tests start from.
pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/content");

/// A copy of the fixture content in a fresh temporary folder named after `test`, with `file`
/// added holding `text`.
pub fn fixture_with(test: &str, file: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pijnwijzer-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for entry in fs::read_dir(FIXTURE).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    fs::write(dir.join(file), text).unwrap();
    dir
}

/// The two versions of the fixture content that the release tests compare (its README says
/// what changes from `v1` to `v2`).
pub const VERSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/versions");

/// Makes `root/content` the fixture content as it is in `version` (`v1` or `v2`): the fixture
/// with that version's files laid over it, replacing what the folder held. Its releases go to
/// `root/releases`, beside it, as the repository's do.
pub fn fixture_version(root: &Path, version: &str) -> PathBuf {
    let content = root.join("content");
    let _ = fs::remove_dir_all(&content);
    fs::create_dir_all(&content).unwrap();
    for folder in [PathBuf::from(FIXTURE), Path::new(VERSIONS).join(version)] {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, content.join(path.file_name().unwrap())).unwrap();
        }
    }
    content
}

/// Every `&` in `text` starts one of the entities the escaper writes.
pub fn check_entities(text: &str) -> Result<(), String> {
    for (i, _) in text.match_indices('&') {
        if !["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| text[i..].starts_with(e)) {
            return Err(format!("a bare `&` at byte {i}"));
        }
    }
    Ok(())
}

/// Layer HTML holds only the compiler's tags and attributes (glossary terms as
/// `<span class="term" title="…">`, tables in a `<div class="table-scroll" …>`), links only to
/// nodes and https pages, and escaped text.
pub fn check_layer_html(html: &str) -> Result<(), String> {
    const TAGS: &[&str] = &[
        "div",
        "p",
        "h4",
        "blockquote",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "em",
        "strong",
        "del",
        "code",
        "br",
        "a",
        "span",
    ];
    let mut rest = html;
    while let Some(i) = rest.find(['<', '>', '"', '\'']) {
        check_entities(&rest[..i])?;
        if !rest[i..].starts_with('<') {
            return Err(format!("unescaped `{}` in text of {html:?}", &rest[i..i + 1]));
        }
        let end = rest[i..].find('>').ok_or_else(|| format!("unclosed tag in {html:?}"))? + i;
        let tag = &rest[i + 1..end];
        rest = &rest[end + 1..];
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(t) => (true, t),
            None => (false, tag),
        };
        let name_end = tag.find(' ').unwrap_or(tag.len());
        let name = &tag[..name_end];
        if !TAGS.contains(&name) {
            return Err(format!("tag `<{tag}>` is not one the compiler writes, in {html:?}"));
        }
        let mut attributes = &tag[name_end..];
        if closing && !attributes.is_empty() {
            return Err(format!("closing tag with attributes `</{tag}>`"));
        }
        loop {
            attributes = attributes.trim_start_matches(' ');
            if attributes.is_empty() {
                break;
            }
            let eq = attributes
                .find("=\"")
                .ok_or_else(|| format!("attribute without a quoted value in `<{tag}>`"))?;
            let attribute = &attributes[..eq];
            let after = &attributes[eq + 2..];
            let close =
                after.find('"').ok_or_else(|| format!("unterminated attribute in `<{tag}>`"))?;
            let value = &after[..close];
            attributes = &after[close + 1..];
            check_entities(value)?;
            let allowed = match name {
                "a" => matches!(attribute, "href" | "rel" | "data-node"),
                "li" => attribute == "class",
                // The box a table scrolls sideways in, named for assistive technology.
                "div" => match attribute {
                    "class" => value == "table-scroll",
                    "tabindex" => value == "0",
                    "role" => value == "region",
                    "aria-label" => value.starts_with("Tabel"),
                    _ => false,
                },
                // A glossary term in a lay text, with its definition.
                "span" => attribute == "title" || (attribute == "class" && value == "term"),
                _ => false,
            };
            if !allowed {
                return Err(format!("attribute `{attribute}` on <{name}> in {html:?}"));
            }
            if attribute == "href" && !(value.starts_with("#/n/") || value.starts_with("https://"))
            {
                return Err(format!("link `{value}` in {html:?}"));
            }
            if value.to_ascii_lowercase().contains("javascript:") {
                return Err(format!("`javascript:` in attribute `{attribute}` in {html:?}"));
            }
        }
    }
    check_entities(rest)
}
