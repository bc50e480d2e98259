//! Component tests of the shared table (`ui/table`) on Data › Exports over a generated
//! workspace of 1,000 exports, in a real browser: one page of 25 rows (`PAGE_SIZE`), Previous and Next,
//! sorting by header buttons with `aria-sort`, the buttons' keyboard reach, search, selection
//! of the page and "Select all N matching", and one bulk command acting on exactly those N.

use connections_domain::generate::DemoSize;
use connections_domain::{ExportRow, Timestamp, UserId, Workspace};
use connections_portal::state::{Phase, Portal};
use connections_portal::storage::writer::{SaveStatus, Writer};
use connections_portal::ui::table::PAGE_SIZE as PAGE;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

const NOW: Timestamp = Timestamp(1_763_900_000_000);
const ADMIN: &str = "u-admin-1";

fn generated() -> Portal {
    let workspace = Workspace::generated(DemoSize::Small, NOW);
    Portal::new(workspace, UserId::new(ADMIN), Phase::Ready, Writer::new(None, SaveStatus::Saved))
}

fn listed_names(root: &web_sys::HtmlElement) -> Vec<String> {
    texts(root, "#export-list tbody tr .open-export")
}

/// The domain's rows in the order the Name column promises: by name regardless of case, ties
/// in the domain's own order (a stable sort of `export_rows`).
fn by_name(portal: Portal, descending: bool) -> Vec<ExportRow> {
    let mut rows = portal.workspace().with_untracked(|w| w.export_rows(&UserId::new(ADMIN)));
    rows.sort_by_key(|r| r.name.to_lowercase());
    if descending {
        // Reverse by key only, so equal names keep the domain's order.
        rows.sort_by(|a, b| b.name.to_lowercase().cmp(&a.name.to_lowercase()));
    }
    rows
}

fn names(rows: &[ExportRow]) -> Vec<String> {
    rows.iter().map(|r| r.name.clone()).collect()
}

#[wasm_bindgen_test]
async fn one_page_of_rows_with_previous_and_next() {
    let p = generated();
    let root = mount("/data/exports", p).await;
    let expected = by_name(p, false);
    assert_eq!(PAGE, 25, "the figures below are written for pages of 25");
    assert_eq!(count(&root, "#export-list tbody tr") as usize, PAGE, "only one page of rows is in the DOM");
    assert_eq!(text(&root, "#export-count"), "1,000 of 1,000 exports");
    assert!(text(&root, "#export-page-status").contains("Rows 1–25 of 1,000"), "{}", text(&root, "#export-page-status"));
    assert_eq!(listed_names(&root), names(&expected[..PAGE]));
    assert_eq!(attr(&root, "#export-page-previous", "disabled").as_deref(), Some(""), "no page before the first");
    click(&root, "#export-page-next").await;
    assert!(text(&root, "#export-page-status").contains("Rows 26–50 of 1,000"));
    assert!(text(&root, "#export-page-status").contains("Page 2 of 40"));
    assert_eq!(listed_names(&root), names(&expected[PAGE..2 * PAGE]));
    assert_eq!(count(&root, "#export-list tbody tr") as usize, PAGE);
    click(&root, "#export-page-previous").await;
    assert_eq!(listed_names(&root), names(&expected[..PAGE]));
    for _ in 0..39 {
        click(&root, "#export-page-next").await;
    }
    assert!(text(&root, "#export-page-status").contains("Rows 976–1,000 of 1,000"));
    assert_eq!(attr(&root, "#export-page-next", "disabled").as_deref(), Some(""), "no page after the last");
    assert_eq!(listed_names(&root), names(&expected[1_000 - PAGE..]));
}

#[wasm_bindgen_test]
async fn header_buttons_sort_say_so_with_aria_sort_and_go_back_to_page_one() {
    let p = generated();
    let root = mount("/data/exports", p).await;
    let name_header = "#export-list thead th:nth-of-type(2)";
    let schedule_header = "#export-list thead th:nth-of-type(6)";
    assert_eq!(attr(&root, name_header, "aria-sort").as_deref(), Some("ascending"));
    assert_eq!(attr(&root, schedule_header, "aria-sort").as_deref(), Some("none"));
    click(&root, "#export-page-next").await;
    click(&root, &format!("{name_header} .sort-button")).await;
    assert_eq!(attr(&root, name_header, "aria-sort").as_deref(), Some("descending"));
    assert!(text(&root, "#export-page-status").contains("Rows 1–25"), "a new order starts at its first page");
    assert_eq!(listed_names(&root), names(&by_name(p, true)[..PAGE]));

    // Schedule: with each refresh, then every N hours (fewest first), then on demand; ties by name.
    click(&root, &format!("{schedule_header} .sort-button")).await;
    assert_eq!(attr(&root, schedule_header, "aria-sort").as_deref(), Some("ascending"));
    assert_eq!(attr(&root, name_header, "aria-sort").as_deref(), Some("none"));
    let mut rows = by_name(p, false);
    let rank = |r: &ExportRow| match r.schedule {
        connections_domain::Schedule::WithEachRefresh => (0, 0),
        connections_domain::Schedule::Recurring { every_hours } => (1, every_hours),
        connections_domain::Schedule::OnDemand => (2, 0),
    };
    rows.sort_by_key(rank);
    assert_eq!(listed_names(&root), names(&rows[..PAGE]));
}

#[wasm_bindgen_test]
async fn sort_and_page_controls_are_buttons_reached_by_the_keyboard() {
    let p = generated();
    let root = mount("/data/exports", p).await;
    // Native buttons: Tab reaches them and Enter and Space press them (the end-to-end keyboard
    // test presses real keys); here each is a focusable <button type="button"> with a name.
    for css in ["#export-list thead th:nth-of-type(2) .sort-button", "#export-page-next", "#export-page-previous"] {
        let element = find(&root, css);
        assert_eq!(element.tag_name(), "BUTTON", "{css}");
        assert_eq!(element.get_attribute("type").as_deref(), Some("button"), "{css}");
        assert!(!element.text_content().unwrap_or_default().trim().is_empty(), "{css} has a name");
        element.focus().unwrap();
        if css != "#export-page-previous" {
            assert_eq!(document().active_element().map(|e| e.id()), Some(element.id()), "{css} takes focus");
        }
    }
    assert!(find(&root, "#export-list thead th:nth-of-type(2)").get_attribute("aria-sort").is_some());
    assert_eq!(find(&root, "#export-page-previous").get_attribute("disabled").as_deref(), Some(""));
    assert!(find(&root, "nav.pager").get_attribute("aria-label").is_some_and(|l| l == "Pages of exports"));
}

#[wasm_bindgen_test]
async fn search_gives_the_matching_rows_and_select_all_n_matching_acts_on_exactly_those() {
    let p = generated();
    let root = mount("/data/exports", p).await;
    let needle = "north";
    let matching: Vec<ExportRow> = by_name(p, false)
        .into_iter()
        .filter(|r| {
            r.name.to_lowercase().contains(needle)
                || r.connection.as_ref().is_some_and(|c| c.display_name.to_lowercase().contains(needle) || c.type_name.to_lowercase().contains(needle))
        })
        .collect();
    assert!(matching.len() > PAGE, "the search matches more than a page: {}", matching.len());
    type_into(&root, "#export-search", "NoRtH").await;
    let n = matching.len();
    assert_eq!(text(&root, "#export-count"), format!("{} of 1,000 exports", fmt(n)));
    assert_eq!(listed_names(&root), names(&matching[..PAGE]));

    // The header checkbox selects the page; then "Select all N matching" offers the rest.
    assert_eq!(count(&root, "#select-all-matching"), 0, "not offered before the page is selected");
    click(&root, "#select-all-exports").await;
    assert_eq!(text(&root, "#selection-count"), format!("{PAGE} selected"));
    assert_eq!(text(&root, "#select-all-matching"), format!("Select all {} matching", fmt(n)));
    click(&root, "#select-all-matching").await;
    assert_eq!(text(&root, "#selection-count"), format!("{n} selected"));
    assert_eq!(text(&root, "#select-all-matching-done"), format!("All {} matching are selected", fmt(n)));
    assert_eq!(count(&root, "#export-list tbody tr") as usize, PAGE, "selecting them all renders no more rows");

    // One bulk Detach acts on exactly those N.
    click(&root, "#bulk-detach").await;
    let detached: Vec<String> = p.workspace().with_untracked(|w| w.exports().filter(|e| e.connection.is_none()).map(|e| e.id.to_string()).collect());
    let mut expected: Vec<String> = matching.iter().map(|r| r.id.to_string()).collect();
    expected.sort();
    let mut got = detached;
    got.sort();
    assert_eq!(got, expected);
}

#[wasm_bindgen_test]
async fn unselecting_the_page_takes_only_its_rows_out_of_the_selection() {
    let p = generated();
    let root = mount("/data/exports", p).await;
    let check = |root: &web_sys::HtmlElement, css: &str| {
        let input: web_sys::HtmlInputElement = find(root, css).unchecked_into();
        input.checked()
    };
    click(&root, "#export-list tbody tr:first-child .row-select").await;
    assert_eq!(text(&root, "#selection-count"), "1 selected");
    click(&root, "#export-page-next").await;
    click(&root, "#select-all-exports").await;
    assert_eq!(text(&root, "#selection-count"), format!("{} selected", PAGE + 1));
    assert!(check(&root, "#export-list tbody tr:last-child .row-select"));
    click(&root, "#select-all-exports").await;
    assert_eq!(text(&root, "#selection-count"), "1 selected", "the first page's row stays selected");
    click(&root, "#export-page-previous").await;
    assert!(check(&root, "#export-list tbody tr:first-child .row-select"));
}

fn fmt(n: usize) -> String {
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
