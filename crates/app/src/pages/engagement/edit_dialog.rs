//! Edit an audience-insights connection: the same four settings as the wizard. The saved shared
//! key is never shown; typing a new one replaces it, leaving it empty keeps it. A new location
//! or key sets the link back to Pending (the domain decides).

use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::pages::engagement::settings_form::{SettingsDraft, SettingsFields};
use crate::state::use_portal;
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::{Command, DomainError, EngagementLinkEdit, EngagementLinkRow};
use leptos::prelude::*;

const PREFIX: &str = "edit-link";

#[component]
pub fn EditDialog(open: RwSignal<bool>, link: RwSignal<Option<EngagementLinkRow>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Modal open=open labelled_by="edit-link-title" class="side-pane" id="edit-link-dialog">
            {move || {
                link.get()
                    .map(|row| {
                        let name = row.storage_account.clone();
                        view! {
                            <h2 id="edit-link-title">
                                {move || i18n.tf("engagement.edit.title", &[("name", &name)])}
                            </h2>
                            <EditForm row=row.clone() open=open />
                        }
                    })
            }}
        </Modal>
    }
}

#[component]
fn EditForm(row: EngagementLinkRow, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let draft = SettingsDraft::from_row(&row);
    let problem = RwSignal::new(None::<String>);
    let id = StoredValue::new(row.id.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if draft.check(PREFIX, true).is_none() {
            return;
        }
        let command = Command::EditEngagementLink(EngagementLinkEdit {
            id: id.get_value(),
            storage_account: draft.storage_account.get_untracked(),
            shared_key: draft.typed_key(true),
            environment_id: draft.environment_id.get_untracked(),
            instance_folder: draft.instance_folder.get_untracked(),
        });
        match portal.dispatch(command) {
            Ok(_) => {
                toasts.success(i18n.tf("engagement.edit.saved", &[("name", &draft.storage_account.get_untracked())]), None);
                open.set(false);
            }
            Err(DomainError::InvalidFields(errors)) => draft.show_errors(errors, PREFIX),
            Err(error) => problem.set(Some(error_message(&i18n, &error))),
        }
    };
    view! {
        <form class="ei-form" on:submit=save novalidate>
            <p class="hint hint-intro">{move || i18n.t("engagement.edit.intro")}</p>
            <SettingsFields draft=draft id_prefix=PREFIX editing=true />
            <p class="field-error" role="alert" id="edit-link-problem">{move || problem.get().unwrap_or_default()}</p>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("engagement.cancel")}</button>
                <button type="submit" class="primary" id="edit-link-save">{move || i18n.t("engagement.save")}</button>
            </div>
        </form>
    }
}
