//! A drug's names for FHIR: its generic name (or class), from the node's title, and its brand
//! names, from its `aliases`.
//!
//! `aliases` mixes brand names with generic spellings, misspellings and lay words, which serve
//! search but would be wrong as product names. The content writes brand names capitalised
//! (Lyrica, OxyContin, MS Contin, Voltaren Emulgel) and everything else in lower case or as an
//! abbreviation in capitals (SNRI's, NSAID's, THC, WHO-pijnladder), so a brand name is an alias
//! with a word that starts with a capital followed by a small letter.

/// The generic name or class a medication node is about: its title up to the colon
/// ("Pregabaline: overweeg het…" → "Pregabaline").
pub fn generic(title: &str) -> &str {
    title.split(':').next().unwrap_or(title).trim()
}

/// Whether an alias is a brand name (see the module's rule).
pub fn is_brand(alias: &str) -> bool {
    alias.split_whitespace().any(|word| {
        let mut chars = word.chars();
        matches!((chars.next(), chars.next()), (Some(first), Some(second))
            if first.is_uppercase() && second.is_lowercase())
    })
}

/// The brand names among `aliases`, in their order, each once.
pub fn brands(aliases: &[String]) -> Vec<&str> {
    let mut brands: Vec<&str> = Vec::new();
    for alias in aliases.iter().map(String::as_str).filter(|a| is_brand(a)) {
        if !brands.contains(&alias) {
            brands.push(alias);
        }
    }
    brands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brand_names_are_the_capitalised_aliases() {
        for brand in ["Lyrica", "OxyContin", "MS Contin", "Voltaren Emulgel", "Cymbalta"] {
            assert!(is_brand(brand), "{brand}");
        }
        for other in [
            "pregabaline",
            "pregabalien",
            "SNRI's",
            "NSAID’s",
            "THC",
            "WHO-pijnladder",
            "zenuwpijnpillen",
        ] {
            assert!(!is_brand(other), "{other}");
        }
    }

    #[test]
    fn the_generic_name_is_the_title_before_its_colon() {
        assert_eq!(
            generic("Pregabaline: overweeg het, met oog voor ongewenste effecten"),
            "Pregabaline"
        );
        assert_eq!(generic("Opioïden"), "Opioïden");
        let aliases: Vec<String> =
            ["pregabaline", "Lyrica", "Lyrica", "zenuwpijnpillen"].map(String::from).into();
        assert_eq!(brands(&aliases), ["Lyrica"]);
    }
}
