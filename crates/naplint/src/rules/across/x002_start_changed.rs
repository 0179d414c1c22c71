use super::previous_by_id;
use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Across, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "X002",
    name: "start-changed",
    name_fr: "debut-modifie",
    family: Family::Across,
    severity: Severity::Warning,
    summary: "a deliverable's start year differs from the previous report's",
    summary_fr: "l'exercice de début d'un livrable diffère de celui du rapport précédent",
    docs: r#"## What it checks
With `--previous`, a deliverable present in both reports has the same `start`.

## Why it matters
When work started is history: a changed start year rewrites the previous report.

## Fails
```yaml
# previous: { id: "1.11.1", start: 2012/13 }
- { id: "1.11.1", start: 2011/12 }
```

## Passes
```yaml
- { id: "1.11.1", start: 2012/13 }
```
"#,
    docs_fr: include_str!("x002_start_changed.fr.md"),
    across: Some(across),
    texts: &[MESSAGE, HELP],
    ..Rule::DEFAULT
};

const MESSAGE: Text = Text::new(
    "deliverable `{id}` started in `{old}` in the previous report, now `{new}`",
    "le livrable `{id}` commençait en `{old}` dans le rapport précédent, maintenant en `{new}`",
);
const HELP: Text = Text::new(
    "a start year does not change from one report to the next: check which one the chart prints",
    "l'exercice de début ne change pas d'un rapport à l'autre : vérifiez celui qu'indique le tableau",
);

fn across(x: &Across<'_>, out: &mut Vec<Finding>) {
    let before = previous_by_id(x.previous);
    for (ptr, d) in x
        .current
        .chart
        .rows()
        .iter()
        .map(|r| (&r.pointer, r.deliverable))
    {
        let Some(prev) = before.get(d.id.as_str()) else {
            continue;
        };
        if let (Some(old), Some(new)) = (&prev.start, &d.start) {
            if old != new {
                let args = [
                    ("id", d.id.as_str()),
                    ("old", old.as_str()),
                    ("new", new.as_str()),
                ];
                out.push(
                    Finding::new(ptr.key("start"), x.current.t(MESSAGE, &args))
                        .help(x.current.t(HELP, &[])),
                );
            }
        }
    }
}
