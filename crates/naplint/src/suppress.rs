//! Justified suppressions: a finding of a published report that is known and accepted
//! is listed with its code, pointer and reason (and optionally an expiry date) in a
//! baseline file beside the data, instead of turning its rule off. An expired or unused
//! suppression is itself reported, so the list cannot rot.

use crate::diagnostic::Diagnostic;
use crate::engine::Levels;
use crate::registry::{RuleInfo, RULES};
use crate::rules::structure::s005_unused_suppression::{UNUSED, UNUSED_HELP};
use crate::rules::structure::s006_expired_suppression::{EXPIRED, EXPIRED_HELP};

use serde::{Deserialize, Serialize};

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    /// The data file, relative to the baseline file; absent: every file beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub code: String,
    pub pointer: String,
    /// Why the finding is accepted; required.
    pub reason: String,
    /// Last day the suppression holds, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// What became of a suppression on a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// It matched a finding and hid it.
    Used,
    /// No finding matched: the problem was fixed, or the pointer moved.
    Unused,
    /// Past its expiry date: the finding shows again.
    Expired,
}

impl Suppression {
    /// Problems with the entry itself.
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.reason.trim().is_empty() {
            out.push(format!(
                "suppression of `{}` at `{}` has no reason",
                self.code, self.pointer
            ));
        }
        if let Some(e) = &self.expires {
            if crate::model::date_bounds(e).is_none() || e.len() != 10 {
                out.push(format!("expiry `{e}` is not a date `YYYY-MM-DD`"));
            }
        }
        out
    }

    fn expired(&self, today: &str) -> bool {
        self.expires.as_deref().is_some_and(|e| e < today)
    }
}

/// Removes the findings that live suppressions cover; `today` is `YYYY-MM-DD` (the core
/// has no clock, so the caller passes it). Returns the remaining findings and the state
/// of each suppression, in order.
#[must_use]
pub fn apply(
    diagnostics: Vec<Diagnostic>,
    suppressions: &[&Suppression],
    today: &str,
) -> (Vec<Diagnostic>, Vec<State>) {
    let mut states: Vec<State> = suppressions
        .iter()
        .map(|s| {
            if s.expired(today) {
                State::Expired
            } else {
                State::Unused
            }
        })
        .collect();
    let kept = diagnostics
        .into_iter()
        .filter(|d| {
            let hit = suppressions
                .iter()
                .position(|s| !s.expired(today) && s.code == d.code && s.pointer == d.pointer);
            if let Some(state) = hit.and_then(|i| states.get_mut(i)) {
                *state = State::Used;
            }
            hit.is_none()
        })
        .collect();
    (kept, states)
}

/// The baseline's own findings: S005 for an entry that applied to a checked file but hid
/// nothing, S006 for an expired one, each at its `[[suppress]]` line of `text`.
#[must_use]
pub fn diagnostics(
    text: &str,
    entries: &[Suppression],
    states: &[(bool, Option<State>)],
    config: &crate::Config,
) -> Vec<Diagnostic> {
    // Each `[[suppress]]` header: its byte offset and its 1-based line.
    let starts: Vec<(usize, usize)> = text
        .match_indices("[[suppress]]")
        .map(|(i, _)| (i, text.get(..i).map_or(0, |t| t.matches('\n').count()) + 1))
        .collect();
    let infos: Vec<RuleInfo> = RULES
        .iter()
        .map(|r| RuleInfo::localized(r, config.lang))
        .collect();
    let levels = Levels::resolve(config, &infos);
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let args = [
            ("code", e.code.as_str()),
            ("pointer", e.pointer.as_str()),
            ("date", e.expires.as_deref().unwrap_or_default()),
        ];
        let (code, message, help) = match states.get(i) {
            Some((true, Some(State::Unused))) => ("S005", UNUSED, UNUSED_HELP),
            Some((_, Some(State::Expired))) => ("S006", EXPIRED, EXPIRED_HELP),
            _ => continue,
        };
        let (message, help) = (message.render(config.lang, &args), help.get(config.lang));
        let Some((index, level)) = levels.get(code) else {
            continue;
        };
        let (Some(rule), Some(severity)) = (infos.get(index), level.severity(None)) else {
            continue;
        };
        let (offset, line) = starts.get(i).copied().unwrap_or((0, 1));
        out.push(Diagnostic {
            code: code.to_owned(),
            name: rule.name.clone(),
            severity,
            message,
            pointer: format!("/suppress/{i}"),
            line,
            column: 1,
            end_line: line,
            end_column: 13,
            help: Some(help.to_owned()),
            fix: None,
            related: Vec::new(),
            span: (offset, offset + "[[suppress]]".len()),
            related_spans: Vec::new(),
            utf16_columns: (1, 13),
        });
    }
    out
}
