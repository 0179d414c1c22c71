//! `naplint-baseline.toml`: accepted findings with their reasons, beside the data files.

use crate::files::{CheckedFile, Configs};
use crate::safe_read;
use naplint::i18n::{Plural, Text};
use naplint::suppress::{self, State, Suppression};
use naplint::{Lang, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub const BASELINE_FILE: &str = "naplint-baseline.toml";

#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    #[serde(default)]
    suppress: Vec<Suppression>,
}

struct Loaded {
    text: String,
    entries: Vec<Suppression>,
    /// Per entry: whether a file it applies to was checked, and what became of it.
    considered: Vec<bool>,
    states: Vec<Option<State>>,
}

/// Today's date, `YYYY-MM-DD` (UTC), or `NAPLINT_TODAY` when set (tests, reproducible CI).
pub fn today() -> String {
    if let Ok(day) = std::env::var("NAPLINT_TODAY") {
        return day;
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn baseline_for(file: &Path, explicit: Option<&Path>) -> PathBuf {
    explicit.map_or_else(
        || {
            file.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .join(BASELINE_FILE)
        },
        Path::to_path_buf,
    )
}

fn file_key(baseline: &Path, file: &Path) -> String {
    let dir = baseline
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    abs(file)
        .strip_prefix(abs(dir))
        .map_or_else(|_| file.display().to_string(), |p| p.display().to_string())
}

/// Applies the baselines beside the checked files; returns the baselines' own findings
/// (S005 unused, S006 expired) as extra files to render. An explicit `--baseline` is the
/// user's own; one found beside a file must stay inside that file's root
/// ([`Configs::root_for`]) and is not looked for under `--isolated`.
pub fn apply(
    files: &mut [CheckedFile],
    explicit: Option<&Path>,
    config: &naplint::Config,
    configs: &Configs,
) -> Result<Vec<CheckedFile>, String> {
    let today = today();
    let mut loaded: BTreeMap<PathBuf, Loaded> = BTreeMap::new();
    // Baselines looked for and not there (or not used, under `--isolated`): one look per
    // directory, not one per checked file.
    let mut absent: BTreeSet<PathBuf> = BTreeSet::new();
    for f in files.iter_mut() {
        if f.path == "-" || f.stdin {
            continue;
        }
        let path = baseline_for(Path::new(&f.path), explicit);
        if absent.contains(&path) {
            continue;
        }
        if !loaded.contains_key(&path) {
            let text = if explicit.is_some() {
                safe_read::read_bounded_string(&path, safe_read::limits::BASELINE)?
            } else {
                let Some(root) = configs.root_for(Path::new(&f.path))? else {
                    absent.insert(path);
                    continue;
                };
                if std::fs::symlink_metadata(&path).is_err() {
                    absent.insert(path);
                    continue;
                }
                root.read_contained_string(&path, safe_read::limits::BASELINE)?
            };
            let parsed: BaselineFile = toml::from_str(&text)
                .map_err(|e| safe_read::toml_error(&path, &text, &e, configs.lang()))?;
            let problems: Vec<String> = parsed
                .suppress
                .iter()
                .flat_map(Suppression::problems)
                .collect();
            if !problems.is_empty() {
                return Err(format!("{}: {}", path.display(), problems.join("; ")));
            }
            let n = parsed.suppress.len();
            loaded.insert(
                path.clone(),
                Loaded {
                    text,
                    entries: parsed.suppress,
                    considered: vec![false; n],
                    states: vec![None; n],
                },
            );
        }
        let Some(b) = loaded.get_mut(&path) else {
            continue;
        };
        let key = file_key(&path, Path::new(&f.path));
        let applicable: Vec<usize> = (0..b.entries.len())
            .filter(|&i| {
                b.entries
                    .get(i)
                    .is_some_and(|e| e.file.as_deref().is_none_or(|p| p == key))
            })
            .collect();
        let entries: Vec<&Suppression> = applicable
            .iter()
            .filter_map(|&i| b.entries.get(i))
            .collect();
        let (kept, states) = suppress::apply(std::mem::take(&mut f.diagnostics), &entries, &today);
        f.diagnostics = kept;
        for (&i, state) in applicable.iter().zip(states) {
            if let (Some(c), Some(s)) = (b.considered.get_mut(i), b.states.get_mut(i)) {
                *c = true;
                *s = match (*s, state) {
                    (Some(State::Used), _) | (_, State::Used) => Some(State::Used),
                    (_, other) => Some(other),
                };
            }
        }
    }
    let mut out = Vec::new();
    for (path, b) in loaded {
        let states: Vec<(bool, Option<State>)> = b
            .considered
            .iter()
            .copied()
            .zip(b.states.iter().copied())
            .collect();
        let diagnostics = suppress::diagnostics(&b.text, &b.entries, &states, config);
        if !diagnostics.is_empty() {
            out.push(CheckedFile {
                path: path.display().to_string(),
                text: b.text,
                diagnostics,
                fixed: 0,
                stdin: false,
            });
        }
    }
    Ok(out)
}

const WROTE: Plural = Plural::new(
    Text::new(
        "wrote {n} suppression to {path}",
        "{n} exemption écrite dans {path}",
    ),
    Text::new(
        "wrote {n} suppressions to {path}",
        "{n} exemptions écrites dans {path}",
    ),
);

/// `--write-baseline`: one baseline per directory, accepting every current finding.
pub fn write(files: &[CheckedFile], explicit: Option<&Path>, lang: Lang) -> Result<String, String> {
    let mut by_baseline: BTreeMap<PathBuf, Vec<Suppression>> = BTreeMap::new();
    for f in files.iter().filter(|f| !f.stdin) {
        let path = baseline_for(Path::new(&f.path), explicit);
        let key = file_key(&path, Path::new(&f.path));
        let entries = by_baseline.entry(path).or_default();
        for d in f
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
        {
            entries.push(Suppression {
                file: Some(key.clone()),
                code: d.code.clone(),
                pointer: d.pointer.clone(),
                reason: format!("accepted as published: {}", d.message),
                expires: None,
            });
        }
    }
    let mut summary = String::new();
    for (path, entries) in by_baseline {
        let mut text = String::from("# Findings accepted with a reason; `naplint check` hides them and reports entries\n# that no longer match (S005) or are past `expires` (S006). Edit the reasons.\n");
        let body = toml::to_string(&BaselineFile {
            suppress: entries.clone(),
        })
        .map_err(|e| e.to_string())?;
        text.push_str(&body);
        crate::write::atomic_write(&path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let _ = writeln!(
            summary,
            "{}",
            WROTE.render_with(
                entries.len(),
                lang,
                &[("path", &path.display().to_string())]
            )
        );
    }
    Ok(summary)
}
