//! Report → base + one submission per department, and next year's pre-filled submission.

use super::assemble::{
    DELIVERABLE_ORDER, ITEM_ORDER, REPORT_ORDER, STATISTICS_ORDER, UPDATE_FIELDS,
};
use super::tree::{
    array, elements, for_each_along, object, remove, set_ordered, string, TO_DELIVERABLES,
};
use crate::model::{List, Report, Section};
use crate::source::{Node, Value};

/// The department that submits `entry` of `list`: the one it names, else the base's.
fn entry_owner<'a>(report: &'a Report, list: List, entry: &'a Node) -> Option<&'a str> {
    let named = list
        .owner_field()
        .and_then(|f| entry.get(f))
        .and_then(Node::as_str);
    report.entry_owner(list, named)
}

/// The base: the report without what departments submit, marked `kind: base`, with the
/// layout of its lists.
pub(crate) fn base_of(root: &Node, report: &Report, owners: Option<Node>) -> Node {
    let mut base = root.clone();
    set_ordered(&mut base, "kind", string("base"), REPORT_ORDER);
    if let Some(o) = owners {
        set_ordered(&mut base, "owners", o, REPORT_ORDER);
    }
    let statistics = remove(&mut base, "statistics");
    let funding = remove(&mut base, "funding");
    for_each_along(&mut base, &TO_DELIVERABLES, &mut |d| {
        for field in UPDATE_FIELDS {
            remove(d, field);
        }
        for_each_along(d, &["items"], &mut |item| {
            for field in UPDATE_FIELDS {
                remove(item, field);
            }
        });
    });
    // The layout: the department of each list entry, in report order.
    let mut layout = Vec::new();
    for list in List::ALL {
        let entries = match list {
            List::Funding => funding.as_ref().map(elements).unwrap_or_default(),
            _ => statistics
                .as_ref()
                .and_then(|s| s.get(list.key()))
                .map(elements)
                .unwrap_or_default(),
        };
        if entries.is_empty() {
            continue;
        }
        let codes = entries
            .iter()
            .map(|e| string(entry_owner(report, list, e).unwrap_or_default()))
            .collect();
        layout.push((list.key(), array(codes)));
    }
    if !layout.is_empty() {
        set_ordered(&mut base, "layout", object(layout), REPORT_ORDER);
    }
    base
}

/// What `code` submits: the updates of the deliverables it leads and the statistics and
/// funding it owns, as the report has them.
pub(crate) fn submission_of(root: &Node, report: &Report, code: &str, fiscal_year: &str) -> Node {
    let mut deliverables = Vec::new();
    for (at, _, d) in crate::rules::assembly::deliverables(report) {
        if !d.leads.iter().any(|l| l == code) {
            continue;
        }
        let Some(node) = crate::rules::assembly::node_at(root, &at) else {
            continue;
        };
        let mut update = object(vec![("id", string(&d.id))]);
        for field in UPDATE_FIELDS {
            if let Some(v) = node.get(field) {
                set_ordered(&mut update, field, v.clone(), DELIVERABLE_ORDER);
            }
        }
        let items: Vec<Node> = node
            .get("items")
            .map(elements)
            .unwrap_or_default()
            .iter()
            .map(|item| {
                let mut out = object(Vec::new());
                for field in UPDATE_FIELDS {
                    if let Some(v) = item.get(field) {
                        set_ordered(&mut out, field, v.clone(), ITEM_ORDER);
                    }
                }
                out
            })
            .collect();
        if items
            .iter()
            .any(|i| matches!(&i.value, Value::Object(m) if !m.is_empty()))
        {
            set_ordered(&mut update, "items", array(items), DELIVERABLE_ORDER);
        }
        deliverables.push(update);
    }
    let mut statistics = object(Vec::new());
    let stats = root.get("statistics");
    for section in [Section::Trp, Section::CourtCases] {
        if report.section_owner(section) != Some(code) {
            continue;
        }
        if let Some(v) = stats.and_then(|s| s.get(section.key())) {
            set_ordered(&mut statistics, section.key(), v.clone(), STATISTICS_ORDER);
        }
    }
    let mut funding = Vec::new();
    for list in List::ALL {
        let (_, entries) = crate::rules::assembly::a002_not_a_lead::list_of(root, list);
        let mine: Vec<Node> = entries
            .iter()
            .filter(|e| entry_owner(report, list, e) == Some(code))
            .cloned()
            .collect();
        if mine.is_empty() {
            continue;
        }
        if list == List::Funding {
            funding = mine;
        } else {
            set_ordered(&mut statistics, list.key(), array(mine), STATISTICS_ORDER);
        }
    }
    let mut out = object(vec![
        ("kind", string("submission")),
        ("department", string(code)),
        ("plan", string(&report.plan.id)),
        ("fiscal_year", string(fiscal_year)),
        ("deliverables", array(deliverables)),
    ]);
    if matches!(&statistics.value, Value::Object(m) if !m.is_empty()) {
        set_ordered(&mut out, "statistics", statistics, &[]);
    }
    if !funding.is_empty() {
        set_ordered(&mut out, "funding", array(funding), &[]);
    }
    out
}

/// Whether `code` has anything to submit: a deliverable it leads, or something it owns.
pub(crate) fn has_part(report: &Report, code: &str) -> bool {
    let leads = crate::rules::assembly::deliverables(report)
        .any(|(_, _, d)| d.leads.iter().any(|l| l == code));
    let stats = report.statistics.as_ref();
    let sections = [
        (Section::Trp, stats.is_some_and(|s| s.trp.is_some())),
        (
            Section::CourtCases,
            stats.is_some_and(|s| s.court_cases.is_some()),
        ),
    ]
    .into_iter()
    .any(|(s, present)| present && report.section_owner(s) == Some(code));
    let owns = |list: List, named: Option<&str>| report.entry_owner(list, named) == Some(code);
    let entries = stats.is_some_and(|s| {
        s.operations
            .iter()
            .any(|e| owns(List::Operations, Some(&e.lead)))
            || s.investigations
                .iter()
                .any(|_| owns(List::Investigations, None))
            || s.training
                .iter()
                .any(|e| owns(List::Training, Some(&e.provider)))
            || s.outreach
                .iter()
                .any(|e| owns(List::Outreach, e.provider.as_deref()))
    }) || report
        .funding
        .iter()
        .any(|f| owns(List::Funding, Some(&f.funder)));
    leads || sections || entries
}
