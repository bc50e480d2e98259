//! WebDriver servers and browser sessions. Each session gets its own driver process, port and
//! browser profile, so every scenario starts with empty storage, as a first visit would.

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Map, Value};
use std::fmt;
use std::process::Stdio;
use std::time::Duration;
use tokio::process::{Child, Command};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    Chromium,
    Firefox,
}

impl Browser {
    pub const ALL: [Browser; 2] = [Browser::Chromium, Browser::Firefox];

    /// The browsers to run in: both, unless `E2E_BROWSERS` names some (`firefox`, `chromium,firefox`)
    /// to narrow a debugging run.
    pub fn selected() -> Vec<Browser> {
        match std::env::var("E2E_BROWSERS") {
            Ok(names) if !names.trim().is_empty() => {
                Browser::ALL.into_iter().filter(|b| names.split(',').any(|n| n.trim() == b.name())).collect()
            }
            _ => Browser::ALL.to_vec(),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Browser::Chromium => "chromium",
            Browser::Firefox => "firefox",
        }
    }

    fn driver(self) -> String {
        let (var, default) = match self {
            Browser::Chromium => ("CHROMEDRIVER", "chromedriver"),
            Browser::Firefox => ("GECKODRIVER", "geckodriver"),
        };
        std::env::var(var).unwrap_or_else(|_| default.into())
    }

    fn capabilities(self, profile: &std::path::Path, extra_args: &[&str]) -> Map<String, Value> {
        let mut caps = match self {
            // The network flags keep Chromium from calling home on a machine with no internet.
            Browser::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic",
                        "--window-size=1280,900",
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            }),
            Browser::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": firefox_binary(),
                    "args": ["-headless", "-profile", profile.display().to_string(), "--width=1280", "--height=900"],
                    "prefs": { "app.update.enabled": false, "network.captive-portal-service.enabled": false }
                }
            }),
        };
        let args = match self {
            Browser::Chromium => caps.pointer_mut("/goog:chromeOptions/args"),
            Browser::Firefox => caps.pointer_mut("/moz:firefoxOptions/args"),
        };
        if let Some(Value::Array(args)) = args {
            args.extend(extra_args.iter().map(|a| Value::from(*a)));
        }
        match caps {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}

impl fmt::Display for Browser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

fn firefox_binary() -> &'static str {
    if std::path::Path::new("/usr/bin/firefox-esr").exists() {
        "/usr/bin/firefox-esr"
    } else {
        "/usr/bin/firefox"
    }
}

pub struct Session {
    pub client: Client,
    driver: Child,
    profile: std::path::PathBuf,
    /// Whether `close` deletes the profile (not when the caller brought it).
    owns_profile: bool,
    /// Whether a narrow viewport must come from an iframe (Firefox).
    pub narrow_frame: bool,
}

impl Session {
    pub async fn start(browser: Browser) -> Result<Session, crate::Failure> {
        let port = free_port()?;
        let profile = std::env::temp_dir().join(format!("e2e-{}-{}-{port}", browser.name(), std::process::id()));
        let mut session = Session::start_in(browser, &profile, &[]).await?;
        session.owns_profile = true;
        Ok(session)
    }

    /// A session for a viewport `width` × `height` CSS pixels. Chromium's window takes that size;
    /// Firefox's cannot be narrower than 500 px, so its session is marked `narrow_frame` and the
    /// scenario runs in an iframe of that size (`in_each_browser_narrow`).
    pub async fn start_narrow(browser: Browser, width: u32, height: u32) -> Result<Session, crate::Failure> {
        let port = free_port()?;
        let profile = std::env::temp_dir().join(format!("e2e-{}-{}-{port}-narrow", browser.name(), std::process::id()));
        let mut session = Session::start_in(browser, &profile, &[]).await?;
        session.owns_profile = true;
        match browser {
            Browser::Chromium => session.client.set_window_size(width, height).await?,
            Browser::Firefox => session.narrow_frame = true,
        }
        Ok(session)
    }

    /// A session on the caller's `profile` folder (kept on close, so a later session finds the
    /// same IndexedDB), with `extra_args` for the browser. For the benchmark.
    pub async fn start_in(browser: Browser, profile: &std::path::Path, extra_args: &[&str]) -> Result<Session, crate::Failure> {
        let port = free_port()?;
        let profile = profile.to_path_buf();
        std::fs::create_dir_all(&profile)?;
        let mut command = Command::new(browser.driver());
        command.arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).kill_on_drop(true);
        // E2E_DRIVER_LOG=<folder> keeps a verbose driver log per session, for a hang or a crash.
        if let Some(folder) = std::env::var_os("E2E_DRIVER_LOG") {
            let log = std::path::Path::new(&folder).join(format!("{}-{port}.log", browser.name()));
            match browser {
                Browser::Chromium => command.arg(format!("--log-path={}", log.display())).arg("--verbose"),
                Browser::Firefox => command.arg("--log=trace").stderr(Stdio::from(std::fs::File::create(log)?)),
            };
        }
        let driver = command.spawn().map_err(|e| format!("cannot run {}: {e}", browser.driver()))?;
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = String::new();
        // The driver needs a moment to listen; the browser a moment more to start.
        for _ in 0..60 {
            let mut builder = ClientBuilder::new(HttpConnector::new());
            builder.capabilities(browser.capabilities(&profile, extra_args));
            match builder.connect(&url).await {
                Ok(client) => {
                    client.set_window_size(1280, 900).await.ok();
                    return Ok(Session { client, driver, profile, owns_profile: false, narrow_frame: false });
                }
                Err(e) => last_error = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        Err(format!("no {browser} session: {last_error}").into())
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill().await;
        if self.owns_profile {
            let _ = std::fs::remove_dir_all(&self.profile);
        }
    }

    pub fn profile(&self) -> &std::path::Path {
        &self.profile
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
