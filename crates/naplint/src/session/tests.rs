//! The tree a session edits in place is the tree a whole parse of its text gives, span
//! for span, after every edit: on the seed, on one-line JSON, with CRLF line ends,
//! escapes, non-ASCII text and empty containers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::*;
use crate::Config;
use serde_json::json;

const SEED: &str = include_str!("../../../../seeds/2013-14/report.json");

/// Every pointer of the document (containers and scalars), in document order.
fn pointers(node: &Node, at: &str, out: &mut Vec<(String, bool)>) {
    let container = matches!(node.value, Value::Object(_) | Value::Array(_));
    out.push((at.to_owned(), container));
    match &node.value {
        Value::Object(members) => {
            for m in members {
                pointers(
                    &m.value,
                    &format!("{at}/{}", source::escape_token(&m.key)),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn assert_tree_is_the_texts(s: &Session<&Linter>, what: &str) {
    let fresh = source::load(s.text(), s.loaded.format);
    // The tree's spans lag behind by the logged splices: translated, they are the text's.
    let mut root = s.loaded.root.clone();
    if let Some(root) = root.as_mut() {
        s.log.translate(root);
    }
    assert_eq!(root, fresh.root, "{what}\n{}", s.text());
    assert_eq!(s.loaded.issues, fresh.issues, "{what}");
    assert_eq!(s.loaded.lines, fresh.lines, "{what}: line index");
    assert_eq!(
        s.crlf,
        s.text().matches("\r\n").count(),
        "{what}: CRLF count"
    );
    let full = s.linter().check(s.text(), s.loaded.format);
    assert_eq!(s.diagnostics, full, "{what}");
}

fn random_edits(text: &str, seed: u64, steps: usize) -> usize {
    let linter = Linter::new(Config::default()).unwrap();
    let mut s = Session::new(&linter, text, SourceFormat::Json);
    let mut rng = fastrand::Rng::with_seed(seed);
    let values = [
        json!(1),
        json!("x"),
        json!("é\u{1F600}\"\\/\n"),
        json!(null),
        json!([]),
        json!({}),
        json!({"k": [1, {"z": "ü"}], "ключ": true}),
        json!([["a"], {"b": {}}]),
        json!(-2.5),
        json!("2013/14"),
    ];
    let mut done = 0;
    let (mut logged, mut longest, mut compactions) = (0, 0, 0);
    for step in 0..steps {
        let mut all = Vec::new();
        pointers(s.loaded.root.as_ref().unwrap(), "", &mut all);
        let (pointer, container) = all[rng.usize(..all.len())].clone();
        let r = rng.usize(..10);
        let result = if r < 3 && !pointer.is_empty() {
            s.remove(&pointer).map(drop)
        } else if r < 6 && container {
            let key = ["new", "a/b", "n~e", "émoji"][rng.usize(..4)];
            let child = if s.set(&format!("{pointer}/-"), &json!(0)).is_ok() {
                // An array: that appended; append again at the length.
                let tokens = parse_pointer(&pointer).unwrap();
                let len = match node_at(s.loaded.root.as_ref().unwrap(), &tokens).map(|n| &n.value)
                {
                    Some(Value::Array(items)) => items.len(),
                    _ => 0,
                };
                assert_tree_is_the_texts(&s, &format!("step {step}: append to {pointer}"));
                format!("{pointer}/{len}")
            } else {
                format!("{pointer}/{}", source::escape_token(key))
            };
            s.set(&child, &values[rng.usize(..values.len())]).map(drop)
        } else {
            s.set(&pointer, &values[rng.usize(..values.len())])
                .map(drop)
        };
        if result.is_ok() {
            done += 1;
        }
        if s.log.len() < logged {
            compactions += 1;
        }
        logged = s.log.len();
        longest = longest.max(logged);
        assert_tree_is_the_texts(&s, &format!("step {step}: {pointer}"));
        if s.text().len() > 400_000 {
            break;
        }
    }
    // The edits went through the in-place path, not a whole parse.
    assert!(
        s.spliced * 10 >= done * 9,
        "{} of {done} edits spliced",
        s.spliced
    );
    // Spans were left behind and translated (a log as long as it may grow), and the log
    // was folded into the tree along the way.
    assert_eq!(longest, SpanLog::COMPACT_AFTER - 1, "longest log");
    assert!(compactions > 0, "no compaction");
    done
}

#[test]
fn the_seed_edited_in_place_is_its_text_parsed() {
    assert!(random_edits(SEED, 0x2013, 150) > 100);
}

#[test]
fn one_line_crlf_escapes_and_empty_containers() {
    let one_line = r#"{"a": [1, 2], "b": {}, "c": [], "d": {"e": "f"}, "é": "ü"}"#;
    assert!(random_edits(one_line, 7, 150) > 100);
    let crlf = "{\r\n  \"a\": [\r\n    1\r\n  ],\r\n  \"b\": {}\r\n}\r\n";
    assert!(random_edits(crlf, 11, 150) > 100);
    let bom = "\u{feff}{\"a\": {\"b\": [true]}}";
    assert!(random_edits(bom, 13, 100) > 50);
    let lone_cr = "{\"a\":\r[1,\r\n2],\r\"b\": {\"c\":\r\"d\"}\r}\r";
    assert!(random_edits(lone_cr, 17, 150) > 100);
}

#[test]
fn documents_with_duplicate_keys_are_parsed_whole() {
    let linter = Linter::new(Config::default()).unwrap();
    let mut s = Session::new(
        &linter,
        r#"{"a": 1, "a": 2, "b": {"c": 3}}"#,
        SourceFormat::Json,
    );
    s.set("/b/c", &json!(4)).unwrap();
    assert_tree_is_the_texts(&s, "duplicate");
    s.remove("/a").unwrap();
    assert_tree_is_the_texts(&s, "duplicate removed");
    assert!(s.diagnostics().iter().all(|d| d.code != "S002"));
    assert_eq!(s.spliced, 0, "a document with duplicates is parsed whole");
    s.set("/d", &json!(1)).unwrap();
    assert_tree_is_the_texts(&s, "after");
    assert_eq!(s.spliced, 1, "and spliced once the duplicate is gone");
}

#[test]
fn pretty_writes_what_serde_json_pretty_writes() {
    let seed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    for v in [
        seed,
        json!([]),
        json!({}),
        json!([[], {}, [1, [2, {"a": {}}]]]),
        json!({"é\"\n": ["\u{1F600}", -0.5, 1e300, null, true]}),
    ] {
        assert_eq!(
            pretty(&v, "", "\n"),
            serde_json::to_string_pretty(&v).unwrap()
        );
        let indented = serde_json::to_string_pretty(&v)
            .unwrap()
            .replace('\n', "\r\n    ");
        assert_eq!(pretty(&v, "    ", "\r\n"), indented);
    }
}

/// The edits a form makes (a value replaced, a member added or removed, an item
/// appended, in any section) re-check incrementally, with parity, with line numbers in
/// messages and without.
#[test]
fn form_edits_recheck_only_what_they_change() {
    for lines in [true, false] {
        let linter = Linter::new(Config {
            lines,
            ..Config::default()
        })
        .unwrap();
        let mut s = Session::new(&linter, SEED, SourceFormat::Json);
        let d0 = "/pillars/0/objectives/0/tasks/0/deliverables/0";
        let edits: Vec<(String, Option<serde_json::Value>)> = vec![
            ("/statistics/trp/cumulative/male".into(), Some(json!(29))),
            ("/statistics/trp/cumulative/male".into(), Some(json!(28))),
            (format!("{d0}/status"), Some(json!("complete"))),
            (format!("{d0}/start"), Some(json!("2013-14"))),
            (format!("{d0}/leads/-"), Some(json!("XX"))),
            (format!("{d0}/target"), Some(json!("2015/16"))),
            (format!("{d0}/target"), None),
            ("/report/fiscal_year".into(), Some(json!("2014/15"))),
            ("/departments/0/name".into(), Some(json!("  Public Safety"))),
            ("/plan/jurisdiction".into(), Some(json!("ZZ"))),
            ("/funding/0/amount/value".into(), Some(json!(-5))),
            ("/statistics/trp/annual/0/provisional".into(), None),
        ];
        let mut incremental = 0;
        for (pointer, value) in &edits {
            match value {
                Some(v) => s.set(pointer, v).map(drop).unwrap(),
                None => s.remove(pointer).map(drop).unwrap(),
            }
            assert_tree_is_the_texts(&s, pointer);
            incremental += usize::from(s.parts.incremental());
        }
        // With line numbers in messages, an edit that adds lines re-checks everything.
        // Only an edit of a value that no longer fits the model (a negative amount) is
        // a whole check.
        let least = edits.len() - 1;
        assert!(
            incremental >= least,
            "lines {lines}: {incremental} of {} incremental",
            edits.len()
        );
    }
}

/// An edit inside one objective recounts that objective's ids and leads (P013, P016)
/// from the counts kept between edits: duplicate ids made and unmade, across
/// objectives and pillars, and a core department's only deliverable given another
/// lead and back; every step equals a full check.
#[test]
fn ids_and_leads_are_recounted_per_objective() {
    let linter = Linter::new(Config::default()).unwrap();
    let mut s = Session::new(&linter, SEED, SourceFormat::Json);
    let d = |p: usize, t: usize, i: usize| {
        format!("/pillars/{p}/objectives/0/tasks/{t}/deliverables/{i}")
    };
    let codes = |s: &Session<&Linter>, code: &str| {
        s.diagnostics().iter().filter(|x| x.code == code).count()
    };
    let (p013, p016) = (codes(&s, "P013"), codes(&s, "P016"));
    let edits: Vec<(String, serde_json::Value)> = vec![
        (format!("{}/id", d(0, 0, 1)), json!("1.11.1")),
        (format!("{}/id", d(1, 0, 0)), json!("1.11.1")),
        (format!("{}/id", d(0, 0, 1)), json!("1.11.2")),
        ("/pillars/1/objectives/0/id".into(), json!("1.1")),
        ("/pillars/1/objectives/0/tasks/0/id".into(), json!("1.11")),
        (format!("{}/leads", d(1, 1, 1)), json!(["PS"])),
        (format!("{}/leads", d(1, 0, 0)), json!(["SWC", "RCMP"])),
        (format!("{}/leads", d(1, 1, 1)), json!(["SWC"])),
        (format!("{}/leads", d(1, 0, 0)), json!(["RCMP"])),
        (format!("{}/id", d(1, 0, 0)), json!("2.11.1")),
        ("/pillars/1/objectives/0/id".into(), json!("2.1")),
        ("/pillars/1/objectives/0/tasks/0/id".into(), json!("2.11")),
    ];
    let mut most = (0, 0);
    for (pointer, value) in &edits {
        s.set(pointer, value).unwrap();
        assert_tree_is_the_texts(&s, pointer);
        assert!(s.parts.incremental(), "{pointer}");
        most = (most.0.max(codes(&s, "P013")), most.1.max(codes(&s, "P016")));
    }
    // The edits made findings of both rules, and the last ones took them away again.
    assert!(most.0 >= p013 + 3 && most.1 > p016, "{most:?}");
    assert_eq!((codes(&s, "P013"), codes(&s, "P016")), (p013, p016));
    assert!(s.parts.counted(), "the counts were kept");
}

/// An edit that changes no finding moves the last diagnostics instead of making them
/// again: after titles of other lengths and lines (multi-byte text, a line break, the
/// same length), every diagnostic after the title sits where a whole check puts it.
#[test]
fn quiet_edits_move_the_last_diagnostics() {
    let linter = Linter::new(Config {
        lines: false,
        ..Config::default()
    })
    .unwrap();
    let mut s = Session::new(&linter, SEED, SourceFormat::Json);
    let title_at = s.text().find("\"title\"").unwrap();
    let after = |s: &Session<&Linter>| s.diagnostics.iter().filter(|d| d.span.0 > title_at).count();
    assert!(after(&s) >= 5, "the seed's findings lie after the title");
    for title in [
        "Annual Report on Progress",
        "Rapport annuel — été 2014 (é)",
        "two\nlines",
        "Rapport annuel — été 2014 (a)",
        "2013-2014 Annual Report on Progress",
    ] {
        let before = s.diagnostics.clone();
        let got = s.set("/report/title", &json!(title)).unwrap().to_vec();
        assert_eq!(got, linter.check(s.text(), SourceFormat::Json), "{title}");
        assert_eq!(got.len(), before.len(), "{title}: no finding came or went");
        assert_tree_is_the_texts(&s, title);
    }
}

/// An edit that changes only the schema's violations (a malformed plan id, an edition
/// out of range, a fiscal year P005 claims) patches S001's and the claiming rules'
/// diagnostics into the last list.
#[test]
fn schema_only_edits_patch_s001_and_claims() {
    let linter = Linter::new(Config::default()).unwrap();
    let mut s = Session::new(&linter, SEED, SourceFormat::Json);
    let count =
        |s: &Session<&Linter>, code: &str| s.diagnostics.iter().filter(|d| d.code == code).count();
    let (s001, p005) = (count(&s, "S001"), count(&s, "P005"));
    let start = "/pillars/0/objectives/0/tasks/0/deliverables/0/start";
    let seed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let was = |p: &str| seed.pointer(p).cloned().unwrap();
    let wrong = [
        ("/plan/id", json!("Bad Id")),
        ("/report/edition", json!(0)),
        (start, json!("2013-14")),
    ];
    for (pointer, value) in &wrong {
        let got = s.set(pointer, value).unwrap().to_vec();
        assert_eq!(got, linter.check(s.text(), SourceFormat::Json), "{pointer}");
        assert!(s.parts.incremental(), "{pointer}");
    }
    assert_eq!((count(&s, "S001"), count(&s, "P005")), (s001 + 2, p005 + 1));
    for (pointer, _) in &wrong {
        let got = s.set(pointer, &was(pointer)).unwrap().to_vec();
        assert_eq!(got, linter.check(s.text(), SourceFormat::Json), "{pointer}");
    }
    assert_eq!((count(&s, "S001"), count(&s, "P005")), (s001, p005));
}

/// Typing in one field (the same value set again, at other lengths) keeps one splice in
/// the log, however many keystrokes: the log never fills, so the tree is never folded
/// for it; an edit elsewhere, and typing inside a value set before, log their own, and
/// the tree stays the text's.
#[test]
fn typing_in_one_field_keeps_one_splice() {
    let linter = Linter::new(Config::default()).unwrap();
    let mut s = Session::new(&linter, SEED, SourceFormat::Json);
    for i in 0..(3 * SpanLog::COMPACT_AFTER) {
        let title = "x".repeat(i % 7 + 1);
        s.set("/report/title", &json!(title)).unwrap();
        assert_eq!(s.log.len(), 1, "keystroke {i}");
    }
    assert_tree_is_the_texts(&s, "typed");
    s.set("/report/period", &json!("2013-2014 (été)")).unwrap();
    assert_eq!(s.log.len(), 2);
    s.set("/report/title", &json!("again")).unwrap();
    assert_eq!(s.log.len(), 3, "the title is no longer the last splice");
    s.set("/report/title", &json!("and again")).unwrap();
    assert_eq!(s.log.len(), 3);
    assert_tree_is_the_texts(&s, "elsewhere and back");
    // A container set, then a value inside it typed: the inner splices are their own.
    s.set("/report", &json!({"title": "t", "period": "p"}))
        .unwrap();
    let logged = s.log.len();
    s.set("/report/title", &json!("tt")).unwrap();
    s.set("/report/title", &json!("ttt")).unwrap();
    assert_eq!(s.log.len(), logged + 1);
    assert_tree_is_the_texts(&s, "inside a value set before");
}
