use crate::model::Figure;
use crate::rules::{Across, Finding};
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// With `--previous`, figures counted from a fixed start cannot fall: the TRP cumulative figures
    /// (same period start), completed court cases (same `since`), training reach (same provider and
    /// period start) and outreach counts (same `what` and `since`). Over intervals: a decrease is
    /// reported only when every value of the new figure is below every value of the old.
    ///
    /// ## Why it matters
    /// "TRPs issued since May 2006" can only grow; a smaller number means a typo, or a change of
    /// definition that the report must state.
    ///
    /// ## Fails
    /// ```yaml previous
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    /// ```
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 210, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    /// ```
    ///
    /// ## Passes
    /// ```yaml previous
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    /// ```
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    /// ```
    Rule {
        code: "X005",
        name: "cumulative-decreased" / "cumul-en-baisse",
        severity: Error,
        summary: "a cumulative figure went down since the previous report"
            / "un chiffre cumulatif a diminué depuis le rapport précédent",
        across: Some(across),
    }
    texts {
        MESSAGE = "{name} fell from {old} in the previous report to {new} (line {line})"
            / "{name} est passé de {old} dans le rapport précédent à {new} (ligne {line})";
        MESSAGE_BARE = "{name} fell from {old} in the previous report to {new}"
            / "{name} est passé de {old} dans le rapport précédent à {new}";
        HELP = "a figure counted from a fixed start cannot decrease: check the figure, or state the change of definition"
            / "un chiffre cumulé depuis une date fixe ne peut pas diminuer : vérifiez-le, ou précisez le changement de définition";
    }
}

fn compare(
    x: &Across<'_>,
    out: &mut Vec<Finding>,
    base: &Pointer,
    name: &str,
    old: Option<Figure>,
    new: Option<Figure>,
) {
    let (Some(old), Some(new)) = (old, new) else {
        return;
    };
    let tol = x.current.tolerance();
    if new.interval(tol).hi < old.interval(tol).lo {
        let ptr = base.key(name);
        let line = x.current.line_of(&ptr).to_string();
        let lang = x.current.lang();
        let (old, new) = (old.describe(lang), new.describe(lang));
        let mut args = vec![("name", name), ("old", old.as_str()), ("new", new.as_str())];
        let message = if x.current.config.lines {
            args.push(("line", &line));
            MESSAGE
        } else {
            MESSAGE_BARE
        };
        out.push(Finding::new(ptr, x.current.t(message, &args)).help(x.current.t(HELP, &[])));
    }
}

fn across(x: &Across<'_>, out: &mut Vec<Finding>) {
    let (Some(old), Some(new)) = (&x.previous.statistics, &x.current.report.statistics) else {
        return;
    };
    let stats = Pointer::root().key("statistics");
    if let (Some(o), Some(n)) = (
        old.trp.as_ref().and_then(|t| t.cumulative.as_ref()),
        new.trp.as_ref().and_then(|t| t.cumulative.as_ref()),
    ) {
        if o.period.start == n.period.start {
            let base = stats.key("trp").key("cumulative");
            compare(
                x,
                out,
                &base,
                "permits_issued",
                Some(o.permits_issued),
                Some(n.permits_issued),
            );
            compare(
                x,
                out,
                &base,
                "recipients",
                Some(o.recipients),
                Some(n.recipients),
            );
            compare(x, out, &base, "male", o.male, n.male);
            compare(x, out, &base, "female", o.female, n.female);
            compare(
                x,
                out,
                &base,
                "minor_dependents",
                o.minor_dependents,
                n.minor_dependents,
            );
        }
    }
    if let (Some(o), Some(n)) = (
        old.court_cases.as_ref().and_then(|c| c.completed.as_ref()),
        new.court_cases.as_ref().and_then(|c| c.completed.as_ref()),
    ) {
        if o.since == n.since {
            let base = stats.key("court_cases").key("completed");
            compare(x, out, &base, "cases", Some(o.cases), Some(n.cases));
            compare(x, out, &base, "victims", Some(o.victims), Some(n.victims));
            compare(
                x,
                out,
                &base,
                "accused_convicted",
                Some(o.accused_convicted),
                Some(n.accused_convicted),
            );
        }
    }
    for (i, t) in new.training.iter().enumerate() {
        if let Some(o) = old.training.iter().find(|o| {
            o.provider == t.provider && o.period.start == t.period.start && o.audience == t.audience
        }) {
            let base = stats.key("training").index(i);
            compare(
                x,
                out,
                &base,
                "participants",
                Some(o.participants),
                Some(t.participants),
            );
            compare(
                x,
                out,
                &base,
                "law_enforcement",
                o.law_enforcement,
                t.law_enforcement,
            );
        }
    }
    for (i, r) in new.outreach.iter().enumerate() {
        if let Some(o) = old
            .outreach
            .iter()
            .find(|o| o.what == r.what && o.since.is_some() && o.since == r.since)
        {
            compare(
                x,
                out,
                &stats.key("outreach").index(i),
                "count",
                Some(o.count),
                Some(r.count),
            );
        }
    }
}
