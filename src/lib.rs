//! Pijnwijzer: three Dutch guidance documents on chronic pain as one searchable knowledge graph.
//!
//! The data flows one way:
//!
//! - [`compile`] (native only, build time) reads `content/*.md` and writes a [`model::Pack`];
//!   `build.rs` embeds that pack in the library.
//! - [`knowledge`] is the core: it loads the pack and answers questions (graph, search,
//!   features). It is plain Rust and knows nothing of wasm or the DOM.
//! - `bindings` (wasm only) exposes the core to JavaScript and holds no logic of its own.

pub mod distance;
pub mod html;
pub mod knowledge;
pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod compile;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
