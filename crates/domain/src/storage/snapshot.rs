//! The snapshot's binary form: what a cold start reads.
//!
//! A snapshot holds every object record, one frame each:
//! `key length (u32 LE) · key (UTF-8) · payload kind (u8) · payload length (u32 LE) · payload`.
//! Connections, exports and enrichments (nearly every record of a large workspace) are written
//! in postcard, a compact binary serde format: four times smaller than their JSON and four times
//! faster to decode. The few other records (`meta`, `counters`, users, the vault, links) stay JSON,
//! like every change-log entry and backup, so that their code is not made twice.
//!
//! Each frame is decoded on its own: a damaged payload sets aside its record alone. A damaged
//! length loses the frames after it, which are set aside together, as found.
//!
//! Postcard writes an enum variant as its position, so reordering a stored enum's variants (or a
//! struct's fields) changes the format: `binary_layout_is_pinned` fails when that happens, and the
//! fix is a new record version with a migration.
//!
//! A snapshot written before this format is UTF-8 text, one `key<TAB>json` line per record
//! ([`super::text`]); it never starts with [`MAGIC`]'s NUL byte, and is still read.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{corrupt, DecodeError, RECORD_VERSION};
use crate::workspace::Workspace;

/// The first bytes of a binary snapshot (a text snapshot never holds a NUL byte).
pub const MAGIC: &[u8; 5] = b"\0cps1";

const JSON: u8 = 0;
const POSTCARD: u8 = 1;

/// One record as stored: the text of the change log and of older snapshots, or binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payload<'a> {
    Json(&'a str),
    Postcard(&'a [u8]),
}

impl Payload<'_> {
    /// The record as text, for a set-aside report or a raw download: JSON as stored, a binary
    /// record re-written as its JSON envelope when it decodes, else `postcard:` and its bytes in hex.
    pub fn to_text(&self, key: &str) -> String {
        match self {
            Payload::Json(json) => (*json).to_owned(),
            Payload::Postcard(bytes) => match super::decode_payload(key, *self) {
                Ok(decoded) => decoded.to_json(),
                Err(_) => format!("postcard:{}", hex(bytes)),
            },
        }
    }
}

/// A snapshot's readable records in stored order, and apart from them what could not be framed
/// (key, what was found as text), for start-up to set aside.
#[derive(Debug, Default)]
pub struct Parsed<'a> {
    pub records: Vec<(&'a str, Payload<'a>)>,
    pub damaged: Vec<(String, String)>,
}

/// The workspace's object records as a binary snapshot (an empty workspace gives no bytes).
pub fn encode(ws: &Workspace) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + 110 * (ws.exports.len() + ws.connections.len() + ws.enrichments.len()));
    out.extend_from_slice(MAGIC);
    for record in ws.small_records() {
        frame(&mut out, &record.key, JSON, |out| out.extend_from_slice(record.json.as_bytes()));
    }
    let mut key = String::new();
    for c in ws.connections.values() {
        binary_frame(&mut out, &mut key, "connection/", c.id.as_str(), c);
    }
    for e in ws.exports.values() {
        binary_frame(&mut out, &mut key, "export/", e.id.as_str(), e);
    }
    for n in ws.enrichments.values() {
        binary_frame(&mut out, &mut key, "enrichment/", n.id.as_str(), n);
    }
    out
}

fn binary_frame(out: &mut Vec<u8>, key: &mut String, kind: &str, id: &str, value: &impl Serialize) {
    key.clear();
    key.push_str(kind);
    key.push_str(id);
    // These types serialise infallibly into a Vec; a failure leaves an empty payload, which is
    // set aside on read rather than panicking here.
    frame(out, key, POSTCARD, |out| {
        let _ = postcard::to_extend(&(RECORD_VERSION, value), Sink(out));
    });
}

/// Lets postcard append to the snapshot's buffer in place.
struct Sink<'a>(&'a mut Vec<u8>);

impl Extend<u8> for Sink<'_> {
    fn extend<I: IntoIterator<Item = u8>>(&mut self, bytes: I) {
        self.0.extend(bytes);
    }
}

/// Writes one frame; `payload` appends the payload's bytes, whose length is filled in after.
fn frame(out: &mut Vec<u8>, key: &str, kind: u8, payload: impl FnOnce(&mut Vec<u8>)) {
    out.extend_from_slice(&(key.len() as u32).to_le_bytes());
    out.extend_from_slice(key.as_bytes());
    out.push(kind);
    let length_at = out.len();
    out.extend_from_slice(&[0; 4]);
    payload(out);
    let length = (out.len() - length_at - 4) as u32;
    out[length_at..length_at + 4].copy_from_slice(&length.to_le_bytes());
}

/// Reads a snapshot, binary or text. Never fails: what cannot be read is returned as damaged.
pub fn parse(bytes: &[u8]) -> Parsed<'_> {
    match bytes.strip_prefix(MAGIC.as_slice()) {
        Some(frames) => parse_frames(frames, MAGIC.len()),
        None => parse_text(bytes),
    }
}

fn parse_frames(mut rest: &[u8], mut offset: usize) -> Parsed<'_> {
    let mut parsed = Parsed { records: Vec::with_capacity(rest.len() / 120), damaged: Vec::new() };
    while !rest.is_empty() {
        match next_frame(rest) {
            Some((key, payload, used)) => {
                parsed.records.push((key, payload));
                rest = &rest[used..];
                offset += used;
            }
            None => {
                parsed.damaged.push((format!("{}/{offset}", super::text::DAMAGED_LINE), format!("bytes:{}", hex(rest))));
                break;
            }
        }
    }
    parsed
}

/// One frame at the start of `bytes`: its key, payload and length, or `None` when it is damaged.
fn next_frame(bytes: &[u8]) -> Option<(&str, Payload<'_>, usize)> {
    let (key, rest) = take(bytes)?;
    let key = std::str::from_utf8(key).ok()?;
    let (&kind, rest) = rest.split_first()?;
    let (payload, rest) = take(rest)?;
    let payload = match kind {
        JSON => Payload::Json(std::str::from_utf8(payload).ok()?),
        POSTCARD => Payload::Postcard(payload),
        _ => return None,
    };
    Some((key, payload, bytes.len() - rest.len()))
}

/// A length-prefixed slice at the start of `bytes`, and what follows it.
fn take(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (length, rest) = bytes.split_first_chunk::<4>()?;
    let length = u32::from_le_bytes(*length) as usize;
    (rest.len() >= length).then(|| rest.split_at(length))
}

/// A text snapshot, line by line; a line that is not UTF-8 or has no key is damaged alone.
fn parse_text(bytes: &[u8]) -> Parsed<'_> {
    let mut parsed = Parsed::default();
    for (n, line) in bytes.split(|b| *b == b'\n').enumerate().filter(|(_, line)| !line.is_empty()) {
        let damaged_key = || format!("{}/{}", super::text::DAMAGED_LINE, n + 1);
        match std::str::from_utf8(line).ok().and_then(|line| line.split_once('\t')) {
            Some((key, json)) => parsed.records.push((key, Payload::Json(json))),
            None => parsed.damaged.push((damaged_key(), String::from_utf8_lossy(line).into_owned())),
        }
    }
    parsed
}

/// The whole snapshot as readable text, one `key<TAB>record` line each (the older text form), for
/// a raw download when the portal cannot use the data.
pub fn to_text(bytes: &[u8]) -> String {
    let parsed = parse(bytes);
    let mut text = String::new();
    let damaged = parsed.damaged.iter().map(|(key, found)| (key.as_str(), found.clone()));
    for (key, record) in parsed.records.iter().map(|(key, payload)| (*key, payload.to_text(key))).chain(damaged) {
        text.push_str(key);
        text.push('\t');
        text.push_str(&record);
        text.push('\n');
    }
    text
}

/// Decodes a postcard record `(record version, value)`, refusing trailing bytes.
pub(crate) fn decode_postcard<T: DeserializeOwned>(key: &str, bytes: &[u8]) -> Result<T, DecodeError> {
    match postcard::take_from_bytes::<(u32, T)>(bytes) {
        Ok(((RECORD_VERSION, data), [])) => Ok(data),
        Ok(((RECORD_VERSION, _), _)) => Err(corrupt(key, "bytes left over after the record")),
        Ok(((v, _), _)) if v > RECORD_VERSION => Err(DecodeError::NewerVersion { found: v, supported: RECORD_VERSION }),
        Ok(((v, _), _)) => Err(corrupt(key, format!("no migration from record version {v}"))),
        // A newer version may lay its data out differently: tell it from damage by its number.
        Err(error) => match postcard::take_from_bytes::<u32>(bytes) {
            Ok((v, _)) if v > RECORD_VERSION => Err(DecodeError::NewerVersion { found: v, supported: RECORD_VERSION }),
            _ => Err(corrupt(key, format!("binary record: {error}"))),
        },
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
