//! The Discover catalogue: the 33 connection types as static data, and the
//! format rules that the real services enforce on their fields.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::SecretInput;

/// Where a connection type sends or gets data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    Export,
    Enrichment,
    EngagementInsights,
}

/// How a field's raw text is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text up to `max` characters.
    Text { max: usize },
    /// A password, key or token: arrives as a `SecretInput`, is never stored.
    Secret,
    /// An RFC 1123 host name, with the port rule of the service.
    Hostname { port: PortRule },
    /// A folder path that the SFTP export service requires in lower case.
    ExportFolder,
    /// A folder path (any case).
    Folder,
    /// A GUID such as an environment or subscription id.
    Guid,
    /// Digits only (account ids, address book ids, model numbers).
    Number,
    /// One of a fixed list of values.
    Choice(&'static [&'static str]),
    /// An Azure storage account name: 3–24 lower-case letters and digits.
    StorageAccountName,
    /// An Azure blob container name: 3–63 lower-case letters, digits, single hyphens.
    ContainerName,
    /// An audience-insights instance folder such as `customerInsights/ci_contoso`.
    InstanceFolder,
}

/// Whether a host name field takes a `:port` suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortRule {
    Forbidden,
    Optional,
    Required,
}

/// One input of a connection type's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// Stable key used in field maps, e.g. `account_name`.
    pub key: &'static str,
    /// Translation key of the label, e.g. `field.account_name`.
    pub label_key: &'static str,
    pub kind: FieldKind,
    pub required: bool,
}

impl FieldSpec {
    pub fn is_secret(&self) -> bool {
        matches!(self.kind, FieldKind::Secret)
    }
}

/// One tile of the Discover catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectionType {
    pub id: ConnectionTypeId,
    /// The product name; not translated.
    pub name: &'static str,
    pub category: Category,
    /// Translation key of the project's own short description.
    pub description_key: &'static str,
    pub fields: &'static [FieldSpec],
    /// Secret fields may come from the linked Key Vault.
    pub key_vault: bool,
    /// The real portal signs in at the provider (simulated offline).
    pub sign_in: bool,
    /// How long a simulated sign-in lasts before it must be renewed via Edit.
    pub sign_in_valid_days: u32,
}

impl ConnectionType {
    pub fn field(&self, key: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn secret_fields(&self) -> impl Iterator<Item = &'static FieldSpec> {
        self.fields.iter().filter(|f| f.is_secret())
    }

    pub fn plain_fields(&self) -> impl Iterator<Item = &'static FieldSpec> {
        self.fields.iter().filter(|f| !f.is_secret())
    }
}

macro_rules! type_ids {
    ($($variant:ident => $slug:literal),* $(,)?) => {
        /// Identifies a connection type; serialised as its kebab-case slug.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum ConnectionTypeId {
            $(#[serde(rename = $slug)] $variant,)*
        }

        impl ConnectionTypeId {
            pub const ALL: &'static [ConnectionTypeId] = &[$(ConnectionTypeId::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(ConnectionTypeId::$variant => $slug,)* }
            }

            pub fn parse(slug: &str) -> Option<Self> {
                match slug { $($slug => Some(ConnectionTypeId::$variant),)* _ => None }
            }
        }
    };
}

type_ids! {
    AzureBlobStorage => "azure-blob-storage",
    AzureDataLakeGen2 => "azure-data-lake-gen2",
    AzureSynapse => "azure-synapse",
    AdobeCampaign => "adobe-campaign",
    SftpExport => "sftp-export",
    SalesforceMarketingCloud => "salesforce-marketing-cloud",
    LiveRampExport => "liveramp-export",
    ActiveCampaign => "activecampaign",
    GoogleAds => "google-ads",
    FacebookAds => "facebook-ads",
    Klaviyo => "klaviyo",
    Mailchimp => "mailchimp",
    Marketo => "marketo",
    LinkedInAds => "linkedin-ads",
    DotDigital => "dotdigital",
    Autopilot => "autopilot",
    Omnisend => "omnisend",
    SendGrid => "sendgrid",
    Sendinblue => "sendinblue",
    Braze => "braze",
    Iterable => "iterable",
    MoEngage => "moengage",
    HubSpot => "hubspot",
    DynamicsSales => "dynamics-365-sales",
    DynamicsJourneys => "dynamics-365-journeys",
    Leadspace => "leadspace",
    Experian => "experian",
    HereTechnologies => "here-technologies",
    AzureMaps => "azure-maps",
    SftpCustomImport => "sftp-custom-import",
    DunAndBradstreet => "dun-and-bradstreet",
    LiveRampAbiliTec => "liveramp-abilitec",
    AudienceInsights => "audience-insights",
}

impl fmt::Display for ConnectionTypeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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

use Category::{EngagementInsights, Enrichment, Export};
use ConnectionTypeId as T;

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

/// Why one field's value was refused. Shown beside the field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("This field is required.")]
    Required,
    #[error("Use at most {max} characters.")]
    TooLong { max: usize },
    #[error("Remove line breaks, tabs and other control characters.")]
    ControlCharacters,
    #[error("Use 3 to 24 lower-case letters and digits, as in the storage account's name in Azure.")]
    StorageAccountName,
    #[error("Use 3 to 63 lower-case letters, digits and single hyphens, starting with a letter or digit.")]
    ContainerName,
    #[error("Enter a host name such as sftp.contoso.com (letters, digits, hyphens and dots).")]
    Hostname,
    #[error("Add the port after the host name, for example host.contoso.com:22.")]
    PortRequired,
    #[error("Leave out the port: this service uses its standard port.")]
    PortNotAllowed,
    #[error("The export folder must be in lower case.")]
    LowercaseFolder,
    #[error("Enter a folder path such as exports/daily, without '..' or backslashes.")]
    Folder,
    #[error("Enter a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.")]
    Guid,
    #[error("Enter the instance folder as customerInsights/ci_<name>.")]
    InstanceFolder,
    #[error("Enter digits only.")]
    Number,
    #[error("Choose one of: {}.", .choices.join(", "))]
    NotAChoice { choices: &'static [&'static str] },
    #[error("This connection type has no such field; remove it.")]
    UnknownField,
    #[error("Either type the secret or pick it from the Key Vault, not both.")]
    TypedAndVault,
    #[error("Use 1 to 127 letters, digits and hyphens for a Key Vault name.")]
    VaultName,
}

const MAX_SECRET: usize = 1024;

/// Checks one raw value against its field's format and returns the value to
/// store (trimmed; host names, GUIDs lower-cased). Empty optional fields give
/// an empty string, which callers leave out.
pub fn validate_field(spec: &FieldSpec, raw: &str) -> Result<String, FieldError> {
    if spec.is_secret() {
        // Secrets are taken as typed: spaces may be part of a key.
        if raw.is_empty() {
            return Err(FieldError::Required);
        }
        if raw.chars().count() > MAX_SECRET {
            return Err(FieldError::TooLong { max: MAX_SECRET });
        }
        if raw.chars().any(char::is_control) {
            return Err(FieldError::ControlCharacters);
        }
        return Ok(raw.to_owned());
    }
    let value = raw.trim();
    if value.is_empty() {
        return if spec.required { Err(FieldError::Required) } else { Ok(String::new()) };
    }
    if value.chars().any(char::is_control) {
        return Err(FieldError::ControlCharacters);
    }
    match spec.kind {
        FieldKind::Text { max } => check_text(value, max),
        FieldKind::Secret => Ok(value.to_owned()),
        FieldKind::Hostname { port } => check_hostname(value, port),
        FieldKind::ExportFolder => check_export_folder(value),
        FieldKind::Folder => check_folder(value),
        FieldKind::Guid => check_guid(value),
        FieldKind::Number => check_number(value),
        FieldKind::Choice(choices) => check_choice(value, choices),
        FieldKind::StorageAccountName => check_storage_account_name(value),
        FieldKind::ContainerName => check_container_name(value),
        FieldKind::InstanceFolder => check_instance_folder(value),
    }
}

pub fn check_text(value: &str, max: usize) -> Result<String, FieldError> {
    if value.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(value.to_owned())
}

pub fn check_storage_account_name(value: &str) -> Result<String, FieldError> {
    let ok = (3..=24).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if ok { Ok(value.to_owned()) } else { Err(FieldError::StorageAccountName) }
}

pub fn check_container_name(value: &str) -> Result<String, FieldError> {
    let bytes = value.as_bytes();
    let ok = (3..=63).contains(&bytes.len())
        && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && bytes.first().is_some_and(|b| *b != b'-')
        && bytes.last().is_some_and(|b| *b != b'-')
        && !value.contains("--");
    if ok { Ok(value.to_owned()) } else { Err(FieldError::ContainerName) }
}

/// RFC 1123 host name with the field's port rule.
pub fn check_hostname(value: &str, port_rule: PortRule) -> Result<String, FieldError> {
    let (host, port) = match value.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (value, None),
    };
    let host = host.to_ascii_lowercase();
    let labels_ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            let b = label.as_bytes();
            (1..=63).contains(&b.len())
                && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
                && b[0] != b'-'
                && b[b.len() - 1] != b'-'
        });
    if !labels_ok {
        return Err(FieldError::Hostname);
    }
    match (port, port_rule) {
        (None, PortRule::Required) => Err(FieldError::PortRequired),
        (Some(_), PortRule::Forbidden) => Err(FieldError::PortNotAllowed),
        (None, _) => Ok(host),
        (Some(port), _) => match port.parse::<u16>() {
            Ok(n) if n > 0 && port.bytes().all(|b| b.is_ascii_digit()) => Ok(format!("{host}:{n}")),
            _ => Err(FieldError::Hostname),
        },
    }
}

pub fn check_folder(value: &str) -> Result<String, FieldError> {
    let trimmed = value.trim_matches('/');
    let ok = !trimmed.is_empty()
        && !value.contains('\\')
        && trimmed.split('/').all(|segment| !segment.is_empty() && segment != "." && segment != "..")
        && value.chars().count() <= 256;
    if ok { Ok(trimmed.to_owned()) } else { Err(FieldError::Folder) }
}

/// SFTP export folders: a valid folder with no upper-case letters.
pub fn check_export_folder(value: &str) -> Result<String, FieldError> {
    let folder = check_folder(value)?;
    if folder.chars().any(char::is_uppercase) {
        return Err(FieldError::LowercaseFolder);
    }
    Ok(folder)
}

pub fn check_guid(value: &str) -> Result<String, FieldError> {
    let groups: Vec<&str> = value.split('-').collect();
    let ok = groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    if ok { Ok(value.to_ascii_lowercase()) } else { Err(FieldError::Guid) }
}

pub fn check_number(value: &str) -> Result<String, FieldError> {
    if value.len() > 20 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::Number);
    }
    Ok(value.to_owned())
}

pub fn check_choice(value: &str, choices: &'static [&'static str]) -> Result<String, FieldError> {
    match choices.iter().find(|c| **c == value) {
        Some(choice) => Ok((*choice).to_owned()),
        None => Err(FieldError::NotAChoice { choices }),
    }
}

/// `customerInsights/ci_<name>`: a top folder and an instance folder starting with `ci_`.
pub fn check_instance_folder(value: &str) -> Result<String, FieldError> {
    let word = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    let ok = match value.split_once('/') {
        Some((top, instance)) => {
            word(top) && instance.strip_prefix("ci_").is_some_and(word) && value.len() <= 256
        }
        None => false,
    };
    if ok { Ok(value.to_owned()) } else { Err(FieldError::InstanceFolder) }
}

/// Key Vault and secret names: 1–127 letters, digits and hyphens.
pub fn check_vault_name(value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(FieldError::Required);
    }
    let ok = value.len() <= 127 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok { Ok(value.to_owned()) } else { Err(FieldError::VaultName) }
}

/// Field values that passed every check: plain values to store and typed
/// secrets still to be stamped (their values are not kept).
#[derive(Debug, Default)]
pub struct ValidFields<'a> {
    pub plain: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, &'a SecretInput>,
}

/// Checks a whole form at once so every bad field can be shown beside itself.
/// Every secret field must be typed here; see [`validate_fields_with`] for
/// forms where a secret may come from the vault or stay as saved.
pub fn validate_fields<'a>(
    ty: &ConnectionType,
    plain: &BTreeMap<String, String>,
    secrets: &'a BTreeMap<String, SecretInput>,
) -> Result<ValidFields<'a>, BTreeMap<String, FieldError>> {
    validate_fields_with(ty, plain, secrets, &|_| false)
}

/// Like [`validate_fields`]; `provided_elsewhere(key)` says a secret field that
/// was not typed is still satisfied (picked from the vault, or kept as saved).
pub fn validate_fields_with<'a>(
    ty: &ConnectionType,
    plain: &BTreeMap<String, String>,
    secrets: &'a BTreeMap<String, SecretInput>,
    provided_elsewhere: &dyn Fn(&str) -> bool,
) -> Result<ValidFields<'a>, BTreeMap<String, FieldError>> {
    let mut errors = BTreeMap::new();
    let mut valid = ValidFields::default();
    for key in plain.keys() {
        if ty.field(key).is_none_or(FieldSpec::is_secret) {
            errors.insert(key.clone(), FieldError::UnknownField);
        }
    }
    for key in secrets.keys() {
        if !ty.field(key).is_some_and(FieldSpec::is_secret) {
            errors.insert(key.clone(), FieldError::UnknownField);
        }
    }
    for spec in ty.fields {
        if spec.is_secret() {
            match secrets.get(spec.key) {
                Some(secret) => match validate_field(spec, secret.expose()) {
                    Ok(_) => {
                        valid.secrets.insert(spec.key.to_owned(), secret);
                    }
                    Err(e) => {
                        errors.insert(spec.key.to_owned(), e);
                    }
                },
                None if spec.required && !provided_elsewhere(spec.key) => {
                    errors.insert(spec.key.to_owned(), FieldError::Required);
                }
                None => {}
            }
        } else {
            let raw = plain.get(spec.key).map(String::as_str).unwrap_or("");
            match validate_field(spec, raw) {
                Ok(v) if v.is_empty() => {}
                Ok(v) => {
                    valid.plain.insert(spec.key.to_owned(), v);
                }
                Err(e) => {
                    errors.insert(spec.key.to_owned(), e);
                }
            }
        }
    }
    if errors.is_empty() { Ok(valid) } else { Err(errors) }
}
