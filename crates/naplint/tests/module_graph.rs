//! The core's top-level modules import each other in one direction only (STYLE.md's
//! order, leaf first): a module may use those before it, never one after it, so there is
//! no cycle. The test reads every source file of each module and collects the
//! `crate::<module>` paths it names (in `use` lines and inline paths alike).
// Tests read the sources; the core itself does no IO.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Leaf first. A module added to the core gets its place here; the test fails until it
/// has one.
const ORDER: &[&str] = &[
    "i18n",
    "suggest",
    "diagnostic",
    "source",
    "model",
    "schema",
    "lang",
    "config",
    "rules",
    "registry",
    "engine",
    "fix",
    "suppress",
    "submission",
    "session",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`rules/plan/p001_x.rs` → `rules`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

/// Every `crate::name` (and `crate::{name, ...}`) a text refers to, comments skipped.
fn references(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let names: Vec<&str> = if let Some(group) = after.strip_prefix('{') {
                group
                    .split('}')
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .map(|n| n.trim().split("::").next().unwrap_or_default())
                    .collect()
            } else {
                vec![after]
            };
            for name in names {
                let ident: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !ident.is_empty() {
                    out.insert(ident);
                }
            }
            rest = after;
        }
    }
    out
}

/// module → (module it names → the file that names it).
fn graph() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(f)).collect();
    let mut graph: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read source file");
        let entry = graph.entry(module.clone()).or_default();
        for target in references(&text) {
            if target != module && modules.contains(&target) {
                entry.entry(target).or_insert_with(|| file.clone());
            }
        }
    }
    graph
}

#[test]
fn every_module_has_a_place_in_the_order() {
    let graph = graph();
    assert!(graph.len() >= 10, "found only {:?}", graph.keys());
    let missing: Vec<&String> = graph
        .keys()
        .filter(|m| !ORDER.contains(&m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a place in ORDER: {missing:?}"
    );
}

#[test]
fn imports_point_toward_the_leaves() {
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut wrong = Vec::new();
    for (from, targets) in graph() {
        for (to, file) in targets {
            if let (Some(a), Some(b)) = (rank(&from), rank(&to)) {
                if b >= a {
                    wrong.push(format!("{from} → {to} (in {})", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the order:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_graph_has_no_cycle() {
    // Independent of ORDER: a depth-first search over the collected edges.
    let graph = graph();
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeMap<String, PathBuf>>,
        state: &mut BTreeMap<&'a str, bool>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(true) => return None,
            Some(false) => {
                let start = path.iter().position(|p| *p == node).unwrap_or(0);
                let mut cycle: Vec<String> =
                    path[start..].iter().map(|s| (*s).to_owned()).collect();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        state.insert(node, false);
        path.push(node);
        for next in graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            if let Some(cycle) = visit(next, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node, true);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut state, &mut Vec::new()) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_scanner_sees_imports() {
    // The checks above are only as good as this reader: it must find both spellings.
    let refs = references("use crate::rules::{Ctx, Finding};\nlet x = crate::{engine, source::Node};\n// crate::fix\n");
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        vec!["engine", "rules", "source"]
    );
}
