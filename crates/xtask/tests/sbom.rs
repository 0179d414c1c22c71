//! `cargo xtask sbom`: both SBOMs validate against the CycloneDX 1.5 JSON Schema (vendored
//! in `tests/cyclonedx/`); each lists exactly the crates its artefact links, as
//! `cargo tree -e normal` resolves them for the artefact's target, each within what
//! `cargo metadata`'s resolve allows (crates and edges), with its licence and its
//! `Cargo.lock` checksum.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

const CLI: &str = "naplint-cli.cdx.json";
const NPM: &str = "naplint-npm.cdx.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `command`, which must succeed, and returns its stdout.
fn run(what: &str, command: &mut Command) -> Vec<u8> {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs `cargo xtask sbom --out <tmp>`, which must succeed, and returns the directory.
fn write_sboms() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    run(
        "cargo xtask sbom",
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(["sbom", "--out"])
            .arg(dir.path()),
    );
    dir
}

/// Runs `cargo xtask sbom --out <tmp>` once and returns the two documents.
fn sboms() -> &'static BTreeMap<&'static str, Value> {
    static SBOMS: OnceLock<BTreeMap<&'static str, Value>> = OnceLock::new();
    SBOMS.get_or_init(|| {
        let dir = write_sboms();
        [CLI, NPM]
            .into_iter()
            .map(|f| {
                let text = std::fs::read_to_string(dir.path().join(f)).unwrap();
                (f, serde_json::from_str(&text).unwrap())
            })
            .collect()
    })
}

fn schema(name: &str) -> Value {
    let path = root().join("crates/xtask/tests/cyclonedx").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    // bom-1.5's `$id` is http://cyclonedx.org/schema/bom-1.5.schema.json; its `$ref`s to
    // the SPDX and JSF schemas resolve beside it.
    let registry = jsonschema::Registry::new()
        .add(
            "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json",
            schema("spdx.SNAPSHOT.schema.json"),
        )
        .unwrap()
        .add(
            "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json",
            schema("jsf-0.82.SNAPSHOT.schema.json"),
        )
        .unwrap()
        .prepare()
        .unwrap();
    jsonschema::options()
        .with_registry(&registry)
        .should_validate_formats(true)
        .build(&schema("bom-1.5.SNAPSHOT.schema.json"))
        .unwrap()
}

fn components(bom: &Value) -> &Vec<Value> {
    bom["components"].as_array().unwrap()
}

fn name_version(c: &Value) -> String {
    format!(
        "{}@{}",
        c["name"].as_str().unwrap(),
        c["version"].as_str().unwrap()
    )
}

/// `name@version` of every crate `cargo tree -e normal` shows for `package` on `target`.
fn cargo_tree(package: &str, target: &str) -> BTreeSet<String> {
    let out = run(
        "cargo tree",
        Command::new(env!("CARGO"))
            .current_dir(root())
            .args([
                "tree", "-q", "-e", "normal", "--prefix", "none", "--format", "{p}",
            ])
            .args(["-p", package, "--target", target]),
    );
    let crates: BTreeSet<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let name = words.next()?;
            let version = words.next()?.strip_prefix('v')?;
            Some(format!("{name}@{version}"))
        })
        .collect();
    assert!(
        crates.len() > 5,
        "cargo tree printed almost nothing: {crates:?}"
    );
    crates
}

fn host() -> String {
    let out = run("rustc -vV", Command::new("rustc").arg("-vV"));
    String::from_utf8(out)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .unwrap()
}

/// Every crate reachable over normal edges in `cargo metadata`'s resolve for `target`,
/// with those edges. A superset of what one package's build links: the resolve unifies
/// features across the workspace.
fn metadata_graph(package: &str, target: &str) -> BTreeMap<String, BTreeSet<String>> {
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(root().join("Cargo.toml"))
        .other_options(vec!["--filter-platform".to_owned(), target.to_owned()])
        .exec()
        .unwrap();
    let label: BTreeMap<_, _> = metadata
        .packages
        .iter()
        .map(|p| (&p.id, format!("{}@{}", p.name, p.version)))
        .collect();
    let resolve = metadata.resolve.as_ref().unwrap();
    let nodes: BTreeMap<_, _> = resolve.nodes.iter().map(|n| (&n.id, n)).collect();
    let start = metadata
        .packages
        .iter()
        .find(|p| p.name.as_str() == package)
        .unwrap();
    let mut graph = BTreeMap::new();
    let mut todo = vec![&start.id];
    while let Some(id) = todo.pop() {
        if graph.contains_key(&label[id]) {
            continue;
        }
        let deps: Vec<_> = nodes[id]
            .deps
            .iter()
            .filter(|d| {
                d.dep_kinds
                    .iter()
                    .any(|k| k.kind == cargo_metadata::DependencyKind::Normal)
            })
            .map(|d| &d.pkg)
            .collect();
        graph.insert(
            label[id].clone(),
            deps.iter().map(|d| label[*d].clone()).collect(),
        );
        todo.extend(deps);
    }
    graph
}

/// Every component and edge of `bom` is one that `cargo metadata` allows.
fn assert_within_metadata(file: &str, bom: &Value, package: &str, target: &str) {
    let allowed = metadata_graph(package, target);
    let by_ref: BTreeMap<&str, String> = components(bom)
        .iter()
        .map(|c| (c["bom-ref"].as_str().unwrap(), name_version(c)))
        .collect();
    for id in by_ref.values() {
        assert!(allowed.contains_key(id), "{file}: {id} is not a dependency");
    }
    for d in bom["dependencies"].as_array().unwrap() {
        let Some(from) = by_ref.get(d["ref"].as_str().unwrap()) else {
            continue; // the npm package itself
        };
        for on in d["dependsOn"].as_array().into_iter().flatten() {
            let to = &by_ref[on.as_str().unwrap()];
            assert!(
                allowed[from].contains(to),
                "{file}: {from} -> {to} is no edge"
            );
        }
    }
}

#[test]
fn sboms_validate_against_the_cyclonedx_schema() {
    let validator = validator();
    for (file, bom) in sboms() {
        let errors: Vec<String> = validator.iter_errors(bom).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        assert_eq!(bom["bomFormat"], "CycloneDX");
        assert_eq!(bom["specVersion"], "1.5");
    }
    // The validator is not vacuous: the same document with a broken component fails.
    let mut broken = sboms()[CLI].clone();
    broken["components"][0]["type"] = "not-a-type".into();
    broken["components"][1]
        .as_object_mut()
        .unwrap()
        .remove("name");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn cli_sbom_lists_every_crate_the_binary_links() {
    let bom = &sboms()[CLI];
    assert_eq!(bom["metadata"]["component"]["name"], "naplint-cli");
    assert_eq!(bom["metadata"]["component"]["type"], "application");
    let listed: BTreeSet<String> = components(bom).iter().map(name_version).collect();
    let mut linked = cargo_tree("naplint-cli", &host());
    linked.retain(|c| !c.starts_with("naplint-cli@"));
    let missing: Vec<_> = linked.difference(&listed).collect();
    let extra: Vec<_> = listed.difference(&linked).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
    assert_within_metadata(CLI, bom, "naplint-cli", &host());
    // Neither the schema oracle (tests) nor criterion (bench) ships; tempfile does.
    assert!(!listed.iter().any(|c| c.starts_with("jsonschema@")));
    assert!(!listed.iter().any(|c| c.starts_with("criterion@")));
    assert!(listed.iter().any(|c| c.starts_with("tempfile@")));
    assert!(listed.iter().any(|c| c.starts_with("naplint@")));
}

#[test]
fn npm_sbom_lists_every_crate_the_wasm_module_links() {
    let bom = &sboms()[NPM];
    let top = &bom["metadata"]["component"];
    assert_eq!(top["name"], "naplint");
    assert!(top["purl"]
        .as_str()
        .unwrap()
        .starts_with("pkg:npm/naplint@"));
    let listed: BTreeSet<String> = components(bom).iter().map(name_version).collect();
    let linked = cargo_tree("naplint-wasm", "wasm32-unknown-unknown");
    let missing: Vec<_> = linked.difference(&listed).collect();
    let extra: Vec<_> = listed.difference(&linked).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
    assert_within_metadata(NPM, bom, "naplint-wasm", "wasm32-unknown-unknown");
    assert!(listed.iter().any(|c| c.starts_with("wasm-bindgen@")));
    // The CLI's own dependencies are not in the browser module.
    assert!(!listed
        .iter()
        .any(|c| c.starts_with("clap@") || c.starts_with("rayon@")));
}

#[test]
fn every_component_has_a_licence_and_the_lock_checksum() {
    let lock: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.lock")).unwrap()).unwrap();
    let sums: BTreeMap<String, String> = lock["package"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| {
            let sum = p.get("checksum")?.as_str()?;
            Some((
                format!("{}@{}", p["name"].as_str()?, p["version"].as_str()?),
                sum.to_owned(),
            ))
        })
        .collect();
    for (file, bom) in sboms() {
        let mut refs: BTreeSet<&str> = components(bom)
            .iter()
            .map(|c| c["bom-ref"].as_str().unwrap())
            .collect();
        refs.insert(bom["metadata"]["component"]["bom-ref"].as_str().unwrap());
        for c in components(bom) {
            let id = name_version(c);
            assert!(
                c["licenses"][0]["expression"].is_string(),
                "{file}: {id} has no licence"
            );
            assert_eq!(c["purl"], format!("pkg:cargo/{}", id), "{file}: {id}");
            let source = &c["properties"][0];
            assert_eq!(source["name"], "naplint:source", "{file}: {id}");
            match sums.get(&id) {
                Some(sum) => {
                    assert_eq!(c["hashes"][0]["alg"], "SHA-256", "{file}: {id}");
                    assert_eq!(c["hashes"][0]["content"], sum.as_str(), "{file}: {id}");
                    assert_eq!(source["value"], "crate registry", "{file}: {id}");
                }
                // Only this workspace's own crates have no registry checksum.
                None => {
                    assert!(id.starts_with("naplint"), "{file}: {id} has no checksum");
                    assert!(c.get("hashes").is_none(), "{file}: {id}");
                    assert_eq!(source["value"], "this repository (workspace crate)");
                }
            }
        }
        // The dependency graph only names listed components.
        let deps = bom["dependencies"].as_array().unwrap();
        assert_eq!(deps.len(), refs.len(), "{file}: one entry per component");
        for d in deps {
            assert!(refs.contains(d["ref"].as_str().unwrap()), "{file}: {d}");
            for on in d["dependsOn"].as_array().into_iter().flatten() {
                assert!(refs.contains(on.as_str().unwrap()), "{file}: {on}");
            }
        }
    }
}

#[test]
fn the_same_lock_gives_the_same_bytes() {
    let run = || {
        let dir = write_sboms();
        [CLI, NPM].map(|f| std::fs::read(dir.path().join(f)).unwrap())
    };
    let (first, second) = (run(), run());
    assert!(first.iter().all(|bytes| bytes.len() > 1000));
    assert_eq!(first, second, "two runs wrote different SBOMs");
}
