//! The organisation's own Key Vault.

use std::collections::BTreeMap;

use crate::catalog::{check_guid, check_vault_name, validate_field, FieldKind, FieldSpec};
use crate::command::Action;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::ids::{ConnectionId, SecretName};
use crate::model::{KeyVault, SecretInput, SecretVersion, VaultSecret};
use crate::workspace::{Acting, Workspace};

const SECRET_VALUE: FieldSpec = FieldSpec { key: "value", label_key: "field.secret_value", kind: FieldKind::Secret, required: true };

fn field_error(key: &str, error: crate::catalog::FieldError) -> DomainError {
    DomainError::InvalidFields(BTreeMap::from([(key.to_owned(), error)]))
}

impl Workspace {
    fn linked_vault(&self) -> Result<&KeyVault, DomainError> {
        self.vault.as_ref().ok_or(DomainError::NoKeyVault)
    }

    /// Connections (id, display name) that use the given vault secret.
    pub(crate) fn connections_using_secret(&self, name: &SecretName) -> Vec<(ConnectionId, String)> {
        self.index
            .connections_by_secret
            .get(name)
            .into_iter()
            .flatten()
            .filter_map(|id| self.connections.get(id).map(|c| (id.clone(), c.display_name.to_string())))
            .collect()
    }

    pub(crate) fn link_key_vault(&mut self, ctx: &Acting, subscription: &str, vault_name: &str, consent: bool) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageKeyVault)?;
        if self.vault.is_some() {
            return Err(DomainError::KeyVaultAlreadyLinked);
        }
        let mut errors = BTreeMap::new();
        let subscription = check_guid(subscription.trim()).map_err(|e| errors.insert("subscription".to_owned(), e)).ok();
        let vault_name = check_vault_name(vault_name).map_err(|e| errors.insert("vault_name".to_owned(), e)).ok();
        let (Some(subscription), Some(vault_name)) = (subscription, vault_name) else {
            return Err(DomainError::InvalidFields(errors));
        };
        if !consent {
            return Err(DomainError::ConsentRequired);
        }
        let event = EventKind::KeyVaultLinked { vault_name: vault_name.clone() };
        self.vault = Some(KeyVault {
            subscription,
            vault_name,
            linked_by: ctx.actor.clone(),
            linked_at: ctx.now,
            reachable: true,
            secrets: BTreeMap::new(),
        });
        Ok(vec![event])
    }

    pub(crate) fn unlink_key_vault(&mut self, ctx: &Acting) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageKeyVault)?;
        let vault = self.linked_vault()?;
        let connections: Vec<_> = self.index.connections_by_secret.keys().flat_map(|name| self.connections_using_secret(name)).collect();
        if !connections.is_empty() {
            return Err(DomainError::KeyVaultInUse { connections });
        }
        let event = EventKind::KeyVaultUnlinked { vault_name: vault.vault_name.clone() };
        self.vault = None;
        Ok(vec![event])
    }

    pub(crate) fn add_secret(&mut self, ctx: &Acting, name: &str, value: &SecretInput) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageKeyVault)?;
        let vault = self.linked_vault()?;
        let name = SecretName::new(check_vault_name(name).map_err(|e| field_error("name", e))?);
        validate_field(&SECRET_VALUE, value.expose()).map_err(|e| field_error("value", e))?;
        if vault.secrets.contains_key(&name) {
            return Err(DomainError::SecretExists(name));
        }
        let secret = VaultSecret { versions: vec![SecretVersion { version: 1, created_at: ctx.now }], reachable: true };
        if let Some(vault) = self.vault.as_mut() {
            vault.secrets.insert(name.clone(), secret);
        }
        Ok(vec![EventKind::SecretAdded { name }])
    }

    pub(crate) fn rotate_secret(&mut self, ctx: &Acting, name: &SecretName, value: &SecretInput) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageKeyVault)?;
        self.linked_vault()?.secrets.get(name).ok_or_else(|| DomainError::SecretNotFound(name.clone()))?;
        validate_field(&SECRET_VALUE, value.expose()).map_err(|e| field_error("value", e))?;
        let secret = self.vault.as_mut().and_then(|v| v.secrets.get_mut(name)).ok_or_else(|| DomainError::SecretNotFound(name.clone()))?;
        let version = secret.versions.last().map_or(1, |v| v.version.saturating_add(1));
        secret.versions.push(SecretVersion { version, created_at: ctx.now });
        Ok(vec![EventKind::SecretRotated { name: name.clone(), version }])
    }

    pub(crate) fn delete_secret(&mut self, ctx: &Acting, name: &SecretName) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageKeyVault)?;
        self.linked_vault()?.secrets.get(name).ok_or_else(|| DomainError::SecretNotFound(name.clone()))?;
        let connections = self.connections_using_secret(name);
        if !connections.is_empty() {
            return Err(DomainError::SecretInUse { secret: name.clone(), connections });
        }
        if let Some(vault) = self.vault.as_mut() {
            vault.secrets.remove(name);
        }
        Ok(vec![EventKind::SecretDeleted { name: name.clone() }])
    }

    pub(crate) fn set_secret_reachable(&mut self, ctx: &Acting, name: &SecretName, reachable: bool) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageKeyVault)?;
        self.linked_vault()?;
        let secret = self.vault.as_mut().and_then(|v| v.secrets.get_mut(name)).ok_or_else(|| DomainError::SecretNotFound(name.clone()))?;
        secret.reachable = reachable;
        Ok(vec![EventKind::SecretReachabilityChanged { name: name.clone(), reachable }])
    }

    pub(crate) fn set_vault_reachable(&mut self, ctx: &Acting, reachable: bool) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageKeyVault)?;
        let vault = self.vault.as_mut().ok_or(DomainError::NoKeyVault)?;
        vault.reachable = reachable;
        Ok(vec![EventKind::KeyVaultReachabilityChanged { reachable }])
    }
}
