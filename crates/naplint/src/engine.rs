//! Text → document → schema and rules → diagnostics.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Report, FORMAT_VERSION};
use crate::registry::{self, RULES};
use crate::rules::{Ctx, Finding};
use crate::schema::{CompiledSchema, SchemaError, ViolationKind, REPORT_SCHEMA_JSON};
use crate::source::{self, LineIndex, LoadIssue, Node, Pointer, SourceFormat};

/// Most diagnostics reported for one file; past it, one S001-free summary says how many
/// more there were, so a broken 50 MB file cannot flood a terminal or a browser.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// A configured linter. Build it once (it compiles the schema) and check many texts.
#[derive(Debug)]
pub struct Linter {
    schema: CompiledSchema,
    config: Config,
}

impl Linter {
    /// # Errors
    /// Only if the embedded schema does not compile, which a test rules out.
    pub fn new(config: Config) -> Result<Self, SchemaError> {
        Ok(Self {
            schema: CompiledSchema::from_text(REPORT_SCHEMA_JSON)?,
            config,
        })
    }

    #[must_use]
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks raw bytes: invalid UTF-8 is an S003 at the first bad byte.
    #[must_use]
    pub fn check_bytes(&self, bytes: &[u8], format: SourceFormat) -> Vec<Diagnostic> {
        match source::decode_utf8(bytes) {
            Ok(text) => self.check(text, format),
            Err(offset) => {
                let valid = std::str::from_utf8(bytes.get(..offset).unwrap_or_default())
                    .unwrap_or_default();
                let lines = LineIndex::new(valid);
                let mut out = Sink::new(&self.config, valid, &lines, None);
                out.push_at(
                    "S003",
                    Finding::new(Pointer::root(), format!("invalid UTF-8 at byte {offset}"))
                        .help("save the file as UTF-8"),
                    (offset, offset),
                );
                out.finish()
            }
        }
    }

    /// Checks one document's text.
    #[must_use]
    pub fn check(&self, text: &str, format: SourceFormat) -> Vec<Diagnostic> {
        let loaded = source::load(text, format);
        let mut out = Sink::new(&self.config, text, &loaded.lines, loaded.root.as_ref());
        for issue in &loaded.issues {
            match issue {
                LoadIssue::Syntax { message, at } => {
                    out.push_at(
                        "S003",
                        Finding::new(Pointer::root(), message.clone()),
                        (*at, *at),
                    );
                }
                LoadIssue::ByteOrderMark => out.push_at(
                    "S003",
                    Finding::new(Pointer::root(), "file starts with a byte order mark")
                        .help("save the file as UTF-8 without a BOM"),
                    (0, 0),
                ),
                LoadIssue::DuplicateKey {
                    pointer,
                    key,
                    at,
                    first,
                } => {
                    let first_line = loaded.lines.position(text, first.start).line;
                    out.push_at(
                        "S002",
                        Finding::new(Pointer::parse(pointer), format!("duplicate key `{key}`"))
                            .help(format!("first defined on line {first_line}; the last one wins, remove the other"))
                            .at_key(),
                        (at.start, at.end),
                    );
                }
            }
        }
        let Some(root) = loaded.root.as_ref() else {
            return out.finish();
        };
        if let Some(version) = root.get("format_version") {
            let shown = version
                .as_str()
                .map_or_else(|| version.to_json().to_string(), str::to_owned);
            if version.as_str() != Some(FORMAT_VERSION) {
                out.push(
                    "S004",
                    Finding::new(
                        Pointer::root().key("format_version"),
                        format!("unsupported format version `{shown}`"),
                    )
                    .help(format!("this naplint reads format version `{FORMAT_VERSION}`; other checks were skipped")),
                );
                return out.finish();
            }
        }
        for violation in self.schema.validate(root) {
            let claimed = RULES.iter().find_map(|rule| {
                rule.claim
                    .and_then(|claim| claim(&violation, root))
                    .map(|f| (rule.code, f))
            });
            let (code, finding) = claimed.unwrap_or_else(|| {
                let unknown = matches!(violation.kind, ViolationKind::UnknownField { .. });
                let mut f = Finding::new(violation.pointer.clone(), violation.message());
                f.help = violation.help();
                f.at_key = unknown;
                ("S001", f)
            });
            out.push(code, finding);
        }
        // Value-level errors (an unknown status, a malformed year) still deserialise, so
        // the rules run on a document the schema rejected; only type-level errors stop
        // them, and those are already S001 findings.
        match serde_json::from_value::<Report>(root.to_json()) {
            Ok(report) => {
                let ctx = Ctx {
                    report: &report,
                    config: &self.config,
                    root,
                    text,
                    lines: &loaded.lines,
                };
                for rule in RULES {
                    if let Some(check) = rule.check {
                        if !out.enabled(rule.code) {
                            continue;
                        }
                        let mut findings = Vec::new();
                        check(&ctx, &mut findings);
                        for f in findings {
                            out.push(rule.code, f);
                        }
                    }
                }
            }
            Err(e) if out.is_empty() => {
                out.push(
                    "S001",
                    Finding::new(
                        Pointer::root(),
                        format!("document does not match the model: {e}"),
                    ),
                );
            }
            Err(_) => {}
        }
        out.finish()
    }
}

/// Collects findings as diagnostics: applies the configuration, locates pointers, drops
/// duplicates and caps the count.
struct Sink<'a> {
    config: &'a Config,
    text: &'a str,
    lines: &'a LineIndex,
    root: Option<&'a Node>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    fn new(
        config: &'a Config,
        text: &'a str,
        lines: &'a LineIndex,
        root: Option<&'a Node>,
    ) -> Self {
        Self {
            config,
            text,
            lines,
            root,
            diagnostics: Vec::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    fn enabled(&self, code: &str) -> bool {
        registry::by_code(code).is_some_and(|r| {
            self.config
                .severity_for(r.code, r.name, None, r.severity)
                .is_some()
        })
    }

    fn push(&mut self, code: &str, finding: Finding) {
        let span = self.root.map_or((0, 0), |root| {
            let located = source::locate_pointer(root, &finding.pointer);
            let span = match located.key {
                Some(key) if finding.at_key => key,
                _ => located.value,
            };
            (span.start, span.end)
        });
        self.push_at(code, finding, span);
    }

    fn push_at(&mut self, code: &str, finding: Finding, span: (usize, usize)) {
        let Some(rule) = registry::by_code(code) else {
            return;
        };
        let Some(severity) =
            self.config
                .severity_for(rule.code, rule.name, finding.severity, rule.severity)
        else {
            return;
        };
        let pointer = finding.pointer.as_str();
        if self
            .diagnostics
            .iter()
            .any(|d| d.code == code && d.pointer == pointer && d.message == finding.message)
        {
            return;
        }
        let start = self.lines.position(self.text, span.0);
        let end = self.lines.position(self.text, span.1);
        self.diagnostics.push(Diagnostic {
            code: rule.code.to_owned(),
            name: rule.name.to_owned(),
            severity,
            message: finding.message,
            pointer: pointer.to_owned(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            help: finding.help,
            fix: finding.fix,
            span,
            utf16_columns: (start.column_utf16, end.column_utf16),
        });
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        self.diagnostics
            .sort_by(|a, b| (a.span.0, &a.code, &a.pointer).cmp(&(b.span.0, &b.code, &b.pointer)));
        // Claimed and checked findings of one rule at one pointer say the same thing.
        self.diagnostics
            .dedup_by(|b, a| a.code == b.code && a.pointer == b.pointer && a.code != "S001");
        if self.diagnostics.len() > MAX_DIAGNOSTICS {
            let more = self.diagnostics.len() - MAX_DIAGNOSTICS;
            self.diagnostics.truncate(MAX_DIAGNOSTICS);
            if let Some(last) = self.diagnostics.last().cloned() {
                self.diagnostics.push(Diagnostic {
                    code: "S001".to_owned(),
                    name: "schema".to_owned(),
                    severity: Severity::Info,
                    message: format!(
                        "{more} more diagnostics not shown (limit {MAX_DIAGNOSTICS} per file)"
                    ),
                    help: Some("fix the ones above, or narrow the check with --select".to_owned()),
                    fix: None,
                    ..last
                });
            }
        }
        self.diagnostics
    }
}
