//! Many regions over one market table: [`allocate_regions`] and the [`national_view`]
//! against the MDZ framework.

use super::report::AreaReport;
use super::{Overflow, Phase};
use crate::area::{self, Area};
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem};
use crate::market::Market;
use crate::mdz;
use crate::money::Money;
use crate::verdeelsleutel::{self, InsurerPart, Settings};
use serde::Serialize;

/// One region's result in [`allocate_regions`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionResult {
    /// The region's id.
    pub id: String,
    /// Its lump sum.
    pub lump_sum: Money,
    /// Insured persons in the region.
    pub insured: String,
    /// The market leader's id.
    pub leader: String,
    /// Whether co-assessment is likely.
    pub co_assessment: bool,
    /// Per paying party.
    pub insurers: Vec<InsurerPart>,
    /// Rows of the region and postcodes without data.
    pub area: AreaReport,
}

/// The region fields.
const REGION_FIELDS: &[&str] = &["id", "postcodes", "lumpSum"];

/// Many regions over one market table, each allocated as `calculate` would.
///
/// # Errors
/// Every problem found, with paths such as `regions[3].postcodes[0]`.
pub fn allocate_regions(
    market: &Market,
    regions: &Value,
    options: &Value,
) -> Result<Vec<RegionResult>, Issues> {
    regions_with(
        market,
        regions,
        options,
        verdeelsleutel::SETTINGS_FIELDS,
        &mut Issues::new(),
    )
}

/// `allocate_regions` with the option names allowed, recording problems in `issues`.
fn regions_with(
    market: &Market,
    regions: &Value,
    options: &Value,
    allowed: &[&str],
    issues: &mut Issues,
) -> Result<Vec<RegionResult>, Issues> {
    let mut issues = std::mem::take(issues);
    let options_path = Path::root().key("options");
    let regions_path = Path::root().key("regions");
    let settings = if read::options(options, allowed, &options_path, &mut issues) {
        verdeelsleutel::read_settings(options, &options_path, &mut issues)
    } else {
        Settings::default()
    };
    let mut warnings = Vec::new();
    let mut parsed: Vec<(String, Area, Money)> = Vec::new();
    if let Some(items) = read::list(regions, &regions_path, &mut issues) {
        if items.is_empty() {
            issues.push(regions_path.clone(), Problem::NoParties);
        }
        let mut seen = std::collections::HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let at = || regions_path.index(i);
            if !matches!(item, Value::Object { .. }) {
                read::wrong_type(item, Expected::Object, &at, &mut issues);
                continue;
            }
            read::options(item, REGION_FIELDS, &at, &mut issues);
            let id = read::unique_id(item, &regions_path, i, &mut seen, &mut issues);
            let area = area::read_area(
                read::field(item, "postcodes"),
                &at().key("postcodes"),
                &mut issues,
                &mut warnings,
            );
            let lump_at = at().key("lumpSum");
            let lump = read::cents(read::field(item, "lumpSum"), &lump_at, &mut issues);
            if let (Some(id), Some(area), Some(lump)) = (id, area, lump) {
                parsed.push((id.to_owned(), area, lump));
            }
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let Some(parties) = verdeelsleutel::resolve(
        market,
        &settings,
        &Path::root().key("market"),
        &mut issues,
        &mut warnings,
    ) else {
        return Err(issues);
    };
    let mut out = Vec::with_capacity(parsed.len());
    for (i, (id, area, lump)) in parsed.into_iter().enumerate() {
        let tally = market.tally(&area.spans);
        match verdeelsleutel::split_region(lump, market, &tally, &parties, &settings) {
            Ok((split, _)) => out.push(RegionResult {
                id,
                lump_sum: lump,
                insured: split.insured.to_string(),
                leader: split.leader,
                co_assessment: split.co_assessment,
                insurers: split.insurers,
                area: AreaReport {
                    postcodes: super::report::area_texts(&area),
                    entries: area.entries,
                    rows_inside: tally.rows_inside,
                    rows_outside: market.row_count().saturating_sub(tally.rows_inside),
                    postcodes_without_data: tally.without_data,
                    postcodes_without_data_examples: tally
                        .without_data_examples
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                },
            }),
            Err(p) => issues.push(regions_path.index(i).key("postcodes"), p),
        }
    }
    issues.into_result(out)
}

/// The national view: every region's claim against the MDZ framework, and each insurer's
/// total over all regions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NationalView {
    /// Each region as `allocateRegions` gives it, with its place against the framework.
    pub regions: Vec<NationalRegion>,
    /// Each insurer's total over all regions, largest first.
    pub insurers: Vec<NationalInsurer>,
    /// The framework.
    pub framework: Money,
    /// All regions' lump sums.
    pub claimed: Money,
    /// Framework minus claimed.
    pub headroom: Money,
    /// The national population used.
    pub national_population: u64,
}

/// One region in the national view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NationalRegion {
    /// The region's allocation.
    #[serde(flatten)]
    pub result: RegionResult,
    /// Its lump sum per insured person.
    pub per_capita: Money,
    /// Its share of the framework by population.
    pub fair_share: Money,
}

/// One insurer over all regions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NationalInsurer {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Total over the regions.
    pub amount: Money,
    /// In how many regions it pays.
    pub regions: usize,
}

/// Many regions against the national MDZ framework (options: the verdeelsleutel settings and
/// `mdz: { framework?, population? }`).
///
/// # Errors
/// Every problem found, with its path.
pub fn national_view(
    market: &Market,
    regions: &Value,
    options: &Value,
) -> Result<NationalView, Issues> {
    let mut issues = Issues::new();
    let mut allowed: Vec<&str> = verdeelsleutel::SETTINGS_FIELDS.to_vec();
    allowed.push("mdz");
    let mdz_options = mdz::read_options(
        read::field(options, "mdz"),
        &Path::root().key("options").key("mdz"),
        &mut issues,
    );
    let results = regions_with(market, regions, options, &allowed, &mut issues)?;
    let Some(o) = mdz_options else {
        return Err(issues);
    };
    let overflow = || Issues::from(Overflow::at(Phase::Mdz, Path::root().key("regions")));
    let mut claimed = Money::ZERO;
    let mut totals: Vec<NationalInsurer> = Vec::new();
    let mut out = Vec::with_capacity(results.len());
    for r in results {
        claimed = claimed.checked_add(r.lump_sum).ok_or_else(overflow)?;
        for i in &r.insurers {
            match totals.iter_mut().find(|t| t.id == i.id) {
                Some(t) => {
                    t.amount = t.amount.checked_add(i.amount).ok_or_else(overflow)?;
                    t.regions = t.regions.saturating_add(1);
                }
                None => totals.push(NationalInsurer {
                    id: i.id.clone(),
                    name: i.name.clone(),
                    amount: i.amount,
                    regions: 1,
                }),
            }
        }
        let population = crate::money::parse_decimal(&r.insured).map_err(|_| overflow())?;
        let m = mdz::compute(&o, r.lump_sum, population, &[]).ok_or_else(overflow)?;
        out.push(NationalRegion {
            per_capita: m.per_capita,
            fair_share: m.fair_share,
            result: r,
        });
    }
    crate::order::sort_by(&mut totals, &|a, b| {
        b.amount
            .value()
            .cmp(&a.amount.value())
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(NationalView {
        regions: out,
        insurers: totals,
        framework: o.framework,
        claimed,
        headroom: o.framework.checked_sub(claimed).ok_or_else(overflow)?,
        national_population: o.population,
    })
}
