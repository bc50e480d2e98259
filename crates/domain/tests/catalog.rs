use std::collections::BTreeMap;

use connections_domain::catalog::*;
use connections_domain::SecretInput;

#[test]
fn catalogue_has_33_types_in_enum_order_with_right_categories_and_vault_flags() {
    let all = catalog();
    assert_eq!(all.len(), 33);
    for (i, ty) in all.iter().enumerate() {
        assert_eq!(ty.id, ConnectionTypeId::ALL[i], "catalogue order must follow the enum");
        assert_eq!(ty.id.spec().id, ty.id);
        assert_eq!(connection_type(ty.id.as_str()).map(|t| t.id), Some(ty.id));
    }
    let count = |c: Category| all.iter().filter(|t| t.category == c).count();
    assert_eq!(count(Category::Export), 25);
    assert_eq!(count(Category::Enrichment), 7);
    assert_eq!(count(Category::EngagementInsights), 1);
    let vault: Vec<&str> = all.iter().filter(|t| t.key_vault).map(|t| t.name).collect();
    assert_eq!(
        vault,
        ["SFTP", "Salesforce Marketing Cloud", "LiveRamp", "ActiveCampaign", "Google Ads", "Klaviyo", "Marketo", "DotDigital", "Autopilot", "Omnisend", "SendGrid", "Sendinblue"]
    );
    // Every vault type has a secret field to put in the vault.
    assert!(all.iter().filter(|t| t.key_vault).all(|t| t.secret_fields().count() > 0));
    assert_eq!(ConnectionTypeId::FacebookAds.spec().sign_in_valid_days, 60);
    assert!(ConnectionTypeId::Mailchimp.spec().sign_in && ConnectionTypeId::Mailchimp.spec().fields.is_empty());
    assert!(connection_type("sftp-export").is_some() && connection_type("sftp-custom-import").is_some());
    assert!(connection_type("nope").is_none());
    let json = serde_json::to_string(&ConnectionTypeId::AzureBlobStorage).unwrap();
    assert_eq!(json, "\"azure-blob-storage\"");
}

#[test]
fn format_rules() {
    assert_eq!(check_storage_account_name("contoso01"), Ok("contoso01".into()));
    assert_eq!(check_storage_account_name("Contoso"), Err(FieldError::StorageAccountName));
    assert_eq!(check_storage_account_name("ab"), Err(FieldError::StorageAccountName));
    assert_eq!(check_storage_account_name(&"a".repeat(25)), Err(FieldError::StorageAccountName));
    assert_eq!(check_container_name("my-container"), Ok("my-container".into()));
    assert_eq!(check_container_name("my--c"), Err(FieldError::ContainerName));
    assert_eq!(check_container_name("-abc"), Err(FieldError::ContainerName));
    assert_eq!(check_hostname("SFTP.Contoso.com", PortRule::Forbidden), Ok("sftp.contoso.com".into()));
    assert_eq!(check_hostname("sftp.contoso.com:22", PortRule::Optional), Ok("sftp.contoso.com:22".into()));
    assert_eq!(check_hostname("sftp.contoso.com:22", PortRule::Forbidden), Err(FieldError::PortNotAllowed));
    assert_eq!(check_hostname("sftp.contoso.com", PortRule::Required), Err(FieldError::PortRequired));
    assert_eq!(check_hostname("sftp.contoso.com:0", PortRule::Optional), Err(FieldError::Hostname));
    assert_eq!(check_hostname("sftp.contoso.com:99999", PortRule::Optional), Err(FieldError::Hostname));
    assert_eq!(check_hostname("-bad.com", PortRule::Forbidden), Err(FieldError::Hostname));
    assert_eq!(check_hostname("a..b", PortRule::Forbidden), Err(FieldError::Hostname));
    assert_eq!(check_hostname("https://x.com", PortRule::Optional), Err(FieldError::Hostname));
    assert_eq!(check_export_folder("exports/daily"), Ok("exports/daily".into()));
    assert_eq!(check_export_folder("Exports"), Err(FieldError::LowercaseFolder));
    assert_eq!(check_folder("a/../b"), Err(FieldError::Folder));
    assert_eq!(check_guid("0F8FAD5B-D9CB-469F-A165-70867728950E"), Ok("0f8fad5b-d9cb-469f-a165-70867728950e".into()));
    assert_eq!(check_guid("0f8fad5b-d9cb-469f-a165-70867728950"), Err(FieldError::Guid));
    assert_eq!(check_instance_folder("customerInsights/ci_contoso"), Ok("customerInsights/ci_contoso".into()));
    assert_eq!(check_instance_folder("customerInsights/contoso"), Err(FieldError::InstanceFolder));
    assert_eq!(check_instance_folder("ci_x"), Err(FieldError::InstanceFolder));
    assert_eq!(check_number("12345"), Ok("12345".into()));
    assert_eq!(check_number("12a"), Err(FieldError::Number));
    assert_eq!(check_choice("gzip", COMPRESSIONS), Ok("gzip".into()));
    assert_eq!(check_choice("zip", COMPRESSIONS), Err(FieldError::NotAChoice { choices: COMPRESSIONS }));
    assert_eq!(check_text(&"x".repeat(257), 256), Err(FieldError::TooLong { max: 256 }));
    let spec = ConnectionTypeId::SftpExport.spec().field("username").unwrap();
    assert_eq!(validate_field(spec, "  "), Err(FieldError::Required));
    assert_eq!(validate_field(spec, "a\u{7}b"), Err(FieldError::ControlCharacters));
    assert_eq!(validate_field(spec, " bob "), Ok("bob".into()));
    let optional = ConnectionTypeId::SftpExport.spec().field("compression").unwrap();
    assert_eq!(validate_field(optional, ""), Ok(String::new()));
}

#[test]
fn validate_fields_reports_every_bad_field_at_once() {
    let ty = ConnectionTypeId::SftpExport.spec();
    let plain = BTreeMap::from([
        ("hostname".to_owned(), "bad host".to_owned()),
        ("folder".to_owned(), "Out".to_owned()),
        ("bogus".to_owned(), "x".to_owned()),
    ]);
    let errors = validate_fields(ty, &plain, &BTreeMap::new()).unwrap_err();
    assert_eq!(errors.get("username"), Some(&FieldError::Required));
    assert_eq!(errors.get("password"), Some(&FieldError::Required));
    assert_eq!(errors.get("hostname"), Some(&FieldError::Hostname));
    assert_eq!(errors.get("folder"), Some(&FieldError::LowercaseFolder));
    assert_eq!(errors.get("bogus"), Some(&FieldError::UnknownField));
    assert_eq!(errors.len(), 5);
    let secrets = BTreeMap::from([("password".to_owned(), SecretInput::new("pw"))]);
    let plain = BTreeMap::from([
        ("username".to_owned(), "u".to_owned()),
        ("hostname".to_owned(), "h.com".to_owned()),
        ("folder".to_owned(), "out".to_owned()),
    ]);
    let valid = validate_fields(ty, &plain, &secrets).unwrap();
    assert_eq!(valid.plain.len(), 3);
    assert_eq!(valid.secrets.len(), 1);
}
