use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "P009",
    name: "target-before-start",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a target fiscal year is before the start",
    docs: r#"## What it checks
When a deliverable or item has both, `target` is not earlier than `start`.

## Why it matters
Work cannot be due before it starts: one of the two years is mistyped.

## Fails
```yaml
{ start: 2013/14, target: 2012/13 }
```

## Passes
```yaml
{ start: 2013/14, target: 2014/15 }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for e in super::entries(ctx.report) {
        let (Some(start), Some(target)) = (e.start, e.target) else {
            continue;
        };
        if let (Some(s), Some(t)) = (start.start_year(), target.start_year()) {
            if t < s {
                out.push(
                    Finding::new(
                        e.pointer.key("target"),
                        format!(
                            "{} has target `{}` before its start `{}`",
                            e.label,
                            target.as_str(),
                            start.as_str()
                        ),
                    )
                    .help("one of the two years is mistyped: check both against the chart"),
                );
            }
        }
    }
}
