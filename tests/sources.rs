//! The content against the sources in `../shared`: citations that point at real lines, coverage
//! ids that exist, and no sentence copied. A user's clone has no `../shared`; there these tests
//! say so and pass, but under CI (where it is always present) its absence is a failure.

// Reads the manifests with `toml`, a native-only dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::PathBuf;

use pijnwijzer::knowledge::render;
use pijnwijzer::knowledge::search::analyze::{fold, word_spans};

/// Runs of this many identical words count as copied.
const COPY_RUN: usize = 12;

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    if dir.join("sources").is_dir() {
        return Some(dir);
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have ../shared beside the checkout");
    eprintln!("../shared is not here: source checks skipped");
    None
}

fn words(text: &str) -> Vec<String> {
    word_spans(text).map(|(s, e)| fold(&text[s..e])).collect()
}

/// Every sequence of `COPY_RUN` words of `text`, joined.
fn runs(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.windows(COPY_RUN).map(|w| w.join(" "))
}

#[test]
fn every_citation_points_at_lines_of_its_source_file() {
    let Some(shared) = shared() else { return };
    let knowledge = pijnwijzer::embedded().unwrap();
    let mut lengths = HashMap::new();
    for node in knowledge.nodes() {
        let Some(source) = &node.source else { continue };
        let file = knowledge
            .source_file(&source.document)
            .expect("every cited document is in the vocabulary")
            .to_string();
        let length = *lengths.entry(file.clone()).or_insert_with(|| {
            fs::read_to_string(shared.join("sources").join(&file))
                .expect("source file")
                .lines()
                .count() as u32
        });
        assert!(
            source.lines.0 >= 1 && source.lines.0 <= source.lines.1 && source.lines.1 <= length,
            "{}: lines {:?} outside {file} ({length} lines)",
            node.id,
            source.lines
        );
    }
}

#[test]
fn every_covered_id_is_in_a_manifest() {
    let Some(shared) = shared() else { return };
    let mut known = HashSet::new();
    for entry in fs::read_dir(shared.join("coverage")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let table: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            known.extend(
                table["statement"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["id"].as_str().unwrap().to_string()),
            );
        }
    }
    let knowledge = pijnwijzer::embedded().unwrap();
    for node in knowledge.nodes() {
        for id in &node.covers {
            assert!(known.contains(id), "{} covers `{id}`, which no manifest lists", node.id);
        }
    }
}

/// Each manifest statement's source file and line range.
fn manifest(shared: &std::path::Path) -> HashMap<String, (String, u32, u32)> {
    let mut statements = HashMap::new();
    for entry in fs::read_dir(shared.join("coverage")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let table: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let default_file =
            table.get("source").and_then(|s| s.as_str()).unwrap_or_default().to_string();
        for statement in table["statement"].as_array().unwrap() {
            let file = statement
                .get("source")
                .and_then(|s| s.as_str())
                .map_or(default_file.clone(), str::to_string);
            let lines = statement["lines"].as_array().unwrap();
            let (first, last) =
                (lines[0].as_integer().unwrap() as u32, lines[1].as_integer().unwrap() as u32);
            statements.insert(statement["id"].as_str().unwrap().to_string(), (file, first, last));
        }
    }
    statements
}

#[test]
fn every_citation_overlaps_a_statement_it_covers() {
    let Some(shared) = shared() else { return };
    let statements = manifest(&shared);
    let knowledge = pijnwijzer::embedded().unwrap();
    let mut wrong = Vec::new();
    for node in knowledge.nodes() {
        let Some(source) = &node.source else { continue };
        let file = knowledge.source_file(&source.document).unwrap();
        let same_file: Vec<&(String, u32, u32)> = node
            .covers
            .iter()
            .filter_map(|id| statements.get(id))
            .filter(|(f, _, _)| f == file)
            .collect();
        let overlaps = same_file
            .iter()
            .any(|(_, first, last)| source.lines.0 <= *last && *first <= source.lines.1);
        if !same_file.is_empty() && !overlaps {
            wrong.push(format!(
                "{}: lines {:?} overlap none of {:?}",
                node.id, source.lines, same_file
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} citations point away from what the node restates:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Whether at least half of a run's words are numbers: a result quoted from a table ("SMD -0,02,
/// 95%-BI -0,49 tot 0,42") can only be given as the source gives it.
fn is_figures(run: &str) -> bool {
    let words: Vec<&str> = run.split(' ').collect();
    let numbers = words.iter().filter(|w| w.chars().all(|c| c.is_ascii_digit())).count();
    numbers * 2 >= words.len()
}

#[test]
fn no_node_copies_a_run_of_twelve_words_from_the_sources() {
    let Some(shared) = shared() else { return };
    let mut source_runs: HashSet<String> = HashSet::new();
    for entry in fs::read_dir(shared.join("sources")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        // Join lines broken with a hyphen so a split word reads as one.
        let text = text.replace("-\n", "");
        source_runs.extend(runs(&words(&text)));
    }
    let knowledge = pijnwijzer::embedded().unwrap();
    let mut copied = Vec::new();
    for node in knowledge.nodes() {
        for layer in &node.layers {
            let mut text = String::new();
            render::blocks_text(&layer.blocks, &mut text);
            for line in text.lines() {
                let copied_prose = |run: &String| source_runs.contains(run) && !is_figures(run);
                if let Some(run) = runs(&words(line)).find(copied_prose) {
                    copied.push(format!("{} ({}): \"{run}\"", node.id, layer.key.as_str()));
                }
            }
        }
    }
    assert!(
        copied.is_empty(),
        "{} passages repeat {COPY_RUN} or more words of a source:\n{}",
        copied.len(),
        copied.join("\n")
    );
}
