//! Line formats for IndexedDB values that hold many records at once.
//!
//! A change-log entry is one text value, one change per line: `P<TAB>key<TAB>json` or `D<TAB>key`.
//! Snapshots were once text too, one record per line: `key<TAB>json`. They are binary now
//! ([`super::snapshot`], which still reads the text form); [`encode_snapshot`] stays so that tests
//! can write the older form. Compact JSON never holds a raw tab or newline (both are escaped inside
//! strings), so the separators are unambiguous, and a damaged line damages only its own record.

use super::{corrupt, DecodeError, Record, RecordChange};

/// The key given to a snapshot line that has no key, so the lenient loader sets it aside.
pub const DAMAGED_LINE: &str = "damaged-line";

pub fn encode_snapshot(records: &[Record]) -> String {
    let mut text = String::with_capacity(records.iter().map(|r| r.key.len() + r.json.len() + 2).sum());
    for r in records {
        text.push_str(&r.key);
        text.push('\t');
        text.push_str(&r.json);
        text.push('\n');
    }
    text
}

pub fn encode_changes(changes: &[RecordChange]) -> String {
    let mut text = String::new();
    for change in changes {
        match change {
            RecordChange::Put(r) => {
                text.push_str("P\t");
                text.push_str(&r.key);
                text.push('\t');
                text.push_str(&r.json);
            }
            RecordChange::Delete { key } => {
                text.push_str("D\t");
                text.push_str(key);
            }
        }
        text.push('\n');
    }
    text
}

/// One log entry's changes. All or nothing: a damaged line refuses the entry, because applying
/// part of a change would break the rules the change kept.
pub fn decode_changes(entry: &str, text: &str) -> Result<Vec<RecordChange>, DecodeError> {
    text.lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            match (parts.next(), parts.next(), parts.next()) {
                (Some("P"), Some(key), Some(json)) => Ok(RecordChange::Put(Record { key: key.to_owned(), json: json.to_owned() })),
                (Some("D"), Some(key), None) => Ok(RecordChange::Delete { key: key.to_owned() }),
                _ => Err(corrupt(entry, "a change line is damaged")),
            }
        })
        .collect()
}
