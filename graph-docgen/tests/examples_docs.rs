//! The example checks on the seed tree `docs/` (figures pinned: a change in them is a change in
//! what the tool finds), and on the full corpus `../shared/graph-docs` (figures printed, `SKIP`
//! when it is absent).

use graph_docgen::examples::{ExampleSet, Reason, Target};
use graph_docgen::{generate, Options};
use std::path::Path;

fn load(root: &Path) -> ExampleSet {
    let (pages, _) = graph_docgen::tree::read_tree(root);
    ExampleSet::build(&generate(pages, &Options::default()))
}

#[test]
fn seed_docs_figures() {
    let set = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs"));
    let f = set.figures();
    // Five pages, each with a request and a response example; all tied.
    assert_eq!((f.found, f.checked, f.passed, f.failed), (10, 10, 3, 7), "{}", f.to_text());
    let by = |r: Reason| f.failed_by_reason.get(&r).copied().unwrap_or(0);
    // connectorgroup-update.md: trailing comma.
    assert_eq!(by(Reason::InvalidJson), 1);
    // `"String"` for enums (status, accessType), `connectorGroupType-value`, `groupTypes` array.
    assert_eq!(by(Reason::ValueMismatch), 7);
    // connectorGroup response (`id`, `isDefault`) and beta group request (types only examples describe).
    assert_eq!(by(Reason::PropertyNotInTable), 2);
    assert_eq!(by(Reason::PropertyInTableNotInType), 0);
    assert_eq!(by(Reason::GeneratorBug), 0);
    assert_eq!(by(Reason::RepresentationMismatch), 0);
    let builders = set.examples.iter().filter(|e| matches!(e.target, Target::Builder { .. })).count();
    assert_eq!(builders, 5, "every request example of docs/ is a PATCH body");
    // Everything the checks found was already reported by lowering; the seed tree has api/
    // pages only, so Type-cell links into resources/ are not judged.
    assert!(set.diagnostics.is_empty(), "{:#?}", set.diagnostics);
}

#[test]
fn corpus_figures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs");
    if !root.join("v1.0").is_dir() {
        println!("SKIP: corpus not found at {}", root.display());
        return;
    }
    let set = load(&root);
    let f = set.figures();
    println!("{}", f.to_text());
    let untied: usize = f.untied_by_reason.values().sum();
    assert_eq!(f.found, f.checked + untied);
    assert_eq!(f.checked, f.passed + f.failed);
    assert!(f.found > 5000, "the corpus has thousands of examples");
    assert_eq!(
        f.failed_by_reason.get(&Reason::GeneratorBug).copied().unwrap_or(0),
        0,
        "{:#?}",
        set.examples.iter().filter(|e| e.reasons().contains(&Reason::GeneratorBug)).take(5).collect::<Vec<_>>()
    );
}
