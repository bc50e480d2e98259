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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn plain_cells_are_left_as_they_are() {
        assert_eq!(cell("Orders to lake"), "Orders to lake");
        assert_eq!(cell(""), "");
        assert_eq!(cell("Zoë Müller"), "Zoë Müller");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("cr\rhere"), "\"cr\rhere\"");
    }

    #[test]
    fn formula_starts_are_defused_with_an_apostrophe() {
        for raw in ["=SUM(A1)", "+1", "-1", "@cmd", "\tx"] {
            assert_eq!(cell(raw), format!("'{raw}"), "{raw:?}");
        }
        // Guarded first, then quoted: the apostrophe sits inside the quotes.
        assert_eq!(cell("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(cell("\rx"), "\"'\rx\"");
    }

    #[test]
    fn records_end_with_crlf_and_the_header_comes_first() {
        let header = vec!["When".to_string(), "Who".to_string()];
        let rows = vec![vec!["today".to_string(), "Berg, Jonas".to_string()], vec!["".to_string(), "=x".to_string()]];
        assert_eq!(to_csv(&header, &rows), "When,Who\r\ntoday,\"Berg, Jonas\"\r\n,'=x\r\n");
        assert_eq!(to_csv(&header, &[]), "When,Who\r\n");
    }
}
