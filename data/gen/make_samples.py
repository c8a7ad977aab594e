#!/usr/bin/env python3
"""make_samples.py -- writes the ILLUSTRATIVE partner 4W sheets of data/sheets/
and data/README.md.

    python3 data/gen/make_samples.py          # from the project root (or anywhere)

Standard library only.  Deterministic: a fixed seed, and only
random.Random.random() is used (its Mersenne Twister output is stable across
Python versions), so the same script always writes the same bytes.

NONE OF THIS IS REAL PARTNER DATA.  Partner, region, cercle and commune names
and p-codes are real (domain.md sections 3-4); every activity and every number
is made up to look like a Mali child-protection 4W for January-April 2024.

How the data are made
---------------------
* WORK below says which partner works in which cercle on which intervention
  types, and which type is the largest in each cercle.  Each region gets a
  target for its reach "without double counting" (DESIGN.md rule 6: for each
  cercle the largest type, added up), split over its cercles by weight.  In a
  cercle the dominant type's lines share the cercle's figure; all other types
  together get 14-26 % of it, so the simple sum stays about 1.2 x the dedup
  figure.
* Each (partner, cercle, type) gets one to four activity lines, each with a
  unique activity text.  A line is reported every month from its start month
  to its last month, CUMULATIVELY (each report restates the year so far), so
  its figures grow month to month and the last month holds the final figure.
* The planted problems (see PLANTED in data/README.md) are added as separate
  rows or edits, and the script asserts the properties the gap rules rely on
  (coverage bands, only one concentration, one stale partner, Menaka without
  GC/ENA...).
* The expected figures in data/README.md are computed here from the rows as
  intended (not by reading the files back, and never by running fourw).
"""

import calendar
import collections
import datetime
import os
import random
import unicodedata

SEED = 20240430
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
SHEETS = os.path.join(DATA, "sheets")

_rng = random.Random(SEED)


def rnd():
    return _rng.random()


def randint(a, b):
    return a + int(rnd() * (b - a + 1))


def uniform(a, b):
    return a + (b - a) * rnd()


def choice(seq):
    return seq[int(rnd() * len(seq))]


def sample(seq, k):
    pool = list(seq)
    out = []
    for _ in range(k):
        out.append(pool.pop(int(rnd() * len(pool))))
    return out


# ---------------------------------------------------------------------------
# Places: old-system p-codes (domain.md section 4.1-4.2).  Communes are real
# communes of each cercle.
REGIONS = collections.OrderedDict([
    ("ML01", "Kayes"), ("ML02", "Koulikoro"), ("ML03", "Sikasso"),
    ("ML04", "Ségou"), ("ML05", "Mopti"), ("ML06", "Tombouctou"),
    ("ML07", "Gao"), ("ML08", "Kidal"), ("ML09", "Bamako"), ("ML10", "Ménaka"),
])
# The regional figures of data/regional_figures.csv (illustrative too, kept
# by hand there); copied here because they steer the generator: Gao 70-90 %
# of its target, Mopti 30-40 %, Kayes and Sikasso under 10 %, Bamako above
# its target but under its need, every other region under its target.
IN_NEED = {"ML01": 60000, "ML02": 90000, "ML03": 75000, "ML04": 150000,
           "ML05": 300000, "ML06": 190000, "ML07": 175000, "ML08": 61000,
           "ML09": 104000, "ML10": 95000}
TARGETS = {"ML01": 30000, "ML02": 50000, "ML03": 40000, "ML04": 95000,
           "ML05": 190000, "ML06": 120000, "ML07": 110000, "ML08": 35000,
           "ML09": 70000, "ML10": 60000}
assert sum(IN_NEED.values()) == 1300000 and sum(TARGETS.values()) == 800000

CERCLES = {
    "ML0103": ("Kayes", ["Kayes", "Sadiola", "Logo", "Kéméné Tambo"]),
    "ML0106": ("Nioro", ["Nioro", "Diaye Coura", "Gavinané"]),
    "ML0201": ("Banamba", ["Banamba", "Boron", "Madina Sacko"]),
    "ML0204": ("Kati", ["Kati", "Kalaban-Coro", "Mandé", "Ouéléssébougou", "Baguineda-Camp"]),
    "ML0205": ("Kolokani", ["Kolokani", "Massantola", "Nossombougou"]),
    "ML0206": ("Koulikoro", ["Koulikoro", "Tienfala", "Dinandougou", "Méguétan"]),
    "ML0301": ("Bougouni", ["Bougouni", "Garalo"]),
    "ML0304": ("Koutiala", ["Koutiala", "M'Pessoba"]),
    "ML0305": ("Sikasso", ["Sikasso", "Kléla", "Zangaradougou"]),
    "ML0403": ("Macina", ["Macina", "Kolongo", "Monimpébougou", "Saloba"]),
    "ML0404": ("Niono", ["Niono", "Diabaly", "Dogofry", "Sokolo", "Pogo", "Nampala"]),
    "ML0405": ("San", ["San", "Tène", "Sy"]),
    "ML0406": ("Ségou", ["Ségou", "Pelengana", "Sébougou", "Markala", "Cinzana"]),
    "ML0407": ("Tominian", ["Tominian", "Mafouné", "Timissa"]),
    "ML0501": ("Bandiagara", ["Bandiagara", "Sangha", "Dourou", "Kendié", "Wadouba", "Pignari"]),
    "ML0502": ("Bankass", ["Bankass", "Diallassagou", "Kani-Bonzon", "Ségué", "Sokoura"]),
    "ML0503": ("Djenné", ["Djenné", "Fakala", "Ouro-Ali", "Pondori"]),
    "ML0504": ("Douentza", ["Douentza", "Haïré", "Mondoro", "Hombori", "Dallah"]),
    "ML0505": ("Koro", ["Koro", "Dinangourou", "Dioungani", "Madougou", "Bondo"]),
    "ML0506": ("Mopti", ["Mopti", "Socoura", "Fatoma", "Konna", "Sio"]),
    "ML0507": ("Ténenkou", ["Ténenkou", "Toguéré-Coumbé", "Diafarabé", "Diondori"]),
    "ML0508": ("Youwarou", ["Youwarou", "Dongo", "Deboye"]),
    "ML0601": ("Diré", ["Diré", "Tienkour", "Haïbongo", "Arham"]),
    "ML0602": ("Goundam", ["Goundam", "Tonka", "Douékiré", "Raz-El-Ma"]),
    "ML0603": ("Gourma-Rharous", ["Gourma-Rharous", "Gossi", "Bambara-Maoudé", "Hamzakoma"]),
    "ML0604": ("Niafunké", ["Niafunké", "Léré", "Soboundou", "Soumpi"]),
    "ML0605": ("Tombouctou", ["Tombouctou", "Alafia", "Ber", "Bourem-Inaly", "Salam"]),
    "ML0701": ("Ansongo", ["Ansongo", "Bara", "Ouattagouna", "Talataye", "Tessit"]),
    "ML0702": ("Bourem", ["Bourem", "Bamba", "Taboye", "Téméra"]),
    "ML0703": ("Gao", ["Gao", "Sony Aliber", "Gounzoureye", "N'Tillit", "Anchawadi"]),
    "ML0901": ("Bamako", ["Commune I", "Commune II", "Commune III", "Commune IV",
                          "Commune V", "Commune VI"]),
    "ML1001": ("Ménaka", ["Ménaka", "Alata", "Anderamboukane", "Inékar", "Tidermène"]),
}


def region_of(cercle_code):
    return cercle_code[:4]


# ---------------------------------------------------------------------------
# Partners.  key -> (file, organisation, implementing partner).  Rule 3: the
# partner that counts is the implementing partner where given, else the org.
PARTNERS = {
    "AVS": ("unicef_en", "UNICEF", "AVS-Mali"),
    "COOPI": ("unicef_en", "UNICEF", "COOPI"),
    "GAAS": ("unicef_en", "UNICEF", "GAAS-Mali"),
    "SOLISA": ("unicef_en", "UNICEF", "SOLISA"),
    "ACESEM": ("unicef_en", "UNICEF", "ACESEM"),
    "SAMU": ("unicef_en", "UNICEF", "Samusocial Mali"),
    "ENDA": ("unicef_en", "UNICEF", "ENDA Mali"),
    "WVI": ("unicef_en", "UNICEF", "World Vision"),
    "EDUCO": ("unicef_en", "UNICEF", "EDUCO"),
    "UNICEF": ("unicef_en", "UNICEF", ""),
    "IRC": ("irc_fr", "IRC", ""),
    "DRC": ("drc_hxl", "DRC", "DRC"),
    "PLAN": ("plan_excel_fr", "Plan International", ""),
    "TDH": ("tdh_title", "Terre des hommes Lausanne", ""),
    "SCI": ("sci_tab", "Save the Children", ""),
}


def partner_name(key):
    _, org, ip = PARTNERS[key]
    return ip or org


STALE = "ENDA"   # reports January only

# ---------------------------------------------------------------------------
# Who works where.  region -> (dedup target, [(cercle or None for a
# region-wide line, dominant type, weight, [(partner, [types])])]).
WORK = collections.OrderedDict([
    ("ML01", (1900, [
        ("ML0103", "SENS", 1.2, [("WVI", ["GC", "ENA", "SENS"]), ("SCI", ["PSS"])]),
        ("ML0106", "SENS", 0.8, [("WVI", ["SENS", "GC"]), ("SCI", ["ENA"])]),
    ])),
    ("ML02", (17000, [
        ("ML0204", "SENS", 1.5, [("ENDA", ["PSS", "SENS"]), ("EDUCO", ["SENS", "GC", "EC"]),
                                 ("TDH", ["GC", "ENA", "PSS"])]),
        ("ML0206", "EC", 1.0, [("EDUCO", ["EC", "PAR"]), ("SCI", ["GC", "ENA", "PSS"])]),
        ("ML0201", "SENS", 0.7, [("SCI", ["SENS", "ENA"])]),
        ("ML0205", "SENS", 0.6, [("EDUCO", ["SENS"])]),
    ])),
    ("ML03", (1700, [
        ("ML0305", "SENS", 1.0, [("WVI", ["SENS", "GC", "ENA"])]),
        ("ML0304", "SENS", 0.8, [("SCI", ["SENS", "EC"])]),
        ("ML0301", "GC", 0.3, [("WVI", ["GC"])]),
    ])),
    ("ML04", (38000, [
        ("ML0404", "EREE", 1.4, [("COOPI", ["EREE", "PSS"]), ("IRC", ["GC", "ENA", "PSS"]),
                                 ("SCI", ["EAFGA", "EREE"])]),
        ("ML0403", "PSS", 1.0, [("AVS", ["PSS", "EAE"]), ("IRC", ["GC", "VBG"]),
                                ("PLAN", ["SENS", "ENA"])]),
        ("ML0406", "SENS", 1.1, [("TDH", ["GC", "ENA", "PSS"]), ("PLAN", ["SENS", "VBG", "EC"])]),
        ("ML0405", "SENS", 0.8, [("PLAN", ["SENS", "EC"]), ("COOPI", ["PSS"])]),
        ("ML0407", "SENS", 0.5, [("SCI", ["SENS", "PAR"])]),
    ])),
    ("ML05", (64000, [
        ("ML0501", "PSS", 1.6, [("AVS", ["PSS", "EAE", "GC"]), ("IRC", ["PSS", "GC", "ENA"]),
                                ("PLAN", ["PSS", "SENS"]), ("TDH", ["PSS", "EAFGA"])]),
        ("ML0502", "SENS", 1.0, [("PLAN", ["SENS", "EAE", "VBG"]), ("DRC", ["PSS", "ENA"])]),
        ("ML0503", "SENS", 0.6, [("COOPI", ["SENS", "PSS"]), ("SCI", ["GC"])]),
        ("ML0504", "PSS", 1.2, [("DRC", ["PSS", "GC", "ENA", "EREE"]), ("SCI", ["EAE", "SENS"])]),
        ("ML0505", "SENS", 0.9, [("IRC", ["PSS", "SENS"]), ("TDH", ["GC", "EAFGA"])]),
        ("ML0506", "EAE", 1.1, [("AVS", ["EAE", "PSS"]), ("SCI", ["GC", "ENA", "REF"]),
                                ("COOPI", ["SENS"])]),
        ("ML0507", "SENS", 0.5, [("IRC", ["SENS", "ENA"])]),
        ("ML0508", "SENS", 0.5, [("DRC", ["SENS", "PSS"])]),
    ])),
    ("ML06", (60000, [
        ("ML0605", "PSS", 1.4, [("SOLISA", ["PSS", "EAE", "GC"]), ("SCI", ["ENA", "EC", "SENS"])]),
        ("ML0601", "SENS", 0.7, [("ACESEM", ["SENS", "PSS"])]),
        ("ML0602", "PSS", 0.9, [("DRC", ["PSS", "GC", "ENA"]), ("PLAN", ["SENS", "VBG"])]),
        ("ML0603", "PSS", 1.0, [("IRC", ["PSS", "GC", "ENA", "EAFGA"]), ("SOLISA", ["SENS"])]),
        ("ML0604", "SENS", 0.8, [("PLAN", ["SENS", "EC"]), ("DRC", ["EREE"])]),
        (None, "SENS", 0.5, [("SCI", ["SENS"])]),
    ])),
    ("ML07", (80000, [
        ("ML0703", "SENS", 1.4, [("GAAS", ["SENS", "PSS"]), ("IRC", ["GC", "ENA", "PSS"]),
                                 ("SCI", ["EAE", "EC"])]),
        ("ML0701", "PSS", 1.0, [("ACESEM", ["PSS", "EAE"]), ("DRC", ["GC", "ENA", "EREE", "SENS"])]),
        ("ML0702", "PSS", 0.8, [("DRC", ["PSS", "SENS"]), ("IRC", ["GC", "EAFGA", "ENA"])]),
    ])),
    ("ML09", (78000, [
        ("ML0901", "SENS", 1.0, [("SAMU", ["GC", "ENA", "PSS"]), ("ENDA", ["SENS"]),
                                 ("UNICEF", ["RC"]), ("TDH", ["SENS", "PSS", "PAR"]),
                                 ("SCI", ["EC", "REF"])]),
    ])),
    ("ML10", (18000, [
        ("ML1001", "SENS", 1.0, [("GAAS", ["SENS"]), ("DRC", ["PSS", "SENS"]), ("IRC", ["PSS"])]),
    ])),
])

TYPE_ORDER = ["GC", "PSS", "EAE", "ENA", "EAFGA", "VBG", "EREE", "EC", "SENS", "RC", "PAR",
              "REF", "AUTRE"]

TYPE_BASE = {"GC": 1.0, "ENA": 0.8, "PSS": 2.0, "EAE": 1.5, "EAFGA": 0.5, "VBG": 1.2,
             "EREE": 1.2, "EC": 1.2, "SENS": 2.5, "RC": 0.4, "PAR": 0.8, "REF": 0.5}

# share of girls, boys, women, men
PROFILE = {
    "PSS": (0.36, 0.34, 0.18, 0.12), "GC": (0.5, 0.5, 0, 0), "ENA": (0.45, 0.55, 0, 0),
    "EAE": (0.5, 0.5, 0, 0), "EAFGA": (0.12, 0.88, 0, 0), "VBG": (0.55, 0.05, 0.35, 0.05),
    "EREE": (0.3, 0.35, 0.2, 0.15), "EC": (0.5, 0.5, 0, 0), "SENS": (0.25, 0.23, 0.3, 0.22),
    "RC": (0, 0, 0.45, 0.55), "PAR": (0, 0, 0.65, 0.35), "REF": (0.5, 0.5, 0, 0),
}

# How each file writes each intervention type (resolved by code, label or
# keyword of domain.md table D -- checked by check_type_strings below).
TYPE_TEXT = {
    "unicef_en": {"GC": "Case management", "PSS": "Psychosocial support",
                  "EAE": "Child-friendly spaces", "ENA": "Family tracing and reunification",
                  "SENS": "Awareness raising", "RC": "Capacity building / training",
                  "EC": "Birth registration", "EREE": "Mine risk education (MRE)",
                  "PAR": "Positive parenting / parent groups"},
    "irc_fr": {"GC": "Gestion de cas", "PSS": "Soutien psychosocial", "ENA": "ENA/ES",
               "VBG": "Prévention VBG / mariage d'enfants", "EAFGA": "EAFGA",
               "SENS": "Sensibilisation"},
    "drc_hxl": {"GC": "GC", "PSS": "PSS", "ENA": "ENA", "SENS": "SENS", "EREE": "EREE"},
    "plan_excel_fr": {"SENS": "Sensibilisation communautaire", "EAE": "EAE",
                      "ENA": "Prise en charge des ENA", "VBG": "VBG / mariage précoce",
                      "EC": "Acte de naissance / état civil", "PSS": "Soutien psychosocial"},
    "tdh_title": {"GC": "GC", "PSS": "Soutien psychosocial", "ENA": "ENA",
                  "EAFGA": "Réintégration EAFGA", "SENS": "Sensibilisation",
                  "PAR": "Parentalité positive"},
    "sci_tab": {"GC": "Case management", "PSS": "MHPSS", "ENA": "UASC - family tracing and reunification",
                "EC": "Birth registration", "SENS": "Awareness raising",
                "EAFGA": "CAAFAG reintegration", "EREE": "Risk education (mines, UXO)",
                "PAR": "Parent support groups", "EAE": "Child friendly spaces",
                "REF": "Referral to services"},
}
UNKNOWN_TYPE_TEXT = "Appui scolaire"

FILE_LANG = {"unicef_en": "en", "sci_tab": "en", "irc_fr": "fr", "drc_hxl": "fr",
             "plan_excel_fr": "fr", "tdh_title": "fr"}

ACTIVITIES = {
    "fr": {
        "PSS": ["Séances de soutien psychosocial en groupe", "Activités récréatives et psychosociales",
                "Premiers secours psychologiques aux enfants déplacés", "Groupes de parole pour adolescents",
                "Séances PSS avec les parents et donneurs de soins", "Accompagnement psychosocial en milieu scolaire"],
        "GC": ["Prise en charge individuelle des enfants à risque", "Gestion de cas – suivi des enfants vulnérables",
               "Évaluation de l’intérêt supérieur et plan de cas", "Visites à domicile et suivi de cas",
               "Gestion de cas des enfants en situation de rue"],
        "ENA": ["Identification et documentation des ENA/ES", "Recherche familiale et réunification",
                "Placement en famille d'accueil transitoire (FAT)", "Suivi post-réunification",
                "Prise en charge alternative en centre de transit"],
        "EAE": ["Animation d'EAE fixes", "EAE mobiles dans les sites de déplacés",
                "Activités ludiques et éducatives en EAE", "Appui aux animateurs d'EAE",
                "EAE dans les écoles d'accueil", "Kits récréatifs et animation en EAE"],
        "EAFGA": ["Prise en charge transitoire des EAFGA",
                  "Réinsertion socio-économique des enfants sortis des groupes armés",
                  "Formation professionnelle des adolescents sortis des GA"],
        "VBG": ["Causeries sur le mariage d'enfants", "Prévention des VBG auprès des adolescentes",
                "Dialogues communautaires sur les MGF et le mariage précoce",
                "Campagne \"Zéro mariage d’enfants\"", "Clubs d'adolescentes contre le mariage précoce"],
        "EREE": ["Séances d'éducation aux risques des engins explosifs", "EREE dans les écoles",
                 "Formation de relais communautaires en EREE", "EREE sur les marchés hebdomadaires"],
        "EC": ["Appui à l'établissement d'actes de naissance", "Audiences foraines pour jugements supplétifs",
               "Enregistrement des naissances au centre d'état civil",
               "Appui aux centres d'état civil secondaires", "Recensement des enfants sans acte de naissance"],
        "SENS": ["Sensibilisation communautaire sur la protection de l'enfant", "Causeries éducatives par les RECOPE",
                 "Émissions radio sur la protection de l'enfant", "Clubs d'enfants et d'adolescents",
                 "Sensibilisation porte-à-porte", "Théâtre forum sur les droits de l'enfant",
                 "Mobilisation communautaire avec les leaders religieux", "Projections vidéo et débats"],
        "RC": ["Formation des travailleurs sociaux", "Formation des membres des RECOPE",
               "Formation des agents de santé communautaire"],
        "PAR": ["Sessions de parentalité positive", "Groupes de soutien aux parents",
                "Visites à domicile sur la discipline positive"],
        "REF": ["Référencement vers les services de santé", "Orientation vers l'éducation et la formation"],
    },
    "en": {
        "PSS": ["Group psychosocial support sessions", "Recreational and psychosocial activities",
                "Psychological first aid for displaced children", "Adolescent support groups",
                "PSS sessions with parents and caregivers", "School-based psychosocial support"],
        "GC": ["Individual case management of children at risk", "Case follow-up and home visits",
               "Best interests assessment and case plans", "Case conferences with social services",
               "Case management for children living on the street"],
        "ENA": ["Identification and documentation of UASC", "Family tracing and reunification",
                "Interim care in foster families", "Follow-up after reunification",
                "Alternative care in transit centres"],
        "EAE": ["Fixed child-friendly spaces", "Mobile child-friendly spaces in IDP sites",
                "Play and learning in child-friendly spaces",
                "Recreation kits and animators for child-friendly spaces"],
        "EAFGA": ["Interim care for CAAFAG", "Reintegration support for children released from armed groups"],
        "EREE": ["Explosive ordnance risk education sessions", "Risk education in schools",
                 "Training of community focal points on EORE", "Risk education at weekly markets"],
        "EC": ["Support to birth certificates", "Mobile court hearings for late birth registration",
               "Birth registration at civil registry centres",
               "Identification of children without birth certificates"],
        "SENS": ["Community awareness on child protection", "Radio programmes on child protection",
                 "Child and adolescent clubs", "Door-to-door awareness",
                 "Community dialogues with CBCPM", "Awareness sessions in schools",
                 "Community mobilisation with religious leaders", "Awareness campaign \"Protect every child\""],
        "RC": ["Training of social workers", "Training of community child protection committees"],
        "PAR": ["Positive parenting sessions", "Parent support groups",
                "Home visits on positive discipline"],
        "REF": ["Referral to health services", "Referral to education and livelihoods",
                "Referral to specialised services"],
    },
}
# DRC writes some activity texts with commas (quoted in the CSV).
DRC_EXTRA = {
    "PSS": ["Séances PSS en groupe, jeux et dessins", "Écoute, counselling et activités récréatives"],
    "SENS": ["Causeries, théâtre forum et projections vidéo", "Sensibilisation sur les mines, les VBG et le recrutement"],
    "ENA": ["Identification, documentation et recherche familiale"],
    "GC": ["Évaluation, plan de cas et suivi"],
    "EREE": ["EREE auprès des enfants, parents et enseignants"],
}
DRC_NEWLINE_ACTIVITY = "Recherche familiale et réunification,\ncas transfrontaliers (Niger)"

MONTHS_FR = ["janvier", "février", "mars", "avril"]
MONTHS_EN3 = ["Jan", "Feb", "Mar", "Apr"]
LAST_MONTH = 4


# ---------------------------------------------------------------------------
# Folding and type resolution, as text.h / itype.h describe them, used only to
# check that every type string above resolves to exactly the intended type.
TABLE_D = {
    "PSS": ["psychosocial", "pss", "smsps", "mhpss", "pfa", "premiers secours psychologiques"],
    "EAE": ["eae", "espace ami", "cfs", "child friendly", "espace securise"],
    "GC": ["gestion de cas", "case management", "prise en charge individuelle", "bia"],
    "ENA": ["ena", "es", "non accompagne", "separe", "uasc", "rechercher", "reunification",
            "ftr", "famille d'accueil", "fat"],
    "EAFGA": ["eafga", "caafag", "groupes armes", "forces armees", "reintegration", "ddr"],
    "VBG": ["mariage precoce", "mariage d'enfants", "vbg", "gbv", "mgf"],
    "EREE": ["eree", "mre", "engins explosifs", "reg", "mines", "eei", "uxo"],
    "EC": ["naissance", "etat civil", "acte de naissance", "birth registration"],
    "SENS": ["sensibilisation", "causerie", "recope", "club", "awareness", "iec"],
    "RC": ["formation", "renforcement des capacites", "training"],
    "PAR": ["parent", "parentalite", "famille"],
    "REF": ["referencement", "referral", "orientation"],
}


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("œ", "oe").replace("Œ", "OE"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    out = []
    for ch in s:
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def resolve_type(text):
    f = fold(text)
    for code in TABLE_D:
        if f == fold(code):
            return code
    hits = set()
    words = " " + f + " "
    for code, kws in TABLE_D.items():
        for kw in kws:
            if " " + fold(kw) + " " in words:
                hits.add(code)
    if len(hits) == 1:
        return hits.pop()
    return "AUTRE" if not hits else "AMBIGUOUS:" + ",".join(sorted(hits))


def check_type_strings():
    for fname, table in TYPE_TEXT.items():
        for code, text in table.items():
            got = resolve_type(text)
            assert got == code, (fname, code, text, got)
    assert resolve_type(UNKNOWN_TYPE_TEXT) == "AUTRE"


# ---------------------------------------------------------------------------
# Building the activity lines.
class Line:
    pass


def last_day(month):
    return calendar.monthrange(2024, month)[1]


def build_lines():
    lines = []
    for region, (dedup_target, places) in WORK.items():
        wsum = sum(p[2] for p in places)
        for cercle, dominant, weight, partners in places:
            place_size = dedup_target * weight / wsum
            others_total = place_size * uniform(0.14, 0.26)
            low = region in ("ML01", "ML03")
            place_lines = []
            for pkey, types in partners:
                fname = PARTNERS[pkey][0]
                lang = FILE_LANG[fname]
                for t in types:
                    if pkey == STALE:
                        n = randint(1, 2)
                    elif low:
                        n = randint(1, 3)
                    elif t == dominant:
                        n = randint(3, 5)
                    else:
                        n = randint(2, 3)
                    pool = list(ACTIVITIES[lang][t])
                    if fname == "drc_hxl":
                        pool = DRC_EXTRA.get(t, []) + pool
                    communes = CERCLES[cercle][1] if cercle else \
                        [CERCLES[c][1][0] for c in CERCLES if region_of(c) == region]
                    texts = sample(pool, min(n, len(pool)))
                    spots = []
                    for text in texts:
                        # the same activity in two communes: the commune goes
                        # into the text, so every line's text stays unique
                        if cercle and not low and pkey != STALE and rnd() < 0.45:
                            for com in sample(communes, 2):
                                sep = " – " if lang == "fr" else " - "
                                spots.append((text + sep + (com if lang == "fr" else ascii_fold(com)), com))
                        else:
                            spots.append((text, "" if cercle is None else choice(communes)))
                    for text, commune in spots:
                        ln = Line()
                        ln.pkey, ln.file, ln.lang = pkey, fname, lang
                        ln.region, ln.cercle, ln.itype = region, cercle, t
                        ln.commune = commune
                        ln.activity = text
                        ln.dominant = (t == dominant)
                        ln.weight = uniform(0.5, 1.5) * (1 if ln.dominant else TYPE_BASE[t])
                        place_lines.append(ln)
            dom = [l for l in place_lines if l.dominant]
            oth = [l for l in place_lines if not l.dominant]
            assert dom, (region, cercle)
            dw = sum(l.weight for l in dom)
            ow = sum(l.weight for l in oth) or 1
            for l in dom:
                l.size = place_size * l.weight / dw
            for l in oth:
                l.size = others_total * l.weight / ow
            lines.extend(place_lines)
    # months, dates, disaggregation
    for l in lines:
        if l.pkey == STALE:
            l.start, l.end = 1, 1
        else:
            r = rnd()
            l.start = 1 if r < 0.72 else (2 if r < 0.92 else 3)
            l.end = LAST_MONTH
            if l.start <= 2 and rnd() < 0.08:
                l.end = 3          # activity completed in March
        l.completed = l.end < LAST_MONTH and l.pkey != STALE
        if l.start == 1:
            l.start_date = choice([(2023, 10, 1), (2023, 7, 1), (2024, 1, 1), (2024, 1, 15)])
        else:
            l.start_date = (2024, l.start, randint(1, 20))
        if l.completed:
            l.end_date = (2024, l.end, randint(20, last_day(l.end)))
        else:
            l.end_date = choice([(2024, 12, 31), (2024, 12, 31), (2024, 9, 30), (2024, 6, 30)])
        prof = PROFILE[l.itype]
        jit = [max(0.0, p + (uniform(-0.03, 0.03) if p else 0)) for p in prof]
        tot = sum(jit)
        size = max(l.size, 14)
        l.final = [int(round(size * p / tot)) if p else 0 for p in jit]
        n = l.end - l.start + 1
        l.fracs = [(k - uniform(0.0, 0.35)) / n for k in range(1, n)] + [1.0]
    # The embedded-newline activity (DRC, Ansongo, ENA).
    for l in lines:
        if l.pkey == "DRC" and l.cercle == "ML0701" and l.itype == "ENA":
            l.activity = DRC_NEWLINE_ACTIVITY
            break
    else:
        raise AssertionError("no DRC ENA line in Ansongo")
    return lines


# ---------------------------------------------------------------------------
# Rows: one per line per month, plus the planted rows.
class Row:
    pass


def expand(lines):
    rows = []
    for l in lines:
        for i, m in enumerate(range(l.start, l.end + 1)):
            r = Row()
            r.line = l
            r.file, r.pkey = l.file, l.pkey
            r.org, r.ip = PARTNERS[l.pkey][1], PARTNERS[l.pkey][2]
            r.partner = partner_name(l.pkey)
            r.region, r.cercle, r.commune = l.region, l.cercle, l.commune
            r.itype, r.type_text = l.itype, TYPE_TEXT[l.file][l.itype]
            r.activity = l.activity
            r.month = m
            r.status = "completed" if (l.completed and m == l.end) else "ongoing"
            r.start_date, r.end_date = l.start_date, l.end_date
            f = l.fracs[i]
            r.counts = [0 if c == 0 else max(1, int(c * f)) for c in l.final]
            r.accepted = True
            r.planned = False
            r.total_override = None
            r.region_text = None      # set by the dialect writer unless planted
            r.cercle_text = None
            r.note = None
            rows.append(r)
    return rows


def planted_rows():
    out = []

    def mk(file, pkey, region, cercle, commune, itype, type_text, activity, counts,
           status="ongoing", month=4, accepted=True, planned=False, note=""):
        r = Row()
        r.line = None
        r.file, r.pkey = file, pkey
        r.org, r.ip = PARTNERS[pkey][1], PARTNERS[pkey][2]
        r.partner = partner_name(pkey)
        r.region, r.cercle, r.commune = region, cercle, commune
        r.itype, r.type_text, r.activity = itype, type_text, activity
        r.month, r.status = month, status
        r.start_date, r.end_date = (2024, 3, 1), (2024, 12, 31)
        r.counts = counts
        r.accepted, r.planned = accepted, planned
        r.total_override = None
        r.region_text = r.cercle_text = None
        r.note = note
        out.append(r)
        return r

    r = mk("irc_fr", "IRC", "ML04", "ML0404", "Diabaly", "GC", "Gestion de cas",
           "Gestion de cas – enfants déplacés de Diabaly", [23, 19, 0, 0], accepted=False,
           note="SEGU")
    r.region_text = "Segu"
    r = mk("irc_fr", "IRC", "ML04", "ML0604", "Léré", "SENS", "Sensibilisation",
           "Causeries communautaires sur la protection de l'enfant à Léré", [38, 34, 22, 16],
           note="CERCLE_NOT_IN_REGION")
    r.region_text, r.cercle_text = "Ségou", "Niafunké"
    r = mk("plan_excel_fr", "PLAN", "ML05", "ML0502", "Ségué", "EAE", "EAE",
           "Ouverture d’un EAE mobile à Ségué", [150, 140, 0, 0], status="planned",
           planned=True, note="PLANNED")
    r.start_date, r.end_date = (2024, 5, 1), (2024, 12, 31)
    mk("tdh_title", "TDH", "ML05", "ML0505", "Dinangourou", "AUTRE", UNKNOWN_TYPE_TEXT,
       "Kits scolaires pour enfants déplacés", [64, 57, 0, 0], note="UNKNOWN_TYPE")
    return out


def reached(r):
    return 0 if (r.planned or not r.accepted) else sum(r.counts)


# ---------------------------------------------------------------------------
# Writing the dialects.
def csv_field(s, delim):
    if any(ch in s for ch in (delim, '"', "\n", "\r")):
        return '"' + s.replace('"', '""') + '"'
    return s


def iso(d):
    return "%04d-%02d-%02d" % d


def dmy(d):
    return "%02d/%02d/%04d" % (d[2], d[1], d[0])


def excel_serial(d):
    return str((datetime.date(*d) - datetime.date(1899, 12, 30)).days)


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def fmt_en_number(n, r_is_big_quoted):
    if n >= 1000 and r_is_big_quoted:
        return "{:,}".format(n)
    return str(n)


NBSP = "\u00a0"


def fmt_fr_number(n, use_nbsp):
    if n < 1000:
        return str(n)
    s = "{:,}".format(n)
    return s.replace(",", NBSP if use_nbsp else " ")


DIALECTS = {
    "unicef_en": dict(
        path="unicef_en.csv", delim=",", eol="\n", enc="utf-8", bom=False,
        header=["Organization", "Implementing partner", "Region", "Region P-code", "Cercle",
                "Cercle P-code", "Commune", "Intervention type", "Activity", "Status",
                "Start date", "End date", "Reporting month", "Girls", "Boys", "Women", "Men",
                "Total reached"]),
    "irc_fr": dict(
        path="irc_fr.csv", delim=",", eol="\n", enc="utf-8", bom=True,
        header=["Organisation", "Partenaire de mise en oeuvre", "Région", "Cercle", "Commune",
                "Type d'intervention", "Activité", "Statut", "Date de début", "Date de fin",
                "Mois de rapportage", "Filles", "Garçons", "Femmes", "Hommes", "Total"]),
    "drc_hxl": dict(
        path="drc_hxl.csv", delim=",", eol="\n", enc="utf-8", bom=False,
        header=["Organisation", "Partenaire de mise en oeuvre", "Région", "Pcode région",
                "Cercle", "Pcode cercle", "Type d'intervention", "Activité", "Date de début",
                "Date de fin", "Statut", "Mois de rapportage", "Filles", "Garçons", "Femmes",
                "Hommes", "Total"],
        hxl=["#org+prog+name", "#org+impl+name", "#adm1+name", "#adm1+code", "#adm2+name",
             "#adm2+code", "#activity+type", "#activity+name", "#date+start", "#date+end",
             "#status", "#date+reported", "#reached+f+children", "#reached+m+children",
             "#reached+f+adults", "#reached+m+adults", "#reached+ind"]),
    "plan_excel_fr": dict(
        path="plan_excel_fr.csv", delim=";", eol="\r\n", enc="cp1252", bom=False,
        header=["Organisation", "Partenaire de mise en oeuvre", "Région", "Cercle", "Commune",
                "Type d'intervention", "Activité", "Statut", "Date de début", "Date de fin",
                "Mois de rapportage", "Filles", "Garçons", "Femmes", "Hommes", "Total"]),
    "tdh_title": dict(
        path="tdh_title.csv", delim=",", eol="\n", enc="utf-8", bom=False,
        title=["Matrice 4W – Protection de l'Enfant – Mali 2024",
               "Organisation : Terre des hommes Lausanne",
               "Données illustratives – ne sont pas des données réelles de partenaires",
               ""],
        header=["Organisation", "Région", "Cercle", "Commune", "Type d'intervention", "Activité",
                "Statut", "Date de début", "Date de fin", "Mois", "Filles", "Garçons", "Femmes",
                "Hommes", "Total"]),
    "sci_tab": dict(
        path="sci_tab.tsv", delim="\t", eol="\n", enc="utf-8", bom=False,
        header=["Organisation", "Region", "Cercle", "Commune", "Intervention type", "Activity",
                "Status", "Start date", "End date", "Reporting month", "Girls", "Boys", "Women",
                "Men", "Total"]),
}
FILE_ORDER = ["unicef_en", "irc_fr", "drc_hxl", "plan_excel_fr", "tdh_title", "sci_tab"]

STATUS_TEXT = {
    "en": {"ongoing": "Ongoing", "completed": "Completed", "planned": "Planned"},
    "fr": {"ongoing": "En cours", "completed": "Terminé", "planned": "Planifié"},
}


def region_text(fname, r):
    """How this file writes the region (variants planted deliberately)."""
    if r.region_text is not None:
        return r.region_text
    name = REGIONS[r.region]
    if fname == "unicef_en":
        return {"ML04": "Segou", "ML06": "Timbuktu", "ML10": "Menaka"}.get(r.region, name)
    if fname == "sci_tab":
        return {"ML04": "Segou", "ML06": "Timbuktu"}.get(r.region, ascii_fold(name))
    if fname == "irc_fr" and r.cercle == "ML0404":
        return "SEGOU"
    if fname == "drc_hxl" and r.region == "ML10":
        return "Menaka"
    return name


def cercle_text(fname, r):
    if r.cercle_text is not None:
        return r.cercle_text
    if r.cercle is None:
        return ""
    name = CERCLES[r.cercle][0]
    if FILE_LANG[fname] == "en":
        name = ascii_fold(name)
        if name == "Gourma-Rharous" and fname == "sci_tab":
            name = "Gourma Rharous"
    return name


def month_text(fname, m):
    if fname == "unicef_en":
        return "2024-%02d" % m
    if fname == "irc_fr":
        return "%s 2024" % MONTHS_FR[m - 1]
    if fname == "drc_hxl":
        return "2024-%02d-%02d" % (m, last_day(m))
    if fname == "plan_excel_fr":
        return "%02d/%02d/2024" % (last_day(m), m)
    if fname == "tdh_title":
        return "%02d/2024" % m
    if fname == "sci_tab":
        return "%s-24" % MONTHS_EN3[m - 1]
    raise KeyError(fname)


def sort_key(r):
    return (r.month, r.region, r.cercle or "", r.partner, TYPE_ORDER.index(r.itype), r.activity)


def render(fname, rows, mess):
    """Returns (text, [(row, physical line)], facts) for one file."""
    d = DIALECTS[fname]
    delim, eol = d["delim"], d["eol"]
    lang = FILE_LANG[fname]
    out_lines = []     # logical records (each may hold embedded newlines)
    facts = collections.defaultdict(list)
    if "title" in d:
        width = len(d["header"])
        for t in d["title"]:
            out_lines.append((None, csv_field(t, delim) + delim * (width - 1)))
    out_lines.append((None, delim.join(csv_field(h, delim) for h in d["header"])))
    if "hxl" in d:
        out_lines.append((None, delim.join(d["hxl"])))
    rows = sorted(rows, key=sort_key)
    blank_after = None
    if fname == "unicef_en":
        feb = [i for i, r in enumerate(rows) if r.month == 2]
        blank_after = feb[-1]
    for i, r in enumerate(rows):
        reg = region_text(fname, r)
        cer = cercle_text(fname, r)
        com = r.commune if lang == "fr" else ascii_fold(r.commune)
        status = STATUS_TEXT[lang][r.status]
        if fname == "tdh_title" and r.status == "completed":
            status = "Achevé"
        counts = list(r.counts)
        total = sum(counts)
        cells_n = []
        for j, c in enumerate(counts):
            if fname == "unicef_en":
                cells_n.append(fmt_en_number(c, mess.get(("bigq", id(r)), False)))
            elif fname == "plan_excel_fr":
                cells_n.append(fmt_fr_number(c, mess.get(("nbsp", id(r)), True)))
            else:
                cells_n.append(str(c))
        # missing-value markers only in zero adult cells; the total stays a number
        for j in (2, 3):
            if counts[j] == 0:
                marker = mess.get(("na", id(r), j))
                if marker is not None:
                    cells_n[j] = marker
                    facts["missing_marker"].append((r, marker, j))
        if r.total_override is not None:
            total = r.total_override
        if fname == "unicef_en":
            total_s = fmt_en_number(total, mess.get(("bigq", id(r)), False))
        elif fname == "plan_excel_fr":
            total_s = fmt_fr_number(total, mess.get(("nbsp", id(r)), True))
        else:
            total_s = str(total)
        if ("trail", id(r)) in mess:
            what = mess[("trail", id(r))]
            if what == "region":
                reg += " "
            facts["trailing_space"].append((r, what))
        type_text = r.type_text + (" " if mess.get(("trail", id(r))) == "type" else "")
        if fname == "tdh_title" and ("case", id(r)) in mess:
            reg = mess[("case", id(r))]
            facts["mixed_case"].append((r, reg))
        sd, ed = r.start_date, r.end_date
        if fname == "unicef_en":
            cells = [r.org, r.ip, reg, r.region, cer, r.cercle or "", com, type_text, r.activity,
                     status, iso(sd), iso(ed), month_text(fname, r.month)] + cells_n + [total_s]
        elif fname in ("irc_fr", "plan_excel_fr"):
            cells = [r.org, r.ip, reg, cer, com, type_text, r.activity, status, dmy(sd), dmy(ed),
                     month_text(fname, r.month)] + cells_n + [total_s]
        elif fname == "drc_hxl":
            cells = [r.org, r.ip, reg, r.region, cer, r.cercle or "", type_text, r.activity,
                     iso(sd), iso(ed), status, month_text(fname, r.month)] + cells_n + [total_s]
        elif fname == "tdh_title":
            cells = [r.org, reg, cer, com, type_text, r.activity, status, dmy(sd), dmy(ed),
                     month_text(fname, r.month)] + cells_n + [total_s]
        elif fname == "sci_tab":
            sds = excel_serial(sd) if ("serial", id(r)) in mess else iso(sd)
            if ("serial", id(r)) in mess:
                facts["excel_serial"].append((r, sds))
            cells = [r.org, reg, cer, com, type_text, r.activity, status, sds, iso(ed),
                     month_text(fname, r.month)] + cells_n + [total_s]
        out_lines.append((r, delim.join(csv_field(c, delim) for c in cells)))
        if i == blank_after:
            out_lines.append(("BLANK", ""))
    # physical line numbers
    placed = []
    lineno = 1
    for r, text in out_lines:
        if r == "BLANK":
            facts["blank_line"].append(lineno)
        elif r is not None:
            placed.append((r, lineno))
            if "\n" in text:
                facts["embedded_newline"].append((r, lineno))
            if '"' in text:
                facts["quoted"].append((r, lineno))
        lineno += 1 + text.count("\n")
    text = eol.join(t for _, t in out_lines) + eol
    if eol == "\r\n":
        # an embedded newline stays a bare LF inside quotes; none in this file
        assert "\n" not in "".join(t for _, t in out_lines)
    facts["physical_lines"] = lineno - 1
    return text, placed, facts


def choose_mess(rows):
    """Low-rate realistic mess, decided per row (deterministic)."""
    mess = {}
    for r in rows:
        if r.file == "unicef_en" and rnd() < 0.25:
            mess[("bigq", id(r))] = True
        if r.file == "plan_excel_fr":
            mess[("nbsp", id(r))] = rnd() < 0.8     # Excel writes NBSP; some typed spaces
        for j in (2, 3):
            if r.counts[j] == 0 and r.accepted and rnd() < 0.03:
                mess[("na", id(r), j)] = {"unicef_en": "N/A", "irc_fr": "-", "drc_hxl": "",
                                          "plan_excel_fr": "-", "tdh_title": "",
                                          "sci_tab": "N/A"}[r.file]
        if r.file in ("irc_fr", "tdh_title", "sci_tab") and r.note is None and rnd() < 0.015:
            mess[("trail", id(r))] = choice(["region", "type"])
        if r.file == "tdh_title" and r.region == "ML05" and r.note is None and rnd() < 0.05:
            mess[("case", id(r))] = choice(["MOPTI", "mopti"])
        if r.file == "sci_tab" and r.month == 1 and r.line is not None and r.line.start == 1 \
                and rnd() < 0.04:
            mess[("serial", id(r))] = True
    return mess


# ---------------------------------------------------------------------------
# Expected figures (from the rows as intended).
def figures(rows, mode):
    acc = [r for r in rows if r.accepted]
    if mode == "cumulative":
        latest = {}
        for r in acc:
            k = (r.partner, r.region, r.cercle, r.itype, r.activity)
            latest[k] = max(latest.get(k, 0), r.month)
        acc = [r for r in acc if r.month == latest[(r.partner, r.region, r.cercle, r.itype, r.activity)]]
    reg_sum = collections.Counter()
    reg_type = collections.Counter()
    reg_sex = collections.defaultdict(lambda: [0, 0, 0, 0])
    place_type = collections.Counter()
    for r in acc:
        v = reached(r)
        reg_sum[r.region] += v
        reg_type[(r.region, r.itype)] += v
        if not r.planned:
            for j in range(4):
                reg_sex[(r.region, r.itype)][j] += r.counts[j]
        place_type[(r.region, r.cercle, r.itype)] += v
    place_max = {}
    for (reg, cer, t), v in place_type.items():
        place_max[(reg, cer)] = max(place_max.get((reg, cer), 0), v)
    reg_dedup = collections.Counter()
    for (reg, cer), v in place_max.items():
        reg_dedup[reg] += v
    return dict(rows=acc, reg_sum=reg_sum, reg_dedup=reg_dedup, reg_type=reg_type,
                reg_sex=reg_sex)


def checks(rows):
    acc = [r for r in rows if r.accepted]
    # unique keys per month
    seen = set()
    for r in acc:
        k = (r.partner, r.region, r.cercle, r.itype, r.activity, r.month)
        assert k not in seen, k
        seen.add(k)
    # concentration: partners per (cercle, type, month), active rows
    conc = collections.defaultdict(set)
    for r in acc:
        if r.cercle and not r.planned:
            conc[(r.cercle, r.itype, r.month)].add(r.partner)
    hot = sorted({(c, t) for (c, t, m), ps in conc.items() if len(ps) >= 3})
    assert hot == [("ML0501", "PSS")], hot
    for m in range(1, 5):
        assert len(conc[("ML0501", "PSS", m)]) == 4
    # the same over the whole period (a period wider than one month)
    whole = collections.defaultdict(set)
    for (c, t, m), ps in conc.items():
        whole[(c, t)] |= ps
    assert sorted(k for k, ps in whole.items() if len(ps) >= 3) == [("ML0501", "PSS")]
    # latest month per partner
    last = collections.defaultdict(int)
    for r in acc:
        last[r.partner] = max(last[r.partner], r.month)
    stale = sorted(p for p, m in last.items() if m < 3)
    assert stale == ["ENDA Mali"], stale
    assert last["ENDA Mali"] == 1
    # Menaka: SENS and PSS only; Kidal: nothing
    assert {r.itype for r in acc if r.region == "ML10"} == {"SENS", "PSS"}
    assert not [r for r in rows if r.region == "ML08"]
    # GC and ENA present (not planned, reached) in every other region
    for reg in REGIONS:
        if reg in ("ML08", "ML10"):
            continue
        for t in ("GC", "ENA"):
            assert any(r.region == reg and r.itype == t and reached(r) > 0 for r in acc), (reg, t)
    # cercle belongs to region (except the planted row)
    for r in acc:
        if r.cercle and r.note != "CERCLE_NOT_IN_REGION":
            assert region_of(r.cercle) == r.region
    # coverage bands (cumulative mode)
    f = figures(rows, "cumulative")
    cov = {reg: (f["reg_dedup"][reg] / TARGETS[reg], f["reg_sum"][reg] / TARGETS[reg])
           for reg in REGIONS}
    assert 0.70 <= cov["ML07"][0] <= 0.90 and 0.70 <= cov["ML07"][1] <= 0.90, cov["ML07"]
    assert 0.30 <= cov["ML05"][0] <= 0.40 and 0.30 <= cov["ML05"][1] <= 0.42, cov["ML05"]
    for reg in ("ML01", "ML03"):
        assert cov[reg][1] < 0.10, (reg, cov[reg])
    assert f["reg_dedup"]["ML09"] > TARGETS["ML09"]
    for reg in REGIONS:
        if reg != "ML09":
            assert cov[reg][1] < 0.95, (reg, cov[reg])
        assert f["reg_sum"][reg] < 0.9 * IN_NEED[reg], reg
    # disaggregated sums are monotonic month to month within a line
    by_line = collections.defaultdict(list)
    for r in rows:
        if r.line is not None:
            by_line[id(r.line)].append(r)
    for rs in by_line.values():
        rs.sort(key=lambda r: r.month)
        for a, b in zip(rs, rs[1:]):
            assert all(x <= y for x, y in zip(a.counts, b.counts))
    return f


# ---------------------------------------------------------------------------
def fmt(n):
    return "{:,}".format(n)


def pct(a, b):
    return "%.1f %%" % (100.0 * a / b)


def main():
    check_type_strings()
    lines = build_lines()
    rows = expand(lines) + planted_rows()
    # the total that disagrees with its breakdown: SOLISA PSS, April
    cand = [r for r in rows if r.pkey == "SOLISA" and r.itype == "PSS" and r.month == 4
            and sum(r.counts) >= 1000]
    cand.sort(key=sort_key)
    mm = cand[0]
    s = str(sum(mm.counts))
    mm.total_override = int(s[0] + s[2] + s[1] + s[3:]) if s[1] != s[2] else sum(mm.counts) + 90
    mm.note = "TOTAL_MISMATCH"
    checks(rows)
    mess = choose_mess(rows)
    os.makedirs(SHEETS, exist_ok=True)
    placed_all = {}
    facts_all = {}
    for fname in FILE_ORDER:
        frows = [r for r in rows if r.file == fname]
        text, placed, facts = render(fname, frows, mess)
        d = DIALECTS[fname]
        data = text.encode(d["enc"])
        if d["bom"]:
            data = b"\xef\xbb\xbf" + data
        with open(os.path.join(SHEETS, d["path"]), "wb") as fh:
            fh.write(data)
        placed_all[fname] = placed
        facts_all[fname] = facts
    write_readme(rows, lines, placed_all, facts_all)


# ---------------------------------------------------------------------------
README_HEAD = """\
# data/ — ILLUSTRATIVE sample data

**Every sheet in `data/sheets/` is ILLUSTRATIVE. None of it is real partner data.**
The partner names, regions, cercles, communes and p-codes are real (see
`../shared/domain.md` §3–§4); every activity, date and number was made up by
`data/gen/make_samples.py` (Python 3, standard library only, fixed seed) to look like
the 4W sheets partners of the Mali Child Protection Sub-Cluster (SCPE) send in.
Regenerate with `python3 data/gen/make_samples.py`; it rewrites `data/sheets/*` and this
file byte for byte. Edit the script, not the sheets or this file.

`data/regional_figures.csv` (people in need and targeted per region) is kept by hand
separately, and its first line says it is illustrative too. The generator copies its
figures (`IN_NEED`, `TARGETS` in the script) because they steer the data. The coverage
percentages below use them. If that file changes, update the script and regenerate.

Broken sheets for the tests are in `tests/fixtures/sheets/`, never here: `make run` and
`fourw check data/` load everything in `data/sheets/`.

## How the data behave

* Reporting months January–April 2024. **Cumulative reporting**: each monthly report
  restates the year so far for the same partner × place × type × activity, so a line's
  figures grow month to month and only its latest month should count (DESIGN.md rule 4,
  `mode = cumulative`). Summing all months (monthly mode) over-counts; both sets of
  figures are given below.
* Every (partner, cercle, intervention type, activity text) is unique, and each such line
  keeps the same commune in every month, so "place" may be read as the cercle or as the
  commune: the result is the same.
* Every row carries girls, boys, women and men and a total that equals their sum, except
  the one planted mismatch. A zero adult cell is sometimes written `N/A`, `-` or left
  empty (missing = 0); the total is always a number.
* Partner for presence (rule 3): the implementing partner where the sheet names one
  (UNICEF's sheet names its implementing partners), else the organisation.
"""


def write_readme(rows, lines, placed_all, facts_all):
    out = [README_HEAD]
    line_of = {}
    for fname, placed in placed_all.items():
        for r, ln in placed:
            line_of[id(r)] = ln

    def where(r):
        return "%s:%d" % (DIALECTS[r.file]["path"], line_of[id(r)])

    # ---- files
    out.append("## Files\n")
    out.append("| file | organisation (partners) | dialect | header line | data rows | physical lines |")
    out.append("|---|---|---|---|---|---|")
    desc = {
        "unicef_en": "English headers with p-code columns; `,`; UTF-8, no BOM; LF; ISO dates; "
                     "month `2024-01`; some counts ≥ 1,000 quoted as `\"1,234\"`; one empty line",
        "irc_fr": "French headers; `,`; UTF-8 **with BOM**; LF; dates `dd/mm/yyyy`; month `janvier 2024`",
        "drc_hxl": "French header row + HXL hashtag row; `,`; UTF-8; LF; ISO dates; month "
                   "`2024-01-31`; quoted activity texts with commas, one with an embedded newline",
        "plan_excel_fr": "Excel-French: `;`; **Windows-1252**; CRLF; dates `dd/mm/yyyy`; month "
                         "`31/01/2024`; counts ≥ 1,000 grouped with NBSP (0xA0) or a space; `’` (0x92) and `–` (0x96) in texts",
        "tdh_title": "3 title rows + 1 empty row (padded with commas, as Excel writes them) above "
                     "the header; French headers, no partner column; `,`; UTF-8; LF; month `01/2024`",
        "sci_tab": "English headers; TAB; UTF-8; LF; ISO dates, a few start dates as Excel "
                   "serial numbers; month `Jan-24`",
    }
    total_rows = 0
    for fname in FILE_ORDER:
        d = DIALECTS[fname]
        n = len(placed_all[fname])
        total_rows += n
        hl = (len(d.get("title", [])) + 1)
        hdr = "%d" % hl + (" (HXL row %d)" % (hl + 1) if "hxl" in d else "")
        frows = [r for r in rows if r.file == fname]
        orgs = sorted({r.org for r in frows})
        parts = sorted({r.partner for r in frows} - set(orgs))
        who = ", ".join(orgs) + (" (via " + ", ".join(parts) + ")" if parts else "")
        out.append("| `%s` | %s | %s | %s | %d | %d |" % (d["path"], who, desc[fname], hdr, n,
                                                        facts_all[fname]["physical_lines"]))
    out.append("")
    nrej = len([r for r in rows if not r.accepted])
    out.append("In all: **%d data rows**, of which **%d rejected** and **%d accepted**. "
               "(Blank lines and title rows are not data rows.)\n"
               % (total_rows, nrej, total_rows - nrej))
    out.append("Headers, exactly as written (column aliases must cover them):\n")
    for fname in FILE_ORDER:
        d = DIALECTS[fname]
        out.append("* `%s`: %s" % (d["path"], " · ".join(d["header"])))
        if "hxl" in d:
            out.append("  HXL: %s" % " ".join(d["hxl"]))
    out.append("")
    out.append("Intervention types, exactly as written (each resolves by code, label or a "
               "keyword of domain.md table D):\n")
    out.append("| code | " + " | ".join("`%s`" % DIALECTS[f]["path"] for f in FILE_ORDER) + " |")
    out.append("|---|" + "---|" * len(FILE_ORDER))
    for code in TYPE_ORDER[:-1]:
        cells = []
        for f in FILE_ORDER:
            t = TYPE_TEXT[f].get(code)
            used = any(r.file == f and r.itype == code for r in rows)
            cells.append(t if (t and used) else "")
        if any(cells):
            out.append("| %s | %s |" % (code, " | ".join(cells)))
    out.append("| AUTRE | | | | | %s (planted, unknown) | |" % UNKNOWN_TYPE_TEXT)
    out.append("")
    out.append("Statuses: English `Ongoing`, `Completed`, `Planned`; French `En cours`, "
               "`Terminé` (`Achevé` in the Tdh sheet), `Planifié`.\n")

    # ---- planted
    out.append("## Planted items (what `fourw check` and `fourw gaps` must find)\n")
    byn = {r.note: r for r in rows if r.note}
    seg = byn["SEGU"]
    cnr = byn["CERCLE_NOT_IN_REGION"]
    pla = byn["PLANNED"]
    unk = byn["UNKNOWN_TYPE"]
    tm = byn["TOTAL_MISMATCH"]
    f = figures(rows, "cumulative")
    out.append("| # | what | where | expected |")
    out.append("|---|---|---|---|")
    out.append("| P1 | region `Segu` (misspelt beyond the variants) | `%s`, column 3 (Région) | "
               "**rejected**: unknown region, suggestion Ségou (ML04). The only rejected row of "
               "data/sheets/. |" % where(seg))
    out.append("| P2 | cercle `Niafunké` (ML0604, in Tombouctou) with region `Ségou` | `%s`, column 4 "
               "(Cercle) | **warning**, row accepted and counted in Ségou (the region it names) at "
               "region level, without a cercle: SENS %d. It is a place of its own in Ségou, so "
               "Ségou's dedup includes all of it (and its type is also Niafunké's largest, so "
               "keying it under Niafunké would give the same plan-wide dedup). |"
               % (where(cnr), sum(cnr.counts)))
    out.append("| P3 | status `Planifié` with people reported (150 + 140 = 290) | `%s`, column 8 "
               "(Statut) | **warning**; accepted as planned presence (Plan International, "
               "EAE, Bankass), **0 people reached**. |" % where(pla))
    out.append("| P4 | unknown intervention type `%s` | `%s`, column 5 (Type d'intervention) | "
               "**warning**; counted as AUTRE: %d people (64 + 57) in Mopti, cercle Koro. |"
               % (UNKNOWN_TYPE_TEXT, where(unk), sum(unk.counts)))
    out.append("| P5 | Total reached %s ≠ Girls+Boys+Women+Men = %s (digits swapped) | `%s`, "
               "column 18 (Total reached) | **warning**; counted with the breakdown (%s). "
               "SOLISA, PSS, Tombouctou, April. |"
               % (fmt(tm.total_override), fmt(sum(tm.counts)), where(tm), fmt(sum(tm.counts))))
    enda = sorted((line_of[id(r)], r) for r in rows if r.pkey == STALE)
    out.append("| P6 | stale partner: **ENDA Mali** (UNICEF's implementing partner) reports "
               "January 2024 only; every other partner's latest month is April 2024 | "
               "`unicef_en.csv` lines %s | stale reporting (> 45 days before the April report "
               "date); its January figures still count in cumulative mode. |"
               % (", ".join(str(ln) for ln, _ in enda)))
    bd = sorted(((FILE_ORDER.index(r.file), line_of[id(r)]), r) for r in rows
                if r.cercle == "ML0501" and r.itype == "PSS" and r.month == 4)
    bdp = sorted({r.partner for _, r in bd})
    out.append("| P7 | concentration: 4 partners (%s) doing PSS in Mopti / Bandiagara (ML0501) "
               "in every month | April rows: %s | concentration flag (default 3+ partners). No "
               "other cercle × type × month has more than 2 partners. |"
               % (", ".join(bdp), ", ".join("`%s`" % where(r) for _, r in bd)))
    out.append("| P8 | Kidal (ML08): no row at all | — | no presence. |")
    out.append("| P9 | Ménaka (ML10): only SENS and PSS (partners %s) | all files | missing "
               "essential service: no GC, no ENA. Every other region with rows has both GC and ENA. |"
               % ", ".join(sorted({r.partner for r in rows if r.region == "ML10"})))
    out.append("")
    out.append("Variants that must be **accepted** (first row of each):\n")

    def first(pred, fname):
        c = sorted((line_of[id(r)], r) for r in rows if r.file == fname and pred(r))
        return c[0][0] if c else None
    variants = [
        ("`Segou`", "unicef_en", lambda r: r.region == "ML04", "with ML04"),
        ("`Segou`", "sci_tab", lambda r: r.region == "ML04", "no p-code"),
        ("`SEGOU`", "irc_fr", lambda r: r.region == "ML04" and r.cercle == "ML0404" and r.accepted, "all IRC Niono rows"),
        ("`Timbuktu`", "unicef_en", lambda r: r.region == "ML06", "with ML06"),
        ("`Timbuktu`", "sci_tab", lambda r: r.region == "ML06", "no p-code"),
        ("`Menaka`", "unicef_en", lambda r: r.region == "ML10", "with ML10"),
        ("`Menaka`", "drc_hxl", lambda r: r.region == "ML10", "with ML10 (#adm1+code)"),
    ]
    for txt, fname, pred, note in variants:
        ln = first(pred, fname)
        out.append("* %s — `%s:%d` (%s)" % (txt, DIALECTS[fname]["path"], ln, note))
    mc = facts_all["tdh_title"]["mixed_case"]
    if mc:
        out.append("* mixed case `MOPTI` / `mopti` — `tdh_title.csv` lines %s"
                   % ", ".join(str(line_of[id(r)]) for r, _ in mc))
    out.append("* ASCII cercle and commune names in the English sheets (`Djenne`, `Niafunke`, "
               "`Tenenkou`, `Gourma Rharous` in `sci_tab.tsv`).")
    out.append("")
    out.append("Other realistic mess (all rows still accepted):\n")
    tr = []
    for fname in FILE_ORDER:
        for r, what in facts_all[fname]["trailing_space"]:
            tr.append((r.file, line_of[id(r)], "`%s` (%s)" % (where(r), what)))
    out.append("* trailing space after the region or type: " + ", ".join(t for _, _, t in sorted(tr)))
    mk = []
    for fname in FILE_ORDER:
        for r, marker, j in facts_all[fname]["missing_marker"]:
            col = {"unicef_en": 14, "sci_tab": 11, "tdh_title": 11, "drc_hxl": 13}.get(fname, 12) + j
            mk.append("%s:%d `%s`" % (where(r), col, marker or "(empty)"))
    out.append("* missing markers in zero adult cells (file:line:column): " + ", ".join(mk))
    out.append("* empty line: `unicef_en.csv:%d` (between the February and March rows)"
               % facts_all["unicef_en"]["blank_line"][0])
    nl = facts_all["drc_hxl"]["embedded_newline"]
    out.append("* embedded newline inside a quoted activity (`%s`): `drc_hxl.csv` records "
               "starting on lines %s (each spans two physical lines)"
               % (DRC_NEWLINE_ACTIVITY.replace("\n", "\\n"),
                  ", ".join(str(ln) for _, ln in nl)))
    q = [ln for r, ln in facts_all["drc_hxl"]["quoted"] if "\n" not in r.activity]
    out.append("* quoted activity texts with commas in `drc_hxl.csv`: %d rows, first on line %d"
               % (len(q), q[0]))
    se = facts_all["sci_tab"]["excel_serial"]
    out.append("* Excel serial start dates in `sci_tab.tsv`: %s"
               % ", ".join("line %d `%s`" % (line_of[id(r)], s) for r, s in se))
    out.append("* `unicef_en.csv`: UNICEF direct rows (no implementing partner → partner UNICEF): "
               "Capacity building / training in Bamako.")
    out.append("")

    # ---- figures
    for mode in ("cumulative", "monthly"):
        f = figures(rows, mode)
        out.append("## Expected figures — %s mode\n" % mode)
        if mode == "cumulative":
            out.append("Only the latest month of each partner × place × type × activity counts "
                       "(%d of the accepted rows). Planned rows count 0.\n" % len(f["rows"]))
        else:
            out.append("Every accepted row counts (this over-counts these cumulative sheets — "
                       "it is what summing them naively gives).\n")
        out.append("| p-code | region | reached (sum) | reached (dedup) | in need | targeted | "
                   "dedup / target | sum / target | dedup / need |")
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        ts = td = 0
        for reg, name in REGIONS.items():
            s, dd = f["reg_sum"][reg], f["reg_dedup"][reg]
            ts += s
            td += dd
            out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |"
                       % (reg, name, fmt(s), fmt(dd), fmt(IN_NEED[reg]), fmt(TARGETS[reg]),
                          pct(dd, TARGETS[reg]), pct(s, TARGETS[reg]), pct(dd, IN_NEED[reg])))
        out.append("| * | **plan** | **%s** | **%s** | 1,300,000 | 800,000 | %s | %s | %s |"
                   % (fmt(ts), fmt(td), pct(td, 800000), pct(ts, 800000), pct(td, 1300000)))
        out.append("")
        out.append("Plan-wide: dedup %s is %s of the 1,300,000 in need; sum %s is %s.\n"
                   % (fmt(td), pct(td, 1300000), fmt(ts), pct(ts, 1300000)))
        if mode == "cumulative":
            out.append("Region × intervention type, people reached (sum), cumulative mode:\n")
            types = [t for t in TYPE_ORDER if any(f["reg_type"][(reg, t)] for reg in REGIONS)
                     or t == "AUTRE"]
            out.append("| region | " + " | ".join(types) + " | total |")
            out.append("|---|" + "---:|" * (len(types) + 1))
            coltot = collections.Counter()
            for reg, name in REGIONS.items():
                cells = []
                for t in types:
                    v = f["reg_type"][(reg, t)]
                    coltot[t] += v
                    cells.append(fmt(v) if v else "")
                out.append("| %s %s | %s | %s |" % (reg, name, " | ".join(cells), fmt(f["reg_sum"][reg])))
            out.append("| **all** | %s | **%s** |" % (" | ".join(fmt(coltot[t]) for t in types),
                                                       fmt(sum(coltot.values()))))
            out.append("")
            out.append("Girls / boys / women / men, cumulative mode, per region:\n")
            out.append("| region | girls | boys | women | men |")
            out.append("|---|---:|---:|---:|---:|")
            allsex = [0, 0, 0, 0]
            for reg, name in REGIONS.items():
                sx = [0, 0, 0, 0]
                for (rg, t), v in f["reg_sex"].items():
                    if rg == reg:
                        for j in range(4):
                            sx[j] += v[j]
                for j in range(4):
                    allsex[j] += sx[j]
                out.append("| %s %s | %s |" % (reg, name, " | ".join(fmt(x) for x in sx)))
            out.append("| **all** | %s |" % " | ".join(fmt(x) for x in allsex))
            out.append("")
    # ---- partners
    out.append("## Partners (presence)\n")
    out.append("| partner | organisation | regions | accepted rows | latest month |")
    out.append("|---|---|---|---:|---|")
    acc = [r for r in rows if r.accepted]
    for p in sorted({r.partner for r in acc}, key=lambda s: s.lower()):
        prs = [r for r in acc if r.partner == p]
        regs = sorted({r.region for r in prs})
        out.append("| %s | %s | %s | %d | 2024-%02d |" % (p, prs[0].org,
                   ", ".join(REGIONS[x] for x in regs), len(prs), max(r.month for r in prs)))
    out.append("")
    out.append("Rows per month (accepted): " + ", ".join(
        "2024-%02d: %d" % (m, len([r for r in acc if r.month == m])) for m in range(1, 5)) + ".\n")
    with open(os.path.join(DATA, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(out).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
