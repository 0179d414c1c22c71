//! Shell completions (`naplint completions SHELL`) and manual pages (`cargo xtask man`,
//! through `naplint man-pages --out DIR`), both generated from the clap
//! definition so they cannot drift from the real options.

use std::path::{Path, PathBuf};

/// The completion script for `shell`.
pub fn completions(mut command: clap::Command, shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "naplint", &mut out);
    out
}

/// Writes `naplint.1` and a page per visible subcommand (`naplint-check.1`, ...) into
/// `dir`, each through a temporary file and a rename; returns the paths written.
pub fn man_pages(command: clap::Command, dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut written = Vec::new();
    write_pages(command, dir, &mut written)?;
    Ok(written)
}

fn write_pages(
    command: clap::Command,
    dir: &Path,
    written: &mut Vec<PathBuf>,
) -> Result<(), String> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub.clone(), dir, written)?;
    }
    let man = clap_mangen::Man::new(command);
    let path = dir.join(man.get_filename());
    let mut page = Vec::new();
    man.render(&mut page)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    crate::write::atomic_write(&path, &page).map_err(|e| format!("{}: {e}", path.display()))?;
    written.push(path);
    Ok(())
}
