//! The hand-written runtime the generated models and request builders rely on (the contract is
//! the "generated crate" section of graph-docgen's DESIGN.md).

mod capture;
mod decode;
mod enums;
#[cfg(test)]
pub(crate) mod example_checks;
mod extra;
mod field;
mod lookup;
mod macros;
mod model;
mod nav;
mod patch;
pub mod path;
mod polymorphic;
mod request;
mod scalars;
mod slot;
mod source;

pub use self::decode::{decode, decode_slice, with_options, DecodeOptions};
pub use self::enums::{Flags, GraphEnum, WireStr};
pub use self::extra::Extra;
pub use self::field::{read_enum, read_model, read_parsed, read_polymorphic, Field};
pub use self::model::{
    clone_model, debug_model, deserialize_into, deserialize_model, eq_model, serialize_model, DynModel, Model, Read,
    ODATA_TYPE_KEY,
};
pub use self::nav::Nav;
pub use self::patch::{Patch, PatchBody};
pub use self::polymorphic::{deserialize_polymorphic, serialize_polymorphic, PolySlot, Polymorphic};
pub use self::request::{BaseUrl, RequestError};
pub use self::scalars::{Base64, Date, DateTimeOffset, Decimal, Double, Duration, ScalarError, TimeOfDay};
pub use self::slot::Slot;
pub use self::source::{ErasedDeserializer, Integer, Number, ReadError, ReadResult};
pub use uuid::Uuid;

pub use crate::{impl_model_traits, impl_serde_for_enum, impl_serde_for_polymorphic, model_accessors, model_fields};

// Re-exported so that generated code and the macros can spell these paths in full.
#[doc(hidden)]
pub use {http, serde, serde_json};
