//! What several test files read: the repository root and every document input (the seed
//! in JSON and YAML, every fixture).

// Each test file compiles this module on its own and uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text of a file of the repository.
pub fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// The seed and every fixture input (not the `.expected.json` snapshots), sorted.
pub fn inputs() -> Vec<PathBuf> {
    let mut out = vec![
        root().join("seeds/2013-14/report.json"),
        root().join("seeds/2013-14/report.yaml"),
    ];
    for dir in std::fs::read_dir(root().join("tests/fixtures"))
        .expect("tests/fixtures")
        .flatten()
    {
        for f in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let p = f.path();
            let name = p.to_string_lossy().into_owned();
            if (name.ends_with(".json") || name.ends_with(".yaml"))
                && !name.ends_with(".expected.json")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
