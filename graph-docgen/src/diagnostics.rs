//! Diagnostics: every defect the tool finds in the docs, with a stable code and a source span.
//!
//! The code table below is the one place a diagnostic kind is defined. Each kind has a stable
//! `GDnnnn` number (never reused), a short kebab-case name (used in suppression files), a default
//! severity and a one-line explanation (printed by `cargo xtask explain` and the README).

use serde::{Deserialize, Serialize};

/// A position in a docs page. `file` is relative to the docs root, with `/` separators,
/// so diagnostics and generated comments do not depend on where the tree is checked out.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in characters); 1 when only the line is known.
    pub col: u32,
}

impl Span {
    pub fn new(file: impl Into<String>, line: u32, col: u32) -> Self {
        Span { file: file.into(), line, col }
    }
    pub fn line(file: impl Into<String>, line: u32) -> Self {
        Span::new(file, line, 1)
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops generation before anything is written.
    Error,
    /// A doc defect: generation goes on with a documented fallback.
    Warning,
    /// Information about a decision the tool made (e.g. a type inferred from an example).
    Note,
}

macro_rules! codes {
    ($( $variant:ident = $num:literal, $name:literal, $sev:ident, $help:literal; )*) => {
        /// Every diagnostic kind. The numbers are stable; retired codes are never reused.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant, )* }

        impl Code {
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];
            /// `GD0001`-style identifier.
            pub fn id(self) -> &'static str { match self { $( Code::$variant => concat!("GD", $num), )* } }
            /// Kebab-case name, accepted wherever a code is (suppression files, `--allow`).
            pub fn name(self) -> &'static str { match self { $( Code::$variant => $name, )* } }
            pub fn default_severity(self) -> Severity { match self { $( Code::$variant => Severity::$sev, )* } }
            /// One line saying what the code means and what the tool did about it.
            pub fn help(self) -> &'static str { match self { $( Code::$variant => $help, )* } }
            /// Looks a code up by `GDnnnn` or by name.
            pub fn parse(s: &str) -> Option<Code> {
                let s = s.trim();
                Code::ALL.iter().copied().find(|c| c.id().eq_ignore_ascii_case(s) || c.name() == s)
            }
        }
    };
}

codes! {
    // --- reading the tree (GD00xx)
    Io = "0001", "io", Error, "a file or directory could not be read or written";
    InvalidUtf8 = "0002", "invalid-utf8", Warning, "the page is not valid UTF-8; it was read with replacement characters";
    NotText = "0003", "not-text", Warning, "the page contains NUL bytes or is binary; it was skipped";
    PageTooLarge = "0004", "page-too-large", Warning, "the page exceeds the size limit; it was skipped";
    EmptyTree = "0005", "empty-tree", Error, "the docs tree holds no pages for any API version";
    UnknownVersionDir = "0006", "unknown-version-dir", Warning, "a page lies outside the version folders (v1.0/, beta/); it was skipped";
    Symlink = "0007", "symlink", Warning, "a symbolic link in the docs tree was not followed; it was skipped";
    // --- page structure (GD01xx)
    PageKindUnknown = "0100", "page-kind-unknown", Note, "the page kind could not be determined from front matter or content; nothing was taken from it";
    PageKindMismatch = "0101", "page-kind-mismatch", Note, "front matter doc_type and the page content disagree; the content decided";
    TodoPlaceholder = "0102", "todo-placeholder", Warning, "a `**TODO ...**` placeholder was left in the page";
    UnclosedComment = "0103", "unclosed-comment", Warning, "an HTML comment or annotation is never closed; the rest of the page was ignored";
    UnclosedFence = "0104", "unclosed-fence", Warning, "a code fence is never closed";
    MalformedAnnotation = "0105", "malformed-annotation", Warning, "an annotation comment is not valid JSON; it was read leniently or ignored";
    TableShape = "0106", "table-shape", Warning, "a table row has fewer or more cells than its header";
    MissingColumn = "0107", "missing-column", Warning, "a property table lacks a Name or Type column; it was skipped";
    DuplicateProperty = "0108", "duplicate-property", Warning, "a property is listed twice in one table; the first row was kept";
    MissingTitle = "0109", "missing-title", Warning, "the page has no H1 title";
    AnnotationWithoutBlock = "0110", "annotation-without-block", Warning, "an example annotation (`blockType` request/response/resource/example) is not followed by a code block; it was ignored";
    // --- HTTP request blocks (GD02xx)
    BrokenPath = "0200", "broken-path", Warning, "an HTTP request line holds a placeholder instead of a path (`** Collection URI ... not found`); no path is generated for it";
    UnparsedRequestLine = "0201", "unparsed-request-line", Warning, "a line in an HTTP request block is not `METHOD /path`; it was skipped";
    NoRequestPaths = "0202", "no-request-paths", Warning, "an API page has no usable request path; its builder has no request constructor";
    PathParameter = "0203", "path-parameter", Note, "a path parameter had an unusual spelling and was normalised";
    // --- JSON examples (GD03xx)
    JsonTolerated = "0300", "json-tolerated", Warning, "an example is not strict JSON (trailing comma, comment, ...); it was read leniently";
    JsonInvalid = "0301", "json-invalid", Warning, "an example body could not be parsed as JSON even leniently; it was ignored";
    JsonTooDeep = "0302", "json-too-deep", Warning, "an example nests deeper than the parser allows; it was ignored";
    ExampleValueMismatch = "0303", "example-value-mismatch", Warning, "an example value does not fit the property's declared type";
    ExampleOnlyProperty = "0304", "example-only-property", Warning, "a property appears in an example but not in the table; it was added with the type its JSON shows";
    TableExampleConflict = "0305", "table-example-conflict", Warning, "the table's type contradicts the example; the example's shape was used";
    RepresentationMismatch = "0306", "representation-mismatch", Warning, "a resource's JSON representation disagrees with its properties table (a placeholder of another kind, or a property missing from the representation)";
    TablePropertyNotGenerated = "0307", "table-property-not-generated", Warning, "an example uses a property the type's table lists but the generated type lacks (a generator bug)";
    ExampleTargetMissing = "0308", "example-target-missing", Warning, "an example shows a type or PATCH body the generator did not produce (a generator bug); it was not checked";
    // --- types and references (GD04xx)
    UnknownType = "0400", "unknown-type", Warning, "a type name could not be resolved; the property keeps raw JSON";
    UndescribedType = "0401", "undescribed-type", Note, "a type is referenced but never described; it keeps whatever JSON it receives";
    UnparsedTypeCell = "0402", "unparsed-type-cell", Warning, "a Type cell could not be parsed; the property keeps raw JSON";
    TypeConflict = "0403", "type-conflict", Warning, "two pages describe the same property with different types; the first source (by path order) was kept";
    PropertyTypeConflict = "0404", "property-type-conflict", Warning, "a property is listed twice with two different types";
    InheritanceCycle = "0405", "inheritance-cycle", Warning, "base types form a cycle; the cycle was broken";
    UnknownBaseType = "0406", "unknown-base-type", Warning, "a base type could not be resolved; the type was generated without it";
    TypeLinkBroken = "0407", "type-link-broken", Warning, "a Type cell links to a page that is not in the docs tree";
    // --- enums (GD05xx)
    EnumFromProse = "0500", "enum-from-prose", Note, "an enum was built from a `Possible values are: ...` phrase";
    EnumMembersConflict = "0501", "enum-members-conflict", Warning, "an enum's members differ between sources; the union was generated";
    EmptyEnum = "0502", "empty-enum", Warning, "an enum has no members anywhere; it only keeps raw values";
    EnumTypeClash = "0503", "enum-type-clash", Warning, "a name is both an enum and a complex type; the type was kept and the enum's properties hold plain strings";
    PossibleValuesMismatch = "0504", "possible-values-mismatch", Warning, "a description's \"Possible values\" name values the property's enum table does not list";
    // --- operations (GD06xx)
    NoRequestBodyTable = "0600", "no-request-body-table", Warning, "a PATCH page has no request-body table; the resource's patchable properties were used";
    NoBodyType = "0601", "no-body-type", Warning, "the resource an operation updates could not be determined";
    ReadOnlyInPatch = "0602", "read-only-in-patch", Warning, "a read-only property is offered in a PATCH request body; the builder gets no setter for it";
    PatchFieldNotInResource = "0603", "patch-field-not-in-resource", Warning, "a PATCH request-body table offers a field the resource it updates does not have";
    ConstraintFromOtherVersion = "0604", "constraint-from-other-version", Note, "a PATCH constraint stated by the v1.0 docs was applied to the same beta property, whose row says nothing";
    // --- naming (GD07xx)
    IdentifierRenamed = "0700", "identifier-renamed", Warning, "a name is not a valid Rust identifier or collides after case conversion; it was renamed";
    NameCollision = "0701", "name-collision", Warning, "two items map to the same Rust name; one was renamed by the collision rule";
    GeneratedCodeInvalid = "0702", "generated-code-invalid", Error, "the generator built Rust that does not parse (a generator bug); the file was not written";
    IdentifierAdjusted = "0703", "identifier-adjusted", Warning, "a name is a Rust keyword, starts with a digit or holds characters identifiers cannot; it was adjusted by the naming rule";
    // --- suppressions (GD08xx)
    UnusedSuppression = "0800", "unused-suppression", Warning, "a suppression matches no diagnostic";
    BadSuppression = "0801", "bad-suppression", Warning, "a suppression file line could not be read";
    // --- output (GD09xx)
    OutputNotGenerated = "0900", "output-not-generated", Error, "the output directory is not a generated crate; refusing to overwrite it";
    OutputPathNotOwned = "0901", "output-path-not-owned", Error, "the generator produced a file outside `src/generated/` (or a path that is not plain and relative); nothing was written";
    MissingGeneratedBlock = "0902", "missing-generated-block", Error, "the output crate's Cargo.toml lacks the `# BEGIN GENERATED FEATURES` / `# END GENERATED FEATURES` lines; add both to its [features] table";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Code::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown diagnostic code {s}")))
    }
}

/// One finding, rendered rustc-style (`warning[GD0300]: ...` / `--> file:line:col`) or as JSON.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    pub span: Span,
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Further places involved (e.g. the other page of a conflict), each with a short label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<(Span, String)>,
}

impl Diagnostic {
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic { span, code, severity: code.default_severity(), message: message.into(), related: Vec::new() }
    }
    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }
}

/// Collects diagnostics; passes take `&mut Diagnostics` so none can be dropped on the floor.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn emit(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.0.push(Diagnostic::new(code, span, message));
    }
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }
    /// Sorted by file, line, column, code and message, and deduplicated: output order never
    /// depends on thread scheduling or directory order.
    pub fn sort(&mut self) {
        self.0.sort();
        self.0.dedup();
    }
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_parse_back() {
        let mut ids: Vec<_> = Code::ALL.iter().map(|c| c.id()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate GD number");
        for c in Code::ALL {
            assert_eq!(Code::parse(c.id()), Some(*c));
            assert_eq!(Code::parse(c.name()), Some(*c));
        }
    }
}
