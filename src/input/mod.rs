//! Reading loose input: the [`value::Value`] tree decoded from JS (or JSON), the field readers
//! that record every problem with its path ([`read`]), the RFC 4180 CSV reader ([`csv`]), the JSON
//! text of plain-data arguments ([`json`]), and amounts and percentages as people type them
//! ([`typed`]).

pub mod csv;
pub mod json;
pub mod read;
pub mod typed;
pub mod value;
