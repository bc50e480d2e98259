//! The header: product name, save status, and the three menus (signed-in user, language,
//! theme). Each menu is a labelled `<select>`: native keyboard and screen-reader support.

use crate::shell::theme::use_theme;
use crate::i18n::{use_i18n, Locale};
use crate::prefs::Theme;
use crate::state::use_portal;
use crate::storage::writer::SaveStatus;
use crate::labels::role as role_key;
use connections_domain::UserId;
use leptos::prelude::*;


#[component]
pub fn Header(nav_open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="top-bar">
            <super::nav::MenuButton open=nav_open />
            <a class="product" href="/">
                <span class="product-mark" aria-hidden="true">"⇄"</span>
                {move || i18n.t("app.name")}
            </a>
            <SaveIndicator />
            <div class="menus">
                <UserMenu />
                <LanguageMenu />
                <ThemeMenu />
            </div>
        </header>
    }
}

#[component]
fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let users = move || portal.workspace().with(|w| w.users().cloned().collect::<Vec<_>>());
    let on_change = move |ev| portal.set_current_user(UserId::new(event_target_value(&ev)));
    view! {
        <label class="menu">
            <span>{move || i18n.t("shell.signed_in_as")}</span>
            <select id="user-menu" on:change=on_change prop:value=move || portal.current_user.get().to_string()>
                {move || {
                    users()
                        .into_iter()
                        .map(|user| {
                            let id = user.id.to_string();
                            let selected = {
                                let id = id.clone();
                                move || portal.current_user.get().as_str() == id
                            };
                            view! {
                                <option value=id selected=selected>
                                    {format!("{} ({})", user.name, i18n.t(role_key(user.role)))}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

#[component]
fn LanguageMenu() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev| {
        if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
            i18n.set_locale(locale);
        }
    };
    view! {
        <label class="menu">
            <span>{move || i18n.t("shell.language")}</span>
            <select id="language-menu" on:change=on_change>
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option value=locale.tag() lang=locale.tag() selected=move || i18n.locale() == locale>
                                {locale.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn ThemeMenu() -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        if let Some(choice) = Theme::ALL.into_iter().find(|t| t.attribute() == value) {
            theme.0.set(choice);
        }
    };
    view! {
        <label class="menu">
            <span>{move || i18n.t("shell.theme")}</span>
            <select id="theme-menu" on:change=on_change>
                {Theme::ALL
                    .into_iter()
                    .map(|choice| {
                        view! {
                            <option value=choice.attribute() selected=move || theme.0.get() == choice>
                                {move || i18n.t(choice.key())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// "All changes saved" / "Saving…" / "Not saved, retrying" / "Not kept", in a polite live region.
#[component]
fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let text = move || match portal.writer.status.get() {
        SaveStatus::Saved => i18n.t("save.saved"),
        SaveStatus::Saving { .. } => i18n.t("save.saving"),
        SaveStatus::Failed { attempts, .. } => i18n.tf("save.failed", &[("attempts", &attempts.to_string())]),
        SaveStatus::MemoryOnly { .. } => i18n.t("save.memory_only"),
        SaveStatus::Superseded => i18n.t("save.superseded"),
        SaveStatus::Blocked => i18n.t("save.blocked"),
    };
    let class = move || match portal.writer.status.get() {
        SaveStatus::Saved | SaveStatus::Saving { .. } => "save-status",
        SaveStatus::Failed { .. } | SaveStatus::MemoryOnly { .. } | SaveStatus::Superseded | SaveStatus::Blocked => {
            "save-status save-status-problem"
        }
    };
    view! {
        <p class=class id="save-status" role="status" aria-live="polite">
            {text}
        </p>
    }
}
