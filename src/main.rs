//! `pijnwijzer`: the author CLI. It is native only (it compiles content with pulldown-cmark);
//! on wasm32 this binary is an empty stub so that `cargo test --target wasm32-unknown-unknown`
//! can build the package's targets.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
