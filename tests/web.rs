//! The wasm bindings, run inside headless Chromium by `wasm-bindgen-test`, on the real content.
//! `npm test` runs them with `wasm-bindgen-test-runner` as the target's runner.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use pijnwijzer::bindings;
use pijnwijzer::bindings::ApiError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("an object")
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_else(|| panic!("`{key}` is not a string"))
}

fn message(error: ApiError) -> String {
    text(&JsValue::from(error), "message")
}

fn hits(query: &str, options: Option<JsValue>) -> Array {
    bindings::search(JsValue::from_str(query), options)
        .expect("search answers")
        .into_iter()
        .collect()
}

#[wasm_bindgen_test]
fn red_flags_come_first_with_their_grade_and_citation() {
    let first = hits("rode vlaggen", None).get(0);
    assert_eq!(text(&first, "id"), "worel.alg.rodevlaggen");
    assert_eq!(text(&first, "kind"), "recommendation");
    assert_eq!(text(&first, "strength"), "GPP");
    let citation = text(&get(&first, "source"), "citation");
    assert!(citation.starts_with("WOREL §4 aanbeveling 6"), "citation was {citation}");
}

#[wasm_bindgen_test]
fn a_node_has_its_layers_as_html_and_text() {
    let node = bindings::node(JsValue::from_str("worel.alg.rodevlaggen")).expect("the node exists");
    let layers = Array::from(&get(&node, "layers"));
    let main = layers.get(0);
    assert_eq!(text(&main, "key"), "main");
    assert!(text(&main, "html").starts_with("<p>"));
    assert!(!text(&main, "text").contains('<'));
    assert!(
        layers.iter().any(|layer| text(&layer, "key") == "lay"),
        "the red-flags node has a lay explanation"
    );
}

#[wasm_bindgen_test]
fn the_version_names_every_source_document() {
    let version = bindings::version().expect("version answers");
    assert_eq!(Array::from(&get(&version, "documents")).length(), 5);
    assert!(get(&version, "nodes").as_f64().unwrap_or(0.0) > 10.0);
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_and_the_module_keeps_answering() {
    let unknown =
        bindings::node(JsValue::from_str("worel.alg.rodevlagen")).expect_err("no such id");
    assert!(message(unknown).contains("did you mean `worel.alg.rodevlaggen`"));
    assert!(message(bindings::search(JsValue::from_f64(42.0), None).expect_err("not a string"))
        .contains("must be a string"));
    assert!(message(bindings::node(JsValue::NULL).expect_err("not a string"))
        .contains("must be a string"));
    let options = js_sys::Object::new();
    Reflect::set(&options, &"limt".into(), &JsValue::from_f64(3.0)).expect("settable");
    assert!(message(
        bindings::search(JsValue::from_str("pijn"), Some(options.into()))
            .expect_err("unknown option")
    )
    .contains("unknown option `limt`"));
    let options = js_sys::Object::new();
    Reflect::set(&options, &"kind".into(), &"recept".into()).expect("settable");
    assert!(message(
        bindings::search(JsValue::from_str("pijn"), Some(options.into()))
            .expect_err("unknown kind")
    )
    .contains("kind `recept`"));
    // After every rejected call the module still answers.
    assert_eq!(text(&hits("rode vlaggen", None).get(0), "id"), "worel.alg.rodevlaggen");
}

#[wasm_bindgen_test]
fn prepare_search_works_in_slices_within_a_budget() {
    for bad in [JsValue::from_f64(-1.0), JsValue::from_f64(f64::NAN), JsValue::from_str("5")] {
        let error = JsValue::from(bindings::prepare_search(Some(bad)).expect_err("a bad budget"));
        assert_eq!(text(&error, "code"), "invalid-argument");
    }
    let one_slice = || bindings::prepare_search(Some(JsValue::from_f64(0.0))).expect("a slice");
    // The hit summaries alone take a dozen slices, whatever other tests prepared already.
    let mut slices = 1;
    while !one_slice() {
        slices += 1;
        assert!(slices < 1000, "prepareSearch(0) never finishes");
    }
    assert!(slices > 5, "only {slices} slices: the preparation is not spread out");
    assert!(bindings::prepare_search(None).expect("prepared"), "it stays prepared");
    assert_eq!(text(&hits("rode vlaggen", None).get(0), "id"), "worel.alg.rodevlaggen");
}

#[wasm_bindgen_test]
fn empty_and_enormous_queries_answer_without_error() {
    assert_eq!(hits("", None).length(), 0);
    assert_eq!(hits("   ", None).length(), 0);
    let enormous = "pijn ".repeat(200_000);
    assert!(hits(&enormous, None).length() > 0, "a long query is cut, not refused");
}

fn call(result: Result<JsValue, ApiError>) -> JsValue {
    result.unwrap_or_else(|e| panic!("{}", message(e)))
}

#[wasm_bindgen_test]
fn medication_referral_stepped_care_and_flags_answer_in_the_browser() {
    let lyrica = call(bindings::medication(JsValue::from_str("Lyrica")));
    assert_eq!(text(&lyrica, "id"), "worel.med.pregabaline");
    assert_eq!(
        (text(&lyrica, "strength"), text(&lyrica, "direction")),
        ("2B".into(), "for".into())
    );
    let oxycodon = call(bindings::medication(JsValue::from_str("oxycodon")));
    assert_eq!(
        (text(&oxycodon, "strength"), text(&oxycodon, "direction")),
        ("2C".into(), "against".into())
    );
    assert_eq!(
        text(&call(bindings::medication(JsValue::from_str("paracetamol"))), "position"),
        "no-recommendation"
    );

    let psychosocial = call(bindings::referral(JsValue::from_str("psychosociale klachten")));
    let disciplines: Vec<String> = Array::from(&get(&psychosocial, "disciplines"))
        .iter()
        .filter_map(|d| d.as_string())
        .collect();
    assert_eq!(disciplines, ["Paramedicus", "Psycholoog", "Revalidatiearts"]);

    let steps = Array::from(&call(bindings::stepped_care()));
    assert_eq!(steps.length(), 4);
    assert!(
        Array::from(&get(&steps.get(1), "moveUp")).length() > 0
            && Array::from(&get(&steps.get(1), "moveDown")).length() > 0
    );

    let red = Array::from(&get(&call(bindings::red_flags()), "red"));
    let worel = red
        .iter()
        .find(|list| text(list, "id") == "worel.alg.rodevlaggen.lijst")
        .expect("the WOREL list");
    assert_eq!(Array::from(&get(&worel, "flags")).length(), 10);

    assert!(Array::from(&call(bindings::checklists())).length() > 20);
    assert!(
        text(&call(bindings::lay(JsValue::from_str("worel.alg.rodevlaggen"))), "text").len() > 50
    );
}

#[wasm_bindgen_test]
fn every_call_rejects_a_wrong_type_with_an_error() {
    type Call = fn(JsValue) -> Result<JsValue, ApiError>;
    let calls: [(&str, Call); 7] = [
        ("checklist", bindings::checklist),
        ("medication", bindings::medication),
        ("referral", bindings::referral),
        ("referralsTo", bindings::referrals_to),
        ("compare", bindings::compare),
        ("lay", bindings::lay),
        ("node", bindings::node),
    ];
    for (name, function) in calls {
        let error = function(JsValue::from_f64(7.0)).expect_err(name);
        assert!(message(error).contains("must be a string"), "{name}");
    }
    assert!(message(
        bindings::related(JsValue::from_str("worel.alg.bps"), Some(JsValue::from_str("broer")))
            .expect_err("edge")
    )
    .contains("edge type"));
    assert_eq!(text(&hits("rode vlaggen", None).get(0), "id"), "worel.alg.rodevlaggen");
}

#[wasm_bindgen_test]
fn errors_are_data_a_code_and_close_names() {
    let error = JsValue::from(
        bindings::node(JsValue::from_str("worel.alg.rodevlagen")).expect_err("no such node"),
    );
    assert_eq!(text(&error, "code"), "not-found");
    let suggestions = Array::from(&get(&error, "suggestions"));
    assert_eq!(suggestions.get(0).as_string().as_deref(), Some("worel.alg.rodevlaggen"));
    let error = JsValue::from(bindings::node(JsValue::from_f64(3.0)).expect_err("not a string"));
    assert_eq!(text(&error, "code"), "invalid-argument");
    assert_eq!(Array::from(&get(&error, "suggestions")).length(), 0);
    assert!(error.is_instance_of::<js_sys::Error>());
}

#[wasm_bindgen_test]
fn releases_and_changes_answer_from_the_embedded_releases() {
    let releases = Array::from(&call(bindings::releases()));
    let newest = releases.get(0);
    let name = text(&newest, "name");
    let changes = call(bindings::changes(JsValue::from_str(&name), None));
    assert_eq!(text(&get(&changes, "since"), "name"), name);
    assert!(Array::from(&get(&changes, "changed")).is_array());
    let node = call(bindings::node(JsValue::from_str("worel.alg.rodevlaggen")));
    assert_eq!(text(&node, "digest").len(), 16);

    let error = JsValue::from(
        bindings::changes(JsValue::from_str("1999.01.01"), None).expect_err("no such release"),
    );
    assert_eq!(text(&error, "code"), "not-found");
    assert_eq!(Array::from(&get(&error, "suggestions")).get(0).as_string(), Some(name.clone()));
    let error = bindings::changes(JsValue::from_str(&name), Some(JsValue::from_f64(1.0)))
        .expect_err("not a string");
    assert!(message(error).contains("changes: `until` must be a string"));
}

/// The pack's stem table, made natively by `build.rs`, is the one the module makes of the same
/// nodes, so the index build in wasm uses it (`tests/search.rs` checks that it indexes every word
/// as stemming at load would).
#[wasm_bindgen_test]
fn the_packs_stem_table_fits_its_words_in_wasm() {
    let pack = pijnwijzer::model::Pack::from_bytes(pijnwijzer::EMBEDDED_PACK).expect("it loads");
    assert!(!pack.stems.cuts.is_empty());
    assert_eq!(pijnwijzer::knowledge::search::stem_table(&pack.nodes), pack.stems);
}
