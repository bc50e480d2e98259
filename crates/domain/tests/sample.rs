use connections_domain::sample::*;
use connections_domain::*;

const NOW: Timestamp = Timestamp(1_700_000_000_000);

#[test]
fn sample_is_built_without_refusals_and_has_the_promised_content() {
    let ws = Workspace::sample(NOW);
    assert_eq!(ws.users().count(), 6);
    assert_eq!(ws.connections().count(), 12);
    assert_eq!(ws.exports().count(), 30);
    assert_eq!(ws.enrichments().count(), 10);
    assert_eq!(ws.exports().filter(|e| e.connection.is_none()).count(), 2);
    assert_eq!(ws.enrichments().filter(|e| !e.active).count(), 1);
    assert!(ws.connections().any(|c| c.uses_vault()));
    assert!(ws.connections().any(|c| c.usable_by == UsableBy::AdministratorsAndContributors && c.category() == Category::Export));
    assert!(ws.key_vault().is_some_and(|v| v.secrets.len() == 4));
    assert_eq!(ws.engagement_links().count(), 1);
    // Every step of the sample went through apply, so each left an event.
    assert!(ws.events().len() > 100);
    assert_eq!(ws, Workspace::sample(NOW), "deterministic");
}

#[test]
fn empty_has_only_the_six_users() {
    let ws = Workspace::empty();
    assert_eq!(ws.users().count(), 6);
    assert_eq!(ws.users().filter(|u| u.role == Role::Administrator).count(), 2);
    assert_eq!(ws.users().filter(|u| u.role == Role::Contributor).count(), 2);
    assert_eq!(ws.users().filter(|u| u.role == Role::Viewer).count(), 2);
    assert_eq!(ws.connections().count() + ws.exports().count() + ws.events().len(), 0);
    assert!(ws.user(&UserId::new(ADMIN_1)).is_some());
}
