//! Page facts: what one docs page says, as the parser read it, before any cross-page resolution.
//!
//! The parser (`parse`) turns one markdown page into one [`PageFacts`]; it never looks at other
//! pages. Everything keeps the line it came from so that `lower` can report defects with
//! file:line. Text stays as the docs wrote it (markdown for descriptions, raw names for types):
//! deciding what a name refers to is `lower`'s job, and making Rust names is `names`' job.

use crate::diagnostics::{Diagnostic, Span};
use serde::{Deserialize, Serialize};

/// The API version a page belongs to, decided by its folder (`v1.0/` or `beta/`), never by the
/// example host (seed pages use `https://graph.microsoft.com/localtest/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ApiVersion {
    #[serde(rename = "v1.0")]
    V1_0,
    #[serde(rename = "beta")]
    Beta,
}

impl ApiVersion {
    pub const ALL: [ApiVersion; 2] = [ApiVersion::V1_0, ApiVersion::Beta];
    /// Folder name and URL segment: `v1.0` / `beta`.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V1_0 => "v1.0",
            ApiVersion::Beta => "beta",
        }
    }
    /// Rust module and cargo feature name: `v1_0` / `beta`.
    pub fn module(self) -> &'static str {
        match self {
            ApiVersion::V1_0 => "v1_0",
            ApiVersion::Beta => "beta",
        }
    }
    /// The version a page belongs to, from the first folder of its path (`beta/api/x.md`).
    pub fn of_path(path: &str) -> Option<ApiVersion> {
        path.split('/').next().and_then(ApiVersion::from_dir)
    }
    pub fn from_dir(s: &str) -> Option<ApiVersion> {
        match s {
            "v1.0" => Some(ApiVersion::V1_0),
            "beta" => Some(ApiVersion::Beta),
            _ => None,
        }
    }
}

/// What a page documents. Decided from content first, front matter `doc_type` and folder second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// An operation (`## HTTP request` section).
    Api,
    /// A resource / complex type (`## Properties`, `## JSON representation`).
    Resource,
    /// One or more enums (`# x enum type`, `### x values` + member tables).
    Enum,
    /// Prose only; nothing is generated from it.
    Conceptual,
}

/// A string with the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub line: u32,
}

/// Everything read from one page.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PageFacts {
    /// Path relative to the docs root, `/`-separated, e.g. `beta/api/group-update.md`.
    pub path: String,
    pub version: Option<ApiVersion>,
    pub kind: Option<PageKind>,
    pub front_matter: FrontMatter,
    /// The H1 title text (tab-group pseudo headings such as `# [HTTP](#tab/http)` are not titles).
    pub title: Option<Spanned<String>>,
    /// `Namespace: microsoft.graph.callRecords`; `None` when the page has no such line
    /// (lowering then assumes `microsoft.graph`).
    pub namespace: Option<Spanned<String>>,
    /// Markdown of the paragraphs between the title and the first H2 (notes and includes removed).
    pub summary: String,
    /// For resource pages: the type named by the title (`# group resource type` -> `group`).
    pub resource_name: Option<Spanned<String>>,
    /// Page-level `Inherits from [entity](entity.md)` / `Derived from ...` line.
    pub inherits_from: Option<Spanned<TypeExpr>>,
    /// Every table that has a `Type` column or is a member table, in page order.
    pub tables: Vec<Table>,
    /// Enums found on the page (enum pages, `### x values` sections, member tables).
    pub enums: Vec<EnumFacts>,
    /// Request lines of the `## HTTP request` section, in order; broken lines included.
    pub requests: Vec<RequestLine>,
    /// Rows of the permissions table.
    pub permissions: Vec<Permission>,
    /// Annotated code blocks: examples and the JSON representation.
    pub blocks: Vec<CodeBlock>,
    /// The `[x](../resources/x.md)` named by "In the request body, supply a JSON representation of
    /// the `[x]` object" (the resource a PATCH/POST body is made of).
    pub request_body_resource: Option<Spanned<TypeExpr>>,
    /// True when the request-body section exists but says nothing is sent ("Do not supply a request body").
    pub request_body_empty: bool,
    /// The type named in the `## Response` section ("returns a `200 OK` response code and
    /// updated [group](../resources/group.md) object"), with whether it is a collection.
    pub response_type: Option<Spanned<TypeExpr>>,
    /// Diagnostics found while reading this page alone (TODOs, bad JSON, broken paths...).
    pub diagnostics: Vec<Diagnostic>,
}

impl PageFacts {
    pub fn span(&self, line: u32) -> Span {
        Span::line(self.path.clone(), line)
    }
}

/// The front matter keys the tool uses; values unquoted and trimmed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    /// `ms.prod`: the workload (`groups`, `intune`, ...). Used for cargo features.
    pub ms_prod: Option<String>,
    /// `doc_type` normalised: quotes and spaces stripped; `resourcePageType_` -> `resourcePageType`,
    /// `enumTypes` -> `enumPageType`.
    pub doc_type: Option<String>,
}

/// What a table documents, from the heading above it (and its header row).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableContext {
    /// `## Properties` (or a property-ish sub-heading).
    Properties,
    /// `## Relationships`: navigation properties.
    Relationships,
    /// `## Request body`.
    RequestBody,
    /// Function / query parameters.
    Parameters,
    /// An enum member table (`| Member | Value | Description |`).
    Members,
    /// Headers tables and anything else with a Type column.
    Other,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Table {
    pub context: TableContext,
    /// The heading text above the table.
    pub heading: String,
    /// Line of the header row.
    pub line: u32,
    pub rows: Vec<PropertyRow>,
}

/// One row of a property-like table; columns were located by header name.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PropertyRow {
    pub line: u32,
    /// Property name, undecorated (`**id**`, `` `id` ``, links stripped).
    pub name: String,
    /// The Type cell as written (trimmed), and what it parses to.
    pub type_raw: String,
    pub ty: TypeExpr,
    /// Description cell as markdown (HTML entities decoded, `<br>` kept as line breaks).
    pub description: String,
    pub markers: Markers,
    /// Values of a "Possible values are: `a`, `b`." phrase in the description, in order.
    pub possible_values: Vec<String>,
    /// `Required` column or `Required.` marker.
    pub required: Option<bool>,
}

/// Facts stated in a description cell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Markers {
    pub read_only: bool,
    pub not_nullable: bool,
    pub nullable: bool,
    pub key: bool,
    /// "cannot be cleared" / "can't be cleared": PATCH gets no `clear_` for it.
    pub cannot_be_cleared: bool,
    /// `Inherited from [entity](../resources/entity.md)`: the base type that declares it.
    pub inherited_from: Option<String>,
    /// The cell holds a `**TODO ...**` placeholder.
    pub todo: bool,
}

/// A Type cell, parsed but not resolved. Names keep the docs' spelling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeExpr {
    /// An OData primitive, already normalised (`string`, `Edm.String`, `String` -> `String`).
    Primitive(Primitive),
    /// A named type: `[group](../resources/group.md)`, `groupAccessType`,
    /// `microsoft.graph.callRecords.session`. `link` is the link target as written (if any): it
    /// hints enum vs complex (`enumPageType` targets) and is never read from disk by the parser.
    Named { name: String, link: Option<String> },
    /// `X collection`, `Collection(X)`.
    Collection(Box<TypeExpr>),
    /// The cell says `Enumeration` / `enum` without naming the enum.
    AnonymousEnum,
    /// Could not be parsed; the raw text is in `PropertyRow::type_raw`.
    Unparsed,
}

/// OData / Graph primitive types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Primitive {
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    Date,
    TimeOfDay,
    Duration,
    Guid,
    Binary,
    Stream,
    /// Untyped JSON (`Json`, `JSON object`, `Object`).
    Json,
}

/// An enum as one page describes it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EnumFacts {
    pub name: String,
    pub line: u32,
    pub description: String,
    pub members: Vec<EnumMemberFacts>,
    /// The page or heading says the enum is a flags enum.
    pub flags: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EnumMemberFacts {
    pub name: String,
    pub value: Option<i64>,
    pub description: String,
    pub line: u32,
}

/// A line of the `## HTTP request` block.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RequestLine {
    pub line: u32,
    /// Upper-case method (`GET`, `POST`, `PATCH`, `PUT`, `DELETE`).
    pub method: String,
    pub path: RequestPath,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestPath {
    /// A usable path template: `/groups/{id}`, `/users/{id | userPrincipalName}/photo`.
    Template(PathTemplate),
    /// `** Collection URI for microsoft.graph.externalConnection not found` and the like.
    Broken(String),
}

/// A request path split into literal text and parameters. Literals keep everything between
/// parameters verbatim (slashes, OData parentheses and quotes, `:` of item-path addressing).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathTemplate {
    /// The path as written (without the query string).
    pub raw: String,
    pub pieces: Vec<PathPiece>,
    /// The query string as written, without `?` (kept for docs only).
    pub query: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PathPiece {
    Literal(String),
    Param(PathParam),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathParam {
    /// The parameter as written between the braces / angle brackets (`groupsId`, `id | userPrincipalName`).
    pub raw: String,
    /// Alternative names (`id | userPrincipalName` -> [`id`, `userPrincipalName`]); one for most.
    pub names: Vec<String>,
    /// Where the value goes, which decides how it is encoded.
    pub position: ParamPosition,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamPosition {
    /// A whole path segment, or part of one: percent-encoded, `/` included.
    Segment,
    /// Inside an OData quoted key (`('{id}')`): percent-encoded and `'` doubled.
    Quoted,
    /// A drive item path (`root:/{item-path}:`): segments encoded one by one, `/` kept,
    /// `.`/`..` segments rejected.
    ItemPath,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Permission {
    pub line: u32,
    /// `Delegated (work or school account)`, `Delegated (personal Microsoft account)`, `Application`.
    pub kind: String,
    /// Scopes, split on commas; empty for "Not supported."; TODO placeholders are dropped
    /// (and reported).
    pub scopes: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockType {
    Request,
    Response,
    /// A resource's JSON representation (a schema sketch).
    Resource,
    /// Other annotated JSON (`"blockType": "example"`).
    Example,
}

/// An annotated fenced code block.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CodeBlock {
    pub block_type: BlockType,
    /// Line of the annotation comment.
    pub line: u32,
    /// The annotation JSON (`name`, `@odata.type`, `truncated`, `isCollection`, `baseType`,
    /// `keyProperty`, `openType`, ...), read leniently; string booleans (`"true"`) normalised.
    pub annotation: serde_json::Map<String, serde_json::Value>,
    /// Request line of a request example: method and URL as written.
    pub request: Option<(String, String)>,
    /// Status code of a response example.
    pub status: Option<u16>,
    /// The JSON body, if any.
    pub body: Option<JsonBody>,
}

/// A JSON body with the line of every value, so value-level defects have a line.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JsonBody {
    pub line: u32,
    pub value: Json,
}

/// JSON that keeps key order, duplicate keys and the line of each value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Json {
    pub line: u32,
    pub value: JsonValue,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JsonValue {
    Null,
    Bool(bool),
    /// The number as written (`1024`, `2.5e3`), so nothing is lost to f64.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl JsonValue {
    /// Whether this value can stand for primitive `p`: `null` always; numbers for the numeric
    /// kinds (integers without a fraction or exponent); a string never for Boolean or the
    /// integers up to Int32, `NaN`/`INF`/`-INF` for Single and Double, and otherwise as `text`
    /// judges it. The callers differ only there: lowering takes any string as evidence, the
    /// example checks want the shape graph-models' runtime parses.
    pub fn fits(&self, p: Primitive, text: impl Fn(&str, Primitive) -> bool) -> bool {
        use Primitive::*;
        match self {
            JsonValue::Null => true,
            JsonValue::Bool(_) => p == Boolean,
            JsonValue::Number(n) => match p {
                Byte | SByte | Int16 | Int32 | Int64 => !n.contains(['.', 'e', 'E']),
                Single | Double | Decimal => true,
                _ => false,
            },
            JsonValue::String(s) => match p {
                Boolean | Byte | SByte | Int16 | Int32 => false,
                Single | Double => ["NaN", "INF", "-INF"].contains(&s.as_str()),
                _ => text(s, p),
            },
            JsonValue::Array(_) | JsonValue::Object(_) => false,
        }
    }
}

impl Json {
    /// Converts to `serde_json::Value` (last duplicate key wins, as in serde_json).
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.value {
            JsonValue::Null => Value::Null,
            JsonValue::Bool(b) => Value::Bool(*b),
            JsonValue::Number(n) => serde_json::from_str::<serde_json::Number>(n)
                .map(Value::Number)
                .unwrap_or_else(|_| Value::String(n.clone())),
            JsonValue::String(s) => Value::String(s.clone()),
            JsonValue::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            JsonValue::Object(members) => {
                Value::Object(members.iter().map(|(k, v)| (k.clone(), v.to_value())).collect())
            }
        }
    }

    /// Members of an object, empty for anything else.
    pub fn members(&self) -> &[(String, Json)] {
        match &self.value {
            JsonValue::Object(m) => m,
            _ => &[],
        }
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.members().iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }
}
