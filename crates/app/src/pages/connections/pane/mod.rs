//! The "Set up connection" side pane, for Add, Duplicate and Edit. Its inputs come from the
//! catalogue entry of the chosen type. Save checks every field at once with the domain's own
//! checks, shows each problem beside its field, and sends one command; nothing typed is lost
//! when Save fails.

use super::form::FormValues;
use super::{PaneRequest, Tab};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::modal::Modal;
use connections_domain::{Access, ConnectionDetails, ConnectionId, UsableBy};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use editor::PaneForm;

mod editor;
mod save_reasons;
mod sections;


/// What the pane starts from.
#[derive(Clone)]
pub(super) struct Start {
    pub(super) values: FormValues,
    /// `Some` when editing.
    pub(super) editing: Option<ConnectionId>,
    pub(super) details: Option<ConnectionDetails>,
    pub(super) used_by_count: usize,
}

fn start_of(request: &PaneRequest, portal: crate::state::Portal, duplicate_name: impl Fn(&str) -> String) -> Option<Start> {
    let viewer = portal.current_user.get_untracked();
    let (id, editing) = match request {
        PaneRequest::Add(type_id) => {
            let values = FormValues { type_id: type_id.filter(|t| t.spec().is_connection()), ..Default::default() };
            return Some(Start { values, editing: None, details: None, used_by_count: 0 });
        }
        PaneRequest::Edit(id) => (id, true),
        PaneRequest::Duplicate(id) => (id, false),
    };
    portal.workspace().with_untracked(|w| {
        let row = w.connection_row(&viewer, id, crate::time::now())?;
        let details = row.details.clone()?;
        let usable_by =
            if row.access == Access::AdministratorsOnly { UsableBy::AdministratorsOnly } else { UsableBy::AdministratorsAndContributors };
        let mut values = FormValues::from_saved(row.type_id, row.display_name.clone(), &details, usable_by);
        if editing {
            Some(Start { values, editing: Some(id.clone()), details: Some(details), used_by_count: row.used_by_count })
        } else {
            // A duplicate starts with the same settings and no secret at all.
            values.display_name = duplicate_name(&row.display_name);
            values.use_vault = false;
            values.vault_picks.clear();
            Some(Start { values, editing: None, details: None, used_by_count: 0 })
        }
    })
}

#[component]
pub fn SetupPane(request: PaneRequest, tab: Tab) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let navigate = StoredValue::new_local(use_navigate());
    let open = RwSignal::new(true);
    // Closing the pane (Cancel, Escape, Save) returns to the list without the pane's query.
    Effect::new(move |_| {
        if !open.get() {
            navigate.with_value(|go| go(&tab.href(), Default::default()));
        }
    });
    let start = start_of(&request, portal, |name| i18n.tf("connections.duplicate_name", &[("name", name)]));
    let title_key = match (&request, &start) {
        (PaneRequest::Edit(_), _) => "connections.pane.edit_title",
        _ => "connections.pane.title",
    };
    let start = StoredValue::new(start);
    view! {
        <Modal open=open labelled_by="pane-title" id="setup-pane" class="side-pane">
            <h2 id="pane-title">{move || i18n.t(title_key)}</h2>
            {move || match start.get_value() {
                Some(start) => view! { <PaneForm start=start open=open /> }.into_any(),
                None => {
                    view! {
                        <p role="alert" id="pane-not-found">{move || i18n.t("error.not_found")}</p>
                        <div class="dialog-actions">
                            <button on:click=move |_| open.set(false)>{move || i18n.t("connections.close")}</button>
                        </div>
                    }
                        .into_any()
                }
            }}
        </Modal>
    }
}

