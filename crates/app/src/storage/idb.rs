//! The IndexedDB store of record, over web-sys.
//!
//! Object stores (database version 2):
//! - `snapshot`: one value under `current`: `{generation, seq, text}`, the compacted workspace as
//!   the bytes of the domain's snapshot format (`storage::snapshot`), folded up to change-log entry `seq`. `generation` changes
//!   whenever the whole store is replaced, so a tab can tell its log position no longer applies.
//! - `log`: change-log entries keyed by their sequence number, each the domain's change-line text.
//! - `events`: activity events keyed by their event number, read a page at a time.
//! - `quarantine`: data set aside, untouched, keyed by a label.
//! - `records`: version 1's one-record-per-key store, read once to migrate and then emptied.
//!
//! Every request is awaited through a promise whose handlers are the promise's own resolve and
//! reject functions, and every transaction is awaited through its `complete` and `abort` events
//! the same way: no Rust closure is ever left behind for the browser to call after it is dropped.
//! A request that throws part-way through a batch aborts the transaction, so a batch is all or none.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

pub const DB_NAME: &str = "connections-portal";
pub const DB_VERSION: u32 = 3;
const SNAPSHOT: &str = "snapshot";
/// The snapshot's header alone (version 3), written with it in the same transaction: a commit
/// and a catch-up check the header, and reading it from the snapshot's record meant reading the
/// whole snapshot (11 MB at 100,000 exports, 15 ms on every save).
const SNAPSHOT_HEADER: &str = "snapshot-header";
const LOG: &str = "log";
const EVENTS: &str = "events";
const QUARANTINE: &str = "quarantine";
const RECORDS: &str = "records";
const CURRENT: &str = "current";

/// A stored record exactly as found: its key and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRecord {
    pub key: String,
    pub text: String,
}

/// Why IndexedDB could not be used or a read or write failed, in words for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageError(pub String);

impl StorageError {
    fn from_js(value: &JsValue) -> Self {
        if let Some(exception) = value.dyn_ref::<web_sys::DomException>() {
            let name = exception.name();
            return StorageError(if name == "QuotaExceededError" {
                "the browser has no room left for this site's data (quota exceeded)".to_owned()
            } else {
                format!("{name}: {}", exception.message())
            });
        }
        StorageError(value.as_string().unwrap_or_else(|| "the browser refused the request".to_owned()))
    }
}

impl From<JsValue> for StorageError {
    fn from(value: JsValue) -> Self {
        StorageError::from_js(&value)
    }
}

/// How opening the database went wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// IndexedDB cannot be used here (some private windows, storage turned off).
    Unavailable(StorageError),
    /// The database was upgraded by a newer portal: this one must not touch it.
    Newer { found: u32 },
}

/// The compacted workspace and where in the change log it stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SnapshotHeader {
    pub generation: f64,
    pub seq: u64,
}

/// Everything start-up needs, read in one transaction.
#[derive(Clone, Debug, Default)]
pub struct StoreState {
    pub header: Option<SnapshotHeader>,
    /// The snapshot's bytes: binary, or the text lines an older portal wrote.
    pub snapshot: Vec<u8>,
    pub log: Vec<(u64, String)>,
    /// Version 1 records still waiting to be migrated.
    pub legacy: Vec<RawRecord>,
}

/// Resolves with the request's result, or rejects with its error.
async fn request(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.map_err(|_| req.error().ok().flatten().map_or_else(|| StorageError("a read failed".into()), |e| StorageError::from_js(&e)))?;
    req.result().map_err(StorageError::from)
}

/// Resolves when the transaction commits; fails with the reason when it aborts.
async fn completion(tx: &IdbTransaction) -> Result<(), StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| {
        tx.error().map_or_else(|| StorageError("the browser aborted the write".into()), |e| StorageError::from_js(&e))
    })
}

/// Runs `writes` in `tx` and commits; the first error aborts the whole transaction.
async fn write_all(tx: IdbTransaction, writes: impl FnOnce(&IdbTransaction) -> Result<(), JsValue>) -> Result<(), StorageError> {
    let done = completion(&tx);
    if let Err(error) = writes(&tx) {
        let _ = tx.abort();
        let _ = done.await;
        return Err(StorageError::from_js(&error));
    }
    // Deprecated in web-sys only because it can throw; the error is ignored on purpose (the
    // transaction then commits on its own when its requests are done).
    #[allow(deprecated)]
    let _ = tx.commit();
    done.await
}

fn text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "undefined".into())
    })
}

fn number(value: &JsValue) -> u64 {
    value.as_f64().map_or(0, |n| n.max(0.0) as u64)
}

fn key_range_above(seq: u64) -> Result<IdbKeyRange, StorageError> {
    Ok(IdbKeyRange::lower_bound_with_open(&JsValue::from_f64(seq as f64), true)?)
}

fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

pub struct Database {
    db: IdbDatabase,
    /// This open created the database: nothing can be stored in it yet.
    created: bool,
    // Kept for as long as the database is open, so the browser can call it at any time.
    _on_version_change: Closure<dyn FnMut(web_sys::Event)>,
}

impl Database {
    /// Opens (creating or upgrading) the database. `on_version_change` runs when a newer portal
    /// in another tab wants to upgrade it: this tab then closes its connection at once.
    /// `on_blocked` runs when this tab's upgrade waits for an older tab to close.
    pub async fn open(on_version_change: impl Fn() + 'static, on_blocked: impl Fn() + 'static) -> Result<Database, OpenError> {
        let unavailable = |e: JsValue| OpenError::Unavailable(StorageError::from_js(&e));
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| OpenError::Unavailable(StorageError("IndexedDB is not available in this browser window".into())))?;
        let open: IdbOpenDbRequest = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(unavailable)?;
        let created = std::rc::Rc::new(std::cell::Cell::new(false));
        let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new({
            let open = open.clone();
            let created = created.clone();
            move |event: web_sys::IdbVersionChangeEvent| {
                let Ok(db) = open.result().and_then(|r| r.dyn_into::<IdbDatabase>().map_err(JsValue::from)) else { return };
                // Each step is keyed on the old version, so an old database is upgraded one step at a time.
                let old = event.old_version() as u32;
                created.set(old == 0);
                if old < 1 {
                    let _ = db.create_object_store(RECORDS);
                    let _ = db.create_object_store(QUARANTINE);
                }
                if old < 2 {
                    let _ = db.create_object_store(SNAPSHOT);
                    let _ = db.create_object_store(LOG);
                    let _ = db.create_object_store(EVENTS);
                }
                // Empty until the next compaction or replacement: until then the header is read
                // from the snapshot's record.
                if old < 3 {
                    let _ = db.create_object_store(SNAPSHOT_HEADER);
                }
            }
        });
        let blocked = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_blocked());
        open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        open.set_onblocked(Some(blocked.as_ref().unchecked_ref()));
        let outcome = request(&open).await;
        // Neither handler can run once the request has settled.
        open.set_onupgradeneeded(None);
        open.set_onblocked(None);
        drop((upgrade, blocked));
        let db: IdbDatabase = match outcome {
            Ok(db) => db.unchecked_into(),
            Err(error) if error.0.starts_with("VersionError") => return Err(OpenError::Newer { found: Self::stored_version().await.unwrap_or(0) }),
            Err(error) => return Err(OpenError::Unavailable(error)),
        };
        let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new({
            let db = db.clone();
            move |_| {
                db.close();
                on_version_change();
            }
        });
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(Database { db, created: created.get(), _on_version_change: on_version_change })
    }

    /// Whether this open created the database (a first visit): then nothing is stored yet.
    pub fn was_created(&self) -> bool {
        self.created
    }

    /// The version a newer portal left the database at.
    async fn stored_version() -> Option<u32> {
        let db = Self::open_any_version().await.ok()?;
        let version = db.version() as u32;
        db.close();
        Some(version)
    }

    async fn open_any_version() -> Result<IdbDatabase, StorageError> {
        let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or_else(|| StorageError("no IndexedDB".into()))?;
        let open = factory.open(DB_NAME)?;
        Ok(request(&open).await?.unchecked_into())
    }

    /// Every value of every store, read-only, whatever version the database is at: for the
    /// raw-data download when this portal cannot read the data.
    pub async fn raw_dump() -> Result<Vec<RawRecord>, StorageError> {
        let db = Self::open_any_version().await?;
        let list = db.object_store_names();
        let names: Vec<String> = (0..list.length()).filter_map(|i| list.item(i)).collect();
        let mut raw = Vec::new();
        let mut snapshots = Vec::new();
        if !names.is_empty() {
            let list = Array::new();
            for n in &names {
                list.push(&JsValue::from_str(n));
            }
            let tx = db.transaction_with_str_sequence(&list)?;
            // The header store only repeats the snapshot's header.
            for name in names.iter().filter(|n| *n != SNAPSHOT_HEADER) {
                let store = tx.object_store(name)?;
                for (key, value) in entries(&store, None).await? {
                    let key = format!("{name}/{}", text(&key));
                    if name == SNAPSHOT && value.is_object() {
                        snapshots.push((raw.len(), snapshot_bytes(&get(&value, "text"))));
                    }
                    raw.push(RawRecord { key, text: text(&value) });
                }
            }
        }
        db.close();
        // A snapshot's bytes are given as its text rather than as a JSON object of numbers, when
        // the decoder can be loaded. (Not inside the transaction: awaiting anything but its own
        // requests would end it.)
        for (at, bytes) in snapshots {
            if let Ok(text) = super::decoder::snapshot_text(&bytes).await {
                raw[at].text = text;
            }
        }
        Ok(raw)
    }

    fn transaction(&self, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        let list = Array::new();
        for s in stores {
            list.push(&JsValue::from_str(s));
        }
        Ok(self.db.transaction_with_str_sequence_and_mode(&list, mode)?)
    }

    /// The snapshot, the whole change log and any version 1 records, as one consistent read.
    pub async fn read_state(&self) -> Result<StoreState, StorageError> {
        let tx = self.transaction(&[SNAPSHOT, LOG, RECORDS], IdbTransactionMode::Readonly)?;
        let current = request(&tx.object_store(SNAPSHOT)?.get(&JsValue::from_str(CURRENT))?).await?;
        let (header, snapshot) = header_of(&current);
        let log = read_log(&tx.object_store(LOG)?, None).await?;
        let records = tx.object_store(RECORDS)?;
        let legacy = entries(&records, None).await?.into_iter().map(|(k, v)| RawRecord { key: text(&k), text: text(&v) }).collect();
        Ok(StoreState { header, snapshot, log, legacy })
    }

    /// The snapshot's header and the log entries after `seq`: what a tab must catch up on.
    pub async fn read_since(&self, seq: u64) -> Result<(Option<SnapshotHeader>, Vec<(u64, String)>), StorageError> {
        let tx = self.transaction(&[SNAPSHOT_HEADER, SNAPSHOT, LOG], IdbTransactionMode::Readonly)?;
        let header = match header_only(&request(&tx.object_store(SNAPSHOT_HEADER)?.get(&JsValue::from_str(CURRENT))?).await?) {
            Some(header) => Some(header),
            // Written before version 3: only the snapshot's record has it.
            None => header_only(&request(&tx.object_store(SNAPSHOT)?.get(&JsValue::from_str(CURRENT))?).await?),
        };
        let log = read_log(&tx.object_store(LOG)?, Some(seq)).await?;
        Ok((header, log))
    }

    /// Appends change-log entries and their events in one all-or-none transaction. Entries are
    /// added, never overwritten: an entry number another writer already used aborts the batch.
    pub async fn append(&self, entries: &[(u64, String)], events: &[(u64, String)]) -> Result<(), StorageError> {
        let tx = self.transaction(&[LOG, EVENTS], IdbTransactionMode::Readwrite)?;
        write_all(tx, |tx| {
            let log = tx.object_store(LOG)?;
            for (seq, text) in entries {
                log.add_with_key(&JsValue::from_str(text), &JsValue::from_f64(*seq as f64))?;
            }
            let store = tx.object_store(EVENTS)?;
            for (seq, text) in events {
                store.put_with_key(&JsValue::from_str(text), &JsValue::from_f64(*seq as f64))?;
            }
            Ok(())
        })
        .await
    }

    /// Writes a new snapshot at `header.seq` and drops the log entries it folds in.
    pub async fn compact(&self, header: &SnapshotHeader, snapshot: &[u8]) -> Result<(), StorageError> {
        let tx = self.transaction(&[SNAPSHOT_HEADER, SNAPSHOT, LOG], IdbTransactionMode::Readwrite)?;
        write_all(tx, |tx| {
            tx.object_store(SNAPSHOT)?.put_with_key(&snapshot_value(header, snapshot), &JsValue::from_str(CURRENT))?;
            tx.object_store(SNAPSHOT_HEADER)?.put_with_key(&header_value(header), &JsValue::from_str(CURRENT))?;
            let upto = IdbKeyRange::upper_bound(&JsValue::from_f64(header.seq as f64))?;
            tx.object_store(LOG)?.delete(&upto)?;
            Ok(())
        })
        .await
    }

    /// Replaces everything (sample data, start empty, reset, restore, migration) in one
    /// all-or-none transaction: a new generation, its snapshot and its events.
    pub async fn replace(&self, header: &SnapshotHeader, snapshot: &[u8], events: &[(u64, String)]) -> Result<(), StorageError> {
        let tx = self.transaction(&[SNAPSHOT_HEADER, SNAPSHOT, LOG, EVENTS, RECORDS], IdbTransactionMode::Readwrite)?;
        write_all(tx, |tx| {
            for name in [SNAPSHOT_HEADER, SNAPSHOT, LOG, EVENTS, RECORDS] {
                tx.object_store(name)?.clear()?;
            }
            tx.object_store(SNAPSHOT)?.put_with_key(&snapshot_value(header, snapshot), &JsValue::from_str(CURRENT))?;
            tx.object_store(SNAPSHOT_HEADER)?.put_with_key(&header_value(header), &JsValue::from_str(CURRENT))?;
            let store = tx.object_store(EVENTS)?;
            for (seq, text) in events {
                store.put_with_key(&JsValue::from_str(text), &JsValue::from_f64(*seq as f64))?;
            }
            Ok(())
        })
        .await
    }

    /// Events numbered in `from..to`, oldest first.
    pub async fn events_between(&self, from: u64, to: u64) -> Result<Vec<(u64, String)>, StorageError> {
        if to <= from {
            return Ok(Vec::new());
        }
        let tx = self.transaction(&[EVENTS], IdbTransactionMode::Readonly)?;
        let store = tx.object_store(EVENTS)?;
        let range = IdbKeyRange::bound_with_lower_open_and_upper_open(&JsValue::from_f64(from as f64), &JsValue::from_f64(to as f64), false, true)?;
        Ok(entries(&store, Some(&range)).await?.into_iter().map(|(k, v)| (number(&k), text(&v))).collect())
    }

    /// Keeps `text` aside, untouched, under `label`.
    pub async fn quarantine(&self, label: &str, text: &str) -> Result<(), StorageError> {
        let tx = self.transaction(&[QUARANTINE], IdbTransactionMode::Readwrite)?;
        write_all(tx, |tx| tx.object_store(QUARANTINE)?.put_with_key(&JsValue::from_str(text), &JsValue::from_str(label)).map(|_| ())).await
    }

    /// What was set aside, newest label last.
    pub async fn quarantined(&self) -> Result<Vec<RawRecord>, StorageError> {
        let tx = self.transaction(&[QUARANTINE], IdbTransactionMode::Readonly)?;
        let store = tx.object_store(QUARANTINE)?;
        Ok(entries(&store, None).await?.into_iter().map(|(k, v)| RawRecord { key: text(&k), text: text(&v) }).collect())
    }
}

impl Drop for Database {
    /// Closes the connection and takes the handler off it before the handler is dropped.
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.close();
    }
}

async fn read_log(store: &IdbObjectStore, after: Option<u64>) -> Result<Vec<(u64, String)>, StorageError> {
    let range = after.map(key_range_above).transpose()?;
    Ok(entries(store, range.as_ref()).await?.into_iter().map(|(k, v)| (number(&k), text(&v))).collect())
}

/// Every (key, value) of `store`, or of `range` in it, in key order.
async fn entries(store: &IdbObjectStore, range: Option<&IdbKeyRange>) -> Result<Vec<(JsValue, JsValue)>, StorageError> {
    let (keys, values) = match range {
        Some(range) => (request(&store.get_all_keys_with_key(range)?).await?, request(&store.get_all_with_key(range)?).await?),
        None => (request(&store.get_all_keys()?).await?, request(&store.get_all()?).await?),
    };
    Ok(Array::from(&keys).iter().zip(Array::from(&values).iter()).collect())
}

fn snapshot_value(header: &SnapshotHeader, snapshot: &[u8]) -> JsValue {
    let value = header_value(header);
    // Bytes, not a JS string: reading them back is one copy into wasm memory.
    let _ = Reflect::set(&value, &"text".into(), &js_sys::Uint8Array::from(snapshot));
    value
}

fn header_value(header: &SnapshotHeader) -> JsValue {
    let value = Object::new();
    let _ = Reflect::set(&value, &"generation".into(), &JsValue::from_f64(header.generation));
    let _ = Reflect::set(&value, &"seq".into(), &JsValue::from_f64(header.seq as f64));
    value.into()
}

fn header_only(value: &JsValue) -> Option<SnapshotHeader> {
    if !value.is_object() {
        return None;
    }
    Some(SnapshotHeader { generation: get(value, "generation").as_f64().unwrap_or(-1.0), seq: number(&get(value, "seq")) })
}

fn header_of(value: &JsValue) -> (Option<SnapshotHeader>, Vec<u8>) {
    let header = header_only(value);
    let body = if header.is_some() { snapshot_bytes(&get(value, "text")) } else { Vec::new() };
    (header, body)
}

/// The snapshot's stored bytes (a string, from a test or a hand edit, is taken as its UTF-8).
fn snapshot_bytes(value: &JsValue) -> Vec<u8> {
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => bytes.to_vec(),
        None => text(value).into_bytes(),
    }
}

/// A new generation number, different from any other tab's.
pub fn new_generation() -> f64 {
    js_sys::Date::now() + js_sys::Math::random()
}

/// The Web Locks API's `navigator.locks`, where the browser has it.
pub fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = get(&navigator, "locks");
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// Runs `work` while holding the exclusive lock `name`, shared by every tab of this origin.
/// Without the Web Locks API it runs at once (one tab is then all the portal can serve safely).
pub async fn with_lock<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    let Some(locks) = lock_manager() else { return work.await };
    let Ok(request) = get(&locks, "request").dyn_into::<Function>() else { return work.await };
    // `granted` resolves when the browser hands us the lock; the lock is held until `release` runs.
    let mut release: Option<Function> = None;
    let mut grant: Option<Function> = None;
    let granted = Promise::new(&mut |resolve, _| grant = Some(resolve));
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let (Some(grant), Some(release)) = (grant, release) else { return work.await };
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let _ = grant.call0(&JsValue::NULL);
        held.into()
    });
    if request.call2(&locks, &JsValue::from_str(name), &callback).is_err() {
        return work.await;
    }
    let _ = JsFuture::from(granted).await;
    let result = work.await;
    let _ = release.call0(&JsValue::NULL);
    result
}
