use crate::diagnostic::Severity;
use crate::i18n::{Lang, Text};
use crate::rules::{parent_id, Ctx, Family, Finding, Rule};
use crate::schema::{Violation, ViolationKind};
use crate::source::{Node, Pointer};

pub const RULE: Rule = Rule {
    code: "P002",
    name: "missing-lead",
    name_fr: "responsable-manquant",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a deliverable has no lead department",
    summary_fr: "un livrable n'a aucun ministère responsable",
    docs: r#"## What it checks
Every deliverable names at least one lead department in `leads`.

## Why it matters
Accountability is the point of the chart: a deliverable nobody leads is one nobody reports on.

## Fails
```yaml
- { id: "2.13.4", text: Develop options, start: 2012/13, status: ongoing, leads: [] }
```

## Passes
```yaml
- { id: "2.13.4", text: Develop options, start: 2012/13, status: ongoing, leads: [CIC] }
```
"#,
    docs_fr: include_str!("p002_missing_lead.fr.md"),
    fixable: false,
    check: Some(check),
    claim: Some(claim),
    checks: &[],
    across: None,
    texts: &[MESSAGE, HELP],
};

const MESSAGE: Text = Text::new(
    "deliverable `{id}` has no lead department",
    "le livrable `{id}` n'a aucun ministère responsable",
);
const HELP: Text = Text::new(
    "add at least one department code from /departments",
    "ajoutez au moins un code de ministère tiré de /departments",
);

fn finding(pointer: Pointer, id: &str, lang: Lang) -> Finding {
    Finding::new(pointer, MESSAGE.render(lang, &[("id", id)])).help(HELP.get(lang))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (ptr, d) in ctx.chart.rows().iter().map(|r| (&r.pointer, r.deliverable)) {
        if d.leads.is_empty() {
            out.push(finding(ptr.key("leads"), &d.id, ctx.lang()));
        }
    }
}

fn claim(v: &Violation, root: &Node, lang: Lang) -> Option<Finding> {
    let is_it = matches!(v.kind, ViolationKind::MinItems { .. })
        && v.pointer.last().as_deref() == Some("leads");
    is_it.then(|| {
        finding(
            v.pointer.clone(),
            &parent_id(root, &v.pointer).unwrap_or_default(),
            lang,
        )
    })
}
