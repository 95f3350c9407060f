//! The two HTML operations the project needs, shared by the compiler and the core: escaping
//! text, and reading the text back out of HTML that the compiler itself produced.

/// Appends `text` to `html` with the five HTML-significant characters escaped.
pub fn escape_into(html: &mut String, text: &str) {
    // Runs without special characters are copied whole: most text has none.
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        html.push_str(&text[start..i]);
        html.push_str(entity);
        start = i + 1;
    }
    html.push_str(&text[start..]);
}

/// `text` with HTML-significant characters escaped.
pub fn escape(text: &str) -> String {
    let mut html = String::with_capacity(text.len());
    escape_into(&mut html, text);
    html
}

/// The text of compiler-produced inline HTML: tags dropped, the entities [`escape_into`]
/// writes decoded. Only for HTML this project generated; it is not a general HTML parser.
pub fn to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    push_text(&mut text, html);
    text
}

/// Appends the plain text of `html` (see [`to_text`]) to `text`.
pub fn push_text(text: &mut String, html: &str) {
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        text.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            if rest.starts_with("<br") {
                text.push(' ');
            }
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else {
            let (entity, decoded) =
                [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\'')]
                    .into_iter()
                    .find(|(entity, _)| rest.starts_with(entity))
                    .unwrap_or(("&", '&'));
            text.push(decoded);
            rest = &rest[entity.len()..];
        }
    }
    text.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_reads_back_unchanged() {
        let text = "a < b & \"c\" > 'd' &amp; <script>";
        assert_eq!(to_text(&escape(text)), text);
    }

    #[test]
    fn tags_are_dropped_and_breaks_become_spaces() {
        assert_eq!(
            to_text("<em>pijn</em>educatie<br>en <a href=\"#/n/x.y\">meer</a>"),
            "pijneducatie en meer"
        );
    }
}
