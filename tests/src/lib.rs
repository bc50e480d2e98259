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
        run_in(session, page, &scenario).await;
    }
}

/// Like [`in_each_browser`], in a viewport `width` × `height` CSS pixels (see
/// [`Session::start_narrow`]).
pub async fn in_each_browser_narrow<F, Fut>(width: u32, height: u32, scenario: F)
where
    F: Fn(Page) -> Fut,
    Fut: Future<Output = Outcome>,
{
    let site = site::serve_dist();
    for browser in Browser::selected() {
        let session = drivers::Session::start_narrow(browser, width, height).await.unwrap_or_else(|e| panic!("{browser}: cannot start: {e}"));
        let mut page = Page::new(session.client.clone(), site.clone(), browser);
        if session.narrow_frame {
            page = enter_narrow_frame(page, width, height).await.unwrap_or_else(|e| panic!("{browser}: no narrow frame: {e}"));
        }
        run_in(session, page, &scenario).await;
    }
}

/// Runs `scenario` on `page`, checks that no Content-Security-Policy violation happened, closes
/// the browser, then fails with the browser's name if anything went wrong.
async fn run_in<F, Fut>(session: drivers::Session, page: Page, scenario: &F)
where
    F: Fn(Page) -> Fut,
    Fut: Future<Output = Outcome>,
{
    let browser = page.browser;
    let result = match scenario(page.clone()).await {
        Ok(()) => page.no_csp_violations().await,
        failed => failed,
    };
    session.close().await;
    if let Err(failure) = result {
        panic!("{browser}: {failure}");
    }
}

/// Firefox's window cannot be as narrow as a phone, so there the portal runs in a same-origin
/// iframe of that width, in a page of a copy of the site (the site itself has no such page).
async fn enter_narrow_frame(mut page: Page, width: u32, height: u32) -> Result<Page, Failure> {
    static FRAMED: std::sync::OnceLock<Site> = std::sync::OnceLock::new();
    let base = &FRAMED.get_or_init(|| {
        let copy = std::env::temp_dir().join(format!("e2e-narrow-site-{}", std::process::id()));
        copy_dir(&site::dist_dir(), &copy).expect("copy the site");
        std::fs::write(copy.join("narrow-frame.html"), "<!doctype html><title>narrow</title><body style=\"margin:0\">").expect("write the frame page");
        Site::start(copy, 0)
    }).base;
    page.base = base.clone();
    page.client.goto(&format!("{base}/narrow-frame.html")).await?;
    page.client
        .execute(
            "const f = document.createElement('iframe'); f.src = '/'; f.width = arguments[0]; f.height = arguments[1]; \
             f.style.border = '0'; document.body.append(f);",
            vec![width.into(), height.into()],
        )
        .await?;
    // Wait for the frame to be there before switching into it.
    page.client.wait().for_element(fantoccini::Locator::Css("iframe")).await?;
    page.client.enter_frame(0).await?;
    page.framed = true;
    Ok(page)
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
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

/// Folder the suite writes its screenshots to, `target/screenshots/` (ignored by git), so a test
/// run leaves the working tree clean. `cargo xtask screenshots` copies them into
/// `docs/screenshots/`, which the README embeds.
pub fn screenshot_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("target").join("screenshots")
}
