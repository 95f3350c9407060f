//! Search relevance on fixed sets of questions (`tests/relevance/*.toml`).
//!
//! Each question is written from the sources in one voice (terse clinician, lay patient, educator,
//! typos, missing diacritics, brand names, English terms, or something the guidance does not
//! address) and lists the node ids that truly answer it, best first. For every question we run the
//! real search (top 10) and compute:
//!
//! - the reciprocal rank (RR) of the first hit that is an answer (0 if none in the top 10);
//! - recall@5: 1 if any answer is in the top 5.
//!
//! A question with `answers = []` asks about something no node addresses: it scores 1 on both only
//! when the search returns nothing. The questions come in two halves (issue #15), and each file
//! says which it belongs to (`half = "tuning"` or `"held-out"`): the tuning half
//! (`questions.toml`, written while the ranking was tuned, `tuning.toml`, `tuning-added.toml`,
//! `tuning-situations.toml`, `tuning-red-flags.toml` and `tuning-topics.toml`, written later from
//! the sources) and the held-out half (`heldout.toml`), split once with a fixed seed by
//! `split.py` from questions written afterwards from the sources. Ranking decisions look at the
//! tuning half only: the test prints the tuning questions not answered at rank 1, then MRR and
//! recall@5 per half and voice (`cargo test --release --test relevance -- --nocapture`). The floors
//! guard against regressions (on 2026-12-05: held-out MRR 0.724 and recall@5 0.804 before issue
//! #15's work, 0.758 and 0.850 after its first part, 0.813 and 0.869 after its ranking rules, 0.826
//! and 0.869 after a second and third patient question on most nodes, 0.839 and 0.869 with the
//! lift of the listed question holding most of the query, 0.850 and 0.879 with a third question on
//! more nodes, 0.855 and 0.879 with a third question on most of the rest, 0.857 and 0.888 on
//! 2026-12-06, 0.866 and 0.897 once a question with a word the content lacks and no node holding
//! much of it found nothing). The tuning floor fell from 0.90 / 0.97 to 0.84 / 0.92 when
//! `tuning-added.toml` brought 30 harder not-addressed questions, made of words the content does
//! use, and to 0.78 / 0.86 when `tuning-situations.toml` brought 50 patient questions that describe
//! a situation instead of naming a topic (MRR 0.376 on those when they came). `tuning-red-flags.toml`
//! brought 40 warning signs of serious disease in a patient's words (MRR 0.377 and recall@5 0.450
//! on those when they came): the tuning half's MRR fell from 0.893 to 0.843. `tuning-topics.toml`
//! brought 50 patient questions spread over every topic of the sources, 15 educator and 15
//! not-addressed ones (MRR 0.567 and recall@5 0.700 on the patient ones when they came): the tuning
//! half's MRR fell from 0.856 to 0.822. On 2026-12-08, 80 more questions written from the sources
//! by someone who saw neither the engine nor the held-out half (55 patient, 12 educator, 13
//! not-addressed) were split by `split.py`, unread, 41 into the held-out half and 39 into
//! `tuning.toml`: the held-out MRR fell from 0.858 to 0.757 and recall@5 from 0.888 to 0.797
//! (patient 0.780 to 0.665), and its floor from 0.85 / 0.87 to 0.74 / 0.78. Questions written
//! afresh score far below the older ones, held-out or not. The targets and the comparison with
//! other engines are in BENCHMARKS.md.

// Reads its questions with `toml`, a native-only dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use pijnwijzer::knowledge::SearchOptions;
use serde::Deserialize;

/// Per half: the MRR and recall@5 below which the test fails (a regression guard; the targets
/// of issue #15 are reported in BENCHMARKS.md).
const FLOORS: &[(&str, f64, f64)] = &[("tuning", 0.78, 0.86), ("held-out", 0.74, 0.78)];

/// One question file: the half it belongs to (`half = "tuning"` or `"held-out"`) and its questions.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    half: String,
    question: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    query: String,
    voice: String,
    answers: Vec<String>,
    audience: Option<String>,
}

const VOICES: &[&str] = &[
    "clinician",
    "patient",
    "educator",
    "typo",
    "no-diacritics",
    "brand",
    "english",
    "not-addressed",
    "red-flag",
];

/// The two halves: the tuning half is what ranking decisions may look at; the held-out half
/// (split once by `tests/relevance/split.py`) is the headline.
const HALVES: &[&str] = &["tuning", "held-out"];

/// A question with the half of the set it belongs to.
struct Asked {
    question: Question,
    half: &'static str,
}

/// Every question of every `tests/relevance/*.toml` file, with the half its file declares.
fn questions() -> Vec<Asked> {
    let dir = format!("{}/tests/relevance", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for file in files {
        let path = file.display();
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {path}: {e}"));
        let set: Set = toml::from_str(&text).unwrap_or_else(|e| panic!("parse {path}: {e}"));
        let half =
            HALVES.iter().copied().find(|&h| h == set.half).unwrap_or_else(|| {
                panic!("{path}: `half = {:?}` is neither of {HALVES:?}", set.half)
            });
        all.extend(set.question.into_iter().map(|question| Asked { question, half }));
    }
    all
}

/// (sum of reciprocal ranks, sum of recall@5, count)
type Totals = (f64, f64, usize);

/// Adds one question's reciprocal rank and recall@5 to its half's `all` row and its voice's row.
fn count<'a>(
    totals: &mut BTreeMap<(&'a str, &'a str), Totals>,
    half: &'a str,
    voice: &'a str,
    rr: f64,
    recall5: f64,
) {
    for key in [(half, "all"), (half, voice)] {
        let t = totals.entry(key).or_default();
        t.0 += rr;
        t.1 += recall5;
        t.2 += 1;
    }
}

/// Prints MRR and recall@5 per half and voice.
fn print_totals(totals: &BTreeMap<(&str, &str), Totals>) {
    for ((half, voice), (rr, r5, n)) in totals {
        println!(
            "{:<9} {:<14} {:>4} {:>6.3} {:>9.3}",
            half,
            voice,
            n,
            rr / *n as f64,
            r5 / *n as f64
        );
    }
}

#[test]
fn relevance() {
    let asked = questions();
    let knowledge = pijnwijzer::embedded().expect("embedded pack");

    for Asked { question: q, .. } in &asked {
        assert!(
            VOICES.contains(&q.voice.as_str()),
            "unknown voice {:?} for {:?}",
            q.voice,
            q.query
        );
        for id in &q.answers {
            assert!(knowledge.raw_node(id).is_ok(), "unknown answer id {id:?} for {:?}", q.query);
        }
    }

    // (half, voice) -> totals
    let mut totals: BTreeMap<(&str, &str), Totals> = BTreeMap::new();
    println!("\n{:<45} {:<9} {:<14} {:>5}  top 3", "query", "half", "voice", "rank");
    for Asked { question: q, half } in &asked {
        let options =
            SearchOptions { limit: Some(10), audience: q.audience.clone(), ..Default::default() };
        let hits = knowledge.search(&q.query, &options).expect("search");
        let ids: Vec<&str> = hits.iter().map(|h| h.node.id.as_str()).collect();
        let rank = ids.iter().position(|id| q.answers.iter().any(|a| a == id)).map(|i| i + 1);
        let (rr, recall5) = scores(&ids, &q.answers);
        // Only the tuning half's misses are printed: the held-out questions must not be read
        // while tuning, so their failures stay out of sight (their figures are enough).
        if rr < 1.0 && *half == "tuning" {
            let shown = match (q.answers.is_empty(), rank) {
                (true, _) => "hits".to_string(),
                (false, Some(r)) => r.to_string(),
                (false, None) => "miss".to_string(),
            };
            println!(
                "{:<45} {:<9} {:<14} {:>5}  {}",
                q.query,
                half,
                q.voice,
                shown,
                ids.iter().take(3).copied().collect::<Vec<_>>().join(", ")
            );
        }
        count(&mut totals, half, &q.voice, rr, recall5);
    }

    println!("\n{:<9} {:<14} {:>4} {:>6} {:>9}", "half", "voice", "n", "MRR", "recall@5");
    print_totals(&totals);
    // The site searches with `prefix: true` while a patient types, so the last word may also
    // match as its completions: the same questions in that mode, printed, not asserted.
    let mut prefixed: BTreeMap<(&str, &str), Totals> = BTreeMap::new();
    for Asked { question: q, half } in &asked {
        let options = SearchOptions {
            limit: Some(10),
            audience: q.audience.clone(),
            prefix: Some(true),
            ..Default::default()
        };
        let hits = knowledge.search(&q.query, &options).expect("search");
        let ids: Vec<&str> = hits.iter().map(|h| h.node.id.as_str()).collect();
        let (rr, recall5) = scores(&ids, &q.answers);
        count(&mut prefixed, half, &q.voice, rr, recall5);
    }
    println!("\nwith prefix (the last word may be completed):");
    print_totals(&prefixed);

    for (half, floor_mrr, floor_recall5) in FLOORS {
        let (rr, r5, n) = totals[&(*half, "all")];
        let (mrr, recall5) = (rr / n as f64, r5 / n as f64);
        assert!(mrr >= *floor_mrr, "{half}: MRR {mrr:.3} fell below {floor_mrr}");
        assert!(
            recall5 >= *floor_recall5,
            "{half}: recall@5 {recall5:.3} fell below {floor_recall5}"
        );
    }
}

/// The reciprocal rank and recall@5 of the hits `ids` for a question answered by `answers`; a
/// question with no answers scores 1 on both only when nothing is found.
fn scores(ids: &[&str], answers: &[String]) -> (f64, f64) {
    if answers.is_empty() {
        let ok = f64::from(u8::from(ids.is_empty()));
        return (ok, ok);
    }
    let rank = ids.iter().position(|id| answers.iter().any(|a| a == id)).map(|i| i + 1);
    (rank.map_or(0.0, |r| 1.0 / r as f64), f64::from(u8::from(rank.is_some_and(|r| r <= 5))))
}
