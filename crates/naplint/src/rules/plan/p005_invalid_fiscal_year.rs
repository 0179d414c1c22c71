use crate::diagnostic::Severity;
use crate::model::{format_fiscal_year, parse_fiscal_year};
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::schema::{Violation, ViolationKind};
use crate::source::{Node, Pointer};

pub const RULE: Rule = Rule {
    code: "P005",
    name: "invalid-fiscal-year",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a fiscal year is not written `YYYY/YY` with consecutive years",
    docs: r#"## What it checks
Every fiscal year (`report.fiscal_year`, and `start` and `target` of deliverables and items) is
written `YYYY/YY` with consecutive years (`2013/14`). `2012-13`, `2012/2013`, `2012-2013` and
`2012 / 13` are fixed to `2012/13` automatically.

## Why it matters
Fiscal years are compared and sorted; `2012-13` and `2012/13` would count as two years.

## Fails
```yaml
start: 2012-13
```

## Passes
```yaml
start: 2012/13
```
"#,
    fixable: true,
    check: Some(check),
    claim: Some(claim),
    checks: &[],
    across: None,
};

/// The canonical spelling of a recognisable fiscal year.
fn normalised(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (a, b) = compact.split_once(['/', '-', '–'])?;
    let first: u16 = a.parse().ok().filter(|_| a.len() == 4)?;
    let second: u16 = b.parse().ok()?;
    let consecutive = match b.len() {
        2 => (first + 1) % 100 == second,
        4 => first + 1 == second,
        _ => false,
    };
    consecutive.then(|| format_fiscal_year(first))
}

fn finding(pointer: Pointer, value: &str) -> Finding {
    let f = Finding::new(pointer, format!("invalid fiscal year `{value}`"));
    match normalised(value) {
        Some(fixed) if fixed != value => f
            .help(format!("write it `{fixed}`"))
            .fix(fixed.clone(), format!("replace `{value}` with `{fixed}`")),
        _ => f.help("write fiscal years as `YYYY/YY` with consecutive years, e.g. `2013/14`"),
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // Well-formed by the pattern but not consecutive (`2012/14`): the schema cannot see it.
    let mut years = vec![(
        Pointer::root().key("report").key("fiscal_year"),
        &ctx.report.report.fiscal_year,
    )];
    for e in super::entries(ctx.report) {
        years.extend(e.start.map(|y| (e.pointer.key("start"), y)));
        years.extend(e.target.map(|y| (e.pointer.key("target"), y)));
    }
    for (ptr, year) in years {
        let shaped = year.as_str().len() == 7 && year.as_str().as_bytes().get(4) == Some(&b'/');
        if shaped && parse_fiscal_year(year.as_str()).is_none() {
            out.push(finding(ptr, year.as_str()));
        }
    }
}

fn claim(v: &Violation, _: &Node) -> Option<Finding> {
    match &v.kind {
        ViolationKind::Pattern { value, .. } if v.def.as_deref() == Some("FiscalYear") => {
            Some(finding(v.pointer.clone(), value))
        }
        _ => None,
    }
}
