//! The plain text of a node's blocks, shared by the compiler (which digests it, see
//! [`crate::Digests`]) and the core (which searches and shows it), so that both read the same
//! words.

use crate::html;
use crate::Block;

/// Appends the plain text of `blocks` to `out`: one line per paragraph, item or table row (a row as
/// a sentence of "header: cell" pairs).
pub fn blocks_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(inline) | Block::Heading(inline) => {
                new_line(out);
                html::push_text(out, inline);
            }
            Block::Quote(inner) => blocks_text(inner, out),
            Block::List { items, .. } => {
                for item in items {
                    new_line(out);
                    out.push_str("- ");
                    html::push_text(out, &item.html);
                    blocks_text(&item.blocks, out);
                }
            }
            Block::Table { head, rows } => {
                for row in rows {
                    if let Some(sentence) = row_sentence(head, row) {
                        new_line(out);
                        out.push_str(&sentence);
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

/// Starts a line of `out`: a newline unless it is empty.
fn new_line(out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
}
