//! Completion of the word being typed: the vocabulary is sorted by folded form, so the words
//! that start with a prefix are one slice of it.

use super::analyze::fold;
use super::index::Word;
use super::SearchIndex;

impl SearchIndex {
    /// Words of the content that start with `prefix` (folded).
    pub(super) fn completions(&self, prefix: &str) -> &[Word] {
        let start = self.words.partition_point(|w| w.folded.as_str() < prefix);
        let count = self.words[start..].iter().take_while(|w| w.folded.starts_with(prefix)).count();
        &self.words[start..start + count]
    }

    /// Words of the content that start with `prefix` (folded), most frequent first.
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<String> {
        let prefix = fold(prefix.trim());
        if prefix.is_empty() {
            return Vec::new();
        }
        let mut words: Vec<&Word> = self.completions(&prefix).iter().collect();
        words.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.folded.cmp(&b.folded)));
        words.into_iter().take(limit).map(|w| w.display.clone()).collect()
    }
}
