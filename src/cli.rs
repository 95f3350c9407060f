//! The command-line tool for content authors (the `pijnwijzer` binary, native only).
//!
//! `check` validates `content/`, `search` runs the module's search and prints the same JSON as
//! the JS API, `coverage` compares the content with the coverage manifests, and `export`
//! prints every node as JSON.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

use pijnwijzer::compile::compile_dir;
use pijnwijzer::knowledge::{Knowledge, SearchOptions};
use pijnwijzer::model::Pack;
use serde::Deserialize;

const USAGE: &str = "\
pijnwijzer: tools for the chronic-pain guidance content

USAGE:
  pijnwijzer check [--content DIR]
      Validate the content; every error with file and line. Exit 1 on errors.
  pijnwijzer search QUERY [--json] [--limit N] [--audience professional|patient] [--content DIR]
      Search the content as the module does. --json prints the hits as the JS API returns them.
  pijnwijzer coverage --manifest DIR [--require-complete] [--content DIR]
      List every manifest id the content does not cover yet, and the percentage per manifest.
      With --require-complete, exit 1 below 100 %.
  pijnwijzer export --json [--content DIR]
      Print every node, every field, as JSON.

DIR for --content defaults to ./content.
";

/// Runs the CLI on the process's arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Parsed flags: the positional words and `--name value` / `--flag` options.
struct Args {
    positional: Vec<String>,
    values: BTreeMap<String, String>,
    flags: BTreeSet<String>,
}

fn parse_args(args: &[String], with_value: &[&str], flags: &[&str]) -> Result<Args, String> {
    let mut parsed = Args { positional: Vec::new(), values: BTreeMap::new(), flags: BTreeSet::new() };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if let Some(name) = arg.strip_prefix("--") {
            if with_value.contains(&name) {
                let value = iter.next().ok_or_else(|| format!("--{name} needs a value\n\n{USAGE}"))?;
                parsed.values.insert(name.to_string(), value.clone());
            } else if flags.contains(&name) {
                parsed.flags.insert(name.to_string());
            } else {
                return Err(format!("unknown option --{name}\n\n{USAGE}"));
            }
        } else {
            parsed.positional.push(arg.clone());
        }
    }
    Ok(parsed)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        print!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    match command.as_str() {
        "check" => {
            let args = parse_args(rest, &["content"], &[])?;
            no_positional(&args)?;
            let content = content_dir(&args);
            match compile_dir(&content) {
                Ok(pack) => {
                    println!("ok: {} nodes in {}", pack.nodes.len(), content.display());
                    Ok(ExitCode::SUCCESS)
                }
                Err(errors) => {
                    for error in &errors {
                        eprintln!("{error}");
                    }
                    eprintln!("{} error(s)", errors.len());
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        "search" => {
            let args = parse_args(rest, &["content", "limit", "audience"], &["json"])?;
            let [query] = args.positional.as_slice() else {
                return Err(format!("search takes one QUERY (quote it)\n\n{USAGE}"));
            };
            let limit = match args.values.get("limit") {
                Some(n) => Some(n.parse::<usize>().map_err(|_| format!("--limit takes a number, not `{n}`"))?),
                None => None,
            };
            let knowledge = Knowledge::new(load(&args)?);
            let options = SearchOptions { limit, audience: args.values.get("audience").cloned(), ..SearchOptions::default() };
            let hits = knowledge.search(query, &options).map_err(|e| e.to_string())?;
            if args.flags.contains("json") {
                println!("{}", serde_json::to_string_pretty(&hits).map_err(|e| e.to_string())?);
            } else {
                for hit in &hits {
                    let strength = hit.node.strength.map(|s| format!(" [{}]", s.as_str())).unwrap_or_default();
                    let citation = hit.node.source.as_ref().map(|s| s.citation.as_str()).unwrap_or("");
                    println!("{:>7.3}  {}{}  {}\n         {}", hit.score, hit.node.title, strength, citation, hit.node.id);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        "coverage" => {
            let args = parse_args(rest, &["content", "manifest"], &["require-complete"])?;
            no_positional(&args)?;
            let manifest = args.values.get("manifest").ok_or_else(|| format!("coverage needs --manifest DIR\n\n{USAGE}"))?;
            let complete = coverage(&load(&args)?, Path::new(manifest))?;
            Ok(if complete || !args.flags.contains("require-complete") { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        "export" => {
            let args = parse_args(rest, &["content"], &["json"])?;
            no_positional(&args)?;
            if !args.flags.contains("json") {
                return Err("export writes JSON: pass --json".to_string());
            }
            let knowledge = Knowledge::new(load(&args)?);
            let nodes: Vec<_> = knowledge.nodes().iter().map(|n| knowledge.node(&n.id)).collect::<Result<_, _>>().map_err(|e| e.to_string())?;
            let export = serde_json::json!({ "version": knowledge.version(), "nodes": nodes });
            println!("{}", serde_json::to_string_pretty(&export).map_err(|e| e.to_string())?);
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

fn no_positional(args: &Args) -> Result<(), String> {
    match args.positional.first() {
        Some(extra) => Err(format!("unexpected argument `{extra}`\n\n{USAGE}")),
        None => Ok(()),
    }
}

fn content_dir(args: &Args) -> PathBuf {
    PathBuf::from(args.values.get("content").map_or("content", String::as_str))
}

/// Compiles the content afresh, so the CLI always reflects the files as they are now.
fn load(args: &Args) -> Result<Pack, String> {
    let content = content_dir(args);
    compile_dir(&content).map_err(|errors| {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("the content has {} error(s):\n{}", errors.len(), listed.join("\n"))
    })
}

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    statement: Vec<Statement>,
}

#[derive(Deserialize)]
struct Statement {
    id: String,
    label: Option<String>,
}

/// Prints coverage per manifest; returns whether every id is covered and no node covers an id
/// that no manifest lists.
fn coverage(pack: &Pack, dir: &Path) -> Result<bool, String> {
    let covered: BTreeSet<&str> = pack.nodes.iter().flat_map(|n| n.covers.iter().map(String::as_str)).collect();
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read manifest folder {}: {e}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no .toml manifests in {}", dir.display()));
    }
    let mut known = BTreeSet::new();
    let (mut total, mut done) = (0usize, 0usize);
    let mut summary = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let manifest: Manifest = toml::from_str(&text).map_err(|e| format!("{}: {}", file.display(), e.message()))?;
        let missing: Vec<&Statement> = manifest.statement.iter().filter(|s| !covered.contains(s.id.as_str())).collect();
        for statement in &missing {
            println!("{}: not covered: {}  ({})", file.display(), statement.id, statement.label.as_deref().unwrap_or(""));
        }
        let count = manifest.statement.len();
        total += count;
        done += count - missing.len();
        summary.push(format!(
            "{}: {}/{} ({:.1} %)",
            file.file_name().unwrap_or_default().to_string_lossy(),
            count - missing.len(),
            count,
            percent(count - missing.len(), count)
        ));
        known.extend(manifest.statement.into_iter().map(|s| s.id));
    }
    let mut unknown = 0;
    for node in &pack.nodes {
        for id in node.covers.iter().filter(|id| !known.contains(*id)) {
            println!("node {}: covers unknown manifest id {id}", node.id);
            unknown += 1;
        }
    }
    for line in summary {
        println!("{line}");
    }
    println!("total: {done}/{total} ({:.1} %)", percent(done, total));
    Ok(done == total && unknown == 0)
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}
