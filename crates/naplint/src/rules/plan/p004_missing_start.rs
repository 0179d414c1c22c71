use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Ctx, Family, Finding, Reads, Rule};

pub const RULE: Rule = Rule {
    code: "P004",
    name: "missing-start",
    name_fr: "debut-manquant",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "a deliverable has no start fiscal year",
    summary_fr: "un livrable n'a pas d'exercice de début",
    docs: r#"## What it checks
Every deliverable has a `start`, unless it has items that all carry their own.

## Why it matters
The chart's Timeline column is how readers tell new work from old; without it the
year-over-year and "new" checks cannot run.

## Fails
```yaml
- { id: "1.11.1", text: Promote the online training tool, status: ongoing, leads: [PS] }
```

## Passes
```yaml
- { id: "1.11.1", text: Promote the online training tool, start: 2012/13, status: ongoing, leads: [PS] }
```
"#,
    docs_fr: include_str!("p004_missing_start.fr.md"),
    check: Some(check),
    texts: &[MESSAGE, HELP],
    reads: Reads::Sections(&["pillars"]),
    ..Rule::DEFAULT
};

const MESSAGE: Text = Text::new(
    "deliverable `{id}` has no start fiscal year",
    "le livrable `{id}` n'a pas d'exercice de début",
);
const HELP: Text = Text::new(
    "add `start: YYYY/YY` as the chart's Timeline column gives it",
    "ajoutez `start: AAAA/AA` tel que l'indique la colonne Échéancier du tableau",
);

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (ptr, d) in ctx.chart.rows().iter().map(|r| (&r.pointer, r.deliverable)) {
        let items_cover = !d.items.is_empty() && d.items.iter().all(|i| i.start.is_some());
        if d.start.is_none() && !items_cover {
            out.push(
                Finding::new(ptr.clone(), ctx.t(MESSAGE, &[("id", &d.id)])).help(ctx.t(HELP, &[])),
            );
        }
    }
}
