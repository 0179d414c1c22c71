//! Live form sessions across the boundary, as plain Rust (tested natively): the core's
//! [`naplint::session::Session`] behind envelopes. `bindings.rs` exports [`SessionHandle`]
//! as a wasm-bindgen class whose methods forward here; `npm/lib/api.js` wraps it into
//! `createSession(doc, options)`.
//!
//! A handle is created whatever the options: when they are bad it holds the error, and
//! every method returns that error envelope, so creation never throws inside WASM.

use crate::api::{envelope, linter_for, ApiError, ErrorCode, Options, WasmDiagnostic};
use naplint::session::{EditError, Session};
use naplint::{Diagnostic, Linter};
use std::rc::Rc;

/// A session (or why it could not be made).
#[derive(Debug)]
pub struct SessionHandle(Result<Session<Rc<Linter>>, ApiError>);

fn diagnostics_of(ds: &[Diagnostic]) -> String {
    envelope(Ok::<_, ApiError>(
        ds.iter().map(WasmDiagnostic::from).collect::<Vec<_>>(),
    ))
}

fn edit_error(e: &EditError, linter: &Linter) -> ApiError {
    let pointer = match e {
        EditError::InvalidPointer { pointer }
        | EditError::MissingParent { pointer, .. }
        | EditError::NotAContainer { pointer, .. }
        | EditError::NotAnIndex { pointer, .. }
        | EditError::IndexOutOfRange { pointer, .. }
        | EditError::NotFound { pointer }
        | EditError::Unsupported { pointer }
        | EditError::Rejected { pointer } => Some(pointer.clone()),
        EditError::RemoveRoot => Some(String::new()),
        EditError::Unreadable => None,
    };
    ApiError {
        code: ErrorCode::InvalidEdit,
        message: e.message(linter.config().lang),
        details: Some(serde_json::json!({ "kind": e.kind(), "pointer": pointer })),
    }
}

impl SessionHandle {
    /// A session on `doc` (JSON or YAML text, as `options.format` says or sniffed).
    #[must_use]
    pub fn create(doc: &str, options: &str) -> Self {
        Self(Options::parse(options).and_then(|options| {
            let linter = linter_for(options.config()?)?;
            Ok(Session::new(linter, doc, options.format_for(doc)))
        }))
    }

    /// The session, or the error it was created with.
    ///
    /// # Errors
    /// The options error of [`SessionHandle::create`].
    pub fn session(&self) -> Result<&Session<Rc<Linter>>, &ApiError> {
        self.0.as_ref()
    }

    /// Sets the value (given as JSON text) at `pointer`.
    ///
    /// # Errors
    /// `invalid-argument` when `value` is not JSON, `invalid-edit` when the document
    /// cannot take the edit, or the creation error.
    pub fn set(&mut self, pointer: &str, value: &str) -> Result<&[Diagnostic], ApiError> {
        let session = self.0.as_mut().map_err(|e| e.clone())?;
        let value: serde_json::Value = serde_json::from_str(value).map_err(|e| ApiError {
            code: ErrorCode::InvalidArgument,
            message: format!("value is not JSON: {e}"),
            details: None,
        })?;
        match session.set(pointer, &value) {
            Ok(_) => Ok(session.diagnostics()),
            Err(e) => Err(edit_error(&e, session.linter())),
        }
    }

    /// Removes the value at `pointer`.
    ///
    /// # Errors
    /// `invalid-edit` when there is nothing to remove, or the creation error.
    pub fn remove(&mut self, pointer: &str) -> Result<&[Diagnostic], ApiError> {
        let session = self.0.as_mut().map_err(|e| e.clone())?;
        match session.remove(pointer) {
            Ok(_) => Ok(session.diagnostics()),
            Err(e) => Err(edit_error(&e, session.linter())),
        }
    }

    /// [`SessionHandle::set`] as an envelope of diagnostics.
    #[must_use]
    pub fn set_envelope(&mut self, pointer: &str, value: &str) -> String {
        match self.set(pointer, value) {
            Ok(ds) => diagnostics_of(ds),
            Err(e) => envelope(Err::<(), _>(e)),
        }
    }

    /// [`SessionHandle::remove`] as an envelope of diagnostics.
    #[must_use]
    pub fn remove_envelope(&mut self, pointer: &str) -> String {
        match self.remove(pointer) {
            Ok(ds) => diagnostics_of(ds),
            Err(e) => envelope(Err::<(), _>(e)),
        }
    }

    /// The current diagnostics as an envelope (the creation error, if any).
    #[must_use]
    pub fn diagnostics_envelope(&self) -> String {
        match &self.0 {
            Ok(s) => diagnostics_of(s.diagnostics()),
            Err(e) => envelope(Err::<(), _>(e.clone())),
        }
    }

    /// The current text as an envelope.
    #[must_use]
    pub fn text_envelope(&self) -> String {
        envelope(self.0.as_ref().map(Session::text).map_err(Clone::clone))
    }
}

#[cfg(test)]
mod tests;
