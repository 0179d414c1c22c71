//! Project tasks: `cargo xtask codegen [--check]` regenerates the committed artefacts
//! derived from the code (the JSON Schema and the rule reference in docs/rules.md);
//! `cargo xtask sbom [--out DIR]` writes the CycloneDX SBOMs (src/sbom.rs).

mod sbom;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every generated file with its expected content.
fn artefacts() -> Vec<(PathBuf, String)> {
    vec![
        (
            root().join("schemas/report.schema.json"),
            naplint::schema::report_schema_text(),
        ),
        (
            root().join("docs/rules.md"),
            naplint::registry::reference_markdown(),
        ),
        (root().join("README.md"), readme_with_rule_table()),
    ]
    .into_iter()
    .chain(submission_artefacts())
    .collect()
}

/// The department submission schema (issue 11).
fn submission_artefacts() -> Vec<(PathBuf, String)> {
    vec![(
        root().join("schemas/submission.schema.json"),
        naplint::schema::submission_schema_text(),
    )]
}

/// README.md with the generated rule table between its markers.
fn readme_with_rule_table() -> String {
    const START: &str = "<!-- rules:start -->\n";
    const END: &str = "<!-- rules:end -->";
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap_or_default();
    match (readme.find(START), readme.find(END)) {
        (Some(s), Some(e)) if s < e => {
            format!(
                "{}{START}{}{}",
                &readme[..s],
                naplint::registry::rule_table(),
                &readme[e..]
            )
        }
        _ => readme,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("codegen") => {
            let check = args.iter().any(|a| a == "--check");
            let mut stale = 0;
            for (path, content) in artefacts() {
                let current = std::fs::read_to_string(&path).unwrap_or_default();
                if current == content {
                    continue;
                }
                if check {
                    eprintln!("stale: {} (run `cargo xtask codegen`)", path.display());
                    stale += 1;
                } else {
                    if let Some(dir) = path.parent() {
                        let _ = std::fs::create_dir_all(dir);
                    }
                    if let Err(e) = std::fs::write(&path, content) {
                        eprintln!("cannot write {}: {e}", path.display());
                        return ExitCode::from(2);
                    }
                    println!("wrote {}", path.display());
                }
            }
            if stale > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Some("sbom") => match sbom::run(&root(), &args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cargo xtask sbom: {e}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("usage: cargo xtask codegen [--check] | sbom [--out DIR]");
            ExitCode::from(2)
        }
    }
}
