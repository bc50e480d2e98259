//! The data panes' shared parts: the connection field (Add panes and "Add connection" of a
//! detached row), the Add pane's frame, and the pane's action row.

use super::field::{has_error, FieldMessage, FormMessage, FormState, Problem};
use super::picker::ConnectionPicker;
use crate::i18n::{use_i18n, I18n};
use crate::ui::modal::Modal;
use crate::state::use_portal;
use connections_domain::{AttachTarget, ConnectionChoice, ConnectionId, DomainError};
use leptos::prelude::*;

/// A connection picker with its label, the "contact an administrator" hint when nothing can be
/// picked, and its message. Ids: the select `id`, its message `{id}-error`.
#[component]
pub fn ConnectionField(
    id: &'static str,
    label_key: &'static str,
    choices: Signal<Vec<ConnectionChoice>>,
    value: RwSignal<String>,
    form: FormState,
    /// The hint's id, where a test names it.
    #[prop(optional)]
    hint_id: Option<&'static str>,
    /// A button beside the picker (Add connection of a detached row).
    #[prop(optional)]
    button: Option<AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let picker = view! {
        <ConnectionPicker id=id choices=choices value=value error_id=error_id.clone() invalid=has_error(form.fields, "connection") />
    };
    view! {
        <div class="form-field">
            <label for=id>{move || i18n.t(label_key)}</label>
            {match button {
                Some(button) => view! { <div class="inline-field">{picker}{button}</div> }.into_any(),
                None => picker.into_any(),
            }}
            <Show when=move || choices.with(Vec::is_empty)>
                <p class="hint hint-field" id=hint_id>{move || i18n.t("data.export.contact_admin")}</p>
            </Show>
            <FieldMessage errors=form.fields key="connection" id=error_id />
        </div>
    }
}

/// Where a refusal about the picked connection belongs: an empty pick is "choose one"
/// (`choose_key`), any other refusal of it goes under the picker.
pub fn connection_problem(form: &FormState, picked: &str, choose_key: &'static str, error: &DomainError) -> bool {
    match error {
        DomainError::NotFound(_) if picked.is_empty() => form.field("connection", Problem::Key(choose_key)),
        DomainError::NotFound(_) | DomainError::ConnectionNotShared(_) | DomainError::WrongCategory { .. } | DomainError::WrongProvider { .. } => {
            form.field("connection", Problem::Refused(error.clone()))
        }
        _ => return false,
    }
    true
}

/// "Add connection" for a row without one: pick one of those the domain says can be attached
/// to `target`, then `attach` sends it (button `save_id`).
#[component]
pub fn AttachPicker(
    id: &'static str,
    save_id: &'static str,
    target: AttachTarget,
    choose_key: &'static str,
    attach: Callback<ConnectionId, Result<(), DomainError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let target = StoredValue::new(target);
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        target.with_value(|t| portal.workspace().with(|w| w.attachable_connections(&viewer, t)))
    });
    let choice = RwSignal::new(String::new());
    let form = FormState::new();
    let save = move |_| {
        form.clear();
        let picked = choice.get_untracked();
        if picked.is_empty() {
            form.field("connection", Problem::Key(choose_key));
        } else if let Err(error) = attach.run(ConnectionId::new(picked)) {
            form.field("connection", Problem::Refused(error));
        }
    };
    let button = view! {
        <button type="button" id=save_id on:click=save>
            {move || i18n.t("data.add_connection")}
        </button>
    }
    .into_any();
    view! { <ConnectionField id=id label_key="data.add_connection" choices=choices value=choice form=form button=button /> }
}

/// Whether the pane's row (while it exists) allows `f` (one of its affordances).
pub fn allows<R: Send + Sync + 'static>(row: Memo<Option<R>>, f: fn(&R) -> bool) -> Signal<bool> {
    Signal::derive(move || row.with(|r| r.as_ref().is_some_and(f)))
}

/// The pane of one row: `details` draws it for the row `target` names when it opens.
#[component]
pub fn DetailsPane<Id>(id: &'static str, open: RwSignal<bool>, target: RwSignal<Option<Id>>, details: Callback<Id, AnyView>) -> impl IntoView
where
    Id: Clone + Send + Sync + 'static,
{
    view! {
        <SidePane id=id open=open>
            {move || target.get_untracked().map(|id| details.run(id))}
        </SidePane>
    }
}

/// The pane's facts (`<dl class="facts">`), drawn from its row as it is now (in the current
/// language); nothing once the row is gone.
pub fn facts<R, V>(row: Memo<Option<R>>, draw: impl Fn(&I18n, R) -> V + Send + Sync + 'static) -> impl IntoView
where
    R: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    move || row.get().map(|r| view! { <dl class="facts">{draw(&i18n, r)}</dl> })
}

/// What a pane shows for a row that no longer exists.
pub fn not_found() -> AnyView {
    let i18n = use_i18n();
    view! { <p role="alert">{move || i18n.t("error.not_found")}</p> }.into_any()
}

/// A side pane drawn afresh each time it opens (`children`: its form), so nothing typed stays.
#[component]
pub fn SidePane(id: &'static str, open: RwSignal<bool>, children: ChildrenFn) -> impl IntoView {
    view! {
        <Modal open=open labelled_by=format!("{id}-title") id=id class="side-pane">
            {children()}
        </Modal>
    }
}

/// The Add pane's form: its title (`{id}-title`), intro, the fields (`children`), its refusal,
/// Cancel and Save (`{id}-save`). `save` runs once the form's refusals are cleared.
#[component]
pub fn AddForm(
    id: &'static str,
    open: RwSignal<bool>,
    title_key: &'static str,
    intro_key: &'static str,
    form: FormState,
    save: Callback<()>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form
            class="pane-form"
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                form.clear();
                save.run(());
            }
            novalidate
        >
            <h2 id=format!("{id}-title")>{move || i18n.t(title_key)}</h2>
            <p class="hint">{move || i18n.t(intro_key)}</p>
            {children()}
            <FormMessage form=form />
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("common.cancel")}</button>
                <button type="submit" class="primary" id=format!("{id}-save")>{move || i18n.t("data.save")}</button>
            </div>
        </form>
    }
}

/// The pane's action row. For a row the viewer may change: Save (`{prefix}-save`), Run
/// (`{prefix}-run`, disabled while it can't run), the page's own buttons (`children`) and the
/// destructive one (`{prefix}-{remove_part}`, closing the pane); always Close
/// (`{prefix}-pane-close`).
#[component]
pub fn PaneActions(
    prefix: &'static str,
    open: RwSignal<bool>,
    can_edit: Signal<bool>,
    can_run: Signal<bool>,
    run: Callback<()>,
    remove_part: &'static str,
    remove_key: &'static str,
    remove: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="dialog-actions pane-actions">
            <Show when=move || can_edit.get()>
                <button type="submit" class="primary" id=format!("{prefix}-save")>{move || i18n.t("data.save")}</button>
                <button type="button" id=format!("{prefix}-run") disabled=move || !can_run.get() on:click=move |_| run.run(())>
                    {move || i18n.t("data.run")}
                </button>
                {children()}
                <button
                    type="button"
                    class="danger"
                    id=format!("{prefix}-{remove_part}")
                    on:click=move |_| {
                        open.set(false);
                        remove.run(());
                    }
                >
                    {move || i18n.t(remove_key)}
                </button>
            </Show>
            <button type="button" id=format!("{prefix}-pane-close") on:click=move |_| open.set(false)>
                {move || i18n.t("data.close")}
            </button>
        </div>
    }
}
