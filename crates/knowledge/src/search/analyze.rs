//! Text analysis shared by indexing and querying, so both sides see the same words.
//!
//! A word is folded (lower case, diacritics removed: `opioïden` = `opioiden`), split at
//! anything that is not a letter or digit (a possessive `'s`, straight or curly, is dropped:
//! `NSAID's` = `NSAID`), and reduced to its Snowball Dutch stem. Acronyms written in capitals
//! (`TENS`, `MBSR`) and tokens with digits (`60`, `1b`) are kept whole, since stemming them
//! only loses meaning.

use rust_stemmers::{Algorithm, Stemmer};

/// One word of a text, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Folded surface form: lower case, no diacritics.
    pub word: String,
    /// The index term: the Dutch stem, or the word itself for acronyms and numbers.
    pub term: String,
    /// Where the word starts in the original text (bytes).
    pub start: usize,
    /// Where it ends (bytes, exclusive).
    pub end: usize,
}

/// Turns text into tokens. Holds the stemmer so it is made once.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer { stemmer: Stemmer::create(Algorithm::Dutch) }
    }
}

/// Dutch function words that carry no meaning for search, and the question and filler words of a
/// patient's whole question ("mijn rug doet al maanden pijn", "mag ik…", "waarom…", "hoe zit het
/// met…", "de neuroloog zei…"), which would otherwise outweigh its content words: a past tense
/// the guidance never writes weighs as much as its rarest word. Intensifiers too (`erg`, `heel`,
/// `zeer`): "mijn rug doet zeer" found the grades of evidence, which say "zeer laag". So are the
/// pronoun `haar`, the participle `geworden` of `worden`, and `sinds`, `sindsdien`, `inmiddels`,
/// `intussen` and `ondertussen`, which only date a complaint ("sinds kort", "erger geworden",
/// "ondertussen lig ik op de bank"), as `na` and `tot` do, and `laten` before
/// another verb ("een scan laten maken", "een tatoeage laten zetten"), which only says who does it.
/// So are the determiners `elk(e)`, `ieder(e)` and `alle` ("elke week erger", "alle
/// behandelaars"), which say how many, not what; `weet`, `weten` and `wist`, which frame a question
/// ("hoe weet ik of…") as `zeggen` frames a report; and `goed`, which only qualifies a verb as
/// `niet` and `erg` do ("kan mijn arm minder goed optillen", "niet goed meer ophouden"). So are
/// the plurals of units of time, `dagen`, `weken`, `maanden` and `jaren`, which in a question only
/// say how long a complaint has lasted ("al jaren hoofdpijn", "twee maanden thuis"), as `sinds`
/// does; the singulars stay words, as in a frequency ("twee keer per week", "elke dag").
// In rows: a word longer than rustfmt's short-item width would put one word on each line.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "aan", "al", "allang", "alle", "allemaal", "als", "alsof", "altijd", "ben", "bent", "bij",
    "bijna", "daar", "dagen", "dan", "dat", "de", "der", "des", "deze", "die", "dit", "doet",
    "door", "dus", "echt", "een", "eigenlijk", "elk", "elke", "en", "er", "erg", "even", "ga",
    "gaan", "gaat", "gewoon", "geworden", "goed", "haar", "had", "hadden", "heb", "hebben", "hebt",
    "heeft", "heel", "helemaal", "hem", "het", "hier", "hij", "hoe", "hun", "ieder", "iedere",
    "iets", "ik", "in", "inmiddels", "intussen", "is", "jaren", "je", "jij", "jou", "jouw", "kan",
    "kun", "kunnen", "kunt", "laten", "maanden", "maar", "mag", "me", "men", "met", "mij", "mijn",
    "moet", "moeten", "na", "naar", "niet", "niks", "nog", "nooit", "nou", "nu", "of", "om",
    "omdat", "onder", "ondertussen", "ons", "onze", "ook", "op", "over", "sinds", "sindsdien",
    "soms", "steeds", "te", "tegen", "terwijl", "toch", "toen", "tot", "u", "uit", "uw", "van",
    "vanwege", "voor", "waar", "waarom", "wanneer", "want", "waren", "was", "wat", "weer", "weet",
    "weken", "wel", "welk", "welke", "werd", "werden", "weten", "wie", "wij", "wil", "willen",
    "wilt", "wist", "word", "worden", "wordt", "zal", "ze", "zeer", "zeggen", "zegt", "zei",
    "zeiden", "zich", "zij", "zijn", "zit", "zo", "zou", "zouden", "zoveel", "zullen",
];

/// Words whose Snowball stem is the stem of an unrelated word, with the term each gets instead
/// (sorted by word). Snowball makes `slap` of `slaap` (sleep) and of `slap` (limp, weak) alike, so
/// a patient whose leg was `slap` found sleeping pills. Likewise `naasten` (relatives) and `naast`
/// (besides: "naast mijn medicijnen" found the family), `ouders` (parents) and `ouderen` (older
/// people), `verhoging` (a raised temperature) and `verhogen` (raising a dose: "dosis verhogen"
/// found fever), `vrijen` (making love) and `vrij` (free: "vrij nemen" found sexuality). The other
/// word may be English or a name: `reden` (reason) found the `red flags`, `botten` (bones) the
/// author Boot. A term with a space is never a stem, so these meet no other word's.
const OWN_TERMS: &[(&str, &str)] = &[
    ("boot", "boot (vaartuig)"),
    ("boten", "boot (vaartuig)"),
    ("gel", "gel (smeersel)"),
    ("geld", "geld (betaalmiddel)"),
    ("geleidelijk", "geleidelijk (stapsgewijs)"),
    ("geleidelijke", "geleidelijk (stapsgewijs)"),
    ("gels", "gel (smeersel)"),
    ("leed", "leed (lijden)"),
    ("leeg", "leeg (zonder inhoud)"),
    ("lege", "leeg (zonder inhoud)"),
    ("lever", "lever (orgaan)"),
    ("levers", "lever (orgaan)"),
    ("naaste", "naaste (familie)"),
    ("naasten", "naaste (familie)"),
    ("ouders", "ouders (vader en moeder)"),
    ("overheden", "overheid (staat)"),
    ("overheid", "overheid (staat)"),
    ("reden", "reden (oorzaak)"),
    ("redenen", "reden (oorzaak)"),
    ("slap", "slap (zwak)"),
    ("slapheid", "slap (zwak)"),
    ("slappe", "slap (zwak)"),
    ("slapper", "slap (zwak)"),
    ("slechts", "slechts (alleen)"),
    ("vak", "vak (beroep)"),
    ("vakken", "vak (beroep)"),
    ("verhoging", "verhoging (koorts)"),
    ("verstandig", "verstandig (wijs)"),
    ("verstandige", "verstandig (wijs)"),
    ("verwant", "verwant (gelijksoortig)"),
    ("verwante", "verwant (gelijksoortig)"),
    ("vrijen", "vrijen (seks)"),
    ("ware", "ware (echt)"),
    ("weke", "weke (zacht)"),
    ("wens", "wens (verlangen)"),
    ("wensen", "wens (verlangen)"),
];

/// Whether `word` (folded) has a term of its own (see `OWN_TERMS`): a whole word of its own sense,
/// never the unfinished start of the word it would be mistaken for (`slap` of `slapen`).
pub fn has_own_term(word: &str) -> bool {
    OWN_TERMS.binary_search_by_key(&word, |&(own, _)| own).is_ok()
}

/// Whether `word` (folded) is a stopword.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

impl Analyzer {
    /// The tokens of `text`, stopwords left out.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        for (start, end) in word_spans(text) {
            if let Some((word, term)) = self.word(&text[start..end]) {
                tokens.push(Token { word, term, start, end });
            }
        }
        tokens
    }

    /// The folded form and the index term of one word as written, or `None` for a stopword.
    pub fn word(&self, original: &str) -> Option<(String, String)> {
        let word = fold(original);
        if word.is_empty() || is_stopword(&word) {
            return None;
        }
        let term = self.term(original, &word);
        Some((word, term))
    }

    /// The index term of a folded `word` whose original spelling was `original`.
    pub fn term(&self, original: &str, word: &str) -> String {
        if is_kept_whole(original, word) {
            word.to_string()
        } else {
            self.stem(word)
        }
    }

    /// The Snowball Dutch stem of a folded word, with a final double consonant made single, or
    /// the word's own term when Snowball would give it an unrelated word's stem (`OWN_TERMS`).
    pub fn stem(&self, word: &str) -> String {
        if let Ok(at) = OWN_TERMS.binary_search_by_key(&word, |&(word, _)| word) {
            return OWN_TERMS[at].1.to_string();
        }
        self.snowball(word)
    }

    /// The Snowball Dutch stem of a folded word, with a final double consonant made single.
    ///
    /// Snowball undoubles only `kk`, `dd` and `tt`, so `vlaggen` → `vlagg` but `vlag` → `vlag`;
    /// undoubling every final pair (as the Kraaij–Pohlmann stemmer does) joins them.
    fn snowball(&self, word: &str) -> String {
        let mut stem = self.stemmer.stem(word).into_owned();
        let bytes = stem.as_bytes();
        if let [.., a, b] = bytes {
            if a == b && a.is_ascii_alphabetic() && !b"aeiou".contains(a) {
                stem.pop();
            }
        }
        stem
    }
}

/// Whether a word (folded `word`, written `original`) is its own term, unstemmed: an acronym or
/// a token with digits.
pub fn is_kept_whole(original: &str, word: &str) -> bool {
    is_acronym(original) || word.chars().any(|c| c.is_ascii_digit())
}

/// Whether a word is written as an acronym: two or more capitals (digits allowed), `TENS`, `PDI`.
pub fn is_acronym(original: &str) -> bool {
    original.chars().count() >= 2
        && original.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && original.chars().any(char::is_uppercase)
}

/// Byte ranges of the words of `text`: runs of letters and digits. A `'s` or `’s` right after
/// a word is left out of it and of the next word.
pub fn word_spans(text: &str) -> WordSpans<'_> {
    WordSpans { text, at: 0 }
}

/// The words of a text, as [`word_spans`] finds them. It reads bytes, and decodes a character
/// only where one is not ASCII: the index build runs it over all the content's text.
pub struct WordSpans<'a> {
    text: &'a str,
    at: usize,
}

impl WordSpans<'_> {
    /// The character at byte `at` and its length in bytes, if `at` is before the end.
    fn char_at(&self, at: usize) -> Option<(char, usize)> {
        let byte = *self.text.as_bytes().get(at)?;
        if byte.is_ascii() {
            return Some((char::from(byte), 1));
        }
        let c = self.text[at..].chars().next()?;
        Some((c, c.len_utf8()))
    }
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let start = loop {
            let (c, len) = self.char_at(self.at)?;
            if c.is_alphanumeric() {
                break self.at;
            }
            self.at += len;
        };
        while let Some((_, len)) = self.char_at(self.at).filter(|(c, _)| c.is_alphanumeric()) {
            self.at += len;
        }
        let end = self.at;
        // A dose written without a space (`50mg`) is a number and a unit, as `50 mg` is: the
        // number ends this word and the unit is the next.
        let digits = self.text[start..end].bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && is_dose_unit(&self.text[start + digits..end], self.text[end..].trim().is_empty())
        {
            self.at = start + digits;
            return Some((start, self.at));
        }
        for apostrophe in ["'", "’"] {
            let possessive = self.text[end..].strip_prefix(apostrophe).and_then(|after| {
                let s = after.strip_prefix(['s', 'S'])?;
                (!s.chars().next().is_some_and(char::is_alphanumeric)).then_some(())
            });
            if possessive.is_some() {
                self.at = end + apostrophe.len() + 1;
            }
        }
        Some((start, end))
    }
}

/// Whether `unit` is a unit a dose is written in (`mg`, `µg`, `ml`), in any case. With
/// `typed_last` (the word ends the text, so the reader may still be typing it), the first letters
/// of a unit count too: `tramadol 50m` on its way to `tramadol 50mg` is the same drug, not an
/// unknown word that empties the results for one keystroke.
fn is_dose_unit(unit: &str, typed_last: bool) -> bool {
    const UNITS: [&str; 7] = ["g", "mcg", "mg", "ml", "ug", "µg", "μg"];
    UNITS.iter().any(|u| {
        u.eq_ignore_ascii_case(unit)
            || (typed_last
                && !unit.is_empty()
                && u.get(..unit.len()).is_some_and(|start| start.eq_ignore_ascii_case(unit)))
    })
}

/// Whether `word` is a dose, or part of one, as a prescription writes it: numbers, units and how
/// often, alone or run together (`37,5`, `mg`, `50mg`, `3dd`, `2dd1`, `2x500mg`). With
/// `typed_last` (the word ends the text, which the reader may still be typing), its last unit may
/// be cut short (`50m`). A grade or a version (`2C`, `4DKL`, `1e`) is no dose.
pub fn is_dose(word: &str, typed_last: bool) -> bool {
    /// How often a day or in all: `2dd` (de die), `2x`.
    const FREQUENCIES: [&str; 2] = ["dd", "x"];
    let mut rest = word;
    while !rest.is_empty() {
        let numeral = rest.bytes().take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'));
        let numeral = &rest[..numeral.count()];
        let after = &rest[numeral.len()..];
        let letters = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
        let (run, next) = after.split_at(letters);
        let known_run = run.is_empty()
            || is_dose_unit(run, typed_last && next.is_empty())
            || FREQUENCIES.iter().any(|f| f.eq_ignore_ascii_case(run));
        let numeral_ok = numeral.is_empty() || numeral.bytes().any(|b| b.is_ascii_digit());
        if numeral.len() + run.len() == 0 || !known_run || !numeral_ok {
            return false;
        }
        rest = next;
    }
    !word.is_empty()
}

/// `text` without the dose it ends with, as a drug is asked for with its strength or as a
/// prescription reads: `tramadol 50mg`, `Lyrica 75 mg`, `paracetamol 37,5` and
/// `tramadol 50 mg 2dd1` are `tramadol`, `Lyrica`, `paracetamol` and `tramadol`. A text that is
/// only a dose, or has none, is returned as it is. The unit of the last word may be cut short, as
/// while it is typed (`tramadol 50m`).
pub fn without_dose(text: &str) -> &str {
    let text_end = text.trim_end().len();
    let is_dose_word = |start: usize, end: usize| is_dose(&text[start..end], end == text_end);
    let last_word_start = |end: usize| {
        let mut before = text[..end].char_indices().rev();
        before.find(|(_, c)| c.is_whitespace()).map(|(at, c)| at + c.len_utf8())
    };
    let mut end = text_end;
    while let Some(start) = last_word_start(end) {
        if !is_dose_word(start, end) {
            return &text[..end];
        }
        end = text[..start].trim_end().len();
    }
    // One word is left: a drug's name, or a dose alone.
    if is_dose_word(0, end) {
        text
    } else {
        &text[..end]
    }
}

/// Lower case with diacritics removed, so `Opioïden` and `opioiden` are one word.
pub fn fold(word: &str) -> String {
    // Most words are ASCII, which has no diacritics to remove.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => folded.push('a'),
            'è' | 'é' | 'ê' | 'ë' => folded.push('e'),
            'ì' | 'í' | 'î' | 'ï' => folded.push('i'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => folded.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => folded.push('u'),
            'ý' | 'ÿ' => folded.push('y'),
            'ç' => folded.push('c'),
            'ñ' => folded.push('n'),
            'ß' => folded.push_str("ss"),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            c => folded.push(c),
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Analyzer::default().tokens(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn diacritics_and_case_fold() {
        assert_eq!(terms("Opioïden"), terms("opioiden"));
        assert_eq!(terms("patiënt"), terms("patient"));
        assert_eq!(terms("zorgcoördinator"), terms("zorgcoordinator"));
    }

    #[test]
    fn possessive_s_is_dropped_with_either_apostrophe() {
        assert_eq!(terms("NSAID's"), vec!["nsaid"]);
        assert_eq!(terms("NSAID’s"), vec!["nsaid"]);
        assert_eq!(terms("NSAIDs"), vec!["nsaid"]);
    }

    #[test]
    fn dutch_inflections_share_a_stem() {
        assert_eq!(terms("vlaggen"), terms("vlag"));
        assert_eq!(terms("aanbevelingen"), terms("aanbeveling"));
        assert_eq!(terms("oefeningen"), terms("oefening"));
        assert_eq!(terms("pillen"), terms("pil"));
    }

    #[test]
    fn own_terms_are_sorted_for_binary_search() {
        assert!(OWN_TERMS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn limp_is_not_sleep() {
        assert_ne!(terms("slap"), terms("slaap"));
        assert_eq!(terms("slappe"), terms("slap"));
        assert_eq!(terms("slapper"), terms("slap"));
        assert_eq!(terms("slapen"), terms("slaap"));
    }

    /// Each word is kept apart from the unrelated word Snowball stems alike, and its own forms
    /// stay together.
    #[test]
    fn words_that_only_share_a_stem_stay_apart() {
        for (word, other) in [
            ("boot", "botten"),
            ("gel", "gele"),
            ("geld", "gelden"),
            ("geleidelijk", "geleid"),
            ("leed", "leden"),
            ("leeg", "leggen"),
            ("lever", "leveren"),
            ("naasten", "naast"),
            ("ouders", "ouderen"),
            ("overheid", "overige"),
            ("reden", "red"),
            ("slechts", "slecht"),
            ("vak", "vaak"),
            ("verhoging", "verhogen"),
            ("verstandig", "verstandelijke"),
            ("verwant", "verwanten"),
            ("vrijen", "vrij"),
            ("ware", "war"),
            ("weke", "week"),
            ("wens", "wennen"),
        ] {
            let snowball = |w: &str| Analyzer::default().snowball(w);
            assert_eq!(
                snowball(word),
                snowball(other),
                "premise: Snowball joins {word} and {other}"
            );
            assert_ne!(terms(word), terms(other), "{word} and {other}");
        }
        for (word, form) in [
            ("boot", "boten"),
            ("gel", "gels"),
            ("geleidelijk", "geleidelijke"),
            ("leeg", "lege"),
            ("lever", "levers"),
            ("naaste", "naasten"),
            ("overheid", "overheden"),
            ("reden", "redenen"),
            ("vak", "vakken"),
            ("verstandig", "verstandige"),
            ("verwant", "verwante"),
            ("wens", "wensen"),
        ] {
            assert_eq!(terms(word), terms(form), "{word} and {form}");
        }
    }

    #[test]
    fn acronyms_and_numbers_are_kept_whole() {
        assert_eq!(terms("TENS en MBSR"), vec!["tens", "mbsr"]);
        assert_eq!(terms("60 mg per dag"), vec!["60", "mg", "per", "dag"]);
        assert_eq!(terms("graad 1B")[1], "1b");
    }

    #[test]
    fn a_dose_at_the_end_is_left_out() {
        assert_eq!(without_dose("tramadol 50mg"), "tramadol");
        assert_eq!(without_dose("Lyrica 75 mg "), "Lyrica");
        assert_eq!(without_dose("paracetamol 37,5"), "paracetamol");
        assert_eq!(without_dose("tramadol met paracetamol 37.5 mg"), "tramadol met paracetamol");
        assert_eq!(without_dose("oxycodon"), "oxycodon");
        assert_eq!(without_dose("Lyrica\u{a0}75\u{a0}mg"), "Lyrica");
        assert_eq!(without_dose("50 mg"), "50 mg");
        assert_eq!(without_dose("graad 1B"), "graad 1B");
        assert_eq!(without_dose("tramadol 50 mg 2 dd 1"), "tramadol");
        assert_eq!(without_dose("paracetamol 3dd 1000mg"), "paracetamol");
    }

    #[test]
    fn a_prescriptions_dose_is_a_dose() {
        for dose in ["500", "37,5", "mg", "50mg", "3dd", "2dd1", "2DD", "2x", "4x1g", "2x500mg"] {
            assert!(is_dose(dose, false), "{dose}");
        }
        for other in ["2C", "4DKL", "1e", "1B", "x1e", ".", "", "tramadol", "50m", "50mgr"] {
            assert!(!is_dose(other, false), "{other}");
        }
        assert!(is_dose("50m", true));
        assert!(!is_dose("50m1", true), "only the last unit may be cut short");
    }

    #[test]
    fn a_unit_being_typed_is_part_of_the_dose() {
        // Each keystroke on the way to `tramadol 50mg` is the same drug.
        for typed in ["tramadol 50m", "tramadol 50 m", "tramadol 100 mc", "tramadol 5µ"] {
            assert_eq!(without_dose(typed), "tramadol", "{typed}");
        }
        assert_eq!(terms("tramadol 50m"), terms("tramadol 50 m"));
        assert_eq!(terms("tramadol 5µ"), vec!["tramadol", "5", "µ"]);
        // Only the last word may be unfinished: a unit's first letters before more text are a word.
        assert_eq!(terms("50m lopen"), vec!["50m", "lop"]);
        assert_eq!(without_dose("tramadol 50m per dag"), "tramadol 50m per dag");
    }

    #[test]
    fn a_dose_without_a_space_is_a_number_and_a_unit() {
        assert_eq!(terms("tramadol 50mg"), terms("tramadol 50 mg"));
        assert_eq!(terms("25µg 5ML"), vec!["25", "µg", "5", "ml"]);
        // Only a unit splits: a grade or a version stays one word.
        assert_eq!(terms("GRADE 2C, 4DKL, 1e lijn"), vec!["grade", "2c", "4dkl", "1e", "lijn"]);
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Rode vlaggen (alarmsignalen)";
        let tokens = Analyzer::default().tokens(text);
        assert_eq!(&text[tokens[2].start..tokens[2].end], "alarmsignalen");
    }
}
