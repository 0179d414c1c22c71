//! Base + submissions → one report tree, and where each of its values came from.

use super::tree::{
    array, elements, elements_along, get_mut, object, remove, set_ordered, TO_DELIVERABLES,
};
use crate::model::{List, Report, Section};
use crate::rules::assembly::{a002_not_a_lead::list_of, Part};
use crate::source::{Node, Pointer, Value};
use std::collections::HashMap;

/// The order of a report's top-level members.
pub(crate) const REPORT_ORDER: &[&str] = &[
    "$schema",
    "kind",
    "format_version",
    "plan",
    "report",
    "departments",
    "pillars",
    "statistics",
    "funding",
    "owners",
    "layout",
];
/// The order of a deliverable's members (the model's).
pub(crate) const DELIVERABLE_ORDER: &[&str] = &[
    "id",
    "text",
    "new",
    "start",
    "status",
    "target",
    "leads",
    "lead_note",
    "items",
];
/// The order of an item's members.
pub(crate) const ITEM_ORDER: &[&str] = &["text", "new", "start", "status", "target"];
/// The order of the statistics sections.
pub(crate) const STATISTICS_ORDER: &[&str] = &[
    "trp",
    "court_cases",
    "operations",
    "investigations",
    "training",
    "outreach",
];
/// What a department submits about a deliverable or an item.
pub(crate) const UPDATE_FIELDS: [&str; 4] = ["new", "start", "status", "target"];

/// Where a value of the assembled report was written: a file of the set and a pointer
/// in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub pointer: Pointer,
}

/// From every pointer of an assembled report to where it was written. Only the roots of
/// what was copied are stored; a deeper pointer extends its nearest stored ancestor, and
/// anything else was written in the base at the same pointer.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    base: usize,
    map: HashMap<String, Origin>,
}

impl Provenance {
    fn new(base: usize) -> Self {
        Self {
            base,
            map: HashMap::new(),
        }
    }

    fn record(&mut self, assembled: &Pointer, file: usize, pointer: Pointer) {
        self.map
            .insert(assembled.as_str().to_owned(), Origin { file, pointer });
    }

    /// Sets each of the update fields of `target` (at `at`) from the first of `updates`
    /// (each a part, the pointer of its update and the update) that gives it, and records
    /// where it came from.
    fn take_fields(
        &mut self,
        target: &mut Node,
        at: &Pointer,
        updates: &[(&Part<'_>, Pointer, &Node)],
        order: &[&str],
    ) {
        for field in UPDATE_FIELDS {
            if let Some((part, ptr, value)) = updates
                .iter()
                .find_map(|(p, ptr, u)| u.get(field).map(|v| (p, ptr, v)))
            {
                set_ordered(target, field, value.clone(), order);
                self.record(&at.key(field), part.file, ptr.key(field));
            }
        }
    }

    /// Where the value at `assembled` was written.
    #[must_use]
    pub fn origin(&self, assembled: &str) -> Origin {
        let mut cut = assembled.len();
        loop {
            let head = assembled.get(..cut).unwrap_or_default();
            if let Some(o) = self.map.get(head) {
                let tail = assembled.get(cut..).unwrap_or_default();
                return Origin {
                    file: o.file,
                    pointer: Pointer::parse(&format!("{}{tail}", o.pointer.as_str())),
                };
            }
            if cut == 0 {
                break;
            }
            cut = head.rfind('/').unwrap_or(0);
        }
        Origin {
            file: self.base,
            pointer: Pointer::parse(assembled),
        }
    }
}

/// The base's deliverables: pointer string and id, in document order.
fn deliverable_pointers(root: &Node) -> Vec<(Pointer, String)> {
    elements_along(root, &TO_DELIVERABLES)
        .into_iter()
        .filter_map(|(at, d)| Some((at, d.get("id").and_then(Node::as_str)?.to_owned())))
        .collect()
}

fn node_at_mut<'n>(root: &'n mut Node, pointer: &Pointer) -> Option<&'n mut Node> {
    let mut node = root;
    for token in pointer.tokens() {
        node = match &mut node.value {
            Value::Object(members) => members
                .iter_mut()
                .rev()
                .find(|m| m.key == token)
                .map(|m| &mut m.value)?,
            Value::Array(items) => items.get_mut(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// A department's entries of one list still to place: (code, file, (index, entry)...).
type Queue<'a> = (
    &'a str,
    usize,
    std::collections::VecDeque<(usize, &'a Node)>,
);

/// Assembles the base with the parts marked in `use_part`. A co-led deliverable takes
/// each field from its first lead that gives it, or from the file `prefer` first.
pub(crate) fn assemble(
    base_root: &Node,
    base: &Report,
    base_file: usize,
    parts: &[Part<'_>],
    use_part: &[bool],
    prefer: Option<usize>,
) -> (Node, Provenance) {
    let mut out = base_root.clone();
    remove(&mut out, "kind");
    remove(&mut out, "layout");
    let mut prov = Provenance::new(base_file);
    let used = |i: usize| use_part.get(i).copied().unwrap_or(false);
    let part_of = |code: &str| {
        parts
            .iter()
            .enumerate()
            .find(|(i, p)| used(*i) && p.doc.department.as_str() == code)
            .map(|(_, p)| p)
    };
    let leads: HashMap<&str, &[crate::source::Str]> = crate::rules::assembly::deliverables(base)
        .map(|(_, _, d)| (d.id.as_str(), d.leads.as_slice()))
        .collect();

    for (at, id) in deliverable_pointers(base_root) {
        let Some(target) = node_at_mut(&mut out, &at) else {
            continue;
        };
        // What the base wrote stays located in the base.
        if let Value::Object(members) = &target.value {
            for m in members {
                prov.record(&at.key(&m.key), base_file, at.key(&m.key));
            }
        }
        let item_count = target.get("items").map_or(0, |n| elements(n).len());
        for n in 0..item_count {
            prov.record(
                &at.key("items").index(n),
                base_file,
                at.key("items").index(n),
            );
        }
        // Each lead's update, in the order of the leads.
        let updates: Vec<(&Part<'_>, Pointer, &Node)> = leads
            .get(id.as_str())
            .copied()
            .unwrap_or_default()
            .iter()
            .filter_map(|lead| {
                let part = part_of(lead)?;
                let k = part.doc.deliverables.iter().position(|u| u.id == id)?;
                let ptr = Pointer::root().key("deliverables").index(k);
                let node = part.root.get("deliverables").map(elements)?.get(k)?;
                Some((part, ptr, node))
            })
            .collect();
        let mut updates = updates;
        if let Some(pos) = prefer.and_then(|f| updates.iter().position(|(p, _, _)| p.file == f)) {
            let preferred = updates.remove(pos);
            updates.insert(0, preferred);
        }
        let Some((first, first_at, _)) = updates.first() else {
            continue;
        };
        prov.record(&at, first.file, first_at.clone());
        prov.take_fields(target, &at, &updates, DELIVERABLE_ORDER);
        let Some(items) = get_mut(target, "items").and_then(super::tree::elements_mut) else {
            continue;
        };
        for (n, item) in items.iter_mut().enumerate() {
            let item_at = at.key("items").index(n);
            let given: Vec<(&Part<'_>, Pointer, &Node)> = updates
                .iter()
                .filter_map(|(p, ptr, u)| {
                    let node = u.get("items").map(elements)?.get(n)?;
                    Some((*p, ptr.key("items").index(n), node))
                })
                .collect();
            if let Some((part, ptr, _)) = given.first() {
                prov.record(&item_at, part.file, ptr.clone());
            }
            prov.take_fields(item, &item_at, &given, ITEM_ORDER);
            if let Value::Object(members) = &item.value {
                if members.iter().any(|m| m.key == "text") {
                    prov.record(&item_at.key("text"), base_file, item_at.key("text"));
                }
            }
        }
    }

    // Statistics sections submitted whole.
    let stats_at = Pointer::root().key("statistics");
    let mut statistics = remove(&mut out, "statistics").unwrap_or_else(|| object(Vec::new()));
    for section in [Section::Trp, Section::CourtCases] {
        let Some(part) = base.section_owner(section).and_then(part_of) else {
            continue;
        };
        if let Some(value) = part
            .root
            .get("statistics")
            .and_then(|s| s.get(section.key()))
        {
            set_ordered(
                &mut statistics,
                section.key(),
                value.clone(),
                STATISTICS_ORDER,
            );
            prov.record(
                &stats_at.key(section.key()),
                part.file,
                stats_at.key(section.key()),
            );
        }
    }
    // Lists: each owner's entries, in the base's layout, then the rest.
    let layout = base.layout.clone().unwrap_or_default();
    let mut funding = remove(&mut out, "funding");
    for list in List::ALL {
        let container = if list == List::Funding {
            funding.get_or_insert_with(|| array(Vec::new()))
        } else {
            if statistics.get(list.key()).is_none() {
                set_ordered(
                    &mut statistics,
                    list.key(),
                    array(Vec::new()),
                    STATISTICS_ORDER,
                );
            }
            let Some(c) = get_mut(&mut statistics, list.key()) else {
                continue;
            };
            c
        };
        let list_at = if list == List::Funding {
            Pointer::root().key("funding")
        } else {
            stats_at.key(list.key())
        };
        // Entries each eligible part owns, in its order: (part, index, entry).
        let mut queues: Vec<Queue<'_>> = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if !used(i) {
                continue;
            }
            let me = part.doc.department.as_str();
            let (_, entries) = list_of(part.root, list);
            let mine: std::collections::VecDeque<(usize, &Node)> = entries
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    let named = list
                        .owner_field()
                        .and_then(|f| e.get(f))
                        .and_then(Node::as_str);
                    base.entry_owner(list, named) == Some(me)
                })
                .collect();
            queues.push((me, part.file, mine));
        }
        let mut order: Vec<&str> = list.layout(&layout).iter().map(|c| c.as_str()).collect();
        // After the layout: what is left, department by department in registry order.
        for d in &base.departments {
            if let Some((_, _, q)) = queues.iter().find(|(me, _, _)| *me == d.code.as_str()) {
                order.extend(std::iter::repeat_n(d.code.as_str(), q.len()));
            }
        }
        let Some(entries) = super::tree::elements_mut(container) else {
            continue;
        };
        for code in order {
            let Some((_, file, queue)) = queues.iter_mut().find(|(me, _, _)| *me == code) else {
                continue;
            };
            let Some((i, entry)) = queue.pop_front() else {
                continue;
            };
            prov.record(&list_at.index(entries.len()), *file, list_at.index(i));
            entries.push(entry.clone());
        }
    }
    // Empty lists are not written, as the model does not write them.
    if let Value::Object(members) = &mut statistics.value {
        members.retain(|m| !matches!(&m.value.value, Value::Array(items) if items.is_empty()));
    }
    if matches!(&statistics.value, Value::Object(m) if !m.is_empty()) {
        set_ordered(&mut out, "statistics", statistics, REPORT_ORDER);
    }
    if let Some(f) = funding.filter(|f| !elements(f).is_empty()) {
        set_ordered(&mut out, "funding", f, REPORT_ORDER);
    }
    (out, prov)
}
