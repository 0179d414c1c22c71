//! A pull request chooses what is in the checked tree: `naplint.toml`, the rule files it
//! names, baselines and reports. None of it may make naplint read outside the project,
//! read without bound, block, or print a file that is not the project's (issue 14).
//!
//! Every case runs the binary with a bounded wait (the child is killed and the test fails
//! if it has not finished in [`HANG`]), plants a canary in the file it must not read, and
//! asserts the exit code and that the canary appears in neither output.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longer than any honest run on a loaded machine; only a hang gets there.
const HANG: Duration = Duration::from_secs(20);

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
}

fn naplint(args: &[&str], cwd: &Path) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_naplint"))
        .args(args)
        .current_dir(cwd)
        .env("NAPLINT_TEST_SECRET", CANARY)
        .env_remove("NAPLINT_LANG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
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
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(path)
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

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn an_absolute_rule_file_is_refused_with_its_line() {
    let t = tree();
    let secret = t.outside.join("secret.toml");
    write(
        &t.project.join("naplint.toml"),
        &format!(
            "tolerance = 0.05\nrule_files = [\n  \"{}\",\n]\n",
            secret.display()
        ),
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
    assert!(
        r.stderr.contains("naplint.toml:3: rule_files entry") && r.stderr.contains("absolute"),
        "{}",
        r.stderr
    );
}

#[test]
fn proc_self_environ_is_never_read() {
    let t = tree();
    write(
        &t.project.join("naplint.toml"),
        "rule_files = [\"/proc/self/environ\"]\n",
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
    assert!(r.stderr.contains("naplint.toml:1:"), "{}", r.stderr);
    // The same file through a symlink inside the tree.
    #[cfg(unix)]
    {
        symlink(
            Path::new("/proc/self/environ"),
            &t.project.join("rules/env.toml"),
        );
        write(
            &t.project.join("naplint.toml"),
            "rule_files = [\"rules/env.toml\"]\n",
        );
        let r = naplint(&["check", "report.json"], &t.project);
        assert_eq!(r.code, 2, "{}", r.all());
        r.assert_no_canary();
        assert!(
            r.stderr.contains("outside the project root"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn a_rule_file_that_climbs_out_with_dot_dot_is_refused() {
    let t = tree();
    write(
        &t.project.join("naplint.toml"),
        "rule_files = [\"rules/../../outside/secret.toml\"]\n",
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
    assert!(
        r.stderr
            .contains("naplint.toml:1: rule_files entry `rules/../../outside/secret.toml`")
            && r.stderr.contains("outside the project root"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_rule_file_symlinked_out_of_the_tree_is_refused() {
    let t = tree();
    symlink(
        &t.outside.join("secret.toml"),
        &t.project.join("rules/2014.toml"),
    );
    write(
        &t.project.join("naplint.toml"),
        "rule_files = [\"rules/2014.toml\"]\n",
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
    assert!(
        r.stderr.contains("outside the project root"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_not_read_to_the_end() {
    let t = tree();
    write(
        &t.project.join("naplint.toml"),
        "rule_files = [\"/dev/zero\"]\n",
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    // Named on the command line it is the user's own path, but still not a regular file.
    let r = naplint(
        &["check", "--config", "/dev/zero", "report.json"],
        &t.project,
    );
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr.contains("device, not a regular file"),
        "{}",
        r.stderr
    );
    std::fs::remove_file(t.project.join("naplint.toml")).unwrap();
    let r = naplint(&["check", "/dev/zero"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let t = tree();
    mkfifo(&t.project.join("rules/fifo.toml"));
    write(
        &t.project.join("naplint.toml"),
        "rule_files = [\"rules/fifo.toml\"]\n",
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr.contains("FIFO, not a regular file"),
        "{}",
        r.stderr
    );
    // A FIFO as the configuration, the baseline and the report.
    std::fs::remove_file(t.project.join("naplint.toml")).unwrap();
    mkfifo(&t.project.join("naplint.toml"));
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.contains("FIFO"), "{}", r.stderr);
    std::fs::remove_file(t.project.join("naplint.toml")).unwrap();
    mkfifo(&t.project.join("naplint-baseline.toml"));
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr.contains("naplint-baseline.toml: is a FIFO"),
        "{}",
        r.stderr
    );
    mkfifo(&t.project.join("piped.json"));
    let r = naplint(&["check", "piped.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.contains("piped.json: is a FIFO"), "{}", r.stderr);
    std::fs::remove_file(t.project.join("naplint-baseline.toml")).unwrap();
    let r = naplint(
        &["check", "--previous", "piped.json", "report.json"],
        &t.project,
    );
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.contains("piped.json: is a FIFO"), "{}", r.stderr);
}

#[test]
fn a_report_over_the_limit_is_not_read() {
    let t = tree();
    // Sparse: 300 MiB long, nothing on disk; refused from its size before any read.
    let big = std::fs::File::create(t.project.join("big.json")).unwrap();
    big.set_len(300 * 1024 * 1024).unwrap();
    drop(big);
    let r = naplint(&["check", "big.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr
            .contains("big.json: more than the limit of 268435456 bytes"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_report_symlinked_outside_is_not_read() {
    let t = tree();
    let submissions = t.project.join("submissions");
    std::fs::create_dir_all(&submissions).unwrap();
    std::fs::copy(fixture("R001/fail.json"), submissions.join("a.json")).unwrap();
    // A report outside, holding the canary, that a walk would happily check and quote.
    let mut report = std::fs::read_to_string(fixture("R001/fail.json")).unwrap();
    report = report.replacen('{', &format!("{{\n  \"{CANARY}\": 1,"), 1);
    write(&t.outside.join("report.json"), &report);
    symlink(&t.outside.join("report.json"), &submissions.join("b.json"));
    let r = naplint(&["check", "submissions"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
    assert!(
        r.stderr.contains("b.json") && r.stderr.contains("outside the project root"),
        "{}",
        r.stderr
    );
    // A symlinked directory is never followed, wherever it leads.
    std::fs::remove_file(submissions.join("b.json")).unwrap();
    symlink(&t.outside, &submissions.join("elsewhere"));
    let r = naplint(&["check", "--format", "json", "submissions"], &t.project);
    assert_eq!(r.code, 1, "{}", r.all());
    r.assert_no_canary();
    assert!(!r.stdout.contains("elsewhere"), "{}", r.stdout);
    std::fs::remove_file(submissions.join("elsewhere")).unwrap();
    symlink(&t.outside.join("report.json"), &submissions.join("b.json"));
    // Named on the command line under `--root`, it is refused too.
    let r = naplint(&["check", "--root", ".", "submissions/b.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
    // A symlink that stays inside the tree is followed.
    std::fs::remove_file(submissions.join("b.json")).unwrap();
    symlink(Path::new("a.json"), &submissions.join("b.json"));
    let r = naplint(&["check", "--format", "json", "submissions"], &t.project);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stdout.contains("submissions/b.json"), "{}", r.stdout);
    // The walk's root is the directory of the `naplint.toml` above it, when there is one.
    symlink(Path::new("../report.json"), &submissions.join("c.json"));
    assert_eq!(naplint(&["check", "submissions"], &t.project).code, 2);
    write(
        &t.project.join("naplint.toml"),
        "tolerance = 0.05
",
    );
    let r = naplint(&["check", "--format", "json", "submissions"], &t.project);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stdout.contains("submissions/c.json"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn found_configuration_and_baseline_symlinked_out_are_refused() {
    let t = tree();
    symlink(
        &t.outside.join("secret.toml"),
        &t.project.join("naplint.toml"),
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
    assert!(
        r.stderr.contains("outside the project root"),
        "{}",
        r.stderr
    );
    std::fs::remove_file(t.project.join("naplint.toml")).unwrap();
    symlink(
        &t.outside.join("secret.toml"),
        &t.project.join("naplint-baseline.toml"),
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
    assert!(r.stderr.contains("naplint-baseline.toml"), "{}", r.stderr);
}

#[test]
fn a_parse_error_quotes_one_line_cut_at_a_sane_width() {
    let t = tree();
    let long = "x".repeat(100_000);
    write(
        &t.project.join("rules/long.toml"),
        &format!("[[rule]]\ncode = \"U001\"\ncheck = {long}\n"),
    );
    write(
        &t.project.join("naplint.toml"),
        "rule_files = [\"rules/long.toml\"]\n",
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.contains("rules/long.toml:3:"), "{}", r.stderr);
    assert!(r.stderr.contains('…'), "{}", r.stderr);
    assert!(r.stderr.len() < 1_000, "{} bytes of error", r.stderr.len());
}

#[test]
fn a_rule_file_over_the_limit_is_refused() {
    let t = tree();
    write(
        &t.project.join("rules/big.toml"),
        &format!("# {}\n", "x".repeat(1024 * 1024)),
    );
    write(
        &t.project.join("naplint.toml"),
        "rule_files = [\"rules/big.toml\"]\n",
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr.contains("more than the limit of 1048576 bytes"),
        "{}",
        r.stderr
    );
}

#[test]
fn root_widens_what_a_nested_configuration_may_name() {
    let t = tree();
    let dept = t.project.join("dept");
    std::fs::create_dir_all(&dept).unwrap();
    std::fs::copy(fixture("R001/fail.json"), dept.join("report.json")).unwrap();
    write(
        &t.project.join("rules/shared.toml"),
        "[[rule]]\ncode = \"U001\"\nseverity = \"warning\"\ncheck = \"for each /statistics/investigations: launched <= 0\"\n",
    );
    write(
        &dept.join("naplint.toml"),
        "rule_files = [\"../rules/shared.toml\"]\n",
    );
    let r = naplint(&["check", "dept/report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr.contains("outside the project root"),
        "{}",
        r.stderr
    );
    let r = naplint(&["check", "--root", ".", "dept/report.json"], &t.project);
    assert_eq!(r.code, 1, "{}", r.all());
    // ... but not past itself.
    write(
        &dept.join("naplint.toml"),
        "rule_files = [\"../../outside/secret.toml\"]\n",
    );
    let r = naplint(&["check", "--root", ".", "dept/report.json"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    r.assert_no_canary();
}

#[test]
fn isolated_ignores_the_configuration_and_baseline_of_the_tree() {
    let t = tree();
    // The pull request silences everything and accepts the finding in a baseline...
    write(
        &t.project.join("naplint.toml"),
        "ignore = [\"P\", \"R\", \"M\", \"S\"]\n",
    );
    let r = naplint(&["check", "report.json"], &t.project);
    assert_eq!(r.code, 0, "{}", r.all());
    // ... the workflow pins the base branch's configuration and ignores the tree's.
    let base = tempfile::tempdir().unwrap();
    write(&base.path().join("naplint.toml"), "tolerance = 0.05\n");
    let pinned = base.path().join("naplint.toml");
    let pinned = pinned.to_str().unwrap();
    let r = naplint(
        &["check", "--isolated", "--config", pinned, "report.json"],
        &t.project,
    );
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stdout.contains("R001"), "{}", r.stdout);
    let r = naplint(&["check", "--isolated", "report.json"], &t.project);
    assert_eq!(r.code, 1, "{}", r.all());
    // A baseline in the tree is ignored too.
    std::fs::remove_file(t.project.join("naplint.toml")).unwrap();
    let w = naplint(&["check", "--write-baseline", "report.json"], &t.project);
    assert_eq!(w.code, 0, "{}", w.all());
    assert_eq!(naplint(&["check", "report.json"], &t.project).code, 0);
    let r = naplint(&["check", "--isolated", "report.json"], &t.project);
    assert_eq!(r.code, 1, "{}", r.all());
    // `rules` and `explain` take the flag as well.
    write(
        &t.project.join("naplint.toml"),
        "[[rule]]\ncode = \"U001\"\ncheck = \"for each /statistics/investigations: launched <= 0\"\n",
    );
    assert!(naplint(&["rules"], &t.project).stdout.contains("U001"));
    let r = naplint(&["rules", "--isolated"], &t.project);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(!r.stdout.contains("U001"), "{}", r.stdout);
    assert_eq!(
        naplint(&["explain", "--isolated", "U001"], &t.project).code,
        2
    );
}

#[cfg(unix)]
#[test]
fn ignore_files_in_the_walk_cannot_block_or_lead_out() {
    let t = tree();
    let sub = t.project.join("submissions/dept");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(fixture("R001/fail.json"), sub.join("a.json")).unwrap();
    let walk = |what: &str| {
        let r = naplint(&["check", "submissions"], &t.project);
        assert_eq!(r.code, 2, "{what}: {}", r.all());
        r.assert_no_canary();
        r
    };
    // A FIFO `.gitignore` in a directory the walk enters, and in the walked one.
    mkfifo(&sub.join(".gitignore"));
    assert!(walk("fifo")
        .stderr
        .contains("dept/.gitignore: not a regular file"));
    std::fs::remove_file(sub.join(".gitignore")).unwrap();
    mkfifo(&t.project.join("submissions/.ignore"));
    assert!(walk("fifo at the top")
        .stderr
        .contains(".ignore: not a regular file"));
    std::fs::remove_file(t.project.join("submissions/.ignore")).unwrap();
    // `/dev/zero` through a symlink, and a symlink to a file outside.
    symlink(Path::new("/dev/zero"), &sub.join(".gitignore"));
    assert!(walk("dev zero").stderr.contains("outside the project root"));
    std::fs::remove_file(sub.join(".gitignore")).unwrap();
    symlink(&t.outside.join("secret.toml"), &sub.join(".gitignore"));
    assert!(walk("secret").stderr.contains("outside the project root"));
    std::fs::remove_file(sub.join(".gitignore")).unwrap();
    // An ordinary `.gitignore` still works.
    write(&sub.join(".gitignore"), "a.json\n");
    let r = naplint(&["check", "submissions"], &t.project);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.contains("no report files found"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn writing_a_baseline_replaces_a_symlink_and_never_writes_through_it() {
    let t = tree();
    let secret = t.outside.join("secret.toml");
    let before = std::fs::read_to_string(&secret).unwrap();
    symlink(&secret, &t.project.join("naplint-baseline.toml"));
    let r = naplint(&["check", "--write-baseline", "report.json"], &t.project);
    assert_eq!(r.code, 0, "{}", r.all());
    r.assert_no_canary();
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), before);
    let written = std::fs::symlink_metadata(t.project.join("naplint-baseline.toml")).unwrap();
    assert!(
        written.file_type().is_file(),
        "the link was replaced by the baseline"
    );
    assert_eq!(naplint(&["check", "report.json"], &t.project).code, 0);
}
