//! `cargo xtask sizes`: the size of each wasm, js and css file of the release build (`dist/`),
//! raw and brotli-compressed (quality 11, as a static host would serve it).

use std::io::Write;
use std::path::Path;

pub fn report(dist: &Path) -> Result<String, String> {
    let mut rows = Vec::new();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e} (run `trunk build --release` first)", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()).map(str::to_string) else { continue };
        if !["wasm", "js", "css"].contains(&ext.as_str()) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let compressed = brotli_size(&bytes)?;
        rows.push((ext, path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), bytes.len(), compressed));
    }
    rows.sort();
    let mut out = String::from("| kind | file | raw | brotli |\n|---|---|---:|---:|\n");
    let (mut raw_total, mut br_total) = (0, 0);
    for (ext, name, raw, br) in &rows {
        out.push_str(&format!("| {ext} | {name} | {} | {} |\n", kib(*raw), kib(*br)));
        raw_total += raw;
        br_total += br;
    }
    out.push_str(&format!("| **total** | | **{}** | **{}** |\n", kib(raw_total), kib(br_total)));
    Ok(out)
}

fn brotli_size(bytes: &[u8]) -> Result<usize, String> {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
        writer.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(compressed.len())
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
