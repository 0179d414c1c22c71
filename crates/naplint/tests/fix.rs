//! `fix::apply` edits only the spans it fixes: every other byte (formatting, YAML
//! comments) is unchanged, the result passes the fixed rules, and a second run changes
//! nothing.

#![allow(clippy::disallowed_methods)]

use naplint::{fix, Config, Linter, SourceFormat};

fn linter() -> Linter {
    Linter::new(Config::default()).unwrap()
}

/// Fixes until nothing changes, as the CLI does.
fn fix_all(text: &str, format: SourceFormat) -> String {
    let linter = linter();
    let mut text = text.to_owned();
    for _ in 0..4 {
        let result = fix::apply(&text, format, &linter.check(&text, format));
        if result.applied == 0 {
            break;
        }
        text = result.text;
    }
    text
}

const YAML: &str = "\
# a department's update: comments must survive --fix
format_version: '1'   # keep me
plan: {id: ca-nap-cht, title: National Action Plan to  Combat Human Trafficking, jurisdiction: ca}
report:
  title: 2013-2014 Annual Report on Progress
  fiscal_year: 2013-14
  period: {start: 2013-04-01, end: 2014-03-31}
departments:
  - {code: PS, name: Public Safety Canada, membership: core}
  - {code: ESDC-TFWP, name: Employment and Social Development Canada, aliases: [ESDC (TFWP)], membership: core}
pillars:
  - id: '1'
    key: prevention
    name: Prevention
    objectives:
      - id: '1.1'
        statement: Support a broad-based prevention strategy.
        tasks:
          - id: '1.11'
            title: Support awareness campaigns.
            deliverables:
              - id: 1.11.1
                text: Promote online training tool.
                start: 2012/2013     # was printed 2012/2013
                status: In Progress
                leads: [PS, ESDC (TFWP)]
              - id: 1.11.2
                text: Support a youth forum.
                start: \"2012-13\"
                status: 'completed'
                leads: [PS]
";

#[test]
fn yaml_fix_keeps_comments_and_layout() {
    let fixed = fix_all(YAML, SourceFormat::Yaml);
    let after = linter().check(&fixed, SourceFormat::Yaml);
    assert!(
        after.iter().all(|d| d.fix.is_none()),
        "fixable findings left: {after:#?}"
    );
    let expected = YAML
        .replace("to  Combat", "to Combat")
        .replace("jurisdiction: ca", "jurisdiction: CA")
        .replace("fiscal_year: 2013-14", "fiscal_year: 2013/14")
        .replace("start: 2012/2013 ", "start: 2012/13 ")
        .replace("status: In Progress", "status: in_progress")
        .replace("[PS, ESDC (TFWP)]", "[PS, ESDC-TFWP]")
        .replace("start: \"2012-13\"", "start: \"2012/13\"")
        .replace("status: 'completed'", "status: 'complete'");
    assert_eq!(fixed, expected);
    assert_eq!(
        fix_all(&fixed, SourceFormat::Yaml),
        fixed,
        "fixing is idempotent"
    );
}

#[test]
fn json_fix_changes_only_the_fixed_spans() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/P005/fail_dash.json"
    );
    let original = std::fs::read_to_string(path).unwrap();
    let fixed = fix_all(&original, SourceFormat::Json);
    assert_eq!(fixed, original.replacen("\"2012-13\"", "\"2012/13\"", 1));
    assert!(linter().check(&fixed, SourceFormat::Json).is_empty());
}

#[test]
fn overlapping_or_dangling_fixes_are_skipped() {
    let text = "{\"a\": \"x\"}";
    let bad = naplint::Fix {
        pointer: "/nope".to_owned(),
        value: "y".into(),
        description: String::new(),
    };
    let whole = naplint::Fix {
        pointer: String::new(),
        value: "y".into(),
        description: String::new(),
    };
    let result = fix::apply_fixes(text, SourceFormat::Json, &[&bad, &whole]);
    assert_eq!(
        (result.text.as_str(), result.applied, result.skipped),
        (text, 0, 2)
    );
}
