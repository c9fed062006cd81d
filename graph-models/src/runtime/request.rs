//! Where requests go (`BaseUrl`) and how building one fails (`RequestError`).

use std::fmt;

use super::path::PathError;

/// The service root requests are sent to: scheme, authority and an optional path prefix, no
/// query or fragment, kept without a trailing `/`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// `https://graph.microsoft.com`
    pub fn graph() -> Self {
        Self("https://graph.microsoft.com".to_owned())
    }

    /// Validates `url` with `http::Uri`: `http` or `https`, a host, no query or fragment.
    pub fn new(url: &str) -> Result<Self, RequestError> {
        let bad = |reason: &'static str| RequestError::BaseUrl { url: url.to_owned(), reason };
        if url.contains('#') {
            return Err(bad("a fragment is not allowed"));
        }
        let uri: http::Uri = url.parse().map_err(|_| bad("not a valid URI"))?;
        match uri.scheme_str() {
            Some("http" | "https") => {}
            _ => return Err(bad("the scheme must be http or https")),
        }
        if uri.host().is_none_or(str::is_empty) {
            return Err(bad("a host is required"));
        }
        if uri.query().is_some() {
            return Err(bad("a query is not allowed"));
        }
        Ok(Self(url.trim_end_matches('/').to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a request could not be built.
#[derive(Debug)]
pub enum RequestError {
    /// [`BaseUrl::new`] rejected a URL.
    BaseUrl { url: String, reason: &'static str },
    /// A path parameter cannot be put in the path (see [`crate::runtime::path`]).
    Path(PathError),
    /// A PATCH value could not be serialized to JSON.
    Body(String),
    /// `http` rejected the request (e.g. a path that is not a valid URI path).
    Http(http::Error),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::BaseUrl { url, reason } => write!(f, "invalid base URL {url:?}: {reason}"),
            RequestError::Path(error) => error.fmt(f),
            RequestError::Body(message) => write!(f, "cannot serialize the request body: {message}"),
            RequestError::Http(error) => write!(f, "invalid request: {error}"),
        }
    }
}

impl std::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RequestError::Path(error) => Some(error),
            RequestError::Http(error) => Some(error),
            RequestError::BaseUrl { .. } | RequestError::Body(_) => None,
        }
    }
}

impl From<PathError> for RequestError {
    fn from(error: PathError) -> Self {
        RequestError::Path(error)
    }
}

impl From<http::Error> for RequestError {
    fn from(error: http::Error) -> Self {
        RequestError::Http(error)
    }
}
