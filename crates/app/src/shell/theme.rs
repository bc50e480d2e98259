//! The theme setting (light, dark or the system's), shared through context so the header's
//! switch and `<html data-theme>` agree.

use crate::prefs::Theme;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ThemeSetting(pub RwSignal<Theme>);

pub fn use_theme() -> ThemeSetting {
    expect_context::<ThemeSetting>()
}
