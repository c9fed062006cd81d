//! render: diagnostics as rustc-style text or as JSON.
