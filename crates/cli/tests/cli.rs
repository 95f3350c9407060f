//! The author tool as authors run it: `check` names file and line, and reports lay texts whose
//! review stamp is missing or stale; `stamp` writes stamps that `check` then accepts.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The small valid content of the compiler's tests, copied into a fresh folder named after `test`,
/// with `nieuw.md` holding `text`.
fn content_with(test: &str, text: &str) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/content");
    let dir = std::env::temp_dir().join(format!("pijnwijzer-cli-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for entry in fs::read_dir(&fixture).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    fs::write(dir.join("nieuw.md"), text).unwrap();
    dir
}

/// A valid node in the fixture's vocabulary, with `front` added to its front matter and `body`
/// (and a `lay_title` when `body` has a lay text).
fn node(front: &str, body: &str) -> String {
    // A node with a lay text has a lay title, on the line after `title`.
    let lay_title =
        if body.contains("## Voor patiënten") { "lay_title = \"Nieuw\"\n" } else { "" };
    format!(
        "+++\nid = \"worel.test.nieuw\"\nkind = \"recommendation\"\ntitle = \"Nieuw\"\n{lay_title}covers = [\"worel.alg.bps\"]\n{front}\n[source]\ndocument = \"worel\"\nsection = \"4\"\npage = 20\nlines = [1295, 1299]\n+++\n\n{body}\n"
    )
}

#[test]
fn the_cli_check_fails_with_the_file_and_line() {
    let dir = content_with("cli", &node("", "Zie [x](#worel.test.onbekend)."));
    let output = Command::new(env!("CARGO_BIN_EXE_pijnwijzer"))
        .args(["check", "--content"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("nieuw.md:14: error: link to unknown id `worel.test.onbekend`"),
        "{stderr}"
    );
}

/// 2000 numbered lines, a stand-in for WOREL's source text.
fn source_lines() -> Vec<String> {
    (1..=2000).map(|n| format!("regel {n}")).collect()
}

/// Content in `dir` with a folder of source texts beside it, for `check` and `stamp`.
struct Reviewed {
    dir: PathBuf,
    sources: PathBuf,
}

impl Reviewed {
    fn new(dir: &Path) -> Reviewed {
        let sources = dir.join("bronnen");
        fs::create_dir_all(&sources).unwrap();
        Reviewed { dir: dir.to_path_buf(), sources }
    }

    /// Writes `lines` as WOREL's source text.
    fn write_source(&self, lines: &[String]) {
        fs::write(self.sources.join("worel-chronische-primaire-pijn.txt"), lines.join("\n"))
            .unwrap();
    }

    /// Changes line `index` (0-based) of the source and asserts that `check` then finds the stamp
    /// of `worel.test.nieuw`, made on 2026-01-02, stale for its source lines; returns the output.
    fn change_source_line(&self, lines: &mut [String], index: usize) -> String {
        lines[index] = "regel die nu anders luidt".to_string();
        self.write_source(lines);
        let (code, out) = self.run(&["check"]);
        assert_eq!(code, Some(1), "{out}");
        assert!(
            out.contains(
                "the source lines `worel.test.nieuw` cites changed since its review of 2026-01-02"
            ),
            "{out}"
        );
        out
    }

    /// Runs the author tool with `args` on the content and the sources: its exit code and output.
    fn run(&self, args: &[&str]) -> (Option<i32>, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_pijnwijzer"))
            .args(args)
            .arg("--content")
            .arg(&self.dir)
            .arg("--sources")
            .arg(&self.sources)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8(output.stdout).unwrap() + &String::from_utf8(output.stderr).unwrap(),
        )
    }
}

/// `check --sources` reports a lay text without a stamp, and one whose text or cited source lines
/// changed after it was stamped; `stamp` writes a stamp that `check` then accepts.
#[test]
fn review_stamps_go_stale_when_the_lay_text_or_the_cited_lines_change() {
    let dir =
        content_with("review", &node("", "Tekst.\n\n## Voor patiënten\n\nKort en duidelijk."));
    let reviewed = Reviewed::new(&dir);
    let run = |args: &[&str]| reviewed.run(args);
    let mut lines = source_lines();
    reviewed.write_source(&lines);
    let (code, out) = run(&["check"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("the lay text of `worel.test.nieuw` has no review stamp"), "{out}");
    assert!(out.contains("the lay text of `worel.test.rodevlaggen` has no review stamp"), "{out}");

    let (code, out) =
        run(&["stamp", "worel.test.nieuw", "worel.test.rodevlaggen", "--on", "2026-01-02"]);
    assert_eq!(code, Some(0), "{out}");
    let written = fs::read_to_string(dir.join("nieuw.md")).unwrap();
    assert!(written.contains("lay_checked = { on = \"2026-01-02\", lay = \""), "{written}");
    assert!(
        written.find("lay_checked").unwrap() < written.find("[source]").unwrap(),
        "the stamp is a top-level key: {written}"
    );
    let (code, out) = run(&["check"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("ok: all 2 lay texts carry a current review stamp"), "{out}");

    // Rewrapping changes nothing; another word makes the stamp stale.
    fs::write(dir.join("nieuw.md"), written.replace("Kort en duidelijk.", "Kort\nen duidelijk."))
        .unwrap();
    assert_eq!(run(&["check"]).0, Some(0));
    fs::write(
        dir.join("nieuw.md"),
        written.replace("Kort en duidelijk.", "Kort en heel duidelijk."),
    )
    .unwrap();
    let (code, out) = run(&["check"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains(
            "nieuw.md:7: the lay title, questions or text of `worel.test.nieuw` changed since its review of 2026-01-02"
        ),
        "{out}"
    );
    // The review covers the lay title and the questions too: both are what a patient reads.
    for edit in ["lay_title = \"Anders\"", "lay_title = \"Nieuw\"\nquestions = [\"Wat is nieuw?\"]"]
    {
        fs::write(dir.join("nieuw.md"), written.replace("lay_title = \"Nieuw\"", edit)).unwrap();
        let (code, out) = run(&["check"]);
        assert_eq!(code, Some(1), "{edit}: {out}");
        assert!(
            out.contains(
                "the lay title, questions or text of `worel.test.nieuw` changed since its review"
            ),
            "{edit}: {out}"
        );
    }

    // A changed line in the cited range (1295–1299) makes the other kind of stale stamp.
    fs::write(dir.join("nieuw.md"), &written).unwrap();
    let out = reviewed.change_source_line(&mut lines, 1296);
    assert!(!out.contains("worel.test.rodevlaggen` cites changed"), "{out}");
}

/// A stamp watches the lines in `[source] also` as it watches `lines`: a change there makes it
/// stale too, and a range past the end of the source is named with the fix.
#[test]
fn review_stamps_go_stale_when_a_supporting_line_changes() {
    let text = node("", "Tekst.\n\n## Voor patiënten\n\nKort en duidelijk.")
        .replace("lines = [1295, 1299]", "lines = [1295, 1299]\nalso = [[1500, 1502]]");
    let dir = content_with("also", &text);
    let reviewed = Reviewed::new(&dir);
    let run = |args: &[&str]| reviewed.run(args);
    let mut lines = source_lines();
    reviewed.write_source(&lines);
    let (code, out) =
        run(&["stamp", "worel.test.nieuw", "worel.test.rodevlaggen", "--on", "2026-01-02"]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(run(&["check"]).0, Some(0));

    reviewed.change_source_line(&mut lines, 1500);

    // A range the source does not have is an error of the content, not a stale stamp (exit 2).
    reviewed.write_source(&lines[..1501]);
    let (code, out) = run(&["check"]);
    assert_eq!(code, Some(2));
    assert!(
        out.contains("`worel.test.nieuw` cites lines 1500–1502 of")
            && out.contains("which has 1501 lines; correct `lines` or `also` in its [source]"),
        "{out}"
    );
}

/// A fresh folder for `test` with `content/` at the fixture version `version` (`v1` or `v2`, see
/// tests/fixtures/versions/README.md); its releases go to `releases/` beside it.
fn at_version(root: &Path, version: &str) -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let content = root.join("content");
    let _ = fs::remove_dir_all(&content);
    fs::create_dir_all(&content).unwrap();
    for folder in [fixtures.join("content"), fixtures.join("versions").join(version)] {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, content.join(path.file_name().unwrap())).unwrap();
        }
    }
    content
}

/// Runs the author tool on the content in `root`: exit code, stdout, stderr.
fn run_in(root: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_pijnwijzer"))
        .args(args)
        .arg("--content")
        .arg(root.join("content"))
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// `release` records each fixture version in releases/, refuses to overwrite one, and `diff`
/// lists exactly what changed between them, in words and as JSON.
#[test]
fn release_records_a_version_once_and_diff_says_what_changed() {
    let root = std::env::temp_dir().join(format!("pijnwijzer-cli-{}-release", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    at_version(&root, "v1");
    let (code, out, err) = run_in(&root, &["release", "2026.01.01", "--on", "2026-01-01"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("released 2026.01.01 of 2026-01-01"), "{out}");
    assert!(out.contains("5 nodes (the first release)"), "{out}");
    let v1 = root.join("releases/2026.01.01.json");
    let written = fs::read_to_string(&v1).unwrap();
    assert!(written.contains("\"version\": \"2026.01.01\""), "{written}");

    at_version(&root, "v2");
    let (code, out, err) = run_in(&root, &["release", "2026.02.01", "--on", "2026-02-01"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("since 2026.01.01: 1 added, 1 removed, 2 changed"), "{out}");

    // A release is never rewritten: the file stays as it was, and the error names it and the fix.
    let (code, _, err) = run_in(&root, &["release", "2026.01.01"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("2026.01.01.json exists"), "{err}");
    assert!(err.contains("never rewritten") && err.contains("YYYY.MM.DD.2"), "{err}");
    assert_eq!(fs::read_to_string(&v1).unwrap(), written);
    let (code, _, err) = run_in(&root, &["release", "v3"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("`v3` is not a release name: use the day as YYYY.MM.DD"), "{err}");

    let (code, out, err) = run_in(&root, &["diff", "2026.01.01", "2026.02.01"]);
    assert_eq!(code, Some(0), "{err}");
    let expected = "\
2026.01.01 (2026-01-01) → 2026.02.01 (2026-02-01): 1 added, 1 removed, 2 changed
added    worel.test.nieuw  Een nieuwe aanbeveling
removed  worel.test.oud  Een aanbeveling die vervalt
changed  worel.test.middel  Testmiddel
           lay text
changed  worel.test.rodevlaggen  Blijf alert op rode vlaggen
           strength: GPP → 1C
";
    assert_eq!(out, expected);

    // A release named by its file's path is the same release; --json is what changes() returns.
    let path = v1.to_string_lossy().to_string();
    let (code, out, err) = run_in(&root, &["diff", &path, "2026.02.01", "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids = |list: &str| -> Vec<String> {
        json[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("added"), ["worel.test.nieuw"]);
    assert_eq!(ids("removed"), ["worel.test.oud"]);
    assert_eq!(ids("changed"), ["worel.test.middel", "worel.test.rodevlaggen"]);
    assert_eq!(
        json["changed"][1]["fields"],
        serde_json::json!([{ "field": "strength", "from": "GPP", "to": "1C" }])
    );
    assert_eq!(json["changed"][0]["fields"], serde_json::json!([{ "field": "layText" }]));
    assert_eq!(json["since"], serde_json::json!({ "name": "2026.01.01", "date": "2026-01-01" }));

    let (code, _, err) = run_in(&root, &["diff", "2026.01.01", "2026.03.01"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("no release `2026.03.01`") && err.contains("2026.02.01, 2026.01.01"),
        "{err}"
    );
}

/// Output to a reader that has gone (`pijnwijzer export --json | head`) ends the tool quietly and
/// with success, as Unix tools do, rather than with a panic.
#[test]
fn output_to_a_closed_pipe_ends_quietly() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/content");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pijnwijzer"))
        .args(["export", "--json", "--content"])
        .arg(&fixture)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes before the tool, which compiles the content first, writes.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `export --embeds DIR` writes one file per lay text, `lay/ID.json`, and one per checklist,
/// `checklist/ID.json`, each holding exactly what the module's `lay(ID)` or `checklist(ID)` returns
/// (what `<pijn-uitleg>` and `<pijn-checklist>` show without the module); nothing for a node without
/// one, and no file left over from an earlier export.
#[test]
fn export_embeds_writes_each_lay_explanation_and_checklist_as_the_module_returns_them() {
    let list = node("", "Neem mee:\n\n- [ ] de medicatie;\n- [ ] de klachten.\n\n## Voor patiënten\n\nKort en duidelijk.")
        .replace("kind = \"recommendation\"", "kind = \"checklist\"");
    let dir = content_with("export-embeds", &list);
    let out = std::env::temp_dir().join(format!("pijnwijzer-cli-{}-embeds", std::process::id()));
    let _ = fs::remove_dir_all(&out);
    // A file of a node an earlier export had and the content no longer has.
    fs::create_dir_all(out.join("lay")).unwrap();
    fs::write(out.join("lay/worel.test.weg.json"), "{}").unwrap();
    let export = |forms: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_pijnwijzer"))
            .arg("export")
            .args(forms)
            .arg(&out)
            .arg("--content")
            .arg(&dir)
            .output()
            .unwrap();
        let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
        (output.status.code(), text(output.stdout), text(output.stderr))
    };
    let (code, stdout, stderr) = export(&["--embeds"]);
    assert_eq!(code, Some(0), "{stderr}");

    let pack = pijnwijzer_compile::compile_dir(&dir).expect("the fixture compiles");
    let knowledge = pijnwijzer_knowledge::Knowledge::new(pack);
    let ids = |has: &dyn Fn(&str) -> bool| -> Vec<String> {
        knowledge.nodes().iter().map(|node| node.id.clone()).filter(|id| has(id)).collect()
    };
    let with_lay = ids(&|id| knowledge.lay(id).is_ok());
    let checklists = ids(&|id| knowledge.checklist(id).is_ok());
    assert!(with_lay.contains(&"worel.test.nieuw".to_string()));
    assert!(with_lay.len() < knowledge.nodes().len(), "the fixture has nodes without a lay text");
    assert_eq!(checklists, ["worel.test.nieuw"], "the fixture's one checklist");
    assert_eq!(
        stdout.trim(),
        format!(
            "wrote {} lay explanations to {} and 1 checklists to {}",
            with_lay.len(),
            out.join("lay").display(),
            out.join("checklist").display()
        )
    );

    // Per folder, each id with what the module returns for it.
    let folders = [
        (
            "lay",
            with_lay
                .iter()
                .map(|id| (id, serde_json::to_value(knowledge.lay(id).unwrap()).unwrap()))
                .collect::<Vec<_>>(),
        ),
        (
            "checklist",
            checklists
                .iter()
                .map(|id| (id, serde_json::to_value(knowledge.checklist(id).unwrap()).unwrap()))
                .collect(),
        ),
    ];
    for (folder, module) in folders {
        let mut files: Vec<String> = fs::read_dir(out.join(folder))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        files.sort();
        let mut expected: Vec<String> = module.iter().map(|(id, _)| format!("{id}.json")).collect();
        expected.sort();
        assert_eq!(files, expected, "{folder}");
        for (id, returned) in module {
            let file = out.join(folder).join(format!("{id}.json"));
            let written: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
            assert_eq!(written, returned, "{folder}/{id}");
        }
    }

    let (code, _, stderr) = export(&["--json", "--embeds"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("export needs one of --json, --fhir, --embeds DIR or --search DIR"),
        "{stderr}"
    );
}

/// `export --search DIR` writes the search as files (`index.bin`, the chunks, a file per node),
/// exactly those of the core's `search_files()`, and nothing an earlier export left there.
#[test]
fn export_search_writes_the_search_files_of_the_core() {
    let dir = content_with("export-search", &node("", "Bewegen helpt bij pijn."));
    let out = std::env::temp_dir().join(format!("pijnwijzer-cli-{}-search", std::process::id()));
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("node-999.bin"), "left from an earlier export").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_pijnwijzer"))
        .args(["export", "--search"])
        .arg(&out)
        .arg("--content")
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");

    let pack = pijnwijzer_compile::compile_dir(&dir).expect("the fixture compiles");
    let files = pijnwijzer_knowledge::Knowledge::new(pack).search_files().files;
    let mut written: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    let mut expected: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    expected.sort();
    assert_eq!(written, expected);
    assert!(
        expected.contains(&"index.bin".to_string()) && expected.contains(&"node-0.bin".to_string())
    );
    for (name, bytes) in &files {
        assert_eq!(&fs::read(out.join(name)).unwrap(), bytes, "{name}");
    }
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with(&format!("wrote the search as {} files", files.len())), "{stdout}");
}
