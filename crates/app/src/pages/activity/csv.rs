//! The CSV text of the Activity export: RFC 4180 quoting (a cell with a comma, quote or line
//! break is wrapped in quotes, inner quotes doubled), CRLF between records, and a leading
//! apostrophe on cells a spreadsheet would otherwise run as a formula.

/// One cell, quoted when it must be.
pub fn cell(raw: &str) -> String {
    let guarded = if raw.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{raw}") } else { raw.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The header line and every row, each line ended by CRLF.
pub fn to_csv(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for record in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let line: Vec<String> = record.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}
