//! Department submissions (SPEC section 2, "Submissions"): the document a department
//! sends the coordinator, and what a base says about who owns what.
//!
//! A report is assembled from a *base* (a report document with `kind: base`, holding what
//! the coordinator sets) and one [`Submission`] per department. Who may submit what is
//! data in the base: the `leads` of each deliverable, the `lead`/`provider`/`funder` of a
//! statistics or funding entry, and [`Owners`] for the sections whose entries name no
//! department. The schema `schemas/submission.schema.json` is generated from these types.

use super::{DeptCode, FiscalYear, Funding, Report, Statistics, Status};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a report document is: a finished report (the default) or a coordinator's base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A finished report.
    Report,
    /// The coordinator's part of a report assembled from department submissions.
    Base,
}

/// The marker of a submission document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionKind {
    /// A department's submission.
    Submission,
}

/// Who submits the statistics whose entries do not name a department themselves. A
/// section left out here belongs to the plan's coordinator.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Owners {
    /// Department that submits the temporary resident permit figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trp: Option<DeptCode>,
    /// Department that submits the court case counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub court_cases: Option<DeptCode>,
    /// Department that submits the investigation counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigations: Option<DeptCode>,
    /// Department that submits the reach figures that name no provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outreach: Option<DeptCode>,
}

/// In a base: the order of the entries of each list in the assembled report, as the
/// department code of each entry in turn (`naplint split` writes it). Entries beyond it
/// follow in the order of the departments.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Department of each operation, in report order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<DeptCode>,
    /// Department of each investigation entry, in report order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investigations: Vec<DeptCode>,
    /// Department of each training entry, in report order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training: Vec<DeptCode>,
    /// Department of each reach figure, in report order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outreach: Vec<DeptCode>,
    /// Department of each funding entry, in report order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<DeptCode>,
}

/// A department's update of the deliverables it leads and the statistics it owns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "naplint department submission")]
pub struct Submission {
    /// Path or URL of this JSON Schema, for editor completion.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `submission`: how naplint recognises the file.
    pub kind: SubmissionKind,
    /// Code of the submitting department, from the base's `departments`.
    pub department: DeptCode,
    /// Id of the plan, as the base's `plan.id`.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub plan: String,
    /// Fiscal year of the report, as the base's `report.fiscal_year`.
    pub fiscal_year: FiscalYear,
    /// Updates of the deliverables the department leads; co-leads each submit theirs.
    #[serde(default)]
    pub deliverables: Vec<DeliverableUpdate>,
    /// The statistics sections and entries the department owns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<Statistics>,
    /// The funding entries the department is the funder of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
}

/// What a lead department reports about one deliverable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliverableUpdate {
    /// Id of the deliverable in the base, e.g. "1.11.2".
    #[schemars(regex(pattern = r"^[0-9]+\.[0-9]+\.[0-9]+$"))]
    pub id: String,
    /// Printed with the "NEW:" prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<bool>,
    /// Fiscal year the work started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<FiscalYear>,
    /// Status at the end of the report period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Fiscal year the work is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<FiscalYear>,
    /// Updates of the deliverable's bullets, in the base's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemUpdate>,
}

/// What a lead department reports about one bullet of a deliverable.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemUpdate {
    /// Printed with the "NEW:" prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<bool>,
    /// Fiscal year the item started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<FiscalYear>,
    /// Status of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Fiscal year the item is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<FiscalYear>,
}

/// A statistics section that one department submits whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Trp,
    CourtCases,
}

impl Section {
    /// The section's key under `statistics`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Trp => "trp",
            Self::CourtCases => "court_cases",
        }
    }
}

/// A list of entries, each owned by one department.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Operations,
    Investigations,
    Training,
    Outreach,
    Funding,
}

impl List {
    pub const ALL: [Self; 5] = [
        Self::Operations,
        Self::Investigations,
        Self::Training,
        Self::Outreach,
        Self::Funding,
    ];

    /// The list's key: under `statistics`, or `funding` at the top.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Operations => "operations",
            Self::Investigations => "investigations",
            Self::Training => "training",
            Self::Outreach => "outreach",
            Self::Funding => "funding",
        }
    }

    /// The field of an entry that names its department, if entries carry one.
    #[must_use]
    pub fn owner_field(self) -> Option<&'static str> {
        match self {
            Self::Operations => Some("lead"),
            Self::Training | Self::Outreach => Some("provider"),
            Self::Funding => Some("funder"),
            Self::Investigations => None,
        }
    }

    /// The base's layout for this list.
    #[must_use]
    pub fn layout(self, layout: &Layout) -> &[DeptCode] {
        match self {
            Self::Operations => &layout.operations,
            Self::Investigations => &layout.investigations,
            Self::Training => &layout.training,
            Self::Outreach => &layout.outreach,
            Self::Funding => &layout.funding,
        }
    }

    /// The base's layout for this list, to fill in.
    pub fn layout_mut(self, layout: &mut Layout) -> &mut Vec<DeptCode> {
        match self {
            Self::Operations => &mut layout.operations,
            Self::Investigations => &mut layout.investigations,
            Self::Training => &mut layout.training,
            Self::Outreach => &mut layout.outreach,
            Self::Funding => &mut layout.funding,
        }
    }
}

impl Report {
    /// The department that submits a whole section: the base's `owners`, else the
    /// coordinator.
    #[must_use]
    pub fn section_owner(&self, section: Section) -> Option<&str> {
        let owners = self.owners.as_ref();
        let explicit = match section {
            Section::Trp => owners.and_then(|o| o.trp.as_ref()),
            Section::CourtCases => owners.and_then(|o| o.court_cases.as_ref()),
        };
        explicit
            .or(self.plan.coordinator.as_ref())
            .map(DeptCode::as_str)
    }

    /// The department that submits a list entry whose own field names `named` (or none):
    /// the entry's `lead`/`provider`/`funder`, else the base's `owners`, else the
    /// coordinator.
    #[must_use]
    pub fn entry_owner<'a>(&'a self, list: List, named: Option<&'a str>) -> Option<&'a str> {
        let owners = self.owners.as_ref();
        let fallback = match list {
            List::Investigations => owners.and_then(|o| o.investigations.as_ref()),
            List::Outreach => owners.and_then(|o| o.outreach.as_ref()),
            _ => None,
        };
        named.or_else(|| {
            fallback
                .or(self.plan.coordinator.as_ref())
                .map(DeptCode::as_str)
        })
    }

    /// Whether `code` is in the registry of departments.
    #[must_use]
    pub fn has_department(&self, code: &str) -> bool {
        self.departments.iter().any(|d| d.code.as_str() == code)
    }
}
