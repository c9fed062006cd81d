//! walk: one example body against the type it is tied to, defects sorted into [`Reason`]s.
//!
//! Response, request and other examples hold values: each must fit its property's type.
//! JSON representations hold placeholders (`"String (identifier)"`, `1024`, `"Boolean"`,
//! `{"@odata.type": "microsoft.graph.x"}`): each is compared kind by kind with the table, and
//! the table's own properties must all appear ([`Code::RepresentationMismatch`]).

use super::tie::{self, Context};
use super::{Example, Finding, Reason, Target};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{BlockType, CodeBlock, Json, JsonValue, PageFacts, Primitive, TableContext};
use crate::schema::{TypeDef, TypeId, TypeKind, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Nesting deeper than this is not walked (the parser limits depth already; this bounds the
/// walk on self-similar data).
const MAX_DEPTH: usize = 32;

/// Diagnostics already reported, by (file, line, code).
pub type Known = BTreeMap<(String, u32, Code), Diagnostic>;

/// The example made of `block`, or `None` for a block that holds no JSON and should not
/// (a GET request, a `204 No Content` response). `next` is the line of the page's next block:
/// a parse diagnostic between the two belongs to this block.
pub fn check_block(
    ctx: &Context<'_>,
    page: &PageFacts,
    block: &CodeBlock,
    next: u32,
    known: &Known,
) -> Option<Example> {
    let in_block = |d: &&Diagnostic| d.span.line >= block.line && d.span.line < next;
    let json_diags: Vec<&Diagnostic> = page
        .diagnostics
        .iter()
        .filter(in_block)
        .filter(|d| matches!(d.code, Code::JsonTolerated | Code::JsonInvalid | Code::JsonTooDeep))
        .collect();
    let mut ex = Example {
        version: ctx.schema.version,
        page: page.path.clone(),
        line: block.line,
        block_type: block.block_type,
        name: block.annotation.get("name").and_then(|v| v.as_str()).map(str::to_string),
        target: Target::Untied("unreadable body".into()),
        body: block.body.as_ref().map(|b| b.value.clone()),
        findings: json_diags
            .iter()
            .map(|d| Finding { reason: Reason::InvalidJson, diagnostic: (*d).clone(), pointer: Vec::new() })
            .collect(),
        lower_cased: Vec::new(),
    };
    let Some(body) = &block.body else {
        return (!ex.findings.is_empty()).then_some(ex);
    };
    ex.target = tie::target(ctx, page, block, &body.value);
    let mut w = Walker { ctx, page, known, findings: Vec::new(), lower_cased: Vec::new() };
    match ex.target.clone() {
        Target::Untied(_) => {}
        Target::Builder { operation, resource } => w.builder(operation, resource.as_ref(), &body.value),
        Target::Type { id, .. } if block.block_type == BlockType::Resource => w.representation(&id, &body.value),
        Target::Type { id, collection } => {
            for (item, ptr) in items(&body.value, collection) {
                let ty = item.get("@odata.type").and_then(Json::as_str).and_then(|r| ctx.find_type(r)).map(|t| t.0);
                w.object(ty.as_ref().unwrap_or(&id), item, &ptr, 0);
            }
        }
    }
    ex.findings.extend(w.findings);
    ex.lower_cased = w.lower_cased;
    Some(ex)
}

/// The objects a response shows, with their paths: a bare array, a `{"value": [...]}` page
/// (or `{"value": {...}}` for a single item), else the body itself.
pub fn items(body: &Json, collection: bool) -> Vec<(&Json, Vec<String>)> {
    let wrapped = body.get("value").filter(|_| body.members().iter().all(|(k, _)| k == "value" || k.contains('@')));
    match (&body.value, wrapped) {
        (JsonValue::Array(xs), _) => xs.iter().enumerate().map(|(i, x)| (x, vec![i.to_string()])).collect(),
        (_, Some(Json { value: JsonValue::Array(xs), .. })) => {
            xs.iter().enumerate().map(|(i, x)| (x, vec!["value".to_string(), i.to_string()])).collect()
        }
        (_, Some(single @ Json { value: JsonValue::Object(_), .. })) if !collection => {
            vec![(single, vec!["value".to_string()])]
        }
        (_, Some(_)) => Vec::new(),
        _ => vec![(body, Vec::new())],
    }
    .into_iter()
    .filter(|(x, _)| matches!(x.value, JsonValue::Object(_)))
    .collect()
}

/// Members that are data, not annotations (`@odata.type`, `x@odata.bind`).
pub fn is_data_key(k: &str) -> bool {
    !k.is_empty() && !k.contains('@')
}

struct Walker<'c, 'a> {
    ctx: &'c Context<'a>,
    page: &'c PageFacts,
    known: &'c Known,
    findings: Vec<Finding>,
    lower_cased: Vec<Vec<String>>,
}

fn child(ptr: &[String], key: &str) -> Vec<String> {
    let mut p = ptr.to_vec();
    p.push(key.to_string());
    p
}

impl<'a> Walker<'_, 'a> {
    fn span(&self, line: u32) -> Span {
        self.page.span(line)
    }

    /// The diagnostic lowering already made at `line` with one of `codes`.
    fn is_known(&self, line: u32, codes: &[Code]) -> Option<Diagnostic> {
        codes.iter().find_map(|c| self.known.get(&(self.page.path.clone(), line, *c))).cloned()
    }

    fn find(&mut self, reason: Reason, code: Code, line: u32, ptr: &[String], message: String) {
        let diagnostic = Diagnostic::new(code, self.span(line), message);
        self.findings.push(Finding { reason, diagnostic, pointer: ptr.to_vec() });
    }

    /// A defect lowering already reported: its diagnostic, unchanged.
    fn found(&mut self, reason: Reason, diagnostic: Diagnostic, ptr: &[String]) {
        self.findings.push(Finding { reason, diagnostic, pointer: ptr.to_vec() });
    }

    /// The names the page tables of `td` list (rows of its own resource page(s)).
    fn table_names(&self, td: &TypeDef) -> BTreeSet<String> {
        let files: BTreeSet<&str> = td.sources.iter().map(|s| s.file.as_str()).collect();
        self.ctx
            .pages
            .iter()
            .filter(|p| files.contains(p.path.as_str()) && p.resource_name.is_some())
            .flat_map(|p| p.tables.iter())
            .filter(|t| matches!(t.context, TableContext::Properties | TableContext::Relationships))
            .flat_map(|t| t.rows.iter().map(|r| r.name.clone()))
            .collect()
    }

    /// A generated type for `id`, or a generator-bug finding.
    fn type_for(&mut self, id: &TypeId, line: u32, ptr: &[String]) -> Option<&'a TypeDef> {
        let schema = self.ctx.schema;
        match schema.type_def(id) {
            Some(td) if self.ctx.names.type_name(&td.id.key()).is_some() => Some(td),
            _ => {
                self.find(
                    Reason::GeneratorBug,
                    Code::ExampleTargetMissing,
                    line,
                    ptr,
                    format!("the example shows `{id}`, but no such type was generated"),
                );
                None
            }
        }
    }

    fn object(&mut self, id: &TypeId, obj: &Json, ptr: &[String], depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let schema = self.ctx.schema;
        let Some(td) = self.type_for(id, obj.line, ptr) else { return };
        if td.kind == TypeKind::Opaque {
            return; // keeps whatever JSON it receives
        }
        let props = schema.all_properties(td);
        let mut table = None;
        for (k, v) in obj.members() {
            if !is_data_key(k) {
                continue;
            }
            let ptr = child(ptr, k);
            if let Some(d) = self.is_known(v.line, &[Code::ExampleOnlyProperty]) {
                self.found(Reason::PropertyNotInTable, d, &ptr);
                continue;
            }
            match props.iter().find(|p| p.wire_name == *k) {
                Some(p) => self.value(&p.ty, v, &ptr, &format!("`{k}` of `{id}`"), depth + 1),
                None if td.open_type => {}
                None => {
                    let names = table.get_or_insert_with(|| self.table_names(td));
                    if names.contains(k) {
                        self.find(
                            Reason::PropertyInTableNotInType,
                            Code::TablePropertyNotGenerated,
                            v.line,
                            &ptr,
                            format!("`{k}` is in the table of `{id}` but not in the generated type"),
                        );
                    } else {
                        self.find(
                            Reason::PropertyNotInTable,
                            Code::ExampleOnlyProperty,
                            v.line,
                            &ptr,
                            format!("member `{k}` of `{id}` appears only in an example"),
                        );
                    }
                }
            }
        }
    }

    fn value(&mut self, ty: &TypeRef, v: &Json, ptr: &[String], what: &str, depth: usize) {
        if depth > MAX_DEPTH || v.value == JsonValue::Null {
            return;
        }
        if let Some(d) = self.is_known(v.line, &[Code::ExampleValueMismatch, Code::TableExampleConflict]) {
            self.found(Reason::ValueMismatch, d, ptr);
            return;
        }
        let mismatch = |w: &mut Self, detail: String| {
            w.find(Reason::ValueMismatch, Code::ExampleValueMismatch, v.line, ptr, format!("{what}: {detail}"))
        };
        match (ty, &v.value) {
            (TypeRef::Unknown(_) | TypeRef::Primitive(Primitive::Json), _) => {}
            (TypeRef::Primitive(p), value) => {
                if let (Primitive::Guid, JsonValue::String(s)) = (p, value) {
                    if super::scalars::guid_not_lower_case(s) {
                        self.lower_cased.push(ptr.to_vec());
                    }
                }
                if !fits(value, *p) {
                    mismatch(self, format!("example value {} does not fit {p:?}", shown(v)));
                }
            }
            (TypeRef::Enum(id), JsonValue::String(s)) => {
                let Some(e) = self.ctx.schema.enum_def(id) else { return };
                if e.members.is_empty() {
                    return;
                }
                let bad: Vec<&str> = s
                    .split(',')
                    .map(str::trim)
                    .filter(|part| !e.members.iter().any(|m| m.wire_name.eq_ignore_ascii_case(part)))
                    .collect();
                if !bad.is_empty() {
                    mismatch(self, format!("\"{}\" is not a member of enum `{id}`", bad.join(",")));
                }
            }
            (TypeRef::Complex(id), JsonValue::Object(_)) => {
                let own = v.get("@odata.type").and_then(Json::as_str).and_then(|r| self.ctx.find_type(r)).map(|t| t.0);
                self.object(own.as_ref().unwrap_or(id), v, ptr, depth + 1);
            }
            (TypeRef::Collection(inner), JsonValue::Array(xs)) => {
                for (i, x) in xs.iter().enumerate() {
                    self.value(inner, x, &child(ptr, &i.to_string()), what, depth + 1);
                }
            }
            _ => mismatch(self, format!("example value {} does not fit {}", shown(v), ty.describe())),
        }
    }

    /// A PATCH request example: every member must be a body field of the builder (or a
    /// property of the resource, which lowering reports), with a value that fits.
    fn builder(&mut self, operation: usize, resource: Option<&TypeId>, body: &Json) {
        let Some(op) = self.ctx.schema.operations.get(operation) else { return };
        if !self.ctx.names.builders.contains_key(&operation) {
            self.find(
                Reason::GeneratorBug,
                Code::ExampleTargetMissing,
                body.line,
                &[],
                format!("no builder was generated for `{}`", op.title),
            );
            return;
        }
        for (k, v) in body.members() {
            if !is_data_key(k) {
                continue;
            }
            let ptr = vec![k.clone()];
            if let Some(d) = self.is_known(v.line, &[Code::ExampleOnlyProperty]) {
                self.found(Reason::PropertyNotInTable, d, &ptr);
                continue;
            }
            match op.body.iter().find(|f| f.wire_name == *k) {
                Some(f) => self.value(&f.ty, v, &ptr, &format!("`{k}` of `{}`", op.title), 1),
                None => {
                    let in_resource = resource
                        .and_then(|r| self.ctx.schema.type_def(r))
                        .is_some_and(|td| self.ctx.schema.all_properties(td).iter().any(|p| p.wire_name == *k));
                    let why = if in_resource {
                        "a property of the resource but not in the request-body table"
                    } else {
                        "in neither the request-body table nor the resource"
                    };
                    self.find(
                        Reason::PropertyNotInTable,
                        Code::ExampleOnlyProperty,
                        v.line,
                        &ptr,
                        format!("`{k}` of the `{}` example is {why}; the builder has no setter for it", op.title),
                    );
                }
            }
        }
    }

    /// A JSON representation: placeholders kind by kind, and every own structural property.
    fn representation(&mut self, id: &TypeId, body: &Json) {
        let schema = self.ctx.schema;
        let Some(td) = self.type_for(id, body.line, &[]) else { return };
        if td.kind == TypeKind::Opaque {
            return;
        }
        let props = schema.all_properties(td);
        let shown: BTreeSet<&str> = body.members().iter().map(|(k, _)| k.as_str()).collect();
        for (k, v) in body.members() {
            if !is_data_key(k) {
                continue;
            }
            let ptr = vec![k.clone()];
            if let Some(d) = self.is_known(v.line, &[Code::ExampleOnlyProperty]) {
                self.found(Reason::PropertyNotInTable, d, &ptr);
                continue;
            }
            let Some(p) = props.iter().find(|p| p.wire_name == *k) else { continue };
            let (want, got) = (kind_of_type(&p.ty), kind_of_placeholder(v));
            if want != Kind::Any && got != Kind::Any && want != got {
                self.find(
                    Reason::RepresentationMismatch,
                    Code::RepresentationMismatch,
                    v.line,
                    &ptr,
                    format!(
                        "`{k}` of `{id}`: the JSON representation shows {}, the table says {}",
                        got.label(),
                        p.ty.describe()
                    ),
                );
            }
        }
        // Only a resource page's own representation must show its whole table (an API page's
        // sketch of a parameter type may show a part).
        if body.members().is_empty() || self.page.resource_name.is_none() {
            return;
        }
        for p in td.properties.iter().filter(|p| !p.navigation && p.source.file == self.page.path) {
            if !shown.contains(p.wire_name.as_str()) {
                self.find(
                    Reason::RepresentationMismatch,
                    Code::RepresentationMismatch,
                    p.source.line,
                    &[],
                    format!("property `{}` of `{id}` is in the table but not in the JSON representation", p.wire_name),
                );
            }
        }
    }
}

/// What a placeholder or a declared type says, coarsely: enough to catch `"Boolean"` for a
/// string, `1024` for a date, an object for a collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Bool,
    Number,
    Object,
    Array,
    /// Says nothing (`null`, raw JSON, an unknown type).
    Any,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Text => "a string",
            Kind::Bool => "a Boolean",
            Kind::Number => "a number",
            Kind::Object => "an object",
            Kind::Array => "an array",
            Kind::Any => "anything",
        }
    }
}

pub fn kind_of_type(t: &TypeRef) -> Kind {
    use Primitive::*;
    match t {
        TypeRef::Primitive(Boolean) => Kind::Bool,
        TypeRef::Primitive(Byte | SByte | Int16 | Int32 | Int64 | Single | Double | Decimal) => Kind::Number,
        TypeRef::Primitive(Json) | TypeRef::Unknown(_) => Kind::Any,
        TypeRef::Primitive(_) | TypeRef::Enum(_) => Kind::Text,
        TypeRef::Complex(_) => Kind::Object,
        TypeRef::Collection(_) => Kind::Array,
    }
}

/// The kind a placeholder stands for. A string placeholder names its type by its first word
/// (`"Boolean"`, `"Int32"`, `"String (timestamp)"`); any other string is a string.
pub fn kind_of_placeholder(v: &Json) -> Kind {
    match &v.value {
        JsonValue::Null => Kind::Any,
        JsonValue::Bool(_) => Kind::Bool,
        JsonValue::Number(_) => Kind::Number,
        JsonValue::Object(_) => Kind::Object,
        JsonValue::Array(_) => Kind::Array,
        JsonValue::String(s) => {
            let first = s.split(|c: char| !c.is_ascii_alphanumeric() && c != '.').next().unwrap_or("");
            let first = first.strip_prefix("Edm.").unwrap_or(first).to_ascii_lowercase();
            match first.as_str() {
                "boolean" | "bool" => Kind::Bool,
                "int16" | "int32" | "int64" | "integer" | "int" | "double" | "single" | "number" | "decimal" => {
                    Kind::Number
                }
                _ => Kind::Text,
            }
        }
    }
}

/// Whether a value can be read as primitive `p` by graph-models' runtime: an Int64 is never
/// read from a string, a textual primitive only from a string of its shape.
pub fn fits(v: &JsonValue, p: Primitive) -> bool {
    v.fits(p, |s, p| p != Primitive::Int64 && super::scalars::text_fits(s, p))
}

/// A value as a message shows it: its JSON, cut at 60 characters.
fn shown(v: &Json) -> String {
    let text = v.to_value().to_string();
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or("")),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(v: JsonValue) -> Json {
        Json { line: 1, value: v }
    }

    #[test]
    fn placeholder_kinds() {
        let s = |t: &str| j(JsonValue::String(t.into()));
        let cases = [
            (s("String (identifier)"), Kind::Text),
            (s("String (timestamp)"), Kind::Text),
            (s("Boolean"), Kind::Bool),
            (s("Edm.Int32"), Kind::Number),
            (s("Int64"), Kind::Number),
            (s("active | inactive"), Kind::Text),
            (j(JsonValue::Number("1024".into())), Kind::Number),
            (j(JsonValue::Bool(true)), Kind::Bool),
            (j(JsonValue::Object(vec![])), Kind::Object),
            (j(JsonValue::Array(vec![])), Kind::Array),
            (j(JsonValue::Null), Kind::Any),
        ];
        for (v, want) in cases {
            assert_eq!(kind_of_placeholder(&v), want, "{v:?}");
        }
    }

    #[test]
    fn type_kinds() {
        let cases = [
            (TypeRef::Primitive(Primitive::DateTimeOffset), Kind::Text),
            (TypeRef::Primitive(Primitive::Double), Kind::Number),
            (TypeRef::Primitive(Primitive::Boolean), Kind::Bool),
            (TypeRef::Primitive(Primitive::Json), Kind::Any),
            (TypeRef::Enum(TypeId("microsoft.graph.x".into())), Kind::Text),
            (TypeRef::Complex(TypeId("microsoft.graph.x".into())), Kind::Object),
            (TypeRef::Collection(Box::new(TypeRef::Primitive(Primitive::String))), Kind::Array),
            (TypeRef::Unknown("x".into()), Kind::Any),
        ];
        for (t, want) in cases {
            assert_eq!(kind_of_type(&t), want, "{t:?}");
        }
    }

    #[test]
    fn values_fit_as_the_runtime_reads_them() {
        use Primitive::*;
        let cases: &[(JsonValue, Primitive, bool)] = &[
            (JsonValue::Number("3".into()), Int32, true),
            (JsonValue::Number("3.5".into()), Int32, false),
            (JsonValue::String("3".into()), Int32, false),
            (JsonValue::String("NaN".into()), Double, true),
            (JsonValue::String("1.5".into()), Double, false),
            (JsonValue::Bool(true), String, false),
            (JsonValue::String("x".into()), DateTimeOffset, false),
            (JsonValue::String("2021-03-04T05:06:07Z".into()), DateTimeOffset, true),
            (JsonValue::Null, Boolean, true),
        ];
        for (v, p, want) in cases {
            assert_eq!(fits(v, *p), *want, "{v:?} as {p:?}");
        }
    }
}
