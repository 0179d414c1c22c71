crate::rules::declare_rule! {
    /// ## What it checks
    /// That a file gives at most 1,000 diagnostics. Past that, the first 1,000 are shown and this
    /// one notice, at the place of the last one shown, says how many more there were.
    ///
    /// ## Why it matters
    /// A broken 50 MB file would otherwise flood a terminal or freeze a browser form; the first
    /// thousand problems are enough to see what is wrong.
    ///
    /// ## Fails
    /// ```yaml
    /// # also: S001, P013
    /// # 32 departments with 32 unknown fields each: 1,024 S001 findings
    /// departments: [
    ///   &d { code: PS, name: Public Safety Canada, membership: core,
    ///     k00: 0, k01: 0, k02: 0, k03: 0, k04: 0, k05: 0, k06: 0, k07: 0, k08: 0, k09: 0, k10: 0, k11: 0, k12: 0, k13: 0, k14: 0, k15: 0, k16: 0,
    ///     k17: 0, k18: 0, k19: 0, k20: 0, k21: 0, k22: 0, k23: 0, k24: 0, k25: 0, k26: 0, k27: 0, k28: 0, k29: 0, k30: 0, k31: 0 },
    ///   *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d,
    ///   *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d
    /// ]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// departments: [{ code: PS, name: Public Safety Canada, membership: core }]
    /// ```
    Rule {
        code: "S007",
        name: "too-many-diagnostics" / "trop-de-constats",
        severity: Info,
        summary: "more diagnostics than the limit per file; the rest are not shown"
            / "plus de constats que la limite par fichier; les autres ne sont pas affichés",
    }
    texts {
        pub(crate) MORE = "{more} more diagnostics not shown (limit {limit} per file)"
            / "{more} autres constats non affichés (limite de {limit} par fichier)";
        pub(crate) MORE_ONE = "{more} more diagnostic not shown (limit {limit} per file)"
            / "{more} autre constat non affiché (limite de {limit} par fichier)";
        pub(crate) MORE_HELP = "fix the ones above, or narrow the check with --select"
            / "corrigez ceux qui précèdent, ou restreignez la vérification avec --select";
    }
}
