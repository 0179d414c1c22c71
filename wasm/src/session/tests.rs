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

/// What a reply means for the caller that keeps the previous one (as `npm/lib/api.js`
/// does): the previous diagnostics for [`UNCHANGED`], a delta's kept runs taken from them
/// and the rest from its `ok`, a full envelope or an error as it is.
fn replied(reply: &str, previous: &Value) -> Value {
    if reply == UNCHANGED {
        return previous.clone();
    }
    let value = parse(reply);
    let Some(keep) = value["keep"].as_array() else {
        return value;
    };
    let before = previous["ok"].as_array().unwrap();
    let mut sent = value["ok"].as_array().unwrap().iter();
    let mut out = Vec::new();
    for run in keep {
        let n = |i: usize| usize::try_from(run[i].as_u64().unwrap()).unwrap();
        let (at, from, to) = (n(0), n(1), n(2));
        assert!(at >= out.len() && from < to, "a bad run in {reply}");
        while out.len() < at {
            out.push(sent.next().unwrap().clone());
        }
        out.extend_from_slice(&before[from..to]);
    }
    out.extend(sent.cloned());
    serde_json::json!({ "ok": out })
}

/// How many diagnostics a delta reply keeps, and how many it sends in full.
fn kept_and_sent(reply: &str) -> (u64, usize) {
    let value = parse(reply);
    let kept = value["keep"]
        .as_array()
        .unwrap()
        .iter()
        .map(|run| run[2].as_u64().unwrap() - run[1].as_u64().unwrap())
        .sum();
    (kept, value["ok"].as_array().unwrap().len())
}

#[test]
fn replies_say_unchanged_only_when_the_diagnostics_are_those_of_the_last_reply() {
    const MALE: &str = "/statistics/trp/cumulative/male";
    let options = r#"{"lines": false}"#;
    let mut h = SessionHandle::create(SEED, options);
    let mut last = parse(&h.diagnostics_envelope());
    let check = |h: &SessionHandle, got: &Value| {
        let text = parse(&h.text_envelope())["ok"].as_str().unwrap().to_owned();
        assert_eq!(*got, parse(&validate_envelope(&text, options)));
        assert_eq!(*got, parse(&h.diagnostics_envelope()));
    };

    // A figure mistyped: R001 appears, so the whole list comes back.
    let reply = h.set_reply(MALE, "29");
    assert_ne!(reply, UNCHANGED);
    last = replied(&reply, &last);
    assert!(last["ok"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "R001"));
    check(&h, &last);
    // The same again, and a longer title on a line of its own: byte spans after it move,
    // lines and columns do not.
    for (pointer, value) in [
        (MALE, "29"),
        (
            "/report/title",
            r#""2013-2014 Annual Report on Progress, revised""#,
        ),
    ] {
        let reply = h.set_reply(pointer, value);
        assert_eq!(reply, UNCHANGED, "{pointer}");
        check(&h, &last);
    }
    // A refused edit is an error and leaves the reported diagnostics as they were.
    let refused = parse(&h.set_reply("/nope/x", "1"));
    assert_eq!(refused["error"]["code"], "invalid-edit");
    assert_eq!(
        h.remove_reply("/nope"),
        parse_error_envelope(&h.remove_envelope("/nope"))
    );
    assert_eq!(h.set_reply(MALE, "29"), UNCHANGED);
    // Corrected: R001 goes, and the reply says so.
    let reply = h.set_reply(MALE, "28");
    assert_ne!(reply, UNCHANGED);
    last = replied(&reply, &last);
    assert!(!last["ok"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "R001"));
    check(&h, &last);
    // A new member on a line of its own moves every later finding down a line: same
    // codes, other lines, so the whole list again.
    let before: Vec<Value> = last["ok"].as_array().unwrap().clone();
    let reply = h.set_reply("/report/edition_note", r#""draft""#);
    assert_ne!(reply, UNCHANGED);
    last = replied(&reply, &last);
    check(&h, &last);
    assert_ne!(last["ok"].as_array().unwrap(), &before);
    // Removing it brings the first lines back.
    let reply = h.remove_reply("/report/edition_note");
    assert_ne!(reply, UNCHANGED);
    last = replied(&reply, &last);
    check(&h, &last);
    assert_eq!(last["ok"].as_array().unwrap(), &before);
    // A full envelope (`set_envelope`) is always whole, and counts as a reply.
    let whole = parse(&h.set_envelope(MALE, "28"));
    assert_eq!(whole, last);
    assert_eq!(h.set_reply(MALE, "28"), UNCHANGED);
}

/// A refusal's envelope as text (the same for `remove_reply` and `remove_envelope`).
fn parse_error_envelope(envelope: &str) -> String {
    assert!(parse(envelope)["error"].is_object(), "{envelope}");
    envelope.to_owned()
}

#[test]
fn replies_of_a_handle_with_bad_options_are_its_error() {
    let mut h = SessionHandle::create(SEED, r#"{"rules": {"P999": "off"}}"#);
    for reply in [h.set_reply(STATUS, "1"), h.remove_reply(STATUS)] {
        assert_eq!(parse(&reply)["error"]["code"], "invalid-options", "{reply}");
    }
}

#[test]
fn delta_replies_send_only_the_diagnostics_that_changed() {
    const MALE: &str = "/statistics/trp/cumulative/male";
    const D0: &str = "/pillars/0/objectives/0/tasks/0/deliverables/0";
    const NEW: &str = "/pillars/0/objectives/0/tasks/0/deliverables/15";
    let options = r#"{"lines": false}"#;
    let compact = serde_json::from_str::<Value>(SEED).unwrap().to_string();
    let status = format!("{D0}/status");
    let start = format!("{D0}/start");
    let new_status = format!("{NEW}/status");
    // (edit, value or None to remove, kept, sent in full): the seed has 9 findings.
    let edits: [(&str, Option<&str>, u64, usize); 10] = [
        // R001 appears: one finding inserted among the seed's 9.
        (MALE, Some("29"), 9, 1),
        // P005 appears at the first deliverable, between others.
        (&start, Some(r#""2013-14""#), 10, 1),
        // R001 goes: nothing to send.
        (MALE, Some("28"), 10, 0),
        (&status, Some(r#""finished""#), 10, 1),
        // A new deliverable on lines of its own: the findings before it are kept, those
        // after it moved down and are sent again.
        (
            NEW,
            Some(
                r#"{"id": "1.11.99", "text": "A new deliverable", "start": "2012/13", "status": "ongoing", "leads": ["PS"]}"#,
            ),
            7,
            4,
        ),
        (&new_status, Some(r#""finished""#), 11, 1),
        (NEW, None, 7, 4),
        // An unknown member in `/report`: a finding the model cannot get past, so
        // only three findings, none of them kept.
        ("/report/edition_note", Some(r#""draft""#), 0, 3),
        ("/report/edition_note", None, 0, 11),
        // The whole document on one line: every position moves, nothing is kept.
        ("", Some(&compact), 0, 9),
    ];
    let mut h = SessionHandle::create(SEED, options);
    let mut last = parse(&h.diagnostics_envelope());
    for (pointer, value, kept, sent) in edits {
        let reply = match value {
            Some(v) => h.set_reply(pointer, v),
            None => h.remove_reply(pointer),
        };
        last = replied(&reply, &last);
        let text = parse(&h.text_envelope())["ok"].as_str().unwrap().to_owned();
        assert_eq!(
            last,
            parse(&validate_envelope(&text, options)),
            "{pointer}: {reply}"
        );
        assert_eq!(kept_and_sent(&reply), (kept, sent), "{pointer}: {reply}");
        // The next reply is relative to this one: the same edit again changes nothing.
        let again = match value {
            Some(v) => h.set_reply(pointer, v),
            None => h.remove_reply(pointer),
        };
        if value.is_some() {
            assert_eq!(again, UNCHANGED, "{pointer}");
        } else {
            assert_eq!(parse(&again)["error"]["code"], "invalid-edit", "{pointer}");
        }
    }
}

#[test]
fn a_delta_keeps_runs_and_a_full_envelope_is_a_delta_with_nothing_kept() {
    let mut h = SessionHandle::create(SEED, "");
    let reply = h.set_reply("/statistics/trp/cumulative/male", "29");
    let value = parse(&reply);
    // The 9 kept findings come as runs around the new one, not one by one, and the new
    // one in full, in `validate`'s shape.
    let keep = value["keep"].as_array().unwrap();
    assert!(!keep.is_empty() && keep.len() <= 2, "{reply}");
    assert!(keep
        .iter()
        .all(|r| r.as_array().is_some_and(|r| r.len() == 3)));
    assert_eq!(value["ok"].as_array().unwrap().len(), 1, "{reply}");
    assert_eq!(value["ok"][0]["code"], "R001");
    assert!(value["ok"][0]["column_utf16"].is_u64());
    // A full envelope has no `keep`: it reads as a delta with nothing kept.
    let full = parse(&h.diagnostics_envelope());
    assert!(full.get("keep").is_none());
    assert_eq!(
        replied(&h.diagnostics_envelope(), &serde_json::json!({ "ok": [] })),
        full
    );
}

#[test]
fn matching_looks_a_bounded_way_ahead() {
    let seed = naplint::Linter::new(naplint::Config::default())
        .unwrap()
        .check(SEED, naplint::SourceFormat::Json);
    assert!(seed.len() >= 3);
    // Every diagnostic of a list matches itself.
    let same = matches(&seed, &seed);
    assert!(all_kept(&same, &seed));
    // A removed diagnostic is skipped; nothing matches in an empty list.
    let fewer: Vec<Diagnostic> = seed.iter().skip(1).cloned().collect();
    let m = matches(&fewer, &seed);
    assert_eq!(m.first(), Some(&Some(1)));
    assert!(!all_kept(&m, &seed));
    assert!(matches(&seed, &[]).iter().all(Option::is_none));
    // More than LOOKAHEAD findings removed before one that stays: it is sent in full.
    let mut many: Vec<Diagnostic> = std::iter::repeat_n(seed[0].clone(), LOOKAHEAD)
        .map(|mut d| {
            d.line += 1000;
            d
        })
        .collect();
    many.push(seed[1].clone());
    let m = matches(&seed[1..2], &many);
    assert_eq!(m, vec![None]);
    many.remove(0);
    assert_eq!(matches(&seed[1..2], &many), vec![Some(LOOKAHEAD - 1)]);
}
