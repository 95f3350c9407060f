//! The site's first search: the search's files ([`crate::knowledge::bundle`]) read as a query
//! needs them, so that a page answers a search before the module with all the content has
//! loaded. The page fetches the files; these functions only read them.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{search_options, string_argument, to_js, ApiError};
use crate::knowledge::bundle::{Answer, BundledSearch};

thread_local! {
    static SEARCH: RefCell<Option<BundledSearch>> = const { RefCell::new(None) };
}

/// Starts the search from the bytes of `index.bin`, replacing one started before. Returns the
/// labels hits are shown with, as the module's `vocabulary()` gives them.
#[wasm_bindgen(js_name = openSearchFiles, unchecked_return_type = "Vocabulary")]
pub fn open_search_files(index: &[u8]) -> Result<JsValue, ApiError> {
    let search = BundledSearch::new(index)?;
    let vocabulary = to_js(search.vocabulary())?;
    SEARCH.with(|cell| *cell.borrow_mut() = Some(search));
    Ok(vocabulary)
}

/// Adds the bytes of a file a search asked for.
#[wasm_bindgen(js_name = addSearchFile)]
pub fn add_search_file(file: &[u8]) -> Result<(), ApiError> {
    with_search(|search| Ok(search.add(file)?))
}

/// The hits for `query`, as the module's `search(query, options)` gives them, as
/// `{ hits }`; or, when the files read so far do not hold them, `{ needs }`: the names of the
/// files to add before asking again.
#[wasm_bindgen(js_name = searchFiles, unchecked_return_type = "{ hits: SearchHit[] } | { needs: string[] }")]
pub fn search_files(
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: Option<JsValue>,
) -> Result<JsValue, ApiError> {
    let query = string_argument(&query, "searchFiles", "query")?;
    let options = search_options(options, "searchFiles")?;
    with_search(|search| {
        #[derive(serde::Serialize)]
        #[serde(rename_all = "lowercase")]
        enum Shaped<'a> {
            Hits(Vec<crate::knowledge::view::Hit<'a>>),
            Needs(Vec<String>),
        }
        let shaped = match search.search(&query, &options)? {
            Answer::Hits(hits) => Shaped::Hits(hits),
            Answer::Needs(needs) => Shaped::Needs(needs),
        };
        to_js(&shaped)
    })
}

fn with_search<T>(
    f: impl FnOnce(&mut BundledSearch) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    SEARCH.with(|cell| match cell.borrow_mut().as_mut() {
        Some(search) => f(search),
        None => Err(ApiError {
            message: "the search's files are not open: call openSearchFiles(index) first".into(),
            code: "unavailable",
            suggestions: Vec::new(),
        }),
    })
}
