//! Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) on every route, in English and French,
//! in the light and dark themes, in both browsers. Any violation fails, naming the rule, the
//! route and the offending elements. axe-core comes from npm (`cargo xtask test` installs it).

use end_to_end::{in_each_browser, Failure, Page};
use serde_json::{json, Value};

const ROUTES: &[&str] = &[
    "/settings/connections/enrichment",
    "/settings/connections/exports",
    "/settings/connections/discover",
    "/settings/connections/details/c-1",
    "/settings/connections/map/c-1",
    "/data/exports",
    "/data/enrichment",
    "/settings/permissions/key-vault",
    "/settings/workspace",
    "/activity",
    "/admin-centre/connections",
    "/reports/profiles",
    "/no/such/page",
];

fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask setup`)", path.display()))
}

/// Runs axe on the current page and returns a description of each violation.
async fn violations(page: &Page, axe: &str) -> Result<Vec<String>, Failure> {
    page.script(axe, vec![]).await?;
    let result: Value = page
        .script_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              }))))
              .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));"#,
            vec![],
        )
        .await?;
    Ok(result
        .as_array()
        .map(|list| {
            list.iter()
                .map(|v| format!("{} ({}): {} → {}", v["id"], v["impact"], v["help"], v["nodes"]))
                .collect()
        })
        .unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_passes_axe_in_both_locales_and_themes() {
    let axe = axe_source();
    in_each_browser(|page| {
        let axe = axe.clone();
        async move {
            page.open("/").await?;
            page.find("#load-sample").await?;
            let mut found = violations(&page, &axe).await?.into_iter().map(|v| format!("first run: {v}")).collect::<Vec<_>>();
            page.click("#load-sample").await?;
            page.wait_saved().await?;
            for (locale, theme) in [("en", "light"), ("fr", "dark"), ("en", "dark"), ("fr", "light")] {
                page.select("#language-menu", locale).await?;
                page.select("#theme-menu", theme).await?;
                for route in ROUTES {
                    page.open(route).await?;
                    page.find("h1#page-title").await?;
                    for violation in violations(&page, &axe).await? {
                        found.push(format!("{route} [{locale}, {theme}]: {violation}"));
                    }
                }
            }
            if found.is_empty() {
                Ok(())
            } else {
                Err(format!("{} accessibility violation(s):\n{}", found.len(), found.join("\n")).into())
            }
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_skip_link_is_first_and_moves_focus_to_the_main_content() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/data/exports").await?;
        page.find("h1#page-title").await?;
        let body = page.find("body").await?;
        body.send_keys("\u{E004}").await?; // Tab
        let focused = page.script("return document.activeElement.className", vec![]).await?;
        end_to_end::ensure(focused == json!("skip-link"), format!("the first Tab reaches the skip link, not {focused}"))?;
        page.client.active_element().await?.send_keys("\u{E007}").await?; // Enter
        let after = page.script("return document.activeElement.id", vec![]).await?;
        end_to_end::ensure(after == json!("main"), format!("Enter on the skip link focuses <main>, not {after}"))?;
        Ok(())
    })
    .await;
}

/// At 360 CSS pixels wide (a small phone) and at 640 (a 1280-pixel window zoomed to 200 %), no
/// page scrolls sideways: wide tables scroll inside their own box, the navigation stacks above.
#[tokio::test(flavor = "multi_thread")]
async fn every_route_fits_360_pixels_and_200_percent_zoom() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        let mut overflowing = Vec::new();
        for width in [360u32, 640] {
            page.client.set_window_size(width, 800).await?;
            for route in ROUTES {
                page.open(route).await?;
                page.find("h1#page-title").await?;
                let sizes = page.script("const d = document.documentElement; return [d.scrollWidth, d.clientWidth];", vec![]).await?;
                let (scroll, client) = (sizes[0].as_u64().unwrap_or(u64::MAX), sizes[1].as_u64().unwrap_or(0));
                if scroll > client + 1 {
                    overflowing.push(format!("{route} at {width}px: page is {scroll}px wide in a {client}px viewport"));
                }
                if width == 360 && *route == "/settings/connections/exports" {
                    page.screenshot("narrow-connections").await?;
                }
            }
        }
        end_to_end::ensure(overflowing.is_empty(), format!("pages wider than the window:\n{}", overflowing.join("\n")))
    })
    .await;
}
