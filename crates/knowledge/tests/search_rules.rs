//! The search's rules, each on a small synthetic pack: every test states one rule of the Dutch
//! text analysis or of the ranking in its name, builds the few nodes that show it (one that should
//! be found, and a distractor that must not be, or must rank lower), and checks it through the
//! public API (`Knowledge::search` and `Knowledge::suggest`). An edit of `content/` cannot break
//! them; only a change of the engine can.
//!
//! The token-level analysis (folding, apostrophes, stems, acronyms, numbers) has unit tests in
//! `src/search/analyze.rs`, and the module's `tests/relevance.rs` measures the overall ranking on
//! the real content. Where a rule is only visible when the query word is absent from the text (a
//! stem, a compound, a synonym, a typo), the test first checks that premise with [`says`], so it
//! cannot pass because the node simply holds the word.

use pijnwijzer_knowledge::search::analyze::fold;
use pijnwijzer_knowledge::search::layer_text;
use pijnwijzer_knowledge::view::Hit;
use pijnwijzer_knowledge::{Knowledge, OneOrMany, SearchOptions, MAX_LIMIT};
use pijnwijzer_model::html::escape;
use pijnwijzer_model::{
    Audience, Block, Document, EdgeType, Kind, Layer, LayerKey, Link, Node, NodeFacts, Pack,
    Position, SourceRef, PACK_FORMAT,
};

// ---------------------------------------------------------------------------------------------
// Building packs
// ---------------------------------------------------------------------------------------------

/// A node with `id`, `kind` and `title`, its `main` text, an optional `lay` text and `aliases`;
/// plain words, escaped here into the HTML a pack holds. It cites the document `worel`.
fn node(
    id: &str,
    kind: Kind,
    title: &str,
    main: &str,
    lay: Option<&str>,
    aliases: &[&str],
) -> Node {
    let mut node = Node {
        id: id.to_string(),
        facts: NodeFacts {
            kind,
            title: title.to_string(),
            lay_title: None,
            questions: Vec::new(),
            strength: None,
            direction: None,
            force: None,
            position: None,
            feature: None,
            step: None,
            steps: Vec::new(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            audience: Audience::Professional,
            covers: Vec::new(),
        },
        source: Some(SourceRef {
            document: "worel".to_string(),
            section: "1".to_string(),
            label: None,
            page: 1,
            page_end: None,
            lines: (1, 1),
        }),
        actors: Vec::new(),
        layers: Vec::new(),
        links: Vec::new(),
        compare: Vec::new(),
        readability: None,
        lay_review: None,
    };
    with_layer(&mut node, LayerKey::Main, main);
    if let Some(lay) = lay {
        with_layer(&mut node, LayerKey::Lay, lay);
    }
    node
}

/// Adds a layer `key` with the plain `text` to `node`.
fn with_layer(node: &mut Node, key: LayerKey, text: &str) {
    node.layers.push(Layer { key, blocks: vec![Block::Paragraph(escape(text))] });
}

/// The knowledge over `nodes` (in any order) with the thesaurus `synonyms`; the documents `worel`
/// and `rta` and the actor `ketenzorgcoordinator` exist for the filters.
fn knowledge_with(synonyms: &[&[&str]], nodes: Vec<Node>) -> Knowledge {
    let mut nodes = nodes;
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let document = |id: &str, short: &str| Document {
        id: id.to_string(),
        short: short.to_string(),
        title: short.to_string(),
        version: "1".to_string(),
        country: "BE".to_string(),
        source_file: format!("{id}.txt"),
        main: true,
    };
    Knowledge::new(Pack {
        format: PACK_FORMAT,
        content_version: "test".to_string(),
        built: "2026-01-01".to_string(),
        documents: vec![document("worel", "WOREL"), document("rta", "RTA")],
        actors: vec![("ketenzorgcoordinator".to_string(), "Ketenzorgcoördinator".to_string())],
        synonyms: synonyms.iter().map(|g| g.iter().map(|w| w.to_string()).collect()).collect(),
        nodes,
        normative_digest: String::new(),
        history: Vec::new(),
        stems: Default::default(),
    })
}

/// The knowledge over `nodes`, without a thesaurus.
fn knowledge(nodes: Vec<Node>) -> Knowledge {
    knowledge_with(&[], nodes)
}

// ---------------------------------------------------------------------------------------------
// Asking
// ---------------------------------------------------------------------------------------------

fn search_with<'k>(k: &'k Knowledge, query: &str, options: &SearchOptions) -> Vec<Hit<'k>> {
    k.search(query, options).expect("the search answers")
}

/// Every hit, up to the largest limit.
fn hits<'k>(k: &'k Knowledge, query: &str) -> Vec<Hit<'k>> {
    search_with(k, query, &SearchOptions { limit: Some(MAX_LIMIT), ..Default::default() })
}

fn ids_of(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| h.node.id.clone()).collect()
}

/// The ids of the hits of `query`, best first.
fn ids(k: &Knowledge, query: &str) -> Vec<String> {
    ids_of(&hits(k, query))
}

/// The ids of the hits with their scores: two queries that analyse alike give equal lists.
fn ranking(hits: &[Hit]) -> Vec<(String, f64)> {
    hits.iter().map(|h| (h.node.id.clone(), h.score)).collect()
}

fn first(k: &Knowledge, query: &str) -> String {
    ids(k, query).into_iter().next().unwrap_or_default()
}

/// The 1-based rank of `id` among the hits of `query`.
fn rank(k: &Knowledge, query: &str, id: &str) -> Option<usize> {
    ids(k, query).iter().position(|h| h == id).map(|i| i + 1)
}

/// The words of `text`, folded (lower case, no diacritics).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

/// Where node `id` holds `word` (folded, as a whole word): `"title"` for its title or an alias,
/// else the key of each layer that holds it.
fn fields_saying(k: &Knowledge, id: &str, word: &str) -> Vec<&'static str> {
    let node = k.raw_node(id).unwrap_or_else(|e| panic!("{id}: {e}"));
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
fn says(k: &Knowledge, id: &str, word: &str) -> bool {
    !fields_saying(k, id, word).is_empty()
}

/// Whether any node holds `word` (folded, as a whole word).
fn pack_says(k: &Knowledge, word: &str) -> bool {
    k.nodes().iter().any(|n| says(k, &n.id, word))
}

fn patient() -> SearchOptions {
    SearchOptions { audience: Some("patient".into()), ..Default::default() }
}

// ---------------------------------------------------------------------------------------------
// Text analysis, shared by indexing and querying
// ---------------------------------------------------------------------------------------------

/// Case and diacritics are folded on both sides: `opioiden`, `opioïden` and `Opioïden` are one
/// word, and so are `zorgcoordinator` and `Zorgcoördinator`, with the same hits in the same order
/// and with the same scores (a near-spelling match would score lower).
#[test]
fn case_and_diacritics_are_folded() {
    use Kind::*;
    let k = knowledge(vec![
        node("med.opioiden", Medication, "Opioïden", "Opioïden helpen weinig.", None, &[]),
        node("rol.coordinator", Role, "Zorgcoördinator", "De zorgcoördinator plant.", None, &[]),
        node(
            "rec.medicatie",
            Recommendation,
            "Medicatie bespreken",
            "Bespreek opioïden en andere middelen met de zorgcoördinator.",
            None,
            &[],
        ),
        node("rec.slaap", Recommendation, "Slaap", "Slaap goed.", None, &[]),
    ]);
    for spellings in [
        ["opioïden", "opioiden", "Opioïden"],
        ["zorgcoördinator", "zorgcoordinator", "Zorgcoördinator"],
    ] {
        let expected = ranking(&hits(&k, spellings[0]));
        assert_eq!(expected.len(), 2, "{:?} finds two nodes: {expected:?}", spellings[0]);
        for spelling in &spellings[1..] {
            assert_eq!(
                ranking(&hits(&k, spelling)),
                expected,
                "{spelling:?} against {:?}",
                spellings[0]
            );
        }
    }
    assert_eq!(first(&k, "opioiden"), "med.opioiden");
    assert_eq!(first(&k, "zorgcoordinator"), "rol.coordinator");
}

/// A possessive `'s`, straight or curly, belongs to the word before it: `NSAID's`, `NSAID’s` and
/// `NSAID` search alike (a stray `s` would count as a word nothing matches and halve the scores).
#[test]
fn a_possessive_apostrophe_straight_or_curly_is_the_bare_word() {
    use Kind::*;
    let k = knowledge(vec![
        node("med.nsaid", Medication, "NSAID", "Een NSAID remt de ontsteking.", None, &[]),
        node("med.paracetamol", Medication, "Paracetamol", "Dit is geen NSAID.", None, &[]),
    ]);
    assert!(!pack_says(&k, "s"), "premise: no word `s` for a stray `s` to match");
    let expected = ranking(&hits(&k, "NSAID"));
    assert_eq!(ids_of(&hits(&k, "NSAID")), ["med.nsaid", "med.paracetamol"]);
    assert_eq!(ranking(&hits(&k, "NSAID's")), expected);
    assert_eq!(ranking(&hits(&k, "NSAID’s")), expected);
}

/// Snowball Dutch stemming joins inflections: `duizelig` and `hoofdpijnen`, which the pack never
/// writes, find exactly what `duizeligheid` and `hoofdpijn` find, with the same scores.
#[test]
fn stemming_joins_inflections_the_content_does_not_use() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "rec.duizelig",
            Recommendation,
            "Bijwerkingen",
            "Duizeligheid en hoofdpijn komen vaak voor.",
            None,
            &[],
        ),
        node("con.hoofdpijn", Concept, "Klachten", "Hoofdpijn is pijn in het hoofd.", None, &[]),
        node("rec.slaap", Recommendation, "Slaap", "Slecht slapen maakt moe.", None, &[]),
    ]);
    for (typed, written) in [("duizelig", "duizeligheid"), ("hoofdpijnen", "hoofdpijn")] {
        assert!(
            !pack_says(&k, typed) && pack_says(&k, written),
            "premise: the pack writes {written:?}, never {typed:?}"
        );
        let expected = ranking(&hits(&k, written));
        assert!(!expected.is_empty());
        assert_eq!(ranking(&hits(&k, typed)), expected, "{typed:?} against {written:?}");
    }
}

/// A part of a compound finds the whole: `educatie` and `pijn educatie` find a recommendation that
/// writes only `pijneducatie`, and `ketenzorg coördinator` finds a node that writes only
/// `ketenzorgcoördinator`.
#[test]
fn compound_parts_find_the_whole() {
    use Kind::*;
    let k = knowledge(vec![
        node("rec.cognities", Recommendation, "Cognities", "Geef pijneducatie.", None, &[]),
        node("sec.educatie", Section, "Educatie", "Educatie over pijn helpt.", None, &[]),
        node(
            "rol.richtsnoer",
            Role,
            "Richtsnoer",
            "Een ketenzorgcoördinator plant de zorg.",
            None,
            &[],
        ),
        node("sec.keten", Section, "Keten", "De ketenzorg heeft een coördinator.", None, &[]),
        node("rec.slaap", Recommendation, "Slaap", "Slaap goed.", None, &[]),
    ]);
    let cognities = "rec.cognities";
    assert!(says(&k, cognities, "pijneducatie") && !says(&k, cognities, "educatie"), "premise");
    assert!(rank(&k, "educatie", cognities).is_some(), "`educatie` finds {cognities}");
    assert!(rank(&k, "pijn educatie", cognities).is_some(), "`pijn educatie` finds {cognities}");

    let richtsnoer = "rol.richtsnoer";
    assert!(
        says(&k, richtsnoer, "ketenzorgcoördinator")
            && !says(&k, richtsnoer, "ketenzorg")
            && !says(&k, richtsnoer, "coördinator"),
        "premise"
    );
    assert!(
        rank(&k, "ketenzorg coördinator", richtsnoer).is_some(),
        "`ketenzorg coördinator` finds {richtsnoer}: {:?}",
        ids(&k, "ketenzorg coördinator")
    );
    assert!(!ids(&k, "educatie").contains(&"rec.slaap".to_string()), "the distractor is not found");
}

/// A compound written as two words, as patients often write it, is searched as the compound the
/// content writes: `rug pijn` and "mijn rug doet pijn" (its stopwords between) find what `rugpijn`
/// finds, and `gewricht pijn` what `gewrichtspijn` finds (a linking `s`), not first the node
/// that happens to hold both words apart. Not across a comma, nor while the second word is typed.
#[test]
fn a_compound_written_as_two_words_is_searched_as_the_compound() {
    use Kind::*;
    let k = knowledge(vec![
        node("rec.rugpijn", Recommendation, "Bewegen", "Blijf bewegen bij rugpijn.", None, &[]),
        node("sec.bed", Section, "Bed", "Pijn bij liggen. De rug van het bed is hoog.", None, &[]),
        node("rec.gewricht", Recommendation, "Rust", "Gewrichtspijn vraagt rust.", None, &[]),
        node("sec.knie", Section, "Knie", "Het gewricht van de knie. Pijn en rust.", None, &[]),
    ]);
    assert_eq!(first(&k, "rugpijn"), "rec.rugpijn", "premise");
    assert_eq!(first(&k, "gewrichtspijn"), "rec.gewricht", "premise");
    for (apart, whole) in [
        ("rug pijn", "rugpijn"),
        ("mijn rug doet pijn", "rugpijn"),
        ("gewricht pijn", "gewrichtspijn"),
    ] {
        assert_eq!(ranking(&hits(&k, apart)), ranking(&hits(&k, whole)), "{apart:?} as {whole:?}");
    }
    assert_eq!(first(&k, "de rug, pijn"), "sec.bed", "not joined across a comma");
    let typing = SearchOptions { prefix: Some(true), limit: Some(MAX_LIMIT), ..Default::default() };
    assert_ne!(
        ranking(&search_with(&k, "rug pijn", &typing)),
        ranking(&hits(&k, "rugpijn")),
        "`pijn` may still become `pijnlijk` while typed"
    );

    // A compound only the thesaurus has joins too, but not with a word that is only an ending
    // (`rugpijnene` stems as `rugpijn`).
    let k = knowledge_with(
        &[&["nekpijn", "pijn in de nek"], &["rugpijn", "spit"]],
        vec![
            node("rec.nek", Recommendation, "Nek", "Bij pijn in de nek: blijf bewegen.", None, &[]),
            node("rec.spit", Recommendation, "Spit", "Spit gaat vaak over.", None, &[]),
            node(
                "sec.dag",
                Section,
                "Dagen",
                "De ene dag is de andere niet; pijn wisselt.",
                None,
                &[],
            ),
        ],
    );
    assert!(!pack_says(&k, "nekpijn") && !pack_says(&k, "rugpijn"), "premise");
    assert_eq!(ranking(&hits(&k, "nek pijn")), ranking(&hits(&k, "nekpijn")));
    assert_ne!(
        ranking(&hits(&k, "rugpijn ene")),
        ranking(&hits(&k, "rugpijn")),
        "`ene` is no part"
    );
}

/// A compound typed as one word finds the parts written apart: `medicatieadvies`, which no node
/// writes, finds the recommendation to give advice on medication ("uitleg en advies over …
/// medicatie") first, above nodes that hold only one of the parts.
#[test]
fn a_compound_query_finds_its_parts() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "rec.educatie",
            Recommendation,
            "Educatie",
            "Geef uitleg en advies over de medicatie.",
            None,
            &[],
        ),
        node("rec.medicatie", Recommendation, "Medicatie", "Medicatie, medicatie.", None, &[]),
        node("rec.advies", Recommendation, "Advies", "Advies over slaap.", None, &[]),
    ]);
    assert!(!pack_says(&k, "medicatieadvies"), "premise");
    let educatie = "rec.educatie";
    assert!(says(&k, educatie, "medicatie") && says(&k, educatie, "advies"), "premise");
    assert_eq!(first(&k, "medicatieadvies"), educatie);
}

/// A compound with a linking `s` whose second half never stands alone in the pack is found by its
/// first part: `gesprek` finds a recommendation that writes only `gespreksvoering`.
#[test]
fn a_linking_s_compound_is_found_by_its_first_part() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "rec.gezond",
            Recommendation,
            "Gezond leven",
            "Gebruik motiverende gespreksvoering.",
            None,
            &[],
        ),
        node("con.gesprek", Concept, "Gesprek", "Een gesprek met de arts.", None, &[]),
        node("rec.slaap", Recommendation, "Slaap", "Slaap goed en lang.", None, &[]),
    ]);
    let gezond = "rec.gezond";
    assert!(
        says(&k, gezond, "gespreksvoering")
            && !says(&k, gezond, "gesprek")
            && !says(&k, gezond, "gesprekken")
            && !pack_says(&k, "voering"),
        "premise"
    );
    let found = ids(&k, "gesprek");
    assert!(found.contains(&gezond.to_string()), "`gesprek` finds {gezond}: {found:?}");
    assert!(!found.contains(&"rec.slaap".to_string()), "{found:?}");
}

/// A compound adjective of a word and a past participle that the content never uses whole
/// (`werkgerelateerde`, `opioïdgeïnduceerde`) is found by its first word.
#[test]
fn a_participle_compound_is_found_by_its_first_word() {
    use Kind::*;
    let k = knowledge(vec![
        node("con.werk", Concept, "Werk", "Pijn door het werk.", None, &[]),
        node("con.slaap", Concept, "Slaap", "Pijn door slecht slapen.", None, &[]),
    ]);
    assert!(!pack_says(&k, "werkgerelateerde") && says(&k, "con.werk", "werk"), "premise");
    assert_eq!(ids(&k, "werkgerelateerde"), ["con.werk"]);
}

/// A diminutive the content never uses (`klusjes`, `pilletje`, `wandelingetje`) is found by the word
/// it is made from, in whatever form the content has it (`klussen`, `pil`, `wandeling`); a
/// diminutive the content does use is itself, and a word that only ends like one is not cut.
#[test]
fn a_diminutive_is_found_by_the_word_it_is_made_from() {
    use Kind::*;
    let k = knowledge(vec![
        node("con.klus", Concept, "Klussen", "Zware klussen in huis verdelen.", None, &[]),
        node("con.pil", Concept, "Medicatie", "Neem de pil bij het eten.", None, &[]),
        node("con.wandel", Concept, "Bewegen", "Een dagelijkse wandeling helpt.", None, &[]),
        node("con.stukje", Concept, "Stukje", "Een stukje tekst.", None, &[]),
        node("con.stuk", Concept, "Stuk", "Een stuk gereedschap.", None, &[]),
    ]);
    for word in ["klusjes", "pilletje", "pilletjes", "wandelingetje"] {
        assert!(!pack_says(&k, word), "premise: the content lacks {word}");
    }
    assert_eq!(ids(&k, "klusjes"), ["con.klus"]);
    assert_eq!(ids(&k, "pilletjes"), ["con.pil"]);
    assert_eq!(ids(&k, "pilletje"), ["con.pil"]);
    assert_eq!(ids(&k, "wandelingetje"), ["con.wandel"]);
    assert_eq!(ids(&k, "stukje"), ["con.stukje"]);
    // A diminutive of a word the content lacks in every form still finds nothing.
    assert_eq!(ids(&k, "meisje"), Vec::<String>::new());
}

/// A verb form the content never uses is found by the verb's other form, which Snowball stems
/// apart: the present tense in `-t` by the infinitive (`luistert` by `luisteren`, `beweegt` by
/// `bewegen`, `stopt` by `stoppen`, `leeft` by `leven`), and the infinitive by the present tense
/// (`piekeren` by `piekert`). A word the content uses is not widened to its other forms, and a word
/// whose other form the content lacks too still finds nothing.
#[test]
fn a_verb_form_the_content_lacks_is_found_by_its_other_form() {
    use Kind::*;
    let k = knowledge(vec![
        node("con.luister", Concept, "Gesprek", "Goed luisteren naar de patiënt.", None, &[]),
        node("con.beweeg", Concept, "Activiteit", "Blijven bewegen ondanks pijn.", None, &[]),
        node("con.stop", Concept, "Afbouwen", "Niet ineens stoppen met medicatie.", None, &[]),
        node("con.leef", Concept, "Leefstijl", "Gezond leven met pijn.", None, &[]),
        node("con.pieker", Concept, "Zorgen", "Wie veel piekert, slaapt slecht.", None, &[]),
        node("con.helpt", Concept, "Steun", "Steun van de partner helpt.", None, &[]),
        node("con.helpen", Concept, "Hulp", "Naasten willen helpen.", None, &[]),
    ]);
    for word in ["luistert", "beweegt", "stopt", "leeft", "piekeren", "wandelt"] {
        assert!(!pack_says(&k, word), "premise: the content lacks {word}");
    }
    assert_eq!(ids(&k, "luistert"), ["con.luister"]);
    assert_eq!(ids(&k, "beweegt"), ["con.beweeg"]);
    assert_eq!(ids(&k, "stopt"), ["con.stop"]);
    assert_eq!(ids(&k, "leeft"), ["con.leef"]);
    assert_eq!(ids(&k, "piekeren"), ["con.pieker"]);
    assert_eq!(ids(&k, "helpt"), ["con.helpt"]);
    assert_eq!(ids(&k, "helpen"), ["con.helpen"]);
    assert_eq!(ids(&k, "wandelt"), Vec::<String>::new());
}

/// Acronyms are kept whole, not stemmed: `TENS` (or `tens`) is not the word `ten`, so no node that
/// only says `ten` (`ten onrechte`) is found; `PDI` and `CGT` find their nodes.
#[test]
fn acronyms_are_kept_whole() {
    use Kind::*;
    let k = knowledge(vec![
        node("rec.tens", Recommendation, "TENS", "TENS geeft stroompjes.", None, &[]),
        node("rec.stoppen", Recommendation, "Stoppen", "Niet ten onrechte stoppen.", None, &[]),
        node("ins.pdi", Instrument, "PDI", "De PDI meet beperking.", None, &[]),
        node("rec.cgt", Recommendation, "CGT", "Bied CGT aan.", None, &[]),
        node("rec.pijn", Recommendation, "Pijn", "Pijn meten en behandelen.", None, &[]),
    ]);
    let tens = ids(&k, "TENS");
    assert_eq!(tens, ["rec.tens"]);
    assert_eq!(ids(&k, "tens"), tens, "lower case finds the acronym the pack writes in capitals");
    let only_ten = "rec.stoppen";
    assert!(says(&k, only_ten, "ten") && !says(&k, only_ten, "tens"), "premise");
    for (acronym, id) in [("PDI", "ins.pdi"), ("CGT", "rec.cgt")] {
        assert_eq!(ids(&k, acronym), [id], "{acronym}");
    }
}

/// Numbers are kept as words: `60 mg` finds duloxetine (60 mg/dag), `600 mg` pregabaline, and
/// `3 weken` the delayed-recovery concept (after three weeks), each first.
#[test]
fn numbers_are_kept() {
    use Kind::*;
    let k = knowledge(vec![
        node("med.duloxetine", Medication, "Duloxetine", "Start met 60 mg per dag.", None, &[]),
        node("med.pregabaline", Medication, "Pregabaline", "Tot 600 mg per dag.", None, &[]),
        node(
            "con.afwijkend_3wk",
            Concept,
            "Afwijkend herstel",
            "Na 3 weken geen herstel.",
            None,
            &[],
        ),
        node("con.chronisch", Concept, "Chronische pijn", "Na 12 weken chronisch.", None, &[]),
    ]);
    assert_eq!(first(&k, "60 mg"), "med.duloxetine");
    assert_eq!(first(&k, "600 mg"), "med.pregabaline");
    assert_eq!(first(&k, "3 weken"), "con.afwijkend_3wk");
    assert_eq!(first(&k, "12 weken"), "con.chronisch");
}

// ---------------------------------------------------------------------------------------------
// Synonyms as content: the thesaurus and the drug nodes' aliases
// ---------------------------------------------------------------------------------------------

/// Lay words find professional text through the thesaurus: `foto` (which no node writes) finds
/// the advice against extra imaging first, `pijnstillers` a node on `pijnmiddel`, and `sporten`
/// advice on `bewegen`; nodes that hold none of a group's words are not found.
#[test]
fn a_lay_word_finds_the_professional_term() {
    use Kind::*;
    let k = knowledge_with(
        &[
            &["scan", "foto", "extra onderzoek"],
            &["pijnstiller", "pijnstillers", "pijnmiddel"],
            &["sporten", "bewegen"],
        ],
        vec![
            node(
                "rec.geen-onderzoek",
                Recommendation,
                "Geen extra onderzoek",
                "Vraag geen extra onderzoek aan.",
                None,
                &[],
            ),
            node("rec.mechanisme", Recommendation, "Mechanisme", "Kies een pijnmiddel.", None, &[]),
            node("rec.bewegen", Recommendation, "Actief blijven", "Blijf bewegen.", None, &[]),
            node("rec.slaap", Recommendation, "Slaap", "Onderzoek de slaap.", None, &[]),
        ],
    );
    for (lay, id) in [
        ("foto", "rec.geen-onderzoek"),
        ("pijnstillers", "rec.mechanisme"),
        ("sporten", "rec.bewegen"),
    ] {
        assert!(!pack_says(&k, lay), "premise: no node says {lay:?}");
        assert_eq!(ids(&k, lay), [id], "{lay:?}");
    }
}

/// A brand name finds its generic first; for an opioid brand the class caution comes first and
/// the generic directly below it.
#[test]
fn a_brand_name_finds_its_generic() {
    use Kind::*;
    let mut opioiden = node(
        "med.opioiden",
        Medication,
        "Opioïden",
        "Opioïden bij voorkeur niet gebruiken.",
        None,
        &["Durogesic"],
    );
    opioiden.facts.position = Some(Position::PreferablyNot);
    let mut tramadol = node(
        "med.opioiden.tramadol",
        Medication,
        "Tramadol",
        "Tramadol is een opioïde.",
        None,
        &["Tramal"],
    );
    tramadol.links.push(Link { target: "med.opioiden".into(), edge: EdgeType::Refines });
    let k = knowledge(vec![
        node("med.pregabaline", Medication, "Pregabaline", "Bij zenuwpijn.", None, &["Lyrica"]),
        node(
            "med.gabapentine",
            Medication,
            "Gabapentine",
            "Gabapentine werkt als Lyrica; Lyrica en gabapentine samen is niet zinvol.",
            None,
            &[],
        ),
        opioiden,
        tramadol,
        node("rec.tramal", Recommendation, "Pijnstilling", "Tramal of Lyrica?", None, &[]),
    ]);
    assert_eq!(first(&k, "Lyrica"), "med.pregabaline");
    assert_eq!(ids(&k, "Tramal")[..2], ["med.opioiden", "med.opioiden.tramadol"]);
    assert_eq!(first(&k, "Durogesic"), "med.opioiden");
}

/// English terms find the Dutch text: `tapering`, `return to work` and `shared decision making`
/// find nodes that hold none of the English words.
#[test]
fn english_terms_find_dutch_text() {
    use Kind::*;
    let k = knowledge_with(
        &[
            &["afbouwen", "tapering"],
            &["werkhervatting", "return to work"],
            &["samen beslissen", "shared decision making"],
        ],
        vec![
            node(
                "rec.stop",
                Recommendation,
                "Stoppen",
                "Bouw de medicatie af: afbouwen.",
                None,
                &[],
            ),
            node("rec.werk", Recommendation, "Werk", "Bereid de werkhervatting voor.", None, &[]),
            node("rec.sdm", Recommendation, "Keuzes", "Samen beslissen over zorg.", None, &[]),
            node("rec.slaap", Recommendation, "Slaap", "Slaap, werk en zorg.", None, &[]),
        ],
    );
    for (english, id) in [
        ("tapering", "rec.stop"),
        ("return to work", "rec.werk"),
        ("shared decision making", "rec.sdm"),
    ] {
        for word in words(english) {
            assert!(!says(&k, id, &word), "premise: {id} does not say {word:?}");
        }
        assert_eq!(first(&k, english), id, "{english:?}: {:?}", ids(&k, english));
    }
}

// ---------------------------------------------------------------------------------------------
// Typo tolerance and search-as-you-type
// ---------------------------------------------------------------------------------------------

/// The nodes the typo rules search: a few treatments and drugs.
fn treatments() -> Knowledge {
    use Kind::*;
    knowledge(vec![
        node("rec.yoga", Recommendation, "Yoga", "Yoga kan helpen.", None, &[]),
        node("rec.pilates", Recommendation, "Pilates", "Pilates kan helpen.", None, &[]),
        node("rec.dieet", Recommendation, "Dieet", "Een dieet helpt niet.", None, &[]),
        node("sec.anamnese", Section, "Anamnese", "De anamnese dient volledig.", None, &[]),
        node("med.paracetamol", Medication, "Paracetamol", "Paracetamol eerst.", None, &[]),
        node("med.tca", Medication, "Amitriptyline", "Amitriptyline in lage dosis.", None, &[]),
        node("med.tramadol", Medication, "Tramadol", "Tramadol liever niet.", None, &[]),
        node("con.duizelig", Concept, "Bijwerkingen", "Duizeligheid na medicatie.", None, &[]),
    ])
}

/// One edit is forgiven from four letters, none below: `yogaa` and `joga` find yoga, `yog`
/// finds nothing; `pilatez` (seven letters) finds pilates.
#[test]
fn one_edit_is_forgiven_from_four_letters() {
    let k = treatments();
    for typo in ["yogaa", "joga", "yog", "pilatez"] {
        assert!(!pack_says(&k, typo), "premise: {typo:?} is not a word of the pack");
    }
    assert_eq!(ids(&k, "yogaa"), ["rec.yoga"]);
    assert_eq!(ids(&k, "joga"), ["rec.yoga"]);
    assert!(ids(&k, "yog").is_empty(), "a three-letter word is not fuzzed: {:?}", ids(&k, "yog"));
    assert_eq!(ids(&k, "pilatez"), ["rec.pilates"]);
}

/// Two edits are forgiven from nine letters, one below: `paracetml` (nine letters, two
/// deletions) and `amitreptylin` find their drugs; `tremedol` (eight letters, two from tramadol)
/// finds nothing.
#[test]
fn two_edits_are_forgiven_from_nine_letters() {
    let k = treatments();
    for typo in ["paracetml", "amitreptylin", "tremedol"] {
        assert!(!pack_says(&k, typo), "premise: {typo:?} is not a word of the pack");
    }
    assert_eq!(ids(&k, "paracetml"), ["med.paracetamol"]);
    assert_eq!(ids(&k, "amitreptylin"), ["med.tca"]);
    assert!(ids(&k, "tremedol").is_empty(), "{:?}", ids(&k, "tremedol"));
}

/// Swapping two neighbouring letters is one edit, not two: `pilaets` (seven letters) and `deiet`
/// (five) are within the one edit their length allows.
#[test]
fn a_transposition_counts_as_one_edit() {
    let k = treatments();
    for typo in ["pilaets", "deiet"] {
        assert!(!pack_says(&k, typo), "premise: {typo:?} is not a word of the pack");
    }
    assert_eq!(ids(&k, "pilaets"), ["rec.pilates"]);
    assert_eq!(ids(&k, "deiet"), ["rec.dieet"]);
}

/// A misspelling with a single near spelling is that word to the name boost as well: the node
/// named `Ketenzorgcoördinator` comes first for `ketenzorgcordinator`, as it does for the word
/// spelled right, above a node that uses the word more often.
#[test]
fn a_misspelled_name_finds_the_node_of_that_name_first() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "rol.coordinator",
            Role,
            "Ketenzorgcoördinator",
            "Regelt de zorg in de keten met huisarts, fysiotherapeut, psycholoog en apotheker.",
            None,
            &[],
        ),
        node(
            "sec.keten",
            Section,
            "Keten",
            "Ketenzorgcoördinator, ketenzorgcoördinator, ketenzorgcoördinator.",
            None,
            &[],
        ),
    ]);
    assert!(!pack_says(&k, "ketenzorgcordinator"), "premise: the misspelling is not a word");
    assert_eq!(first(&k, "ketenzorgcoordinator"), "rol.coordinator");
    assert_eq!(first(&k, "ketenzorgcordinator"), "rol.coordinator");
}

/// Exact and stemmed matches rank above near spellings: `duizeligheid` (exact) and `duizelig`
/// (stem) score alike and above `duizeligheit` (one edit) on the same node; and a word the pack
/// has is not fuzzed at all: `dieet` does not find the node that only says `dient`, which the
/// misspelling `dieat` does find.
#[test]
fn exact_and_stemmed_matches_rank_above_near_spellings() {
    let k = treatments();
    let [exact, stemmed, near] = ["duizeligheid", "duizelig", "duizeligheit"]
        .map(|q| hits(&k, q).into_iter().next().expect("a hit"));
    assert_eq!(exact.node.id, "con.duizelig");
    assert_eq!((&stemmed.node.id, &near.node.id), (&exact.node.id, &exact.node.id));
    assert_eq!(stemmed.score, exact.score);
    assert!(near.score < exact.score, "near {} against exact {}", near.score, exact.score);

    let dient = "sec.anamnese";
    assert!(says(&k, dient, "dient") && !says(&k, dient, "dieet"), "premise");
    assert!(rank(&k, "dieat", dient).is_some(), "the misspelling reaches `dient`");
    assert!(rank(&k, "dieet", dient).is_none(), "`dieet` is a word of the pack and is not fuzzed");
}

/// With `prefix: Some(true)` the last word is completed while typing: `pijneduc` finds the
/// pijneducatie recommendations (and marks the completed word), `rode vla` the red-flag nodes;
/// without prefix, or once a space ends the word, it is not completed.
#[test]
fn the_last_word_is_completed_while_typing() {
    use Kind::*;
    let k = knowledge(vec![
        node("rec.educatie", Recommendation, "Pijneducatie geven", "Geef pijneducatie.", None, &[]),
        node("rta.goal", Section, "Doel", "Pijneducatie heeft een doel.", None, &[]),
        node("con.pijn", Concept, "Pijn", "Uitleg over pijn.", None, &[]),
        node(
            "flag.rodevlaggen",
            RedFlag,
            "Rode vlaggen",
            "Rode vlaggen wijzen op ziekte.",
            None,
            &[],
        ),
        node("flag.rug", RedFlag, "Rug", "Bij rugpijn zijn er rode vlaggen.", None, &[]),
        node(
            "con.rode-ogen",
            Concept,
            "Rode ogen",
            "Rode ogen, rode huid, rode wangen.",
            None,
            &[],
        ),
    ]);
    let typing = SearchOptions { prefix: Some(true), limit: Some(MAX_LIMIT), ..Default::default() };
    let completed = search_with(&k, "pijneduc", &typing);
    assert_eq!(ids_of(&completed), ["rec.educatie", "rta.goal"]);
    let goal = completed.iter().find(|h| h.node.id == "rta.goal").expect("rta.goal");
    assert!(goal.snippet.contains("<mark>Pijneducatie</mark>"), "{}", goal.snippet);
    assert!(hits(&k, "pijneduc").is_empty(), "without prefix `pijneduc` is not a word");
    assert!(search_with(&k, "pijneduc ", &typing).is_empty(), "a space ends the word");

    let flags = ids_of(&search_with(&k, "rode vla", &typing));
    assert_eq!(flags, ["flag.rodevlaggen", "flag.rug", "con.rode-ogen"]);
    // Not completed, `vla` is a word the pack lacks: whatever is found, a red flag is not first.
    let unfinished = ids(&k, "rode vla");
    assert!(
        !unfinished.first().is_some_and(|id| id.starts_with("flag.")),
        "without prefix `vla` is not `vlaggen`: {unfinished:?}"
    );
}

/// While typing, a stopword after a word ends that word as a space does: `rode vla is` is not
/// `rode vlaggen is`, since the word being typed is `is`.
#[test]
fn a_stopword_typed_after_a_word_ends_it() {
    use Kind::*;
    let k = knowledge(vec![
        node("flag.rode", RedFlag, "Rode vlaggen", "Rode vlaggen wijzen op ziekte.", None, &[]),
        node("con.ogen", Concept, "Rode ogen", "Rode ogen, rode huid, rode wangen.", None, &[]),
    ]);
    let typing = SearchOptions { prefix: Some(true), limit: Some(MAX_LIMIT), ..Default::default() };
    let typed = |query: &str| ranking(&search_with(&k, query, &typing));
    assert_eq!(ids_of(&search_with(&k, "rode vla", &typing))[0], "flag.rode", "premise");
    assert_eq!(typed("rode vla is"), typed("rode vla "));
}

/// While typing, a finished common word is not outscored by its rarer completions: `pijn` finds
/// the node about pain before the one about painkillers, which lacks the word `pijn` and is found
/// only as a completion; `pijnst`, which no node holds, still finds the painkillers.
#[test]
fn a_finished_word_outranks_its_rarer_completions_while_typing() {
    use Kind::*;
    let k = knowledge(vec![
        node("t.pijn", Concept, "Wat is pijn", "Pijn is een signaal van het lichaam.", None, &[]),
        node("t.pijnstillers", Concept, "Pijnstillers", "Pijnstillers helpen soms.", None, &[]),
        node("t.slaap", Concept, "Slaap", "Slecht slapen door pijn en zorgen.", None, &[]),
        node("t.werk", Concept, "Werk", "Werken met pijn in de rug.", None, &[]),
        node("t.sport", Concept, "Sport", "Sporten ondanks pijn.", None, &[]),
    ]);
    assert!(!says(&k, "t.pijnstillers", "pijn"), "premise");
    let typing = SearchOptions { prefix: Some(true), limit: Some(MAX_LIMIT), ..Default::default() };
    let first_typed = |query: &str| ids_of(&search_with(&k, query, &typing))[0].clone();
    assert_eq!(first(&k, "pijn"), "t.pijn", "premise: typed out, `pijn` finds pain");
    assert_eq!(first_typed("pijn"), "t.pijn");
    assert_eq!(first_typed("pijnst"), "t.pijnstillers");
}

/// `suggest` completes the last word with words of the pack, most used first, keeping the words
/// before it and the pack's spelling (diacritics), whether or not the prefix has them.
#[test]
fn suggest_completes_the_last_word() {
    use Kind::*;
    let k = knowledge(vec![
        node("rec.educatie", Recommendation, "Pijneducatie", "Geef pijneducatie.", None, &[]),
        node("flag.rode", RedFlag, "Rode vlaggen", "Rode vlaggen en rode vlekken.", None, &[]),
        node("med.opioiden", Medication, "Opioïden", "Opioïden en opioïde middelen.", None, &[]),
    ]);
    assert_eq!(k.suggest("pijned", 5), ["pijneducatie"]);
    assert_eq!(k.suggest("rode vl", 5), ["rode vlaggen", "rode vlekken"]);
    let opioids = k.suggest("opioï", 5);
    assert_eq!(opioids, ["opioïden", "opioïde"]);
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
    use Kind::*;
    let mut rationale = node(
        "rec.relatie",
        Recommendation,
        "Relatie",
        "Werk aan de relatie met de patiënt.",
        None,
        &[],
    );
    with_layer(&mut rationale, LayerKey::Rationale, "Een geslaagde relatie helpt.");
    let k = knowledge(vec![
        node(
            "sec.financiering",
            Section,
            "Financiering: een voorstel",
            "Een nieuwe financiering van de zorg.",
            None,
            &[],
        ),
        node(
            "sec.ontwikkeling",
            Section,
            "Ontwikkeling",
            "Het voorstel, een tweede voorstel en een derde voorstel.",
            None,
            &[],
        ),
        node(
            "rec.thermo",
            Recommendation,
            "Thermotherapie",
            "Na een geslaagde proef verder.",
            None,
            &[],
        ),
        rationale,
        node("sec.slaap", Section, "Slaap", "Slaap is een voorwaarde.", None, &[]),
    ]);
    let (titled, stated) = ("sec.financiering", "sec.ontwikkeling");
    assert_eq!(fields_saying(&k, titled, "voorstel"), ["title"], "premise");
    assert_eq!(fields_saying(&k, stated, "voorstel"), ["main"], "premise");
    assert_eq!(ids(&k, "voorstel"), [titled, stated]);

    let (statement, rationale) = ("rec.thermo", "rec.relatie");
    assert_eq!(fields_saying(&k, statement, "geslaagde"), ["main"], "premise");
    assert_eq!(fields_saying(&k, rationale, "geslaagde"), ["rationale"], "premise");
    assert_eq!(ids(&k, "geslaagde"), [statement, rationale]);
}

/// A recommendation ranks above a page that merely carries the words: `pijneducatie` puts the
/// recommendation first, above the topic page and the section named exactly `Pijneducatie`;
/// `motiverende gespreksvoering` puts the recommendation above the concept of that exact name.
#[test]
fn a_recommendation_ranks_above_a_page_that_mentions_it() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "rec.pijneducatie",
            Recommendation,
            "Pijneducatie voor iedereen",
            "Geef pijneducatie aan elke patiënt.",
            None,
            &[],
        ),
        node("topic.pijneducatie", Topic, "Pijneducatie", "Pijneducatie in de bronnen.", None, &[]),
        node("sec.pijneducatie", Section, "Pijneducatie", "Pijneducatie in de zorg.", None, &[]),
        node(
            "rec.motiverende-gespreksvoering",
            Recommendation,
            "Motiverende gespreksvoering gebruiken",
            "Gebruik motiverende gespreksvoering.",
            None,
            &[],
        ),
        node(
            "con.motiverende-gespreksvoering",
            Concept,
            "Motiverende gespreksvoering",
            "Motiverende gespreksvoering is een manier van praten.",
            None,
            &[],
        ),
    ]);
    assert_eq!(k.raw_node("topic.pijneducatie").unwrap().title, "Pijneducatie", "premise");
    assert_eq!(ids(&k, "pijneducatie")[0], "rec.pijneducatie");
    assert_eq!(
        ids(&k, "motiverende gespreksvoering"),
        ["rec.motiverende-gespreksvoering", "con.motiverende-gespreksvoering"]
    );
}

/// The kind, document, actor and step filters drop every other node and keep the ranking: the
/// filtered hits are the unfiltered ones that pass, in the same order with the same scores.
#[test]
fn filters_keep_the_ranking_and_drop_the_rest() {
    use Kind::*;
    let mut nodes = vec![
        node("a.rec", Recommendation, "Verwijzen", "Verwijzen naar de pijnkliniek.", None, &[]),
        node("b.check", Checklist, "Checklist", "Voor het verwijzen: verwijzen.", None, &[]),
        node("c.concept", Concept, "Verwijzing", "Wat verwijzen is.", None, &[]),
        node("d.referral", Referral, "Verwijzen bij twijfel", "Verwijzen mag.", None, &[]),
        node("e.step", Step, "Stap 4", "In stap 4 is verwijzen gewoon.", None, &[]),
    ];
    nodes[1].source.as_mut().unwrap().document = "rta".into();
    nodes[3].source.as_mut().unwrap().document = "rta".into();
    nodes[0].actors.push("ketenzorgcoordinator".into());
    nodes[2].actors.push("ketenzorgcoordinator".into());
    nodes[3].facts.steps = vec![3, 4];
    nodes[4].facts.step = Some(4);
    let k = knowledge(nodes);
    let one = |s: &str| Some(OneOrMany::One(s.to_string()));
    type Case<'a> = (SearchOptions, &'a dyn Fn(&Node) -> bool);
    let cases: [Case; 5] = [
        (SearchOptions { kind: one("checklist"), ..Default::default() }, &|n| {
            n.kind == Kind::Checklist
        }),
        (
            SearchOptions {
                kind: Some(OneOrMany::Many(vec!["concept".into(), "checklist".into()])),
                ..Default::default()
            },
            &|n| matches!(n.kind, Kind::Concept | Kind::Checklist),
        ),
        (SearchOptions { document: one("rta"), ..Default::default() }, &|n| {
            n.source.as_ref().is_some_and(|s| s.document == "rta")
        }),
        (SearchOptions { actor: one("ketenzorgcoordinator"), ..Default::default() }, &|n| {
            n.actors.iter().any(|a| a == "ketenzorgcoordinator")
        }),
        (SearchOptions { step: Some(OneOrMany::One(4)), ..Default::default() }, &|n| {
            n.step == Some(4) || n.steps.contains(&4)
        }),
    ];
    let everything = hits(&k, "verwijzen");
    assert_eq!(everything.len(), 5, "premise: every node says `verwijzen`");
    for (options, passes) in cases {
        let node = |id: &str| k.raw_node(id).expect("a node");
        let expected: Vec<(String, f64)> =
            ranking(&everything).into_iter().filter(|(id, _)| passes(node(id))).collect();
        let filtered = ranking(&search_with(
            &k,
            "verwijzen",
            &SearchOptions { limit: Some(MAX_LIMIT), ..options.clone() },
        ));
        assert!(
            !filtered.is_empty() && filtered.len() < everything.len(),
            "{options:?}: the filter keeps some, drops some"
        );
        assert_eq!(filtered, expected, "{options:?}");
    }
}

/// For the patient audience concepts rank first: `cognitieve gedragstherapie` puts the
/// recommendation first for professionals and the concept that explains it for patients.
#[test]
fn the_patient_audience_puts_concepts_first() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "rec.cgt",
            Recommendation,
            "Cognitieve gedragstherapie",
            "Bied cognitieve gedragstherapie aan.",
            None,
            &[],
        ),
        node(
            "con.cgt",
            Concept,
            "Cognitieve gedragstherapie",
            "Bij cognitieve gedragstherapie leert u.",
            None,
            &[],
        ),
        node("rec.slaap", Recommendation, "Slaap", "Slaap goed.", None, &[]),
    ]);
    let query = "cognitieve gedragstherapie";
    assert_eq!(ids(&k, query), ["rec.cgt", "con.cgt"], "professional");
    assert_eq!(ids_of(&search_with(&k, query, &patient())), ["con.cgt", "rec.cgt"], "patient");
}

/// For the patient audience lay text weighs more than the statement: `verstoren` in one
/// recommendation's statement and in another's lay text swaps their order between audiences,
/// and the patient's snippet is cut from the lay text.
#[test]
fn the_patient_audience_weighs_lay_text_over_the_statement() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "rec.balans",
            Recommendation,
            "Balans",
            "Pijn kan het werk verstoren.",
            Some("Zoek balans tussen werk en rust."),
            &[],
        ),
        node(
            "rec.emoties",
            Recommendation,
            "Emoties",
            "Let op emoties bij pijn.",
            Some("Pijn kan uw slaap verstoren."),
            &[],
        ),
    ]);
    let (statement, lay) = ("rec.balans", "rec.emoties");
    assert_eq!(fields_saying(&k, statement, "verstoren"), ["main"], "premise");
    assert_eq!(fields_saying(&k, lay, "verstoren"), ["lay"], "premise");
    assert_eq!(ids(&k, "verstoren"), [statement, lay], "professional");
    let for_patient = search_with(&k, "verstoren", &patient());
    assert_eq!(ids_of(&for_patient), [lay, statement], "patient");
    assert_eq!(for_patient[0].snippet, "Pijn kan uw slaap <mark>verstoren</mark>.");
}

/// Snippets are escaped HTML with the matched words in `<mark>`, as written in the text: the words
/// typed, a synonym's words (`foto` marks `onderzoek`), and nothing else as markup (`&` and `'`
/// stay entities).
#[test]
fn snippets_mark_the_matched_words_in_escaped_html() {
    use Kind::*;
    let k = knowledge_with(
        &[&["foto", "onderzoek"]],
        vec![
            node(
                "sec.materiaal",
                Section,
                "Materiaal",
                "Zie Reuma & Alternatieve <geneeswijzen> \"nu\".",
                None,
                &[],
            ),
            node("med.nsaid", Medication, "NSAID", "Een NSAID's werking.", None, &[]),
            node("rec.onderzoek", Recommendation, "Beeld", "Geen onderzoek doen.", None, &[]),
        ],
    );
    let cases = [
        (
            "Reuma alternatieve",
            "sec.materiaal",
            "<mark>Reuma</mark> &amp; <mark>Alternatieve</mark>",
        ),
        ("NSAID's", "med.nsaid", "<mark>NSAID</mark>&#39;s"),
        ("foto", "rec.onderzoek", "<mark>onderzoek</mark>"),
    ];
    for (query, id, expected) in cases {
        let found = hits(&k, query);
        let hit = found.iter().find(|h| h.node.id == id).unwrap_or_else(|| panic!("{query:?}"));
        assert!(hit.snippet.contains(expected), "{query:?} on {id}: {}", hit.snippet);
        let text = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(!text.contains(['<', '>', '"']), "only <mark> is markup: {}", hit.snippet);
    }
}

// ---------------------------------------------------------------------------------------------
// Honest answers
// ---------------------------------------------------------------------------------------------

/// A capitalised name the pack never mentions means the guidance does not address the question,
/// so the answer is empty rather than a guess on the other words, which alone do find nodes
/// (`Disability Index` finds the Pain Disability Index).
#[test]
fn a_name_the_guidance_never_mentions_gives_no_answer() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "ins.pdi",
            Instrument,
            "Pain Disability Index",
            "De Pain Disability Index meet beperking.",
            None,
            &[],
        ),
        node(
            "ins.vragen",
            Instrument,
            "Vragenlijst",
            "Een korte screeningsvragenlijst.",
            None,
            &[],
        ),
    ]);
    for (query, rest) in [
        ("Örebro screeningsvragenlijst", "screeningsvragenlijst"),
        ("Oswestry Disability Index", "Disability Index"),
    ] {
        assert!(hits(&k, query).is_empty(), "{query:?}: {:?}", ids(&k, query));
        assert!(!hits(&k, rest).is_empty(), "{rest:?} alone finds nodes");
    }
    assert_eq!(first(&k, "Disability Index"), "ins.pdi");
    assert!(hits(&k, "Oswestry").is_empty());
}

/// The question and filler words of a patient's whole question ("mijn", "doet", "al", "mag",
/// "waarom") carry no content: a node that shares only those with the question does not outrank
/// one that shares its content words.
#[test]
fn question_words_do_not_outweigh_the_content_words() {
    let k = knowledge(vec![
        node("t.rug", Kind::Concept, "Klachten die maanden blijven", "Pijn in de rug.", None, &[]),
        node("t.doet", Kind::Concept, "Wat pijn doet", "Pijn.", None, &[]),
    ]);
    assert_eq!(ids(&k, "mijn rug doet al maanden pijn").first().map(String::as_str), Some("t.rug"));
    let only_filler = ids(&k, "mag ik waarom mijn");
    assert!(only_filler.is_empty(), "a question of filler words finds nothing: {only_filler:?}");
    // A verb that reports what someone said, in a tense the content never writes, is no word the
    // guidance lacks: the story still finds its answer.
    assert!(!pack_says(&k, "zei"), "premise");
    assert_eq!(first(&k, "ze zei dat de rug al maanden pijn doet"), "t.rug");
    // Nor do a pronoun and the words that only date a complaint.
    for filler in ["haar", "sinds", "sindsdien", "geworden", "ondertussen", "intussen", "inmiddels"]
    {
        assert!(!pack_says(&k, filler), "premise: {filler}");
    }
    assert_eq!(first(&k, "haar rug doet sinds maanden pijn"), "t.rug");
    assert_eq!(first(&k, "sindsdien zijn het klachten geworden die maanden blijven"), "t.rug");
    // Nor are they words the guidance lacks, which would weigh most and could leave a question
    // unanswered.
    for meanwhile in ["ondertussen", "intussen", "inmiddels"] {
        let question = format!("{meanwhile} blijven de klachten in mijn rug");
        let unknown = k.unknown_words(&question, &SearchOptions::default()).unwrap();
        assert!(unknown.is_empty(), "{unknown:?}");
        assert_eq!(first(&k, &question), "t.rug");
    }
}

/// The plural of a unit of time (`dagen`, `weken`, `maanden`, `jaren`) only says how long a
/// complaint has lasted: a node that shares only that with the question does not outrank the one
/// that shares its complaint.
#[test]
fn the_plural_of_a_unit_of_time_only_dates_a_complaint() {
    let k = knowledge(vec![
        node("t.hoofd", Kind::Concept, "Hoofdpijn", "Pijn in het hoofd.", None, &[]),
        node(
            "t.duur",
            Kind::Concept,
            "Na maanden en jaren",
            "Dagen, weken, maanden en jaren van behandeling.",
            None,
            &[],
        ),
    ]);
    for duration in ["dagen", "weken", "maanden", "jaren"] {
        assert!(says(&k, "t.duur", duration), "premise: {duration}");
    }
    assert_eq!(first(&k, "al jaren en weken hoofdpijn"), "t.hoofd");
    assert_eq!(first(&k, "sinds maanden en dagen hoofdpijn"), "t.hoofd");
}

/// A compound of a separable particle and a verb's stem is about the particle verb: a `terugval`
/// (relapse) is no `val` (fall), so a question about a fall does not find relapse by the part
/// `val`, while `terug` still finds it.
#[test]
fn a_particle_compound_is_not_found_by_its_verbs_stem() {
    let k = knowledge(vec![
        node("t.terugval", Kind::Concept, "Terugval", "Terugval na een terugval.", None, &[]),
        node(
            "t.val",
            Kind::Concept,
            "Pijn na een val",
            "Meer pijn na een val of ongeval.",
            None,
            &[],
        ),
        node("t.werk", Kind::Concept, "Terug naar het werk", "Weer aan het werk.", None, &[]),
    ]);
    assert_eq!(ids(&k, "val"), ["t.val"]);
    assert_eq!(first(&k, "meer pijn na een val"), "t.val");
    assert!(ids(&k, "terug").contains(&"t.terugval".to_string()));
}

/// A determiner (`elke`, `ieder`, `alle`), a verb that frames the question (`weet`, `weten`,
/// `wist`) and `goed` qualifying a verb carry no content in a patient's question: a node that
/// shares only those with it does not outrank the one that shares its content words.
#[test]
fn determiners_knowing_and_goed_are_no_content_words() {
    let k = knowledge(vec![
        node("t.kracht", Kind::Concept, "Minder kracht", "Minder kracht in de arm.", None, &[]),
        node(
            "t.omgaan",
            Kind::Concept,
            "Weten wat goed gaat",
            "Alle mensen weten elke dag wat goed gaat; ieder wist het.",
            None,
            &[],
        ),
    ]);
    for filler in ["elke", "ieder", "alle", "weten", "wist", "goed"] {
        assert!(says(&k, "t.omgaan", filler), "premise: {filler}");
    }
    assert_eq!(first(&k, "ik weet niet of ik elke dag goed kracht heb in mijn arm"), "t.kracht");
    assert_eq!(first(&k, "wist ik maar of alle kracht in mijn arm minder is"), "t.kracht");
}

/// `laten` before another verb ("een scan laten maken") only says who does it: a question with
/// it finds what the question without it finds, though the content never writes the word.
#[test]
fn a_causative_laten_is_no_content_word() {
    let k = knowledge(vec![
        node("t.scan", Kind::Recommendation, "Geen scan", "Maak geen scan van de rug.", None, &[]),
        node("t.rug", Kind::Concept, "Rugpijn", "Pijn in de rug.", None, &[]),
    ]);
    assert!(!pack_says(&k, "laten"), "premise");
    assert_eq!(first(&k, "scan maken"), "t.scan", "premise");
    assert_eq!(first(&k, "scan laten maken"), "t.scan");
}

/// A node's `questions` (a patient's words for what its lay text answers) are searched as a field
/// of their own, which counts most for patients: the question finds its node first although
/// another node's text holds the same words.
#[test]
fn a_patients_question_listed_on_a_node_finds_it_first_for_patients() {
    let mut answered = node(
        "t.bewegen",
        Kind::Recommendation,
        "Adviseer fysieke activiteit",
        "Fysieke activiteit en oefentherapie.",
        Some("Blijf in beweging, ook met pijn."),
        &[],
    );
    answered.facts.questions = vec!["Mag ik sporten als mijn rug pijn doet?".to_string()];
    let distractor = node(
        "t.sport",
        Kind::Concept,
        "Sportgeneeskunde",
        "Sporten en rugklachten bij sporters.",
        Some("Over sporten en uw rug."),
        &[],
    );
    let k = knowledge(vec![answered, distractor]);
    let hits = search_with(&k, "sporten met rugpijn", &patient());
    assert_eq!(ids_of(&hits).first().map(String::as_str), Some("t.bewegen"), "{:?}", ids_of(&hits));
}

/// A node that matches a question's rarest word, its subject, outranks one that matches more of
/// its everyday words: the share of words a node matches counts, but not so much that a patient's
/// long question is answered by the node that shares its common words (`rugpijn`, `dokter`).
#[test]
fn the_rarest_word_outweighs_more_common_ones() {
    use Kind::*;
    let mut nodes = vec![
        node("flag.koorts", RedFlag, "Koorts", "Koorts kan op een infectie wijzen.", None, &[]),
        node("con.rugpijn", Concept, "Rugpijn", "Met rugpijn naar de dokter.", None, &[]),
    ];
    for n in 0..4 {
        let id = format!("con.rug{n}");
        nodes.push(node(&id, Concept, "Uitleg", "De dokter bespreekt rugpijn.", None, &[]));
    }
    let k = knowledge(nodes);
    assert!(!says(&k, "flag.koorts", "rugpijn") && !says(&k, "flag.koorts", "dokter"), "premise");
    let found = ids(&k, "ik heb rugpijn en koorts, moet ik naar de dokter");
    assert_eq!(found.first().map(String::as_str), Some("flag.koorts"), "{found:?}");
}

/// A question a node lists as one its lay text answers finds that node first when asked word
/// for word, in any case and punctuation (the page offers the listed questions while a patient
/// types, as answered by that node), above a node that scores higher; the same words in
/// another order, a few of them, or the same content words with other question words, are an
/// ordinary query. Compared only among the best ten
/// hits, a listed question once found its node 29th.
#[test]
fn a_listed_question_asked_word_for_word_finds_its_node_first() {
    let mut answered = node(
        "t.bewegen",
        Kind::Concept,
        "Blijf bewegen",
        "Beweging helpt.",
        Some("Blijf in beweging, ook met pijn."),
        &[],
    );
    answered.facts.questions = vec!["Mag ik sporten met rugpijn en nekpijn?".to_string()];
    let distractor = node(
        "t.sport",
        Kind::Concept,
        "Sporten met rugpijn en nekpijn",
        "Sporten bij rugpijn en nekpijn.",
        Some("Sporten met rugpijn? Sporten met nekpijn? Sporten kan."),
        &[],
    );
    let k = knowledge(vec![answered, distractor]);
    // For a clinician, whose search weighs the listed questions least.
    let first = |query: &str| ids_of(&hits(&k, query)).first().cloned();
    // Premise: by score, the other node comes first.
    assert_eq!(first("mag ik sporten met nekpijn en rugpijn").as_deref(), Some("t.sport"));
    assert_eq!(first("sporten rugpijn nekpijn").as_deref(), Some("t.sport"));
    // The same content words with other question words is another question.
    assert_eq!(first("moet ik sporten met rugpijn en nekpijn").as_deref(), Some("t.sport"));
    for asked in ["Mag ik sporten met rugpijn en nekpijn?", "mag ik sporten met rugpijn en nekpijn"]
    {
        assert_eq!(first(asked).as_deref(), Some("t.bewegen"), "{asked}");
    }
}

/// A concept with a short lay text that lists `questions` as the ones it answers; its own texts
/// hold none of their words.
fn with_questions(id: &str, questions: &[&str]) -> Node {
    let mut n = node(id, Kind::Concept, "Uitleg", "Over bewegen.", Some("Blijf bewegen."), &[]);
    n.facts.questions = questions.iter().map(|q| q.to_string()).collect();
    n
}

/// Asked in other words, a question still lifts the node that lists one holding most of its
/// weight: all its words in one listed question count more than the same words spread over two
/// (which the questions pooled as one field cannot tell apart).
#[test]
fn a_listed_question_holding_the_query_lifts_its_node() {
    let k = knowledge(vec![
        with_questions("t.apart", &["Helpt zwemmen tegen pijn?", "Is mijn schouder versleten?"]),
        with_questions(
            "t.samen",
            &["Helpt zwemmen als mijn schouder pijn doet?", "Is het versleten?"],
        ),
    ]);
    // Premise: two words are too few for listed questions to count, and the pooled fields tie.
    let two = ranking(&search_with(&k, "zwemmen schouder", &patient()));
    assert_eq!(two[0].1, two[1].1, "premise: the pooled questions score alike: {two:?}");
    let found = ids_of(&search_with(&k, "zwemmen met pijn in mijn schouder", &patient()));
    assert_eq!(found.first().map(String::as_str), Some("t.samen"), "{found:?}");
}

/// A node's listed questions are alternatives, each a short text of its own: a node that lists
/// more ways of asking (a list of red flags, one question per sign) is no longer text whose
/// every word counts less. It scores a word of one of its questions as a node listing only that
/// question does, where a pooled field's length once put it below.
#[test]
fn listing_more_questions_does_not_lower_a_nodes_score() {
    let k = knowledge(vec![
        with_questions("t.een", &["Is koorts bij pijn een alarmsignaal?"]),
        with_questions(
            "t.vier",
            &[
                "Is koorts bij pijn een alarmsignaal?",
                "Is braken bij pijn een alarmsignaal?",
                "Is afvallen bij pijn een alarmsignaal?",
                "Is verwardheid bij pijn een alarmsignaal?",
            ],
        ),
    ]);
    let scores = ranking(&search_with(&k, "koorts", &patient()));
    assert_eq!(scores.len(), 2, "{scores:?}");
    assert!((scores[0].1 - scores[1].1).abs() < 1e-6, "the two score alike: {scores:?}");
}

/// A question whose words the content never uses weigh as much as the words it does is about
/// something the guidance does not address: it finds nothing, rather than hits on its other words.
/// A word weighs by how rare it is, and a word found nowhere weighs most, so one unknown word
/// beside one known word (`fibromyalgie erfelijk`) finds nothing, while one incidental unknown
/// word in a longer question still finds.
#[test]
fn a_question_whose_unknown_words_weigh_most_finds_nothing() {
    use Kind::*;
    let k = knowledge(vec![
        node("t.helpen", Concept, "Wat kan helpen bij rugpijn", "Bewegen kan helpen.", None, &[]),
        node("t.fibro", Concept, "Fibromyalgie", "Fibromyalgie is een pijnsyndroom.", None, &[]),
        node("t.slaap", Concept, "Slaap", "Slecht slapen bij pijn.", None, &[]),
        node("t.werk", Concept, "Werk", "Blijven werken met pijn.", None, &[]),
    ]);
    for word in ["erfelijk", "hielspoor", "schoenen", "vandaag"] {
        assert!(!pack_says(&k, word), "premise: {word:?} is not a word of the pack");
    }
    assert!(says(&k, "t.fibro", "fibromyalgie") && says(&k, "t.helpen", "helpen"), "premise");
    assert_eq!(ids(&k, "is fibromyalgie erfelijk"), Vec::<String>::new());
    assert_eq!(ids(&k, "schoenen helpen hielspoor"), Vec::<String>::new());
    assert_eq!(
        ids(&k, "kan bewegen helpen bij mijn rugpijn vandaag").first().map(String::as_str),
        Some("t.helpen"),
        "one incidental unknown word among three known ones still finds"
    );
}

/// A question with a word the content lacks finds nothing when no node holds a fair share of it:
/// its other words are then side words, each found in another node ("mag ik hardlopen met
/// artrose in mijn knie" found smoking, on `knie`). The same question whose known words meet in
/// one node finds that node, and a named drug's card is always shown.
#[test]
fn a_question_with_an_unknown_word_and_no_node_holding_it_finds_nothing() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "t.roken",
            Concept,
            "Roken",
            "Stoppen met roken, ook bij een pijnlijke knie.",
            None,
            &[],
        ),
        node("t.artrose", Concept, "Artrose", "Bij artrose kan zwemmen helpen.", None, &[]),
        node("t.sport", Concept, "Sport", "Sporten bij pijn.", None, &[]),
        node("t.slaap", Concept, "Slaap", "Slecht slapen bij pijn.", None, &[]),
        node("t.tramadol", Medication, "Tramadol", "Tramadol liever niet.", None, &["Tramal"]),
        node("t.werk", Concept, "Werk", "Blijven werken met pijn.", None, &[]),
    ]);
    assert!(!pack_says(&k, "hardlopen"), "premise: hardlopen is not a word of the pack");
    assert_eq!(first(&k, "sporten artrose knie"), "t.artrose", "premise: the known words find");
    assert_eq!(
        ids(&k, "mag ik hardlopen en sporten met artrose in mijn knie"),
        Vec::<String>::new()
    );
    assert_eq!(
        first(&k, "mag ik hardlopen en zwemmen met artrose in mijn knie"),
        "t.artrose",
        "as many known words, two of them in one node"
    );
    assert_eq!(first(&k, "mag ik hardlopen en sporten met tramadol in mijn knie"), "t.tramadol");
}

/// A question that names a drug is answered whatever else it asks: neither the absent-words rule
/// (`tapentadol erfelijk`) nor a name the pack never mentions (`tapentadol CYP2D6`) hides a
/// medication's caution, as DESIGN.md's safety rule requires.
#[test]
fn a_question_naming_a_medication_always_finds_it() {
    use Kind::*;
    let k = knowledge(vec![
        node(
            "t.tapentadol",
            Medication,
            "Tapentadol: liever niet",
            "Tapentadol is een opioïd.",
            None,
            &["tapentadol", "Palexia"],
        ),
        node("t.fibro", Concept, "Fibromyalgie", "Fibromyalgie is een pijnsyndroom.", None, &[]),
        node("t.slaap", Concept, "Slaap", "Slecht slapen bij pijn.", None, &[]),
    ]);
    assert!(!pack_says(&k, "erfelijk"), "premise: erfelijk is not a word of the pack");
    assert_eq!(
        ids(&k, "is fibromyalgie erfelijk"),
        Vec::<String>::new(),
        "premise: the rule applies"
    );
    assert_eq!(ids(&k, "CYP2D6 Fibromyalgie"), Vec::<String>::new(), "premise: a name is absent");
    for query in [
        "tapentadol erfelijk",
        "palexia erfelijk",
        "is tapentadol erfelijk",
        "tapentadol CYP2D6",
        "Palexia en Örebro",
    ] {
        assert_eq!(first(&k, query), "t.tapentadol", "{query}");
    }
    let typed = SearchOptions::default();
    assert_eq!(k.unknown_words("tapentadol CYP2D6", &typed).unwrap(), ["CYP2D6"], "still named");
}

/// A question that names a drug ranks that drug's card first, however many of its other words
/// another node shares: the card counts as covering the whole question (`slik elke dag tramadol`
/// found the NSAID card first, on `slik elke dag`).
#[test]
fn the_card_of_a_named_drug_covers_the_whole_question() {
    use Kind::*;
    let k = knowledge(vec![
        node("t.nsaid", Medication, "NSAID", "Slik een NSAID niet elke dag.", None, &["ibuprofen"]),
        node("t.tramadol", Medication, "Tramadol", "Tramadol liever niet.", None, &["Tramal"]),
        node("t.slaap", Concept, "Slaap", "Slecht slapen bij pijn.", None, &[]),
    ]);
    let query = "slik elke dag tramadol";
    assert_eq!(first(&k, "slik elke dag"), "t.nsaid", "premise: the other words find another card");
    assert_eq!(first(&k, query), "t.tramadol", "{query}");
    assert_eq!(first(&k, "slik elke dag tramal"), "t.tramadol", "by its brand name");
}

/// A question that names two drugs shows the caution first, though the other drug's card shares
/// more of it (`tramadol sertraline` showed the SSRIs' card above the opioid caution), and the
/// scores stay best first: DESIGN.md's "a search for any opioid name must surface the opioid
/// caution first" holds for a question that names another drug too.
#[test]
fn the_caution_of_a_named_drug_ranks_above_the_other_named_drugs() {
    use Kind::*;
    let pack = |tramadol_position: Position| {
        let mut ssri = node(
            "t.ssri",
            Medication,
            "SSRI's",
            "Sertraline bij angst en somberheid; sertraline bij slaap en sertraline bij pijn.",
            None,
            &["sertraline"],
        );
        ssri.facts.position = Some(Position::Consider);
        let mut tramadol =
            node("t.tramadol", Medication, "Tramadol", "Tramadol liever niet.", None, &["Tramal"]);
        tramadol.facts.position = Some(tramadol_position);
        knowledge(vec![
            ssri,
            tramadol,
            node("t.slaap", Concept, "Slaap", "Slecht slapen bij pijn.", None, &[]),
        ])
    };
    let query = "sertraline tramadol";
    let both_considered = pack(Position::Consider);
    assert_eq!(
        ids(&both_considered, query)[..2],
        ["t.ssri", "t.tramadol"],
        "premise: by score alone the SSRIs' card comes first"
    );
    let k = pack(Position::PreferablyNot);
    for query in [query, "tramadol sertraline", "Tramal en sertraline", "sertraline 50mg tramadol"]
    {
        let found = hits(&k, query);
        assert_eq!(ids_of(&found)[..2], ["t.tramadol", "t.ssri"], "{query}");
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score), "{:?}", ranking(&found));
    }
    assert_eq!(first(&k, "sertraline"), "t.ssri", "one drug named: its own card");
    let one = SearchOptions { limit: Some(1), ..SearchOptions::default() };
    assert_eq!(ids_of(&search_with(&k, query, &one)), ["t.tramadol"], "within the limit too");
}

/// A query that is a drug's name finds that drug's card first, above a card that only holds the
/// name among other words, however often that card uses it (`Voltaren` is the NSAIDs' name and
/// part of the topical card's `Voltaren Emulgel`: it stood first by 27.3 to 27.0), and the scores
/// stay best first.
#[test]
fn a_query_that_is_a_drugs_name_finds_that_drug_first() {
    use Kind::*;
    let topical = node(
        "t.topisch",
        Medication,
        "Voltaren op de huid",
        "Voltaren Emulgel is een gel. Voltaren Emulgel op de huid. Smeer Voltaren Emulgel dun uit.",
        None,
        &["Voltaren Emulgel", "Voltaren gel", "Voltaren crème"],
    );
    // The NSAIDs' card has many names, as the real one does: each weighs less.
    let names = ["Voltaren", "ibuprofen", "naproxen", "diclofenac", "Brufen", "Nurofen", "Advil"];
    let nsaid = node("t.nsaid", Medication, "NSAID's", "Ontstekingsremmers.", None, &names);
    let k = knowledge(vec![topical, nsaid]);
    let found = hits(&k, "voltaren");
    assert_eq!(ids_of(&found)[0], "t.nsaid", "{:?}", ranking(&found));
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score), "{:?}", ranking(&found));
    assert_eq!(first(&k, "Voltaren gel"), "t.topisch", "the other card's own name");
}

/// `unknown_words` names, as typed and in order, the query words the content lacks in every form:
/// why a search finds nothing (`is fibromyalgie erfelijk`), or what its hits leave out. A word
/// found through a synonym, a compound part, a near spelling or, while typing, a completion is no
/// unknown word; with a capitalised name the content lacks, every word without any form is named.
#[test]
fn unknown_words_are_the_query_words_the_content_lacks_in_every_form() {
    use Kind::*;
    let k = knowledge_with(
        &[&["dokter", "huisarts"]],
        vec![
            node("t.fibro", Concept, "Fibromyalgie", "Educatie over pijn.", None, &[]),
            node("t.huisarts", Concept, "Huisarts", "De huisarts en rugpijn.", None, &[]),
        ],
    );
    let unknown = |query: &str, options: &SearchOptions| {
        k.unknown_words(query, options).expect("valid options")
    };
    let typed = SearchOptions::default();
    for word in ["erfelijk", "schoonmoeder", "dokter", "fibromyalgei", "pijneducatie", "ehlers"] {
        assert!(!pack_says(&k, word), "premise: {word:?} is not a word of the pack");
    }
    assert_eq!(unknown("is fibromyalgie erfelijk", &typed), ["erfelijk"]);
    assert!(hits(&k, "is fibromyalgie erfelijk").is_empty(), "premise: the search finds nothing");
    assert_eq!(unknown("mijn Schoonmoeder met rugpijn", &typed), ["Schoonmoeder"]);
    // A synonym, a compound's part, a near spelling: all found, so none is unknown.
    assert_eq!(unknown("dokter pijneducatie fibromyalgei", &typed), Vec::<String>::new());
    assert_eq!(unknown("Ehlers Danlos en fibromyalgie", &typed), ["Ehlers", "Danlos"]);
    assert_eq!(unknown("", &typed), Vec::<String>::new());
    let typing = SearchOptions { prefix: Some(true), ..Default::default() };
    assert_eq!(unknown("fibromyalgie educ", &typing), Vec::<String>::new());
    assert_eq!(unknown("fibromyalgie erfel", &typing), ["erfel"]);
    let wrong = SearchOptions { audience: Some("leek".to_string()), ..Default::default() };
    assert!(k.unknown_words("pijn", &wrong).is_err(), "options are checked as search does");
}

/// While typing, a last word that no word of the content starts with, and that is no near
/// spelling of one, counts as a word the content lacks: `is fibromyalgie erfelijk` finds nothing
/// as it does once typed, while `fibromyalgie pijnsyn` is completed and finds.
#[test]
fn a_last_word_no_content_word_starts_with_counts_as_unknown_while_typing() {
    use Kind::*;
    let k = knowledge(vec![
        node("t.fibro", Concept, "Fibromyalgie", "Fibromyalgie is een pijnsyndroom.", None, &[]),
        node("t.slaap", Concept, "Slaap", "Slecht slapen bij pijn.", None, &[]),
    ]);
    let typing = SearchOptions { prefix: Some(true), limit: Some(MAX_LIMIT), ..Default::default() };
    assert!(!pack_says(&k, "erfelijk"), "premise");
    let unknown = ids_of(&search_with(&k, "is fibromyalgie erfelijk", &typing));
    assert!(unknown.is_empty(), "{unknown:?}");
    let completed = ids_of(&search_with(&k, "fibromyalgie pijnsyn", &typing));
    assert_eq!(completed, ["t.fibro"]);
}
