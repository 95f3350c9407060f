//! A patient's questions: the questions each lay text answers (`questions` in the content),
//! offered while a patient types.

use serde::Serialize;

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

/// A node's question with its words as the completion compares them.
pub(crate) struct AskedQuestion {
    /// The node's index in the pack.
    node: usize,
    /// The question as the content writes it.
    question: String,
    /// Its content words, folded: a word being typed may be the start of one.
    words: Vec<String>,
    /// The terms of its content words and of their compounds' parts: a word typed whole is held
    /// in any of its forms (`TypedWord::held_by` in the search).
    terms: Vec<u32>,
}

impl Knowledge {
    /// Every node's questions with their words folded, made once.
    fn asked_questions(&self) -> &[AskedQuestion] {
        self.questions.get_or_init(|| {
            let index = self.index();
            let mut all = Vec::new();
            for (node, n) in self.nodes().iter().enumerate() {
                for (question, (terms, words)) in n.questions.iter().zip(index.question_terms(node))
                {
                    let words = words.into_iter().map(str::to_string).collect();
                    all.push(AskedQuestion { node, question: question.clone(), words, terms });
                }
            }
            all
        })
    }

    /// The questions, of every lay text, that hold each content word of `text` in some form, or
    /// as a compound or its parts (`rug pijn` holds `rugpijn` and the reverse), the last one also
    /// as the start of a word, since it is still being typed; at most `limit`, those with the
    /// fewest other words first. A question two lay texts share is offered once, for the first of
    /// them in the content's order. A text of only question and filler words ("mag ik") has none.
    pub fn suggest_questions(&self, text: &str, limit: usize) -> Vec<QuestionSuggestion> {
        let typed = self.index().typed_words(text);
        let Some((last, rest)) = typed.split_last() else {
            return Vec::new();
        };
        let mut found: Vec<&AskedQuestion> = self
            .asked_questions()
            .iter()
            .filter(|asked| {
                rest.iter().all(|word| word.held_by(&asked.terms))
                    && (last.held_by(&asked.terms)
                        || asked.words.iter().any(|w| w.starts_with(last.folded.as_str())))
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
