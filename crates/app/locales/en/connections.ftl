# connections: message ids are the app's keys with "." written as "-".
connections-action-duplicate = Duplicate
connections-action-edit = Edit
connections-action-remove = Remove
connections-action-test = Test connection
connections-actions_for = Actions for { $name }
connections-add = Add connection
connections-close = Close
connections-col-actions = Actions
connections-count =
    { $count ->
        [one] { $count } connection shown
       *[other] { $count } connections shown
    }
connections-discover-all_categories = All categories
connections-discover-category = Category
connections-discover-count =
    { $count ->
        [one] { $count } connection type shown
       *[other] { $count } connection types shown
    }
connections-discover-none = No connection type matches. Clear the search or pick another category.
connections-discover-search = Search the catalogue
connections-discover-set_up = Set up
connections-discover-set_up_named = Set up { $name }
connections-duplicate_name = { $name } (copy)
connections-empty-discover = Browse every connection type on the Discover tab
connections-flag-unreachable = Key Vault secret unreachable
connections-no_match = No connection matches “{ $search }”. Try part of the name or the type.
connections-pager-label = Pages of connections
connections-pane-agree = I agree
connections-pane-choose = Choose…
connections-pane-choose_secret = Choose a secret from the vault…
connections-pane-choose_type = Choose a connection type…
connections-pane-details = { $type } details
connections-pane-edit_title = Edit connection
connections-pane-from_vault = from Key Vault
connections-pane-hide = Hide
connections-pane-name_hint = Together with the type, this name is how everyone recognises the connection: say what it is for and where the data goes.
connections-pane-no_fields = This service needs no details here: the sign-in below is enough.
connections-pane-optional = (optional)
connections-pane-privacy_remove = An administrator can remove the connection at any time to stop the transfers.
connections-pane-privacy_text = Saving this connection lets the portal send data, which can include personal data, to a service outside it. It is sent only on your instruction, and you remain responsible for having consent to share that data and for checking that the receiving service meets your privacy and security obligations.
connections-pane-privacy_title = Data privacy and compliance
connections-pane-save = Save
connections-pane-secret_from_vault = Currently taken from the vault secret { $secret }.
connections-pane-secret_saved = A secret is saved. Leave this empty to keep it, or type a new one to replace it.
connections-pane-sharing = Choose who can use this connection
connections-pane-sharing_edit_hint =
    { $count ->
        [one] The { $count } export already using this connection keeps it whichever option you choose; this only decides who can pick it for new exports.
       *[other] The { $count } exports already using this connection keep it whichever option you choose; this only decides who can pick it for new exports.
    }
connections-pane-sharing_hint = Only administrators can use a new export connection unless you include contributors. Contributors never see its details.
connections-pane-show = Show
connections-pane-sign_in = Account to sign in with at { $provider }
connections-pane-sign_in_renew = Sign in again at { $provider } (leave empty to keep the current sign-in)
connections-pane-signed_in = Signed in as { $account } until { $until }.
connections-pane-title = Set up connection
connections-pane-type = Connection type
connections-pane-type_required = Choose the kind of service to connect to first.
connections-pane-use_key_vault = Use Key Vault
connections-pane-use_key_vault_hint = Pick each secret by name from your linked Key Vault instead of typing it here.
connections-pane-vault_link = Link a Key Vault
connections-pane-vault_unlinked = This service can read its secrets from your own Key Vault once one is linked.
connections-remove-and_more = { $names } and { $count } more
connections-remove-deactivate = Deactivate
connections-remove-deactivate_hint = Deactivating keeps an enrichment and its data but skips its refreshes. Deleting removes it.
connections-remove-delete_enrichments = Delete
connections-remove-detach = Detach connection
connections-remove-detach_hint = Detaching keeps an export's settings but stops it running until another connection is added to it. Removing deletes the export.
connections-remove-done = Removed the connection { $name }.
connections-remove-enrichments_title = Enrichments using this connection
connections-remove-exports_detached = Detached the connection from: { $names }.
connections-remove-exports_title = Exports using this connection
connections-remove-ready = Nothing uses this connection any more. Select Remove connection to delete it.
connections-remove-remove_exports = Remove selected exports
connections-remove-see_enrichments = See connected enrichments
connections-remove-see_exports = See connected exports
connections-remove-title = Remove { $name }?
connections-saved = Saved the connection { $name }.
connections-saved_sharing =
    { $count ->
        [one] Saved the connection { $name }. Its { $count } existing export keeps running whatever the new setting.
       *[other] Saved the connection { $name }. Its { $count } existing exports keep running whatever the new setting.
    }
connections-search = Search by name or type
connections-test-checked_at = Checked { $at }
connections-test-failed =
    { $count ->
        [one] { $count } of { $total } checks failed.
       *[other] { $count } of { $total } checks failed.
    }
connections-test-invalid_field = { $field }: { $problem } Edit the connection to correct it.
connections-test-no_key_vault = { $field } should come from a Key Vault, but none is linked. Link the vault again or edit the connection.
connections-test-passed =
    { $count ->
        [one] { $count } check passed.
       *[other] All { $count } checks passed.
    }
connections-test-secret_missing = { $field }: no secret is saved. Edit the connection and type it.
connections-test-secret_not_found = { $field }: the vault has no secret called { $secret }. Add it to the vault or pick another.
connections-test-secret_unreachable = { $field }: the vault secret { $secret } can't be read. Check its access policy.
connections-test-sign_in_expired = The sign-in of { $account } ran out on { $at }. Edit the connection and sign in again.
connections-test-sign_in_missing = Nobody has signed in at the provider. Edit the connection and sign in.
connections-test-title = Test of { $name }
connections-test-vault_unreachable = { $field }: the Key Vault can't be reached. Check the vault's access settings.
connections-undone = Undone.
field-account_key = Account key
field-account_name = Storage account name
field-address_book = Address book ID
field-adls_storage_account = Data Lake storage account name
field-ads_account = Ad account ID
field-api_key = API key
field-api_username = API user name
field-campaign_account = Campaign Manager account ID
field-client_id = Client ID
field-client_secret = Client secret
field-compression = Compression
field-container = Container
field-customer_id = Customer ID
field-data_api_id = Data API ID
field-delimiter = Column delimiter
field-developer_token = Developer token
field-drop_folder_name = Drop folder name
field-drop_folder_path = Drop folder path
field-environment_id = Environment ID
field-export_folder = Folder (lower case)
field-host_url = Host and port
field-hostname = Host name (and port)
field-instance_folder = Instance folder
field-leadspace_token = Leadspace token
field-model_number = Model number
field-party_id = Party ID
field-password = Password
field-region = Data region
field-rest_endpoint = REST endpoint host
field-server_address = Server address
field-sftp_username = SFTP user name
field-shared_key = Shared key
field-sign_in_account = Sign-in account
field-storage_account = Storage account name
field-subscription = Subscription ID
field-user_id = User ID
field-username = User name
field-workspace = Workspace name
type-activecampaign-description = Keep ActiveCampaign contact lists in step with your segments.
type-adobe-campaign-description = Hand segments to Adobe Campaign through a storage container it reads.
type-audience-insights-description = Share unified profiles with engagement insights for the profile report.
type-autopilot-description = Start Autopilot journeys for the customers in a segment.
type-azure-blob-storage-description = Write tables and segments as files into a blob container you own.
type-azure-data-lake-gen2-description = Land customer data in your hierarchical Data Lake storage for analytics.
type-azure-maps-description = Normalise addresses and geocode them with Azure Maps.
type-azure-synapse-description = Make unified customer data queryable from your Synapse workspace.
type-braze-description = Update Braze user profiles and audiences from segments.
type-dotdigital-description = Send segments to DotDigital address books.
type-dun-and-bradstreet-description = Match business accounts to Dun & Bradstreet company data.
type-dynamics-365-journeys-description = Use segments as audiences in Customer Insights - Journeys.
type-dynamics-365-sales-description = Give sellers marketing lists in Dynamics 365 Sales.
type-experian-description = Add demographic and household attributes to customer profiles.
type-facebook-ads-description = Build custom audiences in Facebook Ads Manager from segments.
type-google-ads-description = Target Google Ads customer-match audiences built from segments.
type-here-technologies-description = Clean addresses and add coordinates with HERE location data.
type-hubspot-description = Keep HubSpot contact lists current from your segments.
type-iterable-description = Sync segments to Iterable lists for cross-channel messages.
type-klaviyo-description = Fill Klaviyo lists for email and SMS journeys.
type-leadspace-description = Add company firmographics to business profiles.
type-linkedin-ads-description = Reach matched contacts and companies with LinkedIn campaigns.
type-liveramp-abilitec-description = Resolve identities to LiveRamp AbiliTec person links.
type-liveramp-export-description = Activate segments across LiveRamp's advertising network.
type-mailchimp-description = Sync segments to Mailchimp audiences for newsletters.
type-marketo-description = Push segments into Marketo as static lists for nurturing.
type-moengage-description = Target MoEngage push, email and in-app campaigns.
type-omnisend-description = Feed Omnisend e-commerce campaigns with your segments.
type-salesforce-marketing-cloud-description = Send segments to Marketing Cloud through its SFTP import area.
type-sendgrid-description = Keep SendGrid contact lists in step for email sends.
type-sendinblue-description = Send segments to Sendinblue lists for email and SMS.
type-sftp-custom-import-description = Bring in your own enrichment file from an SFTP server.
type-sftp-export-description = Drop CSV files of data or segments on your own SFTP server.
connections-col-health = Health
health-failing = Failing
health-needs_attention = Needs attention
health-not_tested = Not tested
health-healthy = Healthy
health-details_of = { $state }: health and history of { $name }
health-details = Health and history
health-filter = Health
health-filter-all = All
health-test_all = Test all connections
health-test_all-progress = Tested { $done } of { $total }. Failed: { $failed }.
health-test_all-done = Done: tested { $done } of { $total }. Failed: { $failed }.
health-test_all-progress_label = Progress of Test all connections
health-reason-problems_now = Checks failing now (Key Vault, secrets, sign-in): { $count }
health-reason-runs_failing = Latest runs failed: { $failing } of { $ran }
health-reason-last_test_failed = The last Test connection failed ({ $at }; problems: { $count }). Test again.
health-reason-sign_in_soon = The sign-in expires on { $at }: renew it with Edit.
health-reason-last_test_passed = The last Test connection passed ({ $at }).
health-reason-runs_succeeding = Latest runs succeeded: { $ran } of { $ran }
health-reason-nothing = No Test connection yet, and nothing using it has run.
health-entry-test = Test connection
health-entry-passed = Passed
health-entry-failed_problems = Failed (problems: { $count })
health-entry-export_run = Export run: { $name }
health-entry-enrichment_run = Enrichment run: { $name }
health-not_found = Connection not found
health-back = Back to the connections
health-heading = Health
health-history-heading = History
health-history-limit = The last 20 tests and runs, newest first.
health-history-empty = No tests or runs yet.
health-history-caption = Tests and runs of this connection
health-col-when = When
health-col-who = Who
health-col-what = What
health-col-result = Result
health-timeline-title = History timeline
health-timeline-desc = Oldest on the left, newest on the right. Entries: { $count }. Failed: { $failed }.
map-open = Map of what uses it
map-open_for = Map of what uses { $name }: { $count }
map-title = What uses { $name }
map-counts = Exports: { $exports } · Enrichments: { $enrichments }
map-kind-export = Exports
map-kind-enrichment = Enrichments
map-status-failing = Failing
map-status-running = Running
map-status-succeeded = Succeeded
map-status-not_run = Not run yet
map-status-inactive = Inactive
map-group = { $kind } · { $status }: { $count }
map-more = + { $count } more
map-svg_title = Map of what uses { $name }
map-svg_desc = The connection, then its exports and enrichments grouped by status. In all: { $count }. The table below lists each one.
map-empty = Nothing uses this connection.
map-table_heading = The same, as a list
map-col-name = Name
map-col-kind = Kind
map-col-status = Last run
map-col-group = Group
connections-remove-confirm = Remove connection
connections-remove-blocked_by = This connection is still used by { $exports } and { $enrichments }. Deal with each of them below, then Remove connection becomes available.
connections-remove-exports_count =
    { $count ->
        [one] { $count } export
       *[other] { $count } exports
    }
connections-remove-enrichments_count =
    { $count ->
        [one] { $count } active enrichment
       *[other] { $count } active enrichments
    }
connections-remove-exports_removed =
    { $count ->
        [one] Removed the export { $names }.
       *[other] Removed { $count } exports: { $names }.
    }
connections-remove-enrichments_deleted =
    { $count ->
        [one] Deleted the enrichment { $names }.
       *[other] Deleted { $count } enrichments: { $names }.
    }
connections-remove-enrichments_deactivated =
    { $count ->
        [one] Deactivated the enrichment { $names }.
       *[other] Deactivated { $count } enrichments: { $names }.
    }
connections-pane-reason_consent = Agree to the data privacy terms
connections-pane-reason_fields =
    { $count ->
        [one] { $count } field needs attention
       *[other] { $count } fields need attention
    }
