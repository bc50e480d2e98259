//! The Discover catalogue: the 33 connection types as static data, and the
//! format rules that the real services enforce on their fields.
//!
//! - this file: the types a catalogue entry is made of, and the type ids;
//! - `table`: the 33 entries;
//! - `validate`: the field validators and the form validator.

use std::fmt;

use serde::{Deserialize, Serialize};

mod table;
mod validate;

pub use table::{catalog, connection_type, COMPRESSIONS, DELIMITERS, DNB_REGIONS};
pub use validate::{
    check_choice, check_container_name, check_export_folder, check_folder, check_guid, check_hostname, check_instance_folder, check_number,
    check_storage_account_name, check_text, check_vault_name, validate_field, validate_fields, validate_fields_with, FieldError, ValidFields,
};

/// Where a connection type sends or gets data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    Export,
    Enrichment,
    EngagementInsights,
}

impl Category {
    /// The categories whose types are set up as connections, in the order they are offered.
    pub const CONNECTIONS: [Category; 2] = [Category::Export, Category::Enrichment];

    /// Whether a type of this category is set up as a connection. Audience insights is not: it
    /// is reached through an engagement link, made under Engagement insights.
    pub fn is_connection(self) -> bool {
        Self::CONNECTIONS.contains(&self)
    }
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

    /// Whether this type is set up as a connection (see `Category::is_connection`).
    pub fn is_connection(&self) -> bool {
        self.category.is_connection()
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
