//! Text → document → schema and rules → diagnostics.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::lang::{self, CompiledCheck, RuleError, STEP_BUDGET};
use crate::model::{Report, FORMAT_VERSION};
use crate::registry::{RuleInfo, RULES};
use crate::rules::{Across, Ctx, Finding};
use crate::schema::{CompiledSchema, SchemaError, ViolationKind, REPORT_SCHEMA_JSON};
use crate::source::{self, LineIndex, LoadIssue, Node, Pointer, SourceFormat};

/// Why a linter could not be built from a configuration.
#[derive(Debug, thiserror::Error)]
pub enum LinterError {
    #[error("internal error: {0}")]
    Schema(#[from] SchemaError),
    #[error("invalid configuration: {}", .0.join("; "))]
    Config(Vec<String>),
    #[error("invalid rules: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Rules(Vec<UserRuleError>),
}

/// A problem in a user's rule: which rule, and where in its `check` text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UserRuleError {
    pub code: String,
    #[serde(flatten)]
    pub error: RuleError,
}

impl std::fmt::Display for UserRuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "rule `{}` {}:{}: {}",
            self.code, self.error.line, self.error.column, self.error.message
        )
    }
}

fn valid_user_code(code: &str) -> bool {
    let letters = code.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = code.len() - letters;
    let builtin_family = letters == 1
        && matches!(
            code.as_bytes().first(),
            Some(b'S' | b'P' | b'M' | b'R' | b'X' | b'A')
        );
    (1..=8).contains(&letters)
        && digits >= 3
        && code.bytes().skip(letters).all(|b| b.is_ascii_digit())
        && !builtin_family
}

/// Most diagnostics reported for one file; past it, one S001-free summary says how many
/// more there were, so a broken 50 MB file cannot flood a terminal or a browser.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// A configured linter. Build it once (it compiles the schema) and check many texts.
#[derive(Debug)]
pub struct Linter {
    schema: CompiledSchema,
    config: Config,
    /// Every rule, built-in and the user's, for listings and severity lookups.
    infos: Vec<RuleInfo>,
    /// Rule-language checks: the built-in R rules and the user's rules, by rule code.
    checks: Vec<(String, CompiledCheck)>,
    /// The schema of department submissions.
    submission_schema: CompiledSchema,
}

impl Linter {
    /// Compiles the schema, the built-in checks and the user's rules.
    ///
    /// # Errors
    /// An invalid configuration, or user rules that do not parse or type-check.
    pub fn new(config: Config) -> Result<Self, LinterError> {
        let problems = config.problems();
        if !problems.is_empty() {
            return Err(LinterError::Config(problems));
        }
        let schema_json: serde_json::Value =
            serde_json::from_str(REPORT_SCHEMA_JSON).map_err(SchemaError::from)?;
        let mut checks = Vec::new();
        for rule in RULES {
            for c in rule.checks {
                let compiled = lang::compile(c.decl(), &schema_json).map_err(|errors| {
                    LinterError::Rules(
                        errors
                            .into_iter()
                            .map(|error| UserRuleError {
                                code: rule.code.to_owned(),
                                error,
                            })
                            .collect(),
                    )
                })?;
                checks.push((rule.code.to_owned(), compiled));
            }
        }
        let mut infos: Vec<RuleInfo> = RULES
            .iter()
            .map(|r| RuleInfo::localized(r, config.lang))
            .collect();
        let mut errors = Vec::new();
        for u in &config.user_rules {
            let fail = |message: String| UserRuleError {
                code: u.code.clone(),
                error: RuleError {
                    message,
                    line: 1,
                    column: 1,
                },
            };
            if !valid_user_code(&u.code) {
                errors.push(fail(format!(
                    "code `{}` must be `U` and three or more digits (`U001`) or a project prefix and digits (`CAN001`), not a built-in family",
                    u.code
                )));
                continue;
            }
            if infos.iter().any(|i| i.code == u.code) {
                errors.push(fail(format!("code `{}` is used twice", u.code)));
                continue;
            }
            match lang::compile(u.decl(), &schema_json) {
                Ok(compiled) => {
                    infos.push(RuleInfo::user(u));
                    checks.push((u.code.clone(), compiled));
                }
                Err(es) => errors.extend(es.into_iter().map(|error| UserRuleError {
                    code: u.code.clone(),
                    error,
                })),
            }
        }
        if !errors.is_empty() {
            return Err(LinterError::Rules(errors));
        }
        Ok(Self {
            schema: CompiledSchema::compile(&schema_json)?,
            submission_schema: CompiledSchema::from_text(crate::schema::SUBMISSION_SCHEMA_JSON)?,
            config,
            infos,
            checks,
        })
    }

    fn t(&self, text: Text, args: &[(&str, &str)]) -> String {
        text.render(self.config.lang, args)
    }

    /// Every rule this linter runs: the built-in ones, then the user's.
    #[must_use]
    pub fn rules(&self) -> &[RuleInfo] {
        &self.infos
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
                let mut out = Sink::new(&self.config, &self.infos, valid, &lines, None);
                out.push_at(
                    "S003",
                    Finding::new(
                        Pointer::root(),
                        self.t(texts::INVALID_UTF8, &[("offset", &offset.to_string())]),
                    )
                    .help(self.t(texts::SAVE_UTF8, &[])),
                    (offset, offset),
                );
                out.finish()
            }
        }
    }

    /// Checks one document's text.
    #[must_use]
    pub fn check(&self, text: &str, format: SourceFormat) -> Vec<Diagnostic> {
        self.check_inner(text, format, None, None)
    }

    /// Reads the previous year's report for [`Linter::check_with_previous`].
    ///
    /// # Errors
    /// The report's own S diagnostics when it cannot be loaded into the model.
    pub fn previous(&self, text: &str, format: SourceFormat) -> Result<Report, Vec<Diagnostic>> {
        let loaded = source::load(text, format);
        let report = loaded
            .root
            .as_ref()
            .and_then(|root| serde_json::from_value::<Report>(root.to_json()).ok());
        report.ok_or_else(|| {
            self.check(text, format)
                .into_iter()
                .filter(|d| d.code.starts_with('S'))
                .collect()
        })
    }

    /// Checks a report and compares it with the previous year's (the X rules).
    #[must_use]
    pub fn check_with_previous(
        &self,
        text: &str,
        format: SourceFormat,
        previous: &Report,
    ) -> Vec<Diagnostic> {
        self.check_inner(text, format, Some(previous), None)
    }

    /// `line_map`, when given, numbers the lines that messages quote (an assembled
    /// report quotes the lines of the files its values came from).
    pub(crate) fn check_inner(
        &self,
        text: &str,
        format: SourceFormat,
        previous: Option<&Report>,
        line_map: Option<&dyn Fn(&Pointer) -> usize>,
    ) -> Vec<Diagnostic> {
        let loaded = source::load(text, format);
        let mut out = Sink::new(
            &self.config,
            &self.infos,
            text,
            &loaded.lines,
            loaded.root.as_ref(),
        );
        self.push_load_issues(text, &loaded, &mut out);
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
                        self.t(texts::VERSION, &[("version", &shown)]),
                    )
                    .help(self.t(texts::VERSION_HELP, &[("version", FORMAT_VERSION)])),
                );
                return out.finish();
            }
        }
        self.push_violations(&self.schema, root, &mut out);
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
                    line_map,
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
                if let Some(previous) = previous {
                    let across = Across {
                        previous,
                        current: &ctx,
                    };
                    for rule in RULES {
                        let Some(check) = rule.across.filter(|_| out.enabled(rule.code)) else {
                            continue;
                        };
                        let mut findings = Vec::new();
                        check(&across, &mut findings);
                        findings.into_iter().for_each(|f| out.push(rule.code, f));
                    }
                }
            }
            Err(e) if out.is_empty() => {
                out.push(
                    "S001",
                    Finding::new(
                        Pointer::root(),
                        self.t(texts::MODEL, &[("detail", &e.to_string())]),
                    ),
                );
            }
            Err(_) => {}
        }
        self.run_checks(root, text, &loaded.lines, line_map, &mut out);
        out.finish()
    }

    /// S003 and S002: what loading found.
    fn push_load_issues(&self, text: &str, loaded: &source::Loaded, out: &mut Sink<'_>) {
        for issue in &loaded.issues {
            match issue {
                LoadIssue::Syntax {
                    message,
                    message_fr,
                    at,
                } => {
                    let text = if self.config.lang == Lang::Fr {
                        message_fr
                    } else {
                        message
                    };
                    out.push_at(
                        "S003",
                        Finding::new(Pointer::root(), text.clone()),
                        (*at, *at),
                    );
                }
                LoadIssue::ByteOrderMark => out.push_at(
                    "S003",
                    Finding::new(Pointer::root(), self.t(texts::BOM, &[]))
                        .help(self.t(texts::SAVE_NO_BOM, &[])),
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
                        Finding::new(
                            Pointer::parse(pointer),
                            self.t(texts::DUPLICATE, &[("key", key)]),
                        )
                        .help(self.t(texts::DUPLICATE_HELP, &[("line", &first_line.to_string())]))
                        .at_key(),
                        (at.start, at.end),
                    );
                }
            }
        }
    }

    /// Schema violations, each claimed by the rule that explains it or else S001.
    fn push_violations(&self, schema: &CompiledSchema, root: &Node, out: &mut Sink<'_>) {
        for violation in schema.validate(root) {
            let claimed = RULES.iter().find_map(|rule| {
                rule.claim
                    .and_then(|claim| claim(&violation, root, self.config.lang))
                    .map(|f| (rule.code, f))
            });
            let (code, finding) = claimed.unwrap_or_else(|| {
                let unknown = matches!(violation.kind, ViolationKind::UnknownField { .. });
                let mut f = Finding::new(
                    violation.pointer.clone(),
                    violation.message(self.config.lang),
                );
                f.help = violation.help(self.config.lang);
                f.at_key = unknown;
                ("S001", f)
            });
            out.push(code, finding);
        }
    }

    /// Loads a base or a submission and checks its shape: syntax, duplicate keys and its
    /// schema (the report's for a base, the submission's for a submission).
    pub(crate) fn check_shape(
        &self,
        text: &str,
        format: SourceFormat,
        submission: bool,
    ) -> (source::Loaded, Vec<Diagnostic>) {
        let loaded = source::load(text, format);
        let mut out = Sink::new(
            &self.config,
            &self.infos,
            text,
            &loaded.lines,
            loaded.root.as_ref(),
        );
        self.push_load_issues(text, &loaded, &mut out);
        if let Some(root) = loaded.root.as_ref() {
            let schema = if submission {
                &self.submission_schema
            } else {
                &self.schema
            };
            self.push_violations(schema, root, &mut out);
        }
        let diagnostics = out.finish();
        (loaded, diagnostics)
    }

    /// Located diagnostics of findings in one loaded file, with the configuration applied.
    pub(crate) fn locate_findings(
        &self,
        text: &str,
        loaded: &source::Loaded,
        findings: Vec<(&str, Finding)>,
    ) -> Vec<Diagnostic> {
        let mut out = Sink::new(
            &self.config,
            &self.infos,
            text,
            &loaded.lines,
            loaded.root.as_ref(),
        );
        for (code, finding) in findings {
            out.push(code, finding);
        }
        out.finish()
    }

    /// Whether a rule runs under this configuration.
    pub(crate) fn enabled(&self, code: &str) -> bool {
        self.infos.iter().any(|r| {
            r.code == code
                && self
                    .config
                    .severity_for(&r.code, &r.name, None, r.severity)
                    .is_some()
        })
    }

    /// Runs the rule-language checks (R and user rules) under one step budget.
    fn run_checks(
        &self,
        root: &Node,
        text: &str,
        lines: &LineIndex,
        line_map: Option<&dyn Fn(&Pointer) -> usize>,
        out: &mut Sink<'_>,
    ) {
        let line_of = |p: &Pointer| match line_map {
            Some(map) => map(p),
            None => {
                lines
                    .position(text, source::locate_pointer(root, p).value.start)
                    .line
            }
        };
        let mut steps = 0u64;
        for (code, check) in &self.checks {
            if !out.enabled(code) {
                continue;
            }
            match check.run(
                root,
                &line_of,
                self.config.tolerance,
                self.config.lang,
                &mut steps,
            ) {
                Ok(findings) => findings.into_iter().for_each(|f| out.push(code, f)),
                Err(lang::OutOfBudget) => {
                    out.push(
                        code,
                        Finding::new(
                            Pointer::root(),
                            self.t(
                                texts::BUDGET,
                                &[(
                                    "steps",
                                    &crate::i18n::number(i128::from(STEP_BUDGET), self.config.lang),
                                )],
                            ),
                        )
                        .help(self.t(texts::BUDGET_HELP, &[]))
                        .severity(Severity::Warning),
                    );
                    return;
                }
            }
        }
    }
}

/// Collects findings as diagnostics: applies the configuration, locates pointers, drops
/// duplicates and caps the count.
struct Sink<'a> {
    config: &'a Config,
    infos: &'a [RuleInfo],
    text: &'a str,
    lines: &'a LineIndex,
    root: Option<&'a Node>,
    diagnostics: Vec<Diagnostic>,
    /// (code, pointer, message) already reported: a hash, so that a document with many
    /// problems is not quadratic to report.
    seen: std::collections::HashSet<(String, String, String)>,
}

impl<'a> Sink<'a> {
    fn new(
        config: &'a Config,
        infos: &'a [RuleInfo],
        text: &'a str,
        lines: &'a LineIndex,
        root: Option<&'a Node>,
    ) -> Self {
        Self {
            config,
            infos,
            text,
            lines,
            root,
            diagnostics: Vec::new(),
            seen: std::collections::HashSet::new(),
        }
    }

    fn info(&self, code: &str) -> Option<&'a RuleInfo> {
        self.infos.iter().find(|r| r.code == code)
    }

    fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    fn enabled(&self, code: &str) -> bool {
        self.info(code).is_some_and(|r| {
            self.config
                .severity_for(&r.code, &r.name, None, r.severity)
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
        let Some(rule) = self.info(code) else { return };
        let Some(severity) =
            self.config
                .severity_for(&rule.code, &rule.name, finding.severity, rule.severity)
        else {
            return;
        };
        let pointer = finding.pointer.as_str();
        if !self
            .seen
            .insert((code.to_owned(), pointer.to_owned(), finding.message.clone()))
        {
            return;
        }
        let start = self.lines.position(self.text, span.0);
        let end = self.lines.position(self.text, span.1);
        self.diagnostics.push(Diagnostic {
            code: rule.code.clone(),
            name: rule.name.clone(),
            severity,
            message: finding.message,
            pointer: pointer.to_owned(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            help: finding.help,
            fix: finding.fix,
            related: finding.related,
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
                    message: texts::MORE.render(
                        self.config.lang,
                        &[
                            ("more", &more.to_string()),
                            ("limit", &MAX_DIAGNOSTICS.to_string()),
                        ],
                    ),
                    help: Some(texts::MORE_HELP.get(self.config.lang).to_owned()),
                    fix: None,
                    ..last
                });
            }
        }
        self.diagnostics
    }
}

/// The engine's own messages, by rule; each S rule lists its texts from here.
pub(crate) mod texts {
    use crate::i18n::Text;

    pub const MODEL: Text = Text::new(
        "document does not match the model: {detail}",
        "le document ne correspond pas au modèle : {detail}",
    );
    pub const MORE: Text = Text::new(
        "{more} more diagnostics not shown (limit {limit} per file)",
        "{more} autres constats non affichés (limite de {limit} par fichier)",
    );
    pub const MORE_HELP: Text = Text::new(
        "fix the ones above, or narrow the check with --select",
        "corrigez ceux qui précèdent, ou restreignez la vérification avec --select",
    );
    pub const DUPLICATE: Text = Text::new("duplicate key `{key}`", "clé en double `{key}`");
    pub const DUPLICATE_HELP: Text = Text::new(
        "first defined on line {line}; the last one wins, remove the other",
        "définie d'abord à la ligne {line}; la dernière l'emporte, retirez l'autre",
    );
    pub const BOM: Text = Text::new(
        "file starts with a byte order mark",
        "le fichier commence par un indicateur d'ordre des octets (BOM)",
    );
    pub const SAVE_NO_BOM: Text = Text::new(
        "save the file as UTF-8 without a BOM",
        "enregistrez le fichier en UTF-8 sans BOM",
    );
    pub const INVALID_UTF8: Text = Text::new(
        "invalid UTF-8 at byte {offset}",
        "UTF-8 non valide à l'octet {offset}",
    );
    pub const SAVE_UTF8: Text =
        Text::new("save the file as UTF-8", "enregistrez le fichier en UTF-8");
    pub const VERSION: Text = Text::new(
        "unsupported format version `{version}`",
        "version de format non prise en charge `{version}`",
    );
    pub const VERSION_HELP: Text = Text::new(
        "this naplint reads format version `{version}`; other checks were skipped",
        "cette version de naplint lit le format `{version}`; les autres vérifications ont été omises",
    );
    pub const BUDGET: Text = Text::new(
        "rule evaluation stopped: the budget of {steps} steps per document is spent",
        "évaluation des règles interrompue : le budget de {steps} étapes par document est épuisé",
    );
    pub const BUDGET_HELP: Text = Text::new(
        "simplify the project's rules, or check smaller files",
        "simplifiez les règles du projet, ou vérifiez des fichiers plus petits",
    );

    pub const S001: &[Text] = &[MODEL, MORE, MORE_HELP];
    pub const S002: &[Text] = &[DUPLICATE, DUPLICATE_HELP];
    pub const S003: &[Text] = &[BOM, SAVE_NO_BOM, INVALID_UTF8, SAVE_UTF8];
    pub const S004: &[Text] = &[VERSION, VERSION_HELP];
    pub const S005: &[Text] = &[
        crate::suppress::UNUSED,
        crate::suppress::UNUSED_HELP,
        BUDGET,
        BUDGET_HELP,
    ];
    pub const S006: &[Text] = &[crate::suppress::EXPIRED, crate::suppress::EXPIRED_HELP];
}
