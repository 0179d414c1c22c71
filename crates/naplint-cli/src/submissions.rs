//! The submission commands (`split`, `assemble`, `template`) and the submission sets that
//! `check` meets in its inputs. Every file goes through `safe_read`; every write is atomic
//! and happens only once nothing stands in its way.

use crate::files::CheckedFile;
use crate::safe_read::{self, ProjectRoot};
use naplint::submission::{self, Role, SetFile};
use naplint::{Lang, Linter, SourceFormat};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The base and submissions of one directory, read.
pub struct Set {
    pub dir: PathBuf,
    /// (path, text) of each file, in name order.
    pub files: Vec<(PathBuf, String)>,
}

impl Set {
    /// Each file's name in diagnostics: its path.
    fn names(&self) -> Vec<String> {
        self.files
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect()
    }

    /// The set as the core takes it, named by `names`.
    fn set_files<'a>(&'a self, names: &'a [String]) -> Vec<SetFile<'a>> {
        self.files
            .iter()
            .zip(names)
            .map(|((path, text), name)| SetFile {
                name,
                text,
                format: SourceFormat::from_path(&path.to_string_lossy()),
            })
            .collect()
    }

    /// Each file, under its name, with its diagnostics, as the renderers take it.
    fn checked_files(
        &self,
        names: Vec<String>,
        diagnostics: impl IntoIterator<Item = Vec<naplint::Diagnostic>>,
    ) -> Vec<CheckedFile> {
        self.files
            .iter()
            .zip(names)
            .zip(diagnostics)
            .map(|(((_, text), path), diagnostics)| CheckedFile {
                path,
                text: text.clone(),
                diagnostics,
                fixed: 0,
                stdin: false,
            })
            .collect()
    }
}

fn role_of(path: &Path, text: &str) -> Option<Role> {
    submission::role(text, SourceFormat::from_path(&path.to_string_lossy()))
}

/// Whether a file met in a walk is a base or a submission (a base also holds
/// `format_version`, so the walk finds it as a report already).
pub fn looks_like_submission(path: &Path) -> bool {
    safe_read::contains_bytes(path, b"submission", safe_read::limits::REPORT)
        && safe_read::read_bounded_string(path, safe_read::limits::REPORT)
            .is_ok_and(|text| role_of(path, &text) == Some(Role::Submission))
}

/// A file's text when it is a base or a submission (it holds a `kind` key, in either
/// spelling, that [`role_of`] takes for one); else its bytes back, to be checked as a
/// report. `check` reads each file once and asks this of the bytes it read.
pub fn set_member(path: &Path, bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    // One needle for both spellings (`"kind"` and `kind:`): `role_of` decides.
    if memchr::memmem::find(&bytes, b"kind").is_none() {
        return Err(bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) if matches!(role_of(path, &text), Some(Role::Base | Role::Submission)) => Ok(text),
        Ok(text) => Err(text.into_bytes()),
        Err(e) => Err(e.into_bytes()),
    }
}

/// The bases and submissions met among the inputs, grouped by directory, in the order
/// they were met.
pub fn group(members: Vec<(PathBuf, String)>) -> Vec<Set> {
    let mut sets: Vec<Set> = Vec::new();
    for (path, text) in members {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        match sets.iter_mut().find(|s| s.dir == dir) {
            Some(set) => set.files.push((path, text)),
            None => sets.push(Set {
                dir,
                files: vec![(path, text)],
            }),
        }
    }
    sets
}

/// Checks one set and, with `fix`, applies the fixes to the files their values were
/// written in (each file atomically, refusing one that changed meanwhile), then checks
/// the set again.
pub fn check_set_fixing(
    linter: &Linter,
    set: &Set,
    previous: Option<&naplint::model::Report>,
    fix: bool,
) -> Result<Vec<CheckedFile>, String> {
    let first = check_set(linter, set, previous)?;
    if !fix {
        return Ok(first);
    }
    let mut fixed_set = Set {
        dir: set.dir.clone(),
        files: Vec::new(),
    };
    let mut counts = Vec::new();
    for ((path, text), checked) in set.files.iter().zip(&first) {
        let format = SourceFormat::from_path(&path.to_string_lossy());
        let result = naplint::fix::apply(text, format, &checked.diagnostics);
        if result.applied > 0 && result.text != *text {
            crate::write::replace_file(path, text.as_bytes(), result.text.as_bytes())
                .map_err(|e| format!("{}: {e}", path.display()))?;
            fixed_set.files.push((path.clone(), result.text));
            counts.push(result.applied);
        } else {
            fixed_set.files.push((path.clone(), text.clone()));
            counts.push(0);
        }
    }
    let mut again = check_set(linter, &fixed_set, previous)?;
    for (c, n) in again.iter_mut().zip(counts) {
        c.fixed = n;
    }
    Ok(again)
}

/// Checks one set: each file's diagnostics, located in it.
pub fn check_set(
    linter: &Linter,
    set: &Set,
    previous: Option<&naplint::model::Report>,
) -> Result<Vec<CheckedFile>, String> {
    let names = set.names();
    let checked = linter
        .check_submissions(&set.set_files(&names), previous)
        .map_err(|e| format!("{}: {}", set.dir.display(), e.message(linter.config().lang)))?;
    Ok(set.checked_files(names, checked.files))
}

/// Reads the bases and submissions directly in `dir`.
fn read_dir(dir: &Path) -> Result<Set, String> {
    let root = ProjectRoot::new(dir).map_err(|e| e.to_string())?;
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("json" | "yaml" | "yml")
            )
        })
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let text = root
            .read_contained_string(&path, safe_read::limits::REPORT)
            .map_err(|e| e.to_string())?;
        if matches!(role_of(&path, &text), Some(Role::Base | Role::Submission)) {
            files.push((path, text));
        }
    }
    Ok(Set {
        dir: dir.to_path_buf(),
        files,
    })
}

fn write_node(path: Option<&Path>, node: &naplint::source::Node) -> Result<(), String> {
    match path {
        Some(p) => {
            let text = match SourceFormat::from_path(&p.to_string_lossy()) {
                SourceFormat::Json => submission::to_json_text(node),
                SourceFormat::Yaml => submission::to_yaml_text(node),
            };
            crate::write::atomic_write(p, text.as_bytes())
                .map_err(|e| format!("{}: {e}", p.display()))?;
            eprintln!("wrote {}", p.display());
        }
        None => crate::write_stdout(&submission::to_yaml_text(node)),
    }
    Ok(())
}

fn linter(lang: Lang) -> Result<Linter, String> {
    crate::linter(naplint::Config {
        lang,
        ..naplint::Config::default()
    })
}

/// `naplint split REPORT --out DIR [--owner SECTION=CODE]...`
pub fn split(report: &Path, out: &Path, owners: &[String], lang: Lang) -> Result<ExitCode, String> {
    let linter = linter(lang)?;
    let text = safe_read::read_bounded_string(report, safe_read::limits::REPORT)
        .map_err(|e| e.to_string())?;
    let format = SourceFormat::from_path(&report.to_string_lossy());
    let mut pairs = Vec::new();
    for o in owners {
        let Some((section, code)) = o.split_once('=') else {
            return Err(format!("--owner `{o}`: write SECTION=CODE, e.g. trp=CIC"));
        };
        pairs.push((section.trim().to_owned(), code.trim().to_owned()));
    }
    let split = linter
        .split_report(&text, format, &pairs)
        .map_err(|errors| format!("{}: {}", report.display(), errors.join("\n  ")))?;
    let ext = match format {
        SourceFormat::Json => "json",
        SourceFormat::Yaml => "yaml",
    };
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut written = vec![(out.join(format!("base.{ext}")), &split.base)];
    for (code, node) in &split.submissions {
        written.push((
            out.join(format!("{}.{ext}", code.to_ascii_lowercase())),
            node,
        ));
    }
    for (path, node) in &written {
        write_node(Some(path), node)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `naplint assemble DIR [-o FILE]`: nothing is written while an error stands.
pub fn assemble(dir: &Path, output: Option<&Path>, lang: Lang) -> Result<ExitCode, String> {
    let linter = linter(lang)?;
    let set = read_dir(dir)?;
    let names = set.names();
    let checked = linter
        .assemble_submissions(&set.set_files(&names))
        .map_err(|e| format!("{}: {}", dir.display(), e.message(lang)))?;
    let shown = set.checked_files(names, checked.files.iter().cloned());
    if shown.iter().any(|c| !c.diagnostics.is_empty()) {
        eprint!("{}", crate::render::human::render(&shown, false, lang));
    }
    match (&checked.report, checked.blocking) {
        (Some(report), false) => {
            write_node(output, report)?;
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            eprintln!(
                "{}",
                match lang {
                    Lang::En => "naplint: nothing written: fix the errors above first",
                    Lang::Fr =>
                        "naplint : rien n'a été écrit : corrigez d'abord les erreurs ci-dessus",
                }
            );
            Ok(ExitCode::from(1))
        }
    }
}

/// `naplint template --department CODE --previous REPORT --fiscal-year YYYY/YY [-o FILE]`
pub fn template(
    department: &str,
    previous: &Path,
    fiscal_year: &str,
    output: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, String> {
    let linter = linter(lang)?;
    let text = safe_read::read_bounded_string(previous, safe_read::limits::REPORT)
        .map_err(|e| e.to_string())?;
    let format = SourceFormat::from_path(&previous.to_string_lossy());
    let node = linter
        .template(&text, format, department, fiscal_year)
        .map_err(|errors| format!("{}: {}", previous.display(), errors.join("\n  ")))?;
    write_node(output, &node)?;
    Ok(ExitCode::SUCCESS)
}
