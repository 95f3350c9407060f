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

/// The plain text of blocks lives in the model, because the compiler digests the same words.
pub use pijnwijzer_model::text::blocks_text;
