//! Placeholder; the domain crate is being written.
