//! Live form sessions across the boundary, as plain Rust (tested natively): the core's
//! [`naplint::session::Session`] behind envelopes. `bindings.rs` exports [`SessionHandle`]
//! as a wasm-bindgen class whose methods forward here; `npm/lib/api.js` wraps it into
//! `createSession(doc, options)`.
//!
//! A handle is created whatever the options: when they are bad it holds the error, and
//! every method returns that error envelope, so creation never throws inside WASM.
//!
//! What crosses the boundary per edit is proportional to what changed, not to the number
//! of diagnostics: an edit that changes none answers [`UNCHANGED`], and one that does
//! answers a *delta*, `{"keep": [[at, from, to], ...], "ok": [diagnostic, ...]}`: the new
//! list has the last reply's diagnostics `from..to` (identical in every field of the JSON
//! shape) at positions `at..`, and the diagnostics of `ok`, in full and in order, at every
//! other position. `ok` is written as `validate`'s envelope is, so the module has one
//! serialisation of a diagnostic; a full envelope is a delta with nothing kept, and
//! `npm/lib/api.js` reads both. The list rebuilt has `validate`'s shape and order.

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
    /// changes nothing). Only compared, never serialised: a kept one may have an older
    /// byte span than the session's.
    reported: Vec<Diagnostic>,
}

/// How many of the last reply's diagnostics, from the first not yet matched, are looked
/// through for one of the new list (the findings an edit removed at one place, plus one).
/// The lists are in document order, so an edit's findings come and go together; a run of
/// more removed findings than this only sends the rest in full. It bounds the comparisons
/// at `LOOKAHEAD` per diagnostic, whatever the edit.
const LOOKAHEAD: usize = 16;

fn diagnostics_of(ds: &[Diagnostic]) -> String {
    envelope(Ok::<_, ApiError>(
        ds.iter().map(WasmDiagnostic::from).collect::<Vec<_>>(),
    ))
}

/// Whether two diagnostics serialise to the same [`WasmDiagnostic`]: every field of the
/// JSON shape, but not the byte spans, which move with any edit before them and are not
/// part of it. The destructuring names every field, so a field added to `Diagnostic`
/// does not compile here until it is sorted into one group or the other. The numbers are
/// compared first: most pairs that differ differ there.
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
    *line == b.line
        && *column == b.column
        && *end_line == b.end_line
        && *end_column == b.end_column
        && *utf16_columns == b.utf16_columns
        && *code == b.code
        && *pointer == b.pointer
        && *severity == b.severity
        && *message == b.message
        && *name == b.name
        && *help == b.help
        && *fix == b.fix
        && *related == b.related
}

/// For each diagnostic of `now`, the index of an identical one in `before`, or `None`:
/// a greedy walk in document order (the matched indices increase), each looking at most
/// [`LOOKAHEAD`] diagnostics ahead, so linear in the lists.
fn matches(now: &[Diagnostic], before: &[Diagnostic]) -> Vec<Option<usize>> {
    let mut next = 0;
    let mut out = Vec::with_capacity(now.len());
    for d in now {
        let ahead = before.get(next..).unwrap_or_default();
        let found = ahead.iter().take(LOOKAHEAD).position(|b| same_json(d, b));
        if let Some(k) = found {
            next += k + 1;
        }
        out.push(found.map(|_| next - 1));
    }
    out
}

/// Whether `matches` kept every diagnostic of `before`, in place.
fn all_kept(matched: &[Option<usize>], before: &[Diagnostic]) -> bool {
    matched.len() == before.len() && matched.iter().enumerate().all(|(i, m)| *m == Some(i))
}

/// The delta reply (the module's documentation above): the runs of kept diagnostics,
/// written as they close, and the others as the envelope `validate` writes (so the
/// module has one serialisation of a diagnostic, not a second for the delta).
fn delta_envelope(now: &[Diagnostic], matched: &[Option<usize>]) -> String {
    use std::fmt::Write as _;
    let mut head = String::from(r#"{"keep":["#);
    let mut sent = Vec::new();
    // The open run: where it goes in `now`, and the last reply's `from..to`.
    let mut run: Option<(usize, usize, usize)> = None;
    for (i, (d, m)) in now.iter().zip(matched).enumerate() {
        match (*m, &mut run) {
            (Some(k), Some((_, _, to))) if *to == k => *to = k + 1,
            (m, open) => {
                if let Some((at, from, to)) = open.take() {
                    let _ = write!(head, "[{at},{from},{to}],");
                }
                match m {
                    Some(k) => run = Some((i, k, k + 1)),
                    None => sent.push(WasmDiagnostic::from(d)),
                }
            }
        }
    }
    if let Some((at, from, to)) = run {
        let _ = write!(head, "[{at},{from},{to}],");
    }
    if head.ends_with(',') {
        head.pop();
    }
    head.push_str("],");
    let body = envelope(Ok::<_, ApiError>(sent));
    head.push_str(body.get(1..).unwrap_or_default());
    head
}

/// `reported` becomes `now`: the kept diagnostics move over (their increasing indices let
/// one pass do it), and only the others are cloned.
fn report(reported: &mut Vec<Diagnostic>, now: &[Diagnostic], matched: &[Option<usize>]) {
    let mut before = std::mem::take(reported).into_iter();
    let mut next = 0;
    reported.reserve(now.len());
    for (d, m) in now.iter().zip(matched) {
        let kept = m.and_then(|k| {
            let skip = k - next;
            next = k + 1;
            before.nth(skip)
        });
        reported.push(kept.unwrap_or_else(|| d.clone()));
    }
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

/// Whether a reply carries every diagnostic in full or may be [`UNCHANGED`] or a delta.
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

    /// [`SessionHandle::set_envelope`] as a delta of the previous reply, or [`UNCHANGED`]
    /// when the diagnostics are those of the previous reply: what the wasm-bindgen class
    /// returns.
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
    /// was), [`UNCHANGED`], or the diagnostics (a delta, or all in full), which become
    /// the reported ones.
    fn reply(&mut self, outcome: Result<(), ApiError>, mode: Reply) -> String {
        if let Err(e) = outcome {
            return envelope(Err::<(), _>(e));
        }
        let now = match &self.session {
            Ok(session) => session.diagnostics(),
            Err(e) => return envelope(Err::<(), _>(e.clone())),
        };
        let matched = matches(now, &self.reported);
        if all_kept(&matched, &self.reported) {
            return match mode {
                Reply::Delta => UNCHANGED.to_owned(),
                Reply::Full => diagnostics_of(now),
            };
        }
        let text = match mode {
            Reply::Delta => delta_envelope(now, &matched),
            Reply::Full => diagnostics_of(now),
        };
        report(&mut self.reported, now, &matched);
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
