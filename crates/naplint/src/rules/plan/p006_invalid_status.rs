use crate::diagnostic::Severity;
use crate::i18n::{Lang, Text};
use crate::model::Status;
use crate::rules::{Family, Finding, Rule};
use crate::schema::{Violation, ViolationKind};
use crate::source::Node;
use crate::suggest::normalise;

pub const RULE: Rule = Rule {
    code: "P006",
    name: "invalid-status",
    name_fr: "statut-non-valide",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a status is not in the vocabulary",
    summary_fr: "un statut ne fait pas partie du vocabulaire admis",
    docs: r#"## What it checks
Every `status` is one of `planned`, `not_started`, `in_progress`, `on_track`, `ongoing`,
`complete`, `delayed`, `discontinued`. A spelling of one of them (`In Progress`,
`completed`, `On-going`) is fixed automatically. "On track for 2014/2015" is `on_track`
plus `target: 2014/15`.

## Why it matters
Progress is summed by status across departments; `Completed` and `complete` would be
counted apart.

## Fails
```yaml
status: In Progress
```

## Passes
```yaml
status: in_progress
```
"#,
    docs_fr: include_str!("p006_invalid_status.fr.md"),
    fixable: true,
    claim: Some(claim),
    texts: &[MESSAGE, WRITE, ON_TRACK, USE_ONE, FIX],
    ..Rule::DEFAULT
};

const MESSAGE: Text = Text::new("invalid status `{value}`", "statut non valide `{value}`");
const WRITE: Text = Text::new("write it `{fixed}`", "écrivez `{fixed}`");
const ON_TRACK: Text = Text::new(
    "write `status: on_track` and the year in `target: YYYY/YY`",
    "écrivez `status: on_track` et l'exercice dans `target: AAAA/AA`",
);
const USE_ONE: Text = Text::new(
    "use one of {allowed}",
    "utilisez l'une des valeurs {allowed}",
);
const FIX: Text = Text::new(
    "replace `{value}` with `{fixed}`",
    "remplacer `{value}` par `{fixed}`",
);

/// The status a free-text spelling stands for.
fn recognise(value: &str) -> Option<Status> {
    let n = normalise(value);
    let n = match n.as_str() {
        "completed" | "done" | "termine" | "terminé" | "complété" => "complete",
        "on_going" | "continuing" | "en_cours" => {
            if n == "en_cours" {
                "in_progress"
            } else {
                "ongoing"
            }
        }
        "not_yet_started" => "not_started",
        "cancelled" | "canceled" => "discontinued",
        other => other,
    };
    Status::ALL.into_iter().find(|s| s.as_str() == n)
}

fn claim(v: &Violation, _: &Node, lang: Lang) -> Option<Finding> {
    let ViolationKind::Enum { value, allowed } = &v.kind else {
        return None;
    };
    if v.def.as_deref() != Some("Status") {
        return None;
    }
    let f = Finding::new(v.pointer.clone(), MESSAGE.render(lang, &[("value", value)]));
    Some(match recognise(value) {
        Some(s) => {
            let args = [("value", value.as_str()), ("fixed", s.as_str())];
            f.help(WRITE.render(lang, &args))
                .fix(s.as_str(), FIX.render(lang, &args))
        }
        None if normalise(value).starts_with("on_track") => f.help(ON_TRACK.get(lang)),
        None => {
            let list = allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            f.help(USE_ONE.render(lang, &[("allowed", &list)]))
        }
    })
}
