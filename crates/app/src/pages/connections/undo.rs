//! Undo callbacks that outlive the dialog that made them. A toast stays after its dialog
//! closes (and after the page changes), so its Undo must not belong to the dialog's reactive
//! owner, which is disposed with it.

use leptos::prelude::*;

thread_local! {
    /// Never disposed: owns every Undo callback for the life of the tab (a few bytes each).
    static UNDO_OWNER: Owner = Owner::new_root(None);
}

/// A callback for a toast's Undo button that stays valid whatever is unmounted meanwhile.
pub fn lasting_callback(run: impl Fn() + Send + Sync + 'static) -> Callback<()> {
    UNDO_OWNER.with(|owner| owner.with(|| Callback::new(move |_| run())))
}
