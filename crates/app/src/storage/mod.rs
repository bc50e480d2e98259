//! Durable storage: IndexedDB as the store of record (`idb`), the write queue that saves each
//! change incrementally and retries failures (`writer`), and the raw-data download offered when
//! stored data cannot be read (`download`).

pub mod decoder;
pub mod download;
pub mod idb;
pub mod writer;
