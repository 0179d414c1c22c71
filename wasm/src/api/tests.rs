//! Native tests of the binding layer: what JavaScript gets back for every kind of input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::*;
use serde_json::{json, Value};

const SEED: &str = include_str!("../../../seeds/2013-14/report.json");

fn ok(envelope: &str) -> Value {
    let v: Value = serde_json::from_str(envelope).expect("envelope is JSON");
    assert!(v.get("error").is_none(), "unexpected error: {v}");
    v["ok"].clone()
}

fn err(envelope: &str) -> (String, String) {
    let v: Value = serde_json::from_str(envelope).expect("envelope is JSON");
    let e = &v["error"];
    assert!(e.is_object(), "expected an error, got {v}");
    (
        e["code"].as_str().unwrap().to_owned(),
        e["message"].as_str().unwrap().to_owned(),
    )
}

fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The seed with one edit, pretty-printed like a file.
fn seed_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(SEED).unwrap();
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn seed_findings_match_the_core() {
    let got = ok(&validate_envelope(SEED, ""));
    let native = Linter::new(Config::default())
        .unwrap()
        .check(SEED, SourceFormat::Json);
    assert_eq!(got.as_array().unwrap().len(), native.len());
    for (g, n) in got.as_array().unwrap().iter().zip(&native) {
        let mut expected = serde_json::to_value(n).unwrap();
        let obj = expected.as_object_mut().unwrap();
        obj.insert("column_utf16".into(), json!(n.utf16_columns.0));
        obj.insert("end_column_utf16".into(), json!(n.utf16_columns.1));
        assert_eq!(g, &expected);
    }
    let codes = codes(&got);
    for code in ["P007", "P010", "P011", "P004", "M003"] {
        assert!(
            codes.iter().any(|c| c == code),
            "seed lacks {code}: {codes:?}"
        );
    }
}

#[test]
fn diagnostics_keep_the_cli_field_order() {
    // A finding with `related` (R001), so that every field is present.
    let text = seed_with(|v| v["statistics"]["trp"]["cumulative"]["male"] = json!(29));
    let got = validate_envelope(&text, "{}");
    let got = &got[got.find("\"R001\"").unwrap() - "{\"code\":".len()..];
    let first = got.find("{\"code\"").unwrap();
    let keys = [
        "\"code\"",
        "\"name\"",
        "\"severity\"",
        "\"message\"",
        "\"pointer\"",
        "\"line\"",
        "\"column\"",
        "\"end_line\"",
        "\"end_column\"",
        "\"help\"",
        "\"fix\"",
        "\"related\"",
        "\"column_utf16\"",
        "\"end_column_utf16\"",
    ];
    let mut at = first;
    for key in keys {
        let found = got[at..]
            .find(key)
            .unwrap_or_else(|| panic!("{key} missing"));
        at += found;
    }
    assert!(!got.contains("\"span\"") && !got.contains("\"utf16_columns\""));
}

#[test]
fn wrong_male_count_is_r001_at_recipients() {
    let text = seed_with(|v| v["statistics"]["trp"]["cumulative"]["male"] = json!(29));
    let got = ok(&validate_envelope(&text, "{}"));
    let r001: Vec<&Value> = got
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "R001")
        .collect();
    assert_eq!(r001.len(), 1, "{got}");
    assert_eq!(r001[0]["pointer"], "/statistics/trp/cumulative/recipients");
    assert!(r001[0]["message"].as_str().unwrap().contains("male 29"));
    assert_eq!(r001[0]["severity"], "error");
    // Every figure of the sum, as the CLI's JSON gives them.
    assert_eq!(
        r001[0]["related"],
        json!([
            "/statistics/trp/cumulative/male",
            "/statistics/trp/cumulative/female",
            "/statistics/trp/cumulative/minor_dependents",
            "/statistics/trp/cumulative/recipients"
        ])
    );
}

#[test]
fn related_is_absent_when_empty() {
    let got = ok(&validate_envelope(SEED, ""));
    let all = got.as_array().unwrap();
    assert!(!all.is_empty());
    for d in all {
        assert!(d.get("related").is_none(), "{d}");
    }
}

#[test]
fn broken_json_is_a_parse_error_with_position() {
    let got = ok(&validate_envelope(
        "{\n  \"format_version\": \"1\",\n  \"plan\": ",
        "",
    ));
    assert_eq!(codes(&got), ["S003"]);
    assert_eq!(got[0]["line"], 3);
    for text in [
        "", "   ", "{", "[", "}", "\u{feff}", "\0", "nul\0l", "{\"a\":}",
    ] {
        let got = ok(&validate_envelope(text, ""));
        assert!(!codes(&got).is_empty(), "{text:?} gave no diagnostic");
    }
}

#[test]
fn yaml_is_sniffed_and_format_can_be_forced() {
    let yaml = "format_version: '1'\nplan: [\n";
    let got = ok(&validate_envelope(yaml, ""));
    assert_eq!(codes(&got), ["S003"], "{got}");
    let got = ok(&validate_envelope("format_version: '1'\n", ""));
    assert!(codes(&got).iter().all(|c| c == "S001"), "{got}");
    // YAML text read as JSON is a JSON syntax error.
    let got = ok(&validate_envelope(
        "format_version: '1'\n",
        r#"{"format":"json"}"#,
    ));
    assert_eq!(codes(&got), ["S003"]);
    // JSON read as YAML (a superset) gives the same findings as JSON.
    let as_yaml = ok(&validate_envelope(SEED, r#"{"format":"yaml"}"#));
    assert_eq!(codes(&as_yaml), codes(&ok(&validate_envelope(SEED, ""))));
}

#[test]
fn yaml_seed_gives_the_same_findings_as_json() {
    // The same report written as YAML (JSON-style flow YAML is still YAML).
    let value: Value = serde_json::from_str(SEED).unwrap();
    let mut yaml = String::from("# a YAML document\n");
    yaml.push_str(&serde_json::to_string_pretty(&value).unwrap());
    let got = ok(&validate_envelope(&yaml, r#"{"format":"yaml"}"#));
    let want = ok(&validate_envelope(SEED, ""));
    let strip = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].clone(), d["pointer"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&got), strip(&want));
}

#[test]
fn bad_options_are_typed_errors() {
    let cases = [
        ("not json", "not JSON"),
        ("[]", "must be an object"),
        ("\"yaml\"", "must be an object"),
        ("42", "must be an object"),
        (r#"{"formt":"yaml"}"#, "unknown field `formt`"),
        (r#"{"format":"toml"}"#, "unknown variant `toml`"),
        (r#"{"rules":{"P999":"off"}}"#, "unknown rule `P999`"),
        (r#"{"rules":{"P004":"loud"}}"#, "unknown variant `loud`"),
        (r#"{"tolerance":2}"#, "must be between 0 and 1"),
        (r#"{"tolerance":"5%"}"#, "invalid type"),
        (r#"{"select":["Q"]}"#, "matches no rule"),
        (r#"{"ignore":"P004"}"#, "invalid type"),
        (
            r#"{"config":{"tolerence":0.1}}"#,
            "unknown field `tolerence`",
        ),
        (
            r#"{"config":{"rules":{"R001":"warn"}}}"#,
            "unknown variant `warn`",
        ),
    ];
    for (options, expected) in cases {
        for envelope in [
            validate_envelope(SEED, options),
            validate_bytes_envelope(SEED.as_bytes(), options),
            fix_envelope(SEED, options),
            rules_envelope(options),
        ] {
            let (code, message) = err(&envelope);
            assert_eq!(code, "invalid-options", "{options}");
            assert!(message.contains(expected), "{options}: {message}");
        }
    }
    // After errors the module still answers.
    assert!(!codes(&ok(&validate_envelope(SEED, ""))).is_empty());
}

#[test]
fn a_refused_configuration_reads_in_the_options_language() {
    let cases = [
        (
            r#"{"lang":"fr","rules":{"P999":"off"}}"#,
            "options: configuration non valide : règle inconnue `P999` dans `rules`",
        ),
        (
            r#"{"lang":"fr","tolerance":2}"#,
            "options: configuration non valide : la tolérance `2` doit être comprise entre 0 et 1",
        ),
        (
            r#"{"lang":"en","rules":{"P999":"off"}}"#,
            "options: invalid configuration: unknown rule `P999` in `rules`",
        ),
    ];
    for (options, expected) in cases {
        let (code, message) = err(&validate_envelope(SEED, options));
        assert_eq!(code, "invalid-options", "{options}");
        assert!(message.starts_with(expected), "{options}: {message}");
    }
}

#[test]
fn options_configure_the_rules() {
    let all = codes(&ok(&validate_envelope(SEED, "")));
    assert!(all.iter().any(|c| c == "P004"));

    let off = codes(&ok(&validate_envelope(SEED, r#"{"rules":{"P004":"off"}}"#)));
    assert!(!off.iter().any(|c| c == "P004"));
    assert_eq!(off.len(), all.iter().filter(|c| *c != "P004").count());

    let by_name = codes(&ok(&validate_envelope(
        SEED,
        r#"{"config":{"rules":{"missing-start":"off"}}}"#,
    )));
    assert_eq!(by_name, off);

    let selected = codes(&ok(&validate_envelope(SEED, r#"{"select":["M"]}"#)));
    assert!(!selected.is_empty() && selected.iter().all(|c| c.starts_with('M')));

    let ignored = codes(&ok(&validate_envelope(
        SEED,
        r#"{"config":{"ignore":["P"]},"ignore":["M"]}"#,
    )));
    assert!(ignored
        .iter()
        .all(|c| !c.starts_with('P') && !c.starts_with('M')));

    let info = ok(&validate_envelope(SEED, r#"{"rules":{"P004":"info"}}"#));
    assert!(info
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "P004")
        .all(|d| d["severity"] == "info"));

    // Top-level shorthands win over `config`.
    let o = Options::parse(
        r#"{"config":{"tolerance":0.2,"select":["P"]},"tolerance":0.1,"select":["R"]}"#,
    )
    .unwrap();
    let c = o.config().unwrap();
    assert!((c.tolerance - 0.1).abs() < f64::EPSILON);
    assert_eq!(c.select, ["R"]);
}

#[test]
fn tolerance_changes_reconciliation() {
    // approximately 100 recipients vs 28 + 68 + 6 = 102: within 5%, not within 1%.
    let text = seed_with(|v| {
        v["statistics"]["trp"]["cumulative"]["recipients"] =
            json!({"value": 100, "qualifier": "approximately"});
    });
    let r001 = |options: &str| {
        codes(&ok(&validate_envelope(&text, options)))
            .iter()
            .filter(|c| *c == "R001")
            .count()
    };
    assert_eq!(r001(""), 0);
    assert_eq!(r001(r#"{"tolerance":0.01}"#), 1);
    assert_eq!(r001(r#"{"config":{"tolerance":0.01}}"#), 1);
}

#[test]
fn linters_are_cached_per_configuration() {
    // Tests run on several threads; the cache is per thread, so count on this one.
    let before = cached_linters();
    let _ = validate_envelope("{}", r#"{"tolerance":0.11}"#);
    let after_first = cached_linters();
    let _ = validate_envelope("{}", r#"{"tolerance":0.11}"#);
    let _ = validate_envelope("{}", r#"{"tolerance":0.11,"format":"json"}"#);
    assert_eq!(cached_linters(), after_first);
    assert!(after_first >= before.min(CACHE_SIZE - 1));
    for t in 1..=10 {
        let _ = validate_envelope("{}", &format!(r#"{{"tolerance":0.{t:02}}}"#));
    }
    assert_eq!(cached_linters(), CACHE_SIZE);
    let a = linter_for(Config::default()).unwrap();
    let b = linter_for(Config::default()).unwrap();
    assert!(Rc::ptr_eq(&a, &b));
}

#[test]
fn an_options_text_is_prepared_once_and_only_when_accepted() {
    let text = r#"{"tolerance":0.12,"format":"yaml","lang":"fr"}"#;
    let a = prepare(text).unwrap();
    let b = prepare(text).unwrap();
    assert!(Rc::ptr_eq(&a.linter, &b.linter));
    assert_eq!(b.format, Some(SourceFormat::Yaml));
    // Another text for the same configuration shares the linter, not the format.
    let c = prepare(r#"{"lang": "fr", "tolerance": 0.12}"#).unwrap();
    assert!(Rc::ptr_eq(&a.linter, &c.linter));
    assert_eq!(c.format, None);
    assert_eq!(c.format_for("a: 1"), SourceFormat::Yaml);
    assert_eq!(c.format_for("{}"), SourceFormat::Json);
    // Options that are refused are refused every time, with the same error.
    let bad = r#"{"rules": {"P999": "off"}}"#;
    let first = prepare(bad).unwrap_err();
    assert_eq!(first.code, ErrorCode::InvalidOptions);
    assert_eq!(prepare(bad).unwrap_err(), first);
    // A prepared text checks as the same options written otherwise (not yet prepared),
    // and unlike other options.
    let cached = validate_envelope(SEED, text);
    assert_eq!(cached, validate_envelope(SEED, text));
    assert_eq!(
        cached,
        validate_envelope(
            SEED,
            r#"{ "format": "yaml", "lang": "fr", "tolerance": 0.12 }"#
        )
    );
    assert!(cached.contains("n'est pas"), "{cached}");
    assert_ne!(cached, validate_envelope(SEED, r#"{"tolerance":0.12}"#));
    // More distinct texts than the cache holds: the oldest is prepared again, to the
    // same options.
    for t in 1..=CACHE_SIZE + 2 {
        prepare(&format!(r#"{{"tolerance":0.12,"select":["P00{t}"]}}"#)).unwrap();
    }
    let again = prepare(text).unwrap();
    assert_eq!(again.format, Some(SourceFormat::Yaml));
    assert_eq!(again.linter.config(), a.linter.config());
}

#[test]
fn bytes_with_invalid_utf8_are_s003() {
    let mut bytes = b"{\"format_version\": \"1\", \"plan\": \"".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\"}");
    let got = ok(&validate_bytes_envelope(&bytes, ""));
    assert_eq!(codes(&got), ["S003"]);
    assert!(got[0]["message"]
        .as_str()
        .unwrap()
        .contains("invalid UTF-8 at byte 33"));
    // Valid bytes are the same as the text.
    assert_eq!(
        validate_bytes_envelope(SEED.as_bytes(), ""),
        validate_envelope(SEED, "")
    );
}

#[test]
fn columns_are_given_in_utf16_units_too() {
    // The emoji is one scalar value but two UTF-16 code units.
    let text = r#"{"format_version": "1", "x": "😀", "bad": 1}"#;
    let got = ok(&validate_envelope(text, ""));
    let unknown = got
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["pointer"] == "/bad")
        .unwrap_or_else(|| panic!("no finding at /bad: {got}"));
    let column = unknown["column"].as_u64().unwrap();
    let utf16 = unknown["column_utf16"].as_u64().unwrap();
    assert_eq!(utf16, column + 1, "{unknown}");
    let prefix: String = text
        .chars()
        .take(usize::try_from(column).unwrap() - 1)
        .collect();
    assert_eq!(
        u64::try_from(prefix.encode_utf16().count()).unwrap() + 1,
        utf16
    );
    assert_eq!(
        unknown["end_column_utf16"].as_u64().unwrap() - utf16,
        unknown["end_column"].as_u64().unwrap() - column
    );
}

#[test]
fn fix_applies_every_fix_and_is_idempotent() {
    let text = seed_with(|v| {
        v["pillars"][0]["objectives"][0]["tasks"][0]["deliverables"][0]["start"] = json!("2012-13");
    });
    let before = ok(&validate_envelope(&text, ""));
    let p005 = before
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "P005")
        .expect("P005");
    assert_eq!(p005["fix"]["value"], "2012/13");

    let fixed = ok(&fix_envelope(&text, ""));
    let fixed_text = fixed["text"].as_str().unwrap();
    assert!(fixed["applied"].as_u64().unwrap() >= 1);
    assert!(fixed_text.contains("\"2012/13\""));
    assert!(!fixed_text.contains("2012-13"));
    // Only the fixed span changed.
    assert_eq!(fixed_text.len(), text.len());
    let after = codes(&ok(&validate_envelope(fixed_text, "")));
    assert!(!after.iter().any(|c| c == "P005"));
    // A second run changes nothing.
    let again = ok(&fix_envelope(fixed_text, ""));
    assert_eq!(again["text"], fixed["text"]);
    assert_eq!(again["applied"], 0);
}

#[test]
fn fix_leaves_unfixable_and_broken_text_alone() {
    for text in ["", "{", "not: [yaml", "\u{feff}{}", SEED] {
        let once = fix(text, "").unwrap();
        let twice = fix(&once.text, "").unwrap();
        assert_eq!(twice.text, once.text);
        assert_eq!(twice.applied, 0);
    }
    assert_eq!(fix("{", "").unwrap().text, "{");
}

#[test]
fn fix_respects_options() {
    let text = seed_with(|v| {
        v["pillars"][0]["objectives"][0]["tasks"][0]["deliverables"][0]["start"] = json!("2012-13");
    });
    let untouched = fix(&text, r#"{"ignore":["P005"]}"#).unwrap();
    assert_eq!(untouched.text, text);
    assert_eq!(untouched.applied, 0);
}

#[test]
fn rules_list_every_rule_with_its_level() {
    let all = ok(&rules_envelope(""));
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), registry::RULES.len());
    for (info, rule) in all.iter().zip(registry::RULES) {
        assert_eq!(info["code"], rule.code);
        assert_eq!(info["name"], rule.name);
        assert!(info["title"].is_string());
        assert_eq!(info["docs"], rule.docs);
        assert_eq!(info["level"], info["severity"]);
        assert_eq!(info["fixable"], rule.fixable);
        assert!(info["family"].is_string());
    }
    let configured = ok(&rules_envelope(
        r#"{"rules":{"P016":"error"},"ignore":["R"]}"#,
    ));
    for info in configured.as_array().unwrap() {
        let code = info["code"].as_str().unwrap();
        if code == "P016" {
            assert_eq!(info["level"], "error");
            assert_eq!(info["severity"], "info");
        } else if code.starts_with('R') {
            assert_eq!(info["level"], "off");
        }
    }
}

#[test]
fn explain_finds_a_rule_by_code_name_or_title() {
    let p005 = Explained {
        code: "P005".to_owned(),
        lang: Lang::En,
        page: None,
    };
    assert_eq!(explain("P005", "").unwrap(), Some(p005.clone()));
    assert_eq!(explain("p005", "").unwrap(), Some(p005.clone()));
    assert_eq!(explain(" invalid-fiscal-year ", "").unwrap(), Some(p005));
    assert_eq!(explain("P999", "").unwrap(), None);
    assert_eq!(explain("", "").unwrap(), None);
    assert_eq!(ok(&explain_envelope("nope", "")), Value::Null);
    // A built-in rule: its code and language, no page (the npm package's lib/docs.js has it).
    assert_eq!(
        ok(&explain_envelope("trp-breakdown", r#"{"lang":"fr"}"#)),
        json!({"code": "R001", "lang": "fr"})
    );
    let user = r#"{"rule":[{"code":"U001","scope":"/statistics/trp/cumulative","check":"male > female"}]}"#;
    let got = ok(&explain_envelope("U001", user));
    assert_eq!(got["code"], "U001");
    assert_eq!(got["lang"], "en");
    let page = got["page"].as_str().unwrap();
    assert!(
        page.starts_with("# U001 `u001`\n\nuser · default severity: error"),
        "{page}"
    );
    assert!(page.ends_with('\n') && !page.ends_with("\n\n"));
    assert_eq!(err(&explain_envelope("P005", "[]")).0, "invalid-options");
}

#[test]
fn explain_names_the_rule_in_the_options_language() {
    for lang in [Lang::En, Lang::Fr] {
        let options = format!(
            r#"{{"lang":"{}"}}"#,
            if lang == Lang::Fr { "fr" } else { "en" }
        );
        assert_eq!(ok(&lang_envelope(&options)), json!(lang));
        let linter = linter_for(Options::parse(&options).unwrap().config().unwrap()).unwrap();
        for rule in linter.rules() {
            let found = Some(Explained {
                code: rule.code.clone(),
                lang,
                page: None,
            });
            assert_eq!(explain(&rule.code, &options).unwrap(), found);
            // By title too, as `naplint explain` finds it.
            assert_eq!(explain(&rule.title, &options).unwrap(), found);
        }
    }
    // The language from the configuration, overridden by `lang`.
    assert_eq!(ok(&lang_envelope("")), "en");
    assert_eq!(ok(&lang_envelope(r#"{"config":{"lang":"fr"}}"#)), "fr");
    assert_eq!(
        ok(&lang_envelope(r#"{"config":{"lang":"fr"},"lang":"en"}"#)),
        "en"
    );
    assert_eq!(err(&lang_envelope("[]")).0, "invalid-options");
    let user = r#"{"lang":"fr","rule":[{"code":"U001","check":"true"}]}"#;
    let page = explain("U001", user).unwrap().unwrap().page.unwrap();
    assert!(
        page.contains("user · gravité par défaut : erreur"),
        "{page}"
    );
}

#[test]
fn schema_and_version() {
    let schema: Value = serde_json::from_str(schema()).unwrap();
    assert_eq!(schema["$id"], naplint::schema::REPORT_SCHEMA_ID);
    assert!(schema["properties"]["statistics"].is_object());
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn hostile_input_gets_diagnostics_not_panics() {
    let deep = "[".repeat(100_000);
    assert_eq!(codes(&ok(&validate_envelope(&deep, ""))), ["S003"]);
    let deep_yaml = "a:\n".to_owned() + &"- ".repeat(50_000) + "x\n";
    assert!(!codes(&ok(&validate_envelope(&deep_yaml, ""))).is_empty());
    let deep_objects = "{\"a\":".repeat(5000);
    assert_eq!(codes(&ok(&validate_envelope(&deep_objects, ""))), ["S003"]);

    let huge_number = seed_with(|_| {}).replacen("\"male\": 28", "\"male\": 1e400", 1);
    assert!(!codes(&ok(&validate_envelope(&huge_number, ""))).is_empty());
    let big_int = seed_with(|_| {}).replacen(
        "\"male\": 28",
        "\"male\": 123456789012345678901234567890",
        1,
    );
    assert!(!codes(&ok(&validate_envelope(&big_int, ""))).is_empty());

    // A document with more findings than the cap: 300 pillars of wrong types. (Kept
    // small: the core's de-duplication is quadratic in the findings, see wasm/README.md.)
    let mut big = String::from("{\"format_version\": \"1\", \"pillars\": [");
    for i in 0..300 {
        if i > 0 {
            big.push(',');
        }
        big.push_str(&format!("{{\"id\": {i}, \"key\": [], \"name\": null}}"));
    }
    big.push_str("]}");
    let got = ok(&validate_envelope(&big, ""));
    // The core caps a file at 1,000 diagnostics plus one summary (`MAX_DIAGNOSTICS` is
    // not public).
    let got = got.as_array().unwrap();
    assert_eq!(got.len(), 1001);
    assert!(got[1000]["message"]
        .as_str()
        .unwrap()
        .contains("more diagnostics not shown"));
}

#[test]
fn user_rules_come_through_options() {
    let rule = r#"{"code":"U001","name":"more-men","scope":"/statistics/trp/cumulative","check":"male > female","message":"fewer men than women"}"#;
    for options in [
        format!(r#"{{"config":{{"rule":[{rule}]}}}}"#),
        format!(r#"{{"rule":[{rule}]}}"#),
    ] {
        let got = ok(&validate_envelope(SEED, &options));
        let u: Vec<&Value> = got
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "U001")
            .collect();
        assert_eq!(u.len(), 1, "{got}");
        assert_eq!(u[0]["name"], "more-men");
        let listed = ok(&rules_envelope(&options));
        let info = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == "U001")
            .expect("U001 listed");
        assert_eq!(info["family"], "user");
        assert_eq!(info["level"], "error");
    }
    for off in [
        format!(r#"{{"rule":[{rule}],"rules":{{"U001":"off"}}}}"#),
        format!(r#"{{"rule":[{rule}],"ignore":["U001"]}}"#),
    ] {
        assert!(!codes(&ok(&validate_envelope(SEED, &off)))
            .iter()
            .any(|c| c == "U001"));
    }
    let only = format!(r#"{{"rule":[{rule}],"select":["U"]}}"#);
    assert_eq!(codes(&ok(&validate_envelope(SEED, &only))), ["U001"]);
}

#[test]
fn broken_user_rules_are_invalid_options_with_details() {
    let options =
        r#"{"rule":[{"code":"U001","scope":"/statistics/trp/cumulative","check":"male +"}]}"#;
    let envelope = validate_envelope(SEED, options);
    let (code, message) = err(&envelope);
    assert_eq!(code, "invalid-options");
    assert!(message.contains("U001"), "{message}");
    let v: Value = serde_json::from_str(&envelope).unwrap();
    let details = v["error"]["details"].as_array().expect("details");
    assert_eq!(details[0]["code"], "U001");
    assert!(details[0]["line"].as_u64().unwrap() >= 1);
    assert!(details[0]["column"].as_u64().unwrap() >= 1);
    let (code, message) = err(&validate_envelope(
        SEED,
        r#"{"config":{"rule_files":["rules.toml"]}}"#,
    ));
    assert_eq!(code, "invalid-options");
    assert!(message.contains("rule_files"), "{message}");
    let (code, _) = err(&validate_envelope(SEED, r#"{"rule":[{"code":"U001"}]}"#));
    assert_eq!(code, "invalid-options");
}

#[test]
fn lang_chooses_the_language_of_messages() {
    let text = seed_with(|v| v["statistics"]["trp"]["cumulative"]["male"] = json!(29));
    let en = ok(&validate_envelope(&text, ""));
    let fr = ok(&validate_envelope(&text, r#"{"lang":"fr"}"#));
    assert_eq!(
        ok(&validate_envelope(&text, r#"{"config":{"lang":"fr"}}"#)),
        fr
    );
    let strip = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].clone(), d["pointer"].clone(), d["line"].clone()))
            .collect::<Vec<_>>()
    };
    // The same findings at the same places, in other words.
    assert_eq!(strip(&en), strip(&fr));
    assert_ne!(en, fr);
    let r001 = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "R001")
            .unwrap()["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_ne!(r001(&en), r001(&fr));
    let en_doc = explain("P005", "").unwrap().unwrap();
    let fr_doc = explain("P005", r#"{"lang":"fr"}"#).unwrap().unwrap();
    assert_eq!((en_doc.lang, fr_doc.lang), (Lang::En, Lang::Fr));
}

/// The demo form (`www/i18n.js`) shows naplint's own labels of the status vocabulary and
/// of the qualifiers, in both languages.
#[test]
fn the_demo_uses_naplint_labels() {
    use naplint::i18n::qualifier_label;
    use naplint::model::status_label;
    use naplint::model::Status;
    let js = include_str!("../../www/i18n.js");
    let entry = |key: &str, en: &str, fr: &str| {
        let line = format!("  {key}: {{ en: \"{en}\", fr: \"{fr}\" }},\n");
        assert!(js.contains(&line), "www/i18n.js lacks `{}`", line.trim());
    };
    for status in [
        Status::Planned,
        Status::NotStarted,
        Status::InProgress,
        Status::OnTrack,
        Status::Ongoing,
        Status::Complete,
        Status::Delayed,
        Status::Discontinued,
    ] {
        let key = serde_json::to_value(status).unwrap();
        entry(
            key.as_str().unwrap(),
            status_label(status, Lang::En),
            status_label(status, Lang::Fr),
        );
    }
    for key in ["approximately", "over", "at_least", "up_to", "under"] {
        entry(
            key,
            qualifier_label(key, Lang::En),
            qualifier_label(key, Lang::Fr),
        );
    }
}
