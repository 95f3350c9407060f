//! The real content, as the module ships it: what clinicians rely on.

use pijnwijzer::knowledge::{Error, Knowledge, SearchOptions};
use pijnwijzer::model::{Direction, Kind, LayerKey, Strength};

fn knowledge() -> Knowledge {
    pijnwijzer::embedded().expect("the embedded pack loads")
}

fn first_hit(knowledge: &Knowledge, query: &str) -> String {
    knowledge
        .search(query, &SearchOptions::default())
        .expect("search answers")
        .first()
        .map(|h| h.node.id.to_string())
        .unwrap_or_default()
}

#[test]
fn rode_vlaggen_finds_the_worel_red_flags_recommendation_first() {
    let knowledge = knowledge();
    let hits = knowledge.search("rode vlaggen", &SearchOptions::default()).unwrap();
    let first = &hits[0];
    assert_eq!(first.node.id, "worel.alg.rodevlaggen");
    assert_eq!(first.node.strength, Some(Strength::Gpp));
    assert!(
        first.node.source.as_ref().unwrap().citation.starts_with("WOREL §4 aanbeveling 6, p. 29"),
        "{:?}",
        first.node.source
    );
}

#[test]
fn worel_chapter_four_has_its_seven_general_recommendations_with_every_layer() {
    let knowledge = knowledge();
    let chapter_four: Vec<_> = knowledge
        .nodes()
        .iter()
        .filter(|n| {
            n.kind == Kind::Recommendation
                && n.source.as_ref().is_some_and(|s| s.document == "worel" && s.section == "4")
        })
        .collect();
    assert_eq!(
        chapter_four.len(),
        7,
        "{:?}",
        chapter_four.iter().map(|n| &n.id).collect::<Vec<_>>()
    );
    for node in chapter_four {
        // Six advise to do something; "no further investigations" advises against.
        let direction = if node.id == "worel.alg.geen-extra-onderzoek" {
            Direction::Against
        } else {
            Direction::For
        };
        assert_eq!(
            (node.strength, node.direction),
            (Some(Strength::Gpp), Some(direction)),
            "{}",
            node.id
        );
        for layer in [LayerKey::Main, LayerKey::Practice, LayerKey::Rationale, LayerKey::Lay] {
            assert!(
                node.layers.iter().any(|l| l.key == layer && !l.blocks.is_empty()),
                "{} lacks its {} layer",
                node.id,
                layer.as_str()
            );
        }
    }
    let flags = knowledge.raw_node("worel.alg.rodevlaggen.lijst").unwrap();
    let items: usize = flags
        .layers
        .iter()
        .filter(|l| l.key == LayerKey::Main)
        .flat_map(|l| &l.blocks)
        .map(|b| match b {
            pijnwijzer::model::Block::List { items, .. } => items.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(items, 10, "WOREL lists ten general red flags");
}

#[test]
fn every_opioid_name_puts_the_opioid_caution_first() {
    let knowledge = knowledge();
    let caution = knowledge.raw_node("worel.med.opioiden").unwrap();
    assert_eq!(
        (caution.strength, caution.direction),
        (Some(Strength::G2C), Some(Direction::Against))
    );
    let members: Vec<&str> = knowledge
        .nodes()
        .iter()
        .filter(|n| {
            n.links
                .iter()
                .any(|l| l.target == caution.id && l.edge == pijnwijzer::model::EdgeType::Refines)
                && n.kind == Kind::Medication
        })
        .flat_map(|n| n.aliases.iter().map(String::as_str))
        .collect();
    assert!(members.len() >= 6, "the opioids with their own node carry their names: {members:?}");
    for name in caution
        .aliases
        .iter()
        .map(String::as_str)
        .chain(members)
        .chain(["morfine", "oxycodon", "tramadol", "Tramal"])
    {
        assert_eq!(first_hit(&knowledge, name), "worel.med.opioiden", "searching `{name}`");
    }
}

#[test]
fn every_node_but_a_topic_cites_its_source_and_every_link_resolves() {
    let knowledge = knowledge();
    for node in knowledge.nodes() {
        assert_eq!(node.source.is_none(), node.kind == Kind::Topic, "{}", node.id);
        for link in &node.links {
            assert!(
                knowledge.raw_node(&link.target).is_ok(),
                "{} links to {}",
                node.id,
                link.target
            );
        }
    }
}

/// The plain text of a node's layers written for professionals (every layer but the lay one).
fn professional_text(knowledge: &Knowledge, id: &str) -> String {
    let node = knowledge.node(id).expect("the node exists");
    node.layers
        .iter()
        .filter(|l| l.key != LayerKey::Lay)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sentences of a lay text, lower-cased: split after `.`, `?`, `!` and at line ends (list items).
fn sentences(text: &str) -> Vec<String> {
    text.split(['.', '?', '!', '\n'])
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A lay text keeps every suicidality warning its node gives, and its drug class's: wherever the
/// professional text names suicide ("suïcid…"), the lay text names "zelfdoding". The rule reads the
/// content, so a new node with such a warning is checked without being named here.
#[test]
fn every_lay_text_names_suicide_where_its_node_or_its_class_warns_of_it() {
    let knowledge = knowledge();
    let mut checked = Vec::new();
    for node in knowledge.nodes() {
        let Ok(lay) = knowledge.lay(&node.id) else { continue };
        let mut warning = professional_text(&knowledge, &node.id);
        if node.kind == Kind::Medication {
            if let Some(class) = knowledge.medication(&node.id).expect("a medication card").class {
                warning.push_str(&professional_text(&knowledge, &class.id));
            }
        }
        if !warning.to_lowercase().contains("suïcid") {
            continue;
        }
        assert!(
            lay.text.to_lowercase().contains("zelfdoding"),
            "{}: the guidance warns of suicide, the lay text does not:\n{}",
            node.id,
            lay.text
        );
        checked.push(node.id.as_str());
    }
    // Pregabaline, the gabapentinoid table, the antidepressant class and its six members, and the
    // Zorgstandaard's suicide risk nodes: the rule must have found them.
    for id in [
        "worel.med.pregabaline",
        "worel.med.antidepressiva",
        "worel.med.antidepressiva.duloxetine",
        "zs.risico.suicide",
    ] {
        assert!(checked.contains(&id), "{id} was not checked; checked: {checked:?}");
    }
}

/// A weakly acting opioid (its own text puts it in "zwak werkende opioïden") is never called strong
/// in a lay text: no lay sentence that names it, nor any sentence of its own lay text, says "sterk"
/// without also saying "zwak".
#[test]
fn no_lay_text_calls_a_weakly_acting_opioid_strong() {
    let knowledge = knowledge();
    let weak: Vec<_> = knowledge
        .nodes()
        .iter()
        .filter(|n| n.kind == Kind::Medication)
        .filter(|n| {
            knowledge
                .node(&n.id)
                .unwrap()
                .layers
                .iter()
                .any(|l| l.key == LayerKey::Main && l.text.contains("zwak werkende opioïden"))
        })
        .collect();
    let weak_ids: Vec<&str> = weak.iter().map(|n| n.id.as_str()).collect();
    assert!(
        weak_ids.contains(&"worel.med.opioiden.tramadol")
            && weak_ids.contains(&"worel.med.opioiden.codeine"),
        "{weak_ids:?}"
    );
    let calls_strong = |sentence: &str| sentence.contains("sterk") && !sentence.contains("zwak");
    for node in knowledge.nodes() {
        let Ok(lay) = knowledge.lay(&node.id) else { continue };
        for sentence in sentences(&lay.text) {
            for drug in &weak {
                let names = drug.aliases.iter().map(|a| a.to_lowercase());
                let named = names.clone().any(|name| sentence.contains(&name));
                assert!(
                    !((named || node.id == drug.id) && calls_strong(&sentence)),
                    "{}: a lay sentence calls {} strong: {sentence}",
                    node.id,
                    drug.id
                );
            }
        }
    }
}

/// A patient's hit list shows lay titles only: two alike could not be told apart.
#[test]
fn no_two_nodes_share_a_lay_title() {
    let knowledge = knowledge();
    let mut seen = std::collections::HashMap::new();
    for node in knowledge.nodes() {
        let Some(title) = &node.lay_title else { continue };
        if let Some(other) = seen.insert(title.to_lowercase(), node.id.clone()) {
            panic!("{other} and {} share the lay title \"{title}\"", node.id);
        }
    }
    assert!(seen.len() > 400, "{} lay titles", seen.len());
}

/// Every name the content gives a drug (generic, brand, misspelling) opens a card that carries that
/// name, or, where several cards carry it ("anti-epileptica"), offers each of them: the search's
/// rules are tested on synthetic packs, this guards the real names.
#[test]
fn every_drug_name_in_the_content_opens_a_card_that_carries_it() {
    let knowledge = knowledge();
    let fold = |text: &str| pijnwijzer::knowledge::search::analyze::fold(text);
    let drugs: Vec<_> = knowledge.nodes().iter().filter(|n| n.kind == Kind::Medication).collect();
    let mut checked = 0;
    for node in &drugs {
        for alias in &node.aliases {
            let carriers =
                drugs.iter().filter(|d| d.aliases.iter().any(|a| fold(a) == fold(alias)));
            match knowledge.medication(alias) {
                Ok(card) => {
                    let names: Vec<String> = card.aliases.iter().map(|a| fold(a)).collect();
                    assert!(
                        names.contains(&fold(alias)),
                        "`{alias}` of {} opened {}",
                        node.id,
                        card.id
                    );
                }
                Err(Error::NotFound { suggestions, .. }) if carriers.clone().count() > 1 => {
                    assert_eq!(suggestions.len(), carriers.count(), "`{alias}` offers each card")
                }
                Err(error) => panic!("{alias}: {error}"),
            }
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked} names");
}
