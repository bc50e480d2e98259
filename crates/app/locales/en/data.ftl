# data: message ids are the app's keys with "." written as "-".
data-actions = Actions
data-add_connection = Add connection
data-bulk_label = Actions on the selected rows
data-cancel_run = Cancel run
data-clear_selection = Clear selection
data-close = Close
data-delete = Delete
data-enrichment-activate = Activate
data-enrichment-activated =
    { $count ->
        [one] { $count } enrichment activated.
       *[other] { $count } enrichments activated.
    }
data-enrichment-add = Add enrichment
data-enrichment-add_intro = Pick the enrichment connection to use and name the enrichment.
data-enrichment-attached = Connection added: the enrichment is active again.
data-enrichment-choose_connection = Choose a connection for this enrichment.
data-enrichment-connection = Enrichment connection
data-enrichment-count = { $shown } of { $total } enrichments
data-enrichment-created = Enrichment { $name } created.
data-enrichment-deactivate = Deactivate
data-enrichment-deactivated =
    { $count ->
        [one] { $count } enrichment deactivated. It keeps its last data but skips refreshes.
       *[other] { $count } enrichments deactivated. They keep their last data but skip refreshes.
    }
data-enrichment-delete_body = Deleted enrichments leave the list along with their data. Administrators can undo this right afterwards.
data-enrichment-delete_title =
    { $count ->
        [one] Delete { $count } enrichment?
       *[other] Delete { $count } enrichments?
    }
data-enrichment-deleted =
    { $count ->
        [one] { $count } enrichment deleted.
       *[other] { $count } enrichments deleted.
    }
data-enrichment-filtered = Showing only the enrichments that use { $name }.
data-enrichment-inactive_note = Inactive: the data from its last refresh stays available, but it isn't refreshed.
data-enrichment-last_run = Last run
data-enrichment-name = Enrichment name
data-enrichment-no_connection_note = Its connection was removed. Add another connection of the same provider to activate it again.
data-enrichment-read_only_note = You can look at this enrichment but not change it.
data-enrichment-run_canceled = Run canceled.
data-enrichment-run_started =
    { $count ->
        [one] { $count } enrichment run queued.
       *[other] { $count } enrichment runs queued.
    }
data-enrichment-saved = Enrichment saved.
data-enrichment-search_placeholder = Name, provider or connection
data-enrichment-show_all = Show all enrichments
data-export-add = Add export
data-export-add_intro = Pick where the data goes, then what is sent and how often.
data-export-attached = Connection added: the export is active again.
data-export-choose_connection = Choose a connection for this export.
data-export-connection = Connection
data-export-none_shared = No export connection is shared with you yet: ask an administrator to share one to add exports.
data-export-contact_admin = Contact an administrator if no connection is available.
data-export-copy_name = { $name } (copy)
data-export-count = { $shown } of { $total } exports
data-export-created = Export { $name } created.
data-export-detach = Detach connection
data-export-detached =
    { $count ->
        [one] Connection detached from { $count } export. Its settings are kept; it won't run until a connection is added.
       *[other] Connection detached from { $count } exports. Their settings are kept; they won't run until a connection is added.
    }
data-export-detached_note = this export keeps its settings but won't run until you add a connection to it.
data-export-duplicate = Create duplicate
data-export-duplicated = Created { $name }.
data-export-every_hours = Every how many hours (1 to 168)
data-export-filtered = Showing only the exports that use { $name }.
data-export-kind = What to export
data-export-name = Export name
data-export-owner = Created by
data-export-read_only_note = You can look at this export but not change it: its connection isn't shared with your role.
data-export-recurring = On a recurring schedule
data-export-remove_body = Removed exports stop running and leave the list. Administrators can undo this right afterwards.
data-export-remove_title =
    { $count ->
        [one] Remove { $count } export?
       *[other] Remove { $count } exports?
    }
data-export-removed =
    { $count ->
        [one] { $count } export removed.
       *[other] { $count } exports removed.
    }
data-export-run_canceled = Run canceled.
data-export-run_started =
    { $count ->
        [one] { $count } export run queued.
       *[other] { $count } export runs queued.
    }
data-export-saved = Export saved.
data-export-schedule = Schedule
data-export-search_placeholder = Name, connection or type
data-export-show_all = Show all exports
data-filter-unknown_connection = a connection that no longer exists ({ $id })
data-no_match = Nothing matches the search or filter.
data-picker-choose = Choose a connection
data-remove = Remove
data-run = Run
data-run_finished = Run of { $name } ended: { $status }
data-run_progress = Run progress
data-save = Save
data-search = Search
data-select_all = Select every row on this page you can change
data-select_row = Select { $name }
data-selected =
    { $count ->
        [one] { $count } selected
       *[other] { $count } selected
    }
data-viewer_note = Your role can look at this list but not change it.
table-all_matching_selected = All { $count } matching are selected
table-next = Next
table-page = Page { $page } of { $pages }
table-pages-activity = Pages of activity
table-pages-dependents = Pages of dependents
table-pages-enrichments = Pages of enrichments
table-pages-exports = Pages of exports
table-previous = Previous
table-rows = Rows { $from }–{ $to } of { $total }
table-select_all_matching = Select all { $count } matching
data-failed_on_connection = Its connection { $name } is failing
