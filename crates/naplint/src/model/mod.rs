//! The typed document model of an action plan progress report (SPEC section 2).
//!
//! The JSON Schema in `schemas/report.schema.json` is generated from these types, so
//! the doc comments here are the descriptions editors show.

mod submission;
mod values;

pub use submission::*;
pub use values::*;

use crate::source::Str;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of this document format that naplint reads.
pub const FORMAT_VERSION: &str = "1";

/// A national action plan progress report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "naplint progress report")]
pub struct Report {
    /// Path or URL of this JSON Schema, for editor completion.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Version of the naplint document format; currently "1".
    pub format_version: FormatVersion,
    /// The action plan the report is about.
    pub plan: Plan,
    /// The report itself: title, edition, fiscal year and period.
    pub report: ReportMeta,
    /// The registry of departments; every lead must be one of their codes.
    pub departments: Vec<Department>,
    /// The plan's pillars (prevention, protection, prosecution, partnership).
    pub pillars: Vec<Pillar>,
    /// Statistics the report gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<Statistics>,
    /// Funded projects and programs the report gives amounts for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    /// Who submits the statistics whose entries name no department, when the report is
    /// assembled from department submissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owners: Option<Owners>,
    /// `base` marks the coordinator's base of a report assembled from submissions
    /// (`naplint split` writes one); a finished report leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
    /// In a base: the order of statistics and funding entries by department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
}

/// The action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Stable slug of the plan, e.g. ca-nap-cht.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Title of the plan.
    pub title: String,
    /// ISO 3166-1 alpha-2 code of the jurisdiction.
    pub jurisdiction: CountryCode,
    /// Date the plan was launched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launched: Option<Date>,
    /// Code of the coordinating department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<DeptCode>,
}

/// The report's own metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    /// Title as printed.
    pub title: String,
    /// Edition number: 1 for the first annual report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub edition: Option<u32>,
    /// The fiscal year covered.
    pub fiscal_year: FiscalYear,
    /// The period covered, first and last day.
    pub period: DatePeriod,
}

/// A period between two calendar dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatePeriod {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
}

/// A period known to the year, month or day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Start (YYYY, YYYY-MM or YYYY-MM-DD).
    pub start: PartialDate,
    /// End (YYYY, YYYY-MM or YYYY-MM-DD).
    pub end: PartialDate,
}

/// Whether a department is a core member of the coordinating body or takes part ad hoc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    Core,
    AdHoc,
}

/// A department or agency that may lead deliverables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Code used in `leads`, e.g. PS, ESDC-TFWP.
    pub code: DeptCode,
    /// Full name.
    pub name: String,
    /// Display form when it differs from the code, e.g. "ESDC (TFWP)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Other spellings the report uses for this department.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Core member or ad hoc participant.
    pub membership: Membership,
}

/// The four Ps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PillarKey {
    Prevention,
    Protection,
    Prosecution,
    Partnership,
}

/// A pillar of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    /// Pillar number, "1" to "4".
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub id: Str,
    /// Which of the four Ps.
    pub key: PillarKey,
    /// Name as the chart heads it.
    pub name: String,
    /// The pillar's objectives.
    pub objectives: Vec<Objective>,
}

/// An objective under a pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// `<pillar>.<n>`, e.g. "1.1".
    #[schemars(regex(pattern = r"^[0-9]+\.[0-9]+$"))]
    pub id: Str,
    /// The objective as printed.
    pub statement: Prose,
    /// The tasks under this objective.
    pub tasks: Vec<Task>,
}

/// A task under an objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// `<objective><n>`, e.g. "1.11" under objective 1.1.
    #[schemars(regex(pattern = r"^[0-9]+\.[0-9]+$"))]
    pub id: Str,
    /// The task as printed.
    pub title: Prose,
    /// The task's deliverables, in chart order.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub deliverables: Vec<Deliverable>,
}

/// A deliverable: one row of the action items chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = leads_required)]
pub struct Deliverable {
    /// `<task>.<n>`, e.g. "1.11.2".
    #[schemars(regex(pattern = r"^[0-9]+\.[0-9]+\.[0-9]+$"))]
    pub id: Str,
    /// The deliverable as printed.
    pub text: Prose,
    /// Printed with the "NEW:" prefix.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
    /// Fiscal year the work started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<FiscalYear>,
    /// Status at the end of the report period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Fiscal year the work is due ("On track for 2014/15").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<FiscalYear>,
    /// Codes of the lead departments, from `departments`.
    // Required by the schema, read leniently: an absent list is empty, so that P002 says
    // what is missing and the other rules still run.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub leads: Vec<Str>,
    /// Free text that qualifies the leads: "in consultation with HTT".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_note: Option<String>,
    /// The chart's bullets; each may carry its own start and status.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

/// A bulleted item under a deliverable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The bullet as printed.
    pub text: Prose,
    /// Printed with the "NEW:" prefix.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
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

/// Statistics the report gives.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statistics {
    /// Temporary resident permits to foreign-national victims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trp: Option<Trp>,
    /// Court cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub court_cases: Option<CourtCases>,
    /// Results of named law-enforcement operations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<Operation>,
    /// Investigation counts of a unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investigations: Vec<Investigation>,
    /// Reach of training and awareness sessions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training: Vec<Training>,
    /// Other reach figures (materials distributed, accesses, participants).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outreach: Vec<Outreach>,
}

/// Temporary resident permits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Trp {
    /// Totals since the program began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative: Option<TrpCumulative>,
    /// Figures for single calendar years.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annual: Vec<TrpAnnual>,
}

/// Cumulative TRP figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrpCumulative {
    /// Period the totals cover.
    pub period: Period,
    /// Permits issued, including subsequent permits to the same person.
    pub permits_issued: Figure,
    /// Foreign nationals who received permits.
    pub recipients: Figure,
    /// Recipients who are male.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub male: Option<Figure>,
    /// Recipients who are female.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub female: Option<Figure>,
    /// Recipients who are minor dependents of adult victims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minor_dependents: Option<Figure>,
    /// Most frequent countries of birth, in descending order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub top_countries_of_birth: Vec<CountryCount>,
}

/// A country and how many recipients were born there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountryCount {
    /// ISO 3166-1 alpha-2 code.
    pub country: CountryCode,
    /// Recipients born there.
    pub count: Figure,
}

/// TRP figures for one calendar year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrpAnnual {
    /// Calendar year.
    #[schemars(range(min = 1900, max = 2100))]
    pub year: u16,
    /// Victims newly identified that year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_victims: Option<Figure>,
    /// Permits issued that year.
    pub permits_issued: Figure,
    /// First permits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_permits: Option<Figure>,
    /// Subsequent permits to people who had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsequent_permits: Option<Figure>,
    /// The report says the figures may still change.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

/// Court case counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CourtCases {
    /// Date the counts are given at.
    pub as_of: Date,
    /// Completed cases with convictions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<CompletedCases>,
    /// Cases before the courts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_courts: Option<CasesBeforeCourts>,
}

/// Completed cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompletedCases {
    /// First calendar year counted.
    #[schemars(range(min = 1900, max = 2100))]
    pub since: u16,
    /// Cases completed.
    pub cases: Figure,
    /// Victims involved.
    pub victims: Figure,
    /// Accused who received convictions.
    pub accused_convicted: Figure,
}

/// Cases before the courts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CasesBeforeCourts {
    /// Cases.
    pub cases: Figure,
    /// Accused.
    pub accused: Figure,
    /// Victims.
    pub victims: Figure,
}

/// Results of a named operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// Name of the operation.
    pub name: String,
    /// Lead department code.
    pub lead: String,
    /// When it concluded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concluded: Option<PartialDate>,
    /// People arrested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrested: Option<Figure>,
    /// People charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charged: Option<Figure>,
    /// Charges laid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charges_laid: Option<Figure>,
    /// Guilty pleas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guilty_pleas: Option<Figure>,
    /// People who left the country or were deported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_or_departed: Option<Figure>,
    /// Victims identified and supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victims_identified: Option<Figure>,
}

/// Investigations launched by a unit and what became of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Investigation {
    /// The investigating unit.
    pub unit: String,
    /// When counting began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// Investigations launched.
    pub launched: Figure,
    /// Closed.
    pub closed: Figure,
    /// Still under investigation.
    pub ongoing: Figure,
    /// Escalated to a project among national priorities.
    pub escalated: Figure,
    /// Ended with charges.
    pub concluded_with_charges: Figure,
}

/// Reach of training sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// Department code of the provider.
    pub provider: String,
    /// Who the sessions were for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Partner department codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Period the sessions ran.
    pub period: Period,
    /// People reached.
    pub participants: Figure,
    /// Of whom law enforcement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law_enforcement: Option<Figure>,
}

/// Another reach figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outreach {
    /// What was counted.
    pub what: String,
    /// The count.
    pub count: Figure,
    /// Department code of the provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Counted since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// Counted at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    /// Period counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

/// A funded project or program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Project title as printed.
    pub title: String,
    /// Recipient organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// Funding department code.
    pub funder: String,
    /// Amount.
    pub amount: Money,
    /// The amount is per year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub annual: bool,
    /// Years the funding covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<YearRange>,
    /// Outcome figures reported for the project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Outcome>,
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Whole currency units.
    pub value: Count,
    /// ISO 4217 code.
    pub currency: CurrencyCode,
    /// "up to", "over", ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
}

/// A range of calendar years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    /// First year.
    #[schemars(range(min = 1900, max = 2100))]
    pub start: u16,
    /// Last year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1900, max = 2100))]
    pub end: Option<u16>,
}

/// An outcome figure of a funded project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// What was counted.
    pub what: String,
    /// The count.
    pub count: Figure,
    /// Counted at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
}

/// `leads` is read with a default (absent is empty, reported by P002) but the schema still
/// requires it, as it did before the model read it leniently.
fn leads_required(schema: &mut schemars::Schema) {
    if let Some(required) = schema
        .get_mut("required")
        .and_then(serde_json::Value::as_array_mut)
    {
        if !required.iter().any(|v| v == "leads") {
            required.push("leads".into());
        }
    }
    if let Some(leads) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut("leads"))
        .and_then(serde_json::Value::as_object_mut)
    {
        leads.remove("default");
    }
}
