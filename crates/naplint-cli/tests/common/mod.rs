//! What the CLI's test files share: the repository's files and the binary.
// Each test file compiles this module on its own and uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A path in the repository (`""` for its root).
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// A fixture's path: `tests/fixtures/<path>`.
pub fn fixture(path: &str) -> PathBuf {
    repo("tests/fixtures").join(path)
}

/// A fixture's text.
pub fn fixture_text(path: &str) -> String {
    std::fs::read_to_string(fixture(path)).unwrap()
}

/// The `naplint` binary run in `cwd`, with no language from the environment (so that
/// messages are in English wherever the tests run).
pub fn naplint_in(cwd: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_naplint"));
    command.current_dir(cwd).env_remove("NAPLINT_LANG");
    command
}

/// Copies the repository's `from` to `name` in `dir`, creating the directories between.
pub fn copy_in(dir: &Path, from: &str, name: &str) {
    let to = dir.join(name);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(repo(from), to).unwrap();
}

/// Writes `text` to `name` in `dir`, creating the directories between.
pub fn write_in(dir: &Path, name: &str, text: &str) {
    let to = dir.join(name);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::write(to, text).unwrap();
}

/// A temporary directory holding copies of the repository's files: `(from, name)` each.
pub fn tempdir_with(copies: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, name) in copies {
        copy_in(dir.path(), from, name);
    }
    dir
}
