use crate::rules::{Ctx, Finding, Reads};
use crate::source::{pointer_of, Node, Step, Value};

crate::rules::declare_rule! {
    /// ## What it checks
    /// No string of the document starts or ends with whitespace or holds two spaces in a row (the
    /// marks of copying from a PDF), and none holds an invisible character: a control character
    /// (U+0000 to U+001F but tab and newline, U+007F to U+009F) or a zero-width one (U+200B,
    /// U+200C, U+200D, U+2060, U+FEFF). Both are fixed automatically.
    ///
    /// ## Why it matters
    /// Texts are compared and joined across reports and departments; invisible spaces make equal
    /// texts differ.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// text: "Promote the  tool. "
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// text: Promote the tool.
    /// ```
    Rule {
        code: "P017",
        name: "whitespace" / "espaces-superflus",
        severity: Warning,
        summary: "a text has leading, trailing or doubled spaces, or invisible characters"
            / "un texte contient des espaces au début, à la fin ou en double, ou des caractères invisibles",
        fixable: true,
        check: Some(check),
        reads: Reads::Local,
    }
    texts {
        MESSAGE = "text has leading, trailing or doubled spaces"
            / "le texte contient des espaces en trop (au début, à la fin ou en double)";
        HELP = "write it `{fixed}`" / "écrivez `{fixed}`";
        FIX = "remove the extra spaces" / "retirer les espaces en trop";
        INVISIBLE = "text holds invisible characters: {chars}"
            / "le texte contient des caractères invisibles : {chars}";
        INVISIBLE_HELP = "remove them: they do not print, and make equal texts differ"
            / "retirez-les : ils ne s'affichent pas et rendent différents des textes identiques";
        INVISIBLE_FIX = "remove the invisible characters" / "retirer les caractères invisibles";
    }
}

/// A control character (but tab and newline) or a zero-width one.
fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// `U+0007`, `U+200B` (each once, in order of appearance).
fn invisible_list(s: &str) -> String {
    let mut seen: Vec<char> = Vec::new();
    for c in s.chars().filter(|&c| is_invisible(c)) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .map(|c| format!("`U+{:04X}`", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn tidy(s: &str) -> String {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_owned()
}

/// One branch-free pass over a text's bytes (it needs no substring searcher in the WASM
/// module): whether two spaces follow each other, and whether a byte is neither printable
/// ASCII nor a tab or newline (only a text so flagged is decoded into characters).
fn scan(bytes: &[u8]) -> (bool, bool) {
    let odd = |b: u8| ((b < 0x20) & (b != b'\n') & (b != b'\t')) | (b >= 0x7F);
    let (doubled, flagged) = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold((false, false), |(doubled, flagged), (&a, &b)| {
            (doubled | ((a == b' ') & (b == b' ')), flagged | odd(a))
        });
    (doubled, flagged | bytes.last().is_some_and(|&b| odd(b)))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // A recursive walk with the path kept as steps: the pointer is spelled out only for a
    // finding (depth is bounded by the loaders' limit).
    fn walk<'a>(ctx: &Ctx<'_>, node: &'a Node, path: &mut Vec<Step<'a>>, out: &mut Vec<Finding>) {
        match &node.value {
            Value::String(s) => {
                let (doubled, may_be_invisible) = scan(s.as_bytes());
                let untidy = doubled
                    || s.starts_with(char::is_whitespace)
                    || s.ends_with(char::is_whitespace);
                if untidy && !s.contains('\n') {
                    let fixed = tidy(s);
                    out.push(
                        Finding::new(pointer_of(path), ctx.t(MESSAGE, &[]))
                            .help(ctx.t(HELP, &[("fixed", &fixed)]))
                            .fix(fixed.clone(), ctx.t(FIX, &[])),
                    );
                }
                if may_be_invisible && s.chars().any(is_invisible) {
                    let cleaned: String = s.chars().filter(|&c| !is_invisible(c)).collect();
                    out.push(
                        Finding::new(
                            pointer_of(path),
                            ctx.t(INVISIBLE, &[("chars", &invisible_list(s))]),
                        )
                        .help(ctx.t(INVISIBLE_HELP, &[]))
                        .fix(cleaned, ctx.t(INVISIBLE_FIX, &[])),
                    );
                }
            }
            Value::Array(items) => {
                for (i, n) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(ctx, n, path, out);
                    path.pop();
                }
            }
            Value::Object(members) => {
                for m in members {
                    path.push(Step::Key(&m.key));
                    walk(ctx, &m.value, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(ctx, ctx.root, &mut Vec::new(), out);
}
