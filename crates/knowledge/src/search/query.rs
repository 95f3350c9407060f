//! Query analysis and expansion: the words of a query, and the alternatives each may match as
//! (itself, thesaurus synonyms, compound parts, a diminutive's or a verb form's other word,
//! completions, near spellings), each weighted.

use std::borrow::Cow;

use super::analyze::{self, fold};
use super::index::{idf, Word};
use super::{Outcome, SearchIndex, MAX_QUERY_WORDS};

/// The weight of a word as typed (its own term, or an acronym in lower case), and of a thesaurus
/// phrase that is exactly what was typed.
const EXACT_WEIGHT: f32 = 1.0;
/// The weight of another phrase of the same thesaurus group (`dokter` for `arts`).
const SYNONYM_WEIGHT: f32 = 0.9;
/// The weight of a compound's parts (`rug pijn` for `rugpijn`, `gesprek` for `gespreksvoering`).
const COMPOUND_WEIGHT: f32 = 0.8;
/// The weight of a completion of the word being typed, before it is scaled down by the share of
/// the completion that was typed and by how much rarer it is than the word as typed.
const PREFIX_WEIGHT: f32 = 0.75;
/// The weight of a near spelling, tried only when the word itself is not in the content.
const TYPO_WEIGHT: f32 = 0.6;
/// The fewest letters (bytes, folded) of a word being typed that are completed.
const PREFIX_MIN_LEN: usize = 2;
/// The most completions of one word searched for: the most used ones.
const MAX_COMPLETIONS: usize = 24;
/// The fewest letters of a word for which one edit is forgiven.
const ONE_EDIT_MIN_LETTERS: usize = 4;
/// The fewest letters of a word for which two edits are forgiven.
const TWO_EDITS_MIN_LETTERS: usize = 9;

/// How many edits a misspelling of a word of `letters` letters may be away from the word meant:
/// none below four letters, one from four, two from nine. The search and the lookup of a name by
/// its near spelling (`medication("tramdol")`) forgive alike.
pub(crate) fn forgiven_edits(letters: usize) -> usize {
    if letters >= TWO_EDITS_MIN_LETTERS {
        2
    } else if letters >= ONE_EDIT_MIN_LETTERS {
        1
    } else {
        0
    }
}

/// The fewest letters (bytes) of the known word before a past participle in a compound adjective
/// (`pijn` in `pijngerelateerde`).
const PARTICIPLE_HEAD_MIN_LEN: usize = 4;
/// The fewest letters (bytes) of the participle in such a compound, its `ge` included.
const PARTICIPLE_MIN_LEN: usize = 7;

/// The weight of the other form of a verb (`helpen` for `helpt`).
const VERB_FORM_WEIGHT: f32 = 0.9;
/// The fewest letters (bytes) of a present tense in `-t` whose infinitive is looked for.
const VERB_T_MIN_LEN: usize = 5;
/// The fewest letters (bytes) of an infinitive whose present tense in `-t` is looked for.
const VERB_EN_MIN_LEN: usize = 6;

/// The weight of the word a diminutive the content lacks is made from (`klus` for `klusjes`).
const DIMINUTIVE_WEIGHT: f32 = 0.9;
/// Diminutive endings, longest first: `-etje` after a short vowel and a doubled consonant
/// (`pilletje`), `-tje` after a vowel or l, n, r, w (`stoeltje`), `-pje` after m (`armpje`),
/// `-je` elsewhere (`klusje`); each also in the plural.
const DIMINUTIVE_ENDINGS: [&str; 8] = ["etjes", "etje", "tjes", "pjes", "tje", "pje", "jes", "je"];
/// The fewest letters (bytes) of the word a diminutive is made from.
const DIMINUTIVE_BASE_MIN_LEN: usize = 3;

/// One way of matching a query word: terms that must all be found, and how much it counts.
pub(super) struct Alternative<'a> {
    /// Borrowed from the index but for the parts of a compound the content never uses whole.
    pub(super) terms: Cow<'a, [u32]>,
    pub(super) weight: f32,
}

/// A query's words expanded: for each word (or thesaurus phrase), the alternatives it may match
/// as, and where it stands in the query text (byte offsets).
pub(super) struct Expanded<'a> {
    pub(super) groups: Vec<Vec<Alternative<'a>>>,
    pub(super) spans: Vec<(usize, usize)>,
    /// Whether the query names something (a capitalised word, an acronym, a word with digits
    /// but no dose) that occurs nowhere in the content: the guidance does not address it.
    pub(super) names_absent: bool,
}

/// A word of the query: folded, with its vocabulary word and term when the content has them.
pub(super) struct QueryWord<'a> {
    folded: String,
    pub(super) word: Option<u32>,
    /// For a word the content lacks with a single near spelling, that vocabulary word: what the
    /// misspelling stands for when it is matched against the nodes' names.
    pub(super) meant: Option<u32>,
    /// The index term's text (for thesaurus keys) and id, if the content has the term.
    term: Cow<'a, str>,
    term_id: Option<&'a u32>,
    start: usize,
    end: usize,
}

/// A word as the questions offered while typing are matched against it: folded, with the term it
/// stands for and, for a compound, its parts' terms (`rugpijn`: `rug` and `pijn`).
pub(crate) struct TypedWord {
    /// Folded, for matching a word still being typed as the start of a question's word.
    pub(crate) folded: String,
    pub(crate) term: Option<u32>,
    pub(crate) parts: Box<[u32]>,
}

impl TypedWord {
    /// Whether a question whose words stand for `terms` (their own and their parts', see
    /// [`SearchIndex::question_terms`]) holds this word: its term, or every part of it, so that a
    /// word matches its other forms (`medicijn`, `medicijnen`) and a compound written whole or
    /// apart (`rug` … `pijn`, `rugpijn`) matches either way.
    pub(crate) fn held_by(&self, terms: &[u32]) -> bool {
        self.term.is_some_and(|term| terms.contains(&term))
            || (!self.parts.is_empty() && self.parts.iter().all(|part| terms.contains(part)))
    }
}

impl SearchIndex {
    /// The content words of `text` (stopwords left out) as a question offered while typing is
    /// matched against them ([`TypedWord`]).
    pub(crate) fn typed_words(&self, text: &str) -> Vec<TypedWord> {
        self.query_words(text)
            .into_iter()
            .map(|word| {
                let parts = match word.word {
                    Some(known) => self.words[known as usize].parts.clone(),
                    None => self.compound_parts(&word.folded),
                };
                TypedWord {
                    term: word.term_id.copied(),
                    parts: parts.unwrap_or_default(),
                    folded: word.folded,
                }
            })
            .collect()
    }

    /// The terms of each question `node` lists (in the order of its `questions`): those of its
    /// words and of their compounds' parts, as [`TypedWord::held_by`] reads them; and each
    /// question's words, folded.
    pub(crate) fn question_terms(
        &self,
        node: usize,
    ) -> impl Iterator<Item = (Vec<u32>, Vec<&str>)> {
        self.questions[node].iter().map(|question| {
            let mut terms = Vec::new();
            let mut folded = Vec::new();
            for &word in question {
                let word = &self.words[word as usize];
                terms.push(word.term);
                terms.extend(word.parts.iter().flatten());
                folded.push(word.folded.as_str());
            }
            (terms, folded)
        })
    }

    /// The words of a query, stopwords left out. A word of the content takes its term from the
    /// vocabulary; only a word the content never uses is stemmed.
    pub(super) fn query_words(&self, text: &str) -> Vec<QueryWord<'_>> {
        let mut words = Vec::new();
        for (start, end) in analyze::word_spans(text) {
            let original = &text[start..end];
            let folded = fold(original);
            if folded.is_empty() || analyze::is_stopword(&folded) {
                continue;
            }
            let word = self.word_id(&folded);
            let (term, term_id) = match word {
                Some(word) if !analyze::is_acronym(original) => {
                    let term = &self.words[word as usize].term;
                    (Cow::Borrowed(self.term_names[*term as usize].as_str()), Some(term))
                }
                _ => {
                    let term = self.analyzer.term(original, &folded);
                    let id = self.terms.get(&term);
                    (Cow::Owned(term), id)
                }
            };
            words.push(QueryWord { folded, word, meant: None, term, term_id, start, end });
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
        }
        words
    }

    /// Joins two neighbouring query words into the compound the content writes as one word
    /// (`rug … pijn` → `rugpijn`, `gewricht pijn` → `gewrichtspijn`), which is then searched as
    /// if typed whole: Dutch writes compounds as one word, and a patient often splits them, most
    /// of all around the stopwords of a sentence ("mijn rug doet pijn"). A node indexes a compound
    /// as one term, so the parts apart would rank first the nodes that use both words on their
    /// own. Not across a comma or a sentence's end, and not with the word still being typed.
    pub(super) fn join_compounds<'a>(
        &'a self,
        text: &str,
        words: &mut Vec<QueryWord<'a>>,
        typing: bool,
    ) {
        let mut i = 0;
        while i + 1 < words.len() {
            let (left, right) = (&words[i], &words[i + 1]);
            let still_typing = typing && i + 2 == words.len() && right.end == text.len();
            let one_clause = !text[left.end..right.start].contains([',', '.', ';', ':', '?', '!']);
            if one_clause && !still_typing {
                if let Some(joined) = self.compound_of(left, right) {
                    words[i] = joined;
                    words.remove(i + 1);
                }
            }
            i += 1;
        }
    }

    /// The compound of `left` and `right`, with or without a linking `s`, as one query word, when
    /// the content or the thesaurus has it as one word.
    fn compound_of(&self, left: &QueryWord, right: &QueryWord) -> Option<QueryWord<'_>> {
        let (start, end) = (left.start, right.end);
        ["", "s"].into_iter().find_map(|link| {
            let folded = format!("{}{link}{}", left.folded, right.folded);
            let (word, term, term_id) = match self.word_id(&folded) {
                Some(word) => {
                    let id = &self.words[word as usize].term;
                    (Some(word), self.term_names[*id as usize].as_str(), Some(id))
                }
                // A compound the thesaurus alone has, as written there: not by its stem, or a
                // right word that is only an ending would join (`rugpijn ene` stems as `rugpijn`).
                None => {
                    let term = self.thesaurus_words.get(&folded)?;
                    (None, term.as_str(), self.terms.get(term))
                }
            };
            Some(QueryWord {
                folded,
                word,
                meant: None,
                term: Cow::Borrowed(term),
                term_id,
                start,
                end,
            })
        })
    }

    /// Each query word (or thesaurus phrase) with the alternatives it may match as (none for a word
    /// the content lacks in every form), and whether the query names something the content lacks
    /// (`names_absent`).
    pub(super) fn expand<'a>(
        &'a self,
        text: &str,
        words: &mut [QueryWord<'a>],
        completing_last: bool,
        outcome: &mut Outcome,
    ) -> Expanded<'a> {
        let mut groups = Vec::with_capacity(words.len());
        let mut spans = Vec::with_capacity(words.len());
        let mut names_absent = false;
        let mut key = String::new();
        let mut i = 0;
        while i < words.len() {
            let mut alternatives = Vec::new();
            let mut consumed = 1;
            // The word being typed is the text's last: a stopword after it (`…pijn heb`) means it
            // was finished.
            let completing = completing_last && i + 1 == words.len() && words[i].end == text.len();
            let drug_name_unfinished = completing && self.is_drug_name_unfinished(&words[i]);
            // The longest thesaurus phrase that starts here; none for a drug's name being typed,
            // whose stem is no word of its own (`sufen` is no `suf`).
            let longest = if drug_name_unfinished {
                0
            } else {
                self.phrase_lengths.get(words[i].term.as_ref()).copied().unwrap_or(0)
            };
            for length in (1..=longest.min(words.len() - i)).rev() {
                let phrase = &words[i..i + length];
                key.clear();
                for (n, word) in phrase.iter().enumerate() {
                    if n > 0 {
                        key.push(' ');
                    }
                    key.push_str(&word.term);
                }
                if let Some(group_ids) = self.synonym_index.get(&key) {
                    let typed: Option<Vec<u32>> =
                        phrase.iter().map(|w| w.term_id.copied()).collect();
                    for &group in group_ids {
                        for synonym in &self.synonyms[group] {
                            let Some(terms) = &synonym.terms else {
                                continue;
                            };
                            let weight = if typed.as_ref() == Some(terms) {
                                EXACT_WEIGHT
                            } else {
                                SYNONYM_WEIGHT
                            };
                            terms.iter().for_each(|&t| outcome.terms.insert(t));
                            alternatives.push(Alternative { terms: Cow::Borrowed(terms), weight });
                        }
                    }
                    if length > 1 {
                        consumed = length;
                    }
                    break;
                }
            }
            if consumed == 1 {
                self.word_alternatives(
                    &mut words[i],
                    completing,
                    drug_name_unfinished,
                    &mut alternatives,
                    outcome,
                );
            }
            if alternatives.is_empty() {
                let word = &words[i];
                let still_typing = completing_last && i + 1 == words.len();
                let written = &text[word.start..word.end];
                // A number alone is an amount (`paracetamol 500 mg`), and a prescription's `3dd`
                // or `2x500mg` a dose, not a name.
                let is_name =
                    written.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        && !analyze::is_dose(written, false);
                names_absent |= is_name && !still_typing;
            }
            dedup_alternatives(&mut alternatives);
            // A word nothing matches still counts against coverage.
            groups.push(alternatives);
            spans.push((words[i].start, words[i + consumed - 1].end));
            i += consumed;
        }
        Expanded { groups, spans, names_absent }
    }

    /// The term of the known word a compound adjective of a word and a past participle starts
    /// with (`opioïdgeïnduceerde`, `werkgerelateerde`), when the content lacks the whole: it
    /// is about that word, as a compound is about its parts.
    fn participle_head(&self, word: &str) -> Option<u32> {
        if !word.is_ascii() || word.len() < PARTICIPLE_HEAD_MIN_LEN + PARTICIPLE_MIN_LEN {
            return None;
        }
        (PARTICIPLE_HEAD_MIN_LEN..=word.len() - PARTICIPLE_MIN_LEN)
            .rev()
            .filter(|&split| word[split..].starts_with("ge"))
            .find_map(|split| self.word_id(&word[..split]))
            .map(|id| self.words[id as usize].term)
    }

    /// The term of a verb's other form, for a present tense in `-t` or an infinitive in `-en` the
    /// content lacks: Snowball stems `helpt` to `helpt` but `helpen` to `help`, so `luistert`
    /// finds no `luisteren`. The other form is spelled by Dutch's rules (`beweegt`/`bewegen`,
    /// `stopt`/`stoppen`, `leeft`/`leven`, `reist`/`reizen`) and must be a word of the content.
    fn other_verb_form(&self, word: &str) -> Option<u32> {
        if !word.is_ascii() || analyze::has_own_term(word) {
            return None;
        }
        let found = |candidates: &[String]| {
            candidates.iter().find_map(|c| self.word_id(c)).map(|id| self.words[id as usize].term)
        };
        if let Some(verb) = word.strip_suffix('t').filter(|v| v.len() + 1 >= VERB_T_MIN_LEN) {
            return found(&infinitives(verb));
        }
        let verb = word.strip_suffix("en").filter(|v| v.len() + 2 >= VERB_EN_MIN_LEN)?;
        found(&present_tenses(verb))
    }

    /// Whether `word`, being typed, is a drug's name unfinished: no word of the content, but the
    /// beginning of a drug's name (`Zald` for Zaldiar, `sufen` for sufentanil). So that a drug's
    /// caution shows while its name is typed, it then stands for the names it begins only: it is
    /// no misspelling of another word (`zalf`), nor, by its stem, a word it happens to share one
    /// with (`suf`), nor a compound (`spier ver`).
    fn is_drug_name_unfinished(&self, word: &QueryWord) -> bool {
        word.word.is_none()
            && word.folded.len() >= PREFIX_MIN_LEN
            && self.completions(&word.folded).iter().any(|completion| completion.names_a_drug)
    }

    /// The term of the word a diminutive the content lacks is made from (`klusjes`, `pilletje`,
    /// `wandelingetje`), when the content has that word in some form. A stem, not a word, is
    /// looked up: the content may use the word only in another form (`klussen`).
    fn diminutive_base(&self, word: &str) -> Option<u32> {
        let ending = DIMINUTIVE_ENDINGS.iter().find(|ending| word.ends_with(*ending))?;
        let base = &word[..word.len() - ending.len()];
        let bytes = base.as_bytes();
        // `pilletje`: the consonant doubled before `-etje` is single in the word itself.
        let undoubled = match bytes {
            [.., a, b] if ending.starts_with('e') && a == b => &base[..base.len() - 1],
            _ => base,
        };
        [undoubled, base]
            .into_iter()
            .filter(|base| base.len() >= DIMINUTIVE_BASE_MIN_LEN && !analyze::is_stopword(base))
            .find_map(|base| self.terms.get(&self.analyzer.stem(base)).copied())
    }

    /// Adds the alternatives of one query word to those the thesaurus gave it: its term (and,
    /// for an acronym, the acronym), its compound parts, completions while it is `completing`,
    /// and near spellings when neither the content nor the thesaurus has the word itself. A
    /// diminutive the content lacks also stands for the word it is made from, and a verb form it
    /// lacks for the verb's other form ([`SearchIndex::other_verb_form`]). A drug's name
    /// being typed (`drug_name_unfinished`) stands for its completions alone.
    fn word_alternatives<'a>(
        &'a self,
        word: &mut QueryWord<'a>,
        completing: bool,
        drug_name_unfinished: bool,
        alternatives: &mut Vec<Alternative<'a>>,
        outcome: &mut Outcome,
    ) {
        // A word the thesaurus knows is no misspelling, even when the content lacks it.
        let mut exact = !alternatives.is_empty() || drug_name_unfinished;
        let mut add_exact = |id: &'a u32, outcome: &mut Outcome| {
            exact = true;
            outcome.terms.insert(*id);
            alternatives.push(Alternative {
                terms: Cow::Borrowed(std::slice::from_ref(id)),
                weight: EXACT_WEIGHT,
            });
        };
        if let Some(id) = word.term_id.filter(|_| !drug_name_unfinished) {
            add_exact(id, outcome);
        }
        // An acronym the content writes in capitals, typed in lower case (`tens`).
        if self.acronyms.contains(&word.folded) && word.folded != word.term {
            if let Some(id) = self.terms.get(&word.folded) {
                add_exact(id, outcome);
            }
        }
        let parts = match word.word {
            Some(known) => self.words[known as usize].parts.as_deref().map(Cow::Borrowed),
            None if drug_name_unfinished => None,
            None => self
                .compound_parts(&word.folded)
                .map(|parts| Cow::Owned(parts.into_vec()))
                .or_else(|| self.participle_head(&word.folded).map(|t| Cow::Owned(vec![t]))),
        };
        if let Some(parts) = parts {
            parts.iter().for_each(|&t| outcome.terms.insert(t));
            alternatives.push(Alternative { terms: parts, weight: COMPOUND_WEIGHT });
        } else if word.word.is_none() && !drug_name_unfinished {
            if let Some(term) = self.diminutive_base(&word.folded) {
                outcome.terms.insert(term);
                alternatives
                    .push(Alternative { terms: Cow::Owned(vec![term]), weight: DIMINUTIVE_WEIGHT });
            }
        }
        if word.word.is_none() && !drug_name_unfinished {
            if let Some(term) = self.other_verb_form(&word.folded) {
                outcome.terms.insert(term);
                alternatives
                    .push(Alternative { terms: Cow::Owned(vec![term]), weight: VERB_FORM_WEIGHT });
            }
        }
        if completing && word.folded.len() >= PREFIX_MIN_LEN && !analyze::has_own_term(&word.folded)
        {
            outcome.prefixes.push(word.folded.clone());
            let mut completions: Vec<&Word> =
                self.completions(&word.folded).iter().filter(|w| w.folded != word.folded).collect();
            // The one name a drug's name unfinished can become is the name meant, as a near
            // spelling's is (`ontstekingsremmer`).
            if let [only] = completions[..] {
                if drug_name_unfinished {
                    word.meant = self.word_id(&only.folded);
                }
            }
            let take = completions.len().min(MAX_COMPLETIONS);
            if completions.len() > take {
                completions.select_nth_unstable_by(take - 1, |a, b| b.count.cmp(&a.count));
            }
            // A completion counts no more than the word as typed would by its rarity: a
            // finished common word (`pijn`) is not outscored by its rarer completions
            // (`pijnstiller`), while an unfinished one (`pijnst`), found nowhere, is not held back.
            // A word the content lacks is as common as the commonest word it stands for (by the
            // thesaurus, as a compound's parts): `slap` (limp) is no unfinished `slapen`.
            let found = match word.term_id {
                Some(&t) => self.nodes_with(t),
                None => alternatives
                    .iter()
                    .flat_map(|alternative| alternative.terms.iter())
                    .map(|&t| self.nodes_with(t))
                    .max()
                    .unwrap_or(0),
            };
            let nodes = self.names.len() as f32; // `names` has one entry per node
            let typed = idf(nodes, found);
            for completion in &completions[..take] {
                let rarity = idf(nodes, self.nodes_with(completion.term));
                let weight = PREFIX_WEIGHT
                    * (typed / rarity).min(1.0)
                    * (word.folded.len() as f32 / completion.folded.len() as f32).sqrt();
                alternatives.push(Alternative {
                    terms: Cow::Borrowed(std::slice::from_ref(&completion.term)),
                    weight,
                });
            }
        }
        if !exact {
            let max_edits = forgiven_edits(word.folded.chars().count());
            if max_edits > 0 {
                let (mut found, mut meant) = (0, None);
                self.near_spellings(&word.folded, max_edits, |near| {
                    found += 1;
                    meant = self.word_id(&near.folded);
                    outcome.terms.insert(near.term);
                    alternatives.push(Alternative {
                        terms: Cow::Borrowed(std::slice::from_ref(&near.term)),
                        weight: TYPO_WEIGHT,
                    });
                });
                if found == 1 {
                    word.meant = meant;
                }
            }
        }
    }
}

/// Keeps one alternative per set of terms, at the highest weight any had: a node scores by a
/// word's best alternative, so the others would only walk the same postings again (the word as
/// typed is in its thesaurus group too, and `dokter` in two groups).
fn dedup_alternatives(alternatives: &mut Vec<Alternative>) {
    let mut kept: Vec<Alternative> = Vec::with_capacity(alternatives.len());
    for alternative in alternatives.drain(..) {
        match kept.iter_mut().find(|k| k.terms == alternative.terms) {
            Some(k) => k.weight = k.weight.max(alternative.weight),
            None => kept.push(alternative),
        }
    }
    *alternatives = kept;
}

/// Whether `b` is a vowel.
fn is_vowel(b: u8) -> bool {
    b"aeiou".contains(&b)
}

/// The infinitives a verb's stem (`help`, `beweeg`, `stop`, `leef`, `reis`) may have, by Dutch
/// spelling: `-en` added, a long vowel written single before it (`bewegen`), a short one's
/// consonant doubled (`stoppen`), and a final `f` or `s` voiced (`leven`, `reizen`).
fn infinitives(stem: &str) -> Vec<String> {
    let b = stem.as_bytes();
    let mut bases = vec![stem.to_string()];
    if let [.., v, w, c] = b {
        if v == w && is_vowel(*v) && !is_vowel(*c) {
            bases.push(format!("{}{}", &stem[..stem.len() - 2], *c as char));
        }
    }
    let mut forms = Vec::new();
    for base in &bases {
        let voiced = match base.as_bytes().last() {
            Some(b'f') => Some(format!("{}v", &base[..base.len() - 1])),
            Some(b's') => Some(format!("{}z", &base[..base.len() - 1])),
            _ => None,
        };
        forms.push(format!("{base}en"));
        forms.extend(voiced.map(|v| format!("{v}en")));
    }
    if let [.., v, c] = b {
        if is_vowel(*v) && !is_vowel(*c) && (b.len() < 3 || !is_vowel(b[b.len() - 3])) {
            forms.push(format!("{stem}{}en", *c as char));
        }
    }
    forms
}

/// The present tenses in `-t` an infinitive's stem may have: the reverse of [`infinitives`].
fn present_tenses(stem: &str) -> Vec<String> {
    let b = stem.as_bytes();
    let mut bases = vec![stem.to_string()];
    match b {
        [.., x, y] if x == y && !is_vowel(*x) => bases.push(stem[..stem.len() - 1].to_string()),
        [.., p, v, c] if !is_vowel(*p) && is_vowel(*v) && !is_vowel(*c) => {
            bases.push(format!("{}{}{}", &stem[..stem.len() - 1], *v as char, *c as char));
        }
        _ => {}
    }
    let mut forms = Vec::new();
    for base in &bases {
        let unvoiced = match base.as_bytes().last() {
            Some(b'v') => format!("{}f", &base[..base.len() - 1]),
            Some(b'z') => format!("{}s", &base[..base.len() - 1]),
            _ => base.clone(),
        };
        forms.push(format!("{unvoiced}t"));
    }
    forms
}
