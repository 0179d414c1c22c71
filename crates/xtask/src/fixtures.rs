//! `cargo xtask fixtures [--check]`: the rule fixtures under `tests/fixtures/<CODE>/`, each
//! the base report (`src/fixtures/base.json`) with one change, so that a failing fixture and
//! its passing twin differ only in the fact the rule guards; YAML twins of a few; the
//! previous-year report of `tests/across/`; and the text cases that are not documents
//! (broken syntax, raw bytes). Hand-written fixtures live beside them and are not touched.
//!
//! The output is the committed one byte for byte: JSON as `json.dumps(indent=2,
//! ensure_ascii=False)` wrote it, YAML as PyYAML's `safe_dump(sort_keys=False,
//! allow_unicode=True)` did for these documents (block style, single quotes where a plain
//! scalar would read as another type or an indicator). serde_json's `Value` would sort the
//! keys (its `preserve_order` feature would change the core's maps too, through feature
//! unification), and no YAML crate writes PyYAML's layout, hence the small writers here.

use naplint::source::{load, Node, SourceFormat, Value};
use std::path::{Path, PathBuf};

/// A JSON value with its keys in order and its numbers as written.
#[derive(Debug, Clone, PartialEq)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn from_node(n: &Node) -> J {
    match &n.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(x) => J::Num(x.raw.to_string()),
        Value::String(s) => J::Str(s.to_string()),
        Value::Array(items) => J::Arr(items.iter().map(from_node).collect()),
        Value::Object(members) => J::Obj(
            members
                .iter()
                .map(|m| (m.key.to_string(), from_node(&m.value)))
                .collect(),
        ),
    }
}

/// A JSON literal of this file.
fn j(text: &str) -> J {
    let loaded = load(text, SourceFormat::Json);
    match loaded.root {
        Some(root) if loaded.issues.is_empty() => from_node(&root),
        _ => panic!("fixtures.rs: bad JSON literal {text}"),
    }
}

fn base() -> J {
    j(include_str!("fixtures/base.json"))
}

impl J {
    fn child(&mut self, seg: &str) -> &mut J {
        match self {
            J::Obj(members) => {
                let i = members
                    .iter()
                    .position(|(k, _)| k == seg)
                    .unwrap_or_else(|| panic!("no key {seg}"));
                &mut members[i].1
            }
            J::Arr(items) => &mut items[seg.parse::<usize>().unwrap()],
            _ => panic!("{seg} of a scalar"),
        }
    }

    /// The value at a `/`-separated path (keys, or indexes in arrays).
    fn at(&mut self, path: &str) -> &mut J {
        path.split('/')
            .filter(|s| !s.is_empty())
            .fold(self, |node, seg| node.child(seg))
    }

    /// `parent[last] = value`: in place when the key exists, else appended.
    fn set(&mut self, path: &str, value: J) {
        let (parent, last) = path.rsplit_once('/').unwrap_or(("", path));
        match self.at(parent) {
            J::Obj(members) => match members.iter_mut().find(|(k, _)| k == last) {
                Some((_, v)) => *v = value,
                None => members.push((last.to_owned(), value)),
            },
            J::Arr(items) => items[last.parse::<usize>().unwrap()] = value,
            _ => panic!("set {path} in a scalar"),
        }
    }

    fn delete(&mut self, path: &str) {
        let (parent, last) = path.rsplit_once('/').unwrap_or(("", path));
        match self.at(parent) {
            J::Obj(members) => members.retain(|(k, _)| k != last),
            J::Arr(items) => {
                items.remove(last.parse::<usize>().unwrap());
            }
            _ => panic!("delete {path} in a scalar"),
        }
    }

    fn push(&mut self, path: &str, value: J) {
        match self.at(path) {
            J::Arr(items) => items.push(value),
            _ => panic!("push to {path}, not an array"),
        }
    }

    fn str(&self) -> Option<&str> {
        match self {
            J::Str(s) => Some(s),
            _ => None,
        }
    }
}

const D: &str = "pillars/0/objectives/0/tasks/0/deliverables";
const TRP: &str = "statistics/trp/cumulative";

type Mutation = Box<dyn Fn(&mut J)>;
/// A rule's fixtures: each name with the change it makes to the base (none for a twin of
/// the base).
type Cases = Vec<(&'static str, Option<Mutation>)>;

fn setv(path: &str, value: &str) -> Option<Mutation> {
    let (path, value) = (path.to_owned(), j(value));
    Some(Box::new(move |doc| doc.set(&path, value.clone())))
}

fn delete(path: &str) -> Option<Mutation> {
    let path = path.to_owned();
    Some(Box::new(move |doc| doc.delete(&path)))
}

fn chain(fs: Vec<Option<Mutation>>) -> Option<Mutation> {
    Some(Box::new(move |doc| {
        for f in fs.iter().flatten() {
            f(doc);
        }
    }))
}

fn f(g: impl Fn(&mut J) + 'static) -> Option<Mutation> {
    Some(Box::new(g))
}

fn d(i: usize, rest: &str) -> String {
    format!("{D}/{i}/{rest}")
}

fn trp(rest: &str) -> String {
    format!("{TRP}/{rest}")
}

/// A copy of the first deliverable with some fields replaced in place.
fn first_deliverable_with(doc: &mut J, fields: &[(&str, &str)]) -> J {
    let mut copy = doc.at(&format!("{D}/0")).clone();
    for (k, v) in fields {
        copy.set(k, J::Str((*v).to_owned()));
    }
    copy
}

#[allow(clippy::too_many_lines)]
fn cases() -> Vec<(&'static str, Cases)> {
    let task = r#"{"id": "1.12", "title": "Support prevention and intervention efforts.", "deliverables": []}"#;
    let task_ok = r#"{"id": "1.12", "title": "Support prevention and intervention efforts.", "deliverables": [{"id": "1.12.1", "text": "Develop a diagnostic tool.", "start": "2011/12", "status": "complete", "leads": ["PS"]}]}"#;
    let tasks = "pillars/0/objectives/0/tasks";
    vec![
        (
            "S001",
            vec![
                (
                    "fail_misspelt_field",
                    chain(vec![delete(&trp("female")), setv(&trp("femal"), "68")]),
                ),
                ("fail_wrong_type", setv(&trp("male"), r#""28""#)),
                ("fail_missing_required", delete("plan/title")),
                ("fail_negative_count", setv(&trp("male"), "-28")),
                (
                    "fail_huge_count",
                    setv(&trp("male"), "1000000000000000000000000000000"),
                ),
                ("pass", None),
            ],
        ),
        (
            "S004",
            vec![
                ("fail_version_2", setv("format_version", r#""2""#)),
                ("pass", None),
            ],
        ),
        // 1,001 unknown fields: 1,000 S001 findings shown, then the S007 notice of the one left.
        (
            "S007",
            vec![
                (
                    "fail",
                    chain(
                        (0..1001)
                            .map(|i| setv(&format!("report/x{i}"), &i.to_string()))
                            .collect(),
                    ),
                ),
                ("pass", None),
            ],
        ),
        (
            "P001",
            vec![
                ("fail", f(move |doc| doc.push(tasks, j(task)))),
                ("pass", f(move |doc| doc.push(tasks, j(task_ok)))),
            ],
        ),
        (
            "P002",
            vec![
                ("fail", setv(&d(0, "leads"), "[]")),
                ("fail_absent", delete(&d(0, "leads"))),
                ("pass", None),
            ],
        ),
        (
            "P003",
            vec![
                (
                    "fail_alias",
                    setv(&d(2, "leads"), r#"["CIC", "ESDC (TFWP)"]"#),
                ),
                ("fail_typo", setv(&d(0, "leads"), r#"["PSS"]"#)),
                (
                    "fail_unregistered_funder",
                    setv("funding/0/funder", r#""DFATD""#),
                ),
                ("pass", None),
            ],
        ),
        (
            "P004",
            vec![("fail", delete(&d(0, "start"))), ("pass", None)],
        ),
        (
            "P005",
            vec![
                ("fail_dash", setv(&d(0, "start"), r#""2012-13""#)),
                ("fail_long", setv(&d(1, "items/1/start"), r#""2012/2013""#)),
                ("fail_not_consecutive", setv(&d(0, "start"), r#""2012/14""#)),
                ("fail_unfixable", setv(&d(0, "start"), r#""FY13""#)),
                ("pass", None),
            ],
        ),
        (
            "P006",
            vec![
                ("fail_spelling", setv(&d(0, "status"), r#""In Progress""#)),
                (
                    "fail_completed",
                    setv(&d(1, "items/0/status"), r#""completed""#),
                ),
                ("fail_unknown", setv(&d(0, "status"), r#""halfway""#)),
                ("pass", None),
            ],
        ),
        (
            "P007",
            vec![("fail", delete(&d(0, "status"))), ("pass", None)],
        ),
        (
            "P008",
            vec![("fail", delete(&d(2, "target"))), ("pass", None)],
        ),
        (
            "P009",
            vec![
                ("fail", setv(&d(2, "target"), r#""2012/13""#)),
                ("pass", None),
            ],
        ),
        (
            "P010",
            vec![
                ("fail", setv(&d(0, "start"), r#""2014/15""#)),
                (
                    "pass",
                    chain(vec![
                        setv(&d(0, "start"), r#""2014/15""#),
                        setv(&d(0, "status"), r#""planned""#),
                        setv(&d(0, "new"), "true"),
                    ]),
                ),
            ],
        ),
        (
            "P011",
            vec![
                ("fail_new_but_old", setv(&d(0, "new"), "true")),
                ("fail_current_not_new", delete(&d(2, "new"))),
                ("pass", None),
            ],
        ),
        (
            "P012",
            vec![
                ("fail_deliverable", setv(&d(0, "id"), r#""1.12.1""#)),
                (
                    "fail_objective",
                    setv("pillars/0/objectives/0/id", r#""2.1""#),
                ),
                ("pass", None),
            ],
        ),
        (
            "P013",
            vec![
                (
                    "fail",
                    f(|doc| {
                        let copy = first_deliverable_with(
                            doc,
                            &[("text", "A second deliverable with the same id.")],
                        );
                        doc.push(D, copy);
                    }),
                ),
                (
                    "pass",
                    f(|doc| {
                        let copy = first_deliverable_with(
                            doc,
                            &[
                                ("id", "1.11.4"),
                                ("text", "A second deliverable with its own id."),
                            ],
                        );
                        doc.push(D, copy);
                    }),
                ),
            ],
        ),
        (
            "P014",
            vec![
                ("fail_items_complete", setv(&d(1, "status"), r#""ongoing""#)),
                (
                    "fail_item_not_complete",
                    setv(&d(1, "items/1/status"), r#""ongoing""#),
                ),
                ("pass", None),
            ],
        ),
        (
            "P015",
            vec![
                ("fail", setv(&d(1, "items/0/start"), r#""2010/11""#)),
                ("pass", None),
            ],
        ),
        (
            "P016",
            vec![
                (
                    "fail",
                    f(|doc| {
                        doc.push(
                            "departments",
                            j(r#"{"code": "SWC", "name": "Status of Women Canada", "membership": "core"}"#),
                        );
                    }),
                ),
                (
                    "pass",
                    f(|doc| {
                        doc.push(
                            "departments",
                            j(r#"{"code": "SWC", "name": "Status of Women Canada", "membership": "ad_hoc"}"#),
                        );
                    }),
                ),
            ],
        ),
        (
            "P017",
            vec![
                (
                    "fail_trailing",
                    setv(
                        &d(0, "text"),
                        r#""Promote online training tool launched by the BC Office to Combat Trafficking in Persons. ""#,
                    ),
                ),
                (
                    "fail_double",
                    setv(
                        "plan/title",
                        r#""National Action Plan to  Combat Human Trafficking""#,
                    ),
                ),
                (
                    "fail_invisible",
                    setv(
                        &d(0, "text"),
                        r#""Promote online\u200b training tool launched by the BC Office\u0007 to Combat Trafficking in Persons.""#,
                    ),
                ),
                // Two distinct findings of one rule at one pointer: both are reported.
                (
                    "fail_invisible_and_trailing",
                    setv(
                        &d(0, "text"),
                        r#""Promote online training tool launched by the BC Office to Combat Trafficking in Persons.\u200b ""#,
                    ),
                ),
                ("pass", None),
            ],
        ),
        (
            "M001",
            vec![
                (
                    "fail",
                    setv(&trp("period"), r#"{"start": "2013-12", "end": "2006-05"}"#),
                ),
                ("pass", None),
            ],
        ),
        (
            "M002",
            vec![
                (
                    "fail",
                    setv(
                        "report/period",
                        r#"{"start": "2012-04-01", "end": "2013-03-31"}"#,
                    ),
                ),
                ("pass", None),
            ],
        ),
        (
            "M003",
            vec![
                (
                    "fail_training_end",
                    setv("statistics/training/0/period/end", r#""2014-04""#),
                ),
                (
                    "fail_as_of",
                    setv("statistics/court_cases/as_of", r#""2014-05-01""#),
                ),
                (
                    "pass",
                    setv("statistics/training/0/period/end", r#""2014-03""#),
                ),
            ],
        ),
        (
            "M004",
            vec![
                (
                    "fail_unassigned",
                    setv(&trp("top_countries_of_birth/1/country"), r#""XX""#),
                ),
                (
                    "fail_lowercase",
                    setv(&trp("top_countries_of_birth/0/country"), r#""th""#),
                ),
                ("fail_name", setv("plan/jurisdiction", r#""Canada""#)),
                ("pass", None),
            ],
        ),
        (
            "M005",
            vec![
                (
                    "fail_unknown",
                    setv("funding/0/amount/currency", r#""CDN""#),
                ),
                (
                    "fail_lowercase",
                    setv("funding/0/amount/currency", r#""cad""#),
                ),
                ("pass", None),
            ],
        ),
        (
            "R001",
            vec![
                ("fail", setv(&trp("male"), "29")),
                (
                    "fail_approximate",
                    setv(
                        &trp("female"),
                        r#"{"value": 50, "qualifier": "approximately"}"#,
                    ),
                ),
                (
                    "pass_approximate",
                    setv(
                        &trp("female"),
                        r#"{"value": 70, "qualifier": "approximately"}"#,
                    ),
                ),
                ("pass", None),
            ],
        ),
        (
            "R002",
            vec![
                ("fail", setv(&trp("permits_issued"), "100")),
                ("pass", None),
            ],
        ),
        (
            "R003",
            vec![
                (
                    "fail_country_exceeds",
                    setv(&trp("top_countries_of_birth/1/count"), "103"),
                ),
                (
                    "fail_sum_exceeds",
                    setv(&trp("top_countries_of_birth/2/count"), "60"),
                ),
                (
                    "fail_repeated",
                    setv(&trp("top_countries_of_birth/2/country"), r#""TH""#),
                ),
                (
                    "fail_order",
                    setv(&trp("top_countries_of_birth/2/count"), "20"),
                ),
                ("pass", None),
            ],
        ),
        (
            "R004",
            vec![
                (
                    "fail",
                    setv("statistics/trp/annual/0/subsequent_permits", "5"),
                ),
                ("pass", None),
            ],
        ),
        (
            "R005",
            vec![
                (
                    "fail",
                    setv("statistics/trp/annual/0/permits_issued", "240"),
                ),
                (
                    "pass_outside_period",
                    chain(vec![
                        setv("statistics/trp/annual/0/year", "2014"),
                        setv("statistics/trp/annual/0/new_victims", "110"),
                    ]),
                ),
                ("pass", None),
            ],
        ),
        (
            "R006",
            vec![
                ("fail", setv("statistics/investigations/0/ongoing", "7")),
                ("pass", None),
            ],
        ),
        (
            "R007",
            vec![
                (
                    "fail",
                    setv(
                        "statistics/training/0/law_enforcement",
                        r#"{"value": 66427, "qualifier": "approximately"}"#,
                    ),
                ),
                ("pass", None),
            ],
        ),
        (
            "R008",
            vec![
                (
                    "fail_charges",
                    setv("statistics/operations/0/charges_laid", "18"),
                ),
                (
                    "fail_arrested_warning",
                    setv("statistics/operations/0/arrested", "15"),
                ),
                ("pass", None),
            ],
        ),
        (
            "R009",
            vec![
                (
                    "fail_years",
                    setv("funding/0/years", r#"{"start": 2016, "end": 2012}"#),
                ),
                ("fail_zero", setv("funding/0/amount/value", "0")),
                ("pass", None),
            ],
        ),
        (
            "X001",
            vec![
                ("fail", setv(&d(1, "status"), r#""ongoing""#)),
                ("pass", None),
            ],
        ),
        (
            "X002",
            vec![
                ("fail", setv(&d(0, "start"), r#""2011/12""#)),
                ("pass", None),
            ],
        ),
        (
            "X003",
            vec![("fail", setv(&d(0, "new"), "true")), ("pass", None)],
        ),
        (
            "X004",
            vec![
                ("fail", f(|doc| doc.delete(&format!("{D}/0")))),
                (
                    "pass_discontinued_kept",
                    setv(&d(0, "status"), r#""discontinued""#),
                ),
            ],
        ),
        (
            "X005",
            vec![
                ("fail", setv(&trp("permits_issued"), "200")),
                ("fail_outreach", setv("statistics/outreach/0/count", "4000")),
                ("pass", None),
            ],
        ),
    ]
}

/// YAML twins: the same case written in YAML, so every family is also checked through the
/// YAML loader and its positions.
const YAML_TWINS: &[(&str, &str)] = &[
    ("P005", "fail_dash"),
    ("P005", "pass"),
    ("P006", "fail_spelling"),
    ("R001", "fail"),
    ("P003", "fail_alias"),
    ("P017", "fail_double"),
];

/// The same plan a year earlier: what the base reports as of 2012/13.
fn previous_year(doc: &mut J) {
    for (k, v) in [
        ("title", r#""2012-2013 Annual Report on Progress""#),
        ("edition", "1"),
        ("fiscal_year", r#""2012/13""#),
        ("period", r#"{"start": "2012-04-01", "end": "2013-03-31"}"#),
    ] {
        doc.set(&format!("report/{k}"), j(v));
    }
    if let J::Arr(ds) = doc.at(D) {
        ds.retain(|d| {
            let mut d = d.clone();
            d.at("start").str().is_some_and(|s| s < "2013/14")
        });
    }
    for (k, v) in [
        ("period", r#"{"start": "2006-05", "end": "2012-12"}"#),
        ("permits_issued", "216"),
        ("recipients", "92"),
        ("male", "25"),
        ("female", "61"),
        ("minor_dependents", "6"),
        (
            "top_countries_of_birth",
            r#"[{"country": "TH", "count": 29}, {"country": "HU", "count": 15}, {"country": "PH", "count": 12}]"#,
        ),
    ] {
        doc.set(&trp(k), j(v));
    }
    for (k, v) in [
        (
            "trp/annual",
            r#"[{"year": 2012, "permits_issued": 25, "initial_permits": 18, "subsequent_permits": 7}]"#,
        ),
        ("court_cases/as_of", r#""2013-03-31""#),
        ("court_cases/completed/cases", "56"),
        ("court_cases/completed/victims", "132"),
        ("court_cases/completed/accused_convicted", "70"),
        ("training/0/period/end", r#""2012-12""#),
        ("training/0/participants/value", "49500"),
        ("training/0/law_enforcement/value", "21000"),
    ] {
        doc.set(&format!("statistics/{k}"), j(v));
    }
    doc.delete("statistics/investigations");
    doc.delete("statistics/operations");
    doc.set("statistics/outreach/0/count/value", j("5000"));
}

// ---- JSON, as Python's json.dumps(indent=2, ensure_ascii=False) writes it -------------

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json(v: &J, indent: usize, out: &mut String) {
    let pad = |n: usize| " ".repeat(n);
    match v {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(n) => out.push_str(n),
        J::Str(s) => json_string(s, out),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Obj(members) if members.is_empty() => out.push_str("{}"),
        J::Arr(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                out.push_str(&pad(indent + 2));
                json(item, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&pad(indent));
            out.push(']');
        }
        J::Obj(members) => {
            out.push_str("{\n");
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                out.push_str(&pad(indent + 2));
                json_string(k, out);
                out.push_str(": ");
                json(item, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&pad(indent));
            out.push('}');
        }
    }
}

fn json_text(v: &J) -> String {
    let mut out = String::new();
    json(v, 0, &mut out);
    out.push('\n');
    out
}

// ---- YAML, as PyYAML's safe_dump(sort_keys=False, allow_unicode=True) writes these ----

/// Whether PyYAML's YAML 1.1 resolver would read `s`, written plain, as something other
/// than a string (so it must be quoted).
fn resolves_to_non_string(s: &str) -> bool {
    use regex_lite::Regex;
    const PATTERNS: &[&str] = &[
        r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
        r"^(?:~|null|Null|NULL|)$",
        r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
        r"^(?:<<|=)$",
    ];
    PATTERNS
        .iter()
        .any(|p| Regex::new(p).is_ok_and(|re| re.is_match(s)))
}

/// Whether PyYAML's scalar analysis allows `s` plain in block context.
fn plain_allowed(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else {
        return false;
    };
    if s.starts_with("---") || s.starts_with("...") || first == ' ' || last == ' ' {
        return false;
    }
    let spaced = |i: usize| chars.get(i).is_none_or(|c| *c == ' ');
    if "#,[]{}&*!|>'\"%@`".contains(first) || ("?:-".contains(first) && spaced(1)) {
        return false;
    }
    for (i, c) in chars.iter().enumerate().skip(1) {
        if (*c == ':' && spaced(i + 1)) || (*c == '#' && chars[i - 1] == ' ') {
            return false;
        }
    }
    chars
        .iter()
        .all(|c| !c.is_control() && *c != '\u{feff}' && *c != '\u{85}')
}

fn yaml_scalar(s: &str) -> String {
    if plain_allowed(s) && !resolves_to_non_string(s) {
        s.to_owned()
    } else if s.chars().all(|c| !c.is_control()) {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        // Not met by the YAML twins; JSON's escapes are valid in YAML double quotes.
        let mut out = String::new();
        json_string(s, &mut out);
        out
    }
}

fn yaml_inline(v: &J) -> Option<String> {
    match v {
        J::Null => Some("null".to_owned()),
        J::Bool(b) => Some(if *b { "true" } else { "false" }.to_owned()),
        J::Num(n) => Some(n.clone()),
        J::Str(s) => Some(yaml_scalar(s)),
        J::Arr(items) if items.is_empty() => Some("[]".to_owned()),
        J::Obj(members) if members.is_empty() => Some("{}".to_owned()),
        _ => None,
    }
}

/// A mapping's members at `indent`; `first_inline` when the first member follows a `- `.
fn yaml_map(members: &[(String, J)], indent: usize, first_inline: bool, out: &mut String) {
    for (i, (k, v)) in members.iter().enumerate() {
        if !(first_inline && i == 0) {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&yaml_scalar(k));
        out.push(':');
        match (yaml_inline(v), v) {
            (Some(text), _) => {
                out.push(' ');
                out.push_str(&text);
                out.push('\n');
            }
            (None, J::Arr(items)) => {
                out.push('\n');
                yaml_seq(items, indent, out);
            }
            (None, J::Obj(inner)) => {
                out.push('\n');
                yaml_map(inner, indent + 2, false, out);
            }
            (None, _) => unreachable!(),
        }
    }
}

fn yaml_seq(items: &[J], indent: usize, out: &mut String) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match (yaml_inline(item), item) {
            (Some(text), _) => {
                out.push_str(&text);
                out.push('\n');
            }
            (None, J::Obj(members)) => yaml_map(members, indent + 2, true, out),
            (None, J::Arr(inner)) => {
                out.push('\n');
                yaml_seq(inner, indent + 2, out);
            }
            (None, _) => unreachable!(),
        }
    }
}

fn yaml_text(doc: &J) -> String {
    let mut out =
        String::from("# yaml-language-server: $schema=../../../schemas/report.schema.json\n");
    if let J::Obj(members) = doc {
        let body: Vec<(String, J)> = members
            .iter()
            .filter(|(k, _)| k != "$schema")
            .cloned()
            .collect();
        yaml_map(&body, 0, false, &mut out);
    }
    out
}

/// Every generated file with its bytes.
pub fn artefacts(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = root.join("tests/fixtures");
    let mut out = Vec::new();
    for (code, cases) in cases() {
        for (name, mutation) in cases {
            let mut doc = base();
            if let Some(m) = mutation {
                m(&mut doc);
            }
            out.push((
                dir.join(code).join(format!("{name}.json")),
                json_text(&doc).into_bytes(),
            ));
            if YAML_TWINS.contains(&(code, name)) {
                out.push((
                    dir.join(code).join(format!("{name}.yaml")),
                    yaml_text(&doc).into_bytes(),
                ));
            }
        }
    }
    let mut previous = base();
    previous_year(&mut previous);
    previous.set(
        "$schema",
        J::Str("../../schemas/report.schema.json".to_owned()),
    );
    out.push((
        root.join("tests/across/previous.json"),
        json_text(&previous).into_bytes(),
    ));
    // Fixtures that are not documents: broken syntax, raw bytes.
    let base = json_text(&base());
    let replace_first = |from: &str, to: &str| base.replacen(from, to, 1);
    out.push((
        dir.join("S002/fail.json"),
        replace_first("\"male\": 28,", "\"male\": 28,\n        \"male\": 29,").into_bytes(),
    ));
    out.push((dir.join("S002/pass.json"), base.clone().into_bytes()));
    out.push((
        dir.join("S003/fail_trailing_comma.json"),
        replace_first("\"coordinator\": \"PS\"", "\"coordinator\": \"PS\",").into_bytes(),
    ));
    let half: String = base.chars().take(base.chars().count() / 2).collect();
    out.push((dir.join("S003/fail_truncated.json"), half.into_bytes()));
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(base.as_bytes());
    out.push((dir.join("S003/fail_bom.json"), bom));
    // `Prevention` with its `e` as Latin-1 `é` (0xE9): not UTF-8.
    let mut latin = base.as_bytes().to_vec();
    if let Some(byte) = base.find("Prevention").and_then(|at| latin.get_mut(at + 2)) {
        *byte = 0xe9;
    }
    out.push((dir.join("S003/fail_invalid_utf8.json"), latin));
    out.push((
        dir.join("S003/fail_tab_indent.yaml"),
        b"format_version: '1'\nplan:\n\tid: ca-nap-cht\n".to_vec(),
    ));
    out.push((dir.join("S003/pass.json"), base.into_bytes()));
    out
}

/// `cargo xtask fixtures [--check]`: writes the fixtures, or with `--check` names every
/// one that is missing or differs from what would be written.
pub fn run(root: &Path, check: bool) -> Result<usize, String> {
    let files = artefacts(root);
    if files.is_empty() {
        return Err("no fixture to generate".to_owned());
    }
    let total = files.len();
    let mut stale = 0;
    for (path, bytes) in files {
        let shown = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        match std::fs::read(&path) {
            Ok(current) if current == bytes => continue,
            Ok(_) if check => eprintln!("fixture differs from its generation: {shown}"),
            Err(_) if check => eprintln!("fixture missing: {shown}"),
            _ => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{shown}: {e}"))?;
                }
                std::fs::write(&path, &bytes).map_err(|e| format!("{shown}: {e}"))?;
                println!("wrote {shown}");
                continue;
            }
        }
        stale += 1;
    }
    if check && stale == 0 {
        println!("fixtures: {total} files as generated");
    }
    Ok(stale)
}

#[cfg(test)]
mod tests {
    use super::{artefacts, run};
    use std::path::Path;

    fn repo() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
    }

    #[test]
    fn the_committed_fixtures_are_as_generated() {
        assert_eq!(run(repo(), true), Ok(0));
    }

    #[test]
    fn check_counts_every_missing_or_changed_fixture_and_writing_repairs_them() {
        let dir = tempfile::tempdir().unwrap();
        let total = artefacts(dir.path()).len();
        assert!(total > 100, "only {total} fixtures");
        assert_eq!(run(dir.path(), true), Ok(total), "all missing");
        assert_eq!(run(dir.path(), false), Ok(0), "written");
        assert_eq!(run(dir.path(), true), Ok(0), "now current");
        let one = dir.path().join("tests/fixtures/R001/fail.yaml");
        std::fs::write(&one, "format_version: '1'\n").unwrap();
        assert_eq!(run(dir.path(), true), Ok(1), "one changed");
    }
}
