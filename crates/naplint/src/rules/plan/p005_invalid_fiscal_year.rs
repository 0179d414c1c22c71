use crate::i18n::Lang;
use crate::model::{format_fiscal_year, parse_fiscal_year};
use crate::rules::{Ctx, Finding, Reads};
use crate::schema::{Violation, ViolationKind};
use crate::source::{Node, Pointer};

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every fiscal year (`report.fiscal_year`, and `start` and `target` of deliverables and items) is
    /// written `YYYY/YY` with consecutive years (`2013/14`). `2012-13`, `2012/2013`, `2012-2013` and
    /// `2012 / 13` are fixed to `2012/13` automatically.
    ///
    /// ## Why it matters
    /// Fiscal years are compared and sorted; `2012-13` and `2012/13` would count as two years.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2012-13
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2012/13
    /// ```
    Rule {
        code: "P005",
        name: "invalid-fiscal-year" / "exercice-non-valide",
        severity: Error,
        summary: "a fiscal year is not written `YYYY/YY` with consecutive years"
            / "un exercice n'est pas noté `YYYY/YY` avec deux années consécutives",
        fixable: true,
        check: Some(check),
        claim: Some(claim),
        reads: Reads::Sections(&[
            "report/fiscal_year",
            "pillars/*/objectives/*/tasks/*/deliverables/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/target",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/target",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        MESSAGE = "invalid fiscal year `{value}`" / "exercice financier non valide `{value}`";
        FORMAT = "write fiscal years as `YYYY/YY` with consecutive years, e.g. `2013/14`"
            / "écrivez les exercices sous la forme `AAAA/AA`, deux années consécutives, p. ex. `2013/14`";
    }
}

/// The canonical spelling of a recognisable fiscal year.
fn normalised(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (a, b) = compact.split_once(['/', '-', '–'])?;
    let first: u16 = a.parse().ok().filter(|_| a.len() == 4)?;
    let second: u16 = b.parse().ok()?;
    let consecutive = match b.len() {
        2 => (first + 1) % 100 == second,
        4 => first + 1 == second,
        _ => false,
    };
    consecutive.then(|| format_fiscal_year(first))
}

fn finding(pointer: Pointer, value: &str, lang: Lang) -> Finding {
    let f = Finding::new(pointer, MESSAGE.render(lang, &[("value", value)]));
    match normalised(value) {
        Some(fixed) if fixed != value => crate::rules::common::respell(f, value, &fixed, lang),
        _ => f.help(FORMAT.get(lang)),
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // Well-formed by the pattern but not consecutive (`2012/14`): the schema cannot see it.
    // The pointer is spelled out only for a finding.
    let mut check = |year: &crate::model::FiscalYear, ptr: &dyn Fn() -> Pointer| {
        let shaped = year.as_str().len() == 7 && year.as_str().as_bytes().get(4) == Some(&b'/');
        if shaped && parse_fiscal_year(year.as_str()).is_none() {
            out.push(finding(ptr(), year.as_str(), ctx.lang()));
        }
    };
    check(&ctx.report.report.fiscal_year, &|| {
        Pointer::root().key("report").key("fiscal_year")
    });
    for e in ctx.chart.entries() {
        if let Some(y) = e.start {
            check(y, &|| e.pointer().key("start"));
        }
        if let Some(y) = e.target {
            check(y, &|| e.pointer().key("target"));
        }
    }
}

fn claim(v: &Violation, _: &Node, lang: Lang) -> Option<Finding> {
    match &v.kind {
        ViolationKind::Pattern { value, .. } if v.def.as_deref() == Some("FiscalYear") => {
            Some(finding(v.pointer.clone(), value, lang))
        }
        _ => None,
    }
}
