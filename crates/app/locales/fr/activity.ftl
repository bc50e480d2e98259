# activity: message ids are the app's keys with "." written as "-".
activity-count = { $shown } événements sur { $total }
activity-download_failed = Le navigateur a refusé le téléchargement. Réessayez ou autorisez les téléchargements pour cette page.
activity-downloaded =
    { $count ->
        [one] { $count } événement téléchargé au format CSV.
       *[other] { $count } événements téléchargés au format CSV.
    }
activity-export_csv = Télécharger en CSV
activity-filter-any_object = Tout objet
activity-filter-any_user = Tout le monde
activity-filter-object = Objet
activity-filter-object_name = Le nom de l’objet contient
activity-filter-user = Utilisateur
activity-filters = Filtrer l’activité
activity-intro = Tout ce qui a été fait dans cet espace, du plus récent au plus ancien : qui, avec quel rôle, sur quoi et quand. Les secrets n’y figurent jamais.
activity-object_type = Type d’objet
activity-role = Rôle
activity-show_older = Afficher les événements plus anciens
