use crate::diagnostic::Severity;
use crate::model::Status;
use crate::rules::{deliverables, Ctx, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "P014",
    name: "status-rollup",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "a deliverable's status disagrees with its items' statuses",
    docs: r#"## What it checks
When every item of a deliverable is `complete`, the deliverable (if it has a status) is
`complete`; when the deliverable is `complete`, every item that has a status is `complete`.

## Why it matters
The deliverable's status is what summaries count; it must agree with the bullets under it.

## Fails
```yaml
{ status: ongoing, items: [{ status: complete }, { status: complete }] }
```

## Passes
```yaml
{ status: complete, items: [{ status: complete }, { status: complete }] }
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
        // An unrecognised status is P006's; comparing it here would only repeat that.
        let Some(status) = d.status.filter(|s| s.is_known()) else {
            continue;
        };
        if d.items.is_empty() {
            continue;
        }
        let all_complete = d.items.iter().all(|i| i.status == Some(Status::Complete));
        if all_complete && status != Status::Complete {
            out.push(
                Finding::new(
                    ptr.key("status"),
                    format!(
                        "every item of deliverable `{}` is complete, but it is `{}`",
                        d.id,
                        status.as_str()
                    ),
                )
                .help("mark the deliverable `complete`, or correct the items"),
            );
        }
        if status == Status::Complete {
            for (i, item) in d.items.iter().enumerate() {
                if let Some(s) = item
                    .status
                    .filter(|&s| s != Status::Complete && s.is_known())
                {
                    out.push(
                        Finding::new(
                            ptr.key("items").index(i).key("status"),
                            format!(
                                "deliverable `{}` is complete, but its item {} is `{}`",
                                d.id,
                                i + 1,
                                s.as_str()
                            ),
                        )
                        .help("correct the item's status, or the deliverable's"),
                    );
                }
            }
        }
    }
}
