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
    /// ```json
    /// { "report": { "x0": 0, "x1": 1, "...": "1,001 unknown fields" } }
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// { "report": { "title": "2013-2014 Annual Report on Progress" } }
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
