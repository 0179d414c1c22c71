use super::{exceeds, term};
use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R007",
    name: "subset-exceeds-total",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "an \"of which\" figure exceeds its total",
    docs: r#"## What it checks
Figures that are a part of another are at most that figure: training `law_enforcement <=
participants`; TRP cumulative `male`, `female`, `minor_dependents <= recipients`; court
cases `accused_convicted` and `victims` are not checked (one case has many of each).

## Why it matters
"Of this number, approximately 23,770 were law enforcement officers" cannot exceed the
number.

## Fails
```yaml
training: [{ participants: 23770, law_enforcement: 56427, ... }]
```

## Passes
```yaml
training: [{ participants: 56427, law_enforcement: 23770, ... }]
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(stats) = &ctx.report.statistics else {
        return;
    };
    for (i, t) in stats.training.iter().enumerate() {
        let base = Pointer::root().key("statistics").key("training").index(i);
        if let Some(le) = t.law_enforcement {
            let part = term(&base, "law_enforcement", le);
            if let Some(m) = exceeds(ctx, &part, &term(&base, "participants", t.participants)) {
                out.push(Finding::new(part.pointer.clone(), m));
            }
        }
    }
    if let Some(c) = stats.trp.as_ref().and_then(|t| t.cumulative.as_ref()) {
        let base = Pointer::root()
            .key("statistics")
            .key("trp")
            .key("cumulative");
        let whole = term(&base, "recipients", c.recipients);
        for (name, figure) in [
            ("male", c.male),
            ("female", c.female),
            ("minor_dependents", c.minor_dependents),
        ] {
            let Some(figure) = figure else { continue };
            let part = term(&base, name, figure);
            if let Some(m) = exceeds(ctx, &part, &whole) {
                out.push(Finding::new(part.pointer.clone(), m));
            }
        }
    }
}
