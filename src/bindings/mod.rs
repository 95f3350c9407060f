//! The JavaScript API: thin layers over the core, which check what a page passes.
//!
//! Every function checks the types of its arguments itself and throws a JS `Error` for bad
//! input (an [`ApiError`]: with a `code` and `suggestions` a page can read), so nothing a page
//! passes can make the module panic; a panic would leave the wasm instance unusable for the rest
//! of the page's life. Results are plain JS objects typed by the interfaces in the TypeScript
//! section below.
//!
//! Two modules are built from these bindings: the package's, with the whole API over the
//! embedded knowledge (`api`, feature `api`); and the site's first search, which answers from the
//! search's files before that module has loaded (`bundled`, feature `bundled-search`).

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::knowledge::SearchOptions;

#[cfg(feature = "api")]
mod api;
#[cfg(feature = "api")]
pub use api::*;
#[cfg(feature = "bundled-search")]
mod bundled;
#[cfg(feature = "bundled-search")]
pub use bundled::*;

/// The declarations of every type the API takes or returns, written by `build.rs` from the Rust
/// types themselves (ts-rs): one declaration per shape, never one by hand.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!(concat!(env!("OUT_DIR"), "/types.d.ts"));

/// The one type that is the bindings' own: what every function throws ([`ApiError`]).
#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPE: &str = r#"
/** What every function throws: an `Error` with a stable `code` and, for an unknown id or name, close ones that exist (best first). */
export interface PijnwijzerError extends Error {
  code: "not-found" | "invalid-argument" | "unavailable" | "internal";
  suggestions: string[];
}
"#;
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Reports a panic on the console. It should never run: every input is checked before use.
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!("pijnwijzer: internal error: {info}"))
    }));
}

/// What every call throws: a JS `Error` with the message, a stable `code` (`not-found`,
/// `invalid-argument`, `unavailable`, `internal`) and `suggestions` (close ids or names that exist),
/// so that a page reads data, never the message's words.
#[derive(Debug)]
pub struct ApiError {
    message: String,
    code: &'static str,
    suggestions: Vec<String>,
}

impl ApiError {
    pub(crate) fn invalid(message: String) -> ApiError {
        ApiError { message, code: "invalid-argument", suggestions: Vec::new() }
    }
}

impl From<crate::knowledge::Error> for ApiError {
    fn from(error: crate::knowledge::Error) -> ApiError {
        ApiError {
            message: error.to_string(),
            code: error.code(),
            suggestions: error.suggestions().to_vec(),
        }
    }
}

impl From<ApiError> for JsValue {
    fn from(error: ApiError) -> JsValue {
        let thrown = js_sys::Error::new(&error.message);
        let suggestions: Array = error.suggestions.iter().map(|s| JsValue::from_str(s)).collect();
        // Setting a property on a fresh Error cannot fail.
        let _ = Reflect::set(&thrown, &JsValue::from_str("code"), &JsValue::from_str(error.code));
        let _ = Reflect::set(&thrown, &JsValue::from_str("suggestions"), &suggestions);
        thrown.into()
    }
}

pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, ApiError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| ApiError {
        message: format!("cannot convert the answer: {e}"),
        code: "internal",
        suggestions: Vec::new(),
    })
}

pub(crate) fn string_argument(
    value: &JsValue,
    function: &str,
    name: &str,
) -> Result<String, ApiError> {
    value
        .as_string()
        .ok_or_else(|| ApiError::invalid(format!("{function}: `{name}` must be a string")))
}

/// The `options` of `function` (`search`, `unknownWords`), with `options_given` to count them.
pub(crate) fn search_options(
    options: Option<JsValue>,
    function: &str,
) -> Result<SearchOptions, ApiError> {
    options_object(options, function, SearchOptions::FIELDS, options_given)
}

/// The `options` object of `function`: absent (`undefined`, `null`) gives the defaults; anything
/// but an object, or an object with a key not in `fields`, is an error naming the function.
/// serde-wasm-bindgen reads only the known keys, so a misspelt option must not be dropped
/// silently. `given` counts the options a parsed value sets: when it accounts for every key, no key
/// is unknown and the keys are not read one by one (a search's options are parsed on every call).
pub(crate) fn options_object<T: serde::de::DeserializeOwned + Default>(
    options: Option<JsValue>,
    function: &str,
    fields: &[&str],
    given: impl Fn(&T) -> usize,
) -> Result<T, ApiError> {
    let Some(value) = options.filter(|value| !value.is_undefined() && !value.is_null()) else {
        return Ok(T::default());
    };
    if !value.is_object() {
        return Err(ApiError::invalid(format!("{function}: `options` must be an object")));
    }
    let options: T = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| ApiError::invalid(format!("{function}: invalid options: {e}")))?;
    let keys = Object::keys(value.unchecked_ref::<Object>());
    if keys.length() as usize > given(&options) {
        if let Some(key) =
            keys.iter().filter_map(|k| k.as_string()).find(|k| !fields.contains(&k.as_str()))
        {
            return Err(ApiError::invalid(format!(
                "{function}: unknown option `{key}`; options are {}",
                fields.join(", ")
            )));
        }
    }
    Ok(options)
}

/// How many options `options` sets.
fn options_given(options: &SearchOptions) -> usize {
    let SearchOptions { limit, audience, document, kind, actor, step, prefix } = options;
    [
        limit.is_some(),
        audience.is_some(),
        document.is_some(),
        kind.is_some(),
        actor.is_some(),
        step.is_some(),
        prefix.is_some(),
    ]
    .into_iter()
    .filter(|&given| given)
    .count()
}
