//! Typed Microsoft Graph models and PATCH request builders, generated from the Graph reference
//! docs by graph-docgen (`cargo xtask regen`).
//!
//! * [`v1_0`] and [`beta`] (features `v1_0`, `beta`) hold the generated models, enums and PATCH
//!   builders of each API version; sub-namespaces are submodules.
//! * [`runtime`] is the small hand-written support they rely on: the field-table serde impls
//!   ([`runtime::Model`]), open enums ([`runtime::GraphEnum`]), scalars that round-trip their
//!   text exactly ([`runtime::DateTimeOffset`], [`runtime::Duration`], …), three-state PATCH
//!   bodies ([`runtime::PatchBody`]) and safe request paths ([`runtime::path`]).
//!
//! Decoding keeps properties the docs do not describe in each model's
//! `additional_properties`, so re-serializing a decoded object loses nothing; use
//! [`runtime::decode`] with [`runtime::DecodeOptions`] to drop them instead.
//!
//! A PATCH body sends exactly what was touched: a value, an explicit `null`, or nothing.
//! Generated builders (`v1_0::requests::UpdateGroup`, …) wrap this runtime API:
//!
//! ```
//! use graph_models::runtime::{path::PathBuilder, BaseUrl, PatchBody};
//!
//! let mut body = PatchBody::new();
//! body.set("displayName", "Library Assist");
//! body.clear("description");
//! let path = PathBuilder::new().lit("/groups/").segment("group-id", "a/b?c").finish()?;
//! let request = body.to_request(http::Method::PATCH, &BaseUrl::graph(), "v1.0", &path)?;
//! assert_eq!(request.uri(), "https://graph.microsoft.com/v1.0/groups/a%2Fb%3Fc");
//! assert_eq!(request.body(), br#"{"displayName":"Library Assist","description":null}"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Where the docs say a property cannot be cleared, its builder has no `clear_` method, so the
//! `null` cannot be sent by mistake (v1.0 `group-update.md`: "it cannot be cleared during
//! updates"):
//!
//! ```compile_fail
//! let _ = graph_models::v1_0::requests::UpdateGroup::new().clear_display_name();
//! ```
//!
//! ```
//! let _ = graph_models::v1_0::requests::UpdateGroup::new().clear_description().display_name("x");
//! ```

pub mod runtime;

// The seams of the generated code: `src/generated/**` is written by `cargo xtask regen` as a
// whole; only these two lines are hand-written.
#[cfg(feature = "v1_0")]
#[rustfmt::skip]
#[path = "generated/v1_0/mod.rs"]
pub mod v1_0;

#[cfg(feature = "beta")]
#[rustfmt::skip]
#[path = "generated/beta/mod.rs"]
pub mod beta;
