use super::iso::CURRENCIES;
use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::schema::{Violation, ViolationKind};
use crate::source::{Node, Pointer};

pub const RULE: Rule = Rule {
    code: "M005",
    name: "invalid-currency",
    family: Family::Meta,
    severity: Severity::Error,
    summary: "a currency is not an ISO 4217 code",
    docs: r#"## What it checks
Every `amount.currency` is an active ISO 4217 code (`CAD`, `USD`). A lower-case code is
fixed to upper case.

## Why it matters
Funding is summed per currency; `$`, `CDN` and `CAD` would be three currencies.

## Fails
```yaml
amount: { value: 5500000, currency: CDN }
```

## Passes
```yaml
amount: { value: 5500000, currency: CAD }
```
"#,
    fixable: true,
    check: Some(check),
    claim: Some(claim),
    checks: &[],
    across: None,
};

fn finding(ptr: Pointer, value: &str) -> Finding {
    let f = Finding::new(ptr, format!("`{value}` is not an ISO 4217 currency code"));
    let upper = value.to_ascii_uppercase();
    if upper != value && CURRENCIES.contains(&upper.as_str()) {
        f.help(format!("write it `{upper}`"))
            .fix(upper.clone(), format!("replace `{value}` with `{upper}`"))
    } else {
        f.help("use the three-letter ISO 4217 code, e.g. `CAD` for Canadian dollars")
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, f) in ctx.report.funding.iter().enumerate() {
        let code = f.amount.currency.as_str();
        let shaped = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        if shaped && !CURRENCIES.contains(&code) {
            out.push(finding(
                Pointer::root()
                    .key("funding")
                    .index(i)
                    .key("amount")
                    .key("currency"),
                code,
            ));
        }
    }
}

fn claim(v: &Violation, _: &Node) -> Option<Finding> {
    match &v.kind {
        ViolationKind::Pattern { value, .. } if v.def.as_deref() == Some("CurrencyCode") => {
            Some(finding(v.pointer.clone(), value))
        }
        _ => None,
    }
}
