//! Robustness of the knowledge core against any input a page can pass: property-based fuzzing
//! with `proptest`, on the embedded content.
//!
//! Every core entry point the bindings call (`search` with any options, `suggest`, `node`,
//! `changes`), the text analysis under them (`fold`, `word_spans`, `Analyzer::tokens`) and the
//! HTML helpers (`html::escape`, `html::to_text`) get arbitrary UTF-8, control characters,
//! right-to-left text and bidi overrides, combining marks, emoji and ZWJ sequences, very long
//! words, runs of separators, and real Dutch words of the content with typos. The properties:
//! nothing panics, bad arguments are an `Err`, results are well formed (every hit exists, at most
//! `limit` hits, finite scores best first, snippets escaped with only `<mark>` as markup), and
//! every call answers within [`call_budget`].
//!
//! Each property runs 256 cases by default (proptest's default), so the whole file takes a few
//! seconds in `cargo test --release`. The standard `PROPTEST_CASES` variable sets the count; the
//! long run is
//!
//! ```sh
//! PROPTEST_CASES=100000 cargo test --release --test robustness
//! ```
//!
//! A failing case is printed, shrunk to a minimal input, in the test's panic message (no
//! regression file is written: `failure_persistence` is off so the run leaves the tree clean).
//! The plain tests at the end check that a 1 MB query and a query of 100 000 words are answered,
//! and cut to [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] words.

// proptest and serde_json are native-only dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

mod common;

use common::{check_entities, check_layer_html};
use pijnwijzer::knowledge::search::analyze::{self, Analyzer};
use pijnwijzer::knowledge::search::{self as core_search, MAX_QUERY_CHARS, MAX_QUERY_WORDS};
use pijnwijzer::knowledge::view::Hit;
use pijnwijzer::knowledge::{Error, Knowledge, OneOrMany, SearchOptions, DEFAULT_LIMIT, MAX_LIMIT};
use pijnwijzer::model::html;
use pijnwijzer::model::{Audience, Kind};
use proptest::prelude::*;
use proptest::sample::select;

/// The longest one call may take: 1 s in release mode (`cargo test --release`), 5 s in an
/// unoptimised debug build (plain `cargo test`, which `npm test` runs). A typical search takes a
/// few milliseconds: this is a guard against hangs and quadratic or worse behaviour on long or odd
/// input, with room for a loaded machine, not a speed goal (speed is measured in BENCHMARKS.md).
/// Set `ROBUSTNESS_BUDGET_MS` to change it.
fn call_budget() -> Duration {
    static BUDGET: OnceLock<Duration> = OnceLock::new();
    *BUDGET.get_or_init(|| {
        let default = if cfg!(debug_assertions) { 5000 } else { 1000 };
        let ms = std::env::var("ROBUSTNESS_BUDGET_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default);
        Duration::from_millis(ms)
    })
}

/// The embedded knowledge, built once for every test of this file.
fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| pijnwijzer::embedded().expect("the embedded pack loads"))
}

/// What the fuzzing draws valid values from: the content's ids, documents, actors and words.
struct Vocabulary {
    ids: Vec<String>,
    documents: Vec<String>,
    actors: Vec<String>,
    /// Words of three letters or more from titles, aliases and text, as written.
    words: Vec<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let k = knowledge();
        let ids = k.nodes().iter().map(|n| n.id.clone()).collect();
        let documents = k.version().documents.into_iter().map(|d| d.id).collect();
        let actors: BTreeSet<String> =
            k.nodes().iter().flat_map(|n| n.actors.iter().cloned()).collect();
        let mut words = BTreeSet::new();
        let mut add = |text: &str| {
            for (start, end) in analyze::word_spans(text) {
                if text[start..end].chars().count() >= 3 {
                    words.insert(text[start..end].to_string());
                }
            }
        };
        for node in k.nodes() {
            add(&node.title);
            node.aliases.iter().for_each(|a| add(a));
            node.layers.iter().for_each(|l| add(&core_search::layer_text(l)));
        }
        Vocabulary {
            ids,
            documents,
            actors: actors.into_iter().collect(),
            words: words.into_iter().collect(),
        }
    })
}

/// Runs `f`, failing the case when it takes longer than [`call_budget()`].
fn timed<T>(what: &str, input: &dyn Debug, f: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    let start = Instant::now();
    let value = f();
    let took = start.elapsed();
    let budget = call_budget();
    prop_assert!(took < budget, "{what} took {took:?} (budget {budget:?}) on {input:?}");
    Ok(value)
}

// ---------------------------------------------------------------------------------------------
// Input strategies
// ---------------------------------------------------------------------------------------------

/// Pieces of hostile or unusual text.
const FRAGMENTS: &[&str] = &[
    // control characters and odd whitespace
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{b}",
    "\u{c}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "\u{200b}",
    "\u{feff}",
    "\u{fffd}",
    "\u{fffe}",
    "\u{10ffff}",
    "\u{e000}",
    // right-to-left text and bidi controls
    "ألم مزمن",
    "مرحبا",
    "الألم",
    "שלום",
    "כאב כרוני",
    "\u{202e}",
    "\u{202d}",
    "\u{202b}",
    "\u{202a}",
    "\u{202c}",
    "\u{200f}",
    "\u{200e}",
    "\u{2066}",
    "\u{2067}",
    "\u{2069}",
    "pijn\u{202e}nijp",
    "١٢٣",
    "۴۵",
    // combining marks
    "e\u{301}",
    "\u{301}",
    "\u{308}\u{308}\u{308}",
    "Z\u{36b}\u{33f}\u{344}\u{334}\u{353}",
    "a\u{20dd}",
    "o\u{338}",
    "\u{1ab0}",
    // emoji, ZWJ sequences, flags, modifiers, variation selectors
    "😀",
    "👩\u{200d}👩\u{200d}👧\u{200d}👦",
    "🏳\u{fe0f}\u{200d}🌈",
    "👍🏽",
    "\u{200d}",
    "\u{200c}",
    "\u{fe0f}",
    "🇳🇱",
    "🇧🇪",
    "1\u{fe0f}\u{20e3}",
    // letters whose case or folding changes length
    "İ",
    "ı",
    "ß",
    "ẞ",
    "ﬁ",
    "ǅ",
    "Σ",
    "ς",
    "Å",
    "Æ",
    "Œ",
    "Ⅻ",
    "½",
    "²",
    "ŉ",
    "ΐ",
    "ﬀ",
    // separators, apostrophes, possessives
    " ",
    "  ",
    "-",
    "--",
    "'",
    "’",
    "'s",
    "’s",
    "'S",
    "...",
    "/",
    ",",
    ";",
    ":",
    "(",
    ")",
    "\"",
    "«",
    "»",
    "„",
    "·",
    "_",
    // HTML and entities
    "<",
    ">",
    "&",
    "<mark>",
    "</mark>",
    "&amp",
    "&amp;",
    "&#x;",
    "&lt",
    "&#0;",
    "<script>",
    "</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:",
    "<br>",
    "<!--",
    // real words, acronyms, numbers
    "pijn",
    "Opioïden",
    "NSAID's",
    "TENS",
    "MBSR",
    "rode vlaggen",
    "pijneducatie",
    "patiënt",
    "1B",
    "60",
    "GPP",
    "de",
    "het",
    "van",
];

const SEPARATORS: &[&str] = &[
    " ", "  ", "\t", "\n", "-", "'", "’", "'s ", ",", ".", "/", "\u{a0}", "\u{200b}", "\u{3000}",
    "…", "_", "\u{202e}", "&",
];

/// A word of the content, as written.
fn content_word() -> impl Strategy<Value = String> {
    select(vocabulary().words.as_slice())
}

/// A character for typos: mostly Dutch letters, sometimes anything.
fn typo_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => select(&['a', 'e', 'i', 'o', 'u', 'n', 'r', 's', 't', 'l', 'k', 'd', 'g', 'j', 'ĳ', 'ë', 'é', 'ï', 'ü', 'ö'][..]),
        1 => any::<char>(),
    ]
}

/// Applies typing mistakes to `word`: deletions, insertions, substitutions, swapped neighbours,
/// capitals and diacritics (composed or combining).
fn with_typos(word: &str, edits: &[(u8, usize, char)]) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    for &(kind, at, c) in edits {
        let n = chars.len();
        match kind % 7 {
            0 if n > 0 => {
                chars.remove(at % n);
            }
            1 => chars.insert(at % (n + 1), c),
            2 if n > 0 => chars[at % n] = c,
            3 if n > 1 => {
                let i = at % (n - 1);
                chars.swap(i, i + 1);
            }
            4 if n > 0 => {
                let i = at % n;
                let upper: Vec<char> = chars[i].to_uppercase().collect();
                chars.splice(i..=i, upper);
            }
            5 if n > 0 => chars.insert(at % n + 1, '\u{308}'),
            6 => chars = chars.iter().map(|c| c.to_uppercase().next().unwrap_or(*c)).collect(),
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// A real word of the content with up to three typos.
fn typo_word() -> impl Strategy<Value = String> {
    (content_word(), prop::collection::vec((any::<u8>(), any::<usize>(), typo_char()), 0..4))
        .prop_map(|(w, edits)| with_typos(&w, &edits))
}

/// A query built from real words with typos, joined by random separators.
fn dutch_query() -> impl Strategy<Value = String> {
    prop::collection::vec((typo_word(), select(SEPARATORS)), 1..16)
        .prop_map(|parts| parts.into_iter().map(|(word, sep)| format!("{word}{sep}")).collect())
}

/// Text mixing the fragments above, arbitrary characters and content words.
fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => select(FRAGMENTS).prop_map(String::from),
            2 => any::<char>().prop_map(String::from),
            2 => typo_word(),
            1 => content_word(),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// One very long word: letters, digits or any alphanumeric character, hundreds to thousands long.
fn long_word() -> impl Strategy<Value = String> {
    prop_oneof![
        ("[a-zëéï]{1,12}", 20..600usize).prop_map(|(w, n)| w.repeat(n)),
        (content_word(), 10..300usize).prop_map(|(w, n)| w.repeat(n)),
        prop::collection::vec(
            any::<char>().prop_map(|c| if c.is_alphanumeric() { c } else { 'ꙮ' }),
            100..3000
        )
        .prop_map(String::from_iter),
        ("[0-9]{1,5}", 50..2000usize).prop_map(|(w, n)| w.repeat(n)),
    ]
}

/// Separators repeated, with or without words between them.
fn repeated_separators() -> impl Strategy<Value = String> {
    prop_oneof![
        (select(SEPARATORS), 1..3000usize).prop_map(|(s, n)| s.repeat(n)),
        (typo_word(), select(SEPARATORS), 1..200usize, 1..20usize)
            .prop_map(|(w, s, n, m)| format!("{}{w}", s.repeat(n)).repeat(m)),
        (select(FRAGMENTS), 1..500usize).prop_map(|(f, n)| f.repeat(n)),
    ]
}

/// Any text a page might pass.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        3 => mixed_text(),
        3 => dutch_query(),
        1 => long_word(),
        1 => repeated_separators(),
        1 => "\\PC{0,300}",
        1 => ".{0,50}",
    ]
}

/// A filter: absent, one value, or a list, of valid or invalid values.
fn filter(
    valid: BoxedStrategy<String>,
    invalid: BoxedStrategy<String>,
) -> impl Strategy<Value = Option<OneOrMany<String>>> {
    let value = prop_oneof![4 => valid, 1 => invalid].boxed();
    prop_oneof![
        3 => Just(None),
        2 => value.clone().prop_map(|v| Some(OneOrMany::One(v))),
        2 => prop::collection::vec(value, 0..4).prop_map(|v| Some(OneOrMany::Many(v))),
    ]
}

/// A string that is no document, actor or kind: ids never hold `?`.
fn not_an_id() -> impl Strategy<Value = String> {
    any_text().prop_map(|s| format!("{s}?"))
}

fn options() -> impl Strategy<Value = SearchOptions> {
    let limit = prop_oneof![
        2 => Just(None),
        4 => (0..=MAX_LIMIT).prop_map(Some),
        1 => (MAX_LIMIT + 1..MAX_LIMIT + 5).prop_map(Some),
        1 => any::<usize>().prop_map(Some),
    ];
    let audience = prop_oneof![
        2 => Just(None),
        2 => Just(Some("professional".to_string())),
        2 => Just(Some("patient".to_string())),
        1 => any_text().prop_map(Some),
        1 => Just(Some("Patient".to_string())),
    ];
    let kinds: Vec<String> = Kind::ALL.iter().map(|k| k.as_str().to_string()).collect();
    let kind = filter(
        select(kinds).boxed(),
        prop_oneof![any_text(), Just("Recommendation".to_string()), Just(String::new())].boxed(),
    );
    let document = filter(select(vocabulary().documents.clone()).boxed(), not_an_id().boxed());
    let actor = filter(select(vocabulary().actors.clone()).boxed(), not_an_id().boxed());
    let step = prop_oneof![
        3 => Just(None),
        2 => (1u8..=4).prop_map(|s| Some(OneOrMany::One(s))),
        1 => any::<u8>().prop_map(|s| Some(OneOrMany::One(s))),
        2 => prop::collection::vec(prop_oneof![4 => 1u8..=4, 1 => any::<u8>()], 0..4).prop_map(|s| Some(OneOrMany::Many(s))),
    ];
    let prefix = any::<Option<bool>>();
    (limit, audience, document, kind, actor, step, prefix).prop_map(
        |(limit, audience, document, kind, actor, step, prefix)| SearchOptions {
            limit,
            audience,
            document,
            kind,
            actor,
            step,
            prefix,
        },
    )
}

/// A node id of any shape: real ones, real ones slightly wrong, and anything.
fn node_id() -> impl Strategy<Value = String> {
    let real = || select(vocabulary().ids.as_slice());
    prop_oneof![
        3 => real(),
        3 => (real(), prop::collection::vec((any::<u8>(), any::<usize>(), typo_char()), 1..4)).prop_map(|(id, edits)| with_typos(&id, &edits)),
        1 => (real(), select(FRAGMENTS)).prop_map(|(id, f)| format!("{id}{f}")),
        1 => (select(FRAGMENTS), real()).prop_map(|(f, id)| format!("{f}{id}")),
        1 => real().prop_map(|id| id.to_uppercase()),
        1 => real().prop_map(|id| id.replace('.', "/")),
        1 => "[a-z.\\-]{0,40}",
        2 => any_text(),
        1 => ".{110,400}",
        1 => Just(String::new()),
    ]
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

fn limit_of(options: &SearchOptions) -> usize {
    options.limit.unwrap_or(DEFAULT_LIMIT)
}

/// Whether the API must accept `options` (the documented rules, restated).
fn options_are_valid(options: &SearchOptions) -> bool {
    let vocabulary = vocabulary();
    let all = |filter: &Option<OneOrMany<String>>, ok: &dyn Fn(&str) -> bool| match filter {
        None => true,
        Some(OneOrMany::One(v)) => ok(v),
        Some(OneOrMany::Many(vs)) => vs.iter().all(|v| ok(v)),
    };
    let steps_ok = match &options.step {
        None => true,
        Some(OneOrMany::One(s)) => (1..=4).contains(s),
        Some(OneOrMany::Many(ss)) => ss.iter().all(|s| (1..=4).contains(s)),
    };
    limit_of(options) <= MAX_LIMIT
        && options.audience.as_deref().is_none_or(|a| Audience::parse(a).is_some())
        && all(&options.document, &|d| vocabulary.documents.iter().any(|x| x == d))
        && all(&options.kind, &|k| Kind::parse(k).is_some())
        && all(&options.actor, &|a| vocabulary.actors.iter().any(|x| x == a))
        && steps_ok
}

/// A snippet is escaped text with `<mark>` and `</mark>` as its only markup, and every `&`
/// starts one of the entities the escaper writes.
fn check_snippet(snippet: &str) -> Result<(), String> {
    let bare = snippet.replace("<mark>", "").replace("</mark>", "");
    if let Some(c) = bare.chars().find(|c| matches!(c, '<' | '>' | '"' | '\'')) {
        return Err(format!("unescaped `{c}` in snippet {snippet:?}"));
    }
    check_entities(&bare).map_err(|e| format!("{e} in snippet {snippet:?}"))?;
    if snippet.matches("<mark>").count() != snippet.matches("</mark>").count() {
        return Err(format!("unbalanced <mark> in snippet {snippet:?}"));
    }
    Ok(())
}

/// Runs a search and checks everything about its answer.
fn check_search(text: &str, options: &SearchOptions) -> Result<(), TestCaseError> {
    let k = knowledge();
    let result = timed("search", &(text, options), || k.search(text, options))?;
    let valid = options_are_valid(options);
    let hits = match result {
        Ok(hits) => {
            prop_assert!(valid, "search accepted invalid options {options:?}");
            hits
        }
        Err(error) => {
            prop_assert!(!valid, "search refused valid options {options:?}: {error}");
            prop_assert!(matches!(error, Error::InvalidArgument(_)), "unexpected error {error:?}");
            prop_assert!(!error.to_string().is_empty());
            return Ok(());
        }
    };
    check_hits(text, options, &hits)
}

fn check_hits(text: &str, options: &SearchOptions, hits: &[Hit]) -> Result<(), TestCaseError> {
    let k = knowledge();
    prop_assert!(
        hits.len() <= limit_of(options),
        "{} hits for limit {}",
        hits.len(),
        limit_of(options)
    );
    let cut: String = text.chars().take(MAX_QUERY_CHARS).collect();
    if Analyzer::default().tokens(&cut).is_empty() {
        prop_assert!(hits.is_empty(), "a query without words found {} hits", hits.len());
    }
    let mut seen = BTreeSet::new();
    for hit in hits {
        let node = k.raw_node(&hit.node.id);
        prop_assert!(node.is_ok(), "hit `{}` is not a node", hit.node.id);
        let node = node.unwrap();
        prop_assert_eq!(&hit.node.title, &node.title);
        prop_assert_eq!(hit.node.kind, node.kind);
        prop_assert!(seen.insert(hit.node.id.as_str()), "hit `{}` twice", hit.node.id);
        prop_assert!(
            hit.score.is_finite() && hit.score >= 0.0,
            "score {} of `{}`",
            hit.score,
            hit.node.id
        );
        if let Err(message) = check_snippet(&hit.snippet) {
            return Err(TestCaseError::fail(message));
        }
        if let Some(kinds) = &options.kind {
            let kinds = match kinds {
                OneOrMany::One(k) => vec![k.clone()],
                OneOrMany::Many(ks) => ks.clone(),
            };
            if !kinds.is_empty() {
                prop_assert!(
                    kinds.iter().any(|k| k == hit.node.kind.as_str()),
                    "hit `{}` of kind {:?} passes the kind filter {kinds:?}",
                    hit.node.id,
                    hit.node.kind
                );
            }
        }
    }
    for pair in hits.windows(2) {
        prop_assert!(
            pair[0].score >= pair[1].score,
            "scores not best first: {} then {}",
            pair[0].score,
            pair[1].score
        );
    }
    Ok(())
}

fn proptest_config() -> ProptestConfig {
    // `default()` reads PROPTEST_CASES (256 when unset); no regression files in the tree.
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(proptest_config())]

    /// Any text with any options: an answer or an `Err`, never a panic, always well formed.
    #[test]
    fn search_answers_any_text_with_any_options(text in any_text(), options in options()) {
        check_search(&text, &options)?;
    }

    /// Real words with typos, with valid default options, as readers type them.
    #[test]
    fn search_answers_dutch_with_typos(text in dutch_query(), patient in any::<bool>(), prefix in any::<bool>(), limit in 0..=MAX_LIMIT) {
        let options = SearchOptions {
            limit: Some(limit),
            audience: Some(if patient { "patient" } else { "professional" }.to_string()),
            prefix: Some(prefix),
            ..SearchOptions::default()
        };
        check_search(&text, &options)?;
    }

    /// Long words and runs of separators, with search-as-you-type on.
    #[test]
    fn search_answers_long_words_and_separators(text in prop_oneof![long_word(), repeated_separators()], prefix in any::<bool>()) {
        let options = SearchOptions { prefix: Some(prefix), limit: Some(MAX_LIMIT), ..SearchOptions::default() };
        check_search(&text, &options)?;
    }

    /// Completions: never a panic, at most `limit` (and at most 100).
    #[test]
    fn suggest_answers_any_prefix(prefix in any_text(), limit in prop_oneof![0..=MAX_LIMIT + 5, any::<usize>()]) {
        let k = knowledge();
        let words = timed("suggest", &(&prefix, limit), || k.suggest(&prefix, limit))?;
        prop_assert!(words.len() <= limit.min(MAX_LIMIT), "{} completions for limit {limit}", words.len());
    }

    /// Completions of text that does not end in whitespace, even once cut to MAX_QUERY_CHARS.
    /// Text that does is the known failure
    /// of the property above (see `suggest_after_trailing_whitespace_neither_panics_nor_garbles`);
    /// this one keeps fuzzing the rest of `suggest` while that stands. Each completion is the
    /// text before the last word followed by a content word that starts with it (folded).
    #[test]
    fn suggest_completes_the_last_word(prefix in any_text().prop_map(|t| t.chars().take(MAX_QUERY_CHARS).collect::<String>().trim_end().to_string()), limit in 0..=MAX_LIMIT) {
        let k = knowledge();
        let words = timed("suggest", &(&prefix, limit), || k.suggest(&prefix, limit))?;
        prop_assert!(words.len() <= limit);
        let cut: String = prefix.chars().take(MAX_QUERY_CHARS).collect();
        let last = cut.split_whitespace().last().unwrap_or("");
        let head = &cut[..cut.len() - last.len()];
        for word in &words {
            let rest = word.strip_prefix(head);
            prop_assert!(rest.is_some(), "completion {word:?} drops the typed {head:?}");
            prop_assert!(analyze::fold(rest.unwrap()).starts_with(analyze::fold(last.trim()).as_str()), "completion {word:?} of {last:?}");
        }
    }

    /// A node by any id: the node when the id exists, else `NotFound` with real suggestions.
    #[test]
    fn node_answers_any_id(id in node_id()) {
        let k = knowledge();
        let exists = vocabulary().ids.contains(&id);
        let result = timed("node", &id, || k.node(&id))?;
        match result {
            Ok(view) => {
                prop_assert!(exists, "node answered for unknown id {id:?}");
                prop_assert_eq!(&view.id, &id);
                for layer in &view.layers {
                    if let Err(message) = check_layer_html(&layer.html) {
                        return Err(TestCaseError::fail(format!("node `{id}`: {message}")));
                    }
                }
                for link in &view.links {
                    prop_assert!(k.raw_node(&link.id).is_ok(), "link to unknown `{}`", link.id);
                }
            }
            Err(Error::NotFound { name, suggestions, .. }) => {
                prop_assert!(!exists, "node refused existing id {id:?}");
                prop_assert!(name.chars().count() <= 80, "the error repeats {} characters of the id", name.chars().count());
                prop_assert!(suggestions.len() <= 3);
                for suggestion in &suggestions {
                    prop_assert!(k.raw_node(suggestion).is_ok(), "suggested unknown id {suggestion:?}");
                }
                let message = k.node(&id).unwrap_err().to_string();
                prop_assert!(message.starts_with("unknown node id"), "{message}");
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?} for id {id:?}"),
        }
    }

    /// What changed since and until any name: the changes between two known releases, else
    /// `NotFound` with every known release as suggestions.
    #[test]
    fn changes_answer_any_release_name(
        since in prop_oneof![any_text(), Just("2026.12.05".to_string())],
        until in proptest::option::of(prop_oneof![any_text(), Just("2026.12.05".to_string())]),
    ) {
        let k = knowledge();
        let known: Vec<String> = k.releases().into_iter().map(|r| r.name).collect();
        let result = timed("changes", &(&since, &until), || k.changes(&since, until.as_deref()))?;
        let names_known = known.contains(&since) && until.as_ref().is_none_or(|u| known.contains(u));
        match result {
            Ok(changes) => {
                prop_assert!(names_known, "changes answered for unknown {since:?}, {until:?}");
                prop_assert_eq!(&changes.since.name, &since);
            }
            Err(Error::NotFound { name, suggestions, .. }) => {
                prop_assert!(!names_known, "changes refused known {since:?}, {until:?}");
                prop_assert!(name.chars().count() <= 80);
                prop_assert_eq!(&suggestions, &known);
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }

    /// The analysis under search: spans are ordered, in bounds, on character boundaries and made
    /// of letters and digits; tokens sit on spans and carry the folded word.
    #[test]
    fn analysis_is_well_formed(text in any_text()) {
        let spans: Vec<_> = timed("word_spans", &text, || analyze::word_spans(&text).collect())?;
        let mut previous_end = 0;
        for &(start, end) in &spans {
            prop_assert!(previous_end <= start && start < end && end <= text.len(), "span {start}..{end} after {previous_end} in {} bytes", text.len());
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "span {start}..{end} splits a character");
            prop_assert!(text[start..end].chars().all(char::is_alphanumeric), "span {:?} holds a non-alphanumeric character", &text[start..end]);
            previous_end = end;
        }
        let folded = timed("fold", &text, || analyze::fold(&text))?;
        if text.is_ascii() {
            prop_assert_eq!(folded, text.to_ascii_lowercase());
        }
        let analyzer = Analyzer::default();
        let tokens = timed("Analyzer::tokens", &text, || analyzer.tokens(&text))?;
        for token in &tokens {
            prop_assert!(spans.contains(&(token.start, token.end)), "token {token:?} is not on a span");
            prop_assert_eq!(&token.word, &analyze::fold(&text[token.start..token.end]));
            prop_assert!(!token.word.is_empty());
        }
    }

    /// Escaping leaves none of the five characters and reads back to the text; `to_text` takes
    /// anything.
    #[test]
    fn escape_and_to_text_take_anything(text in any_text()) {
        let escaped = timed("html::escape", &text, || html::escape(&text))?;
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']), "escape left markup in {escaped:?}");
        if let Err(message) = check_entities(&escaped) {
            return Err(TestCaseError::fail(message));
        }
        prop_assert_eq!(html::to_text(&escaped), text.clone());
        timed("html::to_text", &text, || html::to_text(&text))?;
    }

    /// Options as the bindings get them, from arbitrary JSON: a value or a serde error.
    #[test]
    fn options_from_any_json(json in any_json()) {
        if let Ok(options) = serde_json::from_value::<SearchOptions>(json) {
            check_search("pijn", &options)?;
        }
    }
}

/// JSON values shaped like search options, with right and wrong types and unknown keys.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        (0u64..200).prop_map(|n| json!(n)),
        any_text().prop_map(Value::String),
        select(
            &[
                "patient",
                "professional",
                "worel",
                "rta",
                "huisarts",
                "recommendation",
                "medication"
            ][..]
        )
        .prop_map(|s| json!(s)),
    ];
    let value = leaf
        .prop_recursive(2, 8, 4, |inner| prop::collection::vec(inner, 0..4).prop_map(Value::Array));
    let key = prop_oneof![
        select(SearchOptions::FIELDS).prop_map(String::from),
        Just("limiet".to_string()),
        any_text()
    ];
    prop::collection::btree_map(key, value, 0..5)
        .prop_map(|m| Value::Object(m.into_iter().collect()))
}

// ---------------------------------------------------------------------------------------------
// Very long input
// ---------------------------------------------------------------------------------------------

fn hits_of(text: &str) -> Vec<Hit<'static>> {
    knowledge().search(text, &SearchOptions::default()).expect("default options are valid")
}

/// Answers `text` within the budget and as if only its first MAX_QUERY_CHARS characters had been
/// typed.
fn assert_cut(text: &str) {
    let k = knowledge();
    let start = Instant::now();
    let hits = k
        .search(text, &SearchOptions { prefix: Some(true), ..SearchOptions::default() })
        .expect("a long query is answered");
    let took = start.elapsed();
    assert!(took < call_budget(), "a query of {} bytes took {took:?}", text.len());
    let cut: String = text.chars().take(MAX_QUERY_CHARS).collect();
    assert_eq!(
        hits,
        k.search(&cut, &SearchOptions { prefix: Some(true), ..SearchOptions::default() }).unwrap(),
        "the long query is not cut to its first {MAX_QUERY_CHARS} characters"
    );
    for hit in &hits {
        check_snippet(&hit.snippet).unwrap();
    }

    let start = Instant::now();
    let words = k.suggest(text, MAX_LIMIT);
    assert!(
        start.elapsed() < call_budget(),
        "suggest on {} bytes took {:?}",
        text.len(),
        start.elapsed()
    );
    assert!(words.len() <= MAX_LIMIT);

    let start = Instant::now();
    let error = k.node(text).expect_err("no node has this id");
    assert!(
        start.elapsed() < call_budget(),
        "node on {} bytes took {:?}",
        text.len(),
        start.elapsed()
    );
    assert!(error.to_string().chars().count() < 200, "the error repeats the whole id");
}

#[test]
fn a_one_megabyte_query_is_answered_and_cut() {
    let mut text = String::from("rode vlaggen bij lage rugpijn ");
    while text.len() < 1 << 20 {
        text.push_str("opioïden 👩\u{200d}👩\u{200d}👧 \u{202e}مزمن pijneducatie ");
    }
    assert!(text.len() >= 1 << 20);
    assert_cut(&text);
    // One word of a megabyte.
    assert_cut(&"pijn".repeat(1 << 18));
    // A megabyte of separators, then a word past the cut.
    assert_cut(&format!("{}opioïden", " -'’".repeat(1 << 17)));
    assert!(
        hits_of(&format!("{}opioïden", " ".repeat(MAX_QUERY_CHARS))).is_empty(),
        "a word after the cut was searched"
    );
}

#[test]
fn a_query_of_100_000_words_is_answered_and_cut() {
    let words = &vocabulary().words;
    let text: String = words.iter().cycle().take(100_000).map(|w| format!("{w} ")).collect();
    assert_cut(&text);
    let typos: String =
        (0..100_000).map(|i| format!("{}x ", words[i * 7919 % words.len()])).collect();
    assert_cut(&typos);
}

#[test]
fn words_past_the_twelfth_are_ignored() {
    let twelve = "pijn ".repeat(MAX_QUERY_WORDS);
    assert!(twelve.chars().count() < MAX_QUERY_CHARS);
    assert_eq!(hits_of(&format!("{twelve}opioïden tramadol")), hits_of(&twelve));
    assert_ne!(
        hits_of("opioïden"),
        hits_of(&twelve),
        "the test needs a word that changes the hits"
    );
}

#[test]
fn the_long_analysis_stays_linear() {
    let text = "Opioïden NSAID's e\u{301} 👍🏽 ".repeat(40_000);
    let start = Instant::now();
    let tokens = Analyzer::default().tokens(&text);
    let spans: Vec<_> = analyze::word_spans(&text).collect();
    let folded = analyze::fold(&text);
    let escaped = html::escape(&text);
    let back = html::to_text(&escaped);
    assert!(
        start.elapsed() < call_budget() * 5,
        "analysing {} bytes took {:?}",
        text.len(),
        start.elapsed()
    );
    assert!(!tokens.is_empty() && spans.len() >= tokens.len() && !folded.is_empty());
    assert_eq!(back, text);
}

/// Hostile queries come back with their markup escaped in the snippets.
#[test]
fn script_in_a_query_is_escaped_in_snippets() {
    let k = knowledge();
    for query in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "pijn <script>alert(1)</script>",
        "rugpijn \"><img src=x onerror=alert(1)>",
        "<mark>pijn</mark>",
    ] {
        for audience in ["professional", "patient"] {
            let options = SearchOptions {
                audience: Some(audience.to_string()),
                prefix: Some(true),
                limit: Some(MAX_LIMIT),
                ..SearchOptions::default()
            };
            let hits = k.search(query, &options).unwrap();
            for hit in &hits {
                check_snippet(&hit.snippet).unwrap();
                assert!(
                    !hit.snippet.contains("<script") && !hit.snippet.contains("<img"),
                    "{}",
                    hit.snippet
                );
            }
        }
    }
}

/// Every node of the embedded content renders to the compiler's HTML only.
#[test]
fn every_embedded_layer_is_safe_html() {
    let k = knowledge();
    for node in k.nodes() {
        let view = k.node(&node.id).unwrap();
        for layer in &view.layers {
            if let Err(message) = check_layer_html(&layer.html) {
                panic!("node `{}` layer {:?}: {message}", node.id, layer.key);
            }
        }
    }
}

/// `suggest` on text that ends in whitespace: found by `suggest_answers_any_prefix` (minimal
/// input `"\u{200b}\t"`, limit 0). `Knowledge::suggest` takes the last whitespace-separated word
/// and cuts it off the end of the text by length, which is wrong when whitespace follows the
/// word: it slices inside a character (a panic) or keeps a wrong head (`"pijn "` completes to
/// `"ppijn…"`). Every suggestion must keep what was typed before the word being completed.
#[test]
fn suggest_after_trailing_whitespace_neither_panics_nor_garbles() {
    let k = knowledge();
    let mut failures = Vec::new();
    for text in [
        "\u{200b}\t",
        "a é ",
        "opioïden ",
        "pijn ",
        "rode vlag ",
        "pijn\u{a0}",
        "pijn\n",
        "rugpijn  ",
    ] {
        match std::panic::catch_unwind(|| k.suggest(text, 8)) {
            Err(_) => failures.push(format!("suggest({text:?}, 8) panics")),
            Ok(words) => {
                let trimmed = text.trim_end();
                let last = trimmed.split_whitespace().last().unwrap_or("");
                let head = &trimmed[..trimmed.len() - last.len()];
                for word in &words {
                    let completes = word
                        .strip_prefix(head)
                        .is_some_and(|rest| analyze::fold(rest).starts_with(&analyze::fold(last)));
                    if !completes {
                        failures.push(format!("suggest({text:?}, 8) gives {word:?}: not {head:?} followed by a completion of {last:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The slowest shape of query the fuzzing found: twelve long words (nine letters or more) that
/// match nothing exactly, so each is compared, within two edits, with every word of the content.
/// Measured as the best of three runs, so a busy machine does not make it fail.
#[test]
fn twelve_long_misspelt_words_answer_within_budget() {
    let k = knowledge();
    let vocabulary = vocabulary();
    let known: BTreeSet<String> = vocabulary.words.iter().map(|w| analyze::fold(w)).collect();
    let words: Vec<String> = vocabulary
        .words
        .iter()
        .filter(|w| w.chars().count() >= 9 && w.chars().all(|c| c.is_ascii_lowercase()))
        .step_by(7)
        .map(|w| {
            let mut chars: Vec<char> = w.chars().collect();
            let middle = chars.len() / 2;
            chars.swap(middle - 1, middle + 1);
            chars.insert(middle, 'q');
            chars.into_iter().collect::<String>()
        })
        .filter(|w| !known.contains(w))
        .take(MAX_QUERY_WORDS)
        .collect();
    assert_eq!(words.len(), MAX_QUERY_WORDS);
    let query = words.join(" ");
    for audience in ["professional", "patient"] {
        let options = SearchOptions {
            audience: Some(audience.into()),
            limit: Some(MAX_LIMIT),
            prefix: Some(true),
            ..SearchOptions::default()
        };
        let best = (0..3)
            .map(|_| {
                let start = Instant::now();
                k.search(&query, &options).unwrap();
                start.elapsed()
            })
            .min()
            .unwrap();
        eprintln!("twelve misspelt words ({audience}): {best:?}");
        assert!(
            best < call_budget(),
            "{query:?} ({audience}) took {best:?} at best (budget {:?})",
            call_budget()
        );
    }
}
