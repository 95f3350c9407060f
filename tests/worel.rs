//! The WOREL guideline's grades and medication positions, against tables written from the
//! source (`../shared/sources/worel-chronische-primaire-pijn.txt`, chapters 4–7).

use pijnwijzer::knowledge::{Knowledge, SearchOptions};
use pijnwijzer::model::{Direction, Kind, Position, Strength};

/// Every graded statement of WOREL: 31 statements (23 GPP, 1B ×2, 1C, 2B ×2, 2C ×3).
const GRADES: &[(&str, &str, &str)] = &[
    ("worel.alg.bps", "GPP", "for"),
    ("worel.alg.doelen", "GPP", "for"),
    ("worel.alg.multimodaal", "GPP", "for"),
    ("worel.alg.actieve-rol", "GPP", "for"),
    ("worel.alg.relatie", "GPP", "for"),
    ("worel.alg.rodevlaggen", "GPP", "for"),
    // "Vraag geen bijkomende onderzoeken aan": advice against ordering them.
    ("worel.alg.geen-extra-onderzoek", "GPP", "against"),
    ("worel.edu.pijneducatie", "GPP", "for"),
    ("worel.edu.motiverende-gespreksvoering", "GPP", "for"),
    ("worel.beweging.advies", "1C", "for"),
    ("worel.psy.stressreductie", "GPP", "for"),
    ("worel.psy.psychotherapie", "1B", "for"),
    ("worel.psy.cgt", "1B", "for"),
    ("worel.psy.mbsr", "2C", "for"),
    ("worel.levensstijl.gezond", "GPP", "for"),
    ("worel.med.educatie", "GPP", "for"),
    ("worel.med.verwachtingen", "GPP", "for"),
    ("worel.med.terughoudend", "GPP", "for"),
    ("worel.med.opstart.multimodaal", "GPP", "for"),
    ("worel.med.opstart.voor-nadelen", "GPP", "for"),
    ("worel.med.opstart.kortste-duur", "GPP", "for"),
    ("worel.med.opstart.stop", "GPP", "for"),
    ("worel.med.antidepressiva", "2C", "for"),
    ("worel.med.opioiden", "2C", "against"),
    ("worel.med.pregabaline", "2B", "for"),
    ("worel.samen.uniforme-taal", "GPP", "for"),
    ("worel.verwijs.blijvende-impact", "GPP", "for"),
    ("worel.verwijs.comorbiditeit", "GPP", "for"),
    ("worel.verwijs.technisch-medisch", "GPP", "for"),
    ("worel.samen.opvolging-eerstelijn", "GPP", "for"),
    ("worel.samen.zorgcoordinator", "2B", "for"),
];

/// WOREL's position on each drug and class: "consider" where it advises to consider (graded),
/// "via-class" for a drug it makes no statement of its own about, which falls under its class's
/// recommendation (SSRIs, venlafaxine, mirtazapine, TCAs and milnacipran under the antidepressants'
/// 2C; only duloxetine has a statement of its own: a card must not show "consider" as theirs),
/// "no-recommendation" where it makes none, "no-place" where the group concludes the drug has no
/// place, "not-discussed" where the text never mentions it.
const POSITIONS: &[(&str, &str)] = &[
    ("worel.med.antidepressiva", "consider"),
    ("worel.med.antidepressiva.duloxetine", "consider"),
    ("worel.med.antidepressiva.milnacipran", "via-class"),
    ("worel.med.antidepressiva.venlafaxine", "via-class"),
    ("worel.med.antidepressiva.ssri", "via-class"),
    ("worel.med.antidepressiva.tca", "via-class"),
    ("worel.med.antidepressiva.mirtazapine", "via-class"),
    ("worel.med.antidepressiva.combinaties", "no-recommendation"),
    ("worel.med.opioiden", "preferably-not"),
    ("worel.med.opioiden.codeine", "preferably-not"),
    ("worel.med.opioiden.tramadol", "preferably-not"),
    ("worel.med.opioiden.tapentadol", "preferably-not"),
    ("worel.med.opioiden.oxycodon", "preferably-not"),
    ("worel.med.opioiden.methadon", "preferably-not"),
    ("worel.med.opioiden.sufentanil", "preferably-not"),
    ("worel.med.flupirtine", "no-recommendation"),
    ("worel.med.pregabaline", "consider"),
    ("worel.med.gabapentine", "no-recommendation"),
    ("worel.med.nsaid", "no-recommendation"),
    ("worel.med.paracetamol", "no-recommendation"),
    ("worel.med.spierrelaxantia", "no-place"),
    ("worel.med.corticosteroiden", "no-place"),
    ("worel.med.cannabinoiden", "no-recommendation"),
    ("worel.med.ketamine", "no-place"),
    ("worel.med.topisch.capsaicine", "no-recommendation"),
    ("worel.med.topisch.nsaid", "no-recommendation"),
    ("worel.med.topisch.lidocaine", "no-recommendation"),
    ("worel.med.antipsychotica", "no-place"),
    ("worel.med.benzodiazepines", "not-discussed"),
];

fn worel_nodes(knowledge: &Knowledge) -> impl Iterator<Item = &pijnwijzer::model::Node> {
    knowledge.nodes().iter().filter(|n| n.source.as_ref().is_some_and(|s| s.document == "worel"))
}

#[test]
fn every_graded_recommendation_has_the_source_grade_and_direction_and_nothing_else_is_graded() {
    let knowledge = pijnwijzer::embedded().unwrap();
    for (id, strength, direction) in GRADES {
        let node = knowledge.raw_node(id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(node.strength, Strength::parse(strength), "{id} strength");
        assert_eq!(node.direction, Direction::parse(direction), "{id} direction");
    }
    let graded: Vec<&str> =
        worel_nodes(&knowledge).filter(|n| n.strength.is_some()).map(|n| n.id.as_str()).collect();
    let expected: Vec<&str> = GRADES.iter().map(|(id, _, _)| *id).collect();
    let extra: Vec<&&str> = graded.iter().filter(|id| !expected.contains(id)).collect();
    assert!(extra.is_empty(), "graded in content but not in the source: {extra:?}");
}

#[test]
fn every_medication_has_the_source_position() {
    let knowledge = pijnwijzer::embedded().unwrap();
    for (id, position) in POSITIONS {
        let node = knowledge.raw_node(id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(node.kind, Kind::Medication, "{id}");
        assert_eq!(node.position, Position::parse(position), "{id}");
    }
    let listed: Vec<&str> = POSITIONS.iter().map(|(id, _)| *id).collect();
    let unlisted: Vec<&str> = worel_nodes(&knowledge)
        .filter(|n| n.kind == Kind::Medication && !listed.contains(&n.id.as_str()))
        .map(|n| n.id.as_str())
        .collect();
    assert!(unlisted.is_empty(), "medication nodes without an expected position: {unlisted:?}");
}

/// Every member of a graded class carries its class's position, or `via-class` where the source
/// makes no statement of its own about it, and its class's grade unless the source grades it on
/// its own, in the card and in the overview: a program reading `position` never takes a drug under
/// a graded class for one WOREL says nothing about. Its search hits carry
/// the class's grade too, with the class in `gradedBy`.
#[test]
fn every_member_of_a_graded_class_exposes_the_class_grade_and_position() {
    let knowledge = pijnwijzer::embedded().unwrap();
    let summaries = knowledge.medications();
    let mut members = 0;
    for summary in &summaries {
        let card = knowledge.medication(&summary.id).unwrap();
        let Some(class) = card.class.as_ref().map(|c| knowledge.medication(&c.id).unwrap()) else {
            continue;
        };
        if class.strength.is_none() {
            continue;
        }
        let own = knowledge.raw_node(&summary.id).unwrap();
        if own.strength.is_none() {
            assert_eq!(
                (card.strength, card.direction),
                (class.strength, class.direction),
                "{}",
                summary.id
            );
            assert_eq!(
                card.graded_by.as_ref().map(|c| c.id.as_str()),
                Some(class.id.as_str()),
                "{}",
                summary.id
            );
            assert_eq!(
                (summary.strength, summary.direction),
                (class.strength, class.direction),
                "{} in medications()",
                summary.id
            );
            let name = own.title.split(':').next().unwrap_or(&own.title);
            let hits = knowledge.search(name, &SearchOptions::default()).unwrap();
            let hit = hits.iter().find(|h| h.node.id == summary.id);
            let hit = hit.unwrap_or_else(|| panic!("searching {name:?} finds {}", summary.id));
            assert_eq!(
                (hit.node.strength, hit.node.direction),
                (class.strength, class.direction),
                "{} in search hits",
                summary.id
            );
            assert_eq!(
                hit.node.graded_by.as_ref().map(|c| c.id.as_str()),
                Some(class.id.as_str()),
                "{} in search hits",
                summary.id
            );
        }
        // A member takes its class's position, or has none of its own (`via-class`): never
        // another one.
        assert!(
            card.position == class.position || card.position == Some(Position::ViaClass),
            "{}: {:?} under a class with {:?}",
            summary.id,
            card.position,
            class.position
        );
        assert_eq!(summary.position, card.position, "{} in medications()", summary.id);
        members += 1;
    }
    assert!(members >= 11, "the antidepressants and the opioids have members: {members}");
}
