//! Reading loose input: the [`value::Value`] tree decoded from JS (or JSON), the field readers
//! that record every problem with its path ([`read`]), and the RFC 4180 CSV reader ([`csv`]).

pub mod csv;
pub mod read;
pub mod value;
