//! [`parse_csv`]: a market table from CSV bytes, in three speeds with one result (DESIGN.md).

use super::rows::millionths;
use super::*;
use crate::input::csv::{self, Field, Reader, RecordError};
use crate::issue::{Issues, Path, Problem, Warning};
use crate::postcode::{Postcode, PC4_SPAN};

/// Which header column is which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Postcode,
    Insurer,
    Insured,
    Concern,
    Fraction,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Postcode => "postcode",
            Column::Insurer => "verzekeraar",
            Column::Insured => "verzekerden",
            Column::Concern => "concern",
            Column::Fraction => "fractie",
        }
    }

    /// Recognises a header name in Dutch or English, in any case, with any spacing.
    fn recognise(header: &str) -> Option<Column> {
        let key: String = header
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Some(match key.as_str() {
            "postcode" | "postcodes" | "pc" | "pc4" | "pc6" | "postcode4" | "postcode6"
            | "postalcode" | "zip" | "zipcode" | "postcodegebied" => Column::Postcode,
            "verzekeraar" | "zorgverzekeraar" | "insurer" | "healthinsurer" | "label" | "merk"
            | "naamverzekeraar" | "verzekeraarnaam" => Column::Insurer,
            "verzekerden" | "aantalverzekerden" | "verzekerdenaantal" | "insured"
            | "insuredpersons" | "numberinsured" | "aantal" | "count" => Column::Insured,
            "concern" | "insurergroup" | "group" | "concernnaam" | "verzekeraarsconcern" => {
                Column::Concern
            }
            "fractie" | "fraction" | "fractiewerkgebied" | "deelwerkgebied" => Column::Fraction,
            _ => return None,
        })
    }
}

/// Reads a CSV export of insured persons per postcode per insurer (see the `csv` module for
/// the dialects accepted). Problems are listed with their line and column; reading stops after
/// [`MAX_PROBLEMS`].
///
/// # Errors
/// Every problem found, with paths such as `line 12, column verzekerden`.
pub fn parse_csv(bytes: &[u8]) -> Result<Market, Issues> {
    parse_csv_with(bytes, Speed::Fastest)
}

/// Which of the readers [`parse_csv`] may use. Every choice gives the same table, warnings
/// and problems; the tests read the same bytes at every speed and compare.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    /// All of them: the loop for the usual layout, the one-pass line reader, the splitter.
    Fastest,
    /// No loop for the usual layout: the one-pass line reader and the splitter.
    OneLine,
    /// Only the memchr splitter (and the full reader for quoted lines).
    Split,
}

/// [`parse_csv`] with only the readers `speed` allows (for tests that compare them).
///
/// # Errors
/// As [`parse_csv`].
#[doc(hidden)]
pub fn parse_csv_with(bytes: &[u8], speed: Speed) -> Result<Market, Issues> {
    let root = Path::root();
    let (text, sep) =
        csv::prepare(bytes).map_err(|p| Issues::from(crate::issue::Issue::new(root.clone(), p)))?;
    let (mut read, pos) = Read::begin(&text, sep, speed)?;
    read.reserve = rows_to_reserve(&text, text.len());
    read.lines(&text, pos)?;
    read.finish()
}

/// A read in progress: what the header decided, and the rows and line count so far. The
/// whole-file reader gives it the whole text at once; [`CsvStream`] gives it complete lines
/// a piece at a time.
struct Read {
    b: Builder,
    header: Header,
    /// Where the postcode, insurer and count columns are.
    required: (usize, usize, usize),
    delimiter: u8,
    /// Lines before the text the reader sees (Excel's `sep=` line), for line numbers.
    offset: usize,
    /// The one-pass line reader's layout, when it may be used.
    fast: Option<Vec<Option<Column>>>,
    /// Whether the loop for the usual layout (postcode, insurer, count) may be used.
    usual: bool,
    /// Lines read so far.
    line: usize,
    /// Rows to reserve once the first thousand are read ([`rows_to_reserve`]).
    reserve: usize,
}

impl Read {
    /// Reads the header from the start of `text`; returns the read and where the data starts.
    #[cfg_attr(resv_optimize, optimize(size))]
    fn begin(text: &[u8], sep: Option<u8>, speed: Speed) -> Result<(Read, usize), Issues> {
        let delimiter = sep.unwrap_or_else(|| csv::detect_delimiter(text));
        let mut reader = Reader::new(text, delimiter);
        let mut fields: Vec<Field> = Vec::with_capacity(8);
        let mut scratch = Vec::new();
        let mut b = Builder::new();
        // The header: the first non-blank record. Line numbers count the `sep=` line too.
        let offset = usize::from(sep.is_some());
        let header = Header::read(&mut reader, &mut fields, &mut scratch, offset)?;
        let (required, fraction) = {
            let c = header.columns(delimiter, &mut b)?;
            (
                (c.postcode.0, c.insurer.0, c.insured.0),
                c.fraction.is_some(),
            )
        };
        // Three speeds. The fastest reads a plain line of known shape (postcode, a label seen
        // before, digits) in one pass without splitting it first. A line it does not recognise
        // is split with memchr into slices of the input and read by `row`; a line with a quote
        // goes through the full reader (quoted fields may hold delimiters, line breaks and
        // doubled quotes). All three give the same rows and the same problems.
        // Both fast readers need a delimiter that cannot be part of a postcode, a count or a
        // line end, and labels they may match without splitting (no delimiter or quote in them).
        let plain_delimiter = fast_delimiter(delimiter);
        b.plain_labels = plain_delimiter.then_some(delimiter);
        if plain_delimiter {
            b.label_slots = vec![0; builder::LABEL_SLOTS];
        }
        let fast =
            (speed != Speed::Split && plain_delimiter && !fraction).then(|| header.roles.clone());
        let usual = speed == Speed::Fastest
            && plain_delimiter
            && header.roles
                == [
                    Some(Column::Postcode),
                    Some(Column::Insurer),
                    Some(Column::Insured),
                ];
        let (pos, line) = reader.position();
        let read = Read {
            b,
            header,
            required,
            delimiter,
            offset,
            fast,
            usual,
            line,
            reserve: 0,
        };
        Ok((read, pos))
    }

    /// Reads the lines of `text` from `pos`. Every line must be whole: the text ends at a line
    /// end or at the end of the file.
    fn lines(&mut self, text: &[u8], mut pos: usize) -> Result<(), Issues> {
        let root = Path::root();
        let Read {
            b,
            header,
            required,
            delimiter,
            offset,
            fast,
            usual,
            line,
            reserve,
        } = self;
        let (delimiter, offset, usual, reserve) = (*delimiter, *offset, *usual, *reserve);
        let columns = header.layout(required.0, required.1, required.2);
        let mut reader = Reader::new(text, delimiter);
        let mut fields: Vec<Field> = Vec::new();
        let mut scratch = Vec::new();
        // Called through a pointer the optimisers cannot see through, so the loop stays a
        // function of its own (wasm-opt inlines a function with one caller): a fresh Wasm
        // instance runs it in baseline code until the engine has compiled it optimised, and
        // an engine switches only at the next call, so it returns every `USUAL_CHUNK` lines.
        let read_usual: UsualLines = std::hint::black_box(usual_lines);
        let mut slices: Vec<&[u8]> = Vec::with_capacity(16);
        while pos < text.len() {
            if b.rows.len() == RESERVE_AFTER
                && b.rows.capacity() < reserve
                && b.rows
                    .try_reserve(reserve.saturating_sub(RESERVE_AFTER))
                    .is_err()
            {
                // The estimate does not fit: refuse before the work, not halfway through it.
                return Err(Issues::from(crate::issue::Issue::new(
                    root,
                    Problem::OutOfMemory,
                )));
            }
            if usual {
                let (next, lines) = read_usual(b, delimiter, text, pos);
                if lines > 0 {
                    pos = next;
                    *line = line.saturating_add(lines);
                    continue;
                }
            }
            if let Some(layout) = fast {
                if let Some(next) = fast_line(b, layout, delimiter, text, pos) {
                    pos = next;
                    *line = line.saturating_add(1);
                    continue;
                }
            }
            let rest = text.get(pos..).unwrap_or_default();
            let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
            let raw = rest.get(..end).unwrap_or_default();
            if memchr::memchr(b'"', raw).is_none() {
                let content = raw.strip_suffix(b"\r").unwrap_or(raw);
                *line = line.saturating_add(1);
                pos = pos.saturating_add(end).saturating_add(1);
                slices.clear();
                let mut start = 0usize;
                for d in memchr::memchr_iter(delimiter, content) {
                    slices.push(content.get(start..d).unwrap_or_default());
                    start = d.saturating_add(1);
                }
                slices.push(content.get(start..).unwrap_or_default());
                row(b, &columns, &slices, &root, line.saturating_add(offset));
            } else {
                reader.seek(pos, *line);
                let Some((first_line, result)) = reader.record(&mut fields, &mut scratch) else {
                    break;
                };
                if result == Err(RecordError::UnclosedQuote) {
                    b.issues.push(
                        root.line(first_line.saturating_add(offset)),
                        Problem::UnclosedQuote,
                    );
                    break;
                }
                let quoted: Vec<&[u8]> =
                    fields.iter().map(|&f| reader.bytes(f, &scratch)).collect();
                row(
                    b,
                    &columns,
                    &quoted,
                    &root,
                    first_line.saturating_add(offset),
                );
                (pos, *line) = reader.position();
            }
            if b.saturated() {
                b.issues.push(
                    root.line(line.saturating_add(1).saturating_add(offset)),
                    Problem::TooManyProblems {
                        listed: MAX_PROBLEMS,
                    },
                );
                return Err(std::mem::take(&mut b.issues));
            }
        }
        Ok(())
    }

    /// The table, once every line is read.
    fn finish(mut self) -> Result<Market, Issues> {
        let root = Path::root();
        if self.b.rows.is_empty() && self.b.issues.is_empty() {
            self.b.issues.push(root.clone(), Problem::FileEmpty);
        }
        self.b.finish(&root)
    }
}

/// A CSV read fed a piece at a time, so a large file is never in Wasm memory whole: only the
/// row table and one piece are (issue 19: peak memory). It gives exactly what [`parse_csv`]
/// gives. It reads files as most are written: no quotes, no lone CR line ends, no UTF-16, a
/// header in the first piece. Anything else makes it stop with [`Stop::Whole`], and the caller
/// reads the file whole instead ([`parse_csv_pieces`] does both).
#[doc(hidden)]
pub struct CsvStream {
    /// Bytes fed and not yet read: at most one piece and the start of the line it ends in.
    pending: Vec<u8>,
    /// How many bytes at the start of `pending` are known to hold no line end.
    searched: usize,
    /// Bytes the whole file has (for the row reservation).
    total: usize,
    /// Bytes wanted before the header is read (the first piece).
    first: usize,
    /// Bytes read so far.
    done: usize,
    read: Option<Read>,
}

/// Why a [`CsvStream`] stopped.
#[doc(hidden)]
#[derive(Debug)]
pub enum Stop {
    /// This file needs the whole-file reader: read it with [`parse_csv`].
    Whole,
    /// The file's problems, as [`parse_csv`] gives them.
    Problems(Issues),
}

/// The bytes `csv::prepare` looks for a NUL in: the first 4 KiB after a BOM.
const FIRST_CHECKED: usize = 4096 + 3;

/// Bytes [`CsvStream`] reads before the header: enough for the binary check of the first
/// 4 KiB and the row estimate from the first 64 KiB.
const STREAM_FIRST: usize = 65_536 + 4;

impl CsvStream {
    /// A stream that reads the header once `first` bytes are in (tests use small pieces).
    #[must_use]
    pub fn starting_after(total: usize, first: usize) -> CsvStream {
        CsvStream {
            pending: Vec::new(),
            searched: 0,
            total,
            first,
            done: 0,
            read: None,
        }
    }

    /// Feeds the next `n` bytes, which `fill` writes into the slice it is given.
    ///
    /// # Errors
    /// [`Stop::Whole`] when the file must be read whole; the problems when it has them.
    pub fn push(&mut self, n: usize, fill: impl FnOnce(&mut [u8])) -> Result<(), Stop> {
        let old = self.pending.len();
        if self.pending.try_reserve_exact(n).is_err() {
            return Err(Stop::Problems(out_of_memory()));
        }
        self.pending.resize(old.saturating_add(n), 0);
        fill(self.pending.get_mut(old..).unwrap_or_default());
        if self.read.is_none() && self.pending.len() < self.first {
            return Ok(());
        }
        // Only bytes not yet searched: a line longer than a piece costs one search per byte,
        // not one per piece over everything before it.
        let fresh = self.pending.get(self.searched..).unwrap_or_default();
        let Some(last) = memchr::memrchr(b'\n', fresh) else {
            self.searched = self.pending.len();
            return Ok(());
        };
        let whole = self.searched.saturating_add(last).saturating_add(1);
        self.read_lines(whole, false)?;
        self.pending.copy_within(whole.., 0);
        self.pending
            .truncate(self.pending.len().saturating_sub(whole));
        // What is left follows the last line end: none in it.
        self.searched = self.pending.len();
        Ok(())
    }

    /// Reads the last line (if it has no line end) and gives the table.
    ///
    /// # Errors
    /// As [`CsvStream::push`].
    pub fn finish(mut self) -> Result<Market, Stop> {
        if self.read.is_none() {
            // The whole file is here (smaller than the first piece): read it as it is.
            return parse_csv(&self.pending).map_err(Stop::Problems);
        }
        self.read_lines(self.pending.len(), true)?;
        self.read
            .map_or(Err(Stop::Whole), |r| r.finish().map_err(Stop::Problems))
    }

    /// Reads `pending[..end]`, which ends at a line end or (when `last`) at the end of the file.
    fn read_lines(&mut self, end: usize, last: bool) -> Result<(), Stop> {
        let text = self.pending.get(..end).unwrap_or_default();
        // What `csv::prepare` would change for the whole file (quoted fields may span lines
        // and pieces, and a lone CR is a line end the pieces are not cut at): read it whole.
        let lone_cr = |i: usize| text.get(i.saturating_add(1)) != Some(&b'\n');
        // A NUL in the first 4 KiB (after a BOM) makes the file binary.
        let head = text
            .get(..text.len().min(FIRST_CHECKED.saturating_sub(self.done)))
            .unwrap_or_default();
        // One pass for both (a CRLF file stops at every line end, an LF file nowhere).
        let unusual = |i: usize| text.get(i) == Some(&b'"') || lone_cr(i);
        if memchr::memchr2_iter(b'"', b'\r', text).any(unusual) || memchr::memchr(0, head).is_some()
        {
            return Err(Stop::Whole);
        }
        self.done = self.done.saturating_add(text.len());
        // Problems are the file's only once its first 4 KiB are known to be text: before, a
        // NUL further on would make it binary instead.
        let head_seen = last || self.done >= FIRST_CHECKED;
        let problems = |issues| {
            if head_seen {
                Stop::Problems(issues)
            } else {
                Stop::Whole
            }
        };
        if let Some(read) = &mut self.read {
            return read.lines(text, 0).map_err(problems);
        }
        // The first piece: what `csv::prepare` does (BOM, `sep=`, checks), then the header.
        // An unusual start (a spreadsheet, UTF-16, no header yet) is left to the whole reader.
        let Ok((std::borrow::Cow::Borrowed(prepared), sep)) = csv::prepare(text) else {
            return Err(Stop::Whole);
        };
        let (mut read, pos) = match Read::begin(prepared, sep, Speed::Fastest) {
            Ok(begun) => begun,
            // No header in this piece yet (only blank lines): the whole reader looks further.
            Err(issues)
                if issues
                    .as_slice()
                    .iter()
                    .any(|i| i.problem == Problem::FileEmpty) =>
            {
                return Err(Stop::Whole)
            }
            // The header's problems (a missing or doubled column) are the file's.
            Err(issues) => return Err(problems(issues)),
        };
        let before = text.len().saturating_sub(prepared.len());
        read.reserve = rows_to_reserve(prepared, self.total.saturating_sub(before));
        read.lines(prepared, pos).map_err(problems)?;
        self.read = Some(read);
        Ok(())
    }
}

fn out_of_memory() -> Issues {
    Issues::from(crate::issue::Issue::new(Path::root(), Problem::OutOfMemory))
}

/// Reads a file of `total` bytes in pieces of `piece` bytes, `fill(offset, buffer)` writing
/// the file's bytes from `offset` into `buffer`: through [`CsvStream`], and whole where the
/// stream stops with [`Stop::Whole`]. The same result as [`parse_csv`] of the whole file.
///
/// # Errors
/// As [`parse_csv`].
pub fn parse_csv_pieces(
    total: usize,
    piece: usize,
    mut fill: impl FnMut(usize, &mut [u8]),
) -> Result<Market, Issues> {
    parse_pieces_after(total, piece, STREAM_FIRST, &mut fill)
}

/// [`parse_csv_pieces`] with the header read after `first` bytes (for tests).
#[doc(hidden)]
pub fn parse_pieces_after(
    total: usize,
    piece: usize,
    first: usize,
    fill: &mut dyn FnMut(usize, &mut [u8]),
) -> Result<Market, Issues> {
    if total > csv::MAX_FILE_BYTES {
        return Err(Issues::from(crate::issue::Issue::new(
            Path::root(),
            Problem::FileTooLarge {
                max: csv::MAX_FILE_BYTES,
            },
        )));
    }
    let mut stream = CsvStream::starting_after(total, first);
    let mut offset = 0usize;
    let streamed = loop {
        if offset >= total {
            break stream.finish();
        }
        let n = piece.max(1).min(total.saturating_sub(offset));
        if let Err(stop) = stream.push(n, |buf| fill(offset, buf)) {
            break Err(stop);
        }
        offset = offset.saturating_add(n);
    };
    match streamed {
        Ok(market) => Ok(market),
        Err(Stop::Problems(issues)) => Err(issues),
        Err(Stop::Whole) => {
            // The stream's memory is free again before the whole file is copied in.
            let mut bytes: Vec<u8> = Vec::new();
            bytes
                .try_reserve_exact(total)
                .map_err(|_| out_of_memory())?;
            bytes.resize(total, 0);
            fill(0, &mut bytes);
            parse_csv(&bytes)
        }
    }
}

/// The header line: each column's role (when recognised) and its name as written.
struct Header {
    roles: Vec<Option<Column>>,
    names: Vec<String>,
}

impl Header {
    /// Reads the first non-blank record as the header.
    fn read(
        reader: &mut Reader<'_>,
        fields: &mut Vec<Field>,
        scratch: &mut Vec<u8>,
        offset: usize,
    ) -> Result<Header, Issues> {
        let root = Path::root();
        loop {
            let Some((line, result)) = reader.record(fields, scratch) else {
                return Err(Issues::from(crate::issue::Issue::new(
                    root,
                    Problem::FileEmpty,
                )));
            };
            if result.is_err() {
                return Err(Issues::from(crate::issue::Issue::new(
                    root.line(line.saturating_add(offset)),
                    Problem::UnclosedQuote,
                )));
            }
            if fields
                .iter()
                .all(|&f| csv::trim(reader.bytes(f, scratch)).is_empty())
            {
                continue;
            }
            let names: Vec<String> = fields
                .iter()
                .map(|&f| csv::decode_text(csv::trim(reader.bytes(f, scratch))))
                .collect();
            let roles = names.iter().map(|n| Column::recognise(n)).collect();
            return Ok(Header { roles, names });
        }
    }

    /// The columns a row is read by: every required column once, no column twice; columns
    /// not used are noted in a warning.
    fn columns(&self, delimiter: u8, b: &mut Builder) -> Result<Columns<'_>, Issues> {
        let root = Path::root();
        let position = |c: Column| self.roles.iter().position(|r| *r == Some(c));
        let header_line = csv::shorten(&self.names.join(&char::from(delimiter).to_string()));
        let required = [Column::Postcode, Column::Insurer, Column::Insured];
        for c in required {
            if position(c).is_none() {
                b.issues.push(
                    root.clone(),
                    Problem::MissingColumn {
                        column: c.name(),
                        header: header_line.clone(),
                    },
                );
            }
        }
        for c in required
            .into_iter()
            .chain([Column::Concern, Column::Fraction])
        {
            if self.roles.iter().filter(|r| **r == Some(c)).count() > 1 {
                b.issues
                    .push(root.clone(), Problem::DuplicateColumn { column: c.name() });
            }
        }
        let (Some(postcode), Some(insurer), Some(insured), true) = (
            position(Column::Postcode),
            position(Column::Insurer),
            position(Column::Insured),
            b.issues.is_empty(),
        ) else {
            return Err(std::mem::take(&mut b.issues));
        };
        let ignored: Vec<&str> = self
            .roles
            .iter()
            .zip(&self.names)
            .filter(|(r, n)| r.is_none() && !n.is_empty())
            .map(|(_, n)| n.as_str())
            .collect();
        if !ignored.is_empty() {
            b.warn(
                root,
                Warning::IgnoredColumns {
                    names: ignored.iter().map(|n| (*n).to_owned()).collect(),
                },
            );
        }
        Ok(self.layout(postcode, insurer, insured))
    }

    /// The columns, once [`Header::columns`] has found the three required ones.
    fn layout(&self, postcode: usize, insurer: usize, insured: usize) -> Columns<'_> {
        let position = |c: Column| self.roles.iter().position(|r| *r == Some(c));
        let named = |i: usize| (i, self.names.get(i).map_or("", String::as_str));
        Columns {
            expected: self.roles.len(),
            postcode: named(postcode),
            insurer: named(insurer),
            insured: named(insured),
            concern: position(Column::Concern).map(named),
            fraction: position(Column::Fraction).map(named),
        }
    }
}

/// The rows read before the row table is reserved for the whole file ([`rows_to_reserve`]).
const RESERVE_AFTER: usize = 1000;

/// Whether the fast readers may be used with this delimiter: one that is not a digit or a
/// letter (it would be read as part of a postcode or count), a quote, a space or a line end.
fn fast_delimiter(d: u8) -> bool {
    d == b'\t' || (d.is_ascii_punctuation() && d != b'"')
}

/// How many rows to reserve for the whole file, from the lines in its first 64 KiB (+2%), so
/// the row table is allocated once instead of doubling (and copying) its way up. Exact
/// arithmetic, not a whole line length (15.6 bytes read as 15 overestimated the national
/// table by 4%). Should the file's lines be shorter later on, the table grows by an eighth at
/// a time ([`Builder::push`]). The caller reserves only once the first thousand rows have been
/// read, so a file of garbage never reserves anything.
fn rows_to_reserve(text: &[u8], total: usize) -> usize {
    let sample = text.get(..text.len().min(65_536)).unwrap_or_default();
    let lines = memchr::memchr_iter(b'\n', sample).count().max(1);
    let estimate = (total as u64)
        .saturating_mul(lines as u64)
        .checked_div(sample.len().max(1) as u64)
        .unwrap_or(0);
    let estimate = estimate.saturating_add(estimate / 50);
    usize::try_from(estimate).unwrap_or(MAX_ROWS).min(MAX_ROWS)
}

/// Reads one plain line of the usual shape in a single pass, or `None` (nothing consumed)
/// when the line needs the general path: spaces, quotes, separators in numbers, an unknown
/// label or concern, a malformed field, a fraction. Returns where the next line starts.
fn fast_line(
    b: &mut Builder,
    layout: &[Option<Column>],
    delimiter: u8,
    text: &[u8],
    start: usize,
) -> Option<usize> {
    let mut p = start;
    let mut code = None;
    let mut label: Option<u16> = None;
    let mut insured = None;
    let ends = |at: usize| {
        matches!(text.get(at), None | Some(b'\n' | b'\r')) || text.get(at) == Some(&delimiter)
    };
    for (i, role) in layout.iter().enumerate() {
        if i > 0 {
            if text.get(p) != Some(&delimiter) {
                return None;
            }
            p = p.checked_add(1)?;
        }
        match role {
            Some(Column::Postcode) => {
                let digits = text.get(p..p.checked_add(4)?)?;
                let mut n: u16 = 0;
                for &d in digits {
                    if !d.is_ascii_digit() {
                        return None;
                    }
                    n = n
                        .checked_mul(10)?
                        .checked_add(u16::from(d.wrapping_sub(b'0')))?;
                }
                let pc = Postcode::pc4(n)?;
                p = p.checked_add(4)?;
                code = Some(match text.get(p..p.checked_add(2)?) {
                    Some([l1, l2]) if l1.is_ascii_uppercase() && l2.is_ascii_uppercase() => {
                        p = p.checked_add(2)?;
                        let suffix = u32::from(l1.wrapping_sub(b'A'))
                            .checked_mul(26)?
                            .checked_add(u32::from(l2.wrapping_sub(b'A')))?
                            .checked_add(1)?;
                        Postcode::from_code(pc.code().checked_add(suffix)?)?
                    }
                    _ => pc,
                });
                if !ends(p) {
                    return None;
                }
            }
            Some(Column::Insurer) => {
                // The next eight bytes as one word: a candidate label whose first (up to)
                // eight bytes differ is rejected with one comparison.
                let word = word_at(text, p);
                let n = b.label_bytes.len();
                let mut found = None;
                // The next label of a postcode follows the last one read; start there.
                for k in 1..=n.min(64) {
                    let i = b.last.saturating_add(k);
                    let i = if i >= n { i.saturating_sub(n) } else { i };
                    let (prefix, mask) = *b.label_words.get(i)?;
                    if word & mask != prefix {
                        continue;
                    }
                    let name = b.label_bytes.get(i)?;
                    let end = p.checked_add(name.len())?;
                    if ends(end)
                        && (name.len() <= 8
                            || text
                                .get(p.checked_add(8)?..end)
                                .is_some_and(|t| same(t, name.get(8..).unwrap_or_default())))
                    {
                        found = Some((i, end));
                        break;
                    }
                }
                let (i, end) = found?;
                label = Some(u16::try_from(i).ok()?);
                p = end;
            }
            Some(Column::Insured) => {
                let mut n: u64 = 0;
                let mut len = 0usize;
                while let Some(d) = text.get(p).filter(|d| d.is_ascii_digit()) {
                    n = n
                        .checked_mul(10)?
                        .checked_add(u64::from(d.wrapping_sub(b'0')))?;
                    p = p.checked_add(1)?;
                    len = len.checked_add(1)?;
                }
                if len == 0 || len > 10 || n > csv::MAX_COUNT || !ends(p) {
                    return None;
                }
                insured = Some(n);
            }
            Some(Column::Concern) => {
                // Only a concern already known for this line's label (the label column
                // comes first in the layouts this path serves).
                let known = b.concern_bytes.get(usize::from(label?))?.as_ref()?;
                // A concern with a delimiter or a quote in it was quoted: so must this be.
                if memchr::memchr2(delimiter, b'"', known).is_some() {
                    return None;
                }
                let end = p.checked_add(known.len())?;
                if text.get(p..end) != Some(known.as_slice()) || !ends(end) {
                    return None;
                }
                p = end;
            }
            Some(Column::Fraction) => return None,
            None => {
                let rest = text.get(p..)?;
                let len = rest
                    .iter()
                    .position(|&c| c == delimiter || c == b'\n' || c == b'\r' || c == b'"')
                    .unwrap_or(rest.len());
                if rest.get(len) == Some(&b'"') {
                    return None;
                }
                p = p.checked_add(len)?;
            }
        }
    }
    let next = match text.get(p) {
        None => p,
        Some(b'\n') => p.checked_add(1)?,
        Some(b'\r') if text.get(p.checked_add(1)?) == Some(&b'\n') => p.checked_add(2)?,
        _ => return None,
    };
    let (code, label, insured) = (code?, label?, insured?);
    b.last = usize::from(label);
    b.push(code, label, insured, None, &Path::root);
    Some(next)
}

/// Reads the plain lines of the usual layout, `postcode;insurer;count` (a whole postcode of
/// four digits and maybe two capitals, a label seen before, plain digits), from `start` in a
/// loop of its own, and returns where it stopped and how many lines it read. It stops at the
/// first line that is anything else (the general path reads that one), and when the row
/// table would have to grow (so `parse_csv` reserves it, or `Builder::push` grows it
/// fallibly). What it reads, it reads exactly as [`fast_line`] and `row` would.
///
/// No checked arithmetic per digit: a count of at most [`COUNT_DIGITS`] digits cannot
/// overflow a `u64`, so the digits are summed plainly and their number is bounded instead.
#[inline(never)]
fn usual_lines(b: &mut Builder, delimiter: u8, text: &[u8], start: usize) -> (usize, usize) {
    let limit = if b.rows.len() < RESERVE_AFTER {
        RESERVE_AFTER
    } else {
        b.rows
            .capacity()
            .min(MAX_ROWS)
            .min(b.rows.len().saturating_add(USUAL_CHUNK))
    };
    let labels = b.label_bytes.len();
    let mut rest = text.get(start..).unwrap_or_default();
    let mut lines = 0usize;
    let mut last = b.last;
    while b.rows.len() < limit {
        // The postcode: four digits, not starting with 0, then maybe two capitals.
        let [d0, d1, d2, d3, tail @ ..] = rest else {
            break;
        };
        let digits = [*d0, *d1, *d2, *d3].map(|d| d.wrapping_sub(b'0'));
        if digits.iter().any(|&d| d > 9) || *d0 == b'0' {
            break;
        }
        let pc4 = digits
            .iter()
            .fold(0u32, |n, &d| n.wrapping_mul(10).wrapping_add(u32::from(d)));
        let mut code = pc4.wrapping_mul(PC4_SPAN);
        let tail = match tail {
            [l1, l2, t @ ..] if l1.is_ascii_uppercase() && l2.is_ascii_uppercase() => {
                let suffix = u32::from(l1.wrapping_sub(b'A'))
                    .wrapping_mul(26)
                    .wrapping_add(u32::from(l2.wrapping_sub(b'A')))
                    .wrapping_add(1);
                code = code.wrapping_add(suffix);
                t
            }
            t => t,
        };
        let [sep, tail @ ..] = tail else {
            break;
        };
        if *sep != delimiter {
            break;
        }
        // The label: one seen before, followed by the delimiter (a plain label has no
        // delimiter in it, so at most one matches). Comparing the first eight bytes as one
        // word rejects a wrong candidate at once.
        let word = match tail.first_chunk::<8>() {
            Some(w) => u64::from_le_bytes(*w),
            None => prefix_word(tail).0,
        };
        let matches = |i: usize| {
            let (Some(&(prefix, mask)), Some(name)) = (b.label_words.get(i), b.label_bytes.get(i))
            else {
                return None;
            };
            let n = name.len();
            // Past the first eight bytes: the last eight as one word, and any between.
            let rest_same = || {
                let field = tail.get(..n)?;
                let same_end = field.last_chunk::<8>()? == name.last_chunk::<8>()?;
                let middle = 8..n.saturating_sub(8);
                Some(same_end && (n <= 16 || same(field.get(middle.clone())?, name.get(middle)?)))
            };
            (word & mask == prefix
                && tail.get(n) == Some(&delimiter)
                && (n <= 8 || rest_same() == Some(true)))
            .then_some(n)
        };
        // The label its first two bytes point at, else a search.
        let slot = match tail {
            [first, second, ..] => b.label_slots.get(builder::label_slot(*first, *second)),
            _ => None,
        };
        let mut found = match slot.copied() {
            Some(0 | builder::SHARED_SLOT) | None => None,
            Some(s) => {
                let i = usize::from(s.wrapping_sub(1));
                matches(i).map(|n| (i, n))
            }
        };
        if found.is_none() {
            // The next label of a postcode follows the last one read: search from there.
            let mut i = last;
            for _ in 0..labels.min(64) {
                i = i.wrapping_add(1);
                if i >= labels {
                    i = 0;
                }
                if let Some(n) = matches(i) {
                    found = Some((i, n));
                    break;
                }
            }
        }
        let Some((label, n)) = found else {
            break;
        };
        let Some(tail) = tail.get(n.wrapping_add(1)..) else {
            break;
        };
        // The count: plain digits, at most ten (and at most `MAX_COUNT`), then the line end.
        let mut insured = 0u64;
        let mut len = 0usize;
        for &c in tail.iter().take(COUNT_DIGITS) {
            let d = c.wrapping_sub(b'0');
            if d > 9 {
                break;
            }
            insured = insured.wrapping_mul(10).wrapping_add(u64::from(d));
            len = len.wrapping_add(1);
        }
        if len == 0 || len > 10 || insured > csv::MAX_COUNT {
            break;
        }
        let tail = tail.get(len..).unwrap_or_default();
        let next = match tail {
            [] => tail,
            [b'\n', t @ ..] | [b'\r', b'\n', t @ ..] => t,
            _ => break,
        };
        let Ok(id) = u16::try_from(label) else {
            break;
        };
        b.push_whole(code, id, insured);
        last = label;
        rest = next;
        lines = lines.wrapping_add(1);
    }
    b.last = last;
    (text.len().saturating_sub(rest.len()), lines)
}

/// The type of [`usual_lines`].
type UsualLines = fn(&mut Builder, u8, &[u8], usize) -> (usize, usize);

/// The most rows [`usual_lines`] reads in one call: small enough that a fresh instance
/// switches to the optimised loop soon after the engine has it (2^15 took the first national
/// parse to 2.3x a warm one, 2^12 to 1.6-2.0x), large enough to cost nothing warm (2^10 was
/// 8% slower).
const USUAL_CHUNK: usize = 1 << 12;

/// The most digits [`usual_lines`] sums before it gives up on a count: fewer than the 20
/// that could overflow a `u64`, more than the 10 a count may have.
const COUNT_DIGITS: usize = 11;

/// Up to eight bytes from `at` as a little-endian word (zero beyond the end of `text`).
fn word_at(text: &[u8], at: usize) -> u64 {
    match text.get(at..at.saturating_add(8)) {
        Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => prefix_word(text.get(at..).unwrap_or_default()).0,
    }
}

/// A name's first (up to) eight bytes as a little-endian word, and the mask of those bytes.
pub(super) fn prefix_word(name: &[u8]) -> (u64, u64) {
    let mut word = 0u64;
    let mut mask = 0u64;
    for (i, &byte) in name.iter().take(8).enumerate() {
        let shift = u32::try_from(i).unwrap_or(0).saturating_mul(8);
        word |= u64::from(byte) << shift;
        mask |= 0xFFu64 << shift;
    }
    (word, mask)
}

/// Byte equality for short names, without a call to `memcmp`.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Where each column is, with its header name for messages.
struct Columns<'h> {
    expected: usize,
    postcode: (usize, &'h str),
    insurer: (usize, &'h str),
    insured: (usize, &'h str),
    concern: Option<(usize, &'h str)>,
    fraction: Option<(usize, &'h str)>,
}

/// Reads one data line's fields into the builder.
fn row(b: &mut Builder, c: &Columns<'_>, fields: &[&[u8]], root: &Path, line: usize) {
    let get = |i: usize| fields.get(i).map(|f| csv::trim(f)).unwrap_or_default();
    let at_line = || root.line(line);
    if fields.len() != c.expected {
        // Blank lines and trailing empty fields (a stray `;` at the end) are harmless.
        let blank = (0..fields.len()).all(|i| get(i).is_empty());
        let extra_empty =
            fields.len() > c.expected && (c.expected..fields.len()).all(|i| get(i).is_empty());
        if blank {
            return;
        }
        if !extra_empty {
            b.issues.push(
                at_line(),
                Problem::FieldCount {
                    expected: c.expected,
                    found: fields.len(),
                },
            );
            return;
        }
    }
    let postcode = get(c.postcode.0);
    let pc = match Postcode::parse(postcode) {
        Some(pc) => Some(pc),
        None => {
            if (0..fields.len()).all(|i| get(i).is_empty()) {
                return;
            }
            let problem = if postcode.is_empty() {
                Problem::Missing
            } else {
                Problem::PostcodeMalformed {
                    found: csv::shorten(&csv::decode_text(postcode)),
                }
            };
            b.issues.push(at_line().column(c.postcode.1), problem);
            None
        }
    };
    let insured = match csv::parse_count(get(c.insured.0), true) {
        Ok(n) => Some(n),
        Err(p) => {
            b.issues.push(at_line().column(c.insured.1), p);
            None
        }
    };
    let fraction = match c.fraction.map(|(i, name)| (get(i), name)) {
        None | Some((b"", _)) => Some(None),
        Some((text, name)) => match fraction_millionths(text) {
            Ok(f) => Some(Some(f)),
            Err(p) => {
                b.issues.push(at_line().column(name), p);
                None
            }
        },
    };
    // Names are decoded first (UTF-8, else Windows-1252) and then trimmed as text, so a
    // non-breaking space is trimmed in either encoding and never cuts a character in two.
    let name = |i: usize| {
        csv::decode_text(fields.get(i).copied().unwrap_or_default())
            .trim()
            .to_owned()
    };
    let (concern, concern_name) = c
        .concern
        .map(|(i, column)| (name(i), column))
        .unwrap_or_default();
    let label = b.label(
        name(c.insurer.0).as_bytes(),
        concern.as_bytes(),
        &|| at_line().column(c.insurer.1),
        &|| at_line().column(concern_name),
    );
    if let (Some(pc), Some(label), Some(insured), Some(fraction)) = (pc, label, insured, fraction) {
        b.push(pc, label, insured, fraction, &at_line);
    }
}

/// A fraction 0..=1 in millionths.
fn fraction_millionths(text: &[u8]) -> Result<u32, Problem> {
    let d = csv::parse_fraction(text)?;
    millionths(d)
}

/// Everything a read gives, as text the tests and the `csv_paths` fuzz target compare across
/// reader paths: the rows as stored (keys with label and fraction), as exported, the labels
/// with their concerns and origins, the warnings with their paths, the postcode count; or
/// every problem with its path and message.
#[doc(hidden)]
#[must_use]
pub fn describe_read(r: &Result<Market, Issues>) -> String {
    match r {
        Ok(m) => format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{}",
            m.rows(),
            m.to_rows(),
            m.labels(),
            m.warnings(),
            m.postcode_count()
        ),
        Err(e) => format!("{e:?}\n{e}"),
    }
}
