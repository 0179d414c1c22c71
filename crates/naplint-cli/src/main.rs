//! `naplint`: the command-line shell around the core — files, configuration,
//! parallelism, renderers and `--fix` writes.

// A check allocates one small string per key and value; glibc's malloc and free were a
// third of its instructions, and contend across the threads checking files in parallel.
// mimalloc (thread-local free lists) is the usual remedy; the core stays allocator-neutral.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod baseline;
mod files;
mod manual;
mod render;
mod safe_read;
mod server;
mod submissions;
mod write;

use clap::{Parser, Subcommand, ValueEnum};
use files::Input;
use naplint::i18n::Text;
use naplint::{Lang, Linter};
use rayon::prelude::*;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "naplint",
    version,
    about = "Lint national action plan progress reports (JSON or YAML)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}

#[derive(Subcommand)]
enum Command {
    /// Check report files, directories (respecting .gitignore) or `-` for stdin.
    Check {
        /// Files or directories; `-` reads stdin.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Only these rule codes or prefixes (comma-separated): `P,R001`.
        #[arg(long, value_delimiter = ',')]
        select: Vec<String>,
        /// Never these rule codes or prefixes (comma-separated).
        #[arg(long, value_delimiter = ',')]
        ignore: Vec<String>,
        /// Configuration file; default: the nearest `naplint.toml` above each file.
        #[arg(long)]
        config: Option<PathBuf>,
        #[command(flatten)]
        trust: files::TrustArgs,
        /// Apply machine-applicable fixes in place.
        #[arg(long)]
        fix: bool,
        /// Baseline of accepted findings; default: `naplint-baseline.toml` beside each file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Write a baseline accepting every current finding (warnings and errors), then exit.
        #[arg(long)]
        write_baseline: bool,
        /// The previous year's report: also run the year-over-year rules (X001-X005).
        #[arg(long, value_name = "FILE")]
        previous: Option<PathBuf>,
        /// File name to report for stdin (also decides JSON or YAML).
        #[arg(long)]
        stdin_filename: Option<String>,
        /// Skip named files that are not reports (no `format_version` key), as a directory
        /// walk does; for pre-commit, which passes every JSON and YAML file.
        #[arg(long)]
        reports_only: bool,
        /// Language of messages: en or fr (default: NAPLINT_LANG, then `lang` in naplint.toml).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Colour: auto (terminal, unless NO_COLOR is set), always or never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// List every rule, with the project's own rules from `naplint.toml`.
    Rules {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Language of the summaries: en or fr.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        #[command(flatten)]
        project: ProjectArgs,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule code (`P005`) or name (`invalid-fiscal-year`).
        code: String,
        /// Language of the documentation: en or fr.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        #[command(flatten)]
        project: ProjectArgs,
    },
    /// Split a report into a base and one submission per department.
    Split {
        /// The report to split.
        report: PathBuf,
        /// Directory to write `base.*` and one `<department>.*` per department into.
        #[arg(long)]
        out: PathBuf,
        /// Give a statistics section whose entries name no department to one
        /// (`trp=CIC`); default: the plan's coordinator. Repeatable.
        #[arg(long, value_name = "SECTION=CODE")]
        owner: Vec<String>,
        /// Language of messages: en or fr.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Assemble a directory's base and submissions into the report.
    Assemble {
        /// Directory holding the base and the submissions.
        dir: PathBuf,
        /// Report file to write (JSON or YAML by its extension); default: YAML on stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Language of messages: en or fr.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Write next year's submission of a department, pre-filled from last year's report.
    Template {
        /// Department code, from the report's registry.
        #[arg(long)]
        department: String,
        /// Last year's report.
        #[arg(long, value_name = "REPORT")]
        previous: PathBuf,
        /// The new fiscal year, `YYYY/YY`.
        #[arg(long, value_name = "YYYY/YY")]
        fiscal_year: String,
        /// Submission file to write (JSON or YAML by its extension); default: YAML on stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Language of messages: en or fr.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Run the language server over stdio (diagnostics, fixes as code actions, hover docs).
    Server {
        /// Language of messages: en or fr (default: NAPLINT_LANG, then `lang` in
        /// naplint.toml, then the editor's locale).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Configuration file for every document; default: the nearest `naplint.toml`.
        #[arg(long)]
        config: Option<PathBuf>,
        #[command(flatten)]
        trust: files::TrustArgs,
    },
    /// Print a shell completion script: `naplint completions bash > /etc/bash_completion.d/naplint`.
    Completions {
        /// bash, elvish, fish, powershell or zsh.
        shell: clap_complete::Shell,
    },
    /// Write the manual pages (`naplint.1`, `naplint-check.1`, ...) into a directory, for
    /// packagers; `cargo xtask man` runs it.
    ManPages {
        /// Directory to write the pages into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print the report JSON Schema, or write it into a directory.
    Schema {
        /// Directory to write `report.schema.json` into.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// `--config` and the trust flags of `naplint rules` and `naplint explain`.
#[derive(clap::Args)]
struct ProjectArgs {
    /// Configuration file; default: the nearest `naplint.toml` above the current directory.
    #[arg(long)]
    config: Option<PathBuf>,
    #[command(flatten)]
    trust: files::TrustArgs,
}

impl ProjectArgs {
    /// The project's linter: the configuration found from the current directory (or
    /// named), with no rule selection.
    fn linter(&self, lang: Option<Lang>) -> Result<std::sync::Arc<Linter>, String> {
        files::Configs::new_in(
            self.config.as_deref(),
            &[],
            &[],
            language(lang)?,
            self.trust.trust()?,
        )?
        .linter_for(&Input::Stdin)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = message_lang(&cli.command);
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{}", ERROR.render(lang, &[("message", &message)]));
            ExitCode::from(2)
        }
    }
}

/// How naplint's own errors begin on standard error.
const ERROR: Text = Text::new("naplint: error: {message}", "naplint : erreur : {message}");

/// The language of the run's own errors: the command's `--lang`, else `NAPLINT_LANG`,
/// else English (an error can come before any configuration is read).
fn message_lang(command: &Command) -> Lang {
    let flag = match command {
        Command::Check { lang, .. }
        | Command::Rules { lang, .. }
        | Command::Explain { lang, .. }
        | Command::Split { lang, .. }
        | Command::Assemble { lang, .. }
        | Command::Template { lang, .. }
        | Command::Server { lang, .. } => *lang,
        _ => None,
    };
    language(flag).ok().flatten().unwrap_or_default()
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Rules {
            json,
            lang,
            project,
        } => {
            let linter = project.linter(lang)?;
            let out = if json {
                render::rules_json(linter.rules())
            } else {
                render::rules_table(linter.rules(), linter.config().lang)
            };
            write_stdout(&out);
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain {
            code,
            lang,
            project,
        } => {
            let linter = project.linter(lang)?;
            match linter.explain(&code) {
                Some(page) => {
                    write_stdout(&page);
                    Ok(ExitCode::SUCCESS)
                }
                None => Err(format!("unknown rule `{code}`; `naplint rules` lists them")),
            }
        }
        Command::Split {
            report,
            out,
            owner,
            lang,
        } => submissions::split(&report, &out, &owner, language(lang)?.unwrap_or_default()),
        Command::Assemble { dir, output, lang } => {
            submissions::assemble(&dir, output.as_deref(), language(lang)?.unwrap_or_default())
        }
        Command::Template {
            department,
            previous,
            fiscal_year,
            output,
            lang,
        } => submissions::template(
            &department,
            &previous,
            &fiscal_year,
            output.as_deref(),
            language(lang)?.unwrap_or_default(),
        ),
        Command::Server {
            lang,
            config,
            trust,
        } => {
            server::run(server::Options {
                lang: language(lang)?,
                config,
                trust: trust.trust()?,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let script = manual::completions(<Cli as clap::CommandFactory>::command(), shell);
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&script);
            let _ = stdout.flush();
            Ok(ExitCode::SUCCESS)
        }
        Command::ManPages { out } => {
            for path in manual::man_pages(<Cli as clap::CommandFactory>::command(), &out)? {
                eprintln!("wrote {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { out } => {
            let text = naplint::schema::report_schema_text();
            match out {
                Some(dir) => {
                    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                    let path = dir.join("report.schema.json");
                    write::atomic_write(&path, text.as_bytes())
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    eprintln!("wrote {}", path.display());
                }
                None => write_stdout(&text),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            paths,
            format,
            select,
            ignore,
            config,
            trust,
            fix,
            previous,
            baseline,
            write_baseline,
            stdin_filename,
            reports_only,
            lang,
            color,
        } => {
            let trust = trust.trust()?;
            let mut inputs = files::discover_in(&paths, &trust)?;
            if reports_only {
                inputs.retain(|i| !matches!(i, Input::File(p) if !files::looks_like_report(p)));
                if inputs.is_empty() {
                    return Ok(ExitCode::SUCCESS);
                }
            }
            if inputs.is_empty() {
                return Err("no report files found (looked for *.json, *.yaml, *.yml holding `format_version`)".to_owned());
            }
            let lang = language(lang)?;
            let configs = files::Configs::new_in(config.as_deref(), &select, &ignore, lang, trust)?;
            let previous = previous
                .as_deref()
                .map(|p| files::read_previous(p, configs.lang()))
                .transpose()?;
            let mut stdin_text = None;
            if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
                stdin_text = Some(safe_read::read_stream_bounded(
                    "stdin",
                    std::io::stdin(),
                    safe_read::limits::REPORT,
                )?);
            }
            // Each file is read once, in parallel: a base or a submission is set aside for
            // its set, any other is checked there and then.
            let run = files::CheckRun {
                stdin: stdin_text.as_deref(),
                stdin_name: stdin_filename.as_deref(),
                fix,
                previous: previous.as_ref(),
                keep_text: format == Format::Human,
            };
            let outcomes: Vec<files::Outcome> = inputs
                .par_iter()
                .map(|input| files::read_and_check(&configs, input, &run))
                .collect();
            let mut results = Vec::new();
            let mut members = Vec::new();
            for outcome in outcomes {
                match outcome {
                    files::Outcome::Checked(r) => results.push(r),
                    files::Outcome::Member(path, text) => members.push((path, text)),
                }
            }
            let sets = submissions::group(members);
            let mut checked = Vec::new();
            let mut failures = Vec::new();
            // Submission sets: each file's findings, from the set and the assembled report.
            for set in &sets {
                let linter = configs.linter_for(&Input::File(set.dir.join("naplint.toml")))?;
                match submissions::check_set_fixing(&linter, set, previous.as_ref(), fix) {
                    Ok(files) => checked.extend(files),
                    Err(e) => failures.push(e),
                }
            }
            for r in results {
                match r {
                    Ok(c) => checked.push(c),
                    Err(e) => failures.push(e),
                }
            }
            if write_baseline {
                eprint!(
                    "{}",
                    baseline::write(&checked, baseline.as_deref(), configs.lang())?
                );
                return Ok(ExitCode::SUCCESS);
            }
            let base_config = configs.linter_for(&Input::Stdin)?.config().clone();
            let baseline_findings =
                baseline::apply(&mut checked, baseline.as_deref(), &base_config, &configs)?;
            checked.extend(baseline_findings);
            let colour = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                // A terminal, unless NO_COLOR (or CLICOLOR=0, TERM=dumb) says otherwise.
                ColorChoice::Auto => anstream::AutoStream::choice(&std::io::stdout())
                    .ne(&anstream::ColorChoice::Never),
            };
            let output = match format {
                Format::Human => render::human::render(&checked, colour, base_config.lang),
                Format::Json => render::json(&checked),
                Format::Sarif => {
                    render::sarif::render(&checked, &configs.all_rules(), base_config.lang)
                }
                Format::Github => render::github(&checked),
                Format::Junit => render::junit(&checked),
            };
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(output.as_bytes());
            let _ = stdout.flush();
            for f in &failures {
                eprintln!("{}", ERROR.render(base_config.lang, &[("message", f)]));
            }
            let errors = checked
                .iter()
                .flat_map(|c| &c.diagnostics)
                .any(|d| d.severity == naplint::Severity::Error);
            Ok(if !failures.is_empty() {
                ExitCode::from(2)
            } else if errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// Writes to standard output; a closed pipe (`naplint rules | head`) is not an error.
fn write_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s)
        .ok_or_else(|| format!("`{s}` is not a language naplint speaks: use `en` or `fr`"))
}

/// `--lang`, else `NAPLINT_LANG`, else none (the configuration file decides).
fn language(flag: Option<Lang>) -> Result<Option<Lang>, String> {
    match (flag, std::env::var("NAPLINT_LANG")) {
        (Some(l), _) => Ok(Some(l)),
        (None, Ok(v)) if !v.is_empty() => parse_lang(&v)
            .map(Some)
            .map_err(|e| format!("NAPLINT_LANG: {e}")),
        _ => Ok(None),
    }
}

/// Builds a linter; the embedded schema always compiles (a core test proves it).
fn linter(config: naplint::Config) -> Result<Linter, String> {
    let lang = config.lang;
    Linter::new(config).map_err(|e| e.message(lang))
}
