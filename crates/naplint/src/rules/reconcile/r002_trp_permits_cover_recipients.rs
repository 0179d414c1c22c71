use super::{exceeds, term};
use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R002",
    name: "trp-permits-cover-recipients",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "fewer TRPs were issued than there are recipients",
    docs: r#"## What it checks
In the cumulative TRP statistics, `permits_issued >= recipients`.

## Why it matters
Every recipient received at least one permit (many received subsequent ones); fewer
permits than people is impossible.

## Fails
```yaml
cumulative: { permits_issued: 100, recipients: 102, ... }
```

## Passes
```yaml
cumulative: { permits_issued: 230, recipients: 102, ... }
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
    let base = Pointer::root()
        .key("statistics")
        .key("trp")
        .key("cumulative");
    let recipients = term(&base, "recipients", c.recipients);
    let permits = term(&base, "permits_issued", c.permits_issued);
    if let Some(message) = exceeds(ctx, &recipients, &permits) {
        out.push(
            Finding::new(base.key("permits_issued"), message)
                .help("each recipient received at least one permit"),
        );
    }
}
