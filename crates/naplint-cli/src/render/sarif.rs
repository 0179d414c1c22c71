//! SARIF 2.1.0, as GitHub code scanning accepts it.

use crate::files::CheckedFile;
use naplint::{registry::RuleInfo, Severity};
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render(files: &[CheckedFile], all: &[RuleInfo], lang: naplint::Lang) -> String {
    let rules: Vec<Value> = all
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.docs, "markdown": r.docs },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": [r.family] },
            })
        })
        .collect();
    let mut results = Vec::new();
    for f in files {
        let uri = f.path.trim_start_matches("./").replace('\\', "/");
        for d in &f.diagnostics {
            let index = all.iter().position(|r| r.code == d.code).unwrap_or(0);
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            results.push(json!({
                "ruleId": d.code,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line.max(d.line),
                            "endColumn": if d.end_line == d.line { d.end_column.max(d.column + 1) } else { d.end_column.max(1) },
                        },
                    },
                    "logicalLocations": [{ "fullyQualifiedName": d.pointer, "kind": "member" }],
                }],
            }));
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "naplint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://naplint.dev",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "language": lang.tag(),
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}
