//! The static server behind `cargo xtask serve`: `dist/` on 127.0.0.1, unknown paths answered with
//! index.html (a single-page app's host must), and the headers the shipped site expects: the
//! page's Content-Security-Policy (read from the `<meta>` the build wrote) plus
//! `frame-ancestors 'none'`, `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`.
//! Plain `std::net`, one thread and one request per connection.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn serve(dist: PathBuf, port: &str) -> Result<(), String> {
    let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("{}: {e}", dist.display()))?;
    let policy = crate::ship::header_policy(&index).ok_or("dist/index.html has no Content-Security-Policy <meta>")?;
    let listener = TcpListener::bind(format!("127.0.0.1:{port}")).map_err(|e| format!("127.0.0.1:{port}: {e}"))?;
    println!("Serving the portal at http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    let shared = Arc::new((dist, policy));
    for stream in listener.incoming().flatten() {
        let shared = shared.clone();
        std::thread::spawn(move || {
            let _ = answer(&shared.0, &shared.1, stream);
        });
    }
    Ok(())
}

fn answer(root: &Path, policy: &str, mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let candidate = root.join(path.trim_start_matches('/'));
    let file = if path.contains("..") || !candidate.is_file() { root.join("index.html") } else { candidate };
    let body = std::fs::read(&file).unwrap_or_default();
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mime = match file.extension().and_then(|e| e.to_str()) {
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("ftl") => "text/plain; charset=utf-8",
        Some("webmanifest") => "application/manifest+json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "text/html; charset=utf-8",
    };
    // Hashed names never change; index.html, sw.js and the manifest are checked every time.
    let cache = if name.contains('-') && name.len() > 20 && !name.starts_with("icon") { "public, max-age=31536000, immutable" } else { "no-cache" };
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: {cache}\r\n\
         Content-Security-Policy: {policy}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)?;
    stream.flush()
}
