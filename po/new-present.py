# French for the presentation mode and the --present option (helper "present").
_USAGE_EN_HEAD = (
    "usage: fourw [-c FILE] [options] [SHEET|DIR]...        the meeting screen\n"
    "       fourw [-c FILE] check  [options] [SHEET|DIR]... problems in the sheets\n"
    "       fourw [-c FILE] report [options] [SHEET|DIR]... figures for the minutes\n"
    "       fourw [-c FILE] gaps   [options] [SHEET|DIR]... the gap flags\n"
    "       fourw help [check|report|gaps]                  a command's options\n"
    "global options (before the command, as in git):\n"
    "  -c, --config FILE   config.ini to use; without it the first found of\n"
    "                      $FOURW_CONFIG, ./config.ini, $XDG_CONFIG_HOME/fourw/config.ini\n"
    "                      (~/.config/fourw/config.ini) and the installed copy.  Also\n"
    "                      accepted after the command; given both, the later one wins\n"
    "  --lang fr|en        the language of the screen, reports and messages; without\n"
    "                      it config.ini's [ui] language, else the locale (LANG...)\n"
    "  -h, --help          this help (before a command: the command's help)\n"
    "  --version           the version\n"
    "options of the screen (not of the commands):\n"
    "  --theme NAME        dark (default), light (projectors) or mono\n"
    "  --no-color          monochrome (so does NO_COLOR)\n"
    "  --ascii             ASCII lines and bars (automatic outside UTF-8 locales)\n")
_USAGE_EN_TAIL = (
    "  --help-keys         print the keys as a Markdown table\n"
    "  --max-keys N        exit after N keys (tests)\n"
    "Every command, option, key and config.ini key: man fourw\n")
_USAGE_FR_HEAD = (
    "usage : fourw [-c FICHIER] [options] [FEUILLE|DOSSIER]...         l’écran de réunion\n"
    "        fourw [-c FICHIER] check  [options] [FEUILLE|DOSSIER]... problèmes des feuilles\n"
    "        fourw [-c FICHIER] report [options] [FEUILLE|DOSSIER]... chiffres du compte rendu\n"
    "        fourw [-c FICHIER] gaps   [options] [FEUILLE|DOSSIER]... les alertes de lacunes\n"
    "        fourw help [check|report|gaps]                           options d’une commande\n"
    "options globales (avant la commande, comme dans git) :\n"
    "  -c, --config FICHIER  config.ini à utiliser ; sans elle, le premier trouvé de\n"
    "                        $FOURW_CONFIG, ./config.ini, $XDG_CONFIG_HOME/fourw/config.ini\n"
    "                        (~/.config/fourw/config.ini) et la copie installée.  Acceptée\n"
    "                        aussi après la commande ; donnée deux fois, la dernière l’emporte\n"
    "  --lang fr|en          la langue de l’écran, des rapports et des messages ; sans\n"
    "                        elle [ui] language de config.ini, sinon la locale (LANG...)\n"
    "  -h, --help            cette aide (avant une commande : l’aide de la commande)\n"
    "  --version             la version\n"
    "options de l’écran (pas des commandes) :\n"
    "  --theme NOM           dark (par défaut), light (projecteurs) ou mono\n"
    "  --no-color            monochrome (NO_COLOR aussi)\n"
    "  --ascii               lignes et barres ASCII (automatique hors des locales UTF-8)\n")
_USAGE_FR_TAIL = (
    "  --help-keys           écrit les touches en tableau Markdown\n"
    "  --max-keys N          s’arrête après N touches (tests)\n"
    "Chaque commande, option, touche et clé de config.ini : man fourw\n")

T = {
    _USAGE_EN_HEAD +
    "  --present [SECONDS] open in the presentation: the key figures, then each\n"
    "                      region with need, SECONDS (default 20) each; S toggles it\n"
    + _USAGE_EN_TAIL:
    _USAGE_FR_HEAD +
    "  --present [SECONDES] ouvre la présentation : les chiffres clés, puis chaque\n"
    "                        région avec besoin, SECONDES (20 par défaut) chacune ; S bascule\n"
    + _USAGE_FR_TAIL,
    "fourw: --present: expected seconds from 1 to 3600, got '%s'\n":
        "fourw : --present : secondes de 1 à 3600 attendues, « %s » reçu\n",
    "presentation: the key figures, then each region with need, in turn":
        "présentation : les chiffres clés, puis chaque région avec besoin, tour à tour",
    "People reached": "Personnes atteintes",
    "Coverage of need": "Couverture du besoin",
    "no partner": "aucun acteur",
    "+ %d more flag (G lists them all)": ["+ %d autre alerte (G les liste toutes)",
                                          "+ %d autres alertes (G les liste toutes)"],
    "The whole plan": "Le plan entier",
    " paused ": " en pause ",
    "Presentation": "Présentation",
    "[ ] step": "[ ] pas à pas",
    "a key resumes": "une touche reprend",
    "a key pauses": "une touche met en pause",
    "Esc back to the tables": "Échap retour aux tableaux",
    "q quits": "q quitte",
    "Next, the regions with need:": "Ensuite, les régions avec besoin :",
    "%s: %s": "%s : %s",
    "%s: coverage low (figures masked)": "%s : couverture faible (chiffres masqués)",
    "%s: above its target (figures masked)": "%s : au-delà de sa cible (chiffres masqués)",
    "%s: above its need (figures masked)": "%s : au-delà de son besoin (chiffres masqués)",
}
