//! The format rules of single fields, and the check of a whole form.

use std::collections::BTreeMap;

use super::{ConnectionType, FieldKind, FieldSpec, PortRule};
use crate::model::SecretInput;

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
