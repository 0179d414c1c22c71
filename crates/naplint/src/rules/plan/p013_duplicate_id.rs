use crate::i18n::Text;
use crate::model::Report;
use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;
use crate::source::Str;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

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
        reads: Reads::Sections(&[
            "departments/*/code",
            "pillars/*/id",
            "pillars/*/objectives/*/id",
            "pillars/*/objectives/*/tasks/*/id",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

    /// The place's rank in document order (departments, then each pillar with its
    /// objectives, each with its tasks, each with its deliverables).
    fn order(self) -> (u8, usize, usize, usize, usize) {
        match self {
            Self::Department(i) => (0, i, 0, 0, 0),
            Self::Pillar(p) => (1, p, 0, 0, 0),
            Self::Objective(p, o) => (1, p, o + 1, 0, 0),
            Self::Task(p, o, t) => (1, p, o + 1, t + 1, 0),
            Self::Deliverable(p, o, t, d) => (1, p, o + 1, t + 1, d + 1),
        }
    }

    /// The kind of id, as messages name it.
    fn kind(self) -> Text {
        match self {
            Self::Department(_) => KIND_DEPARTMENT,
            Self::Pillar(_) => KIND_PILLAR,
            Self::Objective(..) => KIND_OBJECTIVE,
            Self::Task(..) => KIND_TASK,
            Self::Deliverable(..) => KIND_DELIVERABLE,
        }
    }
}

/// An id and its kind (two kinds may share an id: a pillar `1` and a department `1`).
/// The id is a tree text ([`Str`]): inline natively, so short ids allocate nothing.
type Key = (&'static str, Str);

/// The places of one id, in document order. Almost every id has one: it is kept in the
/// table itself, and only a repeated id takes a vector (a `Vec` per id, four places wide
/// from its first push, was most of the rule's peak memory on a large report).
#[derive(Debug, Clone)]
enum Places {
    One(At),
    Many(Vec<At>),
}

impl Places {
    fn as_slice(&self) -> &[At] {
        match self {
            Self::One(at) => std::slice::from_ref(at),
            Self::Many(all) => all,
        }
    }

    /// Puts `at` in its document-order place; gives the number of places after.
    fn insert(&mut self, at: At) -> usize {
        let mut all = match std::mem::replace(self, Self::Many(Vec::new())) {
            Self::One(first) => vec![first],
            Self::Many(all) => all,
        };
        let i = all.partition_point(|x| x.order() < at.order());
        all.insert(i, at);
        let len = all.len();
        *self = Self::Many(all);
        len
    }

    fn retain(&mut self, keep: impl Fn(&At) -> bool) {
        match self {
            Self::One(at) if !keep(at) => *self = Self::Many(Vec::new()),
            Self::One(_) => {}
            Self::Many(all) => all.retain(keep),
        }
    }
}

/// Every id of the report with where it stands, in document order: what `check`
/// reports from, and what a session keeps between edits, so that an edit inside one
/// objective updates the ids of that objective alone ([`Ids::replace_objective`]) and
/// the findings come from the repeated ids only.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ids {
    // The ids are the document's: std's SipHash, so that no file can choose collisions.
    places: HashMap<Key, Places>,
    /// The ids with more than one place.
    repeated: HashSet<Key>,
    /// Each objective's ids (its own, its tasks' and its deliverables'), to take them out.
    by_objective: HashMap<(usize, usize), Vec<Key>>,
}

impl Ids {
    /// The ids of `report`.
    pub(crate) fn new(report: &Report) -> Self {
        // Sized once: growing the table id by id was a third of the rule's cost.
        let objectives = report
            .pillars
            .iter()
            .map(|p| p.objectives.len())
            .sum::<usize>();
        let items = report
            .pillars
            .iter()
            .flat_map(|p| &p.objectives)
            .flat_map(|o| &o.tasks)
            .map(|t| 1 + t.deliverables.len())
            .sum::<usize>();
        let mut ids = Self {
            places: HashMap::with_capacity(
                report.departments.len() + report.pillars.len() + objectives + items,
            ),
            repeated: HashSet::new(),
            by_objective: HashMap::with_capacity(objectives),
        };
        for (i, d) in report.departments.iter().enumerate() {
            ids.add(d.code.as_str(), At::Department(i));
        }
        for (p, pillar) in report.pillars.iter().enumerate() {
            ids.add(&pillar.id, At::Pillar(p));
            for o in 0..pillar.objectives.len() {
                ids.add_objective(report, p, o);
            }
        }
        ids
    }

    fn add(&mut self, id: &str, at: At) -> Key {
        let key = (at.kind().en, Str::from(id));
        match self.places.entry(key.clone()) {
            Entry::Vacant(entry) => {
                entry.insert(Places::One(at));
            }
            Entry::Occupied(mut entry) => {
                if entry.get_mut().insert(at) > 1 {
                    self.repeated.insert(key.clone());
                }
            }
        }
        key
    }

    fn add_objective(&mut self, report: &Report, p: usize, o: usize) {
        let Some(objective) = report.pillars.get(p).and_then(|x| x.objectives.get(o)) else {
            return;
        };
        let count = objective
            .tasks
            .iter()
            .map(|t| 1 + t.deliverables.len())
            .sum::<usize>();
        let mut keys = Vec::with_capacity(1 + count);
        keys.push(self.add(&objective.id, At::Objective(p, o)));
        for (t, task) in objective.tasks.iter().enumerate() {
            keys.push(self.add(&task.id, At::Task(p, o, t)));
            for (d, deliverable) in task.deliverables.iter().enumerate() {
                keys.push(self.add(&deliverable.id, At::Deliverable(p, o, t, d)));
            }
        }
        self.by_objective.insert((p, o), keys);
    }

    /// Takes out the ids that objective `o` of pillar `p` had and puts in those it has in
    /// `report` (the same report with that objective changed, or a view of it that holds
    /// that objective at the same place).
    pub(crate) fn replace_objective(&mut self, report: &Report, p: usize, o: usize) {
        for key in self.by_objective.remove(&(p, o)).unwrap_or_default() {
            if let Some(places) = self.places.get_mut(&key) {
                places.retain(|at| !matches!(*at, At::Objective(q, r) | At::Task(q, r, _) | At::Deliverable(q, r, _, _) if (q, r) == (p, o)));
                let left = places.as_slice().len();
                if left < 2 {
                    self.repeated.remove(&key);
                }
                if left == 0 {
                    self.places.remove(&key);
                }
            }
        }
        self.add_objective(report, p, o);
    }

    /// One finding at every place of an id after its first, in document order.
    pub(crate) fn findings(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let mut found: Vec<(At, At, &str)> = Vec::new();
        for key in &self.repeated {
            if let Some((first, rest)) = self
                .places
                .get(key)
                .and_then(|p| p.as_slice().split_first())
            {
                found.extend(rest.iter().map(|&at| (at, *first, key.1.as_str())));
            }
        }
        found.sort_by_key(|(at, _, _)| at.order());
        for (at, first, id) in found {
            let first = first.pointer().to_string();
            out.push(
                Finding::new(
                    at.pointer(),
                    ctx.t(MESSAGE, &[("kind", at.kind().get(ctx.lang())), ("id", id)]),
                )
                .help(ctx.t(HELP, &[("first", &first)])),
            );
        }
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    Ids::new(ctx.report).findings(ctx, out);
}
