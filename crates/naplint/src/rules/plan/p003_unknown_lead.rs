use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Ctx, Family, Finding, Reads, Rule};
use crate::source::Pointer;
use crate::suggest::{closest, normalise};

pub const RULE: Rule = Rule {
    code: "P003",
    name: "unknown-lead",
    name_fr: "responsable-inconnu",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a department code is not in the `departments` registry",
    summary_fr: "un code de ministère ne figure pas dans le registre `departments`",
    docs: r#"## What it checks
Every department reference (deliverable `leads`, the plan's `coordinator`, operation `lead`,
training `provider` and `partners`, outreach `provider`, funding `funder`) is a `code` of
`/departments`. A reference that is a registered alias ("ESDC (TFWP)", "StatsCan") gets a
machine-applicable fix to the code; a near miss gets a "did you mean".

## Why it matters
Roll-ups by department, and the forms' department pickers, only see registered codes; an
alias or a typo makes a deliverable disappear from its department's report.

## Fails
```yaml
leads: [ESDC (TFWP)]
```

## Passes
```yaml
leads: [ESDC-TFWP]
```
"#,
    docs_fr: include_str!("p003_unknown_lead.fr.md"),
    fixable: true,
    check: Some(check),
    texts: &[MESSAGE, ALIAS, DID_YOU_MEAN, ADD, FIX],
    reads: Reads::Sections(&["departments", "plan", "pillars", "statistics", "funding"]),
    ..Rule::DEFAULT
};

const MESSAGE: Text = Text::new("unknown department `{code}`", "ministère inconnu `{code}`");
const ALIAS: Text = Text::new(
    "`{code}` is an alias of `{dept}` ({name}): use the code",
    "`{code}` est un autre nom de `{dept}` ({name}) : utilisez le code",
);
const DID_YOU_MEAN: Text = Text::new("did you mean `{dept}`?", "vouliez-vous dire `{dept}` ?");
const ADD: Text = Text::new(
    "add the department to /departments, or use one of its codes",
    "ajoutez le ministère à /departments, ou utilisez l'un de ses codes",
);
const FIX: Text = Text::new(
    "replace `{code}` with `{dept}`",
    "remplacer `{code}` par `{dept}`",
);

fn check<'a>(ctx: &Ctx<'a>, out: &mut Vec<Finding>) {
    let depts = &ctx.report.departments;
    let known = |code: &str| depts.iter().any(|d| d.code.as_str() == code);
    // Only the unknown codes get their pointer spelled out.
    let mut refs: Vec<(Pointer, &'a str)> = Vec::new();
    let mut note = |code: &'a str, ptr: &dyn Fn() -> Pointer| {
        if !known(code) {
            refs.push((ptr(), code));
        }
    };
    if let Some(c) = &ctx.report.plan.coordinator {
        note(c.as_str(), &|| {
            Pointer::root().key("plan").key("coordinator")
        });
    }
    for (ptr, d) in ctx.chart.rows().iter().map(|r| (&r.pointer, r.deliverable)) {
        for (i, lead) in d.leads.iter().enumerate() {
            note(lead, &|| ptr.key("leads").index(i));
        }
    }
    if let Some(stats) = &ctx.report.statistics {
        let base = || Pointer::root().key("statistics");
        for (i, op) in stats.operations.iter().enumerate() {
            note(&op.lead, &|| base().key("operations").index(i).key("lead"));
        }
        for (i, t) in stats.training.iter().enumerate() {
            note(&t.provider, &|| {
                base().key("training").index(i).key("provider")
            });
            for (j, p) in t.partners.iter().enumerate() {
                note(p, &|| {
                    base().key("training").index(i).key("partners").index(j)
                });
            }
        }
        for (i, o) in stats.outreach.iter().enumerate() {
            if let Some(p) = &o.provider {
                note(p, &|| base().key("outreach").index(i).key("provider"));
            }
        }
    }
    for (i, f) in ctx.report.funding.iter().enumerate() {
        note(&f.funder, &|| {
            Pointer::root().key("funding").index(i).key("funder")
        });
    }
    for (ptr, code) in refs {
        let message = ctx.t(MESSAGE, &[("code", code)]);
        let alias_of = depts.iter().find(|d| {
            d.aliases
                .iter()
                .chain(d.label.iter())
                .any(|a| normalise(a) == normalise(code))
                || normalise(d.code.as_str()) == normalise(code)
        });
        let finding = if let Some(d) = alias_of {
            let args = [
                ("code", code),
                ("dept", d.code.as_str()),
                ("name", d.name.as_str()),
            ];
            Finding::new(ptr, message)
                .help(ctx.t(ALIAS, &args))
                .fix(d.code.as_str(), ctx.t(FIX, &args))
        } else if let Some(s) = closest(code, depts.iter().map(|d| d.code.as_str())) {
            Finding::new(ptr, message).help(ctx.t(DID_YOU_MEAN, &[("dept", s)]))
        } else {
            Finding::new(ptr, message).help(ctx.t(ADD, &[]))
        };
        out.push(finding);
    }
}
