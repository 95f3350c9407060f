//! Hostile content and hostile queries: the compiler refuses markup and unsafe links, or renders
//! them as inert, escaped text; search snippets escape whatever the query holds.
//!
//! Each case compiles the fixture content plus one node file with the case in its body (as
//! tests/compiler.rs does) and then either expects a diagnostic on that file, or loads the pack
//! and checks the node's rendered layer HTML: only the compiler's own tags and attributes, links
//! only to `#/n/…` and `https://`, every `&` an entity, and the hostile text present escaped.

// The content compiler is native-only.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::PathBuf;

mod common;

use common::{check_entities, check_layer_html, fixture_with};
use pijnwijzer::knowledge::{Knowledge, SearchOptions};
use pijnwijzer_compile::{compile_dir, Diagnostic};

const ID: &str = "worel.test.nieuw";

/// The fixture content plus a node whose body is `body`.
fn content_with(test: &str, body: &str) -> PathBuf {
    let text = format!(
        "+++\nid = \"{ID}\"\nkind = \"recommendation\"\ntitle = \"Nieuw\"\ncovers = [\"worel.alg.bps\"]\n\n[source]\ndocument = \"worel\"\nsection = \"4\"\npage = 20\nlines = [1295, 1299]\n+++\n\n{body}\n"
    );
    fixture_with(&format!("escaping-{test}"), "nieuw.md", &text)
}

/// The compiled knowledge with the case's node, or the compiler's diagnostics.
fn compile(test: &str, body: &str) -> Result<Knowledge, Vec<Diagnostic>> {
    let dir = content_with(test, body);
    let result = compile_dir(&dir).map(Knowledge::new);
    let _ = fs::remove_dir_all(&dir);
    result
}

/// The HTML of every layer of the case's node.
fn layers_html(knowledge: &Knowledge) -> String {
    knowledge.node(ID).unwrap().layers.iter().map(|l| l.html.clone()).collect::<Vec<_>>().join("\n")
}

/// The body must be refused with a diagnostic, with a hint, on the node's file.
fn assert_refused(test: &str, body: &str) {
    match compile(test, body) {
        Ok(knowledge) => {
            panic!("{body:?} was accepted and renders as {:?}", layers_html(&knowledge))
        }
        Err(errors) => {
            assert!(
                errors.iter().any(|e| e.file.ends_with("nieuw.md") && e.hint.is_some()),
                "{body:?}: no diagnostic on nieuw.md: {errors:#?}"
            )
        }
    }
}

/// The body must compile to safe HTML holding each of `expected` (escaped text).
fn assert_inert(test: &str, body: &str, expected: &[&str]) -> String {
    let knowledge =
        compile(test, body).unwrap_or_else(|errors| panic!("{body:?} was refused: {errors:#?}"));
    let html = layers_html(&knowledge);
    assert_safe(&html);
    for piece in expected {
        assert!(html.contains(piece), "{body:?} renders as {html:?}, without {piece:?}");
    }
    html
}

/// Either refused, or rendered as safe HTML: for input whose reading depends on Markdown's
/// finer rules.
fn assert_refused_or_inert(test: &str, body: &str) {
    if let Ok(knowledge) = compile(test, body) {
        assert_safe(&layers_html(&knowledge));
    }
}

fn assert_safe(html: &str) {
    if let Err(message) = check_layer_html(html) {
        panic!("{message}");
    }
    let lower = html.to_ascii_lowercase();
    assert!(
        !lower.contains("<script")
            && !lower.contains("<img")
            && !lower.contains("<svg")
            && !lower.contains("<iframe"),
        "{html:?}"
    );
    assert!(!lower.contains("href=\"javascript:") && !lower.contains("href=\"data:"), "{html:?}");
    // No attribute whose name starts with `on`: every ` on…=` would have to sit inside a tag.
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("tags are closed") + start;
        let tag = rest[start..end].to_ascii_lowercase();
        assert!(!tag.contains(" on"), "event-handler attribute in {tag:?} of {html:?}");
        rest = &rest[end + 1..];
    }
}

#[test]
fn the_plain_case_compiles() {
    assert_inert(
        "plain",
        "Gewone tekst, zie [lijst](#worel.test.lijst) en [site](https://example.org/a?b=c&d=e).",
        &[
            "<a href=\"#/n/worel.test.lijst\" data-node=\"worel.test.lijst\">lijst</a>",
            "<a href=\"https://example.org/a?b=c&amp;d=e\" rel=\"noopener noreferrer\">site</a>",
        ],
    );
}

#[test]
fn raw_html_is_refused() {
    let cases = [
        "<script>alert(1)</script>",
        "Tekst <script>alert(1)</script> in een zin.",
        "Tekst <img src=x onerror=alert(1)> meer.",
        "<img src=x onerror=alert(1)>",
        "\"><img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">klik</a>",
        "Tekst <b onmouseover=alert(1)>vet</b>.",
        "<!-- verborgen -->",
        "<iframe src=\"https://example.org\"></iframe>",
        "### Kop <script>alert(1)</script>",
        "| a |\n| - |\n| <b onmouseover=alert(1)>x</b> |",
        "- punt <script>alert(1)</script>",
        "> citaat <img src=x onerror=alert(1)>",
        "<style>body{display:none}</style>",
    ];
    for (i, body) in cases.iter().enumerate() {
        assert_refused(&format!("html{i}"), body);
    }
}

#[test]
fn links_other_than_node_ids_and_https_are_refused() {
    let cases = [
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        "[klik](javascript&#58;alert(1))",
        "[klik](%6Aavascript:alert(1))",
        "[klik]( javascript:alert(1) )",
        "<javascript:alert(1)>",
        "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[klik](vbscript:msgbox(1))",
        "[klik](http://example.org)",
        "[klik](//example.org)",
        "<mailto:a@example.org>",
        "<a@example.org>",
        "[klik][1]\n\n[1]: javascript:alert(1)",
        "[klik](#\"><script>)",
        "[klik](#worel.test.lijst \"\\\" onmouseover=\\\"alert(1)\")",
        "![figuur](https://example.org/x.png)",
    ];
    for (i, body) in cases.iter().enumerate() {
        assert_refused(&format!("link{i}"), body);
    }
}

#[test]
fn https_links_cannot_break_out_of_their_attribute() {
    let cases = [
        "[x](<https://example.org/\" onmouseover=\"alert(1)>)",
        "[x](https://example.org/?q=<script>)",
        "[x](https://example.org/&quot;onmouseover=&quot;alert(1))",
        "[x](https://example.org/%22onmouseover=%22alert(1))",
        "[x](https://example.org/'onmouseover='alert(1)')",
        "[x](https://example.org/>)",
        "[x](https://example.org/ \"titel\")",
        "<https://example.org/\"onmouseover=\"alert(1)>",
        "![x](https://example.org/x.png\" onerror=\"alert(1))",
    ];
    for (i, body) in cases.iter().enumerate() {
        assert_refused_or_inert(&format!("https{i}"), body);
    }
    let html = assert_inert(
        "apostrophe",
        "[x](https://example.org/'onmouseover='alert(1)')",
        &["&#39;onmouseover=&#39;"],
    );
    assert!(
        html.contains("href=\"https://example.org/&#39;onmouseover=&#39;alert(1)&#39;\""),
        "{html}"
    );
}

#[test]
fn markup_written_as_text_is_escaped() {
    assert_inert(
        "backslash",
        "\\<script\\>alert(1)\\</script\\>",
        &["&lt;script&gt;alert(1)&lt;/script&gt;"],
    );
    assert_inert(
        "code",
        "`<script>alert(1)</script>`",
        &["<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"],
    );
    assert_inert(
        "entities",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        &["&lt;script&gt;alert(1)&lt;/script&gt;"],
    );
    assert_inert(
        "numeric",
        "&#x3C;script&#x3E;alert(1)&#60;/script&#62;",
        &["&lt;script&gt;alert(1)&lt;/script&gt;"],
    );
    assert_inert(
        "img",
        "\\<img src=x onerror=alert(1)\\>",
        &["&lt;img src=x onerror=alert(1)&gt;"],
    );
    assert_inert(
        "quotes",
        "Tekst met \"aanhalingstekens\" en 'apostrof' en \\\"\\>\\<b\\>",
        &["&quot;aanhalingstekens&quot;", "&#39;apostrof&#39;", "&quot;&gt;&lt;b&gt;"],
    );
    assert_inert(
        "jstext",
        "Schrijf nooit javascript:alert(1) in een link.",
        &["javascript:alert(1)"],
    );
    assert_inert("attrtext", "De tekst onerror=alert(1) is geen attribuut.", &["onerror=alert(1)"]);
}

#[test]
fn broken_entities_stay_text() {
    let html = assert_inert(
        "broken",
        "a &amp b &#x; c &lt d &NietBestaand; e &#0; f &#xD800; g & h",
        &["a &amp;amp b", "&amp;#x; c", "&amp;lt d", "&amp;NietBestaand; e", "g &amp; h"],
    );
    assert!(!html.contains('\0'), "{html:?}");
    // Entities that decode to markup come out escaped, never as tags.
    assert_inert("decoded", "&amp;lt;script&amp;gt;", &["&amp;lt;script&amp;gt;"]);
    assert_inert(
        "table",
        "| kop |\n| --- |\n| &lt;script&gt; &amp |",
        &["<td>&lt;script&gt; &amp;amp</td>"],
    );
}

/// The escaped markup reads back as text in search, and snippets escape it again.
#[test]
fn escaped_markup_is_escaped_in_snippets() {
    let knowledge =
        compile("snippet", "Waarschuwing: \\<script\\>alert(1)\\</script\\> en \\\"\\>\\<img src=x onerror=alert(1)\\> zijn tekst.").unwrap();
    let main = &knowledge.node(ID).unwrap().layers[0];
    assert!(main.text.contains("<script>alert(1)</script>"), "{:?}", main.text);
    for query in
        ["script alert", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "onerror"]
    {
        let hits = knowledge.search(query, &SearchOptions::default()).unwrap();
        let hit = hits
            .iter()
            .find(|h| h.node.id == ID)
            .unwrap_or_else(|| panic!("{query:?} does not find the node: {hits:?}"));
        let bare = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(!bare.contains(['<', '>', '"']), "{query:?}: snippet {:?}", hit.snippet);
        assert!(
            bare.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{query:?}: snippet {:?}",
            hit.snippet
        );
        assert!(
            bare.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
            "{query:?}: snippet {:?}",
            hit.snippet
        );
        assert!(hit.snippet.contains("<mark>"), "{query:?}: nothing marked in {:?}", hit.snippet);
    }
}

/// Queries with markup on the real content: snippets hold it escaped or not at all.
#[test]
fn hostile_queries_give_escaped_snippets() {
    let knowledge = pijnwijzer::embedded().unwrap();
    for query in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "pijn <script>alert(1)</script>",
        "rode vlaggen \"><img src=x onerror=alert(1)>",
    ] {
        for audience in ["professional", "patient"] {
            let options = SearchOptions {
                audience: Some(audience.into()),
                prefix: Some(true),
                limit: Some(100),
                ..SearchOptions::default()
            };
            for hit in knowledge.search(query, &options).unwrap() {
                let bare = hit.snippet.replace("<mark>", "").replace("</mark>", "");
                assert!(!bare.contains(['<', '>', '"']), "{query:?}: snippet {:?}", hit.snippet);
                check_entities(&bare).unwrap();
            }
        }
    }
}
