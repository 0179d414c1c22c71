//! The human format: `file:line:col`, the code and message, the source line with a caret
//! and the help, as rustc and ruff print them.

use crate::files::CheckedFile;
use naplint::i18n::Text;
use naplint::{Lang, Severity};
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

const HELP: Text = Text::new("help: {help}", "aide : {help}");
const FIXABLE: Text = Text::new(
    "fixable with `naplint check --fix`",
    "corrigeable avec `naplint check --fix`",
);
const CLEAN: Text = Text::new(
    "{n} file(s) checked, no problems",
    "{n} fichier(s) vérifié(s), aucun problème",
);
const ALL_GOOD: Text = Text::new("All good:", "Tout va bien :");
const FOUND: Text = Text::new(
    "Found {errors} error(s), {warnings} warning(s), {infos} info in {files} file(s)",
    "{errors} erreur(s), {warnings} avertissement(s), {infos} info dans {files} fichier(s)",
);
const FOUND_FIXABLE: Text = Text::new(
    "; {n} fixable with `naplint check --fix`",
    "; {n} corrigeable(s) avec `naplint check --fix`",
);
const FIXED: Text = Text::new("Fixed {n} problem(s).", "{n} problème(s) corrigé(s).");
const ERROR: Text = Text::new("error", "erreur");
const WARNING: Text = Text::new("warning", "avertissement");
const INFO: Text = Text::new("info", "info");

/// The source lines, broken at LF, CRLF and a lone CR, as the core counts lines.
fn source_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'\n' || b == b'\r' {
            out.push(text.get(start..i).unwrap_or_default());
            i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(text.get(start..).unwrap_or_default());
    out
}

pub fn render(files: &[CheckedFile], colour: bool, lang: Lang) -> String {
    let p = Paint(colour);
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos, mut fixable, mut fixed) = (0, 0, 0, 0, 0);
    for f in files {
        fixed += f.fixed;
        let lines = source_lines(&f.text);
        for d in &f.diagnostics {
            let (label, colour_code) = match d.severity {
                Severity::Error => {
                    errors += 1;
                    (ERROR.get(lang), "1;31")
                }
                Severity::Warning => {
                    warnings += 1;
                    (WARNING.get(lang), "1;33")
                }
                Severity::Info => {
                    infos += 1;
                    (INFO.get(lang), "1;36")
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
                        p.paint("1", &HELP.render(lang, &[("help", help)]))
                    );
                }
                if d.fix.is_some() {
                    let _ = writeln!(
                        out,
                        "{gutter} {} {}",
                        p.paint("1;34", "="),
                        FIXABLE.get(lang)
                    );
                }
            } else if let Some(help) = &d.help {
                let _ = writeln!(out, "  = {}", HELP.render(lang, &[("help", help)]));
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
            "{} {}",
            p.paint("1;32", ALL_GOOD.get(lang)),
            CLEAN.render(lang, &[("n", &files_n.to_string())])
        );
    } else {
        let counts = [
            ("errors", errors.to_string()),
            ("warnings", warnings.to_string()),
            ("infos", infos.to_string()),
            ("files", files_n.to_string()),
        ];
        let args: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let tail = if fixable > 0 {
            FOUND_FIXABLE.render(lang, &[("n", &fixable.to_string())])
        } else {
            String::new()
        };
        let _ = writeln!(out, "{}{tail}", FOUND.render(lang, &args));
    }
    if fixed > 0 {
        let _ = writeln!(out, "{}", FIXED.render(lang, &[("n", &fixed.to_string())]));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_break_like_the_core_counts_them() {
        assert_eq!(super::source_lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
    }
}
