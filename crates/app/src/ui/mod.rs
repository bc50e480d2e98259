//! Shared interface pieces: toasts (with Undo) and the modal dialog used for confirmations and
//! side panes. Pages use these rather than building their own.

pub mod modal;
pub mod toast;
