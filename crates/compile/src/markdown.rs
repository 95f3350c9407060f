//! The Markdown body of a content file, turned into layers of structured blocks.
//!
//! Inline content is rendered to HTML here, by us, with every piece of author text escaped:
//! raw HTML, images and links other than `#node.id` and `https://` are refused, so the HTML
//! that reaches readers is the compiler's alone.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::diagnostic::{Diagnostic, LineIndex};
use super::front_matter::is_valid_id;
use pijnwijzer_model::html::{self, escape_into};
use pijnwijzer_model::{Block, EdgeType, Item, Layer, LayerKey};

/// A link to another node, with the line it stands on (checked once every node is known).
#[derive(Debug, Clone)]
pub struct NodeLink {
    pub target: String,
    pub edge: EdgeType,
    pub line: usize,
}

/// The most words a criterion's label may have: the stepped-care diagram draws it in full.
const MAX_LABEL_WORDS: usize = 6;

/// A parsed content file: its front matter text and its body.
pub struct Parsed {
    /// The TOML between the `+++` lines, and the file line it starts on.
    pub front_matter: Option<(String, usize)>,
    pub layers: Vec<Layer>,
    pub links: Vec<NodeLink>,
    /// The lines of criteria (items of `## Opschalen` or `## Afschalen`) without a label, which
    /// the compiler refuses in a stepped-care step once it knows the node's kind.
    pub unlabelled_criteria: Vec<usize>,
}

/// The parser options content uses: tables, task lists, strikethrough and `+++` front matter.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// Parses the whole file `text`, collecting every problem rather than stopping at the first.
pub fn parse(file: &Path, text: &str) -> (Parsed, Vec<Diagnostic>) {
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(text, options()).into_offset_iter().collect();
    let mut reader = Reader {
        file,
        lines: LineIndex::new(text),
        events,
        at: 0,
        errors: Vec::new(),
        links: Vec::new(),
        layer: LayerKey::Main,
        unlabelled_criteria: Vec::new(),
    };
    let front_matter = reader.front_matter();
    let layers = reader.layers();
    let parsed = Parsed {
        front_matter,
        layers,
        links: reader.links,
        unlabelled_criteria: reader.unlabelled_criteria,
    };
    (parsed, reader.errors)
}

struct Reader<'a> {
    file: &'a Path,
    lines: LineIndex,
    events: Vec<(Event<'a>, Range<usize>)>,
    at: usize,
    errors: Vec<Diagnostic>,
    links: Vec<NodeLink>,
    /// The layer being read.
    layer: LayerKey,
    unlabelled_criteria: Vec<usize>,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<&Event<'a>> {
        self.events.get(self.at).map(|(event, _)| event)
    }

    fn next(&mut self) -> Option<(Event<'a>, usize)> {
        let (event, range) = self.events.get(self.at)?.clone();
        self.at += 1;
        Some((event, self.lines.line(range.start)))
    }

    fn error(&mut self, line: usize, message: impl Into<String>, hint: impl Into<String>) {
        self.errors.push(Diagnostic::new(self.file, line, message).hint(hint));
    }

    fn front_matter(&mut self) -> Option<(String, usize)> {
        if !matches!(self.peek(), Some(Event::Start(Tag::MetadataBlock(_)))) {
            return None;
        }
        self.next();
        let mut toml_text = String::new();
        let mut first_line = 2;
        while let Some((event, line)) = self.next() {
            match event {
                Event::Text(text) => {
                    if toml_text.is_empty() {
                        first_line = line;
                    }
                    toml_text.push_str(&text);
                }
                Event::End(TagEnd::MetadataBlock(_)) => break,
                _ => {}
            }
        }
        Some((toml_text, first_line))
    }

    /// Splits the body into layers at `##` headings.
    fn layers(&mut self) -> Vec<Layer> {
        let mut layers = vec![Layer { key: LayerKey::Main, blocks: Vec::new() }];
        while self.peek().is_some() {
            if let Some(Event::Start(Tag::Heading { level: HeadingLevel::H2, .. })) = self.peek() {
                let (_, line) = self.next().expect("peeked");
                let heading = self.plain_until_end();
                match LayerKey::from_heading(heading.trim()) {
                    Some(key) if layers.iter().any(|layer| layer.key == key) => {
                        self.error(
                            line,
                            format!("the layer `## {}` appears twice", heading.trim()),
                            "merge the two sections",
                        );
                    }
                    Some(key) => {
                        self.layer = key;
                        layers.push(Layer { key, blocks: Vec::new() });
                    }
                    None => {
                        let allowed: Vec<&str> =
                            LayerKey::ALL.iter().skip(1).map(|key| key.heading()).collect();
                        self.error(
                            line,
                            format!("`## {}` is not a layer heading", heading.trim()),
                            format!(
                                "use one of: {} (or `###` for a sub-heading inside a layer)",
                                allowed.join(", ")
                            ),
                        );
                    }
                }
                continue;
            }
            if let Some(block) = self.block() {
                layers.last_mut().expect("the main layer is always there").blocks.push(block);
            }
        }
        layers.retain(|layer| layer.key == LayerKey::Main || !layer.blocks.is_empty());
        layers
    }

    /// Reads one block-level construct; `None` for constructs that carry no content.
    fn block(&mut self) -> Option<Block> {
        let (event, line) = self.next()?;
        match event {
            Event::Start(Tag::Paragraph) => Some(Block::Paragraph(self.inline_until_end())),
            Event::Start(Tag::Heading { level, .. }) => {
                let html = self.inline_until_end();
                if level == HeadingLevel::H1 {
                    self.error(
                        line,
                        "a `#` heading in the body",
                        "the node's title is `title` in the front matter; use `###` inside a layer",
                    );
                }
                Some(Block::Heading(html))
            }
            Event::Start(Tag::BlockQuote(_)) => Some(Block::Quote(self.blocks_until_end())),
            Event::Start(Tag::List(start)) => Some(self.list(start.is_some())),
            Event::Start(Tag::Table(_)) => Some(self.table()),
            Event::Start(Tag::CodeBlock(kind)) => {
                let hint = match kind {
                    CodeBlockKind::Indented => {
                        "an indented line is read as code: remove the indentation"
                    }
                    CodeBlockKind::Fenced(_) => {
                        "remove the ``` fence: content is prose, lists and tables"
                    }
                };
                self.error(line, "code blocks are not allowed in content", hint);
                self.skip_until_end();
                None
            }
            Event::Start(Tag::HtmlBlock) => {
                self.error(
                    line,
                    "raw HTML is not allowed in content",
                    "write it in Markdown: the compiler produces all HTML",
                );
                self.skip_until_end();
                None
            }
            Event::Start(_) => {
                self.error(
                    line,
                    "this Markdown construct is not supported in content",
                    "use paragraphs, lists, tables, quotes and `###` headings",
                );
                self.skip_until_end();
                None
            }
            Event::Rule => None,
            _ => {
                self.error(line, "unexpected content here", "check the Markdown around this line");
                None
            }
        }
    }

    /// Reads blocks up to the end of the current container.
    fn blocks_until_end(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        while let Some(event) = self.peek() {
            if matches!(event, Event::End(_)) {
                self.next();
                break;
            }
            blocks.extend(self.block());
        }
        blocks
    }

    fn list(&mut self, ordered: bool) -> Block {
        let mut items = Vec::new();
        while let Some((event, line)) = self.next() {
            match event {
                Event::Start(Tag::Item) => items.push(self.item(line)),
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        Block::List { ordered, items }
    }

    /// An item's own text is its inline content (tight list) or first paragraph (loose list);
    /// anything after that, such as a nested list, becomes its blocks. A criterion's bold
    /// lead-in is its label.
    fn item(&mut self, line: usize) -> Item {
        let mut item = Item { html: String::new(), task: false, label: None, blocks: Vec::new() };
        if let Some(Event::TaskListMarker(_)) = self.peek() {
            self.next();
            item.task = true;
        }
        if let Some(Event::Start(Tag::Paragraph)) = self.peek() {
            self.next();
            if let Some(Event::TaskListMarker(_)) = self.peek() {
                self.next();
                item.task = true;
            }
            item.html = self.inline_until_end();
        } else {
            item.html = self.inline_until_block();
        }
        if matches!(self.layer, LayerKey::MoveUp | LayerKey::MoveDown) {
            item.label = lead_in(&item.html);
            match item.label.as_deref().map(|label| (label, label.split_whitespace().count())) {
                None => self.unlabelled_criteria.push(line),
                Some((label, words)) if words > MAX_LABEL_WORDS => self.error(
                    line,
                    format!("the label `{label}` has {words} words (at most {MAX_LABEL_WORDS})"),
                    "the stepped-care diagram draws the label in full: shorten it; the item's text says the rest",
                ),
                Some(_) => {}
            }
        }
        while let Some(event) = self.peek() {
            if matches!(event, Event::End(TagEnd::Item)) {
                self.next();
                break;
            }
            item.blocks.extend(self.block());
        }
        item
    }

    fn table(&mut self) -> Block {
        let mut head = Vec::new();
        let mut rows = Vec::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::TableHead) => head = self.cells(TagEnd::TableHead),
                Event::Start(Tag::TableRow) => rows.push(self.cells(TagEnd::TableRow)),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table { head, rows }
    }

    fn cells(&mut self, end: TagEnd) -> Vec<String> {
        let mut cells = Vec::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::TableCell) => cells.push(self.inline_until_end()),
                event if event == Event::End(end) => break,
                _ => {}
            }
        }
        cells
    }

    /// Renders inline events up to the end of the current container.
    fn inline_until_end(&mut self) -> String {
        self.inline(true)
    }

    /// Renders inline events up to the next block-level start or the item's end.
    fn inline_until_block(&mut self) -> String {
        self.inline(false)
    }

    fn inline(&mut self, consume_end: bool) -> String {
        let mut html = String::new();
        let mut depth = 0usize;
        let mut open_links: Vec<bool> = Vec::new();
        while let Some(event) = self.peek() {
            let is_block_start = matches!(
                event,
                Event::Start(
                    Tag::Paragraph
                        | Tag::List(_)
                        | Tag::Item
                        | Tag::BlockQuote(_)
                        | Tag::Table(_)
                        | Tag::Heading { .. }
                        | Tag::CodeBlock(_)
                        | Tag::HtmlBlock
                )
            );
            if depth == 0 && (matches!(event, Event::End(_)) || (!consume_end && is_block_start)) {
                if consume_end && matches!(event, Event::End(_)) {
                    self.next();
                }
                break;
            }
            let (event, line) = self.next().expect("peeked");
            match event {
                Event::Text(text) => escape_into(&mut html, &text),
                Event::Code(code) => {
                    html.push_str("<code>");
                    escape_into(&mut html, &code);
                    html.push_str("</code>");
                }
                Event::SoftBreak => html.push(' '),
                Event::HardBreak => html.push_str("<br>"),
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.error(
                        line,
                        "raw HTML is not allowed in content",
                        "write it in Markdown: the compiler produces all HTML",
                    );
                }
                Event::Start(tag) => {
                    depth += 1;
                    match tag {
                        Tag::Emphasis => html.push_str("<em>"),
                        Tag::Strong => html.push_str("<strong>"),
                        Tag::Strikethrough => html.push_str("<del>"),
                        Tag::Link { dest_url, title, .. } => {
                            let opened = self.link(&mut html, &dest_url, &title, line);
                            open_links.push(opened);
                        }
                        Tag::Image { .. } => {
                            self.error(
                                line,
                                "images are not allowed in content",
                                "describe the figure in text or as a table",
                            );
                            open_links.push(false);
                        }
                        _ => self.error(
                            line,
                            "this inline construct is not supported",
                            "use emphasis, strong, code and links",
                        ),
                    }
                }
                Event::End(tag) => {
                    depth = depth.saturating_sub(1);
                    match tag {
                        TagEnd::Emphasis => html.push_str("</em>"),
                        TagEnd::Strong => html.push_str("</strong>"),
                        TagEnd::Strikethrough => html.push_str("</del>"),
                        // Only a link that was written as `<a>` is closed (an unsafe one became text).
                        TagEnd::Link | TagEnd::Image => {
                            html.push_str(if open_links.pop() == Some(true) { "</a>" } else { "" })
                        }
                        _ => {}
                    }
                }
                Event::TaskListMarker(_) | Event::Rule => {}
                _ => self.error(
                    line,
                    "this construct is not supported in content",
                    "use paragraphs, lists, tables and links",
                ),
            }
        }
        html.trim().to_string()
    }

    /// Opens an `<a>` for a link to a node or an `https:` page; returns whether it did.
    fn link(&mut self, html: &mut String, dest: &str, title: &str, line: usize) -> bool {
        if let Some(target) = dest.strip_prefix('#') {
            if !is_valid_id(target) {
                self.error(
                    line,
                    format!("`{dest}` is not a link to a node id"),
                    "link to a node as `[tekst](#worel.med.opioiden)`",
                );
                return false;
            }
            let edge = if title.is_empty() {
                EdgeType::SeeAlso
            } else if let Some(edge) = EdgeType::parse(title) {
                edge
            } else {
                self.error(
                    line,
                    format!("unknown edge type `{title}` in the link title"),
                    format!("use one of: {}", EdgeType::spellings()),
                );
                EdgeType::SeeAlso
            };
            self.links.push(NodeLink { target: target.to_string(), edge, line });
            html.push_str("<a href=\"#/n/");
            escape_into(html, target);
            html.push_str("\" data-node=\"");
            escape_into(html, target);
            html.push_str("\">");
            true
        } else if dest.starts_with("https://") && !dest.contains(['"', '<', '>', ' ']) {
            html.push_str("<a href=\"");
            escape_into(html, dest);
            html.push_str("\" rel=\"noopener noreferrer\">");
            true
        } else {
            self.error(
                line,
                format!("link `{dest}` is not allowed"),
                "link to a node as `(#node.id)` or to a page as `(https://…)`",
            );
            false
        }
    }

    /// The plain text of a heading, up to its end.
    fn plain_until_end(&mut self) -> String {
        let mut text = String::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::End(TagEnd::Heading(_)) => break,
                _ => {}
            }
        }
        text
    }

    fn skip_until_end(&mut self) {
        let mut depth = 1usize;
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }
}

/// The label of a criterion: the bold text its item opens with (`- **Pijn blijft aanhouden**: …`
/// or `- **Forse beperkingen**;`), as plain text without a closing colon or full stop.
fn lead_in(item_html: &str) -> Option<String> {
    let bold = item_html.strip_prefix("<strong>")?;
    let end = bold.find("</strong>")?;
    let text = html::to_text(&bold[..end]);
    let label = text.trim().trim_end_matches([':', '.']).trim_end();
    (!label.is_empty()).then(|| label.to_string())
}
