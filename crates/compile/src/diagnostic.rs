//! Errors found in content, each pointing at a file and line with a fix.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in the content: where it is, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based line in `file`.
    pub line: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem at `file:line`.
    pub fn new(file: &Path, line: usize, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_path_buf(), line, message: message.into(), hint: None }
    }

    /// Adds how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: error: {}", self.file.display(), self.line, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Maps byte offsets of a text to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line that holds byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}
