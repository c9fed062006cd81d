//! Request paths for the generated request constructors: a value can never add a segment, a
//! query or a fragment to the path template.
//!
//! * [`segment`]: a value in a segment position (`/groups/{id}`) is percent-encoded, everything
//!   but RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`), so `/ ? # % :`, spaces and
//!   non-ASCII are all escaped. A value made only of dots (`.`, `..`) is encoded as `%2E`/`%2E%2E`
//!   rather than rejected: it is then an ordinary segment that no URL normalizer resolves, and the
//!   service receives the id as given. An empty value is rejected (an empty segment would change
//!   the path's shape).
//! * [`quoted`]: an OData string literal (`/users('{id}')`, `(key='{value}')`): quotes are
//!   doubled, then the text is encoded like a segment except that `'` stays literal.
//! * [`item_path`]: a drive item path (`/root:/{item-path}:`) is split at `/` and each part
//!   encoded like a segment; empty, `.` and `..` parts are rejected (they would be resolved or
//!   make an ambiguous path), as is an empty path.
//!
//! Errors surface as [`PathError`] values (from [`PathBuilder::finish`]), converted into
//! `RequestError::Path` by the request constructors, never as panics.

use std::borrow::Cow;
use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but the RFC 3986 unreserved characters.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
/// Inside an OData quoted literal the (doubled) quote stays literal; it is a valid path character.
const QUOTED: &AsciiSet = &SEGMENT.remove(b'\'');

/// A path parameter value that cannot be put in the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// The value is empty.
    Empty { parameter: &'static str },
    /// An item path has an empty, `.` or `..` part (e.g. `a//b`, `/a`, `a/../b`).
    BadItemPathPart { parameter: &'static str, value: String },
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::Empty { parameter } => write!(f, "path parameter `{parameter}` is empty"),
            PathError::BadItemPathPart { parameter, value } => {
                write!(f, "path parameter `{parameter}` = {value:?} has an empty, `.` or `..` part")
            }
        }
    }
}

impl std::error::Error for PathError {}

/// Encodes a value for a segment position (see the module docs).
pub fn segment(value: &str) -> Result<Cow<'_, str>, PathError> {
    if value.is_empty() {
        return Err(PathError::Empty { parameter: "" });
    }
    if value.bytes().all(|b| b == b'.') {
        return Ok(Cow::Owned("%2E".repeat(value.len())));
    }
    Ok(utf8_percent_encode(value, SEGMENT).into())
}

/// An OData string literal with its quotes: `O'Neil/x` -> `'O''Neil%2Fx'`. An empty string is
/// a valid literal (`''`).
pub fn quoted(value: &str) -> String {
    let doubled = value.replace('\'', "''");
    format!("'{}'", utf8_percent_encode(&doubled, QUOTED))
}

/// Encodes a drive item path part by part (see the module docs).
pub fn item_path(value: &str) -> Result<String, PathError> {
    if value.is_empty() {
        return Err(PathError::Empty { parameter: "" });
    }
    let mut out = String::with_capacity(value.len());
    for (i, part) in value.split('/').enumerate() {
        if part.is_empty() || part == "." || part == ".." {
            return Err(PathError::BadItemPathPart { parameter: "", value: value.to_owned() });
        }
        if i > 0 {
            out.push('/');
        }
        out.extend(utf8_percent_encode(part, SEGMENT));
    }
    Ok(out)
}

/// Builds a request path from template text and encoded values; the first error is kept and
/// returned by [`PathBuilder::finish`], so generated constructors chain without branching:
///
/// ```
/// # use graph_models::runtime::path::PathBuilder;
/// let path = PathBuilder::new().lit("/groups/").segment("group-id", "a/b").lit("/members").finish();
/// assert_eq!(path.as_deref(), Ok("/groups/a%2Fb/members"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct PathBuilder {
    path: String,
    error: Option<PathError>,
}

impl PathBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Template text, written as is (it comes from the generator, not from a caller).
    pub fn lit(mut self, text: &str) -> Self {
        self.path.push_str(text);
        self
    }

    /// A value in a segment position; `parameter` names it in errors.
    pub fn segment(mut self, parameter: &'static str, value: &str) -> Self {
        match segment(value) {
            Ok(encoded) => self.path.push_str(&encoded),
            Err(error) => self.fail(parameter, error),
        }
        self
    }

    /// A value as an OData quoted literal, quotes included.
    pub fn quoted(mut self, value: &str) -> Self {
        self.path.push_str(&quoted(value));
        self
    }

    /// A drive item path (several segments).
    pub fn item_path(mut self, parameter: &'static str, value: &str) -> Self {
        match item_path(value) {
            Ok(encoded) => self.path.push_str(&encoded),
            Err(error) => self.fail(parameter, error),
        }
        self
    }

    fn fail(&mut self, name: &'static str, error: PathError) {
        if self.error.is_none() {
            self.error = Some(match error {
                PathError::Empty { .. } => PathError::Empty { parameter: name },
                PathError::BadItemPathPart { value, .. } => PathError::BadItemPathPart { parameter: name, value },
            });
        }
    }

    pub fn finish(self) -> Result<String, PathError> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.path),
        }
    }
}
