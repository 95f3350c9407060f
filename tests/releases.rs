//! Content versions: a node's digest covers its normative content and nothing else; a release file
//! records it and reads back; two versions of the fixture content give exactly the expected
//! changes, the same from two release files as from the core's `changes()`; and the real content
//! carries the releases of `releases/`.

// The content compiler is native-only.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use pijnwijzer::knowledge::history::{changes_between, Changes, FieldChange, ReleaseRef};
use pijnwijzer::knowledge::{Error, Knowledge};
use pijnwijzer::model::{Digests, Pack, Strength};
use pijnwijzer_compile::{compile_dir, read_release, read_releases, ReleaseFile};

mod common;

use common::{fixture_version, fixture_with, FIXTURE};

/// A fresh folder for `test`.
fn scratch(test: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("pijnwijzer-{}-releases-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The digests of the node `id` in the content in `dir`.
fn digests(dir: &Path, id: &str) -> Digests {
    let pack = compile_dir(dir).expect("the content compiles");
    pack.nodes.into_iter().find(|n| n.id == id).expect("the node exists").digests()
}

/// An edit of a content file's text.
type Edit = fn(&str) -> String;

const RED_FLAGS: &str = "rode-vlaggen.md";
const RED_FLAGS_ID: &str = "worel.test.rodevlaggen";

/// The digests of the red-flags node of the fixture after `edit` of its file.
fn red_flags_after(test: &str, edit: impl Fn(&str) -> String) -> Digests {
    let text = fs::read_to_string(Path::new(FIXTURE).join(RED_FLAGS)).unwrap();
    digests(&fixture_with(&format!("releases-{test}"), RED_FLAGS, &edit(&text)), RED_FLAGS_ID)
}

#[test]
fn an_edit_outside_the_normative_content_keeps_the_digest() {
    let before = digests(Path::new(FIXTURE), RED_FLAGS_ID);
    let edits: [(&str, Edit); 5] = [
        ("rationale", |t| format!("{t}\n## Onderbouwing\n\nEen studie met een tikfout.\n")),
        ("alias", |t| t.replace("actors = ", "aliases = [\"alarmsignalen\"]\nactors = ")),
        ("title", |t| t.replace("title = \"Blijf alert", "title = \"Wees alert")),
        ("rewrap", |t| t.replace("Let bij elke patiënt op", "Let bij elke\npatiënt op")),
        ("link-target", |t| t.replace("(#worel.test.lijst \"refines\")", "(#worel.test.lijst)")),
    ];
    for (test, edit) in edits {
        assert_eq!(red_flags_after(test, edit), before, "{test}");
    }
    // A moved file: the same node under another name.
    let dir = fixture_with("releases-moved", "verplaatst.md", "");
    fs::rename(dir.join(RED_FLAGS), dir.join("verplaatst.md")).unwrap();
    assert_eq!(digests(&dir, RED_FLAGS_ID), before);
}

#[test]
fn each_normative_field_changes_the_digest_and_its_own_part() {
    let before = digests(Path::new(FIXTURE), RED_FLAGS_ID);
    // Which of the text digests each edit must change: statement, cautions, lay text.
    let edits: [(&str, Edit, [bool; 3]); 7] = [
        ("strength", |t| t.replace("\"GPP\"", "\"1C\""), [false; 3]),
        ("direction", |t| t.replace("\"for\"", "\"against\""), [false; 3]),
        ("lay-title", |t| t.replace("Signalen van een andere ziekte", "Signalen"), [false; 3]),
        ("statement", |t| t.replace("Let bij elke", "Let bij iedere"), [true, false, false]),
        (
            "conditions",
            |t| {
                t.replace(
                    "## Voor patiënten",
                    "## Wanneer\n\nBij elk consult.\n\n## Voor patiënten",
                )
            },
            [true, false, false],
        ),
        (
            "cautions",
            |t| {
                t.replace(
                    "## Voor patiënten",
                    "## Voorzichtig\n\nNiet bij koorts.\n\n## Voor patiënten",
                )
            },
            [false, true, false],
        ),
        (
            "lay-text",
            |t| t.replace("Uw arts let daarop.", "Uw arts let erop."),
            [false, false, true],
        ),
    ];
    for (test, edit, texts) in edits {
        let after = red_flags_after(test, edit);
        assert_ne!(after.node, before.node, "{test}");
        let changed = [
            after.statement != before.statement,
            after.cautions != before.cautions,
            after.lay_text != before.lay_text,
        ];
        assert_eq!(changed, texts, "{test}: statement, cautions, lay text");
    }
}

#[test]
fn the_digest_is_the_same_on_every_build_and_machine() {
    // Fixed inputs give fixed digests: FNV-1a over the folded words, in a fixed layout. A change
    // of this value is a change of the digest's definition, which needs a new release format.
    assert_eq!(digests(Path::new(FIXTURE), RED_FLAGS_ID).node, "7074da4b2fe95118");
}

/// Writes the release `version` of the content in `root/content`, dated `date`, as the author
/// tool does, and returns the file.
fn release(root: &Path, version: &str, date: &str) -> PathBuf {
    let pack = compile_dir(&root.join("content")).expect("the fixture version compiles");
    let file = root.join("releases").join(format!("{version}.json"));
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let json = serde_json::to_string_pretty(&ReleaseFile::new(&pack, version, date)).unwrap();
    fs::write(&file, json).unwrap();
    file
}

/// The two fixture versions released as 2026.01.01 and 2026.02.01, with `root/content` left at v2.
fn two_releases(test: &str) -> (PathBuf, PathBuf, PathBuf) {
    let root = scratch(test);
    fixture_version(&root, "v1");
    let v1 = release(&root, "2026.01.01", "2026-01-01");
    fixture_version(&root, "v2");
    let v2 = release(&root, "2026.02.01", "2026-02-01");
    (root, v1, v2)
}

fn ids(nodes: &[pijnwijzer::knowledge::history::NodeChange]) -> Vec<&str> {
    nodes.iter().map(|n| n.id.as_str()).collect()
}

/// The changes from v1 to v2 that `tests/fixtures/versions/README.md` lists, and no others.
fn assert_expected(changes: &Changes) {
    assert_eq!(ids(&changes.added), ["worel.test.nieuw"]);
    assert_eq!(ids(&changes.removed), ["worel.test.oud"]);
    assert_eq!(ids(&changes.changed), ["worel.test.middel", "worel.test.rodevlaggen"]);
    assert_eq!(changes.changed[0].fields, [FieldChange::LayText]);
    assert_eq!(
        changes.changed[1].fields,
        [FieldChange::Strength { from: Some(Strength::Gpp), to: Some(Strength::G1C) }]
    );
    assert_eq!(changes.removed[0].title, "Een aanbeveling die vervalt");
    assert_eq!(changes.removed[0].digest, None);
    assert!(changes.added.iter().chain(&changes.changed).all(|n| n.digest.is_some()));
}

#[test]
fn two_fixture_versions_differ_by_exactly_the_expected_changes() {
    let (_, v1, v2) = two_releases("diff");
    let changes = changes_between(&read_release(&v1).unwrap(), &read_release(&v2).unwrap());
    assert_expected(&changes);
    assert_eq!(changes.since, ReleaseRef { name: "2026.01.01".into(), date: "2026-01-01".into() });
    assert_eq!(changes.until, ReleaseRef { name: "2026.02.01".into(), date: "2026-02-01".into() });
}

/// The knowledge of the content in `root/content` with the releases beside it, as the module
/// embeds them.
fn knowledge(root: &Path) -> Knowledge {
    let mut pack: Pack = compile_dir(&root.join("content")).unwrap();
    pack.set_releases(&read_releases(&root.join("releases")).unwrap());
    Knowledge::new(pack)
}

#[test]
fn a_pack_stores_only_what_each_release_changed_and_gives_every_release_back_whole() {
    let (root, _, _) = two_releases("delta");
    let releases = read_releases(&root.join("releases")).unwrap();
    for version in ["v2", "v1"] {
        fixture_version(&root, version);
        let mut pack: Pack = compile_dir(&root.join("content")).unwrap();
        pack.set_releases(&releases);
        assert_eq!(pack.releases(), releases, "content at {version}");
        let newest = &pack.history[0];
        let stored = (newest.differs.len(), newest.lacks.len());
        // At v2 the newest release is the content itself; at v1 it differs by what v2 changed.
        assert_eq!(stored, if version == "v2" { (0, 0) } else { (3, 1) }, "content at {version}");
        let pack = Pack::from_bytes(&pack.to_bytes()).unwrap();
        assert_eq!(pack.releases(), releases, "through the pack's bytes, content at {version}");
    }
}

#[test]
fn the_core_gives_the_same_changes_and_when_each_node_last_changed() {
    let (root, v1, v2) = two_releases("core");
    let k = knowledge(&root);
    let from_files = changes_between(&read_release(&v1).unwrap(), &read_release(&v2).unwrap());
    assert_eq!(k.changes("2026.01.01", Some("2026.02.01")).unwrap(), from_files);
    // The content is v2, released: its version is that release's name, and `changes` since v1
    // without an end runs to it.
    assert_eq!(k.version().content_version, "2026.02.01");
    assert_eq!(k.changes("2026.01.01", None).unwrap(), from_files);
    assert!(k.changes("2026.02.01", None).unwrap().changed.is_empty());

    let changed_in = |id: &str| k.node(id).unwrap().changed_in.map(|r| r.name);
    assert_eq!(changed_in("worel.test.rodevlaggen").as_deref(), Some("2026.02.01"));
    assert_eq!(changed_in("worel.test.nieuw").as_deref(), Some("2026.02.01"));
    assert_eq!(changed_in("worel.test.onderbouwd").as_deref(), Some("2026.01.01"));
    assert_eq!(changed_in("worel.test.lijst").as_deref(), Some("2026.01.01"));
    let node = k.node("worel.test.middel").unwrap();
    assert_eq!(Some(node.digest), from_files.changed[0].digest);

    let releases = k.releases();
    let summary: Vec<_> = releases
        .iter()
        .map(|r| (r.name.as_str(), r.previous.as_deref(), r.nodes, r.added, r.removed, r.changed))
        .collect();
    assert_eq!(
        summary,
        [("2026.02.01", Some("2026.01.01"), 5, 1, 1, 2), ("2026.01.01", None, 5, 5, 0, 0)]
    );

    match k.changes("2026.03.01", None) {
        Err(error @ Error::NotFound { .. }) => {
            assert_eq!(error.code(), "not-found");
            assert_eq!(error.suggestions(), ["2026.02.01", "2026.01.01"]);
            assert!(error.to_string().contains("unknown release `2026.03.01`"), "{error}");
        }
        other => panic!("expected not-found, got {other:?}"),
    }
}

#[test]
fn content_changed_since_the_newest_release_has_a_version_of_its_own() {
    let (root, _, _) = two_releases("unreleased");
    fixture_version(&root, "v1");
    let k = knowledge(&root);
    let version = k.version().content_version;
    assert!(
        version.starts_with("2026.02.01+") && version.len() == "2026.02.01+".len() + 8,
        "{version}"
    );
    // Back at v1: the nodes v2 changed, and the one it removed, changed since.
    let changes = k.changes("2026.02.01", None).unwrap();
    assert_eq!(ids(&changes.added), ["worel.test.oud"]);
    assert_eq!(ids(&changes.removed), ["worel.test.nieuw"]);
    assert_eq!(changes.until.name, version);
    assert_eq!(k.node("worel.test.rodevlaggen").unwrap().changed_in, None);
    assert_eq!(k.node("worel.test.oud").unwrap().changed_in, None);
    // Unchanged since v1 and not changed by v2: still from the first release.
    assert_eq!(
        k.node("worel.test.onderbouwd").unwrap().changed_in.map(|r| r.name).as_deref(),
        Some("2026.01.01")
    );
}

#[test]
fn a_release_file_records_the_plain_texts_and_reads_back() {
    let (_, v1, _) = two_releases("file");
    let file: ReleaseFile = serde_json::from_str(&fs::read_to_string(&v1).unwrap()).unwrap();
    let middel = file.nodes.iter().find(|n| n.id == "worel.test.middel").unwrap();
    assert_eq!(middel.normative.statement, "Overweeg dit middel bij aanhoudende pijn.");
    assert_eq!(middel.normative.cautions, "Voorzichtig:\nNiet bij nierfalen.");
    assert!(middel.normative.lay_text.starts_with("Dit geneesmiddel kan helpen"));
    let text = fs::read_to_string(&v1).unwrap();
    assert!(!text.contains('<'), "no HTML in a release file");
    let release = read_release(&v1).unwrap();
    assert_eq!(release.name, "2026.01.01");
    assert_eq!(release.nodes.len(), file.nodes.len());
}

#[test]
fn a_release_file_edited_by_hand_is_refused_with_its_line() {
    let (_, v1, _) = two_releases("edited");
    let text = fs::read_to_string(&v1).unwrap();
    fs::write(&v1, text.replace("Niet bij nierfalen.", "Niet bij leverfalen.")).unwrap();
    let error = read_release(&v1).expect_err("the recorded digest no longer fits");
    let line = text.lines().position(|l| l.contains("\"id\": \"worel.test.middel\"")).unwrap() + 1;
    assert_eq!(error.line, line);
    assert!(error.message.contains("the content recorded for `worel.test.middel`"), "{error}");
    assert!(error.hint.unwrap().contains("restore"));

    fs::rename(&v1, v1.with_file_name("2026.01.02.json")).unwrap();
    let error = read_release(&v1.with_file_name("2026.01.02.json")).unwrap_err();
    assert!(error.message.contains("holds release `2026.01.01`"), "{error}");
}

#[test]
fn the_module_embeds_the_releases_of_the_repository() {
    let k = pijnwijzer::embedded().unwrap();
    let releases = k.releases();
    let first = releases.last().expect("releases/ holds a release");
    assert_eq!((first.name.as_str(), first.date.as_str()), ("2026.12.05", "2026-12-05"));
    let version = k.version();
    assert!(version.content_version.starts_with(&releases[0].name), "{}", version.content_version);
    assert_eq!(version.built.len(), "2026-12-05".len());
    let node = k.node("worel.alg.rodevlaggen").unwrap();
    assert_eq!(node.digest.len(), 16);
}
