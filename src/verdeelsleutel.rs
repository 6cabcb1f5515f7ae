//! The verdeelsleutel (allocation key): who pays what share of a lump sum, by insured persons
//! in the work area, per concern or per insurer label; the market leader who assesses the
//! plan; and whether a second insurer is large enough to assess it too.

use crate::input::read;
use crate::input::value::Value;
use crate::insurer;
use crate::issue::{Expected, Issues, Path, Problem, Warned, Warning};
use crate::market::{weight_decimal, Market, Tally};
use crate::money::Money;
use crate::split::{self, SplitError};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

/// The level at which insurers pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum By {
    /// Per concern (Achmea pays for Zilveren Kruis, FBTO, …).
    Concern,
    /// Per insurer label as in the data.
    Insurer,
}

/// How the cents are rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Rounding {
    /// Largest remainder (Hamilton), as [`split::split`].
    LargestRemainder,
    /// Every follower's exact share rounded half away from zero; the leader gets the rest.
    LeaderAbsorbs,
}

/// Settings shared by `calculate` and `allocateRegions`.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Requested level, or `None` for "concern when every label's concern is known".
    pub by: Option<By>,
    /// Rounding rule.
    pub rounding: Rounding,
    /// Share (percent) of the second party from which co-assessment is likely.
    pub threshold: Decimal,
    /// The scenario's `insurers` list.
    pub overrides: Vec<Override>,
    /// The designated market leaders (`marketLeaders`), in order: with `leaderAbsorbs` the
    /// first of them that pays in an area takes the rest, not the data's largest party.
    pub absorbers: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            by: None,
            rounding: Rounding::LargestRemainder,
            threshold: Decimal::from(crate::experiment::CO_ASSESSMENT_THRESHOLD),
            overrides: Vec::new(),
            absorbers: Vec::new(),
        }
    }
}

/// One entry of a scenario's `insurers` list.
#[derive(Clone, Debug)]
pub struct Override {
    /// The label it describes (matched ignoring case, spaces and punctuation).
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// Its concern.
    pub concern: Option<String>,
}

/// The settings fields, read from a scenario or an options object.
pub const SETTINGS_FIELDS: &[&str] = &[
    "allocateBy",
    "rounding",
    "coAssessmentThreshold",
    "insurers",
];

/// Reads the settings fields of `value` (unknown fields are the caller's business).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_settings(value: &Value, path: &Path, issues: &mut Issues) -> Settings {
    let mut s = Settings::default();
    let by = read::field(value, "allocateBy");
    if !by.is_null() {
        let at = path.key("allocateBy");
        match read::text(by, &at, issues) {
            Some("concern") => s.by = Some(By::Concern),
            Some("insurer") => s.by = Some(By::Insurer),
            Some(_) => issues.push(
                at,
                Problem::UnknownValue {
                    allowed: "\"concern\", \"insurer\"",
                },
            ),
            None => {}
        }
    }
    let rounding = read::field(value, "rounding");
    if !rounding.is_null() {
        let at = path.key("rounding");
        match read::text(rounding, &at, issues) {
            Some("largestRemainder") => s.rounding = Rounding::LargestRemainder,
            Some("leaderAbsorbs") => s.rounding = Rounding::LeaderAbsorbs,
            Some(_) => issues.push(
                at,
                Problem::UnknownValue {
                    allowed: "\"largestRemainder\", \"leaderAbsorbs\"",
                },
            ),
            None => {}
        }
    }
    let threshold = read::field(value, "coAssessmentThreshold");
    if !threshold.is_null() {
        let at = path.key("coAssessmentThreshold");
        if let Some(t) = read::decimal(threshold, &at, issues) {
            if t < Decimal::ZERO || t > Decimal::ONE_HUNDRED {
                issues.push(at, Problem::PercentOutOfRange);
            } else {
                s.threshold = t;
            }
        }
    }
    let list = read::field(value, "insurers");
    if !list.is_null() {
        let at = path.key("insurers");
        if let Some(items) = read::list(list, &at, issues) {
            let mut seen: HashMap<String, usize> = HashMap::new();
            for (i, item) in items.iter().enumerate() {
                let it = || at.index(i);
                if !matches!(item, Value::Object { .. }) {
                    read::wrong_type(item, Expected::Object, &it, issues);
                    continue;
                }
                read::options(item, &["id", "name", "concern"], &it, issues);
                let id_at = || it().key("id");
                let Some(id) = read::text(read::field(item, "id"), &id_at, issues) else {
                    continue;
                };
                let key = insurer::match_key(id);
                if key.is_empty() {
                    issues.push(id_at(), Problem::EmptyId);
                    continue;
                }
                if let Some(&first) = seen.get(&key) {
                    issues.push(
                        id_at(),
                        Problem::DuplicateId {
                            id: id.to_owned(),
                            first: at.index(first).key("id"),
                        },
                    );
                    continue;
                }
                seen.insert(key, i);
                let optional = |k: &str, issues: &mut Issues| {
                    let v = read::field(item, k);
                    if v.is_null() {
                        None
                    } else {
                        read::text(v, &|| it().key(k), issues)
                            .map(|t| t.trim().to_owned())
                            .filter(|t| !t.is_empty())
                    }
                };
                let name = optional("name", issues);
                let concern = optional("concern", issues);
                s.overrides.push(Override {
                    id: id.trim().to_owned(),
                    name,
                    concern,
                });
            }
        }
    }
    s
}

/// The paying parties of a market table and which label belongs to which.
#[derive(Clone, Debug)]
pub struct Parties {
    /// The level chosen.
    pub by: By,
    /// Party ids (concern names, or label names).
    pub ids: Vec<String>,
    /// Display names.
    pub names: Vec<String>,
    /// The party of each label.
    pub of_label: Vec<usize>,
}

/// Resolves the parties of `market`: concern when asked or when every label's concern is
/// known, else per label (with a warning). An explicit `concern` with an unknown label is an
/// error at the label's first occurrence.
#[inline(never)]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn resolve(
    market: &Market,
    settings: &Settings,
    origin: &Path,
    issues: &mut Issues,
    warnings: &mut Vec<Warned>,
) -> Option<Parties> {
    let overrides: HashMap<String, &Override> = settings
        .overrides
        .iter()
        .map(|o| (insurer::match_key(&o.id), o))
        .collect();
    let canonical = |c: &str| {
        insurer::concern_named(c)
            .map(|k| k.name.to_owned())
            .unwrap_or_else(|| c.trim().to_owned())
    };
    let labels = market.labels();
    let mut concerns: Vec<Option<String>> = Vec::with_capacity(labels.len());
    for label in labels {
        let o = overrides.get(&insurer::match_key(&label.name));
        let concern = o
            .and_then(|o| o.concern.as_deref())
            .or(label.concern.as_deref())
            .map(canonical)
            .or_else(|| insurer::concern_of(&label.name).map(|c| c.name.to_owned()));
        concerns.push(concern);
    }
    let unknown: Vec<usize> = (0..labels.len())
        .filter(|&i| concerns.get(i).is_some_and(Option::is_none))
        .collect();
    let by = match settings.by {
        Some(By::Concern) if !unknown.is_empty() => {
            for &i in &unknown {
                if let Some(l) = labels.get(i) {
                    issues.push(
                        prefixed(origin, &l.origin),
                        Problem::UnknownInsurer {
                            label: l.name.clone(),
                        },
                    );
                }
            }
            return None;
        }
        Some(by) => by,
        None if unknown.is_empty() => By::Concern,
        None => {
            let names: Vec<String> = unknown
                .iter()
                .filter_map(|&i| labels.get(i).map(|l| l.name.clone()))
                .take(10)
                .collect();
            warnings.push(Warned {
                path: origin.clone(),
                warning: Warning::ConcernsUnknown { labels: names },
            });
            By::Insurer
        }
    };
    let mut parties = Parties {
        by,
        ids: Vec::new(),
        names: Vec::new(),
        of_label: Vec::with_capacity(labels.len()),
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, label) in labels.iter().enumerate() {
        let o = overrides.get(&insurer::match_key(&label.name));
        let (id, name) = match by {
            By::Concern => {
                let c = concerns.get(i).cloned().flatten().unwrap_or_default();
                (c.clone(), c)
            }
            By::Insurer => (
                label.name.clone(),
                o.and_then(|o| o.name.clone())
                    .unwrap_or_else(|| label.name.clone()),
            ),
        };
        let key = insurer::match_key(&id);
        let p = *index.entry(key).or_insert_with(|| {
            parties.ids.push(id);
            parties.names.push(name);
            parties.ids.len().saturating_sub(1)
        });
        parties.of_label.push(p);
    }
    Some(parties)
}

/// A path inside the market input: a CSV table's `line 12, …` gets the `market` prefix.
pub fn prefixed(origin: &Path, inner: &Path) -> Path {
    if inner
        .segments()
        .first()
        .is_some_and(|s| matches!(s, crate::issue::Segment::Key(_)))
    {
        inner.clone()
    } else {
        let mut p = origin.clone();
        for s in inner.segments() {
            p = match s {
                crate::issue::Segment::Key(k) => p.key(k),
                crate::issue::Segment::Index(i) => p.index(*i),
                crate::issue::Segment::Line(l) => p.line(*l),
                crate::issue::Segment::Column(c) => p.column(c),
            };
        }
        p
    }
}

/// One label's insured persons inside a party's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LabelPart {
    /// The label.
    pub name: String,
    /// Its insured persons in the area.
    #[serde(serialize_with = "crate::input::value::serialize_count")]
    pub insured: Decimal,
}

/// One paying party: the basis of its amount (its follower statement).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InsurerPart {
    /// Concern or label id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Insured persons in the work area (fractions applied).
    #[serde(serialize_with = "crate::input::value::serialize_count")]
    pub insured: Decimal,
    /// The same, exact, as a decimal string.
    pub insured_exact: String,
    /// Its share of the insured persons, 10 decimals, half away from zero.
    #[serde(serialize_with = "as_text")]
    pub share: Decimal,
    /// Its amount.
    pub amount: Money,
    /// Whether it is the market leader.
    pub market_leader: bool,
    /// `"leader"` or `"follower"`.
    pub role: &'static str,
    /// Whether it will likely assess the plan alongside the leader.
    pub co_assessor: bool,
    /// Its labels with their insured persons (per concern only).
    pub labels: Vec<LabelPart>,
    /// Its contract and what is payable under it (by `calculate`; absent in
    /// `allocateRegions`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<Contract>,
    /// Its amount broken down (by `calculate`; absent in `allocateRegions`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<Statement>,
}

/// An amount of one part of a breakdown, named by `id`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    /// The part: a pool (`"workArea"` or the first line of its area), a line id, a level, a
    /// label.
    pub id: String,
    /// Its amount.
    pub amount: Money,
}

/// An insurer's part of one pool, with the basis it is computed on: `amount` is `total` split
/// over the pool area's insured persons by the rounding rule, so `insured × total ÷
/// areaInsured` recomputes it within the rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolShare {
    /// `"workArea"`, or the first line of the area.
    pub id: String,
    /// The insurer's part.
    pub amount: Money,
    /// The pool's Zvw allocated over the insurers.
    pub total: Money,
    /// The insurer's insured persons in the pool's area, exact.
    pub insured: String,
    /// All insured persons in the pool's area, exact.
    pub area_insured: String,
}

/// An amount of one hoofdtaak.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskShare {
    /// The hoofdtaak, 1..5.
    pub task: u8,
    /// Its amount.
    pub amount: Money,
}

/// An amount of one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearShare {
    /// The year.
    pub year: u16,
    /// The insurer's part of that year's Zvw (paid at the contract's scale).
    pub amount: Money,
}

/// One insurer's amount, broken down.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    /// Per pool of lines (one pool, `"workArea"`, unless `pooling` is `"lineAreas"`), with
    /// the basis of each part.
    pub pools: Vec<PoolShare>,
    /// Per budget line: the pool part over its lines by their paid Zvw.
    pub lines: Vec<Share>,
    /// Per hoofdtaak: each line part over its tasks (equal parts, the odd cent first).
    pub main_tasks: Vec<TaskShare>,
    /// Per level.
    pub levels: Vec<Share>,
    /// The part of lines whose Zvw is still conditional.
    pub conditional: Money,
    /// Per label of the concern, by the labels' insured persons (per concern only).
    pub labels: Vec<Share>,
    /// Per year of the experiment with budget figures: the year's Zvw over the insurers in
    /// proportion to their amounts (each year adds up over the insurers, not to this amount).
    pub years: Vec<YearShare>,
}

/// An insurer's contract: how it pays and what is payable under a written agreement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contract {
    /// `"follows"` (the leader's assessment), `"own"` (its own amount), `"none"` or
    /// `"pending"`.
    pub status: &'static str,
    /// Payable under the contract: its amount when it follows, its own amount, else zero.
    pub payable: Money,
}

fn as_text<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// The split of one lump sum over the parties of one area.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Split {
    /// Paying parties, largest first (zero-weight parties left out).
    pub insurers: Vec<InsurerPart>,
    /// The market leader's id.
    pub leader: String,
    /// Whether co-assessment by the second party is likely.
    pub co_assessment: bool,
    /// Insured persons in the area.
    #[serde(serialize_with = "crate::input::value::serialize_count")]
    pub insured: Decimal,
}

/// Splits `total` over the parties by their weights in `tally`.
///
/// # Errors
/// [`Problem::NoInsuredInArea`] when nobody is insured in the area, or a split problem.
pub fn split_region(
    total: Money,
    market: &Market,
    tally: &Tally,
    parties: &Parties,
    settings: &Settings,
) -> Result<(Split, Option<Warning>), Problem> {
    let n = parties.ids.len();
    let mut weights = vec![0u128; n];
    for (label, &p) in parties.of_label.iter().enumerate() {
        if let (Some(w), Some(lw)) = (weights.get_mut(p), tally.weights.get(label)) {
            *w = w.saturating_add(*lw);
        }
    }
    let sum = weights.iter().fold(0u128, |a, w| a.saturating_add(*w));
    if sum == 0 {
        return Err(Problem::NoInsuredInArea);
    }
    // Largest first; ties by id so the order never depends on the data's order.
    let mut order: Vec<usize> = (0..n)
        .filter(|&p| weights.get(p).is_some_and(|w| *w > 0))
        .collect();
    crate::order::sort_positions(&mut order, &|a, b| {
        weights
            .get(b)
            .cmp(&weights.get(a))
            .then_with(|| parties.ids.get(a).cmp(&parties.ids.get(b)))
    });
    let ws: Vec<u128> = order
        .iter()
        .map(|&p| weights.get(p).copied().unwrap_or(0))
        .collect();
    let amounts = match settings.rounding {
        Rounding::LargestRemainder => {
            let dw: Vec<Decimal> = ws
                .iter()
                .map(|&w| weight_decimal(w, tally.fractional))
                .collect();
            split::split(total.value(), &dw, Decimal::new(1, 2))
        }
        Rounding::LeaderAbsorbs => {
            // The designated leader absorbs the rounding; without one (or when it pays nothing
            // here) the largest party does.
            let absorber = settings
                .absorbers
                .iter()
                .find_map(|id| {
                    order
                        .iter()
                        .position(|&p| parties.ids.get(p).is_some_and(|x| x == id))
                })
                .unwrap_or(0);
            split::leader_absorbs(total.value(), &ws, absorber)
        }
    }
    .map_err(|e| match e {
        SplitError::NotWholeMinorUnits => Problem::NotWholeMinorUnits {
            minor_unit: Decimal::new(1, 2),
        },
        SplitError::AllWeightsZero => Problem::NoInsuredInArea,
        _ => Problem::WeightsTooPrecise,
    })?;
    let second = ws.get(1).copied().unwrap_or(0);
    let second_share = split::share(second, sum, 10).unwrap_or_default();
    let threshold = settings
        .threshold
        .checked_div(Decimal::ONE_HUNDRED)
        .unwrap_or(Decimal::ONE);
    let co_assessment = ws.len() > 1 && second_share >= threshold;
    let mut insurers = Vec::with_capacity(order.len());
    for (rank, (&p, amount)) in order.iter().zip(amounts).enumerate() {
        let w = ws.get(rank).copied().unwrap_or(0);
        let insured = weight_decimal(w, tally.fractional);
        let mut labels = if parties.by == By::Concern {
            parties
                .of_label
                .iter()
                .enumerate()
                .filter(|(l, &q)| q == p && tally.weights.get(*l).is_some_and(|w| *w > 0))
                .map(|(l, _)| LabelPart {
                    name: market
                        .labels()
                        .get(l)
                        .map(|x| x.name.clone())
                        .unwrap_or_default(),
                    insured: tally.weight(l),
                })
                .collect::<Vec<_>>()
        } else {
            Vec::new()
        };
        // Largest first, then by name: never the order of the data.
        crate::order::sort_by(&mut labels, &|a, b| {
            b.insured.cmp(&a.insured).then_with(|| a.name.cmp(&b.name))
        });
        insurers.push(InsurerPart {
            id: parties.ids.get(p).cloned().unwrap_or_default(),
            name: parties.names.get(p).cloned().unwrap_or_default(),
            insured,
            insured_exact: insured.to_string(),
            share: split::share(w, sum, 10).unwrap_or_default(),
            amount: Money::new(amount).map_err(|_| Problem::WeightsTooPrecise)?,
            market_leader: rank == 0,
            role: if rank == 0 { "leader" } else { "follower" },
            co_assessor: rank == 1 && co_assessment,
            labels,
            contract: None,
            statement: None,
        });
    }
    let warning = (co_assessment).then(|| Warning::CoAssessmentLikely {
        party: insurers.get(1).map(|i| i.name.clone()).unwrap_or_default(),
        percent: second_share
            .checked_mul(Decimal::ONE_HUNDRED)
            .map(|d| {
                d.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            })
            .unwrap_or_default(),
        threshold: settings.threshold,
    });
    Ok((
        Split {
            leader: insurers.first().map(|i| i.id.clone()).unwrap_or_default(),
            insurers,
            co_assessment,
            insured: weight_decimal(sum, tally.fractional),
        },
        warning,
    ))
}
