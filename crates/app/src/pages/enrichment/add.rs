//! Add enrichment: pick an enrichment connection (grouped by provider) and name it.

use super::super::data_common::field::{FormState, TextField};
use super::super::data_common::pane::{connection_problem, AddForm, ConnectionField, SidePane};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::toast::use_toasts;
use connections_domain::{Category, Command, ConnectionId, DomainError};
use leptos::prelude::*;

#[component]
pub fn AddEnrichmentPane(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <SidePane id="add-enrichment" open=open>
            <AddEnrichmentForm open=open />
        </SidePane>
    }
}

/// The name refusal's field (for `FormState::refuse`).
pub fn name_field(error: &DomainError) -> Option<&'static str> {
    matches!(error, DomainError::InvalidName(_)).then_some("name")
}

#[component]
fn AddEnrichmentForm(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.usable_connections(&viewer, Category::Enrichment))
    });
    let connection = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let form = FormState::new();
    let save = Callback::new(move |()| {
        let picked = connection.get_untracked();
        match portal.dispatch(Command::CreateEnrichment { name: name.get_untracked(), connection: ConnectionId::new(picked.clone()) }) {
            Ok(_) => {
                toasts.success(i18n.tf("data.enrichment.created", &[("name", name.get_untracked().trim())]), None);
                open.set(false);
            }
            Err(error) => {
                if !connection_problem(&form, &picked, "data.enrichment.choose_connection", &error) {
                    form.refuse(error, name_field);
                }
            }
        }
    });
    view! {
        <AddForm id="add-enrichment" open=open title_key="data.enrichment.add" intro_key="data.enrichment.add_intro" form=form save=save>
            <ConnectionField id="add-enrichment-connection" label_key="data.enrichment.connection" choices=choices value=connection form=form />
            <TextField id="add-enrichment-name" label_key="data.enrichment.name" value=name errors=form.fields key="name" />
        </AddForm>
    }
}
