//! [`Notes`]: the warnings of one calculation, collected phase by phase and listed in one
//! fixed order.

use crate::issue::Warned;

/// The warnings of one calculation, by where they come from.
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// The data are marked illustrative.
    pub illustrative: Option<Warned>,
    /// The market table's own warnings (duplicate rows, unused columns, mixed levels).
    pub market: Vec<Warned>,
    /// Met while reading: the work area, the year, the budget lines, the municipalities.
    pub reading: Vec<Warned>,
    /// Met while resolving the paying parties (unknown concerns).
    pub parties: Vec<Warned>,
    /// The contracted lump sum differs from the budget's Zvw.
    pub contract: Option<Warned>,
    /// Subcontracts pending the written agreement with the insurers.
    pub agreement: Option<Warned>,
    /// Insured persons living outside every municipality.
    pub municipal: Option<Warned>,
    /// Rows outside the work area, work-area postcodes without data.
    pub area: Vec<Warned>,
    /// The designated market leader differs from the data's.
    pub leader: Option<Warned>,
    /// The second party will likely co-assess the plan.
    pub co_assessment: Option<Warned>,
    /// The insured persons are an estimate.
    pub estimate: Option<Warned>,
}

impl Notes {
    /// Every warning, in the order a report lists them: what the data are first, then the
    /// input top to bottom, then what the calculation found.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn into_warnings(self) -> Vec<Warned> {
        let Notes {
            illustrative,
            market,
            reading,
            parties,
            contract,
            agreement,
            municipal,
            area,
            leader,
            co_assessment,
            estimate,
        } = self;
        let mut out = Vec::new();
        out.extend(illustrative);
        out.extend(market);
        out.extend(reading);
        out.extend(parties);
        out.extend(contract);
        out.extend(agreement);
        out.extend(municipal);
        out.extend(area);
        out.extend(leader);
        out.extend(co_assessment);
        out.extend(estimate);
        out
    }
}
