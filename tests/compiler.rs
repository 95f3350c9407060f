//! The content compiler refuses bad content with the file, the line and a hint.

// The content compiler is native-only.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use pijnwijzer_compile::{compile_dir, Diagnostic};

mod common;

use common::{fixture_with, FIXTURE};

/// The fixture content with `file` added.
fn content_with(test: &str, file: &str, text: &str) -> PathBuf {
    fixture_with(&format!("compiler-{test}"), file, text)
}

fn errors_for(test: &str, text: &str) -> Vec<Diagnostic> {
    let dir = content_with(test, "nieuw.md", text);
    compile_dir(&dir).expect_err("the content must be refused")
}

/// A valid node in the fixture's vocabulary, with `front` added to its front matter and `body`
/// (and a `lay_title` when `body` has a lay text).
fn node(front: &str, body: &str) -> String {
    // A node with a lay text has a lay title, on the line after `title`.
    let lay_title =
        if body.contains("## Voor patiënten") { "lay_title = \"Nieuw\"\n" } else { "" };
    format!(
        "+++\nid = \"worel.test.nieuw\"\nkind = \"recommendation\"\ntitle = \"Nieuw\"\n{lay_title}covers = [\"worel.alg.bps\"]\n{front}\n[source]\ndocument = \"worel\"\nsection = \"4\"\npage = 20\nlines = [1295, 1299]\n+++\n\n{body}\n"
    )
}

fn assert_one(errors: &[Diagnostic], line: usize, message: &str) {
    assert!(
        errors.iter().any(|e| e.file.ends_with("nieuw.md")
            && e.line == line
            && e.message.contains(message)
            && e.hint.is_some()),
        "expected `{message}` at nieuw.md:{line}, got {errors:#?}"
    );
}

#[test]
fn the_fixture_compiles() {
    let pack = compile_dir(Path::new(FIXTURE)).expect("fixture is valid");
    assert_eq!(pack.nodes.len(), 2);
}

#[test]
fn a_link_to_an_unknown_id_names_file_line_and_a_close_id() {
    let errors = errors_for("link", &node("", "Tekst.\n\nZie [de lijst](#worel.test.lijs)."));
    assert_one(&errors, 16, "link to unknown id `worel.test.lijs`");
    assert!(errors[0].hint.as_deref().unwrap().contains("worel.test.lijst"));
}

/// A node refused for its own errors still exists: a link to it is no "link to unknown id" whose
/// hint names another node, and its own links are checked in the same run, so one run lists
/// every error and nothing that merely follows from one.
#[test]
fn a_refused_node_is_no_unknown_id_and_its_links_are_checked() {
    let text = node("", "Tekst.\n\nZie [de lijst](#worel.test.lijs).");
    // Refused for a value, and for front matter that is no TOML at all (a quote left open).
    for (test, broken, line, message) in [
        (
            "refused-kind",
            text.replace("\"recommendation\"", "\"advies\""),
            3,
            "unknown kind `advies`",
        ),
        ("refused-toml", text.replace("title = \"Nieuw\"", "title = \"Nieuw"), 4, "front matter"),
    ] {
        let dir = content_with(test, "nieuw.md", &broken);
        let linking = node("", "Zie [het nieuwe](#LINK).")
            .replace("worel.test.nieuw", "worel.test.ander")
            .replace("LINK", "worel.test.nieuw");
        std::fs::write(dir.join("ander.md"), linking).unwrap();
        let errors = compile_dir(&dir).expect_err("the content must be refused");
        assert_one(&errors, line, message);
        assert_one(&errors, 16, "link to unknown id `worel.test.lijs`");
        assert_eq!(errors.len(), 2, "nothing in ander.md, which links to nieuw.md: {errors:#?}");
    }
}

/// Every bad group of the thesaurus is named at its own line, and the nodes' errors are listed
/// in the same run rather than hidden behind it.
#[test]
fn the_thesaurus_errors_are_listed_at_their_lines_beside_the_nodes() {
    let dir = content_with(
        "thesaurus",
        "nieuw.md",
        &node("", "Tekst.").replace("\"recommendation\"", "\"advies\""),
    );
    let thesaurus = "[[groep]]\ntermen = [\"rugpijn\", \"spit\"]\n\n[[groep]]\ntermen = [\"koorts\"]\n\n[[groep]]\ntermen = [\"slaap\", \" \"]\n";
    std::fs::write(dir.join("synoniemen.toml"), thesaurus).unwrap();
    let errors = compile_dir(&dir).expect_err("the content must be refused");
    let at = |line: usize| {
        errors.iter().any(|e| {
            e.file.ends_with("synoniemen.toml")
                && e.line == line
                && e.message.contains("two or more")
        })
    };
    assert!(at(5) && at(8), "each group at its line: {errors:#?}");
    assert_one(&errors, 3, "unknown kind `advies`");
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

/// A file saved with a byte order mark (as editors on Windows may save UTF-8), with Windows line
/// ends, compiles as the same node.
#[test]
fn a_byte_order_mark_and_windows_line_ends_are_read() {
    let text = node("", "Tekst.\n\n## Voor patiënten\n\nUitleg in gewone woorden.");
    let plain = compile_dir(&content_with("plain", "nieuw.md", &text)).expect("compiles");
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let saved = compile_dir(&content_with("bom", "nieuw.md", &windows)).expect("compiles too");
    // The same node, and the same digest of its lay text for the review, from another folder.
    let nieuw = |pack: &pijnwijzer_model::Pack| {
        let mut node =
            pack.nodes.iter().find(|n| n.id == "worel.test.nieuw").cloned().expect("the node");
        let review = node.lay_review.take().expect("a lay text to review");
        (node, review.lay_digest)
    };
    assert_eq!(nieuw(&saved), nieuw(&plain));
}

#[test]
fn a_duplicate_id_is_refused() {
    let text = node("", "Tekst.").replace("worel.test.nieuw", "worel.test.lijst");
    assert_one(&errors_for("duplicate", &text), 2, "duplicate id `worel.test.lijst`");
}

#[test]
fn raw_html_is_refused_in_blocks_and_inline() {
    let errors =
        errors_for("html", &node("", "Tekst met <b>vet</b>.\n\n<script>alert(1)</script>\n"));
    assert_one(&errors, 14, "raw HTML");
    assert_one(&errors, 16, "raw HTML");
}

/// A drug without a statement of its own (`position = "via-class"`) falls under its class's
/// recommendation, so it must link the class (`refines`), a medication with a position of its
/// own; then it compiles.
#[test]
fn a_drug_via_its_class_must_link_a_class() {
    let medication = |id: &str, position: &str, body: &str| {
        format!(
            "+++\nid = \"{id}\"\nkind = \"medication\"\ntitle = \"Middel\"\nposition = \"{position}\"\ncovers = [\"worel.alg.bps\"]\n\n[source]\ndocument = \"worel\"\nsection = \"4\"\npage = 20\nlines = [1295, 1299]\n+++\n\n{body}\n"
        )
    };
    let errors = errors_for(
        "via-class",
        &medication("worel.test.nieuw", "via-class", "Geen eigen uitspraak, geen klasse."),
    );
    assert_one(&errors, 5, "names no class this drug falls under");

    let linked = "Valt onder de [klasse](#worel.test.klasse \"refines\").";
    let dir = content_with(
        "via-class-ok",
        "nieuw.md",
        &medication("worel.test.nieuw", "via-class", linked),
    );
    let class_file = dir.join("klasse.md");
    std::fs::write(&class_file, medication("worel.test.klasse", "via-class", "Een klasse."))
        .unwrap();
    let errors = compile_dir(&dir).expect_err("a class without a position of its own is no class");
    assert_one(&errors, 5, "names no class");

    std::fs::write(&class_file, medication("worel.test.klasse", "consider", "Een klasse."))
        .unwrap();
    let pack = compile_dir(&dir).expect("a drug that links its class compiles");
    assert_eq!(pack.nodes.len(), 4);
}

#[test]
fn unknown_kind_and_invalid_grade_are_refused() {
    let text = node("strength = \"3A\"\ndirection = \"for\"", "Tekst.")
        .replace("\"recommendation\"", "\"advies\"");
    let errors = errors_for("kind", &text);
    assert_one(&errors, 3, "unknown kind `advies`");
    assert_one(&errors, 6, "invalid GRADE code `3A`");
}

#[test]
fn a_node_without_a_source_reference_is_refused() {
    let text = "+++\nid = \"worel.test.nieuw\"\nkind = \"concept\"\ntitle = \"Nieuw\"\ncovers = [\"worel.alg.bps\"]\n+++\n\nTekst.\n";
    assert_one(&errors_for("source", text), 2, "no source reference");
}

#[test]
fn unknown_fields_layers_links_and_images_are_refused() {
    let errors = errors_for("fields", &node("strenght = \"GPP\"", "Tekst."));
    assert_one(&errors, 6, "unknown field `strenght`");
    let body = "Tekst ![figuur](a.png) en [hier](javascript:alert(1)).\n\n## Samenvatting\n\nMeer.";
    let errors = errors_for("body", &node("", body));
    assert_one(&errors, 14, "images are not allowed");
    assert_one(&errors, 14, "link `javascript:alert(1)` is not allowed");
    assert_one(&errors, 16, "`## Samenvatting` is not a layer heading");
}

#[test]
fn a_lay_sentence_over_twenty_words_is_refused_at_its_line() {
    let long = "Dit is een heel lange zin met veel te veel woorden voor een lezer die eenvoudige taal nodig heeft vandaag nu.";
    let errors =
        errors_for("lay-long", &node("", &format!("Tekst.\n\n## Voor patiënten\n\nKort. {long}")));
    assert_one(&errors, 19, "a lay sentence of 21 words (at most 20)");
    assert_eq!(errors.len(), 1, "the average (11) is within bounds: {errors:#?}");
}

#[test]
fn a_lay_text_averaging_over_twelve_words_a_sentence_is_refused() {
    let sentence = "Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien.";
    let errors = errors_for(
        "lay-average",
        &node("", &format!("Tekst.\n\n## Voor patiënten\n\n{sentence} {sentence}")),
    );
    assert_one(&errors, 17, "the lay text averages 13 words a sentence (at most 12)");
}

#[test]
fn a_malformed_review_stamp_is_refused() {
    let stamp =
        "lay_checked = { on = \"5 december\", lay = \"abc\", source = \"0123456789abcdef\" }";
    let errors = errors_for("stamp", &node(stamp, "Tekst.\n\n## Voor patiënten\n\nKort."));
    assert_one(&errors, 7, "malformed `lay_checked` stamp");
}

/// `[source] also` lists the further lines a lay text rests on: each a range outside `lines`, and
/// only on a node with a lay text, whose review stamp it serves.
#[test]
fn supporting_lines_are_ranges_outside_the_cited_ones_on_a_node_with_a_lay_text() {
    let with_also = |also: &str, body: &str| {
        node("", body)
            .replace("lines = [1295, 1299]", &format!("lines = [1295, 1299]\nalso = {also}"))
    };
    let lay = "Tekst.\n\n## Voor patiënten\n\nKort.";
    let errors = errors_for("also-overlap", &with_also("[[1290, 1296]]", lay));
    assert_one(&errors, 13, "`also` range [1290, 1296] overlaps `lines` [1295, 1299]");
    let errors = errors_for("also-malformed", &with_also("[[1310]]", lay));
    assert_one(&errors, 13, "each `also` range must be [first, last]");
    let errors = errors_for("also-no-lay", &with_also("[[1310, 1312]]", "Tekst."));
    assert_one(&errors, 12, "`also` without a lay text");
    let dir =
        content_with("also-valid", "nieuw.md", &with_also("[[1310, 1312], [1400, 1400]]", lay));
    let pack = compile_dir(&dir).expect("supporting lines outside `lines` are valid");
    let review =
        pack.nodes.iter().find(|n| n.id == "worel.test.nieuw").unwrap().lay_review.as_ref();
    assert_eq!(review.unwrap().supporting_lines, [(1310, 1312), (1400, 1400)]);
}

/// A lay text that uses a professional term (here an actor's label) needs a glossary entry, or the
/// glossary must call it everyday; a defined term is marked at its first use, outside links.
#[test]
fn a_professional_term_in_a_lay_text_needs_a_glossary_entry_and_is_marked() {
    let lay = "Tekst.\n\n## Voor patiënten\n\nUw [Huisarts](#worel.test.lijst) kijkt. De huisarts helpt bij TENS.";
    let dir = content_with("glossary", "nieuw.md", &node("", lay));
    let errors = compile_dir(&dir).expect_err("huisarts has no entry");
    assert_one(
        &errors,
        19,
        "the lay text uses `huisarts` (an actor in vocabulary.toml) without a glossary entry",
    );

    let glossary =
        "[[woord]]\nterm = \"huisarts\"\nuitleg = \"De dokter bij u in de buurt.\"\n\n[[woord]]\nterm = \"tens\"\nuitleg = \"Een apparaatje.\"\n";
    std::fs::write(dir.join("woordenlijst.toml"), glossary).unwrap();
    let pack = compile_dir(&dir).expect("every term has an entry");
    let node = pack.nodes.iter().find(|n| n.id == "worel.test.nieuw").unwrap();
    let mut html = String::new();
    pijnwijzer::knowledge::render::blocks_html(
        &node.layers.iter().find(|l| l.key == pijnwijzer::model::LayerKey::Lay).unwrap().blocks,
        &mut html,
    );
    assert!(html.contains(">Huisarts</a> kijkt. De <span class=\"term\" title=\"De dokter bij u in de buurt.\">huisarts</span> helpt"), "{html}");
    assert!(html.contains("<span class=\"term\" title=\"Een apparaatje.\">TENS</span>"), "{html}");

    std::fs::write(dir.join("woordenlijst.toml"), "gewoon = [\"huisarts\"]\n").unwrap();
    assert!(compile_dir(&dir).is_ok(), "an everyday word needs no entry");
    std::fs::write(
        dir.join("woordenlijst.toml"),
        "[[woord]]\nterm = \"Huisarts\"\nuitleg = \"x\"\n",
    )
    .unwrap();
    let errors = compile_dir(&dir).expect_err("terms are lower case");
    assert!(
        errors[0].file.ends_with("woordenlijst.toml")
            && errors[0].message.contains("must be lower case"),
        "{errors:#?}"
    );
}

/// Features find their nodes by the `feature` field: an unknown value is refused, not ignored.
#[test]
fn an_unknown_feature_is_refused() {
    let errors = errors_for("feature", &node("feature = \"verwijsmatrix\"", "Tekst."));
    assert_one(&errors, 6, "invalid feature `verwijsmatrix`");
}

/// A step node with `criteria` under `## Opschalen` (its first item on line 19).
fn step(criteria: &str) -> String {
    format!(
        "+++\nid = \"worel.test.stap\"\nkind = \"step\"\nstep = 2\ntitle = \"Stap 2\"\ncovers = [\"worel.alg.bps\"]\n\n[source]\ndocument = \"worel\"\nsection = \"4\"\npage = 20\nlines = [1295, 1299]\n+++\n\nTekst.\n\n## Opschalen\n\n{criteria}\n\n## Afschalen\n\nNiet van toepassing.\n"
    )
}

/// The stepped-care diagram draws each criterion by its label: a step's criterion needs a bold
/// lead-in, short enough to draw in full; the label is the lead-in's text.
#[test]
fn a_stepped_care_criterion_needs_a_short_label() {
    let criteria = "- **Pijn blijft aanhouden**: meer zorg.\n- zonder label;\n- **Een label met veel te veel woorden erin**: tekst.";
    let errors = errors_for("criterion", &step(criteria));
    assert_one(&errors, 20, "a stepped-care criterion without a label");
    assert_one(
        &errors,
        21,
        "the label `Een label met veel te veel woorden erin` has 8 words (at most 6)",
    );
    assert_eq!(errors.len(), 2, "{errors:#?}");

    let criteria = "- **Pijn blijft aanhouden**: meer zorg.\n- **Forse beperkingen**;";
    let dir = content_with("criterion-ok", "stap.md", &step(criteria));
    let pack = compile_dir(&dir).expect("every criterion has a label");
    let node = pack.nodes.iter().find(|n| n.id == "worel.test.stap").unwrap();
    let pijnwijzer::model::Block::List { items, .. } = &node.layers[1].blocks[0] else {
        panic!("the criteria are a list: {:#?}", node.layers)
    };
    let labels: Vec<_> = items.iter().map(|item| item.label.as_deref()).collect();
    assert_eq!(labels, [Some("Pijn blijft aanhouden"), Some("Forse beperkingen")]);
    assert!(items[0].html.starts_with("<strong>Pijn blijft aanhouden</strong>: meer zorg."));

    // Only a step must label its criteria: a referral's escalation list may be plain.
    let plain =
        step("- zonder label;").replace("\"step\"", "\"referral\"").replace("step = 2\n", "");
    let dir = content_with("criterion-referral", "stap.md", &plain);
    compile_dir(&dir).expect("a referral's criteria need no label");
}

/// A lay text has a lay title: a patient reads it above the text, since `title` speaks to
/// clinicians. It is short, has no full stop, and needs a lay text to head.
#[test]
fn a_lay_text_needs_a_short_lay_title_and_a_lay_title_needs_a_lay_text() {
    let without = "+++\nid = \"worel.test.nieuw\"\nkind = \"recommendation\"\ntitle = \"Nieuw\"\ncovers = [\"worel.alg.bps\"]\n[source]\ndocument = \"worel\"\nsection = \"4\"\npage = 20\nlines = [1295, 1299]\n+++\n\nTekst.\n\n## Voor patiënten\n\nKort.\n";
    assert_one(&errors_for("lay-title-missing", without), 4, "a lay text without a `lay_title`");
    let errors = errors_for("lay-title-alone", &node("lay_title = \"Voor u\"", "Tekst."));
    assert_one(&errors, 6, "a `lay_title` without a lay text");
    let long = without.replace(
        "title = \"Nieuw\"\n",
        "title = \"Nieuw\"\nlay_title = \"Een titel van elf woorden is voor een telefoon te lang.\"\n",
    );
    let errors = errors_for("lay-title-long", &long);
    assert_one(&errors, 5, "the `lay_title` has 11 words (at most 10)");
    assert_one(&errors, 5, "the `lay_title` ends with a full stop");
}

/// A listed question is one a patient asks: it ends in `?` and has three to fourteen words. The
/// search compares no query of fewer than three words with the questions, so a shorter one would
/// never be found word for word.
#[test]
fn a_question_has_three_to_fourteen_words_and_ends_in_a_question_mark() {
    let body = "Tekst.\n\n## Voor patiënten\n\nKort.";
    for (question, words) in [
        ("Pijneducatie?", 1),
        ("Wat dan?", 2),
        ("Is dit een vraag", 4),
        ("Mag ik echt elke dag van de week een heel klein beetje sporten met pijn?", 15),
    ] {
        let front = format!("questions = [\"{question}\"]");
        let errors = errors_for("question", &node(&front, body));
        assert_one(&errors, 7, &format!("`{question}` is not a short question ({words} words)"));
    }
    let fine = node("questions = [\"Wat is pijneducatie?\"]", body);
    assert!(compile_dir(&content_with("question-ok", "nieuw.md", &fine)).is_ok());
}

#[test]
fn text_a_reader_sees_cites_pages_not_the_extractions_line_numbers() {
    let body = "Volgens de lopende tekst (regels 1811–1814) geldt dit.\n\nDe lijst (r. 803) ook.\n\n## Toelichting\n\nDe extractie breekt de zin op regel 2484.";
    let errors = errors_for("line-references", &node("", body));
    assert_one(&errors, 14, "a reference to the source text's line numbers");
    assert_one(&errors, 16, "a reference to the source text's line numbers");
    assert_eq!(errors.len(), 2, "the editorial note may name lines: {errors:#?}");
}
