//! A static file server for `dist/` on an ephemeral loopback port. Paths without a file fall
//! back to index.html, as a single-page app's host must, so deep links work.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The base URL of the running site, e.g. `http://127.0.0.1:41234`.
pub fn serve_dist() -> String {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        // E2E_DIST lets parallel work trees test their own build; by default, the repo's dist/.
        let root = std::env::var_os("E2E_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("dist"));
        assert!(root.join("index.html").exists(), "no dist/index.html: run `trunk build --release` first");
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind a loopback port");
        let port = server.server_addr().to_ip().map(|a| a.port()).expect("an IP address");
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let response = respond(&root, request.url());
                let _ = request.respond(response);
            }
        });
        format!("http://127.0.0.1:{port}")
    })
    .clone()
}

fn respond(root: &Path, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let candidate: PathBuf = root.join(path.trim_start_matches('/'));
    let file = if path.contains("..") || !candidate.is_file() { root.join("index.html") } else { candidate };
    let body = std::fs::read(&file).unwrap_or_default();
    let mime = match file.extension().and_then(|e| e.to_str()) {
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "text/html; charset=utf-8",
    };
    let header = tiny_http::Header::from_bytes("Content-Type", mime).expect("a valid header");
    tiny_http::Response::from_data(body).with_header(header)
}
