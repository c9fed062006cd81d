//! Open enums: `GraphEnum` (string in, string out, unknown values kept) and `Flags<E>` (Graph's
//! comma-separated flags form).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};

/// A generated Graph enum. Decoding never fails on a value the crate does not know: it becomes
/// the enum's `Other(String)` variant and is sent back verbatim.
pub trait GraphEnum: Sized {
    /// Wire names of the known members, in the docs' order.
    const MEMBERS: &'static [&'static str];
    /// The member named `s`, or `Other(s)`.
    fn from_wire(s: &str) -> Self;
    /// The wire name (for `Other`, the string as received).
    fn as_wire(&self) -> &str;
    /// Whether the value is one of [`Self::MEMBERS`].
    fn is_known(&self) -> bool {
        Self::MEMBERS.contains(&self.as_wire())
    }
}

/// A JSON string as deserialized, borrowed when the deserializer allows it. Used by the
/// generated enum impls so that the string visitor exists once per deserializer, not per enum.
#[derive(Debug)]
pub struct WireStr<'de>(pub Cow<'de, str>);

impl WireStr<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> serde::Deserialize<'de> for WireStr<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(WireStrVisitor)
    }
}

struct WireStrVisitor;

impl<'de> Visitor<'de> for WireStrVisitor {
    type Value = WireStr<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(WireStr(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(WireStr(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(WireStr(Cow::Owned(v)))
    }
}

/// A flags enum value: Graph sends the members comma-separated (`"a,b"`), `""` for none.
/// Unknown members are kept (as `E::Other`), order and duplicates as received. If the input
/// separated members with `", "`, that separator is written back; a mix of both is written
/// with the first one used.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Flags<E> {
    members: Vec<E>,
    spaced: bool,
}

impl<E> Default for Flags<E> {
    fn default() -> Self {
        Self { members: Vec::new(), spaced: false }
    }
}

impl<E: GraphEnum + PartialEq> Flags<E> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses Graph's comma-separated form; never fails.
    pub fn parse(s: &str) -> Self {
        if s.is_empty() {
            return Self::default();
        }
        let spaced = s.split(',').nth(1).is_some_and(|part| part.starts_with(' '));
        let members = s.split(',').map(|part| E::from_wire(part.trim_matches(' '))).collect();
        Self { members, spaced }
    }

    pub fn contains(&self, member: &E) -> bool {
        self.members.contains(member)
    }

    /// Adds `member` unless present.
    pub fn insert(&mut self, member: E) {
        if !self.contains(&member) {
            self.members.push(member);
        }
    }

    /// Removes every occurrence of `member`.
    pub fn remove(&mut self, member: &E) {
        self.members.retain(|m| m != member);
    }

    pub fn iter(&self) -> std::slice::Iter<'_, E> {
        self.members.iter()
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    pub fn as_slice(&self) -> &[E] {
        &self.members
    }
}

impl<E> From<Vec<E>> for Flags<E> {
    fn from(members: Vec<E>) -> Self {
        Self { members, spaced: false }
    }
}

impl<E> FromIterator<E> for Flags<E> {
    fn from_iter<I: IntoIterator<Item = E>>(iter: I) -> Self {
        Self { members: iter.into_iter().collect(), spaced: false }
    }
}

impl<E: GraphEnum> fmt::Display for Flags<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let separator = if self.spaced { ", " } else { "," };
        for (i, member) in self.members.iter().enumerate() {
            if i > 0 {
                f.write_str(separator)?;
            }
            f.write_str(member.as_wire())?;
        }
        Ok(())
    }
}

impl<E: GraphEnum + PartialEq> FromStr for Flags<E> {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self::parse(s))
    }
}

impl<E: GraphEnum> serde::Serialize for Flags<E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, E: GraphEnum + PartialEq> serde::Deserialize<'de> for Flags<E> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <WireStr<'de> as serde::Deserialize<'de>>::deserialize(deserializer).map(|s| Self::parse(s.as_str()))
    }
}
