//! The option overlay the CLI and the WASM module share: present fields replace or extend
//! the configuration's own, absent ones leave it alone.

use naplint::config::Overlay;
use naplint::{Config, Lang, RuleLevel};

#[test]
fn an_overlay_replaces_select_and_extends_ignore_and_rules() {
    let base = Config {
        select: vec!["P".to_owned()],
        ignore: vec!["P016".to_owned()],
        rules: [("P017".to_owned(), RuleLevel::Off)].into(),
        ..Config::default()
    };
    let got = base.clone().overlaid(&Overlay {
        tolerance: Some(0.1),
        select: Some(vec!["M".to_owned()]),
        ignore: vec!["M004".to_owned()],
        rules: [("M005".to_owned(), RuleLevel::Info)].into(),
        lang: Some(Lang::Fr),
        ..Overlay::default()
    });
    assert_eq!(got.select, ["M"]);
    assert_eq!(got.ignore, ["P016", "M004"]);
    assert_eq!(got.rules.len(), 2);
    assert_eq!(got.rules["P017"], RuleLevel::Off);
    assert!((got.tolerance - 0.1).abs() < f64::EPSILON);
    assert_eq!(got.lang, Lang::Fr);
    // An empty overlay changes nothing.
    assert_eq!(base.clone().overlaid(&Overlay::default()), base);
}
