//! The experiment's fixed facts: the years of the MDZ experiment (Beleidsregel experiment
//! integrale bekostiging, 2027 to 2031), the five hoofdtaken, the national framework and the
//! defaults every other module uses instead of literals.

use crate::money::Money;
use std::ops::RangeInclusive;

/// The first year of the experiment (and the default budget year).
pub const FIRST_YEAR: u16 = 2027;
/// The last year of the experiment; it ends on 1 January 2032.
pub const LAST_YEAR: u16 = 2031;
/// The experiment's years.
pub const YEARS: RangeInclusive<u16> = FIRST_YEAR..=LAST_YEAR;
/// The years a scenario (and a line's `amounts`) may name; outside [`YEARS`] with a warning.
pub const ACCEPTED_YEARS: RangeInclusive<u16> = 2000..=2100;
/// [`ACCEPTED_YEARS`] as an `unknown_value` issue lists it.
pub const ACCEPTED_YEARS_TEXT: &str = "2000..2100";
/// The hoofdtaken (main tasks) of a RESV, numbered as the policy rule numbers them.
pub const MAIN_TASKS: RangeInclusive<u8> = 1..=5;
/// The hoofdtaak whose own tasks (`ownTasks`) a line may list: 4, the regional tasks.
pub const OWN_TASKS_MAIN_TASK: u8 = 4;
/// The structural increase of the MDZ framework for RESV activities: €70,000,000.00 a year
/// from 2027 (the figures weigh a region's claim against this increase).
pub const MDZ_FRAMEWORK: Money = Money::from_cents(7_000_000_000);
/// The national population: 18,044,025 (CBS, 1 January 2025, the sum of the PC4 table).
pub const NATIONAL_POPULATION: u64 = 18_044_025;
/// The share of the second party, in percent, from which it will likely co-assess the plan.
pub const CO_ASSESSMENT_THRESHOLD: u32 = 30;

/// Whether `year` lies inside the experiment.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn is_experiment_year(year: u16) -> bool {
    YEARS.contains(&year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_accepted_years_text_names_the_accepted_range() {
        let text = format!("{}..{}", ACCEPTED_YEARS.start(), ACCEPTED_YEARS.end());
        assert_eq!(text, ACCEPTED_YEARS_TEXT);
        assert!(ACCEPTED_YEARS.contains(&FIRST_YEAR) && ACCEPTED_YEARS.contains(&LAST_YEAR));
    }
}
