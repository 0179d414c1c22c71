//! A rule's declared sections ([`crate::rules::Rule::reads`]) are honest: for every
//! fixture and the seed, replacing or removing a top-level section the rule does not
//! declare never changes the findings of its `check` or its rule-language checks. A
//! wrong declaration would let a session keep stale findings; this test fails on it.

#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::indexing_slicing
)]

use super::{Linter, Model, Parts};
use crate::registry::RULES;
use crate::rules::chart::Chart;
use crate::rules::Reads;
use crate::source::{self, SourceFormat};
use crate::Config;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = vec![root.join("seeds/2013-14/report.json")];
    for dir in std::fs::read_dir(root.join("tests/fixtures"))
        .unwrap()
        .flatten()
    {
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let name = f.path().to_string_lossy().into_owned();
            if (name.ends_with(".json") || name.ends_with(".yaml"))
                && !name.ends_with(".expected.json")
            {
                out.push(f.path());
            }
        }
    }
    out.sort();
    out
}

/// The fixture as a JSON object (YAML ones through the tree), when it reads as one.
fn document(path: &Path) -> Option<serde_json::Map<String, Value>> {
    let text = std::fs::read_to_string(path).ok()?;
    let format = if path.extension().is_some_and(|e| e == "yaml") {
        SourceFormat::Yaml
    } else {
        SourceFormat::Json
    };
    let loaded = source::load(&text, format);
    if !loaded.issues.is_empty() {
        return None;
    }
    match loaded.root?.to_json() {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

/// Every input that reads as a JSON object, with its path.
fn documents() -> Vec<(PathBuf, serde_json::Map<String, Value>)> {
    inputs()
        .iter()
        .filter_map(|p| Some((p.clone(), document(p)?)))
        .collect()
}

/// Up to 8 distinct values per key, in the order met.
fn pool_of<K: Ord>(pairs: impl IntoIterator<Item = (K, Value)>) -> BTreeMap<K, Vec<Value>> {
    let mut pool: BTreeMap<K, Vec<Value>> = BTreeMap::new();
    for (key, value) in pairs {
        let values = pool.entry(key).or_default();
        if values.len() < 8 && !values.contains(&value) {
            values.push(value);
        }
    }
    pool
}

/// `object` with `key` replaced by each of `values` it does not hold already, then with
/// `key` removed (when it is there): the edits the honesty tests make, each with whether
/// it replaced (rather than removed).
fn member_edits<'a>(
    object: &'a serde_json::Map<String, Value>,
    key: &'a str,
    values: &'a [Value],
) -> impl Iterator<Item = (serde_json::Map<String, Value>, bool)> + 'a {
    let replaced = values
        .iter()
        .filter(move |v| object.get(key) != Some(*v))
        .map(move |v| {
            let mut edited = object.clone();
            edited.insert(key.to_owned(), v.clone());
            (edited, true)
        });
    let removed = object.contains_key(key).then(|| {
        let mut edited = object.clone();
        edited.remove(key);
        (edited, false)
    });
    replaced.chain(removed)
}

/// Each rule's findings (its `check`'s, then its rule-language checks'), by code; `None`
/// when the document does not reach the rules (S004, or it does not fit the model).
fn findings(linter: &Linter, doc: &serde_json::Map<String, Value>) -> Option<Findings> {
    let text = serde_json::to_string_pretty(doc).unwrap();
    let loaded = source::load(&text, SourceFormat::Json);
    let parts: Parts = linter.parts(&text, &loaded, None, None);
    let Model::Ok { findings, .. } = parts.model else {
        return None;
    };
    let mut out: BTreeMap<&'static str, Vec<_>> = BTreeMap::new();
    for (rule, f) in RULES.iter().zip(findings) {
        out.entry(rule.code).or_default().extend(f);
    }
    for (run, (code, _)) in parts.checks.iter().zip(&linter.checks) {
        let rule = RULES.iter().find(|r| r.code == code).unwrap();
        out.entry(rule.code)
            .or_default()
            .extend(run.findings.iter().cloned());
    }
    Some(out)
}

type Findings = BTreeMap<&'static str, Vec<crate::diagnostic::Finding>>;

/// One edit of one document, as the honesty tests word it.
struct Edit<'a> {
    path: &'a Path,
    what: &'a str,
    replaced: bool,
}

/// For each rule that declares what it reads: when `declares` says the edit meets its
/// declaration, counts whether its findings changed; otherwise asserts they did not.
/// Returns (rules compared, declared rules whose findings changed).
fn compare_declared(
    declared: &[(&'static str, &'static [&'static str])],
    before: &Findings,
    after: &Findings,
    edit: &Edit<'_>,
    declares: impl Fn(&'static [&'static str]) -> bool,
) -> (usize, usize) {
    let (mut compared, mut changed) = (0, 0);
    for &(code, parts) in declared {
        if declares(parts) {
            changed += usize::from(before.get(code) != after.get(code));
            continue;
        }
        assert_eq!(
            before.get(code),
            after.get(code),
            "{code} declares {parts:?}, but its findings on {} change when `{}` is {}",
            edit.path.display(),
            edit.what,
            if edit.replaced { "replaced" } else { "removed" },
        );
        compared += 1;
    }
    (compared, changed)
}

#[test]
fn a_rules_declared_sections_are_honest() {
    let linter = Linter::new(Config {
        lines: false,
        ..Config::default()
    })
    .unwrap();
    let docs = documents();
    // Up to 8 distinct values of each top-level section, from every document.
    let pool = pool_of(docs.iter().flat_map(|(_, doc)| doc.clone()));
    let declared: Vec<(&'static str, &'static [&'static str])> = RULES
        .iter()
        .filter_map(|r| match r.reads {
            Reads::Sections(s) => Some((r.code, s)),
            Reads::Everything | Reads::Local => None,
        })
        .collect();
    let local: Vec<&str> = RULES
        .iter()
        .filter(|r| r.reads == Reads::Local)
        .map(|r| r.code)
        .collect();
    let outside = |findings: Option<&Vec<crate::diagnostic::Finding>>, section: &str| {
        let prefix = format!("/{}", crate::diagnostic::escape_token(section));
        findings
            .into_iter()
            .flatten()
            .filter(|f| {
                let p = f.pointer.as_str();
                !(p == prefix || p.starts_with(&format!("{prefix}/")))
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    let (mut compared, mut changed_elsewhere) = (0usize, 0usize);
    for (path, doc) in &docs {
        let Some(before) = findings(&linter, doc) else {
            continue;
        };
        for (section, values) in &pool {
            for (edited, replaced) in member_edits(doc, section, values) {
                let Some(after) = findings(&linter, &edited) else {
                    continue;
                };
                // A rule that reads values one by one: its findings elsewhere stay.
                for code in &local {
                    assert_eq!(
                        outside(before.get(code), section),
                        outside(after.get(code), section),
                        "{code} reads values one by one, but its findings outside `{section}` on {} change when `{section}` is edited",
                        path.display(),
                    );
                    compared += 1;
                }
                let edit = Edit {
                    path,
                    what: section,
                    replaced,
                };
                let (kept, changed) =
                    compare_declared(&declared, &before, &after, &edit, |parts| {
                        Reads::Sections(parts).section(section)
                    });
                compared += kept;
                changed_elsewhere += changed;
            }
        }
    }
    println!("{compared} undeclared-section edits compared; {changed_elsewhere} declared-section edits changed findings");
    // The test bites: edits in declared sections do change findings.
    assert!(compared > 10_000 && changed_elsewhere > 500);

    // A section some rule declares by field (`report/fiscal_year`): replacing or
    // removing any other field of it never changes that rule's findings.
    let by_field: Vec<&str> = declared
        .iter()
        .flat_map(|(_, parts)| parts.iter())
        .filter_map(|part| part.split_once('/').map(|(section, _)| section))
        .collect();
    let mut fields = pool_of(docs.iter().flat_map(|(_, doc)| {
        by_field
            .iter()
            .flat_map(move |section| match doc.get(*section) {
                Some(Value::Object(members)) => members
                    .iter()
                    .map(|(field, value)| (((*section).to_owned(), field.clone()), value.clone()))
                    .collect(),
                _ => Vec::new(),
            })
    }));
    // Other report years too (the fixtures' reports mostly share the seed's), so that a
    // rule that reads the year but declares another field fails here.
    for (year, start, end) in [
        ("2012/13", "2012-04-01", "2013-03-31"),
        ("2014/15", "2014-04-01", "2015-03-31"),
    ] {
        let mut add = |field: &str, value: Value| {
            if let Some(values) = fields.get_mut(&("report".to_owned(), field.to_owned())) {
                values.push(value);
            }
        };
        add("fiscal_year", Value::from(year));
        add("period", serde_json::json!({"start": start, "end": end}));
    }
    let (mut compared, mut changed_declared) = (0usize, 0usize);
    for (path, doc) in &docs {
        let Some(before) = findings(&linter, doc) else {
            continue;
        };
        for ((section, field), values) in &fields {
            let Some(Value::Object(members)) = doc.get(section) else {
                continue;
            };
            for (members, replaced) in member_edits(members, field, values) {
                let mut edited = doc.clone();
                edited.insert(section.clone(), Value::Object(members));
                let Some(after) = findings(&linter, &edited) else {
                    continue;
                };
                let what = format!("/{section}/{field}");
                let edit = Edit {
                    path,
                    what: &what,
                    replaced,
                };
                let (kept, changed) =
                    compare_declared(&declared, &before, &after, &edit, |parts| {
                        Reads::Sections(parts).edit(&[section, field])
                    });
                compared += kept;
                changed_declared += changed;
            }
        }
    }
    println!("{compared} undeclared-field edits compared; {changed_declared} declared-field edits changed findings");
    assert!(
        compared > 3_000 && changed_declared > 100,
        "{compared} {changed_declared}"
    );
}

/// Each rule's findings as [`findings`] gives them, without the schema's validation
/// (which no rule's findings depend on): the many deep edits of the next test.
fn rule_findings(linter: &Linter, doc: &serde_json::Map<String, Value>) -> Option<Findings> {
    let text = serde_json::to_string(doc).unwrap();
    let loaded = source::load(&text, SourceFormat::Json);
    let root = loaded.root.as_ref()?;
    let lang = linter.config.lang;
    if crate::rules::structure::s004_unsupported_format_version::check(root, lang).is_some() {
        return None;
    }
    let Model::Ok { findings, .. } = linter.model(root, (&text).into(), &loaded, None) else {
        return None;
    };
    let mut out: BTreeMap<&'static str, Vec<_>> = BTreeMap::new();
    for (rule, f) in RULES.iter().zip(findings) {
        out.entry(rule.code).or_default().extend(f);
    }
    for (code, check) in &linter.checks {
        let rule = RULES.iter().find(|r| r.code == code).unwrap();
        let mut steps = 0;
        let found = check
            .run(root, &|_| None, linter.config.tolerance, lang, &mut steps)
            .unwrap();
        out.entry(rule.code).or_default().extend(found);
    }
    Some(out)
}

/// Every member of an object at any depth under `value` (at `tokens`), with its tokens
/// and its pattern (an array's index as `*`, as declarations spell it).
fn members_under(
    value: &Value,
    tokens: &mut Vec<String>,
    pattern: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, String, Value)>,
) {
    match value {
        Value::Object(members) => {
            for (key, v) in members {
                tokens.push(key.clone());
                pattern.push(key.clone());
                out.push((tokens.clone(), pattern.join("/"), v.clone()));
                members_under(v, tokens, pattern, out);
                tokens.pop();
                pattern.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                tokens.push(i.to_string());
                pattern.push("*".to_owned());
                members_under(v, tokens, pattern, out);
                tokens.pop();
                pattern.pop();
            }
        }
        _ => {}
    }
}

/// A rule that declares values deep inside a section (`pillars/*/objectives/*/tasks/*/
/// deliverables/*/status`, `statistics/trp/cumulative/male`) reads nothing else of it:
/// on every fixture and the seed, replacing (with up to 4 values met at the same place
/// in any document, or such a number plus one) or removing the first member at every
/// place of such a section, at any depth, never changes the findings of a rule whose
/// declaration that edit does not meet ([`Reads::edit`]).
#[test]
fn a_rules_declared_values_deep_in_a_section_are_honest() {
    let linter = Linter::new(Config {
        lines: false,
        ..Config::default()
    })
    .unwrap();
    let docs = documents();
    let declared: Vec<(&'static str, &'static [&'static str])> = RULES
        .iter()
        .filter_map(|r| match r.reads {
            Reads::Sections(s) => Some((r.code, s)),
            Reads::Everything | Reads::Local => None,
        })
        .collect();
    let mut deep: Vec<&str> = declared
        .iter()
        .flat_map(|(_, parts)| parts.iter())
        .filter_map(|part| part.split_once('/').map(|(section, _)| section))
        .collect();
    deep.sort_unstable();
    deep.dedup();
    // Every member under those sections, of every document, and its first place in it.
    let places = |doc: &serde_json::Map<String, Value>| {
        let mut out = Vec::new();
        for section in &deep {
            if let Some(value) = doc.get(*section) {
                let (mut tokens, mut pattern) =
                    (vec![(*section).to_owned()], vec![(*section).to_owned()]);
                members_under(value, &mut tokens, &mut pattern, &mut out);
            }
        }
        out
    };
    let all: Vec<Vec<(Vec<String>, String, Value)>> =
        docs.iter().map(|(_, doc)| places(doc)).collect();
    // The documents mostly share the seed's figures: each number (or figure) met is
    // tried one higher too, and each flag the other way, so that a figure edit bites.
    let nudged = |value: &Value| match value {
        Value::Number(n) => n.as_u64().map(|n| Value::from(n + 1)),
        Value::Bool(b) => Some(Value::Bool(!b)),
        Value::Object(figure) => figure.get("value").and_then(Value::as_u64).map(|n| {
            let mut figure = figure.clone();
            figure.insert("value".to_owned(), Value::from(n + 1));
            Value::Object(figure)
        }),
        _ => None,
    };
    let mut pool = pool_of(all.iter().flatten().flat_map(|(_, pattern, value)| {
        let nudged = nudged(value).map(|v| (pattern.clone(), v));
        std::iter::once((pattern.clone(), value.clone())).chain(nudged)
    }));
    pool.values_mut().for_each(|values| values.truncate(4));
    let (mut compared, mut changed_declared, mut edits) = (0usize, 0usize, 0usize);
    for ((path, doc), members) in docs.iter().zip(&all) {
        let Some(before) = rule_findings(&linter, doc) else {
            continue;
        };
        let mut seen = std::collections::BTreeSet::new();
        for (tokens, pattern, value) in members {
            if !seen.insert(pattern) {
                continue;
            }
            let pointer: String = tokens.iter().map(|t| format!("/{t}")).collect();
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            let replaced = pool[pattern]
                .iter()
                .filter(|v| *v != value)
                .map(|v| (Some(v), true));
            for (new, replaced) in replaced.chain([(None, false)]) {
                let mut edited = Value::Object(doc.clone());
                let Some(Value::Object(object)) = edited.pointer_mut(parent) else {
                    continue;
                };
                match new {
                    Some(v) => {
                        object.insert(key.to_owned(), v.clone());
                    }
                    None => {
                        object.remove(key);
                    }
                }
                let Value::Object(edited) = edited else {
                    continue;
                };
                let Some(after) = rule_findings(&linter, &edited) else {
                    continue;
                };
                edits += 1;
                let edit = Edit {
                    path,
                    what: &pointer,
                    replaced,
                };
                let (kept, changed) =
                    compare_declared(&declared, &before, &after, &edit, |parts| {
                        Reads::Sections(parts).edit(tokens)
                    });
                compared += kept;
                changed_declared += changed;
            }
        }
    }
    println!("{edits} deep edits: {compared} undeclared-value edits compared; {changed_declared} declared-value edits changed findings");
    assert!(
        compared > 20_000 && changed_declared > 500,
        "{compared} {changed_declared}"
    );
}

/// The rules scoped to an objective ([`crate::rules::Scope::Objective`]) are: on every objective
/// of every fixture and the seed, the rule run on the objective alone
/// ([`super::objective_view`]) finds exactly what a whole run finds under it, and
/// replacing the objective with another never changes the rule's findings elsewhere. A
/// rule that declares it but reads other objectives (P013's ids, P016's leads) fails it.
#[test]
fn objective_scoped_rules_see_only_their_objective() {
    let linter = Linter::new(Config::default()).unwrap();
    let docs = documents();
    // Objectives to put in another's place: a few from every document, and an empty one.
    let mut pool: Vec<Value> =
        vec![serde_json::json!({"id": "9.9", "statement": "x", "tasks": []})];
    for (_, doc) in &docs {
        let objectives = doc
            .get("pillars")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|p| p.get("objectives")?.as_array())
            .flatten();
        for objective in objectives.take(2) {
            if pool.len() < 6 && !pool.contains(objective) {
                pool.push(objective.clone());
            }
        }
    }
    let scoped: Vec<(usize, &crate::rules::Rule)> = RULES
        .iter()
        .enumerate()
        .filter(|(_, r)| r.scope == crate::rules::Scope::Objective)
        .collect();
    assert!(!scoped.is_empty(), "no rule declares `Scope::Objective`");
    let under =
        |f: &crate::diagnostic::Finding, scope: &str| super::under(f.pointer.as_str(), scope);
    let (mut views, mut swaps, mut found) = (0usize, 0usize, 0usize);
    for (path, doc) in &docs {
        let text = serde_json::to_string_pretty(doc).unwrap();
        let loaded = source::load(&text, SourceFormat::Json);
        let parts = linter.parts(&text, &loaded, None, None);
        let Model::Ok {
            mut report,
            findings: whole,
        } = parts.model
        else {
            continue;
        };
        let root = loaded.root.as_ref().unwrap();
        let before = findings(&linter, doc);
        let shape: Vec<usize> = report.pillars.iter().map(|p| p.objectives.len()).collect();
        for (p, &count) in shape.iter().enumerate() {
            for o in 0..count {
                let scope = format!("/pillars/{p}/objectives/{o}");
                let alone = super::objective_view(&mut report, p, o, |view| {
                    let chart = Chart::new(view);
                    let ctx = linter.ctx(view, &chart, root, &text, &loaded.lines, None);
                    scoped
                        .iter()
                        .map(|(_, rule)| {
                            let mut ran = linter.run_rule(rule, &ctx);
                            ran.retain(|f| under(f, &scope));
                            ran
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap();
                for ((i, rule), alone) in scoped.iter().zip(alone) {
                    let inside: Vec<_> = whole[*i]
                        .iter()
                        .filter(|f| under(f, &scope))
                        .cloned()
                        .collect();
                    found += inside.len();
                    assert_eq!(
                        inside,
                        alone,
                        "{} run on {scope} alone of {} finds other than a whole run there",
                        rule.code,
                        path.display()
                    );
                    views += 1;
                }
                // Another objective in its place changes nothing elsewhere.
                for other in &pool {
                    let mut edited = doc.clone();
                    edited["pillars"][p]["objectives"][o] = other.clone();
                    let (Some(before), Some(after)) = (&before, findings(&linter, &edited)) else {
                        continue;
                    };
                    for (_, rule) in &scoped {
                        let outside = |f: &Option<&Vec<crate::diagnostic::Finding>>| {
                            f.iter()
                                .flat_map(|v| v.iter())
                                .filter(|f| !under(f, &scope))
                                .cloned()
                                .collect::<Vec<_>>()
                        };
                        assert_eq!(
                            outside(&before.get(rule.code)),
                            outside(&after.get(rule.code)),
                            "{}'s findings outside {scope} of {} change when that objective is replaced",
                            rule.code,
                            path.display()
                        );
                        swaps += 1;
                    }
                }
            }
        }
    }
    println!("{views} objective views compared ({found} findings inside), {swaps} replacements");
    assert!(
        views > 1000 && found > 30 && swaps > 5_000,
        "{views} {found} {swaps}"
    );
}

/// The rules that read the pillars apart ([`crate::rules::Rule::pillars_apart`]) are: on every
/// fixture and the seed, the rule run without the pillars finds exactly what a whole
/// run finds outside them, and replacing any other section but `departments` never
/// changes its findings under `pillars`.
#[test]
fn pillars_apart_rules_read_the_pillars_apart() {
    let linter = Linter::new(Config::default()).unwrap();
    let docs = documents();
    let mut pool = pool_of(docs.iter().flat_map(|(_, doc)| doc.clone()));
    // A later report year too (the fixtures' reports mostly share the seed's).
    if let Some(report) = docs.first().and_then(|(_, d)| d.get("report")).cloned() {
        let mut later = report;
        later["fiscal_year"] = Value::from("2014/15");
        later["period"] = serde_json::json!({"start": "2014-04-01", "end": "2015-03-31"});
        pool.entry("report".into()).or_default().push(later);
    }
    let apart: Vec<(usize, &crate::rules::Rule)> = RULES
        .iter()
        .enumerate()
        .filter(|(_, r)| r.pillars_apart)
        .collect();
    assert!(!apart.is_empty(), "no rule declares `pillars_apart`");
    let in_pillars = |f: &crate::diagnostic::Finding| super::under(f.pointer.as_str(), "/pillars");
    let (mut alone, mut outside, mut swaps) = (0usize, 0usize, 0usize);
    for (path, doc) in &docs {
        let text = serde_json::to_string_pretty(doc).unwrap();
        let loaded = source::load(&text, SourceFormat::Json);
        let parts = linter.parts(&text, &loaded, None, None);
        let Model::Ok {
            mut report,
            findings: whole,
        } = parts.model
        else {
            continue;
        };
        let root = loaded.root.as_ref().unwrap();
        let pillars = std::mem::take(&mut report.pillars);
        let chart = Chart::new(&report);
        let ctx = linter.ctx(&report, &chart, root, &text, &loaded.lines, None);
        for (i, rule) in &apart {
            let mut ran = linter.run_rule(rule, &ctx);
            ran.retain(|f| !in_pillars(f));
            let expected: Vec<_> = whole[*i]
                .iter()
                .filter(|f| !in_pillars(f))
                .cloned()
                .collect();
            outside += expected.len();
            assert_eq!(
                expected,
                ran,
                "{} without the pillars of {} finds other than a whole run outside them",
                rule.code,
                path.display()
            );
            alone += 1;
        }
        drop(chart);
        report.pillars = pillars;
        let before = findings(&linter, doc).unwrap_or_default();
        for (section, values) in pool
            .iter()
            .filter(|(s, _)| *s != "pillars" && *s != "departments")
        {
            for (edited, _) in member_edits(doc, section, values) {
                let Some(after) = findings(&linter, &edited) else {
                    continue;
                };
                for (_, rule) in &apart {
                    let under_pillars = |f: Option<&Vec<crate::diagnostic::Finding>>| {
                        f.into_iter()
                            .flatten()
                            .filter(|f| in_pillars(f))
                            .cloned()
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(
                        under_pillars(before.get(rule.code)),
                        under_pillars(after.get(rule.code)),
                        "{}'s findings under `pillars` of {} change when `{section}` is edited",
                        rule.code,
                        path.display()
                    );
                    swaps += 1;
                }
            }
        }
    }
    println!(
        "{alone} runs without the pillars ({outside} findings outside them), {swaps} section edits"
    );
    assert!(
        alone > 100 && outside > 0 && swaps > 1000,
        "{alone} {outside} {swaps}"
    );
}

/// An edit re-runs a rule when it is at, above or under a part the rule declares.
#[test]
fn an_edit_meets_a_declared_part_at_above_or_under_it() {
    let reads = Reads::Sections(&["report/fiscal_year", "pillars"]);
    for (tokens, meets) in [
        (&[][..], true),
        (&["report"][..], true),
        (&["report", "fiscal_year"][..], true),
        (&["report", "fiscal_year", "x"][..], true),
        (&["report", "title"][..], false),
        (&["report", "fiscal"][..], false),
        (&["report", "fiscal_years"][..], false),
        (&["reports"][..], false),
        (&["pillars", "0", "id"][..], true),
        (&["statistics"][..], false),
    ] {
        assert_eq!(reads.edit(tokens), meets, "{tokens:?}");
    }
    assert!(reads.section("report") && reads.section("pillars") && !reads.section("plan"));
    // `*` stands for any one token.
    let reads = Reads::Sections(&["pillars/*/objectives/*/id"]);
    for (tokens, meets) in [
        (&["pillars"][..], true),
        (&["pillars", "3"][..], true),
        (&["pillars", "3", "objectives", "0"][..], true),
        (&["pillars", "3", "objectives", "0", "id"][..], true),
        (&["pillars", "3", "objectives", "0", "id", "x"][..], true),
        (&["pillars", "3", "objectives", "0", "tasks"][..], false),
        (&["pillars", "3", "id"][..], false),
        (&["pillars", "3", "objective", "0", "id"][..], false),
    ] {
        assert_eq!(reads.edit(tokens), meets, "{tokens:?}");
    }
}

/// Each rule-language check's findings and steps on `doc` (messages without lines).
fn check_runs(linter: &Linter, doc: &Value) -> Option<Vec<(Vec<crate::diagnostic::Finding>, u64)>> {
    let text = serde_json::to_string(doc).unwrap();
    let loaded = source::load(&text, SourceFormat::Json);
    let root = loaded.root.as_ref()?;
    let line_of = |_: &crate::source::Pointer| None;
    Some(
        linter
            .checks
            .iter()
            .map(|(_, check)| {
                let mut steps = 0;
                let found = check
                    .run(
                        root,
                        &line_of,
                        linter.config.tolerance,
                        linter.config.lang,
                        &mut steps,
                    )
                    .unwrap();
                (found, steps)
            })
            .collect(),
    )
}

/// Every value under `value`, with its tokens (`value`'s own, `at`, first).
fn values_under(value: &Value, at: &[String], out: &mut Vec<(Vec<String>, Value)>) {
    out.push((at.to_vec(), value.clone()));
    let mut child = |token: String, v: &Value| {
        let mut tokens = at.to_vec();
        tokens.push(token);
        values_under(v, &tokens, out);
    };
    match value {
        Value::Object(members) => members.iter().for_each(|(k, v)| child(k.clone(), v)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| child(i.to_string(), v)),
        _ => {}
    }
}

/// `doc` with the value at `tokens` replaced by `value`, or removed (`None`); `None` when
/// there is nothing there.
fn edited(doc: &Value, tokens: &[String], value: Option<&Value>) -> Option<Value> {
    let mut doc = doc.clone();
    let (last, parent) = tokens.split_last()?;
    let pointer: String = parent
        .iter()
        .map(|t| format!("/{}", crate::diagnostic::escape_token(t)))
        .collect();
    match (doc.pointer_mut(&pointer)?, value) {
        (Value::Object(members), Some(v)) => {
            members.insert(last.clone(), v.clone());
        }
        (Value::Object(members), None) => {
            members.remove(last)?;
        }
        (Value::Array(items), v) => {
            let i: usize = last.parse().ok()?;
            match v {
                Some(v) if i == items.len() => items.push(v.clone()),
                Some(v) => *items.get_mut(i)? = v.clone(),
                None if i < items.len() => {
                    items.remove(i);
                }
                None => return None,
            }
        }
        _ => return None,
    }
    Some(doc)
}

/// What each rule-language check reads, found in its text
/// ([`crate::lang::CompiledCheck::reads_edit`]), is honest: on every fixture and the seed,
/// replacing or removing any value of `statistics` or `funding`, or adding an element to
/// an array there, never changes the findings or the steps of a check whose reads the
/// edit does not meet. A wrong one would let a session keep a check's stale findings.
#[test]
fn a_checks_field_reads_are_honest() {
    let linter = Linter::new(Config {
        lines: false,
        ..Config::default()
    })
    .unwrap();
    // The built-in checks are all scoped there, and read nothing else (their rules
    // declare those sections, and the test above holds them to it): each document is cut
    // down to them, and documents that agree there are one case.
    let sections = ["statistics", "funding"];
    let mut cases: Vec<Value> = Vec::new();
    for (_, doc) in documents() {
        let cut: serde_json::Map<String, Value> = doc
            .into_iter()
            .filter(|(k, _)| sections.contains(&k.as_str()))
            .collect();
        let cut = Value::Object(cut);
        if !cases.contains(&cut) {
            cases.push(cut);
        }
    }
    let mut everything = Vec::new();
    for case in &cases {
        values_under(case, &[], &mut everything);
    }
    everything.retain(|(tokens, _)| !tokens.is_empty());
    // Up to 4 distinct values per field name (per array, for its elements), from every
    // document, and a few of every kind.
    let pool = pool_of(everything.iter().map(|(tokens, v)| {
        let key = tokens
            .iter()
            .rev()
            .find(|t| !t.bytes().all(|b| b.is_ascii_digit()))
            .cloned()
            .unwrap_or_default();
        (key, v.clone())
    }));
    let generic = [
        Value::Null,
        Value::from(0),
        Value::from(1000),
        Value::from("x"),
    ];
    let (mut compared, mut changed) = (0usize, 0usize);
    for case in &cases {
        let Some(before) = check_runs(&linter, case) else {
            continue;
        };
        let mut values = Vec::new();
        values_under(case, &[], &mut values);
        for (tokens, value) in values.iter().filter(|(t, _)| !t.is_empty()) {
            let key = tokens
                .iter()
                .rev()
                .find(|t| !t.bytes().all(|b| b.is_ascii_digit()))
                .cloned()
                .unwrap_or_default();
            let mut edits: Vec<(Vec<String>, Option<&Value>)> = pool
                .get(&key)
                .into_iter()
                .flatten()
                .take(4)
                .chain(&generic)
                .filter(|v| *v != value)
                .map(|v| (tokens.clone(), Some(v)))
                .collect();
            edits.push((tokens.clone(), None));
            if let Value::Array(items) = value {
                let mut end = tokens.clone();
                end.push(items.len().to_string());
                edits.extend(items.last().map(|last| (end, Some(last))));
            }
            for (at, v) in edits {
                let Some(after) = edited(case, &at, v).and_then(|d| check_runs(&linter, &d)) else {
                    continue;
                };
                for (((code, check), before), after) in
                    linter.checks.iter().zip(&before).zip(&after)
                {
                    if check.reads_edit(&at) {
                        changed += usize::from(before != after);
                        continue;
                    }
                    assert_eq!(
                        before,
                        after,
                        "a check of {code} does not read `/{}`, but its findings or steps change when it is {}",
                        at.join("/"),
                        if v.is_some() { "replaced" } else { "removed" },
                    );
                    compared += 1;
                }
            }
        }
    }
    println!("{} documents: {compared} unread-field edits compared; {changed} read-field edits changed a check", cases.len());
    assert!(compared > 50_000 && changed > 1_000, "{compared} {changed}");
}
