//! FHIR JSON written straight as text: [`object`] and [`array`] of [`Json`] values.
//!
//! Why not `serde_json::Value`: building a Value map inlines its inserts at every object, and the
//! mapping writes objects in hundreds of places; measured, the export added 51 KB (gzip) to the wasm
//! that way and adds 34 KB through these few non-generic functions. They also leave out, as they
//! write, what FHIR JSON may not hold (empty strings, arrays and objects), so the mapping writes
//! optional parts plainly.

/// A JSON value as text; empty when there is nothing to write (an absent optional part).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Json(String);

impl Json {
    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The JSON text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// A string, trimmed (FHIR strings carry no surrounding white space); nothing when empty.
pub fn string(text: &str) -> Json {
    let text = text.trim();
    if text.is_empty() {
        return Json::default();
    }
    let mut out = String::with_capacity(text.len() + 2);
    quote(text, &mut out);
    Json(out)
}

/// `true` or `false`.
pub fn boolean(value: bool) -> Json {
    Json(if value { "true" } else { "false" }.to_string())
}

/// A whole number.
pub fn number(value: usize) -> Json {
    Json(value.to_string())
}

/// An object of the fields that have a value, in the order given; nothing when none has.
pub fn object(fields: &[(&str, Json)]) -> Json {
    let mut out = String::from("{");
    for (key, value) in fields.iter().filter(|(_, value)| !value.is_empty()) {
        if out.len() > 1 {
            out.push(',');
        }
        quote(key, &mut out);
        out.push(':');
        out.push_str(&value.0);
    }
    if out.len() == 1 {
        return Json::default();
    }
    out.push('}');
    Json(out)
}

/// An array of the items that have a value; nothing when none has.
pub fn array(items: Vec<Json>) -> Json {
    let mut out = String::from("[");
    for item in items.iter().filter(|item| !item.is_empty()) {
        if out.len() > 1 {
            out.push(',');
        }
        out.push_str(&item.0);
    }
    if out.len() == 1 {
        return Json::default();
    }
    out.push(']');
    Json(out)
}

/// `json` (as this module writes it) indented by two spaces, one element per line, in the same
/// order, for people to read: serde_json would sort the keys, and FHIR reads best with
/// `resourceType` and `id` first.
pub fn pretty(json: &str) -> String {
    fn newline(out: &mut String, depth: usize) {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', depth * 2));
    }
    let mut out = String::with_capacity(json.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if let Some(close) = chars.next_if(|next| matches!(next, '}' | ']')) {
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `text` as a JSON string literal.
fn quote(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_parts_are_left_out() {
        let value = object(&[
            ("a", string("  ")),
            ("b", array(vec![string(""), object(&[("c", Json::default())])])),
            ("d", string("x")),
            ("e", boolean(false)),
            ("f", number(3)),
        ]);
        assert_eq!(value.as_str(), r#"{"d":"x","e":false,"f":3}"#);
        assert!(object(&[("a", string(""))]).is_empty());
    }

    #[test]
    fn pretty_json_is_the_same_json_in_the_same_order() {
        let value = object(&[
            ("resourceType", string("Bundle")),
            ("text", string("a \"{quoted}\", [b]: c\\")),
            ("entry", array(vec![object(&[("n", number(1))]), boolean(true)])),
        ]);
        let pretty = pretty(value.as_str());
        assert!(pretty.starts_with("{\n  \"resourceType\": \"Bundle\",\n"), "{pretty}");
        let parsed: serde_json::Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(parsed, serde_json::from_str::<serde_json::Value>(value.as_str()).unwrap());
        assert_eq!(super::pretty("{\"a\":[]}"), "{\n  \"a\": []\n}");
    }

    #[test]
    fn strings_are_escaped_as_json() {
        let text = "a \"quote\", a back\\slash,\na line, a tab\t, a bell\u{7} and één ë";
        let parsed: serde_json::Value = serde_json::from_str(string(text).as_str()).unwrap();
        assert_eq!(parsed, text);
    }
}
