use super::{sum_mismatch, term};
use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R001",
    name: "trp-breakdown",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "male + female + minor dependents does not equal TRP recipients",
    docs: r#"## What it checks
In the cumulative TRP statistics, `male + female + minor_dependents = recipients`, over
figure intervals.

## Why it matters
The breakdown is published beside the total; a department's typo in one figure makes the
published numbers contradict each other.

## Fails
```yaml
cumulative: { recipients: 102, male: 29, female: 68, minor_dependents: 6, ... }
```

## Passes
```yaml
cumulative: { recipients: 102, male: 28, female: 68, minor_dependents: 6, ... }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(c) = ctx
        .report
        .statistics
        .as_ref()
        .and_then(|s| s.trp.as_ref())
        .and_then(|t| t.cumulative.as_ref())
    else {
        return;
    };
    let (Some(male), Some(female), Some(minors)) = (c.male, c.female, c.minor_dependents) else {
        return;
    };
    let base = Pointer::root()
        .key("statistics")
        .key("trp")
        .key("cumulative");
    let terms = [
        term(&base, "male", male),
        term(&base, "female", female),
        term(&base, "minor_dependents", minors),
    ];
    let total = term(&base, "recipients", c.recipients);
    if let Some(message) = sum_mismatch(ctx, &terms, &total) {
        out.push(Finding::new(base.key("recipients"), message).help("every recipient is male, female or a minor dependent: correct the figure that was mistyped"));
    }
}
