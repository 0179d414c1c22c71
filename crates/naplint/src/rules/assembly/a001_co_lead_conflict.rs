use super::{node_at, shown, Assembly, FileFinding};
use crate::rules::Finding;
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// When a deliverable has several lead departments, each lead submits its update. For every
    /// field (`status`, `start`, `target`, `new`, and the same fields of each item) that two
    /// leads both give, they give the same value. Both places are reported, each naming the
    /// other (`related` holds `file#pointer`).
    ///
    /// ## Why it matters
    /// The report prints one status per deliverable. When Public Safety says `complete` and
    /// Justice says `in_progress`, the assembled report would silently take one of them.
    ///
    /// ## Fails
    /// ```yaml ps.yaml
    /// department: PS
    /// deliverables:
    ///   - { id: "1.11.1", start: 2012/13, status: ongoing }
    ///   - { id: "1.11.2", start: 2012/13, status: complete }
    /// ```
    /// ```yaml jus.yaml
    /// department: JUS
    /// deliverables: [{ id: "1.11.1", status: complete }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml ps.yaml
    /// department: PS
    /// deliverables:
    ///   - { id: "1.11.1", start: 2012/13, status: ongoing }
    ///   - { id: "1.11.2", start: 2012/13, status: complete }
    /// ```
    /// ```yaml jus.yaml
    /// department: JUS
    /// deliverables: [{ id: "1.11.1" }]
    /// ```
    Rule {
        code: "A001",
        name: "co-lead-conflict" / "conflit-entre-coresponsables",
        severity: Error,
        summary: "co-leads of one deliverable submit different values for one field"
            / "les coresponsables d'un livrable soumettent des valeurs différentes pour un même champ",
    }
    texts {
        MESSAGE = "`{department}` submits `{value}` for `{field}` of deliverable `{id}`, but `{other}` submits `{other_value}`"
            / "`{department}` soumet `{value}` pour `{field}` du livrable `{id}`, mais `{other}` soumet `{other_value}`";
        ITEM_MESSAGE = "`{department}` submits `{value}` for `{field}` of item {n} of deliverable `{id}`, but `{other}` submits `{other_value}`"
            / "`{department}` soumet `{value}` pour `{field}` de l'élément {n} du livrable `{id}`, mais `{other}` soumet `{other_value}`";
        HELP = "the co-leads agree on one value, or one of them leaves the field out; the other value is at {place}"
            / "les coresponsables s'entendent sur une valeur, ou l'un d'eux omet le champ; l'autre valeur est à {place}";
    }
}

const FIELDS: [&str; 4] = ["new", "start", "status", "target"];

/// One lead's value of one field: (part index, pointer in its file, value as JSON, shown).
type Given = (usize, Pointer, serde_json::Value, String);

pub(crate) fn check(a: &Assembly<'_>, out: &mut Vec<FileFinding>) {
    let eligible = super::eligible(a.base, a.parts);
    for (_, _, d) in crate::rules::assembly::deliverables(a.base) {
        if d.leads.len() < 2 {
            continue;
        }
        // Each lead's first update of this deliverable.
        let updates: Vec<(usize, Pointer)> = d
            .leads
            .iter()
            .filter_map(|lead| {
                let (i, part) = a.parts.iter().enumerate().find(|(i, p)| {
                    eligible.get(*i).copied().unwrap_or(false) && p.doc.department.as_str() == lead
                })?;
                let k = part.doc.deliverables.iter().position(|u| u.id == d.id)?;
                Some((i, Pointer::root().key("deliverables").index(k)))
            })
            .collect();
        if updates.len() < 2 {
            continue;
        }
        let mut paths: Vec<(Option<usize>, &str)> = FIELDS.iter().map(|f| (None, *f)).collect();
        for n in 0..d.items.len() {
            paths.extend(FIELDS.iter().map(|f| (Some(n), *f)));
        }
        for (item, field) in paths {
            let given: Vec<Given> = updates
                .iter()
                .filter_map(|(i, at)| {
                    let part = a.parts.get(*i)?;
                    let at = match item {
                        Some(n) => at.key("items").index(n).key(field),
                        None => at.key(field),
                    };
                    let node = node_at(part.root, &at)?;
                    Some((*i, at, node.to_json(), shown(node)))
                })
                .collect();
            let Some(first) = given.first() else { continue };
            let Some(other) = given.iter().find(|g| g.2 != first.2) else {
                continue;
            };
            // Every lead whose value differs from another's is reported, naming one
            // lead that disagrees with it.
            for g in &given {
                let against = if g.2 == first.2 { other } else { first };
                let (Some(me), Some(them)) = (a.parts.get(g.0), a.parts.get(against.0)) else {
                    continue;
                };
                let n = item.map(|n| (n + 1).to_string()).unwrap_or_default();
                let args = [
                    ("department", me.doc.department.as_str()),
                    ("value", g.3.as_str()),
                    ("field", field),
                    ("id", d.id.as_str()),
                    ("n", n.as_str()),
                    ("other", them.doc.department.as_str()),
                    ("other_value", against.3.as_str()),
                ];
                let message = match item {
                    Some(_) => a.t(ITEM_MESSAGE, &args),
                    None => a.t(MESSAGE, &args),
                };
                let mut finding = Finding::new(g.1.clone(), message)
                    .help(a.t(HELP, &[("place", &a.where_(them.file, &against.1))]));
                finding.related = vec![a.place(them.file, &against.1)];
                out.push(FileFinding {
                    file: me.file,
                    finding,
                });
            }
        }
    }
}
