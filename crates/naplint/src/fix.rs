//! Applying machine-applicable fixes by editing only the spans they target, so the rest
//! of the file (formatting, comments in YAML) stays byte-identical.

use crate::diagnostic::{Diagnostic, Fix};
use crate::source::{self, Pointer, SourceFormat, Value};

/// The result of applying fixes.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
    /// Fixes that could not be applied (pointer not found, not a scalar, overlapping).
    pub skipped: usize,
}

/// Renders a replacement value in the syntax of the file.
fn render(value: &serde_json::Value, format: SourceFormat, original: &str) -> String {
    let json = value.to_string();
    match (format, value) {
        (SourceFormat::Yaml, serde_json::Value::String(s)) => {
            // A plain scalar is kept plain when it reads back as the same string in block
            // and flow context alike: no indicator characters, no number/bool look-alike.
            let plain_safe = s.chars().next().is_some_and(char::is_alphanumeric)
                && !s.ends_with(' ')
                && !s.contains(|c: char| ":#,[]{}&*!|>'\"%@`\\".contains(c) || c.is_control())
                && matches!(
                    crate::source::load(s, SourceFormat::Yaml).root.map(|n| n.value),
                    Some(Value::String(v)) if v == *s
                );
            if original.starts_with('\'') && !s.contains('\'') {
                format!("'{s}'")
            } else if plain_safe && !original.starts_with('"') {
                s.clone()
            } else {
                json
            }
        }
        _ => json,
    }
}

/// Applies the fixes of `diagnostics` to `text`. Edits are applied from the end of the
/// file backwards; a fix whose span overlaps one already taken is skipped (the next run
/// picks it up).
#[must_use]
pub fn apply(text: &str, format: SourceFormat, diagnostics: &[Diagnostic]) -> Fixed {
    let fixes: Vec<&Fix> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    apply_fixes(text, format, &fixes)
}

/// Applies a list of fixes.
#[must_use]
pub fn apply_fixes(text: &str, format: SourceFormat, fixes: &[&Fix]) -> Fixed {
    let loaded = source::load(text, format);
    let Some(root) = loaded.root else {
        return Fixed {
            text: text.to_owned(),
            applied: 0,
            skipped: fixes.len(),
        };
    };
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut skipped = 0;
    for fix in fixes {
        let located = source::locate_pointer(&root, &Pointer::parse(&fix.pointer));
        let (start, end) = (located.value.start(), located.value.end());
        let original = text.get(start..end).unwrap_or_default();
        let scalar = !original.starts_with(['{', '[']) && located.exact;
        if !scalar || edits.iter().any(|&(s, e, _)| start < e && s < end) {
            skipped += 1;
            continue;
        }
        edits.push((start, end, render(&fix.value, format, original)));
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    let applied = edits.len();
    for (start, end, replacement) in edits {
        if out.is_char_boundary(start)
            && out.is_char_boundary(end)
            && start <= end
            && end <= out.len()
        {
            out.replace_range(start..end, &replacement);
        }
    }
    Fixed {
        text: out,
        applied,
        skipped,
    }
}

/// Most fix passes: a fix can enable another, but never forever.
pub const MAX_FIX_PASSES: usize = 4;

/// The outcome of [`fix_loop`].
#[derive(Debug, Clone, PartialEq)]
pub struct FixLoop {
    /// The fixed text (the input when nothing was fixable).
    pub text: String,
    /// The diagnostics of that text.
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied over all passes.
    pub applied: usize,
}

/// Applies every machine-applicable fix of `diagnostics` (the check of `text`), re-checks
/// with `check` and goes again, at most [`MAX_FIX_PASSES`] times: what `naplint check
/// --fix` and WASM `fix()` both do.
pub fn fix_loop(
    text: &str,
    format: SourceFormat,
    diagnostics: Vec<Diagnostic>,
    check: impl Fn(&str) -> Vec<Diagnostic>,
) -> FixLoop {
    let mut out = FixLoop {
        text: text.to_owned(),
        diagnostics,
        applied: 0,
    };
    for _ in 0..MAX_FIX_PASSES {
        let result = apply(&out.text, format, &out.diagnostics);
        if result.applied == 0 || result.text == out.text {
            break;
        }
        out.applied += result.applied;
        out.text = result.text;
        out.diagnostics = check(&out.text);
    }
    out
}
