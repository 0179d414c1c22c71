use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::{Node, Pointer, Value};

pub const RULE: Rule = Rule {
    code: "P017",
    name: "whitespace",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "a text has leading, trailing or doubled spaces",
    docs: r#"## What it checks
No string of the document starts or ends with whitespace or holds two spaces in a row (the
marks of copying from a PDF). Fixed automatically.

## Why it matters
Texts are compared and joined across reports and departments; invisible spaces make equal
texts differ.

## Fails
```yaml
text: "Promote online training  tool "
```

## Passes
```yaml
text: Promote online training tool
```
"#,
    fixable: true,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn tidy(s: &str) -> String {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_owned()
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut stack: Vec<(&Node, Pointer)> = vec![(ctx.root, Pointer::root())];
    while let Some((node, ptr)) = stack.pop() {
        match &node.value {
            Value::String(s) => {
                let fixed = tidy(s);
                if fixed != *s && !s.contains('\n') {
                    out.push(
                        Finding::new(ptr, "text has leading, trailing or doubled spaces")
                            .help(format!("write it `{fixed}`"))
                            .fix(fixed.clone(), "remove the extra spaces"),
                    );
                }
            }
            Value::Array(items) => {
                stack.extend(items.iter().enumerate().map(|(i, n)| (n, ptr.index(i))))
            }
            Value::Object(members) => {
                stack.extend(members.iter().map(|m| (&m.value, ptr.key(&m.key))))
            }
            _ => {}
        }
    }
}
