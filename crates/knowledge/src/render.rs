//! Blocks to HTML and to plain text. The inline HTML inside blocks was escaped by the compiler;
//! this only adds the block structure around it.

use pijnwijzer_model::html;
use pijnwijzer_model::Block;

/// Appends the HTML of `blocks` to `out`.
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
                out.push_str("<table><thead><tr>");
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
                out.push_str("</tbody></table>");
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

/// Appends the plain text of `blocks` to `out`: one line per paragraph, item or table row.
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
                for row in std::iter::once(head).chain(rows) {
                    let cells: Vec<String> = row.iter().map(|cell| html::to_text(cell)).collect();
                    line(out, &cells.join(" | "));
                }
            }
        }
    }
}

fn line(out: &mut String, text: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(text);
}
