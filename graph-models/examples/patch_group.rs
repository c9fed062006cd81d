//! Builds the PATCH of `v1.0/api/group-update.md` with the generated builder: the result is a
//! plain `http::Request<Vec<u8>>`, so any HTTP client can send it.
//!
//! `cargo run --example patch_group` prints the request; `cargo test --examples` checks it.

use graph_models::runtime::{BaseUrl, RequestError};
use graph_models::v1_0::requests::UpdateGroup;

/// The request the README shows: set one property, clear another, leave the rest untouched.
fn build() -> Result<http::Request<Vec<u8>>, RequestError> {
    UpdateGroup::new()
        .display_name("Library Assist")
        .clear_description() // sends `"description": null`
        .groups(&BaseUrl::graph(), "02bd9fd6-8f93-4758-87c3-1fb73740a315")
}

/// Sending with any client: hand it the method, URI, headers and body. Shown with `ureq`-like
/// pseudo calls in the README; here the parts are only printed.
fn send(request: http::Request<Vec<u8>>) {
    let (parts, body) = request.into_parts();
    println!("{} {}", parts.method, parts.uri);
    for (name, value) in &parts.headers {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!();
    println!("{}", String::from_utf8_lossy(&body));
}

fn main() -> Result<(), RequestError> {
    send(build()?);
    Ok(())
}

#[test]
fn builds_the_documented_request() {
    let request = build().expect("a request");
    assert_eq!(request.method(), http::Method::PATCH);
    assert_eq!(request.uri(), "https://graph.microsoft.com/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315");
    assert_eq!(request.body(), br#"{"displayName":"Library Assist","description":null}"#);
    // A parameter that would change the path is escaped, never spliced in.
    let escaped = UpdateGroup::new().display_name("x").groups(&BaseUrl::graph(), "../users").expect("a request");
    assert_eq!(escaped.uri(), "https://graph.microsoft.com/v1.0/groups/..%2Fusers");
}
