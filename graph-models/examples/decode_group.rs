//! Decodes a Graph response into a generated struct, keeping (or, on request, dropping) the
//! properties the docs do not describe.
//!
//! `cargo run --example decode_group`; `cargo test --examples` checks it.

use graph_models::v1_0::Group;

const RESPONSE: &str = r#"{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups/$entity",
  "displayName": "Library Assist",
  "mailEnabled": true,
  "unseenCount": 3,
  "renewedDateTime": "2024-01-02T03:04:05.1234567Z"
}"#;

fn main() -> Result<(), serde_json::Error> {
    let group: Group = serde_json::from_str(RESPONSE)?;
    println!("{:?} (mail enabled: {:?})", group.display_name, group.mail_enabled);
    // Re-encoding loses nothing: undocumented properties are kept in order.
    println!("{}", serde_json::to_string_pretty(&group)?);
    Ok(())
}

#[test]
fn decodes_and_keeps_or_drops_unknown_properties() {
    use graph_models::runtime::{decode, DecodeOptions};
    let group: Group = serde_json::from_str(RESPONSE).expect("decodes");
    assert_eq!(group.display_name.as_deref(), Some("Library Assist"));
    assert_eq!(group.unseen_count, Some(3));
    let back: serde_json::Value = serde_json::to_value(&group).expect("encodes");
    let want: serde_json::Value = serde_json::from_str(RESPONSE).expect("json");
    assert_eq!(back, want);
    // Faster when re-serializing is not needed: unknown properties are skipped.
    let lean: Group = decode(RESPONSE, DecodeOptions { keep_unknown: false }).expect("decodes");
    let lean = serde_json::to_value(&lean).expect("encodes");
    assert_eq!(lean, serde_json::json!({ "displayName": "Library Assist", "mailEnabled": true, "unseenCount": 3 }));
}
