//! The content compiler refuses bad content with the file, the line and a hint.

// The content compiler is native-only.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use pijnwijzer::compile::{compile_dir, Diagnostic};

mod common;

use common::{fixture_with, FIXTURE};

/// The fixture content with `file` added.
fn content_with(test: &str, file: &str, text: &str) -> PathBuf {
    fixture_with(&format!("compiler-{test}"), file, text)
}

fn errors_for(test: &str, text: &str) -> Vec<Diagnostic> {
    let dir = content_with(test, "nieuw.md", text);
    compile_dir(&dir).expect_err("the content must be refused")
}

/// A valid node in the fixture's vocabulary, with `front` added to its front matter and `body`.
fn node(front: &str, body: &str) -> String {
    format!(
        "+++\nid = \"worel.test.nieuw\"\nkind = \"recommendation\"\ntitle = \"Nieuw\"\ncovers = [\"worel.alg.bps\"]\n{front}\n[source]\ndocument = \"worel\"\nsection = \"4\"\npage = 20\nlines = [1295, 1299]\n+++\n\n{body}\n"
    )
}

fn assert_one(errors: &[Diagnostic], line: usize, message: &str) {
    assert!(
        errors.iter().any(|e| e.file.ends_with("nieuw.md") && e.line == line && e.message.contains(message) && e.hint.is_some()),
        "expected `{message}` at nieuw.md:{line}, got {errors:#?}"
    );
}

#[test]
fn the_fixture_compiles() {
    let pack = compile_dir(Path::new(FIXTURE)).expect("fixture is valid");
    assert_eq!(pack.nodes.len(), 2);
}

#[test]
fn a_link_to_an_unknown_id_names_file_line_and_a_close_id() {
    let errors = errors_for("link", &node("", "Tekst.\n\nZie [de lijst](#worel.test.lijs)."));
    assert_one(&errors, 16, "link to unknown id `worel.test.lijs`");
    assert!(errors[0].hint.as_deref().unwrap().contains("worel.test.lijst"));
}

#[test]
fn a_duplicate_id_is_refused() {
    let text = node("", "Tekst.").replace("worel.test.nieuw", "worel.test.lijst");
    assert_one(&errors_for("duplicate", &text), 2, "duplicate id `worel.test.lijst`");
}

#[test]
fn raw_html_is_refused_in_blocks_and_inline() {
    let errors = errors_for("html", &node("", "Tekst met <b>vet</b>.\n\n<script>alert(1)</script>\n"));
    assert_one(&errors, 14, "raw HTML");
    assert_one(&errors, 16, "raw HTML");
}

#[test]
fn unknown_kind_and_invalid_grade_are_refused() {
    let text = node("strength = \"3A\"\ndirection = \"for\"", "Tekst.").replace("\"recommendation\"", "\"advies\"");
    let errors = errors_for("kind", &text);
    assert_one(&errors, 3, "unknown kind `advies`");
    assert_one(&errors, 6, "invalid GRADE code `3A`");
}

#[test]
fn a_node_without_a_source_reference_is_refused() {
    let text = "+++\nid = \"worel.test.nieuw\"\nkind = \"concept\"\ntitle = \"Nieuw\"\ncovers = [\"worel.alg.bps\"]\n+++\n\nTekst.\n";
    assert_one(&errors_for("source", text), 2, "no source reference");
}

#[test]
fn unknown_fields_layers_links_and_images_are_refused() {
    let errors = errors_for("fields", &node("strenght = \"GPP\"", "Tekst."));
    assert_one(&errors, 6, "unknown field `strenght`");
    let body = "Tekst ![figuur](a.png) en [hier](javascript:alert(1)).\n\n## Samenvatting\n\nMeer.";
    let errors = errors_for("body", &node("", body));
    assert_one(&errors, 14, "images are not allowed");
    assert_one(&errors, 14, "link `javascript:alert(1)` is not allowed");
    assert_one(&errors, 16, "`## Samenvatting` is not a layer heading");
}

#[test]
fn the_cli_check_fails_with_the_file_and_line() {
    let dir = content_with("cli", "nieuw.md", &node("", "Zie [x](#worel.test.onbekend)."));
    let output = Command::new(env!("CARGO_BIN_EXE_pijnwijzer")).args(["check", "--content"]).arg(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("nieuw.md:14: error: link to unknown id `worel.test.onbekend`"), "{stderr}");
}
