//! Dutch postcodes: PC4 (`1011`) and PC6 (`1011AB`), packed into one sortable integer.
//!
//! The code of a postcode is `pc4 × 1024 + s`, with `s = 0` for a PC4 and `1 + 26·l₁ + l₂` for a
//! PC6 with letters `l₁ l₂`. So every postcode of PC4 area `n` — the area itself and its PC6
//! postcodes — lies in the interval `[n × 1024, n × 1024 + 1023]`: a PC4 range is one interval,
//! and a table sorted by code answers "which rows lie in this work area" with binary searches.

use std::fmt;

/// The first PC4 in use (Dutch postcodes run from 1000 to 9999).
pub const PC4_MIN: u16 = 1000;
/// The last PC4.
pub const PC4_MAX: u16 = 9999;
/// The codes of one PC4 area span this many values.
pub const PC4_SPAN: u32 = 1024;

/// A PC4 or PC6 postcode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Postcode(u32);

impl Postcode {
    /// The PC4 area `n` (1000..=9999).
    pub fn pc4(n: u16) -> Option<Postcode> {
        (PC4_MIN..=PC4_MAX)
            .contains(&n)
            .then(|| Postcode(u32::from(n).saturating_mul(PC4_SPAN)))
    }

    /// Reads `1011`, `1011AB`, `1011 ab` (one space between digits and letters, any case).
    /// Leading and trailing spaces are the caller's business (a CSV reader trims them).
    pub fn parse(text: &[u8]) -> Option<Postcode> {
        let (digits, letters) = match text {
            [a, b, c, d] => ([*a, *b, *c, *d], None),
            [a, b, c, d, e, f] => ([*a, *b, *c, *d], Some([*e, *f])),
            [a, b, c, d, b' ', e, f] => ([*a, *b, *c, *d], Some([*e, *f])),
            _ => return None,
        };
        let mut n: u16 = 0;
        for d in digits {
            if !d.is_ascii_digit() {
                return None;
            }
            n = n
                .checked_mul(10)?
                .checked_add(u16::from(d.wrapping_sub(b'0')))?;
        }
        let pc4 = Postcode::pc4(n)?;
        match letters {
            None => Some(pc4),
            Some([l1, l2]) => {
                let (l1, l2) = (letter(l1)?, letter(l2)?);
                let suffix = 1u32.checked_add(l1.checked_mul(26)?)?.checked_add(l2)?;
                Some(Postcode(pc4.0.checked_add(suffix)?))
            }
        }
    }

    /// Reads a postcode from text (see [`Postcode::parse`]).
    pub fn parse_str(text: &str) -> Option<Postcode> {
        Postcode::parse(text.as_bytes())
    }

    /// The packed code (see the module documentation).
    pub fn code(self) -> u32 {
        self.0
    }

    /// The postcode of a packed code, if it is one.
    pub fn from_code(code: u32) -> Option<Postcode> {
        let n = u16::try_from(code.checked_div(PC4_SPAN)?).ok()?;
        let suffix = code.checked_rem(PC4_SPAN)?;
        (Postcode::pc4(n).is_some() && suffix <= 676).then_some(Postcode(code))
    }

    /// The PC4 number (`1011` of `1011AB`).
    pub fn pc4_number(self) -> u16 {
        u16::try_from(self.0.checked_div(PC4_SPAN).unwrap_or(0)).unwrap_or(0)
    }

    /// Whether this is a PC6 postcode.
    pub fn is_pc6(self) -> bool {
        self.0.checked_rem(PC4_SPAN).unwrap_or(0) != 0
    }

    /// The PC4 area this postcode lies in.
    pub fn area(self) -> Postcode {
        Postcode(
            self.0
                .saturating_sub(self.0.checked_rem(PC4_SPAN).unwrap_or(0)),
        )
    }

    /// The codes this postcode covers: a PC4 covers its PC6 postcodes too.
    pub fn codes(self) -> (u32, u32) {
        if self.is_pc6() {
            (self.0, self.0)
        } else {
            (self.0, self.0.saturating_add(PC4_SPAN - 1))
        }
    }
}

fn letter(b: u8) -> Option<u32> {
    let upper = b.to_ascii_uppercase();
    upper
        .is_ascii_uppercase()
        .then(|| u32::from(upper.wrapping_sub(b'A')))
}

impl fmt::Display for Postcode {
    /// Normalised: `1011` or `1011AB`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.pc4_number())?;
        let suffix = self.0.checked_rem(PC4_SPAN).unwrap_or(0);
        if suffix > 0 {
            let s = suffix.saturating_sub(1);
            let l1 = u8::try_from(s / 26).unwrap_or(0);
            let l2 = u8::try_from(s % 26).unwrap_or(0);
            write!(
                f,
                "{}{}",
                char::from(b'A'.saturating_add(l1)),
                char::from(b'A'.saturating_add(l2))
            )?;
        }
        Ok(())
    }
}

impl serde::Serialize for Postcode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn normalises_spaces_and_case() {
        for (input, out) in [
            ("1011", "1011"),
            ("1011AB", "1011AB"),
            ("1011ab", "1011AB"),
            ("1011 aB", "1011AB"),
            ("9999ZZ", "9999ZZ"),
        ] {
            assert_eq!(
                Postcode::parse_str(input).unwrap().to_string(),
                out,
                "{input}"
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_dutch_postcode() {
        for input in [
            "",
            "999",
            "0999",
            "10111",
            "1011A",
            "1011  AB",
            "1011-AB",
            "1O11",
            "1011A1",
            "１０１１",
        ] {
            assert_eq!(Postcode::parse_str(input), None, "{input}");
        }
    }

    #[test]
    fn puts_a_pc4_and_its_pc6_postcodes_in_one_interval() {
        let pc4 = Postcode::parse_str("1011").unwrap();
        let (lo, hi) = pc4.codes();
        for pc6 in ["1011AA", "1011ZZ", "1011MN"] {
            let c = Postcode::parse_str(pc6).unwrap().code();
            assert!(lo < c && c <= hi, "{pc6}");
            assert_eq!(Postcode::parse_str(pc6).unwrap().area(), pc4);
        }
        let next = Postcode::parse_str("1012").unwrap().code();
        assert!(next > hi);
        assert_eq!(Postcode::from_code(pc4.code()), Some(pc4));
    }
}
