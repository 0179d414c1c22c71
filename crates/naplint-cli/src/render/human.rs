//! The human format: a `file:line:col: CODE [severity] message (name)` line that CI logs and
//! editors parse, then the source through annotate-snippets (rustc's and cargo's renderer):
//! the line with the primary carets, the `related` terms of a reconciliation as secondary
//! labels, display width and tabs as a terminal shows them, and the help as a footer.

use super::plural::plurals;
use crate::files::CheckedFile;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use naplint::{Diagnostic, Lang, Severity};
use std::borrow::Cow;
use std::fmt::Write as _;

naplint::texts! {
    // annotate-snippets writes `{name}: {help}`; French puts a space before the colon.
    HELP = "help" / "aide ";
    TERM = "term" / "terme";
    FIXABLE = "fixable with `naplint check --fix`" / "corrigeable avec `naplint check --fix`";
    ALL_GOOD = "All good:" / "Tout va bien :";
    FOUND = "Found {errors}, {warnings}, {infos} in {files}" / "{errors}, {warnings}, {infos} dans {files}";
    ERROR = "error" / "erreur";
    WARNING = "warning" / "avertissement";
    INFO = "info" / "info";
}
plurals! {
    CLEAN_FILES = "{n} file checked, no problems" / "{n} fichier vérifié, aucun problème", "{n} files checked, no problems" / "{n} fichiers vérifiés, aucun problème";
    ERRORS = "{n} error" / "{n} erreur", "{n} errors" / "{n} erreurs";
    WARNINGS = "{n} warning" / "{n} avertissement", "{n} warnings" / "{n} avertissements";
    INFOS = "{n} info" / "{n} info", "{n} infos" / "{n} infos";
    FILES = "{n} file" / "{n} fichier", "{n} files" / "{n} fichiers";
    FOUND_FIXABLE = "; {n} fixable with `naplint check --fix`" / " ; {n} corrigeable avec `naplint check --fix`", "; {n} fixable with `naplint check --fix`" / " ; {n} corrigeables avec `naplint check --fix`";
    FIXED = "Fixed {n} problem." / "{n} problème corrigé.", "Fixed {n} problems." / "{n} problèmes corrigés.";
}

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

/// Bytes kept either side of the spans on a long line: more than annotate-snippets' 140
/// columns even in four-byte characters, so a cut line still shows its `...`.
const WINDOW: usize = 1024;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
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
    // On one long line (a minified report) keep a window around the spans: annotate-snippets
    // shows about 140 columns of it with `...` either side, so a finding costs its window,
    // not the whole line.
    let (start, end) = if above == 0 && !text.get(first..last)?.contains('\n') {
        (
            floor_boundary(text, first.saturating_sub(WINDOW)).max(start),
            ceil_boundary(text, last.saturating_add(WINDOW)).min(end),
        )
    } else {
        (start, end)
    };
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
    use crate::files::CheckedFile;
    use naplint::i18n::placeholders;
    use naplint::{Config, Lang, Linter, SourceFormat};

    #[test]
    fn every_text_has_the_same_placeholders_in_both_languages() {
        assert!(super::TEXTS.len() >= 8);
        for t in super::TEXTS {
            assert!(!t.en.is_empty() && !t.fr.is_empty(), "{t:?}");
            assert_eq!(placeholders(t.en), placeholders(t.fr), "{t:?}");
        }
    }

    #[test]
    fn lone_cr_becomes_lf_and_crlf_stays() {
        assert_eq!(super::lone_cr_as_lf("a\r\nb\rc\nd"), "a\r\nb\nc\nd");
        assert!(matches!(
            super::lone_cr_as_lf("a\r\nb"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// Every prefix of a document with wide characters, a tab, CRLF and a lone CR, cut
    /// anywhere (inside a character too), renders each finding the core reports, in both
    /// languages, with and without colour.
    #[test]
    fn any_cut_of_an_awkward_document_renders_every_finding() {
        let doc = "{\"format_version\": \"1\",\r\n \"plan\": {\"id\": \"人身取引\",\t\"title\": \"x\"},\r \"report\": [1, 2]\n}\n";
        let linter = Linter::new(Config::default()).unwrap();
        let mut findings = 0;
        for cut in 0..=doc.len() {
            let bytes = doc.as_bytes().get(..cut).unwrap();
            let diagnostics = linter.check_bytes(bytes, SourceFormat::Json);
            findings += diagnostics.len();
            let file = CheckedFile {
                path: "cut.json".to_owned(),
                text: String::from_utf8_lossy(bytes).into_owned(),
                diagnostics,
                fixed: 0,
                stdin: false,
            };
            for (lang, colour) in [(Lang::En, false), (Lang::Fr, true)] {
                let out = super::render(std::slice::from_ref(&file), colour, lang);
                let out = anstream::adapter::strip_str(&out).to_string();
                let source_shown = out.lines().any(|l| {
                    l.trim_start()
                        .split_once(" |")
                        .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
                });
                assert!(
                    file.diagnostics.is_empty() || file.text.is_empty() || source_shown,
                    "cut {cut}: no source line in\n{out}"
                );
                for d in &file.diagnostics {
                    let header = format!("cut.json:{}:{}: ", d.line, d.column);
                    assert!(out.contains(&header), "cut {cut}: no `{header}` in\n{out}");
                }
            }
        }
        assert!(
            findings > doc.len(),
            "the cuts should find problems, found {findings}"
        );
    }

    /// A minified report's one long line: the excerpt is cut around the finding, and the
    /// carets still sit under its value.
    #[test]
    fn a_long_line_shows_a_window_with_the_carets_in_place() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/P005/fail_dash.json"
        );
        let mut doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        doc["departments"][0]["name"] = "Public Safety Canada ".repeat(200).trim_end().into();
        let text = doc.to_string();
        let linter = Linter::new(Config::default()).unwrap();
        let diagnostics: Vec<_> = linter
            .check(&text, SourceFormat::Json)
            .into_iter()
            .filter(|d| d.code == "P005")
            .collect();
        assert!(diagnostics[0].column > 4000, "{:?}", diagnostics[0]);
        let file = CheckedFile {
            path: "min.json".to_owned(),
            text,
            diagnostics,
            fixed: 0,
            stdin: false,
        };
        let out = super::render(std::slice::from_ref(&file), false, Lang::En);
        let lines: Vec<&str> = out.lines().collect();
        let at = lines.iter().position(|l| l.starts_with("1 | ")).unwrap();
        let (source, carets) = (lines[at], lines[at + 1]);
        assert!(
            source.starts_with("1 | ...") && source.ends_with("..."),
            "{out}"
        );
        let from = carets.find('^').unwrap();
        let to = carets.rfind('^').unwrap() + 1;
        assert_eq!(source.get(from..to), Some("\"2012-13\""), "{out}");
    }
}
