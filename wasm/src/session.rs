//! Live form sessions across the boundary, as plain Rust (tested natively): the core's
//! [`naplint::session::Session`] behind envelopes. `bindings.rs` exports [`SessionHandle`]
//! as a wasm-bindgen class whose methods forward here; `npm/lib/api.js` wraps it into
//! `createSession(doc, options)`.
//!
//! A handle is created whatever the options: when they are bad it holds the error, and
//! every method returns that error envelope, so creation never throws inside WASM.

use crate::api::{envelope, prepare, ApiError, ErrorCode, WasmDiagnostic};
use naplint::session::{EditError, Session};
use naplint::{Diagnostic, Linter};
use std::rc::Rc;

/// What [`SessionHandle::set_reply`] and [`SessionHandle::remove_reply`] return when the
/// edit left the diagnostics as the previous reply gave them (in their JSON shape): most
/// keystrokes in a form. The JavaScript wrapper then answers with a copy of the list it
/// parsed last, so the diagnostics are neither serialised here nor parsed there again.
/// Never an envelope (those start with `{`).
pub const UNCHANGED: &str = "unchanged";

/// A session (or why it could not be made).
#[derive(Debug)]
pub struct SessionHandle {
    session: Result<Session<Rc<Linter>>, ApiError>,
    /// The diagnostics of the last reply (equal, in their JSON shape, to the session's
    /// after every call: an edit either keeps them or replaces them here; a refused edit
    /// changes nothing).
    reported: Vec<Diagnostic>,
}

fn diagnostics_of(ds: &[Diagnostic]) -> String {
    envelope(Ok::<_, ApiError>(
        ds.iter().map(WasmDiagnostic::from).collect::<Vec<_>>(),
    ))
}

/// Whether two diagnostics serialise to the same [`WasmDiagnostic`]: every field of the
/// JSON shape, but not the byte spans, which move with any edit before them and are not
/// part of it. The destructuring names every field, so a field added to `Diagnostic`
/// does not compile here until it is sorted into one group or the other.
fn same_json(a: &Diagnostic, b: &Diagnostic) -> bool {
    let Diagnostic {
        code,
        name,
        severity,
        message,
        pointer,
        line,
        column,
        end_line,
        end_column,
        help,
        fix,
        related,
        span: _,
        related_spans: _,
        utf16_columns,
    } = a;
    *code == b.code
        && *line == b.line
        && *column == b.column
        && *end_line == b.end_line
        && *end_column == b.end_column
        && *utf16_columns == b.utf16_columns
        && *pointer == b.pointer
        && *severity == b.severity
        && *message == b.message
        && *name == b.name
        && *help == b.help
        && *fix == b.fix
        && *related == b.related
}

fn same_diagnostics(a: &[Diagnostic], b: &[Diagnostic]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_json(x, y))
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

/// Whether a reply carries every diagnostic or may be [`UNCHANGED`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reply {
    Full,
    Delta,
}

impl SessionHandle {
    /// A session on `doc` (JSON or YAML text, as `options.format` says or sniffed).
    #[must_use]
    pub fn create(doc: &str, options: &str) -> Self {
        let session = prepare(options).map(|p| {
            let format = p.format_for(doc);
            Session::new(p.linter, doc, format)
        });
        let reported = session
            .as_ref()
            .map(|s| s.diagnostics().to_vec())
            .unwrap_or_default();
        Self { session, reported }
    }

    /// The session, or the error it was created with.
    ///
    /// # Errors
    /// The options error of [`SessionHandle::create`].
    pub fn session(&self) -> Result<&Session<Rc<Linter>>, &ApiError> {
        self.session.as_ref()
    }

    fn live(&mut self) -> Result<&mut Session<Rc<Linter>>, ApiError> {
        self.session.as_mut().map_err(|e| e.clone())
    }

    fn apply_set(&mut self, pointer: &str, value: &str) -> Result<(), ApiError> {
        let session = self.live()?;
        let value: serde_json::Value = serde_json::from_str(value).map_err(|e| ApiError {
            code: ErrorCode::InvalidArgument,
            message: format!("value is not JSON: {e}"),
            details: None,
        })?;
        match session.set(pointer, &value) {
            Ok(_) => Ok(()),
            Err(e) => Err(edit_error(&e, session.linter())),
        }
    }

    fn apply_remove(&mut self, pointer: &str) -> Result<(), ApiError> {
        let session = self.live()?;
        match session.remove(pointer) {
            Ok(_) => Ok(()),
            Err(e) => Err(edit_error(&e, session.linter())),
        }
    }

    fn current(&self) -> &[Diagnostic] {
        self.session.as_ref().map_or(&[], |s| s.diagnostics())
    }

    /// Sets the value (given as JSON text) at `pointer`.
    ///
    /// # Errors
    /// `invalid-argument` when `value` is not JSON, `invalid-edit` when the document
    /// cannot take the edit, or the creation error.
    pub fn set(&mut self, pointer: &str, value: &str) -> Result<&[Diagnostic], ApiError> {
        self.apply_set(pointer, value)?;
        Ok(self.current())
    }

    /// Removes the value at `pointer`.
    ///
    /// # Errors
    /// `invalid-edit` when there is nothing to remove, or the creation error.
    pub fn remove(&mut self, pointer: &str) -> Result<&[Diagnostic], ApiError> {
        self.apply_remove(pointer)?;
        Ok(self.current())
    }

    /// [`SessionHandle::set`] as an envelope of diagnostics.
    #[must_use]
    pub fn set_envelope(&mut self, pointer: &str, value: &str) -> String {
        let outcome = self.apply_set(pointer, value);
        self.reply(outcome, Reply::Full)
    }

    /// [`SessionHandle::remove`] as an envelope of diagnostics.
    #[must_use]
    pub fn remove_envelope(&mut self, pointer: &str) -> String {
        let outcome = self.apply_remove(pointer);
        self.reply(outcome, Reply::Full)
    }

    /// [`SessionHandle::set_envelope`], or [`UNCHANGED`] when the diagnostics are those of
    /// the previous reply: what the wasm-bindgen class returns.
    #[must_use]
    pub fn set_reply(&mut self, pointer: &str, value: &str) -> String {
        let outcome = self.apply_set(pointer, value);
        self.reply(outcome, Reply::Delta)
    }

    /// [`SessionHandle::remove_envelope`], or [`UNCHANGED`] as for
    /// [`SessionHandle::set_reply`].
    #[must_use]
    pub fn remove_reply(&mut self, pointer: &str) -> String {
        let outcome = self.apply_remove(pointer);
        self.reply(outcome, Reply::Delta)
    }

    /// The reply to an edit once applied or refused: the error (the session is as it
    /// was), [`UNCHANGED`], or the diagnostics, which become the reported ones.
    fn reply(&mut self, outcome: Result<(), ApiError>, mode: Reply) -> String {
        if let Err(e) = outcome {
            return envelope(Err::<(), _>(e));
        }
        let now = match &self.session {
            Ok(session) => session.diagnostics(),
            Err(e) => return envelope(Err::<(), _>(e.clone())),
        };
        let same = same_diagnostics(now, &self.reported);
        if same && mode == Reply::Delta {
            return UNCHANGED.to_owned();
        }
        let text = diagnostics_of(now);
        if !same {
            self.reported.clear();
            self.reported.extend_from_slice(now);
        }
        text
    }

    /// The current diagnostics as an envelope (the creation error, if any).
    #[must_use]
    pub fn diagnostics_envelope(&self) -> String {
        match &self.session {
            Ok(s) => diagnostics_of(s.diagnostics()),
            Err(e) => envelope(Err::<(), _>(e.clone())),
        }
    }

    /// The current text as an envelope.
    #[must_use]
    pub fn text_envelope(&self) -> String {
        envelope(
            self.session
                .as_ref()
                .map(Session::text)
                .map_err(Clone::clone),
        )
    }
}

#[cfg(test)]
mod tests;
