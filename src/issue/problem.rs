//! [`Problem`]: what is wrong with one input value, as typed facts with a stable code.

use super::Path;
use rust_decimal::Decimal;

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
        /// The largest accepted magnitude.
        max: Decimal,
    },
    /// The total is not a whole number of minor units.
    NotWholeMinorUnits {
        /// The minor unit.
        minor_unit: Decimal,
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
        /// Their sum (`None`: too large to add up).
        sum: Option<Decimal>,
    },
    /// A line's area reaches outside the work area.
    AreaOutsideWorkArea,
    /// A municipal share with no municipality (with residents) in its area to carry it.
    NoMunicipality,
    /// An executing provider commissioning further, or the RESV subcontracting itself.
    SubcontractChain,
    /// A subcontract to the party that receives the money itself: the kassier, or the
    /// hoofdaannemer (the RESV) paying itself.
    SubcontractToSelf {
        /// The contractor as named.
        name: String,
        /// Whether it is the kassier (else the hoofdaannemer).
        kassier: bool,
    },
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
        available: Decimal,
    },
    /// Subcontracts that together exceed the Zvw of what they cover.
    SubcontractsAboveLines {
        /// That Zvw.
        available: Decimal,
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
    /// Reading the value threw a JS exception (a throwing getter, a revoked proxy, a detached
    /// buffer): it could not be read.
    ReadThrew,
    /// The input needs more memory than the module has: it is too large to process.
    OutOfMemory,
    /// A typed amount that fits no reading of the page's number format (`input::typed`).
    AmountUnreadable {
        /// What was typed (trimmed, cut to 40 characters).
        typed: String,
        /// The number format it was read in.
        format: super::Lang,
    },
    /// A typed percentage that fits no reading of the page's number format.
    PercentUnreadable {
        /// What was typed (trimmed, cut to 40 characters).
        typed: String,
        /// The number format it was read in.
        format: super::Lang,
    },
}

impl Problem {
    /// The stable snake_case code of this problem, for programs.
    #[cfg_attr(resv_optimize, optimize(size))]
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
            Problem::SubcontractChain => "subcontract_chain",
            Problem::SubcontractToSelf { .. } => "subcontract_to_self",
            Problem::UnknownLine { .. } => "unknown_line",
            Problem::TaskOutsideLines { .. } => "task_outside_lines",
            Problem::SubcontractAboveLines { .. } => "subcontract_above_lines",
            Problem::SubcontractsAboveLines { .. } => "subcontracts_above_lines",
            Problem::NotPositive => "not_positive",
            Problem::ExclusiveWith { .. } => "exclusive_with",
            Problem::TableFreed => "table_freed",
            Problem::Pc6NeedsPopulation => "pc6_needs_population",
            Problem::ReadThrew => "read_failed",
            Problem::OutOfMemory => "too_large",
            Problem::TextTooLong { .. } => "text_too_long",
            Problem::AmountUnreadable { .. } => "amount_unreadable",
            Problem::PercentUnreadable { .. } => "percent_unreadable",
        }
    }
}
