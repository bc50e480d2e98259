# errors: message ids are the app's keys with "." written as "-".
error-action-manage_connections = créer, modifier, partager ou supprimer des connexions
error-action-manage_engagement_insights = gérer engagement insights
error-action-manage_enrichments = gérer les enrichissements
error-action-manage_exports = gérer cette exportation
error-action-manage_key_vault = gérer le Key Vault
error-action-manage_workspace = remplacer tout l’espace de travail
error-action-restore = restaurer des éléments supprimés
error-action-use_connection = utiliser cette connexion
error-already_available = Les données sont déjà disponibles.
error-already_running = Une exécution est déjà en cours. Attendez qu’elle se termine.
error-cannot_leave_key_vault = Le champ { $field } prend son secret dans le Key Vault et ne peut pas revenir à une valeur saisie. Choisissez plutôt un autre secret du coffre.
error-connection_gone = Sa connexion n’existe plus ; il ne peut pas être restauré tel quel.
error-connection_not_shared = Cette connexion n’est pas partagée avec les contributeurs. Demandez à un administrateur de la partager ou choisissez-en une autre.
error-consent_required = Lisez le texte sur la confidentialité des données et sélectionnez J’accepte avant d’enregistrer.
error-duplicate_name = Une autre connexion de type { $category } s’appelle déjà « { $name } ». Choisissez un autre nom d’affichage.
error-duplicate_selection = Un élément a été sélectionné deux fois. Sélectionnez chaque élément une seule fois.
error-empty_selection = Sélectionnez d’abord au moins un élément.
error-enrichment_inactive = Cet enrichissement est inactif. Activez-le d’abord.
error-enrichment_without_connection = Cet enrichissement n’a pas de connexion. Ajoutez-en une pour le réactiver.
error-export_detached = Cette exportation n’a pas de connexion. Ajoutez-lui d’abord une connexion.
error-field-container_name = Utilisez 3 à 63 lettres minuscules, chiffres et tirets simples, en commençant par une lettre ou un chiffre.
error-field-control_characters = Supprimez les sauts de ligne, tabulations et autres caractères de contrôle.
error-field-folder = Saisissez un chemin de dossier tel que exports/daily, sans « .. » ni barre oblique inverse.
error-field-guid = Saisissez un GUID tel que 0f8fad5b-d9cb-469f-a165-70867728950e.
error-field-hostname = Saisissez un nom d’hôte tel que sftp.contoso.com.
error-field-instance_folder = Saisissez le dossier d’instance sous la forme customerInsights/ci_<nom>.
error-field-lowercase_folder = Le dossier d’exportation doit être en minuscules.
error-field-not_a_choice = Choisissez parmi : { $choices }.
error-field-number = Saisissez uniquement des chiffres.
error-field-port_not_allowed = N’indiquez pas de port : ce service utilise son port standard.
error-field-port_required = Ajoutez le port après le nom d’hôte, par exemple sftp.contoso.com:22.
error-field-required = Ce champ est obligatoire.
error-field-storage_account_name = Utilisez 3 à 24 lettres minuscules et chiffres, comme le nom du compte dans Azure.
error-field-too_long = Utilisez au plus { $max } caractères.
error-field-typed_and_vault = Saisissez le secret ou choisissez-le dans le Key Vault, pas les deux.
error-field-unknown_field = Ce type de connexion n’a pas ce champ.
error-field-vault_name = Utilisez 1 à 127 lettres, chiffres et tirets.
error-has_dependents = Cette connexion est encore utilisée par { $exports } et { $enrichments }. Supprimez ou déconnectez les exportations, supprimez ou désactivez les enrichissements, puis supprimez la connexion.
error-has_dependents-exports =
    { $count ->
        [one] { $count } exportation
       *[other] { $count } exportations
    }
error-has_dependents-enrichments =
    { $count ->
        [one] { $count } enrichissement
       *[other] { $count } enrichissements
    }
error-id_taken = Impossible de restaurer : un élément de même identité existe de nouveau.
error-invalid_fields = Certains champs sont à corriger ; voyez les messages à côté d’eux.
error-invalid_schedule = Choisissez une récurrence comprise entre 1 et 168 heures.
error-key_vault_already_linked = Un Key Vault est déjà lié. Déliez-le avant d’en lier un autre.
error-key_vault_in_use = Le Key Vault est utilisé par : { $connections }. Modifiez ou supprimez d’abord ces connexions.
error-key_vault_not_supported = Les connexions { $type } ne peuvent pas prendre leurs secrets dans un Key Vault. Saisissez le secret.
error-last_member = Au moins un membre doit garder l’accès au rapport.
error-creator_needs_replacement = L’administrateur qui a créé cette connexion reste membre tant qu’un autre administrateur n’a pas été ajouté pour prendre le relais.
error-name-control_characters = Supprimez les sauts de ligne, tabulations et autres caractères de contrôle.
error-name-empty = Saisissez un nom d’affichage.
error-name-too_long = Utilisez au plus { $max } caractères.
error-no_key_vault = Aucun Key Vault n’est lié. Liez d’abord votre Key Vault dans Paramètres › Autorisations › Key Vault.
error-not_allowed = Votre rôle ({ $role }) ne permet pas de { $action }. Adressez-vous à un administrateur ou choisissez-en un dans le menu « Connecté en tant que ».
error-not_found = Cet élément n’existe plus : il a été supprimé, peut-être dans un autre onglet.
error-not_running = Aucune exécution n’est en cours.
error-secret_exists = Le Key Vault a déjà un secret nommé { $secret }. Renouvelez-le ou choisissez un autre nom.
error-secret_in_use = Le secret { $secret } est utilisé par : { $connections }. Faites d’abord pointer ces connexions vers un autre secret.
error-secret_not_found = Le Key Vault n’a pas de secret nommé { $secret }.
error-sharing_not_applicable = Les connexions d’enrichissement sont toujours disponibles pour les administrateurs et les contributeurs ; seules les connexions d’exportation se partagent.
error-sign_in_required = Connectez-vous d’abord auprès du fournisseur.
error-unknown_actor = L’utilisateur connecté ne fait pas partie de cet espace de travail. Choisissez un utilisateur dans le menu « Connecté en tant que ».
error-unknown_user = Cet utilisateur ne fait pas partie de cet espace de travail.
error-use_engagement_link = Les connexions audience insights se configurent dans le centre d’administration d’engagement insights.
error-wrong_category = Choisissez ici une connexion de type { $expected }.
error-wrong_provider = Cet enrichissement a besoin d’une connexion { $expected }.
error-route_load_failed = Cette page n’a pas pu être chargée. Vérifiez votre connexion, puis ouvrez-la de nouveau.
error-part_unavailable = Cette partie du portail n’a pas pu être chargée. Vérifiez votre connexion, puis réessayez.
