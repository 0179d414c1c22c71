crate::rules::declare_rule! {
    /// ## What it checks
    /// Every entry of `naplint-baseline.toml` (beside the data files) still matches a finding:
    /// same code, same pointer. Reported at the entry, in the baseline file.
    ///
    /// ## Why it matters
    /// A suppression outliving its finding would silently hide the next problem at that place;
    /// remove it once the data is corrected.
    ///
    /// ## Fails
    /// ```toml
    /// [[suppress]]
    /// code = "P004"
    /// pointer = "/pillars/0/objectives/0/tasks/0/deliverables/0"
    /// reason = "printed without a start"
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: null
    /// ```
    /// ```toml
    /// [[suppress]]
    /// code = "P004"
    /// pointer = "/pillars/0/objectives/0/tasks/0/deliverables/0"
    /// reason = "printed without a start"
    /// ```
    Rule {
        code: "S005",
        name: "unused-suppression" / "exemption-inutilisee",
        severity: Warning,
        summary: "a suppression in the baseline matches no finding"
            / "une exemption de la base de référence ne correspond à aucun constat",
    }
    texts {
        pub(crate) UNUSED = "suppression of `{code}` at `{pointer}` matches no finding"
            / "l'exemption de `{code}` à `{pointer}` ne correspond à aucun constat";
        pub(crate) UNUSED_HELP = "remove the entry: its finding is gone"
            / "retirez l'entrée : son constat a disparu";
    }
    also [crate::lang::BUDGET, crate::lang::BUDGET_HELP]
}
