//! The command-line tool for content authors (the `pijnwijzer` binary, native only).
//!
//! `check` validates `content/`, `search` runs the module's search and prints the same JSON as
//! the JS API, `coverage` compares the content with the coverage manifests, `export`
//! prints every node as JSON, and `release` and `diff` record releases and compare them
//! (`releases.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

use crate::releases;
use pijnwijzer_compile::{compile_dir, read_releases, releases_dir, today};
use pijnwijzer_knowledge::{Knowledge, SearchOptions};
use pijnwijzer_model::{digest, LayerKey, Node, Pack};
use serde::Deserialize;

/// `print!` for the tool's output. When whoever reads it has gone (`pijnwijzer export --json |
/// head`), the tool stops quietly with success, as Unix tools do, instead of panicking as
/// `print!` does; any other failure to write is an error.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if let Err(error) = write!(std::io::stdout(), $($arg)*) {
            stdout_failed(error);
        }
    }};
}

/// [`out!`] with a newline, as `println!`.
macro_rules! outln {
    ($($arg:tt)*) => {
        out!("{}\n", format_args!($($arg)*))
    };
}

/// Ends the tool after a failed write to stdout: quietly when the reader closed the pipe.
fn stdout_failed(error: std::io::Error) -> ! {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("error: cannot write the output: {error}");
    std::process::exit(2);
}

const USAGE: &str = "\
pijnwijzer: tools for the chronic-pain guidance content

USAGE:
  pijnwijzer check [--content DIR] [--sources DIR]
      Validate the content; every error with file and line. Report the readability of the lay
      texts. With --sources (the folder of source texts, e.g. ../shared/sources), also report every
      lay text without a review stamp, or whose text or cited source lines changed since its stamp.
      Exit 1 on errors.
  pijnwijzer stamp ID... --sources DIR [--on YYYY-MM-DD] [--content DIR]
      Record that the lay texts of these nodes were checked against their cited source lines
      today (or on --on): writes `lay_checked` into each node's front matter. Run it only after the
      check itself (content/README.md says how).
  pijnwijzer search QUERY [--json] [--limit N] [--audience professional|patient] [--content DIR]
      Search the content as the module does. --json prints the hits as the JS API returns them.
  pijnwijzer coverage --manifest DIR [--require-complete] [--content DIR]
      List every manifest id the content does not cover yet, and the percentage per manifest.
      With --require-complete, exit 1 below 100 %.
  pijnwijzer export --json [--content DIR]
      Print every node, every field, as JSON.
  pijnwijzer export --embeds DIR [--content DIR]
      Write what the embeddable elements show by id without loading the module, one small file
      each, exactly as the module returns it: every lay explanation to DIR/lay/ID.json (lay(ID),
      for <pijn-uitleg>) and every checklist to DIR/checklist/ID.json (checklist(ID), for
      <pijn-checklist>). Both folders are written afresh. scripts/build.sh writes them into pkg/.
  pijnwijzer export --search DIR [--content DIR]
      Write the search as files into DIR (written afresh), for a page that searches before the
      module has loaded: DIR/index.bin, the postings in chunks (chunk-N.bin) and per node its hit
      (node-N.bin). They give the module's own hits. scripts/build.sh writes them into
      www/pkg/search/.
  pijnwijzer export --fhir [--base URL] [--date YYYY-MM-DD] [--content DIR]
      Print the whole guidance as one FHIR R4B Bundle (see the README, FHIR): resources' canonical URLs
      under --base (default https://pijnwijzer.example/fhir), dated --date (default today).
  pijnwijzer release VERSION [--on YYYY-MM-DD] [--content DIR]
      Record the content's normative content as release VERSION (YYYY.MM.DD, the day; a second
      release that day YYYY.MM.DD.2) in releases/VERSION.json beside the content folder, dated
      today (or --on). Never overwrites a release.
  pijnwijzer diff A B [--json] [--content DIR]
      The nodes added, removed and changed from release A to release B (names in releases/, or
      paths to release files), and what changed in each. --json prints what changes() returns.

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
    let mut parsed =
        Args { positional: Vec::new(), values: BTreeMap::new(), flags: BTreeSet::new() };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if let Some(name) = arg.strip_prefix("--") {
            if with_value.contains(&name) {
                let value =
                    iter.next().ok_or_else(|| format!("--{name} needs a value\n\n{USAGE}"))?;
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
        out!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    match command.as_str() {
        "check" => {
            let args = parse_args(rest, &["content", "sources"], &[])?;
            no_positional(&args)?;
            let content = content_dir(&args);
            match compile_dir(&content) {
                Ok(pack) => {
                    outln!("ok: {} nodes in {}", pack.nodes.len(), content.display());
                    report_readability(&pack);
                    let Some(sources) = args.values.get("sources") else {
                        return Ok(ExitCode::SUCCESS);
                    };
                    let problems = review_problems(&pack, Path::new(sources))?;
                    for problem in &problems {
                        eprintln!("{problem}");
                    }
                    let reviewed = pack.nodes.iter().filter(|n| n.lay_review.is_some()).count();
                    if problems.is_empty() {
                        outln!("ok: all {reviewed} lay texts carry a current review stamp");
                        Ok(ExitCode::SUCCESS)
                    } else {
                        eprintln!("{} of {reviewed} lay texts need a review (see content/README.md, \"Review stamps\")", problems.len());
                        Ok(ExitCode::FAILURE)
                    }
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
                Some(n) => Some(
                    n.parse::<usize>().map_err(|_| format!("--limit takes a number, not `{n}`"))?,
                ),
                None => None,
            };
            let knowledge = Knowledge::new(load(&args)?);
            let options = SearchOptions {
                limit,
                audience: args.values.get("audience").cloned(),
                ..SearchOptions::default()
            };
            let hits = knowledge.search(query, &options).map_err(|e| e.to_string())?;
            if args.flags.contains("json") {
                outln!("{}", serde_json::to_string_pretty(&hits).map_err(|e| e.to_string())?);
            } else {
                for hit in &hits {
                    let strength =
                        hit.node.strength.map(|s| format!(" [{}]", s.as_str())).unwrap_or_default();
                    let citation =
                        hit.node.source.as_ref().map(|s| s.citation.as_str()).unwrap_or("");
                    outln!(
                        "{:>7.3}  {}{}  {}\n         {}",
                        hit.score,
                        hit.node.title,
                        strength,
                        citation,
                        hit.node.id
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        "coverage" => {
            let args = parse_args(rest, &["content", "manifest"], &["require-complete"])?;
            no_positional(&args)?;
            let manifest = args
                .values
                .get("manifest")
                .ok_or_else(|| format!("coverage needs --manifest DIR\n\n{USAGE}"))?;
            let complete = coverage(&load(&args)?, Path::new(manifest))?;
            Ok(if complete || !args.flags.contains("require-complete") {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        "export" => {
            let args = parse_args(
                rest,
                &["content", "base", "date", "embeds", "search"],
                &["json", "fhir"],
            )?;
            no_positional(&args)?;
            let embeds = args.values.get("embeds");
            let search = args.values.get("search");
            let forms = [
                args.flags.contains("json"),
                args.flags.contains("fhir"),
                embeds.is_some(),
                search.is_some(),
            ];
            if forms.iter().filter(|&&chosen| chosen).count() != 1 {
                return Err(format!(
                    "export needs one of --json, --fhir, --embeds DIR or --search DIR\n\n{USAGE}"
                ));
            }
            let knowledge = Knowledge::new(load(&args)?);
            if let Some(dir) = search {
                let dir = Path::new(dir);
                let files = knowledge.search_files().files;
                fresh_dir(dir)?;
                let bytes: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
                for (name, bytes) in &files {
                    let file = dir.join(name);
                    fs::write(&file, bytes)
                        .map_err(|e| format!("write {}: {e}", file.display()))?;
                }
                outln!(
                    "wrote the search as {} files, {bytes} bytes, to {}",
                    files.len(),
                    dir.display()
                );
                return Ok(ExitCode::SUCCESS);
            }
            if let Some(dir) = embeds {
                let dir = Path::new(dir);
                let lay = dir.join("lay");
                let with_lay = knowledge
                    .nodes()
                    .iter()
                    .filter(|node| node.layers.iter().any(|layer| layer.key == LayerKey::Lay))
                    .map(|node| (node.id.as_str(), knowledge.lay(&node.id)));
                let lays = write_each(&lay, with_lay)?;
                let checklist = dir.join("checklist");
                let ids: Vec<String> = knowledge.checklists().into_iter().map(|c| c.id).collect();
                let lists = ids.iter().map(|id| (id.as_str(), knowledge.checklist(id)));
                let checklists = write_each(&checklist, lists)?;
                outln!(
                    "wrote {lays} lay explanations to {} and {checklists} checklists to {}",
                    lay.display(),
                    checklist.display()
                );
                return Ok(ExitCode::SUCCESS);
            }
            if args.flags.contains("fhir") {
                let options = pijnwijzer_fhir::Options {
                    base: args.values.get("base").cloned(),
                    date: args.values.get("date").cloned(),
                };
                let bundle = pijnwijzer_fhir::bundle(&knowledge, &options, &today())
                    .map_err(|e| format!("export --fhir: {e}"))?;
                // Indented for authors, in the mapping's order; the module hands out the compact text.
                outln!("{}", pijnwijzer_fhir::json::pretty(bundle.json()));
                return Ok(ExitCode::SUCCESS);
            }
            let nodes: Vec<_> = knowledge
                .nodes()
                .iter()
                .map(|n| knowledge.node(&n.id))
                .collect::<Result<_, _>>()
                .map_err(|e| e.to_string())?;
            let export = serde_json::json!({ "version": knowledge.version(), "nodes": nodes });
            outln!("{}", serde_json::to_string_pretty(&export).map_err(|e| e.to_string())?);
            Ok(ExitCode::SUCCESS)
        }
        "stamp" => {
            let args = parse_args(rest, &["content", "sources", "on"], &[])?;
            if args.positional.is_empty() {
                return Err(format!(
                    "stamp needs the ids of the nodes whose lay texts you checked\n\n{USAGE}"
                ));
            }
            let sources = args
                .values
                .get("sources")
                .ok_or_else(|| format!("stamp needs --sources DIR\n\n{USAGE}"))?;
            let on = match args.values.get("on") {
                Some(day) => day.clone(),
                None => today(),
            };
            let pack = load(&args)?;
            for id in &args.positional {
                let node = pack
                    .nodes
                    .iter()
                    .find(|n| &n.id == id)
                    .ok_or_else(|| format!("no node has the id `{id}`"))?;
                let review = node
                    .lay_review
                    .as_ref()
                    .ok_or_else(|| format!("`{id}` has no lay text to stamp"))?;
                let source = digest(&cited_lines(&pack, node, Path::new(sources))?);
                write_stamp(
                    &review.file,
                    &format!(
                        "lay_checked = {{ on = \"{on}\", lay = \"{}\", source = \"{source}\" }}",
                        review.lay_digest
                    ),
                )?;
                outln!("stamped {id} ({})", review.file.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        "release" => {
            let args = parse_args(rest, &["content", "on"], &[])?;
            let [version] = args.positional.as_slice() else {
                return Err(format!("release takes one VERSION, such as 2026.12.05\n\n{USAGE}"));
            };
            let on = args.values.get("on").cloned().unwrap_or_else(today);
            let pack = load(&args)?;
            outln!("{}", releases::release(&pack, &content_dir(&args), version, &on)?);
            Ok(ExitCode::SUCCESS)
        }
        "diff" => {
            let args = parse_args(rest, &["content"], &["json"])?;
            let [from, to] = args.positional.as_slice() else {
                return Err(format!("diff takes two releases, A and B\n\n{USAGE}"));
            };
            let changes = releases::diff(&content_dir(&args), from, to)?;
            if args.flags.contains("json") {
                outln!("{}", serde_json::to_string_pretty(&changes).map_err(|e| e.to_string())?);
            } else {
                out!("{}", releases::describe(&changes));
            }
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            out!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

/// Writes each `(id, value)` to `dir/ID.json`, serialised as the module returns the value (the same
/// type and serde attributes), into `dir` made afresh so that no file of a removed node stays; returns
/// how many it wrote.
fn write_each<'a, T: serde::Serialize, E: std::fmt::Display>(
    dir: &Path,
    values: impl Iterator<Item = (&'a str, Result<T, E>)>,
) -> Result<usize, String> {
    fresh_dir(dir)?;
    let mut written = 0;
    for (id, value) in values {
        let json =
            serde_json::to_string(&value.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
        let file = dir.join(format!("{id}.json"));
        fs::write(&file, json).map_err(|e| format!("write {}: {e}", file.display()))?;
        written += 1;
    }
    Ok(written)
}

/// Makes `dir` an empty folder: what an earlier export wrote there goes.
fn fresh_dir(dir: &Path) -> Result<(), String> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(format!("remove {}: {e}", dir.display()));
        }
        _ => {}
    }
    fs::create_dir_all(dir).map_err(|e| format!("create {}: {e}", dir.display()))
}

fn no_positional(args: &Args) -> Result<(), String> {
    match args.positional.first() {
        Some(extra) => Err(format!("unexpected argument `{extra}`\n\n{USAGE}")),
        None => Ok(()),
    }
}

/// Prints the readability of the lay texts: the Flesch-Douma spread and the texts below 60.
fn report_readability(pack: &Pack) {
    let mut measured: Vec<(f64, &str)> = pack
        .nodes
        .iter()
        .filter_map(|n| n.readability.map(|r| (r.flesch_douma, n.id.as_str())))
        .collect();
    if measured.is_empty() {
        return;
    }
    measured.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = measured[measured.len() / 2].0;
    let bands = [
        (f64::MIN, 40.0, "below 40"),
        (40.0, 50.0, "40-50"),
        (50.0, 60.0, "50-60"),
        (60.0, 70.0, "60-70"),
        (70.0, f64::MAX, "70 and above"),
    ];
    let spread: Vec<String> = bands
        .iter()
        .map(|(low, high, label)| {
            format!(
                "{label}: {}",
                measured.iter().filter(|(score, _)| score >= low && score < high).count()
            )
        })
        .collect();
    outln!(
        "readability of {} lay texts (Flesch-Douma, target 60 or more): median {median}; {}",
        measured.len(),
        spread.join(", ")
    );
    for (score, id) in measured.iter().take_while(|(score, _)| *score < 60.0) {
        outln!("  below 60: {id} ({score})");
    }
}

/// Every lay text without a review stamp, or whose text or cited source lines changed since it.
fn review_problems(pack: &Pack, sources: &Path) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    for node in &pack.nodes {
        let Some(review) = &node.lay_review else { continue };
        let place = format!("{}:{}", review.file.display(), review.line);
        let Some(stamp) = &review.stamp else {
            problems.push(format!("{place}: the lay text of `{}` has no review stamp; check it, then `pijnwijzer stamp {}`", node.id, node.id));
            continue;
        };
        if stamp.lay != review.lay_digest {
            problems.push(format!("{place}: the lay title, questions or text of `{}` changed since its review of {}; check them again, then stamp it", node.id, stamp.on));
        }
        if stamp.source != digest(&cited_lines(pack, node, sources)?) {
            problems.push(format!(
                "{place}: the source lines `{}` cites changed since its review of {}; check it again, then stamp it",
                node.id, stamp.on
            ));
        }
    }
    Ok(problems)
}

/// The source lines a node cites, from the document's text file in `sources`, followed by the
/// ranges its lay text also rests on (`[source] also`). A node without a source of its own (a
/// comparison topic) is checked against its member nodes: nothing to cite.
fn cited_lines(pack: &Pack, node: &Node, sources: &Path) -> Result<String, String> {
    let Some(source) = &node.source else { return Ok(String::new()) };
    let document = pack
        .documents
        .iter()
        .find(|d| d.id == source.document)
        .ok_or_else(|| format!("unknown document `{}`", source.document))?;
    let path = sources.join(&document.source_file);
    let text = fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {}: {e} (pass the folder of source texts with --sources)",
            path.display()
        )
    })?;
    let lines: Vec<&str> = text.lines().collect();
    let supporting = node.lay_review.as_ref().map_or(&[][..], |review| &review.supporting_lines);
    let mut cited = Vec::new();
    for &(first, last) in std::iter::once(&source.lines).chain(supporting) {
        if last as usize > lines.len() {
            return Err(format!(
                "`{}` cites lines {first}–{last} of {}, which has {} lines; correct `lines` or `also` in its [source]",
                node.id,
                path.display(),
                lines.len()
            ));
        }
        cited.extend_from_slice(&lines[first as usize - 1..last as usize]);
    }
    Ok(cited.join("\n"))
}

/// Writes `stamp` as the `lay_checked` line of the front matter of `file`, replacing an old one.
/// A new line goes before the first table (`[source]`), where top-level keys must stand.
fn write_stamp(file: &Path, stamp: &str) -> Result<(), String> {
    let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut lines: Vec<&str> = text.lines().collect();
    let close = lines
        .iter()
        .skip(1)
        .position(|l| l.trim() == "+++")
        .map(|i| i + 1)
        .ok_or_else(|| format!("{}: no front matter", file.display()))?;
    if let Some(old) = lines[..close].iter().position(|l| l.starts_with("lay_checked")) {
        lines[old] = stamp;
    } else {
        let mut at = lines[..close].iter().position(|l| l.starts_with('[')).unwrap_or(close);
        while at > 1 && lines[at - 1].trim().is_empty() {
            at -= 1;
        }
        lines.insert(at, stamp);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    fs::write(file, out).map_err(|e| format!("{}: {e}", file.display()))
}

fn content_dir(args: &Args) -> PathBuf {
    PathBuf::from(args.values.get("content").map_or("content", String::as_str))
}

/// Compiles the content afresh, so the CLI always reflects the files as they are now, with the
/// releases beside it as the module embeds them.
fn load(args: &Args) -> Result<Pack, String> {
    let content = content_dir(args);
    let mut pack = compile_dir(&content).map_err(|errors| {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("the content has {} error(s):\n{}", errors.len(), listed.join("\n"))
    })?;
    pack.set_releases(&read_releases(&releases_dir(&content)).map_err(|e| e.to_string())?);
    Ok(pack)
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
    let covered: BTreeSet<&str> =
        pack.nodes.iter().flat_map(|n| n.covers.iter().map(String::as_str)).collect();
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
        let manifest: Manifest =
            toml::from_str(&text).map_err(|e| format!("{}: {}", file.display(), e.message()))?;
        let missing: Vec<&Statement> =
            manifest.statement.iter().filter(|s| !covered.contains(s.id.as_str())).collect();
        for statement in &missing {
            outln!(
                "{}: not covered: {}  ({})",
                file.display(),
                statement.id,
                statement.label.as_deref().unwrap_or("")
            );
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
            outln!("node {}: covers unknown manifest id {id}", node.id);
            unknown += 1;
        }
    }
    for line in summary {
        outln!("{line}");
    }
    outln!("total: {done}/{total} ({:.1} %)", percent(done, total));
    Ok(done == total && unknown == 0)
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}
