//! The knowledge API's features on the real content: what educators' pages and patient
//! portals call.

use pijnwijzer::knowledge::features::FoundBy;
use pijnwijzer::knowledge::{Error, Knowledge, SearchOptions};
use pijnwijzer::model::{Agreement, Direction, EdgeType, LayerKey, Position, Strength};

fn knowledge() -> Knowledge {
    pijnwijzer::embedded().unwrap()
}

#[test]
fn medication_is_found_by_brand_generic_and_lay_names_with_its_governing_grade() {
    let k = knowledge();
    let lyrica = k.medication("Lyrica").unwrap();
    assert_eq!(lyrica.id, "worel.med.pregabaline");
    assert_eq!((lyrica.strength, lyrica.direction), (Some(Strength::G2B), Some(Direction::For)));
    assert!(lyrica.dose.as_ref().is_some_and(|d| d.text.contains("450")), "the source's dose");

    let oxycodon = k.medication("oxycodon").unwrap();
    assert_eq!(
        (oxycodon.strength, oxycodon.direction),
        (Some(Strength::G2C), Some(Direction::Against))
    );
    assert_eq!(oxycodon.graded_by.as_ref().map(|c| c.id.as_str()), Some("worel.med.opioiden"));
    assert_eq!(oxycodon.class.as_ref().map(|c| c.id.as_str()), Some("worel.med.opioiden"));

    assert_eq!(k.medication("paracetamol").unwrap().position, Some(Position::NoRecommendation));
    // A drug the guidance makes no statement of its own about keeps its own position, "via its
    // class", and the class's grade comes with the class named: no SSRI card reads "consider".
    let sertraline = k.medication("sertraline").unwrap();
    assert_eq!(sertraline.position, Some(Position::ViaClass));
    assert_eq!(
        sertraline.graded_by.as_ref().map(|c| c.id.as_str()),
        Some("worel.med.antidepressiva")
    );
    assert_eq!(k.medication("morfine").unwrap().id, "worel.med.opioiden");
    assert_eq!(
        k.medication("pregabalien").unwrap().id,
        "worel.med.pregabaline",
        "a typo still finds it"
    );
    // A misspelt drug finds that drug, not the class whose text mentions it most.
    assert_eq!(k.medication("tramdol").unwrap().id, "worel.med.opioiden.tramadol");
    assert_eq!(k.medication("TRAMADOL").unwrap().id, "worel.med.opioiden.tramadol");
    // With its strength, as a pharmacist asks: the drug, not the class a search ranks first.
    let with_strength = k.medication("tramadol 50mg").unwrap();
    assert_eq!(with_strength.id, "worel.med.opioiden.tramadol");
    // How each was read, so a page shows a card only for a name it was asked for.
    assert_eq!(with_strength.found_by, FoundBy::Name);
    // Every keystroke on the way there is the same card, so it never flickers away, and a
    // prescription's line is the drug too.
    for typed in [
        "tramadol 5",
        "tramadol 50",
        "tramadol 50m",
        "tramadol 50 m",
        "tramadol 50mg",
        "tramadol 50mg 2dd1",
        "tramadol 2 dd 50 mg",
    ] {
        let read = k.medication(typed).unwrap();
        assert_eq!(
            (read.id.as_str(), read.found_by),
            ("worel.med.opioiden.tramadol", FoundBy::Name)
        );
    }
    assert_eq!(k.medication("worel.med.opioiden").unwrap().found_by, FoundBy::Id);
    assert_eq!(k.medication("Tramadol").unwrap().found_by, FoundBy::Name);
    assert_eq!(k.medication("Opioïden").unwrap().found_by, FoundBy::Name, "a title's name");
    assert_eq!(k.medication("tramdol").unwrap().found_by, FoundBy::Spelling);
    assert_eq!(k.medication("slapeloosheid pillen").unwrap().found_by, FoundBy::Search);
    assert_eq!(k.medication("Oxycodon 10 mg").unwrap().id, "worel.med.opioiden.oxycodon");
    // A name among a prescription's other words is the drug's, a longer name first; words that
    // name two drugs name neither.
    for (line, id) in [
        ("Tramadol HCl 50 mg capsule", "worel.med.opioiden.tramadol"),
        ("oxycodon MGA 10mg 2dd1", "worel.med.opioiden.oxycodon"),
        ("tramadol/paracetamol 37,5/325", "worel.med.opioiden.tramadol"),
        ("paracetamol met codeïne 500/10", "worel.med.opioiden.codeine"),
        // A combination read as its paracetamol (Dafalgan) would hide the codeine's caution.
        ("Co-Dafalgan", "worel.med.opioiden.codeine"),
        ("Dafalgan Codeïne 500 mg/30 mg", "worel.med.opioiden.codeine"),
        ("paracetamol/codeïne 500/20", "worel.med.opioiden.codeine"),
        // A systemic NSAID's name with a form for the skin is the topical card, which the
        // guidance judges apart; the name alone is the systemic card.
        ("Voltaren gel", "worel.med.topisch.nsaid"),
        ("diclofenac gel 1%", "worel.med.topisch.nsaid"),
        ("ibuprofen crème 5%", "worel.med.topisch.nsaid"),
        ("Voltaren 50 mg", "worel.med.nsaid"),
        ("ibuprofen 400 mg", "worel.med.nsaid"),
        ("Arcoxia 90 mg", "worel.med.nsaid"),
        // Belgian brands a pharmacist's audit found missing (2026-12-07).
        ("Dolzam 100 mg", "worel.med.opioiden.tramadol"),
        ("Depo-Medrol 40 mg/ml", "worel.med.corticosteroiden"),
        ("Lysanxia 10 mg", "worel.med.benzodiazepines"),
        ("Fevarin 50 mg", "worel.med.antidepressiva.ssri"),
    ] {
        let read = k.medication(line).unwrap();
        assert_eq!((read.id.as_str(), read.found_by), (id, FoundBy::Name), "{line}");
    }
    // Words that name several drugs are none of them: each is offered, as typed, in order.
    for (text, named) in [
        ("tramadol of oxycodon", &["tramadol", "oxycodon"][..]),
        ("Lyrica en Tramal 50 mg", &["Lyrica", "Tramal"]),
        ("pregabaline met opioïden", &["pregabaline", "opioïden"]),
    ] {
        match k.medication(text) {
            Err(Error::NotFound { suggestions, .. }) => assert_eq!(suggestions, named, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    let one = k.medication("Tramal (tramadol) 50 mg").unwrap();
    assert_eq!((one.id.as_str(), one.found_by), ("worel.med.opioiden.tramadol", FoundBy::Name));
    assert_eq!(k.medication("Lyrica 75 mg").unwrap().id, "worel.med.pregabaline");
    let opioids = k.medication("worel.med.opioiden").unwrap();
    assert!(opioids.members.len() >= 6);
    assert!(opioids.not_covered.is_some(), "says that tapering is not covered");
    assert!(
        opioids.general_rules.iter().any(|r| r.id.starts_with("zs.med."))
            && opioids.general_rules.iter().any(|r| r.id.starts_with("worel.med."))
    );
    assert!(matches!(k.medication("xyzzyq"), Err(Error::NotFound { .. })));
    assert!(k.medications().len() >= 25);
}

/// A name the guidance does not use is offered only names that begin as it does: one far from
/// it is another drug more often than a typo of it (`Arcoxia`, an NSAID the content did not yet
/// name, was offered `Palexia`, an opioid; `Movicox` `zopiclon`), while a typo (`Targin`) and a name with its salt glued on
/// (`tramadolhydrochloride`) are still offered the name they mean.
#[test]
fn an_unknown_drug_is_offered_only_names_that_begin_alike() {
    let k = knowledge();
    let offered = |name: &str| match k.medication(name) {
        Err(Error::NotFound { suggestions, .. }) => suggestions,
        other => panic!("{name}: not found expected, got {other:?}"),
    };
    for other_drug in ["Algifor", "Nucynta", "MST", "Dolgit"] {
        assert_eq!(offered(other_drug), Vec::<String>::new(), "{other_drug}");
    }
    assert_eq!(offered("Targin"), ["Targinact"]);
    assert_eq!(offered("naproxennatrium"), ["naproxen"]);
    assert_eq!(offered("tramadolhydrochloride"), ["tramadol"]);
    assert_eq!(offered("fentanylcitraat"), ["fentanyl"]);
}

/// A name is read as a near spelling of another with as many edits as the search forgives (one
/// up to eight letters, two from nine): `Trazodon`, an antidepressant the guidance does not name,
/// is two edits from `tramadon` (a misspelling of tramadol) and `coffeïne` two from `codeïne`,
/// and neither is read as that opioid; a real misspelling still is.
#[test]
fn a_near_spelling_is_forgiven_as_the_search_forgives_it() {
    let k = knowledge();
    for other_drug in ["Trazodon", "coffeïne"] {
        let read = k.medication(other_drug).map(|m| (m.id, m.found_by));
        assert!(
            !matches!(read, Ok((_, FoundBy::Spelling | FoundBy::Name | FoundBy::Id))),
            "{other_drug}: {read:?}"
        );
    }
    for (typo, id) in
        [("tramdol", "worel.med.opioiden.tramadol"), ("pregablin", "worel.med.pregabaline")]
    {
        let read = k.medication(typo).unwrap();
        assert_eq!((read.id.as_str(), read.found_by), (id, FoundBy::Spelling), "{typo}");
    }
}

#[test]
fn the_referral_matrix_answers_both_ways() {
    let k = knowledge();
    let matrix = k.referral_matrix().unwrap();
    assert_eq!(matrix.rows.len(), 7);
    assert_eq!(matrix.disciplines.len(), 8);
    assert!(matrix.source.as_ref().unwrap().citation.starts_with("RTA"));
    let psychosocial = k.referral("psychosociale klachten").unwrap();
    assert_eq!(psychosocial.disciplines, ["Paramedicus", "Psycholoog", "Revalidatiearts"]);
    assert_eq!(k.referral("middelengebruik").unwrap().disciplines, ["Verslavingszorg"]);
    assert_eq!(k.referrals_to("geriater").unwrap().len(), 2);
    assert!(k.referrals_to("psycholoog").unwrap().iter().any(|c| c.contains("psychosociale")));
}

#[test]
fn stepped_care_has_four_steps_with_criteria_both_ways_each_cited() {
    let steps = knowledge().stepped_care();
    assert_eq!(steps.iter().map(|s| s.step).collect::<Vec<_>>(), [1, 2, 3, 4]);
    for step in &steps {
        assert!(step.source.is_some(), "step {} is cited", step.step);
        assert!(
            !step.providers.is_empty() && !step.building_blocks.is_empty(),
            "step {}",
            step.step
        );
    }
    for step in &steps[..3] {
        assert!(!step.move_up.is_empty(), "step {} says when to move up", step.step);
    }
    // A patient reads each step under its lay title, with its lay text.
    for step in &steps {
        let node = knowledge().node(&step.id).unwrap();
        assert_eq!(step.lay_title, node.facts.lay_title, "step {}", step.step);
        assert!(step.lay_title.is_some() && step.lay.is_some(), "step {}", step.step);
    }
    for step in &steps[1..] {
        assert!(!step.move_down.is_empty(), "step {} says when to move down", step.step);
    }
    assert!(
        steps[1]
            .move_up
            .iter()
            .any(|c| c.text.contains("stap 3") && c.text.contains("overgeslagen")),
        "severe problems skip step 3"
    );
}

/// The diagram draws every criterion by its label, in full: each has one, short, and no two
/// criteria of the same move share one.
#[test]
fn every_stepped_care_criterion_has_a_short_label_of_its_own() {
    for step in knowledge().stepped_care() {
        for (direction, criteria) in [("up", &step.move_up), ("down", &step.move_down)] {
            let mut labels = Vec::new();
            for criterion in criteria {
                let label = criterion.label.as_str();
                assert!(
                    !label.is_empty() && label.split_whitespace().count() <= 6,
                    "step {} {direction}: label {label:?} of {:?}",
                    step.step,
                    criterion.text
                );
                assert!(
                    criterion.text.starts_with(label),
                    "step {} {direction}: the label {label:?} leads its criterion {:?}",
                    step.step,
                    criterion.text
                );
                labels.push(label);
            }
            let count = labels.len();
            labels.sort_unstable();
            labels.dedup();
            assert_eq!(labels.len(), count, "step {} {direction}: labels repeat", step.step);
        }
    }
}

#[test]
fn red_flags_are_the_ten_general_flags_with_the_other_flags() {
    let flags = knowledge().red_flags();
    let worel = flags.red.iter().find(|l| l.id == "worel.alg.rodevlaggen.lijst").unwrap();
    assert_eq!(worel.flags.len(), 10);
    assert!(flags.other.iter().any(|l| l.id == "worel.alg.andere-vlaggen"));
}

#[test]
fn checklists_keep_their_items_in_order_with_their_origin() {
    let k = knowledge();
    let all = k.checklists();
    assert!(all.len() >= 20);
    let education = k.checklist("zs.checklist.pijneducatie").unwrap();
    assert!(education.items.len() >= 5);
    let start = k.checklist("worel.med.checklist.starten").unwrap();
    assert!(
        start.items.iter().all(|item| item.origin.is_some()),
        "every item names the recommendation it comes from"
    );
    // A checklist with a lay text has a title in a patient's words, in the list and by itself,
    // for the patient view; one without has none.
    for summary in &all {
        let one = k.checklist(&summary.id).unwrap();
        assert_eq!(summary.lay_title, one.lay_title, "{}", summary.id);
        assert_eq!(one.lay_title.is_some(), one.lay.is_some(), "{}", summary.id);
    }
    assert!(all.iter().filter(|c| c.lay_title.is_some()).count() >= 10);
}

/// The source's headings over runs of a checklist's items go with those items, not into the
/// introduction, where they once stood in a row with nothing under them.
#[test]
fn checklist_headings_head_their_items() {
    let k = knowledge();
    let education = k.checklist("worel.edu.checklist.pijneducatie").unwrap();
    let titles: Vec<&str> = education.groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles[..2], ["Hoe", "Basisinformatie over (chronische) pijn"]);
    assert_eq!(education.groups[0].first, 0);
    assert!(education.items[education.groups[1].first].text.starts_with("Pijn is een onaangename"));
    assert!(!education.intro.html.contains("<h"), "{}", education.intro.html);
    let mut grouped = 0;
    for summary in k.checklists() {
        let one = k.checklist(&summary.id).unwrap();
        let firsts: Vec<usize> = one.groups.iter().map(|g| g.first).collect();
        assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{}: {firsts:?}", one.id);
        assert!(firsts.iter().all(|&f| f < one.items.len()), "{}: {firsts:?}", one.id);
        let intro = one.intro.html.trim_end();
        assert!(!intro.ends_with("</h4>") && !intro.ends_with("</h3>"), "{}: {intro}", one.id);
        grouped += usize::from(!one.groups.is_empty());
    }
    assert!(grouped >= 10, "{grouped} checklists with headings");
}

/// A name that several checklists share (`pijneducatie`, an alias of two) names none of them:
/// each is offered, by a name that finds it (its title's name, or its id where other titles
/// share that name), where one was once picked by its place in the content ("voorlichting en
/// educatie" for an educator who meant the pain-education checklist).
#[test]
fn a_name_several_checklists_share_offers_each() {
    let k = knowledge();
    match k.checklist("pijneducatie") {
        Err(Error::NotFound { suggestions, .. }) => {
            assert_eq!(
                suggestions,
                ["Aandachtspunten bij pijneducatie (kader)", "zs.checklist.voorlichting_educatie"]
            );
            let found: Vec<String> =
                suggestions.iter().map(|s| k.checklist(s).unwrap().id).collect();
            assert_eq!(found, ["zs.checklist.pijneducatie", "zs.checklist.voorlichting_educatie"]);
        }
        other => panic!("two checklists share the name: {other:?}"),
    }
    // So is a name several drugs share: the class word "anti-epileptica", under which WOREL
    // discusses both gabapentinoids but recommends only pregabaline, no longer opens pregabaline's
    // card alone; nor does a lay word for any cream against pain open one cream's.
    for (name, drugs) in [
        ("zenuwpijnpillen", &["Gabapentine", "Pregabaline"][..]),
        ("anti-epileptica", &["Gabapentine", "Pregabaline"]),
        (
            "pijnzalf",
            &[
                "Capsaïcine (crème of pleister)",
                "Lidocaïne (pleister of crème)",
                "Topische NSAID's (gel, crème, pleister)",
            ],
        ),
    ] {
        match k.medication(name) {
            Err(Error::NotFound { suggestions, .. }) => assert_eq!(suggestions, drugs, "{name}"),
            other => panic!("{name}: several drugs share the name: {other:?}"),
        }
    }
}

#[test]
fn compare_shows_every_document_on_the_definition_of_chronic_pain() {
    let comparison = knowledge().compare("definitie chronische pijn").unwrap();
    for document in ["worel", "zorgstandaard", "rta"] {
        let position = comparison.documents.iter().find(|d| d.document == document).unwrap();
        assert_ne!(position.agreement, Agreement::NotAddressed, "{document}");
        assert!(!position.nodes.is_empty() && !position.point.is_empty(), "{document}");
    }
}

#[test]
fn lay_and_related_answer_and_reject_bad_input() {
    let k = knowledge();
    assert!(k.lay("worel.alg.rodevlaggen").unwrap().text.len() > 50);
    assert!(k
        .related("worel.alg.rodevlaggen", Some("derived-from"))
        .unwrap()
        .iter()
        .all(|l| l.edge == EdgeType::DerivedFrom));
    assert!(matches!(
        k.related("worel.alg.rodevlaggen", Some("sibling")),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(k.lay("worel.bestaat.niet"), Err(Error::NotFound { .. })));
    assert!(matches!(k.checklist(""), Err(Error::InvalidArgument(_))));
}

/// A lay explanation carries the questions it answers, as the node holds them, so that a portal
/// showing only the explanation can show "Deze uitleg beantwoordt" as the site does.
#[test]
fn a_lay_explanation_carries_the_questions_it_answers() {
    let k = pijnwijzer::embedded().unwrap();
    let mut with_questions = 0;
    for raw in k.nodes() {
        let Ok(lay) = k.lay(&raw.id) else { continue };
        assert_eq!(lay.questions, raw.questions, "{}", raw.id);
        with_questions += usize::from(!lay.questions.is_empty());
    }
    assert!(with_questions > 500, "{with_questions}");
    let lay = k.lay("worel.alg.rodevlaggen.lijst").unwrap();
    assert!(lay.questions.iter().all(|q| q.ends_with('?')), "{:?}", lay.questions);
}

/// Every lay text is measured at build time and within the B1 limits the compiler enforces.
#[test]
fn every_lay_text_has_its_readability_within_the_limits() {
    let k = pijnwijzer::embedded().unwrap();
    let mut measured = 0;
    for node in k.nodes() {
        let Ok(lay) = k.lay(&node.id) else {
            assert!(node.readability.is_none(), "{}: readability without a lay text", node.id);
            continue;
        };
        let r = lay
            .readability
            .unwrap_or_else(|| panic!("{}: a lay text without readability", node.id));
        assert!(
            r.longest_sentence <= 20 && r.words_per_sentence <= 12.0 && r.sentences > 0,
            "{}: {r:?}",
            node.id
        );
        assert_eq!(k.node(&node.id).unwrap().readability, Some(r));
        measured += 1;
    }
    assert!(measured > 500, "{measured}");
}

/// Every node with a lay text has a title in a patient's words beside its clinician's title, and
/// hands it out wherever a patient view shows titles: the node, its lay explanation, its search
/// hits and its links.
#[test]
fn a_node_with_a_lay_text_carries_its_lay_title_in_the_node_hits_and_links() {
    let k = pijnwijzer::embedded().unwrap();
    let node = k.node("worel.alg.actieve-rol").unwrap();
    assert!(node.facts.title.starts_with("Moedig de patiënt aan"));
    assert_eq!(node.facts.lay_title.as_deref(), Some("Zelf actief meedoen aan uw behandeling"));
    // The lay explanation (what <pijn-uitleg> shows) is headed by the lay title.
    assert_eq!(Some(k.lay("worel.alg.actieve-rol").unwrap().title), node.facts.lay_title);
    let mut with_lay = 0;
    for raw in k.nodes() {
        let has_lay = raw.layers.iter().any(|l| l.key == LayerKey::Lay);
        assert_eq!(raw.lay_title.is_some(), has_lay, "{}", raw.id);
        with_lay += usize::from(has_lay);
    }
    assert!(with_lay > 500, "{with_lay}");
    let hits = k.search("actieve rol", &SearchOptions::default()).unwrap();
    let hit = hits.iter().find(|h| h.node.id == "worel.alg.actieve-rol").unwrap();
    assert_eq!(hit.node.lay_title, node.facts.lay_title);
    let linked = k.node("worel.alg.rodevlaggen").unwrap();
    let link = linked.links.iter().find(|l| l.id == "worel.alg.rodevlaggen.lijst").unwrap();
    assert_eq!(link.lay_title, k.node(&link.id).unwrap().facts.lay_title);
}

/// A patient typing is offered the questions of the lay texts that hold every content word typed,
/// the last as a prefix; question and filler words alone offer nothing.
#[test]
fn a_patient_typing_is_offered_the_questions_that_hold_the_words() {
    let k = pijnwijzer::embedded().unwrap();
    let offered = k.suggest_questions("mag ik blijven bew", 8);
    assert!(!offered.is_empty() && offered.len() <= 8);
    for s in &offered {
        let folded = pijnwijzer::knowledge::search::analyze::fold(&s.question);
        assert!(folded.contains("blijven") && folded.contains("bew"), "{}", s.question);
        assert!(k.node(&s.id).unwrap().facts.questions.contains(&s.question));
    }
    assert!(offered.iter().any(|s| s.question == "Mag ik blijven bewegen als het pijn doet?"));
    assert!(k.suggest_questions("mag ik", 8).is_empty());
    assert!(k.suggest_questions("", 8).is_empty());
    // A question two lay texts share is offered once, for the first of them.
    let shared = "Wanneer heet pijn chronisch?";
    let holders: Vec<&str> = k
        .nodes()
        .iter()
        .filter(|n| n.questions.iter().any(|q| q == shared))
        .map(|n| n.id.as_str())
        .collect();
    assert!(holders.len() >= 2, "premise: {holders:?}");
    let offered = k.suggest_questions("chronisch", 20);
    let once: Vec<_> = offered.iter().filter(|s| s.question == shared).collect();
    assert_eq!(once.len(), 1, "{offered:?}");
    assert_eq!(once[0].id, holders[0]);
}

/// A question is offered for the words typed in any of their forms, and for a compound typed whole
/// or as its parts: a patient's "mijn rug doet pijn" is offered the questions about `rugpijn`, and
/// "rugpijn" those that say "rug" and "pijn" apart.
#[test]
fn a_patient_is_offered_questions_in_other_forms_of_the_words_typed() {
    let k = pijnwijzer::embedded().unwrap();
    let words = |question: &str| -> Vec<String> {
        let folded = pijnwijzer::knowledge::search::analyze::fold(question);
        folded.split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect()
    };
    let has = |question: &str, word: &str| words(question).iter().any(|w| w == word);
    let apart = k.suggest_questions("mijn rug doet pijn", 50);
    assert!(
        apart.iter().any(|s| has(&s.question, "rugpijn") && !has(&s.question, "rug")),
        "{apart:?}"
    );
    // Each holds both words, whole or in a compound ("rug-, nek- of schouderpijn").
    let within = |question: &str, part: &str| words(question).iter().any(|w| w.contains(part));
    for s in &apart {
        assert!(within(&s.question, "rug") && within(&s.question, "pijn"), "{}", s.question);
    }
    let whole = k.suggest_questions("rugpijn", 50);
    assert!(
        whole.iter().any(|s| !has(&s.question, "rugpijn") && has(&s.question, "rug")),
        "{whole:?}"
    );
    // Another form of a word: the plural typed, the singular asked.
    let plural = k.suggest_questions("medicijnen", 50);
    assert!(
        plural.iter().any(|s| has(&s.question, "medicijn") && !has(&s.question, "medicijnen")),
        "{plural:?}"
    );
}
