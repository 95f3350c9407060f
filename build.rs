//! Compiles `content/` into the knowledge pack that the library embeds, with the same compiler as
//! `pijnwijzer check` (`crates/compile`), so both apply exactly the same rules while the shipped
//! wasm holds no Markdown parser.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    // PIJNWIJZER_CONTENT builds the library on another content folder (the test fixtures);
    // by default it is the repository's own `content/`.
    println!("cargo:rerun-if-env-changed=PIJNWIJZER_CONTENT");
    let content = match env::var_os("PIJNWIJZER_CONTENT") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("content"),
    };
    println!("cargo:rerun-if-changed={}", content.display());
    match pijnwijzer_compile::compile_dir(&content) {
        Ok(pack) => {
            let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("pack.bin");
            fs::write(&out, pack.to_bytes()).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} error(s) in content/; `cargo run -p pijnwijzer-cli -- check` lists them too", errors.len());
            process::exit(1);
        }
    }
}
