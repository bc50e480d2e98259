//! Wall-clock time from the browser, and locale-aware formatting of domain timestamps.

use crate::i18n::Locale;
use connections_domain::Timestamp;

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A date and time as the locale writes it, e.g. "23 Nov 2026, 17:44" / "23 nov. 2026, 17:44".
pub fn format_timestamp(at: Timestamp, locale: Locale) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64));
    let options = js_sys::Object::new();
    for (name, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    date.to_locale_string(locale.tag(), &options).as_string().unwrap_or_default()
}

/// A count as the locale writes it ("10,000" / "10 000").
pub fn format_number(value: u64, locale: Locale) -> String {
    let number = js_sys::Number::from(value as f64);
    number.to_locale_string(locale.tag()).as_string().unwrap_or_else(|| value.to_string())
}
