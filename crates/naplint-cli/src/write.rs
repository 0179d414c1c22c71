//! Writing files so that a crash or a full disk never leaves a partial file: write a
//! temporary file beside the target, flush it to disk, then rename it over the target.

use std::io::Write as _;
use std::path::Path;

/// Writes `content` to `path` atomically, keeping the target's permissions.
pub fn atomic_write(path: &Path, content: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".naplint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(content)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    // Fault injection for the tests that interrupt a fix between write and rename: the
    // temporary file is then dropped (deleted) and the target left as it was.
    if std::env::var_os("NAPLINT_FAULT_BEFORE_RENAME").is_some() {
        return Err(std::io::Error::other(
            "interrupted between write and rename",
        ));
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Replaces a file checked with `expected` content; refuses when the file changed on disk
/// since it was read, or is read-only, so that `--fix` never overwrites someone's edit.
pub fn replace_file(path: &Path, expected: &[u8], content: &[u8]) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if meta.permissions().readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "file is read-only; not fixed",
        ));
    }
    let limit = u64::try_from(expected.len()).unwrap_or(u64::MAX);
    let unchanged = match crate::safe_read::read_bounded(path, limit) {
        Ok(current) => current == expected,
        Err(crate::safe_read::SafeReadError::TooLarge { .. }) => false,
        Err(crate::safe_read::SafeReadError::Io { error, .. }) => return Err(error),
        Err(other) => return Err(std::io::Error::other(other.to_string())),
    };
    if !unchanged {
        return Err(std::io::Error::other(
            "file changed while naplint was fixing it; not fixed, run again",
        ));
    }
    atomic_write(path, content)
}
