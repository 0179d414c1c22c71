use crate::i18n::Lang;
use crate::model::Status;
use crate::rules::Finding;
use crate::schema::{Violation, ViolationKind};
use crate::source::Node;
use crate::suggest::normalise;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every `status` is one of `planned`, `not_started`, `in_progress`, `on_track`, `ongoing`,
    /// `complete`, `delayed`, `discontinued`. A spelling of one of them (`In Progress`,
    /// `completed`, `On-going`) is fixed automatically. "On track for 2014/2015" is `on_track`
    /// plus `target: 2014/15`.
    ///
    /// ## Why it matters
    /// Progress is summed by status across departments; `Completed` and `complete` would be
    /// counted apart.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: In Progress
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: in_progress
    /// ```
    Rule {
        code: "P006",
        name: "invalid-status" / "statut-non-valide",
        severity: Error,
        summary: "a status is not in the vocabulary"
            / "un statut ne fait pas partie du vocabulaire admis",
        fixable: true,
        claim: Some(claim),
    }
    texts {
        MESSAGE = "invalid status `{value}`" / "statut non valide `{value}`";
        ON_TRACK = "write `status: on_track` and the year in `target: YYYY/YY`"
            / "écrivez `status: on_track` et l'exercice dans `target: AAAA/AA`";
        USE_ONE = "use one of {allowed}" / "utilisez l'une des valeurs {allowed}";
    }
}

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
        Some(s) => crate::rules::common::respell(f, value, s.as_str(), lang),
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
