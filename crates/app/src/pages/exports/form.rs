//! The fields an export is made of (name, kind, schedule), shared by Add export and the export
//! pane. Values stay in signals, so nothing typed is lost when Save is refused.

use super::super::data_common::field::{has_error, radio, FieldErrors, FieldMessage, TextField};
use crate::i18n::use_i18n;
use connections_domain::{DomainError, ExportKind, Schedule};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleChoice {
    WithEachRefresh,
    Recurring,
    OnDemand,
}

/// The form's state. Hours stay as typed text; the domain judges them.
#[derive(Clone, Copy)]
pub struct ExportDraft {
    pub name: RwSignal<String>,
    pub kind: RwSignal<ExportKind>,
    pub schedule: RwSignal<ScheduleChoice>,
    pub hours: RwSignal<String>,
}

impl ExportDraft {
    pub fn new(name: String, kind: ExportKind, schedule: Schedule) -> Self {
        let (choice, hours) = match schedule {
            Schedule::WithEachRefresh => (ScheduleChoice::WithEachRefresh, 24),
            Schedule::Recurring { every_hours } => (ScheduleChoice::Recurring, every_hours),
            Schedule::OnDemand => (ScheduleChoice::OnDemand, 24),
        };
        ExportDraft {
            name: RwSignal::new(name),
            kind: RwSignal::new(kind),
            schedule: RwSignal::new(choice),
            hours: RwSignal::new(hours.to_string()),
        }
    }

    /// The schedule as the domain takes it; unreadable hours become 0, which it refuses with
    /// the "1 to 168 hours" message.
    pub fn schedule_value(&self) -> Schedule {
        match self.schedule.get_untracked() {
            ScheduleChoice::WithEachRefresh => Schedule::WithEachRefresh,
            ScheduleChoice::OnDemand => Schedule::OnDemand,
            ScheduleChoice::Recurring => {
                Schedule::Recurring { every_hours: self.hours.get_untracked().trim().parse().unwrap_or(0) }
            }
        }
    }
}

/// The field of the name and schedule refusals (for `FormState::refuse`).
pub fn schedule_field(error: &DomainError) -> Option<&'static str> {
    match error {
        DomainError::InvalidName(_) => Some("name"),
        DomainError::InvalidSchedule => Some("hours"),
        _ => None,
    }
}

/// Name, kind and schedule inputs. `prefix` keeps ids unique when two forms exist.
#[component]
pub fn ExportFields(draft: ExportDraft, errors: FieldErrors, prefix: &'static str, #[prop(optional)] read_only: bool) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |part: &str| format!("{prefix}-{part}");
    let kind_radio = move |kind: ExportKind, key: &'static str, part: &'static str| radio(i18n, draft.kind, kind, id("kind"), id(part), key, read_only);
    let schedule_radio =
        move |choice: ScheduleChoice, key: &'static str, part: &'static str| radio(i18n, draft.schedule, choice, id("schedule"), id(part), key, read_only);
    view! {
        <TextField id=id("name") label_key="data.export.name" value=draft.name errors=errors key="name" read_only=read_only />
        <fieldset class="form-field">
            <legend>{move || i18n.t("data.export.kind")}</legend>
            {kind_radio(ExportKind::DataOut, "export_kind.data_out", "kind-data-out")}
            {kind_radio(ExportKind::Segment, "export_kind.segment", "kind-segment")}
        </fieldset>
        <fieldset class="form-field" aria-describedby=id("hours-error")>
            <legend>{move || i18n.t("data.export.schedule")}</legend>
            {schedule_radio(ScheduleChoice::WithEachRefresh, "schedule.with_each_refresh", "schedule-refresh")}
            {schedule_radio(ScheduleChoice::Recurring, "data.export.recurring", "schedule-recurring")}
            <Show when=move || draft.schedule.get() == ScheduleChoice::Recurring>
                <div class="nested-field">
                    <label for=id("hours")>{move || i18n.t("data.export.every_hours")}</label>
                    <input
                        id=id("hours")
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max="168"
                        readonly=read_only
                        aria-invalid=move || has_error(errors, "hours").get().to_string()
                        aria-describedby=id("hours-error")
                        bind:value=draft.hours
                    />
                </div>
            </Show>
            {schedule_radio(ScheduleChoice::OnDemand, "schedule.on_demand", "schedule-on-demand")}
            <FieldMessage errors=errors key="hours" id=id("hours-error") />
        </fieldset>
    }
}
