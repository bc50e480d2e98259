//! The confirm dialog of a destructive bulk action: open while `pending` holds ids, naming them.

use crate::i18n::use_i18n;
use crate::ui::modal::Modal;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// An `open` signal that follows `pending` (open while it holds ids) and empties it on close.
fn open_while_pending<Id: Clone + Send + Sync + 'static>(pending: RwSignal<Vec<Id>>) -> RwSignal<bool> {
    let open = RwSignal::new(false);
    // Each side is set only when it differs, so the two effects can't feed each other.
    Effect::new(move |_| {
        let wanted = !pending.with(Vec::is_empty);
        if open.get_untracked() != wanted {
            open.set(wanted);
        }
    });
    Effect::new(move |_| {
        if !open.get() && !pending.with_untracked(Vec::is_empty) {
            pending.set(Vec::new());
        }
    });
    open
}

/// - `id`: the dialog's id; its title is `{id}-title`, its button `{id}-confirm`.
/// - `title_key`: a plural message for the number of ids; `body_key`, `confirm_key`: locale keys.
/// - `names`: the names of the ids that still exist.
/// - `confirm`: does it, saying whether it was done (then the ids leave the selection).
#[component]
pub fn ConfirmDialog<Id>(
    id: &'static str,
    pending: RwSignal<Vec<Id>>,
    selected: RwSignal<BTreeSet<Id>>,
    title_key: &'static str,
    body_key: &'static str,
    confirm_key: &'static str,
    names: Callback<Vec<Id>, Vec<String>>,
    confirm: Callback<Vec<Id>, bool>,
) -> impl IntoView
where
    Id: Ord + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let open = open_while_pending(pending);
    view! {
        <Modal open=open labelled_by=format!("{id}-title") id=id class="dialog">
            <h2 id=format!("{id}-title")>{move || i18n.plural(title_key, pending.with(Vec::len), &[])}</h2>
            <p>{move || i18n.t(body_key)}</p>
            <ul class="name-list">{move || names.run(pending.get()).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("common.cancel")}</button>
                <button
                    type="button"
                    class="danger"
                    id=format!("{id}-confirm")
                    on:click=move |_| {
                        let ids = pending.get_untracked();
                        if confirm.run(ids.clone()) {
                            selected.update(|s| ids.iter().for_each(|id| { s.remove(id); }));
                        }
                        open.set(false);
                    }
                >
                    {move || i18n.t(confirm_key)}
                </button>
            </div>
        </Modal>
    }
}
