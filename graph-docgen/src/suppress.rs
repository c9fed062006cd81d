//! suppress: a maintainer's acknowledged doc defects (`docgen-suppressions.toml` at the docs root).
//!
//! ```toml
//! [[suppress]]
//! code = "GD0300"                              # number or name (`json-tolerated`)
//! page = "beta/api/connectorgroup-update.md"   # relative to the docs root
//! line = 50                                    # optional: only that line
//! reason = "trailing comma in the upstream example, reported upstream"
//! ```
//!
//! A suppressed diagnostic is removed from the run (and so never fails `--deny warnings`); a
//! suppression that matches nothing is itself reported (`GD0800`), so acknowledgements cannot
//! outlive the defect they excuse. Errors cannot be suppressed: they mean nothing was generated.

use crate::diagnostics::{Code, Diagnostic, Severity, Span};

/// The file name, at the root of the docs tree.
pub const FILE_NAME: &str = crate::tree::SUPPRESSIONS_FILE;

/// One acknowledged defect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub code: Code,
    pub page: String,
    pub line: Option<u32>,
    pub reason: String,
    /// Where the entry is written (for `GD0800`).
    pub at: Span,
}

impl Suppression {
    fn matches(&self, d: &Diagnostic) -> bool {
        d.code == self.code
            && d.severity != Severity::Error
            && d.span.file == self.page
            && self.line.is_none_or(|l| l == d.span.line)
    }
}

/// Reads the suppression file text. Entries that cannot be read are reported (`GD0801`) and
/// skipped; the others still apply.
pub fn parse(text: &str) -> (Vec<Suppression>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let line_of = |offset: usize| -> u32 {
        text.get(..offset).map_or(1, |s| s.bytes().filter(|&b| b == b'\n').count() as u32 + 1)
    };
    let bad = |line: u32, msg: String| Diagnostic::new(Code::BadSuppression, Span::line(FILE_NAME, line), msg);
    let doc = match toml_edit::ImDocument::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(s.start));
            diags.push(bad(line, format!("not valid TOML: {}", e.message())));
            return (out, diags);
        }
    };
    let Some(item) = doc.get("suppress") else {
        return (out, diags);
    };
    let Some(entries) = item.as_array_of_tables() else {
        let line = item.span().map_or(1, |s| line_of(s.start));
        diags.push(bad(line, "`suppress` must be an array of tables (`[[suppress]]`)".into()));
        return (out, diags);
    };
    for entry in entries.iter() {
        let line = entry.span().map_or(1, |s| line_of(s.start));
        let str_key = |k: &str| entry.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let code = str_key("code").and_then(|c| Code::parse(&c));
        let page = str_key("page");
        let reason = str_key("reason").filter(|r| !r.trim().is_empty());
        let entry_line = match entry.get("line") {
            None => Ok(None),
            Some(v) => v.as_integer().and_then(|n| u32::try_from(n).ok()).map(Some).ok_or(()),
        };
        match (code, page, reason, entry_line) {
            (Some(code), Some(page), Some(reason), Ok(l)) => {
                out.push(Suppression { code, page, line: l, reason, at: Span::line(FILE_NAME, line) })
            }
            _ => diags.push(bad(
                line,
                "a suppression needs `code` (a known GDnnnn or name), `page`, a non-empty `reason`, and an optional positive `line`"
                    .into(),
            )),
        }
    }
    (out, diags)
}

/// Removes the diagnostics that a suppression matches and reports each suppression that
/// matched none.
pub fn apply(diagnostics: &mut Vec<Diagnostic>, suppressions: &[Suppression]) {
    let mut used = vec![false; suppressions.len()];
    diagnostics.retain(|d| {
        let mut keep = true;
        for (i, s) in suppressions.iter().enumerate() {
            if s.matches(d) {
                used[i] = true;
                keep = false;
            }
        }
        keep
    });
    for (s, used) in suppressions.iter().zip(used) {
        if !used {
            diagnostics.push(Diagnostic::new(
                Code::UnusedSuppression,
                s.at.clone(),
                format!(
                    "suppression of {} ({}) on `{}`{} matches no diagnostic; remove it",
                    s.code.id(),
                    s.code.name(),
                    s.page,
                    s.line.map(|l| format!(" line {l}")).unwrap_or_default()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(code: Code, file: &str, line: u32) -> Diagnostic {
        Diagnostic::new(code, Span::line(file, line), "m")
    }

    #[test]
    fn reads_entries_by_number_and_name() {
        let (s, d) = parse(
            "[[suppress]]\ncode = \"GD0300\"\npage = \"beta/api/a.md\"\nline = 50\nreason = \"upstream\"\n\n\
             [[suppress]]\ncode = \"todo-placeholder\"\npage = \"beta/api/b.md\"\nreason = \"template page\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].code, s[0].line, s[0].at.line), (Code::JsonTolerated, Some(50), 1));
        assert_eq!((s[1].code, s[1].line, s[1].at.line), (Code::TodoPlaceholder, None, 7));
    }

    #[test]
    fn bad_entries_are_reported_with_their_line_and_skipped() {
        let (s, d) = parse(
            "[[suppress]]\ncode = \"GD9999\"\npage = \"p.md\"\nreason = \"r\"\n\
             [[suppress]]\ncode = \"GD0300\"\npage = \"p.md\"\nreason = \"\"\n\
             [[suppress]]\ncode = \"GD0300\"\npage = \"p.md\"\nreason = \"ok\"\n",
        );
        assert_eq!(s.len(), 1);
        assert_eq!(
            d.iter().map(|d| (d.code, d.span.line)).collect::<Vec<_>>(),
            [(Code::BadSuppression, 1), (Code::BadSuppression, 5)]
        );
        let (_, d) = parse("suppress = 3\n[oops");
        assert_eq!(d[0].code, Code::BadSuppression);
    }

    #[test]
    fn matching_diagnostics_are_removed_and_unused_ones_reported() {
        let (s, _) = parse(
            "[[suppress]]\ncode = \"GD0300\"\npage = \"a.md\"\nline = 5\nreason = \"r\"\n\
             [[suppress]]\ncode = \"GD0102\"\npage = \"a.md\"\nreason = \"r\"\n\
             [[suppress]]\ncode = \"GD0102\"\npage = \"gone.md\"\nreason = \"r\"\n",
        );
        let mut diags = vec![
            diag(Code::JsonTolerated, "a.md", 5),
            diag(Code::JsonTolerated, "a.md", 6),
            diag(Code::TodoPlaceholder, "a.md", 1),
            diag(Code::TodoPlaceholder, "a.md", 9),
            diag(Code::TodoPlaceholder, "b.md", 1),
        ];
        apply(&mut diags, &s);
        let left: Vec<_> = diags.iter().map(|d| (d.code, d.span.file.as_str(), d.span.line)).collect();
        assert_eq!(
            left,
            [
                (Code::JsonTolerated, "a.md", 6),
                (Code::TodoPlaceholder, "b.md", 1),
                (Code::UnusedSuppression, FILE_NAME, 10),
            ]
        );
    }

    #[test]
    fn errors_are_never_suppressed() {
        let (s, _) = parse("[[suppress]]\ncode = \"io\"\npage = \"a.md\"\nreason = \"r\"\n");
        let mut diags = vec![diag(Code::Io, "a.md", 1)];
        apply(&mut diags, &s);
        assert_eq!(diags.len(), 2, "the error stays and the suppression is unused");
    }
}
