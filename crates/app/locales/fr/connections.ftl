# connections: message ids are the app's keys with "." written as "-".
connections-action-duplicate = Dupliquer
connections-action-edit = Modifier
connections-action-remove = Supprimer
connections-action-test = Tester la connexion
connections-actions_for = Actions pour { $name }
connections-add = Ajouter une connexion
connections-close = Fermer
connections-col-actions = Actions
connections-count =
    { $count ->
        [one] { $count } connexion affichée
       *[other] { $count } connexions affichées
    }
connections-discover-all_categories = Toutes les catégories
connections-discover-category = Catégorie
connections-discover-count =
    { $count ->
        [one] { $count } type de connexion affiché
       *[other] { $count } types de connexion affichés
    }
connections-discover-none = Aucun type de connexion ne correspond. Effacez la recherche ou choisissez une autre catégorie.
connections-discover-search = Rechercher dans le catalogue
connections-discover-set_up = Configurer
connections-discover-set_up_named = Configurer { $name }
connections-duplicate_name = { $name } (copie)
connections-empty-discover = Parcourir tous les types de connexion dans l’onglet Découvrir
connections-flag-unreachable = Secret Key Vault inaccessible
connections-no_match = Aucune connexion ne correspond à « { $search } ». Essayez une partie du nom ou du type.
connections-pager-label = Pages de connexions
connections-pane-agree = J’accepte
connections-pane-choose = Choisir…
connections-pane-choose_secret = Choisissez un secret du coffre…
connections-pane-choose_type = Choisissez un type de connexion…
connections-pane-details = Détails de { $type }
connections-pane-edit_title = Modifier la connexion
connections-pane-from_vault = depuis Key Vault
connections-pane-hide = Masquer
connections-pane-name_hint = Avec le type, ce nom permet à chacun de reconnaître la connexion : indiquez à quoi elle sert et où vont les données.
connections-pane-no_fields = Ce service n’a besoin d’aucun détail ici : la connexion au compte ci-dessous suffit.
connections-pane-optional = (facultatif)
connections-pane-privacy_remove = Un administrateur peut supprimer la connexion à tout moment pour arrêter les transferts.
connections-pane-privacy_text = En enregistrant cette connexion, vous permettez au portail d’envoyer des données, y compris des données personnelles, à un service extérieur. Elles ne sont envoyées que sur votre instruction, et il vous appartient d’avoir le consentement nécessaire pour les partager et de vérifier que le service destinataire respecte vos obligations de confidentialité et de sécurité.
connections-pane-privacy_title = Confidentialité et conformité des données
connections-pane-save = Enregistrer
connections-pane-secret_from_vault = Actuellement lu dans le secret du coffre { $secret }.
connections-pane-secret_saved = Un secret est enregistré. Laissez ce champ vide pour le conserver ou saisissez-en un nouveau pour le remplacer.
connections-pane-sharing = Choisir qui peut utiliser cette connexion
connections-pane-sharing_edit_hint =
    { $count ->
        [one] { $count } exportation utilise déjà cette connexion et la conserve quelle que soit l’option choisie ; ce réglage décide seulement qui peut la choisir pour de nouvelles exportations.
       *[other] Les { $count } exportations qui utilisent déjà cette connexion la conservent quelle que soit l’option choisie ; ce réglage décide seulement qui peut la choisir pour de nouvelles exportations.
    }
connections-pane-sharing_hint = Seuls les administrateurs peuvent utiliser une nouvelle connexion d’exportation, sauf si vous y ajoutez les contributeurs. Les contributeurs n’en voient jamais les détails.
connections-pane-show = Afficher
connections-pane-sign_in = Compte avec lequel se connecter à { $provider }
connections-pane-sign_in_renew = Se reconnecter à { $provider } (laisser vide pour garder la connexion actuelle)
connections-pane-signed_in = Connecté en tant que { $account } jusqu’au { $until }.
connections-pane-title = Configurer la connexion
connections-pane-type = Type de connexion
connections-pane-type_required = Choisissez d’abord le service auquel vous connecter.
connections-pane-use_key_vault = Utiliser Key Vault
connections-pane-use_key_vault_hint = Choisissez chaque secret par son nom dans votre Key Vault lié au lieu de le saisir ici.
connections-pane-vault_link = Lier un Key Vault
connections-pane-vault_unlinked = Ce service peut lire ses secrets dans votre propre Key Vault une fois celui-ci lié.
connections-remove-and_more = { $names } et { $count } de plus
connections-remove-deactivate = Désactiver
connections-remove-deactivate_hint = Désactiver conserve un enrichissement et ses données mais saute ses actualisations. Supprimer l’efface.
connections-remove-delete_enrichments = Supprimer
connections-remove-detach = Déconnecter
connections-remove-detach_hint = Déconnecter conserve les paramètres d’une exportation mais l’arrête jusqu’à ce qu’une autre connexion lui soit ajoutée. Supprimer efface l’exportation.
connections-remove-done = Connexion { $name } supprimée.
connections-remove-enrichments_title = Enrichissements utilisant cette connexion
connections-remove-exports_detached = Connexion retirée de : { $names }.
connections-remove-exports_title = Exportations utilisant cette connexion
connections-remove-ready = Plus rien n’utilise cette connexion. Sélectionnez Supprimer la connexion pour l’effacer.
connections-remove-remove_exports = Supprimer les exportations sélectionnées
connections-remove-see_enrichments = Voir les enrichissements connectés
connections-remove-see_exports = Voir les exportations connectées
connections-remove-title = Supprimer { $name } ?
connections-saved = Connexion { $name } enregistrée.
connections-saved_sharing =
    { $count ->
        [one] Connexion { $name } enregistrée. { $count } exportation existante continue de fonctionner quel que soit le nouveau réglage.
       *[other] Connexion { $name } enregistrée. Ses { $count } exportations existantes continuent de fonctionner quel que soit le nouveau réglage.
    }
connections-search = Rechercher par nom ou type
connections-test-checked_at = Vérifié le { $at }
connections-test-failed =
    { $count ->
        [one] { $count } vérification sur { $total } en échec.
       *[other] { $count } vérifications sur { $total } en échec.
    }
connections-test-invalid_field = { $field } : { $problem } Modifiez la connexion pour le corriger.
connections-test-no_key_vault = { $field } doit venir d’un Key Vault, mais aucun n’est lié. Liez de nouveau le coffre ou modifiez la connexion.
connections-test-passed =
    { $count ->
        [one] { $count } vérification a réussi.
       *[other] Les { $count } vérifications ont réussi.
    }
connections-test-secret_missing = { $field } : aucun secret n’est enregistré. Modifiez la connexion et saisissez-le.
connections-test-secret_not_found = { $field } : le coffre n’a pas de secret nommé { $secret }. Ajoutez-le au coffre ou choisissez-en un autre.
connections-test-secret_unreachable = { $field } : le secret { $secret } du coffre est illisible. Vérifiez sa stratégie d’accès.
connections-test-sign_in_expired = La connexion de { $account } a expiré le { $at }. Modifiez la connexion et reconnectez-vous.
connections-test-sign_in_missing = Personne ne s’est connecté chez le fournisseur. Modifiez la connexion et connectez-vous.
connections-test-title = Test de { $name }
connections-test-vault_unreachable = { $field } : le Key Vault est inaccessible. Vérifiez ses paramètres d’accès.
connections-undone = Action annulée.
field-account_key = Clé du compte
field-account_name = Nom du compte de stockage
field-address_book = ID du carnet d’adresses
field-adls_storage_account = Nom du compte de stockage Data Lake
field-ads_account = ID du compte publicitaire
field-api_key = Clé API
field-api_username = Nom d’utilisateur API
field-campaign_account = ID du compte Campaign Manager
field-client_id = ID client
field-client_secret = Secret client
field-compression = Compression
field-container = Conteneur
field-customer_id = ID client Google Ads
field-data_api_id = ID de l’API de données
field-delimiter = Délimiteur de colonnes
field-developer_token = Jeton de développeur
field-drop_folder_name = Nom du dossier de dépôt
field-drop_folder_path = Chemin du dossier de dépôt
field-environment_id = ID d’environnement
field-export_folder = Dossier (en minuscules)
field-host_url = Hôte et port
field-hostname = Nom d’hôte (et port)
field-instance_folder = Dossier de l’instance
field-leadspace_token = Jeton Leadspace
field-model_number = Numéro de modèle
field-party_id = ID de partie
field-password = Mot de passe
field-region = Région des données
field-rest_endpoint = Hôte du point de terminaison REST
field-server_address = Adresse du serveur
field-sftp_username = Nom d’utilisateur SFTP
field-shared_key = Clé partagée
field-sign_in_account = Compte de connexion
field-storage_account = Nom du compte de stockage
field-subscription = ID d’abonnement
field-user_id = ID utilisateur
field-username = Nom d’utilisateur
field-workspace = Nom de l’espace de travail
type-activecampaign-description = Synchronise les listes de contacts ActiveCampaign avec vos segments.
type-adobe-campaign-description = Transmet des segments à Adobe Campaign via un conteneur de stockage qu’il lit.
type-audience-insights-description = Partage les profils unifiés avec les informations d’engagement pour le rapport de profils.
type-autopilot-description = Lance des parcours Autopilot pour les clients d’un segment.
type-azure-blob-storage-description = Écrit tables et segments sous forme de fichiers dans un conteneur blob qui vous appartient.
type-azure-data-lake-gen2-description = Dépose les données clients dans votre stockage Data Lake hiérarchique pour l’analyse.
type-azure-maps-description = Normalise et géocode les adresses avec Azure Maps.
type-azure-synapse-description = Rend les données clients unifiées interrogeables depuis votre espace Synapse.
type-braze-description = Met à jour profils et audiences Braze à partir de segments.
type-dotdigital-description = Envoie des segments vers les carnets d’adresses DotDigital.
type-dun-and-bradstreet-description = Associe les comptes professionnels aux données d’entreprise de Dun & Bradstreet.
type-dynamics-365-journeys-description = Utilise des segments comme audiences dans Customer Insights - Journeys.
type-dynamics-365-sales-description = Fournit aux vendeurs des listes marketing dans Dynamics 365 Sales.
type-experian-description = Ajoute des attributs démographiques et de foyer aux profils clients.
type-facebook-ads-description = Crée des audiences personnalisées dans Facebook Ads Manager à partir de segments.
type-google-ads-description = Cible des audiences Customer Match de Google Ads issues de vos segments.
type-here-technologies-description = Nettoie les adresses et ajoute des coordonnées grâce aux données HERE.
type-hubspot-description = Tient à jour les listes de contacts HubSpot d’après vos segments.
type-iterable-description = Synchronise des segments avec les listes Iterable pour les messages multicanaux.
type-klaviyo-description = Alimente les listes Klaviyo pour les parcours e-mail et SMS.
type-leadspace-description = Ajoute des données firmographiques aux profils d’entreprise.
type-linkedin-ads-description = Touche contacts et entreprises correspondants avec des campagnes LinkedIn.
type-liveramp-abilitec-description = Résout les identités en liens personne AbiliTec de LiveRamp.
type-liveramp-export-description = Active des segments sur le réseau publicitaire de LiveRamp.
type-mailchimp-description = Synchronise des segments avec les audiences Mailchimp pour les newsletters.
type-marketo-description = Pousse des segments dans Marketo sous forme de listes statiques.
type-moengage-description = Cible les campagnes push, e-mail et in-app de MoEngage.
type-omnisend-description = Alimente les campagnes e-commerce Omnisend avec vos segments.
type-salesforce-marketing-cloud-description = Envoie des segments à Marketing Cloud via sa zone d’import SFTP.
type-sendgrid-description = Synchronise les listes de contacts SendGrid pour vos envois d’e-mails.
type-sendinblue-description = Envoie des segments vers les listes Sendinblue pour l’e-mail et le SMS.
type-sftp-custom-import-description = Importe votre propre fichier d’enrichissement depuis un serveur SFTP.
type-sftp-export-description = Dépose des fichiers CSV de données ou de segments sur votre serveur SFTP.
connections-col-health = État
health-failing = En échec
health-needs_attention = À surveiller
health-not_tested = Non testée
health-healthy = Opérationnelle
health-details_of = { $state } : état et historique de { $name }
health-details = État et historique
health-filter = État
health-filter-all = Tous
health-test_all = Tester toutes les connexions
health-test_all-progress = Testées : { $done } sur { $total }. En échec : { $failed }.
health-test_all-done = Terminé : { $done } sur { $total } testées. En échec : { $failed }.
health-test_all-progress_label = Avancement du test de toutes les connexions
health-reason-problems_now = Vérifications en échec maintenant (Key Vault, secrets, connexion au fournisseur) : { $count }
health-reason-runs_failing = Dernières exécutions en échec : { $failing } sur { $ran }
health-reason-last_test_failed = Le dernier test de la connexion a échoué ({ $at } ; problèmes : { $count }). Testez-la à nouveau.
health-reason-sign_in_soon = La connexion au fournisseur expire le { $at } : renouvelez-la avec Modifier.
health-reason-last_test_passed = Le dernier test de la connexion a réussi ({ $at }).
health-reason-runs_succeeding = Dernières exécutions réussies : { $ran } sur { $ran }
health-reason-nothing = Aucun test de la connexion pour l’instant, et rien de ce qui l’utilise n’a été exécuté.
health-entry-test = Test de la connexion
health-entry-passed = Réussi
health-entry-failed_problems = Échec (problèmes : { $count })
health-entry-export_run = Exécution de l’exportation : { $name }
health-entry-enrichment_run = Exécution de l’enrichissement : { $name }
health-not_found = Connexion introuvable
health-back = Retour aux connexions
health-heading = État
health-history-heading = Historique
health-history-limit = Les 20 derniers tests et exécutions, du plus récent au plus ancien.
health-history-empty = Aucun test ni exécution pour l’instant.
health-history-caption = Tests et exécutions de cette connexion
health-col-when = Date
health-col-who = Par
health-col-what = Quoi
health-col-result = Résultat
health-timeline-title = Chronologie de l’historique
health-timeline-desc = Le plus ancien à gauche, le plus récent à droite. Entrées : { $count }. En échec : { $failed }.
map-open = Carte de ce qui l’utilise
map-open_for = Carte de ce qui utilise { $name } : { $count }
map-title = Ce qui utilise { $name }
map-counts = Exportations : { $exports } · Enrichissements : { $enrichments }
map-kind-export = Exportations
map-kind-enrichment = Enrichissements
map-status-failing = En échec
map-status-running = En cours
map-status-succeeded = Réussies
map-status-not_run = Jamais exécutées
map-status-inactive = Inactives
map-group = { $kind } · { $status } : { $count }
map-more = + { $count } de plus
map-svg_title = Carte de ce qui utilise { $name }
map-svg_desc = La connexion, puis ses exportations et ses enrichissements regroupés par état. Au total : { $count }. Le tableau ci-dessous les liste un par un.
map-empty = Rien n’utilise cette connexion.
map-table_heading = La même chose, sous forme de liste
map-col-name = Nom
map-col-kind = Type
map-col-status = Dernière exécution
map-col-group = Groupe
connections-remove-confirm = Supprimer la connexion
connections-remove-blocked_by = Cette connexion est encore utilisée par { $exports } et { $enrichments }. Traitez chacun ci-dessous ; Supprimer la connexion deviendra alors disponible.
connections-remove-exports_count =
    { $count ->
        [one] { $count } exportation
       *[other] { $count } exportations
    }
connections-remove-enrichments_count =
    { $count ->
        [one] { $count } enrichissement actif
       *[other] { $count } enrichissements actifs
    }
connections-remove-exports_removed =
    { $count ->
        [one] Exportation { $names } supprimée.
       *[other] { $count } exportations supprimées : { $names }.
    }
connections-remove-enrichments_deleted =
    { $count ->
        [one] Enrichissement { $names } supprimé.
       *[other] { $count } enrichissements supprimés : { $names }.
    }
connections-remove-enrichments_deactivated =
    { $count ->
        [one] Enrichissement { $names } désactivé.
       *[other] { $count } enrichissements désactivés : { $names }.
    }
connections-pane-reason_consent = Acceptez les conditions de confidentialité des données
connections-pane-reason_fields =
    { $count ->
        [one] { $count } champ à revoir
       *[other] { $count } champs à revoir
    }
