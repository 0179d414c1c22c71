use crate::i18n::Text;
use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;
use std::collections::hash_map::{Entry, HashMap};

crate::rules::declare_rule! {
    /// ## What it checks
    /// Pillar, objective, task and deliverable ids are unique in the document, and so are
    /// department codes.
    ///
    /// ## Why it matters
    /// Ids are join keys: forms, year-over-year comparison and fixes address a deliverable by id.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0
    /// deliverables:
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0
    /// deliverables:
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   - { id: "1.11.2", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    /// ```
    Rule {
        code: "P013",
        name: "duplicate-id" / "identifiant-en-double",
        severity: Error,
        summary: "two pillars, objectives, tasks, deliverables or departments share an id"
            / "deux piliers, objectifs, tâches, livrables ou ministères ont le même identifiant",
        check: Some(check),
        reads: Reads::Sections(&["departments", "pillars"]),
    }
    texts {
        MESSAGE = "duplicate {kind} id `{id}`" / "identifiant de {kind} en double `{id}`";
        HELP = "also used at `{first}`" / "déjà utilisé à `{first}`";
        KIND_DEPARTMENT = "department" / "ministère";
        KIND_PILLAR = "pillar" / "pilier";
        KIND_OBJECTIVE = "objective" / "objectif";
        KIND_TASK = "task" / "tâche";
        KIND_DELIVERABLE = "deliverable" / "livrable";
    }
}

/// Where an id stands, by indexes: its pointer is spelled out only for a finding.
#[derive(Clone, Copy)]
enum At {
    Department(usize),
    Pillar(usize),
    Objective(usize, usize),
    Task(usize, usize, usize),
    Deliverable(usize, usize, usize, usize),
}

impl At {
    fn pointer(self) -> Pointer {
        let pillar = |p: usize| Pointer::root().key("pillars").index(p);
        let objective = |p, o| pillar(p).key("objectives").index(o);
        let task = |p, o, t| objective(p, o).key("tasks").index(t);
        match self {
            Self::Department(i) => Pointer::root().key("departments").index(i).key("code"),
            Self::Pillar(p) => pillar(p).key("id"),
            Self::Objective(p, o) => objective(p, o).key("id"),
            Self::Task(p, o, t) => task(p, o, t).key("id"),
            Self::Deliverable(p, o, t, d) => task(p, o, t).key("deliverables").index(d).key("id"),
        }
    }
}

fn check<'a>(ctx: &Ctx<'a>, out: &mut Vec<Finding>) {
    // The ids are the document's: std's SipHash, so that no file can choose collisions.
    let mut seen: HashMap<(&str, &str), At> = HashMap::new();
    let mut visit =
        |kind: Text, id: &'a str, at: At, out: &mut Vec<Finding>| match seen.entry((kind.en, id)) {
            Entry::Occupied(first) => {
                let first = first.get().pointer().to_string();
                out.push(
                    Finding::new(
                        at.pointer(),
                        ctx.t(MESSAGE, &[("kind", kind.get(ctx.lang())), ("id", id)]),
                    )
                    .help(ctx.t(HELP, &[("first", &first)])),
                );
            }
            Entry::Vacant(slot) => {
                slot.insert(at);
            }
        };
    for (i, d) in ctx.report.departments.iter().enumerate() {
        visit(KIND_DEPARTMENT, d.code.as_str(), At::Department(i), out);
    }
    for (p, pillar) in ctx.report.pillars.iter().enumerate() {
        visit(KIND_PILLAR, &pillar.id, At::Pillar(p), out);
        for (o, objective) in pillar.objectives.iter().enumerate() {
            visit(KIND_OBJECTIVE, &objective.id, At::Objective(p, o), out);
            for (t, task) in objective.tasks.iter().enumerate() {
                visit(KIND_TASK, &task.id, At::Task(p, o, t), out);
                for (d, deliverable) in task.deliverables.iter().enumerate() {
                    visit(
                        KIND_DELIVERABLE,
                        &deliverable.id,
                        At::Deliverable(p, o, t, d),
                        out,
                    );
                }
            }
        }
    }
}
