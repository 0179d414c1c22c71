//! Finding report files, their configuration, and checking (and fixing) one file.

use naplint::{Config, Diagnostic, Lang, Linter, SourceFormat};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Name of the configuration file, found by walking up from each checked file.
pub const CONFIG_FILE: &str = "naplint.toml";

/// At most this many fix passes per file: a fix can enable another, but never forever.
const MAX_FIX_PASSES: usize = 4;

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
/// manifests, findings snapshots) sit beside reports and are not ours to check.
fn looks_like_report(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|bytes| is_report_text(&bytes))
}

/// Whether a file's content is a report: it holds a `format_version` key. The language
/// server decides with the same test.
pub fn is_report_text(bytes: &[u8]) -> bool {
    bytes.windows(14).any(|w| w == b"format_version")
}

/// Expands the command-line paths into inputs, in a stable order.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path).require_git(false).build() {
                let entry = entry.map_err(|e| e.to_string())?;
                let p = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file())
                    && is_report_extension(p)
                    && looks_like_report(p)
                {
                    found.push(p.to_path_buf());
                }
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    Ok(inputs)
}

/// Configurations by file, with `--select`/`--ignore` from the command line on top.
pub struct Configs {
    explicit: Option<(PathBuf, Config)>,
    select: Vec<String>,
    ignore: Vec<String>,
    /// `--lang` or `NAPLINT_LANG`, over the configuration file's `lang`.
    lang: Option<Lang>,
    /// The language when neither the override nor the configuration file names one (the
    /// language server passes the editor's locale).
    fallback_lang: Option<Lang>,
    linters: Mutex<HashMap<Option<PathBuf>, Arc<Linter>>>,
}

/// Reads and validates a `naplint.toml`.
/// The rule files a configuration names, read into its `user_rules`, with the text of
/// each file kept to position errors in it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<naplint::lang::UserRule>,
}

/// Reads and validates a `naplint.toml`, with the rule files it names.
pub fn read_config(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut config: Config =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut sources = vec![(path.to_path_buf(), text)];
    let base = path.parent().unwrap_or(Path::new("."));
    for file in config.rule_files.clone() {
        let rule_path = base.join(&file);
        let rule_text = std::fs::read_to_string(&rule_path)
            .map_err(|e| format!("{}: {e}", rule_path.display()))?;
        let parsed: RuleFile =
            toml::from_str(&rule_text).map_err(|e| format!("{}: {e}", rule_path.display()))?;
        config.user_rules.extend(parsed.rule);
        sources.push((rule_path, rule_text));
    }
    match Linter::new(config.clone()) {
        Ok(_) => Ok(config),
        Err(naplint::LinterError::Rules(errors)) => Err(rule_errors(&sources, &config, &errors)),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Positions each rule error in the file that declares the rule: the error's line and
/// column inside the `check` text, shifted to where that text stands in the file.
fn rule_errors(
    sources: &[(PathBuf, String)],
    config: &Config,
    errors: &[naplint::UserRuleError],
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
                "{}:{line}:{column}: rule `{}`: {}",
                p.display(),
                e.code,
                e.error.message
            ))
        });
        out.push(located.unwrap_or_else(|| {
            format!(
                "{}: rule `{}` {}:{}: {}",
                sources
                    .first()
                    .map(|(p, _)| p.display().to_string())
                    .unwrap_or_default(),
                e.code,
                e.error.line,
                e.error.column,
                e.error.message
            )
        }));
    }
    out.join("\n")
}

/// Whether a configuration file sets `lang` itself (a `Config` cannot tell a default
/// from a choice).
fn declares_lang(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| toml::from_str::<toml::Table>(&text).ok())
        .is_some_and(|table| table.contains_key("lang"))
}

fn find_config(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).ok()?;
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

impl Configs {
    pub fn new(
        explicit: Option<&Path>,
        select: &[String],
        ignore: &[String],
        lang: Option<Lang>,
    ) -> Result<Self, String> {
        let explicit = explicit
            .map(|p| read_config(p).map(|c| (p.to_path_buf(), c)))
            .transpose()?;
        Ok(Self {
            explicit,
            select: select.to_vec(),
            ignore: ignore.to_vec(),
            lang,
            fallback_lang: None,
            linters: Mutex::new(HashMap::new()),
        })
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
        let source = match (&self.explicit, input) {
            (Some((path, _)), _) => Some(path.clone()),
            (None, Input::File(file)) => find_config(
                file.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new(".")),
            ),
            (None, Input::Stdin) => find_config(Path::new(".")),
        };
        let mut cache = self
            .linters
            .lock()
            .map_err(|_| "internal error: poisoned lock".to_owned())?;
        if let Some(l) = cache.get(&source) {
            return Ok(Arc::clone(l));
        }
        let mut config = match (&self.explicit, &source) {
            (Some((_, c)), _) => c.clone(),
            (None, Some(path)) => read_config(path)?,
            (None, None) => Config::default(),
        };
        if !self.select.is_empty() {
            config.select.clone_from(&self.select);
        }
        if let Some(lang) = self.lang {
            config.lang = lang;
        } else if let Some(fallback) = self.fallback_lang {
            let declared = match (&self.explicit, &source) {
                (Some((path, _)), _) | (None, Some(path)) => declares_lang(path),
                (None, None) => false,
            };
            if !declared {
                config.lang = fallback;
            }
        }
        config.ignore.extend(self.ignore.iter().cloned());
        let linter = Arc::new(crate::linter(config)?);
        cache.insert(source, Arc::clone(&linter));
        Ok(linter)
    }
}

/// Reads the `--previous` report into the model.
pub fn read_previous(path: &Path) -> Result<naplint::model::Report, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let linter = crate::linter(Config::default())?;
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
            format!(
                "the previous report cannot be read ({} problem(s)); first: {first}",
                errors.len()
            )
        })
}

/// Checks one input, applying fixes first when asked.
pub fn check_one(
    linter: &Linter,
    input: &Input,
    stdin: Option<&[u8]>,
    stdin_name: Option<&str>,
    fix: bool,
    previous: Option<&naplint::model::Report>,
) -> Result<CheckedFile, String> {
    let (path, bytes) = match input {
        Input::File(p) => (
            p.display().to_string(),
            std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?,
        ),
        Input::Stdin => (
            stdin_name.unwrap_or("-").to_owned(),
            stdin.unwrap_or_default().to_vec(),
        ),
    };
    let format = match (input, stdin_name) {
        (Input::Stdin, None) => SourceFormat::sniff(&String::from_utf8_lossy(&bytes)),
        _ => SourceFormat::from_path(&path),
    };
    let Ok(original) = String::from_utf8(bytes.clone()) else {
        return Ok(CheckedFile {
            path,
            text: String::from_utf8_lossy(&bytes).into_owned(),
            diagnostics: linter.check_bytes(&bytes, format),
            fixed: 0,
            stdin: matches!(input, Input::Stdin),
        });
    };
    let mut text = original.clone();
    let run = |text: &str| match previous {
        Some(p) => linter.check_with_previous(text, format, p),
        None => linter.check(text, format),
    };
    let mut diagnostics = run(&text);
    let mut fixed = 0;
    if fix {
        let Input::File(file) = input else {
            return Err("--fix needs files, not stdin".to_owned());
        };
        for _ in 0..MAX_FIX_PASSES {
            let result = naplint::fix::apply(&text, format, &diagnostics);
            if result.applied == 0 || result.text == text {
                break;
            }
            fixed += result.applied;
            text = result.text;
            diagnostics = run(&text);
        }
        if text != original {
            crate::write::replace_file(file, original.as_bytes(), text.as_bytes())
                .map_err(|e| format!("{}: {e}", file.display()))?;
        }
    }
    Ok(CheckedFile {
        path,
        text,
        diagnostics,
        fixed,
        stdin: matches!(input, Input::Stdin),
    })
}
