//! A search rule that is about the real content by nature, checked end to end through the public
//! API (`Knowledge::search`): what an opioid tapering question returns depends on which nodes of
//! the guidance say that it gives no tapering schedule.
//!
//! The engine's own rules (Dutch text analysis, synonyms, typo tolerance, completion, ranking,
//! filters, snippets, empty answers) are checked on small synthetic packs in
//! `crates/knowledge/tests/search_rules.rs`, so an edit of `content/` cannot break them;
//! `tests/relevance.rs` measures the overall ranking on the real content.

use std::sync::OnceLock;

use pijnwijzer::knowledge::search::layer_text;
use pijnwijzer::knowledge::view::Hit;
use pijnwijzer::knowledge::{Knowledge, SearchOptions};
use pijnwijzer::model::{LayerKey, Node};

fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| pijnwijzer::embedded().expect("the embedded pack loads"))
}

fn hits(query: &str) -> Vec<Hit<'static>> {
    knowledge().search(query, &SearchOptions::default()).expect("the search answers")
}

fn ids(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| h.node.id.clone()).collect()
}

fn node(id: &str) -> &'static Node {
    knowledge().raw_node(id).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// An opioid tapering question returns the nodes that say the guidance gives no tapering
/// schedule (the answers of `tests/relevance/questions.toml`, voice `not-addressed`), the first
/// of them saying so in its "Niet in de bron" layer.
#[test]
fn opioid_tapering_returns_the_node_that_says_it_is_not_addressed() {
    for (query, answers) in [
        ("opioïden afbouwen", ["worel.med.opioiden", "worel.med.opstart.stop"]),
        ("afbouwschema tramadol", ["worel.med.opioiden.tramadol", "worel.med.opioiden"]),
    ] {
        let top: Vec<String> = ids(&hits(query)).into_iter().take(2).collect();
        let mut expected = answers.map(String::from).to_vec();
        expected.sort();
        let mut got = top.clone();
        got.sort();
        assert_eq!(got, expected, "{query:?}: {top:?}");
        let says_not_covered = node(&top[0])
            .layers
            .iter()
            .any(|l| l.key == LayerKey::NotCovered && layer_text(l).contains("afbouwschema"));
        assert!(says_not_covered, "{query:?}: {} says it gives no tapering schedule", top[0]);
    }
}
