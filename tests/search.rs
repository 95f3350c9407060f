//! A search rule that is about the real content by nature, checked end to end through the public
//! API (`Knowledge::search`): what an opioid tapering question returns depends on which nodes of
//! the guidance say that it gives no tapering schedule; and the stems the pack carries for the
//! content's words, which only the real content's words can show in full.
//!
//! The engine's own rules (Dutch text analysis, synonyms, typo tolerance, completion, ranking,
//! filters, snippets, empty answers) are checked on small synthetic packs in
//! `crates/knowledge/tests/search_rules.rs`, so an edit of `content/` cannot break them;
//! `tests/relevance.rs` measures the overall ranking on the real content.

use std::sync::OnceLock;

use pijnwijzer::knowledge::features::MedicationSummary;
use pijnwijzer::knowledge::search::{layer_text, stem_table};
use pijnwijzer::knowledge::view::Hit;
use pijnwijzer::knowledge::{Knowledge, SearchOptions};
use pijnwijzer::model::{LayerKey, Node, Pack, StemTable};

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

/// A Flemish reader's words find what the Dutch ones find (WOREL is Belgian, the Zorgstandaard
/// Dutch): `geneesheer` is `arts`, `kinesist` is `kinesitherapeut`, `anesthesist` is
/// `anesthesioloog`, `algoloog` is `pijnspecialist`, `sociaal assistent` is `maatschappelijk
/// werker` (the thesaurus).
#[test]
fn flemish_words_find_what_dutch_words_find() {
    for (flemish, dutch) in [
        ("geneesheer-specialist", "arts-specialist"),
        ("behandelend geneesheer", "behandelend arts"),
        ("kinesist", "kinesitherapeut"),
        ("anesthesist", "anesthesioloog"),
        ("algoloog", "pijnspecialist"),
        ("sociaal assistent", "maatschappelijk werker"),
    ] {
        assert_first_alike(first, flemish, dutch);
    }
}

/// The id of the first hit of `query`.
fn first(query: &str) -> Option<String> {
    hits(query).first().map(|h| h.node.id.clone())
}

/// The id of the first hit of `query` searched for a patient.
fn first_for_patient(query: &str) -> Option<String> {
    let patient = SearchOptions { audience: Some("patient".to_string()), ..Default::default() };
    let found = knowledge().search(query, &patient).expect("the search answers");
    found.first().map(|h| h.node.id.clone())
}

/// Asserts that `query` finds first, searched with `first`, what `like` finds, which is something.
fn assert_first_alike(first: fn(&str) -> Option<String>, query: &str, like: &str) {
    let found = first(like);
    assert!(found.is_some(), "premise: {like:?} finds");
    assert_eq!(first(query), found, "{query:?} as {like:?}");
}

/// A snippet cut from a list shows each item's marker as a bullet: its lines read as one, where
/// the plain text's "- " stood as a stray dash ("behandeling. - Bewegen").
#[test]
fn a_snippet_from_a_list_shows_bullets_not_dashes() {
    let patient = SearchOptions { audience: Some("patient".to_string()), ..Default::default() };
    let found = knowledge().search("koorts en afvallen", &patient).expect("the search answers");
    let list = found.iter().find(|h| h.node.id == "worel.alg.rodevlaggen.lijst").expect("the list");
    assert!(list.snippet.contains("• "), "{}", list.snippet);
    for hit in &found {
        let text = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(
            !text.starts_with("- ") && !text.contains("\n- ") && !text.contains(". - "),
            "{text}"
        );
    }
}

/// `verhoging` is what many Dutch speakers call a raised temperature: a patient who has it finds
/// the red flags, as one with `koorts` does (the thesaurus); the content never uses the word.
#[test]
fn a_raised_temperature_is_fever() {
    for (lay, fever) in [
        ("verhoging", "koorts"),
        ("ik heb verhoging en pijn", "ik heb koorts en pijn"),
        ("verhoogde temperatuur", "koorts"),
    ] {
        let found = first_for_patient(fever);
        assert_eq!(found.as_deref(), Some("worel.alg.rodevlaggen.lijst"), "premise: {fever:?}");
        assert_eq!(first_for_patient(lay), found, "{lay:?} as {fever:?}");
    }
}

/// `gedeprimeerd` and `terneergeslagen` are everyday words for feeling low, which the content
/// never uses: a patient who types them finds what `neerslachtig` finds (the thesaurus), not
/// "nothing found" and an offer to search "ik voel me".
#[test]
fn feeling_low_in_everyday_words_is_depression() {
    let low = first_for_patient("ik voel me neerslachtig");
    assert!(low.is_some(), "premise");
    for lay in ["ik voel me gedeprimeerd", "ik voel me terneergeslagen"] {
        assert_eq!(first_for_patient(lay), low, "{lay:?}");
    }
}

/// Everyday words for warning signs and worry (the thesaurus): a patient who splits `afvallen` as
/// a sentence does (`ik val af`), or says `magerder`, `verdoofd`, `ik maak me zorgen`,
/// `maligniteit`, `gedesoriënteerd`, `koortsig`, `verlamd`, `ongewild afvallen` or `braakneigingen`
/// finds what the content's own word finds; `zorgen maken` is worry, not the `zorg` (care) it
/// shares a stem with.
#[test]
fn everyday_words_for_warning_signs_find_what_the_contents_words_find() {
    for (lay, word) in [
        ("ik val af en heb pijn", "ik ben afgevallen en heb pijn"),
        ("ik word magerder en heb pijn", "ik ben afgevallen en heb pijn"),
        ("mijn voet is verdoofd", "mijn voet is gevoelloos"),
        ("ik maak me zorgen", "ongerust"),
        ("maligniteit", "kanker"),
        ("gedesoriënteerd", "verward"),
        ("ik voel me koortsig en heb pijn", "ik heb koorts en pijn"),
        ("mijn been voelt verlamd", "mijn been heeft krachtverlies"),
        ("ongewild afvallen", "gewichtsverlies"),
        ("braakneigingen van mijn pijnstillers", "misselijk van mijn pijnstillers"),
    ] {
        assert_first_alike(first_for_patient, lay, word);
    }
}

/// A patient's everyday words for each sign of the red-flag list (WOREL §4, aanbeveling 6) that
/// the content and the thesaurus lacked find what the list's own words find (the thesaurus): an
/// accident as `aanrijding`; vomiting in the forms Snowball does not join (`braakt`, `gespuugd`)
/// and as `kotsen` (whose `kots` was read as a misspelt `kost`); shivering as `bibberen`; fever as
/// `hoge temperatuur`; tingling as `mierenkriebels`; weight loss as `gewicht verliezen` or
/// `dunner`; weak immunity as `zwak immuunsysteem`; cancer as `kwaadaardig gezwel`; neurological
/// disorders as `zenuwproblemen` (the list's lay text says "problemen met uw zenuwen"); pain at
/// night as `nachtelijke pijn`; and getting up as `opsta`, a form Snowball does not join with
/// `opstaan`.
#[test]
fn everyday_words_for_each_sign_of_the_red_flag_list_find_what_its_words_find() {
    for (lay, word) in [
        ("na een aanrijding nekpijn", "na een ongeluk nekpijn"),
        ("ze braakt steeds", "ze moet steeds overgeven"),
        ("ik moet kotsen van de pijn", "ik moet overgeven van de pijn"),
        ("ik heb gespuugd", "ik heb overgegeven"),
        ("ik lig te bibberen", "ik heb rillingen"),
        ("hoge temperatuur", "koorts"),
        ("mierenkriebels in mijn been", "tintelingen in mijn been"),
        ("ik verlies gewicht", "gewichtsverlies"),
        ("ik word steeds dunner", "ik ben afgevallen"),
        ("zwak immuunsysteem", "verminderde afweer"),
        ("mijn immuunsysteem is verzwakt", "verminderde afweer"),
        ("kwaadaardig gezwel", "kanker"),
        ("zenuwproblemen", "neurologische stoornissen"),
        ("nachtelijke pijn", "pijn 's nachts"),
        ("pijn als ik opsta", "pijn bij het opstaan"),
    ] {
        assert_first_alike(first_for_patient, lay, word);
    }
}

/// A patient's words for what a biopsychosocial history asks about find what the content's words
/// find (the thesaurus): debts as `schulden` or `geldzorgen` (the checklist's "financiële
/// problemen"), and diabetes as `suiker`, as many Dutch speakers say it.
#[test]
fn everyday_words_for_money_worries_and_diabetes_find_what_the_contents_words_find() {
    for (lay, word) in [
        ("schulden en pijn", "financiële problemen en pijn"),
        ("geldzorgen", "financiële problemen"),
        ("suiker en pijn in mijn voeten", "diabetes en pijn in mijn voeten"),
    ] {
        assert_first_alike(first_for_patient, lay, word);
    }
}

/// `lesstof` is what an educator calls teaching material: it finds what `lesmateriaal` and the
/// content's `educatiemateriaal` find (the thesaurus), where the content never uses the word.
#[test]
fn lesstof_is_teaching_material() {
    for (word, material) in [
        ("lesstof over pijn", "lesmateriaal over pijn"),
        ("lesstof voor huisartsen", "educatiemateriaal voor huisartsen"),
    ] {
        assert_first_alike(first, word, material);
    }
}

/// Confusion, a sign of the red-flag list, in any of its words finds the list first, not
/// "Centrale sensitisatie": the thesaurus's `in de war` is just `war` without its stopwords, the
/// stem of `ware` in "als het ware" (and of the author Ware), so every word of its group found
/// the nodes that say "als het ware" first. The group keeps `in de war` only with a verb
/// (`raakt in de war`, `in de war raken`), whose phrase keeps two words.
#[test]
fn confusion_finds_the_red_flags_not_as_it_were() {
    for query in ["verward", "gedesoriënteerd", "delier", "warrig", "ze raakt in de war"] {
        assert_eq!(
            first_for_patient(query).as_deref(),
            Some("worel.alg.rodevlaggen.lijst"),
            "{query:?}"
        );
    }
}

/// `slap` (limp, weak) is not `slaap` (sleep), though Snowball stems them alike, one edit turns
/// one into the other, and `slap` could be the start of `slapen`: a patient whose leg or arm is
/// limp finds weakness (the red flags, loss of strength), not sleeping pills, also while typing.
#[test]
fn a_limp_leg_is_weakness_not_sleep() {
    let weakness = ["worel.alg.rodevlaggen.lijst", "zs.diag.f.conditie"];
    let queries = ["slap", "mijn been is slap", "mijn arm voelt slap en zwak"];
    for (query, prefix) in queries.into_iter().flat_map(|q| [(q, false), (q, true)]) {
        let patient = SearchOptions {
            audience: Some("patient".to_string()),
            prefix: Some(prefix),
            ..Default::default()
        };
        let found = knowledge().search(query, &patient).expect("the search answers");
        let top: Vec<(&str, &str)> =
            found.iter().take(3).map(|h| (h.node.id.as_str(), h.node.title.as_str())).collect();
        let context = format!("{query:?} (completing: {prefix}): {top:?}");
        assert!(top.iter().all(|(_, title)| !title.to_lowercase().contains("slaap")), "{context}");
        assert!(top.iter().any(|(id, _)| weakness.contains(id)), "{context}");
    }
}

/// Words Snowball stems alike that mean something else keep their own sense (`OWN_TERMS` in the
/// analyser): a clinician's "dosis verhogen" (raising a dose) finds no red flags by `verhoging`
/// (a raised temperature), a patient who wants a day off (`vrij nemen`) is not shown sexuality
/// first by `vrijen`, and one who asks about `ouders` (parents) is not shown older people. Nor
/// is a node about the other word among the first five for the queries below (`gel` and `gele`
/// of the yellow flags, `reden` and the `red flags`, `botten` and the author Boot…).
#[test]
fn words_stemmed_alike_keep_their_own_sense() {
    let patient = SearchOptions { audience: Some("patient".to_string()), ..Default::default() };
    let search = |query: &str, options: &SearchOptions| {
        ids(&knowledge().search(query, options).expect("the search answers"))
    };
    let dose = search("dosis verhogen", &SearchOptions::default());
    assert!(!dose.is_empty(), "premise");
    assert!(!dose.contains(&"worel.alg.rodevlaggen.lijst".to_string()), "{dose:?}");
    let day_off = search("vrij nemen van mijn werk door pijn", &patient);
    assert_ne!(day_off.first().map(String::as_str), Some("zs.diag.f.partner"), "{day_off:?}");
    let parents = search("mijn ouders hebben ook pijn", &patient);
    assert!(parents.iter().all(|id| !id.starts_with("zs.oud.")), "{parents:?}");
    // Each query, for patients or not, and the node of the other word it found before.
    for (query, for_patients, other_sense) in [
        ("gel op mijn knie", true, "zs.vroeg.fn.gele_vlag"),
        ("wat is de reden van mijn pijn", true, "zs.vroeg.fn.rode_vlag"),
        ("verwante aandoeningen", false, "zs.vb.afstemmen_naasten"),
        ("pijn in mijn botten", false, "zs.b2.medisch_specialistische_zorg"),
        ("lever", false, "worel.checklist.bps-anamnese"),
        ("ik heb geen geld", true, "worel.med.algemeen.scope"),
        ("rol van de overheid", false, "zs.overig.aanvulling"),
        ("ik voel me slecht", false, "worel.med.antidepressiva.tca"),
        ("verstandige keuze", true, "zs.vb.behandeling"),
        ("in de war", true, "worel.begrip.centrale-sensitisatie"),
        ("weke delen", true, "zs.act.pacing"),
        ("wennen aan pijnstillers", true, "zs.act.pacing"),
        ("leed", false, "zs.keten.teamsamenstelling"),
        ("zorgverleners uit verschillende vakken", false, "zs.vb.niet_pluis"),
        ("geleidelijk", true, "zs.rol.coordinerend_arts"),
    ] {
        let options = if for_patients { &patient } else { &SearchOptions::default() };
        let found = search(query, options);
        assert!(!found.iter().take(5).any(|id| id == other_sense), "{query}: {found:?}");
    }
}

/// Safety queries never miss (DESIGN.md): a search for any name of a drug (each of its aliases:
/// generic, brand and misspelt names) puts first the caution on its class when the class is one
/// (the opioids: against, or preferably not), else the drug's own card or its class; for both
/// audiences, finished or still being typed. A name several drugs share may find any of them.
#[test]
fn every_drug_name_finds_the_caution_that_governs_it_first() {
    let drugs = knowledge().medications();
    let mut asked = 0;
    for drug in &drugs {
        for name in &drug.aliases {
            let wanted: Vec<String> = drugs
                .iter()
                .filter(|d| d.aliases.iter().any(|a| a.to_lowercase() == name.to_lowercase()))
                .flat_map(governing)
                .collect();
            // A drug's name of one word with a dose too, as a pharmacist types it: `500` and
            // `mg` are no names the guidance lacks, and `500mg` is `500 mg`; on the way there,
            // `500m` is too. So is how often, as a prescription writes it (`2dd1`, `3x500mg`),
            // and a name the guidance lacks, a form or a code (`HCl MGA`, `CYP2D6`).
            let mut queries = vec![name.clone()];
            if name.chars().all(char::is_alphanumeric) {
                queries.extend([
                    format!("{name} 500mg"),
                    format!("{name} 500m"),
                    format!("{name} 37,5 mg"),
                    format!("{name} 500mg 2dd1"),
                    format!("{name} 3x500mg"),
                    format!("{name} HCl MGA 10mg"),
                    format!("CYP2D6 {name}"),
                ]);
            }
            for (query, (audience, prefix)) in queries.iter().flat_map(|query| {
                [("professional", false), ("patient", false), ("patient", true)]
                    .map(|options| (query, options))
            }) {
                assert_finds_first(query, audience, prefix, &wanted);
                asked += 1;
            }
        }
    }
    assert!(asked > 100, "only {asked} searches");
}

/// Asserts that `query`, searched for `audience` (completing its last word with `prefix`), finds
/// one of `wanted` first.
fn assert_finds_first(query: &str, audience: &str, prefix: bool, wanted: &[String]) {
    let options = SearchOptions {
        audience: Some(audience.to_string()),
        prefix: Some(prefix),
        ..Default::default()
    };
    let found = knowledge().search(query, &options).expect("the search answers");
    let first = found.first().map(|h| h.node.id.clone());
    assert!(
        first.as_ref().is_some_and(|id| wanted.contains(id)),
        "{query:?} ({audience}, completing: {prefix}): first {first:?}, want {wanted:?}"
    );
}

/// The cards that govern drug `d`: the caution on its class when the class is one, else the
/// drug's own card or its class.
fn governing(d: &MedicationSummary) -> Vec<String> {
    match d.class.as_deref() {
        Some(class) if node(class).is_caution() => vec![class.to_string()],
        Some(class) => vec![d.id.clone(), class.to_string()],
        None => vec![d.id.clone()],
    }
}

/// A question that names a drug the guidance advises against and another drug shows the caution
/// first, in either order and for both audiences, though the other drug's card may share more of
/// the question (`tramadol sertraline` showed the SSRIs' card above the opioid caution).
#[test]
fn a_caution_comes_first_when_another_drug_is_named_too() {
    let drugs = knowledge().medications();
    let one_word = |name: &&String| name.chars().all(char::is_alphabetic);
    let cautioned = |d: &&MedicationSummary| governing(d).iter().all(|id| node(id).is_caution());
    let mut asked = 0;
    for drug in drugs.iter().filter(cautioned) {
        let wanted = governing(drug);
        for other in drugs.iter().filter(|d| !governing(d).iter().any(|id| node(id).is_caution())) {
            let (Some(name), Some(other_name)) =
                (drug.aliases.iter().find(one_word), other.aliases.iter().find(one_word))
            else {
                continue;
            };
            for query in [format!("{name} {other_name}"), format!("{other_name} en {name}")] {
                for audience in ["professional", "patient"] {
                    assert_finds_first(&query, audience, false, &wanted);
                    asked += 1;
                }
            }
        }
    }
    assert!(asked > 100, "only {asked} searches");
}

/// While a drug's name is typed, a drug's card (the drug, its class or a drug of that class) comes
/// first as soon as the letters typed begin no word of the content but drugs' names: "Zald"
/// showed the topical NSAIDs, by `zalf`, and "Panad" the observation lists for dementia, by
/// `PAINAD`.
#[test]
fn a_drug_name_being_typed_finds_a_drug_first_once_its_letters_begin_no_other_word() {
    let drugs = knowledge().medications();
    // A drug's names: its aliases of one word (its title is a sentence).
    let names_of = |d: &MedicationSummary| -> Vec<String> {
        d.aliases
            .iter()
            .filter(|alias| alias.chars().all(char::is_alphanumeric))
            .map(|alias| alias.to_lowercase())
            .collect()
    };
    let names: Vec<String> = drugs.iter().flat_map(names_of).collect();
    let mut asked = 0;
    for name in &names {
        let letters: Vec<char> = name.chars().collect();
        for typed in (4..letters.len()).map(|n| letters[..n].iter().collect::<String>()) {
            // "zald" begins only Zaldiar; "spier" begins words that are no drug's name too.
            let words = knowledge().suggest(&typed, 50);
            if words.is_empty() || !words.iter().all(|word| names.contains(word)) {
                continue;
            }
            // The drugs with an alias holding such a word, their classes, and the other drugs of
            // those classes.
            let named: Vec<String> = drugs
                .iter()
                .filter(|d| {
                    d.aliases
                        .iter()
                        .flat_map(|alias| alias.split(|c: char| !c.is_alphanumeric()))
                        .any(|word| word.to_lowercase().starts_with(&typed))
                })
                .flat_map(|d| [Some(d.id.clone()), d.class.clone()])
                .flatten()
                .collect();
            let wanted: Vec<&str> = drugs
                .iter()
                .filter(|d| {
                    named.contains(&d.id) || d.class.as_ref().is_some_and(|c| named.contains(c))
                })
                .map(|d| d.id.as_str())
                .collect();
            for audience in ["professional", "patient"] {
                let options = SearchOptions {
                    audience: Some(audience.to_string()),
                    prefix: Some(true),
                    ..Default::default()
                };
                let found = knowledge().search(&typed, &options).expect("the search answers");
                let first = found.first().map(|h| h.node.id.clone());
                assert!(
                    first.as_deref().is_some_and(|id| wanted.contains(&id)),
                    "{typed:?} ({audience}), typing {name:?}: first {first:?}, want one of {wanted:?}"
                );
                asked += 1;
            }
        }
    }
    assert!(asked > 500, "only {asked} searches");
}

fn embedded_pack() -> Pack {
    Pack::from_bytes(pijnwijzer::EMBEDDED_PACK).expect("the embedded pack loads")
}

/// The pack carries the stem table this platform makes of its nodes, so the index build uses it
/// rather than stemming every word at load. `tests/web.rs` checks the same inside wasm, where a
/// digest that depends on the word size would differ and the table would go unused.
#[test]
fn the_packs_stem_table_fits_its_words() {
    let pack = embedded_pack();
    assert!(!pack.stems.cuts.is_empty(), "build.rs stores a stem table in the pack");
    assert_eq!(stem_table(&pack.nodes), pack.stems);
}

/// A word's stem cut by the table is the stem the stemmer makes: with the table, without one, and
/// with a table made for other words (which the build must ignore), every search finds the same
/// nodes with the same scores.
#[test]
fn stems_from_the_table_search_as_stems_made_at_load() {
    let pack = embedded_pack();
    let other_words = StemTable { words_digest: pack.stems.words_digest ^ 1, ..pack.stems.clone() };
    let without = Knowledge::new(Pack { stems: StemTable::default(), ..pack.clone() });
    let mismatched = Knowledge::new(Pack { stems: other_words, ..pack.clone() });
    let with = Knowledge::new(pack);
    assert_search_alike(&without, &[&with, &mismatched]);
}

/// A page prepares the search a slice at a time while it is idle, and the reader may search
/// before the last slice: an index built in slices, or finished by a search halfway, finds the
/// same nodes with the same scores as one built at once.
///
/// Without the stem table: a build that finds the words read differ from the table's reads every
/// node again, which would hide a node read twice or not at all.
#[test]
fn an_index_built_in_slices_searches_as_one_built_at_once() {
    let pack = Pack { stems: StemTable::default(), ..embedded_pack() };
    let sliced = Knowledge::new(pack.clone());
    let slices = prepare_in_slices(&sliced);
    assert!(slices > 5, "only {slices} slices: the build is not spread out");
    let halfway = Knowledge::new(pack.clone());
    for _ in 0..slices / 2 {
        assert!(!halfway.prepare_search_slice(), "done before the last slice");
    }
    let with_table = Knowledge::new(embedded_pack());
    prepare_in_slices(&with_table);
    assert_search_alike(&Knowledge::new(pack), &[&sliced, &halfway, &with_table]);
}

/// Prepares the search of `knowledge` a slice at a time; returns how many slices it took.
fn prepare_in_slices(knowledge: &Knowledge) -> usize {
    let mut slices = 1;
    while !knowledge.prepare_search_slice() {
        slices += 1;
        assert!(slices < 1000, "prepare_search_slice never finishes");
    }
    slices
}

/// Asks `expected` and each of `others` each node's title and patient questions, for both
/// audiences, and checks that they find the same nodes with the same scores.
fn assert_search_alike(expected: &Knowledge, others: &[&Knowledge]) {
    let ranked = |knowledge: &Knowledge, query: &str, options: &SearchOptions| -> Vec<_> {
        let hits = knowledge.search(query, options).expect("the search answers");
        hits.iter().map(|h| (h.node.id.clone(), h.score)).collect()
    };
    let mut asked = 0;
    for node in expected.nodes() {
        for query in std::iter::once(&node.title).chain(&node.questions) {
            for audience in ["professional", "patient"] {
                let options =
                    SearchOptions { audience: Some(audience.to_string()), ..Default::default() };
                let wanted = ranked(expected, query, &options);
                for other in others {
                    assert_eq!(ranked(other, query, &options), wanted, "{query} ({audience})");
                }
                asked += 1;
            }
        }
    }
    assert!(asked > 1000, "only {asked} searches compared");
}

/// Every question a node lists, asked word for word (a patient took it from the questions the
/// page offers while typing, which promise that the node's text answers it), finds that node (or
/// another that lists it too) first, unless it names a drug whose caution must come first. "Wat
/// raadt de richtlijn wel aan bij langdurige pijn?" found its node 29th: the listed questions were
/// compared only among the ten best hits.
#[test]
fn a_listed_question_asked_word_for_word_finds_its_node_first() {
    let fold = pijnwijzer::knowledge::search::analyze::fold;
    let mut listed: Vec<(&str, Vec<&str>)> = Vec::new();
    for node in knowledge().nodes() {
        for question in &node.questions {
            match listed.iter_mut().find(|(q, _)| fold(q) == fold(question)) {
                Some((_, listers)) => listers.push(&node.id),
                None => listed.push((question, vec![&node.id])),
            }
        }
    }
    assert!(listed.len() > 1000, "only {} questions", listed.len());
    let options = SearchOptions { audience: Some("patient".into()), ..Default::default() };
    let drugs = knowledge().medications();
    for (question, listers) in listed {
        let found = knowledge().search(question, &options).expect("the search answers");
        let first = found.first().map(|h| node(&h.node.id)).expect("a listed question finds");
        // The caution that governs a drug the question names, or the drug that lists it.
        let named = |d: &&MedicationSummary| {
            listers.contains(&d.id.as_str())
                || d.aliases.iter().any(|a| fold(question).contains(&fold(a)))
        };
        let names_its_caution = first.is_caution()
            && drugs.iter().filter(named).any(|d| governing(d).contains(&first.id));
        assert!(
            listers.contains(&first.id.as_str()) || names_its_caution,
            "{question:?} (listed by {listers:?}) found {} first",
            first.id
        );
    }
}
