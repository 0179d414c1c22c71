//! Sessions: every edit's diagnostics equal a full check of the session's text, edits
//! land where their pointer says, and refused edits leave the session as it was.

#![allow(clippy::disallowed_methods)]

use naplint::session::{EditError, Session, TEXTS};
use naplint::{Config, Linter, SourceFormat};
use serde_json::{json, Value};

fn seed(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds/2013-14")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn linter() -> Linter {
    Linter::new(Config::default()).unwrap()
}

/// The session's diagnostics are those of a full check of its text, and its text still
/// parses to the value `expected` holds (when given).
fn assert_parity(s: &Session<&Linter>, expected: Option<&Value>) {
    let full = s.linter().check(s.text(), s.format());
    assert_eq!(s.diagnostics(), full.as_slice(), "text:\n{}", s.text());
    if let Some(expected) = expected {
        let parsed: Value = serde_json::from_str(s.text()).unwrap();
        assert_eq!(&parsed, expected, "text:\n{}", s.text());
    }
}

const D0: &str = "/pillars/0/objectives/0/tasks/0/deliverables/0";

#[test]
fn an_edit_on_the_seed_returns_what_a_full_check_returns() {
    let linter = linter();
    let text = seed("report.json");
    let mut s = Session::new(&linter, text.clone(), SourceFormat::Json);
    assert_eq!(s.diagnostics(), linter.check(&text, SourceFormat::Json));
    let errors = |s: &Session<&Linter>| s.diagnostics().iter().filter(|d| d.code == "P006").count();
    assert_eq!(errors(&s), 0);
    let returned = s
        .set(&format!("{D0}/status"), &json!("finished"))
        .unwrap()
        .to_vec();
    assert_eq!(returned, s.diagnostics());
    assert_eq!(errors(&s), 1, "an unknown status is a P006");
    assert_parity(&s, None);
    s.set(&format!("{D0}/status"), &json!("complete")).unwrap();
    assert_eq!(errors(&s), 0);
    assert_parity(&s, None);
    // Only the edited value changed: the rest of the text is byte for byte the seed's.
    let original: Value = serde_json::from_str(&text).unwrap();
    let mut expected = original.clone();
    expected
        .pointer_mut(&format!("{D0}/status"))
        .map(|v| *v = json!("complete"))
        .unwrap();
    assert_parity(&s, Some(&expected));
    assert_eq!(s.text().len() as isize - text.len() as isize, {
        let before = original
            .pointer(&format!("{D0}/status"))
            .unwrap()
            .to_string();
        "\"complete\"".len() as isize - before.len() as isize
    });
}

#[test]
fn set_replaces_adds_members_and_appends_items() {
    let linter = linter();
    let mut doc = json!({"a": {"b": [1, 2], "e": {}, "f": []}, "c": "x"});
    let mut s = Session::from_value(&linter, &doc);
    let cases: Vec<(&str, Value)> = vec![
        ("/c", json!(3)),                       // replace a scalar
        ("/a/b/0", json!({"k": [true, null]})), // replace an item with an object
        ("/a/b/2", json!("appended")),          // index = length appends
        ("/a/b/-", json!(4.5)),                 // `-` appends
        ("/a/new", json!({"x": 1})),            // a new member
        ("/a/e/first", json!([1])),             // into an empty object
        ("/a/f/0", json!("one")),               // into an empty array
        ("/a/f/1", json!("two")),
        ("/a~1b", json!("slash")), // escaped key
        ("/t~0", json!("tilde")),
        ("", json!({"whole": ["document"]})), // the root
        ("/whole/1", json!({})),
        ("/whole/1/k", json!("v")),
    ];
    for (pointer, value) in cases {
        s.set(pointer, &value).unwrap();
        if pointer.is_empty() {
            doc = value.clone();
        } else if pointer.ends_with("/-") {
            doc.pointer_mut(pointer.trim_end_matches("/-"))
                .and_then(Value::as_array_mut)
                .unwrap()
                .push(value.clone());
        } else {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            let key = key.replace("~1", "/").replace("~0", "~");
            match doc.pointer_mut(parent).unwrap() {
                Value::Object(m) => {
                    m.insert(key, value.clone());
                }
                Value::Array(a) => {
                    let i: usize = key.parse().unwrap();
                    if i == a.len() {
                        a.push(value.clone());
                    } else {
                        a[i] = value.clone();
                    }
                }
                _ => unreachable!(),
            }
        }
        assert_parity(&s, Some(&doc));
    }
}

#[test]
fn one_line_documents_stay_on_one_line() {
    let linter = linter();
    let mut s = Session::new(&linter, r#"{"a": [1], "b": {"c": 1}}"#, SourceFormat::Json);
    s.set("/a/1", &json!(2)).unwrap();
    s.set("/b/d", &json!(3)).unwrap();
    assert_eq!(s.text(), r#"{"a": [1, 2], "b": {"c": 1, "d": 3}}"#);
    assert_parity(&s, None);
}

#[test]
fn remove_takes_members_and_items_with_their_commas() {
    let linter = linter();
    let mut doc =
        json!({"a": [1, 2, 3, 4], "b": {"x": 1, "y": 2, "z": 3}, "c": [5], "d": {"only": 1}});
    let mut s = Session::from_value(&linter, &doc);
    for pointer in [
        "/a/1", "/a/0", "/a/1", "/a/0", "/b/y", "/b/x", "/b/z", "/c/0", "/d/only", "/d", "/a",
    ] {
        s.remove(pointer).unwrap();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match doc.pointer_mut(parent).unwrap() {
            Value::Object(m) => {
                m.remove(key);
            }
            Value::Array(a) => {
                a.remove(key.parse().unwrap());
            }
            _ => unreachable!(),
        }
        assert_parity(&s, Some(&doc));
    }
    assert_eq!(doc, json!({"b": {}, "c": []}));
}

#[test]
fn refused_edits_are_typed_and_change_nothing() {
    let linter = linter();
    let doc = json!({"a": {"b": [1, 2]}, "n": 3, "z": null});
    let mut s = Session::from_value(&linter, &doc);
    let (text, diagnostics) = (s.text().to_owned(), s.diagnostics().to_vec());
    let v = json!(1);
    let cases: Vec<(Result<(), EditError>, &str)> = vec![
        (s.set("a", &v).map(drop), "invalid-pointer"),
        (s.set("/a~2", &v).map(drop), "invalid-pointer"),
        (s.set("/x/y", &v).map(drop), "missing-parent"),
        (s.set("/a/b/5/c", &v).map(drop), "missing-parent"),
        (s.set("/n/k", &v).map(drop), "not-a-container"),
        (s.set("/z/k", &v).map(drop), "not-a-container"),
        (s.set("/a/b/x", &v).map(drop), "not-an-index"),
        (s.set("/a/b/01", &v).map(drop), "not-an-index"),
        (s.set("/a/b/3", &v).map(drop), "index-out-of-range"),
        (s.remove("/a/b/2").map(drop), "not-found"),
        (s.remove("/a/c").map(drop), "not-found"),
        (s.remove("/n/0").map(drop), "not-a-container"),
        (s.remove("").map(drop), "remove-root"),
    ];
    for (result, kind) in cases {
        let e = result.unwrap_err();
        assert_eq!(e.kind(), kind, "{e}");
        assert_ne!(e.message(naplint::Lang::En), e.message(naplint::Lang::Fr));
        assert_eq!(s.text(), text);
        assert_eq!(s.diagnostics(), diagnostics.as_slice());
    }
    let e = s.set("/x/y", &v).unwrap_err();
    assert_eq!(e.to_string(), "cannot edit `/x/y`: `/x` does not exist");
    // A value nested past the parser's depth limit would not read back: refused.
    let mut deep = json!(1);
    for _ in 0..200 {
        deep = json!([deep]);
    }
    assert_eq!(s.set("/n", &deep).unwrap_err().kind(), "rejected");
    assert_eq!(s.text(), text);
}

#[test]
fn a_document_that_does_not_parse_has_diagnostics_but_no_values() {
    let linter = linter();
    let mut s = Session::new(&linter, "{\"format_version\": ", SourceFormat::Json);
    assert_eq!(s.diagnostics()[0].code, "S003");
    assert_eq!(s.set("/a", &json!(1)).unwrap_err().kind(), "unreadable");
    // Replacing the whole document is not possible either: there is no tree to splice.
    assert_eq!(s.set("", &json!({})).unwrap_err().kind(), "unreadable");
}

#[test]
fn yaml_sessions_replace_values_in_place() {
    let linter = linter();
    let text = seed("report.yaml");
    let mut s = Session::new(&linter, text.clone(), SourceFormat::Yaml);
    assert_eq!(s.diagnostics(), linter.check(&text, SourceFormat::Yaml));
    s.set(&format!("{D0}/status"), &json!("finished")).unwrap();
    assert!(s.diagnostics().iter().any(|d| d.code == "P006"));
    assert_parity(&s, None);
    s.set(
        "/statistics/trp/cumulative/male",
        &json!({"value": 29, "qualifier": "approximately"}),
    )
    .unwrap();
    assert_parity(&s, None);
    let e = s
        .set("/statistics/trp/cumulative/extra", &json!(1))
        .unwrap_err();
    assert_eq!(e.kind(), "unsupported");
    assert_eq!(
        s.remove(&format!("{D0}/status")).unwrap_err().kind(),
        "unsupported"
    );
}

#[test]
fn random_edits_on_the_seed_keep_parity() {
    let linter = linter();
    let text = seed("report.json");
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let mut s = Session::new(&linter, text, SourceFormat::Json);
    let mut rng = fastrand::Rng::with_seed(0x5eed_2013_2014);
    let deliverables: Vec<String> = (0..4)
        .flat_map(|p| {
            (0..2).map(move |o| format!("/pillars/{p}/objectives/{o}/tasks/0/deliverables/0"))
        })
        .filter(|p| doc.pointer(p).is_some())
        .collect();
    assert!(deliverables.len() >= 4);
    let trp = "/statistics/trp/cumulative";
    let values = [
        json!("complete"),
        json!("ongoing"),
        json!("finished"),
        json!(""),
        json!(null),
        json!(7),
        json!("2013/14"),
        json!("2014/15"),
        json!("2013-14"),
        json!("2016/18"),
        json!(["PS"]),
        json!([]),
        json!(["XX", "PS"]),
        json!(["RCMP", "CBSA"]),
        json!(28),
        json!(29),
        json!(-1),
        json!(2.5),
        json!("many"),
        json!({"value": 70, "qualifier": "approximately"}),
        json!({"value": 5, "qualifier": "sometimes"}),
    ];
    let mut edits = 0;
    for _ in 0..300 {
        let field = *pick(
            &mut rng,
            &[
                "status",
                "start",
                "target",
                "leads",
                "new",
                "male",
                "female",
                "recipients",
                "minor_dependents",
            ],
        );
        let pointer = if ["male", "female", "recipients", "minor_dependents"].contains(&field) {
            format!("{trp}/{field}")
        } else {
            format!("{}/{field}", pick(&mut rng, &deliverables))
        };
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let result = if rng.usize(..5) == 0 {
            s.remove(&pointer).map(|_| {
                doc.pointer_mut(parent)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(key);
            })
        } else {
            let value = pick(&mut rng, &values).clone();
            s.set(&pointer, &value).map(|_| {
                doc.pointer_mut(parent)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .insert(key.to_owned(), value);
            })
        };
        match result {
            Ok(()) => edits += 1,
            Err(e) => assert_eq!(e.kind(), "not-found", "{pointer}: {e}"),
        }
        let full = linter.check(s.text(), SourceFormat::Json);
        assert_eq!(s.diagnostics(), full.as_slice(), "after {pointer}");
        assert_eq!(
            serde_json::from_str::<Value>(s.text()).unwrap(),
            doc,
            "after {pointer}"
        );
    }
    assert!(edits > 200, "{edits} edits applied");
}

#[test]
fn every_error_text_is_bilingual_with_the_same_placeholders() {
    for t in TEXTS {
        assert!(!t.en.is_empty() && !t.fr.is_empty());
        assert_ne!(t.en, t.fr);
        let mut en = naplint::i18n::placeholders(t.en);
        let mut fr = naplint::i18n::placeholders(t.fr);
        en.sort();
        fr.sort();
        assert_eq!(en, fr, "{}", t.en);
    }
}

/// Every pointer of a value, with the value there.
fn all_pointers(v: &Value, at: String, out: &mut Vec<(String, Value)>) {
    out.push((at.clone(), v.clone()));
    match v {
        Value::Object(m) => {
            for (k, item) in m {
                let token = k.replace('~', "~0").replace('/', "~1");
                all_pointers(item, format!("{at}/{token}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                all_pointers(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Edits anywhere in the seed (every top-level section, any depth): values replaced by
/// other values of the document or by wrong ones, members and items removed, added
/// and appended. After each, the session equals a full check, with line numbers in
/// messages and without, in English and in French.
#[test]
fn random_edits_in_every_section_keep_parity() {
    let configs = [
        Config::default(),
        Config {
            lines: false,
            lang: naplint::Lang::Fr,
            ..Config::default()
        },
    ];
    let mut sections = std::collections::BTreeSet::new();
    for (c, config) in configs.into_iter().enumerate() {
        let linter = Linter::new(config).unwrap();
        let text = seed("report.json");
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        let mut s = Session::new(&linter, text, SourceFormat::Json);
        let mut rng = fastrand::Rng::with_seed(0x5eed_0000_0001 + c as u64);
        let odd = [
            json!(null),
            json!("x"),
            json!(-3),
            json!(12),
            json!("2013/14"),
            json!({"unknown": 1}),
            json!([]),
        ];
        let mut edits = 0;
        for _ in 0..250 {
            let mut nodes = Vec::new();
            all_pointers(&doc, String::new(), &mut nodes);
            let (pointer, _) = pick(&mut rng, &nodes[1..]).clone();
            let value = if rng.usize(..3) == 0 {
                pick(&mut rng, &odd).clone()
            } else {
                pick(&mut rng, &nodes[1..]).1.clone()
            };
            let parent = pointer.rsplit_once('/').unwrap().0.to_owned();
            let op = rng.usize(..6);
            let result = match (op, doc.pointer(&parent).unwrap()) {
                (0, Value::Array(items)) if !items.is_empty() => {
                    let append = format!("{parent}/-");
                    let item = items[rng.usize(..items.len())].clone();
                    s.set(&append, &item).map(|_| {
                        doc.pointer_mut(&parent)
                            .unwrap()
                            .as_array_mut()
                            .unwrap()
                            .push(item);
                    })
                }
                (1, Value::Object(_)) => {
                    let key = *pick(&mut rng, &["status", "target", "extra", "lead_note", "new"]);
                    s.set(&format!("{parent}/{key}"), &value).map(|_| {
                        doc.pointer_mut(&parent)
                            .unwrap()
                            .as_object_mut()
                            .unwrap()
                            .insert(key.to_owned(), value);
                    })
                }
                (2, _) => s.remove(&pointer).map(|_| {
                    let key = pointer.rsplit_once('/').unwrap().1;
                    match doc.pointer_mut(&parent).unwrap() {
                        Value::Object(m) => {
                            m.remove(&key.replace("~1", "/").replace("~0", "~"));
                        }
                        Value::Array(items) => {
                            items.remove(key.parse::<usize>().unwrap());
                        }
                        _ => unreachable!(),
                    }
                }),
                _ => s.set(&pointer, &value).map(|_| {
                    *doc.pointer_mut(&pointer).unwrap() = value;
                }),
            };
            match result {
                Ok(()) => edits += 1,
                Err(e) => assert_eq!(e.kind(), "rejected", "{pointer}: {e}"),
            }
            sections.insert(pointer.split('/').nth(1).unwrap_or_default().to_owned());
            let full = linter.check(s.text(), SourceFormat::Json);
            assert_eq!(
                s.diagnostics(),
                full.as_slice(),
                "config {c}, after op {op} at {pointer}"
            );
            assert_eq!(serde_json::from_str::<Value>(s.text()).unwrap(), doc);
        }
        assert!(edits > 200, "{edits} edits applied");
    }
    println!("sections edited: {sections:?}");
    for section in [
        "plan",
        "report",
        "departments",
        "pillars",
        "statistics",
        "funding",
    ] {
        assert!(sections.contains(section), "no edit in {section}");
    }
}

/// One element of a non-empty slice, chosen by `rng`.
fn pick<'a, T>(rng: &mut fastrand::Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.usize(..xs.len())]
}
