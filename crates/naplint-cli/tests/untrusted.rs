//! A pull request chooses what is in the checked tree: `naplint.toml`, the rule files it
//! names, baselines and reports. None of it may make naplint read outside the project,
//! read without bound, block, or print a file that is not the project's (issue 14).
//!
//! Every case runs the binary with a bounded wait (the child is killed and the test fails
//! if it has not finished in [`HANG`]), plants a canary in the file it must not read, and
//! asserts the exit code and that the canary appears in neither output.

mod common;

use common::{fixture, naplint_in};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longer than any honest run on a loaded machine; only a hang gets there.
const HANG: Duration = Duration::from_secs(20);

/// How naplint refuses a path that leads out of the checked tree.
const OUTSIDE: &str = "outside the project root";

/// What a test must never see in naplint's output.
const CANARY: &str = "CANARY-d41d8cd98f00b204";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    fn assert_no_canary(&self) {
        assert!(
            !self.all().contains(CANARY),
            "the refused file's content was printed:\n{}",
            self.all()
        );
    }

    /// Asserts the exit code, that the canary is printed nowhere and that stderr holds
    /// every one of `needles`.
    fn expect(self, code: i32, needles: &[&str]) -> Self {
        assert_eq!(self.code, code, "{}", self.all());
        self.assert_no_canary();
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "{needle:?} in:\n{}",
                self.stderr
            );
        }
        self
    }

    /// [`Run::expect`] for a refusal: exit code 2.
    fn refused(self, needles: &[&str]) -> Self {
        self.expect(2, needles)
    }
}

/// Reads a child's pipe to the end on its own thread, so neither pipe can fill and block.
fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn naplint(args: &[&str], cwd: &Path) -> Run {
    let mut child = naplint_in(cwd)
        .args(args)
        .env("NAPLINT_TEST_SECRET", CANARY)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = drain(child.stdout.take().unwrap());
    let err = drain(child.stderr.take().unwrap());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("naplint {args:?} did not finish within {HANG:?}: it hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// A workspace: `outside/` holds secrets, `project/` is the checked tree with one report
/// that has an error (so a run that ignores the configuration exits 1).
struct Tree {
    _dir: tempfile::TempDir,
    outside: PathBuf,
    project: PathBuf,
}

fn tree() -> Tree {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside");
    let project = dir.path().join("project");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(project.join("rules")).unwrap();
    // Invalid TOML whose error, were the file read, would quote the canary line.
    std::fs::write(
        outside.join("secret.toml"),
        format!("token = {CANARY} and more\n"),
    )
    .unwrap();
    std::fs::copy(fixture("R001/fail.json"), project.join("report.json")).unwrap();
    Tree {
        outside,
        project,
        _dir: dir,
    }
}

impl Tree {
    /// naplint run in the project.
    fn run(&self, args: &[&str]) -> Run {
        naplint(args, &self.project)
    }

    /// `naplint check report.json` in the project.
    fn check(&self) -> Run {
        self.run(&["check", "report.json"])
    }

    /// Writes a file of the project, and the directories it is in.
    fn file(&self, path: &str, text: &str) {
        let path = self.project.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        write(&path, text);
    }

    /// The report with an error, copied to `path` in the project.
    fn report(&self, path: &str) {
        self.file(
            path,
            &std::fs::read_to_string(fixture("R001/fail.json")).unwrap(),
        );
    }

    /// Writes the project's `naplint.toml`.
    fn config(&self, toml: &str) {
        self.file("naplint.toml", toml);
    }

    /// A rule file of the project, and a `naplint.toml` naming it.
    fn own_rule_file(&self, path: &str, text: &str) {
        self.file(path, text);
        self.rule_file(path);
    }

    /// A `naplint.toml` naming one rule file.
    fn rule_file(&self, entry: &str) {
        self.config(&format!("rule_files = [\"{entry}\"]\n"));
    }

    /// Removes a file of the project.
    fn remove(&self, path: &str) {
        std::fs::remove_file(self.project.join(path)).unwrap();
    }

    /// A symlink at `link` in the project to `target`.
    #[cfg(unix)]
    fn link(&self, target: &Path, link: &str) {
        std::os::unix::fs::symlink(target, self.project.join(link)).unwrap();
    }

    /// A `naplint.toml` naming one rule file, a symlink to `target`.
    #[cfg(unix)]
    fn linked_rule_file(&self, target: &Path, link: &str) {
        self.link(target, link);
        self.rule_file(link);
    }

    /// A FIFO at `path` in the project.
    #[cfg(unix)]
    fn fifo(&self, path: &str) {
        let path = self.project.join(path);
        let status = Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(status.success(), "mkfifo {}", path.display());
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn an_absolute_rule_file_is_refused_with_its_line() {
    let t = tree();
    let secret = t.outside.join("secret.toml");
    t.config(&format!(
        "tolerance = 0.05\nrule_files = [\n  \"{}\",\n]\n",
        secret.display()
    ));
    t.check()
        .refused(&["naplint.toml:3: rule_files entry", "absolute"]);
}

#[test]
fn proc_self_environ_is_never_read() {
    let t = tree();
    t.rule_file("/proc/self/environ");
    t.check().refused(&["naplint.toml:1:"]);
    // The same file through a symlink inside the tree.
    #[cfg(unix)]
    {
        t.linked_rule_file(Path::new("/proc/self/environ"), "rules/env.toml");
        t.check().refused(&[OUTSIDE]);
    }
}

#[test]
fn a_rule_file_that_climbs_out_with_dot_dot_is_refused() {
    let t = tree();
    t.rule_file("rules/../../outside/secret.toml");
    t.check().refused(&[
        "naplint.toml:1: rule_files entry `rules/../../outside/secret.toml`",
        OUTSIDE,
    ]);
}

#[test]
fn a_report_over_the_limit_is_not_read() {
    let t = tree();
    // Sparse: 300 MiB long, nothing on disk; refused from its size before any read.
    let big = std::fs::File::create(t.project.join("big.json")).unwrap();
    big.set_len(300 * 1024 * 1024).unwrap();
    drop(big);
    t.run(&["check", "big.json"])
        .refused(&["big.json: more than the limit of 268435456 bytes"]);
}

#[test]
fn a_parse_error_quotes_one_line_cut_at_a_sane_width() {
    let t = tree();
    let long = "x".repeat(100_000);
    t.own_rule_file(
        "rules/long.toml",
        &format!("[[rule]]\ncode = \"U001\"\ncheck = {long}\n"),
    );
    let r = t.check().refused(&["rules/long.toml:3:", "…"]);
    assert!(r.stderr.len() < 1_000, "{} bytes of error", r.stderr.len());
}

#[test]
fn a_rule_file_over_the_limit_is_refused() {
    let t = tree();
    let big = format!("# {}\n", "x".repeat(1024 * 1024));
    t.own_rule_file("rules/big.toml", &big);
    t.check().refused(&["more than the limit of 1048576 bytes"]);
}

#[test]
fn root_widens_what_a_nested_configuration_may_name() {
    let t = tree();
    t.report("dept/report.json");
    t.file(
        "rules/shared.toml",
        "[[rule]]\ncode = \"U001\"\nseverity = \"warning\"\ncheck = \"for each /statistics/investigations: launched <= 0\"\n",
    );
    t.file(
        "dept/naplint.toml",
        "rule_files = [\"../rules/shared.toml\"]\n",
    );
    t.run(&["check", "dept/report.json"]).refused(&[OUTSIDE]);
    let rooted = ["check", "--root", ".", "dept/report.json"];
    t.run(&rooted).expect(1, &[]);
    // ... but not past itself.
    t.file(
        "dept/naplint.toml",
        "rule_files = [\"../../outside/secret.toml\"]\n",
    );
    t.run(&rooted).refused(&[]);
}

#[test]
fn isolated_ignores_the_configuration_and_baseline_of_the_tree() {
    let t = tree();
    let isolated = ["check", "--isolated", "report.json"];
    // The pull request silences everything and accepts the finding in a baseline...
    t.config("ignore = [\"P\", \"R\", \"M\", \"S\"]\n");
    t.check().expect(0, &[]);
    // ... the workflow pins the base branch's configuration and ignores the tree's.
    let base = tempfile::tempdir().unwrap();
    write(&base.path().join("naplint.toml"), "tolerance = 0.05\n");
    let pinned = base.path().join("naplint.toml");
    let pinned = pinned.to_str().unwrap();
    let r = t
        .run(&["check", "--isolated", "--config", pinned, "report.json"])
        .expect(1, &[]);
    assert!(r.stdout.contains("R001"), "{}", r.stdout);
    t.run(&isolated).expect(1, &[]);
    // A baseline in the tree is ignored too.
    t.remove("naplint.toml");
    t.run(&["check", "--write-baseline", "report.json"])
        .expect(0, &[]);
    t.check().expect(0, &[]);
    t.run(&isolated).expect(1, &[]);
    // `rules` and `explain` take the flag as well.
    t.config(
        "[[rule]]\ncode = \"U001\"\ncheck = \"for each /statistics/investigations: launched <= 0\"\n",
    );
    assert!(t.run(&["rules"]).stdout.contains("U001"));
    let r = t.run(&["rules", "--isolated"]).expect(0, &[]);
    assert!(!r.stdout.contains("U001"), "{}", r.stdout);
    t.run(&["explain", "--isolated", "U001"]).refused(&[]);
}

/// The cases that need symlinks, FIFOs or devices.
#[cfg(unix)]
mod unix {
    use super::*;

    #[test]
    fn a_rule_file_symlinked_out_of_the_tree_is_refused() {
        let t = tree();
        t.linked_rule_file(&t.outside.join("secret.toml"), "rules/2014.toml");
        t.check().refused(&[OUTSIDE]);
    }

    #[test]
    fn dev_zero_is_refused_not_read_to_the_end() {
        let t = tree();
        t.rule_file("/dev/zero");
        t.check().refused(&[]);
        // Named on the command line it is the user's own path, but still not a regular file.
        t.run(&["check", "--config", "/dev/zero", "report.json"])
            .refused(&["device, not a regular file"]);
        t.remove("naplint.toml");
        t.run(&["check", "/dev/zero"])
            .refused(&["not a regular file"]);
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let t = tree();
        t.fifo("rules/fifo.toml");
        t.rule_file("rules/fifo.toml");
        t.check().refused(&["FIFO, not a regular file"]);
        // A FIFO as the configuration, the baseline and the report.
        t.remove("naplint.toml");
        t.fifo("naplint.toml");
        t.check().refused(&["FIFO"]);
        t.remove("naplint.toml");
        t.fifo("naplint-baseline.toml");
        t.check().refused(&["naplint-baseline.toml: is a FIFO"]);
        t.fifo("piped.json");
        t.run(&["check", "piped.json"])
            .refused(&["piped.json: is a FIFO"]);
        t.remove("naplint-baseline.toml");
        t.run(&["check", "--previous", "piped.json", "report.json"])
            .refused(&["piped.json: is a FIFO"]);
    }

    #[test]
    fn a_report_symlinked_outside_is_not_read() {
        let t = tree();
        t.report("submissions/a.json");
        // A report outside, holding the canary, that a walk would happily check and quote.
        let mut report = std::fs::read_to_string(fixture("R001/fail.json")).unwrap();
        report = report.replacen('{', &format!("{{\n  \"{CANARY}\": 1,"), 1);
        write(&t.outside.join("report.json"), &report);
        let walk = ["check", "--format", "json", "submissions"];
        t.link(&t.outside.join("report.json"), "submissions/b.json");
        t.run(&["check", "submissions"])
            .refused(&["b.json", OUTSIDE]);
        // A symlinked directory is never followed, wherever it leads.
        t.remove("submissions/b.json");
        t.link(&t.outside, "submissions/elsewhere");
        let r = t.run(&walk).expect(1, &[]);
        assert!(!r.stdout.contains("elsewhere"), "{}", r.stdout);
        t.remove("submissions/elsewhere");
        t.link(&t.outside.join("report.json"), "submissions/b.json");
        // Named on the command line under `--root`, it is refused too.
        t.run(&["check", "--root", ".", "submissions/b.json"])
            .refused(&[]);
        // A symlink that stays inside the tree is followed.
        t.remove("submissions/b.json");
        t.link(Path::new("a.json"), "submissions/b.json");
        let r = t.run(&walk).expect(1, &[]);
        assert!(r.stdout.contains("submissions/b.json"), "{}", r.stdout);
        // The walk's root is the directory of the `naplint.toml` above it, when there is one.
        t.link(Path::new("../report.json"), "submissions/c.json");
        t.run(&["check", "submissions"]).refused(&[]);
        t.config("tolerance = 0.05\n");
        let r = t.run(&walk).expect(1, &[]);
        assert!(r.stdout.contains("submissions/c.json"), "{}", r.stdout);
    }

    #[test]
    fn found_configuration_and_baseline_symlinked_out_are_refused() {
        let t = tree();
        t.link(&t.outside.join("secret.toml"), "naplint.toml");
        t.check().refused(&[OUTSIDE]);
        t.remove("naplint.toml");
        t.link(&t.outside.join("secret.toml"), "naplint-baseline.toml");
        t.check().refused(&["naplint-baseline.toml"]);
    }

    #[test]
    fn ignore_files_in_the_walk_cannot_block_or_lead_out() {
        let t = tree();
        t.report("submissions/dept/a.json");
        let walk = |needle: &str| t.run(&["check", "submissions"]).refused(&[needle]);
        let ignore = "submissions/dept/.gitignore";
        // A FIFO `.gitignore` in a directory the walk enters, and in the walked one.
        t.fifo(ignore);
        walk("dept/.gitignore: not a regular file");
        t.remove(ignore);
        t.fifo("submissions/.ignore");
        walk(".ignore: not a regular file");
        t.remove("submissions/.ignore");
        // `/dev/zero` through a symlink, and a symlink to a file outside.
        t.link(Path::new("/dev/zero"), ignore);
        walk(OUTSIDE);
        t.remove(ignore);
        t.link(&t.outside.join("secret.toml"), ignore);
        walk(OUTSIDE);
        t.remove(ignore);
        // An ordinary `.gitignore` still works.
        t.file(ignore, "a.json\n");
        walk("no report files found");
    }

    #[test]
    fn writing_a_baseline_replaces_a_symlink_and_never_writes_through_it() {
        let t = tree();
        let secret = t.outside.join("secret.toml");
        let before = std::fs::read_to_string(&secret).unwrap();
        t.link(&secret, "naplint-baseline.toml");
        t.run(&["check", "--write-baseline", "report.json"])
            .expect(0, &[]);
        assert_eq!(std::fs::read_to_string(&secret).unwrap(), before);
        let written = std::fs::symlink_metadata(t.project.join("naplint-baseline.toml")).unwrap();
        assert!(
            written.file_type().is_file(),
            "the link was replaced by the baseline"
        );
        t.check().expect(0, &[]);
    }
}
