//! The module's whole API over the embedded knowledge ([`crate::knowledge::Knowledge`]).

use std::cell::{Cell, OnceCell, RefCell};

use js_sys::Object;
use rustc_hash::FxHashMap;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{search_options, string_argument, to_js, ApiError};
use crate::knowledge::view::{Hit, NodeSummary};
use crate::knowledge::Knowledge;

#[wasm_bindgen]
extern "C" {
    /// A search hit being made from its node's summary. Its two fields are set as plain
    /// property stores (`hit.snippet = …`), which the engine optimises, unlike `Reflect.set`.
    #[wasm_bindgen(extends = Object)]
    type JsHit;
    #[wasm_bindgen(method, setter = snippet)]
    fn set_snippet(this: &JsHit, snippet: &str);
    #[wasm_bindgen(method, setter = score)]
    fn set_score(this: &JsHit, score: f64);
}

thread_local! {
    // Leaked on purpose: the knowledge lives as long as the page, and answers borrow from it.
    static KNOWLEDGE: OnceCell<Result<&'static Knowledge, String>> = const { OnceCell::new() };
    /// Node summaries already converted for search hits, by address (the knowledge never moves).
    static SUMMARIES: RefCell<FxHashMap<usize, Object>> = RefCell::default();
    /// How many nodes' summaries [`prepare_search`] has made into JS objects, in node order.
    static PREPARED_SUMMARIES: Cell<usize> = const { Cell::new(0) };
}

/// The heap the knowledge takes once loaded and searched (pack, index, hit summaries), reserved in
/// one step when it loads.
const HEAP_AT_LOAD: usize = 10 << 20;

/// The knowledge, loaded on first use.
fn knowledge() -> Result<&'static Knowledge, ApiError> {
    KNOWLEDGE.with(|cell| {
        let loaded = cell.get_or_init(|| {
            // Loading the pack and building the search index take about 10 MiB of heap. Asked
            // for bit by bit, the wasm memory grew a dozen times, a few milliseconds each in
            // Chromium (`wasm.GrowMemory` in a trace); asked for once and freed, the allocator
            // keeps it and hands it out again.
            drop(std::hint::black_box(Vec::<u8>::with_capacity(HEAP_AT_LOAD)));
            crate::embedded().map(|k| &*Box::leak(Box::new(k))).map_err(|e| e.to_string())
        });
        loaded.as_ref().copied().map_err(|e| ApiError {
            message: e.clone(),
            code: "unavailable",
            suggestions: Vec::new(),
        })
    })
}

/// Runs `f` on the knowledge and converts its answer to JS.
fn with<T: Serialize>(
    f: impl FnOnce(&'static Knowledge) -> Result<T, crate::knowledge::Error>,
) -> Result<JsValue, ApiError> {
    let value = f(knowledge()?)?;
    to_js(&value)
}

/// Search hits as JS objects, shaped as serde shapes [`Hit`]: the node's summary, then `snippet`
/// and `score`. Making a JS string for every field of every hit took most of a search's time,
/// so each summary is converted once and copied into later hits with `Object.assign`; its
/// nested objects (`source`, `covers`) are shared between hits and therefore frozen.
fn hits_to_js(hits: &[Hit<'static>]) -> Result<Vec<JsValue>, ApiError> {
    hits.iter()
        .map(|hit| {
            let object: JsHit =
                Object::assign(&Object::new(), &summary_to_js(hit.node)?).unchecked_into();
            object.set_snippet(&hit.snippet);
            object.set_score(hit.score);
            Ok(object.into())
        })
        .collect()
}

fn summary_to_js(summary: &'static NodeSummary) -> Result<Object, ApiError> {
    let key = summary as *const NodeSummary as usize;
    if let Some(object) = SUMMARIES.with(|cache| cache.borrow().get(&key).cloned()) {
        return Ok(object);
    }
    let object: Object = to_js(summary)?.unchecked_into();
    for value in Object::values(&object).iter().filter(JsValue::is_object) {
        freeze_deep(&value);
    }
    SUMMARIES.with(|cache| cache.borrow_mut().insert(key, object.clone()));
    Ok(object)
}

fn freeze_deep(value: &JsValue) {
    for inner in Object::values(value.unchecked_ref()).iter().filter(JsValue::is_object) {
        freeze_deep(&inner);
    }
    Object::freeze(value.unchecked_ref::<Object>());
}

/// Every vocabulary (kinds, layers, strengths, directions, forces, positions, agreements,
/// audiences, edge types) with its Dutch labels, and the content's documents, actors and steps.
#[wasm_bindgen(unchecked_return_type = "Vocabulary")]
pub fn vocabulary() -> Result<JsValue, ApiError> {
    with(|k| Ok(k.vocabulary()))
}

/// The module's version, the content's version, and the source documents.
#[wasm_bindgen(unchecked_return_type = "VersionInfo")]
pub fn version() -> Result<JsValue, ApiError> {
    with(|k| Ok(k.version()))
}

/// The whole guidance as one FHIR R4B Bundle (type `collection`), as `pijnwijzer export --fhir`
/// writes it: `options.base` is the canonical base of every resource, `options.date`
/// (`YYYY-MM-DD`) their date, by default today on this computer's clock.
#[cfg(feature = "fhir")]
#[wasm_bindgen(js_name = exportFhir, unchecked_return_type = "FhirBundle")]
pub fn export_fhir(
    #[wasm_bindgen(unchecked_optional_param_type = "FhirOptions")] options: Option<JsValue>,
) -> Result<JsValue, ApiError> {
    use pijnwijzer_fhir::Options;
    let options: Options = super::options_object(options, "exportFhir", Options::FIELDS, |_| 0)?;
    let now = js_sys::Date::new_0();
    let today =
        format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    let bundle = pijnwijzer_fhir::bundle(knowledge()?, &options, &today)?;
    // The mapping writes JSON text, and one JSON.parse is far faster than building the objects.
    js_sys::JSON::parse(bundle.json()).map_err(|_| ApiError {
        message: "exportFhir: the Bundle is not valid JSON".into(),
        code: "internal",
        suggestions: Vec::new(),
    })
}

/// Ranked hits for `query`. An empty query returns `[]`; a query longer than 200 characters
/// is cut to 200. Throws on options of the wrong shape.
#[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
pub fn search(
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: Option<JsValue>,
) -> Result<Vec<JsValue>, ApiError> {
    let query = string_argument(&query, "search", "query")?;
    let options = search_options(options, "search")?;
    let hits = knowledge()?.search(&query, &options)?;
    hits_to_js(&hits)
}

/// The words of `query` that the guidance never uses in any form, as `search(query, options)`
/// reads it (no synonym, compound part, near spelling or, with `prefix`, completion of theirs
/// occurs either), in the order typed: why a search finds little or nothing, and what a search
/// without them leaves out. Throws on options of the wrong shape, as `search` does.
#[wasm_bindgen(js_name = unknownWords, unchecked_return_type = "string[]")]
pub fn unknown_words(
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: Option<JsValue>,
) -> Result<JsValue, ApiError> {
    let query = string_argument(&query, "unknownWords", "query")?;
    let options = search_options(options, "unknownWords")?;
    with(|k| k.unknown_words(&query, &options))
}

/// Completions of what is being typed, most used words first.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn suggest(
    #[wasm_bindgen(unchecked_param_type = "string")] prefix: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] limit: Option<JsValue>,
) -> Result<JsValue, ApiError> {
    let prefix = string_argument(&prefix, "suggest", "prefix")?;
    let limit = limit_argument(limit, "suggest")?;
    with(|k| Ok(k.suggest(&prefix, limit)))
}

/// Builds the search index, and each node's search-hit summary as a JS object, now rather than on
/// the first searches, which otherwise pay for them: call it when the page is idle, so that the
/// reader's first search answers at once. Returns whether everything is prepared.
///
/// With a `budget` in milliseconds it works in slices of a few milliseconds each (reading the
/// next nodes into the index, building the index, the near-spelling index, a few dozen
/// summaries) and stops after the slice that uses up the budget, so that a keystroke meanwhile
/// waits for one slice rather than for all of it: call it again, in the next idle moment, until
/// it returns `true`. It always does at least one slice.
#[wasm_bindgen(js_name = prepareSearch)]
pub fn prepare_search(
    #[wasm_bindgen(unchecked_optional_param_type = "number")] budget: Option<JsValue>,
) -> Result<bool, ApiError> {
    let budget = budget_argument(budget)?;
    let knowledge = knowledge()?;
    let started = js_sys::Date::now();
    while prepare_slice(knowledge)? {
        if js_sys::Date::now() - started >= budget {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The optional `budget` of `prepareSearch`, in milliseconds: no limit when absent.
fn budget_argument(budget: Option<JsValue>) -> Result<f64, ApiError> {
    match budget {
        Some(value) if !value.is_undefined() => match value.as_f64() {
            Some(ms) if ms >= 0.0 => Ok(ms),
            _ => Err(ApiError::invalid(
                "prepareSearch: `budget` must be a number of milliseconds, 0 or more".into(),
            )),
        },
        _ => Ok(f64::INFINITY),
    }
}

/// How many nodes' hit summaries one slice of [`prepare_search`] makes into JS objects: a few
/// milliseconds on a phone.
const SUMMARIES_PER_SLICE: usize = 48;

/// Does one slice of preparing the search: of the index, or else of the hit summaries. Returns
/// whether any is left.
fn prepare_slice(knowledge: &'static Knowledge) -> Result<bool, ApiError> {
    if !knowledge.prepare_search_slice() {
        return Ok(true);
    }
    // A node's summary becomes a JS object the first time a search finds it, which made the
    // first search to find a node slower than any later one; make them all now.
    let first = PREPARED_SUMMARIES.get();
    let end = knowledge.nodes().len().min(first + SUMMARIES_PER_SLICE);
    for index in first..end {
        summary_to_js(knowledge.summary(index))?;
    }
    PREPARED_SUMMARIES.set(end);
    Ok(end < knowledge.nodes().len())
}

/// The questions of the lay texts that hold the words being typed: for a patient's search box.
#[wasm_bindgen(js_name = suggestQuestions, unchecked_return_type = "QuestionSuggestion[]")]
pub fn suggest_questions(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] limit: Option<JsValue>,
) -> Result<JsValue, ApiError> {
    let text = string_argument(&text, "suggestQuestions", "text")?;
    let limit = limit_argument(limit, "suggestQuestions")?;
    with(|k| Ok(k.suggest_questions(&text, limit)))
}

/// An optional `limit` of `function`: a whole number from 1 to 100, 8 when absent.
fn limit_argument(limit: Option<JsValue>, function: &str) -> Result<usize, ApiError> {
    match limit {
        Some(value) if !value.is_undefined() => match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (1.0..=100.0).contains(&n) => Ok(n as usize),
            _ => Err(ApiError::invalid(format!(
                "{function}: `limit` must be a whole number from 1 to 100"
            ))),
        },
        _ => Ok(8),
    }
}

/// The whole node with `id`. Throws when no node has that id, naming close ids.
#[wasm_bindgen(unchecked_return_type = "KnowledgeNode")]
pub fn node(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
) -> Result<JsValue, ApiError> {
    let id = string_argument(&id, "node", "id")?;
    with(|k| k.node(&id))
}

/// The neighbours of a node in the graph, optionally over one edge type only.
#[wasm_bindgen(unchecked_return_type = "NodeLink[]")]
pub fn related(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EdgeType")] edge: Option<JsValue>,
) -> Result<JsValue, ApiError> {
    let id = string_argument(&id, "related", "id")?;
    let edge = optional_string(edge, "related", "edgeType")?;
    with(|k| k.related(&id, edge.as_deref()))
}

/// Every checklist: id, title, document, audience, number of items, citation.
#[wasm_bindgen(unchecked_return_type = "ChecklistSummary[]")]
pub fn checklists() -> Result<JsValue, ApiError> {
    with(|k| Ok(k.checklists()))
}

/// One checklist (by id or title) with its items in order and where each comes from.
#[wasm_bindgen(unchecked_return_type = "Checklist")]
pub fn checklist(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
) -> Result<JsValue, ApiError> {
    let id = string_argument(&id, "checklist", "id")?;
    with(|k| k.checklist(&id))
}

/// Every drug and drug class with its position and governing grade.
#[wasm_bindgen(unchecked_return_type = "MedicationSummary[]")]
pub fn medications() -> Result<JsValue, ApiError> {
    with(|k| Ok(k.medications()))
}

/// The guidance on a drug, by id, generic or brand name, misspelling or lay word, with or without
/// a strength or a prescription's dose (`tramadol 50mg`, `tramadol 50 mg 2dd1`).
#[wasm_bindgen(unchecked_return_type = "Medication")]
pub fn medication(
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
) -> Result<JsValue, ApiError> {
    let name = string_argument(&name, "medication", "nameOrAlias")?;
    with(|k| k.medication(&name))
}

/// The referral matrix: complaint types × disciplines, with its citation and reading notes.
#[wasm_bindgen(js_name = referralMatrix, unchecked_return_type = "ReferralMatrix")]
pub fn referral_matrix() -> Result<JsValue, ApiError> {
    with(|k| k.referral_matrix())
}

/// The disciplines the matrix marks for a complaint type, named in words or by row number.
#[wasm_bindgen(unchecked_return_type = "ReferralRow")]
pub fn referral(
    #[wasm_bindgen(unchecked_param_type = "string")] complaint: JsValue,
) -> Result<JsValue, ApiError> {
    let complaint = string_argument(&complaint, "referral", "complaint")?;
    with(|k| k.referral(&complaint))
}

/// The complaint types the matrix sends to a discipline.
#[wasm_bindgen(js_name = referralsTo, unchecked_return_type = "string[]")]
pub fn referrals_to(
    #[wasm_bindgen(unchecked_param_type = "string")] discipline: JsValue,
) -> Result<JsValue, ApiError> {
    let discipline = string_argument(&discipline, "referralsTo", "discipline")?;
    with(|k| k.referrals_to(&discipline))
}

/// The four stepped-care steps with providers, building blocks and criteria up and down.
#[wasm_bindgen(js_name = steppedCare, unchecked_return_type = "Step[]")]
pub fn stepped_care() -> Result<JsValue, ApiError> {
    with(|k| Ok(k.stepped_care()))
}

/// The red flags, and the other flags linked to them, each list cited.
#[wasm_bindgen(js_name = redFlags, unchecked_return_type = "RedFlags")]
pub fn red_flags() -> Result<JsValue, ApiError> {
    with(|k| Ok(k.red_flags()))
}

/// What each document says on a topic (id or words), side by side, agreement marked.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "string")] topic: JsValue,
) -> Result<JsValue, ApiError> {
    let topic = string_argument(&topic, "compare", "topic")?;
    with(|k| k.compare(&topic))
}

/// The lay explanation (B1 Dutch) of a node.
#[wasm_bindgen(unchecked_return_type = "Lay")]
pub fn lay(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
) -> Result<JsValue, ApiError> {
    let id = string_argument(&id, "lay", "id")?;
    with(|k| k.lay(&id))
}

/// Every release of the content the module knows, newest first, with what each changed since the
/// one before.
#[wasm_bindgen(unchecked_return_type = "ReleaseSummary[]")]
pub fn releases() -> Result<JsValue, ApiError> {
    with(|k| Ok(k.releases()))
}

/// What changed since the release `since` (its name, such as `2026.12.05`): until the release
/// `until`, or without it until the module's own content. Throws `not-found` for an unknown
/// release, with the known ones as suggestions.
#[wasm_bindgen(unchecked_return_type = "Changes")]
pub fn changes(
    #[wasm_bindgen(unchecked_param_type = "string")] since: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] until: Option<JsValue>,
) -> Result<JsValue, ApiError> {
    let since = string_argument(&since, "changes", "since")?;
    let until = optional_string(until, "changes", "until")?;
    with(|k| k.changes(&since, until.as_deref()))
}

fn optional_string(
    value: Option<JsValue>,
    function: &str,
    name: &str,
) -> Result<Option<String>, ApiError> {
    match value {
        Some(value) if !value.is_undefined() && !value.is_null() => {
            string_argument(&value, function, name).map(Some)
        }
        _ => Ok(None),
    }
}
