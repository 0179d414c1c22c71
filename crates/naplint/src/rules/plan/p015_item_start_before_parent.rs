use crate::diagnostic::Severity;
use crate::rules::{deliverables, Ctx, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "P015",
    name: "item-start-before-parent",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "an item starts before its deliverable",
    docs: r#"## What it checks
An item's `start` is not earlier than its deliverable's `start`.

## Why it matters
A deliverable starts when its first part starts; an earlier item means one of the two years
is wrong.

## Fails
```yaml
{ start: 2012/13, items: [{ start: 2011/12 }] }
```

## Passes
```yaml
{ start: 2011/12, items: [{ start: 2011/12 }, { start: 2012/13 }] }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (ptr, _, d) in deliverables(ctx.report) {
        let Some(parent) = d.start.as_ref().and_then(|s| s.start_year()) else {
            continue;
        };
        for (i, item) in d.items.iter().enumerate() {
            let Some(start) = &item.start else { continue };
            if start.start_year().is_some_and(|y| y < parent) {
                out.push(Finding::new(
                    ptr.key("items").index(i).key("start"),
                    format!(
                        "item {} of deliverable `{}` starts in `{}`, before the deliverable's `{}`",
                        i + 1,
                        d.id,
                        start.as_str(),
                        d.start.as_ref().map_or("", |s| s.as_str())
                    ),
                ).help("a deliverable starts with its first item: correct the item's start or the deliverable's"));
            }
        }
    }
}
