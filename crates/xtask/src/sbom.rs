//! `cargo xtask sbom [--out DIR]`: CycloneDX 1.5 JSON bills of materials of what naplint
//! ships, written to `target/sbom/` by default:
//!
//! - `naplint-cli.cdx.json`: the `naplint` binary, built for the host;
//! - `naplint-npm.cdx.json`: the npm package `naplint` (`wasm/npm`), whose code is the
//!   `naplint-wasm` crate compiled for `wasm32-unknown-unknown`.
//!
//! Each lists the crates that the artefact's build links: the root's normal dependencies,
//! transitively, for its target, with features resolved as `cargo build -p` resolves
//! them (`cargo tree -e normal`; dev- and build-only dependencies do not ship and are
//! left out); `cargo metadata` gives each crate's details. Every registry
//! crate carries its licence expression, its package URL and the SHA-256 that
//! `Cargo.lock` records. The output is reproducible (no timestamp, no random serial
//! number): the same `Cargo.lock` gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use cargo_metadata::{Metadata, MetadataCommand, Package, PackageId};
use cyclonedx_bom::external_models::uri::Uri;
use cyclonedx_bom::models::component::{Classification, Scope};
use cyclonedx_bom::models::dependency::{Dependencies, Dependency};
use cyclonedx_bom::models::external_reference::{
    ExternalReference, ExternalReferenceType, ExternalReferences,
};
use cyclonedx_bom::models::hash::{Hash, HashAlgorithm, HashValue, Hashes};
use cyclonedx_bom::models::license::{LicenseChoice, Licenses};
use cyclonedx_bom::models::property::{Properties, Property};
use cyclonedx_bom::models::tool::Tools;
use cyclonedx_bom::prelude::{
    Bom, Component, Components, Metadata as BomMetadata, NormalizedString, Purl, SpdxExpression,
    SpecVersion, Validate,
};

/// One shipped artefact.
struct Artefact {
    file: &'static str,
    /// The workspace crate whose build is the artefact.
    package: &'static str,
    /// `None`: the host.
    target: Option<&'static str>,
    /// The npm package (its `package.json`) that wraps the crate, if any.
    npm: Option<&'static str>,
}

const ARTEFACTS: [Artefact; 2] = [
    Artefact {
        file: "naplint-cli.cdx.json",
        package: "naplint-cli",
        target: None,
        npm: None,
    },
    Artefact {
        file: "naplint-npm.cdx.json",
        package: "naplint-wasm",
        target: Some("wasm32-unknown-unknown"),
        npm: Some("wasm/npm/package.json"),
    },
];

/// Runs the subcommand: writes every SBOM into `out` (or `target/sbom/`).
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let root = &root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", root.display()))?;
    let mut out = root.join("target/sbom");
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--out" => out = PathBuf::from(rest.next().ok_or("--out needs a directory")?),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let checksums = lock_checksums(&root.join("Cargo.lock"))?;
    for artefact in &ARTEFACTS {
        let json = sbom(root, artefact, &checksums)?;
        let path = out.join(artefact.file);
        write_atomically(&path, json.as_bytes())?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// The host's target triple, as `rustc -vV` names it.
fn host_triple() -> Result<String, String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = std::process::Command::new(rustc)
        .arg("-vV")
        .output()
        .map_err(|e| format!("rustc -vV: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .ok_or_else(|| "rustc -vV names no host".to_owned())
}

/// `(name, version)` → SHA-256 of every registry package in `Cargo.lock`.
fn lock_checksums(lock: &Path) -> Result<BTreeMap<(String, String), String>, String> {
    let text = std::fs::read_to_string(lock).map_err(|e| format!("{}: {e}", lock.display()))?;
    let value: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", lock.display()))?;
    let mut out = BTreeMap::new();
    for package in value
        .get("package")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
    {
        let field = |k: &str| package.get(k).and_then(toml::Value::as_str);
        if let (Some(name), Some(version), Some(sum)) =
            (field("name"), field("version"), field("checksum"))
        {
            out.insert((name.to_owned(), version.to_owned()), sum.to_owned());
        }
    }
    Ok(out)
}

/// The packages that `cargo build -p <package> --target <target>` links, with the
/// normal-dependency edges between them, as `cargo tree -e normal` prints them.
///
/// Not `cargo metadata`'s resolve: it unifies features across the whole workspace (an
/// xtask-only dependency turns on optional dependencies of crates the CLI shares), so it
/// lists crates the artefact's own build never compiles. `cargo tree -p` resolves
/// features for that package and target alone, as the build does.
fn linked(
    root: &Path,
    metadata: &Metadata,
    package: &str,
    target: &str,
) -> Result<BTreeMap<PackageId, BTreeSet<PackageId>>, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = std::process::Command::new(cargo)
        .current_dir(root)
        .args([
            "tree", "-q", "-e", "normal", "--prefix", "depth", "--format", "{p}",
        ])
        .args(["-p", package, "--target", target])
        .output()
        .map_err(|e| format!("cargo tree: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo tree -p {package} --target {target}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut by_name_version: BTreeMap<(&str, String), Vec<&PackageId>> = BTreeMap::new();
    for p in &metadata.packages {
        by_name_version
            .entry((p.name.as_str(), p.version.to_string()))
            .or_default()
            .push(&p.id);
    }
    let mut graph: BTreeMap<PackageId, BTreeSet<PackageId>> = BTreeMap::new();
    // The last package seen at each depth: the parent of the next line one deeper.
    let mut stack: Vec<PackageId> = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let depth: usize = line[..digits]
            .parse()
            .map_err(|_| format!("cargo tree: unexpected line `{line}`"))?;
        let mut words = line[digits..].split_whitespace();
        let (Some(name), Some(version)) =
            (words.next(), words.next().and_then(|v| v.strip_prefix('v')))
        else {
            return Err(format!("cargo tree: unexpected line `{line}`"));
        };
        let id = match by_name_version
            .get(&(name, version.to_owned()))
            .map(Vec::as_slice)
        {
            Some([id]) => (*id).clone(),
            Some(_) => return Err(format!("{name}@{version} comes from two sources")),
            None => return Err(format!("{name}@{version} is not in cargo metadata")),
        };
        stack.truncate(depth);
        if stack.len() != depth {
            return Err(format!("cargo tree: line `{line}` skips a level"));
        }
        if let Some(parent) = stack.last() {
            graph.entry(parent.clone()).or_default().insert(id.clone());
        }
        graph.entry(id.clone()).or_default();
        stack.push(id);
    }
    if graph.is_empty() {
        return Err(format!("cargo tree -p {package} printed nothing"));
    }
    Ok(graph)
}

fn purl(kind: &str, name: &str, version: &str) -> Result<String, String> {
    Purl::new(kind, name, version)
        .map(|p| p.to_string())
        .map_err(|e| format!("package URL of {name}@{version}: {e}"))
}

fn licences(expression: Option<&str>) -> Option<Licenses> {
    let expression = SpdxExpression::parse_lax(expression?.to_owned()).ok()?;
    Some(Licenses(vec![LicenseChoice::Expression(expression)]))
}

fn component(
    package: &Package,
    checksums: &BTreeMap<(String, String), String>,
) -> Result<Component, String> {
    let (name, version) = (package.name.as_str(), package.version.to_string());
    let bom_ref = purl("cargo", name, &version)?;
    let mut c = Component::new(
        Classification::Library,
        name,
        &version,
        Some(bom_ref.clone()),
    );
    c.purl = Some(Purl::new("cargo", name, &version).map_err(|e| e.to_string())?);
    c.scope = Some(Scope::Required);
    c.description = package.description.as_deref().map(NormalizedString::new);
    c.licenses = licences(package.license.as_deref());
    if c.licenses.is_none() {
        return Err(format!(
            "{name}@{version} has no SPDX licence expression (`license` in its Cargo.toml)"
        ));
    }
    if let Some(sum) = checksums.get(&(name.to_owned(), version.clone())) {
        c.hashes = Some(Hashes(vec![Hash {
            alg: HashAlgorithm::SHA_256,
            content: HashValue(sum.clone()),
        }]));
    } else if package.source.is_some() {
        return Err(format!(
            "{name}@{version} comes from {} but Cargo.lock has no checksum for it",
            package.source.as_ref().map_or("", |s| s.repr.as_str())
        ));
    }
    // Its package URL names the crate as the registry would; say it is built from here.
    c.properties = Some(Properties(vec![Property::new(
        "naplint:source",
        if package.source.is_some() {
            "crate registry"
        } else {
            "this repository (workspace crate)"
        },
    )]));
    if let Some(repo) = package
        .repository
        .as_ref()
        .and_then(|r| Uri::try_from(r.clone()).ok())
    {
        c.external_references = Some(ExternalReferences(vec![ExternalReference::new(
            ExternalReferenceType::Vcs,
            repo,
        )]));
    }
    Ok(c)
}

/// The root component: the npm package when there is one, else the crate itself.
fn root_component(
    root: &Path,
    artefact: &Artefact,
    package: &Package,
) -> Result<(Component, bool), String> {
    let Some(manifest) = artefact.npm else {
        let version = package.version.to_string();
        let mut c = Component::new(
            Classification::Application,
            package.name.as_str(),
            &version,
            Some(purl("cargo", package.name.as_str(), &version)?),
        );
        c.purl =
            Some(Purl::new("cargo", package.name.as_str(), &version).map_err(|e| e.to_string())?);
        c.description = package.description.as_deref().map(NormalizedString::new);
        c.licenses = licences(package.license.as_deref());
        return Ok((c, false));
    };
    let path = root.join(manifest);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    // The package ships no JavaScript dependency today; if it ever does, this SBOM must
    // list it (from package-lock.json) before it can be written.
    if json
        .get("dependencies")
        .and_then(serde_json::Value::as_object)
        .is_some_and(|d| !d.is_empty())
    {
        return Err(format!(
            "{} has runtime `dependencies`, which `cargo xtask sbom` does not list yet",
            path.display()
        ));
    }
    let field = |k: &str| json.get(k).and_then(serde_json::Value::as_str);
    let (Some(name), Some(version)) = (field("name"), field("version")) else {
        return Err(format!("{}: no name or version", path.display()));
    };
    let mut c = Component::new(
        Classification::Library,
        name,
        version,
        Some(purl("npm", name, version)?),
    );
    c.purl = Some(Purl::new("npm", name, version).map_err(|e| e.to_string())?);
    c.description = field("description").map(NormalizedString::new);
    c.licenses = licences(field("license"));
    Ok((c, true))
}

/// The SBOM of one artefact, as pretty-printed CycloneDX 1.5 JSON.
fn sbom(
    root: &Path,
    artefact: &Artefact,
    checksums: &BTreeMap<(String, String), String>,
) -> Result<String, String> {
    let target = match artefact.target {
        Some(t) => t.to_owned(),
        None => host_triple()?,
    };
    let metadata = MetadataCommand::new()
        .manifest_path(root.join("Cargo.toml"))
        .other_options(vec!["--filter-platform".to_owned(), target.clone()])
        .exec()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    let packages: BTreeMap<&PackageId, &Package> =
        metadata.packages.iter().map(|p| (&p.id, p)).collect();
    let crate_root = metadata
        .workspace_packages()
        .into_iter()
        .find(|p| p.name.as_str() == artefact.package)
        .ok_or_else(|| format!("no workspace package `{}`", artefact.package))?;
    let graph = linked(root, &metadata, artefact.package, &target)?;

    let (top, crate_is_component) = root_component(root, artefact, crate_root)?;
    let top_ref = top.bom_ref.clone().unwrap_or_default();
    let mut refs = BTreeMap::new();
    let mut components = Vec::new();
    for id in graph.keys() {
        let package = packages
            .get(id)
            .ok_or_else(|| format!("{id} missing from cargo metadata"))?;
        if id == &crate_root.id && !crate_is_component {
            refs.insert(id.clone(), top_ref.clone());
            continue;
        }
        let c = component(package, checksums)?;
        refs.insert(id.clone(), c.bom_ref.clone().unwrap_or_default());
        components.push(c);
    }
    components.sort_by(|a, b| a.bom_ref.cmp(&b.bom_ref));

    let mut dependencies: Vec<Dependency> = graph
        .iter()
        .map(|(id, deps)| Dependency {
            dependency_ref: refs.get(id).cloned().unwrap_or_default(),
            dependencies: deps.iter().filter_map(|d| refs.get(d).cloned()).collect(),
        })
        .collect();
    if crate_is_component {
        dependencies.push(Dependency {
            dependency_ref: top_ref,
            dependencies: refs.get(&crate_root.id).cloned().into_iter().collect(),
        });
    }
    dependencies.sort_by(|a, b| a.dependency_ref.cmp(&b.dependency_ref));

    let mut tool = Component::new(
        Classification::Application,
        "naplint-xtask-sbom",
        env!("CARGO_PKG_VERSION"),
        None,
    );
    tool.description = Some(NormalizedString::new(
        "cargo xtask sbom: cargo metadata and Cargo.lock to CycloneDX (cyclonedx-bom)",
    ));
    let bom = Bom {
        serial_number: None,
        metadata: Some(BomMetadata {
            timestamp: None,
            tools: Some(Tools::Object {
                services: None,
                components: Some(Components(vec![tool])),
            }),
            authors: None,
            component: Some(top),
            manufacture: None,
            supplier: None,
            licenses: None,
            properties: None,
            lifecycles: None,
        }),
        components: Some(Components(components)),
        dependencies: Some(Dependencies(dependencies)),
        spec_version: SpecVersion::V1_5,
        ..Bom::default()
    };
    let check = bom.validate_version(SpecVersion::V1_5);
    if !check.passed() {
        return Err(format!("{}: invalid CycloneDX: {check:?}", artefact.file));
    }
    let mut bytes = Vec::new();
    bom.output_as_json_v1_5(&mut bytes)
        .map_err(|e| format!("{}: {e}", artefact.file))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", artefact.file))?;
    serde_json::to_string_pretty(&value)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

/// Writes through a temporary file and a rename: never a partially written SBOM.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("{}: {e}", path.display())
        })
}
