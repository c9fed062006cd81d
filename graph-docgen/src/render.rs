//! render: diagnostics as rustc-style text or as JSON.
//!
//! Text goes through `codespan-reporting` (ASCII characters, so it reads like rustc:
//! `warning[GD0300]: ...` / `--> docs/beta/api/x.md:59:36` / the source line with a caret).
//! Paths are shown as the user would type them: the docs root as given on the command line
//! (the `prefix`, e.g. `docs` or `../shared/graph-docs`) joined with the page path. Related
//! spans become `= note:` lines. A span with line 0 names a whole file (output errors).

use crate::diagnostics::{Code, Diagnostic, Severity, Span};
use crate::parse::lines::LineIndex;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, Chars, Config};
use serde::Serialize;
use std::collections::BTreeMap;

/// Counts by severity; `Display` is the summary line (`2 errors, 1 warning, 0 notes`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Summary {
        let mut s = Summary::default();
        for d in diags {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Note => s.notes += 1,
            }
        }
        s
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
        write!(
            f,
            "{}, {}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.notes, "note")
        )
    }
}

/// `prefix/file`, or `file` when the prefix is empty. The prefix keeps the user's spelling;
/// only a trailing separator is dropped so `docs/` and `docs` print alike.
/// An absolute `file` is shown as it is, and an empty one names the prefix itself.
pub fn display_path(prefix: &str, file: &str) -> String {
    let prefix = prefix.trim_end_matches(['/', '\\']);
    if file.is_empty() {
        prefix.to_string()
    } else if prefix.is_empty() || prefix == "." || std::path::Path::new(file).is_absolute() {
        file.to_string()
    } else {
        format!("{prefix}/{file}")
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn location(prefix: &str, span: &Span) -> String {
    let path = display_path(prefix, &span.file);
    if span.line == 0 {
        path
    } else {
        format!("{path}:{}:{}", span.line, span.col)
    }
}

/// Byte range of the character at (line, col) in `page` (both 1-based, col in characters),
/// empty at the end of the line; `None` when the line does not exist.
fn char_range(page: &Page<'_>, line: u32, col: u32) -> Option<std::ops::Range<usize>> {
    let line_idx = usize::try_from(line).ok()?.checked_sub(1)?;
    let start = *page.lines.starts().get(line_idx)?;
    let end = page.lines.starts().get(line_idx + 1).map_or(page.text.len(), |next| next - 1);
    let body = page.text.get(start..end)?;
    // After a final newline (or in an empty text) there is no line.
    if start == page.text.len() {
        return None;
    }
    let col_idx = usize::try_from(col).ok()?.saturating_sub(1);
    Some(match body.char_indices().nth(col_idx) {
        Some((off, ch)) => start + off..start + off + ch.len_utf8(),
        None => start + body.len()..start + body.len(),
    })
}

/// One page as codespan reads it, its line starts found in one memchr pass: codespan's own
/// `SimpleFiles` searches them character by character for every diagnostic, which was about
/// half of the time it took to render a full corpus's diagnostics.
struct Page<'t> {
    name: String,
    text: &'t str,
    lines: LineIndex,
}

impl<'t> Page<'t> {
    fn new(name: String, text: &'t str) -> Page<'t> {
        Page { name, text, lines: LineIndex::new(text) }
    }
}

impl<'a> Files<'a> for Page<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.name)
    }
    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.text)
    }
    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self.lines.starts().binary_search(&byte_index).unwrap_or_else(|next| next - 1))
    }
    /// As `SimpleFile` has it: the last line ends at the end of the text.
    fn line_range(&'a self, (): (), line_index: usize) -> Result<std::ops::Range<usize>, files::Error> {
        let starts = self.lines.starts();
        let start_of = |i: usize| match i.cmp(&starts.len()) {
            std::cmp::Ordering::Less => Ok(starts[i]),
            std::cmp::Ordering::Equal => Ok(self.text.len()),
            std::cmp::Ordering::Greater => Err(files::Error::LineTooLarge { given: i, max: starts.len() - 1 }),
        };
        Ok(start_of(line_index)?..start_of(line_index + 1)?)
    }
}

fn notes(d: &Diagnostic, prefix: &str) -> Vec<String> {
    d.related.iter().map(|(span, label)| format!("{label}: {}", location(prefix, span))).collect()
}

/// One diagnostic as plain text. `sources` maps page paths (relative to the docs root) to
/// their decoded text; a snippet is shown when the page is there and the line exists.
pub fn render_one(d: &Diagnostic, sources: &BTreeMap<String, String>, prefix: &str) -> String {
    render_one_styled(d, sources, prefix, false)
}

/// [`render_one`], with ANSI colours (rustc's) when `color` is set: for terminals.
pub fn render_one_styled(d: &Diagnostic, sources: &BTreeMap<String, String>, prefix: &str, color: bool) -> String {
    let page = sources.get(&d.span.file).map(|text| Page::new(display_path(prefix, &d.span.file), text));
    render_on_page(d, page.as_ref(), prefix, color)
}

/// [`render_one_styled`] with the page of `d.span.file` already indexed (`None`: not there).
fn render_on_page(d: &Diagnostic, page: Option<&Page<'_>>, prefix: &str, color: bool) -> String {
    let sev = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let config = Config { chars: Chars::ascii(), ..Config::default() };
    let head = CsDiagnostic::new(sev).with_code(d.code.id()).with_message(&d.message);
    let snippet = page.and_then(|page| Some((page, char_range(page, d.span.line, d.span.col)?)));
    if let Some((page, range)) = snippet {
        let cs = head
            .clone()
            .with_labels(vec![Label::primary((), range)])
            .with_notes(notes(d, prefix).into_iter().map(|n| format!("note: {n}")).collect());
        if let Some(s) = emit(&config, page, &cs, color) {
            // codespan ends with a blank line; callers decide on separators.
            return format!("{}\n", s.trim_end());
        }
    }
    // No source text (or codespan could not map it): the header and the location only.
    let header = match emit(&config, &Page::new(String::new(), ""), &head, color) {
        Some(h) => h.trim_end().to_string(),
        None => format!("{}[{}]: {}", severity_word(d.severity), d.code.id(), d.message),
    };
    let mut s = format!("{header}\n  --> {}\n", location(prefix, &d.span));
    for n in notes(d, prefix) {
        s.push_str(&format!("  = note: {n}\n"));
    }
    s
}

fn emit(config: &Config, files: &Page<'_>, cs: &CsDiagnostic<()>, color: bool) -> Option<String> {
    if !color {
        return term::emit_into_string(config, files, cs).ok();
    }
    let mut buffer = term::termcolor::Buffer::ansi();
    let styles = term::Styles::default();
    let mut writer = term::StylesWriter::new(&mut buffer, &styles);
    term::emit_to_write_style(&mut writer, config, files, cs).ok()?;
    String::from_utf8(buffer.into_inner()).ok()
}

/// Every diagnostic, a blank line between them, then the summary line.
pub fn render_text(diags: &[Diagnostic], sources: &BTreeMap<String, String>, prefix: &str) -> String {
    let mut out = render_each(diags, sources, prefix, false);
    out.push_str(&Summary::of(diags).to_string());
    out.push('\n');
    out
}

/// Each diagnostic as [`render_one_styled`] renders it, each followed by a blank line, in
/// order. A full-corpus regen has thousands: they are rendered in parallel, a run of
/// diagnostics of one page at a time (diagnostics come sorted by page: 4,100 of them on 1,947
/// pages in the corpus), so that each page's lines are indexed once per run, and joined in
/// order.
pub fn render_each(diags: &[Diagnostic], sources: &BTreeMap<String, String>, prefix: &str, color: bool) -> String {
    use rayon::prelude::*;
    let parts: Vec<String> = diags
        .par_chunk_by(|a, b| a.span.file == b.span.file)
        .flat_map_iter(|run| {
            // Chunks are never empty; the first diagnostic names the page of the run.
            let page = run.first().and_then(|first| {
                let file = &first.span.file;
                sources.get(file).map(|text| Page::new(display_path(prefix, file), text))
            });
            run.iter().map(move |d| render_on_page(d, page.as_ref(), prefix, color)).collect::<Vec<_>>()
        })
        .collect();
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for p in parts {
        out.push_str(&p);
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct JsonRelated {
    file: String,
    line: u32,
    col: u32,
    label: String,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    message: &'a str,
    file: String,
    line: u32,
    col: u32,
    related: Vec<JsonRelated>,
}

/// `{ "diagnostics": [ {code, name, severity, message, file, line, col, related} ], "summary":
/// {errors, warnings, notes} }`, files shown with `prefix` as in the text form.
pub fn render_json(diags: &[Diagnostic], prefix: &str) -> serde_json::Value {
    let list: Vec<JsonDiagnostic<'_>> = diags
        .iter()
        .map(|d| JsonDiagnostic {
            code: d.code.id(),
            name: d.code.name(),
            severity: d.severity,
            message: &d.message,
            file: display_path(prefix, &d.span.file),
            line: d.span.line,
            col: d.span.col,
            related: d
                .related
                .iter()
                .map(|(s, label)| JsonRelated {
                    file: display_path(prefix, &s.file),
                    line: s.line,
                    col: s.col,
                    label: label.clone(),
                })
                .collect(),
        })
        .collect();
    serde_json::json!({ "diagnostics": list, "summary": Summary::of(diags) })
}

/// `cargo xtask explain`: the code, its name, default severity and what it means.
pub fn explain(code: Code) -> String {
    format!(
        "{} ({}), default severity: {}\n\n{}\n",
        code.id(),
        code.name(),
        severity_word(code.default_severity()),
        code.help()
    )
}

/// The README's code table: one Markdown row per code, in table order.
pub fn code_table() -> String {
    let mut s = String::from("| Code | Name | Severity | Meaning |\n| --- | --- | --- | --- |\n");
    for c in Code::ALL {
        s.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            c.id(),
            c.name(),
            severity_word(c.default_severity()),
            c.help().replace('|', "\\|")
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_ranges() {
        let text = "ab\nçé x\n\nlast";
        let table = [
            ((1, 1), Some(0..1)),
            ((1, 2), Some(1..2)),
            ((1, 9), Some(2..2)),
            ((2, 2), Some(5..7)),
            ((2, 4), Some(8..9)),
            ((3, 1), Some(10..10)),
            ((4, 4), Some(14..15)),
            ((5, 1), None),
            ((0, 1), None),
        ];
        let page = Page::new("p.md".into(), text);
        for ((line, col), want) in table {
            assert_eq!(char_range(&page, line, col), want, "{line}:{col}");
        }
        // No line after a final newline, none in an empty text.
        assert_eq!(char_range(&Page::new("p.md".into(), "ab\n"), 2, 1), None);
        assert_eq!(char_range(&Page::new("p.md".into(), ""), 1, 1), None);
    }

    #[test]
    fn runs_of_one_page_render_as_each_alone() {
        // Page a twice in a row (one run), then b, a page that is not there, and a again.
        let code = Code::ALL[0];
        let diags = [
            Diagnostic::new(code, Span::new("v1.0/a.md", 2, 3), "first"),
            Diagnostic::new(code, Span::line("v1.0/a.md", 1), "second").with_related(Span::line("v1.0/b.md", 1), "see"),
            Diagnostic::new(code, Span::line("v1.0/b.md", 9), "past the end"),
            Diagnostic::new(code, Span::line("v1.0/gone.md", 1), "no page"),
            Diagnostic::new(code, Span::line("v1.0/a.md", 3), "again"),
        ];
        let sources: BTreeMap<String, String> = [("v1.0/a.md", "# A\nline two\nthird é line\n"), ("v1.0/b.md", "b\n")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let each: String =
            diags.iter().map(|d| format!("{}\n", render_one_styled(d, &sources, "docs", false))).collect();
        assert_eq!(render_each(&diags, &sources, "docs", false), each);
        assert!(each.contains("line two") && each.contains("third é line"), "{each}");
    }

    #[test]
    fn summary_line() {
        let table = [
            ((0, 0, 0), "0 errors, 0 warnings, 0 notes"),
            ((1, 1, 1), "1 error, 1 warning, 1 note"),
            ((2, 3, 4), "2 errors, 3 warnings, 4 notes"),
        ];
        for ((errors, warnings, notes), want) in table {
            assert_eq!(Summary { errors, warnings, notes }.to_string(), want);
        }
    }

    #[test]
    fn display_paths() {
        let table = [
            ("docs", "beta/a.md", "docs/beta/a.md"),
            ("docs/", "beta/a.md", "docs/beta/a.md"),
            ("", "x", "x"),
            (".", "x", "x"),
            ("../shared/graph-docs", "v1.0/api/a.md", "../shared/graph-docs/v1.0/api/a.md"),
            ("out", "", "out"),
            ("out", "/abs/x", "/abs/x"),
        ];
        for (prefix, file, want) in table {
            assert_eq!(display_path(prefix, file), want);
        }
    }
}
