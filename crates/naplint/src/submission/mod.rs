//! Department submissions: a report split into a base and one submission per
//! department, assembled back, and checked as a set (SPEC section 2, "Submissions").
//!
//! Pure like the rest of the core: the texts of the files come in, the assembled report,
//! where each of its values came from, and each file's diagnostics go out. Every finding
//! of the assembled report is located in the file and line where its value was written,
//! through the [`Provenance`] built while assembling.

mod assemble;
mod split;
mod tree;

pub use assemble::{Origin, Provenance};
pub use tree::{to_json_text, to_yaml_text};

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Plural, Text};
use crate::model::Report;
use crate::rules::assembly::{self as rules, Assembly, FileFinding, Part};
use crate::source::{self, Node, Pointer, SourceFormat};
use crate::Linter;
use std::collections::HashSet;

/// What a file of a submission set is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A report document with `kind: base`.
    Base,
    /// A document with `kind: submission`.
    Submission,
    /// Any other report document.
    Report,
}

/// What a file is, by its top-level `kind`. A file that does not parse is recognised by
/// its text, so that a truncated submission is still checked (and reported) as one.
#[must_use]
pub fn role(text: &str, format: SourceFormat) -> Option<Role> {
    let loaded = source::load(text, format);
    if let Some(root) = loaded.root.as_ref() {
        return match root.get("kind").and_then(Node::as_str) {
            Some("base") => Some(Role::Base),
            Some("submission") => Some(Role::Submission),
            _ if root.get("format_version").is_some() => Some(Role::Report),
            _ => None,
        };
    }
    let head: String = text.chars().take(4096).collect();
    let said = |word: &str| {
        head.lines().any(|l| {
            let l = l.trim().trim_start_matches(['{', ',']).trim();
            (l.starts_with("\"kind\"") || l.starts_with("kind:")) && l.contains(word)
        })
    };
    if said("submission") {
        Some(Role::Submission)
    } else if said("base") {
        Some(Role::Base)
    } else if head.contains("format_version") {
        Some(Role::Report)
    } else {
        None
    }
}

/// One file of a submission set.
#[derive(Debug, Clone, Copy)]
pub struct SetFile<'a> {
    /// The name findings in other files use for it (its path).
    pub name: &'a str,
    pub text: &'a str,
    pub format: SourceFormat,
}

/// Why a set of files cannot be assembled at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetError {
    /// No file has `kind: base`.
    NoBase,
    /// Several files have `kind: base`: their names.
    SeveralBases(Vec<String>),
}

// The messages of splitting and assembling, in both languages.
crate::texts! {
    NO_BASE = "no base: one file with `kind: base` must hold the coordinator's part (`naplint split` writes it)" / "aucune base : un fichier avec `kind: base` doit contenir la partie de la coordination (`naplint split` l'écrit)";
    SEVERAL_BASES = "{count} files have `kind: base` ({files}); a set has exactly one" / "{count} fichiers ont `kind: base` ({files}); un ensemble en a exactement un";
    BAD_SECTION = "`{section}` is not a section an owner can be given: use trp, court_cases, investigations or outreach" / "`{section}` n'est pas une section à laquelle attribuer un propriétaire : utilisez trp, court_cases, investigations ou outreach";
    UNKNOWN_DEPARTMENT = "department `{code}` is not in the report's registry of departments{suggestion}" / "le ministère `{code}` n'est pas dans le registre des ministères du rapport{suggestion}";
    DID_YOU_MEAN = ": did you mean `{code}`?" / " : vouliez-vous dire `{code}`?";
    NO_OWNER = "entry {n} of `{section}` names no department and the plan has no coordinator: give its section an owner (`--owner {section}=CODE`)" / "l'entrée {n} de `{section}` ne nomme aucun ministère et le plan n'a pas de coordination : donnez un propriétaire à sa section (`--owner {section}=CODE`)";
    BAD_YEAR = "`{year}` is not a fiscal year: write `YYYY/YY` with consecutive years, e.g. `2014/15`" / "`{year}` n'est pas un exercice : écrivez `AAAA/AA` avec des années consécutives, p. ex. `2014/15`";
    NOT_A_BASE_INPUT = "this file is a {kind}, not a report" / "ce fichier est une {kind}, pas un rapport";
}

impl SetError {
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::NoBase => NO_BASE.get(lang).to_owned(),
            Self::SeveralBases(files) => SEVERAL_BASES.render(
                lang,
                &[
                    ("count", &files.len().to_string()),
                    ("files", &files.join(", ")),
                ],
            ),
        }
    }
}

/// The outcome of checking or assembling a set.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Each file's diagnostics, in the order of the files given.
    pub files: Vec<Vec<Diagnostic>>,
    /// The assembled report, unless the base could not be read.
    pub report: Option<Node>,
    /// Where each value of `report` came from.
    pub provenance: Provenance,
    /// An error stands that makes the assembly untrustworthy: a file that cannot be read
    /// or does not match its schema (S), or an A rule error. `naplint assemble` writes
    /// nothing then. Findings of the assembled report itself (P, M, R, X) do not block.
    pub blocking: bool,
}

/// How much of the set to check.
#[derive(Clone, Copy)]
struct Mode {
    /// The set is every submission (A004 applies).
    whole: bool,
    /// Run the report rules on the assembled report.
    report_rules: bool,
}

impl Linter {
    /// Checks a set: each file's shape, each submission alone (with the base), the A rules
    /// and the assembled report, every finding in the file and line it is about.
    ///
    /// # Errors
    /// No base, or more than one.
    pub fn check_submissions(
        &self,
        files: &[SetFile<'_>],
        previous: Option<&Report>,
    ) -> Result<Checked, SetError> {
        self.run_set(
            files,
            previous,
            Mode {
                whole: true,
                report_rules: true,
            },
            None,
        )
    }

    /// Assembles a set: the report, and the S and A diagnostics of each file (what blocks
    /// writing it).
    ///
    /// # Errors
    /// No base, or more than one.
    pub fn assemble_submissions(&self, files: &[SetFile<'_>]) -> Result<Checked, SetError> {
        self.run_set(
            files,
            None,
            Mode {
                whole: true,
                report_rules: false,
            },
            None,
        )
    }

    /// Checks one department's submission against the base, with whichever other
    /// submissions are at hand (A001 needs the co-leads'); the diagnostics are the
    /// submission's.
    ///
    /// # Errors
    /// The base is not a base.
    pub fn check_submission(
        &self,
        submission: SetFile<'_>,
        base: SetFile<'_>,
        others: &[SetFile<'_>],
    ) -> Result<Vec<Diagnostic>, SetError> {
        let mut files = vec![base, submission];
        files.extend_from_slice(others);
        if role(base.text, base.format) != Some(Role::Base) {
            return Err(SetError::NoBase);
        }
        let checked = self.run_set(
            &files,
            None,
            Mode {
                whole: false,
                report_rules: true,
            },
            Some(1),
        )?;
        Ok(checked.files.into_iter().nth(1).unwrap_or_default())
    }

    #[allow(clippy::too_many_lines)]
    fn run_set(
        &self,
        files: &[SetFile<'_>],
        previous: Option<&Report>,
        mode: Mode,
        focus: Option<usize>,
    ) -> Result<Checked, SetError> {
        let mut roles: Vec<Option<Role>> = files.iter().map(|f| role(f.text, f.format)).collect();
        // The focus of a form is its submission, whatever it says.
        if let Some(slot) = focus.and_then(|i| roles.get_mut(i)) {
            if *slot != Some(Role::Base) {
                *slot = Some(Role::Submission);
            }
        }
        let bases: Vec<usize> = (0..files.len())
            .filter(|i| roles.get(*i) == Some(&Some(Role::Base)))
            .collect();
        let base_file = match bases.as_slice() {
            [] => return Err(SetError::NoBase),
            [one] => *one,
            many => {
                return Err(SetError::SeveralBases(
                    many.iter()
                        .filter_map(|i| files.get(*i).map(|f| f.name.to_owned()))
                        .collect(),
                ))
            }
        };
        let mut out: Vec<Vec<Diagnostic>> = vec![Vec::new(); files.len()];
        let mut loaded = Vec::with_capacity(files.len());
        let mut complete = true;
        for (i, f) in files.iter().enumerate() {
            let is_base = i == base_file;
            let (l, d) = self.check_shape(f.text, f.format, !is_base);
            if let Some(slot) = out.get_mut(i) {
                *slot = d;
            }
            loaded.push(l);
        }
        let base_doc = loaded.get(base_file).and_then(|l| {
            let root = l.root.as_ref()?;
            source::from_node::<Report>(root, l.has_duplicate_keys()).ok()
        });
        let docs: Vec<(usize, rules::Head)> = loaded
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != base_file && roles.get(*i) != Some(&Some(Role::Report)))
            .filter_map(|(i, l)| {
                let doc = l.root.as_ref().and_then(rules::Head::read);
                if doc.is_none() {
                    complete = false;
                }
                doc.map(|d| (i, d))
            })
            .collect();
        let Some(base) = base_doc else {
            return Ok(Checked {
                files: out,
                report: None,
                provenance: Provenance::default(),
                blocking: true,
            });
        };
        let base_root = loaded
            .get(base_file)
            .and_then(|l| l.root.as_ref())
            .cloned()
            .unwrap_or_else(|| tree::object(Vec::new()));
        let parts: Vec<Part<'_>> = docs
            .iter()
            .filter_map(|(i, doc)| {
                Some(Part {
                    file: *i,
                    name: files.get(*i)?.name,
                    root: loaded.get(*i)?.root.as_ref()?,
                    doc,
                })
            })
            .collect();
        let line_in = |file: usize, p: &Pointer| -> usize {
            let (Some(l), Some(f)) = (loaded.get(file), files.get(file)) else {
                return 0;
            };
            let at = l
                .root
                .as_ref()
                .map_or(0, |r| source::locate_pointer(r, p).value.start());
            l.lines.position(f.text, at).line
        };
        let ctx = Assembly {
            base: &base,
            base_file,
            parts: &parts,
            complete,
            whole: mode.whole,
            lang: self.config().lang,
            line_of: &line_in,
        };
        let mut found: Vec<FileFinding> = Vec::new();
        let mut codes: Vec<&str> = Vec::new();
        for (code, check) in rules::CHECKS {
            if self.enabled(code) {
                let before = found.len();
                check(&ctx, &mut found);
                codes.extend(std::iter::repeat_n(*code, found.len() - before));
            }
        }
        for (i, slot) in out.iter_mut().enumerate() {
            let mine: Vec<(&str, crate::rules::Finding)> = found
                .iter()
                .zip(&codes)
                .filter(|(f, _)| f.file == i)
                .map(|(f, c)| (*c, f.finding.clone()))
                .collect();
            if mine.is_empty() {
                continue;
            }
            let (Some(f), Some(l)) = (files.get(i), loaded.get(i)) else {
                continue;
            };
            slot.extend(self.locate_findings(f.text, l, mine));
        }

        let eligible = rules::eligible(&base, &parts);
        let (report, provenance) =
            assemble::assemble(&base_root, &base, base_file, &parts, &eligible, None);
        if mode.report_rules {
            let mut seen: Vec<HashSet<(String, String, String)>> = out
                .iter()
                .map(|ds| {
                    ds.iter()
                        .map(|d| (d.code.clone(), d.pointer.clone(), d.message.clone()))
                        .collect()
                })
                .collect();
            let mut in_whole: HashSet<(String, String, String)> = HashSet::new();
            let mut run = |text: &str, prov: &Provenance, only: Option<usize>| {
                let line_map = |p: &Pointer| {
                    let o = prov.origin(p.as_str());
                    line_in(o.file, &o.pointer)
                };
                let diagnostics =
                    self.check_inner(text, SourceFormat::Json, previous, Some(&line_map));
                for d in diagnostics {
                    // A finding of the whole is not repeated by a submission alone (a
                    // co-led deliverable's finding stays in its first lead's file).
                    let whole_key = (d.code.clone(), d.pointer.clone(), d.message.clone());
                    if only.is_none() {
                        in_whole.insert(whole_key);
                    } else if in_whole.contains(&whole_key) {
                        continue;
                    }
                    let (file, d) = relocate(d, prov, files, &loaded);
                    if only.is_some_and(|o| o != file) {
                        continue;
                    }
                    let key = (d.code.clone(), d.pointer.clone(), d.message.clone());
                    if seen.get_mut(file).is_some_and(|s| s.insert(key)) {
                        if let Some(slot) = out.get_mut(file) {
                            slot.push(d);
                        }
                    }
                }
            };
            let whole = to_json_text(&report);
            run(&whole, &provenance, None);
            // Each submission on its own terms: its values first where co-leads give
            // others, so that a value the first lead's masks is still checked.
            for (j, part) in parts.iter().enumerate() {
                if !eligible.get(j).copied().unwrap_or(false)
                    || focus.is_some_and(|f| f != part.file)
                {
                    continue;
                }
                let (alone, prov) = assemble::assemble(
                    &base_root,
                    &base,
                    base_file,
                    &parts,
                    &eligible,
                    Some(part.file),
                );
                // The same values as the whole: the same findings, already reported.
                let text = to_json_text(&alone);
                if text != whole {
                    run(&text, &prov, Some(part.file));
                }
            }
        }
        for ds in &mut out {
            ds.sort_by(|a, b| {
                (a.span.0, &a.code, &a.pointer).cmp(&(b.span.0, &b.code, &b.pointer))
            });
        }
        let blocking = out.iter().flatten().any(|d| {
            d.severity == Severity::Error && (d.code.starts_with('S') || d.code.starts_with('A'))
        });
        Ok(Checked {
            files: out,
            report: Some(report),
            provenance,
            blocking,
        })
    }
}

/// Moves a diagnostic of the assembled report to the file and place its value came from.
fn relocate(
    mut d: Diagnostic,
    prov: &Provenance,
    files: &[SetFile<'_>],
    loaded: &[source::Loaded],
) -> (usize, Diagnostic) {
    let origin = prov.origin(&d.pointer);
    let (Some(f), Some(l)) = (files.get(origin.file), loaded.get(origin.file)) else {
        return (origin.file, d);
    };
    let span = l
        .root
        .as_ref()
        .map(|r| source::locate_pointer(r, &origin.pointer).value)
        .unwrap_or_default();
    let start = l.lines.position(f.text, span.start());
    let end = l.lines.position(f.text, span.end());
    d.pointer = origin.pointer.as_str().to_owned();
    d.line = start.line;
    d.column = start.column;
    d.end_line = end.line;
    d.end_column = end.column;
    d.span = (span.start(), span.end());
    d.utf16_columns = (start.column_utf16, end.column_utf16);
    d.fix = d.fix.and_then(|mut fix| {
        let o = prov.origin(&fix.pointer);
        (o.file == origin.file).then(|| {
            fix.pointer = o.pointer.as_str().to_owned();
            fix
        })
    });
    d.related = d
        .related
        .into_iter()
        .map(|r| {
            let o = prov.origin(&r);
            if o.file == origin.file {
                o.pointer.as_str().to_owned()
            } else {
                let name = files.get(o.file).map_or("", |f| f.name);
                format!("{name}#{}", o.pointer.as_str())
            }
        })
        .collect();
    (origin.file, d)
}

/// A report split into its base and one submission per department.
#[derive(Debug, Clone)]
pub struct Split {
    pub base: Node,
    /// `(department code, submission)`, in the order of the registry.
    pub submissions: Vec<(String, Node)>,
}

const NOT_A_REPORT: Plural = Plural::new(
    Text::new(
        "the report cannot be read into the model ({n} problem); `naplint check` it first",
        "le rapport ne peut pas être lu dans le modèle ({n} problème) ; vérifiez-le d'abord avec `naplint check`",
    ),
    Text::new(
        "the report cannot be read into the model ({n} problems); `naplint check` it first",
        "le rapport ne peut pas être lu dans le modèle ({n} problèmes) ; vérifiez-le d'abord avec `naplint check`",
    ),
);

/// Reads a report for split or template: its tree and model, or why not.
fn read_report(
    linter: &Linter,
    text: &str,
    format: SourceFormat,
) -> Result<(Node, Report), Vec<String>> {
    let lang = linter.config().lang;
    match role(text, format) {
        Some(Role::Base) => {
            return Err(vec![NOT_A_BASE_INPUT.render(lang, &[("kind", "base")])]);
        }
        Some(Role::Submission) => {
            return Err(vec![
                NOT_A_BASE_INPUT.render(lang, &[("kind", "submission")])
            ]);
        }
        _ => {}
    }
    let (loaded, diagnostics) = linter.check_shape(text, format, false);
    let report = loaded
        .root
        .as_ref()
        .and_then(|r| source::from_node::<Report>(r, loaded.has_duplicate_keys()).ok());
    let fatal: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.code == "S003" || d.code == "S004")
        .collect();
    match (loaded.root, report) {
        (Some(root), Some(report)) if fatal.is_empty() => Ok((root, report)),
        _ => {
            let mut out = vec![NOT_A_REPORT.render(diagnostics.len().max(1), lang)];
            out.extend(
                diagnostics
                    .iter()
                    .take(5)
                    .map(|d| format!("{}:{}: {} {}", d.line, d.column, d.code, d.message)),
            );
            Err(out)
        }
    }
}

fn unknown_department(report: &Report, code: &str, lang: Lang) -> String {
    let suggestion =
        crate::suggest::closest(code, report.departments.iter().map(|d| d.code.as_str()))
            .or_else(|| {
                report
                    .departments
                    .iter()
                    .find(|d| {
                        d.aliases.iter().chain(d.label.as_ref()).any(|a| {
                            crate::suggest::normalise(a) == crate::suggest::normalise(code)
                        })
                    })
                    .map(|d| d.code.as_str())
            })
            .map(|c| DID_YOU_MEAN.render(lang, &[("code", c)]))
            .unwrap_or_default();
    UNKNOWN_DEPARTMENT.render(lang, &[("code", code), ("suggestion", &suggestion)])
}

impl Linter {
    /// Splits a report into a base and one submission per department with a part in it.
    /// `owners` gives sections whose entries name no department to a department
    /// (`("trp", "CIC")`); the others go to the plan's coordinator.
    ///
    /// # Errors
    /// The report cannot be read, an owner is not a known section or department, or an
    /// entry has no owner at all.
    pub fn split_report(
        &self,
        text: &str,
        format: SourceFormat,
        owners: &[(String, String)],
    ) -> Result<Split, Vec<String>> {
        let lang = self.config().lang;
        let (root, mut report) = read_report(self, text, format)?;
        let mut errors = Vec::new();
        let mut owner_node = root.get("owners").cloned();
        for (section, code) in owners {
            if !["trp", "court_cases", "investigations", "outreach"].contains(&section.as_str()) {
                errors.push(BAD_SECTION.render(lang, &[("section", section)]));
                continue;
            }
            if !report.has_department(code) {
                errors.push(unknown_department(&report, code, lang));
                continue;
            }
            let node = owner_node.get_or_insert_with(|| tree::object(Vec::new()));
            tree::set_ordered(
                node,
                section,
                tree::string(code),
                &["trp", "court_cases", "investigations", "outreach"],
            );
        }
        if let Some(node) = &owner_node {
            report.owners = source::from_node(node, false).ok();
        }
        // Every entry has an owner the registry knows.
        for list in crate::model::List::ALL {
            let (_, entries) = rules::a002_not_a_lead::list_of(&root, list);
            for (i, e) in entries.iter().enumerate() {
                let named = list
                    .owner_field()
                    .and_then(|f| e.get(f))
                    .and_then(Node::as_str);
                match report.entry_owner(list, named) {
                    None => errors.push(NO_OWNER.render(
                        lang,
                        &[("n", &(i + 1).to_string()), ("section", list.key())],
                    )),
                    Some(code) if !report.has_department(code) => {
                        errors.push(unknown_department(&report, code, lang));
                    }
                    Some(_) => {}
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let base = split::base_of(&root, &report, owner_node);
        let fiscal_year = report.report.fiscal_year.as_str().to_owned();
        let submissions = report
            .departments
            .iter()
            .map(|d| d.code.as_str())
            .filter(|code| split::has_part(&report, code))
            .map(|code| {
                (
                    code.to_owned(),
                    split::submission_of(&root, &report, code, &fiscal_year),
                )
            })
            .collect();
        Ok(Split { base, submissions })
    }

    /// Next year's submission of one department, pre-filled with what the previous
    /// report says about everything it leads and owns.
    ///
    /// # Errors
    /// The report cannot be read, the department is not in its registry, or the fiscal
    /// year is malformed.
    pub fn template(
        &self,
        previous: &str,
        format: SourceFormat,
        department: &str,
        fiscal_year: &str,
    ) -> Result<Node, Vec<String>> {
        let lang = self.config().lang;
        let year = crate::model::FiscalYear(fiscal_year.into());
        let well_formed = fiscal_year.len() == 7
            && fiscal_year.get(4..5) == Some("/")
            && year.start_year().is_some();
        if !well_formed {
            return Err(vec![BAD_YEAR.render(lang, &[("year", fiscal_year)])]);
        }
        let (root, report) = read_report(self, previous, format)?;
        if !report.has_department(department) {
            return Err(vec![unknown_department(&report, department, lang)]);
        }
        Ok(split::submission_of(
            &root,
            &report,
            department,
            fiscal_year,
        ))
    }
}
