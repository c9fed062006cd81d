//! Acknowledged doc defects: a `docgen-suppressions.toml` at the docs root silences the
//! diagnostics it names, `--deny warnings` then passes, and a suppression that matches nothing
//! is reported (and denied).

use std::fs;
use std::path::Path;
use xtask::{Format, RegenArgs, UserPath};

const PAGE: &str = "# Update thing\n\n## HTTP request\n\n```http\nPATCH /things/{id}\n```\n\n## Request body\n\n\
|Property|Type|Description|\n|:---|:---|:---|\n|name|String|The name.|\n\n## Example\n\n\
<!-- { \"blockType\": \"request\", \"name\": \"update_thing\" } -->\n```http\nPATCH https://graph.microsoft.com/beta/things/1\n\
Content-type: application/json\n\n{\n  \"name\": \"x\",\n}\n```\n";

fn args(docs: &Path, out: &Path) -> RegenArgs {
    RegenArgs {
        docs: UserPath::resolve(Some(docs), "docs"),
        out: UserPath::resolve(Some(out), "graph-models"),
        check: false,
        format: Format::Human,
        deny_warnings: true,
        color: false,
        timings: false,
    }
}

fn suppression(line: u32) -> String {
    format!(
        "[[suppress]]\ncode = \"json-tolerated\"\npage = \"beta/api/thing-update.md\"\nline = {line}\n\
         reason = \"trailing comma in the upstream example\"\n"
    )
}

#[test]
fn suppressions_silence_what_they_name_and_report_what_they_do_not_match() {
    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("docs");
    fs::create_dir_all(docs.join("beta/api")).expect("mkdir");
    fs::write(docs.join("beta/api/thing-update.md"), PAGE).expect("write page");
    let out = tmp.path().join("models");

    // Unacknowledged: the trailing comma (line 23) is a warning, denied.
    let denied = xtask::regen(&args(&docs, &out));
    assert!(!denied.success, "{}", denied.stderr);
    assert!(denied.stderr.contains("warning[GD0300]"), "{}", denied.stderr);
    assert!(denied.stderr.contains("thing-update.md:23"), "{}", denied.stderr);

    // Acknowledged at its line: nothing left to deny.
    fs::write(docs.join("docgen-suppressions.toml"), suppression(23)).expect("write suppressions");
    let ok = xtask::regen(&args(&docs, &out));
    assert!(ok.success, "{}", ok.stderr);
    assert!(!ok.stderr.contains("GD0300"), "{}", ok.stderr);

    // A suppression that no longer matches is itself a warning, with its own line.
    fs::write(docs.join("docgen-suppressions.toml"), suppression(99)).expect("write suppressions");
    let stale = xtask::regen(&args(&docs, &out));
    assert!(!stale.success, "{}", stale.stderr);
    assert!(stale.stderr.contains("warning[GD0800]"), "{}", stale.stderr);
    assert!(stale.stderr.contains("docgen-suppressions.toml:1"), "{}", stale.stderr);
    assert!(stale.stderr.contains("warning[GD0300]"), "{}", stale.stderr);
}
