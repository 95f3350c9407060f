//! Near spellings: the words of the vocabulary a few edits from a query word, found through a
//! bigram index that narrows the vocabulary to a few candidates before any edit distance is
//! computed.

use rustc_hash::FxHashMap as HashMap;

use super::index::Word;
use super::SearchIndex;

/// The most of a word's distinct letter pairs one edit (insert, delete, substitute, swap) breaks.
const PAIRS_PER_EDIT: usize = 3;

/// The distinct letter pairs of `word`, its ends marked, as keys of [`SearchIndex::bigrams`].
fn bigrams(word: &str) -> Vec<u64> {
    let chars: Vec<char> =
        std::iter::once('^').chain(word.chars()).chain(std::iter::once('$')).collect();
    let mut keys: Vec<u64> =
        chars.windows(2).map(|pair| (u64::from(pair[0]) << 32) | u64::from(pair[1])).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The bigram index of `words` (the field `SearchIndex::bigrams`): each word's id under each of its
/// letter pairs and its length in letters, in word order.
fn bigram_index(words: &[Word]) -> HashMap<(u64, usize), Vec<u32>> {
    let mut index: HashMap<(u64, usize), Vec<u32>> = HashMap::default();
    for (id, word) in words.iter().enumerate() {
        let letters = word.folded.chars().count();
        for key in bigrams(&word.folded) {
            index.entry((key, letters)).or_default().push(id as u32);
        }
    }
    index
}

impl SearchIndex {
    /// The bigram index, built on first use.
    fn bigrams(&self) -> &HashMap<(u64, usize), Vec<u32>> {
        self.bigrams.get_or_init(|| bigram_index(&self.words))
    }

    /// Builds now what the first query with a word the content lacks would otherwise build.
    pub(crate) fn prepare_near_spellings(&self) {
        self.bigrams();
    }

    /// Calls `found` with each word of the vocabulary at most `max` edits from `word`.
    ///
    /// Each edit (insert, delete, substitute, swap) breaks at most three of a word's distinct
    /// letter pairs, so a near word is within `max` letters of its length and shares all but
    /// `3 · max` of its pairs. Only words that pass this count are compared letter by letter.
    pub(super) fn near_spellings<'a>(
        &'a self,
        word: &str,
        max: usize,
        mut found: impl FnMut(&'a Word),
    ) {
        let mut near = NearSpelling::new(word, max);
        let keys = bigrams(word);
        let letters = word.chars().count();
        if keys.len() <= PAIRS_PER_EDIT * max {
            // Too few pairs for the count to rule anything out (`aaaaa`): compare every word.
            for candidate in &self.words {
                if near.matches(&candidate.folded) {
                    found(candidate);
                }
            }
            return;
        }
        let needed = keys.len() - PAIRS_PER_EDIT * max;
        let mut shared = vec![0u8; self.words.len()];
        let mut candidates = Vec::new();
        for length in letters.saturating_sub(max)..=letters + max {
            for key in &keys {
                for &id in self.bigrams().get(&(*key, length)).map_or(&[][..], Vec::as_slice) {
                    let count = &mut shared[id as usize];
                    *count += 1;
                    if usize::from(*count) == needed {
                        candidates.push(id);
                    }
                }
            }
        }
        candidates.sort_unstable();
        for id in candidates {
            let candidate = &self.words[id as usize];
            if near.matches(&candidate.folded) {
                found(candidate);
            }
        }
    }
}

/// Tests words for being at most `max` edits from one word (insert, delete, substitute, or swap
/// two neighbours: optimal string alignment), computed on rows that stop as soon as every cell
/// exceeds `max`. Built once per query word and reused over the vocabulary, so a comparison
/// allocates nothing.
struct NearSpelling {
    word: Vec<char>,
    max: usize,
    other: Vec<char>,
    rows: [Vec<usize>; 3],
}

impl NearSpelling {
    /// Prepares to compare words with `word`, at most `max` edits apart.
    fn new(word: &str, max: usize) -> Self {
        let word: Vec<char> = word.chars().collect();
        let width = word.len() + max + 2;
        NearSpelling {
            word,
            max,
            other: Vec::with_capacity(width),
            rows: [vec![0; width], vec![0; width], vec![0; width]],
        }
    }

    /// Whether `other` is at most `max` edits from the word; at most one when they start with
    /// different letters. A typist rarely gets the first letter wrong and another besides, so two
    /// such edits make another word, not a misspelling (`hypotheek` is no `apotheek`).
    fn matches(&mut self, other: &str) -> bool {
        self.other.clear();
        self.other.extend(other.chars());
        let max = if self.other.first() == self.word.first() { self.max } else { self.max.min(1) };
        let (a, b) = (&self.other, &self.word);
        let (n, m) = (a.len(), b.len());
        if n.abs_diff(m) > max {
            return false;
        }
        for row in &mut self.rows {
            if row.len() < m + 1 {
                row.resize(m + 1, 0);
            }
        }
        let [before, previous, current] = &mut self.rows;
        for (j, cell) in previous.iter_mut().enumerate().take(m + 1) {
            *cell = j;
        }
        for i in 1..=n {
            current[0] = i;
            let mut row_min = i;
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut value =
                    (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = value.min(before[j - 2] + 1);
                }
                current[j] = value;
                row_min = row_min.min(value);
            }
            if row_min > max {
                return false;
            }
            std::mem::swap(before, previous);
            std::mem::swap(previous, current);
        }
        previous[m] <= max
    }
}

#[cfg(test)]
mod tests {
    use super::NearSpelling;

    fn within_edits(a: &str, b: &str, max: usize) -> bool {
        NearSpelling::new(a, max).matches(b)
    }

    #[test]
    fn edits_count_swaps_as_one_and_a_wrong_first_letter_only_alone() {
        assert!(within_edits("pregabalien", "pregabaline", 1));
        assert!(within_edits("oxycodon", "oxycodone", 1));
        assert!(!within_edits("oxycodon", "codeine", 2));
        assert!(within_edits("amitryptiline", "amitriptyline", 2));
        // A wrong first letter is forgiven only as the one edit.
        assert!(within_edits("kodeine", "codeine", 2));
        assert!(!within_edits("hypotheek", "apotheek", 2));
        assert!(within_edits("apotheekr", "apotheker", 2));
        let mut near = NearSpelling::new("sensitisatie", 2);
        assert!(
            near.matches("sensitasatie")
                && !near.matches("stimulatie")
                && near.matches("sensitisatie"),
            "reusable"
        );
    }
}
