//! Output formats. Every renderer takes the same checked files and diagnostics.

pub mod human;
pub mod plural;
pub mod sarif;

use crate::files::CheckedFile;
use naplint::i18n::Text;
use naplint::{registry::RuleInfo, Lang, Severity};
use std::fmt::Write as _;

/// `--format json`: one array of diagnostics, each the core's object plus `file`.
///
/// The keys come out in alphabetical order, as a `serde_json::Value` object would print
/// them; the fields of [`JsonDiagnostic`] are declared in that order, so each finding is
/// written straight from borrowed fields instead of through a `Value` tree (which cost
/// about 13,000 instructions per finding on 1,000 files). `render_json_matches_value` in
/// the tests below compares the two.
pub fn json(files: &[CheckedFile]) -> String {
    let all: Vec<JsonDiagnostic<'_>> = files
        .iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(|d| JsonDiagnostic::new(d, &f.path))
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}

/// One finding of `--format json`: the core's [`naplint::Diagnostic`] with `file`, keys
/// in alphabetical order (keep them so).
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    column: usize,
    end_column: usize,
    end_line: usize,
    file: &'a str,
    /// A fix's own keys sorted too: it goes through a `Value` (rare: few findings have one).
    fix: Option<serde_json::Value>,
    help: Option<&'a str>,
    line: usize,
    message: &'a str,
    name: &'a str,
    pointer: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    related: &'a [String],
    severity: Severity,
}

impl<'a> JsonDiagnostic<'a> {
    fn new(d: &'a naplint::Diagnostic, file: &'a str) -> Self {
        Self {
            code: &d.code,
            column: d.column,
            end_column: d.end_column,
            end_line: d.end_line,
            file,
            fix: d
                .fix
                .as_ref()
                .map(|f| serde_json::to_value(f).unwrap_or_default()),
            help: d.help.as_deref(),
            line: d.line,
            message: &d.message,
            name: &d.name,
            pointer: &d.pointer,
            related: &d.related,
            severity: d.severity,
        }
    }
}

/// Escapes a GitHub workflow command's data (`%`, CR, LF) or property (also `:` and `,`).
fn gh_escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

/// `--format github`: workflow commands that GitHub Actions shows as annotations.
pub fn github(files: &[CheckedFile]) -> String {
    let mut out = String::new();
    for f in files {
        for d in &f.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                let _ = write!(message, "\nhelp: {help}");
            }
            let _ = writeln!(
                out,
                "::{level} title={},file={},line={},col={},endLine={},endColumn={}::{}",
                gh_escape(&format!("{} {}", d.code, d.name), true),
                gh_escape(&f.path, true),
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                gh_escape(&message, false)
            );
        }
    }
    out
}

fn xml_escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            '\'' => "&apos;".to_owned(),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => String::new(),
            c => c.to_string(),
        })
        .collect()
}

/// `--format junit`: a test suite per file, a failing test case per diagnostic, and one
/// passing case for a clean file.
pub fn junit(files: &[CheckedFile]) -> String {
    let total: usize = files.iter().map(|f| f.diagnostics.len().max(1)).sum();
    let failures: usize = files.iter().map(|f| f.diagnostics.len()).sum();
    let mut out = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"naplint\" tests=\"{total}\" failures=\"{failures}\">\n");
    for f in files {
        let path = xml_escape(&f.path);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{}\">",
            f.diagnostics.len().max(1),
            f.diagnostics.len()
        );
        if f.diagnostics.is_empty() {
            let _ = writeln!(out, "    <testcase name=\"{path}\" classname=\"naplint\"/>");
        }
        for d in &f.diagnostics {
            let _ = writeln!(
                out,
                "    <testcase name=\"{} {}:{}:{}\" classname=\"{path}\" file=\"{path}\" line=\"{}\">\n      <failure message=\"{}\" type=\"{}\">{}:{}:{}: {} {}</failure>\n    </testcase>",
                d.code, path, d.line, d.column, d.line,
                xml_escape(&d.message), d.severity.as_str(),
                path, d.line, d.column, d.code, xml_escape(&d.message)
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

const RULES_HEADER: [Text; 5] = [
    Text::new("code", "code"),
    Text::new("name", "nom"),
    Text::new("severity", "gravité"),
    Text::new("fix", "corr."),
    Text::new("summary", "résumé"),
];
const FIXABLE: Text = Text::new("yes", "oui");

/// `naplint rules`: codes and names as they are, the rest in the language asked.
pub fn rules_table(rules: &[RuleInfo], lang: Lang) -> String {
    let [code, name, severity, fix, summary] = RULES_HEADER.map(|t| t.get(lang));
    let width = |header: &str, cells: &mut dyn Iterator<Item = &str>| {
        cells
            .map(|c| c.chars().count())
            .fold(header.chars().count(), usize::max)
    };
    let sev_width = width(
        severity,
        &mut rules.iter().map(|r| human::severity_word(r.severity, lang)),
    );
    let fix_width = width(fix, &mut std::iter::once(FIXABLE.get(lang))).max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{code:<6} {name:<32} {severity:<sev_width$} {fix:<fix_width$} {summary}"
    );
    for r in rules {
        let _ = writeln!(
            out,
            "{:<6} {:<32} {:<sev_width$} {:<fix_width$} {}",
            r.code,
            r.name,
            human::severity_word(r.severity, lang),
            if r.fixable { FIXABLE.get(lang) } else { "" },
            r.summary
        );
    }
    out
}

/// `naplint rules --json`.
pub fn rules_json(rules: &[RuleInfo]) -> String {
    let mut out = serde_json::to_string_pretty(rules).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The old way: each diagnostic through a `serde_json::Value`, `file` added to it.
    fn json_through_value(files: &[CheckedFile]) -> String {
        let mut all = Vec::new();
        for f in files {
            for d in &f.diagnostics {
                let mut value = serde_json::to_value(d).unwrap();
                value
                    .as_object_mut()
                    .unwrap()
                    .insert("file".to_owned(), serde_json::Value::String(f.path.clone()));
                all.push(value);
            }
        }
        let mut out = serde_json::to_string_pretty(&all).unwrap();
        out.push('\n');
        out
    }

    #[test]
    fn render_json_matches_value() {
        let root = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seeds/2013-14/report.json"
        );
        let text = std::fs::read_to_string(root).unwrap();
        let linter = naplint::Linter::new(naplint::Config::default()).unwrap();
        let mut diagnostics = linter.check(&text, naplint::SourceFormat::Json);
        assert!(diagnostics.len() >= 9, "the seed has its 9 findings");
        // One with every optional field set: a fix (its value an object), related
        // pointers, and characters JSON escapes.
        let mut extra = diagnostics[0].clone();
        extra.fix = Some(naplint::diagnostic::Fix {
            pointer: "/a~1b".to_owned(),
            value: serde_json::json!({"z": 1, "a": [true, null, "x"]}),
            description: "replace \"x\"\n\u{e9}".to_owned(),
        });
        extra.related = vec!["/plan/id".to_owned(), "/report/title".to_owned()];
        extra.help = None;
        extra.message = "tab\there \u{1}".to_owned();
        diagnostics.push(extra);
        let files = vec![
            CheckedFile {
                path: "dir/report \"one\".json".to_owned(),
                text: text.clone(),
                diagnostics,
                fixed: 0,
                stdin: false,
            },
            CheckedFile {
                path: "empty.json".to_owned(),
                text: String::new(),
                diagnostics: Vec::new(),
                fixed: 0,
                stdin: false,
            },
        ];
        assert_eq!(json(&files), json_through_value(&files));
        assert_eq!(json(&[]), "[]\n");
    }
}
