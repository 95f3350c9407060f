//! Blocks to HTML and to plain text. The inline HTML inside blocks was escaped by the compiler;
//! this only adds the block structure around it.

use pijnwijzer_model::html;
use pijnwijzer_model::Block;

/// Appends the HTML of `blocks` to `out`, each table inside a `div.table-scroll`: a named,
/// focusable region that scrolls sideways when the table is wider than the page.
pub fn blocks_html(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(inline) => wrap(out, "p", inline),
            Block::Heading(inline) => wrap(out, "h4", inline),
            Block::Quote(inner) => {
                out.push_str("<blockquote>");
                blocks_html(inner, out);
                out.push_str("</blockquote>");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push('<');
                out.push_str(tag);
                out.push('>');
                for item in items {
                    out.push_str(if item.task { "<li class=\"task\">" } else { "<li>" });
                    out.push_str(&item.html);
                    blocks_html(&item.blocks, out);
                    out.push_str("</li>");
                }
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
            Block::Table { head, rows } => {
                // A wide table scrolls sideways in its own box, which keyboard users can focus
                // to scroll; its name says which table it is (several can share a page).
                let headers: Vec<String> = head
                    .iter()
                    .map(|cell| html::to_text(cell).trim().to_string())
                    .filter(|header| !header.is_empty())
                    .collect();
                let name = if headers.is_empty() {
                    "Tabel".to_string()
                } else {
                    format!("Tabel: {}", headers.join(", "))
                };
                out.push_str(
                    r#"<div class="table-scroll" tabindex="0" role="region" aria-label=""#,
                );
                html::escape_into(out, &name);
                out.push_str(r#""><table><thead><tr>"#);
                for cell in head {
                    wrap(out, "th", cell);
                }
                out.push_str("</tr></thead><tbody>");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        wrap(out, "td", cell);
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</tbody></table></div>");
            }
        }
    }
}

fn wrap(out: &mut String, tag: &str, inline: &str) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    out.push_str(inline);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Appends the plain text of `blocks` to `out`: one line per paragraph, item or table row (a row as
/// a sentence, see [`row_sentence`]).
pub fn blocks_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(inline) | Block::Heading(inline) => line(out, &html::to_text(inline)),
            Block::Quote(inner) => blocks_text(inner, out),
            Block::List { items, .. } => {
                for item in items {
                    line(out, &format!("- {}", html::to_text(&item.html)));
                    blocks_text(&item.blocks, out);
                }
            }
            Block::Table { head, rows } => {
                for row in rows {
                    if let Some(sentence) = row_sentence(head, row) {
                        line(out, &sentence);
                    }
                }
            }
        }
    }
}

/// A table row as a sentence of "header: cell" pairs ("Klasse: zwak werkend; Middelen: tramadol."),
/// so that a search snippet cut from a table reads as text. Empty and dash cells say nothing and
/// are left out; a row with nothing left gives `None`.
fn row_sentence(head: &[String], row: &[String]) -> Option<String> {
    let pairs: Vec<String> = head
        .iter()
        .zip(row)
        .filter_map(|(header, cell)| {
            let cell = html::to_text(cell);
            let cell = cell.trim();
            if cell.is_empty() || cell == "—" || cell == "-" {
                return None;
            }
            let header = html::to_text(header);
            Some(match header.trim() {
                "" => cell.to_string(),
                header => format!("{header}: {cell}"),
            })
        })
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let sentence = pairs.join("; ");
    let end = if sentence.ends_with(['.', '!', '?']) { "" } else { "." };
    Some(format!("{sentence}{end}"))
}

fn line(out: &mut String, text: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(text);
}
