//! A page of the portal in one browser, with the steps scenarios share. Every wait is bounded
//! and every failure says what was expected and what was there instead.

use crate::{Browser, Failure};
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::Value;
use std::time::Duration;

const PATIENCE: Duration = Duration::from_secs(20);

#[derive(Clone)]
pub struct Page {
    pub client: Client,
    pub base: String,
    pub browser: Browser,
    /// The portal runs in an iframe that WebDriver has entered (see `in_each_browser_narrow`):
    /// navigation then goes through the frame's own `location`.
    pub framed: bool,
}

impl Page {
    pub fn new(client: Client, base: String, browser: Browser) -> Self {
        Page { client, base, browser, framed: false }
    }

    /// Opens `path` as a deep link (a full page load).
    pub async fn open(&self, path: &str) -> Result<(), Failure> {
        if self.framed {
            self.client.execute("location.href = arguments[0]", vec![Value::from(path)]).await?;
            // Let the old document go before anything looks for the new one.
            tokio::time::sleep(Duration::from_millis(300)).await;
            return Ok(());
        }
        self.client.goto(&format!("{}{path}", self.base)).await?;
        Ok(())
    }

    pub async fn reload(&self) -> Result<(), Failure> {
        if self.framed {
            self.client.execute("location.reload()", vec![]).await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            return Ok(());
        }
        self.client.refresh().await?;
        Ok(())
    }

    pub async fn path(&self) -> Result<String, Failure> {
        if self.framed {
            return Ok(self.client.execute("return location.pathname", vec![]).await?.as_str().unwrap_or_default().to_string());
        }
        Ok(self.client.current_url().await?.path().to_string())
    }

    pub async fn find(&self, css: &str) -> Result<Element, Failure> {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("no element `{css}`: {e}").into())
    }

    pub async fn exists(&self, css: &str) -> Result<bool, Failure> {
        Ok(!self.client.find_all(Locator::Css(css)).await?.is_empty())
    }

    pub async fn count(&self, css: &str) -> Result<usize, Failure> {
        Ok(self.client.find_all(Locator::Css(css)).await?.len())
    }

    pub async fn click(&self, css: &str) -> Result<(), Failure> {
        self.find(css).await?.click().await?;
        Ok(())
    }

    pub async fn text(&self, css: &str) -> Result<String, Failure> {
        Ok(self.find(css).await?.text().await?)
    }

    pub async fn select(&self, css: &str, value: &str) -> Result<(), Failure> {
        self.find(css).await?.select_by_value(value).await?;
        Ok(())
    }

    /// Waits until the text of `css` satisfies `check`, for at most the patience.
    pub async fn wait_text(&self, css: &str, what: &str, check: impl Fn(&str) -> bool) -> Result<String, Failure> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        let mut last = String::from("<absent>");
        while tokio::time::Instant::now() < deadline {
            if let Ok(found) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = found.text().await {
                    if check(&text) {
                        return Ok(text);
                    }
                    last = text;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("`{css}` should be {what}, but was {last:?}").into())
    }

    /// Waits for the page heading (h1#page-title) to read `expected`.
    pub async fn heading_is(&self, expected: &str) -> Result<(), Failure> {
        self.wait_text("h1#page-title", &format!("{expected:?}"), |t| t == expected).await.map(|_| ())
    }

    /// Waits until the current path is `expected`.
    pub async fn path_is(&self, expected: &str) -> Result<(), Failure> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let path = self.path().await?;
            if path == expected {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!("path should be {expected}, but is {path}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// From a first visit: choose "Load sample data" and wait for the default page.
    pub async fn load_sample_data(&self) -> Result<(), Failure> {
        self.open("/").await?;
        self.click("#load-sample").await?;
        self.find("h1#page-title").await?;
        self.wait_saved().await
    }

    /// Waits until the header says every change is in IndexedDB.
    pub async fn wait_saved(&self) -> Result<(), Failure> {
        self.wait_text("#save-status", "the saved state", |t| t == "All changes saved" || t == "Toutes les modifications sont enregistrées")
            .await
            .map(|_| ())
    }

    pub async fn script(&self, source: &str, args: Vec<Value>) -> Result<Value, Failure> {
        Ok(self.client.execute(source, args).await?)
    }

    /// Runs an async script; the script calls `arguments[arguments.length - 1](result)`.
    pub async fn script_async(&self, source: &str, args: Vec<Value>) -> Result<Value, Failure> {
        Ok(self.client.execute_async(source, args).await?)
    }

    /// The Content-Security-Policy violations the app counted on this page since it loaded
    /// (`window.__portalCspViolations`), or None on a page without the portal's counter.
    pub async fn csp_violations(&self) -> Result<Option<Vec<String>>, Failure> {
        let found = self.script("return window.__portalCspViolations ? Array.from(window.__portalCspViolations) : null;", vec![]).await?;
        Ok(found.as_array().map(|list| list.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect()))
    }

    /// Fails when the page reports any Content-Security-Policy violation; every scenario ends with it.
    pub async fn no_csp_violations(&self) -> Result<(), Failure> {
        match self.csp_violations().await? {
            Some(list) if !list.is_empty() => Err(format!("{} Content-Security-Policy violation(s): {list:?}", list.len()).into()),
            _ => Ok(()),
        }
    }

    /// Saves a screenshot as target/screenshots/<name>-<browser>.png (`cargo xtask screenshots` copies
    /// them into docs/screenshots/).
    pub async fn screenshot(&self, name: &str) -> Result<(), Failure> {
        let png = self.client.screenshot().await?;
        let dir = crate::screenshot_dir();
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}-{}.png", self.browser.name())), png)?;
        Ok(())
    }
}

/// Fails with `message` unless `condition` holds.
pub fn ensure(condition: bool, message: impl Into<String>) -> Result<(), Failure> {
    if condition {
        Ok(())
    } else {
        Err(message.into().into())
    }
}
