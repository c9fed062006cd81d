//! markers: facts stated in a Description cell (Read-only, Not nullable, Key, cannot be
//! cleared, Inherited from, Required/Optional, TODO placeholders).

use super::text::{find_ci, finders, leading_link, strip_decoration, trim_wrapped, Finders};
use crate::facts::Markers;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// Spellings of "read-only" (catalog §5: `Read-only.`, `read only`, `Readonly.` ...).
const READ_ONLY: &[&str] = &["read-only", "read only", "readonly"];
/// Spellings of "this property may not be set to null by a PATCH".
const CANNOT_BE_CLEARED: &[&str] =
    &["cannot be cleared", "can't be cleared", "can not be cleared", "can\u{2019}t be cleared"];
/// Negations that turn a following `nullable` into "not nullable".
const NOT_NULLABLE: &[&str] = &["not nullable", "non-nullable", "non nullable", "not-nullable"];
/// Phrases that introduce the base type that declares a property.
const INHERITED_FROM: &[&str] = &["inherited from"];
/// The word each group of spellings shares (see [`markers`]).
const GATES: &[&str] = &["read", "nullable", "cleared"];

static READ_ONLY_FINDERS: Finders = LazyLock::new(|| finders(READ_ONLY));
static CANNOT_BE_CLEARED_FINDERS: Finders = LazyLock::new(|| finders(CANNOT_BE_CLEARED));
static NOT_NULLABLE_FINDERS: Finders = LazyLock::new(|| finders(NOT_NULLABLE));
static GATE_FINDERS: Finders = LazyLock::new(|| finders(GATES));

/// Reads the markers of one description cell.
pub fn markers(description: &str) -> Markers {
    // Every phrase is ASCII, or has no case (U+2019): an ASCII-lower-cased copy finds what a
    // Unicode-lower-cased one would, with the same byte offsets, in one cheap pass.
    let lower = description.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    // Each group's spellings share a word; most descriptions lack it, and one memchr-driven
    // search settles the whole group (this runs for each of ~51,000 property rows).
    let [read, nullable, cleared] = [0, 1, 2].map(|i| GATE_FINDERS[i].find(bytes).is_some());
    let any = |finders: &[Finder<'static>]| finders.iter().any(|f| f.find(bytes).is_some());
    Markers {
        read_only: read && READ_ONLY_FINDERS.iter().any(|f| contains_word(&lower, f)),
        not_nullable: nullable && any(&NOT_NULLABLE_FINDERS),
        nullable: nullable && positive_nullable(&lower),
        key: find_ci(description, "key").is_some() && is_key(description),
        cannot_be_cleared: cleared && any(&CANNOT_BE_CLEARED_FINDERS),
        inherited_from: inherited_from(description),
        todo: has_todo(description),
    }
}

/// `Required.` -> `Some(true)`, `Optional.` -> `Some(false)` (first sentence-like token wins).
pub fn required(description: &str) -> Option<bool> {
    // A token equal to either word contains it: without one, no token can match.
    if find_ci(description, "required").is_none() && find_ci(description, "optional").is_none() {
        return None;
    }
    for token in sentence_tokens(description) {
        if token.eq_ignore_ascii_case("required") {
            return Some(true);
        }
        if token.eq_ignore_ascii_case("optional") {
            return Some(false);
        }
    }
    None
}

/// A `Required` column cell: `Yes`/`No`/`Y`/`N`/`✓`/`true`/`false`; free text -> `None`.
pub fn required_cell(cell: &str) -> Option<bool> {
    let v = strip_decoration(cell).to_lowercase();
    let v = v.trim_end_matches('.');
    match v {
        "yes" | "y" | "true" | "required" | "\u{2713}" | "x" => Some(true),
        "no" | "n" | "false" | "optional" | "" => Some(false),
        _ if v.starts_with("yes") || v.starts_with("required") => Some(true),
        _ if v.starts_with("no") || v.starts_with("optional") => Some(false),
        _ => None,
    }
}

/// The cell holds a `**TODO ...**` placeholder.
pub fn has_todo(s: &str) -> bool {
    find_ci(s, "**TODO").is_some()
}

/// The (ASCII) needle of `finder` occurs with a non-letter (or nothing) on both sides.
fn contains_word(hay: &str, finder: &Finder<'_>) -> bool {
    let mut from = 0;
    while let Some(i) = hay.as_bytes().get(from..).and_then(|h| finder.find(h)) {
        let start = from + i;
        let end = start + finder.needle().len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = end;
    }
    false
}

/// `Nullable.` somewhere that is not a negation.
fn positive_nullable(lower: &str) -> bool {
    let nullable = &GATE_FINDERS[1];
    let mut from = 0;
    while let Some(i) = lower.as_bytes().get(from..).and_then(|h| nullable.find(h)) {
        let start = from + i;
        let before = lower[..start].trim_end();
        let negated =
            before.ends_with("not") || before.ends_with("non-") || before.ends_with("non") || before.ends_with("not-");
        let glued = lower[..start].chars().next_back().is_some_and(char::is_alphanumeric);
        if !negated && !glued {
            return true;
        }
        from = start + "nullable".len();
    }
    false
}

/// Description split into short tokens at sentence punctuation and line breaks.
fn sentence_tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(['.', ',', ';', '\n']).map(|t| trim_wrapped(t, b"*")).filter(|t| !t.is_empty())
}

/// `Key.`, `Key,`, `Key of the entity.`, `Read-only. Key.`: a token that is the word "key".
fn is_key(description: &str) -> bool {
    let starts_with = |t: &str, prefix: &str| t.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    sentence_tokens(description).any(|t| {
        ["key", "the key", "primary key"].iter().any(|k| t.eq_ignore_ascii_case(k)) || starts_with(t, "key of the ")
    })
}

/// `Inherited from [entity](../resources/entity.md)` / `Inherited from **baseItem**` ->
/// the base type's name.
fn inherited_from(description: &str) -> Option<String> {
    INHERITED_FROM.iter().find_map(|p| {
        let at = find_ci(description, p)?;
        let rest = description[at + p.len()..].trim_start();
        name_at_start(rest)
    })
}

/// A type name at the start of `s`: link text, bold/backticked word or bare identifier.
pub fn name_at_start(s: &str) -> Option<String> {
    if let Some(link) = leading_link(s) {
        let text = strip_decoration(link.text);
        return (!text.is_empty()).then_some(text);
    }
    let word: String = s
        .trim_start_matches(['*', '`'])
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .collect();
    let word = word.trim_end_matches('.').to_string();
    (!word.is_empty() && word.chars().next().is_some_and(char::is_alphabetic)).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_table() {
        struct Case {
            desc: &'static str,
            read_only: bool,
            not_nullable: bool,
            nullable: bool,
            key: bool,
            cannot_be_cleared: bool,
            inherited: Option<&'static str>,
            todo: bool,
        }
        let cases = [
            Case {
                desc: "The id. Read-only.",
                read_only: true,
                not_nullable: false,
                nullable: false,
                key: false,
                cannot_be_cleared: false,
                inherited: None,
                todo: false,
            },
            Case {
                desc: "read only, Not nullable.",
                read_only: true,
                not_nullable: true,
                nullable: false,
                key: false,
                cannot_be_cleared: false,
                inherited: None,
                todo: false,
            },
            Case {
                desc: "Readonly. Nullable.",
                read_only: true,
                not_nullable: false,
                nullable: true,
                key: false,
                cannot_be_cleared: false,
                inherited: None,
                todo: false,
            },
            Case {
                desc: "Key of the entity.",
                read_only: false,
                not_nullable: false,
                nullable: false,
                key: true,
                cannot_be_cleared: false,
                inherited: None,
                todo: false,
            },
            Case {
                desc: "Unique id. Key. Not nullable. Read-only.",
                read_only: true,
                not_nullable: true,
                nullable: false,
                key: true,
                cannot_be_cleared: false,
                inherited: None,
                todo: false,
            },
            Case {
                desc: "The encryption key used.",
                read_only: false,
                not_nullable: false,
                nullable: false,
                key: false,
                cannot_be_cleared: false,
                inherited: None,
                todo: false,
            },
            Case {
                desc: "Required when created and it cannot be cleared during updates.",
                read_only: false,
                not_nullable: false,
                nullable: false,
                key: false,
                cannot_be_cleared: true,
                inherited: None,
                todo: false,
            },
            Case {
                desc: " Inherited from [entity](../resources/entity.md)",
                read_only: false,
                not_nullable: false,
                nullable: false,
                key: false,
                cannot_be_cleared: false,
                inherited: Some("entity"),
                todo: false,
            },
            Case {
                desc: "**TODO: Add Description** Inherited from [entity](../resources/entity.md)",
                read_only: false,
                not_nullable: false,
                nullable: false,
                key: false,
                cannot_be_cleared: false,
                inherited: Some("entity"),
                todo: true,
            },
            Case {
                desc: "Inherited from **baseItem**.",
                read_only: false,
                not_nullable: false,
                nullable: false,
                key: false,
                cannot_be_cleared: false,
                inherited: Some("baseItem"),
                todo: false,
            },
            Case {
                desc: "**Notes**: not nullable, the **any** operator",
                read_only: false,
                not_nullable: true,
                nullable: false,
                key: false,
                cannot_be_cleared: false,
                inherited: None,
                todo: false,
            },
            Case {
                desc: "Unreadonly",
                read_only: false,
                not_nullable: false,
                nullable: false,
                key: false,
                cannot_be_cleared: false,
                inherited: None,
                todo: false,
            },
        ];
        for c in cases {
            let m = markers(c.desc);
            assert_eq!(m.read_only, c.read_only, "read_only {:?}", c.desc);
            assert_eq!(m.not_nullable, c.not_nullable, "not_nullable {:?}", c.desc);
            assert_eq!(m.nullable, c.nullable, "nullable {:?}", c.desc);
            assert_eq!(m.key, c.key, "key {:?}", c.desc);
            assert_eq!(m.cannot_be_cleared, c.cannot_be_cleared, "cleared {:?}", c.desc);
            assert_eq!(m.inherited_from.as_deref(), c.inherited, "inherited {:?}", c.desc);
            assert_eq!(m.todo, c.todo, "todo {:?}", c.desc);
        }
    }

    #[test]
    fn required_markers() {
        let cases = [
            ("Required. The name.", Some(true)),
            ("Optional. x", Some(false)),
            ("The name, required by x.", None),
            ("", None),
        ];
        for (d, want) in cases {
            assert_eq!(required(d), want, "{d}");
        }
        let cells = [
            ("Yes", Some(true)),
            ("N", Some(false)),
            ("\u{2713}", Some(true)),
            ("**No**", Some(false)),
            ("depends", None),
        ];
        for (d, want) in cells {
            assert_eq!(required_cell(d), want, "{d}");
        }
    }
}
