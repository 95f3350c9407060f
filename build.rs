//! Compiles `content/` into the knowledge pack that the library embeds.
//!
//! The compiler's source is shared with the library through `#[path]`, so the build script and
//! `pijnwijzer check` apply exactly the same rules, while the shipped wasm holds no Markdown parser.

#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/html.rs"]
mod html;

#[path = "src/distance.rs"]
mod distance;

#[allow(dead_code)]
#[path = "src/compile/mod.rs"]
mod compile;

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    println!("cargo:rerun-if-changed=src/model.rs");
    println!("cargo:rerun-if-changed=src/html.rs");
    println!("cargo:rerun-if-changed=src/distance.rs");
    println!("cargo:rerun-if-changed=src/compile");
    // PIJNWIJZER_CONTENT builds the library on another content folder (the test fixtures);
    // by default it is the repository's own `content/`.
    println!("cargo:rerun-if-env-changed=PIJNWIJZER_CONTENT");
    let content = match env::var_os("PIJNWIJZER_CONTENT") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("content"),
    };
    println!("cargo:rerun-if-changed={}", content.display());
    match compile::compile_dir(&content) {
        Ok(pack) => {
            let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("pack.bin");
            fs::write(&out, pack.to_bytes()).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} error(s) in content/; `cargo run --bin pijnwijzer -- check` lists them too", errors.len());
            process::exit(1);
        }
    }
}
