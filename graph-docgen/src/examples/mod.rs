//! examples: every JSON example of the docs tied to the generated type it shows, and checked
//! against the schema without compiling anything (`cargo xtask examples`).
//!
//! * [`tie`] decides what each annotated block shows: a type (annotation `@odata.type` and
//!   `isCollection`, the body's own `@odata.type`, the operation's response type, the page's
//!   resource for JSON representations) or a PATCH builder (request examples of PATCH pages).
//! * [`walk`] walks each body against that type and sorts what it finds into [`Reason`]s.
//!   Lowering already reports example defects while it uses examples as evidence (`GD0303`,
//!   `GD0304`, `GD0305`); the walk recognises those by file, line and code and reports only
//!   what lowering did not (never the same defect twice).
//! * [`scalars`] checks that strings for dates, times and GUIDs have the shape the runtime reads.
//! * [`cross`] holds the checks of the docs against themselves (possible values vs the enum
//!   table, request-body table vs resource, Type-cell links to missing pages).
//!
//! The result is a side table ([`ExampleSet`]) built from a finished [`Generated`], so the
//! schema stays what lowering made of it and nothing here can change generated code except
//! the example tests (`emit::example_tests`).

pub mod cross;
pub mod scalars;
pub mod tie;
pub mod walk;

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{ApiVersion, BlockType, Json};
use crate::schema::TypeId;
use crate::Generated;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What an example shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// An object of this type (or, with `collection`, a list of them: a bare array or a
    /// `{"value": [...]}` page).
    Type { id: TypeId, collection: bool },
    /// The body of the PATCH operation `operation` (index into `Schema::operations`), whose
    /// builder reproduces it; `resource` is the type the body is made of, when known.
    Builder { operation: usize, resource: Option<TypeId> },
    /// Nothing to check it against; the reason says why.
    Untied(String),
}

/// Why an example failed. An example can fail for more than one reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The body is not strict JSON (`GD0300`) or not JSON at all (`GD0301`, `GD0302`).
    InvalidJson,
    /// A value does not fit the declared type (`GD0303`, `GD0305`).
    ValueMismatch,
    /// A property appears in the example but in no table (`GD0304`).
    PropertyNotInTable,
    /// A property is in the type's table but not in the generated type (a generator bug,
    /// `GD0311`).
    PropertyInTableNotInType,
    /// The example is tied to a type or builder the generator did not produce (`GD0312`).
    GeneratorBug,
    /// A JSON representation disagrees with the properties table (`GD0310`).
    RepresentationMismatch,
}

impl Reason {
    pub const ALL: [Reason; 6] = [
        Reason::InvalidJson,
        Reason::ValueMismatch,
        Reason::PropertyNotInTable,
        Reason::PropertyInTableNotInType,
        Reason::GeneratorBug,
        Reason::RepresentationMismatch,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Reason::InvalidJson => "invalid JSON",
            Reason::ValueMismatch => "value does not fit the declared type",
            Reason::PropertyNotInTable => "property not in the table",
            Reason::PropertyInTableNotInType => "property in the table but not in the type",
            Reason::GeneratorBug => "generator bug",
            Reason::RepresentationMismatch => "JSON representation vs properties table",
        }
    }
    /// The reason a diagnostic code stands for, when it is about an example.
    pub fn of_code(code: Code) -> Option<Reason> {
        match code {
            Code::JsonTolerated | Code::JsonInvalid | Code::JsonTooDeep => Some(Reason::InvalidJson),
            Code::ExampleValueMismatch | Code::TableExampleConflict => Some(Reason::ValueMismatch),
            Code::ExampleOnlyProperty => Some(Reason::PropertyNotInTable),
            Code::TablePropertyNotGenerated => Some(Reason::PropertyInTableNotInType),
            Code::ExampleTargetMissing => Some(Reason::GeneratorBug),
            Code::RepresentationMismatch => Some(Reason::RepresentationMismatch),
            _ => None,
        }
    }
}

/// One defect found in one example: the reason, and the diagnostic that names it (found in
/// lowering's diagnostics or made by the walk).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub reason: Reason,
    pub diagnostic: Diagnostic,
    /// Path of the offending member inside the body (`["members", "0", "id"]`); empty for the
    /// whole body. The example tests leave exactly these out, each with a comment.
    pub pointer: Vec<String>,
}

/// One annotated JSON block.
#[derive(Clone, Debug, Serialize)]
pub struct Example {
    pub version: ApiVersion,
    pub page: String,
    /// Line of the annotation comment.
    pub line: u32,
    pub block_type: BlockType,
    /// The annotation's `name`, when given.
    pub name: Option<String>,
    pub target: Target,
    /// The body with lines; `None` when it could not be read (then `findings` says why).
    #[serde(skip)]
    pub body: Option<Json>,
    pub findings: Vec<Finding>,
    /// Members that are right but come back in another spelling, by documented runtime rule
    /// (GUIDs are written lower-case): their paths. Not failures; the example tests expect
    /// the runtime's spelling and say so.
    pub lower_cased: Vec<Vec<String>>,
}

impl Example {
    pub fn span(&self) -> Span {
        Span::line(self.page.clone(), self.line)
    }
    pub fn checked(&self) -> bool {
        !matches!(self.target, Target::Untied(_)) || self.body.is_none()
    }
    pub fn passed(&self) -> bool {
        self.checked() && self.findings.is_empty()
    }
    pub fn reasons(&self) -> BTreeSet<Reason> {
        self.findings.iter().map(|f| f.reason).collect()
    }
}

/// The counts `cargo xtask examples` prints.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Annotated blocks that hold (or should hold) JSON.
    pub found: usize,
    /// Tied to a type or builder (or unreadable, which is a failure in itself).
    pub checked: usize,
    pub passed: usize,
    pub failed: usize,
    /// Examples per failure reason (an example may count under several).
    pub failed_by_reason: BTreeMap<Reason, usize>,
    /// Examples with nothing to check them against, by why.
    pub untied_by_reason: BTreeMap<String, usize>,
}

/// Every example of a run, with what it shows and what is wrong with it, plus the
/// cross-check diagnostics. `diagnostics` holds only what lowering did not already report.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ExampleSet {
    pub examples: Vec<Example>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ExampleSet {
    /// Ties, walks and cross-checks everything in `generated`.
    pub fn build(generated: &Generated) -> ExampleSet {
        let known: walk::Known =
            generated.diagnostics.iter().map(|d| ((d.span.file.clone(), d.span.line, d.code), d.clone())).collect();
        let mut set = ExampleSet::default();
        for schema in &generated.schemas {
            let ctx = tie::Context::new(schema, &generated.pages);
            for page in generated.pages.iter().filter(|p| p.version == Some(schema.version)) {
                for (i, block) in page.blocks.iter().enumerate() {
                    let next = page.blocks.get(i + 1).map(|b| b.line).unwrap_or(u32::MAX);
                    if let Some(ex) = walk::check_block(&ctx, page, block, next, &known) {
                        set.examples.push(ex);
                    }
                }
            }
            set.diagnostics.extend(cross::check(&ctx, &known));
        }
        for ex in &set.examples {
            for f in &ex.findings {
                if !known.contains_key(&(f.diagnostic.span.file.clone(), f.diagnostic.span.line, f.diagnostic.code)) {
                    set.diagnostics.push(f.diagnostic.clone());
                }
            }
        }
        set.diagnostics.sort();
        set.diagnostics.dedup();
        set
    }

    pub fn figures(&self) -> Figures {
        let mut f = Figures::default();
        for ex in &self.examples {
            f.found += 1;
            if let Target::Untied(why) = &ex.target {
                if ex.body.is_some() {
                    *f.untied_by_reason.entry(why.clone()).or_default() += 1;
                    continue;
                }
            }
            f.checked += 1;
            if ex.findings.is_empty() {
                f.passed += 1;
            } else {
                f.failed += 1;
                for r in ex.reasons() {
                    *f.failed_by_reason.entry(r).or_default() += 1;
                }
            }
        }
        f
    }
}

impl Figures {
    /// The human form printed by `cargo xtask examples`.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "examples found:   {}\nexamples checked: {}\npassed:           {}\nfailed:           {}\n",
            self.found, self.checked, self.passed, self.failed
        );
        for r in Reason::ALL {
            s.push_str(&format!("  {:<44} {}\n", r.label(), self.failed_by_reason.get(&r).copied().unwrap_or(0)));
        }
        if !self.untied_by_reason.is_empty() {
            s.push_str("not checked (tied to nothing):\n");
            for (why, n) in &self.untied_by_reason {
                s.push_str(&format!("  {why:<44} {n}\n"));
            }
        }
        s
    }
}
