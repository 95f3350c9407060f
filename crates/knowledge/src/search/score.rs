//! Scoring: a node's score is the sum over the query words of its best alternative's BM25F
//! score, times the square root of the share of query words it matches (all of them for the card
//! of a drug the query names), its kind's prior and its best name boost; then, for the best
//! candidates, the lift of the question it lists that holds most of the query (and the boost of
//! one asked word for word); then the filters and the ranking. A query whose words the content
//! lacks weigh most finds nothing, and so does one with such a word whose best node holds little
//! of it. The caution of a drug the query names ranks above every other hit, and then the drug
//! whose name the query is.

use super::analyze::word_spans;
use super::analyze::{fold, is_stopword};
use super::index::{asked_map, idf, question_mark, Posting, NO_WORD};
use super::query::{Alternative, Expanded, QueryWord};
use super::{
    audience_slot, Match, Outcome, Query, SearchIndex, SearchNode, TermSet, MAX_QUERY_CHARS,
};

use pijnwijzer_model::{Audience, Kind, QUESTION_MIN_WORDS};

/// The prior of the guidance itself: recommendations and medication cautions.
const GUIDANCE_PRIOR: f32 = 1.25;
/// The prior of a concept (an explanation) when the reader is a patient.
const PATIENT_CONCEPT_PRIOR: f32 = 1.25;
/// The prior of the practical kinds: checklists, red flags, referrals, steps, concepts and roles.
const PRACTICAL_PRIOR: f32 = 1.1;
/// The prior of a comparison topic, which points to the nodes that say it.
const TOPIC_PRIOR: f32 = 0.8;
/// The prior of every other kind (risk factors, instruments, sections): neutral.
const OTHER_PRIOR: f32 = 1.0;

/// The name boost when the query is the whole name: a little above the next, as BM25 already
/// favours a short title that is the query, so the guidance's prior still ranks a recommendation
/// above a concept of the query's exact name.
const NAME_IS_QUERY_BOOST: f32 = 1.9;
/// The name boost when the title starts with the query or the query holds the whole name.
const NAME_HOLDS_QUERY_BOOST: f32 = 1.8;
/// The name boost when the query is a phrase inside the name.
const QUERY_IN_NAME_BOOST: f32 = 1.5;
/// The name boost of a node whose names the query does not match: none.
const NO_NAME_BOOST: f32 = 1.0;

/// The share of a query's weight at or above which the words the content lacks make it a question
/// the guidance does not address. A word weighs by how rare it is (BM25's idf over the nodes it
/// is found in, by any alternative), and a word found nowhere is the rarest of all. Tuned on the
/// tuning half: from 0.5 down to 0.47, four more questions the guidance is silent on (a long
/// flight, sleeping position, heredity, laboratory tests) find nothing instead of unrelated
/// nodes, and no answered question loses its hits; at 0.46 an educator's question full of words
/// the content lacks ("lesstof … voor paramedische studenten") would.
const ABSENT_SHARE: f32 = 0.47;
/// The share of a query's weight, the words the content lacks included, below which the best
/// node's words leave a question with such a word unanswered: each node shares only side words
/// with it ("mag ik gaan hardlopen met artrose in mijn knie" finds smoking on "gaan" and
/// "knie"). Tuned on the tuning half: at 0.3, three questions the guidance is silent on
/// (hardlopen, a back brace, fasting) find nothing, and one patient question whose answer stood
/// fifth finds nothing too; at 0.25 none changes, at 0.35 two more patient questions lose.
const HELD_SHARE: f32 = 0.3;

/// The fewest query words for which the listed questions are compared: shorter queries are
/// names, which the name boost serves.
const LISTED_QUESTION_MIN_WORDS: usize = 3;
/// How many of the best candidates have their listed questions compared with the query.
const LISTED_QUESTION_CANDIDATES: usize = 10;
/// How much a candidate gains from the listed question that holds most of the query, by weight:
/// its score times `1 + this × share²`, so a question sharing the query's rare words counts and
/// one sharing a common word barely does.
const LISTED_QUESTION_SHARE_BOOST: f32 = 0.6;

/// One node's running score during a query.
#[derive(Clone, Copy, Default)]
struct Accumulator {
    /// Summed over the query words matched so far, and how many matched.
    total: f32,
    words: u16,
    /// The summed weight of the query words matched so far.
    held: f32,
    /// The best alternative of the current query word.
    best: f32,
    has_best: bool,
}

/// A prior per kind: the guidance itself ranks above background that mentions the same words.
pub(super) fn kind_prior(kind: Kind, audience: Audience) -> f32 {
    match (kind, audience) {
        (Kind::Recommendation | Kind::Medication, _) => GUIDANCE_PRIOR,
        (Kind::Concept, Audience::Patient) => PATIENT_CONCEPT_PRIOR,
        (
            Kind::Checklist
            | Kind::RedFlag
            | Kind::Referral
            | Kind::Step
            | Kind::Concept
            | Kind::Role,
            _,
        ) => PRACTICAL_PRIOR,
        (Kind::Topic, _) => TOPIC_PRIOR,
        _ => OTHER_PRIOR,
    }
}

impl SearchIndex {
    /// The text of `query` as searched (cut to [`MAX_QUERY_CHARS`]), its words, and each word's
    /// alternatives, which `outcome` notes the terms of; `None` when it has no word to search or
    /// asks for no hit.
    pub(super) fn read_query<'a>(
        &'a self,
        query: &'a Query,
        outcome: &mut Outcome,
    ) -> Option<(&'a str, Vec<QueryWord<'a>>, Expanded<'a>)> {
        let text = match query.text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => &query.text[..cut],
            None => query.text.as_str(),
        };
        let mut words = self.query_words(text);
        if words.is_empty() || query.limit == 0 {
            return None;
        }
        let completing_last = query.prefix && text.ends_with(|c: char| c.is_alphanumeric());
        self.join_compounds(text, &mut words, completing_last);
        let expanded = self.expand(text, &mut words, completing_last, outcome);
        Some((text, words, expanded))
    }

    /// An empty outcome, with room to note every term.
    pub(super) fn outcome(&self) -> Outcome {
        Outcome { terms: TermSet::with_capacity(self.term_names.len()), ..Outcome::default() }
    }

    /// Runs `query` over the nodes the index was built from.
    pub fn search(&self, query: &Query) -> Outcome {
        let nodes = &self.nodes;
        let mut outcome = self.outcome();
        let Some((text, words, Expanded { groups, spans, names_absent })) =
            self.read_query(query, &mut outcome)
        else {
            return outcome;
        };
        // A misspelling matches a name as the one word it is near (`ketenzorgcordinator`).
        let query_words: Vec<u32> =
            words.iter().map(|w| w.word.or(w.meant).unwrap_or(NO_WORD)).collect();
        // Every name match shares a word with the query, so only names holding one are checked.
        let mut name_boosts = vec![NO_NAME_BOOST; nodes.len()];
        let mut names_a_medication = false;
        for word in &query_words {
            for &(node, name) in self.named_by.get(word).map_or(&[][..], Vec::as_slice) {
                let boost =
                    name_boost(&self.names[node as usize][name as usize], name == 0, &query_words);
                if boost > name_boosts[node as usize] {
                    name_boosts[node as usize] = boost;
                }
                names_a_medication |= names_the_drug(boost, nodes[node as usize].kind);
            }
        }

        // A question that names something the content lacks (`Örebro`, `CYP2D6`) is one the
        // guidance does not address: nothing is better than a guess. Unless it names a drug too,
        // whose caution the reader must see whatever else is asked (`tramadol CYP2D6`).
        if names_absent && !names_a_medication {
            let unknown =
                groups.iter().zip(&spans).filter(|(alternatives, _)| alternatives.is_empty());
            outcome.unknown.extend(unknown.map(|(_, &span)| span));
            return outcome;
        }
        let audience = query.audience.unwrap_or(Audience::Professional);
        let slot = audience_slot(audience);

        // Dense per-node accumulators, one allocation per query; the `in_*` lists say which
        // entries are in use, so nothing is scanned in full.
        let mut acc = vec![Accumulator::default(); nodes.len()];
        let (mut in_total, mut in_best) =
            (Vec::with_capacity(nodes.len()), Vec::with_capacity(nodes.len()));
        // The weight of each query word, and of those found somewhere and those found nowhere.
        let mut weights: Vec<f32> = Vec::with_capacity(groups.len());
        let (mut present, mut absent) = (0.0, 0.0);
        for (alternatives, &span) in groups.iter().zip(&spans) {
            for alternative in alternatives {
                let share = alternative.weight / alternative.terms.len() as f32;
                let keep_best =
                    |acc: &mut Accumulator, node: usize, score: f32, in_best: &mut Vec<usize>| {
                        if acc.has_best {
                            // A comparison, not `f32::max`: in wasm that is a call to `fmaxf`.
                            if score > acc.best {
                                acc.best = score;
                            }
                        } else {
                            acc.has_best = true;
                            acc.best = score;
                            in_best.push(node);
                        }
                    };
                if let [term] = alternative.terms[..] {
                    for posting in self.postings(term) {
                        let node = posting.node as usize;
                        keep_best(&mut acc[node], node, share * posting.score[slot], &mut in_best);
                    }
                    continue;
                }
                // A compound or phrase alternative counts only where all its parts are found: walk
                // the rarest part's nodes and look the others up (postings are in node order).
                let mut parts: Vec<&[Posting]> =
                    alternative.terms.iter().map(|&t| self.postings(t)).collect();
                parts.sort_unstable_by_key(|postings| postings.len());
                let Some((rarest, others)) = parts.split_first() else { continue };
                'nodes: for posting in *rarest {
                    let mut score = posting.score[slot];
                    for other in others {
                        match other.binary_search_by_key(&posting.node, |p| p.node) {
                            Ok(at) => score += other[at].score[slot],
                            Err(_) => continue 'nodes,
                        }
                    }
                    let node = posting.node as usize;
                    keep_best(&mut acc[node], node, share * score, &mut in_best);
                }
            }
            // How rare the word is, as the index weighs terms: a word found nowhere weighs most.
            let weight = idf(nodes.len() as f32, in_best.len());
            weights.push(weight);
            // A word still being typed counts too: with no completion and no near spelling in
            // the content, no way of finishing it will be found.
            if in_best.is_empty() {
                absent += weight;
                outcome.unknown.push(span);
            } else {
                present += weight;
            }
            for node in in_best.drain(..) {
                let entry = &mut acc[node];
                entry.has_best = false;
                if entry.words == 0 {
                    in_total.push(node);
                }
                entry.total += std::mem::take(&mut entry.best);
                entry.words += 1;
                entry.held += weight;
            }
        }

        let wanted = groups.len() as f32;
        // When the words the guidance never uses weigh as much as the ones it does ("is
        // fibromyalgie erfelijk", "welk matras is het best bij rugpijn"), the question is about
        // something it does not address: no answer is better than hits on the other words. A
        // patient's long question with an incidental word the content lacks still finds. A
        // question that names a drug always finds: its caution is what the reader must see,
        // whatever else the question asks (`tapentadol erfelijk`).
        if absent > 0.0 && absent >= ABSENT_SHARE * (absent + present) && !names_a_medication {
            return outcome;
        }
        let mut matches: Vec<Match> = Vec::with_capacity(in_total.len());
        let filtered = !(query.documents.is_empty()
            && query.kinds.is_empty()
            && query.actors.is_empty()
            && query.steps.is_empty());
        let priors = &self.priors[slot];
        matches.extend(
            in_total
                .into_iter()
                .filter(|&node| !filtered || passes_filters(&nodes[node], query))
                .map(|node| {
                    // The square root: every word matched counts, but a node that answers the
                    // question's rare word is not buried under ones sharing more of its common
                    // words. The card of a drug the question names covers it whole: whatever
                    // else is asked about the drug, its caution is what the reader must see.
                    let coverage = if names_the_drug(name_boosts[node], nodes[node].kind) {
                        1.0
                    } else {
                        (f32::from(acc[node].words) / wanted).sqrt()
                    };
                    Match {
                        node,
                        score: acc[node].total * coverage * priors[node] * name_boosts[node],
                    }
                }),
        );
        // The caution of a drug the question names comes before any other hit, whatever else the
        // question names (`tramadol sertraline`: the SSRIs' card, which the guidance lets one
        // consider, scores higher). Then the drug whose name the question is, before a card that
        // only holds the name among its words (`Voltaren`: the topical card's `Voltaren
        // Emulgel`, which scored within a hair of it). Then the score; ties go to the lower id,
        // and the pack keeps nodes sorted by id, so that is the lower index.
        let named_caution = |m: &Match| {
            names_the_drug(name_boosts[m.node], nodes[m.node].kind) && nodes[m.node].caution
        };
        let is_the_name = |m: &Match| {
            name_boosts[m.node] >= NAME_IS_QUERY_BOOST && nodes[m.node].kind == Kind::Medication
        };
        // A question a node lists, asked word for word, is as plain as a name: a patient took it
        // from the questions offered while typing, which promise that node's text answers it.
        // A shorter query asks none, and does not build the map of questions.
        let asked = if word_spans(text).nth(QUESTION_MIN_WORDS - 1).is_some() {
            self.asked_word_for_word(text)
        } else {
            Vec::new()
        };
        let tier =
            |m: &Match| (named_caution(m), is_the_name(m) || asked.contains(&(m.node as u32)));
        let order = |a: &Match, b: &Match| {
            tier(b)
                .cmp(&tier(a))
                .then_with(|| b.score.total_cmp(&a.score))
                .then_with(|| a.node.cmp(&b.node))
        };
        // The questions a node lists as ones its lay text answers (the page offers them while a
        // patient types): asked in other words, the node gains with the share of the query's
        // weight that one of its questions holds, which its questions pooled in one field do not
        // tell. Only the best few candidates are read, so a query never reads all the nodes'
        // questions.
        if words.len() >= LISTED_QUESTION_MIN_WORDS {
            let candidates = LISTED_QUESTION_CANDIDATES.min(matches.len());
            if candidates > 0 && matches.len() > candidates {
                matches.select_nth_unstable_by(candidates - 1, order);
            }
            let total = present + absent;
            for m in &mut matches[..candidates] {
                let questions = &self.questions[m.node];
                let mut held = 0.0;
                for question in questions {
                    let share = self.weight_held(question, &groups, &weights) / total;
                    if share > held {
                        held = share;
                    }
                }
                m.score *= 1.0 + LISTED_QUESTION_SHARE_BOOST * held * held;
            }
        }
        if matches.len() > query.limit {
            matches.select_nth_unstable_by(query.limit - 1, order);
            matches.truncate(query.limit);
        }
        matches.sort_unstable_by(order);
        // Scores stay best first: a hit ranked above a better-scoring one by its tier takes its
        // score.
        let mut best_below = f32::MIN;
        for m in matches.iter_mut().rev() {
            if m.score < best_below {
                m.score = best_below;
            }
            best_below = m.score;
        }
        // With a word the content lacks, the best node must hold a fair share of the question,
        // or the question is about something the guidance does not address; a named drug's card
        // is always shown.
        if let Some(best) = matches.first() {
            if absent > 0.0
                && acc[best.node].held < HELD_SHARE * (present + absent)
                && !names_the_drug(name_boosts[best.node], nodes[best.node].kind)
            {
                matches.clear();
            }
        }
        outcome.matches = matches;
        outcome
    }

    /// The nodes that list `text` as one of their questions, word for word: the same content
    /// words, and the same mark ([`question_mark`]) for all its words, stopwords too.
    fn asked_word_for_word(&self, text: &str) -> Vec<u32> {
        let mut words = Vec::new();
        for (start, end) in word_spans(text) {
            let folded = fold(&text[start..end]);
            if folded.is_empty() || is_stopword(&folded) {
                continue;
            }
            match self.word_id(&folded) {
                Some(word) => words.push(word),
                None => return Vec::new(),
            }
        }
        let asked = self.asked.get_or_init(|| asked_map(&self.questions, &self.question_marks));
        let Some(holders) = asked.get(words.as_slice()) else { return Vec::new() };
        let mark = question_mark(text);
        holders.iter().filter(|&&(_, m)| m == mark).map(|&(node, _)| node).collect()
    }

    /// The summed `weights` of the query words (`groups`, each word's alternatives) that the
    /// listed `question` (word ids) holds: one alternative with every term in the question.
    fn weight_held(&self, question: &[u32], groups: &[Vec<Alternative>], weights: &[f32]) -> f32 {
        let holds =
            |term: &u32| question.iter().any(|&word| self.words[word as usize].term == *term);
        groups
            .iter()
            .zip(weights)
            .filter(|(alternatives, _)| alternatives.iter().any(|a| a.terms.iter().all(holds)))
            .map(|(_, weight)| weight)
            .sum()
    }
}

/// How much a node gains from one of its names (`is_title` for its title, else an alias): most
/// when the query is the name, then when the title starts with the query or the query contains
/// the whole name (`duloxetine dosering`), then when the query is a phrase inside it. A reader
/// who types a drug's or a role's name wants that node, not the ones that merely mention it.
fn name_boost(name: &[u32], is_title: bool, words: &[u32]) -> f32 {
    // Element by element: these slices hold a few words, too short for `memcmp` to pay.
    let same = |a: &[u32], b: &[u32]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y);
    let contains = |outer: &[u32], inner: &[u32]| {
        !inner.is_empty()
            && inner.len() <= outer.len()
            && outer.windows(inner.len()).any(|w| same(w, inner))
    };
    if same(name, words) {
        NAME_IS_QUERY_BOOST
    } else if (is_title && name.len() >= words.len() && same(&name[..words.len()], words))
        || contains(words, name)
    {
        NAME_HOLDS_QUERY_BOOST
    } else if contains(name, words) {
        QUERY_IN_NAME_BOOST
    } else {
        NO_NAME_BOOST
    }
}

/// Whether a node of `kind` is the card of a drug the query names: a medication whose name, by
/// its `boost`, holds the query or is held by it.
fn names_the_drug(boost: f32, kind: Kind) -> bool {
    boost >= NAME_HOLDS_QUERY_BOOST && kind == Kind::Medication
}

/// Whether `node` passes every filter of `query`; an empty filter passes every node.
fn passes_filters(node: &SearchNode, query: &Query) -> bool {
    let document = node.document.as_deref();
    (query.documents.is_empty() || document.is_some_and(|d| query.documents.iter().any(|q| q == d)))
        && (query.kinds.is_empty() || query.kinds.contains(&node.kind))
        && (query.actors.is_empty() || node.actors.iter().any(|a| query.actors.contains(a)))
        && (query.steps.is_empty() || node.steps.iter().any(|s| query.steps.contains(s)))
}
