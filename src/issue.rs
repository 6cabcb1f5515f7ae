//! Problems found in an input, each with the path to where it was found.
//!
//! Every check in the core pushes an [`Issue`] instead of returning at the first problem, so a
//! caller learns about every problem at once. The issue *code* is a stable snake_case string
//! for programs; the Dutch and English messages live in one catalogue ([`Problem::message`]),
//! kept apart from the code so that rewording a message never breaks a caller.

use std::fmt;

/// One step into an input: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// An object key (`.weights`).
    Key(String),
    /// An array index (`[3]`).
    Index(usize),
}

/// Where in the input a problem was found, printed as `weights[3].weight`.
///
/// Built by pushing segments while walking the input, never by formatting strings by hand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The path of the input's root (prints as the empty string).
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path with an object key appended.
    pub fn key(&self, key: &str) -> Path {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        Path(segments)
    }

    /// This path with an array index appended.
    pub fn index(&self, index: usize) -> Path {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        Path(segments)
    }

    /// The segments from the root.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// The kind of value a field should have held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A text (JS string).
    Text,
    /// A decimal number, as a string or a JS number.
    Number,
    /// A list (JS array).
    List,
    /// An object with named fields.
    Object,
}

impl Expected {
    fn nl(self) -> &'static str {
        match self {
            Expected::Text => "een tekst",
            Expected::Number => "een getal (tekst of number)",
            Expected::List => "een lijst",
            Expected::Object => "een object",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Expected::Text => "a string",
            Expected::Number => "a number (string or number)",
            Expected::List => "a list",
            Expected::Object => "an object",
        }
    }
}

/// What is wrong, with the facts a message needs. Each variant has a stable code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A required field is absent (or `null`/`undefined`).
    Missing,
    /// The field holds the wrong kind of value.
    WrongType {
        /// What was expected.
        expected: Expected,
        /// What was found, in JS terms (`"boolean"`, `"object"`).
        found: &'static str,
    },
    /// The text is empty.
    NumberEmpty,
    /// The number has leading or trailing white space.
    NumberHasWhitespace,
    /// The number uses an exponent (`1e3`).
    NumberHasExponent,
    /// The number uses an underscore (`1_000`).
    NumberHasUnderscore,
    /// The number uses a comma (`1.000,00`): a decimal comma or a thousands separator.
    NumberHasComma,
    /// The number is `NaN` or infinite.
    NumberNotFinite,
    /// The number has more digits than can be held exactly (28 significant digits).
    NumberTooManyDigits,
    /// The text is not a decimal number of the form `-123.45`.
    NumberMalformed,
    /// The amount is beyond the largest supported amount.
    AmountTooLarge {
        /// The largest accepted magnitude, as printed.
        max: String,
    },
    /// The total is not a whole number of minor units.
    NotWholeMinorUnits {
        /// The minor unit, as printed.
        minor_unit: String,
    },
    /// The minor unit is zero or negative.
    MinorUnitNotPositive,
    /// A list that needs at least one element is empty.
    NoParties,
    /// An id occurs twice.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it occurred first.
        first: Path,
    },
    /// An id is the empty string.
    EmptyId,
    /// A weight is negative.
    NegativeWeight,
    /// Every weight is zero, so there is nothing to split by.
    AllWeightsZero,
    /// An option that is not known; probably a typo.
    UnknownOption {
        /// The option's name.
        name: String,
    },
    /// A list is longer than the documented limit.
    TooManyItems {
        /// The limit.
        max: usize,
    },
    /// The input nests deeper than the documented limit.
    TooDeeplyNested {
        /// The limit.
        max: usize,
    },
    /// The weights together span more digits than an exact split can handle.
    WeightsTooPrecise,
    /// The input could not be read as data at all: it holds a function, a symbol or the like.
    Unreadable,
}

/// A message language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Dutch, the default of the product.
    Nl,
    /// English.
    En,
}

impl Problem {
    /// The stable snake_case code of this problem, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Missing => "missing",
            Problem::WrongType { .. } => "wrong_type",
            Problem::NumberEmpty => "number_empty",
            Problem::NumberHasWhitespace => "number_has_whitespace",
            Problem::NumberHasExponent => "number_has_exponent",
            Problem::NumberHasUnderscore => "number_has_underscore",
            Problem::NumberHasComma => "number_has_comma",
            Problem::NumberNotFinite => "number_not_finite",
            Problem::NumberTooManyDigits => "number_too_many_digits",
            Problem::NumberMalformed => "number_malformed",
            Problem::AmountTooLarge { .. } => "amount_too_large",
            Problem::NotWholeMinorUnits { .. } => "not_whole_minor_units",
            Problem::MinorUnitNotPositive => "minor_unit_not_positive",
            Problem::NoParties => "no_parties",
            Problem::DuplicateId { .. } => "duplicate_id",
            Problem::EmptyId => "empty_id",
            Problem::NegativeWeight => "negative_weight",
            Problem::AllWeightsZero => "all_weights_zero",
            Problem::UnknownOption { .. } => "unknown_option",
            Problem::TooManyItems { .. } => "too_many_items",
            Problem::TooDeeplyNested { .. } => "too_deeply_nested",
            Problem::WeightsTooPrecise => "weights_too_precise",
            Problem::Unreadable => "unreadable",
        }
    }

    /// The message in the given language: the one catalogue of user-facing texts.
    pub fn message(&self, lang: Lang) -> String {
        use Lang::{En, Nl};
        match (self, lang) {
            (Problem::Missing, Nl) => "ontbreekt".into(),
            (Problem::Missing, En) => "is missing".into(),
            (Problem::WrongType { expected, found }, Nl) => {
                format!("moet {} zijn, maar is {}", expected.nl(), found)
            }
            (Problem::WrongType { expected, found }, En) => {
                format!("must be {}, but is {}", expected.en(), found)
            }
            (Problem::NumberEmpty, Nl) => "is leeg; verwacht een getal zoals \"1250.00\"".into(),
            (Problem::NumberEmpty, En) => "is empty; expected a number such as \"1250.00\"".into(),
            (Problem::NumberHasWhitespace, Nl) => "bevat spaties voor of na het getal".into(),
            (Problem::NumberHasWhitespace, En) => "has spaces before or after the number".into(),
            (Problem::NumberHasExponent, Nl) => {
                "gebruikt een exponent (zoals 1e3); schrijf het getal voluit".into()
            }
            (Problem::NumberHasExponent, En) => {
                "uses an exponent (such as 1e3); write the number out in full".into()
            }
            (Problem::NumberHasUnderscore, Nl) => "bevat een liggend streepje (_)".into(),
            (Problem::NumberHasUnderscore, En) => "contains an underscore (_)".into(),
            (Problem::NumberHasComma, Nl) => {
                "bevat een komma; gebruik een punt als decimaalteken en geen scheidingstekens voor duizendtallen (\"1000.00\", niet \"1.000,00\")".into()
            }
            (Problem::NumberHasComma, En) => {
                "contains a comma; use a point as decimal separator and no thousands separators (\"1000.00\", not \"1.000,00\")".into()
            }
            (Problem::NumberNotFinite, Nl) => "is geen eindig getal (NaN of oneindig)".into(),
            (Problem::NumberNotFinite, En) => "is not a finite number (NaN or infinite)".into(),
            (Problem::NumberTooManyDigits, Nl) => {
                "heeft meer dan 28 cijfers en kan niet exact worden bewaard".into()
            }
            (Problem::NumberTooManyDigits, En) => {
                "has more than 28 digits and cannot be held exactly".into()
            }
            (Problem::NumberMalformed, Nl) => {
                "is geen decimaal getal; verwacht bijvoorbeeld \"1250.00\" of \"-12.5\"".into()
            }
            (Problem::NumberMalformed, En) => {
                "is not a decimal number; expected for example \"1250.00\" or \"-12.5\"".into()
            }
            (Problem::AmountTooLarge { max }, Nl) => {
                format!("is te groot; het grootste toegestane bedrag is {max}")
            }
            (Problem::AmountTooLarge { max }, En) => {
                format!("is too large; the largest supported amount is {max}")
            }
            (Problem::NotWholeMinorUnits { minor_unit }, Nl) => {
                format!("is geen geheel aantal eenheden van {minor_unit}")
            }
            (Problem::NotWholeMinorUnits { minor_unit }, En) => {
                format!("is not a whole number of units of {minor_unit}")
            }
            (Problem::MinorUnitNotPositive, Nl) => "moet groter dan nul zijn".into(),
            (Problem::MinorUnitNotPositive, En) => "must be greater than zero".into(),
            (Problem::NoParties, Nl) => "is leeg; geef ten minste één partij".into(),
            (Problem::NoParties, En) => "is empty; give at least one party".into(),
            (Problem::DuplicateId { id, first }, Nl) => {
                format!("id \"{id}\" komt al voor bij {first}")
            }
            (Problem::DuplicateId { id, first }, En) => {
                format!("id \"{id}\" already occurs at {first}")
            }
            (Problem::EmptyId, Nl) => "mag niet leeg zijn".into(),
            (Problem::EmptyId, En) => "must not be empty".into(),
            (Problem::NegativeWeight, Nl) => "mag niet negatief zijn".into(),
            (Problem::NegativeWeight, En) => "must not be negative".into(),
            (Problem::AllWeightsZero, Nl) => {
                "alle gewichten zijn nul; er is niets om naar te verdelen".into()
            }
            (Problem::AllWeightsZero, En) => {
                "every weight is zero; there is nothing to split by".into()
            }
            (Problem::UnknownOption { name }, Nl) => format!("onbekende optie \"{name}\""),
            (Problem::UnknownOption { name }, En) => format!("unknown option \"{name}\""),
            (Problem::TooManyItems { max }, Nl) => {
                format!("bevat meer dan {max} elementen, het maximum")
            }
            (Problem::TooManyItems { max }, En) => {
                format!("has more than {max} elements, the maximum")
            }
            (Problem::TooDeeplyNested { max }, Nl) => {
                format!("is dieper genest dan {max} niveaus")
            }
            (Problem::TooDeeplyNested { max }, En) => {
                format!("is nested deeper than {max} levels")
            }
            (Problem::WeightsTooPrecise, Nl) => {
                "de gewichten beslaan samen te veel cijfers voor een exacte verdeling; rond ze af".into()
            }
            (Problem::WeightsTooPrecise, En) => {
                "the weights together span too many digits for an exact split; round them".into()
            }
            (Problem::Unreadable, Nl) => {
                "bevat iets dat geen gegevens zijn (een functie, een symbool of iets dergelijks)".into()
            }
            (Problem::Unreadable, En) => {
                "holds something that is not data (a function, a symbol or the like)".into()
            }
        }
    }
}

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
    pub fn new(path: Path, problem: Problem) -> Issue {
        Issue { path, problem }
    }

    /// The stable code (`"negative_weight"`).
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The message in `lang`, without the path.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message(Lang::En))
    }
}

/// Every problem found in one input: the error of every fallible operation in the core.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Issues(Vec<Issue>);

impl Issues {
    /// No problems yet.
    pub fn new() -> Issues {
        Issues(Vec::new())
    }

    /// Records a problem at `path`.
    pub fn push(&mut self, path: Path, problem: Problem) {
        self.0.push(Issue::new(path, problem));
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The recorded issues in the order found.
    pub fn as_slice(&self) -> &[Issue] {
        &self.0
    }

    /// `Ok(value)` when nothing was recorded, else `Err(self)`.
    ///
    /// # Errors
    /// Returns `self` when it holds at least one issue.
    pub fn into_result<T>(self, value: T) -> Result<T, Issues> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Issue> for Issues {
    fn from(issue: Issue) -> Issues {
        Issues(vec![issue])
    }
}

impl fmt::Display for Issues {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_paths_like_js_property_access() {
        let p = Path::root().key("weights").index(3).key("weight");
        assert_eq!(p.to_string(), "weights[3].weight");
        assert_eq!(Path::root().to_string(), "");
        assert_eq!(Path::root().index(0).to_string(), "[0]");
    }
}
