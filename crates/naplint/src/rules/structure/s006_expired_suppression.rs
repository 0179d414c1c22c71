crate::rules::declare_rule! {
    /// ## What it checks
    /// No entry of `naplint-baseline.toml` is past its `expires` date. An expired entry no longer
    /// hides its finding, which shows again beside this warning.
    ///
    /// ## Why it matters
    /// An acceptance "until the next report" must be reviewed when the next report comes.
    ///
    /// ## Fails
    /// ```yaml
    /// # also: P004
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: null
    /// ```
    /// ```toml
    /// [[suppress]]
    /// code = "P004"
    /// pointer = "/pillars/0/objectives/0/tasks/0/deliverables/0"
    /// reason = "printed without a start"
    /// expires = "2015-03-31"
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
    /// expires = "2027-03-31"
    /// ```
    Rule {
        code: "S006",
        name: "expired-suppression" / "exemption-expiree",
        severity: Warning,
        summary: "a suppression in the baseline is past its expiry date"
            / "une exemption de la base de référence a dépassé sa date d'expiration",
    }
    texts {
        pub(crate) EXPIRED = "suppression of `{code}` at `{pointer}` expired on {date}"
            / "l'exemption de `{code}` à `{pointer}` a expiré le {date}";
        pub(crate) EXPIRED_HELP = "review it: renew `expires` with a reason, or fix the data"
            / "réexaminez-la : renouvelez `expires` avec une justification, ou corrigez les données";
    }
}
