//! Code the first page does not need, in wasm modules of its own.
//!
//! In the shipped build (the `split` feature, index.html) a function declared with [`lazy_fn!`]
//! is a split point: `xtask split` cuts it, and everything only it reaches, out of the main wasm
//! module after linking, and the page fetches that module the first time the function is
//! called. The service worker keeps every module of the build, so this costs a fresh visit's
//! first load nothing and later visits no network. Without the feature (component tests, native
//! tests) the function is called directly.
//!
//! Whatever a split point reaches must be reached only through split points: one direct call
//! from the main module keeps the code there.

/// A split module could not be fetched: offline before the service worker kept this build, or a
/// build that is no longer on the server. The next call tries again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// What stands in for a view whose module could not be fetched: the message `key`, announced.
pub fn unavailable_notice(key: &'static str) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let i18n = crate::i18n::use_i18n();
    view! { <p class="field-error" role="alert">{move || i18n.t(key)}</p> }.into_any()
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// `pub async fn $name(args) -> Result<$ret, Unavailable>`, calling `$body(args)` through the
/// split point `$split` of wasm module `$module` with the `split` feature, directly without it.
/// (The splitter tells split points apart by `$split`; functions of one `$module` share a module.)
/// Arguments and results cross as with `extern "C"`: no generics, references are fine.
macro_rules! lazy_fn {
    ($(#[$doc:meta])* pub async fn $name:ident in $module:ident / $split:ident ($($arg:ident: $ty:ty),*) -> $ret:ty = $body:expr;) => {
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::lazy::Unavailable> {
            #[cfg(feature = "split")]
            {
                #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn $split($($arg: $ty),*) -> Result<$ret, $crate::lazy::Unavailable> {
                    Ok($body($($arg),*))
                }
                $split($($arg),*).await
            }
            #[cfg(not(feature = "split"))]
            {
                Ok($body($($arg),*))
            }
        }
    };
}
pub(crate) use lazy_fn;
