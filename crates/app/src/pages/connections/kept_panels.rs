//! Each tab's panel is drawn once and kept while the page is open: a tab switch moves the drawn
//! panel into the page instead of drawing its rows again, and every tab keeps its search, sort
//! and page. The panels not shown live outside the document (so the page's ids stay unique) and
//! follow changes like the shown one. After the first panel is painted, the others are drawn in
//! a task of their own, so the first switch to them is a move too.

use super::{discover, list, Tab};
use connections_domain::Category;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use std::time::Duration;

fn draw(tab: Tab) -> AnyViewState {
    match tab {
        Tab::Enrichment => view! { <list::ConnectionList category=Category::Enrichment /> }.into_any(),
        Tab::Exports => view! { <list::ConnectionList category=Category::Export /> }.into_any(),
        Tab::Discover => view! { <discover::Discover /> }.into_any(),
    }
    .build()
}

/// Keeps `panel` showing the drawn panel of `tab` (empty while the tab is unknown).
pub fn show_in(panel: NodeRef<leptos::html::Div>, tab: Memo<Option<Tab>>) {
    // Panels belong to the page, not to the effect below: they live until the page goes.
    let owner = Owner::current().expect("the connections page has an owner");
    let drawn: StoredValue<Vec<(Tab, AnyViewState)>, LocalStorage> = StoredValue::new_local(Vec::new());
    let shown = StoredValue::new(None::<Tab>);
    let others_drawn = StoredValue::new(false);
    let draw_under_page = move |tab: Tab| owner.with(|| untrack(|| draw(tab)));

    Effect::new(move |_| {
        let wanted = tab.get();
        let Some(element) = panel.get() else { return };
        let before = shown.get_value();
        if before == wanted {
            return;
        }
        drawn.update_value(|panels| {
            if let Some((_, state)) = panels.iter_mut().find(|(t, _)| Some(*t) == before) {
                state.unmount();
            }
            if let Some(wanted) = wanted {
                if !panels.iter().any(|(t, _)| *t == wanted) {
                    panels.push((wanted, draw_under_page(wanted)));
                }
                if let Some((_, state)) = panels.iter_mut().find(|(t, _)| *t == wanted) {
                    state.mount(&element, None);
                }
            }
        });
        shown.set_value(wanted);
        if !others_drawn.get_value() {
            others_drawn.set_value(true);
            let draw_under_page = draw_under_page.clone();
            // After the shown panel's first paint; the page may be gone by then.
            set_timeout(
                move || {
                    let _ = drawn.try_update_value(|panels| {
                        for t in Tab::ALL {
                            if !panels.iter().any(|(drawn, _)| *drawn == t) {
                                panels.push((t, draw_under_page(t)));
                            }
                        }
                    });
                },
                Duration::from_millis(50),
            );
        }
    });
}
