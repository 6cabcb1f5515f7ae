//! Comparing two reports: what a RESV negotiating a change wants to see — per total, insurer,
//! municipality, line and flow, the amount in `a`, in `b`, and `b − a`.

use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path};
use crate::money::Money;
use serde::Serialize;

/// One amount in both reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    /// In `a` (zero when absent there).
    pub a: Money,
    /// In `b` (zero when absent there).
    pub b: Money,
    /// `b − a`.
    pub difference: Money,
}

/// A named entry's difference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    /// Id (for flows: `from → to (kind)`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The amounts.
    #[serde(flatten)]
    pub diff: Diff,
}

/// A line's differences.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineDiff {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Net.
    pub net: Diff,
    /// Zvw part.
    pub zvw: Diff,
    /// Municipal part.
    pub municipal: Diff,
}

/// The comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Totals by name.
    pub totals: Vec<Entry>,
    /// Per insurer.
    pub insurers: Vec<Entry>,
    /// Per municipality.
    pub municipalities: Vec<Entry>,
    /// Per line.
    pub lines: Vec<LineDiff>,
    /// Per flow (from, to, kind).
    pub flows: Vec<Entry>,
}

const TOTALS: &[&str] = &[
    "gross",
    "existingFunding",
    "net",
    "zvw",
    "municipal",
    "wlz",
    "conditionalZvw",
];

/// (id, name, amounts by field) of the entries of a list.
type Rows = Vec<(String, String, Vec<Money>)>;

#[cfg_attr(resv_optimize, optimize(size))]
fn rows(
    report: &Value,
    list: &str,
    fields: &[&str],
    at: &Path,
    issues: &mut Issues,
    key: fn(&Value) -> Option<String>,
) -> Rows {
    let value = read::field(report, list);
    let path = at.key(list);
    let Some(items) = read::list(value, &path, issues) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let it = path.index(i);
        if !matches!(item, Value::Object { .. }) {
            read::wrong_type(item, Expected::Object, &it, issues);
            continue;
        }
        let Some(id) = key(item) else {
            read::text(read::field(item, "id"), &it.key("id"), issues);
            continue;
        };
        let name = match read::field(item, "name") {
            Value::Text(t) => t.clone(),
            _ => id.clone(),
        };
        let amounts: Option<Vec<Money>> = fields
            .iter()
            .map(|f| read::money(read::field(item, f), &it.key(f), issues))
            .collect();
        if let Some(amounts) = amounts {
            out.push((id, name, amounts));
        }
    }
    out
}

#[cfg_attr(resv_optimize, optimize(size))]
fn diff(a: Money, b: Money) -> Diff {
    Diff {
        a,
        b,
        difference: b.checked_sub(a).unwrap_or(Money::ZERO),
    }
}

/// Pairs entries by id, in `a`'s order then `b`'s new ones.
#[cfg_attr(resv_optimize, optimize(size))]
fn pair(a: &Rows, b: &Rows, fields: usize) -> Vec<(String, String, Vec<Diff>)> {
    let mut out: Vec<(String, String, Vec<Diff>)> = Vec::new();
    for (id, name, am) in a {
        let bm = b.iter().find(|(bid, _, _)| bid == id).map(|r| &r.2);
        let diffs = (0..fields)
            .map(|k| {
                diff(
                    am.get(k).copied().unwrap_or(Money::ZERO),
                    bm.and_then(|m| m.get(k).copied()).unwrap_or(Money::ZERO),
                )
            })
            .collect();
        out.push((id.clone(), name.clone(), diffs));
    }
    for (id, name, bm) in b {
        if !a.iter().any(|(aid, _, _)| aid == id) {
            let diffs = (0..fields)
                .map(|k| diff(Money::ZERO, bm.get(k).copied().unwrap_or(Money::ZERO)))
                .collect();
            out.push((id.clone(), name.clone(), diffs));
        }
    }
    out
}

#[cfg_attr(resv_optimize, optimize(size))]
fn entries(p: Vec<(String, String, Vec<Diff>)>) -> Vec<Entry> {
    p.into_iter()
        .filter_map(|(id, name, mut d)| {
            Some(Entry {
                id,
                name,
                diff: d.pop()?,
            })
        })
        .collect()
}

#[cfg_attr(resv_optimize, optimize(size))]
fn id_of(v: &Value) -> Option<String> {
    match v.get("id") {
        Some(Value::Text(t)) => Some(t.clone()),
        _ => None,
    }
}

#[cfg_attr(resv_optimize, optimize(size))]
fn flow_of(v: &Value) -> Option<String> {
    let t = |k: &str| match v.get(k) {
        Some(Value::Text(t)) => Some(t.clone()),
        _ => None,
    };
    Some(format!("{} → {} ({})", t("from")?, t("to")?, t("kind")?))
}

/// Compares two reports of `calculate`.
///
/// # Errors
/// Every problem found, with paths such as `b.insurers[2].amount`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn compare(a: &Value, b: &Value) -> Result<Comparison, Issues> {
    let mut issues = Issues::new();
    let mut sides = Vec::new();
    for (report, name) in [(a, "a"), (b, "b")] {
        let at = Path::root().key(name);
        if !matches!(report, Value::Object { .. }) {
            read::wrong_type(report, Expected::Object, &at, &mut issues);
            sides.push(None);
            continue;
        }
        let totals_value = read::field(report, "totals");
        let totals: Rows = if matches!(totals_value, Value::Object { .. }) {
            TOTALS
                .iter()
                .filter_map(|k| {
                    let m = read::money(
                        read::field(totals_value, k),
                        &at.key("totals").key(k),
                        &mut issues,
                    )?;
                    Some(((*k).to_owned(), (*k).to_owned(), vec![m]))
                })
                .collect()
        } else {
            read::wrong_type(
                totals_value,
                Expected::Object,
                &at.key("totals"),
                &mut issues,
            );
            Vec::new()
        };
        let insurers = rows(report, "insurers", &["amount"], &at, &mut issues, id_of);
        let municipalities = rows(
            report,
            "municipalities",
            &["amount"],
            &at,
            &mut issues,
            id_of,
        );
        let lines = rows(
            report,
            "lines",
            &["net", "zvw", "municipal"],
            &at,
            &mut issues,
            id_of,
        );
        let flows = rows(report, "flows", &["amount"], &at, &mut issues, flow_of);
        sides.push(Some((totals, insurers, municipalities, lines, flows)));
    }
    let (Some(Some(a)), Some(Some(b)), true) = (sides.first(), sides.get(1), issues.is_empty())
    else {
        return Err(issues);
    };
    Ok(Comparison {
        totals: entries(pair(&a.0, &b.0, 1)),
        insurers: entries(pair(&a.1, &b.1, 1)),
        municipalities: entries(pair(&a.2, &b.2, 1)),
        lines: pair(&a.3, &b.3, 3)
            .into_iter()
            .filter_map(|(id, name, d)| {
                let mut it = d.into_iter();
                Some(LineDiff {
                    id,
                    name,
                    net: it.next()?,
                    zvw: it.next()?,
                    municipal: it.next()?,
                })
            })
            .collect(),
        flows: entries(pair(&a.4, &b.4, 1)),
    })
}
