//! Shared interface pieces: toasts (with Undo), the modal dialog used for confirmations and
//! side panes, the list table and its search box, and focus moves by element id. Pages use these rather than building their own.

pub mod focus;
pub mod modal;
pub mod search_box;
pub mod table;
pub mod timers;
pub mod toast;
