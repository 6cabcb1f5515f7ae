//! The budgettair kader multidisciplinaire zorg (MDZ): its structural increase of €70 million
//! from 2027 for RESV activities (the `framework` here: the increase, not the whole MDZ
//! framework), against which every region's Zvw claim is weighed.
//!
//! - `claimed` = this region's Zvw amount + the other listed regions' `zvw`;
//! - `headroom` = `framework − claimed` (negative when the framework is exceeded);
//! - `perCapita` = Zvw amount / insured persons in the work area;
//! - `nationalProjection` = what the framework would need if every region asked this per capita:
//!   Zvw amount × national population / region population;
//! - `fairShare` = framework × region population / national population: an indicative share
//!   by inhabitants, not an entitlement (the seeds allocate no money per region).
//!
//! Each is computed exactly and rounded half away from zero to the cent once. A multi-year view
//! indexes the framework per year (compounded, rounded to the cent each year).

use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem};
use crate::market::read_count;
use crate::money::Money;
use crate::split::rounded_ratio;
use rust_decimal::Decimal;
use serde::Serialize;

/// The national framework: €70,000,000.00.
pub const FRAMEWORK: Money = crate::experiment::MDZ_FRAMEWORK;
/// The national population: 18,044,025 (CBS, 1 January 2025, the sum of the PC4 table).
pub const POPULATION: u64 = crate::experiment::NATIONAL_POPULATION;

/// Another region's claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Id.
    pub id: String,
    /// Its Zvw amount.
    pub zvw: Money,
    /// Its population.
    pub population: u64,
}

/// The `mdz` options.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The framework.
    pub framework: Money,
    /// The national population.
    pub population: u64,
    /// Other regions.
    pub regions: Vec<Region>,
    /// Yearly indexation of the framework, percent.
    pub indexation: Decimal,
}

impl Default for Options {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn default() -> Self {
        Options {
            framework: FRAMEWORK,
            population: POPULATION,
            regions: Vec::new(),
            indexation: Decimal::ZERO,
        }
    }
}

/// Reads `mdz: { framework?, population?, regions?, indexation? }`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_options(value: &Value, path: &Path, issues: &mut Issues) -> Option<Options> {
    let mut o = Options::default();
    if value.is_null() {
        return Some(o);
    }
    if !read::options(
        value,
        &["framework", "population", "regions", "indexation"],
        path,
        issues,
    ) {
        return None;
    }
    let before = issues.as_slice().len();
    let positive_money = |v: &Value, at: &Path, issues: &mut Issues| {
        let m = read::money(v, at, issues)?;
        if m.value() <= Decimal::ZERO {
            issues.push(at.clone(), Problem::NotPositive);
            return None;
        }
        Some(m)
    };
    let f = read::field(value, "framework");
    if !f.is_null() {
        if let Some(m) = positive_money(f, &path.key("framework"), issues) {
            o.framework = m;
        }
    }
    let p = read::field(value, "population");
    if !p.is_null() {
        let at = path.key("population");
        match read_count(p, &at, issues) {
            Some(0) => issues.push(at, Problem::NotPositive),
            Some(n) => o.population = n,
            None => {}
        }
    }
    let ix = read::field(value, "indexation");
    if !ix.is_null() {
        let at = path.key("indexation");
        if let Some(d) = read::rate(ix, &at, issues) {
            o.indexation = d;
        }
    }
    let rs = read::field(value, "regions");
    if !rs.is_null() {
        let at = path.key("regions");
        if let Some(items) = read::list(rs, &at, issues) {
            for (i, item) in items.iter().enumerate() {
                let r_at = at.index(i);
                if !matches!(item, Value::Object { .. }) {
                    read::wrong_type(item, Expected::Object, &r_at, issues);
                    continue;
                }
                read::options(item, &["id", "zvw", "population"], &r_at, issues);
                let id = read::text(read::field(item, "id"), &r_at.key("id"), issues);
                let z_at = r_at.key("zvw");
                let zvw = read::money(read::field(item, "zvw"), &z_at, issues).and_then(|m| {
                    if m.value() < Decimal::ZERO {
                        issues.push(z_at.clone(), Problem::NegativeAmount);
                        None
                    } else {
                        Some(m)
                    }
                });
                let p_at = r_at.key("population");
                let population = match read_count(read::field(item, "population"), &p_at, issues) {
                    Some(0) => {
                        issues.push(p_at, Problem::NotPositive);
                        None
                    }
                    n => n,
                };
                if let (Some(id), Some(zvw), Some(population)) = (id, zvw, population) {
                    o.regions.push(Region {
                        id: id.to_owned(),
                        zvw,
                        population,
                    });
                }
            }
        }
    }
    (issues.as_slice().len() == before).then_some(o)
}

/// One year of the multi-year view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MdzYear {
    /// The year.
    pub year: u16,
    /// The framework, indexed.
    pub framework: Money,
    /// This region's Zvw that year plus the other regions'.
    pub claimed: Money,
    /// Framework minus claimed.
    pub headroom: Money,
}

/// The region against the framework.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mdz {
    /// The framework.
    pub framework: Money,
    /// This region's Zvw amount.
    pub zvw: Money,
    /// Claimed: this region plus the listed others.
    pub claimed: Money,
    /// Framework minus claimed.
    pub headroom: Money,
    /// Zvw per insured person in the work area.
    pub per_capita: Money,
    /// The framework needed if every region asked this per capita.
    pub national_projection: Money,
    /// This region's indicative share of the framework by inhabitants (not an entitlement).
    pub fair_share: Money,
    /// The national population used.
    pub national_population: u64,
    /// The region's population (insured persons in the work area).
    pub region_population: String,
    /// 2027–2031.
    pub years: Vec<MdzYear>,
}

/// A decimal as an exact fraction `units / 10^scale`.
#[cfg_attr(resv_optimize, optimize(size))]
fn parts(d: Decimal) -> Option<(u128, u128)> {
    let d = d.normalize();
    Some((
        d.mantissa().try_into().ok()?,
        10u128.checked_pow(d.scale())?,
    ))
}

#[cfg_attr(resv_optimize, optimize(size))]
fn cents(m: Money) -> Option<u128> {
    let (u, s) = parts(m.value())?;
    rounded_ratio(&[u, 100], &[s])
}

#[cfg_attr(resv_optimize, optimize(size))]
fn from_cents(c: u128) -> Option<Money> {
    Money::new(Decimal::try_from_i128_with_scale(i128::try_from(c).ok()?, 2).ok()?).ok()
}

/// Weighs `zvw` (this region, this year) against the framework.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn compute(
    o: &Options,
    zvw: Money,
    region_population: Decimal,
    years: &[(u16, Money)],
) -> Option<Mdz> {
    let others = o
        .regions
        .iter()
        .try_fold(Money::ZERO, |a, r| a.checked_add(r.zvw))?;
    let claimed = zvw.checked_add(others)?;
    let (pu, ps) = parts(region_population)?;
    // A negative amount (a correction) is weighed mirrored: magnitudes, then the sign.
    let z = cents(if zvw.value().is_sign_negative() {
        zvw.negated()
    } else {
        zvw
    })?;
    let signed = |m: Money| {
        if zvw.value().is_sign_negative() {
            m.negated()
        } else {
            m
        }
    };
    let n = u128::from(o.population);
    let per_capita = signed(from_cents(rounded_ratio(&[z, ps], &[pu])?)?);
    // May pass the €10^15 limit for a small region (10^15 × 18 M / 200,000): derived, not input.
    let national_projection = signed(Money::derived(
        Decimal::try_from_i128_with_scale(
            i128::try_from(rounded_ratio(&[z, n, ps], &[pu])?).ok()?,
            2,
        )
        .ok()?,
    ));
    let fair_share = from_cents(rounded_ratio(&[cents(o.framework)?, pu], &[ps, n])?)?;
    let first = crate::experiment::FIRST_YEAR;
    let mut out_years = Vec::new();
    for y in first..=crate::experiment::LAST_YEAR {
        let framework_y = o
            .framework
            .compounded(o.indexation, y.checked_sub(first)?)?;
        let zy = years
            .iter()
            .find(|(yy, _)| *yy == y)
            .map_or(zvw, |(_, m)| *m);
        let claimed_y = zy.checked_add(others)?;
        out_years.push(MdzYear {
            year: y,
            framework: framework_y,
            claimed: claimed_y,
            headroom: framework_y.checked_sub(claimed_y)?,
        });
    }
    Some(Mdz {
        framework: o.framework,
        zvw,
        claimed,
        headroom: o.framework.checked_sub(claimed)?,
        per_capita,
        national_projection,
        fair_share,
        national_population: o.population,
        region_population: region_population.normalize().to_string(),
        years: out_years,
    })
}
