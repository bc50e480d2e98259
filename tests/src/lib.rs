//! End-to-end harness: serves the built site from `dist/` on loopback, starts ChromeDriver or
//! geckodriver with a fresh browser profile, and runs a scenario in each browser in turn.
//! Build the site first (`cargo xtask test` does: `trunk build --release`).

mod drivers;
mod portal;
mod site;

pub use drivers::{Browser, Session};
pub use portal::{ensure, Page};
pub use site::{dist_dir, serve_dist, Site};

use std::future::Future;

pub type Failure = Box<dyn std::error::Error + Send + Sync>;
pub type Outcome = Result<(), Failure>;

/// Runs `scenario` once in Chromium and once in Firefox (or in those `E2E_BROWSERS` names), each
/// with a new profile (so a new, empty IndexedDB). The browser's name is added to any failure.
pub async fn in_each_browser<F, Fut>(scenario: F)
where
    F: Fn(Page) -> Fut,
    Fut: Future<Output = Outcome>,
{
    let site = site::serve_dist();
    for browser in Browser::selected() {
        let session = drivers::Session::start(browser).await.unwrap_or_else(|e| panic!("{browser}: cannot start: {e}"));
        let page = Page::new(session.client.clone(), site.clone(), browser);
        let result = match scenario(page.clone()).await {
            Ok(()) => page.no_csp_violations().await,
            failed => failed,
        };
        session.close().await;
        if let Err(failure) = result {
            panic!("{browser}: {failure}");
        }
    }
}

/// Like [`in_each_browser`], with a server of the scenario's own for `root` (see [`Site`]), which
/// the scenario may stop and replace.
pub async fn in_each_browser_with_site<F, Fut>(root: std::path::PathBuf, scenario: F)
where
    F: Fn(Page, Site) -> Fut,
    Fut: Future<Output = Outcome>,
{
    for browser in Browser::selected() {
        let site = Site::start(root.clone(), 0);
        let session = drivers::Session::start(browser).await.unwrap_or_else(|e| panic!("{browser}: cannot start: {e}"));
        let page = Page::new(session.client.clone(), site.base.clone(), browser);
        let result = match scenario(page.clone(), site).await {
            Ok(()) => page.no_csp_violations().await,
            failed => failed,
        };
        session.close().await;
        if let Err(failure) = result {
            panic!("{browser}: {failure}");
        }
    }
}

/// `n` with a comma between thousands ("20,000"), as the portal shows counts in English.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Folder for the screenshots the README embeds.
pub fn screenshot_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("docs").join("screenshots")
}
