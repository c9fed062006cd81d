//! table: GFM tables -> property rows, enum member rows and permission rows. Columns are
//! located by header name, never by position; rows are split from their source text so
//! that cell-count defects can be reported with their line.

use super::enums::member_value;
use super::markers::{has_todo, markers, required, required_cell};
use super::possible_values::possible_values;
use super::text::{clean_cell, split_row, split_row_code_aware, strip_decoration, trim};
use super::type_cell::{parse_type, RefResolver};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{EnumMemberFacts, Permission, PropertyRow};

/// A table as found in the page: header cells and each body row's source text.
#[derive(Clone, Debug)]
pub struct RawTable {
    pub line: u32,
    pub header: Vec<String>,
    pub rows: Vec<RawRow>,
}

#[derive(Clone, Debug)]
pub struct RawRow {
    pub line: u32,
    pub text: String,
}

/// Header cells normalised for matching: decoration removed, lower case, whitespace
/// collapsed, trailing `?` / `:` dropped.
pub fn normalise_header(cell: &str) -> String {
    // Nearly every header cell is plain ASCII words with single spaces ("Property", "Data
    // type"), for which all the steps below come down to lower-casing: one pass, one allocation.
    let t = trim(cell);
    let plain = t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ') && !t.contains("  ");
    if plain {
        return t.to_ascii_lowercase();
    }
    normalise_any_header(cell)
}

/// [`normalise_header`] of any cell: entities, decoration, case, whitespace, trailing `?`/`:`.
fn normalise_any_header(cell: &str) -> String {
    let s = strip_decoration(&clean_cell(cell)).to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_end_matches(['?', ':']).trim().to_string()
}

/// Header names of the name column of a property-like table, in preference order.
const NAME_HEADERS: &[&str] = &[
    "property",
    "property name",
    "relationship",
    "relationship name",
    "parameter",
    "parameter name",
    "query parameter",
    "name",
    "field",
    "member",
];

/// What a table is, from its header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableShape {
    /// Has Name and Type columns.
    Property {
        name: usize,
        ty: usize,
        description: Option<usize>,
        required: Option<usize>,
    },
    /// Has a Type column but no name column (reported, skipped).
    TypeWithoutName,
    Members {
        name: usize,
        value: Option<usize>,
        description: Option<usize>,
    },
    Permissions {
        kind: usize,
        scopes: Vec<usize>,
    },
    /// Anything else (methods, headers without Type, ...): not a fact source.
    Ignored,
}

/// `enum_context`: the heading above says members/values (`Value | Description` tables are
/// member tables only there).
pub fn shape(header: &[String], enum_context: bool) -> TableShape {
    let h: Vec<String> = header.iter().map(|c| normalise_header(c)).collect();
    let find = |names: &[&str]| names.iter().find_map(|n| h.iter().position(|c| c == n));
    let description = h.iter().position(|c| c.starts_with("description"));
    if let Some(kind) = h.iter().position(|c| c == "permission type" || c == "permission types") {
        let scopes = (0..h.len()).filter(|&i| i != kind).collect();
        return TableShape::Permissions { kind, scopes };
    }
    if let Some(ty) = h.iter().position(|c| c == "type" || c == "data type") {
        return match find(NAME_HEADERS) {
            Some(name) => TableShape::Property {
                name,
                ty,
                description,
                required: h.iter().position(|c| c.starts_with("required")),
            },
            None => TableShape::TypeWithoutName,
        };
    }
    let member = h.iter().position(|c| c == "member" || c == "member name" || c == "enum member");
    let value = h.iter().position(|c| c == "value" || c == "int value" || c == "integer value");
    match (member, value) {
        (Some(name), value) => TableShape::Members { name, value, description },
        (None, Some(name)) if enum_context && h.len() <= 2 => TableShape::Members { name, value: None, description },
        (None, None) if enum_context && h.first().is_some_and(|c| c == "name") => {
            TableShape::Members { name: 0, value: None, description }
        }
        _ => TableShape::Ignored,
    }
}

/// Splits a row into exactly `ncols` cells. A row with `|` inside backticks is re-split
/// code-aware first; any remaining mismatch is reported (GD0106) and repaired: extra cells
/// are joined into the last column (an unescaped `|` in prose), missing ones are empty.
pub fn fit_cells(row: &RawRow, ncols: usize, path: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    fit_split_cells(row, split_row(&row.text), ncols, path, diags)
}

/// [`fit_cells`] for a row already split with `split_row` (callers that looked at the cells
/// first split each row once).
fn fit_split_cells(
    row: &RawRow,
    mut cells: Vec<String>,
    ncols: usize,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    // Empty cells past the header's width carry nothing (`|a|b|c||`).
    while cells.len() > ncols && cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    if cells.len() > ncols {
        let alt = split_row_code_aware(&row.text);
        if alt.len() == ncols {
            cells = alt;
        }
    }
    if cells.len() != ncols && ncols > 0 {
        diags.push(Diagnostic::new(
            Code::TableShape,
            Span::line(path, row.line),
            format!("table row has {} cells, its header has {ncols}", cells.len()),
        ));
        if cells.len() > ncols {
            let tail = cells.split_off(ncols - 1).join(" | ");
            cells.push(tail);
        } else {
            cells.resize(ncols, String::new());
        }
    }
    cells
}

/// `|**Books**|`: a bold label standing alone in a row (a group title, not data); `cells` is
/// the row's `split_row`.
fn is_label_row(cells: &[String]) -> bool {
    let mut rest = cells.iter().skip(1);
    cells.first().is_some_and(|c| c.len() > 4 && c.starts_with("**") && c.ends_with("**")) && rest.all(|c| c.is_empty())
}

/// A row without a leading pipe that splits into a single cell.
fn is_continuation(text: &str, cells: &[String]) -> bool {
    !text.trim_start().starts_with('|') && cells.len() == 1
}

/// `| **Group management** | | |`: a bold label row with every other cell empty.
fn is_separator_row(cells: &[String]) -> bool {
    let mut rest = cells.iter().skip(1);
    cells.first().is_some_and(|c| c.starts_with("**") && c.ends_with("**")) && rest.all(|c| trim(c).is_empty())
}

/// Rows of a property-like table.
pub fn property_rows(
    raw: &RawTable,
    cols: (usize, usize, Option<usize>, Option<usize>),
    refs: RefResolver<'_>,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<PropertyRow> {
    let (name_col, ty_col, desc_col, req_col) = cols;
    let mut out: Vec<PropertyRow> = Vec::new();
    for row in &raw.rows {
        let split = split_row(&row.text);
        if is_label_row(&split) {
            continue;
        }
        // A description that went on to the next source line: GFM makes that line a row of
        // its own. Its text belongs to the row above.
        if let (Some(prev), Some(desc_col)) = (out.last_mut(), desc_col) {
            if is_continuation(&row.text, &split) && desc_col + 1 == raw.header.len() {
                diags.push(Diagnostic::new(
                    Code::TableShape,
                    Span::line(path, row.line),
                    "table row continues the previous row's description on a new line; it was joined to it",
                ));
                let more = clean_cell(row.text.trim().trim_end_matches('|'));
                prev.description = format!("{}\n{more}", prev.description);
                prev.markers = markers(&prev.description);
                prev.possible_values = possible_values(&prev.description);
                continue;
            }
        }
        let cells = fit_split_cells(row, split, raw.header.len(), path, diags);
        if cells.iter().all(|c| trim(c).is_empty()) || is_separator_row(&cells) {
            continue;
        }
        let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
        let name = strip_decoration(&clean_cell(cell(name_col)));
        let type_raw = clean_cell(cell(ty_col)).replace('\n', " ");
        let description = desc_col.map(|i| clean_cell(cell(i))).unwrap_or_default();
        let required_col = req_col.and_then(|i| required_cell(cell(i)));
        out.push(PropertyRow {
            line: row.line,
            ty: parse_type(&type_raw, refs),
            name,
            type_raw,
            markers: markers(&description),
            possible_values: possible_values(&description),
            required: required_col.or_else(|| required(&description)),
            description,
        });
    }
    out
}

/// Rows of an enum member table.
pub fn member_rows(
    raw: &RawTable,
    cols: (usize, Option<usize>, Option<usize>),
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<EnumMemberFacts> {
    let (name_col, value_col, desc_col) = cols;
    let mut out = Vec::new();
    for row in &raw.rows {
        let cells = fit_cells(row, raw.header.len(), path, diags);
        if cells.iter().all(|c| c.trim().is_empty()) || is_separator_row(&cells) {
            continue;
        }
        let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
        let name = strip_decoration(&clean_cell(cell(name_col)));
        if name.is_empty() {
            diags.push(Diagnostic::new(
                Code::TableShape,
                Span::line(path, row.line),
                "enum member row has an empty Member cell; it was skipped",
            ));
            continue;
        }
        out.push(EnumMemberFacts {
            name,
            value: value_col.and_then(|i| member_value(cell(i))),
            description: desc_col.map(|i| clean_cell(cell(i))).unwrap_or_default(),
            line: row.line,
        });
    }
    out
}

/// Scope cells that mean "no permission applies".
const NO_SCOPES: &[&str] = &["not supported", "not applicable", "none", "n/a", "not available"];

/// Rows of a permissions table. Rows whose scopes are a TODO placeholder are dropped (the
/// placeholder itself is reported by the page-wide TODO scan).
pub fn permission_rows(
    raw: &RawTable,
    kind_col: usize,
    scope_cols: &[usize],
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Permission> {
    let mut out = Vec::new();
    for row in &raw.rows {
        let cells = fit_cells(row, raw.header.len(), path, diags);
        let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
        let kind = strip_decoration(&clean_cell(cell(kind_col)));
        if kind.is_empty() || is_separator_row(&cells) {
            continue;
        }
        if scope_cols.iter().any(|&i| has_todo(cell(i))) {
            continue;
        }
        let mut scopes = Vec::new();
        for &i in scope_cols {
            let text = clean_cell(cell(i));
            let bare = text.trim().trim_end_matches('.').to_lowercase();
            if NO_SCOPES.contains(&bare.as_str()) {
                continue;
            }
            scopes.extend(
                text.split([',', '\n'])
                    .map(|s| strip_decoration(s.trim().trim_end_matches('.')))
                    .filter(|s| !s.is_empty()),
            );
        }
        out.push(Permission { line: row.line, kind, scopes });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(header: &[&str], rows: &[&str]) -> RawTable {
        RawTable {
            line: 1,
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows.iter().enumerate().map(|(i, r)| RawRow { line: i as u32 + 3, text: r.to_string() }).collect(),
        }
    }

    fn no_refs(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn plain_headers_normalise_as_any_header() {
        for cell in [" Property ", "Data type", "Type", "description", "Permission Types", "ID", "a1 b2"] {
            assert_eq!(normalise_header(cell), normalise_any_header(cell), "{cell:?}");
        }
        assert_eq!(normalise_header("**Property**"), "property");
        assert_eq!(normalise_header("Required?"), "required");
        assert_eq!(normalise_header("Data\u{a0}&nbsp;type:"), "data type");
    }

    #[test]
    fn shapes() {
        let s = |h: &[&str], e| shape(&h.iter().map(|s| s.to_string()).collect::<Vec<_>>(), e);
        let cases = vec![
            (
                vec!["Property\t   ", "Type\t", "Description"],
                false,
                TableShape::Property { name: 0, ty: 1, description: Some(2), required: None },
            ),
            (
                vec!["**Property name**", "`Type`", "Description"],
                false,
                TableShape::Property { name: 0, ty: 1, description: Some(2), required: None },
            ),
            (
                vec!["Parameter", "Type", "Required?", "Description"],
                false,
                TableShape::Property { name: 0, ty: 1, description: Some(3), required: Some(2) },
            ),
            (
                vec!["Type", "Property"],
                false,
                TableShape::Property { name: 1, ty: 0, description: None, required: None },
            ),
            (vec!["Type", "Description"], false, TableShape::TypeWithoutName),
            (
                vec!["Member", "Value", "Description"],
                false,
                TableShape::Members { name: 0, value: Some(1), description: Some(2) },
            ),
            (vec!["Member"], false, TableShape::Members { name: 0, value: None, description: None }),
            (
                vec!["Member", "Int value", "Description"],
                false,
                TableShape::Members { name: 0, value: Some(1), description: Some(2) },
            ),
            (vec!["Value", "Description"], true, TableShape::Members { name: 0, value: None, description: Some(1) }),
            (vec!["Value", "Description"], false, TableShape::Ignored),
            (
                vec!["Permission type", "Permissions (from least to most privileged)"],
                false,
                TableShape::Permissions { kind: 0, scopes: vec![1] },
            ),
            (vec!["Name", "Description"], false, TableShape::Ignored),
            (vec!["Method", "Return Type", "Description"], false, TableShape::Ignored),
        ];
        for (h, e, want) in cases {
            assert_eq!(s(&h, e), want, "{h:?}");
        }
    }

    #[test]
    fn property_rows_are_read_and_defects_reported() {
        let t = raw(
            &["Property", "Type", "Description"],
            &[
                "|**id**|String|The id. Read-only.|",
                "|`status`|connectorStatus|Possible values are: `active`, `inactive`.|",
                "| **Group management** |||",
                "|short|String|",
                "|long|String|a | b|",
                "|code|String|`a|b`|",
                "|br|Int32|line one<br/>line &#124; two|",
                "|extra|String|d| | |",
                "|**Books**|",
                "|wrapped|Int64|Speed.",
                "Valid values 0 to 40. Possible values are: `a`, `b`.|",
            ],
        );
        let mut diags = Vec::new();
        let rows = property_rows(&t, (0, 1, Some(2), None), &no_refs, "p.md", &mut diags);
        let names: Vec<_> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["id", "status", "short", "long", "code", "br", "extra", "wrapped"]);
        assert_eq!(rows[7].description, "Speed.\nValid values 0 to 40. Possible values are: `a`, `b`.");
        assert_eq!(rows[7].possible_values, ["a", "b"]);
        assert!(rows[0].markers.read_only);
        assert_eq!(rows[1].possible_values, ["active", "inactive"]);
        assert_eq!(rows[3].description, "a | b");
        assert_eq!(rows[4].description, "`a|b`");
        assert_eq!(rows[5].description, "line one\nline | two");
        let lines: Vec<_> = diags.iter().map(|d| (d.code, d.span.line)).collect();
        assert_eq!(lines, [(Code::TableShape, 6), (Code::TableShape, 7), (Code::TableShape, 13)]);
    }

    #[test]
    fn permissions() {
        let t = raw(
            &["Permission type", "Permissions"],
            &[
                "|Delegated (work or school account) | Directory.ReadWrite.All, Directory.AccessAsUser.All    |",
                "|Delegated (personal Microsoft account) | Not supported.    |",
                "|Application|**TODO: Provide applicable permissions.**|",
            ],
        );
        let mut diags = Vec::new();
        let p = permission_rows(&t, 0, &[1], "p.md", &mut diags);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].scopes, ["Directory.ReadWrite.All", "Directory.AccessAsUser.All"]);
        assert!(p[1].scopes.is_empty());
        assert!(diags.is_empty());
    }

    #[test]
    fn members() {
        let t = raw(
            &["Member", "Value", "Description"],
            &["|`none`|0|Nothing.|", "|unknownFutureValue|1|Sentinel.|", "||2||"],
        );
        let mut diags = Vec::new();
        let m = member_rows(&t, (0, Some(1), Some(2)), "p.md", &mut diags);
        assert_eq!(
            m.iter().map(|m| (m.name.as_str(), m.value)).collect::<Vec<_>>(),
            [("none", Some(0)), ("unknownFutureValue", Some(1))]
        );
        assert_eq!(diags.len(), 1);
    }
}
