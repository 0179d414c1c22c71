//! naplint's diagnostics, fixes and rule docs in LSP's terms.

use super::text;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DiagnosticRelatedInformation,
    DiagnosticSeverity, Hover, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString,
    Position, Range, Url, WorkspaceEdit,
};
use naplint::i18n::Text;
use naplint::source::{self, Pointer};
use naplint::{Diagnostic, Lang, Linter, Severity, SourceFormat};
use std::collections::HashMap;

const SOURCE: &str = "naplint";

const FIX_ALL: Text = Text::new(
    "Fix all naplint findings",
    "Corriger tous les constats naplint",
);

/// The kind of the "fix all" action, which editors can run on save
/// (`"editor.codeActionsOnSave": { "source.fixAll.naplint": "explicit" }`).
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.naplint")
}

fn position(line: usize, utf16_column: usize) -> Position {
    Position::new(
        u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX),
        u32::try_from(utf16_column.saturating_sub(1)).unwrap_or(u32::MAX),
    )
}

/// A diagnostic's range: the core gives 1-based lines and UTF-16 columns.
fn range(d: &Diagnostic) -> Range {
    Range::new(
        position(d.line, d.utf16_columns.0),
        position(d.end_line, d.utf16_columns.1),
    )
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One diagnostic in LSP's shape; `related` pointers become `relatedInformation`
/// locations in the same document.
fn diagnostic(d: &Diagnostic, related: Vec<DiagnosticRelatedInformation>) -> lsp_types::Diagnostic {
    let message = match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range: range(d),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.clone())),
        source: Some(SOURCE.to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

/// Every diagnostic of a document, with the places its `related` pointers name.
pub fn diagnostics(
    uri: &Url,
    text: &str,
    format: SourceFormat,
    diagnostics: &[Diagnostic],
) -> Vec<lsp_types::Diagnostic> {
    // The document is parsed again only when some finding names other fields.
    let root = diagnostics
        .iter()
        .any(|d| !d.related.is_empty())
        .then(|| source::load(text, format).root)
        .flatten();
    diagnostics
        .iter()
        .map(|d| {
            let related = root.as_ref().map_or_else(Vec::new, |root| {
                d.related
                    .iter()
                    .map(|pointer| {
                        let span = source::locate_pointer(root, &Pointer::parse(pointer)).value;
                        DiagnosticRelatedInformation {
                            location: Location::new(
                                uri.clone(),
                                Range::new(
                                    text::position_at(text, span.start()),
                                    text::position_at(text, span.end()),
                                ),
                            ),
                            message: format!("`{pointer}`"),
                        }
                    })
                    .collect()
            });
            diagnostic(d, related)
        })
        .collect()
}

/// A configuration that cannot be read, shown at the top of the document it stops.
pub fn configuration_error(message: &str) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_owned()),
        message: message.to_owned(),
        ..lsp_types::Diagnostic::default()
    }
}

fn intersects(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// Whether an action of `kind` is wanted when the client asks only for `only` kinds
/// (`source` covers `source.fixAll.naplint`).
fn wanted(kind: &CodeActionKind, only: Option<&[CodeActionKind]>) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|o| {
            kind.as_str() == o.as_str()
                || kind
                    .as_str()
                    .strip_prefix(o.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

fn edit(uri: &Url, old: &str, new: &str) -> Option<WorkspaceEdit> {
    let edit = text::minimal_edit(old, new)?;
    Some(WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
        ..WorkspaceEdit::default()
    })
}

/// A quick fix for each fixable finding in `range`, and "fix all" when the document has
/// any fix; both are computed by the core's `fix` module and sent as edits.
pub fn code_actions(
    uri: &Url,
    text: &str,
    format: SourceFormat,
    diagnostics: &[Diagnostic],
    lang: Lang,
    at: Range,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX, only) {
        for d in diagnostics.iter().filter(|d| intersects(range(d), at)) {
            let Some(fix) = &d.fix else { continue };
            let fixed = naplint::fix::apply_fixes(text, format, &[fix]);
            let Some(edit) = edit(uri, text, &fixed.text) else {
                continue;
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("{} ({})", fix.description, d.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic(d, Vec::new())]),
                edit: Some(edit),
                is_preferred: Some(true),
                ..CodeAction::default()
            }));
        }
    }
    if wanted(&fix_all_kind(), only) && diagnostics.iter().any(|d| d.fix.is_some()) {
        let fixed = naplint::fix::apply(text, format, diagnostics);
        if let Some(edit) = edit(uri, text, &fixed.text) {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: FIX_ALL.get(lang).to_owned(),
                kind: Some(fix_all_kind()),
                edit: Some(edit),
                ..CodeAction::default()
            }));
        }
    }
    actions
}

/// The documentation of every rule with a finding under the cursor.
pub fn hover(linter: &Linter, diagnostics: &[Diagnostic], at: Position) -> Option<Hover> {
    let under: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| {
            let r = range(d);
            r.start <= at && at <= r.end
        })
        .collect();
    let mut codes: Vec<&str> = Vec::new();
    for d in &under {
        if !codes.contains(&d.code.as_str()) {
            codes.push(&d.code);
        }
    }
    let lang = linter.config().lang;
    let pages: Vec<String> = codes
        .iter()
        .filter_map(|code| linter.rules().iter().find(|r| r.code == *code))
        .map(|rule| naplint::registry::explain_markdown(rule, lang))
        .collect();
    if pages.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: pages.join("\n---\n\n"),
        }),
        range: under.first().map(|d| range(d)),
    })
}
