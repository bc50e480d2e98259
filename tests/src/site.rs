//! A static file server for `dist/` on an ephemeral loopback port. Paths without a file fall
//! back to index.html, as a single-page app's host must, so deep links work.
//!
//! It is plain `std::net`: one thread per connection, one request per connection
//! (`Connection: close`). tiny_http, used before, now and then never passed on one of the
//! stylesheet requests of the first page load, and Chromium waited for it until its 300 s
//! renderer timeout.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// The folder of the built site: `E2E_DIST` (so parallel work trees test their own build), else
/// the repo's dist/.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("E2E_DIST").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("dist"))
}

/// The base URL of the site every scenario shares, e.g. `http://127.0.0.1:41234`.
pub fn serve_dist() -> String {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| Site::start(dist_dir(), 0)).base.clone()
}

/// A running server for one folder. It can be stopped (the portal then has only what the
/// browser kept) and another started on the same port, for a "new build was deployed" test.
pub struct Site {
    pub base: String,
    pub port: u16,
    stopped: Arc<AtomicBool>,
}

impl Site {
    /// Serves `root` on `port` (0: any free port).
    pub fn start(root: PathBuf, port: u16) -> Site {
        assert!(root.join("index.html").exists(), "no {}/index.html: run `trunk build --release` first", root.display());
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind a loopback port");
        let port = listener.local_addr().expect("a local address").port();
        let stopped = Arc::new(AtomicBool::new(false));
        let flag = stopped.clone();
        let root = Arc::new(root);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let root = root.clone();
                std::thread::spawn(move || {
                    // A browser that drops a connection half-way is no failure of the site.
                    let _ = answer(&root, stream);
                });
            }
        });
        Site { base: format!("http://127.0.0.1:{port}"), port, stopped }
    }

    /// Stops accepting connections and frees the port; requests then fail as with no server.
    pub fn stop(&self) {
        if !self.stopped.swap(true, Ordering::SeqCst) {
            // Wake the accept loop so that it sees the flag and drops the listener.
            let _ = TcpStream::connect(("127.0.0.1", self.port));
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stop();
    }
}

fn answer(root: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers to their blank line; nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let (body, mime) = file_for(root, target);
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)?;
    stream.flush()
}

fn file_for(root: &Path, target: &str) -> (Vec<u8>, &'static str) {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let candidate: PathBuf = root.join(path.trim_start_matches('/'));
    let file = if path.contains("..") || !candidate.is_file() { root.join("index.html") } else { candidate };
    let body = std::fs::read(&file).unwrap_or_default();
    let mime = match file.extension().and_then(|e| e.to_str()) {
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        _ => "text/html; charset=utf-8",
    };
    (body, mime)
}
