# data: message ids are the app's keys with "." written as "-".
data-actions = Actions
data-add_connection = Ajouter une connexion
data-bulk_label = Actions sur les lignes sélectionnées
data-cancel_run = Annuler l’exécution
data-clear_selection = Effacer la sélection
data-close = Fermer
data-delete = Supprimer
data-enrichment-activate = Activer
data-enrichment-activated =
    { $count ->
        [one] { $count } enrichissement activé.
       *[other] { $count } enrichissements activés.
    }
data-enrichment-add = Ajouter un enrichissement
data-enrichment-add_intro = Choisissez la connexion d’enrichissement à utiliser et nommez l’enrichissement.
data-enrichment-attached = Connexion ajoutée : l’enrichissement est de nouveau actif.
data-enrichment-choose_connection = Choisissez une connexion pour cet enrichissement.
data-enrichment-connection = Connexion d’enrichissement
data-enrichment-count = { $shown } enrichissements sur { $total }
data-enrichment-created = Enrichissement { $name } créé.
data-enrichment-deactivate = Désactiver
data-enrichment-deactivated =
    { $count ->
        [one] { $count } enrichissement désactivé. Il garde ses dernières données mais n’est plus actualisé.
       *[other] { $count } enrichissements désactivés. Ils gardent leurs dernières données mais ne sont plus actualisés.
    }
data-enrichment-delete_body = Les enrichissements supprimés quittent la liste avec leurs données. Un administrateur peut annuler juste après.
data-enrichment-delete_title =
    { $count ->
        [one] Supprimer { $count } enrichissement ?
       *[other] Supprimer { $count } enrichissements ?
    }
data-enrichment-deleted =
    { $count ->
        [one] { $count } enrichissement supprimé.
       *[other] { $count } enrichissements supprimés.
    }
data-enrichment-filtered = Seuls les enrichissements qui utilisent { $name } sont affichés.
data-enrichment-inactive_note = Inactif : les données de la dernière actualisation restent disponibles, mais ne sont plus actualisées.
data-enrichment-last_run = Dernière exécution
data-enrichment-name = Nom de l’enrichissement
data-enrichment-no_connection_note = Sa connexion a été supprimée. Ajoutez une autre connexion du même fournisseur pour le réactiver.
data-enrichment-read_only_note = Vous pouvez consulter cet enrichissement mais pas le modifier.
data-enrichment-run_canceled = Exécution annulée.
data-enrichment-run_started =
    { $count ->
        [one] { $count } exécution d’enrichissement en file d’attente.
       *[other] { $count } exécutions d’enrichissement en file d’attente.
    }
data-enrichment-saved = Enrichissement enregistré.
data-enrichment-search_placeholder = Nom, fournisseur ou connexion
data-enrichment-show_all = Afficher tous les enrichissements
data-export-add = Ajouter une exportation
data-export-add_intro = Choisissez où vont les données, puis ce qui est envoyé et à quelle fréquence.
data-export-attached = Connexion ajoutée : l’exportation est de nouveau active.
data-export-choose_connection = Choisissez une connexion pour cette exportation.
data-export-connection = Connexion
data-export-none_shared = Aucune connexion d’exportation n’est encore partagée avec vous : demandez à un administrateur d’en partager une pour ajouter des exportations.
data-export-contact_admin = Contactez un administrateur si aucune connexion n’est disponible.
data-export-copy_name = { $name } (copie)
data-export-count = { $shown } exportations sur { $total }
data-export-created = Exportation { $name } créée.
data-export-detach = Déconnecter
data-export-detached =
    { $count ->
        [one] Connexion détachée de { $count } exportation. Sa configuration est conservée ; elle ne s’exécute plus tant qu’aucune connexion n’est ajoutée.
       *[other] Connexion détachée de { $count } exportations. Leur configuration est conservée ; elles ne s’exécutent plus tant qu’aucune connexion n’est ajoutée.
    }
data-export-detached_note = cette exportation garde sa configuration mais ne s’exécute pas tant que vous ne lui ajoutez pas de connexion.
data-export-duplicate = Créer un doublon
data-export-duplicated = { $name } créée.
data-export-every_hours = Toutes les combien d’heures (1 à 168)
data-export-filtered = Seules les exportations qui utilisent { $name } sont affichées.
data-export-kind = Ce qui est exporté
data-export-name = Nom de l’exportation
data-export-owner = Créée par
data-export-read_only_note = Vous pouvez consulter cette exportation mais pas la modifier : sa connexion n’est pas partagée avec votre rôle.
data-export-recurring = Selon une périodicité
data-export-remove_body = Les exportations supprimées cessent de s’exécuter et quittent la liste. Un administrateur peut annuler juste après.
data-export-remove_title =
    { $count ->
        [one] Supprimer { $count } exportation ?
       *[other] Supprimer { $count } exportations ?
    }
data-export-removed =
    { $count ->
        [one] { $count } exportation supprimée.
       *[other] { $count } exportations supprimées.
    }
data-export-run_canceled = Exécution annulée.
data-export-run_started =
    { $count ->
        [one] { $count } exécution d’exportation en file d’attente.
       *[other] { $count } exécutions d’exportation en file d’attente.
    }
data-export-saved = Exportation enregistrée.
data-export-schedule = Planification
data-export-search_placeholder = Nom, connexion ou type
data-export-show_all = Afficher toutes les exportations
data-filter-unknown_connection = une connexion qui n’existe plus ({ $id })
data-no_match = Aucun élément ne correspond à la recherche ou au filtre.
data-picker-choose = Choisir une connexion
data-remove = Supprimer
data-run = Exécuter
data-run_finished = Exécution de { $name } terminée : { $status }
data-run_progress = Progression de l’exécution
data-save = Enregistrer
data-search = Rechercher
data-select_all = Sélectionner toutes les lignes modifiables de cette page
data-select_row = Sélectionner { $name }
data-selected =
    { $count ->
        [one] { $count } sélectionné
       *[other] { $count } sélectionnés
    }
data-viewer_note = Votre rôle permet de consulter cette liste, pas de la modifier.
table-all_matching_selected = Les { $count } lignes correspondantes sont sélectionnées
table-next = Suivante
table-page = Page { $page } sur { $pages }
table-pages-activity = Pages d’activité
table-pages-dependents = Pages d’éléments dépendants
table-pages-enrichments = Pages d’enrichissements
table-pages-exports = Pages d’exportations
table-previous = Précédente
table-rows = Lignes { $from }–{ $to } sur { $total }
table-select_all_matching = Sélectionner les { $count } lignes correspondantes
data-failed_on_connection = Sa connexion { $name } est en échec
