//! The human format: `file:line:col`, the code and message, the source line with a caret
//! and the help, as rustc and ruff print them.

use crate::files::CheckedFile;
use naplint::Severity;
use std::fmt::Write as _;

struct Paint(bool);

impl Paint {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

pub fn render(files: &[CheckedFile], colour: bool) -> String {
    let p = Paint(colour);
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos, mut fixable, mut fixed) = (0, 0, 0, 0, 0);
    for f in files {
        fixed += f.fixed;
        let lines: Vec<&str> = f.text.lines().collect();
        for d in &f.diagnostics {
            let (label, colour_code) = match d.severity {
                Severity::Error => {
                    errors += 1;
                    ("error", "1;31")
                }
                Severity::Warning => {
                    warnings += 1;
                    ("warning", "1;33")
                }
                Severity::Info => {
                    infos += 1;
                    ("info", "1;36")
                }
            };
            if d.fix.is_some() {
                fixable += 1;
            }
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {} {}",
                p.paint("1", &f.path),
                d.line,
                d.column,
                p.paint(colour_code, &format!("{} [{label}]", d.code)),
                d.message,
                p.paint("2", &format!("({})", d.name)),
            );
            if let Some(source) = d.line.checked_sub(1).and_then(|i| lines.get(i)) {
                let width = d.line.to_string().len();
                let gutter = " ".repeat(width);
                let source = source.replace('\t', " ");
                let len = source.chars().count();
                let start = d.column.saturating_sub(1).min(len);
                let span = if d.end_line == d.line {
                    d.end_column.saturating_sub(d.column).max(1)
                } else {
                    len.saturating_sub(start).max(1)
                };
                let _ = writeln!(out, "{gutter} {}", p.paint("1;34", "|"));
                let _ = writeln!(
                    out,
                    "{} {} {source}",
                    p.paint("1;34", &d.line.to_string()),
                    p.paint("1;34", "|")
                );
                let _ = writeln!(
                    out,
                    "{gutter} {} {}{}",
                    p.paint("1;34", "|"),
                    " ".repeat(start),
                    p.paint(colour_code, &"^".repeat(span.min(120)))
                );
                if let Some(help) = &d.help {
                    let _ = writeln!(
                        out,
                        "{gutter} {} {}",
                        p.paint("1;34", "="),
                        p.paint("1", &format!("help: {help}"))
                    );
                }
                if d.fix.is_some() {
                    let _ = writeln!(
                        out,
                        "{gutter} {} fixable with `naplint check --fix`",
                        p.paint("1;34", "=")
                    );
                }
            } else if let Some(help) = &d.help {
                let _ = writeln!(out, "  = help: {help}");
            }
            out.push('\n');
        }
    }
    let files_n = files.len();
    if files.is_empty() {
        return out;
    }
    if errors + warnings + infos == 0 {
        let _ = writeln!(
            out,
            "{} {files_n} file(s) checked, no problems",
            p.paint("1;32", "All good:")
        );
    } else {
        let _ = writeln!(
            out,
            "Found {errors} error(s), {warnings} warning(s), {infos} info in {files_n} file(s){}",
            if fixable > 0 {
                format!("; {fixable} fixable with `naplint check --fix`")
            } else {
                String::new()
            }
        );
    }
    if fixed > 0 {
        let _ = writeln!(out, "Fixed {fixed} problem(s).");
    }
    out
}
