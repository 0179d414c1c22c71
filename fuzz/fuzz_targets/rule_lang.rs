//! The rule language on arbitrary text: parse, type-check against the report schema and,
//! when it compiles, evaluate it (messages in English and French) on the seed report (the core stops it at `lang::STEP_BUDGET` steps). Never panics,
//! never loops (libFuzzer's -timeout), whatever a user writes in `naplint.toml` or passes
//! to the WASM module's options.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use naplint::lang::{self, CheckDecl};
use naplint::source::{self, Node, SourceFormat};

const SEED: &str = include_str!("../../seeds/2013-14/report.json");

fn fixtures() -> &'static (serde_json::Value, Node) {
    static F: OnceLock<(serde_json::Value, Node)> = OnceLock::new();
    F.get_or_init(|| {
        let schema = serde_json::from_str(naplint::schema::REPORT_SCHEMA_JSON).expect("schema");
        let root = source::load(SEED, SourceFormat::Json)
            .root
            .expect("seed parses");
        (schema, root)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let (schema, root) = fixtures();
    // The first line, when it starts with `/`, is the rule's `scope` (as in naplint.toml).
    let (scope, check) = match src.split_once('\n') {
        Some((first, rest)) if first.starts_with('/') => (Some(first), rest),
        _ => (None, src),
    };
    let _ = lang::parse(check);
    let decl = CheckDecl {
        scope,
        check,
        ..CheckDecl::default()
    };
    if let Ok(compiled) = lang::compile(decl, schema) {
        for lang in [naplint::Lang::En, naplint::Lang::Fr] {
            let mut steps = 0;
            let _ = compiled.run(root, &|_| Some(1), 0.05, lang, &mut steps);
        }
    }
});
