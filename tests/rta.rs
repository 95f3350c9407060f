//! The RTA Zuidoost Brabant against tables written from the source
//! (`../shared/sources/rta-zuidoost-brabant-chronische-pijn.txt`).

use pijnwijzer::knowledge::search::analyze::fold;

/// The referral matrix as read from the flattened rows of X marks (source lines 268–303): every
/// row is its eight cells, each `X ` or a single space, plus a trailing space, so the position of
/// each mark gives its column. Columns in the RTA's order.
const MATRIX: [(&str, [u8; 8]); 7] = [
    ("psychosociale", [1, 1, 1, 0, 0, 0, 0, 0]),
    ("pijndiagnose", [0, 0, 1, 1, 0, 0, 0, 0]),
    ("functiegerichte", [1, 0, 1, 0, 0, 0, 0, 0]),
    ("psychiatrische", [1, 1, 0, 0, 1, 1, 0, 0]),
    ("oudere", [0, 0, 0, 0, 0, 0, 1, 0]),
    ("multimorbiditeit", [0, 0, 0, 0, 0, 0, 1, 0]),
    ("middelen", [0, 0, 0, 0, 0, 0, 0, 1]),
];
const DISCIPLINES: [&str; 8] = [
    "paramedicus",
    "psycholoog",
    "revalidatiearts",
    "pijn",
    "orgaanspecialist",
    "psychiater",
    "geriater",
    "verslavingszorg",
];

/// A word from each escalation criterion (lines 199–210), de-escalation criterion (lines 211–219)
/// and handover item (lines 306–318), in source order.
const MOVE_UP: [&str; 4] = ["diagnose", "complex", "therapie", "hulpvraag"];
const MOVE_DOWN: [&str; 4] = ["pijndiagnose", "lagere lijn", "competenties", "hulpvraag"];
const HANDOVER: [&str; 6] =
    ["anamnese", "medicatie", "scegs", "beloop", "conclusie", "vraagstelling"];

#[test]
fn every_cell_of_the_referral_matrix_matches_the_source() {
    let matrix = pijnwijzer::embedded().unwrap().referral_matrix().unwrap();
    for (column, name) in matrix.disciplines.iter().zip(DISCIPLINES) {
        assert!(fold(column).contains(name), "column `{column}` should be {name}");
    }
    assert_eq!(matrix.rows.len(), MATRIX.len());
    for (row, (complaint, cells)) in matrix.rows.iter().zip(MATRIX) {
        assert!(
            fold(&row.complaint).contains(complaint),
            "row `{}` should be about {complaint}",
            row.complaint
        );
        assert_eq!(row.cells, cells.map(|c| c == 1), "{}", row.complaint);
    }
}

fn assert_in_order(items: &[String], words: &[&str], what: &str) {
    assert_eq!(items.len(), words.len(), "{what}: {items:#?}");
    for (item, word) in items.iter().zip(words) {
        assert!(fold(item).contains(word), "{what}: `{item}` should mention {word}");
    }
}

#[test]
fn the_escalation_de_escalation_and_handover_items_match_the_source() {
    let knowledge = pijnwijzer::embedded().unwrap();
    let stepping = knowledge.node("rta.stepping").unwrap();
    let items = |key: &str| -> Vec<String> {
        let layer = stepping
            .layers
            .iter()
            .find(|l| l.key.as_str() == key)
            .unwrap_or_else(|| panic!("rta.stepping has no {key} layer"));
        layer.text.lines().filter_map(|line| line.strip_prefix("- ")).map(str::to_string).collect()
    };
    assert_in_order(&items("move_up"), &MOVE_UP, "opschalen");
    assert_in_order(&items("move_down"), &MOVE_DOWN, "afschalen");
    let handover: Vec<String> = knowledge
        .checklist("rta.referral.handover")
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.text)
        .collect();
    assert_in_order(&handover, &HANDOVER, "overdracht");
}
