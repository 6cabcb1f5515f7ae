//! A scenario — one RESV region, one year — read from loose input and calculated into a
//! [`Report`]; and [`allocate_regions`], many regions over one market table.

use crate::area::{self, Area};
use crate::budget::{self, Level, LineResult, Summary, YearTotals};
use crate::estimate;
use crate::experiment;
use crate::flows::{self, Hoofdaannemer, Ledger, Sankey, SubcontractReport};
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issue, Issues, Path, Problem, Warned, Warning};
use crate::market::{self, Market};
use crate::mdz::{self, Mdz};
use crate::money::Money;
use crate::municipality::{self, MunicipalityPart};
use crate::verdeelsleutel::{self, By, InsurerPart, Rounding, Settings};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

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
    "budget",
    "municipalities",
    "leadMunicipality",
    "schedule",
    "hoofdaannemer",
    "subcontracts",
    "mdz",
];

/// The default budget year: the first year of the experiment.
pub const DEFAULT_YEAR: u16 = experiment::FIRST_YEAR;

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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Budget year.
    pub year: u16,
    /// Totals: the budget's, with `zvw` the amount allocated over the insurers.
    pub totals: budget::Sums,
    /// The budget's own Zvw total (differs from `totals.zvw` when a contracted lump sum is
    /// allocated instead).
    pub budget_zvw: Money,
    /// Per paying party: the basis and its amount; amounts sum to `totals.zvw`.
    pub insurers: Vec<InsurerPart>,
    /// Per municipality; amounts sum to `totals.municipal`.
    pub municipalities: Vec<MunicipalityPart>,
    /// Per budget line.
    pub lines: Vec<LineResult>,
    /// The budget per hoofdtaak and per level, each adding up to the totals.
    pub summaries: Summaries,
    /// Totals per year of the lines (2027 concretely, later years as development steps).
    pub years: Vec<YearTotals>,
    /// Each payer's instalments.
    pub payments: Payments,
    /// The hoofdaannemer, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hoofdaannemer: Option<Hoofdaannemer>,
    /// Onderlinge dienstverlening: each subcontract and which insurer's money funds it.
    pub subcontracts: Vec<SubcontractReport>,
    /// Money in = money out + kept, per insurer and in total.
    pub ledger: Ledger,
    /// The flows as Sankey nodes and links.
    pub sankey: Sankey,
    /// The region against the MDZ framework.
    pub mdz: Mdz,
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
        Ok(y) if d.normalize().scale() == 0 && experiment::ACCEPTED_YEARS.contains(&y) => Some(y),
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
    let has_budget = !read::field(scenario, "budget").is_null();
    let lump_sum = match read::field(scenario, "lumpSum") {
        Value::Null if has_budget => Some(None),
        Value::Null => {
            issues.push(lump_path.clone(), Problem::Missing);
            None
        }
        v => read::cents(v, &lump_path, &mut issues).map(Some),
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

    if let Some(y) = year {
        if !experiment::is_experiment_year(y) {
            warnings.push(Warned {
                path: root.key("year"),
                warning: Warning::YearOutsideExperiment { year: y },
            });
        }
    }
    let lines = match (has_budget, &area, year) {
        (true, Some(a), Some(y)) => budget::read_lines(
            read::field(scenario, "budget"),
            y,
            a,
            &root.key("budget"),
            &mut issues,
            &mut warnings,
        ),
        _ => Some(Vec::new()),
    };
    let municipalities = match read::field(scenario, "municipalities") {
        Value::Null => Some(Vec::new()),
        v => municipality::read_municipalities(
            v,
            &root.key("municipalities"),
            &mut issues,
            &mut warnings,
        ),
    };
    let lead = match read::field(scenario, "leadMunicipality") {
        Value::Null => None,
        v => {
            let at = root.key("leadMunicipality");
            let id = read::text(v, &at, &mut issues);
            if let (Some(id), Some(ms)) = (id, &municipalities) {
                if !ms.iter().any(|m| m.id == id) {
                    issues.push(
                        at,
                        Problem::UnknownValue {
                            allowed: "municipalities[].id",
                        },
                    );
                }
            }
            id.map(str::to_owned)
        }
    };
    let quarterly = match read::field(scenario, "schedule") {
        Value::Null => false,
        v => {
            let at = root.key("schedule");
            match read::text(v, &at, &mut issues) {
                Some("monthly") => false,
                Some("quarterly") => true,
                Some(_) => {
                    issues.push(
                        at,
                        Problem::UnknownValue {
                            allowed: "\"monthly\", \"quarterly\"",
                        },
                    );
                    false
                }
                None => false,
            }
        }
    };

    let hoofdaannemer = match read::field(scenario, "hoofdaannemer") {
        Value::Null => Some(None),
        v => flows::read_hoofdaannemer(v, &root.key("hoofdaannemer"), &mut issues).map(Some),
    };
    let mdz_options =
        mdz::read_options(read::field(scenario, "mdz"), &root.key("mdz"), &mut issues);
    // Without budget lines the lump sum is one line covering every hoofdtaak, so subcontracts
    // work the same way.
    let lump_line = match (&lines, &lump_sum) {
        (Some(ls), Some(Some(m))) if ls.is_empty() => Some(budget::lump_sum_line(*m)),
        _ => None,
    };
    let subcontracts = match (
        read::field(scenario, "subcontracts"),
        &lines,
        &hoofdaannemer,
    ) {
        (Value::Null, _, _) => Some(Vec::new()),
        (v, Some(ls), Some(h)) => {
            let ls: &[budget::Line] = match &lump_line {
                Some(l) => std::slice::from_ref(l),
                None => ls,
            };
            flows::read_subcontracts(
                v,
                &root.key("subcontracts"),
                ls,
                h.as_ref(),
                &root.key("hoofdaannemer"),
                &mut issues,
            )
        }
        _ => None,
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
    let (
        Some(year),
        Some(lump_sum),
        Some(area),
        Some(market),
        Some(lines),
        Some(municipalities),
        Some(hoofdaannemer),
        Some(subcontracts),
        Some(mdz_options),
        true,
    ) = (
        year,
        lump_sum,
        area,
        market,
        lines,
        municipalities,
        hoofdaannemer,
        subcontracts,
        mdz_options,
        issues.is_empty(),
    )
    else {
        return Err(issues);
    };
    warnings.splice(0..0, market_warnings(market, &market_path));
    let Some(parties) =
        verdeelsleutel::resolve(market, &settings, &market_path, &mut issues, &mut warnings)
    else {
        return Err(issues);
    };
    let overflow = || {
        Issues::from(Issue::new(
            root.key("budget"),
            Problem::AmountTooLarge {
                max: crate::money::MAX_AMOUNT.to_string(),
            },
        ))
    };
    // The budget's lines for the year, and the totals of the development years.
    let results: Vec<LineResult> = lines
        .iter()
        .map(|l| budget::line_result(l, l.amount))
        .collect::<Option<_>>()
        .ok_or_else(overflow)?;
    let sums = if lines.is_empty() {
        let z = lump_sum.unwrap_or(Money::ZERO);
        budget::Sums {
            gross: z,
            net: z,
            zvw: z,
            ..budget::Sums::default()
        }
    } else {
        budget::totals(&results).ok_or_else(overflow)?
    };
    let mut years: Vec<YearTotals> = Vec::new();
    if !lines.is_empty() {
        let mut ys: Vec<u16> = lines
            .iter()
            .flat_map(|l| l.years.iter().map(|(y, _)| *y))
            .collect();
        ys.sort_unstable();
        ys.dedup();
        for y in ys {
            let rs: Vec<LineResult> = lines
                .iter()
                .filter_map(|l| {
                    l.years
                        .iter()
                        .find(|(ly, _)| *ly == y)
                        .and_then(|(_, a)| budget::line_result(l, *a))
                })
                .collect();
            years.push(YearTotals {
                year: y,
                sums: budget::totals(&rs).ok_or_else(overflow)?,
            });
        }
    }
    // The Zvw amount allocated: the contracted lump sum when given, else the budget's Zvw.
    let contracted = lump_sum.unwrap_or(sums.zvw);
    if let (Some(c), false) = (lump_sum, lines.is_empty()) {
        if c != sums.zvw {
            warnings.push(Warned {
                path: lump_path.clone(),
                warning: Warning::ContractDiffers {
                    contracted: c.to_string(),
                    budget: sums.zvw.to_string(),
                    difference: c
                        .checked_sub(sums.zvw)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                },
            });
        }
    }
    // Pools: lines with the same area share one split (the work area is pool 0).
    let mut pools: Vec<(Option<Area>, Money, Money, usize)> =
        vec![(None, Money::ZERO, Money::ZERO, 0)];
    let mut line_pool: Vec<usize> = Vec::with_capacity(lines.len());
    for (i, (l, r)) in lines.iter().zip(&results).enumerate() {
        let k = match pools
            .iter()
            .position(|p| p.0.as_ref().map(|a| &a.spans) == l.area.as_ref().map(|a| &a.spans))
        {
            Some(k) => k,
            None => {
                pools.push((l.area.clone(), Money::ZERO, Money::ZERO, i));
                pools.len().saturating_sub(1)
            }
        };
        line_pool.push(k);
        if let Some(p) = pools.get_mut(k) {
            if p.1.value().is_zero() && p.2.value().is_zero() {
                p.3 = i;
            }
            p.1 = p.1.checked_add(r.zvw).ok_or_else(overflow)?;
            p.2 = p.2.checked_add(r.municipal).ok_or_else(overflow)?;
        }
    }
    if lines.is_empty() {
        if let Some(p) = pools.get_mut(0) {
            p.1 = contracted;
        }
    }
    let pool_zvw: Vec<Money> = if contracted
        == pools
            .iter()
            .try_fold(Money::ZERO, |a, p| a.checked_add(p.1))
            .ok_or_else(overflow)?
    {
        pools.iter().map(|p| p.1).collect()
    } else if pools.iter().all(|p| p.1.value().is_zero()) {
        // A contract with a budget of no Zvw parts: the work area carries it.
        pools
            .iter()
            .enumerate()
            .map(|(k, _)| if k == 0 { contracted } else { Money::ZERO })
            .collect()
    } else {
        let ws: Vec<Decimal> = pools.iter().map(|p| p.1.value()).collect();
        crate::split::split(contracted.value(), &ws, Decimal::new(1, 2))
            .ok()
            .and_then(|v| {
                v.into_iter()
                    .map(|d| Money::new(d).ok())
                    .collect::<Option<Vec<_>>>()
            })
            .ok_or_else(overflow)?
    };
    let area_error = |p: Problem| {
        let at = if area.is_everything() {
            market_path.clone()
        } else {
            area_path.clone()
        };
        Issues::from(Issue::new(at, p))
    };
    let tally = market.tally(&area.spans);
    let (mut split, co_warning) =
        verdeelsleutel::split_region(contracted, market, &tally, &parties, &settings)
            .map_err(area_error)?;
    // Each pool's parts per insurer (onderlinge dienstverlening is funded from them).
    let mut pool_parts: Vec<Vec<(String, Money)>> = vec![Vec::new(); pools.len()];
    if pools.len() == 1 {
        if let Some(p) = pool_parts.get_mut(0) {
            *p = split
                .insurers
                .iter()
                .map(|i| (i.id.clone(), i.amount))
                .collect();
        }
    }
    if pools.len() > 1 {
        // Each pool over the insurers of its own area; an insurer's amount is its pool parts.
        let mut amounts: HashMap<String, Money> = HashMap::new();
        for (k, (pool, amount)) in pools.iter().zip(&pool_zvw).enumerate() {
            if amount.value().is_zero() {
                continue;
            }
            let spans = pool.0.as_ref().map_or(&area.spans, |a| &a.spans);
            let t = market.tally(spans);
            let (s, _) = verdeelsleutel::split_region(*amount, market, &t, &parties, &settings)
                .map_err(|p| {
                    let at = if k == 0 {
                        area_path.clone()
                    } else {
                        root.key("budget").index(pool.3).key("postcodes")
                    };
                    Issues::from(Issue::new(at, p))
                })?;
            if let Some(p) = pool_parts.get_mut(k) {
                *p = s
                    .insurers
                    .iter()
                    .map(|i| (i.id.clone(), i.amount))
                    .collect();
            }
            for part in s.insurers {
                let e = amounts.entry(part.id).or_insert(Money::ZERO);
                *e = e.checked_add(part.amount).ok_or_else(overflow)?;
            }
        }
        for part in &mut split.insurers {
            part.amount = amounts.get(&part.id).copied().unwrap_or(Money::ZERO);
        }
    }
    // Municipal parts: each pool over the municipalities by their residents in its area.
    let mut municipal_parts: Vec<MunicipalityPart> = Vec::new();
    if sums.municipal.value() > Decimal::ZERO {
        let municipal_pools: Vec<municipality::Pool<'_>> = pools
            .iter()
            .map(|p| municipality::Pool {
                spans: p.0.as_ref().map_or(&area.spans, |a| &a.spans),
                amount: p.2,
                line: p.3,
            })
            .collect();
        let (parts, uncovered) = municipality::allocate(
            market,
            &municipalities,
            &municipal_pools,
            &area.spans,
            lead.as_deref(),
        )
        .map_err(|e| match e {
            municipality::Error::TooPrecise => Issues::from(Issue::new(
                root.key("municipalities"),
                Problem::FractionTooPrecise { max: 6 },
            )),
            municipality::Error::NoMunicipality { line } => Issues::from(Issue::new(
                root.key("budget").index(line).key("split").key("municipal"),
                Problem::NoMunicipality,
            )),
            municipality::Error::Overflow => overflow(),
        })?;
        if let Some(insured) = uncovered {
            warnings.push(Warned {
                path: root.key("municipalities"),
                warning: Warning::PostcodesWithoutMunicipality {
                    insured: insured.normalize().to_string(),
                },
            });
        }
        municipal_parts = parts;
    }
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
    let mut flows: Vec<Flow> = split
        .insurers
        .iter()
        .map(|i| Flow {
            from: i.id.clone(),
            to: "resv".into(),
            amount: i.amount,
            kind: "zvw",
        })
        .collect();
    flows.extend(municipal_parts.iter().map(|m| Flow {
        from: m.id.clone(),
        to: "resv".into(),
        amount: m.amount,
        kind: "municipal",
    }));
    // Onderlinge dienstverlening: checked against the lines, split over the insurers, ledger.
    let flow_results: Vec<LineResult> = match &lump_line {
        Some(l) => vec![budget::line_result(l, contracted).ok_or_else(overflow)?],
        None => results.clone(),
    };
    let sub_path = root.key("subcontracts");
    flows::check_amounts(&subcontracts, &flow_results, &sub_path, &mut issues)
        .ok_or_else(overflow)?;
    if !issues.is_empty() {
        return Err(issues);
    }
    let pool_info: Vec<flows::PoolFunding> = if lump_line.is_some() {
        vec![flows::PoolFunding {
            lines: vec![0],
            zvw: contracted,
            parts: pool_parts.first().cloned().unwrap_or_default(),
        }]
    } else {
        pools
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let members = line_pool
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| **q == k)
                    .map(|(i, _)| i)
                    .collect();
                flows::PoolFunding {
                    lines: members,
                    zvw: p.1,
                    parts: pool_parts.get(k).cloned().unwrap_or_default(),
                }
            })
            .collect()
    };
    let resv_name = hoofdaannemer
        .as_ref()
        .map_or("RESV", |h| h.name.as_str())
        .to_owned();
    let (subcontract_reports, ledger, sankey) = flows::ledger(
        &subcontracts,
        &flow_results,
        &pool_info,
        &split
            .insurers
            .iter()
            .map(|i| (i.id.clone(), i.name.clone(), i.amount))
            .collect::<Vec<_>>(),
        &municipal_parts
            .iter()
            .map(|m| (m.id.clone(), m.name.clone(), m.amount))
            .collect::<Vec<_>>(),
        &resv_name,
    )
    .ok_or_else(overflow)?;
    flows.extend(subcontract_reports.iter().map(|s| Flow {
        from: "resv".into(),
        to: s.contractor.clone(),
        amount: s.amount,
        kind: "subcontract",
    }));
    // The region against the MDZ framework.
    let mut year_zvw: Vec<(u16, Money)> = years.iter().map(|y| (y.year, y.sums.zvw)).collect();
    year_zvw.retain(|(y, _)| *y != year);
    year_zvw.push((year, contracted));
    let mdz_report =
        mdz::compute(&mdz_options, contracted, split.insured, &year_zvw).ok_or_else(overflow)?;
    let payments = schedule(&split.insurers, &municipal_parts, quarterly).ok_or_else(overflow)?;
    Ok(Report {
        name,
        year,
        // The budget's sums, with the Zvw amount actually allocated (the contract, if given).
        totals: budget::Sums {
            zvw: contracted,
            ..sums
        },
        budget_zvw: sums.zvw,
        insurers: split.insurers,
        municipalities: municipal_parts,
        summaries: Summaries {
            by_main_task: budget::by_main_task(&results).ok_or_else(overflow)?,
            by_level: budget::by_level(&results).ok_or_else(overflow)?,
        },
        lines: results,
        years,
        payments,
        flows,
        hoofdaannemer,
        subcontracts: subcontract_reports,
        ledger,
        sankey,
        mdz: mdz_report,
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

/// One payer's instalments.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// Insurer or municipality id.
    pub payer: String,
    /// `"zvw"` or `"municipal"`.
    pub kind: &'static str,
    /// The yearly amount.
    pub amount: Money,
    /// 12 monthly or 4 quarterly instalments adding up to `amount` (an odd cent goes to the
    /// earliest instalments).
    pub instalments: Vec<Money>,
}

/// The payment schedule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Payments {
    /// `"monthly"` or `"quarterly"`.
    pub schedule: &'static str,
    /// Per payer.
    pub payers: Vec<Payment>,
}

fn schedule(
    insurers: &[InsurerPart],
    municipalities: &[MunicipalityPart],
    quarterly: bool,
) -> Option<Payments> {
    let n = if quarterly { 4 } else { 12 };
    let ones = vec![Decimal::ONE; n];
    let instalments = |amount: Money| -> Option<Vec<Money>> {
        crate::split::split(amount.value(), &ones, Decimal::new(1, 2))
            .ok()?
            .into_iter()
            .map(|d| Money::new(d).ok())
            .collect()
    };
    let zvw = insurers.iter().map(|i| (&i.id, "zvw", i.amount));
    let municipal = municipalities
        .iter()
        .map(|m| (&m.id, "municipal", m.amount));
    let payers = zvw
        .chain(municipal)
        .map(|(id, kind, amount)| {
            Some(Payment {
                payer: id.clone(),
                kind,
                amount,
                instalments: instalments(amount)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Payments {
        schedule: if quarterly { "quarterly" } else { "monthly" },
        payers,
    })
}

/// The budget per hoofdtaak and per level.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summaries {
    /// Hoofdtaken 1..5.
    pub by_main_task: Vec<Summary<u8>>,
    /// The three levels.
    pub by_level: Vec<Summary<Level>>,
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
    let overflow = || {
        Issues::from(Issue::new(
            Path::root().key("regions"),
            Problem::AmountTooLarge {
                max: crate::money::MAX_AMOUNT.to_string(),
            },
        ))
    };
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
        let population: Decimal = r.insured.parse().map_err(|_| overflow())?;
        let m = mdz::compute(&o, r.lump_sum, population, &[]).ok_or_else(overflow)?;
        out.push(NationalRegion {
            per_capita: m.per_capita,
            fair_share: m.fair_share,
            result: r,
        });
    }
    totals.sort_by(|a, b| {
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
