use crate::diagnostic::Severity;
use crate::model::Status;
use crate::rules::{Family, Finding, Rule};
use crate::schema::{Violation, ViolationKind};
use crate::source::Node;
use crate::suggest::normalise;

pub const RULE: Rule = Rule {
    code: "P006",
    name: "invalid-status",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a status is not in the vocabulary",
    docs: r#"## What it checks
Every `status` is one of `planned`, `not_started`, `in_progress`, `on_track`, `ongoing`,
`complete`, `delayed`, `discontinued`. A spelling of one of them (`In Progress`,
`completed`, `On-going`) is fixed automatically. "On track for 2014/2015" is `on_track`
plus `target: 2014/15`.

## Why it matters
Progress is summed by status across departments; `Completed` and `complete` would be
counted apart.

## Fails
```yaml
status: In Progress
```

## Passes
```yaml
status: in_progress
```
"#,
    fixable: true,
    check: None,
    claim: Some(claim),
    checks: &[],
    across: None,
};

/// The status a free-text spelling stands for.
fn recognise(value: &str) -> Option<Status> {
    let n = normalise(value);
    let n = match n.as_str() {
        "completed" | "done" => "complete",
        "on_going" | "continuing" => "ongoing",
        "not_yet_started" => "not_started",
        "cancelled" | "canceled" => "discontinued",
        other => other,
    };
    Status::ALL.into_iter().find(|s| s.as_str() == n)
}

fn claim(v: &Violation, _: &Node) -> Option<Finding> {
    let ViolationKind::Enum { value, allowed } = &v.kind else {
        return None;
    };
    if v.def.as_deref() != Some("Status") {
        return None;
    }
    let f = Finding::new(v.pointer.clone(), format!("invalid status `{value}`"));
    Some(match recognise(value) {
        Some(s) => f.help(format!("write it `{}`", s.as_str())).fix(
            s.as_str(),
            format!("replace `{value}` with `{}`", s.as_str()),
        ),
        None if normalise(value).starts_with("on_track") => {
            f.help("write `status: on_track` and the year in `target: YYYY/YY`")
        }
        None => f.help(format!(
            "use one of {}",
            allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    })
}
