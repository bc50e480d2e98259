//! Engagement insights end to end, following seed 004's numbered procedure in the built site
//! with real clicks and typing, in Chromium and Firefox: Admin › Settings › Go to admin center ›
//! Connections, Create a connection, the three-step wizard with a member added, Pending then
//! Available, Reports › Profiles as a member and as a non-member, and removal with CONFIRM
//! DELETE. The page is reloaded at each stage to show the state was kept.

use end_to_end::{ensure, in_each_browser, Failure, Page};

const LIST_ROW: &str = "#engagement-links tbody tr";

async fn fill(page: &Page, css: &str, text: &str) -> Result<(), Failure> {
    let field = page.find(css).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

async fn sign_in_as(page: &Page, user: &str) -> Result<(), Failure> {
    page.select("#user-menu", user).await
}

async fn open_from_nav(page: &Page, href: &str, heading: &str) -> Result<(), Failure> {
    page.click(&format!("nav.side-nav a[href='{href}']")).await?;
    page.heading_is(heading).await
}

/// Removes the link in the first row, first mistyping the confirmation.
async fn remove_first_link(page: &Page) -> Result<(), Failure> {
    page.click(&format!("{LIST_ROW} .remove-link")).await?;
    fill(page, "#remove-confirm", "confirm delete").await?;
    page.click("#remove-link-confirm").await?;
    page.wait_text("#remove-confirm-error", "the mistyped-confirmation message", |t| t.contains("CONFIRM DELETE")).await?;
    ensure(page.exists(LIST_ROW).await?, "a mistyped confirmation removes nothing")?;
    fill(page, "#remove-confirm", "CONFIRM DELETE").await?;
    page.click("#remove-link-confirm").await?;
    page.wait_text("#add-link", "Create a connection once none is left", |t| t == "Create a connection").await?;
    ensure(!page.exists(LIST_ROW).await?, "the link is gone")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_links_audience_insights_and_members_see_the_profile_report() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;

        // 1–3. Admin › Settings › General → Go to admin center → Connections.
        open_from_nav(&page, "/engagement/settings", "Settings").await?;
        page.click("#go-to-admin-centre").await?;
        page.heading_is("Admin center").await?;
        page.click(".ei-admin-menu a[href='/admin-centre/connections']").await?;
        page.heading_is("Admin center › Connections").await?;
        page.wait_text(LIST_ROW, "the sample link", |t| t.contains("contosoinsights") && t.contains("Available")).await?;
        ensure(page.text("#add-link").await? == "Add a connection", "with a connection the action is Add a connection")?;

        // Start from no connection, so that the first one is made with Create a connection.
        remove_first_link(&page).await?;
        page.wait_saved().await?;
        page.reload().await?;
        page.wait_text("#add-link", "no connection after the reload", |t| t == "Create a connection").await?;

        // 4–5. Create a connection; the settings are checked before Next.
        page.click("#add-link").await?;
        page.path_is("/admin-centre/connections/new").await?;
        page.heading_is("Create a connection to audience insights").await?;
        fill(&page, "#wizard-storage-account", "Contoso_Lake").await?;
        fill(&page, "#wizard-shared-key", "s3cret-Shared-Key==").await?;
        fill(&page, "#wizard-environment-id", "not-a-guid").await?;
        fill(&page, "#wizard-instance-folder", "customerInsights/ci_lake").await?;
        page.click("#wizard-next").await?;
        page.wait_text("#wizard-storage-account-error", "the storage account message", |t| t.contains("lower-case")).await?;
        page.wait_text("#wizard-environment-id-error", "the GUID message", |t| !t.is_empty()).await?;
        ensure(page.text("#wizard-step-heading").await?.starts_with("Step 1 of 3"), "bad settings keep the first step")?;
        fill(&page, "#wizard-storage-account", "contosolake").await?;
        fill(&page, "#wizard-environment-id", "0f8fad5b-d9cb-469f-a165-70867728950e").await?;

        // 6–7. Next; member access: the creator is in, add Mei Tanaka.
        page.click("#wizard-next").await?;
        page.wait_text("#wizard-step-heading", "the member step", |t| t == "Step 2 of 3: Member access").await?;
        let privacy = page.text("#privacy-note").await?;
        ensure(privacy.contains("age, gender and income"), format!("the privacy explanation: {privacy}"))?;
        page.select("#wizard-add-member", "u-contrib-2").await?;
        page.click("#wizard-add-member-button").await?;
        page.wait_text("#wizard-members", "Mei Tanaka added", |t| t.contains("Alex Morgan") && t.contains("Mei Tanaka")).await?;
        page.screenshot("engagement-wizard").await?;

        // 8. Review, Back keeps the typing, then Done.
        page.click("#wizard-next").await?;
        page.wait_text("#review-members", "the reviewed members", |t| t == "Alex Morgan, Mei Tanaka").await?;
        ensure(page.text("#review-shared-key").await? == "Set (hidden)", "the key is never shown")?;
        page.click("#wizard-back").await?;
        page.click("#wizard-back").await?;
        let kept = page.find("#wizard-storage-account").await?.prop("value").await?.unwrap_or_default();
        ensure(kept == "contosolake", format!("Back keeps what was typed, got {kept:?}"))?;
        page.click("#wizard-next").await?;
        page.click("#wizard-next").await?;
        page.click("#wizard-done").await?;

        // Status: Pending, then Available after the simulated delay, kept over reloads.
        page.path_is("/admin-centre/connections").await?;
        page.wait_text(LIST_ROW, "the new link, pending", |t| t.contains("contosolake") && t.contains("Pending")).await?;
        page.wait_saved().await?;
        page.reload().await?;
        page.wait_text(LIST_ROW, "the link after a reload", |t| t.contains("contosolake") && t.contains("Mei Tanaka")).await?;
        page.wait_text(LIST_ROW, "the link available", |t| t.contains("Available") && t.contains("since")).await?;
        page.wait_saved().await?;
        page.reload().await?;
        page.wait_text(LIST_ROW, "still available after a reload", |t| t.contains("Available")).await?;
        page.screenshot("engagement-list").await?;

        // Reports › Profiles as a member.
        sign_in_as(&page, "u-contrib-2").await?;
        open_from_nav(&page, "/reports/profiles", "Profiles").await?;
        page.wait_text("#report-total", "the profile count", |t| t.contains("customer profiles")).await?;
        ensure(page.count("svg[role=img]").await? == 3, "gender, age and location charts")?;
        let title = page.text(".ei-chart-caption").await?;
        ensure(title == "Gender", format!("the first chart is the gender chart, got {title:?}"))?;
        page.screenshot("engagement-report").await?;
        page.reload().await?;
        page.wait_text("#report-total", "the report after a reload", |t| t.contains("customer profiles")).await?;

        // As a non-member: told why and whom to ask; the admin center is refused too.
        sign_in_as(&page, "u-contrib-1").await?;
        page.wait_text("#report-not-member", "the non-member message", |t| t.contains("Ask Alex Morgan")).await?;
        ensure(page.count("svg[role=img]").await? == 0, "a non-member sees no chart")?;
        open_from_nav(&page, "/admin-centre/connections", "Admin center › Connections").await?;
        page.wait_text("#access-denied", "the refusal", |t| t.contains("Contributor")).await?;

        // Remove the link with CONFIRM DELETE; nobody sees the report any more.
        sign_in_as(&page, "u-admin-1").await?;
        page.wait_text(LIST_ROW, "the link for the admin", |t| t.contains("contosolake")).await?;
        remove_first_link(&page).await?;
        page.wait_saved().await?;
        page.reload().await?;
        page.wait_text("#add-link", "still removed after a reload", |t| t == "Create a connection").await?;
        open_from_nav(&page, "/reports/profiles", "Profiles").await?;
        page.wait_text("#no-report", "no report without a connection", |t| t.contains("Connect audience insights")).await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_asks_first_and_a_contributor_is_refused_the_wizard() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/admin-centre/connections/new").await?;
        page.heading_is("Create a connection to audience insights").await?;
        fill(&page, "#wizard-storage-account", "halfway").await?;
        page.click("#wizard-cancel").await?;
        page.wait_text("#discard-title", "the discard question", |t| t == "Discard this connection?").await?;
        page.click("#discard-keep").await?;
        let kept = page.find("#wizard-storage-account").await?.prop("value").await?.unwrap_or_default();
        ensure(kept == "halfway", "Keep editing keeps the typing")?;
        page.click("#wizard-cancel").await?;
        page.click("#discard-confirm").await?;
        page.path_is("/admin-centre/connections").await?;
        page.wait_text(LIST_ROW, "only the sample link", |t| t.contains("contosoinsights")).await?;
        ensure(page.count(LIST_ROW).await? == 1, "Cancel created nothing")?;

        sign_in_as(&page, "u-viewer-1").await?;
        page.open("/admin-centre/connections/new").await?;
        page.wait_text("#access-denied", "the refusal for a viewer", |t| t.contains("Viewer")).await?;
        ensure(!page.exists("#wizard-next").await?, "no wizard for a viewer")
    })
    .await;
}

fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask setup`)", path.display()))
}

/// axe-core's WCAG 2.x A/AA violations on the page as it is now, prefixed with `state`.
async fn axe(page: &Page, source: &str, state: &str) -> Result<Vec<String>, Failure> {
    eprintln!("axe: {state}");
    page.script(source, vec![]).await?;
    let result = page
        .script_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' → ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe-error: ' + String(e)]));"#,
            vec![],
        )
        .await?;
    Ok(result.as_array().into_iter().flatten().map(|v| format!("{state}: {}", v.as_str().unwrap_or_default())).collect())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_engagement_screen_passes_axe_and_the_wizard_works_from_the_keyboard() {
    let source = axe_source();
    in_each_browser(|page| {
        let source = source.clone();
        async move {
            page.load_sample_data().await?;
            let mut found = Vec::new();
            for (locale, theme) in [("en", "light"), ("fr", "dark")] {
                page.select("#language-menu", locale).await?;
                page.select("#theme-menu", theme).await?;
                let state = |what: &str| format!("{what} [{locale}, {theme}]");
                for route in ["/engagement/settings", "/admin-centre", "/admin-centre/connections"] {
                    page.open(route).await?;
                    page.find("h1#page-title").await?;
                    found.extend(axe(&page, &source, &state(route)).await?);
                }
                for (button, dialog) in [(".edit-link", "#edit-link-dialog"), (".manage-members", "#members-dialog"), (".remove-link", "#remove-link-dialog")] {
                    page.click(&format!("{LIST_ROW} {button}")).await?;
                    page.find(&format!("{dialog}[open] h2")).await?;
                    found.extend(axe(&page, &source, &state(dialog)).await?);
                    page.client.active_element().await?.send_keys("\u{E00C}").await?; // Escape closes it
                    page.wait_text("body", "the dialog closed", |_| true).await?;
                }

                // The wizard, driven from the keyboard: Enter in a field is Next.
                page.open("/admin-centre/connections/new").await?;
                page.find("#wizard-storage-account").await?;
                page.click("#wizard-next").await?;
                page.find("#wizard-storage-account[aria-invalid=true]").await?;
                found.extend(axe(&page, &source, &state("wizard step 1 with errors")).await?);
                fill(&page, "#wizard-storage-account", "keyboardlake").await?;
                fill(&page, "#wizard-shared-key", "k3y").await?;
                fill(&page, "#wizard-environment-id", "0f8fad5b-d9cb-469f-a165-70867728950e").await?;
                fill(&page, "#wizard-instance-folder", "customerInsights/ci_keys\u{E007}").await?; // Enter
                page.wait_text("#wizard-step-heading", "the member step after Enter", |t| t.contains("2")).await?;
                let focused = page.script("return document.activeElement.id", vec![]).await?;
                ensure(focused == "wizard-step-heading", format!("focus moves to the new step's heading, not {focused}"))?;
                found.extend(axe(&page, &source, &state("wizard step 2")).await?);
                page.click("#wizard-next").await?;
                page.find("#wizard-review").await?;
                found.extend(axe(&page, &source, &state("wizard step 3")).await?);

                page.open("/reports/profiles").await?;
                page.find(".ei-chart details summary").await?;
                page.click(".ei-chart details summary").await?;
                found.extend(axe(&page, &source, &state("report")).await?);
            }
            page.select("#language-menu", "en").await?;
            page.select("#theme-menu", "light").await?;
            page.select("#user-menu", "u-contrib-2").await?;
            page.find("#report-not-member").await?;
            found.extend(axe(&page, &source, "report for a non-member").await?);
            ensure(found.is_empty(), format!("{} accessibility violation(s):\n{}", found.len(), found.join("\n")))
        }
    })
    .await;
}
