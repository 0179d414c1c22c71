//! The rule catalogue generated from the tree: every `rules/<family>/<code>_<name>.rs`
//! is a rule module. `cargo xtask codegen` writes the `pub mod` lines of each family file,
//! the family lines of `rules/mod.rs` and the registry's `RULES` table; a new family
//! folder gets its family file. `cargo xtask new-rule CODE name` scaffolds a rule.

use std::path::{Path, PathBuf};

/// Families in catalogue order; any other folder comes after them, by name.
const ORDER: &[&str] = &["structure", "plan", "meta", "reconcile", "across"];

fn rules_dir(root: &Path) -> PathBuf {
    root.join("crates/naplint/src/rules")
}

/// `p001_task_without_deliverables.rs` and the like: a letter, three digits, a name.
fn is_rule_module(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".rs") else {
        return false;
    };
    let b = stem.as_bytes();
    b.len() > 5
        && b[0].is_ascii_lowercase()
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'_'
        && stem
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
}

/// Every family folder with its rule modules, in catalogue order.
pub fn catalogue(root: &Path) -> Vec<(String, Vec<String>)> {
    let mut families = Vec::new();
    for entry in std::fs::read_dir(rules_dir(root))
        .into_iter()
        .flatten()
        .flatten()
    {
        if !entry.path().is_dir() {
            continue;
        }
        let family = entry.file_name().to_string_lossy().into_owned();
        let mut modules: Vec<String> = std::fs::read_dir(entry.path())
            .into_iter()
            .flatten()
            .flatten()
            .map(|f| f.file_name().to_string_lossy().into_owned())
            .filter(|n| is_rule_module(n))
            .map(|n| n.trim_end_matches(".rs").to_owned())
            .collect();
        if modules.is_empty() {
            continue;
        }
        modules.sort();
        families.push((family, modules));
    }
    let rank = |f: &str| ORDER.iter().position(|o| *o == f).unwrap_or(ORDER.len());
    families.sort_by(|a, b| (rank(&a.0), &a.0).cmp(&(rank(&b.0), &b.0)));
    families
}

/// `text` with the block between `// codegen:<tag>:start …` and `// codegen:<tag>:end`
/// replaced by `body` (unchanged when the markers are missing).
fn replace_block(text: &str, tag: &str, body: &str) -> String {
    let start = format!("// codegen:{tag}:start");
    let end = format!("// codegen:{tag}:end");
    let (Some(s), Some(e)) = (text.find(&start), text.find(&end)) else {
        return text.to_owned();
    };
    let Some(line_end) = text[s..].find('\n').map(|i| s + i + 1) else {
        return text.to_owned();
    };
    if line_end > e {
        return text.to_owned();
    }
    format!("{}{body}{}", &text[..line_end], &text[e..])
}

fn mod_lines(names: &[String]) -> String {
    names.iter().map(|n| format!("pub mod {n};\n")).collect()
}

/// The generated files: each family file, `rules/mod.rs` and `registry.rs`.
pub fn artefacts(root: &Path) -> Vec<(PathBuf, String)> {
    let dir = rules_dir(root);
    let families = catalogue(root);
    let mut out = Vec::new();
    for (family, modules) in &families {
        let path = dir.join(format!("{family}.rs"));
        let current = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            format!(
                "//! The `{family}` family.\n\n// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)\n// codegen:modules:end\n"
            )
        });
        out.push((
            path,
            replace_block(&current, "modules", &mod_lines(modules)),
        ));
    }
    let names: Vec<String> = families.iter().map(|(f, _)| f.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    let mod_rs = dir.join("mod.rs");
    let current = std::fs::read_to_string(&mod_rs).unwrap_or_default();
    out.push((
        mod_rs,
        replace_block(&current, "families", &mod_lines(&sorted)),
    ));
    let registry = root.join("crates/naplint/src/registry.rs");
    let current = std::fs::read_to_string(&registry).unwrap_or_default();
    let mut body = format!("use crate::rules::{{{}, Rule}};\n\n", sorted.join(", "));
    body.push_str("/// Every rule, in code order.\npub static RULES: &[Rule] = &[\n");
    for (family, modules) in &families {
        for m in modules {
            body.push_str(&format!("    {family}::{m}::RULE,\n"));
        }
    }
    body.push_str("];\n");
    out.push((registry, replace_block(&current, "registry", &body)));
    out
}

/// `cargo xtask new-rule P018 empty-text`: the module (declaration, texts, an empty
/// check), its French page and a failing and a passing fixture to fill in, then codegen.
///
/// # Errors
/// A malformed code or name, an unknown family letter, or a code already taken.
pub fn new_rule(root: &Path, code: &str, name: &str) -> Result<Vec<PathBuf>, String> {
    let families = catalogue(root);
    let letter = code.chars().next().unwrap_or(' ');
    let well_formed = code.len() == 4
        && letter.is_ascii_uppercase()
        && code[1..].bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(format!(
            "code `{code}` must be a family letter and three digits (`P018`)"
        ));
    }
    let kebab = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    if !kebab {
        return Err(format!("name `{name}` must be kebab-case (`empty-text`)"));
    }
    let prefix = code.to_ascii_lowercase();
    let Some((family, _)) = families.iter().find(|(_, ms)| {
        ms.iter()
            .any(|m| m.starts_with(letter.to_ascii_lowercase()))
    }) else {
        return Err(format!("no family folder holds `{letter}` rules yet"));
    };
    if families
        .iter()
        .any(|(_, ms)| ms.iter().any(|m| m.starts_with(&format!("{prefix}_"))))
    {
        return Err(format!("code `{code}` is taken"));
    }
    let module = format!("{prefix}_{}", name.replace('-', "_"));
    let dir = rules_dir(root).join(family);
    let rs = dir.join(format!("{module}.rs"));
    let fr = dir.join(format!("{code}.fr.md"));
    let fixtures = root.join("tests/fixtures").join(code);
    let source = format!(
        r####"use crate::rules::{{Ctx, Finding}};

crate::rules::declare_rule! {{
    /// ## What it checks
    /// TODO: the condition, in a sentence or two.
    ///
    /// ## Why it matters
    /// TODO: what goes wrong for the reader of the report.
    ///
    /// ## Fails
    /// ```yaml
    /// # TODO: a fragment merged into tests/docs/base.yaml that gives {code} alone
    /// report: {{ title: TODO }}
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// report: {{ title: 2013-2014 Annual Report on Progress }}
    /// ```
    Rule {{
        code: "{code}",
        name: "{name}" / "{name}",
        severity: Warning,
        summary: "TODO: one line, lowercase: what a finding means"
            / "TODO : une ligne, en minuscules : ce que signifie un constat",
        check: Some(check),
    }}
    texts {{
        MESSAGE = "TODO: what was found" / "TODO : ce qui a été trouvé";
    }}
}}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {{
    // Detect here; word the finding with `ctx.t(MESSAGE, &[...])`.
    let _ = (ctx, out);
}}
"####
    );
    let french = "## Ce que la règle vérifie\nTODO\n\n## Pourquoi c'est important\nTODO\n\n## Échoue\n```yaml\nreport: { title: TODO }\n```\n\n## Réussit\n```yaml\nreport: { title: 2013-2014 Annual Report on Progress }\n```\n";
    for path in [&rs, &fr] {
        if path.exists() {
            return Err(format!("{} exists", path.display()));
        }
    }
    std::fs::write(&rs, source).map_err(|e| format!("{}: {e}", rs.display()))?;
    std::fs::write(&fr, french).map_err(|e| format!("{}: {e}", fr.display()))?;
    std::fs::create_dir_all(&fixtures).map_err(|e| format!("{}: {e}", fixtures.display()))?;
    let base = std::fs::read_to_string(root.join("tests/fixtures/P002/pass.json"))
        .map_err(|e| format!("base fixture: {e}"))?;
    let mut written = vec![rs, fr];
    for case in ["fail.json", "pass.json"] {
        let path = fixtures.join(case);
        if !path.exists() {
            std::fs::write(&path, &base).map_err(|e| format!("{}: {e}", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}
