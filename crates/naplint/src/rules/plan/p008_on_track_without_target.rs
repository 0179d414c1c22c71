use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::model::Status;
use crate::rules::{Ctx, Family, Finding, Reads, Rule};

pub const RULE: Rule = Rule {
    code: "P008",
    name: "on-track-without-target",
    name_fr: "en-voie-sans-cible",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "an `on_track` deliverable or item has no target year",
    summary_fr: "un livrable ou un élément `on_track` n'a pas d'exercice cible",
    docs: r#"## What it checks
A deliverable or item whose status is `on_track` has a `target` fiscal year.

## Why it matters
"On track" only means something against a date: the chart prints "On track for 2014/2015".

## Fails
```yaml
{ status: on_track }
```

## Passes
```yaml
{ status: on_track, target: 2014/15 }
```
"#,
    docs_fr: include_str!("p008_on_track_without_target.fr.md"),
    check: Some(check),
    texts: &[MESSAGE, HELP],
    reads: Reads::Sections(&["pillars"]),
    ..Rule::DEFAULT
};

const MESSAGE: Text = Text::new(
    "{what} is on track but has no target year",
    "{what} est en bonne voie, mais n'a pas d'exercice cible",
);
const HELP: Text = Text::new(
    "add `target: YYYY/YY`, the year it is on track for",
    "ajoutez `target: AAAA/AA`, l'exercice visé",
);

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for e in ctx.chart.entries() {
        if e.status == Some(Status::OnTrack) && e.target.is_none() {
            out.push(
                Finding::new(
                    e.pointer.key("status"),
                    ctx.t(MESSAGE, &[("what", &e.label(ctx.lang()))]),
                )
                .help(ctx.t(HELP, &[])),
            );
        }
    }
}
