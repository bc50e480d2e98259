//! Add export: the connection comes from those the signed-in user may use (a contributor sees
//! only connections shared with contributors), grouped by type; then name, kind and schedule.

use super::super::data_common::field::FormState;
use super::super::data_common::pane::{connection_problem, AddForm, ConnectionField, SidePane};
use super::form::{schedule_field, ExportDraft, ExportFields};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::toast::use_toasts;
use connections_domain::{Category, Command, ConnectionId, EventKind, ExportId, ExportKind, NewExport, Schedule};
use leptos::prelude::*;

/// - `created`: told the new export's id, so the list can show the page it is on.
#[component]
pub fn AddExportPane(open: RwSignal<bool>, created: Callback<ExportId>) -> impl IntoView {
    view! {
        <SidePane id="add-export" open=open>
            <AddExportForm open=open created=created />
        </SidePane>
    }
}

#[component]
fn AddExportForm(open: RwSignal<bool>, created: Callback<ExportId>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.usable_connections(&viewer, Category::Export))
    });
    let connection = RwSignal::new(String::new());
    let draft = ExportDraft::new(String::new(), ExportKind::Segment, Schedule::WithEachRefresh);
    let form = FormState::new();
    let save = Callback::new(move |()| {
        let picked = connection.get_untracked();
        let command = Command::CreateExport(NewExport {
            name: draft.name.get_untracked(),
            kind: draft.kind.get_untracked(),
            connection: ConnectionId::new(picked.clone()),
            schedule: draft.schedule_value(),
        });
        match portal.dispatch(command) {
            Ok(events) => {
                toasts.success(i18n.tf("data.export.created", &[("name", draft.name.get_untracked().trim())]), None);
                open.set(false);
                if let Some(id) = events.iter().find_map(|e| match &e.kind {
                    EventKind::ExportCreated { id, .. } => Some(id.clone()),
                    _ => None,
                }) {
                    created.run(id);
                }
            }
            Err(error) => {
                if !connection_problem(&form, &picked, "data.export.choose_connection", &error) {
                    form.refuse(error, schedule_field);
                }
            }
        }
    });
    view! {
        <AddForm id="add-export" open=open title_key="data.export.add" intro_key="data.export.add_intro" form=form save=save>
            <ConnectionField
                id="add-export-connection"
                label_key="data.export.connection"
                choices=choices
                value=connection
                form=form
                hint_id="no-connection-hint"
            />
            <ExportFields draft=draft errors=form.fields prefix="add-export" />
        </AddForm>
    }
}
