//! The human format: a `file:line:col: CODE [severity] message (name)` line that CI logs and
//! editors parse, then the source through annotate-snippets (rustc's and cargo's renderer):
//! the line with the primary carets, the `related` terms of a reconciliation as secondary
//! labels, display width and tabs as a terminal shows them, and the help as a footer.

use super::plural::Plural;
use crate::files::CheckedFile;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use naplint::i18n::Text;
use naplint::{Diagnostic, Lang, Severity};
use std::borrow::Cow;
use std::fmt::Write as _;

// annotate-snippets writes `{name}: {help}`; French puts a space before the colon.
const HELP: Text = Text::new("help", "aide ");
const TERM: Text = Text::new("term", "terme");
const FIXABLE: Text = Text::new(
    "fixable with `naplint check --fix`",
    "corrigeable avec `naplint check --fix`",
);
const CLEAN_FILES: Plural = Plural::new(
    Text::new(
        "{n} file checked, no problems",
        "{n} fichier vérifié, aucun problème",
    ),
    Text::new(
        "{n} files checked, no problems",
        "{n} fichiers vérifiés, aucun problème",
    ),
);
const ALL_GOOD: Text = Text::new("All good:", "Tout va bien :");
const FOUND: Text = Text::new(
    "Found {errors}, {warnings}, {infos} in {files}",
    "{errors}, {warnings}, {infos} dans {files}",
);
const ERRORS: Plural = Plural::new(
    Text::new("{n} error", "{n} erreur"),
    Text::new("{n} errors", "{n} erreurs"),
);
const WARNINGS: Plural = Plural::new(
    Text::new("{n} warning", "{n} avertissement"),
    Text::new("{n} warnings", "{n} avertissements"),
);
const INFOS: Plural = Plural::new(
    Text::new("{n} info", "{n} info"),
    Text::new("{n} infos", "{n} infos"),
);
const FILES: Plural = Plural::new(
    Text::new("{n} file", "{n} fichier"),
    Text::new("{n} files", "{n} fichiers"),
);
const FOUND_FIXABLE: Plural = Plural::new(
    Text::new(
        "; {n} fixable with `naplint check --fix`",
        " ; {n} corrigeable avec `naplint check --fix`",
    ),
    Text::new(
        "; {n} fixable with `naplint check --fix`",
        " ; {n} corrigeables avec `naplint check --fix`",
    ),
);
const FIXED: Plural = Plural::new(
    Text::new("Fixed {n} problem.", "{n} problème corrigé."),
    Text::new("Fixed {n} problems.", "{n} problèmes corrigés."),
);
const ERROR: Text = Text::new("error", "erreur");
const WARNING: Text = Text::new("warning", "avertissement");
const INFO: Text = Text::new("info", "info");

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const GREEN: Style = AnsiColor::Green.on_default().bold();
const RED: Style = AnsiColor::BrightRed.on_default().bold();
const YELLOW: Style = AnsiColor::BrightYellow.on_default().bold();
const CYAN: Style = AnsiColor::BrightCyan.on_default().bold();

/// The severity's word in `lang`, as the human format and `naplint rules` print it.
pub fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => ERROR.get(lang),
        Severity::Warning => WARNING.get(lang),
        Severity::Info => INFO.get(lang),
    }
}

/// The severity's colour and annotate-snippets' level (which colours the carets with the
/// same colour: see `renderer`).
fn severity(s: Severity) -> (Style, Level<'static>) {
    match s {
        Severity::Error => (RED, Level::ERROR),
        Severity::Warning => (YELLOW, Level::WARNING),
        Severity::Info => (CYAN, Level::INFO),
    }
}

/// annotate-snippets' renderer: ASCII decorations (CI logs), the header's colours.
fn renderer(colour: bool) -> Renderer {
    if colour {
        Renderer::styled().error(RED).warning(YELLOW).info(CYAN)
    } else {
        Renderer::plain()
    }
}

fn paint(colour: bool, style: Style, text: &str) -> String {
    if colour {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

/// The text with each lone CR turned into LF. The core breaks lines at LF, CRLF and a lone
/// CR; annotate-snippets only at LF and CRLF. One byte for one byte, so spans stay valid.
fn lone_cr_as_lf(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return Cow::Borrowed(text);
    }
    let mut out = text.as_bytes().to_vec();
    for (i, b) in out.iter_mut().enumerate() {
        if lone(i) {
            *b = b'\n';
        }
    }
    // Replacing an ASCII byte with another keeps the text UTF-8.
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// The source excerpt of one diagnostic: the lines from the first to the last span it marks,
/// so each diagnostic costs the lines it shows rather than the whole file.
fn snippet<'a>(
    d: &Diagnostic,
    text: &'a str,
    lang: Lang,
) -> Option<Snippet<'a, annotate_snippets::Annotation<'a>>> {
    let valid = |(s, e): (usize, usize)| s <= e && text.get(s..e).is_some();
    // A YAML block's span runs to the next token: mark up to its last visible character.
    let trimmed = |(s, e): (usize, usize)| match text.get(s..e).map(str::trim_end) {
        Some(t) if !t.is_empty() => (s, s + t.len()),
        _ => (s, e),
    };
    if !valid(d.span) || text.is_empty() {
        return None;
    }
    let primary = trimmed(d.span);
    let related: Vec<(usize, usize)> = d
        .related_spans
        .iter()
        .copied()
        .filter(|&span| valid(span))
        .map(trimmed)
        .filter(|&span| span != primary)
        .collect();
    let first = related.iter().map(|s| s.0).fold(primary.0, usize::min);
    let last = related.iter().map(|s| s.1).fold(primary.1, usize::max);
    let start = text.get(..first)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text
        .get(last..)?
        .find('\n')
        .map_or(text.len(), |i| last + i);
    // The core gives the primary span's line; lines above it up to `start` are counted.
    let primary_line_start = text.get(..primary.0)?.rfind('\n').map_or(0, |i| i + 1);
    let above = text.get(start..primary_line_start)?.matches('\n').count();
    let excerpt = text.get(start..end)?;
    let shift = |(s, e): (usize, usize)| (s - start)..(e - start);
    let term = TERM.get(lang);
    Some(
        Snippet::source(excerpt)
            .line_start(d.line.saturating_sub(above).max(1))
            .fold(true)
            .annotation(AnnotationKind::Primary.span(shift(primary)))
            .annotations(
                related
                    .into_iter()
                    .map(|span| AnnotationKind::Context.span(shift(span)).label(term)),
            ),
    )
}

pub fn render(files: &[CheckedFile], colour: bool, lang: Lang) -> String {
    let renderer = renderer(colour);
    let help_level = Level::HELP.with_name(HELP.get(lang));
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos, mut fixable, mut fixed) = (0, 0, 0, 0, 0);
    for f in files {
        fixed += f.fixed;
        let text = lone_cr_as_lf(&f.text);
        for d in &f.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
            if d.fix.is_some() {
                fixable += 1;
            }
            let (style, level) = severity(d.severity);
            let label = severity_word(d.severity, lang);
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {} {}",
                paint(colour, BOLD, &f.path),
                d.line,
                d.column,
                paint(colour, style, &format!("{} [{label}]", d.code)),
                d.message,
                paint(colour, DIM, &format!("({})", d.name)),
            );
            let mut group = Group::with_level(level);
            if let Some(snippet) = snippet(d, &text, lang) {
                group = group.element(snippet);
            }
            if let Some(help) = &d.help {
                group = group.element(help_level.clone().message(help.as_str()));
            }
            if d.fix.is_some() {
                group = group.element(Level::NOTE.no_name().message(FIXABLE.get(lang)));
            }
            if !group.is_empty() {
                let _ = writeln!(out, "{}", renderer.render(&[group]));
            }
            out.push('\n');
        }
    }
    if files.is_empty() {
        return out;
    }
    if errors + warnings + infos == 0 {
        let _ = writeln!(
            out,
            "{} {}",
            paint(colour, GREEN, ALL_GOOD.get(lang)),
            CLEAN_FILES.render(files.len(), lang)
        );
    } else {
        let counts = [
            ("errors", ERRORS.render(errors, lang)),
            ("warnings", WARNINGS.render(warnings, lang)),
            ("infos", INFOS.render(infos, lang)),
            ("files", FILES.render(files.len(), lang)),
        ];
        let args: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let tail = if fixable > 0 {
            FOUND_FIXABLE.render(fixable, lang)
        } else {
            String::new()
        };
        let _ = writeln!(out, "{}{tail}", FOUND.render(lang, &args));
    }
    if fixed > 0 {
        let _ = writeln!(out, "{}", FIXED.render(fixed, lang));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lone_cr_becomes_lf_and_crlf_stays() {
        assert_eq!(super::lone_cr_as_lf("a\r\nb\rc\nd"), "a\r\nb\nc\nd");
        assert!(matches!(
            super::lone_cr_as_lf("a\r\nb"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
