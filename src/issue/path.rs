//! Where in an input a problem was found.

use std::fmt;

/// One step into an input: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// An object key (`.weights`).
    Key(String),
    /// An array index (`[3]`).
    Index(usize),
    /// A line of a text file, counted from 1 (`line 12`).
    Line(usize),
    /// A column of a text file, by its header name (`, column verzekerden`).
    Column(String),
}

/// Where in the input a problem was found, printed as `weights[3].weight`.
///
/// Built by pushing segments while walking the input, never by formatting strings by hand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The path of the input's root (prints as the empty string).
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path with an object key appended.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn key(&self, key: &str) -> Path {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        Path(segments)
    }

    /// This path with an array index appended.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn index(&self, index: usize) -> Path {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        Path(segments)
    }

    /// This path with a file line (counted from 1) appended.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn line(&self, line: usize) -> Path {
        let mut segments = self.0.clone();
        segments.push(Segment::Line(line));
        Path(segments)
    }

    /// This path with a file column (by header name) appended.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn column(&self, column: &str) -> Path {
        let mut segments = self.0.clone();
        segments.push(Segment::Column(column.to_owned()));
        Path(segments)
    }

    /// The file line this path points at, if any.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn line_number(&self) -> Option<usize> {
        self.0.iter().find_map(|s| match s {
            Segment::Line(n) => Some(*n),
            _ => None,
        })
    }

    /// The file column this path points at, if any.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn column_name(&self) -> Option<&str> {
        self.0.iter().find_map(|s| match s {
            Segment::Column(c) => Some(c.as_str()),
            _ => None,
        })
    }

    /// The segments from the root.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl fmt::Display for Path {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Line(line) if i == 0 => write!(f, "line {line}")?,
                Segment::Line(line) => write!(f, " line {line}")?,
                Segment::Column(column) => write!(f, ", column {column}")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_paths_like_js_property_access() {
        let p = Path::root().key("weights").index(3).key("weight");
        assert_eq!(p.to_string(), "weights[3].weight");
        assert_eq!(Path::root().to_string(), "");
        assert_eq!(Path::root().index(0).to_string(), "[0]");
    }
}
