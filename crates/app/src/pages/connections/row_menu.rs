//! The action menu of one connection (WAI-ARIA menu button): Edit, Test connection, Health and
//! history, Map of what uses it, Duplicate, Remove. Enter, Space or ArrowDown opens it on the
//! first item; arrow keys, Home and End move; Escape closes it and returns focus to the button.

use super::{tab_of, use_connections_ui, PaneRequest};
use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::now;
use crate::ui::focus::{focus_by_id, focus_later};
use crate::ui::toast::use_toasts;
use super::health::{details_path, map_path};
use connections_domain::{Category, Command, ConnectionId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Item {
    Edit,
    Test,
    Health,
    Map,
    Duplicate,
    Remove,
}

impl Item {
    const ALL: [Item; 6] = [Item::Edit, Item::Test, Item::Health, Item::Map, Item::Duplicate, Item::Remove];

    fn label_key(self) -> &'static str {
        match self {
            Item::Edit => "connections.action.edit",
            Item::Test => "connections.action.test",
            Item::Health => "health.details",
            Item::Map => "map.open",
            Item::Duplicate => "connections.action.duplicate",
            Item::Remove => "connections.action.remove",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Item::Edit => "edit",
            Item::Test => "test",
            Item::Health => "health",
            Item::Map => "map",
            Item::Duplicate => "duplicate",
            Item::Remove => "remove",
        }
    }
}

#[component]
pub fn RowMenu(id: ConnectionId, name: String, category: Category) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let ui = use_connections_ui();
    let open = RwSignal::new(false);
    let button_id = format!("row-menu-{id}");
    let menu_id = format!("row-menu-list-{id}");
    let item_id = {
        let id = id.clone();
        move |item: Item| format!("row-{}-{id}", item.slug())
    };
    let id = StoredValue::new(id);
    let button_id_stored = StoredValue::new(button_id.clone());
    let item_id_stored = StoredValue::new(item_id.clone());

    let focus_item = move |index: usize| {
        let item = Item::ALL[index % Item::ALL.len()];
        let target = item_id_stored.with_value(|f| f(item));
        focus_later(target);
    };
    // Focus goes back to the button before any dialog opens, so the dialog returns it there.
    let close = move |return_focus: bool| {
        if return_focus {
            focus_by_id(&button_id_stored.get_value());
        }
        open.set(false);
    };

    // Edit and Duplicate are links (the pane has a URL); the router follows them.
    let href = {
        let id = id.get_value();
        move |item: Item| match item {
            Item::Edit => Some(format!("{}{}", tab_of(category).href(), PaneRequest::Edit(id.clone()).query())),
            Item::Duplicate => Some(format!("{}{}", tab_of(category).href(), PaneRequest::Duplicate(id.clone()).query())),
            Item::Health => Some(details_path(&id)),
            Item::Map => Some(map_path(&id)),
            Item::Test | Item::Remove => None,
        }
    };
    let choose = move |item: Item| {
        close(true);
        let id = id.get_value();
        match item {
            Item::Edit | Item::Duplicate | Item::Health | Item::Map => {}
            Item::Remove => ui.open_remove(id),
            Item::Test => {
                // The command records the result in the history; the query gives its details.
                let viewer = portal.current_user.get_untracked();
                let tested = portal
                    .dispatch(Command::TestConnection { id: id.clone() })
                    .and_then(|_| portal.workspace().with_untracked(|w| w.test_connection(&viewer, &id, now())));
                match tested {
                    Ok(check) => ui.show_check(check),
                    Err(error) => {
                        toasts.failure(error_message(&i18n, &error));
                    }
                }
            }
        }
    };

    let on_button_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            open.set(true);
            focus_item(0);
        }
        "ArrowUp" => {
            ev.prevent_default();
            open.set(true);
            focus_item(Item::ALL.len() - 1);
        }
        _ => {}
    };
    let on_menu_key = move |ev: web_sys::KeyboardEvent| {
        let current = Item::ALL
            .iter()
            .position(|item| {
                let target = item_id_stored.with_value(|f| f(*item));
                document().active_element().is_some_and(|e| e.id() == target)
            })
            .unwrap_or(0);
        let last = Item::ALL.len() - 1;
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                focus_item(if current == last { 0 } else { current + 1 });
            }
            "ArrowUp" => {
                ev.prevent_default();
                focus_item(if current == 0 { last } else { current - 1 });
            }
            "Home" => {
                ev.prevent_default();
                focus_item(0);
            }
            "End" => {
                ev.prevent_default();
                focus_item(last);
            }
            "Escape" => {
                ev.prevent_default();
                close(true);
            }
            "Tab" => close(false),
            _ => {}
        }
    };
    // Focus leaving the whole menu (a click elsewhere, Shift+Tab) closes it.
    let container = NodeRef::<leptos::html::Div>::new();
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let inside = match (container.get(), ev.related_target()) {
            (Some(root), Some(target)) => target.dyn_ref::<web_sys::Node>().is_some_and(|n| root.contains(Some(n))),
            _ => false,
        };
        if !inside {
            open.set(false);
        }
    };

    view! {
        <div class="row-menu" node_ref=container on:focusout=on_focus_out>
            <button
                id=button_id
                class="row-menu-button"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls=menu_id.clone()
                // Plain text: the list draws its rows again when the language changes.
                aria-label=i18n.tf("connections.actions_for", &[("name", &name)])
                on:click=move |_| {
                    let now_open = !open.get_untracked();
                    open.set(now_open);
                    if now_open {
                        focus_item(0);
                    }
                }
                on:keydown=on_button_key
            >
                <span aria-hidden="true">"⋮"</span>
            </button>
            // The items exist only while the menu is open: a page of 50 rows would otherwise
            // carry 300 hidden items, a third of the list's cost to draw.
            <ul role="menu" id=menu_id class="row-menu-list" hidden=move || !open.get() on:keydown=on_menu_key>
                {move || {
                    open.get()
                        .then(|| {
                            Item::ALL
                                .into_iter()
                                .map(|item| {
                                    let label = move || i18n.t(item.label_key());
                                    let control = match href(item) {
                                        Some(href) => view! {
                                            <a role="menuitem" id=item_id(item) tabindex="-1" href=href on:click=move |_| choose(item)>
                                                {label}
                                            </a>
                                        }
                                        .into_any(),
                                        None => view! {
                                            <button role="menuitem" id=item_id(item) tabindex="-1" on:click=move |_| choose(item)>
                                                {label}
                                            </button>
                                        }
                                        .into_any(),
                                    };
                                    view! { <li role="none">{control}</li> }
                                })
                                .collect_view()
                        })
                }}
            </ul>
        </div>
    }
}
