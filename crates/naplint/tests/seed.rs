//! The 2013-14 report encoded as data: it loads, holds what the report prints, its YAML
//! twin is the same document with positions on the right lines, and naplint's findings on
//! it match the committed snapshot `seeds/2013-14/findings.json`.

#![allow(clippy::disallowed_methods)]

use naplint::model::{Figure, Report};
use naplint::{Config, Diagnostic, Linter, SourceFormat};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn seed(name: &str) -> (PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds/2013-14")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

fn report() -> Report {
    serde_json::from_str(&seed("report.json").1).unwrap()
}

fn check(name: &str) -> Vec<Diagnostic> {
    let (_, text) = seed(name);
    Linter::new(Config::default())
        .unwrap()
        .check(&text, SourceFormat::from_path(name))
}

#[test]
fn holds_every_task_of_the_chart() {
    let r = report();
    let tasks: Vec<(&str, usize)> = r
        .pillars
        .iter()
        .flat_map(|p| &p.objectives)
        .flat_map(|o| &o.tasks)
        .map(|t| (t.id.as_str(), t.deliverables.len()))
        .collect();
    let expected = [
        ("1.11", 15),
        ("1.12", 1),
        ("1.13", 3),
        ("1.14", 1),
        ("2.11", 3),
        ("2.12", 2),
        ("2.13", 12),
        ("2.14", 2),
        ("3.11", 10),
        ("3.12", 2),
        ("3.13", 14),
        ("3.14", 4),
        ("3.15", 2),
        ("3.16", 2),
        ("4.11", 11),
        ("4.12", 2),
        ("4.13", 5),
        ("4.14", 11),
    ];
    assert_eq!(tasks, expected);
    let keys: Vec<_> = r
        .pillars
        .iter()
        .map(|p| serde_json::to_value(p.key).unwrap())
        .collect();
    assert_eq!(
        keys,
        ["prevention", "protection", "prosecution", "partnership"]
    );
    let starts: usize = r
        .pillars
        .iter()
        .flat_map(|p| &p.objectives)
        .flat_map(|o| &o.tasks)
        .flat_map(|t| &t.deliverables)
        .map(|d| {
            usize::from(d.start.is_some()) + d.items.iter().filter(|i| i.start.is_some()).count()
        })
        .sum();
    assert_eq!(starts, 105, "start entries printed in Annex A");
}

#[test]
fn holds_the_reported_statistics() {
    let r = report();
    let stats = r.statistics.unwrap();
    let trp = stats.trp.unwrap();
    let c = trp.cumulative.unwrap();
    let v = |f: Option<Figure>| f.map(Figure::value);
    assert_eq!((c.permits_issued.value(), c.recipients.value()), (230, 102));
    assert_eq!(
        (v(c.male), v(c.female), v(c.minor_dependents)),
        (Some(28), Some(68), Some(6))
    );
    let countries: Vec<_> = c
        .top_countries_of_birth
        .iter()
        .map(|cc| (cc.country.as_str().to_owned(), cc.count.value()))
        .collect();
    assert_eq!(
        countries,
        [
            ("TH".to_owned(), 31),
            ("HU".to_owned(), 17),
            ("PH".to_owned(), 14),
            ("MD".to_owned(), 10),
            ("MX".to_owned(), 9)
        ]
    );
    let y2013 = trp.annual.first().unwrap();
    assert_eq!(
        (
            y2013.year,
            y2013.permits_issued.value(),
            v(y2013.initial_permits),
            v(y2013.subsequent_permits)
        ),
        (2013, 14, Some(10), Some(4))
    );
    let court = stats.court_cases.unwrap();
    let done = court.completed.unwrap();
    assert_eq!(
        (
            done.since,
            done.cases.value(),
            done.victims.value(),
            done.accused_convicted.value()
        ),
        (2005, 71, 165, 85)
    );
    let before = court.before_courts.unwrap();
    assert_eq!(before.cases.describe(naplint::Lang::En), "approximately 87");
    assert_eq!(
        before.accused.describe(naplint::Lang::En),
        "approximately 139"
    );
    assert_eq!(
        before.victims.describe(naplint::Lang::En),
        "approximately 160"
    );
    let op = stats.operations.first().unwrap();
    assert_eq!(
        (
            v(op.arrested),
            v(op.charged),
            v(op.charges_laid),
            v(op.guilty_pleas)
        ),
        (Some(30), Some(20), Some(108), Some(8))
    );
    let inv = stats.investigations.first().unwrap();
    assert_eq!(
        [
            inv.launched,
            inv.closed,
            inv.ongoing,
            inv.escalated,
            inv.concluded_with_charges
        ]
        .map(Figure::value),
        [14, 6, 6, 1, 1]
    );
    assert_eq!(
        stats
            .training
            .first()
            .unwrap()
            .participants
            .describe(naplint::Lang::En),
        "approximately 56,427"
    );
    assert_eq!(
        r.funding.len(),
        8,
        "seven DFATD projects and the Victims Fund"
    );
}

/// Every section the model copies comes back as written. The pillars hold the chart's
/// texts, which the model does not copy (`model::Prose`): serialising them is an error,
/// never a silently emptied text; their ids, leads, statuses and years still round-trip.
#[test]
fn round_trips_through_the_model() {
    let (_, text) = seed("report.json");
    let original: Value = serde_json::from_str(&text).unwrap();
    let typed: Report = serde_json::from_value(original.clone()).unwrap();
    let sections = [
        ("plan", serde_json::to_value(&typed.plan)),
        ("report", serde_json::to_value(&typed.report)),
        ("departments", serde_json::to_value(&typed.departments)),
        ("statistics", serde_json::to_value(&typed.statistics)),
        ("funding", serde_json::to_value(&typed.funding)),
    ];
    for (name, copied) in sections {
        assert_eq!(copied.unwrap(), original[name], "section {name}");
    }
    let err = serde_json::to_value(&typed).unwrap_err().to_string();
    assert!(err.contains("no copy of the chart's texts"), "{err}");
    // The chart: every deliverable, in order, with its id, leads and status as written.
    let written: Vec<&Value> = original["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["objectives"].as_array().unwrap())
        .flat_map(|o| o["tasks"].as_array().unwrap())
        .flat_map(|t| t["deliverables"].as_array().unwrap())
        .collect();
    let read: Vec<_> = typed
        .pillars
        .iter()
        .flat_map(|p| &p.objectives)
        .flat_map(|o| &o.tasks)
        .flat_map(|t| &t.deliverables)
        .collect();
    assert_eq!(read.len(), written.len());
    assert_eq!(read.len(), 102);
    for (d, w) in read.iter().zip(&written) {
        assert_eq!(Value::from(d.id.as_str()), w["id"]);
        assert_eq!(serde_json::to_value(&d.leads).unwrap(), w["leads"]);
        assert_eq!(serde_json::to_value(d.status).unwrap(), w["status"]);
    }
}

#[test]
fn yaml_twin_is_the_same_document() {
    let json = naplint::source::load(&seed("report.json").1, SourceFormat::Json)
        .root
        .unwrap()
        .to_json();
    let yaml = naplint::source::load(&seed("report.yaml").1, SourceFormat::Yaml)
        .root
        .unwrap()
        .to_json();
    let mut json = json;
    json.as_object_mut().unwrap().remove("$schema");
    assert_eq!(json, yaml);
}

#[test]
fn yaml_findings_match_json_findings_at_yaml_lines() {
    let from_json = check("report.json");
    let from_yaml = check("report.yaml");
    let key = |d: &Diagnostic| (d.code.clone(), d.pointer.clone());
    assert_eq!(
        from_json.iter().map(key).collect::<Vec<_>>(),
        from_yaml.iter().map(key).collect::<Vec<_>>()
    );
    let (_, yaml_text) = seed("report.yaml");
    let lines: Vec<&str> = yaml_text.lines().collect();
    for d in &from_yaml {
        let line = lines[d.line - 1];
        let last = d.pointer.rsplit('/').next().unwrap();
        // A member's value sits on its key's line; an array element starts at its `- `.
        let expected = if last.parse::<usize>().is_ok() {
            "- ".to_owned()
        } else {
            format!("{last}:")
        };
        assert!(
            line.contains(&expected),
            "{} {} points at YAML line {} `{line}`",
            d.code,
            d.pointer,
            d.line
        );
    }
    assert!(!from_yaml.is_empty());
}

#[test]
fn findings_match_the_committed_snapshot() {
    let diagnostics = check("report.json");
    let actual = serde_json::to_value(&diagnostics).unwrap();
    let (path, _) = seed("findings.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
        return;
    }
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        actual, expected,
        "naplint's findings on the seed changed: review, then UPDATE_SNAPSHOTS=1"
    );
    assert!(
        diagnostics.iter().all(|d| !d.code.starts_with('S')),
        "the seed is well-formed and schema-valid"
    );
}

/// Changing any single fact a rule guards in the published report makes that rule fire.
#[test]
fn one_changed_fact_trips_its_rule() {
    let (_, text) = seed("report.json");
    let linter = Linter::new(Config::default()).unwrap();
    let cases: [(&str, &str, &str); 7] = [
        ("\"male\": 28", "\"male\": 29", "R001"),
        (
            "\"leads\": [\n                    \"PS\",\n                    \"JUS\"",
            "\"leads\": [\n                    \"PS\",\n                    \"JUSTICE\"",
            "P003",
        ),
        ("\"start\": \"2012/13\"", "\"start\": \"2015/16\"", "P010"),
        ("\"status\": \"ongoing\"", "\"status\": \"Ongoing\"", "P006"),
        ("\"closed\": 6", "\"closed\": 7", "R006"),
        ("\"currency\": \"CAD\"", "\"currency\": \"CDN\"", "M005"),
        ("\"charges_laid\": 108", "\"charges_laid\": 18", "R008"),
    ];
    let before: Vec<String> = linter
        .check(&text, SourceFormat::Json)
        .into_iter()
        .map(|d| d.code)
        .collect();
    for (from, to, code) in cases {
        assert!(text.contains(from), "the seed has no `{from}`");
        let count = |codes: &[String]| codes.iter().filter(|c| *c == code).count();
        let changed = text.replacen(from, to, 1);
        let after: Vec<String> = linter
            .check(&changed, SourceFormat::Json)
            .into_iter()
            .map(|d| d.code)
            .collect();
        assert!(
            count(&after) > count(&before),
            "changing `{from}` to `{to}` did not trip {code}: {after:?}"
        );
    }
}
