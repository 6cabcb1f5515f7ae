//! [`Warning`]: what the user should know that does not stop the calculation.

use super::{Lang, Path};
use rust_decimal::Decimal;

/// Where an estimate's market shares come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareSource {
    /// The national shares per concern (NZa/Vektis).
    National,
    /// Shares the scenario gives.
    Given,
}

/// Existing funding that may already pay for a monodisciplinary line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaidThrough {
    /// Organisatie & Infrastructuur (the GP's O&I funding).
    OI,
    /// The coordination part of district nursing (coördinatie wijkverpleging).
    DistrictNursingCoordination,
}

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
        /// Their names.
        names: Vec<String>,
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
        examples: Vec<String>,
    },
    /// Allocated per insurer label because some labels have no known concern.
    ConcernsUnknown {
        /// Those labels (the first ten).
        labels: Vec<String>,
    },
    /// The second party is large enough that it will likely assess the plan too.
    CoAssessmentLikely {
        /// The second party.
        party: String,
        /// Its share, as a percentage rounded to one decimal.
        percent: Decimal,
        /// The threshold, as a percentage.
        threshold: Decimal,
    },
    /// The insurer split is an estimate from market shares and population.
    Estimated {
        /// Where the shares come from.
        source: ShareSource,
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
        funding: PaidThrough,
    },
    /// The budget year lies outside the experiment (2027–2031).
    YearOutsideExperiment {
        /// The year.
        year: u16,
    },
    /// The contracted lump sum differs from the budget's Zvw total.
    ContractDiffers {
        /// The contracted amount.
        contracted: Decimal,
        /// The budget's Zvw total.
        budget: Decimal,
        /// Contracted minus budget.
        difference: Decimal,
    },
    /// The designated market leader(s) are not the party with the most insured persons.
    LeaderDiffersFromData {
        /// The designated leaders.
        designated: Vec<String>,
        /// The party with the most insured persons.
        largest: String,
    },
    /// A line deducts ZonMw subsidy in a year of the experiment, though it runs through 2026.
    ZonmwEnded {
        /// The line.
        line: String,
    },
    /// Subcontracts are modelled before the written agreement with the insurers (BR/REG-27110
    /// art. 4.1) is recorded: they are calculated, but pending that agreement.
    NoAgreement,
    /// Work-area postcodes with insured persons but no municipality.
    PostcodesWithoutMunicipality {
        /// Insured persons there.
        insured: Decimal,
    },
}

impl Warning {
    /// The stable snake_case code.
    #[cfg_attr(resv_optimize, optimize(size))]
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
            Warning::NoAgreement => "no_agreement",
            Warning::ZonmwEnded { .. } => "zonmw_ended",
            Warning::LeaderDiffersFromData { .. } => "leader_differs_from_data",
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
    #[cfg_attr(resv_optimize, optimize(size))]
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
