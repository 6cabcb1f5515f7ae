//! Onderlinge dienstverlening (policy rule BR/REG-27110 art. 4.2): the RESV as hoofdaannemer
//! passes Zvw money to executing providers, and the money ledger that results — who pays the
//! RESV, whom the RESV pays, which insurer's money funds which subcontract, and what the RESV
//! keeps — in a form a Sankey diagram draws directly.
//!
//! Rules: only a RESV with the written agreement with the insurers may commission (art. 4); a
//! subcontract never exceeds the Zvw parts of the lines (and hoofdtaken) it covers, alone or
//! together with the other subcontracts; an executing provider cannot commission further under
//! this prestatie (no chains). Each subcontract is split over the insurers exactly, in
//! proportion to what each insurer pays for the lines it covers (per pool, so a wijkverband's
//! subcontract is funded by the insurers of its neighbourhood).

mod ledger;
mod subcontract;

pub use ledger::{ledger, Funding, InsurerLedger, Ledger, Link, Node, Sankey, SubcontractReport};
pub use subcontract::{check_amounts, read_hoofdaannemer, read_subcontracts};

use crate::money::Money;
use serde::Serialize;

/// The legal form of the hoofdaannemer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Form {
    /// The RESV is a legal entity.
    LegalEntity,
    /// The RESV works through a kassier: one member holds the money.
    Kassier,
}

/// The hoofdaannemer (opdrachtgevende zorgaanbieder).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hoofdaannemer {
    /// Legal entity or kassier.
    pub form: Form,
    /// Its name.
    pub name: String,
    /// The member holding the money, with a kassier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kassier: Option<String>,
    /// Whether the written agreement with the insurers exists.
    pub agreement: bool,
}

impl Hoofdaannemer {
    /// The member that receives the money on behalf of the RESV, when it works through a
    /// kassier.
    pub fn payee(&self) -> Option<&str> {
        (self.form == Form::Kassier)
            .then_some(self.kassier.as_deref())
            .flatten()
    }
}

/// One subcontract as read.
#[derive(Clone, Debug)]
pub struct Subcontract {
    /// Id.
    pub id: String,
    /// The executing provider.
    pub contractor: String,
    /// Amount for the year.
    pub amount: Money,
    /// Lines covered (`None`: all).
    pub lines: Option<Vec<String>>,
    /// Hoofdtaken covered (`None`: all of the lines').
    pub main_tasks: Option<Vec<u8>>,
}
