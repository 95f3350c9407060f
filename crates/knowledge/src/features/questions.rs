//! A patient's questions: the questions each lay text answers (`questions` in the content),
//! offered while a patient types.

use serde::Serialize;

use crate::search::analyze::{fold, is_stopword};
use crate::Knowledge;

/// A question a lay text answers, offered for what a patient is typing.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuestionSuggestion {
    /// The question, as the content writes it.
    pub question: String,
    /// The node whose lay text answers it.
    pub id: String,
    /// That node's title in a patient's words.
    pub title: String,
}

/// The content words of `text`, folded: the words a question must hold.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .filter(|w| !is_stopword(w))
        .collect()
}

impl Knowledge {
    /// The questions, of every lay text, that hold each content word of `text` (the last one as
    /// a prefix, since it is still being typed), at most `limit`, those with the fewest other
    /// words first. A text of only question and filler words ("mag ik") has none.
    pub fn suggest_questions(&self, text: &str, limit: usize) -> Vec<QuestionSuggestion> {
        let typed = content_words(text);
        let Some((last, rest)) = typed.split_last() else {
            return Vec::new();
        };
        let mut found: Vec<(usize, QuestionSuggestion)> = Vec::new();
        for node in self.nodes() {
            for question in &node.questions {
                let words = content_words(question);
                let holds = rest.iter().all(|w| words.contains(w))
                    && words.iter().any(|w| w.starts_with(last.as_str()));
                if holds {
                    found.push((
                        words.len(),
                        QuestionSuggestion {
                            question: question.clone(),
                            id: node.id.clone(),
                            title: node.lay_title.clone().unwrap_or_else(|| node.title.clone()),
                        },
                    ));
                }
            }
        }
        found.sort_by_key(|(words, _)| *words);
        found.into_iter().take(limit).map(|(_, suggestion)| suggestion).collect()
    }
}
