//! P: plan structure — the action items chart.

// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
pub mod p001_task_without_deliverables;
pub mod p002_missing_lead;
pub mod p003_unknown_lead;
pub mod p004_missing_start;
pub mod p005_invalid_fiscal_year;
pub mod p006_invalid_status;
pub mod p007_missing_status;
pub mod p008_on_track_without_target;
pub mod p009_target_before_start;
pub mod p010_start_after_report_year;
pub mod p011_new_flag_mismatch;
pub mod p012_id_hierarchy;
pub mod p013_duplicate_id;
pub mod p014_status_rollup;
pub mod p015_item_start_before_parent;
pub mod p016_idle_department;
pub mod p017_whitespace;
// codegen:modules:end
