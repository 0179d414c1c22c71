//! The rule language: positions of parse errors, limits, interval semantics, static checks
//! against the schema, and users' rules through the core API (the one WASM uses).

#![allow(clippy::disallowed_methods)]

use naplint::lang::{parse, UserRule};
use naplint::{Config, Linter, LinterError, SourceFormat};

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn rule(code: &str, check: &str) -> UserRule {
    UserRule::new(code, check)
}

fn linter(rules: Vec<UserRule>) -> Result<Linter, LinterError> {
    Linter::new(Config {
        user_rules: rules,
        ..Config::default()
    })
}

fn errors(rules: Vec<UserRule>) -> Vec<String> {
    match linter(rules) {
        Err(LinterError::Rules(es)) => es.iter().map(ToString::to_string).collect(),
        other => panic!("expected rule errors, got {other:?}"),
    }
}

/// The findings of `rules` on `R001/pass.json`.
fn on_r001_pass(rules: Vec<UserRule>) -> Vec<naplint::Diagnostic> {
    linter(rules)
        .unwrap()
        .check(&fixture("R001/pass.json"), SourceFormat::Json)
}

fn codes(d: &[naplint::Diagnostic]) -> Vec<&str> {
    d.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn parse_errors_point_at_the_rule_text() {
    let cases = [
        ("male + * 3", (1, 8), "expected a value"),
        ("male == 1 == 2", (1, 11), "do not chain"),
        ("for each statistics: male == 1", (1, 10), "JSON Pointer"),
        ("male ==\n  (female", (2, 10), "expected `)`"),
        ("male = 1", (1, 6), "write `==`"),
        ("sum(a.b", (1, 8), "expected `)`"),
        ("\"open", (1, 1), "unterminated"),
        ("male ? 1", (1, 6), "unexpected character"),
    ];
    for (src, (line, column), words) in cases {
        let e = parse(src).unwrap_err();
        assert_eq!((e.line, e.column), (line, column), "{src}: {e}");
        assert!(e.to_string().contains(words), "{src}: {e}");
    }
}

#[test]
fn huge_or_deep_rules_are_rejected_quickly() {
    let long = std::iter::repeat_n("male", 2000)
        .collect::<Vec<_>>()
        .join(" + ");
    assert!(parse(&long)
        .unwrap_err()
        .to_string()
        .contains("longer than"));
    let many = std::iter::repeat_n("1", 600).collect::<Vec<_>>().join("+");
    assert!(parse(&format!("{many} == 1"))
        .unwrap_err()
        .to_string()
        .contains("more than 256 parts"));
    let deep = format!("{}1{} == 1", "(".repeat(500), ")".repeat(500));
    assert!(parse(&deep)
        .unwrap_err()
        .to_string()
        .contains("nests deeper"));
    let negations = format!("{}true", "not ".repeat(1000));
    assert!(parse(&negations).is_err());
}

#[test]
fn static_checks_use_the_schema() {
    let mut r = rule("U001", "charges_laid >= chargd");
    r.scope = Some("/statistics/operations".to_owned());
    let es = errors(vec![r]);
    assert!(
        es[0].contains("unknown field `chargd`; did you mean `charged`?"),
        "{es:?}"
    );
    for (check, words) in [
        (
            "for each /statistics/operations: name + 1 == 2",
            "needs a number, but this is a string",
        ),
        (
            "for each /statistics/trp/cumulative: top_countries_of_birth.count == 3",
            "is a list: use sum()",
        ),
        (
            "for each /statistics/trp/cumulative: male + female",
            "must be a condition",
        ),
        ("for each /nowhere: a == 1", "not a place in a report"),
        (
            "for each /funding: summ(results.count) > 0",
            "did you mean `sum`?",
        ),
    ] {
        let es = errors(vec![rule("U002", check)]);
        assert!(es[0].contains(words), "{check}: {es:?}");
    }
    let es = errors(vec![
        rule("P001", "for each /funding: amount.value > 0"),
        rule("U007", "for each /funding: amount.value > 0"),
        rule("U007", "for each /funding: amount.value > 1"),
    ]);
    assert!(
        es[0].contains("not a built-in family") && es[1].contains("used twice"),
        "{es:?}"
    );
}

#[test]
fn a_user_rule_fires_through_the_core_api() {
    let mut r = rule("U001", "charges_laid >= charged");
    r.scope = Some("/statistics/operations".to_owned());
    r.message = Some("{name}: {arithmetic}".to_owned());
    let l = linter(vec![r]).unwrap();
    let fail = l.check(&fixture("R008/fail_charges.json"), SourceFormat::Json);
    let u: Vec<_> = fail.iter().filter(|d| d.code == "U001").collect();
    assert_eq!(u.len(), 1);
    assert_eq!(
        u[0].message,
        "Project COMBATIVE: charged 20 (line 184) exceeds charges_laid 18 (line 185) by 2"
    );
    assert_eq!(
        (u[0].line, u[0].column, u[0].name.as_str()),
        (184, 20, "u001")
    );
    assert!(l
        .check(&fixture("R008/pass.json"), SourceFormat::Json)
        .is_empty());
    assert!(l
        .rules()
        .iter()
        .any(|r| r.code == "U001" && r.family == "user"));
}

#[test]
fn figures_are_intervals() {
    let d = on_r001_pass(vec![
        rule(
            "U001",
            "for each /statistics/court_cases/before_courts: cases == 90",
        ),
        rule(
            "U002",
            "for each /statistics/court_cases/before_courts: cases == 95",
        ),
    ]);
    // approximately 87 with 5% tolerance is [82, 92]: 90 can be it, 95 cannot.
    assert_eq!(codes(&d), ["U002"], "{d:#?}");
    assert!(
        d[0].message.contains("cases approximately 87"),
        "{}",
        d[0].message
    );
    let l = Linter::new(Config {
        tolerance: 0.1,
        user_rules: vec![rule(
            "U002",
            "for each /statistics/court_cases/before_courts: cases == 95",
        )],
        ..Config::default()
    })
    .unwrap();
    assert!(
        l.check(&fixture("R001/pass.json"), SourceFormat::Json)
            .is_empty(),
        "10% makes [78, 96]"
    );
    let d = on_r001_pass(vec![
        rule("U003", "for each /statistics/outreach: count > 9000"),
        rule("U004", "for each /statistics/outreach: count <= 9000"),
    ]);
    assert_eq!(codes(&d), ["U004"], "over 9000 is at least 9001");
}

#[test]
fn logic_is_three_valued_and_if_is_vacuous() {
    let d = on_r001_pass(vec![
        rule("U001", "for each /statistics/trp/annual: if year == 2013 then new_victims <= 5"),
        rule("U002", "for each /statistics/trp/annual: if year == 2014 then new_victims <= 5"),
        rule("U003", "for each /statistics/operations: not (arrested >= 1) or missing_field == 1".replace("missing_field", "victims_identified").as_str()),
        rule("U004", "for each /statistics/trp/cumulative: distinct(top_countries_of_birth.country) and descending(top_countries_of_birth.count) and count(top_countries_of_birth) == 3"),
    ]);
    assert_eq!(codes(&d), ["U001", "U003"], "{d:#?}");
}

#[test]
fn evaluation_is_bounded_on_big_documents() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/2013-14/report.json"
    ))
    .unwrap();
    let l = linter(vec![rule("U001", "for each /pillars: count($.pillars.objectives.tasks.deliverables.leads) >= 0 and sum($.statistics.trp.cumulative.top_countries_of_birth.count) >= 0")]).unwrap();
    let d = l.check(&seed, SourceFormat::Json);
    assert!(d.iter().all(|d| d.code != "U001"), "{d:#?}");
}

/// A check reads its scope's elements, the fields its paths follow (through arrays) and
/// those its message names; a session re-runs it after an edit at, above or under one of
/// those, and after no other.
#[test]
fn a_check_reads_its_paths_its_placeholders_and_its_scopes_elements() {
    let schema: serde_json::Value =
        serde_json::from_str(naplint::schema::REPORT_SCHEMA_JSON).unwrap();
    let compiled =
        |decl: naplint::lang::CheckDecl<'_>| naplint::lang::compile(decl, &schema).unwrap();
    let funnel = compiled(naplint::lang::CheckDecl {
        scope: Some("/statistics/operations"),
        check: "guilty_pleas <= charged",
        message: Some("{name}: {arithmetic}"),
        ..Default::default()
    });
    let countries = compiled(naplint::lang::CheckDecl {
        scope: Some("/statistics/trp/cumulative"),
        check: "sum(top_countries_of_birth.count) <= $.statistics.trp.cumulative.recipients",
        ..Default::default()
    });
    // A check whose body reads no field of its elements still finds once per element.
    let each = compiled(naplint::lang::CheckDecl {
        scope: Some("/statistics/operations"),
        check: "$.statistics.trp.cumulative.male <= 100",
        ..Default::default()
    });
    let tokens = |p: &str| -> Vec<String> { p.split('/').skip(1).map(str::to_owned).collect() };
    for (check, pointer, meets) in [
        (&funnel, "", true),
        (&funnel, "/statistics", true),
        (&funnel, "/statistics/operations", true),
        // An element added, removed or replaced.
        (&funnel, "/statistics/operations/3", true),
        (&funnel, "/statistics/operations/-", true),
        (&funnel, "/statistics/operations/3/charged", true),
        (&funnel, "/statistics/operations/3/charged/value", true),
        (&funnel, "/statistics/operations/0/guilty_pleas", true),
        // The message's `{name}`.
        (&funnel, "/statistics/operations/0/name", true),
        (&funnel, "/statistics/operations/0/arrested", false),
        (&funnel, "/statistics/operations/0/charged_x", false),
        (&funnel, "/statistics/trp", false),
        (&funnel, "/funding/0/amount", false),
        (&countries, "/statistics/trp/cumulative", true),
        (&countries, "/statistics/trp/cumulative/recipients", true),
        (
            &countries,
            "/statistics/trp/cumulative/top_countries_of_birth",
            true,
        ),
        (
            &countries,
            "/statistics/trp/cumulative/top_countries_of_birth/2",
            true,
        ),
        (
            &countries,
            "/statistics/trp/cumulative/top_countries_of_birth/2/count",
            true,
        ),
        (
            &countries,
            "/statistics/trp/cumulative/top_countries_of_birth/2/country",
            false,
        ),
        (&countries, "/statistics/trp/cumulative/male", false),
        (&countries, "/statistics/trp/annual/0", false),
        (&countries, "/statistics/investigations", false),
        (&each, "/statistics/operations/3", true),
        (&each, "/statistics/operations/3/charged", false),
        (&each, "/statistics/trp/cumulative/male", true),
        (&each, "/statistics/trp/cumulative/female", false),
    ] {
        assert_eq!(check.reads_edit(&tokens(pointer)), meets, "{pointer}");
    }
}

/// A message's placeholders are filled once: a value put in is not searched for
/// placeholders again (else the message would depend on fields its template never names).
#[test]
fn placeholders_are_filled_once() {
    let text = fixture("R008/fail_charges.json");
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let plain = linter(vec![]).unwrap().check(&text, SourceFormat::Json);
    let r008 = |d: &[naplint::Diagnostic]| -> Vec<String> {
        d.iter()
            .filter(|d| d.code == "R008")
            .map(|d| d.message.clone())
            .collect()
    };
    let before = r008(&plain);
    assert!(!before.is_empty());
    let ops = doc["statistics"]["operations"].as_array_mut().unwrap();
    for op in ops.iter_mut() {
        let name = op["name"].as_str().unwrap_or_default().to_owned();
        op["name"] = serde_json::Value::from(format!("{name} {{charged}}"));
    }
    let edited = serde_json::to_string_pretty(&doc).unwrap();
    let after = r008(&linter(vec![]).unwrap().check(&edited, SourceFormat::Json));
    assert_eq!(after.len(), before.len());
    for message in &after {
        assert!(message.contains(" {charged}:"), "{message}");
    }
}
