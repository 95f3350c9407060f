//! `pijnwijzer`: the author tool. Its own crate, outside the module's build, so that `pijnwijzer
//! check` runs, and lists every error, while the content is broken.

mod cli;
mod releases;

fn main() -> std::process::ExitCode {
    cli::main()
}
