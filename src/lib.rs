//! Pijnwijzer: three Dutch guidance documents on chronic pain as one searchable knowledge graph, as
//! a WebAssembly module.
//!
//! The data flows one way, and the workspace's crates show it:
//!
//! - `pijnwijzer-compile` (build time, from `build.rs`) reads `content/*.md` and writes a
//!   [`model::Pack`], which this library embeds;
//! - [`model`] (`pijnwijzer-model`) holds the types of that pack;
//! - [`knowledge`] (`pijnwijzer-knowledge`) is the core: it loads the pack and answers questions
//!   (graph, search, features). It knows nothing of wasm or the DOM;
//! - `bindings` (wasm only, this package) exposes the core to JavaScript and holds no logic.

pub use pijnwijzer_knowledge as knowledge;
pub use pijnwijzer_model as model;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

/// The pack compiled from `content/` by `build.rs`, as [`model::Pack::from_bytes`] reads it.
pub const EMBEDDED_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));

/// The knowledge compiled from this repository's `content/`, embedded at build time.
pub fn embedded() -> Result<knowledge::Knowledge, knowledge::Error> {
    knowledge::Knowledge::from_bytes(EMBEDDED_PACK)
}
