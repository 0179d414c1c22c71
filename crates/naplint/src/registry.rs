//! The one table of rules. `naplint rules`, `explain`, SARIF metadata, the WASM
//! `rules()` and the generated docs all read it.

// codegen:registry:start (`cargo xtask codegen` writes this block; do not edit)
use crate::rules::{across, assembly, meta, plan, reconcile, structure, Rule};

/// Every rule, in code order.
pub static RULES: &[Rule] = &[
    structure::s001_schema::RULE,
    structure::s002_duplicate_key::RULE,
    structure::s003_parse_error::RULE,
    structure::s004_unsupported_format_version::RULE,
    structure::s005_unused_suppression::RULE,
    structure::s006_expired_suppression::RULE,
    structure::s007_too_many_diagnostics::RULE,
    plan::p001_task_without_deliverables::RULE,
    plan::p002_missing_lead::RULE,
    plan::p003_unknown_lead::RULE,
    plan::p004_missing_start::RULE,
    plan::p005_invalid_fiscal_year::RULE,
    plan::p006_invalid_status::RULE,
    plan::p007_missing_status::RULE,
    plan::p008_on_track_without_target::RULE,
    plan::p009_target_before_start::RULE,
    plan::p010_start_after_report_year::RULE,
    plan::p011_new_flag_mismatch::RULE,
    plan::p012_id_hierarchy::RULE,
    plan::p013_duplicate_id::RULE,
    plan::p014_status_rollup::RULE,
    plan::p015_item_start_before_parent::RULE,
    plan::p016_idle_department::RULE,
    plan::p017_whitespace::RULE,
    meta::m001_period_order::RULE,
    meta::m002_fiscal_year_mismatch::RULE,
    meta::m003_figure_after_period::RULE,
    meta::m004_invalid_country::RULE,
    meta::m005_invalid_currency::RULE,
    reconcile::r001_trp_breakdown::RULE,
    reconcile::r002_trp_permits_cover_recipients::RULE,
    reconcile::r003_trp_countries_within_total::RULE,
    reconcile::r004_trp_annual_split::RULE,
    reconcile::r005_trp_annual_within_cumulative::RULE,
    reconcile::r006_investigation_outcomes::RULE,
    reconcile::r007_subset_exceeds_total::RULE,
    reconcile::r008_operation_funnel::RULE,
    reconcile::r009_funding_years_order::RULE,
    across::x001_status_regression::RULE,
    across::x002_start_changed::RULE,
    across::x003_new_flag_on_existing::RULE,
    across::x004_dropped_deliverable::RULE,
    across::x005_cumulative_decreased::RULE,
    assembly::a001_co_lead_conflict::RULE,
    assembly::a002_not_a_lead::RULE,
    assembly::a003_unknown_deliverable::RULE,
    assembly::a004_missing_submission::RULE,
    assembly::a005_duplicate_submission::RULE,
    assembly::a006_wrong_report::RULE,
];
// codegen:registry:end

/// A rule by code (`P005`, any case) or name (`invalid-fiscal-year`).
#[must_use]
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name)
            || r.name == code_or_name
            || r.name_fr == code_or_name
    })
}

/// A rule as listed by `naplint rules`, `explain`, SARIF and WASM `rules()`: a built-in
/// declaration or a user's rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleInfo {
    pub code: String,
    pub name: String,
    /// The display name in the listing's language.
    pub title: String,
    /// `structure`, `plan`, `meta`, `reconcile`, `across`, `assembly` or `user`.
    #[cfg_attr(
        feature = "ts",
        ts(
            type = r#""structure" | "plan" | "meta" | "reconcile" | "across" | "assembly" | "user""#
        )
    )]
    pub family: String,
    pub severity: crate::Severity,
    pub summary: String,
    pub docs: String,
    pub fixable: bool,
}

impl From<&Rule> for RuleInfo {
    fn from(r: &Rule) -> Self {
        Self::localized(r, crate::i18n::Lang::En)
    }
}

impl RuleInfo {
    /// A built-in rule's listing in a language: the summary and documentation in it; the
    /// `name` stays the stable English identifier and `title` is the display name.
    #[must_use]
    pub fn localized(r: &Rule, lang: crate::i18n::Lang) -> Self {
        let fr = lang == crate::i18n::Lang::Fr;
        Self {
            title: if fr { r.name_fr } else { r.name }.to_owned(),
            code: r.code.to_owned(),
            name: r.name.to_owned(),
            family: serde_json::to_value(r.family)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            severity: r.severity,
            summary: if fr { r.summary_fr } else { r.summary }.to_owned(),
            docs: if fr { r.docs_fr } else { r.docs }.to_owned(),
            fixable: r.fixable,
        }
    }
}

impl RuleInfo {
    /// The listing of a user's rule, its documentation generated from its declaration.
    #[must_use]
    pub fn user(rule: &crate::lang::UserRule) -> Self {
        let scope = rule
            .scope
            .as_deref()
            .map(|s| format!(" for each element of `{s}`"))
            .unwrap_or_default();
        let summary = rule
            .description
            .clone()
            .unwrap_or_else(|| format!("`{}` does not hold", rule.check));
        Self {
            code: rule.code.clone(),
            name: rule.name.clone().unwrap_or_else(|| rule.code.to_ascii_lowercase()),
            title: rule.name.clone().unwrap_or_else(|| rule.code.to_ascii_lowercase()),
            family: "user".to_owned(),
            severity: rule.severity.unwrap_or(crate::Severity::Error),
            docs: format!(
                "## What it checks\n`{}`{scope} (a rule of this project's configuration).\n\n## Why it matters\n{}\n\n## Fails\nA document where the condition is false for some element.\n\n## Passes\nA document where it holds, or where a figure it needs is absent.\n",
                rule.check,
                rule.description.as_deref().unwrap_or("See the project's configuration.")
            ),
            summary,
            fixable: false,
        }
    }
}

/// The rule reference (`docs/rules.md`), generated from the declarations.
#[must_use]
pub fn reference_markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::from("# naplint rules\n\nGenerated by `cargo xtask codegen` from the rule declarations; do not edit.\n\nEach *Fails* and *Passes* example is a fragment of `tests/docs/base.yaml` (a clean report), merged into it as a JSON Merge Patch (objects merge, `null` removes, arrays replace) at the root or at the pointer of its `# at:` line; the A rules' examples are submission sets over `tests/docs/set-base.yaml`. `cargo test -p naplint --test doc_examples` runs every one.\n\n");
    out.push_str(&rule_table());
    for rule in RULES {
        let _ = write!(
            out,
            "\n## {} `{}`\n\n{} · default severity: {}{}\n\n{}",
            rule.code,
            rule.name,
            rule.family.title(),
            rule.severity.as_str(),
            if rule.fixable { " · fixable" } else { "" },
            format!("\n{}", rule.docs)
                .replace("\n## ", "\n### ")
                .trim_start()
        );
    }
    out
}

/// The Markdown table of all rules, for README and `docs/rules.md`.
#[must_use]
pub fn rule_table() -> String {
    use std::fmt::Write as _;
    let mut out =
        String::from("| code | name | severity | fix | what it reports |\n|---|---|---|---|---|\n");
    for rule in RULES {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            if rule.fixable { "yes" } else { "" },
            rule.summary
        );
    }
    out
}

/// `naplint explain` and WASM `explain()`: a rule's documentation page in its language.
#[must_use]
pub fn explain_markdown(rule: &RuleInfo, lang: crate::i18n::Lang) -> String {
    let fr = lang == crate::i18n::Lang::Fr;
    let title = if rule.title == rule.name {
        String::new()
    } else {
        format!(" ({})", rule.title)
    };
    let severity = match (fr, rule.severity) {
        (false, s) => format!("default severity: {}", s.as_str()),
        (true, crate::Severity::Error) => "gravité par défaut : erreur".to_owned(),
        (true, crate::Severity::Warning) => "gravité par défaut : avertissement".to_owned(),
        (true, crate::Severity::Info) => "gravité par défaut : info".to_owned(),
    };
    let fixable = match (rule.fixable, fr) {
        (false, _) => "",
        (true, false) => " · fixable",
        (true, true) => " · corrigeable",
    };
    format!(
        "# {} `{}`{title}\n\n{} · {severity}{fixable}\n\n{}\n",
        rule.code,
        rule.name,
        rule.family,
        rule.docs.trim_end()
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::lang::{self, Tri};
    use crate::source::{self, Node, SourceFormat, Value};

    /// Rewrites the `k`-th figure of `node` (document order) with `change`; counts the
    /// figures it passes in `k`.
    fn change_figure(node: &mut Node, k: &mut usize, change: &dyn Fn(u64) -> u64) {
        match &mut node.value {
            Value::Number(n) => {
                if *k == 0 {
                    n.raw = change(n.raw.parse().unwrap_or(0)).to_string().into();
                }
                *k = k.wrapping_sub(1);
            }
            Value::Array(items) => items.iter_mut().for_each(|n| change_figure(n, k, change)),
            Value::Object(members) => members
                .iter_mut()
                .for_each(|m| change_figure(&mut m.value, k, change)),
            _ => {}
        }
    }

    /// A check first decides each element without wording, then words only the failures:
    /// the two evaluators must agree on every element, passing or failing. The seed, and
    /// the seed with each of its figures in turn set to 0 and raised by 1,000 (which makes
    /// sums fail and pass), under every built-in check.
    #[test]
    fn deciding_and_explaining_agree_on_every_element() {
        let schema: serde_json::Value =
            serde_json::from_str(crate::schema::REPORT_SCHEMA_JSON).unwrap();
        let checks: Vec<_> = super::RULES
            .iter()
            .flat_map(|r| r.checks)
            .map(|c| lang::compile(c.decl(), &schema).unwrap())
            .collect();
        let seed = include_str!("../../../seeds/2013-14/report.json");
        let root = source::load(seed, SourceFormat::Json).root.unwrap();
        let mut figures = usize::MAX;
        change_figure(&mut root.clone(), &mut figures, &|v| v);
        let figures = usize::MAX - figures;
        let (mut elements, mut failing) = (0, 0);
        for k in 0..=2 * figures {
            let mut doc = root.clone();
            let to_zero = |_| 0;
            let raise = |v: u64| v + 1000;
            let change: &dyn Fn(u64) -> u64 = if k % 2 == 0 { &to_zero } else { &raise };
            change_figure(&mut doc, &mut (k / 2), change);
            for check in &checks {
                for (decided, explained) in check.both_truths(&doc) {
                    // The same truth, in the same steps (the budget counts deciding's).
                    assert_eq!(decided, explained, "figure {k}: the evaluators disagree");
                    let decided = decided.0;
                    elements += 1;
                    failing += usize::from(decided == Tri::False);
                }
            }
        }
        assert!(
            checks.len() > 10 && figures > 50,
            "{} checks, {figures} figures",
            checks.len()
        );
        assert!(
            failing > 50 && failing < elements,
            "{failing} of {elements} elements failed"
        );
    }
}
