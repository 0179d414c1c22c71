//! Native tests of the session binding: envelopes for edits, errors and bad options.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::*;
use crate::api::validate_envelope;
use serde_json::Value;

const SEED: &str = include_str!("../../../seeds/2013-14/report.json");
const STATUS: &str = "/pillars/0/objectives/0/tasks/0/deliverables/0/status";

fn parse(envelope: &str) -> Value {
    serde_json::from_str(envelope).expect("envelope is JSON")
}

#[test]
fn edits_return_what_validate_returns_for_the_text() {
    let mut h = SessionHandle::create(SEED, r#"{"lang": "fr"}"#);
    assert_eq!(
        parse(&h.diagnostics_envelope()),
        parse(&validate_envelope(SEED, r#"{"lang": "fr"}"#))
    );
    let after = parse(&h.set_envelope(STATUS, r#""finished""#));
    let text = parse(&h.text_envelope())["ok"].as_str().unwrap().to_owned();
    assert!(text.contains(r#""status": "finished""#));
    assert_eq!(after, parse(&validate_envelope(&text, r#"{"lang": "fr"}"#)));
    assert!(after["ok"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "P006" && d["message"].as_str().unwrap().contains("statut")));
    let removed = parse(&h.remove_envelope(STATUS));
    let text = parse(&h.text_envelope())["ok"].as_str().unwrap().to_owned();
    assert_eq!(
        removed,
        parse(&validate_envelope(&text, r#"{"lang": "fr"}"#))
    );
    assert!(removed["ok"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "P007"));
}

#[test]
fn refused_edits_are_invalid_edit_with_kind_and_pointer() {
    let mut h = SessionHandle::create(SEED, "");
    let before = h.text_envelope();
    let e = parse(&h.set_envelope("/nope/x", "1"));
    assert_eq!(e["error"]["code"], "invalid-edit");
    assert_eq!(e["error"]["details"]["kind"], "missing-parent");
    assert_eq!(e["error"]["details"]["pointer"], "/nope/x");
    assert_eq!(
        e["error"]["message"],
        "cannot edit `/nope/x`: `/nope` does not exist"
    );
    let e = parse(&h.remove_envelope(""));
    assert_eq!(e["error"]["details"]["kind"], "remove-root");
    let e = parse(&h.set_envelope(STATUS, "{not json"));
    assert_eq!(e["error"]["code"], "invalid-argument");
    assert_eq!(h.text_envelope(), before);
    // French options give French errors.
    let mut fr = SessionHandle::create(SEED, r#"{"lang": "fr"}"#);
    let e = parse(&fr.set_envelope("/nope/x", "1"));
    assert!(e["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("impossible de modifier"));
}

#[test]
fn bad_options_make_a_handle_that_reports_them() {
    let mut h = SessionHandle::create(SEED, r#"{"rules": {"P999": "off"}}"#);
    for envelope in [
        h.diagnostics_envelope(),
        h.text_envelope(),
        h.set_envelope(STATUS, "1"),
        h.remove_envelope(STATUS),
    ] {
        assert_eq!(
            parse(&envelope)["error"]["code"],
            "invalid-options",
            "{envelope}"
        );
    }
    assert!(h.session().is_err());
}

#[test]
fn broken_text_gets_diagnostics_and_unreadable_edits() {
    let mut h = SessionHandle::create("{\"a\": ", "");
    assert_eq!(parse(&h.diagnostics_envelope())["ok"][0]["code"], "S003");
    let e = parse(&h.set_envelope("/a", "1"));
    assert_eq!(e["error"]["details"]["kind"], "unreadable");
    assert_eq!(e["error"]["details"]["pointer"], Value::Null);
}

#[test]
fn lines_false_leaves_lines_out_of_messages() {
    let mut h = SessionHandle::create(SEED, r#"{"lines": false}"#);
    let after = parse(&h.set_envelope("/statistics/trp/cumulative/male", "29"));
    let r001: Vec<&Value> = after["ok"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "R001")
        .collect();
    assert_eq!(
        r001[0]["message"],
        "male 29 + female 68 + minor_dependents 6 = 103, but recipients is 102: off by 1"
    );
    assert_eq!(r001[0]["related"].as_array().unwrap().len(), 4);
    assert!(r001[0]["line"].as_u64().unwrap() > 1, "positions stay");
}
