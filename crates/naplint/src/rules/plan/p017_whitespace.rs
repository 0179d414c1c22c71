use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::{Node, Pointer, Value};

pub const RULE: Rule = Rule {
    code: "P017",
    name: "whitespace",
    name_fr: "espaces-superflus",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "a text has leading, trailing or doubled spaces",
    summary_fr: "un texte contient des espaces au début, à la fin ou en double",
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
    docs_fr: include_str!("p017_whitespace.fr.md"),
    fixable: true,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
    texts: &[MESSAGE, HELP, FIX],
};

const MESSAGE: Text = Text::new(
    "text has leading, trailing or doubled spaces",
    "le texte contient des espaces en trop (au début, à la fin ou en double)",
);
const HELP: Text = Text::new("write it `{fixed}`", "écrivez `{fixed}`");
const FIX: Text = Text::new("remove the extra spaces", "retirer les espaces en trop");

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
                        Finding::new(ptr, ctx.t(MESSAGE, &[]))
                            .help(ctx.t(HELP, &[("fixed", &fixed)]))
                            .fix(fixed.clone(), ctx.t(FIX, &[])),
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
