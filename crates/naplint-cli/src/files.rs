//! Finding report files, their configuration, and checking (and fixing) one file.

use crate::safe_read::{self, ProjectRoot};
use naplint::config::ConfigProblem;
use naplint::i18n::{Plural, Text};
use naplint::{Config, Diagnostic, Lang, Linter, SourceFormat};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Name of the configuration file, found by walking up from each checked file.
pub const CONFIG_FILE: &str = "naplint.toml";

pub enum Input {
    File(PathBuf),
    Stdin,
}

/// The outcome for one file.
pub struct CheckedFile {
    /// The path as shown to the user.
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied with `--fix`.
    pub fixed: usize,
    /// Read from standard input.
    pub stdin: bool,
}

fn is_report_extension(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("json" | "yaml" | "yml")
    )
}

/// Whether a file found in a directory walk is a report: other JSON/YAML files (package
/// manifests, findings snapshots) sit beside reports and are not ours to check. Reads
/// at most a report's limit, in chunks, and only a regular file.
pub fn looks_like_report(path: &Path) -> bool {
    safe_read::contains_bytes(path, b"format_version", safe_read::limits::REPORT)
        || crate::submissions::looks_like_submission(path)
}

/// Whether a text in memory is a report by the same test (the language server's open
/// documents).
pub fn is_report_text(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"format_version").is_some()
}

/// What may be trusted of the checked tree: `--root DIR` (nothing found in the tree leads
/// outside it) and `--isolated` (no `naplint.toml` or baseline found in the tree is used).
#[derive(Default, Clone)]
pub struct Trust {
    pub root: Option<ProjectRoot>,
    pub isolated: bool,
}

/// `--root DIR` and `--isolated`, shared by the commands that read a configuration.
#[derive(clap::Args, Clone, Default)]
pub struct TrustArgs {
    /// Project root: nothing found in the tree (configuration, rule files, baselines,
    /// reports) may lead outside it; default: the directory of each `naplint.toml`.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Ignore every `naplint.toml` and baseline found in the tree (pin them with
    /// `--config` and `--baseline`).
    #[arg(long)]
    pub isolated: bool,
}

impl TrustArgs {
    pub fn trust(&self) -> Result<Trust, String> {
        Ok(Trust {
            root: self
                .root
                .as_deref()
                .map(ProjectRoot::new)
                .transpose()
                .map_err(|e| format!("--root: {e}"))?,
            isolated: self.isolated,
        })
    }
}

/// Expands the command-line paths into inputs, in a stable order, under `trust`. With
/// `--root`, every report must lie inside it. A walk's root is `--root`, else the
/// directory of the `naplint.toml` above the walked directory, else that directory; the
/// walk takes a symlinked report only when it resolves inside that root, refuses one that
/// leads out (naming the link, nothing of its target), and never follows a symlinked
/// directory.
pub fn discover_in(paths: &[PathBuf], trust: &Trust) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let root = match &trust.root {
                Some(root) => {
                    root.contain(path)?;
                    root.clone()
                }
                None => match find_config(path, trust)? {
                    Some((_, root)) => root,
                    None => ProjectRoot::new(path)?,
                },
            };
            // The walker reads `.gitignore` and `.ignore` files of the walked directory, its
            // parents and every directory it enters: each is checked first, so that none
            // can be a FIFO, a device or a symlink out of the tree.
            if let Ok(start) = std::fs::canonicalize(path) {
                for dir in start.ancestors() {
                    check_ignore_files(dir, &root)?;
                }
            }
            let refused: Arc<Mutex<Option<String>>> = Arc::default();
            let record = Arc::clone(&refused);
            let walk_root = root.clone();
            let mut found = Vec::new();
            let walk = ignore::WalkBuilder::new(path)
                .require_git(false)
                .filter_entry(move |entry| {
                    if !entry.file_type().is_some_and(|t| t.is_dir()) {
                        return true;
                    }
                    match check_ignore_files(entry.path(), &walk_root) {
                        Ok(()) => true,
                        Err(e) => {
                            if let Ok(mut slot) = record.lock() {
                                slot.get_or_insert(e);
                            }
                            false
                        }
                    }
                })
                .build();
            for entry in walk {
                let entry = entry.map_err(|e| walk_error(path, &e))?;
                let p = entry.path();
                let Some(kind) = entry.file_type() else {
                    continue;
                };
                if kind.is_symlink() {
                    if !is_report_extension(p) {
                        continue;
                    }
                    let target = root.contain(p)?;
                    if target.is_file() && looks_like_report(&target) {
                        found.push(p.to_path_buf());
                    }
                } else if kind.is_file() && is_report_extension(p) && looks_like_report(p) {
                    found.push(p.to_path_buf());
                }
            }
            if let Some(e) = refused.lock().ok().and_then(|mut slot| slot.take()) {
                return Err(e);
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else if path.exists() {
            if let Some(root) = &trust.root {
                root.contain(path)?;
            }
            inputs.push(Input::File(path.clone()));
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    Ok(inputs)
}

/// The most an ignore file may hold (`ignore` reads it line by line, without a bound).
const IGNORE_FILE_LIMIT: u64 = 1024 * 1024;

/// Checks the ignore files the walker would read in `dir`: each must be a regular file
/// of at most [`IGNORE_FILE_LIMIT`] bytes and, inside the root, resolve inside it.
/// (`.git/info/exclude` and a `.git` file cannot come from a commit.)
fn check_ignore_files(dir: &Path, root: &ProjectRoot) -> Result<(), String> {
    let inside = std::fs::canonicalize(dir).is_ok_and(|d| root.holds(&d));
    for name in [".gitignore", ".ignore"] {
        let file = dir.join(name);
        if std::fs::symlink_metadata(&file).is_err() {
            continue;
        }
        if inside {
            root.contain(&file)?;
        }
        let meta = std::fs::metadata(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        if !meta.is_file() {
            return Err(format!(
                "{}: not a regular file; the walk does not read it",
                file.display()
            ));
        }
        if meta.len() > IGNORE_FILE_LIMIT {
            return Err(format!(
                "{}: more than the limit of {IGNORE_FILE_LIMIT} bytes; the walk does not read it",
                file.display()
            ));
        }
    }
    Ok(())
}

/// A walk error, without quoting what an ignore file in the tree holds (a glob is a line
/// of a file the tree chose): the path, the line number and the I/O error only.
fn walk_error(dir: &Path, e: &ignore::Error) -> String {
    fn describe(e: &ignore::Error, out: &mut Vec<String>) {
        match e {
            ignore::Error::Partial(all) => all.iter().for_each(|e| describe(e, out)),
            ignore::Error::WithLineNumber { line, err } => {
                out.push(format!("line {line}"));
                describe(err, out);
            }
            ignore::Error::WithPath { path, err } => {
                out.push(path.display().to_string());
                describe(err, out);
            }
            ignore::Error::WithDepth { err, .. } => describe(err, out),
            ignore::Error::Loop { child, .. } => {
                out.push(format!("{}: a symlink loop", child.display()));
            }
            ignore::Error::Io(io) => out.push(io.to_string()),
            ignore::Error::Glob { .. } => out.push("a pattern that cannot be parsed".to_owned()),
            _ => out.push("an ignore file that cannot be used".to_owned()),
        }
    }
    let mut parts = Vec::new();
    describe(e, &mut parts);
    format!(
        "{}: {}",
        dir.display(),
        safe_read::cut(&parts.join(": "), 4 * safe_read::QUOTE_WIDTH)
    )
}

/// Configurations by file, with `--select`/`--ignore` from the command line on top.
pub struct Configs {
    explicit: Option<(PathBuf, Config)>,
    trust: Trust,
    select: Vec<String>,
    ignore: Vec<String>,
    /// `--lang` or `NAPLINT_LANG`, over the configuration file's `lang`.
    lang: Option<Lang>,
    /// The language when neither the override nor the configuration file names one (the
    /// language server passes the editor's locale).
    fallback_lang: Option<Lang>,
    linters: Mutex<HashMap<Option<PathBuf>, Arc<Linter>>>,
    /// [`find_config`]'s answer by directory: a thousand reports in one directory cost one
    /// walk up the tree (a canonicalize and a stat per ancestor), not a thousand. The
    /// language server makes a new `Configs` when a configuration file changes.
    found: Mutex<HashMap<PathBuf, Found>>,
}

/// A configuration found above a directory, with the root its rule files stay in.
type Found = Option<(PathBuf, ProjectRoot)>;

/// Reads and validates a `naplint.toml`.
/// The rule files a configuration names, read into its `user_rules`, with the text of
/// each file kept to position errors in it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<naplint::lang::UserRule>,
}

/// The `rule_files` entries with their place in `naplint.toml`, to name the line of a
/// refused one.
#[derive(serde::Deserialize)]
struct RuleFileEntries {
    #[serde(default)]
    rule_files: Vec<toml::Spanned<String>>,
}

/// The first problem of a `naplint.toml`'s keys and values that has a kind of its own
/// (an unknown key, a level or a language that is none), with its byte offset; the toml
/// crate would word it in English only. Anything else is left to its deserialiser.
fn table_problem(text: &str) -> Option<(ConfigProblem, usize)> {
    use toml::de::{DeTable, DeValue};
    let table = DeTable::parse(text).ok()?;
    for (key, value) in table.get_ref() {
        let name: &str = key.get_ref();
        if !naplint::config::KEYS.contains(&name) {
            return Some((ConfigProblem::unknown_key(name), key.span().start));
        }
        match (name, value.get_ref()) {
            ("rules", DeValue::Table(rules)) => {
                for (rule, level) in rules {
                    if let DeValue::String(l) = level.get_ref() {
                        if !naplint::config::LEVELS.contains(&l.as_ref()) {
                            let problem = ConfigProblem::BadLevel {
                                rule: rule.get_ref().to_string(),
                                value: l.to_string(),
                            };
                            return Some((problem, level.span().start));
                        }
                    }
                }
            }
            ("lang", DeValue::String(l)) if !naplint::config::LANGS.contains(&l.as_ref()) => {
                let problem = ConfigProblem::BadLang {
                    value: l.to_string(),
                };
                return Some((problem, value.span().start));
            }
            _ => {}
        }
    }
    None
}

/// Reads and validates a `naplint.toml`, with the rule files it names, which must stay
/// inside the configuration's directory.
pub fn read_config(path: &Path, lang: Option<Lang>) -> Result<Config, String> {
    read_config_in(path, &ProjectRoot::of_file(path)?, lang)
}

/// The language of a configuration's errors: `lang` (`--lang`, `NAPLINT_LANG`), else the
/// file's own `lang` when the file parses that far, else English.
fn error_lang(text: &str, lang: Option<Lang>) -> Lang {
    lang.or_else(|| {
        toml::from_str::<toml::Table>(text)
            .ok()
            .and_then(|t| t.get("lang").and_then(|v| v.as_str()).and_then(Lang::parse))
    })
    .unwrap_or_default()
}

/// [`read_config`] with the rule files contained in `root`. Every read is bounded; a
/// refused rule file is named with its line in `naplint.toml` and nothing of it is read.
pub fn read_config_in(
    path: &Path,
    root: &ProjectRoot,
    lang: Option<Lang>,
) -> Result<Config, String> {
    let text = safe_read::read_bounded_string(path, safe_read::limits::CONFIG)?;
    let lang = error_lang(&text, lang);
    if let Some((problem, at)) = table_problem(&text) {
        let (line, column, quoted) = safe_read::excerpt(&text, at);
        return Err(format!(
            "{}:{line}:{column}: {}\n  | {quoted}",
            path.display(),
            problem.message(lang)
        ));
    }
    let mut config: Config =
        toml::from_str(&text).map_err(|e| safe_read::toml_error(path, &text, &e, lang))?;
    let entries: RuleFileEntries =
        toml::from_str(&text).map_err(|e| safe_read::toml_error(path, &text, &e, lang))?;
    let mut sources = vec![(path.to_path_buf(), text.clone())];
    let base = path.parent().unwrap_or(Path::new("."));
    for entry in &entries.rule_files {
        let file = entry.get_ref();
        let (line, _, _) = safe_read::excerpt(&text, entry.span().start);
        let resolved = root.resolve_named(file, path).map_err(|e| {
            format!(
                "{}:{line}: rule_files entry `{}`: {e}",
                path.display(),
                safe_read::cut(file, safe_read::QUOTE_WIDTH)
            )
        })?;
        let rule_path = base.join(file);
        let rule_text = safe_read::read_bounded_string(&resolved, safe_read::limits::RULE_FILE)
            .map_err(|e| format!("{}:{line}: rule_files entry: {e}", path.display()))?;
        let parsed: RuleFile = toml::from_str(&rule_text)
            .map_err(|e| safe_read::toml_error(&rule_path, &rule_text, &e, lang))?;
        config.user_rules.extend(parsed.rule);
        sources.push((rule_path, rule_text));
    }
    let in_lang = naplint::Config {
        lang,
        ..config.clone()
    };
    match Linter::new(in_lang) {
        Ok(_) => Ok(config),
        Err(naplint::LinterError::Rules(errors)) => {
            Err(rule_errors(&sources, &config, &errors, lang))
        }
        Err(e) => Err(e
            .message(lang)
            .lines()
            .map(|l| {
                format!(
                    "{}: {}",
                    path.display(),
                    safe_read::cut(l, 2 * safe_read::QUOTE_WIDTH)
                )
            })
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

/// One rule's error in the file that declares it (after `path:line:column: `).
pub const RULE_IN_FILE: Text = Text::new("rule `{code}`: {message}", "règle `{code}` : {message}");

/// Positions each rule error in the file that declares the rule: the error's line and
/// column inside the `check` text, shifted to where that text stands in the file.
fn rule_errors(
    sources: &[(PathBuf, String)],
    config: &Config,
    errors: &[naplint::UserRuleError],
    lang: Lang,
) -> String {
    let mut out = Vec::new();
    for e in errors {
        let check = config
            .user_rules
            .iter()
            .find(|r| r.code == e.code)
            .map(|r| r.check.as_str())
            .unwrap_or_default();
        let located = sources.iter().find_map(|(p, text)| {
            let code_at = text.find(&format!("\"{}\"", e.code))?;
            let at = text.get(code_at..)?.find(check).map(|i| code_at + i)?;
            let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
            let line = text.get(..at)?.matches('\n').count() + e.error.line;
            let column = if e.error.line == 1 {
                text.get(line_start..at)?.chars().count() + e.error.column
            } else {
                e.error.column
            };
            Some(format!(
                "{}:{line}:{column}: {}",
                p.display(),
                RULE_IN_FILE.render(
                    lang,
                    &[
                        ("code", &e.code),
                        (
                            "message",
                            &safe_read::cut(&e.error.message, 2 * safe_read::QUOTE_WIDTH)
                        )
                    ]
                )
            ))
        });
        out.push(located.unwrap_or_else(|| {
            format!(
                "{}: {}",
                sources
                    .first()
                    .map(|(p, _)| p.display().to_string())
                    .unwrap_or_default(),
                naplint::lang::RULE_AT.render(
                    lang,
                    &[
                        ("code", &e.code),
                        ("line", &e.error.line.to_string()),
                        ("column", &e.error.column.to_string()),
                        (
                            "message",
                            &safe_read::cut(&e.error.message, 2 * safe_read::QUOTE_WIDTH)
                        ),
                    ]
                )
            )
        }));
    }
    out.join("\n")
}

/// Whether a configuration file sets `lang` itself (a `Config` cannot tell a default
/// from a choice).
fn declares_lang(path: &Path) -> bool {
    safe_read::read_bounded_string(path, safe_read::limits::CONFIG)
        .ok()
        .and_then(|text| toml::from_str::<toml::Table>(&text).ok())
        .is_some_and(|table| table.contains_key("lang"))
}

/// The nearest `naplint.toml` above `start`, with the root its rule files must stay in:
/// `--root` (above which nothing is looked for), else its own directory. A found file
/// that is a symlink out of that root is refused, not read.
fn find_config(start: &Path, trust: &Trust) -> Result<Option<(PathBuf, ProjectRoot)>, String> {
    if trust.isolated {
        return Ok(None);
    }
    let Ok(start) = std::fs::canonicalize(start) else {
        return Ok(None);
    };
    for dir in start.ancestors() {
        if trust.root.as_ref().is_some_and(|r| !r.holds(dir)) {
            break;
        }
        let candidate = dir.join(CONFIG_FILE);
        if std::fs::symlink_metadata(&candidate).is_err() {
            continue;
        }
        let root = match &trust.root {
            Some(r) => r.clone(),
            None => ProjectRoot::new(dir)?,
        };
        root.contain(&candidate)?;
        return Ok(Some((candidate, root)));
    }
    Ok(None)
}

impl Configs {
    /// The configurations for one run, under `trust`. An explicit `--config` is the user's
    /// own: its rule files stay inside `--root` when it lies there, else inside its
    /// directory.
    pub fn new_in(
        explicit: Option<&Path>,
        select: &[String],
        ignore: &[String],
        lang: Option<Lang>,
        trust: Trust,
    ) -> Result<Self, String> {
        let explicit = explicit
            .map(|p| {
                let own = ProjectRoot::of_file(p)?;
                let root = match &trust.root {
                    Some(r) if r.holds(own.path()) => r.clone(),
                    _ => own,
                };
                read_config_in(p, &root, lang).map(|c| (p.to_path_buf(), c))
            })
            .transpose()?;
        Ok(Self {
            explicit,
            trust,
            select: select.to_vec(),
            ignore: ignore.to_vec(),
            lang,
            fallback_lang: None,
            linters: Mutex::new(HashMap::new()),
            found: Mutex::new(HashMap::new()),
        })
    }

    /// The language of this run's own messages: `--lang` or `NAPLINT_LANG`, else English.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }

    /// The language to use when no override is given and the configuration names none.
    #[must_use]
    pub fn with_fallback_lang(mut self, lang: Option<Lang>) -> Self {
        self.fallback_lang = lang;
        self
    }

    /// Every rule of every configuration used so far (built-in first), for SARIF metadata.
    pub fn all_rules(&self) -> Vec<naplint::registry::RuleInfo> {
        let mut all: Vec<naplint::registry::RuleInfo> = naplint::registry::RULES
            .iter()
            .map(|r| naplint::registry::RuleInfo::localized(r, self.lang.unwrap_or_default()))
            .collect();
        if let Ok(cache) = self.linters.lock() {
            for linter in cache.values() {
                for r in linter.rules() {
                    if !all.iter().any(|a| a.code == r.code) {
                        all.push(r.clone());
                    }
                }
            }
        }
        all
    }

    /// The linter for one input, built once per configuration file.
    pub fn linter_for(&self, input: &Input) -> Result<Arc<Linter>, String> {
        let found = match (&self.explicit, input) {
            (Some((path, _)), _) => Some((path.clone(), None)),
            (None, Input::File(file)) => self
                .find_config(parent_dir(file))?
                .map(|(p, r)| (p, Some(r))),
            (None, Input::Stdin) => self.find_config(Path::new("."))?.map(|(p, r)| (p, Some(r))),
        };
        let source = found.as_ref().map(|(p, _)| p.clone());
        let mut cache = self
            .linters
            .lock()
            .map_err(|_| "internal error: poisoned lock".to_owned())?;
        if let Some(l) = cache.get(&source) {
            return Ok(Arc::clone(l));
        }
        let config = match (&self.explicit, &source) {
            (Some((_, c)), _) => c.clone(),
            (None, Some(path)) => match found.as_ref().and_then(|(_, r)| r.as_ref()) {
                Some(root) => read_config_in(path, root, self.lang)?,
                None => read_config(path, self.lang)?,
            },
            (None, None) => Config::default(),
        };
        // `--lang` wins; the locale's language only where the file names none.
        let lang = self.lang.or_else(|| {
            self.fallback_lang
                .filter(|_| !source.as_deref().is_some_and(declares_lang))
        });
        let config = config.overlaid(&naplint::config::Overlay {
            select: (!self.select.is_empty()).then(|| self.select.clone()),
            ignore: self.ignore.clone(),
            lang,
            ..naplint::config::Overlay::default()
        });
        let linter = Arc::new(crate::linter(config)?);
        cache.insert(source, Arc::clone(&linter));
        Ok(linter)
    }
}

/// The directory of a checked file (`.` for a bare name).
pub fn parent_dir(file: &Path) -> &Path {
    file.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

impl Configs {
    /// [`find_config`] from `dir` under this run's trust, once per directory. An error is
    /// not kept: it is returned again, by walking again, for the next file asking.
    fn find_config(&self, dir: &Path) -> Result<Found, String> {
        if let Some(found) = self.found.lock().ok().and_then(|m| m.get(dir).cloned()) {
            return Ok(found);
        }
        let found = find_config(dir, &self.trust)?;
        if let Ok(mut memo) = self.found.lock() {
            memo.insert(dir.to_path_buf(), found.clone());
        }
        Ok(found)
    }

    /// What a file found beside `file` (its baseline) must stay inside: `--root`, else
    /// the directory of the `naplint.toml` that governs it, else the file's directory.
    /// `None` under `--isolated`: nothing found in the tree is used.
    pub fn root_for(&self, file: &Path) -> Result<Option<ProjectRoot>, String> {
        if self.trust.isolated {
            return Ok(None);
        }
        if let Some(root) = &self.trust.root {
            return Ok(Some(root.clone()));
        }
        let dir = parent_dir(file);
        Ok(Some(match self.find_config(dir)? {
            Some((_, root)) => root,
            None => ProjectRoot::new(dir)?,
        }))
    }
}

const PREVIOUS_UNREADABLE: Plural = Plural::new(
    Text::new(
        "the previous report cannot be read ({n} problem); first: {first}",
        "le rapport précédent ne peut pas être lu ({n} problème) ; le premier : {first}",
    ),
    Text::new(
        "the previous report cannot be read ({n} problems); first: {first}",
        "le rapport précédent ne peut pas être lu ({n} problèmes) ; le premier : {first}",
    ),
);

/// Reads the `--previous` report into the model.
pub fn read_previous(path: &Path, lang: Lang) -> Result<naplint::model::Report, String> {
    let text = safe_read::read_bounded_string(path, safe_read::limits::REPORT)?;
    let linter = crate::linter(Config {
        lang,
        ..Config::default()
    })?;
    linter
        .previous(&text, SourceFormat::from_path(&path.to_string_lossy()))
        .map_err(|errors| {
            let first = errors
                .first()
                .map(|d| {
                    format!(
                        "{}:{}:{}: {} {}",
                        path.display(),
                        d.line,
                        d.column,
                        d.code,
                        d.message
                    )
                })
                .unwrap_or_default();
            PREVIOUS_UNREADABLE.render_with(errors.len(), lang, &[("first", &first)])
        })
}

/// What became of one input: checked as a report, or set aside as a base or submission
/// (checked with its set).
pub enum Outcome {
    Checked(Result<CheckedFile, String>),
    Member(PathBuf, String),
}

/// How the inputs of one `check` are checked.
pub struct CheckRun<'a> {
    /// Standard input, read already, when `-` is among the inputs.
    pub stdin: Option<&'a [u8]>,
    /// `--stdin-filename`.
    pub stdin_name: Option<&'a str>,
    /// `--fix`.
    pub fix: bool,
    /// `--previous`, read into the model.
    pub previous: Option<&'a naplint::model::Report>,
    /// Whether [`CheckedFile::text`] is kept: only the human renderer quotes the text.
    /// Without it, a file's text is freed as soon as it is checked, and a thousand files
    /// never sit in memory at once.
    pub keep_text: bool,
}

/// Reads one input once: a base or a submission is set aside with its text for its set;
/// any other file is checked as a report with `configs`' linter for it, fixes applied
/// first when asked.
pub fn read_and_check(configs: &Configs, input: &Input, run: &CheckRun<'_>) -> Outcome {
    let (path, bytes) = match input {
        Input::File(p) => match safe_read::read_bounded(p, safe_read::limits::REPORT) {
            Ok(bytes) => match crate::submissions::set_member(p, bytes) {
                Ok(text) => return Outcome::Member(p.clone(), text),
                Err(bytes) => (p.display().to_string(), bytes),
            },
            // The configuration's error first, as when the linter came before the read.
            Err(e) => {
                return Outcome::Checked(configs.linter_for(input).and(Err(e.to_string())));
            }
        },
        Input::Stdin => (
            run.stdin_name.unwrap_or("-").to_owned(),
            run.stdin.unwrap_or_default().to_vec(),
        ),
    };
    let checked = configs
        .linter_for(input)
        .and_then(|linter| check_read(&linter, input, path, bytes, run));
    Outcome::Checked(checked.map(|mut c| {
        if !run.keep_text {
            c.text = String::new();
        }
        c
    }))
}

/// Checks one input's bytes, read from `path` (as shown), applying fixes first when asked.
fn check_read(
    linter: &Linter,
    input: &Input,
    path: String,
    bytes: Vec<u8>,
    options: &CheckRun<'_>,
) -> Result<CheckedFile, String> {
    let CheckRun {
        stdin_name,
        fix,
        previous,
        ..
    } = *options;
    let format = match (input, stdin_name) {
        (Input::Stdin, None) => SourceFormat::sniff(&String::from_utf8_lossy(&bytes)),
        _ => SourceFormat::from_path(&path),
    };
    // The file's bytes become its text in place: one copy of it is held while it is
    // checked (the fixed text, when `--fix` changes it, is the second).
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            return Ok(CheckedFile {
                path,
                text: String::from_utf8_lossy(&bytes).into_owned(),
                diagnostics: linter.check_bytes(&bytes, format),
                fixed: 0,
                stdin: matches!(input, Input::Stdin),
            });
        }
    };
    let run = |text: &str| match previous {
        Some(p) => linter.check_with_previous(text, format, p),
        None => linter.check(text, format),
    };
    let mut diagnostics = run(&text);
    let mut text = text;
    let mut fixed = 0;
    if fix {
        let Input::File(file) = input else {
            return Err("--fix needs files, not stdin".to_owned());
        };
        let done = naplint::fix::fix_loop(&text, format, diagnostics, run);
        if done.text != text {
            crate::write::replace_file(file, text.as_bytes(), done.text.as_bytes())
                .map_err(|e| format!("{}: {e}", file.display()))?;
        }
        (text, diagnostics, fixed) = (done.text, done.diagnostics, done.applied);
    }
    Ok(CheckedFile {
        path,
        text,
        diagnostics,
        fixed,
        stdin: matches!(input, Input::Stdin),
    })
}
