//! Compiles `content/` into the knowledge pack that the library embeds, with the same compiler as
//! `pijnwijzer check` (`crates/compile`), so both apply exactly the same rules while the shipped
//! wasm holds no Markdown parser, with the releases of `releases/` in it (their digests only) for
//! `changes()`, and the stems of the content's words, so that loading runs no stemmer on them
//! (`model::StemTable`). It also writes the TypeScript declarations of every type the API
//! returns or takes, from the Rust types themselves (ts-rs), for `src/bindings` to ship in
//! `pijnwijzer.d.ts`.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("types.d.ts"), typescript()).expect("OUT_DIR is writable");
    // PIJNWIJZER_CONTENT builds the library on another content folder (the test fixtures);
    // by default it is the repository's own `content/`.
    println!("cargo:rerun-if-env-changed=PIJNWIJZER_CONTENT");
    let content = match env::var_os("PIJNWIJZER_CONTENT") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("content"),
    };
    println!("cargo:rerun-if-changed={}", content.display());
    // The releases beside the content, so that `changes()` works offline; and the build date.
    let releases = pijnwijzer_compile::releases_dir(&content);
    println!("cargo:rerun-if-changed={}", releases.display());
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    match pijnwijzer_compile::compile_dir(&content) {
        Ok(mut pack) => {
            let releases = pijnwijzer_compile::read_releases(&releases).unwrap_or_else(|error| {
                eprintln!("{error}");
                process::exit(1);
            });
            pack.set_releases(&releases);
            pack.stems = pijnwijzer_knowledge::search::stem_table(&pack.nodes);
            fs::write(out.join("pack.bin"), pack.to_bytes()).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "{} error(s) in content/; `cargo run -p pijnwijzer-cli -- check` lists them too",
                errors.len()
            );
            process::exit(1);
        }
    }
}

/// The declarations of the API's types, in dependency order, each exported.
fn typescript() -> String {
    use pijnwijzer_knowledge::features::{
        Checklist, ChecklistGroup, ChecklistSummary, Comparison, Criterion, DocumentPosition,
        FlagList, FoundBy, ItemView, Lay, Medication, MedicationSummary, NodeRef,
        QuestionSuggestion, RedFlags, ReferralMatrix, ReferralRow, Step, Text,
    };
    use pijnwijzer_knowledge::history::{
        Changes, FieldChange, NodeChange, ReleaseRef, ReleaseSummary,
    };
    use pijnwijzer_knowledge::view::{
        ActorView, ComparisonView, DocumentView, Hit, LayerView, LinkView, NodeView, SourceView,
        VersionInfo,
    };
    use pijnwijzer_knowledge::vocabulary::{EdgeTerm, Term, Vocabulary};
    use pijnwijzer_knowledge::{OneOrMany, SearchOptions};
    use pijnwijzer_model::{
        Agreement, Audience, Direction, EdgeType, Feature, Force, Kind, LayerKey, Position,
        Readability, Strength,
    };
    use ts_rs::{Config, TS};

    // Counts and sizes are small: plain numbers, not bigint.
    let config = Config::new().with_large_int("number");
    let mut declarations = Vec::new();
    macro_rules! declare {
        ($($type:ty),+ $(,)?) => { $(declarations.push(format!("export {}", <$type>::decl(&config)));)+ };
    }
    declare!(
        Kind,
        Strength,
        Direction,
        Force,
        Position,
        Feature,
        Audience,
        EdgeType,
        Agreement,
        LayerKey,
        Readability,
        SourceView,
        Hit<'static>,
        OneOrMany<String>,
        SearchOptions,
        LayerView,
        LinkView,
        ComparisonView,
        ActorView,
        ReleaseRef,
        NodeView,
        DocumentView,
        VersionInfo,
        ReleaseSummary,
        FieldChange,
        NodeChange,
        Changes,
        NodeRef,
        Text,
        ItemView,
        ChecklistSummary,
        ChecklistGroup,
        Checklist,
        MedicationSummary,
        FoundBy,
        Medication,
        QuestionSuggestion,
        ReferralRow,
        ReferralMatrix,
        Criterion,
        Step,
        FlagList,
        RedFlags,
        DocumentPosition,
        Comparison,
        Lay,
        Term,
        EdgeTerm,
        Vocabulary,
        pijnwijzer_fhir::Options,
    );
    // exportFhir()'s answer is JSON text the FHIR mapping writes, so its shape is declared there.
    declarations.push(pijnwijzer_fhir::TYPESCRIPT.to_string());
    // A closing brace on its own line, so that wasm-bindgen's re-indenting of the .d.ts stays flat.
    declarations.join("\n\n").replace(", };", ",\n};") + "\n"
}
