//! Text → document → schema and rules → diagnostics.

use crate::config::ConfigProblem;
use crate::config::{Config, RuleLevel};
use crate::diagnostic::{Diagnostic, Finding, Pointer, Severity};
use crate::i18n::Lang;
use crate::lang::{self, CompiledCheck, RuleError, RuleErrorKind};
use crate::model::Report;
use crate::registry::{RuleInfo, RULES};
use crate::rules::chart::Chart;
use crate::rules::structure::{
    s001_schema, s002_duplicate_key, s003_parse_error, s004_unsupported_format_version,
    s007_too_many_diagnostics,
};
use crate::rules::{Across, Ctx};
use crate::schema::{CompiledSchema, SchemaError, Violation, REPORT_SCHEMA_JSON};
use crate::source::{self, LineIndex, LoadIssue, Node, SourceFormat, TextRef};
use std::collections::HashMap;

mod spans;
pub(crate) use spans::SpanLog;

/// Why a linter could not be built from a configuration.
#[derive(Debug, thiserror::Error)]
pub enum LinterError {
    #[error("internal error: {0}")]
    Schema(#[from] SchemaError),
    /// The configuration's problems, worded in its language.
    #[error("{}", self.message(crate::i18n::Lang::En))]
    Config(Vec<String>),
    #[error("{}", self.message(crate::i18n::Lang::En))]
    Rules(Vec<UserRuleError>),
}

/// A problem in a user's rule: which rule, and where in its `check` text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "UserRuleProblem"))]
pub struct UserRuleError {
    pub code: String,
    #[serde(flatten)]
    pub error: RuleError,
}

impl std::fmt::Display for UserRuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl UserRuleError {
    /// `rule `U001` 1:5: …` with the frame in `lang` (the problem is worded when made).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        lang::RULE_AT.render(
            lang,
            &[
                ("code", &self.code),
                ("line", &self.error.line.to_string()),
                ("column", &self.error.column.to_string()),
                ("message", &self.error.message),
            ],
        )
    }
}

impl LinterError {
    /// The error worded in `lang` (its problems are worded in the configuration's
    /// language when the linter is built).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Schema(_) => self.to_string(),
            Self::Config(problems) => {
                crate::config::INVALID.render(lang, &[("problems", &problems.join("; "))])
            }
            Self::Rules(errors) => lang::INVALID_RULES.render(
                lang,
                &[(
                    "problems",
                    &errors
                        .iter()
                        .map(|e| e.message(lang))
                        .collect::<Vec<_>>()
                        .join("; "),
                )],
            ),
        }
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

/// Most diagnostics reported for one file; past it, one S007 notice says how many
/// more there were, so a broken 50 MB file cannot flood a terminal or a browser.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// What the configuration makes of one rule, resolved once per linter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Off, or not selected.
    Off,
    /// Set in `rules`: every finding gets this severity.
    Set(Severity),
    /// Not configured: the rule's default, or a finding's own milder severity.
    Default(Severity),
}

impl Level {
    /// The severity a finding gets (`finding` is its own, when the rule gives one).
    #[must_use]
    pub fn severity(self, finding: Option<Severity>) -> Option<Severity> {
        match self {
            Self::Off => None,
            Self::Set(s) => Some(s),
            Self::Default(d) => Some(finding.unwrap_or(d)),
        }
    }
}

/// Every rule's [`Level`] by code, and its place in the rule list: the configuration
/// resolved once (codes, names and French names of `rules`, `select`, `ignore`), so that
/// reporting a finding is one hash lookup.
#[derive(Debug, Clone, Default)]
pub struct Levels {
    by_code: HashMap<String, (usize, Level)>,
}

impl Levels {
    /// Resolves `config` for `rules` (the built-in ones, then the user's).
    #[must_use]
    pub fn resolve(config: &Config, rules: &[RuleInfo]) -> Self {
        // The configured keys by the code they name: a code in any case, a name, a French
        // display name. An exact code wins over a name, a name over the rest.
        let mut named: HashMap<&str, (u8, RuleLevel)> = HashMap::new();
        for (key, level) in &config.rules {
            let target = rules
                .iter()
                .find(|r| r.code == *key)
                .map(|r| (0, r.code.as_str()))
                .or_else(|| {
                    rules
                        .iter()
                        .find(|r| r.name == *key)
                        .map(|r| (1, r.code.as_str()))
                })
                .or_else(|| crate::registry::find(key).map(|r| (2, r.code)));
            if let Some((rank, code)) = target {
                let entry = named.entry(code).or_insert((rank, *level));
                if rank < entry.0 {
                    *entry = (rank, *level);
                }
            }
        }
        let matches = |patterns: &[String], r: &RuleInfo| {
            patterns
                .iter()
                .any(|p| r.code.starts_with(p.as_str()) || *p == r.name)
        };
        let by_code = rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let selected = (config.select.is_empty() || matches(&config.select, r))
                    && !matches(&config.ignore, r);
                let level = match named.get(r.code.as_str()) {
                    _ if !selected => Level::Off,
                    Some((_, set)) => set.severity().map_or(Level::Off, Level::Set),
                    None => Level::Default(r.severity),
                };
                (r.code.clone(), (i, level))
            })
            .collect();
        Self { by_code }
    }

    /// A rule's place in the list it was resolved for, and its level.
    #[must_use]
    pub fn get(&self, code: &str) -> Option<(usize, Level)> {
        self.by_code.get(code).copied()
    }

    /// Whether a rule reports anything under this configuration.
    #[must_use]
    pub fn enabled(&self, code: &str) -> bool {
        self.get(code).is_some_and(|(_, l)| l != Level::Off)
    }
}

/// Problems of a configuration against the rules it names.
fn config_problems(config: &Config) -> Vec<ConfigProblem> {
    let mut out = config.problems();
    let user = |key: &str| {
        config
            .user_rules
            .iter()
            .any(|u| u.code == key || u.name.as_deref() == Some(key))
    };
    for key in config.rules.keys() {
        if crate::registry::find(key).is_none() && !user(key) {
            out.push(ConfigProblem::UnknownRule { key: key.clone() });
        }
    }
    for p in config.select.iter().chain(&config.ignore) {
        let builtin = RULES
            .iter()
            .any(|r| r.code.starts_with(p.as_str()) || r.name == p);
        let custom = config
            .user_rules
            .iter()
            .any(|u| u.code.starts_with(p.as_str()) || u.name.as_deref() == Some(p.as_str()));
        if !builtin && !custom {
            out.push(ConfigProblem::NoMatch { pattern: p.clone() });
        }
    }
    out
}

/// A configured linter. Build it once (it compiles the schema) and check many texts.
#[derive(Debug)]
pub struct Linter {
    schema: CompiledSchema,
    config: Config,
    /// Every rule, built-in and the user's, for listings.
    infos: Vec<RuleInfo>,
    /// The configuration resolved into a level per rule.
    levels: Levels,
    /// Rule-language checks: the built-in R rules and the user's rules, by rule code.
    checks: Vec<(String, CompiledCheck)>,
    /// What each of `checks` reads (its rule's declaration; a user's rule reads
    /// everything), resolved once rather than looked up on every session edit.
    check_reads: Vec<crate::rules::Reads>,
    /// The schema of department submissions.
    submission_schema: CompiledSchema,
}

impl Linter {
    /// Compiles the schema, the built-in checks and the user's rules.
    ///
    /// # Errors
    /// An invalid configuration, or user rules that do not parse or type-check.
    pub fn new(config: Config) -> Result<Self, LinterError> {
        let problems = config_problems(&config);
        if !problems.is_empty() {
            return Err(LinterError::Config(
                problems.iter().map(|p| p.message(config.lang)).collect(),
            ));
        }
        let schema_json: serde_json::Value =
            serde_json::from_str(REPORT_SCHEMA_JSON).map_err(SchemaError::from)?;
        let mut checks = Vec::new();
        let mut check_reads = Vec::new();
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
                check_reads.push(rule.reads);
            }
        }
        let mut infos: Vec<RuleInfo> = RULES
            .iter()
            .map(|r| RuleInfo::localized(r, config.lang))
            .collect();
        let mut errors = Vec::new();
        for u in &config.user_rules {
            let fail = |kind: RuleErrorKind| UserRuleError {
                code: u.code.clone(),
                error: RuleError::whole(kind).localized(config.lang),
            };
            if !valid_user_code(&u.code) {
                errors.push(fail(RuleErrorKind::BadCode {
                    code: u.code.clone(),
                }));
                continue;
            }
            if infos.iter().any(|i| i.code == u.code) {
                errors.push(fail(RuleErrorKind::DuplicateCode {
                    code: u.code.clone(),
                }));
                continue;
            }
            match lang::compile(u.decl(), &schema_json) {
                Ok(compiled) => {
                    infos.push(RuleInfo::user(u));
                    checks.push((u.code.clone(), compiled));
                    check_reads.push(crate::rules::Reads::Everything);
                }
                Err(es) => errors.extend(es.into_iter().map(|error| UserRuleError {
                    code: u.code.clone(),
                    error: error.localized(config.lang),
                })),
            }
        }
        if !errors.is_empty() {
            return Err(LinterError::Rules(errors));
        }
        Ok(Self {
            schema: CompiledSchema::compile(&schema_json)?,
            levels: Levels::resolve(&config, &infos),
            submission_schema: CompiledSchema::from_text(crate::schema::SUBMISSION_SCHEMA_JSON)?,
            config,
            infos,
            checks,
            check_reads,
        })
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

    /// A rule of this linter (built-in or the user's) by code in any case, name or
    /// display name: what `naplint explain`, WASM `explain()` and the language server
    /// look up.
    #[must_use]
    pub fn find_rule(&self, code_or_name: &str) -> Option<&RuleInfo> {
        let key = code_or_name.trim();
        self.infos
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key || r.title == key)
    }

    /// That rule's documentation page in the linter's language (`None`: no such rule).
    /// Built without the `docs` feature (the WASM module), the built-in rules' pages are
    /// not in the binary: then `None` for a built-in rule too, never a page without its
    /// documentation; a user rule's page, generated from its declaration, is still given.
    #[must_use]
    pub fn explain(&self, code_or_name: &str) -> Option<String> {
        self.find_rule(code_or_name)
            .filter(|rule| cfg!(feature = "docs") || rule.family == "user")
            .map(|rule| crate::registry::explain_markdown(rule, self.config.lang))
    }

    /// The configuration resolved into a level per rule.
    #[must_use]
    pub fn levels(&self) -> &Levels {
        &self.levels
    }

    /// The severity a rule's findings get under this configuration (`None`: off).
    #[must_use]
    pub fn level(&self, code: &str) -> Option<Severity> {
        self.levels.get(code).and_then(|(_, l)| l.severity(None))
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
                let mut out = self.sink(valid.into(), &lines, None);
                out.push_at(
                    "S003",
                    s003_parse_error::invalid_utf8(offset, self.config.lang),
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
        let report = loaded.typed::<Report>().and_then(Result::ok);
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
        self.check_loaded_with(text, &source::load(text, format), previous, line_map)
    }

    fn check_loaded_with(
        &self,
        text: &str,
        loaded: &source::Loaded,
        previous: Option<&Report>,
        line_map: Option<&dyn Fn(&Pointer) -> usize>,
    ) -> Vec<Diagnostic> {
        let mut parts = self.parts(TextRef::from(text), loaded, previous, line_map);
        self.emit(text.into(), loaded, &mut parts, None)
    }

    /// Checks a document a session keeps loaded, and fills `parts` for the next edit.
    /// `log` holds the splices the tree's spans have not caught up with.
    pub(crate) fn check_session(
        &self,
        text: TextRef<'_>,
        loaded: &source::Loaded,
        parts: &mut Parts,
        log: &SpanLog,
    ) -> Vec<Diagnostic> {
        let lines = stale_lines(loaded, log);
        let line_map = (!log.is_current()).then_some(&lines as &dyn Fn(&Pointer) -> usize);
        *parts = self.parts(text, loaded, None, line_map);
        self.emit(text, loaded, parts, Some(log))
    }

    /// Checks a session's document after one edit, recomputing only what the edit can
    /// change: the schema violations under the re-validated pointer, the findings of the
    /// rules that read the edited section ([`crate::rules::Rule::reads`]), the typed
    /// model's edited section. Anything unusual (load issues, S004, an edit of a
    /// top-level member itself, a step budget spent, line numbers in messages that an
    /// edit moved) is a whole check. The result equals [`Linter::check`] of `text`.
    /// `last` is the previous result: when no finding changed, it is what comes back,
    /// its positions moved by the splice ([`patch_positions`]), rather than every
    /// diagnostic made again.
    pub(crate) fn recheck_session(
        &self,
        text: TextRef<'_>,
        loaded: &source::Loaded,
        parts: &mut Parts,
        edit: &Edit<'_>,
        last: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let lang = self.config.lang;
        let whole = || {
            let root = loaded.root.as_ref()?;
            let section = edit.tokens.first()?;
            let top_level = edit.tokens.len() == 1 && edit.structural;
            let clean = loaded.issues.is_empty()
                && parts.s004.is_none()
                && !top_level
                && !parts.checks.iter().any(|c| c.out_of_budget);
            clean.then_some((root, section))
        };
        let log = edit.log;
        let Some((root, section)) = whole() else {
            return self.check_session(text, loaded, parts, log);
        };
        if s004_unsupported_format_version::check(root, lang).is_some() {
            return self.check_session(text, loaded, parts, log);
        }
        let stale = stale_lines(loaded, log);
        let line_map = (!log.is_current()).then_some(&stale as &dyn Fn(&Pointer) -> usize);
        // The schema: the subtree the edit can change (its parent's, when a member
        // came or went).
        let tokens = if edit.structural {
            edit.tokens.get(..edit.tokens.len() - 1).unwrap_or_default()
        } else {
            edit.tokens
        };
        let (depth, violations) = self.schema.validate_at(root, tokens);
        let prefix = Pointer::root().keys(tokens.get(..depth).unwrap_or_default());
        // Whether any finding changed: if none did, the last diagnostics only move.
        // What changed: when the model did, everything is emitted again; else only the
        // codes whose findings changed are (when the violations did, S001's and those of
        // every rule that claims violations).
        let mut everything = false;
        let mut codes: Vec<&str> = Vec::new();
        if splice_violations(&mut parts.violations, &prefix, violations, root, log) {
            codes.push("S001");
            codes.extend(RULES.iter().filter(|r| r.claim.is_some()).map(|r| r.code));
        }
        let edited = Pointer::root().keys(tokens);
        parts.places.forget(&edited);
        parts.places.shift(edit.splice, &loaded.lines);
        // The typed model: the edited section read again.
        let rerun = |reads: crate::rules::Reads| reads.edit(edit.tokens);
        parts.model = match std::mem::take(&mut parts.model) {
            Model::Ok {
                mut report,
                mut findings,
            } => {
                if !reread(&mut report, root, edit.tokens) {
                    return self.check_session(text, loaded, parts, log);
                }
                // Which rules the edit may change the findings of (asked once), and which
                // of those did change: compared as they are replaced, not copied first.
                let reruns: Vec<bool> = RULES.iter().map(|rule| rerun(rule.reads)).collect();
                let mut changed = vec![false; RULES.len()];
                // What a rule that reads values one by one re-reads: the edited value
                // (its parent's, when a member came or went) alone, on the way to it.
                let local = partial_root(root, tokens);
                let mut done = vec![false; RULES.len()];
                // An edit inside one objective: the rules scoped to an objective re-run
                // on it alone, and so do the local ones (their chart is that view's).
                let counts = &mut parts.counts;
                let scoped = objective_scope(edit.tokens);
                if scoped.is_none() && (rerun(COUNTED) || edit.structural) {
                    *counts = Counts::default();
                }
                if let Some((p, o)) = scoped {
                    let counted = RULES
                        .iter()
                        .zip(&reruns)
                        .any(|(rule, &rerun)| rerun && Counts::counts(rule.code));
                    if counted {
                        counts.keep(self, &report);
                    }
                    let scope = Pointer::root()
                        .key("pillars")
                        .index(p)
                        .key("objectives")
                        .index(o);
                    let ran = objective_view(&mut report, p, o, |view| {
                        let chart = Chart::new(view);
                        let ctx = self.ctx(view, &chart, root, text, &loaded.lines, line_map);
                        for ((((rule, &rerun), cached), done), changed) in RULES
                            .iter()
                            .zip(&reruns)
                            .zip(&mut findings)
                            .zip(&mut done)
                            .zip(&mut changed)
                        {
                            if rerun && counts.recount(rule.code, view, p, o) {
                                let mut counted = Vec::new();
                                counts.findings(rule.code, &ctx, &mut counted);
                                *changed = replace_findings(cached, counted);
                                *done = true;
                                continue;
                            }
                            let (within, ran) = match (rule.reads, &local) {
                                (crate::rules::Reads::Local, Some((partial, prefix))) => {
                                    let ctx = Ctx {
                                        root: partial,
                                        ..self.ctx(
                                            view,
                                            &chart,
                                            root,
                                            text,
                                            &loaded.lines,
                                            line_map,
                                        )
                                    };
                                    (prefix, self.run_rule(rule, &ctx))
                                }
                                _ if rerun && rule.scope == crate::rules::Scope::Objective => {
                                    let mut ran = self.run_rule(rule, &ctx);
                                    ran.retain(|f| under(f.pointer.as_str(), scope.as_str()));
                                    (&scope, ran)
                                }
                                _ => continue,
                            };
                            *changed = splice_findings(cached, ran, |f| {
                                under(f.pointer.as_str(), within.as_str())
                            });
                            *done = true;
                        }
                    });
                    if ran.is_none() {
                        return self.check_session(text, loaded, parts, log);
                    }
                }
                // The other rules that read the section, on the whole chart (built only
                // when one of them runs).
                let runs = |(rule, &rerun): (&crate::rules::Rule, &bool)| {
                    rule.check.is_some() && rerun && self.enabled(rule.code)
                };
                let pending = RULES
                    .iter()
                    .zip(&reruns)
                    .zip(&done)
                    .any(|(rule, &done)| !done && runs(rule));
                // An edit outside `pillars` and `departments`: the rules that read the
                // pillars too read them apart from it, and run without them.
                let apart = pending
                    && section != "pillars"
                    && section != "departments"
                    && RULES.iter().zip(&reruns).zip(&done).all(|(rule, &done)| {
                        done || !runs(rule)
                            || rule.0.reads == crate::rules::Reads::Local
                            || !rule.0.reads.section("pillars")
                            || rule.0.pillars_apart
                    });
                if apart {
                    let pillars = std::mem::take(&mut report.pillars);
                    let chart = Chart::new(&report);
                    let ctx = self.ctx(&report, &chart, root, text, &loaded.lines, line_map);
                    let within = Pointer::root().key("pillars");
                    for (((rule, cached), _), changed) in RULES
                        .iter()
                        .zip(&reruns)
                        .zip(&mut findings)
                        .zip(&done)
                        .zip(&mut changed)
                        .filter(|(((rule, _), &done), _)| !done && runs(*rule))
                        .map(|((((rule, _), cached), done), changed)| {
                            (((rule, cached), done), changed)
                        })
                    {
                        *changed = match (rule.reads, &local) {
                            (crate::rules::Reads::Local, Some((partial, prefix))) => {
                                let ctx = Ctx {
                                    root: partial,
                                    ..self.ctx(&report, &chart, root, text, &loaded.lines, line_map)
                                };
                                let ran = self.run_rule(rule, &ctx);
                                splice_findings(cached, ran, |f| {
                                    under(f.pointer.as_str(), prefix.as_str())
                                })
                            }
                            (reads, _) if reads.section("pillars") => {
                                let mut ran = self.run_rule(rule, &ctx);
                                ran.retain(|f| !under(f.pointer.as_str(), within.as_str()));
                                splice_findings(cached, ran, |f| {
                                    !under(f.pointer.as_str(), within.as_str())
                                })
                            }
                            _ => replace_findings(cached, self.run_rule(rule, &ctx)),
                        };
                    }
                    drop(chart);
                    report.pillars = pillars;
                } else if pending {
                    let chart = Chart::new(&report);
                    let ctx = self.ctx(&report, &chart, root, text, &loaded.lines, line_map);
                    for ((((rule, &rerun), cached), _), changed) in RULES
                        .iter()
                        .zip(&reruns)
                        .zip(&mut findings)
                        .zip(&done)
                        .zip(&mut changed)
                        .filter(|((_, &done), _)| !done)
                    {
                        match (rule.reads, &local) {
                            (crate::rules::Reads::Local, Some((partial, prefix))) => {
                                let ctx = Ctx {
                                    root: partial,
                                    ..self.ctx(&report, &chart, root, text, &loaded.lines, line_map)
                                };
                                let ran = self.run_rule(rule, &ctx);
                                *changed = splice_findings(cached, ran, |f| {
                                    under(f.pointer.as_str(), prefix.as_str())
                                });
                            }
                            _ if rerun => {
                                *changed = replace_findings(cached, self.run_rule(rule, &ctx));
                            }
                            _ => {}
                        }
                    }
                }
                findings.shrink_to_fit();
                codes.extend(
                    RULES
                        .iter()
                        .zip(&changed)
                        .filter(|(_, &changed)| changed)
                        .map(|(rule, _)| rule.code),
                );
                Model::Ok { report, findings }
            }
            _ => {
                everything = true;
                self.model(root, text, loaded, line_map)
            }
        };
        // The rule-language checks of the rules that read the section and whose own text
        // reads the edited value (all of them when the edit moved the lines their
        // messages cite), under the same step budget as a
        // whole run (a check's steps do not depend on the others').
        let lines_moved = self.config.lines && edit.lines_moved;
        let line_of = self.line_of(root, text, &loaded.lines, line_map);
        let mut steps = 0u64;
        for ((run, (code, check)), &reads) in parts
            .checks
            .iter_mut()
            .zip(&self.checks)
            .zip(&self.check_reads)
        {
            if !run.enabled || !(lines_moved || rerun(reads) && check.reads_edit(edit.tokens)) {
                steps += run.steps;
                continue;
            }
            let before = steps;
            match check.run(root, &line_of, self.config.tolerance, lang, &mut steps) {
                Ok(findings) => {
                    if run.findings != findings {
                        codes.push(code);
                    }
                    run.findings = findings;
                    run.steps = steps - before;
                }
                Err(lang::OutOfBudget) => return self.check_session(text, loaded, parts, log),
            }
        }
        parts.incremental = true;
        if !everything {
            if let Some(patched) = self.patch(text, loaded, parts, log, edit.splice, last, &codes) {
                return patched;
            }
        }
        self.emit(text, loaded, parts, Some(log))
    }

    /// The last diagnostics patched for an edit that changed only the findings of
    /// `codes`: the others are kept and moved by the splice ([`patch_positions`]), those
    /// codes' are made again from `parts` alone (in the order a whole emit pushes them,
    /// so that the same ones are kept as repeats), and the two lists, both in the order
    /// [`Sink::finish`] sorts by, are merged. `None` when only a whole emit can tell: a
    /// kept span overlaps the splice, a step budget was spent, the list is capped.
    #[allow(clippy::too_many_arguments)]
    fn patch(
        &self,
        text: TextRef<'_>,
        loaded: &source::Loaded,
        parts: &mut Parts,
        log: &SpanLog,
        splice: Spliced,
        mut last: Vec<Diagnostic>,
        codes: &[&str],
    ) -> Option<Vec<Diagnostic>> {
        if last.len() > MAX_DIAGNOSTICS || parts.checks.iter().any(|c| c.out_of_budget) {
            return None;
        }
        last.retain(|d| !codes.contains(&d.code.as_str()));
        if !patch_positions(&mut last, splice, text, &loaded.lines) {
            return None;
        }
        if codes.is_empty() {
            return Some(last);
        }
        let root = loaded.root.as_ref()?;
        let mut places = std::mem::take(&mut parts.places);
        let mut out = self.sink(text, &loaded.lines, Some(root));
        out.log = Some(log).filter(|l| !l.is_current());
        out.places = Some((&mut places, HashMap::new()));
        out.merge_places = true;
        let lang = self.config.lang;
        for violation in &parts.violations {
            let claimed = RULES.iter().find_map(|rule| {
                rule.claim
                    .and_then(|claim| claim(violation, root, lang))
                    .map(|f| (rule.code, f))
            });
            match claimed {
                Some((code, finding)) if codes.contains(&code) => out.push_claim(code, finding),
                None if codes.contains(&"S001") => {
                    out.push("S001", s001_schema::from_violation(violation, lang));
                }
                _ => {}
            }
        }
        if let Model::Ok { findings, .. } = &parts.model {
            for (rule, findings) in RULES.iter().zip(findings) {
                if codes.contains(&rule.code) {
                    findings.iter().for_each(|f| out.push(rule.code, f.clone()));
                }
            }
        }
        for (run, (code, _)) in parts.checks.iter().zip(&self.checks) {
            if codes.contains(&code.as_str()) {
                run.findings.iter().for_each(|f| out.push(code, f.clone()));
            }
        }
        let new = out.finish();
        parts.places = places;
        if last.len() + new.len() > MAX_DIAGNOSTICS {
            return None;
        }
        fn key(d: &Diagnostic) -> (usize, &str, &str) {
            (d.span.0, d.code.as_str(), d.pointer.as_str())
        }
        // A few made again (the usual edit): each goes in at its place, after the kept
        // ones of its key, the list moving as one block, not diagnostic by diagnostic.
        if new.len() <= 8 {
            last.reserve(new.len());
            for d in new {
                let at = last.partition_point(|k| key(k) <= key(&d));
                last.insert(at, d);
            }
            return Some(last);
        }
        let mut merged = Vec::with_capacity(last.len() + new.len());
        let (mut kept, mut made) = (last.into_iter().peekable(), new.into_iter().peekable());
        loop {
            let take_kept = match (kept.peek(), made.peek()) {
                (Some(a), Some(b)) => key(a) <= key(b),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            merged.extend(if take_kept { kept.next() } else { made.next() });
        }
        Some(merged)
    }

    /// Everything a check finds, before the configuration and positions are applied.
    fn parts<'t>(
        &self,
        text: impl Into<TextRef<'t>>,
        loaded: &source::Loaded,
        previous: Option<&Report>,
        line_map: Option<&dyn Fn(&Pointer) -> usize>,
    ) -> Parts {
        let text = text.into();
        let mut parts = Parts::default();
        let Some(root) = loaded.root.as_ref() else {
            return parts;
        };
        parts.s004 = s004_unsupported_format_version::check(root, self.config.lang);
        if parts.s004.is_some() {
            return parts;
        }
        parts.violations = self.schema.validate(root);
        // Value-level errors (an unknown status, a malformed year) still deserialise, so
        // the rules run on a document the schema rejected; only type-level errors stop
        // them, and those are already S001 findings.
        parts.model = self.model(root, text, loaded, line_map);
        if let (Some(previous), Model::Ok { report, .. }) = (previous, &parts.model) {
            let chart = Chart::new(report);
            let ctx = self.ctx(report, &chart, root, text, &loaded.lines, line_map);
            let across = Across {
                previous,
                current: &ctx,
            };
            for rule in RULES {
                let Some(check) = rule.across.filter(|_| self.enabled(rule.code)) else {
                    continue;
                };
                let mut findings = Vec::new();
                check(&across, &mut findings);
                parts
                    .across
                    .extend(findings.into_iter().map(|f| (rule.code, f)));
            }
        }
        let line_of = self.line_of(root, text, &loaded.lines, line_map);
        let mut steps = 0u64;
        let mut spent = false;
        for (code, check) in &self.checks {
            let enabled = self.enabled(code);
            let mut run = CheckRun {
                enabled: enabled && !spent,
                ..CheckRun::default()
            };
            if run.enabled {
                let before = steps;
                match check.run(
                    root,
                    &line_of,
                    self.config.tolerance,
                    self.config.lang,
                    &mut steps,
                ) {
                    Ok(findings) => run.findings = findings,
                    Err(lang::OutOfBudget) => {
                        run.out_of_budget = true;
                        spent = true;
                    }
                }
                run.steps = steps.saturating_sub(before);
            }
            parts.checks.push(run);
        }
        parts
    }

    /// The typed model and every rule's findings on it.
    fn model(
        &self,
        root: &Node,
        text: TextRef<'_>,
        loaded: &source::Loaded,
        line_map: Option<&dyn Fn(&Pointer) -> usize>,
    ) -> Model {
        match source::from_node::<Report>(root, loaded.has_duplicate_keys()) {
            Ok(report) => {
                let chart = Chart::new(&report);
                let ctx = self.ctx(&report, &chart, root, text, &loaded.lines, line_map);
                let findings = RULES.iter().map(|rule| self.run_rule(rule, &ctx)).collect();
                drop(chart);
                Model::Ok {
                    report: Box::new(report),
                    findings,
                }
            }
            Err(e) => Model::Err(e.to_string()),
        }
    }

    fn ctx<'a>(
        &'a self,
        report: &'a Report,
        chart: &'a Chart<'a>,
        root: &'a Node,
        text: impl Into<TextRef<'a>>,
        lines: &'a LineIndex,
        line_map: Option<&'a dyn Fn(&Pointer) -> usize>,
    ) -> Ctx<'a> {
        Ctx {
            report,
            chart,
            config: &self.config,
            root,
            text: text.into(),
            lines,
            line_map,
        }
    }

    /// One rule's `check` findings (none when it has no check or is off).
    fn run_rule(&self, rule: &crate::rules::Rule, ctx: &Ctx<'_>) -> Vec<Finding> {
        let mut findings = Vec::new();
        if let Some(check) = rule.check.filter(|_| self.enabled(rule.code)) {
            check(ctx, &mut findings);
        }
        findings
    }

    /// The findings of `parts` as located diagnostics, in the order a check reports them
    /// (`log`: the splices a session's tree has not caught up with).
    fn emit(
        &self,
        text: TextRef<'_>,
        loaded: &source::Loaded,
        parts: &mut Parts,
        log: Option<&SpanLog>,
    ) -> Vec<Diagnostic> {
        let mut places = std::mem::take(&mut parts.places);
        let mut out = self.sink(text, &loaded.lines, loaded.root.as_ref());
        out.log = log.filter(|l| !l.is_current());
        if log.is_some() {
            let capacity = places.kept.len();
            out.places = Some((&mut places, HashMap::with_capacity(capacity)));
        }
        if let Model::Ok { findings, .. } = &parts.model {
            out.seen.reserve(findings.iter().map(Vec::len).sum());
        }
        let diagnostics = self.emit_into(loaded, parts, out);
        parts.places = places;
        diagnostics
    }

    fn emit_into(
        &self,
        loaded: &source::Loaded,
        parts: &Parts,
        mut out: Sink<'_>,
    ) -> Vec<Diagnostic> {
        let text = out.text;
        let lang = self.config.lang;
        self.push_load_issues(text, loaded, &mut out);
        let Some(root) = loaded.root.as_ref() else {
            return out.finish();
        };
        if let Some(finding) = &parts.s004 {
            out.push("S004", finding.clone());
            return out.finish();
        }
        self.push_claims(&parts.violations, root, &mut out);
        match &parts.model {
            Model::Ok { findings, .. } => {
                for (rule, findings) in RULES.iter().zip(findings) {
                    findings.iter().for_each(|f| out.push(rule.code, f.clone()));
                }
                for (code, f) in &parts.across {
                    out.push(code, f.clone());
                }
            }
            Model::Err(e) if out.is_empty() => {
                out.push("S001", s001_schema::model_error(e, lang));
            }
            Model::Err(_) | Model::None => {}
        }
        for (run, (code, _)) in parts.checks.iter().zip(&self.checks) {
            if run.out_of_budget {
                out.push(code, lang::out_of_budget(lang));
                break;
            }
            run.findings.iter().for_each(|f| out.push(code, f.clone()));
        }
        out.finish()
    }

    /// S003 and S002: what loading found.
    fn push_load_issues(&self, text: TextRef<'_>, loaded: &source::Loaded, out: &mut Sink<'_>) {
        let lang = self.config.lang;
        for issue in &loaded.issues {
            match issue {
                LoadIssue::Syntax { kind, at } => {
                    out.push_at("S003", s003_parse_error::syntax(kind, lang), (*at, *at));
                }
                LoadIssue::ByteOrderMark => {
                    out.push_at("S003", s003_parse_error::byte_order_mark(lang), (0, 0));
                }
                LoadIssue::DuplicateKey {
                    pointer,
                    key,
                    at,
                    first,
                } => {
                    let first_line = self
                        .config
                        .lines
                        .then(|| loaded.lines.position(text, first.start()).line);
                    out.push_at(
                        "S002",
                        s002_duplicate_key::finding(pointer, key, first_line, lang),
                        (at.start(), at.end()),
                    );
                }
            }
        }
    }

    /// Schema violations, each claimed by the rule that explains it or else S001.
    fn push_violations(&self, schema: &CompiledSchema, root: &Node, out: &mut Sink<'_>) {
        self.push_claims(&schema.validate(root), root, out);
    }

    fn push_claims(&self, violations: &[Violation], root: &Node, out: &mut Sink<'_>) {
        let lang = self.config.lang;
        for violation in violations {
            let claimed = RULES.iter().find_map(|rule| {
                rule.claim
                    .and_then(|claim| claim(violation, root, lang))
                    .map(|f| (rule.code, f))
            });
            match claimed {
                Some((code, finding)) => out.push_claim(code, finding),
                None => out.push("S001", s001_schema::from_violation(violation, lang)),
            }
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
        let mut out = self.sink(text.into(), &loaded.lines, loaded.root.as_ref());
        self.push_load_issues(text.into(), &loaded, &mut out);
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
        let mut out = self.sink(text.into(), &loaded.lines, loaded.root.as_ref());
        for (code, finding) in findings {
            out.push(code, finding);
        }
        out.finish()
    }

    /// Whether a rule runs under this configuration.
    pub(crate) fn enabled(&self, code: &str) -> bool {
        self.levels.enabled(code)
    }

    fn sink<'a>(
        &'a self,
        text: TextRef<'a>,
        lines: &'a LineIndex,
        root: Option<&'a Node>,
    ) -> Sink<'a> {
        Sink {
            lang: self.config.lang,
            levels: &self.levels,
            infos: &self.infos,
            text,
            lines,
            locator: root.map(source::Locator::new),
            log: None,
            diagnostics: Vec::new(),
            places: None,
            merge_places: false,
            seen: HashMap::new(),
            seen_more: Vec::new(),
            hasher: std::collections::hash_map::RandomState::new(),
            claimed: HashMap::new(),
        }
    }

    /// The line a pointer is at, for messages that cite lines (`None` with `lines = false`).
    fn line_of<'a>(
        &self,
        root: &'a Node,
        text: TextRef<'a>,
        lines: &'a LineIndex,
        line_map: Option<&'a dyn Fn(&Pointer) -> usize>,
    ) -> impl Fn(&Pointer) -> Option<usize> + 'a {
        let cite_lines = self.config.lines;
        move |p: &Pointer| {
            cite_lines.then(|| match line_map {
                Some(map) => map(p),
                None => {
                    lines
                        .position(text, source::locate_pointer(root, p).value.start())
                        .line
                }
            })
        }
    }
}

/// What a check finds before the configuration and positions are applied. A session
/// keeps it between edits ([`Linter::recheck_session`]).
#[derive(Debug, Default)]
pub(crate) struct Parts {
    s004: Option<Finding>,
    violations: Vec<Violation>,
    model: Model,
    /// Per rule-language check of the linter, in order.
    checks: Vec<CheckRun>,
    across: Vec<(&'static str, Finding)>,
    /// Where the last emitted findings' pointers landed in the tree, for the next edit's
    /// findings to be placed without walking the tree again.
    places: Places,
    /// What the rules that read every objective count, for an edit inside one objective
    /// to recount that objective alone.
    counts: Counts,
    /// Whether the last check recomputed only what an edit changed (tests check that it
    /// is the usual path).
    #[cfg_attr(not(test), allow(dead_code))]
    incremental: bool,
}

impl Parts {
    #[cfg(test)]
    pub(crate) fn incremental(&self) -> bool {
        self.incremental
    }

    /// Whether ids and leads are counted for per-objective edits.
    #[cfg(test)]
    pub(crate) fn counted(&self) -> bool {
        self.counts.ids.is_some() && self.counts.leading.is_some()
    }
}

/// The sections what [`Counts`] counts comes from.
const COUNTED: crate::rules::Reads = crate::rules::Reads::Sections(&["departments", "pillars"]);

/// What P013 (ids) and P016 (leads) count over every objective, kept by a session so
/// that an edit inside one objective recounts that objective alone; their findings come
/// from the counts. Forgotten (and counted again on the next such edit) after any other
/// edit of `pillars` or `departments`.
#[derive(Debug, Default)]
struct Counts {
    ids: Option<crate::rules::plan::p013_duplicate_id::Ids>,
    leading: Option<crate::rules::plan::p016_idle_department::Leading>,
}

impl Counts {
    const IDS: &'static str = "P013";
    const LEADING: &'static str = "P016";

    /// Whether rule `code`'s findings come from the counts.
    fn counts(code: &str) -> bool {
        code == Self::IDS || code == Self::LEADING
    }

    /// Counts what is not counted yet, for the rules that run.
    fn keep(&mut self, linter: &Linter, report: &Report) {
        use crate::rules::plan::{p013_duplicate_id::Ids, p016_idle_department::Leading};
        if linter.enabled(Self::IDS) && self.ids.is_none() {
            self.ids = Some(Ids::new(report));
        }
        if linter.enabled(Self::LEADING) && self.leading.is_none() {
            self.leading = Some(Leading::new(report));
        }
    }

    /// Recounts objective `o` of pillar `p` (as `report` holds it) for rule `code`;
    /// false when that rule keeps no counts.
    fn recount(&mut self, code: &str, report: &Report, p: usize, o: usize) -> bool {
        match (code, &mut self.ids, &mut self.leading) {
            (Self::IDS, Some(ids), _) => ids.replace_objective(report, p, o),
            (Self::LEADING, _, Some(leading)) => leading.replace_objective(report, p, o),
            _ => return false,
        }
        true
    }

    fn findings(&self, code: &str, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        match (code, &self.ids, &self.leading) {
            (Self::IDS, Some(ids), _) => ids.findings(ctx, out),
            (Self::LEADING, _, Some(leading)) => leading.findings(ctx, out),
            _ => {}
        }
    }
}

/// A span of the current text, with the positions of its ends once a finding needed
/// them.
#[derive(Debug, Clone, Copy)]
struct Placed {
    span: source::Span,
    ends: Option<(source::Position, source::Position)>,
}

/// Where a pointer lands: its value, and its key when it names a member.
#[derive(Debug, Clone, Copy)]
struct Place {
    value: Placed,
    key: Option<Placed>,
    /// How many of the session's splices it has been moved by ([`Places::now`]).
    epoch: usize,
}

/// Places by pointer.
type PlaceMap = HashMap<String, Place>;

/// Where pointers land in a session's text, with their positions, kept from one edit to
/// the next: a finding that an edit did not touch is placed by one lookup, not by
/// walking its pointer down the tree again, and its position is shifted, not counted
/// again. An edit forgets the places at or under the value it changed (under the
/// parent, when a member or an item came or went: the indexes after it moved), and moves
/// the others ([`Places::shift`]).
///
/// The kept places are moved lazily: an edit logs its splice ([`Places::shift`]), and a
/// place is moved by the splices logged since its epoch when it is used again
/// ([`Places::take`]), so that an edit costs nothing per kept place (a report with many
/// findings has many); the log is folded into every place every
/// [`Places::FOLD_AFTER`] splices.
#[derive(Debug, Default)]
struct Places {
    /// The places the last emit used.
    kept: PlaceMap,
    /// The splices since `base`, with the line each one ends on.
    log: Vec<(Spliced, usize)>,
    /// The number of splices before the first of `log`.
    base: usize,
}

/// One splice of a session's text: `[start, old_end)` became `new_len` bytes, with
/// `removed` line breaks taken out and `added` put in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spliced {
    pub start: usize,
    pub old_end: usize,
    pub new_len: usize,
    pub removed: usize,
    pub added: usize,
}

impl Places {
    /// Forgets what an edit at `prefix` may have moved.
    fn forget(&mut self, prefix: &Pointer) {
        self.kept.retain(|p, _| !under(p, prefix.as_str()));
    }

    const FOLD_AFTER: usize = 32;

    /// The number of splices so far: the epoch of a place that is current.
    fn now(&self) -> usize {
        self.base + self.log.len()
    }

    /// Logs a splice of the text (`lines` is the index of the text after it), for the
    /// kept places to be moved by when they are used.
    fn shift(&mut self, splice: Spliced, lines: &LineIndex) {
        let end_line = lines.line(splice.start + splice.new_len);
        self.log.push((splice, end_line));
        if self.log.len() >= Self::FOLD_AFTER {
            let (log, base) = (std::mem::take(&mut self.log), self.base);
            self.kept
                .retain(|_, place| Self::catch_up(place, &log, base));
            self.base += log.len();
        }
    }

    /// The kept place of `pointer`, moved by the splices since it was kept; `None` when
    /// there is none, or when a splice took it.
    fn take(&mut self, pointer: &str) -> Option<(String, Place)> {
        let (key, mut place) = self.kept.remove_entry(pointer)?;
        Self::catch_up(&mut place, &self.log, self.base).then_some((key, place))
    }

    /// This emit's places replace the kept ones (all current: the log is done with).
    fn replace(&mut self, places: PlaceMap) {
        self.kept = places;
        self.base = self.now();
        self.log.clear();
    }

    /// Moves `place` by the splices of `log` (from splice number `base` on) it has not
    /// been moved by: what starts at or after a splice's old end moves by the bytes, and
    /// by the lines, it added; its columns change only when it is on the line the splice
    /// ends on, and are counted again there (when next used). False when a splice took
    /// it (it lay inside the splice).
    fn catch_up(place: &mut Place, log: &[(Spliced, usize)], base: usize) -> bool {
        let pending = log
            .get(place.epoch.saturating_sub(base)..)
            .unwrap_or_default();
        place.epoch = base + log.len();
        pending.iter().all(|&(splice, end_line)| {
            Self::move_by(&mut place.value, splice, end_line)
                && place
                    .key
                    .as_mut()
                    .is_none_or(|key| Self::move_by(key, splice, end_line))
        })
    }

    fn move_by(p: &mut Placed, splice: Spliced, end_line: usize) -> bool {
        let moves = |x: usize, is_end: bool| x > splice.old_end || (!is_end && x == splice.old_end);
        let (start, end) = (p.span.start(), p.span.end());
        let (start_moves, end_moves) = (moves(start, false), moves(end, true));
        if (!start_moves && start > splice.start) || (!end_moves && end > splice.start) {
            return false;
        }
        p.span = source::Span::new(
            splice.shift(start, start_moves),
            splice.shift(end, end_moves),
        );
        p.ends = p.ends.and_then(|(a, b)| {
            let (la, lb) = (
                splice.shift_line(a.line, start_moves),
                splice.shift_line(b.line, end_moves),
            );
            let recount = (start_moves && la == end_line) || (end_moves && lb == end_line);
            (!recount).then_some((
                source::Position { line: la, ..a },
                source::Position { line: lb, ..b },
            ))
        });
        true
    }
}

impl Spliced {
    /// Where offset `x` of the text before the splice is after it (`moves`: it lies
    /// after the splice).
    fn shift(self, x: usize, moves: bool) -> usize {
        if moves {
            (x + self.start + self.new_len).saturating_sub(self.old_end)
        } else {
            x
        }
    }

    /// The same for a 1-based line.
    fn shift_line(self, line: usize, moves: bool) -> usize {
        if moves {
            (line + self.added).saturating_sub(self.removed)
        } else {
            line
        }
    }
}

/// The typed model and the findings of every rule's `check` on it (by place in `RULES`).
#[derive(Debug, Default)]
enum Model {
    #[default]
    None,
    Ok {
        report: Box<Report>,
        findings: Vec<Vec<Finding>>,
    },
    /// The document does not fit the model: no rule ran.
    Err(String),
}

#[derive(Debug, Default)]
struct CheckRun {
    enabled: bool,
    findings: Vec<Finding>,
    /// Steps of the shared budget the check took.
    steps: u64,
    out_of_budget: bool,
}

/// What a session changed: the pointer's tokens, whether a member or an item came or
/// went (rather than a value replaced), whether the line numbers after it moved, and
/// the splices the tree's spans have not caught up with.
pub(crate) struct Edit<'a> {
    pub tokens: &'a [String],
    pub structural: bool,
    pub lines_moved: bool,
    pub log: &'a SpanLog,
    pub splice: Spliced,
}

/// The line of a pointer in a session's text, through the splices its tree's spans have
/// not caught up with (what messages that cite lines quote).
fn stale_lines<'a>(
    loaded: &'a source::Loaded,
    log: &'a SpanLog,
) -> impl Fn(&Pointer) -> usize + 'a {
    move |p: &Pointer| {
        let start = loaded
            .root
            .as_ref()
            .map_or(0, |root| source::locate_pointer(root, p).value.start());
        loaded.lines.line(log.at(start, false))
    }
}

/// Replaces a rule's kept findings with `ran`; whether that changed them.
fn replace_findings(cached: &mut Vec<Finding>, ran: Vec<Finding>) -> bool {
    if *cached == ran {
        return false;
    }
    *cached = ran;
    true
}

/// Replaces the kept findings that `replaced` picks with `ran` (put after the others);
/// whether that changed them. Only those are compared, before anything moves, so that
/// an edit that changes no finding copies none and compares few.
fn splice_findings(
    cached: &mut Vec<Finding>,
    ran: Vec<Finding>,
    replaced: impl Fn(&Finding) -> bool,
) -> bool {
    // The same findings in the same order there: the list stands as it is (the kept
    // ones' order among themselves, and so among those at one pointer, is the same).
    if cached.iter().filter(|f| replaced(f)).eq(&ran) {
        return false;
    }
    cached.retain(|f| !replaced(f));
    cached.extend(ran);
    true
}

fn under(pointer: &str, prefix: &str) -> bool {
    pointer
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Moves the positions of `diagnostics` (a session's last, none of whose findings an
/// edit changed) for a splice of the text (`text` and `lines` are the text after it),
/// by the rule [`SpanLog`] moves spans by: what lies before the splice stays, what lies
/// after it moves by the bytes the splice added, and its line and column are counted
/// again. The order stays (everything that moves moves by the same bytes). False, and
/// nothing moved, when a span or a related span overlaps the splice (or ends at its
/// old end: the edited value's own) or the list was capped (S007): then only a whole
/// emit can tell.
fn patch_positions(
    diagnostics: &mut [Diagnostic],
    splice: Spliced,
    text: TextRef<'_>,
    lines: &LineIndex,
) -> bool {
    let before = |(_, end): (usize, usize)| end <= splice.start;
    let after = |(start, end): (usize, usize)| start >= splice.old_end && end > splice.old_end;
    let clear = |span: (usize, usize)| before(span) || after(span);
    let fits = diagnostics.len() <= MAX_DIAGNOSTICS
        && diagnostics
            .iter()
            .all(|d| clear(d.span) && d.related_spans.iter().all(|&s| clear(s)));
    if !fits {
        return false;
    }
    let moved = |span: (usize, usize)| {
        let m = after(span);
        (splice.shift(span.0, m), splice.shift(span.1, m))
    };
    // What lies after the splice moves by its lines; only what is on the line it ends
    // on has its columns counted again (as `Places::move_by` does).
    let end_line = lines.line(splice.start + splice.new_len);
    for d in diagnostics {
        d.related_spans.iter_mut().for_each(|s| *s = moved(*s));
        if !after(d.span) {
            continue;
        }
        d.span = moved(d.span);
        let (line, end) = (
            splice.shift_line(d.line, true),
            splice.shift_line(d.end_line, true),
        );
        if line == end_line {
            let at = lines.position(text, d.span.0);
            (d.line, d.column, d.utf16_columns.0) = (at.line, at.column, at.column_utf16);
        } else {
            d.line = line;
        }
        if end == end_line {
            let at = lines.position(text, d.span.1);
            (d.end_line, d.end_column, d.utf16_columns.1) = (at.line, at.column, at.column_utf16);
        } else {
            d.end_line = end;
        }
    }
    true
}

/// Replaces the violations at or under `prefix` with `new`, where a whole validation
/// puts them: where the old ones were, or else before the first violation located at or
/// after the subtree (a whole validation visits it in document order). Returns whether
/// they changed.
fn splice_violations(
    old: &mut Vec<Violation>,
    prefix: &Pointer,
    new: Vec<Violation>,
    root: &Node,
    log: &SpanLog,
) -> bool {
    let within = |v: &&Violation| under(v.pointer.as_str(), prefix.as_str());
    if old.iter().filter(within).eq(new.iter()) {
        return false;
    }
    let at = match old
        .iter()
        .position(|v| under(v.pointer.as_str(), prefix.as_str()))
    {
        Some(at) => {
            old.retain(|v| !under(v.pointer.as_str(), prefix.as_str()));
            at
        }
        None => {
            let mut locator = source::Locator::new(root);
            let mut start_of = |p: &Pointer| log.at(locator.locate(p).value.start(), false);
            let start = start_of(prefix);
            old.iter()
                .position(|v| start_of(&v.pointer) >= start)
                .unwrap_or(old.len())
        }
    };
    old.splice(at..at, new);
    true
}

/// The document reduced to the value at `tokens` and the containers on the way to it
/// (an array's earlier items as `null`, so that indices stay), and that value's pointer:
/// what a rule that reads values one by one sees of an edit. `None` when `tokens` does
/// not resolve.
fn partial_root(root: &Node, tokens: &[String]) -> Option<(Node, Pointer)> {
    let mut chain = vec![root];
    for token in tokens {
        let node = chain.last().copied()?;
        let next = match &node.value {
            source::Value::Object(members) => {
                &members.iter().rev().find(|m| m.key == *token)?.value
            }
            source::Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
        chain.push(next);
    }
    let mut partial = chain.last().copied()?.clone();
    for (node, token) in chain.iter().rev().skip(1).zip(tokens.iter().rev()) {
        let value = match &node.value {
            source::Value::Object(members) => {
                let m = members.iter().rev().find(|m| m.key == *token)?;
                source::Value::Object(vec![source::Member {
                    key: m.key.clone(),
                    key_span: m.key_span,
                    value: partial,
                }])
            }
            source::Value::Array(_) => {
                let i = token.parse::<usize>().ok()?;
                let null = Node {
                    value: source::Value::Null,
                    span: node.span,
                };
                let mut items = vec![null; i];
                items.push(partial);
                source::Value::Array(items)
            }
            _ => return None,
        };
        partial = Node {
            value,
            span: node.span,
        };
    }
    let prefix = Pointer::root().keys(tokens);
    Some((partial, prefix))
}

/// The pillar and objective indexes of an edit strictly inside one objective (a member
/// of it or deeper: `/pillars/P/objectives/O/…`).
fn objective_scope(tokens: &[String]) -> Option<(usize, usize)> {
    match tokens {
        [pillars, p, objectives, o, _, ..]
            if pillars == "pillars" && objectives == "objectives" =>
        {
            Some((p.parse().ok()?, o.parse().ok()?))
        }
        _ => None,
    }
}

/// Runs `f` on `report` reduced to objective `o` of pillar `p`: the pillars before it and
/// the objectives before it in its pillar are empty placeholders (so that indexes, and the
/// pointers rules spell with them, stay), the ones after it are left out. The report is
/// put back as it was before this returns. `None` (and `f` not run) when there is no such
/// objective.
pub(crate) fn objective_view<R>(
    report: &mut Report,
    p: usize,
    o: usize,
    f: impl FnOnce(&Report) -> R,
) -> Option<R> {
    let fits = report
        .pillars
        .get(p)
        .is_some_and(|pillar| o < pillar.objectives.len());
    if !fits {
        return None;
    }
    let placeholder_pillar = |pillar: &crate::model::Pillar| crate::model::Pillar {
        id: Default::default(),
        key: pillar.key,
        name: Default::default(),
        objectives: Vec::new(),
    };
    let placeholder_objective = || crate::model::Objective {
        id: Default::default(),
        statement: Default::default(),
        tasks: Vec::new(),
    };
    let mut pillars = std::mem::take(&mut report.pillars);
    let mut view = Vec::with_capacity(p + 1);
    for pillar in pillars.iter().take(p) {
        view.push(placeholder_pillar(pillar));
    }
    // The real pillar moves into the view with its objectives swapped for the view's
    // (a placeholder takes its place in the real list meanwhile).
    let mut objectives = Vec::new();
    if let Some(pillar) = pillars.get_mut(p) {
        let mut inner = placeholder_pillar(pillar);
        std::mem::swap(pillar, &mut inner);
        objectives = std::mem::take(&mut inner.objectives);
        let mut mine: Vec<crate::model::Objective> =
            (0..o).map(|_| placeholder_objective()).collect();
        if let Some(objective) = objectives.get_mut(o) {
            mine.push(std::mem::replace(objective, placeholder_objective()));
        }
        inner.objectives = mine;
        view.push(inner);
    }
    report.pillars = view;
    let out = f(report);
    // Put everything back.
    let mut view = std::mem::take(&mut report.pillars);
    if let (Some(mut inner), Some(pillar)) = (view.pop(), pillars.get_mut(p)) {
        if let (Some(objective), Some(slot)) = (inner.objectives.pop(), objectives.get_mut(o)) {
            *slot = objective;
        }
        inner.objectives = objectives;
        *pillar = inner;
    }
    report.pillars = pillars;
    Some(out)
}

/// Reads what `tokens` edits into `report` again: the innermost value of the model the
/// edit is strictly inside (one deliverable, one item, the TRP cumulative figures; the
/// top-level section when there is none), so that an edit re-reads what it changed and
/// not the objective or the section around it. False when it does not fit the model:
/// the caller then reads the whole document, for the error a whole check gives.
fn reread(report: &mut Report, root: &Node, tokens: &[String]) -> bool {
    let Some(section) = tokens.first() else {
        return false;
    };
    let node = root.get(section);
    match section.as_str() {
        "$schema" => read(node, &mut report.schema),
        "format_version" => read(node, &mut report.format_version),
        "plan" => read(node, &mut report.plan),
        "report" => read(node, &mut report.report),
        "departments" => read(node, &mut report.departments),
        "pillars" => reread_pillars(&mut report.pillars, node, tokens),
        "statistics" => match report.statistics.as_mut() {
            Some(statistics) => reread_statistics(statistics, node, tokens),
            None => read(node, &mut report.statistics),
        },
        "funding" => read(node, &mut report.funding),
        "owners" => read(node, &mut report.owners),
        "kind" => read(node, &mut report.kind),
        "layout" => read(node, &mut report.layout),
        _ => false,
    }
}

/// Reads `node` into `into`; false (and `into` as it was) when it is absent or does not
/// fit.
fn read<T: serde::de::DeserializeOwned>(node: Option<&Node>, into: &mut T) -> bool {
    match node.map(|n| source::from_node::<T>(n, false)) {
        Some(Ok(value)) => {
            *into = value;
            true
        }
        _ => false,
    }
}

/// The member `key` of an object node.
fn member<'n>(node: Option<&'n Node>, key: &str) -> Option<&'n Node> {
    node?.get(key)
}

/// Item `i` of an array node.
fn item_of(node: Option<&Node>, i: Option<usize>) -> Option<&Node> {
    match &node?.value {
        source::Value::Array(items) => items.get(i?),
        _ => None,
    }
}

/// [`reread`] of an edit under `pillars` (`node`): the pillar, objective, task,
/// deliverable or item it is strictly inside, the innermost one.
fn reread_pillars(
    pillars: &mut Vec<crate::model::Pillar>,
    node: Option<&Node>,
    tokens: &[String],
) -> bool {
    let index = |i: usize| tokens.get(i).and_then(|t| t.parse::<usize>().ok());
    let named = |i: usize, name: &str| tokens.get(i).is_some_and(|t| t == name);
    // How deep the edit is strictly inside: a pillar (1), its objective (2), task (3),
    // deliverable (4), item (5); each has a pointer of twice as many tokens.
    let depth = [
        None,
        Some("objectives"),
        Some("tasks"),
        Some("deliverables"),
        Some("items"),
    ]
    .iter()
    .enumerate()
    .take_while(|(level, name)| {
        tokens.len() > 2 * level + 2 && name.is_none_or(|name| named(2 * level, name))
    })
    .count();
    let Some(pillar) = index(1)
        .filter(|_| depth >= 1)
        .and_then(|p| pillars.get_mut(p))
    else {
        return read(node, pillars);
    };
    let pillar_node = item_of(node, index(1));
    let Some(objective) = index(3)
        .filter(|_| depth >= 2)
        .and_then(|o| pillar.objectives.get_mut(o))
    else {
        return read(pillar_node, pillar);
    };
    let objective_node = item_of(member(pillar_node, "objectives"), index(3));
    let Some(task) = index(5)
        .filter(|_| depth >= 3)
        .and_then(|t| objective.tasks.get_mut(t))
    else {
        return read(objective_node, objective);
    };
    let task_node = item_of(member(objective_node, "tasks"), index(5));
    let Some(deliverable) = index(7)
        .filter(|_| depth >= 4)
        .and_then(|d| task.deliverables.get_mut(d))
    else {
        return read(task_node, task);
    };
    let deliverable_node = item_of(member(task_node, "deliverables"), index(7));
    match index(9)
        .filter(|_| depth >= 5)
        .and_then(|i| deliverable.items.get_mut(i))
    {
        Some(item) => read(item_of(member(deliverable_node, "items"), index(9)), item),
        None => read(deliverable_node, deliverable),
    }
}

/// [`reread`] of an edit under `statistics` (`node`): the TRP cumulative figures, one
/// TRP year, the court cases, or one operation, investigation, training or outreach
/// entry it is strictly inside; else the whole section.
fn reread_statistics(
    statistics: &mut crate::model::Statistics,
    node: Option<&Node>,
    tokens: &[String],
) -> bool {
    let index = |i: usize| tokens.get(i).and_then(|t| t.parse::<usize>().ok());
    let inside = |len: usize| tokens.len() > len;
    let whole = |statistics: &mut crate::model::Statistics| read(node, statistics);
    let Some(part) = tokens.get(1).filter(|_| inside(2)) else {
        return whole(statistics);
    };
    let at = member(node, part);
    fn entry<T: serde::de::DeserializeOwned>(
        items: &mut [T],
        at: Option<&Node>,
        i: Option<usize>,
    ) -> Option<bool> {
        let slot = items.get_mut(i?)?;
        Some(read(item_of(at, i), slot))
    }
    let done = match part.as_str() {
        "trp" => statistics.trp.as_mut().and_then(|trp| {
            match tokens.get(2).map(String::as_str) {
                Some("cumulative") if inside(3) => trp
                    .cumulative
                    .as_mut()
                    .map(|c| read(member(at, "cumulative"), c)),
                Some("annual") if inside(4) => {
                    entry(&mut trp.annual, member(at, "annual"), index(3))
                }
                _ => None,
            }
            .or_else(|| Some(read(at, trp)))
        }),
        "court_cases" => statistics.court_cases.as_mut().map(|c| read(at, c)),
        "operations" if inside(3) => entry(&mut statistics.operations, at, index(2)),
        "investigations" if inside(3) => entry(&mut statistics.investigations, at, index(2)),
        "training" if inside(3) => entry(&mut statistics.training, at, index(2)),
        "outreach" if inside(3) => entry(&mut statistics.outreach, at, index(2)),
        _ => None,
    };
    done.unwrap_or_else(|| whole(statistics))
}

/// Collects findings as diagnostics: applies the configuration, locates pointers, drops
/// duplicates and caps the count.
struct Sink<'a> {
    lang: Lang,
    levels: &'a Levels,
    infos: &'a [RuleInfo],
    text: TextRef<'a>,
    lines: &'a LineIndex,
    locator: Option<source::Locator<'a>>,
    /// The splices a session's tree has not caught up with: located spans go through it.
    log: Option<&'a SpanLog>,
    /// A session's places: the last emit's (taken from as they are used again), and
    /// this emit's.
    places: Option<(&'a mut Places, PlaceMap)>,
    /// Whether this emit's places join the last ones (a patch, which locates a few
    /// findings) rather than replace them (a whole emit, which locates every one).
    merge_places: bool,
    diagnostics: Vec<Diagnostic>,
    /// The diagnostics by a hash of (code, pointer, message), to drop a repeated one: a
    /// hash, so that a document with many problems is not quadratic to report, of
    /// borrowed strings, so that a finding costs no copies to compare.
    seen: HashMap<u64, usize>,
    /// Diagnostics whose hash an earlier one already had (a collision: rare).
    seen_more: Vec<(u64, usize)>,
    hasher: std::collections::hash_map::RandomState,
    /// (code, pointer) of schema violations a rule claimed: that rule's own check says
    /// the same thing there, so its finding at that pointer is dropped.
    claimed: HashMap<String, std::collections::HashSet<String>>,
}

impl Sink<'_> {
    fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// A rule's finding for a schema violation it explains.
    fn push_claim(&mut self, code: &str, finding: Finding) {
        self.claimed
            .entry(code.to_owned())
            .or_default()
            .insert(finding.pointer.as_str().to_owned());
        self.locate(code, finding);
    }

    /// A finding of a rule's check (or of the engine): dropped where the same rule
    /// already claimed a schema violation at the same pointer.
    fn push(&mut self, code: &str, finding: Finding) {
        if self
            .claimed
            .get(code)
            .is_some_and(|pointers| pointers.contains(finding.pointer.as_str()))
        {
            return;
        }
        self.locate(code, finding);
    }

    fn locate(&mut self, code: &str, finding: Finding) {
        match self.placed(&finding.pointer, finding.at_key, true) {
            Some(Placed {
                span,
                ends: Some((start, end)),
            }) => self.push_placed(code, finding, span, start, end),
            _ => self.push_at(code, finding, (0, 0)),
        }
    }

    /// Where a finding at `pointer` goes (its key when `at_key` and there is one): its
    /// span in the current text and, when `positions`, its ends' positions. A session's
    /// kept place, or a walk of the tree.
    fn placed(&mut self, pointer: &Pointer, at_key: bool, positions: bool) -> Option<Placed> {
        let locator = self.locator.as_mut()?;
        let (log, lines, text) = (self.log, self.lines, self.text);
        let current = |span: source::Span| Placed {
            span: log.map_or(span, |l| l.span(span)),
            ends: None,
        };
        let ends = |p: &mut Placed| {
            if positions && p.ends.is_none() {
                p.ends = Some((
                    lines.position(text, p.span.start()),
                    lines.position(text, p.span.end()),
                ));
            }
            *p
        };
        let Some((old, new)) = self.places.as_mut() else {
            let located = locator.locate(pointer);
            let mut placed = match located.key {
                Some(key) if at_key => current(key),
                _ => current(located.value),
            };
            return Some(ends(&mut placed));
        };
        if !new.contains_key(pointer.as_str()) {
            let (key, place) = match old.take(pointer.as_str()) {
                Some(kept) => kept,
                None => {
                    let located = locator.locate(pointer);
                    let place = Place {
                        value: current(located.value),
                        key: located.key.map(current),
                        epoch: old.now(),
                    };
                    (pointer.as_str().to_owned(), place)
                }
            };
            new.insert(key, place);
        }
        let place = new.get_mut(pointer.as_str())?;
        Some(match (&mut place.key, at_key) {
            (Some(key), true) => ends(key),
            _ => ends(&mut place.value),
        })
    }

    /// Whether an identical diagnostic is already in; if not, `code`, `pointer` and
    /// `message` are recorded as the next one's.
    fn repeated(&mut self, code: &str, pointer: &str, message: &str) -> bool {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one((code, pointer, message));
        let diagnostics = &self.diagnostics;
        let is = |i: usize| {
            diagnostics
                .get(i)
                .is_some_and(|d| d.code == code && d.pointer == pointer && d.message == message)
        };
        let next = diagnostics.len();
        match self.seen.entry(hash) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(next);
                false
            }
            std::collections::hash_map::Entry::Occupied(first) => {
                let more = &self.seen_more;
                if is(*first.get()) || more.iter().any(|&(h, i)| h == hash && is(i)) {
                    return true;
                }
                self.seen_more.push((hash, next));
                false
            }
        }
    }

    fn push_at(&mut self, code: &str, finding: Finding, span: (usize, usize)) {
        let start = self.lines.position(self.text, span.0);
        let end = self.lines.position(self.text, span.1);
        self.push_placed(code, finding, source::Span::new(span.0, span.1), start, end);
    }

    fn push_placed(
        &mut self,
        code: &str,
        finding: Finding,
        span: source::Span,
        start: source::Position,
        end: source::Position,
    ) {
        let span = (span.start(), span.end());
        let Some((index, level)) = self.levels.get(code) else {
            return;
        };
        let Some(rule) = self.infos.get(index) else {
            return;
        };
        let Some(severity) = level.severity(finding.severity) else {
            return;
        };
        let pointer = finding.pointer.as_str();
        if self.repeated(&rule.code, pointer, &finding.message) {
            return;
        }
        let related_spans = if self.locator.is_some() {
            let mut spans = Vec::with_capacity(finding.related.len());
            for p in &finding.related {
                if let Some(placed) = self.placed(&Pointer::parse(p), false, false) {
                    spans.push((placed.span.start(), placed.span.end()));
                }
            }
            spans
        } else {
            Vec::new()
        };
        self.diagnostics.push(Diagnostic {
            code: rule.code.clone(),
            name: rule.name.clone(),
            severity,
            message: finding.message,
            pointer: finding.pointer.into_string(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            help: finding.help,
            fix: finding.fix,
            related: finding.related,
            span,
            related_spans,
            utf16_columns: (start.column_utf16, end.column_utf16),
        });
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        if let Some((old, new)) = self.places.take() {
            if self.merge_places {
                old.kept.extend(new);
            } else {
                old.replace(new);
            }
        }
        self.diagnostics
            .sort_by(|a, b| (a.span.0, &a.code, &a.pointer).cmp(&(b.span.0, &b.code, &b.pointer)));
        // Distinct findings of one rule at one pointer are all kept (identical ones were
        // dropped on the way in; a claim stands for its rule's check at its pointer).
        if self.diagnostics.len() > MAX_DIAGNOSTICS {
            let more = self.diagnostics.len() - MAX_DIAGNOSTICS;
            self.diagnostics.truncate(MAX_DIAGNOSTICS);
            let notice = self
                .levels
                .get("S007")
                .and_then(|(i, level)| Some((self.infos.get(i)?, level.severity(None)?)));
            if let (Some(last), Some((rule, severity))) = (self.diagnostics.last().cloned(), notice)
            {
                self.diagnostics.push(Diagnostic {
                    code: rule.code.clone(),
                    name: rule.name.clone(),
                    severity,
                    message: if more == 1 {
                        s007_too_many_diagnostics::MORE_ONE
                    } else {
                        s007_too_many_diagnostics::MORE
                    }
                    .render(
                        self.lang,
                        &[
                            ("more", &crate::i18n::number(more as i128, self.lang)),
                            (
                                "limit",
                                &crate::i18n::number(MAX_DIAGNOSTICS as i128, self.lang),
                            ),
                        ],
                    ),
                    help: Some(
                        s007_too_many_diagnostics::MORE_HELP
                            .get(self.lang)
                            .to_owned(),
                    ),
                    fix: None,
                    related: Vec::new(),
                    related_spans: Vec::new(),
                    ..last
                });
            }
        }
        self.diagnostics
    }
}

#[cfg(test)]
mod reads_tests;
