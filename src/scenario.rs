//! A scenario — one RESV region, one year — read from loose input and calculated into a
//! [`Report`]; and [`allocate_regions`], many regions over one market table.

use crate::area::{self, Area};
use crate::estimate;
use crate::issue::{Expected, Issue, Issues, Path, Problem, Warned, Warning};
use crate::market::{self, Market};
use crate::money::Money;
use crate::read;
use crate::value::Value;
use crate::verdeelsleutel::{self, By, InsurerPart, Rounding, Settings};
use rust_decimal::Decimal;
use serde::Serialize;

/// The fields a scenario may have (so far).
const FIELDS: &[&str] = &[
    "year",
    "name",
    "lumpSum",
    "market",
    "estimate",
    "workArea",
    "insurers",
    "allocateBy",
    "rounding",
    "coAssessmentThreshold",
    "illustrative",
];

/// The default budget year: the first year of the experiment.
pub const DEFAULT_YEAR: u16 = 2027;

/// The totals of a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Gross cost of the budget.
    pub gross: Money,
    /// Existing funding deducted.
    pub existing_funding: Money,
    /// Net cost.
    pub net: Money,
    /// Zvw part: what the insurers pay.
    pub zvw: Money,
    /// Municipal part.
    pub municipal: Money,
    /// Wlz part (reported, never allocated).
    pub wlz: Money,
    /// Zvw parts waiting for a municipal grant.
    pub conditional_zvw: Money,
}

/// A money flow.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flow {
    /// Payer.
    pub from: String,
    /// Payee.
    pub to: String,
    /// Amount.
    pub amount: Money,
    /// `"zvw"`, `"municipal"` or `"subcontract"`.
    pub kind: &'static str,
}

/// The work area as the calculation saw it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AreaReport {
    /// Work area entries given (0: the whole market table).
    pub entries: usize,
    /// Market rows inside the area.
    pub rows_inside: usize,
    /// Market rows outside it.
    pub rows_outside: usize,
    /// Area postcodes (PC4 areas of ranges, listed PC6) without data.
    pub postcodes_without_data: usize,
    /// The first of those.
    pub postcodes_without_data_examples: Vec<String>,
}

/// How the lump sum was allocated over the insurers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    /// Per concern or per insurer label.
    pub by: By,
    /// Rounding rule.
    pub rounding: Rounding,
    /// Whether the insured persons are an estimate (market shares × population).
    pub estimate: bool,
    /// The market leader's id.
    pub leader: String,
    /// Whether the second party will likely assess the plan too.
    pub co_assessment: bool,
    /// The threshold for that, in percent.
    pub co_assessment_threshold: String,
    /// Insured persons in the work area.
    pub insured: String,
    /// The work area.
    pub area: AreaReport,
}

/// The result of `calculate`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The scenario's name.
    pub name: Option<String>,
    /// Budget year.
    pub year: u16,
    /// Totals.
    pub totals: Totals,
    /// Per paying party: the basis and its amount; amounts sum to `totals.zvw`.
    pub insurers: Vec<InsurerPart>,
    /// Per municipality (budget lines with a municipal part; none yet without them).
    pub municipalities: Vec<()>,
    /// Per budget line (none without budget lines).
    pub lines: Vec<()>,
    /// The money flows.
    pub flows: Vec<Flow>,
    /// How the allocation was made.
    pub allocation: Allocation,
    /// Everything worth knowing that did not stop the calculation.
    pub warnings: Vec<Warned>,
}

/// Reads an optional whole year.
fn read_year(value: &Value, at: &Path, issues: &mut Issues) -> Option<u16> {
    if value.is_null() {
        return Some(DEFAULT_YEAR);
    }
    let d = read::decimal(value, at, issues)?;
    match u16::try_from(d.normalize().mantissa()) {
        Ok(y) if d.normalize().scale() == 0 && (2000..=2100).contains(&y) => Some(y),
        _ => {
            issues.push(
                at.clone(),
                Problem::UnknownValue {
                    allowed: "2000..2100",
                },
            );
            None
        }
    }
}

/// A lump sum: money, not negative, whole cents.
fn read_lump_sum(value: &Value, at: &Path, issues: &mut Issues) -> Option<Money> {
    let m = read::money(value, at, issues)?;
    if m.value() < Decimal::ZERO {
        issues.push(at.clone(), Problem::NegativeAmount);
        return None;
    }
    if !m.is_multiple_of(Decimal::new(1, 2)) {
        issues.push(
            at.clone(),
            Problem::NotWholeMinorUnits {
                minor_unit: "0.01".into(),
            },
        );
        return None;
    }
    Some(m)
}

/// Warnings of a market table, under the `market` path.
fn market_warnings(market: &Market, origin: &Path) -> Vec<Warned> {
    market
        .warnings()
        .iter()
        .map(|w| Warned {
            path: verdeelsleutel::prefixed(origin, &w.path),
            warning: w.warning.clone(),
        })
        .collect()
}

/// The whole calculation for one region and one year.
///
/// `table` is the market when the scenario's `market` is a parsed table (the binding resolves
/// it); otherwise `scenario.market` holds rows, or `scenario.estimate` asks for an estimate.
///
/// # Errors
/// Every problem found, with its path.
pub fn calculate(scenario: &Value, table: Option<&Market>) -> Result<Report, Issues> {
    let mut issues = Issues::new();
    let mut warnings = Vec::new();
    let root = Path::root();
    if !matches!(scenario, Value::Object { .. }) {
        read::wrong_type(scenario, Expected::Object, &root, &mut issues);
        return Err(issues);
    }
    read::options(scenario, FIELDS, &root, &mut issues);
    let year = read_year(
        read::field(scenario, "year"),
        &root.key("year"),
        &mut issues,
    );
    let name_value = read::field(scenario, "name");
    let name = if name_value.is_null() {
        None
    } else {
        read::text(name_value, &root.key("name"), &mut issues).map(str::to_owned)
    };
    let lump_path = root.key("lumpSum");
    let lump_sum = match read::field(scenario, "lumpSum") {
        Value::Null => {
            issues.push(lump_path.clone(), Problem::Missing);
            None
        }
        v => read_lump_sum(v, &lump_path, &mut issues),
    };
    let settings = verdeelsleutel::read_settings(scenario, &root, &mut issues);
    let illustrative = read::boolean(
        read::field(scenario, "illustrative"),
        false,
        &root.key("illustrative"),
        &mut issues,
    );
    let area_path = root.key("workArea");
    let area_value = read::field(scenario, "workArea");
    let area = if area_value.is_null() {
        Some(Area::everything())
    } else {
        area::read_area(area_value, &area_path, &mut issues, &mut warnings)
    };

    let market_path = root.key("market");
    let market_value = read::field(scenario, "market");
    let estimate_value = read::field(scenario, "estimate");
    let mut estimated: Option<&'static str> = None;
    let owned: Option<Market>;
    let market: Option<&Market> = match (table, market_value, estimate_value) {
        (_, _, e) if !e.is_null() && (table.is_some() || !market_value.is_null()) => {
            issues.push(
                root.key("estimate"),
                Problem::ExclusiveWith {
                    other: market_path.clone(),
                },
            );
            None
        }
        (Some(t), _, _) => Some(t),
        (None, Value::Null, Value::Null) => {
            issues.push(market_path.clone(), Problem::Missing);
            None
        }
        (None, Value::Null, e) => {
            match &area {
                Some(a) if a.is_everything() => {
                    issues.push(area_path.clone(), Problem::Missing);
                    owned = None;
                }
                Some(a) => {
                    owned =
                        estimate::read_estimate(e, &a.spans, &root.key("estimate"), &mut issues)
                            .map(|(m, source)| {
                                estimated = Some(source);
                                m
                            });
                }
                None => owned = None,
            }
            owned.as_ref()
        }
        (None, rows, _) => match market::from_rows(rows, &market_path) {
            Ok(m) => {
                owned = Some(m);
                owned.as_ref()
            }
            Err(e) => {
                extend(&mut issues, e);
                None
            }
        },
    };
    let (Some(year), Some(lump_sum), Some(area), Some(market), true) =
        (year, lump_sum, area, market, issues.is_empty())
    else {
        return Err(issues);
    };
    warnings.splice(0..0, market_warnings(market, &market_path));
    let Some(parties) =
        verdeelsleutel::resolve(market, &settings, &market_path, &mut issues, &mut warnings)
    else {
        return Err(issues);
    };
    let tally = market.tally(&area.spans);
    let (split, co_warning) = verdeelsleutel::split_region(
        lump_sum, market, &tally, &parties, &settings,
    )
    .map_err(|p| {
        let at = if area.is_everything() {
            market_path.clone()
        } else {
            area_path.clone()
        };
        Issues::from(Issue::new(at, p))
    })?;
    let rows_outside = market.row_count().saturating_sub(tally.rows_inside);
    if rows_outside > 0 && estimated.is_none() {
        warnings.push(Warned {
            path: area_path.clone(),
            warning: Warning::RowsOutsideArea {
                count: rows_outside,
            },
        });
    }
    let examples: Vec<String> = tally
        .without_data_examples
        .iter()
        .map(ToString::to_string)
        .collect();
    if tally.without_data > 0 {
        warnings.push(Warned {
            path: area_path.clone(),
            warning: Warning::PostcodesWithoutData {
                count: tally.without_data,
                examples: examples.join(", "),
            },
        });
    }
    if let Some(w) = co_warning {
        warnings.push(Warned {
            path: root.key("coAssessmentThreshold"),
            warning: w,
        });
    }
    if illustrative == Some(true) {
        warnings.insert(
            0,
            Warned {
                path: root.key("illustrative"),
                warning: Warning::Illustrative,
            },
        );
    }
    if let Some(source) = estimated {
        warnings.push(Warned {
            path: root.key("estimate"),
            warning: Warning::Estimated { source },
        });
    }
    let flows = split
        .insurers
        .iter()
        .map(|i| Flow {
            from: i.id.clone(),
            to: "resv".into(),
            amount: i.amount,
            kind: "zvw",
        })
        .collect();
    Ok(Report {
        name,
        year,
        totals: Totals {
            gross: lump_sum,
            existing_funding: Money::ZERO,
            net: lump_sum,
            zvw: lump_sum,
            municipal: Money::ZERO,
            wlz: Money::ZERO,
            conditional_zvw: Money::ZERO,
        },
        insurers: split.insurers,
        municipalities: Vec::new(),
        lines: Vec::new(),
        flows,
        allocation: Allocation {
            by: parties.by,
            rounding: settings.rounding,
            estimate: estimated.is_some(),
            leader: split.leader,
            co_assessment: split.co_assessment,
            co_assessment_threshold: settings.threshold.normalize().to_string(),
            insured: split.insured.to_string(),
            area: AreaReport {
                entries: area.entries,
                rows_inside: tally.rows_inside,
                rows_outside,
                postcodes_without_data: tally.without_data,
                postcodes_without_data_examples: examples,
            },
        },
        warnings,
    })
}

fn extend(issues: &mut Issues, more: Issues) {
    for i in more.as_slice() {
        issues.push(i.path.clone(), i.problem.clone());
    }
}

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
    let mut issues = Issues::new();
    let options_path = Path::root().key("options");
    let regions_path = Path::root().key("regions");
    let settings = if read::options(
        options,
        verdeelsleutel::SETTINGS_FIELDS,
        &options_path,
        &mut issues,
    ) {
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
            let id_at = at().key("id");
            let id = read::text(read::field(item, "id"), &id_at, &mut issues);
            if let Some(id) = id {
                if id.is_empty() {
                    issues.push(id_at.clone(), Problem::EmptyId);
                } else if let Some(&first) = seen.get(id) {
                    issues.push(
                        id_at.clone(),
                        Problem::DuplicateId {
                            id: id.to_owned(),
                            first: regions_path.index(first).key("id"),
                        },
                    );
                } else {
                    seen.insert(id, i);
                }
            }
            let area = area::read_area(
                read::field(item, "postcodes"),
                &at().key("postcodes"),
                &mut issues,
                &mut warnings,
            );
            let lump_at = at().key("lumpSum");
            let lump = read_lump_sum(read::field(item, "lumpSum"), &lump_at, &mut issues);
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
