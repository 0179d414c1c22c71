//! M: report metadata and dates.

pub mod iso;
// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
pub mod m001_period_order;
pub mod m002_fiscal_year_mismatch;
pub mod m003_figure_after_period;
pub mod m004_invalid_country;
pub mod m005_invalid_currency;
// codegen:modules:end

use crate::diagnostic::{Finding, Pointer};
use crate::i18n::Lang;
use crate::model::date_bounds;
use crate::schema::{Violation, ViolationKind};

/// A date's earliest and latest day as comparable numbers `yyyymmdd`.
pub(crate) fn day_range(s: &str) -> Option<(u32, u32)> {
    let ((y1, m1, d1), (y2, m2, d2)) = date_bounds(s)?;
    let n = |y: u16, m: u8, d: u8| u32::from(y) * 10_000 + u32::from(m) * 100 + u32::from(d);
    Some((n(y1, m1, d1), n(y2, m2, d2)))
}

/// A field that holds a code of an ISO list (M004 countries, M005 currencies): a
/// well-formed code outside the list is the rule's own finding; a malformed one is a
/// schema pattern violation of `def` that the rule claims. A lower-case spelling of a
/// listed code gets the upper-case fix.
pub(crate) struct CodeList {
    pub list: &'static [&'static str],
    /// The number of upper-case letters of a well-formed code.
    pub len: usize,
    /// The schema definition whose pattern violations the rule claims.
    pub def: &'static str,
    /// `{value}` is not a code of the list.
    pub message: crate::i18n::Text,
    pub help: crate::i18n::Text,
}

impl CodeList {
    fn finding(&self, ptr: Pointer, value: &str, lang: Lang) -> Finding {
        let f = Finding::new(ptr, self.message.render(lang, &[("value", value)]));
        let upper = value.to_ascii_uppercase();
        if upper != value && self.list.contains(&upper.as_str()) {
            super::common::respell(f, value, &upper, lang)
        } else {
            f.help(self.help.get(lang))
        }
    }

    /// The findings of `codes`, each at its pointer.
    pub(crate) fn check<'a>(
        &self,
        codes: impl IntoIterator<Item = (Pointer, &'a str)>,
        lang: Lang,
        out: &mut Vec<Finding>,
    ) {
        for (ptr, code) in codes {
            // Malformed codes are the schema's (claimed); here, well-formed but unassigned.
            let shaped = code.len() == self.len && code.bytes().all(|b| b.is_ascii_uppercase());
            if shaped && !self.list.contains(&code) {
                out.push(self.finding(ptr, code, lang));
            }
        }
    }

    /// Takes over the schema's pattern violation of `def`.
    pub(crate) fn claim(&self, v: &Violation, lang: Lang) -> Option<Finding> {
        match &v.kind {
            ViolationKind::Pattern { value, .. } if v.def.as_deref() == Some(self.def) => {
                Some(self.finding(v.pointer.clone(), value, lang))
            }
            _ => None,
        }
    }
}
