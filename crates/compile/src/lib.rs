//! The content compiler: `content/*.md` in, a checked [`Pack`] out.
//!
//! It runs at build time (from `build.rs`, which embeds the pack in the library) and in the
//! author CLI (`pijnwijzer check`). It never stops at the first problem: authors get every
//! error of a run at once, each with file, line and a hint.

mod diagnostic;
mod front_matter;
mod glossary;
mod markdown;
mod readability;
mod release;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use diagnostic::Diagnostic;
pub use release::{
    check_version, is_day, read_release, read_releases, releases_dir, today, Normative,
    ReleaseFile, ReleaseFileNode, CAUTION_LAYERS, RELEASES, RELEASE_FORMAT,
};

use pijnwijzer_model::distance::levenshtein;
use pijnwijzer_model::{
    content_digest, digest, Agreement, Document, EdgeType, Kind, LayReview, LayerKey, Link, Node,
    Pack, Position, ReleasedNode, PACK_FORMAT, QUESTION_MIN_WORDS,
};

/// The vocabulary file: documents and actors.
const VOCABULARY: &str = "vocabulary.toml";
/// The search thesaurus: groups of words that mean the same.
const SYNONYMS: &str = "synoniemen.toml";

/// A compiled node together with where it was written, for the checks that span files.
struct Compiled {
    node: Node,
    file: PathBuf,
    id_line: usize,
    links: Vec<markdown::NodeLink>,
    /// The line of each front-matter field, for errors found once all files are read.
    field_lines: HashMap<String, usize>,
}

impl Compiled {
    /// The line of the front-matter field `field`, or of the id if the file lacks it.
    fn line_of(&self, field: &str) -> usize {
        self.field_lines.get(field).copied().unwrap_or(self.id_line)
    }
}

/// A file refused for its own errors, as far as the checks that span files need it: the id it
/// declares (links to it are then no links to an unknown id) and its own links, checked as well,
/// so one run lists every error.
struct Refused {
    file: PathBuf,
    id: Option<String>,
    links: Vec<markdown::NodeLink>,
}

impl Refused {
    /// What `text`, the file's contents, declares; its `id` read from the front matter's `id`
    /// line alone, since the rest of the front matter may be what was refused.
    fn read(file: &Path, text: &str) -> Refused {
        let parsed = markdown::parse(file, text).0;
        let id = parsed.front_matter.and_then(|(toml_text, _)| {
            toml_text.lines().find_map(|line| {
                let table: toml::Table = toml::from_str(line).ok()?;
                Some(table.get("id")?.as_str()?.to_string())
            })
        });
        Refused { file: file.to_path_buf(), id, links: parsed.links }
    }
}

/// Compiles every content file below `dir` into a pack.
pub fn compile_dir(dir: &Path) -> Result<Pack, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let (documents, actors) = read_vocabulary(dir).map_err(|e| vec![e])?;
    // The thesaurus is checked beside the nodes, not before them: a bad group does not hide the
    // nodes' errors.
    let synonyms = read_synonyms(dir).unwrap_or_else(|mut synonym_errors| {
        errors.append(&mut synonym_errors);
        Vec::new()
    });
    let files = markdown_files(dir).map_err(|e| vec![e])?;

    let document_ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
    let actor_ids: Vec<String> = actors.iter().map(|(id, _)| id.clone()).collect();
    let vocabulary = front_matter::Vocabulary { documents: &document_ids, actors: &actor_ids };

    let mut digest = Fnv::new();
    let mut compiled = Vec::new();
    let mut refused = Vec::new();
    for file in &files {
        let text = match fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                errors.push(
                    Diagnostic::new(file, 1, format!("cannot read the file: {e}"))
                        .hint("content files are UTF-8 text"),
                );
                continue;
            }
        };
        // Editors on Windows may save UTF-8 with a byte order mark; the front matter still
        // starts the file.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        digest.write(file.strip_prefix(dir).unwrap_or(file).to_string_lossy().as_bytes());
        digest.write(text.as_bytes());
        match compile_file(file, text, &vocabulary) {
            Ok(node) => compiled.push(node),
            Err(mut file_errors) => {
                errors.append(&mut file_errors);
                refused.push(Refused::read(file, text));
            }
        }
    }

    check_graph(&mut compiled, &refused, &mut errors);
    match glossary::read(dir) {
        Ok(words) => {
            digest.write(fs::read(dir.join(glossary::GLOSSARY)).unwrap_or_default().as_slice());
            let labels: Vec<String> = actors.iter().map(|(_, label)| label.clone()).collect();
            let nodes: Vec<Node> = compiled.iter().map(|c| c.node.clone()).collect();
            let mut professional = glossary::professional_terms(&labels, &nodes);
            professional.extend(
                words
                    .terms
                    .iter()
                    .flat_map(|t| std::iter::once(&t.term).chain(&t.forms))
                    .map(|t| (t.clone(), "the glossary")),
            );
            for c in &mut compiled {
                for (term, origin) in glossary::mark_lay_text(&mut c.node, &words, &professional) {
                    let line = lay_line_of(&c.file, &term).unwrap_or(c.id_line);
                    errors.push(Diagnostic::new(&c.file, line, format!("the lay text uses `{term}` ({origin}) without a glossary entry")).hint(
                        format!("add a [[woord]] for it to content/{}, say it in everyday words, or list it under `gewoon`", glossary::GLOSSARY),
                    ));
                }
            }
        }
        Err(error) => errors.push(error),
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(errors);
    }
    let mut nodes: Vec<Node> = compiled.into_iter().map(|c| c.node).collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let released: Vec<ReleasedNode> = nodes.iter().map(ReleasedNode::of).collect();
    Ok(Pack {
        normative_digest: content_digest(&released),
        format: PACK_FORMAT,
        content_version: format!("{:016x}", digest.finish()),
        built: today(),
        documents,
        actors,
        synonyms,
        nodes,
        history: Vec::new(),
        stems: Default::default(),
    })
}

fn compile_file(
    file: &Path,
    text: &str,
    vocabulary: &front_matter::Vocabulary,
) -> Result<Compiled, Vec<Diagnostic>> {
    let (parsed, mut errors) = markdown::parse(file, text);
    let Some((toml_text, first_line)) = parsed.front_matter else {
        errors.insert(
            0,
            Diagnostic::new(file, 1, "the file has no front matter")
                .hint("start the file with a `+++` line, the TOML fields, and another `+++` line"),
        );
        return Err(errors);
    };
    let front = match front_matter::parse(file, &toml_text, first_line, vocabulary) {
        Ok(front) => front,
        Err(mut front_errors) => {
            front_errors.append(&mut errors);
            return Err(front_errors);
        }
    };
    let main_is_empty =
        parsed.layers.iter().all(|layer| layer.key != LayerKey::Main || layer.blocks.is_empty());
    if main_is_empty {
        let line = first_line + toml_text.lines().count() + 1;
        errors.push(
            Diagnostic::new(file, line, "the node has no main text").hint(
                "write the statement, definition or description before the first `##` heading",
            ),
        );
    }
    check_line_references(file, text, &mut errors);
    if front.facts.kind == Kind::Step {
        for &line in &parsed.unlabelled_criteria {
            errors.push(Diagnostic::new(file, line, "a stepped-care criterion without a label").hint(
                "open the item with its short name in bold, as `- **Pijn blijft aanhouden**: …`; the stepped-care diagram draws it",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let lay_line = text
        .lines()
        .position(|line| line.trim_start_matches('#').trim() == LayerKey::Lay.heading())
        .map(|i| i + 1);
    check_lay_title(file, &front, lay_line, &mut errors);
    if lay_line.is_none() && !front.supporting_lines.is_empty() {
        let line = front.field_lines.get("also").copied().unwrap_or(first_line);
        errors.push(
            Diagnostic::new(file, line, "`also` without a lay text").hint(
                "`[source] also` lists the lines a `## Voor patiënten` text rests on beside `lines`; remove it",
            ),
        );
    }
    let readability = parsed.layers.iter().find(|layer| layer.key == LayerKey::Lay).map(|layer| {
        check_readability(file, text, lay_line.unwrap_or(1), &layer.blocks, &mut errors);
        readability::measure(&layer.blocks)
    });
    let lay_review = lay_line.map(|heading| LayReview {
        file: file.to_path_buf(),
        line: front.field_lines.get("lay_checked").copied().unwrap_or(heading),
        // The review covers what a patient reads: the lay title, the questions shown above the
        // lay text ("Deze uitleg beantwoordt"), and the lay text.
        lay_digest: digest(&format!(
            "{}\n{}\n{}",
            front.facts.lay_title.as_deref().unwrap_or_default(),
            front.facts.questions.join("\n"),
            lay_markdown(text, heading)
        )),
        supporting_lines: front.supporting_lines.clone(),
        stamp: front.lay_checked.clone(),
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    let id_line = front.field_lines.get("id").copied().unwrap_or(first_line);
    let links = parsed
        .links
        .iter()
        .map(|link| Link { target: link.target.clone(), edge: link.edge })
        .collect();
    let node = Node {
        id: front.id,
        facts: front.facts,
        source: front.source,
        actors: front.actors,
        layers: parsed.layers,
        links,
        compare: front.compare,
        readability,
        lay_review,
    };
    Ok(Compiled {
        node,
        file: file.to_path_buf(),
        id_line,
        links: parsed.links,
        field_lines: front.field_lines,
    })
}

/// Text a reader sees cites the source by section and page, as a reader's copy of it has them:
/// the line numbers of our text extraction (`regels 1811–1814`, `r. 803`) mean nothing to a
/// reader with the PDF. Only an editorial note (`## Toelichting`), which may tell how the
/// extraction read a passage, names them.
fn check_line_references(file: &Path, text: &str, errors: &mut Vec<Diagnostic>) {
    let mut in_note = false;
    let mut in_front_matter = false;
    for (index, line) in text.lines().enumerate() {
        if line == "+++" {
            in_front_matter = !in_front_matter;
        } else if let Some(heading) = line.strip_prefix("## ") {
            in_note = LayerKey::from_heading(heading.trim()) == Some(LayerKey::Note);
        } else if !in_front_matter && !in_note && cites_extraction_lines(line) {
            errors.push(
                Diagnostic::new(file, index + 1, "a reference to the source text's line numbers")
                    .hint("cite the section or the page (`p. 27`), as the reader's copy has them; only a `## Toelichting` may name the extraction's lines"),
            );
        }
    }
}

/// Whether `line` names line numbers of the source text: `regel 103`, `regels 1811–1814`,
/// `(r. 803)` (two digits at least, so a rule's number in a list is no line).
fn cites_extraction_lines(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["regel ", "regels ", "(r. ", "(r."].iter().any(|marker| {
        lower.match_indices(marker).any(|(at, _)| {
            let starts_word = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let digits =
                lower[at + marker.len()..].chars().take_while(char::is_ascii_digit).count();
            starts_word && digits >= 2
        })
    })
}

/// At most this many words in a lay title: it heads a lay text on a phone.
const LAY_TITLE_WORDS: usize = 10;
/// At most this many words in a patient's question (`questions`).
const QUESTION_WORDS: usize = 14;

/// A node with a lay text has a `lay_title` (the title a patient reads above it, since `title`
/// speaks to clinicians), short and without a full stop; a node without one has none, and no
/// `questions` either. Each question is short and ends in a question mark.
fn check_lay_title(
    file: &Path,
    front: &front_matter::FrontMatter,
    lay_line: Option<usize>,
    errors: &mut Vec<Diagnostic>,
) {
    let line = |field: &str| front.field_lines.get(field).copied().unwrap_or(1);
    match (&front.facts.lay_title, lay_line) {
        (None, Some(_)) => errors.push(
            Diagnostic::new(file, line("title"), "a lay text without a `lay_title`").hint(
                "add `lay_title = \"…\"` after `title`: what a patient reads above the lay text, in its own plain words",
            ),
        ),
        (Some(_), None) => errors.push(
            Diagnostic::new(file, line("lay_title"), "a `lay_title` without a lay text")
                .hint("write the `## Voor patiënten` section, or remove `lay_title`"),
        ),
        (Some(title), Some(_)) => {
            let words = title.split_whitespace().count();
            if words > LAY_TITLE_WORDS {
                errors.push(
                    Diagnostic::new(
                        file,
                        line("lay_title"),
                        format!("the `lay_title` has {words} words (at most {LAY_TITLE_WORDS})"),
                    )
                    .hint("say what the lay text is about in fewer words"),
                );
            }
            if title.ends_with('.') {
                errors.push(
                    Diagnostic::new(file, line("lay_title"), "the `lay_title` ends with a full stop")
                        .hint("a title has no full stop; a question mark is fine"),
                );
            }
        }
        (None, None) => {}
    }
    // A patient's questions belong to the lay text that answers them.
    let questions_line = line("questions");
    if lay_line.is_none() && !front.facts.questions.is_empty() {
        errors.push(Diagnostic::new(file, questions_line, "`questions` without a lay text").hint(
            "write the `## Voor patiënten` section that answers them, or remove `questions`",
        ));
    }
    for question in &front.facts.questions {
        let words = question.split_whitespace().count();
        let letter_runs = question.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
        if !question.ends_with('?')
            || words > QUESTION_WORDS
            || letter_runs.count() < QUESTION_MIN_WORDS
        {
            errors.push(
                Diagnostic::new(
                    file,
                    questions_line,
                    format!("`{question}` is not a short question ({words} words)"),
                )
                .hint(format!(
                    "write it as a patient asks it, ending in `?`, in {QUESTION_MIN_WORDS} to {QUESTION_WORDS} words"
                )),
            );
        }
    }
}

/// The file line where the lay layer of `file` first uses `term` (in any case).
fn lay_line_of(file: &Path, term: &str) -> Option<usize> {
    let text = fs::read_to_string(file).ok()?;
    let heading = text
        .lines()
        .position(|line| line.trim_start_matches('#').trim() == LayerKey::Lay.heading())?;
    text.lines()
        .enumerate()
        .skip(heading)
        .find(|(_, line)| line.to_lowercase().contains(term))
        .map(|(i, _)| i + 1)
}

/// The Markdown of the lay layer whose heading is on line `heading`: up to the next `##` heading.
fn lay_markdown(text: &str, heading: usize) -> String {
    text.lines()
        .skip(heading)
        .take_while(|line| !line.starts_with("## "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Refuses a lay text that B1 readers cannot follow: a sentence over
/// [`readability::MAX_SENTENCE_WORDS`] words, or an average over [`readability::MAX_AVERAGE_WORDS`].
fn check_readability(
    file: &Path,
    text: &str,
    lay_line: usize,
    blocks: &[pijnwijzer_model::Block],
    errors: &mut Vec<Diagnostic>,
) {
    // The file line where a sentence starts: its first words, searched below the lay heading.
    let line_of = |sentence: &str| {
        let start: String = sentence.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        text.lines()
            .enumerate()
            .skip(lay_line)
            .find(|(_, line)| line.contains(&start))
            .map_or(lay_line, |(i, _)| i + 1)
    };
    let sentences = readability::sentences(blocks);
    for sentence in &sentences {
        let words = readability::word_count(sentence);
        if words > readability::MAX_SENTENCE_WORDS {
            errors.push(
                Diagnostic::new(
                    file,
                    line_of(sentence),
                    format!(
                        "a lay sentence of {words} words (at most {}): \"{sentence}\"",
                        readability::MAX_SENTENCE_WORDS
                    ),
                )
                .hint("split it: B1 readers follow sentences of about 12 words"),
            );
        }
    }
    let measured = readability::measure(blocks);
    if measured.words_per_sentence > readability::MAX_AVERAGE_WORDS {
        errors.push(
            Diagnostic::new(
                file,
                lay_line,
                format!(
                    "the lay text averages {} words a sentence (at most {})",
                    measured.words_per_sentence,
                    readability::MAX_AVERAGE_WORDS
                ),
            )
            .hint("use shorter sentences: B1 readers follow sentences of about 12 words"),
        );
    }
}

/// Checks what spans files (unique ids, link targets, topic members) and adds the edges that
/// comparison topics imply; the links of `refused` files are checked too, and a link to one of
/// them is no link to an unknown id, whose hint would name some other node.
fn check_graph(compiled: &mut [Compiled], refused: &[Refused], errors: &mut Vec<Diagnostic>) {
    let mut first_seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    for c in compiled.iter() {
        if let Some((file, line)) = first_seen.get(&c.node.id) {
            errors.push(
                Diagnostic::new(&c.file, c.id_line, format!("duplicate id `{}`", c.node.id)).hint(
                    format!(
                        "{}:{} already uses it; give one of them another id",
                        file.display(),
                        line
                    ),
                ),
            );
        } else {
            first_seen.insert(c.node.id.clone(), (c.file.clone(), c.id_line));
        }
    }
    let document_of: HashMap<String, Option<String>> = compiled
        .iter()
        .map(|c| (c.node.id.clone(), c.node.source.as_ref().map(|s| s.document.clone())))
        .collect();

    let refused_ids = || refused.iter().filter_map(|r| r.id.as_ref());
    let unknown = |id: &String| !document_of.contains_key(id) && !refused_ids().any(|r| r == id);
    let hint = |id: &str| suggestion(id, document_of.keys().chain(refused_ids()));
    let links = compiled
        .iter()
        .flat_map(|c| c.links.iter().map(move |link| (&c.file, link)))
        .chain(refused.iter().flat_map(|r| r.links.iter().map(move |link| (&r.file, link))));
    for (file, link) in links.filter(|(_, link)| unknown(&link.target)) {
        errors.push(
            Diagnostic::new(file, link.line, format!("link to unknown id `{}`", link.target))
                .hint(hint(&link.target)),
        );
    }
    for c in compiled.iter() {
        for entry in &c.node.compare {
            for member in &entry.nodes {
                match document_of.get(member) {
                    None if !unknown(member) => {}
                    None => errors.push(
                        Diagnostic::new(
                            &c.file,
                            c.line_of("compare"),
                            format!("[[compare]] names unknown node `{member}`"),
                        )
                        .hint(hint(member)),
                    ),
                    Some(document) if document.as_deref() != Some(entry.document.as_str()) => {
                        errors.push(
                            Diagnostic::new(
                                &c.file,
                                c.line_of("compare"),
                                format!(
                                    "node `{member}` is not from document `{}`",
                                    entry.document
                                ),
                            )
                            .hint("list each node under the document it comes from"),
                        )
                    }
                    Some(_) => {}
                }
            }
        }
    }
    check_via_class(compiled, errors);
    if !errors.is_empty() {
        return;
    }

    // A topic links each member to the topic, and members of different documents to each other.
    let mut implied: BTreeMap<String, Vec<Link>> = BTreeMap::new();
    for c in compiled.iter().filter(|c| c.node.kind == Kind::Topic) {
        let members: Vec<(&str, Agreement, &str)> = c
            .node
            .compare
            .iter()
            .flat_map(|entry| {
                entry
                    .nodes
                    .iter()
                    .map(move |id| (id.as_str(), entry.agreement, entry.document.as_str()))
            })
            .collect();
        for &(id, agreement, document) in &members {
            implied
                .entry(id.to_string())
                .or_default()
                .push(Link { target: c.node.id.clone(), edge: EdgeType::About });
            for &(other, other_agreement, other_document) in &members {
                if document == other_document {
                    continue;
                }
                let differs =
                    agreement == Agreement::Differs || other_agreement == Agreement::Differs;
                let edge = if differs { EdgeType::DiffersFrom } else { EdgeType::SameTopic };
                implied
                    .entry(id.to_string())
                    .or_default()
                    .push(Link { target: other.to_string(), edge });
            }
        }
    }
    for c in compiled.iter_mut() {
        if let Some(links) = implied.remove(&c.node.id) {
            for link in links {
                if !c.node.links.contains(&link) {
                    c.node.links.push(link);
                }
            }
        }
    }
}

/// A drug whose position is `via-class` has no statement of its own: the guidance reaches it
/// only through its class, so the class must be named, with a `refines` link to a medication
/// that has a position of its own.
fn check_via_class(compiled: &[Compiled], errors: &mut Vec<Diagnostic>) {
    let by_id: HashMap<&str, &Node> =
        compiled.iter().map(|c| (c.node.id.as_str(), &c.node)).collect();
    let is_class = |id: &str| {
        by_id.get(id).is_some_and(|n| {
            n.kind == Kind::Medication && n.position.is_some_and(|p| p != Position::ViaClass)
        })
    };
    for c in compiled.iter().filter(|c| c.node.position == Some(Position::ViaClass)) {
        let has_class =
            c.node.links.iter().any(|l| l.edge == EdgeType::Refines && is_class(&l.target));
        if !has_class {
            errors.push(
                Diagnostic::new(
                    &c.file,
                    c.line_of("position"),
                    "`position = \"via-class\"` names no class this drug falls under",
                )
                .hint(
                    "link the class in the text, `[…](#class.id \"refines\")`, or give the drug a position of its own",
                ),
            );
        }
    }
}

/// A hint naming the known ids closest to `id`.
fn suggestion<'a>(id: &str, known: impl Iterator<Item = &'a String>) -> String {
    let mut close: Vec<(usize, &String)> =
        known.map(|k| (levenshtein(id, k), k)).filter(|(d, _)| *d <= 3).collect();
    close.sort();
    match close.first() {
        Some((_, best)) => format!("did you mean `{best}`?"),
        None => "check the id, or write the node it should point to".to_string(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyFile {
    documents: BTreeMap<String, DocumentEntry>,
    actors: toml::Table,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentEntry {
    short: String,
    title: String,
    version: String,
    country: String,
    source_file: String,
    #[serde(default)]
    main: bool,
}

fn read_toml<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, Diagnostic> {
    parse_toml(path, &read_text(path)?)
}

fn read_text(path: &Path) -> Result<String, Diagnostic> {
    fs::read_to_string(path).map_err(|e| {
        Diagnostic::new(path, 1, format!("cannot read: {e}")).hint("the file belongs in content/")
    })
}

/// `text`, the contents of `path`, as `T`; an error names its line.
fn parse_toml<T: for<'de> Deserialize<'de>>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |span| 1 + text[..span.start].matches('\n').count());
        Diagnostic::new(path, line, e.message().to_string())
            .hint("see content/README.md for this file's format")
    })
}

/// Actor keys with their Dutch labels, in vocabulary order.
type Actors = Vec<(String, String)>;

fn read_vocabulary(dir: &Path) -> Result<(Vec<Document>, Actors), Diagnostic> {
    let path = dir.join(VOCABULARY);
    let file: VocabularyFile = read_toml(&path)?;
    let documents = file
        .documents
        .into_iter()
        .map(|(id, d)| Document {
            id,
            short: d.short,
            title: d.title,
            version: d.version,
            country: d.country,
            source_file: d.source_file,
            main: d.main,
        })
        .collect();
    let mut actors = Vec::new();
    for (key, label) in file.actors {
        let Some(label) = label.as_str() else {
            return Err(Diagnostic::new(&path, 1, format!("actor `{key}` needs a text label"))
                .hint("write `key = \"Dutch label\"`"));
        };
        actors.push((key, label.to_string()));
    }
    Ok((documents, actors))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    #[serde(default)]
    groep: Vec<SynonymGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymGroup {
    termen: toml::Spanned<Vec<String>>,
}

/// The thesaurus's groups, or every error in it, each at its group's line.
fn read_synonyms(dir: &Path) -> Result<Vec<Vec<String>>, Vec<Diagnostic>> {
    let path = dir.join(SYNONYMS);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = read_text(&path).map_err(|e| vec![e])?;
    let file: SynonymsFile = parse_toml(&path, &text).map_err(|e| vec![e])?;
    let errors: Vec<Diagnostic> = file
        .groep
        .iter()
        .filter(|group| {
            group.termen.get_ref().len() < 2
                || group.termen.get_ref().iter().any(|t| t.trim().is_empty())
        })
        .map(|group| {
            let line = 1 + text[..group.termen.span().start].matches('\n').count();
            Diagnostic::new(
                &path,
                line,
                format!(
                    "synonym group {:?} needs two or more non-empty terms",
                    group.termen.get_ref()
                ),
            )
            .hint("each [[groep]] lists words that mean the same")
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(file.groep.into_iter().map(|g| g.termen.into_inner()).collect())
}

/// Every `.md` file below `dir` except READMEs, in a stable order.
fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| {
            Diagnostic::new(&folder, 1, format!("cannot list the folder: {e}"))
                .hint("run from the repository root")
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md")
                && path.file_name().is_some_and(|n| n != "README.md")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// FNV-1a, 64 bit: a stable digest of the content for its version string.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
