//! The opaque [`MarketTable`] handle and the registry through which `calculate` finds the
//! table a scenario holds.

use super::decode::encode;
use super::error::one_issue;
use crate::issue::{Path, Problem};
use crate::market::Market;
use js_sys::Reflect;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

thread_local! {
    /// Live tables by id, so `calculate` can find the table a scenario holds without taking
    /// it over (wasm-bindgen's own conversion moves the object out of its JS wrapper).
    static TABLES: RefCell<HashMap<u32, Weak<Market>>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Market data parsed in Wasm memory: insured persons per postcode per insurer label.
/// Pass it as `scenario.market` or to `allocateRegions`; call `free()` when done with it.
#[wasm_bindgen]
pub struct MarketTable {
    id: u32,
    market: Rc<Market>,
}

impl MarketTable {
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn new(market: Market) -> MarketTable {
        let market = Rc::new(market);
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1).max(1));
            id
        });
        TABLES.with(|t| t.borrow_mut().insert(id, Rc::downgrade(&market)));
        MarketTable { id, market }
    }
}

impl Drop for MarketTable {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn drop(&mut self) {
        TABLES.with(|t| t.borrow_mut().remove(&self.id));
    }
}

#[wasm_bindgen]
impl MarketTable {
    /// Rows (after adding up duplicate postcode/insurer rows).
    #[wasm_bindgen(getter, js_name = rowCount)]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn row_count(&self) -> usize {
        self.market.row_count()
    }

    /// Distinct postcodes.
    #[wasm_bindgen(getter, js_name = postcodeCount)]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn postcode_count(&self) -> usize {
        self.market.postcode_count()
    }

    /// Internal: lets `calculate` find this table inside a scenario.
    #[wasm_bindgen(getter, js_name = "__resvTableId")]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn table_id(&self) -> u32 {
        self.id
    }

    /// Each insurer label with its concern, insured persons and rows.
    #[wasm_bindgen(unchecked_return_type = "LabelSummary[]")]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn insurers(&self) -> Result<JsValue, JsValue> {
        encode(&self.market.label_summary())
    }

    /// Warnings found while reading (duplicates added up, columns ignored, …).
    #[wasm_bindgen(getter, unchecked_return_type = "Warning[]")]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        encode(&self.market.warnings())
    }

    /// The rows as `calculate` accepts them back (so `JSON.stringify(scenario)` works).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "MarketRow[]")]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        encode(&self.market.to_rows())
    }

    /// The table as a CSV for Dutch Excel (UTF-8 BOM, `;`, CRLF); a name Excel would run as a
    /// formula (`=`, `+`, `-`, `@` first) is defused by a leading `'`.
    #[wasm_bindgen(js_name = toCsv)]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn to_csv(&self) -> String {
        self.market.to_spreadsheet_csv()
    }
}

/// The table a JS value refers to: `Ok(None)` when it is no table, `Err` when it was freed.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn table_of(value: &JsValue) -> Result<Option<Rc<Market>>, Problem> {
    if !value.is_object() {
        return Ok(None);
    }
    let ptr = Reflect::get(value, &"__wbg_ptr".into())
        .ok()
        .and_then(|p| p.as_f64());
    let id = match Reflect::get(value, &"__resvTableId".into()) {
        Ok(id) => id.as_f64(),
        // The getter throws once the table is freed (its pointer is null).
        Err(_) if ptr.is_some() => return Err(Problem::TableFreed),
        Err(_) => None,
    };
    let Some(id) = id.filter(|f| f.fract() == 0.0 && *f >= 1.0 && *f <= f64::from(u32::MAX)) else {
        return if ptr == Some(0.0) {
            Err(Problem::TableFreed)
        } else {
            Ok(None)
        };
    };
    let id = id as u32;
    TABLES.with(|t| {
        t.borrow()
            .get(&id)
            .and_then(Weak::upgrade)
            .map(Some)
            .ok_or(Problem::TableFreed)
    })
}

/// The `MarketTable` an argument must be, or the one error shape.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn require_table(market: &JsValue) -> Result<Rc<Market>, JsValue> {
    let market_path = Path::root().key("market");
    match table_of(market) {
        Ok(Some(t)) => Ok(t),
        Ok(None) => Err(one_issue(
            market_path,
            Problem::WrongType {
                expected: crate::issue::Expected::Object,
                found: "no MarketTable",
            },
        )),
        Err(p) => Err(one_issue(market_path, p)),
    }
}
