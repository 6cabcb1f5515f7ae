//! A market table written out again: CSV, row objects and a summary per label.

use super::*;
use crate::postcode::Postcode;
use rust_decimal::Decimal;

impl Market {
    /// The rows in a canonical order: by postcode, then insurer name (then fraction), so an
    /// export does not depend on the order labels first appeared in the data.
    #[cfg_attr(resv_optimize, optimize(size))]
    fn canonical_rows(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.rows.iter().collect();
        let name = |r: &Row| {
            self.labels
                .get(r.label())
                .map(|l| l.name.as_str())
                .unwrap_or_default()
        };
        crate::order::sort_by(&mut rows, &|a, b| {
            a.code()
                .cmp(&b.code())
                .then_with(|| name(a).cmp(name(b)))
                .then_with(|| self.fraction(a).cmp(&self.fraction(b)))
                .then_with(|| a.insured.cmp(&b.insured))
        });
        rows
    }

    /// The table as Dutch Excel reads it: UTF-8 with BOM, `;`-separated, CRLF, decimal comma
    /// in fractions, names quoted when they hold a `;` or a quote. Lossless: `parse_csv` reads
    /// it back to the same rows, names exactly as they are (the fuzz target checks this), so a
    /// name a spreadsheet would run as a formula is written as it is; see
    /// [`Market::to_spreadsheet_csv`] for a file meant for Excel.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn to_csv(&self) -> String {
        self.write_csv(false)
    }

    /// The same CSV with every insurer and concern name that a spreadsheet would run as a formula
    /// (see [`formula_like`]) defused by a leading `'`, the way Excel itself marks text: what
    /// `MarketTable.toCsv()` gives JS, since that file is meant to be opened in Excel. Other
    /// names, and so most tables, are byte for byte [`Market::to_csv`]; a defused name reads
    /// back with its `'` (use `toJSON()` to move a table losslessly).
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn to_spreadsheet_csv(&self) -> String {
        self.write_csv(true)
    }

    #[cfg_attr(resv_optimize, optimize(size))]
    fn write_csv(&self, defuse: bool) -> String {
        let quote = |s: &str| {
            let s = if defuse && formula_like(s) {
                format!("'{s}")
            } else {
                s.to_owned()
            };
            if s.contains([';', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s
            }
        };
        let with_concern = self.labels.iter().any(|l| l.concern.is_some());
        let with_fraction = !self.fractions.is_empty();
        let mut out = String::with_capacity(self.rows.len().saturating_mul(32));
        out.push('\u{FEFF}');
        out.push_str("postcode;verzekeraar");
        if with_concern {
            out.push_str(";concern");
        }
        out.push_str(";verzekerden");
        if with_fraction {
            out.push_str(";fractie");
        }
        out.push_str("\r\n");
        for row in self.canonical_rows() {
            let label = self.labels.get(row.label());
            let pc = Postcode::from_code(row.code())
                .map(|p| p.to_string())
                .unwrap_or_default();
            out.push_str(&pc);
            out.push(';');
            out.push_str(&quote(label.map(|l| l.name.as_str()).unwrap_or_default()));
            if with_concern {
                out.push(';');
                out.push_str(&quote(
                    label.and_then(|l| l.concern.as_deref()).unwrap_or_default(),
                ));
            }
            out.push(';');
            out.push_str(&row.insured.to_string());
            if with_fraction {
                out.push(';');
                let f = Decimal::new(i64::from(self.fraction(row)), 6).normalize();
                out.push_str(&f.to_string().replace('.', ","));
            }
            out.push_str("\r\n");
        }
        out
    }

    /// The rows as objects, as `calculate` accepts them back (canonical order: postcode, insurer).
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn to_rows(&self) -> Vec<RowOut> {
        self.canonical_rows()
            .into_iter()
            .map(|row| {
                let label = self.labels.get(row.label());
                let fraction = self.fraction(row);
                RowOut {
                    postcode: Postcode::from_code(row.code())
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    insurer: label.map(|l| l.name.clone()).unwrap_or_default(),
                    insured: row.insured,
                    concern: label.and_then(|l| l.concern.clone()),
                    fraction: (fraction != 1_000_000)
                        .then(|| Decimal::new(i64::from(fraction), 6).normalize().to_string()),
                }
            })
            .collect()
    }
}

/// Whether a spreadsheet (Excel, LibreOffice, Google Sheets) would read this cell text as a
/// formula or a command: it starts with `=`, `+`, `-` or `@` (or their full-width forms, which
/// Excel also takes), possibly after spaces or other white space, or with a tab, CR or LF.
#[cfg_attr(resv_optimize, optimize(size))]
fn formula_like(s: &str) -> bool {
    const STARTS: [char; 8] = [
        '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ];
    s.starts_with(['\t', '\r', '\n']) || s.trim_start().starts_with(STARTS)
}

/// A row as `toJSON()` gives it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowOut {
    /// Normalised postcode.
    pub postcode: String,
    /// Insurer label.
    pub insurer: String,
    /// Insured persons.
    pub insured: u64,
    /// Concern, when the data named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concern: Option<String>,
    /// Fraction of the postcode, when not whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fraction: Option<String>,
}

/// One label of a table with its totals, as `MarketTable.insurers()` lists it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LabelSummary {
    /// The label as written.
    pub id: String,
    /// Its concern from the data, or from the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concern: Option<String>,
    /// Insured persons in the whole table (fractions applied).
    #[serde(serialize_with = "crate::input::value::serialize_count")]
    pub insured: Decimal,
    /// Rows.
    pub rows: usize,
}

impl Market {
    /// Each label with its concern, insured persons and rows, in order of first appearance.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn label_summary(&self) -> Vec<LabelSummary> {
        let totals = self.totals();
        let mut rows = vec![0usize; self.labels.len()];
        for row in &self.rows {
            if let Some(n) = rows.get_mut(row.label()) {
                *n = n.saturating_add(1);
            }
        }
        self.labels
            .iter()
            .enumerate()
            .map(|(i, l)| LabelSummary {
                id: l.name.clone(),
                concern: l
                    .concern
                    .clone()
                    .or_else(|| crate::insurer::concern_of(&l.name).map(|c| c.name.to_owned())),
                insured: totals.weight(i),
                rows: rows.get(i).copied().unwrap_or(0),
            })
            .collect()
    }
}
