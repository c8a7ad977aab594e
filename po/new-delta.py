# French for the 'what changed' strings (issue 17 point 3); applied by
# /work/tools/pofix.py po/fr.po po/new-delta.py at merge.
T = {
    "not a fourw report (fourw report --format csv): the header stops before '%s'":
        'pas un rapport fourw (fourw report --format csv) : l’en-tête s’arrête avant « %s »',
    "not a fourw report (fourw report --format csv): expected column '%s', found '%s'":
        'pas un rapport fourw (fourw report --format csv) : colonne « %s » attendue, « %s » trouvée',
    "not a fourw report (fourw report --format csv): a column after '%s'":
        'pas un rapport fourw (fourw report --format csv) : une colonne après « %s »',
    "expected a whole number, got '%s'":
        'nombre entier attendu, « %s » trouvé',
    "region code '%s' is not a region of this plan (config.ini)":
        'le code de région « %s » n’est pas une région de ce plan (config.ini)',
    "intervention type code '%s' is not a type of this plan (config.ini)":
        'le code de type d’intervention « %s » n’est pas un type de ce plan (config.ini)',
    'expected %d columns as the header has, found %zu':
        '%d colonnes attendues comme dans l’en-tête, %zu trouvées',
    'this region and type were given on an earlier line':
        'cette région et ce type figurent déjà sur une ligne précédente',
    'not a line a fourw report writes':
        'pas une ligne qu’écrit un rapport fourw',
    '%s: empty: not a fourw report (fourw report --format csv)':
        '%s : vide : pas un rapport fourw (fourw report --format csv)',
    'figures as they stand':
        'les chiffres tels quels',
    'no earlier month in the sheets to compare with':
        'aucun mois antérieur dans les feuilles pour comparer',
    '%s: each figure shows its change (d: back to the figures)':
        '%s : chaque chiffre montre son évolution (d : retour aux chiffres)',
    'Δ since %s':
        'Δ depuis %s',
    'partners %lld → %lld':
        'acteurs %lld → %lld',
    'new %s':
        'nouveau %s',
    'no more %s':
        'plus de %s',
    'gap closed: %s':
        'lacune fermée : %s',
    'nothing changed':
        'rien n’a changé',
    'Trend':
        'Évol.',
    'Δ reached':
        'Δ atteints',
    'Δ pts':
        'Δ pts',
    'Δ partn.':
        'Δ acteurs',
    "what changed: each figure's change since the previous month (or --compare FILE)":
        'ce qui a changé : l’évolution de chaque chiffre depuis le mois précédent (ou --compare FICHIER)',
    '--compare adds a section to text or md; the CSV report keeps its columns':
        '--compare ajoute une section au texte ou au md ; le rapport CSV garde ses colonnes',
    'reached %s → %s':
        'atteints %s → %s',
    'new gap: %s (%s)':
        'nouvelle lacune : %s (%s)',
    '\n## What changed since %s\n\n':
        '\n## Ce qui a changé depuis %s\n\n',
    '\nWhat changed since %s\n':
        '\nCe qui a changé depuis %s\n',
    'what changed (key d) against a saved report instead of the previous month:\n  --compare FILE      FILE: an earlier fourw report --format csv\n':
        'ce qui a changé (touche d) par rapport à un rapport enregistré plutôt qu’au mois précédent :\n  --compare FICHIER     FICHIER : un fourw report --format csv antérieur\n',
    '--compare FILE adds what changed since FILE, a report saved earlier with\n--format csv (text and md; the CSV report keeps its columns).\n':
        '--compare FICHIER ajoute ce qui a changé depuis FICHIER, un rapport enregistré\nauparavant avec --format csv (texte et md ; le rapport CSV garde ses colonnes).\n',
}
