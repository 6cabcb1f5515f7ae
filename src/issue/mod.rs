//! Problems found in an input, each with the path to where it was found.
//!
//! Every check in the core pushes an [`Issue`] instead of returning at the first problem, so a
//! caller learns about every problem at once. The issue *code* is a stable snake_case string
//! for programs; the Dutch and English messages live in one catalogue ([`Problem::message`]),
//! kept apart from the code so that rewording a message never breaks a caller.

use std::fmt;

mod catalogue;
pub mod numbers;
mod path;
mod problem;
mod warning;

pub use catalogue::{
    amount_text, invalid_input_summary, kassier_label, kept_label, Lang, NATIONAL_SHARES_SOURCE,
};
pub use path::{Path, Segment};
pub use problem::{Expected, Problem};
pub use warning::{PaidThrough, ShareSource, Warned, Warning};

/// One problem at one place in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Where.
    pub path: Path,
    /// What.
    pub problem: Problem,
}

impl Issue {
    /// A new issue.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn new(path: Path, problem: Problem) -> Issue {
        Issue { path, problem }
    }

    /// The stable code (`"negative_weight"`).
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The message in `lang`, without the path.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }
}

impl fmt::Display for Issue {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message(Lang::En))
    }
}

/// Every problem found in one input: the error of every fallible operation in the core.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Issues(Vec<Issue>);

impl Issues {
    /// No problems yet.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn new() -> Issues {
        Issues(Vec::new())
    }

    /// Records a problem at `path`.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn push(&mut self, path: Path, problem: Problem) {
        self.0.push(Issue::new(path, problem));
    }

    /// Records every issue of `more` after these.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn extend(&mut self, more: Issues) {
        self.0.extend(more.0);
    }

    /// Whether nothing was recorded.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The recorded issues in the order found.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn as_slice(&self) -> &[Issue] {
        &self.0
    }

    /// `Ok(value)` when nothing was recorded, else `Err(self)`.
    ///
    /// # Errors
    /// Returns `self` when it holds at least one issue.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn into_result<T>(self, value: T) -> Result<T, Issues> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Issue> for Issues {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn from(issue: Issue) -> Issues {
        Issues(vec![issue])
    }
}

impl fmt::Display for Issues {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Issues {}
