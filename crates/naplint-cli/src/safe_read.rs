//! Reading files that an untrusted tree may have chosen, without reading outside it.
//!
//! In CI everything in the checked tree comes from the pull request: `naplint.toml`, the
//! rule files it names, baselines and the reports. This module is the one place the CLI
//! (and the language server and submission commands) read such files, so that:
//!
//! - **paths stay inside the project**: [`ProjectRoot::resolve_named`] resolves a path that
//!   a file names (a `rule_files` entry) relative to that file, refuses an absolute path,
//!   and checks, lexically first and again after symlinks are resolved, that it stays
//!   inside the root; [`ProjectRoot::contain`] does the same for a file found in the tree
//!   (a discovered `naplint.toml` or baseline, a report met in a directory walk);
//! - **every read is bounded and only regular files are read**: [`read_bounded`] stats the
//!   path first (which never blocks), refuses devices, FIFOs, sockets and directories,
//!   opens without blocking and without taking a controlling terminal, checks the opened
//!   handle again, and reads at most `limit + 1` bytes: `/dev/zero` cannot fill memory and
//!   a FIFO cannot hang a check;
//! - **errors never echo a refused file**: a [`SafeReadError`] names the path (or the
//!   entry that named it) and why, never the content, and is only built before anything
//!   was read. [`excerpt`] cuts a quoted line of a file that *was* accepted to
//!   [`QUOTE_WIDTH`] characters, for parse errors.
//!
//! Paths the user gives on the command line (`--config`, `--baseline`, `--previous`, the
//! files to check) are the user's own: they go through [`read_bounded`] (bounded, regular
//! files only) but not through a containment check, except reports under `--root`.
//!
//! The containment check is on resolved paths, not on open handles (`openat2`'s
//! `RESOLVE_BENEATH` is Linux-only): it protects against what a checked-out tree contains,
//! not against a process that swaps symlinks while naplint runs.
//!
//! The API, for every entry point (the CLI, the language server, the submission commands):
//!
//! | call | for |
//! |---|---|
//! | [`ProjectRoot::new`]`(dir)` / [`ProjectRoot::of_file`]`(file)` | the root: `--root`, or a `naplint.toml`'s directory |
//! | [`ProjectRoot::resolve_named`]`(entry, naming_file)` | a path written in a project file (`rule_files`) |
//! | [`ProjectRoot::read_contained`]`(path, limit)` (`_string`) | a file found in the tree (a baseline beside a report) |
//! | [`ProjectRoot::contain`]`(path)` | the same check without reading (a symlink met in a walk) |
//! | [`read_bounded`]`(path, limit)` (`_string`) | a path the user gave, or one already resolved above |
//! | [`read_stream_bounded`]`(name, stream, limit)` | standard input |
//! | [`toml_error`], [`excerpt`], [`cut`] | parse errors that quote one cut line |
//! | [`limits`] | the size limit of each kind of file |
//!
//! ```ignore
//! let root = ProjectRoot::new(Path::new("."))?;
//! let rules = root.resolve_named("rules/2014.toml", Path::new("naplint.toml"))?;
//! let text = read_bounded_string(&rules, limits::RULE_FILE)?;
//! let baseline = root.read_contained_string(Path::new("naplint-baseline.toml"), limits::BASELINE)?;
//! ```

use naplint::i18n::Text;
use naplint::Lang;
use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The most a file of each kind may hold; one byte more is refused.
pub mod limits {
    /// `naplint.toml`: a few hundred lines at most.
    pub const CONFIG: u64 = 1024 * 1024;
    /// One rule file named by `rule_files`.
    pub const RULE_FILE: u64 = 1024 * 1024;
    /// A `naplint-baseline.toml`: one entry per accepted finding.
    pub const BASELINE: u64 = 16 * 1024 * 1024;
    /// A report (and standard input): the core's own limit.
    #[allow(clippy::cast_possible_truncation)]
    pub const REPORT: u64 = naplint::source::limits::MAX_BYTES as u64;
}

/// How many characters of a line, a message or a path entry an error quotes at most.
pub const QUOTE_WIDTH: usize = 160;

/// Why a file was not read. Its `Display` names the file and the reason, never content.
#[derive(Debug)]
pub enum SafeReadError {
    /// An entry that names an absolute path (`/proc/self/environ`).
    Absolute { entry: String },
    /// An entry or a found file that leads outside the root, lexically (`../x`) or
    /// through a symlink.
    Escapes { path: String, root: PathBuf },
    /// Not a regular file: a directory, device, FIFO or socket.
    NotRegular { path: String, kind: &'static str },
    /// More than the limit for its kind.
    TooLarge { path: String, limit: u64 },
    /// Not valid UTF-8 (for text read as a string).
    NotUtf8 { path: String },
    /// The file system said no (missing, permission denied…).
    Io { path: String, error: std::io::Error },
}

impl fmt::Display for SafeReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Absolute { entry } => write!(
                f,
                "`{}` is an absolute path; paths in project files are relative to the file that names them, and nothing was read",
                cut(entry, QUOTE_WIDTH)
            ),
            Self::Escapes { path, root } => write!(
                f,
                "`{}` leads outside the project root `{}`; nothing was read (give `--root DIR` to widen the root)",
                cut(path, QUOTE_WIDTH),
                root.display()
            ),
            Self::NotRegular { path, kind } => write!(
                f,
                "{}: is a {kind}, not a regular file; nothing was read",
                cut(path, QUOTE_WIDTH)
            ),
            Self::TooLarge { path, limit } => write!(
                f,
                "{}: more than the limit of {limit} bytes; not read",
                cut(path, QUOTE_WIDTH)
            ),
            Self::NotUtf8 { path } => write!(f, "{}: not valid UTF-8", cut(path, QUOTE_WIDTH)),
            Self::Io { path, error } => write!(f, "{}: {error}", cut(path, QUOTE_WIDTH)),
        }
    }
}

impl std::error::Error for SafeReadError {}

impl From<SafeReadError> for String {
    fn from(e: SafeReadError) -> Self {
        e.to_string()
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The directory nothing found in the tree may lead out of: the directory of the
/// `naplint.toml` found, or `--root DIR`. Held canonical (symlinks resolved).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProjectRoot {
    dir: PathBuf,
}

impl ProjectRoot {
    /// The root at `dir`, which must exist and be a directory.
    ///
    /// # Errors
    /// When `dir` cannot be resolved or is not a directory.
    pub fn new(dir: &Path) -> Result<Self, SafeReadError> {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let canonical = std::fs::canonicalize(dir).map_err(|error| SafeReadError::Io {
            path: shown(dir),
            error,
        })?;
        if !canonical.is_dir() {
            return Err(SafeReadError::Io {
                path: shown(dir),
                error: std::io::Error::other("not a directory"),
            });
        }
        Ok(Self { dir: canonical })
    }

    /// The root of a file: its directory.
    ///
    /// # Errors
    /// As [`ProjectRoot::new`].
    pub fn of_file(file: &Path) -> Result<Self, SafeReadError> {
        Self::new(file.parent().unwrap_or(Path::new(".")))
    }

    /// The canonical directory.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Whether an already canonical path lies inside the root (or is the root).
    #[must_use]
    pub fn holds(&self, canonical: &Path) -> bool {
        canonical.starts_with(&self.dir)
    }

    /// The canonical path of `path`, a file found in the tree, when it lies inside the
    /// root once symlinks are resolved. Nothing is opened.
    ///
    /// # Errors
    /// [`SafeReadError::Escapes`] when it leads outside; `Io` when it cannot be resolved.
    pub fn contain(&self, path: &Path) -> Result<PathBuf, SafeReadError> {
        let canonical = std::fs::canonicalize(path).map_err(|error| SafeReadError::Io {
            path: shown(path),
            error,
        })?;
        if self.holds(&canonical) {
            Ok(canonical)
        } else {
            Err(SafeReadError::Escapes {
                path: shown(path),
                root: self.dir.clone(),
            })
        }
    }

    /// Reads `path`, a file found in the tree, when it lies inside the root once symlinks
    /// are resolved: [`ProjectRoot::contain`], then [`read_bounded`].
    ///
    /// # Errors
    /// As both; nothing of a refused file is read.
    pub fn read_contained(&self, path: &Path, limit: u64) -> Result<Vec<u8>, SafeReadError> {
        self.contain(path)?;
        read_bounded(path, limit)
    }

    /// [`ProjectRoot::read_contained`], as UTF-8 text.
    ///
    /// # Errors
    /// As [`ProjectRoot::read_contained`], and `NotUtf8`.
    pub fn read_contained_string(&self, path: &Path, limit: u64) -> Result<String, SafeReadError> {
        String::from_utf8(self.read_contained(path, limit)?)
            .map_err(|_| SafeReadError::NotUtf8 { path: shown(path) })
    }

    /// Resolves `entry`, a path written in `naming_file` (a `rule_files` entry), relative
    /// to that file's directory, and checks it stays inside the root: an absolute entry
    /// is refused outright, a `..` that climbs out is refused before touching the file
    /// system, and a symlink that leads out is refused after resolution. Returns the
    /// canonical path, to be read with [`read_bounded`].
    ///
    /// # Errors
    /// `Absolute`, `Escapes`, or `Io` when the file does not exist.
    pub fn resolve_named(&self, entry: &str, naming_file: &Path) -> Result<PathBuf, SafeReadError> {
        let named = Path::new(entry);
        if named.has_root()
            || named
                .components()
                .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
        {
            return Err(SafeReadError::Absolute {
                entry: entry.to_owned(),
            });
        }
        let escapes = || SafeReadError::Escapes {
            path: entry.to_owned(),
            root: self.dir.clone(),
        };
        let base = std::fs::canonicalize(naming_file.parent().unwrap_or(Path::new("."))).map_err(
            |error| SafeReadError::Io {
                path: shown(naming_file),
                error,
            },
        )?;
        if !self.holds(&base) {
            return Err(escapes());
        }
        // Lexically first: `../../etc/passwd` is refused without a stat outside the root.
        let mut lexical = base.clone();
        for c in named.components() {
            match c {
                Component::ParentDir => {
                    if !lexical.pop() || !self.holds(&lexical) {
                        return Err(escapes());
                    }
                }
                Component::Normal(part) => lexical.push(part),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            }
        }
        if !self.holds(&lexical) {
            return Err(escapes());
        }
        let canonical = std::fs::canonicalize(&lexical).map_err(|error| SafeReadError::Io {
            path: entry.to_owned(),
            error,
        })?;
        if self.holds(&canonical) {
            Ok(canonical)
        } else {
            Err(escapes())
        }
    }
}

fn kind_of(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "device";
        }
    }
    if t.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

/// Reads a regular file, at most `limit` bytes: stats it first (a FIFO or device is
/// refused without being opened), opens it without blocking, checks the open handle
/// is still a regular file, and reads at most `limit + 1` bytes.
///
/// # Errors
/// `NotRegular`, `TooLarge`, or `Io`; in each case nothing of the file is returned.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, SafeReadError> {
    let io = |error| SafeReadError::Io {
        path: shown(path),
        error,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(SafeReadError::NotRegular {
            path: shown(path),
            kind: kind_of(meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Err(SafeReadError::TooLarge {
            path: shown(path),
            limit,
        });
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // A FIFO swapped in after the stat must not block the open; O_NONBLOCK does
        // nothing to reads of a regular file.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(io)?;
    let opened = file.metadata().map_err(io)?;
    if !opened.is_file() {
        return Err(SafeReadError::NotRegular {
            path: shown(path),
            kind: kind_of(opened.file_type()),
        });
    }
    let mut buf = Vec::with_capacity(usize::try_from(opened.len().min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(io)?;
    if buf.len() as u64 > limit {
        return Err(SafeReadError::TooLarge {
            path: shown(path),
            limit,
        });
    }
    Ok(buf)
}

/// [`read_bounded`], as UTF-8 text.
///
/// # Errors
/// As [`read_bounded`], and `NotUtf8`.
pub fn read_bounded_string(path: &Path, limit: u64) -> Result<String, SafeReadError> {
    String::from_utf8(read_bounded(path, limit)?)
        .map_err(|_| SafeReadError::NotUtf8 { path: shown(path) })
}

/// Reads any stream (standard input), at most `limit` bytes.
///
/// # Errors
/// `TooLarge` past the limit, `Io` on a read error.
pub fn read_stream_bounded(
    name: &str,
    stream: impl Read,
    limit: u64,
) -> Result<Vec<u8>, SafeReadError> {
    let mut buf = Vec::new();
    stream
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|error| SafeReadError::Io {
            path: name.to_owned(),
            error,
        })?;
    if buf.len() as u64 > limit {
        return Err(SafeReadError::TooLarge {
            path: name.to_owned(),
            limit,
        });
    }
    Ok(buf)
}

/// Whether a regular file contains `needle` within its first `limit` bytes, read in
/// chunks (the directory walk's "is this a report?" sniff, without reading it twice
/// whole). Non-regular files are `false`.
#[must_use]
pub fn contains_bytes(path: &Path, needle: &[u8], limit: u64) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() || needle.is_empty() {
        return false;
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let Ok(file) = options.open(path) else {
        return false;
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return false;
    }
    let finder = memchr::memmem::Finder::new(needle);
    let mut reader = file.take(limit);
    // The first read is small: a report names `format_version` in its first lines, and a
    // directory walk asks this of every file. Later reads double up to 64 KiB.
    let mut want = 4 * 1024;
    let keep = needle.len() - 1;
    let mut window: Vec<u8> = Vec::with_capacity(want + keep);
    loop {
        let start = window.len();
        window.resize(start + want, 0);
        let n = match reader.read(window.get_mut(start..).unwrap_or_default()) {
            Ok(0) | Err(_) => return false,
            Ok(n) => n,
        };
        window.truncate(start + n);
        if finder.find(&window).is_some() {
            return true;
        }
        // Keep the tail that could start a match across the chunk boundary.
        let drop = window.len().saturating_sub(keep);
        window.drain(..drop);
        want = (want * 2).min(64 * 1024);
    }
}

/// Cuts `text` to at most `width` characters, marking the cut with `…`.
#[must_use]
pub fn cut(text: &str, width: usize) -> String {
    match text.char_indices().nth(width) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// The 1-based line and column (in characters) of byte `at` in `text`, and that line cut
/// to [`QUOTE_WIDTH`] characters: what a parse error may quote of a file inside the
/// project, and never more.
#[must_use]
pub fn excerpt(text: &str, at: usize) -> (usize, usize, String) {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = text.get(..at).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = text.get(line_start..at).unwrap_or_default().chars().count() + 1;
    let rest = text.get(line_start..).unwrap_or_default();
    let body = rest.split(['\n', '\r']).next().unwrap_or_default();
    (line, column, cut(body, QUOTE_WIDTH))
}

/// The frame of the toml crate's own (English) error sentence.
pub const TOML_ERROR: Text = Text::new(
    "{message}",
    "erreur TOML (message du lecteur TOML, en anglais) : {message}",
);

/// A TOML error in `path`, whose `text` was accepted: `path:line:column: message`, then
/// the offending line cut to [`QUOTE_WIDTH`] characters. The toml crate's own rendering
/// quotes the whole line, however long.
#[must_use]
pub fn toml_error(path: &Path, text: &str, error: &toml::de::Error, lang: Lang) -> String {
    // The toml crate words its errors in English only and gives no kind to translate, so
    // the French frame quotes its sentence verbatim.
    let message = TOML_ERROR.render(
        lang,
        &[("message", &cut(error.message().trim(), QUOTE_WIDTH))],
    );
    match error.span() {
        Some(span) => {
            let (line, column, quoted) = excerpt(text, span.start);
            format!(
                "{}:{line}:{column}: {message}\n  | {quoted}",
                path.display()
            )
        }
        None => format!("{}: {message}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_characters() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "abc…");
        assert_eq!(cut("ééé", 2), "éé…");
    }

    #[test]
    fn excerpt_quotes_one_line_cut() {
        let long = "x".repeat(10_000);
        let text = format!("a = 1\nb = {long}\nc = 3\n");
        let (line, column, quoted) = excerpt(&text, 10);
        assert_eq!((line, column), (2, 5));
        assert_eq!(quoted.chars().count(), QUOTE_WIDTH + 1);
        assert!(!quoted.contains("c = 3"));
    }

    #[test]
    fn resolve_named_refuses_absolute_and_climbing_entries() {
        let dir = tempfile::tempdir().unwrap();
        let root = ProjectRoot::new(dir.path()).unwrap();
        let config = dir.path().join("naplint.toml");
        std::fs::write(&config, "").unwrap();
        std::fs::create_dir(dir.path().join("rules")).unwrap();
        std::fs::write(dir.path().join("rules/a.toml"), "").unwrap();
        assert!(matches!(
            root.resolve_named("/etc/passwd", &config),
            Err(SafeReadError::Absolute { .. })
        ));
        assert!(matches!(
            root.resolve_named("../x.toml", &config),
            Err(SafeReadError::Escapes { .. })
        ));
        assert!(matches!(
            root.resolve_named("rules/../../x.toml", &config),
            Err(SafeReadError::Escapes { .. })
        ));
        let ok = root
            .resolve_named("rules/../rules/a.toml", &config)
            .unwrap();
        assert_eq!(ok, root.path().join("rules/a.toml"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_root_and_special_files_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "SECRET").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = ProjectRoot::new(dir.path()).unwrap();
        let config = dir.path().join("naplint.toml");
        std::fs::write(&config, "").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("link")).unwrap();
        let e = root.resolve_named("link", &config).unwrap_err();
        assert!(matches!(e, SafeReadError::Escapes { .. }));
        assert!(!e.to_string().contains("SECRET"));
        assert!(root.contain(&dir.path().join("link")).is_err());
        let e = root
            .read_contained(&dir.path().join("link"), 1 << 20)
            .unwrap_err();
        assert!(matches!(e, SafeReadError::Escapes { .. }));
        assert_eq!(root.read_contained_string(&config, 10).unwrap(), "");
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(SafeReadError::NotRegular { kind: "device", .. })
        ));
        assert!(matches!(
            read_bounded(dir.path(), 10),
            Err(SafeReadError::NotRegular {
                kind: "directory",
                ..
            })
        ));
    }

    #[test]
    fn reads_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "12345").unwrap();
        assert_eq!(read_bounded(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_bounded(&file, 4),
            Err(SafeReadError::TooLarge { limit: 4, .. })
        ));
        assert!(matches!(
            read_stream_bounded("-", &b"12345"[..], 4),
            Err(SafeReadError::TooLarge { .. })
        ));
        assert_eq!(read_stream_bounded("-", &b"1234"[..], 4).unwrap(), b"1234");
    }

    #[test]
    fn contains_bytes_finds_a_needle_across_chunks() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        let mut text = vec![b' '; 64 * 1024 - 3];
        text.extend_from_slice(b"format_version");
        std::fs::write(&file, &text).unwrap();
        assert!(contains_bytes(&file, b"format_version", 1 << 20));
        assert!(!contains_bytes(&file, b"format_version", 1024));
        assert!(!contains_bytes(&file, b"absent", 1 << 20));
        // Across each boundary of the growing reads (4, 8, 16, 32, then 64 KiB), and at
        // the very start and end.
        for at in [
            0,
            4096 - 3,
            12_288 - 3,
            28_672 - 3,
            61_440 - 3,
            126_976 - 3,
            191_000,
        ] {
            let mut text = vec![b' '; at];
            text.extend_from_slice(b"format_version");
            std::fs::write(&file, &text).unwrap();
            assert!(contains_bytes(&file, b"format_version", 1 << 20), "at {at}");
            text.truncate(text.len() - 1);
            std::fs::write(&file, &text).unwrap();
            assert!(
                !contains_bytes(&file, b"format_version", 1 << 20),
                "cut, at {at}"
            );
        }
    }
}
