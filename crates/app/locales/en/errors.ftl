# errors: message ids are the app's keys with "." written as "-".
error-action-manage_connections = create, edit, share or remove connections
error-action-manage_engagement_insights = manage engagement insights
error-action-manage_enrichments = manage enrichments
error-action-manage_exports = manage this export
error-action-manage_key_vault = manage the Key Vault
error-action-manage_workspace = replace the whole workspace
error-action-restore = restore removed items
error-action-use_connection = use this connection
error-already_available = The data is already available.
error-already_running = A run is already in progress. Wait for it to finish.
error-cannot_leave_key_vault = The field { $field } takes its secret from the Key Vault and can't switch back to a typed value. Choose another vault secret instead.
error-connection_gone = Its connection no longer exists, so it can't be restored as it was.
error-connection_not_shared = This connection isn't shared with contributors. Ask an administrator to share it, or choose another connection.
error-consent_required = Read the data privacy text and select I agree before saving.
error-duplicate_name = Another { $category } connection is already called “{ $name }”. Choose a different display name.
error-duplicate_selection = An item was selected twice. Select each item once.
error-empty_selection = Select at least one item first.
error-enrichment_inactive = This enrichment is inactive. Activate it first.
error-enrichment_without_connection = This enrichment has no connection. Add a connection to reactivate it.
error-export_detached = This export has no connection. Add a connection to it first.
error-field-container_name = Use 3 to 63 lower-case letters, digits and single hyphens, starting with a letter or digit.
error-field-control_characters = Remove line breaks, tabs and other control characters.
error-field-folder = Enter a folder path such as exports/daily, without “..” or backslashes.
error-field-guid = Enter a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.
error-field-hostname = Enter a host name such as sftp.contoso.com.
error-field-instance_folder = Enter the instance folder as customerInsights/ci_<name>.
error-field-lowercase_folder = The export folder must be in lower case.
error-field-not_a_choice = Choose one of: { $choices }.
error-field-number = Enter digits only.
error-field-port_not_allowed = Leave out the port; this service uses its standard one.
error-field-port_required = Add the port after the host name, for example sftp.contoso.com:22.
error-field-required = This field is required.
error-field-storage_account_name = Use 3 to 24 lower-case letters and digits, like the account's name in Azure.
error-field-too_long = Use at most { $max } characters.
error-field-typed_and_vault = Either type the secret or pick it from the Key Vault, not both.
error-field-unknown_field = This connection type has no such field.
error-field-vault_name = Use 1 to 127 letters, digits and hyphens.
error-has_dependents = This connection is still used by { $exports } and { $enrichments }. Remove or detach the exports and delete or deactivate the enrichments, then remove the connection.
error-has_dependents-exports =
    { $count ->
        [one] { $count } export
       *[other] { $count } exports
    }
error-has_dependents-enrichments =
    { $count ->
        [one] { $count } enrichment
       *[other] { $count } enrichments
    }
error-id_taken = It can't be restored because an item with the same identity exists again.
error-invalid_fields = Some fields need correcting; see the messages beside them.
error-invalid_schedule = Choose a recurrence between 1 and 168 hours.
error-key_vault_already_linked = A Key Vault is already linked. Unlink it before linking another.
error-key_vault_in_use = The Key Vault is used by: { $connections }. Change or remove those connections first.
error-key_vault_not_supported = { $type } connections can't take secrets from a Key Vault. Type the secret instead.
error-last_member = At least one member must keep access to the report.
error-creator_needs_replacement = The administrator who created this connection stays a member until you add another administrator to take over.
error-name-control_characters = Remove line breaks, tabs and other control characters.
error-name-empty = Enter a display name.
error-name-too_long = Use at most { $max } characters.
error-no_key_vault = No Key Vault is linked. Link your Key Vault under Settings › Permissions › Key Vault first.
error-not_allowed = Your role ({ $role }) can't { $action }. Ask an administrator, or sign in as one from the “Signed in as” menu.
error-not_found = That item no longer exists: it was removed, perhaps in another tab.
error-not_running = No run is in progress.
error-secret_exists = The Key Vault already has a secret called { $secret }. Rotate it instead, or choose another name.
error-secret_in_use = The secret { $secret } is used by: { $connections }. Point those connections at another secret first.
error-secret_not_found = The Key Vault has no secret called { $secret }.
error-sharing_not_applicable = Enrichment connections are always available to administrators and contributors; only export connections can be shared.
error-sign_in_required = Sign in at the provider first.
error-unknown_actor = The signed-in user is not part of this workspace. Choose a user from the “Signed in as” menu.
error-unknown_user = That user isn't part of this workspace.
error-use_engagement_link = Audience insights connections are set up in the engagement insights admin center.
error-wrong_category = Choose an { $expected } connection here.
error-wrong_provider = This enrichment needs a { $expected } connection.
error-route_load_failed = This page could not be loaded. Check your connection, then open it again.
error-part_unavailable = This part of the portal could not be loaded. Check your connection, then try again.
