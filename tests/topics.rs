//! The links across the three documents: every comparison topic the guidance needs, with the
//! nodes of each document that addresses it, linked to each other.

use pijnwijzer::model::{Agreement, EdgeType, Kind};

/// The shared topics (issue 5), by id.
const TOPICS: [&str; 15] = [
    "topic.definitie-chronische-pijn",
    "topic.stepped-care",
    "topic.verwijscriteria",
    "topic.pijneducatie",
    "topic.terughoudendheid-medicatie",
    "topic.zorgcoordinatie",
    "topic.mdo-en-team",
    "topic.biopsychosociale-inventarisatie",
    "topic.doelen-en-gedeelde-besluitvorming",
    "topic.zelfmanagement",
    "topic.rode-en-andere-vlaggen",
    "topic.bewegen",
    "topic.psychologische-behandeling",
    "topic.arbeid",
    "topic.follow-up-na-verwijzing",
];

#[test]
fn every_topic_has_each_addressing_document_with_linked_nodes() {
    let knowledge = pijnwijzer::embedded().unwrap();
    println!("{:<42} documents that address it", "topic");
    for id in TOPICS {
        let topic = knowledge.raw_node(id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(topic.kind, Kind::Topic);
        let comparison = knowledge.compare(id).unwrap();
        let addressing: Vec<_> = comparison
            .documents
            .iter()
            .filter(|d| d.agreement != Agreement::NotAddressed)
            .collect();
        println!(
            "{id:<42} {}",
            addressing
                .iter()
                .map(|d| format!("{} ({})", d.document, d.agreement.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert!(addressing.len() >= 2, "{id} compares at least two documents");
        for main in ["worel", "zorgstandaard", "rta"] {
            assert!(
                comparison.documents.iter().any(|d| d.document == main),
                "{id} says where {main} stands"
            );
        }
        for position in &addressing {
            assert!(
                !position.nodes.is_empty() && !position.point.is_empty(),
                "{id}: {} names its nodes and its point",
                position.document
            );
            let document = knowledge
                .raw_node(&position.nodes[0].id)
                .unwrap()
                .source
                .as_ref()
                .unwrap()
                .document
                .clone();
            assert_eq!(document, position.document, "{id}: nodes under their own document");
        }
        // Nodes of different documents on the topic are linked to each other.
        let (first, second) = (&addressing[0].nodes[0].id, &addressing[1].nodes[0].id);
        let linked = knowledge.raw_node(first).unwrap().links.iter().any(|l| {
            &l.target == second && matches!(l.edge, EdgeType::SameTopic | EdgeType::DiffersFrom)
        });
        assert!(linked, "{id}: {first} links to {second}");
    }
}
