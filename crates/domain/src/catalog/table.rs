//! The 33 connection types, in the order of the reference table (and of `ConnectionTypeId`).

use super::{Category, ConnectionType, ConnectionTypeId, FieldKind, FieldSpec, PortRule};
use Category::{EngagementInsights, Enrichment, Export};
use ConnectionTypeId as T;

impl ConnectionTypeId {
    /// The catalogue entry. Every id has one.
    pub fn spec(self) -> &'static ConnectionType {
        // The catalogue is ordered like the enum, checked by a unit test.
        &CATALOG[self as usize]
    }
}

const fn field(key: &'static str, label_key: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec { key, label_key, kind, required: true }
}

const fn optional(key: &'static str, label_key: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec { key, label_key, kind, required: false }
}

const TEXT: FieldKind = FieldKind::Text { max: 256 };
const HOST: FieldKind = FieldKind::Hostname { port: PortRule::Forbidden };
const HOST_PORT: FieldKind = FieldKind::Hostname { port: PortRule::Optional };

const ACCOUNT_NAME: FieldSpec = field("account_name", "field.account_name", FieldKind::StorageAccountName);
const ACCOUNT_KEY: FieldSpec = field("account_key", "field.account_key", FieldKind::Secret);
const CONTAINER: FieldSpec = field("container", "field.container", FieldKind::ContainerName);
const API_KEY: FieldSpec = field("api_key", "field.api_key", FieldKind::Secret);
const PASSWORD: FieldSpec = field("password", "field.password", FieldKind::Secret);
const USERNAME: FieldSpec = field("username", "field.username", TEXT);
const REST_HOST: FieldSpec = field("rest_endpoint", "field.rest_endpoint", HOST);
const CLIENT_ID: FieldSpec = field("client_id", "field.client_id", TEXT);
const CLIENT_SECRET: FieldSpec = field("client_secret", "field.client_secret", FieldKind::Secret);
const SERVER_ADDRESS: FieldSpec = field("server_address", "field.server_address", HOST);

/// Compression choices of the SFTP export.
pub const COMPRESSIONS: &[&str] = &["gzip", "none"];
/// Column delimiter choices of the SFTP export.
pub const DELIMITERS: &[&str] = &["comma", "semicolon", "tab", "pipe"];
/// Data regions of Dun & Bradstreet.
pub const DNB_REGIONS: &[&str] = &["us", "eu", "apac"];

const BLOB_FIELDS: &[FieldSpec] = &[ACCOUNT_NAME, ACCOUNT_KEY, CONTAINER];

const fn entry(
    id: ConnectionTypeId,
    name: &'static str,
    category: Category,
    description_key: &'static str,
    fields: &'static [FieldSpec],
    key_vault: bool,
    sign_in: bool,
) -> ConnectionType {
    ConnectionType { id, name, category, description_key, fields, key_vault, sign_in, sign_in_valid_days: 90 }
}

static CATALOG: [ConnectionType; 33] = [
    entry(T::AzureBlobStorage, "Azure Blob Storage", Export, "type.azure-blob-storage.description", BLOB_FIELDS, false, false),
    entry(T::AzureDataLakeGen2, "Azure Data Lake Storage Gen2", Export, "type.azure-data-lake-gen2.description", BLOB_FIELDS, false, false),
    entry(
        T::AzureSynapse,
        "Azure Synapse Analytics",
        Export,
        "type.azure-synapse.description",
        &[
            field("subscription", "field.subscription", FieldKind::Guid),
            field("workspace", "field.workspace", TEXT),
            field("storage_account", "field.storage_account", FieldKind::StorageAccountName),
            CONTAINER,
        ],
        false,
        false,
    ),
    entry(T::AdobeCampaign, "Adobe Campaign Standard", Export, "type.adobe-campaign.description", BLOB_FIELDS, false, false),
    entry(
        T::SftpExport,
        "SFTP",
        Export,
        "type.sftp-export.description",
        &[
            USERNAME,
            PASSWORD,
            field("hostname", "field.hostname", HOST_PORT),
            field("folder", "field.export_folder", FieldKind::ExportFolder),
            optional("compression", "field.compression", FieldKind::Choice(COMPRESSIONS)),
            optional("delimiter", "field.delimiter", FieldKind::Choice(DELIMITERS)),
        ],
        true,
        false,
    ),
    entry(
        T::SalesforceMarketingCloud,
        "Salesforce Marketing Cloud",
        Export,
        "type.salesforce-marketing-cloud.description",
        &[
            field("username", "field.sftp_username", TEXT),
            PASSWORD,
            field("hostname", "field.hostname", HOST_PORT),
            field("folder", "field.export_folder", FieldKind::Folder),
        ],
        true,
        false,
    ),
    entry(T::LiveRampExport, "LiveRamp", Export, "type.liveramp-export.description", &[field("username", "field.sftp_username", TEXT), PASSWORD], true, false),
    entry(T::ActiveCampaign, "ActiveCampaign", Export, "type.activecampaign.description", &[API_KEY, REST_HOST], true, true),
    entry(
        T::GoogleAds,
        "Google Ads",
        Export,
        "type.google-ads.description",
        &[field("customer_id", "field.customer_id", FieldKind::Number), field("developer_token", "field.developer_token", FieldKind::Secret)],
        true,
        true,
    ),
    ConnectionType {
        sign_in_valid_days: 60,
        ..entry(T::FacebookAds, "Facebook Ads Manager", Export, "type.facebook-ads.description", &[field("ads_account", "field.ads_account", FieldKind::Number)], false, true)
    },
    entry(T::Klaviyo, "Klaviyo", Export, "type.klaviyo.description", &[API_KEY], true, true),
    entry(T::Mailchimp, "Mailchimp", Export, "type.mailchimp.description", &[], false, true),
    entry(T::Marketo, "Marketo", Export, "type.marketo.description", &[CLIENT_ID, CLIENT_SECRET, REST_HOST], true, false),
    entry(
        T::LinkedInAds,
        "LinkedIn Ads",
        Export,
        "type.linkedin-ads.description",
        &[field("campaign_account", "field.campaign_account", FieldKind::Number)],
        false,
        true,
    ),
    entry(
        T::DotDigital,
        "DotDigital",
        Export,
        "type.dotdigital.description",
        &[field("username", "field.api_username", TEXT), PASSWORD, field("address_book", "field.address_book", FieldKind::Number)],
        true,
        false,
    ),
    entry(T::Autopilot, "Autopilot", Export, "type.autopilot.description", &[API_KEY], true, false),
    entry(T::Omnisend, "Omnisend", Export, "type.omnisend.description", &[API_KEY], true, false),
    entry(T::SendGrid, "SendGrid", Export, "type.sendgrid.description", &[API_KEY], true, false),
    entry(T::Sendinblue, "Sendinblue", Export, "type.sendinblue.description", &[API_KEY], true, false),
    entry(T::Braze, "Braze", Export, "type.braze.description", &[API_KEY, REST_HOST], false, true),
    entry(T::Iterable, "Iterable", Export, "type.iterable.description", &[API_KEY], false, true),
    entry(T::MoEngage, "MoEngage", Export, "type.moengage.description", &[field("data_api_id", "field.data_api_id", TEXT), API_KEY], false, true),
    entry(T::HubSpot, "HubSpot", Export, "type.hubspot.description", &[], false, true),
    entry(T::DynamicsSales, "Dynamics 365 Sales", Export, "type.dynamics-365-sales.description", &[SERVER_ADDRESS], false, true),
    entry(
        T::DynamicsJourneys,
        "Dynamics 365 Customer Insights - Journeys",
        Export,
        "type.dynamics-365-journeys.description",
        &[SERVER_ADDRESS],
        false,
        true,
    ),
    entry(T::Leadspace, "Leadspace", Enrichment, "type.leadspace.description", &[field("token", "field.leadspace_token", FieldKind::Secret)], false, false),
    entry(
        T::Experian,
        "Experian",
        Enrichment,
        "type.experian.description",
        &[
            field("user_id", "field.user_id", TEXT),
            field("party_id", "field.party_id", TEXT),
            field("model_number", "field.model_number", FieldKind::Number),
        ],
        false,
        false,
    ),
    entry(T::HereTechnologies, "HERE Technologies", Enrichment, "type.here-technologies.description", &[API_KEY], false, false),
    entry(T::AzureMaps, "Azure Maps", Enrichment, "type.azure-maps.description", &[API_KEY], false, false),
    entry(
        T::SftpCustomImport,
        "SFTP custom import",
        Enrichment,
        "type.sftp-custom-import.description",
        &[USERNAME, PASSWORD, field("host", "field.host_url", FieldKind::Hostname { port: PortRule::Required })],
        false,
        false,
    ),
    entry(
        T::DunAndBradstreet,
        "Dun & Bradstreet",
        Enrichment,
        "type.dun-and-bradstreet.description",
        &[
            USERNAME,
            PASSWORD,
            field("region", "field.region", FieldKind::Choice(DNB_REGIONS)),
            field("drop_folder_path", "field.drop_folder_path", FieldKind::Folder),
            field("drop_folder_name", "field.drop_folder_name", TEXT),
        ],
        false,
        false,
    ),
    entry(T::LiveRampAbiliTec, "LiveRamp AbiliTec", Enrichment, "type.liveramp-abilitec.description", &[CLIENT_ID, CLIENT_SECRET], false, false),
    entry(
        T::AudienceInsights,
        "Audience insights",
        EngagementInsights,
        "type.audience-insights.description",
        &[
            field("storage_account", "field.adls_storage_account", FieldKind::StorageAccountName),
            field("shared_key", "field.shared_key", FieldKind::Secret),
            field("environment_id", "field.environment_id", FieldKind::Guid),
            field("instance_folder", "field.instance_folder", FieldKind::InstanceFolder),
        ],
        false,
        false,
    ),
];

/// All 33 connection types, in the order of the reference table.
pub fn catalog() -> &'static [ConnectionType] {
    &CATALOG
}

/// Looks a type up by its slug (e.g. `"azure-blob-storage"`).
pub fn connection_type(id: &str) -> Option<&'static ConnectionType> {
    ConnectionTypeId::parse(id).map(ConnectionTypeId::spec)
}
