//! The browser benchmark behind `cargo xtask bench [--quick]`: the built site (`dist/`) in
//! headless Chromium, once per store size, loaded through the UI (Start empty, or Load a large
//! demo workspace), then cold start, a list of named interactions and memory, each the median of
//! several runs. Prints a Markdown table and writes it to docs/performance.md.
//!
//! A benchmark, not a test: nothing here fails on time. Every wait is bounded; a measurement
//! that runs out of time is reported as "> 60 s" and the browser is restarted on the same
//! profile (so the same IndexedDB) for the next one.

use connections_domain::generate::DemoSize;
use connections_domain::{Category, Timestamp, UserId, Workspace};
use end_to_end::{serve_dist, thousands, Browser, Failure, Page, Session};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Runs per measurement; the median is reported.
const RUNS: usize = 5;
/// Any one measurement gives up after this.
const LIMIT: Duration = Duration::from_secs(60);
/// An interaction slower than this once is not repeated.
const SINGLE_RUN_ABOVE_MS: f64 = 10_000.0;
/// Generating and saving the largest store takes a while; still bounded.
const LOAD_LIMIT: Duration = Duration::from_secs(300);
/// Chromium reports `performance.memory` coarsely without this.
/// `--expose-gc`: the memory-on-leave figures collect garbage before reading the JS heap.
const BROWSER_ARGS: &[&str] = &["--enable-precise-memory-info", "--js-flags=--expose-gc"];

/// A store to measure: its column heading and the large-demo size to load (none: Start empty).
struct Store {
    label: &'static str,
    demo: Option<&'static str>,
}

const STORES: &[Store] = &[
    Store { label: "empty", demo: None },
    Store { label: "100 / 1k", demo: Some("small") },
    Store { label: "1k / 10k", demo: Some("medium") },
    Store { label: "10k / 100k", demo: Some("large") },
];
const QUICK_STORES: &[&str] = &["empty", "10k / 100k"];

/// What a step does in the page. Selectors and text may hold the placeholders [`Names`] fills.
#[derive(Clone, Copy)]
enum Action {
    /// Click the element `css` matches.
    Click(&'static str),
    /// Set the value of the field `css` matches to `text` and fire a bubbling `input` event: what
    /// one keystroke does, and what Leptos's `bind:value` and `on:input` listen to.
    Type { field: &'static str, text: &'static str },
}

impl Action {
    /// The start of the timed span, for the row's name.
    fn verb(self) -> &'static str {
        match self {
            Action::Click(_) => "click",
            Action::Type { .. } => "input",
        }
    }
}

/// When a step is over.
#[derive(Clone, Copy)]
enum Until {
    /// `css` matches and the DOM has been quiet for two animation frames.
    Settled(&'static str),
    /// A new performance mark of this name exists (one the app sets when work the DOM does not
    /// show has finished, such as an IndexedDB commit).
    Mark(&'static str),
}

impl Until {
    /// The end of the timed span, for the row's name.
    fn what(self) -> String {
        match self {
            Until::Settled(_) => "DOM settled".into(),
            Until::Mark(name) => format!("{name} mark"),
        }
    }
}

/// An untimed step that brings the page to where the measured one starts (a search typed, a
/// menu opened), so only the measured action is in the figure.
struct Setup {
    action: Action,
    until: Until,
}

/// An interaction to measure: from a full load of `from`, run `setup`, then time `action` until
/// `until` (for a click on a link: `ready` matches and the DOM has been quiet for two frames).
struct Interaction {
    name: &'static str,
    from: &'static str,
    setup: &'static [Setup],
    action: Action,
    until: Until,
}

/// Add a step here to measure it for every store.
const INTERACTIONS: &[Interaction] = &[
    Interaction {
        name: "Open Activity",
        from: "/settings/workspace",
        setup: &[],
        action: Action::Click("nav.side-nav a[href='/activity']"),
        until: Until::Settled("#activity-list tbody tr, main .empty-state"),
    },
    Interaction {
        name: "Open Data › Exports",
        from: "/settings/workspace",
        setup: &[],
        action: Action::Click("nav.side-nav a[href='/data/exports']"),
        until: Until::Settled("#export-list tbody tr, main .empty-state"),
    },
    Interaction {
        name: "Data › Exports: sort by name",
        from: "/data/exports",
        setup: &[],
        action: Action::Click("#export-list thead th:nth-of-type(2) .sort-button"),
        until: Until::Settled("#export-list tbody tr"),
    },
    Interaction {
        name: "Data › Exports: next page",
        from: "/data/exports",
        setup: &[],
        action: Action::Click("#export-page-next"),
        until: Until::Settled("#export-list tbody tr"),
    },
    Interaction {
        name: "Connections list: sort by name",
        from: "/settings/connections/exports",
        setup: &[],
        action: Action::Click("#sort-display-name"),
        until: Until::Settled("#connection-list tbody tr"),
    },
    Interaction {
        name: "Connections: switch to the Enrichment tab",
        from: "/settings/connections/exports",
        setup: &[],
        action: Action::Click("a[href='/settings/connections/enrichment']"),
        until: Until::Settled("#connection-list tbody tr, main .empty-state"),
    },
    Interaction {
        name: "Connections: open a row menu",
        from: "/settings/connections/exports",
        setup: &[],
        action: Action::Click(".row-menu-button"),
        until: Until::Settled(".row-menu-list:not([hidden])"),
    },
    // The search filters every export on each keystroke; "7" matches some generated names
    // ("Loyalty EMEA 17") but not all, so the list is redrawn with other rows.
    Interaction {
        name: "Data › Exports: one search keystroke",
        from: "/data/exports",
        setup: &[],
        action: Action::Type { field: "#export-search", text: "7" },
        until: Until::Settled("#export-list tbody tr, #export-empty"),
    },
    // The dialog gathers every dependent of the connection; the generated hub has a tenth of
    // the exports (see `DemoSize::hub_exports`). Its row is found by searching its name, since
    // it need not be on the first page.
    Interaction {
        name: "Connections: open the Remove dialog (10 % of exports depend on it)",
        from: "/settings/connections/exports",
        setup: &[
            Setup { action: Action::Type { field: "#connection-search", text: "{hub-name}" }, until: Until::Settled("#row-menu-{hub}") },
            Setup { action: Action::Click("#row-menu-{hub}"), until: Until::Settled("#row-menu-list-{hub}:not([hidden])") },
        ],
        action: Action::Click("#row-remove-{hub}"),
        until: Until::Settled("#remove-dialog[open] #dependent-exports input[type=checkbox]"),
    },
    // A save is over when the store writer's IndexedDB transaction has completed, which the
    // DOM does not show; the app marks it. Each run gives another name, or there is no change.
    Interaction {
        name: "Save one edit (click → IndexedDB commit)",
        from: "/data/exports",
        setup: &[
            Setup { action: Action::Click("#export-list tbody tr .open-export"), until: Until::Settled("#export-pane[open] #export-pane-name") },
            Setup { action: Action::Type { field: "#export-pane-name", text: "Bench edit {run}" }, until: Until::Settled("#export-save") },
        ],
        action: Action::Click("#export-save"),
        until: Until::Mark(COMMITTED_MARK),
    },
];

/// Set by the store writer (`storage/writer.rs`) once a write's IndexedDB transaction completed.
const COMMITTED_MARK: &str = "store-committed";

/// What the placeholders in a step stand for: `{hub}` and `{hub-name}` the id and display name
/// of the store's hub connection (none in the empty store), `{run}` the run's number.
struct Names<'a> {
    hub: Option<&'a Hub>,
    run: usize,
}

impl Names<'_> {
    /// `template` with its placeholders filled; none when it names a hub the store lacks.
    fn fill(&self, template: &str) -> Option<String> {
        let mut text = template.replace("{run}", &(self.run + 1).to_string());
        if text.contains("{hub") {
            let hub = self.hub?;
            text = text.replace("{hub-name}", &hub.name).replace("{hub}", &hub.id);
        }
        Some(text)
    }

    /// The arguments `action` and `until` give [`MEASURE_JS`]; none when a placeholder cannot be filled.
    fn arguments(&self, action: Action, until: Until) -> Option<Vec<Value>> {
        let action = match action {
            Action::Click(css) => json!({ "target": self.fill(css)?, "text": null }),
            Action::Type { field, text } => json!({ "target": self.fill(field)?, "text": self.fill(text)? }),
        };
        let until = match until {
            Until::Settled(css) => json!({ "ready": self.fill(css)?, "mark": null }),
            Until::Mark(name) => json!({ "ready": null, "mark": name }),
        };
        Some(vec![action, until, json!(LIMIT.as_millis() as u64)])
    }
}

/// The connection a tenth of the exports use, as the generator made it (see
/// `DemoSize::hub_exports`): found in the same workspace built natively, like the end-to-end
/// tests do, so the bench does not depend on how the generator numbers it.
struct Hub {
    id: String,
    name: String,
    dependents: usize,
}

impl Hub {
    fn of(size: DemoSize) -> Option<Hub> {
        let now = Timestamp(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64));
        let ws = Workspace::generated(size, now);
        let hub = ws.connection_rows(&UserId::new(HUB_VIEWER), Category::Export, now).into_iter().max_by_key(|c| c.used_by_count)?;
        Some(Hub { id: hub.id.to_string(), name: hub.display_name, dependents: hub.used_by_count })
    }
}

/// An administrator of the generated workspaces, who sees every connection.
const HUB_VIEWER: &str = "u-admin-1";

/// In the page: do the action (a click, or text typed into a field), then watch until the step
/// is over. Settled: `ready` exists and no DOM mutation happened for two frames; `script` is
/// action → last DOM change. Mark: a new performance mark `mark` exists; `script` is action →
/// that mark. `paint` is the first paint after that end (the first task after the frame that
/// followed it).
const MEASURE_JS: &str = r#"
const [action, until, limitMs, done] = arguments;
const target = document.querySelector(action.target);
if (!target) { done({ error: 'no element ' + action.target }); return; }
const marks = () => (until.mark ? performance.getEntriesByName(until.mark) : []);
const marksBefore = marks().length;
let lastMutation = 0;
const observer = new MutationObserver(() => { lastMutation = performance.now(); });
observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
const frames = [];
const t0 = performance.now();
if (action.text === null) {
  target.click();
} else {
  target.value = action.text;
  target.dispatchEvent(new Event('input', { bubbles: true }));
}
const afterAction = performance.now();
let quiet = 0;
function finish(end, entry) {
  observer.disconnect();
  const first = frames.find((f) => f.raf >= end) || entry;
  setTimeout(() => done({
    script: end - t0,
    paint: (first.painted || performance.now()) - t0,
    nodes: document.getElementsByTagName('*').length,
  }), 0);
}
function frame() {
  const now = performance.now();
  const entry = { raf: now, painted: null };
  frames.push(entry);
  setTimeout(() => { entry.painted = performance.now(); }, 0);
  if (now - t0 > limitMs) { observer.disconnect(); done({ timeout: true }); return; }
  if (until.mark) {
    const fresh = marks()[marksBefore];
    if (fresh) { finish(fresh.startTime, entry); return; }
  } else {
    const ready = document.querySelector(until.ready) !== null;
    const previous = frames.length > 1 ? frames[frames.length - 2].raf : t0;
    quiet = ready && lastMutation < previous ? quiet + 1 : 0;
    if (quiet >= 2) { finish(Math.max(lastMutation, afterAction), entry); return; }
  }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
"#;

#[derive(Clone, Copy, Debug)]
enum Figure {
    /// Milliseconds, median of `runs`.
    Ms { value: f64, runs: usize },
    /// Ran out of time.
    Over,
    Mib(f64),
    Count(f64),
    Missing,
}

impl Figure {
    fn from_runs(mut runs: Vec<f64>) -> Figure {
        if runs.is_empty() {
            return Figure::Missing;
        }
        runs.sort_by(f64::total_cmp);
        let n = runs.len();
        let value = if n % 2 == 1 { runs[n / 2] } else { (runs[n / 2 - 1] + runs[n / 2]) / 2.0 };
        Figure::Ms { value, runs: n }
    }

    /// The number for ratios; `Over` counts as the limit (a lower bound).
    fn number(self) -> Option<(f64, bool)> {
        match self {
            Figure::Ms { value, .. } => Some((value, false)),
            Figure::Over => Some((LIMIT.as_millis() as f64, true)),
            Figure::Mib(v) | Figure::Count(v) => Some((v, false)),
            Figure::Missing => None,
        }
    }

    fn show(self) -> String {
        match self {
            Figure::Ms { value, runs } => {
                let text = if value < 1_000.0 { format!("{value:.0} ms") } else { format!("{:.1} s", value / 1_000.0) };
                if runs < RUNS { format!("{text} ({runs} run{})", if runs == 1 { "" } else { "s" }) } else { text }
            }
            Figure::Over => format!("> {} s", LIMIT.as_secs()),
            Figure::Mib(v) => format!("{v:.1} MiB"),
            Figure::Count(v) => thousands(v as u64),
            Figure::Missing => "–".into(),
        }
    }
}

/// One store's figures, in the order they were taken.
#[derive(Default)]
struct Column {
    figures: Vec<(String, Figure)>,
    notes: Vec<String>,
}

impl Column {
    fn put(&mut self, row: impl Into<String>, figure: Figure) {
        let row = row.into();
        println!("  {row}: {}", figure.show());
        self.figures.push((row, figure));
    }

    fn get(&self, row: &str) -> Figure {
        self.figures.iter().find(|(r, _)| r == row).map_or(Figure::Missing, |(_, f)| *f)
    }
}

/// A Chromium session on a profile that outlives it, restartable when a page hangs.
struct Browsing {
    site: String,
    profile: PathBuf,
    session: Option<Session>,
    page: Option<Page>,
}

impl Browsing {
    async fn start(site: String, profile: PathBuf) -> Result<Browsing, Failure> {
        let mut b = Browsing { site, profile, session: None, page: None };
        b.open_session().await?;
        Ok(b)
    }

    async fn open_session(&mut self) -> Result<(), Failure> {
        let session = Session::start_in(Browser::Chromium, &self.profile, BROWSER_ARGS).await?;
        session
            .client
            .update_timeouts(TimeoutConfiguration::new(
                Some(LIMIT + Duration::from_secs(2)),
                Some(Duration::from_secs(120)),
                Some(Duration::ZERO),
            ))
            .await?;
        self.page = Some(Page::new(session.client.clone(), self.site.clone(), Browser::Chromium));
        self.session = Some(session);
        Ok(())
    }

    fn page(&self) -> &Page {
        self.page.as_ref().expect("a session is open")
    }

    /// Ends the session, even when the page is stuck in a long task, and every browser process
    /// still running on this profile.
    async fn stop(&mut self) {
        self.page = None;
        if let Some(session) = self.session.take() {
            let _ = tokio::time::timeout(Duration::from_secs(15), session.close()).await;
        }
        kill_browsers_on(&self.profile);
    }

    async fn restart(&mut self) -> Result<(), Failure> {
        println!("  (restarting the browser on the same profile)");
        self.stop().await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        self.open_session().await
    }

    async fn script(&self, source: &str, limit: Duration) -> Result<Value, Failure> {
        match tokio::time::timeout(limit, self.page().script(source, vec![])).await {
            Ok(result) => result,
            Err(_) => Err("the page did not answer in time".into()),
        }
    }

    /// Waits until the performance mark `name` exists in the current document.
    async fn wait_mark(&self, name: &str, deadline: Instant) -> Result<bool, Failure> {
        let probe = format!("return performance.getEntriesByName({name:?}).length > 0;");
        while Instant::now() < deadline {
            let left = deadline.saturating_duration_since(Instant::now());
            if let Ok(Value::Bool(true)) = self.script(&probe, left).await {
                return Ok(true);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(false)
    }

    /// A full page load of `path`, until start-up has painted its first screen.
    async fn open_ready(&self, path: &str) -> Result<bool, Failure> {
        let deadline = Instant::now() + LIMIT;
        if tokio::time::timeout(LIMIT, self.page().open(path)).await.is_err() {
            return Ok(false);
        }
        self.wait_mark("portal-ready:painted", deadline).await
    }
}

/// Kills the processes whose command line names `profile` (the browser this bench started).
fn kill_browsers_on(profile: &Path) {
    let needle = format!("--user-data-dir={}", profile.display());
    let Ok(entries) = std::fs::read_dir("/proc") else { return };
    for entry in entries.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else { continue };
        if cmdline.split(|b| *b == 0).any(|arg| arg == needle.as_bytes()) {
            let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
        }
    }
}

/// Loads the store through the first-run screen and waits until the header says it is saved.
async fn load_store(b: &Browsing, store: &Store, column: &mut Column) -> Result<(), Failure> {
    let page = b.page();
    page.open("/").await?;
    let button = match store.demo {
        None => "#start-empty",
        Some(size) => {
            page.select("#large-demo-size", size).await?;
            "#load-large-demo"
        }
    };
    page.find(button).await?;
    let started = Instant::now();
    page.click(button).await?;
    let deadline = started + LOAD_LIMIT;
    let probe = r#"
        const status = document.querySelector('#save-status');
        const text = status ? status.textContent.trim() : '';
        const firstRun = document.querySelector('.first-run') !== null;
        return !firstRun && (text === 'All changes saved' || text === 'Toutes les modifications sont enregistrées');
    "#;
    while Instant::now() < deadline {
        let left = deadline.saturating_duration_since(Instant::now());
        if let Ok(Value::Bool(true)) = b.script(probe, left.min(LIMIT)).await {
            column.put("Load store through the UI (generate + save)", Figure::Ms { value: started.elapsed().as_secs_f64() * 1_000.0, runs: 1 });
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("the store was not saved within {} s", LOAD_LIMIT.as_secs()).into())
}

async fn cold_start(b: &mut Browsing, column: &mut Column) -> Result<(), Failure> {
    let (mut ready, mut painted, mut read, mut decoded) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut over = false;
    b.open_ready("/").await?;
    for _ in 0..RUNS {
        let deadline = Instant::now() + LIMIT;
        let reloaded = tokio::time::timeout(LIMIT, b.page().reload()).await.is_ok_and(|r| r.is_ok());
        if !reloaded || !b.wait_mark("portal-ready:painted", deadline).await? {
            over = true;
            b.restart().await?;
            break;
        }
        let marks = b
            .script(
                "const at = (name) => (performance.getEntriesByName(name)[0] || {}).startTime ?? null; \
                 return [at('portal-ready'), at('portal-ready:painted'), at('store-read'), at('store-decoded')];",
                LIMIT,
            )
            .await?;
        if let (Some(r), Some(p)) = (marks[0].as_f64(), marks[1].as_f64()) {
            ready.push(r);
            painted.push(p);
        }
        // Stores with data mark when the store was read and when it was decoded.
        if let (Some(r), Some(d)) = (marks[2].as_f64(), marks[3].as_f64()) {
            read.push(r);
            decoded.push(d - r);
        }
    }
    let figure = |runs: Vec<f64>| if over { Figure::Over } else { Figure::from_runs(runs) };
    column.put("Cold start: portal-ready mark", figure(ready));
    column.put("Cold start: next paint", figure(painted));
    if !read.is_empty() {
        column.put("Cold start: store read (since navigation)", figure(read));
        column.put("Cold start: store decoded (after the read)", figure(decoded));
    }
    Ok(())
}

/// In the page: visits Data › Exports and leaves it for Settings › Workspace `visits` times
/// through the navigation, reading memory after the first visit and after the last. Linear
/// memory never shrinks, so what a page held and did not free shows as growth between the two.
const VISITS_JS: &str = r#"
const [visits, done] = arguments;
const settle = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))));
const until = async (css) => { for (let i = 0; i < 200 && !document.querySelector(css); i++) await settle(); };
const read = () => { if (window.gc) window.gc(); return {
  heap: performance.memory ? performance.memory.usedJSHeapSize : null,
  wasm: window.__portalWasmMemory ? window.__portalWasmMemory.buffer.byteLength : null,
  nodes: document.getElementsByTagName('*').length,
}; };
(async () => {
  let first = null;
  for (let i = 0; i < visits; i++) {
    document.querySelector("nav.side-nav a[href='/data/exports']").click();
    await until('#export-list tbody tr, main .empty-state');
    await settle();
    document.querySelector("nav.side-nav a[href='/settings/workspace']").click();
    await until('#offline-available');
    await settle();
    if (i === 0) first = read();
  }
  done({ first, last: read() });
})().catch((e) => done({ error: String(e) }));
"#;

/// Memory once Data › Exports has been left, and how much 10 more visits add.
async fn memory_on_leave(b: &Browsing, column: &mut Column) -> Result<(), Failure> {
    const VISITS: u64 = 11;
    if !b.open_ready("/settings/workspace").await? {
        column.put("Wasm memory growth over 10 more visits of Data › Exports", Figure::Over);
        return Ok(());
    }
    let m = tokio::time::timeout(LIMIT, b.page().script_async(VISITS_JS, vec![json!(VISITS)])).await;
    let Ok(Ok(m)) = m else {
        column.put("Wasm memory growth over 10 more visits of Data › Exports", Figure::Over);
        return Ok(());
    };
    let mib = |v: &Value| v.as_f64().map_or(Figure::Missing, |b| Figure::Mib(b / 1_048_576.0));
    let growth = |key: &str| match (m["first"][key].as_f64(), m["last"][key].as_f64()) {
        (Some(a), Some(b)) => Figure::Mib((b - a) / 1_048_576.0),
        _ => Figure::Missing,
    };
    column.put("JS heap after leaving Data › Exports (after GC)", mib(&m["first"]["heap"]));
    column.put("DOM nodes after leaving Data › Exports", m["first"]["nodes"].as_f64().map_or(Figure::Missing, Figure::Count));
    column.put("Wasm memory growth over 10 more visits of Data › Exports", growth("wasm"));
    column.put("JS heap growth over 10 more visits of Data › Exports (after GC)", growth("heap"));
    Ok(())
}

async fn memory(b: &Browsing, column: &mut Column) -> Result<(), Failure> {
    if !b.open_ready("/").await? {
        column.put("JS heap used (landing page)", Figure::Over);
        return Ok(());
    }
    // Let start-up's last tasks finish before reading.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let m = b
        .script(
            "return { heap: performance.memory ? performance.memory.usedJSHeapSize : null, \
             wasm: window.__portalWasmMemory ? window.__portalWasmMemory.buffer.byteLength : null, \
             nodes: document.getElementsByTagName('*').length };",
            LIMIT,
        )
        .await?;
    let mib = |v: &Value| v.as_f64().map_or(Figure::Missing, |b| Figure::Mib(b / 1_048_576.0));
    column.put("JS heap used (landing page)", mib(&m["heap"]));
    column.put("Wasm linear memory (landing page)", mib(&m["wasm"]));
    column.put("DOM nodes (landing page)", m["nodes"].as_f64().map_or(Figure::Missing, Figure::Count));
    Ok(())
}

/// How one run of [`MEASURE_JS`] ended.
enum Run {
    Measured(Value),
    /// The element to act on does not exist (a control an empty store does not have).
    Absent(String),
    /// The script's own limit, WebDriver's script timeout, or no answer at all.
    Over,
}

async fn run_once(b: &Browsing, step: &Interaction, args: Vec<Value>) -> Result<Run, Failure> {
    let outcome = tokio::time::timeout(LIMIT + Duration::from_secs(5), b.page().script_async(MEASURE_JS, args)).await;
    match outcome {
        Ok(Ok(result)) if result["timeout"] != json!(true) => match result["error"].as_str() {
            Some(error) if error.starts_with("no element") => Ok(Run::Absent(error.to_owned())),
            Some(error) => Err(format!("{}: {error}", step.name).into()),
            None => Ok(Run::Measured(result)),
        },
        _ => Ok(Run::Over),
    }
}

async fn interaction(b: &mut Browsing, step: &Interaction, hub: Option<&Hub>, column: &mut Column) -> Result<(), Failure> {
    let rows = [
        format!("{}: script ({} → {})", step.name, step.action.verb(), step.until.what()),
        format!("{}: next paint", step.name),
        format!("{}: DOM nodes", step.name),
    ];
    let missing = |column: &mut Column| {
        for row in &rows {
            column.put(row.clone(), Figure::Missing);
        }
    };
    let (mut script, mut paint, mut nodes) = (Vec::new(), Vec::new(), None);
    let mut over = false;
    'runs: for run in 0..RUNS {
        let names = Names { hub, run };
        // A step on the hub in a store without one: no figure.
        let (Some(measured), Some(setups)) =
            (names.arguments(step.action, step.until), step.setup.iter().map(|s| names.arguments(s.action, s.until)).collect::<Option<Vec<_>>>())
        else {
            missing(column);
            return Ok(());
        };
        if !b.open_ready(step.from).await? {
            over = true;
            b.restart().await?;
            break;
        }
        // Untimed: only the measured action after them is in the figures.
        let mut result = None;
        for (n, args) in setups.into_iter().chain([measured]).enumerate() {
            let profiled = n == step.setup.len() && profiling(step);
            if profiled {
                devtools(b, "Profiler.enable", json!({})).await?;
                devtools(b, "Profiler.setSamplingInterval", json!({ "interval": 100 })).await?;
                devtools(b, "Profiler.start", json!({})).await?;
            }
            let once = run_once(b, step, args).await?;
            if profiled {
                let profile = devtools(b, "Profiler.stop", json!({})).await?;
                print_profile(step.name, &profile["profile"]);
            }
            match once {
                Run::Measured(outcome) => result = (n == step.setup.len()).then_some(outcome),
                // A control an empty store does not have (a pager, a row menu): no figure.
                Run::Absent(_) if script.is_empty() => {
                    missing(column);
                    return Ok(());
                }
                Run::Absent(error) => return Err(format!("{}: {error}", step.name).into()),
                // A set-up step that runs out of time leaves no figure either: the row says so.
                Run::Over => {
                    over = true;
                    b.restart().await?;
                    break 'runs;
                }
            }
        }
        let Some(result) = result else { break };
        let s = result["script"].as_f64().unwrap_or(f64::NAN);
        script.push(s);
        paint.push(result["paint"].as_f64().unwrap_or(f64::NAN));
        nodes = result["nodes"].as_f64();
        if s > SINGLE_RUN_ABOVE_MS {
            break;
        }
    }
    let figure = |runs: Vec<f64>| if over { Figure::Over } else { Figure::from_runs(runs) };
    column.put(rows[0].clone(), figure(script));
    column.put(rows[1].clone(), figure(paint));
    column.put(rows[2].clone(), nodes.map_or(Figure::Missing, Figure::Count));
    Ok(())
}

/// For finding where an interaction's time goes (not part of the figures): with
/// `BENCH_PROFILE=<part of its name>`, each measured run of the matching interactions is sampled
/// by Chromium's profiler and the functions with the most self time are printed (build the site
/// with `data-keep-debug` for wasm function names). `BENCH_ONLY=1` then skips the others;
/// `BENCH_ONLY=<part of a name>` runs only the interactions it names, without the profiler.
fn profiling(step: &Interaction) -> bool {
    std::env::var("BENCH_PROFILE").is_ok_and(|part| !part.is_empty() && step.name.contains(&part))
}

fn selected(step: &Interaction) -> bool {
    match std::env::var("BENCH_ONLY") {
        Err(_) => true,
        Ok(only) if only == "1" => profiling(step),
        Ok(part) => step.name.contains(&part),
    }
}

/// One DevTools command through ChromeDriver.
#[derive(Debug)]
struct DevTools(Value);

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

async fn devtools(b: &Browsing, cmd: &str, params: Value) -> Result<Value, Failure> {
    Ok(b.page().client.issue_cmd(DevTools(json!({ "cmd": cmd, "params": params }))).await?)
}

fn print_profile(name: &str, profile: &Value) {
    let mut by_function: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    let nodes = profile["nodes"].as_array().cloned().unwrap_or_default();
    let names: std::collections::HashMap<u64, String> = nodes
        .iter()
        .filter_map(|n| Some((n["id"].as_u64()?, format!("{} {}", n["callFrame"]["functionName"].as_str().unwrap_or("?"), n["callFrame"]["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("")))))
        .collect();
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"].as_array().cloned().unwrap_or_default();
    for (sample, delta) in samples.iter().zip(deltas.iter().skip(1).chain([&json!(0)])) {
        let function = sample.as_u64().and_then(|id| names.get(&id)).cloned().unwrap_or_default();
        *by_function.entry(function).or_default() += delta.as_f64().unwrap_or(0.0) / 1_000.0;
    }
    let mut top: Vec<_> = by_function.into_iter().filter(|(f, _)| !f.starts_with("(idle)")).collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!("  profile of {name} (self time, ms):");
    for (function, ms) in top.iter().take(40) {
        println!("    {ms:7.2}  {function}");
    }
}

async fn measure(site: &str, store: &Store) -> Column {
    let mut column = Column::default();
    let profile = std::env::temp_dir().join(format!("bench-{}-{}", store.demo.unwrap_or("empty"), std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    // Before the browser starts, so building it natively does not slow any measurement.
    let hub = store.demo.and_then(DemoSize::parse).and_then(Hub::of);
    if let Some(hub) = &hub {
        println!("  hub connection: {} ({}), {} exports depend on it", hub.name, hub.id, thousands(hub.dependents as u64));
    }
    let outcome = async {
        let mut b = Browsing::start(site.to_owned(), profile.clone()).await?;
        let result = async {
            load_store(&b, store, &mut column).await?;
            cold_start(&mut b, &mut column).await?;
            memory(&b, &mut column).await?;
            memory_on_leave(&b, &mut column).await?;
            for step in INTERACTIONS.iter().filter(|s| selected(s)) {
                interaction(&mut b, step, hub.as_ref(), &mut column).await?;
            }
            Ok::<(), Failure>(())
        }
        .await;
        b.stop().await;
        result
    }
    .await;
    if let Err(e) = outcome {
        println!("  stopped early: {e}");
        column.notes.push(format!("{}: stopped early: {e}", store.label));
    }
    let _ = std::fs::remove_dir_all(&profile);
    column
}

fn ratio(top: Figure, bottom: Figure) -> String {
    match (top.number(), bottom.number()) {
        (Some((t, t_over)), Some((b, b_over))) if b > 0.0 && !b_over => {
            format!("{}{:.1}×", if t_over { "> " } else { "" }, t / b)
        }
        _ => "–".into(),
    }
}

fn table(stores: &[&Store], columns: &[Column]) -> String {
    let mut rows: Vec<String> = Vec::new();
    for column in columns {
        for (row, _) in &column.figures {
            if !rows.contains(row) {
                rows.push(row.clone());
            }
        }
    }
    let empty = stores.iter().position(|s| s.demo.is_none());
    let non_empty: Vec<usize> = (0..stores.len()).filter(|i| Some(*i) != empty).collect();
    let mut header = vec!["Measurement".to_string()];
    header.extend(stores.iter().map(|s| s.label.to_string()));
    header.push("largest ÷ smallest non-empty".into());
    header.push("largest ÷ empty".into());
    let mut lines = vec![header];
    for row in &rows {
        let mut line = vec![row.clone()];
        line.extend(columns.iter().map(|c| c.get(row).show()));
        let spread = match (non_empty.first(), non_empty.last()) {
            (Some(first), Some(last)) if first != last => ratio(columns[*last].get(row), columns[*first].get(row)),
            _ => "–".into(),
        };
        let versus_empty = match (non_empty.last(), empty) {
            (Some(last), Some(e)) => ratio(columns[*last].get(row), columns[e].get(row)),
            _ => "–".into(),
        };
        line.push(spread);
        line.push(versus_empty);
        lines.push(line);
    }
    let widths: Vec<usize> =
        (0..lines[0].len()).map(|i| lines.iter().map(|l| l[i].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for (n, line) in lines.iter().enumerate() {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let pad = widths[i] - cell.chars().count();
                if i == 0 { format!("{cell}{}", " ".repeat(pad)) } else { format!("{}{cell}", " ".repeat(pad)) }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
        if n == 0 {
            let rule: Vec<String> =
                widths.iter().enumerate().map(|(i, w)| if i == 0 { "-".repeat(*w) } else { format!("{}:", "-".repeat(w - 1)) }).collect();
            let _ = writeln!(out, "| {} |", rule.join(" | "));
        }
    }
    out
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or("unknown".into(), |kb| format!("{:.1} GiB", kb / 1_048_576.0));
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, m)| m.trim().to_string()))
        .unwrap_or_else(|| "unknown".into());
    let chromium = command_output("/usr/bin/chromium", &["--version"]).unwrap_or_else(|| "unknown".into());
    let date = command_output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default();
    format!("- Date: {date}\n- CPUs (nproc): {cpus}\n- Memory: {memory}\n- CPU: {model}\n- Browser: {chromium}, headless\n")
}

/// The line after which docs/performance.md keeps earlier figures that a run does not replace.
const EARLIER: &str = "\n<!-- earlier figures: kept by `cargo xtask bench` -->\n";

fn report(quick: bool, table: &str, notes: &[String]) -> String {
    let command = if quick { "cargo xtask bench --quick" } else { "cargo xtask bench" };
    let mut out = String::new();
    let _ = writeln!(out, "# Performance\n");
    let _ = writeln!(
        out,
        "Figures from `{command}`: the release build (`trunk build --release`) served on loopback, \
         in a fresh headless Chromium profile per store. Stores are loaded through the UI: \
         *Start empty*, or *Load a large demo workspace* with 100 connections / 1,000 exports, \
         1k / 10k or 10k / 100k (enrichments are a tenth of the exports, and so are the exports on \
         the first export connection; the activity log holds every creation and some runs). Timings are the median of {RUNS} runs; an interaction \
         that took over {} s once is reported from that one run, and anything over {} s is \
         stopped and reported as \"> {} s\".\n",
        SINGLE_RUN_ABOVE_MS / 1_000.0,
        LIMIT.as_secs(),
        LIMIT.as_secs()
    );
    let _ = writeln!(
        out,
        "- *Cold start*: a reload of the landing page (Settings › Connections › Enrichment); \
         `portal-ready` is the performance mark start-up sets in the animation frame after its \
         first render, `next paint` the first task after that frame; both in ms since navigation start.\n\
         - *Interactions*: a full load of Settings › Workspace, then a click on the navigation link \
         in page script; *script* is click → last DOM change (the rows exist and the DOM has been \
         quiet for two animation frames), *next paint* the first paint after that change. Steps on \
         a page start from a full load of it; a keystroke sets the field's value and fires `input`; \
         set-up a step needs (the Remove dialog's connection, the generated one a tenth of the \
         exports use, searched and its row menu opened; an export's pane opened and its name \
         changed) is not timed. *Save one edit* is click → the `store-committed` mark the store \
         writer sets once the IndexedDB transaction has completed.\n\
         - *Memory*: `performance.memory.usedJSHeapSize` and the wasm linear memory \
         (`window.__portalWasmMemory`, set by `perf::mark`) one second after a cold start; DOM \
         nodes are `document.getElementsByTagName('*').length`.\n"
    );
    out.push_str(table);
    if !notes.is_empty() {
        out.push('\n');
        for note in notes {
            let _ = writeln!(out, "- {note}");
        }
    }
    let _ = writeln!(out, "\nMachine:\n\n{}", machine());
    out
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let site = serve_dist();
    // `BENCH_STORES=small,large` (demo names, `empty` for none) measures only those, for a
    // focused comparison; the figures written are then only theirs.
    let chosen = std::env::var("BENCH_STORES").ok().filter(|s| !s.is_empty());
    let wanted = |s: &Store| chosen.as_deref().is_none_or(|list| list.split(',').any(|name| name.trim() == s.demo.unwrap_or("empty")));
    let stores: Vec<&Store> = STORES.iter().filter(|s| (!quick || QUICK_STORES.contains(&s.label)) && wanted(s)).collect();
    let started = Instant::now();
    let mut columns = Vec::new();
    for store in &stores {
        println!("bench: store {}", store.label);
        columns.push(measure(&site, store).await);
    }
    let notes: Vec<String> = columns.iter().flat_map(|c| c.notes.clone()).collect();
    let table = table(&stores, &columns);
    println!("\n{table}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("docs").join("performance.md");
    // Earlier figures, kept by hand below the marker, stay beside the new ones.
    let earlier = std::fs::read_to_string(&path).ok().and_then(|old| old.split_once(EARLIER).map(|(_, kept)| kept.to_owned()));
    let mut doc = report(quick, &table, &notes);
    if let Some(kept) = earlier {
        doc.push_str(EARLIER);
        doc.push_str(&kept);
    }
    match std::fs::write(&path, doc) {
        Ok(()) => println!("bench: wrote {} ({} s in all)", path.display(), started.elapsed().as_secs()),
        Err(e) => eprintln!("bench: cannot write {}: {e}", path.display()),
    }
}
