//! The Bundle of the real content (`content/`, compiled afresh): one resource per computable
//! node, the ratings where the source grades, and the errors that name what failed. The
//! validation against the FHIR R4B definitions is `tests/fhir/validate.py` (a FHIR library).

use std::path::Path;

use pijnwijzer_fhir::{bundle, Options};
use pijnwijzer_knowledge::Knowledge;
use pijnwijzer_model::{Kind, Pack};
use serde_json::Value;

fn pack() -> Pack {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    pijnwijzer_compile::compile_dir(&content).expect("the content compiles")
}

fn export(knowledge: &Knowledge) -> Value {
    let options = Options { base: Some("https://example.org/fhir/".into()), date: None };
    let bundle = bundle(knowledge, &options, "2026-12-05").expect("the content exports");
    let json: Value = serde_json::from_str(bundle.json()).expect("the Bundle is JSON");
    assert_eq!(json["entry"].as_array().map(Vec::len), Some(bundle.entries()));
    json
}

fn resources<'a>(bundle: &'a Value, resource_type: &str) -> Vec<&'a Value> {
    let entries = bundle["entry"].as_array().expect("entries");
    entries.iter().map(|e| &e["resource"]).filter(|r| r["resourceType"] == resource_type).collect()
}

#[test]
fn every_computable_node_has_its_resource_and_every_document_its_composition_and_citation() {
    let knowledge = Knowledge::new(pack());
    let bundle = export(&knowledge);
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let count = |kind: Kind| knowledge.nodes().iter().filter(|n| n.kind == kind).count();
    let graded_others = knowledge
        .nodes()
        .iter()
        .filter(|n| {
            n.strength.is_some() && !matches!(n.kind, Kind::Recommendation | Kind::Medication)
        })
        .count();
    let documents = knowledge.version().documents.len();
    assert_eq!(
        resources(&bundle, "PlanDefinition").len(),
        count(Kind::Recommendation) + count(Kind::Medication) + graded_others + 1,
        "a PlanDefinition per recommendation, medication and graded node, and the referral matrix"
    );
    assert_eq!(resources(&bundle, "ActivityDefinition").len(), count(Kind::Medication));
    assert_eq!(resources(&bundle, "Questionnaire").len(), count(Kind::Checklist));
    assert_eq!(resources(&bundle, "Citation").len(), documents);
    assert_eq!(resources(&bundle, "Composition").len(), documents + 1, "and the comparisons");
    for entry in bundle["entry"].as_array().unwrap() {
        let resource = &entry["resource"];
        let url = format!(
            "https://example.org/fhir/{}/{}",
            resource["resourceType"].as_str().unwrap(),
            resource["id"].as_str().unwrap()
        );
        assert_eq!(entry["fullUrl"], url.as_str());
        assert_eq!(resource["date"], "2026-12-05", "{url}: today, as the caller gave it");
    }
}

#[test]
fn a_graded_drug_carries_its_grade_and_its_names() {
    let bundle = export(&Knowledge::new(pack()));
    let plan = resources(&bundle, "PlanDefinition")
        .into_iter()
        .find(|r| r["id"] == "worel.med.pregabaline")
        .expect("pregabaline's PlanDefinition");
    let codes: Vec<&str> = plan["action"][0]["extension"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["valueCodeableConcept"]["coding"][0]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["weak", "moderate", "for"], "2B for");
    assert_eq!(plan["jurisdiction"][0]["coding"][0]["code"], "BE");
    let drug = resources(&bundle, "ActivityDefinition")
        .into_iter()
        .find(|r| r["id"] == "worel.med.pregabaline")
        .expect("pregabaline's ActivityDefinition");
    let names: Vec<&str> =
        drug["topic"].as_array().unwrap().iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(names, ["Pregabaline", "Lyrica"]);
    assert_eq!(plan["action"][0]["definitionCanonical"], drug["url"]);
}

#[test]
fn two_nodes_with_the_same_fhir_id_are_named() {
    let mut pack = pack();
    let original = pack.nodes.iter().find(|n| n.id.contains('_')).expect("an id with `_`").clone();
    let mut twin = original.clone();
    twin.id = original.id.replace('_', "-");
    pack.nodes.push(twin.clone());
    pack.nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let error = bundle(&Knowledge::new(pack), &Options::default(), "2026-12-05").unwrap_err();
    let message = error.to_string();
    assert!(message.contains(&original.id) && message.contains(&twin.id), "{message}");
}

#[test]
fn a_wrong_base_or_date_is_refused_with_what_was_wrong() {
    let knowledge = Knowledge::new(pack());
    let options = Options { base: Some("ftp://example.org".into()), date: None };
    let error = bundle(&knowledge, &options, "2026-12-05").unwrap_err();
    assert_eq!(error.code(), "invalid-argument");
    assert!(error.to_string().contains("ftp://example.org"), "{error}");
    let options = Options { base: None, date: Some("5 december".into()) };
    let error = bundle(&knowledge, &options, "2026-12-05").unwrap_err();
    assert!(error.to_string().contains("5 december"), "{error}");
}
