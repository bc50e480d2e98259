//! The IndexedDB store of record.
//!
//! One database, two object stores: `records` holds the workspace as string-keyed JSON text (the
//! domain crate's storage format), written incrementally, a few records per change; `quarantine`
//! keeps stored data that could not be read, untouched, when the user chooses a fresh start.
//! `DB_VERSION` is the IndexedDB schema (which stores exist); the record format has its own
//! version inside the `meta` record, migrated by the domain crate.

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

const DB_NAME: &str = "connections-portal";
const DB_VERSION: u32 = 1;
const RECORDS: &str = "records";
const QUARANTINE: &str = "quarantine";

/// A stored record exactly as found: its key and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRecord {
    pub key: String,
    pub text: String,
}

/// One write of an incremental save.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    Put { key: String, text: String },
    Delete { key: String },
}

/// Why IndexedDB could not be used or a read or write failed, in words for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageError(pub String);

impl From<idb::Error> for StorageError {
    fn from(error: idb::Error) -> Self {
        StorageError(error.to_string())
    }
}

pub struct RecordStore {
    database: Database,
}

impl RecordStore {
    /// Opens (creating or upgrading) the database. Fails where IndexedDB is unavailable, for
    /// example in some private windows, or when the browser refuses storage.
    pub async fn open() -> Result<RecordStore, StorageError> {
        let factory = Factory::new()?;
        let mut request = factory.open(DB_NAME, Some(DB_VERSION))?;
        request.on_upgrade_needed(|event| {
            // Version 1 creates both stores; later versions add their steps below, keyed on the
            // old version, so an old database is upgraded one step at a time.
            let Ok(database) = event.database() else { return };
            let old_version = event.old_version().unwrap_or(0);
            if old_version < 1 {
                let _ = database.create_object_store(RECORDS, ObjectStoreParams::new());
                let _ = database.create_object_store(QUARANTINE, ObjectStoreParams::new());
            }
        });
        let database = request.await?;
        Ok(RecordStore { database })
    }

    /// Every record, in key order.
    pub async fn load_all(&self) -> Result<Vec<RawRecord>, StorageError> {
        let transaction = self.database.transaction(&[RECORDS], TransactionMode::ReadOnly)?;
        let store = transaction.object_store(RECORDS)?;
        let keys = store.get_all_keys(None, None)?.await?;
        let values = store.get_all(None, None)?.await?;
        transaction.await?;
        Ok(keys
            .into_iter()
            .zip(values)
            .map(|(key, value)| RawRecord { key: js_text(&key), text: js_text(&value) })
            .collect())
    }

    /// Applies one change's writes atomically: all of them or none.
    pub async fn write(&self, writes: &[Write]) -> Result<(), StorageError> {
        let transaction = self.database.transaction(&[RECORDS], TransactionMode::ReadWrite)?;
        let store = transaction.object_store(RECORDS)?;
        for write in writes {
            match write {
                Write::Put { key, text } => {
                    store.put(&JsValue::from_str(text), Some(&JsValue::from_str(key)))?;
                }
                Write::Delete { key } => {
                    store.delete(JsValue::from_str(key))?;
                }
            }
        }
        finish(transaction.commit()?.await?)
    }

    /// Replaces the whole workspace: for "Load sample data", "Start empty" and "Reset workspace",
    /// where every record really does change.
    pub async fn replace_all(&self, records: &[RawRecord]) -> Result<(), StorageError> {
        let transaction = self.database.transaction(&[RECORDS], TransactionMode::ReadWrite)?;
        let store = transaction.object_store(RECORDS)?;
        store.clear()?;
        for record in records {
            store.put(&JsValue::from_str(&record.text), Some(&JsValue::from_str(&record.key)))?;
        }
        finish(transaction.commit()?.await?)
    }

    /// Moves unreadable records aside, untouched, under `label`, and empties the live store.
    pub async fn quarantine(&self, label: &str, raw_json: &str) -> Result<(), StorageError> {
        let transaction =
            self.database.transaction(&[RECORDS, QUARANTINE], TransactionMode::ReadWrite)?;
        transaction
            .object_store(QUARANTINE)?
            .put(&JsValue::from_str(raw_json), Some(&JsValue::from_str(label)))?;
        transaction.object_store(RECORDS)?.clear()?;
        finish(transaction.commit()?.await?)
    }
}

fn finish(result: idb::TransactionResult) -> Result<(), StorageError> {
    if result.is_committed() {
        Ok(())
    } else {
        Err(StorageError("the browser aborted the write".into()))
    }
}

/// A stored value as text: strings as they are, anything else (written by hand or by another
/// program) as its JSON form, so that the domain's decoder can say what is wrong with it.
fn js_text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "undefined".into())
    })
}
