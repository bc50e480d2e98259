# activity: message ids are the app's keys with "." written as "-".
activity-count = { $shown } of { $total } events
activity-download_failed = The browser refused the download. Try again or allow downloads for this page.
activity-downloaded =
    { $count ->
        [one] Downloaded { $count } event as CSV.
       *[other] Downloaded { $count } events as CSV.
    }
activity-export_csv = Download as CSV
activity-filter-any_object = Any object
activity-filter-any_user = Anyone
activity-filter-object = Object
activity-filter-object_name = Object name contains
activity-filter-user = User
activity-filters = Filter the activity
activity-intro = Everything done in this workspace, newest first: who did it, in which role, to what, and when. Secrets never appear here.
activity-object_type = Object type
activity-role = Role
activity-show_older = Show older events
