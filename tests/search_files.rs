//! The search as files (`Knowledge::search_files`, read by `BundledSearch`), which the site
//! searches with before the module has loaded: the same hits as the module's search for every
//! question of the relevance sets, in both audiences, typed and finished; a few files per query;
//! and files that do not belong together refused.

// Reads the questions with `toml`, a native-only dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::sync::OnceLock;

use pijnwijzer::knowledge::bundle::{Answer, BundledSearch, INDEX_FILE};
use pijnwijzer::knowledge::{Knowledge, OneOrMany, SearchOptions};

fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| pijnwijzer::embedded().expect("the embedded pack loads"))
}

/// The files by name.
fn files() -> &'static HashMap<String, Vec<u8>> {
    static FILES: OnceLock<HashMap<String, Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| knowledge().search_files().files.into_iter().collect())
}

fn fresh() -> BundledSearch {
    BundledSearch::new(&files()[INDEX_FILE]).expect("index.bin loads")
}

/// The hits for `text` as JSON, adding the files the search asks for as a page does; and the
/// names of the files it added.
fn answer(
    search: &mut BundledSearch,
    text: &str,
    options: &SearchOptions,
) -> (String, Vec<String>) {
    let mut added = Vec::new();
    // A query needs its chunks, then its hits' files: two rounds at most.
    for _ in 0..3 {
        let needs = match search.search(text, options).expect("the options are valid") {
            Answer::Hits(hits) => return (serde_json::to_string(&hits).expect("JSON"), added),
            Answer::Needs(needs) => needs,
        };
        for name in needs {
            let bytes = files().get(&name).unwrap_or_else(|| panic!("{name} is among the files"));
            search.add(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            added.push(name);
        }
    }
    panic!("`{text}` still needs files after three rounds");
}

/// Every query of the relevance question files.
fn queries() -> Vec<String> {
    let dir = format!("{}/tests/relevance", env!("CARGO_MANIFEST_DIR"));
    let mut queries = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/relevance") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let set: toml::Table =
                toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("toml");
            for question in set["question"].as_array().expect("questions") {
                queries.push(question["query"].as_str().expect("query").to_string());
            }
        }
    }
    queries.sort();
    queries
}

fn options(audience: &str, prefix: bool) -> SearchOptions {
    SearchOptions {
        audience: Some(audience.into()),
        prefix: Some(prefix),
        ..SearchOptions::default()
    }
}

#[test]
fn the_files_give_the_module_s_hits_for_every_question() {
    let queries = queries();
    assert!(queries.len() > 500, "the relevance sets hold {} questions", queries.len());
    // One search over all questions: files added for one stay for the next, as on a page.
    let mut search = fresh();
    for query in &queries {
        for (audience, prefix) in
            [("professional", false), ("patient", false), ("professional", true), ("patient", true)]
        {
            let options = options(audience, prefix);
            let expected =
                serde_json::to_string(&knowledge().search(query, &options).expect("hits"))
                    .expect("JSON");
            // Half-typed too: the completions of a last word read other chunks.
            let (got, _) = answer(&mut search, query, &options);
            assert_eq!(got, expected, "`{query}` for {audience}, prefix {prefix}");
        }
    }
}

/// The thesaurus is stored as written and analysed again when index.bin loads: every phrase of it,
/// searched alone, finds what the module finds.
#[test]
fn every_thesaurus_phrase_expands_as_in_the_module() {
    let path = format!("{}/content/synoniemen.toml", env!("CARGO_MANIFEST_DIR"));
    let thesaurus: toml::Table =
        toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("toml");
    let mut search = fresh();
    let mut phrases = 0;
    for group in thesaurus["groep"].as_array().expect("groups") {
        for phrase in group["termen"].as_array().expect("terms") {
            let phrase = phrase.as_str().expect("a term");
            phrases += 1;
            for audience in ["professional", "patient"] {
                let options = options(audience, false);
                let expected =
                    serde_json::to_string(&knowledge().search(phrase, &options).expect("hits"))
                        .expect("JSON");
                let (got, _) = answer(&mut search, phrase, &options);
                assert_eq!(got, expected, "`{phrase}` for {audience}");
            }
        }
    }
    assert!(phrases > 1000, "the thesaurus holds {phrases} phrases");
}

#[test]
fn filters_limits_and_words_being_typed_search_alike() {
    let mut search = fresh();
    let cases: Vec<(&str, SearchOptions)> = vec![
        ("opioïden", SearchOptions { limit: Some(100), ..SearchOptions::default() }),
        ("pijn", SearchOptions { limit: Some(100), ..SearchOptions::default() }),
        (
            "pijn",
            SearchOptions {
                document: Some(OneOrMany::One("rta".into())),
                kind: Some(OneOrMany::Many(vec!["referral".into(), "step".into()])),
                ..SearchOptions::default()
            },
        ),
        (
            "beweg",
            SearchOptions {
                step: Some(OneOrMany::One(2)),
                prefix: Some(true),
                ..SearchOptions::default()
            },
        ),
        (
            "huisarts",
            SearchOptions {
                actor: Some(OneOrMany::One("huisarts".into())),
                ..SearchOptions::default()
            },
        ),
        ("pregab", SearchOptions { prefix: Some(true), ..SearchOptions::default() }),
        ("tramdol", SearchOptions::default()),
        ("", SearchOptions::default()),
        ("de het een", SearchOptions::default()),
        ("pijn", SearchOptions { limit: Some(0), ..SearchOptions::default() }),
    ];
    for (query, options) in &cases {
        let expected = serde_json::to_string(&knowledge().search(query, options).expect("hits"))
            .expect("JSON");
        assert_eq!(answer(&mut search, query, options).0, expected, "`{query}` with {options:?}");
    }
    // Bad options are refused with the module's own words.
    let bad =
        SearchOptions { document: Some(OneOrMany::One("nhg".into())), ..SearchOptions::default() };
    let expected = knowledge().search("pijn", &bad).expect_err("an unknown document is refused");
    let got = match search.search("pijn", &bad) {
        Err(error) => error,
        Ok(_) => panic!("an unknown document is refused"),
    };
    assert_eq!(got, expected);
}

#[test]
fn a_query_reads_a_few_chunks_and_only_its_hits_files() {
    let chunks = files().keys().filter(|name| name.starts_with("chunk-")).count();
    assert!(chunks >= 16, "{chunks} chunks");
    let mut search = fresh();
    let (_, added) = answer(&mut search, "rode vlaggen", &SearchOptions::default());
    let read_chunks = added.iter().filter(|name| name.starts_with("chunk-")).count();
    let read_nodes = added.iter().filter(|name| name.starts_with("node-")).count();
    assert!(read_chunks <= chunks / 4, "`rode vlaggen` read {read_chunks} of {chunks} chunks");
    assert_eq!(read_nodes, 10, "one file per hit shown: {added:?}");
    // Asked again, it needs nothing more.
    assert!(answer(&mut search, "rode vlaggen", &SearchOptions::default()).1.is_empty());
}

#[test]
fn files_that_do_not_belong_together_are_refused() {
    let mut search = fresh();
    let chunk = &files()["chunk-0.bin"];
    let node = &files()["node-0.bin"];
    // The header: format (1 byte), kind (1 byte), then the bundle's digest.
    let mut other_build = chunk.clone();
    other_build[3] ^= 1;
    let error = search.add(&other_build).expect_err("another build's chunk");
    assert!(error.to_string().contains("another build"), "{error}");
    let error = search.add(&files()[INDEX_FILE]).expect_err("index.bin again");
    assert!(error.to_string().contains("read first"), "{error}");
    let error = search.add(b"not a search file").expect_err("garbage");
    assert_eq!(error.code(), "unavailable", "{error}");
    let mut other_format = node.clone();
    other_format[0] = 9;
    let error = search.add(&other_format).expect_err("another format");
    assert!(error.to_string().contains("format 9"), "{error}");
    let error = BundledSearch::new(chunk).err().expect("a chunk is no index");
    assert!(error.to_string().contains("Chunk"), "{error}");
    let error = BundledSearch::new(&chunk[..3]).err().expect("a cut file");
    assert_eq!(error.code(), "unavailable", "{error}");
    // Cut short, a chunk is refused and the search still answers as before.
    let cut = &chunk[..chunk.len() / 2];
    assert!(search.add(cut).is_err());
    let expected = serde_json::to_string(
        &knowledge().search("rode vlaggen", &SearchOptions::default()).expect("hits"),
    )
    .expect("JSON");
    assert_eq!(answer(&mut search, "rode vlaggen", &SearchOptions::default()).0, expected);
}
