use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;
use crate::suggest::{closest, normalise};

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every department reference (deliverable `leads`, the plan's `coordinator`, operation `lead`,
    /// training `provider` and `partners`, outreach `provider`, funding `funder`) is a `code` of
    /// `/departments`. A reference that is a registered alias ("ESDC (TFWP)", "StatsCan") gets a
    /// machine-applicable fix to the code; a near miss gets a "did you mean".
    ///
    /// ## Why it matters
    /// Roll-ups by department, and the forms' department pickers, only see registered codes; an
    /// alias or a typo makes a deliverable disappear from its department's report.
    ///
    /// ## Fails
    /// ```yaml
    /// departments: [{ code: PS, name: Public Safety Canada, membership: core,
    ///   aliases: [Public Safety] }]
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [Public Safety] },
    ///     { id: "1.11.2", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   ] }
    /// ] }] }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   ] }
    /// ] }] }]
    /// ```
    Rule {
        code: "P003",
        name: "unknown-lead" / "responsable-inconnu",
        severity: Error,
        summary: "a department code is not in the `departments` registry"
            / "un code de ministère ne figure pas dans le registre `departments`",
        fixable: true,
        check: Some(check),
        reads: Reads::Sections(&[
            "departments",
            "plan/coordinator",
            "pillars/*/objectives/*/tasks/*/deliverables/*/leads",
            "statistics/operations/*/lead",
            "statistics/training/*/provider",
            "statistics/training/*/partners",
            "statistics/outreach/*/provider",
            "funding/*/funder",
        ]),
        scope: crate::rules::Scope::Objective,
        pillars_apart: true,
    }
    texts {
        MESSAGE = "unknown department `{code}`" / "ministère inconnu `{code}`";
        ALIAS = "`{code}` is an alias of `{dept}` ({name}): use the code"
            / "`{code}` est un autre nom de `{dept}` ({name}) : utilisez le code";
        DID_YOU_MEAN = "did you mean `{dept}`?" / "vouliez-vous dire `{dept}` ?";
        ADD = "add the department to /departments, or use one of its codes"
            / "ajoutez le ministère à /departments, ou utilisez l'un de ses codes";
        FIX = "replace `{code}` with `{dept}`" / "remplacer `{code}` par `{dept}`";
    }
}

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
    for (row, d) in ctx.chart.rows().iter().map(|r| (r, r.deliverable)) {
        for (i, lead) in d.leads.iter().enumerate() {
            note(lead, &|| row.pointer().key("leads").index(i));
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
