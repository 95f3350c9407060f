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

/// A node's question with its content words folded, as the completion compares them.
pub(crate) struct AskedQuestion {
    /// The node's index in the pack.
    node: usize,
    /// The question as the content writes it.
    question: String,
    /// Its content words, folded.
    words: Vec<String>,
}

impl Knowledge {
    /// Every node's questions with their words folded, made once.
    fn asked_questions(&self) -> &[AskedQuestion] {
        self.questions.get_or_init(|| {
            let mut all = Vec::new();
            for (node, n) in self.nodes().iter().enumerate() {
                for question in &n.questions {
                    let words = content_words(question);
                    all.push(AskedQuestion { node, question: question.clone(), words });
                }
            }
            all
        })
    }

    /// The questions, of every lay text, that hold each content word of `text` (the last one as
    /// a prefix, since it is still being typed), at most `limit`, those with the fewest other
    /// words first. A question two lay texts share is offered once, for the first of them in the
    /// content's order. A text of only question and filler words ("mag ik") has none.
    pub fn suggest_questions(&self, text: &str, limit: usize) -> Vec<QuestionSuggestion> {
        let typed = content_words(text);
        let Some((last, rest)) = typed.split_last() else {
            return Vec::new();
        };
        let mut found: Vec<&AskedQuestion> = self
            .asked_questions()
            .iter()
            .filter(|asked| {
                rest.iter().all(|w| asked.words.contains(w))
                    && asked.words.iter().any(|w| w.starts_with(last.as_str()))
            })
            .collect();
        // Stable: among questions of one length, the content's order.
        found.sort_by_key(|asked| asked.words.len());
        let mut offered = std::collections::HashSet::new();
        found
            .into_iter()
            .filter(|asked| offered.insert(asked.question.as_str()))
            .take(limit)
            .map(|asked| {
                let node = &self.nodes()[asked.node];
                QuestionSuggestion {
                    question: asked.question.clone(),
                    id: node.id.clone(),
                    title: node.lay_title.clone().unwrap_or_else(|| node.title.clone()),
                }
            })
            .collect()
    }
}
