//! `validateSubmission(submission, base, options?)`: one department's submission checked
//! against the coordinator's base, with the other departments' submissions the form has
//! loaded (`options.others`), so that A findings that need them (A001) appear once they
//! are there. Plain Rust like [`crate::api`], tested natively; `bindings.rs` exports it.

use crate::api::{envelope, linter_for, ApiError, ErrorCode, Options, WasmDiagnostic};
use naplint::submission::{SetError, SetFile};
use naplint::Diagnostic;

/// The submission's diagnostics, located in the submission's text.
///
/// `options` is `validate`'s options plus `others`: the texts of other departments'
/// submissions.
///
/// # Errors
/// `invalid-options` for bad options, `invalid-argument` when `base` is not a base
/// (`kind: base`).
pub fn validate_submission(
    submission: &str,
    base: &str,
    options: &str,
) -> Result<Vec<Diagnostic>, ApiError> {
    let (others, rest) = split_options(options)?;
    let options = Options::parse(&rest)?;
    let linter = linter_for(options.config()?)?;
    let names: Vec<String> = (0..others.len()).map(|i| format!("others[{i}]")).collect();
    let other_files: Vec<SetFile<'_>> = others
        .iter()
        .zip(&names)
        .map(|(text, name)| SetFile {
            name,
            text,
            format: options.format_for(text),
        })
        .collect();
    let result = linter.check_submission(
        SetFile {
            name: "submission",
            text: submission,
            format: options.format_for(submission),
        },
        SetFile {
            name: "base",
            text: base,
            format: options.format_for(base),
        },
        &other_files,
    );
    result.map_err(|e| {
        let message = match e {
            SetError::NoBase => format!("base: {}", e.message(linter.config().lang)),
            SetError::SeveralBases(_) => e.message(linter.config().lang),
        };
        ApiError {
            code: ErrorCode::InvalidArgument,
            message,
            details: None,
        }
    })
}

/// Takes `others` (an array of texts) out of the options, leaving `validate`'s options.
fn split_options(options: &str) -> Result<(Vec<String>, String), ApiError> {
    let trimmed = options.trim();
    if trimmed.is_empty() || trimmed == "null" {
        return Ok((Vec::new(), String::new()));
    }
    let mut value: serde_json::Value = serde_json::from_str(trimmed)
        .map_err(|e| ApiError::options(format!("options are not JSON: {e}")))?;
    let others = match value.as_object_mut().and_then(|o| o.remove("others")) {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| match item {
                serde_json::Value::String(s) => Ok(s),
                _ => Err(ApiError::options(format!(
                    "options: others[{i}] must be a submission's text"
                ))),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(ApiError::options(
                "options: `others` must be an array of submissions",
            ))
        }
    };
    Ok((others, value.to_string()))
}

/// [`validate_submission`] as an envelope of `WasmDiagnostic`s.
#[must_use]
pub fn validate_submission_envelope(submission: &str, base: &str, options: &str) -> String {
    match validate_submission(submission, base, options) {
        Ok(ds) => envelope(Ok::<_, ApiError>(
            ds.iter().map(WasmDiagnostic::from).collect::<Vec<_>>(),
        )),
        Err(e) => envelope(Err::<(), _>(e)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    const BASE: &str = include_str!("../../tests/fixtures/A001/pass/base.yaml");
    const PS: &str = include_str!("../../tests/fixtures/A001/pass/ps.yaml");
    const JUS: &str = include_str!("../../tests/fixtures/A001/fail/jus.yaml");

    fn codes(v: &serde_json::Value) -> Vec<&str> {
        v["ok"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect()
    }

    #[test]
    fn a_valid_submission_alone_has_no_finding() {
        let out: serde_json::Value =
            serde_json::from_str(&validate_submission_envelope(PS, BASE, "")).unwrap();
        assert_eq!(codes(&out), Vec::<&str>::new(), "{out}");
    }

    #[test]
    fn a_co_lead_conflict_appears_once_the_other_submission_is_loaded() {
        let alone: serde_json::Value =
            serde_json::from_str(&validate_submission_envelope(PS, BASE, "{}")).unwrap();
        assert!(!codes(&alone).contains(&"A001"));
        let options = serde_json::json!({ "others": [JUS] }).to_string();
        let out: serde_json::Value =
            serde_json::from_str(&validate_submission_envelope(PS, BASE, &options)).unwrap();
        assert_eq!(codes(&out), vec!["A001"], "{out}");
        let d = &out["ok"][0];
        assert_eq!(d["pointer"], "/deliverables/0/status");
        assert_eq!(d["line"], 6);
        assert_eq!(d["related"][0], "others[0]#/deliverables/0/status");
        assert!(d["column_utf16"].as_u64().unwrap() > 1);
    }

    #[test]
    fn findings_of_the_assembled_report_are_located_in_the_submission() {
        let broken = PS.replace("status: ongoing", "status: Completed");
        let out: serde_json::Value =
            serde_json::from_str(&validate_submission_envelope(&broken, BASE, "")).unwrap();
        let d = &out["ok"][0];
        assert_eq!(d["code"], "P006", "{out}");
        assert_eq!(d["pointer"], "/deliverables/0/status");
        assert_eq!(d["line"], 6);
        assert_eq!(d["fix"]["value"], "complete");
    }

    #[test]
    fn french_messages_and_bad_arguments() {
        let wrong = PS.replace("fiscal_year: 2013/14", "fiscal_year: 2012/13");
        let out: serde_json::Value = serde_json::from_str(&validate_submission_envelope(
            &wrong,
            BASE,
            r#"{"lang": "fr"}"#,
        ))
        .unwrap();
        assert_eq!(out["ok"][0]["code"], "A006", "{out}");
        assert!(out["ok"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("la soumission porte sur l'exercice"));
        let out = validate_submission_envelope(PS, PS, "");
        assert!(
            out.starts_with(r#"{"error":{"code":"invalid-argument","message":"base: "#),
            "{out}"
        );
        let out = validate_submission_envelope(PS, BASE, r#"{"others": [1]}"#);
        assert!(
            out.starts_with(r#"{"error":{"code":"invalid-options""#),
            "{out}"
        );
        let out = validate_submission_envelope(PS, BASE, r#"{"bogus": 1}"#);
        assert!(
            out.starts_with(r#"{"error":{"code":"invalid-options""#),
            "{out}"
        );
    }

    #[test]
    fn a_truncated_submission_is_s003() {
        let out: serde_json::Value = serde_json::from_str(&validate_submission_envelope(
            "{\"kind\": \"submission\", \"department\": \"PS\"",
            BASE,
            "",
        ))
        .unwrap();
        assert_eq!(codes(&out), vec!["S003"], "{out}");
    }
}
