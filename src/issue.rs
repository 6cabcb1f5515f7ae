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
    /// A line of a text file, counted from 1 (`line 12`).
    Line(usize),
    /// A column of a text file, by its header name (`, column verzekerden`).
    Column(String),
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

    /// This path with a file line (counted from 1) appended.
    pub fn line(&self, line: usize) -> Path {
        let mut segments = self.0.clone();
        segments.push(Segment::Line(line));
        Path(segments)
    }

    /// This path with a file column (by header name) appended.
    pub fn column(&self, column: &str) -> Path {
        let mut segments = self.0.clone();
        segments.push(Segment::Column(column.to_owned()));
        Path(segments)
    }

    /// The file line this path points at, if any.
    pub fn line_number(&self) -> Option<usize> {
        self.0.iter().find_map(|s| match s {
            Segment::Line(n) => Some(*n),
            _ => None,
        })
    }

    /// The file column this path points at, if any.
    pub fn column_name(&self) -> Option<&str> {
        self.0.iter().find_map(|s| match s {
            Segment::Column(c) => Some(c.as_str()),
            _ => None,
        })
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
                Segment::Line(line) if i == 0 => write!(f, "line {line}")?,
                Segment::Line(line) => write!(f, " line {line}")?,
                Segment::Column(column) => write!(f, ", column {column}")?,
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
    /// `true` or `false`.
    Boolean,
}

impl Expected {
    fn nl(self) -> &'static str {
        match self {
            Expected::Text => "een tekst",
            Expected::Number => "een getal (tekst of number)",
            Expected::List => "een lijst",
            Expected::Object => "een object",
            Expected::Boolean => "true of false",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Expected::Text => "a string",
            Expected::Number => "a number (string or number)",
            Expected::List => "a list",
            Expected::Object => "an object",
            Expected::Boolean => "true or false",
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
    /// The file is empty.
    FileEmpty,
    /// The file is larger than the documented limit.
    FileTooLarge {
        /// The limit in bytes.
        max: usize,
    },
    /// The file is an Excel workbook (XLSX/XLS), not a CSV text.
    FileIsSpreadsheet,
    /// The file holds binary data, not text.
    FileIsBinary,
    /// A required column is not in the header line.
    MissingColumn {
        /// The column's name (Dutch).
        column: &'static str,
        /// The header line as read (shortened).
        header: String,
    },
    /// Two header columns mean the same thing.
    DuplicateColumn {
        /// The column's name (Dutch).
        column: &'static str,
    },
    /// A line has a different number of fields than the header.
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields on this line.
        found: usize,
    },
    /// A quoted field is never closed.
    UnclosedQuote,
    /// The text is not a Dutch postcode (`1011`, `1011AB`, `1011 ab`).
    PostcodeMalformed {
        /// What was found (shortened).
        found: String,
    },
    /// A count (insured persons, residents) is negative.
    CountNegative,
    /// A count has a fractional part.
    CountFractional,
    /// A count is not a whole number.
    CountMalformed {
        /// What was found (shortened).
        found: String,
    },
    /// A count is beyond the limit.
    CountTooLarge {
        /// The limit.
        max: u64,
    },
    /// A fraction lies outside 0..1.
    FractionOutOfRange,
    /// A fraction has more decimals than allowed.
    FractionTooPrecise {
        /// The most decimals allowed.
        max: u32,
    },
    /// A text is longer than the limit.
    TextTooLong {
        /// The limit in characters.
        max: usize,
    },
    /// More distinct insurers than the limit.
    TooManyInsurers {
        /// The limit.
        max: usize,
    },
    /// More rows than the limit.
    TooManyRows {
        /// The limit.
        max: usize,
    },
    /// Reading stopped after this many problems; the rest of the file was not checked.
    TooManyProblems {
        /// How many were listed.
        listed: usize,
    },
    /// An insurer label is given two different concerns.
    ConflictingConcern {
        /// The label.
        label: String,
        /// The concern given first.
        first: String,
    },
    /// An insurer label whose concern is unknown, while allocating by concern.
    UnknownInsurer {
        /// The label.
        label: String,
    },
    /// The work area lists no postcodes.
    EmptyWorkArea,
    /// A postcode range runs backwards (`1019-1011`).
    ReversedRange,
    /// A work area entry overlaps another one with a different fraction.
    OverlappingArea {
        /// The other entry.
        other: Path,
    },
    /// Nobody is insured in the work area: there is nothing to split by.
    NoInsuredInArea,
    /// A text that is not one of the allowed values.
    UnknownValue {
        /// The allowed values, listed.
        allowed: &'static str,
    },
    /// An amount that must not be negative is.
    NegativeAmount,
    /// A percentage outside 0..100.
    PercentOutOfRange,
    /// A budget line names no hoofdtaak.
    NoMainTask,
    /// A hoofdtaak outside 1..5.
    MainTaskOutOfRange,
    /// `ownTasks` on a line without hoofdtaak 4.
    OwnTasksOutsideTask4,
    /// Existing funding above the line's amount.
    FundingAboveAmount,
    /// Split percentages that do not add up to 100.
    PercentagesNotHundred {
        /// Their sum, as printed.
        sum: String,
    },
    /// A line's area reaches outside the work area.
    AreaOutsideWorkArea,
    /// A municipal share with no municipality (with residents) in its area to carry it.
    NoMunicipality,
    /// Subcontracts without the written agreement with the insurers (policy rule art. 4).
    NoAgreement,
    /// An executing provider commissioning further, or the RESV subcontracting itself.
    SubcontractChain,
    /// A budget line id that does not exist.
    UnknownLine {
        /// The id.
        id: String,
    },
    /// A hoofdtaak that none of the covered lines has.
    TaskOutsideLines {
        /// The hoofdtaak.
        task: u8,
    },
    /// A subcontract above the Zvw of what it covers.
    SubcontractAboveLines {
        /// That Zvw.
        available: String,
    },
    /// Subcontracts that together exceed the Zvw of what they cover.
    SubcontractsAboveLines {
        /// That Zvw.
        available: String,
    },
    /// A number that must be greater than zero is not.
    NotPositive,
    /// Two fields that cannot be given together.
    ExclusiveWith {
        /// The other field.
        other: Path,
    },
    /// The market table was freed (`free()`) before use.
    TableFreed,
    /// An estimate over built-in PC4 population cannot cover a PC6 postcode.
    Pc6NeedsPopulation,
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
            Problem::FileEmpty => "file_empty",
            Problem::FileTooLarge { .. } => "file_too_large",
            Problem::FileIsSpreadsheet => "file_is_spreadsheet",
            Problem::FileIsBinary => "file_is_binary",
            Problem::MissingColumn { .. } => "missing_column",
            Problem::DuplicateColumn { .. } => "duplicate_column",
            Problem::FieldCount { .. } => "field_count",
            Problem::UnclosedQuote => "unclosed_quote",
            Problem::PostcodeMalformed { .. } => "postcode_malformed",
            Problem::CountNegative => "count_negative",
            Problem::CountFractional => "count_fractional",
            Problem::CountMalformed { .. } => "count_malformed",
            Problem::CountTooLarge { .. } => "count_too_large",
            Problem::FractionOutOfRange => "fraction_out_of_range",
            Problem::FractionTooPrecise { .. } => "fraction_too_precise",
            Problem::TextTooLong { .. } => "text_too_long",
            Problem::TooManyInsurers { .. } => "too_many_insurers",
            Problem::TooManyRows { .. } => "too_many_rows",
            Problem::TooManyProblems { .. } => "too_many_problems",
            Problem::ConflictingConcern { .. } => "conflicting_concern",
            Problem::UnknownInsurer { .. } => "unknown_insurer",
            Problem::EmptyWorkArea => "empty_work_area",
            Problem::ReversedRange => "reversed_range",
            Problem::OverlappingArea { .. } => "overlapping_area",
            Problem::NoInsuredInArea => "no_insured_in_area",
            Problem::UnknownValue { .. } => "unknown_value",
            Problem::NegativeAmount => "negative_amount",
            Problem::PercentOutOfRange => "percent_out_of_range",
            Problem::NoMainTask => "no_main_task",
            Problem::MainTaskOutOfRange => "main_task_out_of_range",
            Problem::OwnTasksOutsideTask4 => "own_tasks_outside_task_4",
            Problem::FundingAboveAmount => "funding_above_amount",
            Problem::PercentagesNotHundred { .. } => "percentages_not_hundred",
            Problem::AreaOutsideWorkArea => "area_outside_work_area",
            Problem::NoMunicipality => "no_municipality",
            Problem::NoAgreement => "no_agreement",
            Problem::SubcontractChain => "subcontract_chain",
            Problem::UnknownLine { .. } => "unknown_line",
            Problem::TaskOutsideLines { .. } => "task_outside_lines",
            Problem::SubcontractAboveLines { .. } => "subcontract_above_lines",
            Problem::SubcontractsAboveLines { .. } => "subcontracts_above_lines",
            Problem::NotPositive => "not_positive",
            Problem::ExclusiveWith { .. } => "exclusive_with",
            Problem::TableFreed => "table_freed",
            Problem::Pc6NeedsPopulation => "pc6_needs_population",
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
            (Problem::FileEmpty, Nl) => "het bestand is leeg".into(),
            (Problem::FileEmpty, En) => "the file is empty".into(),
            (Problem::FileTooLarge { max }, Nl) => {
                format!("het bestand is groter dan {max} bytes, het maximum")
            }
            (Problem::FileTooLarge { max }, En) => {
                format!("the file is larger than {max} bytes, the maximum")
            }
            (Problem::FileIsSpreadsheet, Nl) => {
                "dit is een Excel-werkmap, geen CSV; sla het blad op als CSV (puntkomma-gescheiden) of gebruik de XLSX-import".into()
            }
            (Problem::FileIsSpreadsheet, En) => {
                "this is an Excel workbook, not a CSV; save the sheet as CSV (semicolon separated) or use the XLSX import".into()
            }
            (Problem::FileIsBinary, Nl) => "het bestand bevat binaire gegevens, geen tekst".into(),
            (Problem::FileIsBinary, En) => "the file holds binary data, not text".into(),
            (Problem::MissingColumn { column, header }, Nl) => {
                format!("kolom \"{column}\" ontbreekt in de kopregel \"{header}\"")
            }
            (Problem::MissingColumn { column, header }, En) => {
                format!("column \"{column}\" is missing from the header line \"{header}\"")
            }
            (Problem::DuplicateColumn { column }, Nl) => {
                format!("kolom \"{column}\" komt twee keer voor in de kopregel")
            }
            (Problem::DuplicateColumn { column }, En) => {
                format!("column \"{column}\" occurs twice in the header line")
            }
            (Problem::FieldCount { expected, found }, Nl) => {
                format!("heeft {found} velden, de kopregel {expected}")
            }
            (Problem::FieldCount { expected, found }, En) => {
                format!("has {found} fields, the header line {expected}")
            }
            (Problem::UnclosedQuote, Nl) => "een aanhalingsteken wordt nergens gesloten".into(),
            (Problem::UnclosedQuote, En) => "a quotation mark is never closed".into(),
            (Problem::PostcodeMalformed { found }, Nl) => {
                format!("\"{found}\" is geen postcode; verwacht bijvoorbeeld 1011 of 1011AB")
            }
            (Problem::PostcodeMalformed { found }, En) => {
                format!("\"{found}\" is not a postcode; expected for example 1011 or 1011AB")
            }
            (Problem::CountNegative, Nl) => "een aantal mag niet negatief zijn".into(),
            (Problem::CountNegative, En) => "a count must not be negative".into(),
            (Problem::CountFractional, Nl) => {
                "een aantal moet een geheel getal zijn (personen), zonder decimalen".into()
            }
            (Problem::CountFractional, En) => {
                "a count must be a whole number (persons), without decimals".into()
            }
            (Problem::CountMalformed { found }, Nl) => {
                format!("\"{found}\" is geen aantal; verwacht bijvoorbeeld 12345 of 12.345")
            }
            (Problem::CountMalformed { found }, En) => {
                format!("\"{found}\" is not a count; expected for example 12345 or 12.345")
            }
            (Problem::CountTooLarge { max }, Nl) => format!("is groter dan {max}, het maximum"),
            (Problem::CountTooLarge { max }, En) => format!("is larger than {max}, the maximum"),
            (Problem::FractionOutOfRange, Nl) => {
                "een fractie moet tussen 0 en 1 liggen (0,25 is een kwart)".into()
            }
            (Problem::FractionOutOfRange, En) => {
                "a fraction must lie between 0 and 1 (0.25 is a quarter)".into()
            }
            (Problem::FractionTooPrecise { max }, Nl) => {
                format!("een fractie heeft ten hoogste {max} decimalen")
            }
            (Problem::FractionTooPrecise { max }, En) => {
                format!("a fraction has at most {max} decimals")
            }
            (Problem::TextTooLong { max }, Nl) => format!("is langer dan {max} tekens"),
            (Problem::TextTooLong { max }, En) => format!("is longer than {max} characters"),
            (Problem::TooManyInsurers { max }, Nl) => {
                format!("meer dan {max} verschillende verzekeraars")
            }
            (Problem::TooManyInsurers { max }, En) => {
                format!("more than {max} different insurers")
            }
            (Problem::TooManyRows { max }, Nl) => format!("meer dan {max} rijen, het maximum"),
            (Problem::TooManyRows { max }, En) => format!("more than {max} rows, the maximum"),
            (Problem::TooManyProblems { listed }, Nl) => {
                format!("na {listed} problemen is het lezen gestopt; de rest van het bestand is niet gecontroleerd")
            }
            (Problem::TooManyProblems { listed }, En) => {
                format!("reading stopped after {listed} problems; the rest of the file was not checked")
            }
            (Problem::ConflictingConcern { label, first }, Nl) => {
                format!("verzekeraar \"{label}\" hoorde eerder bij concern \"{first}\"")
            }
            (Problem::ConflictingConcern { label, first }, En) => {
                format!("insurer \"{label}\" was given concern \"{first}\" before")
            }
            (Problem::UnknownInsurer { label }, Nl) => {
                format!("van verzekeraar \"{label}\" is het concern onbekend; geef het op in insurers of verdeel per verzekeraar")
            }
            (Problem::UnknownInsurer { label }, En) => {
                format!("the concern of insurer \"{label}\" is unknown; give it in insurers or allocate by insurer")
            }
            (Problem::EmptyWorkArea, Nl) => "het werkgebied bevat geen postcodes".into(),
            (Problem::EmptyWorkArea, En) => "the work area lists no postcodes".into(),
            (Problem::ReversedRange, Nl) => {
                "het bereik loopt achteruit; schrijf het laagste nummer eerst (1011-1019)".into()
            }
            (Problem::ReversedRange, En) => {
                "the range runs backwards; put the lower number first (1011-1019)".into()
            }
            (Problem::OverlappingArea { other }, Nl) => {
                format!("overlapt met {other} met een andere fractie")
            }
            (Problem::OverlappingArea { other }, En) => {
                format!("overlaps {other} with a different fraction")
            }
            (Problem::NoInsuredInArea, Nl) => {
                "er zijn geen verzekerden in het werkgebied; er is niets om naar te verdelen".into()
            }
            (Problem::NoInsuredInArea, En) => {
                "nobody is insured in the work area; there is nothing to split by".into()
            }
            (Problem::UnknownValue { allowed }, Nl) => format!("moet een van {allowed} zijn"),
            (Problem::UnknownValue { allowed }, En) => format!("must be one of {allowed}"),
            (Problem::NegativeAmount, Nl) => "mag niet negatief zijn".into(),
            (Problem::NegativeAmount, En) => "must not be negative".into(),
            (Problem::PercentOutOfRange, Nl) => "moet tussen 0 en 100 liggen".into(),
            (Problem::PercentOutOfRange, En) => "must lie between 0 and 100".into(),
            (Problem::NoMainTask, Nl) => "noem ten minste één RESV-hoofdtaak (1 tot en met 5)".into(),
            (Problem::NoMainTask, En) => "name at least one RESV main task (1 to 5)".into(),
            (Problem::MainTaskOutOfRange, Nl) => {
                "een hoofdtaak is een geheel getal van 1 tot en met 5".into()
            }
            (Problem::MainTaskOutOfRange, En) => "a main task is a whole number from 1 to 5".into(),
            (Problem::OwnTasksOutsideTask4, Nl) => {
                "de eigen taken van het wijkverband tellen onder hoofdtaak 4, die deze regel niet noemt".into()
            }
            (Problem::OwnTasksOutsideTask4, En) => {
                "the neighbourhood team's own tasks count under main task 4, which this line does not name".into()
            }
            (Problem::FundingAboveAmount, Nl) => {
                "de bestaande financiering is hoger dan het bedrag van de regel".into()
            }
            (Problem::FundingAboveAmount, En) => {
                "the existing funding is higher than the line's amount".into()
            }
            (Problem::PercentagesNotHundred { sum }, Nl) => {
                format!("de percentages tellen op tot {sum}, niet tot 100")
            }
            (Problem::PercentagesNotHundred { sum }, En) => {
                format!("the percentages add up to {sum}, not to 100")
            }
            (Problem::AreaOutsideWorkArea, Nl) => {
                "dit gebied valt (deels) buiten het werkgebied".into()
            }
            (Problem::AreaOutsideWorkArea, En) => {
                "this area lies (partly) outside the work area".into()
            }
            (Problem::NoMunicipality, Nl) => {
                "er is geen gemeente met inwoners in het gebied van deze regel om het gemeentelijke deel te dragen; geef municipalities op".into()
            }
            (Problem::NoMunicipality, En) => {
                "no municipality with residents in this line's area can carry the municipal part; give municipalities".into()
            }
            (Problem::NoAgreement, Nl) => {
                "zonder schriftelijke overeenkomst met de zorgverzekeraars kan het RESV geen onderlinge dienstverlening inkopen (beleidsregel artikel 4)".into()
            }
            (Problem::NoAgreement, En) => {
                "without the written agreement with the insurers the RESV cannot commission onderlinge dienstverlening (policy rule article 4)".into()
            }
            (Problem::SubcontractChain, Nl) => {
                "alleen het RESV als hoofdaannemer besteedt uit; een uitvoerende zorgaanbieder kan niet verder uitbesteden onder deze prestatie".into()
            }
            (Problem::SubcontractChain, En) => {
                "only the RESV as hoofdaannemer commissions; an executing provider cannot commission further under this prestatie".into()
            }
            (Problem::UnknownLine { id }, Nl) => format!("er is geen begrotingsregel \"{id}\""),
            (Problem::UnknownLine { id }, En) => format!("there is no budget line \"{id}\""),
            (Problem::TaskOutsideLines { task }, Nl) => {
                format!("hoofdtaak {task} komt in geen van de gedekte regels voor")
            }
            (Problem::TaskOutsideLines { task }, En) => {
                format!("main task {task} is in none of the lines covered")
            }
            (Problem::SubcontractAboveLines { available }, Nl) => {
                format!("is hoger dan het Zvw-deel van wat deze uitbesteding dekt ({available})")
            }
            (Problem::SubcontractAboveLines { available }, En) => {
                format!("is higher than the Zvw part of what this subcontract covers ({available})")
            }
            (Problem::SubcontractsAboveLines { available }, Nl) => {
                format!("samen met andere uitbestedingen hoger dan het Zvw-deel van wat zij dekken ({available})")
            }
            (Problem::SubcontractsAboveLines { available }, En) => {
                format!("together with other subcontracts higher than the Zvw part of what they cover ({available})")
            }
            (Problem::NotPositive, Nl) => "moet groter dan nul zijn".into(),
            (Problem::NotPositive, En) => "must be greater than zero".into(),
            (Problem::ExclusiveWith { other }, Nl) => {
                format!("kan niet samen met {other} worden gegeven; kies een van beide")
            }
            (Problem::ExclusiveWith { other }, En) => {
                format!("cannot be given together with {other}; choose one")
            }
            (Problem::TableFreed, Nl) => {
                "deze marktgegevens zijn vrijgegeven (free()); lees ze opnieuw in".into()
            }
            (Problem::TableFreed, En) => {
                "this market table was freed (free()); read it again".into()
            }
            (Problem::Pc6NeedsPopulation, Nl) => {
                "een schatting met de ingebouwde CBS-bevolking kent alleen PC4-gebieden; geef bevolking per PC6 op".into()
            }
            (Problem::Pc6NeedsPopulation, En) => {
                "an estimate on the built-in CBS population knows PC4 areas only; give population per PC6".into()
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

/// Something the user should know that does not stop the calculation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Rows for the same postcode and insurer were added up.
    DuplicateRows {
        /// How many rows were merged into another.
        count: usize,
        /// The first such postcode and insurer.
        example: String,
    },
    /// Header columns that are not used.
    IgnoredColumns {
        /// Their names, listed.
        names: String,
    },
    /// A PC4 has data both as a PC4 row and as PC6 rows: both count.
    MixedPostcodeLevels {
        /// How many PC4 areas.
        count: usize,
        /// The first one.
        example: String,
    },
    /// Rows of the market table outside the work area (not used).
    RowsOutsideArea {
        /// How many.
        count: usize,
    },
    /// Work-area postcodes without any market data.
    PostcodesWithoutData {
        /// How many.
        count: usize,
        /// The first few.
        examples: String,
    },
    /// Allocated per insurer label because some labels have no known concern.
    ConcernsUnknown {
        /// Those labels, listed.
        labels: String,
    },
    /// The second party is large enough that it will likely assess the plan too.
    CoAssessmentLikely {
        /// The second party.
        party: String,
        /// Its share, as a percentage with one decimal.
        percent: String,
        /// The threshold, as a percentage.
        threshold: String,
    },
    /// The insurer split is an estimate from market shares and population.
    Estimated {
        /// Where the shares come from.
        source: &'static str,
    },
    /// The same postcode is listed twice in the work area.
    DuplicateAreaEntry {
        /// The other entry.
        other: Path,
    },
    /// The data are illustrative, not real insured persons.
    Illustrative,
    /// A line may claim a task its level is already paid for elsewhere.
    PossiblyFundedElsewhere {
        /// The line.
        line: String,
        /// The funding that may already pay for it.
        funding: &'static str,
    },
    /// The budget year lies outside the experiment (2027–2031).
    YearOutsideExperiment {
        /// The year.
        year: u16,
    },
    /// The contracted lump sum differs from the budget's Zvw total.
    ContractDiffers {
        /// The contracted amount.
        contracted: String,
        /// The budget's Zvw total.
        budget: String,
        /// Contracted minus budget.
        difference: String,
    },
    /// Work-area postcodes with insured persons but no municipality.
    PostcodesWithoutMunicipality {
        /// Insured persons there.
        insured: String,
    },
}

impl Warning {
    /// The stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::DuplicateRows { .. } => "duplicate_rows",
            Warning::IgnoredColumns { .. } => "ignored_columns",
            Warning::MixedPostcodeLevels { .. } => "mixed_postcode_levels",
            Warning::RowsOutsideArea { .. } => "rows_outside_area",
            Warning::PostcodesWithoutData { .. } => "postcodes_without_data",
            Warning::ConcernsUnknown { .. } => "concerns_unknown",
            Warning::CoAssessmentLikely { .. } => "co_assessment_likely",
            Warning::Estimated { .. } => "estimated",
            Warning::DuplicateAreaEntry { .. } => "duplicate_area_entry",
            Warning::Illustrative => "illustrative",
            Warning::PossiblyFundedElsewhere { .. } => "possibly_funded_elsewhere",
            Warning::YearOutsideExperiment { .. } => "year_outside_experiment",
            Warning::ContractDiffers { .. } => "contract_differs",
            Warning::PostcodesWithoutMunicipality { .. } => "postcodes_without_municipality",
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use Lang::{En, Nl};
        match (self, lang) {
            (Warning::DuplicateRows { count, example }, Nl) => format!(
                "{count} rijen hadden dezelfde postcode en verzekeraar als een eerdere rij en zijn opgeteld (eerste: {example})"
            ),
            (Warning::DuplicateRows { count, example }, En) => format!(
                "{count} rows had the same postcode and insurer as an earlier row and were added up (first: {example})"
            ),
            (Warning::IgnoredColumns { names }, Nl) => {
                format!("kolommen die niet worden gebruikt: {names}")
            }
            (Warning::IgnoredColumns { names }, En) => format!("columns not used: {names}"),
            (Warning::MixedPostcodeLevels { count, example }, Nl) => format!(
                "{count} PC4-gebieden hebben zowel een PC4-rij als PC6-rijen; beide tellen mee (eerste: {example})"
            ),
            (Warning::MixedPostcodeLevels { count, example }, En) => format!(
                "{count} PC4 areas have both a PC4 row and PC6 rows; both count (first: {example})"
            ),
            (Warning::RowsOutsideArea { count }, Nl) => {
                format!("{count} rijen vallen buiten het werkgebied en tellen niet mee")
            }
            (Warning::RowsOutsideArea { count }, En) => {
                format!("{count} rows lie outside the work area and do not count")
            }
            (Warning::PostcodesWithoutData { count, examples }, Nl) => format!(
                "{count} postcodes van het werkgebied hebben geen marktgegevens: {examples}"
            ),
            (Warning::PostcodesWithoutData { count, examples }, En) => format!(
                "{count} work-area postcodes have no market data: {examples}"
            ),
            (Warning::ConcernsUnknown { labels }, Nl) => format!(
                "verdeeld per verzekeraar, want van deze verzekeraars is het concern onbekend: {labels}"
            ),
            (Warning::ConcernsUnknown { labels }, En) => format!(
                "allocated per insurer, because the concern of these insurers is unknown: {labels}"
            ),
            (Warning::CoAssessmentLikely { party, percent, threshold }, Nl) => format!(
                "{party} heeft {percent}% van de verzekerden (drempel {threshold}%): medebeoordeling van het plan ligt voor de hand"
            ),
            (Warning::CoAssessmentLikely { party, percent, threshold }, En) => format!(
                "{party} has {percent}% of the insured persons (threshold {threshold}%): co-assessment of the plan is likely"
            ),
            (Warning::Estimated { source }, Nl) => format!(
                "schatting: marktaandelen per concern ({source}) toegepast op de bevolking per postcode (Bron: CBS), geen echte verzekerdenaantallen"
            ),
            (Warning::Estimated { source }, En) => format!(
                "estimate: market shares per concern ({source}) applied to population per postcode (source: CBS), not actual insured persons"
            ),
            (Warning::DuplicateAreaEntry { other }, Nl) => {
                format!("staat al in het werkgebied ({other}) en telt één keer")
            }
            (Warning::DuplicateAreaEntry { other }, En) => {
                format!("is already in the work area ({other}) and counts once")
            }
            (Warning::Illustrative, Nl) => {
                "illustratieve verzekerdenaantallen, afgeleid van landelijke marktaandelen; geen echte gegevens".into()
            }
            (Warning::Illustrative, En) => {
                "illustrative insured persons, derived from national market shares; not real data".into()
            }
            (Warning::PossiblyFundedElsewhere { line, funding }, Nl) => format!(
                "regel {line} is monodisciplinair voor een discipline die al {funding} ontvangt; trek die financiering af of licht toe waarom dit aanvullend is"
            ),
            (Warning::PossiblyFundedElsewhere { line, funding }, En) => format!(
                "line {line} is monodisciplinary for a discipline already paid through {funding}; deduct that funding or explain why this is additional"
            ),
            (Warning::YearOutsideExperiment { year }, Nl) => format!(
                "{year} valt buiten het experiment (2027 tot en met 2031; het eindigt op 1 januari 2032)"
            ),
            (Warning::YearOutsideExperiment { year }, En) => format!(
                "{year} lies outside the experiment (2027 to 2031; it ends on 1 January 2032)"
            ),
            (Warning::ContractDiffers { contracted, budget, difference }, Nl) => format!(
                "de gecontracteerde lumpsum ({contracted}) wijkt af van het Zvw-deel van de begroting ({budget}): verschil {difference}"
            ),
            (Warning::ContractDiffers { contracted, budget, difference }, En) => format!(
                "the contracted lump sum ({contracted}) differs from the budget's Zvw part ({budget}): difference {difference}"
            ),
            (Warning::PostcodesWithoutMunicipality { insured }, Nl) => format!(
                "{insured} verzekerden in het werkgebied wonen in postcodes zonder gemeente; zij tellen niet mee in de gemeentelijke verdeling"
            ),
            (Warning::PostcodesWithoutMunicipality { insured }, En) => format!(
                "{insured} insured persons in the work area live in postcodes without a municipality; they do not count in the municipal split"
            ),
        }
    }
}

/// One warning at one place in the input, as a report lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warned {
    /// Where.
    pub path: Path,
    /// What.
    pub warning: Warning,
}

impl serde::Serialize for Warned {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Warning", 4)?;
        st.serialize_field("code", self.warning.code())?;
        st.serialize_field("path", &self.path.to_string())?;
        st.serialize_field("message", &self.warning.message(Lang::Nl))?;
        st.serialize_field("messageEn", &self.warning.message(Lang::En))?;
        st.end()
    }
}

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
