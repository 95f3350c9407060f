//! The search's rules, end to end on the real content: each test states one rule of the Dutch
//! text analysis or of the ranking in its name, and checks it with words and node ids of the
//! guidance through the public API (`Knowledge::search` and `Knowledge::suggest`).
//!
//! The token-level analysis (folding, apostrophes, stems, acronyms, numbers) has unit tests in
//! `crates/knowledge/src/search/analyze.rs`, and `tests/relevance.rs` measures the overall ranking on a
//! question set; here each rule is checked on its own. Where a rule is only visible when the
//! query word is absent from the content (a stem, a compound, a synonym, a typo), the test first
//! checks that premise with [`says`], so it cannot pass because the node simply holds the word.

use std::sync::OnceLock;

use pijnwijzer::knowledge::search::analyze::fold;
use pijnwijzer::knowledge::search::layer_text;
use pijnwijzer::knowledge::view::Hit;
use pijnwijzer::knowledge::{Knowledge, OneOrMany, SearchOptions, MAX_LIMIT};
use pijnwijzer::model::{Kind, LayerKey, Node};

fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| pijnwijzer::embedded().expect("the embedded pack loads"))
}

fn search_with(query: &str, options: &SearchOptions) -> Vec<Hit<'static>> {
    knowledge().search(query, options).expect("the search answers")
}

fn hits(query: &str) -> Vec<Hit<'static>> {
    search_with(query, &SearchOptions::default())
}

/// Every hit, up to the largest limit.
fn all_hits(query: &str) -> Vec<Hit<'static>> {
    search_with(query, &SearchOptions { limit: Some(MAX_LIMIT), ..Default::default() })
}

fn ids(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| h.node.id.clone()).collect()
}

/// The ids of the hits with their scores: two queries that analyse alike give equal lists.
fn ranking(hits: &[Hit]) -> Vec<(String, f64)> {
    hits.iter().map(|h| (h.node.id.clone(), h.score)).collect()
}

fn first(query: &str) -> String {
    hits(query).first().map(|h| h.node.id.clone()).unwrap_or_default()
}

/// The 1-based rank of `id` among all hits of `query`.
fn rank(query: &str, id: &str) -> Option<usize> {
    all_hits(query).iter().position(|h| h.node.id == id).map(|i| i + 1)
}

fn node(id: &str) -> &'static Node {
    knowledge().raw_node(id).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// The words of `text`, folded (lower case, no diacritics).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

/// Where node `id` holds `word` (folded, as a whole word): `"title"` for its title or an alias,
/// else the key of each layer that holds it.
fn fields_saying(id: &str, word: &str) -> Vec<&'static str> {
    let node = node(id);
    let word = fold(word);
    let mut fields = Vec::new();
    if std::iter::once(&node.title).chain(&node.aliases).any(|name| words(name).contains(&word)) {
        fields.push("title");
    }
    for layer in &node.layers {
        if words(&layer_text(layer)).contains(&word) {
            fields.push(layer.key.as_str());
        }
    }
    fields
}

/// Whether node `id` holds `word` anywhere (folded, as a whole word).
fn says(id: &str, word: &str) -> bool {
    !fields_saying(id, word).is_empty()
}

/// Whether any node holds `word` (folded, as a whole word).
fn content_says(word: &str) -> bool {
    knowledge().nodes().iter().any(|n| says(&n.id, word))
}

// ---------------------------------------------------------------------------------------------
// Text analysis, shared by indexing and querying
// ---------------------------------------------------------------------------------------------

/// Case and diacritics are folded on both sides: `opioiden`, `opioïden` and `Opioïden` are one
/// word, and so are `zorgcoordinator` and `Zorgcoördinator`, with the same hits in the same order
/// and with the same scores (a near-spelling match would score lower).
#[test]
fn case_and_diacritics_are_folded() {
    for spellings in [
        ["opioïden", "opioiden", "Opioïden"],
        ["zorgcoördinator", "zorgcoordinator", "Zorgcoördinator"],
    ] {
        let expected = ranking(&hits(spellings[0]));
        assert!(!expected.is_empty(), "{:?} finds nodes", spellings[0]);
        for spelling in &spellings[1..] {
            assert_eq!(
                ranking(&hits(spelling)),
                expected,
                "{spelling:?} against {:?}",
                spellings[0]
            );
        }
    }
    assert_eq!(first("opioiden"), "worel.med.opioiden");
    assert_eq!(first("zorgcoordinator"), "worel.samen.zorgcoordinator");
}

/// A possessive `'s`, straight or curly, belongs to the word before it: `NSAID's`, `NSAID’s` and
/// `NSAID` search alike (a stray `s` would count as a word nothing matches and halve the scores).
#[test]
fn a_possessive_apostrophe_straight_or_curly_is_the_bare_word() {
    let expected = ranking(&hits("NSAID"));
    assert_eq!(expected[0].0, "worel.med.nsaid");
    assert_eq!(ranking(&hits("NSAID's")), expected);
    assert_eq!(ranking(&hits("NSAID’s")), expected);
}

/// Snowball Dutch stemming joins inflections: `duizelig` and `hoofdpijnen`, which the content
/// never writes, find exactly what `duizeligheid` and `hoofdpijn` find, with the same scores.
#[test]
fn stemming_joins_inflections_the_content_does_not_use() {
    for (typed, written) in [("duizelig", "duizeligheid"), ("hoofdpijnen", "hoofdpijn")] {
        assert!(
            !content_says(typed) && content_says(written),
            "premise: the content writes {written:?}, never {typed:?}"
        );
        let expected = ranking(&hits(written));
        assert!(!expected.is_empty());
        assert_eq!(ranking(&hits(typed)), expected, "{typed:?} against {written:?}");
    }
}

/// A part of a compound finds the whole: `educatie` and `pijn educatie` find a recommendation that
/// writes only `pijneducatie`, and `ketenzorg coördinator` finds a node that writes only
/// `ketenzorgcoördinator`.
#[test]
fn compound_parts_find_the_whole() {
    let cognities = "zs.educ.cognities";
    assert!(says(cognities, "pijneducatie") && !says(cognities, "educatie"), "premise");
    assert!(rank("educatie", cognities).is_some(), "`educatie` finds {cognities}");
    assert!(rank("pijn educatie", cognities).is_some(), "`pijn educatie` finds {cognities}");

    let richtsnoer = "zs.2_1.richtsnoer";
    assert!(
        says(richtsnoer, "ketenzorgcoördinator")
            && !says(richtsnoer, "ketenzorg")
            && !says(richtsnoer, "coördinator"),
        "premise"
    );
    assert!(
        rank("ketenzorg coördinator", richtsnoer).is_some_and(|r| r <= 10),
        "`ketenzorg coördinator` finds {richtsnoer} in the top 10"
    );
}

/// A compound typed as one word finds the parts written apart: `medicatieadvies`, which no node
/// writes, finds the recommendation to give advice on medication ("uitleg en advies over …
/// medicatie") first.
#[test]
fn a_compound_query_finds_its_parts() {
    assert!(!content_says("medicatieadvies"), "premise");
    let educatie = "worel.med.educatie";
    assert!(says(educatie, "medicatie") && says(educatie, "advies"), "premise");
    assert_eq!(first("medicatieadvies"), educatie);
}

/// A compound with a linking `s` whose second half never stands alone in the content is found by
/// its first part: `gesprek` finds a recommendation that writes only `gespreksvoering`.
#[test]
fn a_linking_s_compound_is_found_by_its_first_part() {
    let gezond = "worel.levensstijl.gezond";
    assert!(
        says(gezond, "gespreksvoering") && !says(gezond, "gesprek") && !says(gezond, "gesprekken"),
        "premise"
    );
    assert!(rank("gesprek", gezond).is_some(), "`gesprek` finds {gezond}");
}

/// Acronyms are kept whole, not stemmed: `TENS` (or `tens`) is not the word `ten`, so no node that
/// only says `ten` (`ten onrechte`, `ten opzichte`) is found; `PDI`, `SCEGS`, `MDO`, `CGT` and
/// `MBSR` find their nodes.
#[test]
fn acronyms_are_kept_whole() {
    let tens = ids(&all_hits("TENS"));
    assert!(tens.contains(&"worel.nonpharm.tens".to_string()), "{tens:?}");
    assert_eq!(
        ids(&all_hits("tens")),
        tens,
        "lower case finds the acronym the content writes in capitals"
    );
    for only_ten in ["worel.med.educatie", "worel.med.opioiden.werkzaamheid"] {
        assert!(
            says(only_ten, "ten") && !says(only_ten, "tens"),
            "premise: {only_ten} says `ten`, not TENS"
        );
        assert!(!tens.contains(&only_ten.to_string()), "`TENS` must not find {only_ten}");
    }
    for (acronym, id, within) in [
        ("PDI", "zs.instr.pdi", 1),
        ("MDO", "rta.mdo.mandate", 1),
        ("CGT", "worel.psy.cgt", 1),
        ("MBSR", "worel.psy.mbsr", 2),
        ("SCEGS", "zs.bps.scegs", 5),
    ] {
        assert!(
            rank(acronym, id).is_some_and(|r| r <= within),
            "{acronym} finds {id} within rank {within}: {:?}",
            ids(&hits(acronym))
        );
    }
}

/// Numbers are kept as words: `60 mg` finds duloxetine (60 mg/dag), `600 mg` pregabaline, and
/// `3 weken` the delayed-recovery concept (after three weeks), each first.
#[test]
fn numbers_are_kept() {
    assert_eq!(first("60 mg"), "worel.med.antidepressiva.duloxetine");
    assert_eq!(first("600 mg"), "worel.med.pregabaline");
    assert_eq!(first("3 weken"), "zs.vroeg.afwijkend_3wk");
    assert_ne!(first("12 weken"), "zs.vroeg.afwijkend_3wk");
}

// ---------------------------------------------------------------------------------------------
// Synonyms as content: the thesaurus and the drug nodes' aliases
// ---------------------------------------------------------------------------------------------

/// Lay words find professional text through the thesaurus: `foto` (which no node writes) finds
/// the advice against extra imaging first, `pijnstillers` a node on `pijnmiddel`, `gehandicapten`
/// the checklist on `verstandelijke beperking`, and `sporten` advice on `bewegen`.
#[test]
fn a_lay_word_finds_the_professional_term() {
    assert!(!content_says("foto"), "premise");
    assert_eq!(first("foto"), "worel.alg.geen-extra-onderzoek");
    for (lay, id, within) in [
        ("pijnstillers", "zs.med.mechanisme_helder", 3),
        ("gehandicapten", "zs.checklist.verstandelijke_beperking", 3),
        ("sporten", "zs.mod.bewegen", 10),
    ] {
        assert!(!says(id, lay), "premise: {id} does not say {lay:?}");
        assert!(
            rank(lay, id).is_some_and(|r| r <= within),
            "{lay:?} finds {id} within rank {within}: {:?}",
            ids(&hits(lay))
        );
    }
}

/// A brand name finds its generic first; for an opioid brand the class caution comes first and
/// the generic directly below it.
#[test]
fn a_brand_name_finds_its_generic() {
    for (brand, generic) in [
        ("Lyrica", "worel.med.pregabaline"),
        ("Cymbalta", "worel.med.antidepressiva.duloxetine"),
        ("Nurofen", "worel.med.nsaid"),
        ("Brufen", "worel.med.nsaid"),
        ("Voltaren", "worel.med.nsaid"),
        ("Dafalgan", "worel.med.paracetamol"),
        ("Panadol", "worel.med.paracetamol"),
    ] {
        assert_eq!(first(brand), generic, "{brand}");
    }
    for (brand, generic) in [
        ("Tramal", "worel.med.opioiden.tramadol"),
        ("Contramal", "worel.med.opioiden.tramadol"),
        ("OxyContin", "worel.med.opioiden.oxycodon"),
        ("Oxynorm", "worel.med.opioiden.oxycodon"),
    ] {
        assert_eq!(ids(&hits(brand))[..2], ["worel.med.opioiden", generic], "{brand}");
    }
    assert_eq!(first("Durogesic"), "worel.med.opioiden");
}

/// English terms find the Dutch text: `physical activity`, `tapering`, `return to work`,
/// `step up` / `step down` (opschalen, afschalen) and `shared decision making` find nodes that
/// hold none of the English words.
#[test]
fn english_terms_find_dutch_text() {
    for (english, id, within) in [
        ("physical activity", "worel.beweging.advies", 1),
        ("tapering", "worel.med.opstart.stop", 1),
        ("return to work", "zs.arbeid.reintegratie_voorbereiden", 1),
        ("step up", "rta.stepping", 3),
        ("step down", "rta.stepping", 3),
        ("shared decision making", "zs.checklist.sdm_gezondheidsvaardigheden", 10),
    ] {
        for word in words(english) {
            assert!(!says(id, &word), "premise: {id} does not say {word:?}");
        }
        assert!(
            rank(english, id).is_some_and(|r| r <= within),
            "{english:?} finds {id} within rank {within}: {:?}",
            ids(&hits(english))
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Typo tolerance and search-as-you-type
// ---------------------------------------------------------------------------------------------

/// One edit is forgiven from five letters, none below: `yogaa` finds yoga, `joga` finds nothing;
/// `pilatez` (seven letters) finds pilates.
#[test]
fn one_edit_is_forgiven_from_five_letters() {
    for typo in ["yogaa", "joga", "pilatez"] {
        assert!(!content_says(typo), "premise: {typo:?} is not a word of the content");
    }
    assert_eq!(first("yogaa"), "worel.nonpharm.yoga");
    assert!(hits("joga").is_empty(), "a four-letter word is not fuzzed: {:?}", ids(&hits("joga")));
    assert_eq!(first("pilatez"), "worel.nonpharm.pilates");
}

/// Two edits are forgiven from nine letters, one below: `paracetml` (nine letters, two deletions)
/// and `amitreptylin` find their drugs; `tremedol` (eight letters, two from tramadol) finds nothing.
#[test]
fn two_edits_are_forgiven_from_nine_letters() {
    for typo in ["paracetml", "amitreptylin", "tremedol"] {
        assert!(!content_says(typo), "premise: {typo:?} is not a word of the content");
    }
    assert_eq!(first("paracetml"), "worel.med.paracetamol");
    assert_eq!(first("amitreptylin"), "worel.med.antidepressiva.tca");
    assert!(hits("tremedol").is_empty(), "{:?}", ids(&hits("tremedol")));
}

/// Swapping two neighbouring letters is one edit, not two: `pilaets` (seven letters) and `deiet`
/// (five) are within the one edit their length allows.
#[test]
fn a_transposition_counts_as_one_edit() {
    for typo in ["pilaets", "deiet"] {
        assert!(!content_says(typo), "premise: {typo:?} is not a word of the content");
    }
    assert_eq!(first("pilaets"), "worel.nonpharm.pilates");
    assert_eq!(first("deiet"), "worel.nonpharm.dieet");
}

/// Exact and stemmed matches rank above near spellings: `duizeligheid` (exact) and `duizelig`
/// (stem) score alike and above `duizeligheit` (one edit) on the same node; and a word the content
/// has is not fuzzed at all: `dieet` does not find the node that only says `dient`, which the
/// misspelling `dieat` does find.
#[test]
fn exact_and_stemmed_matches_rank_above_near_spellings() {
    let [exact, stemmed, near] = ["duizeligheid", "duizelig", "duizeligheit"]
        .map(|q| hits(q).into_iter().next().expect("a hit"));
    assert_eq!((&stemmed.node.id, &near.node.id), (&exact.node.id, &exact.node.id));
    assert_eq!(stemmed.score, exact.score);
    assert!(near.score < exact.score, "near {} against exact {}", near.score, exact.score);

    let dient = "zs.vb.anamnese_pga";
    assert!(says(dient, "dient") && !says(dient, "dieet"), "premise");
    assert!(rank("dieat", dient).is_some(), "the misspelling reaches `dient`");
    assert!(rank("dieet", dient).is_none(), "`dieet` is a word of the content and is not fuzzed");
}

/// With `prefix: Some(true)` the last word is completed while typing: `pijneduc` finds the
/// pijneducatie recommendations (and marks the completed word), `rode vla` the red-flag nodes;
/// without prefix, or once a space ends the word, it is not completed.
#[test]
fn the_last_word_is_completed_while_typing() {
    let typing = SearchOptions { prefix: Some(true), ..Default::default() };
    let completed = search_with("pijneduc", &typing);
    assert!(
        completed.len() >= 3
            && completed[..3].iter().all(|h| h.node.title.contains("Pijneducatie")),
        "{:?}",
        ids(&completed)
    );
    let goal =
        completed.iter().find(|h| h.node.id == "rta.education.goal").expect("rta.education.goal");
    assert!(goal.snippet.contains("<mark>Pijneducatie</mark>"), "{}", goal.snippet);
    assert!(hits("pijneduc").is_empty(), "without prefix `pijneduc` is not a word");
    assert!(search_with("pijneduc ", &typing).is_empty(), "a space ends the word");

    let flags = search_with("rode vla", &typing);
    assert!(flags[..3].iter().all(|h| h.node.title.contains("vlag")), "{:?}", ids(&flags));
    assert_eq!(flags[0].node.id, "worel.alg.rodevlaggen");
    assert!(
        !hits("rode vla")[..3].iter().all(|h| h.node.title.contains("vlag")),
        "without prefix `vla` is not `vlaggen`"
    );
}

/// `suggest` completes the last word with words of the content, most used first, keeping the
/// words before it and the content's spelling (diacritics), whether or not the prefix has them.
#[test]
fn suggest_completes_the_last_word() {
    let k = knowledge();
    assert_eq!(k.suggest("pijned", 5), ["pijneducatie"]);
    let flags = k.suggest("rode vl", 5);
    assert_eq!(flags.first().map(String::as_str), Some("rode vlaggen"), "{flags:?}");
    assert!(flags.len() > 1 && flags.iter().all(|s| s.starts_with("rode vl")), "{flags:?}");
    let opioids = k.suggest("opioï", 5);
    assert_eq!(opioids.first().map(String::as_str), Some("opioïden"), "{opioids:?}");
    assert_eq!(k.suggest("opioi", 5), opioids, "the prefix is folded");
}

// ---------------------------------------------------------------------------------------------
// Ranking, filters and snippets
// ---------------------------------------------------------------------------------------------

/// A word weighs more in the title than in the statement, and more in the statement than in the
/// rationale: `voorstel` once in a section's title beats three times in another section's
/// statement; `geslaagde` in a recommendation's statement beats the same word in another
/// recommendation's rationale.
#[test]
fn the_title_and_statement_outweigh_the_rationale() {
    let (titled, stated) = ("mc.zorgstandaard.new_financing", "zs.class.ontwikkeling");
    assert_eq!(fields_saying(titled, "voorstel"), ["title"], "premise");
    assert_eq!(fields_saying(stated, "voorstel"), ["main"], "premise");
    let count = |id: &str| {
        node(id)
            .layers
            .iter()
            .map(|l| words(&layer_text(l)).iter().filter(|w| *w == "voorstel").count())
            .sum::<usize>()
    };
    assert!(count(stated) >= 3, "premise: {stated} says `voorstel` three times");
    assert_eq!(ids(&hits("voorstel"))[..2], [titled, stated]);

    let (statement, rationale) = ("zs.overig.tens_thermo", "worel.alg.relatie");
    assert_eq!(fields_saying(statement, "geslaagde"), ["main"], "premise");
    assert!(!fields_saying(rationale, "geslaagde").is_empty(), "premise");
    assert!(
        fields_saying(rationale, "geslaagde")
            .iter()
            .all(|f| [LayerKey::Rationale, LayerKey::Note].map(LayerKey::as_str).contains(f)),
        "premise"
    );
    assert_eq!(node(statement).kind, node(rationale).kind, "premise: same kind, same prior");
    assert_eq!(ids(&hits("geslaagde")), [statement, rationale]);
}

/// A recommendation ranks above a page that merely carries the words: `pijneducatie` puts the
/// recommendations first, above the topic page named exactly `Pijneducatie`; `motiverende
/// gespreksvoering` puts the recommendation above the concept of that exact name.
#[test]
fn a_recommendation_ranks_above_a_page_that_mentions_it() {
    let found = all_hits("pijneducatie");
    assert_eq!(found[0].node.kind, Kind::Recommendation, "{:?}", ids(&found));
    let at = |id: &str| {
        found.iter().position(|h| h.node.id == id).unwrap_or_else(|| panic!("{id} found"))
    };
    assert_eq!(node("topic.pijneducatie").title, "Pijneducatie", "premise");
    assert!(at("worel.edu.pijneducatie") < at("topic.pijneducatie"));
    assert!(at("worel.edu.pijneducatie") < at("mc.zorgstandaard.pain_education"));

    assert_eq!(
        node("worel.begrip.motiverende-gespreksvoering").title,
        "Motiverende gespreksvoering",
        "premise"
    );
    assert_eq!(
        ids(&hits("motiverende gespreksvoering"))[..2],
        ["worel.edu.motiverende-gespreksvoering", "worel.begrip.motiverende-gespreksvoering"]
    );
}

/// The kind, document, actor and step filters drop every other node and keep the ranking: the
/// filtered hits are the unfiltered ones that pass, in the same order with the same scores.
#[test]
fn filters_keep_the_ranking_and_drop_the_rest() {
    let one = |s: &str| Some(OneOrMany::One(s.to_string()));
    type Case<'a> = (&'a str, SearchOptions, &'a dyn Fn(&Node) -> bool);
    let cases: [Case; 5] = [
        ("pijneducatie", SearchOptions { kind: one("checklist"), ..Default::default() }, &|n| {
            n.kind == Kind::Checklist
        }),
        (
            "pijneducatie",
            SearchOptions {
                kind: Some(OneOrMany::Many(vec!["concept".into(), "checklist".into()])),
                ..Default::default()
            },
            &|n| matches!(n.kind, Kind::Concept | Kind::Checklist),
        ),
        ("verwijzen", SearchOptions { document: one("rta"), ..Default::default() }, &|n| {
            n.source.as_ref().is_some_and(|s| s.document == "rta")
        }),
        (
            "coördinatie",
            SearchOptions { actor: one("ketenzorgcoordinator"), ..Default::default() },
            &|n| n.actors.iter().any(|a| a == "ketenzorgcoordinator"),
        ),
        (
            "verwijzen",
            SearchOptions { step: Some(OneOrMany::One(4)), ..Default::default() },
            &|n| n.step == Some(4) || n.steps.contains(&4),
        ),
    ];
    for (query, options, passes) in cases {
        let everything = all_hits(query);
        let expected: Vec<(String, f64)> =
            ranking(&everything).into_iter().filter(|(id, _)| passes(node(id))).collect();
        let filtered = ranking(&search_with(
            query,
            &SearchOptions { limit: Some(MAX_LIMIT), ..options.clone() },
        ));
        assert!(
            !filtered.is_empty() && filtered.len() < everything.len(),
            "{query:?} {options:?}: the filter keeps some, drops some"
        );
        if everything.len() < MAX_LIMIT {
            assert_eq!(filtered, expected, "{query:?} {options:?}");
        } else {
            // The unfiltered list is cut at the limit: what passes of it starts the filtered list.
            assert!(
                filtered.iter().all(|(id, _)| passes(node(id))),
                "{query:?} {options:?}: {filtered:?}"
            );
            assert!(
                filtered.starts_with(&expected),
                "{query:?} {options:?}: {filtered:?} against {expected:?}"
            );
        }
    }
}

/// For the patient audience concepts rank first: `cognitieve gedragstherapie` and `mindfulness`
/// put the recommendation first for professionals and the concept that explains it for patients.
#[test]
fn the_patient_audience_puts_concepts_first() {
    let patient = SearchOptions { audience: Some("patient".into()), ..Default::default() };
    for (query, recommendation, concept) in [
        ("cognitieve gedragstherapie", "worel.psy.cgt", "worel.begrip.cgt"),
        ("mindfulness", "worel.psy.mbsr", "worel.begrip.mindfulness"),
    ] {
        assert_eq!(node(concept).kind, Kind::Concept, "premise");
        assert_eq!(first(query), recommendation, "professional");
        assert_eq!(search_with(query, &patient)[0].node.id, concept, "patient");
    }
}

/// For the patient audience lay text weighs more than the statement: `verstoren` in one
/// recommendation's statement and in another's lay text swaps their order between audiences,
/// and the patient's snippet is cut from the lay text.
#[test]
fn the_patient_audience_weighs_lay_text_over_the_statement() {
    let patient = SearchOptions { audience: Some("patient".into()), ..Default::default() };
    let (statement, lay) = ("zs.arbeid.balans", "zs.diag.f.emoties");
    assert_eq!(fields_saying(statement, "verstoren"), ["main"], "premise");
    assert_eq!(fields_saying(lay, "verstoren"), ["lay"], "premise");
    assert_eq!(first("verstoren"), statement, "professional");
    let for_patient = search_with("verstoren", &patient);
    assert_eq!(for_patient[0].node.id, lay, "patient");
    assert!(
        for_patient[0].snippet.contains("<mark>verstoren</mark>"),
        "{}",
        for_patient[0].snippet
    );
}

/// Snippets are escaped HTML with the matched words in `<mark>`, as written in the content: the
/// words typed, a synonym's words (`foto` marks `onderzoek`), and nothing else as markup (`&`
/// and `'` stay entities).
#[test]
fn snippets_mark_the_matched_words_in_escaped_html() {
    let snippet = |query: &str, id: &str| {
        let found = all_hits(query);
        found
            .iter()
            .find(|h| h.node.id == id)
            .unwrap_or_else(|| panic!("{query:?} finds {id}"))
            .snippet
            .clone()
    };
    let cases = [
        (
            "Reuma alternatieve",
            "zs.b3.patientenmateriaal",
            "<mark>Reuma</mark> &amp; <mark>Alternatieve</mark>",
        ),
        ("NSAID's", "worel.med.nsaid", "<mark>NSAID</mark>&#39;s"),
        ("foto", "worel.alg.geen-extra-onderzoek", "<mark>onderzoek</mark>"),
    ];
    for (query, id, expected) in cases {
        let snippet = snippet(query, id);
        assert!(snippet.contains(expected), "{query:?} on {id}: {snippet}");
        let text = snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(!text.contains(['<', '>', '"']), "only <mark> is markup: {snippet}");
    }
}

// ---------------------------------------------------------------------------------------------
// Honest answers
// ---------------------------------------------------------------------------------------------

/// A capitalised name the content never mentions means the guidance does not address the
/// question, so the answer is empty rather than a guess on the other words, which alone do find
/// nodes (`Disability Index` finds the Pain Disability Index).
#[test]
fn a_name_the_guidance_never_mentions_gives_no_answer() {
    for (query, rest) in [
        ("Örebro screeningsvragenlijst", "screeningsvragenlijst"),
        ("Oswestry Disability Index", "Disability Index"),
    ] {
        assert!(hits(query).is_empty(), "{query:?}: {:?}", ids(&hits(query)));
        assert!(!hits(rest).is_empty(), "{rest:?} alone finds nodes");
    }
    assert_eq!(first("Disability Index"), "zs.instr.pdi");
    assert!(hits("Oswestry").is_empty());
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
