use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::{pointer_of, Node, Step, Value};

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

fn needs_tidy(s: &str) -> bool {
    s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) || s.contains("  ")
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // A recursive walk with the path kept as steps: the pointer is spelled out only for a
    // finding (depth is bounded by the loaders' limit).
    fn walk<'a>(ctx: &Ctx<'_>, node: &'a Node, path: &mut Vec<Step<'a>>, out: &mut Vec<Finding>) {
        match &node.value {
            Value::String(s) if needs_tidy(s) && !s.contains('\n') => {
                let fixed = tidy(s);
                out.push(
                    Finding::new(pointer_of(path), ctx.t(MESSAGE, &[]))
                        .help(ctx.t(HELP, &[("fixed", &fixed)]))
                        .fix(fixed.clone(), ctx.t(FIX, &[])),
                );
            }
            Value::Array(items) => {
                for (i, n) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(ctx, n, path, out);
                    path.pop();
                }
            }
            Value::Object(members) => {
                for m in members {
                    path.push(Step::Key(&m.key));
                    walk(ctx, &m.value, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(ctx, ctx.root, &mut Vec::new(), out);
}
