use super::{current, previous_by_id};
use crate::diagnostic::Severity;
use crate::rules::{Across, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "X002",
    name: "start-changed",
    family: Family::Across,
    severity: Severity::Warning,
    summary: "a deliverable's start year differs from the previous report's",
    docs: r#"## What it checks
With `--previous`, a deliverable present in both reports has the same `start`.

## Why it matters
When work started is history: a changed start year rewrites the previous report.

## Fails
```yaml
# previous: { id: "1.11.1", start: 2012/13 }
- { id: "1.11.1", start: 2011/12 }
```

## Passes
```yaml
- { id: "1.11.1", start: 2012/13 }
```
"#,
    fixable: false,
    check: None,
    claim: None,
    checks: &[],
    across: Some(across),
};

fn across(x: &Across<'_>, out: &mut Vec<Finding>) {
    let before = previous_by_id(x.previous);
    for (ptr, d) in current(x.current.report) {
        let Some(prev) = before.get(d.id.as_str()) else {
            continue;
        };
        if let (Some(old), Some(new)) = (&prev.start, &d.start) {
            if old != new {
                out.push(
                    Finding::new(ptr.key("start"), format!("deliverable `{}` started in `{}` in the previous report, now `{}`", d.id, old.as_str(), new.as_str()))
                        .help("a start year does not change from one report to the next: check which one the chart prints"),
                );
            }
        }
    }
}
