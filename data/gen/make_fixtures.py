#!/usr/bin/env python3
"""make_fixtures.py -- writes the hand-written test sheets of tests/fixtures/sheets/.

    python3 data/gen/make_fixtures.py

The contents below are written out by hand, line by line; this script only
exists so that the bytes a text editor cannot show reliably (Windows-1252, a
BOM, CRLF, NBSP, mixed line endings, a 0-byte file) are reproducible.  The
expected results in tests/fixtures/sheets/README.md were worked out by hand
from these lines, never by running fourw.  Standard library only.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "sheets")

NBSP = "\u00a0"


def write(name, text, encoding="utf-8", bom=False, eol="\n"):
    """text uses '\n' between lines; eol replaces it (not inside quotes: the
    fixtures below that need an embedded newline use eol='\n')."""
    data = text.replace("\n", eol).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(OUT, name), "wb") as fh:
        fh.write(data)


def write_bytes(name, data):
    with open(os.path.join(OUT, name), "wb") as fh:
        fh.write(data)


# ---------------------------------------------------------------------------
# broken_rows.csv -- one problem per rejected row; two quoted fields span
# lines (lines 3-4 and 8-10) so physical lines differ from record numbers.
BROKEN_ROWS = (
    "Organisation,Partenaire de mise en oeuvre,Région,Pcode région,Cercle,Type d'intervention,Activité,Statut,Date de début,Date de fin,Mois de rapportage,Filles,Garçons,Femmes,Hommes,Total\n"
    "IRC,,Mopti,ML05,Bandiagara,Soutien psychosocial,Séances PSS en groupe,En cours,01/01/2024,31/12/2024,mars 2024,10,12,3,2,27\n"
    "IRC,,Mopti,ML05,Bandiagara,Gestion de cas,\"Gestion de cas\n"
    "suivi à domicile\",En cours,01/01/2024,31/12/2024,mars 2024,4,5,0,0,9\n"
    "IRC,,Mopti,ML05,Bankass,Sensibilisation,Causeries communautaires,En cours,01/01/2024,31/12/2024,mars 2024,-5,8,6,4,13\n"
    "IRC,,Gao,ML07,Ansongo,Soutien psychosocial,Activités récréatives,En cours,01/02/2024,31/12/2024,mars 2024,14,\"12,5\",0,0,26\n"
    "IRC,,Gao,ML07,Gao,Sensibilisation,Émissions radio,En cours,01/01/2024,31/12/2024,mars 2024,40,35,beaucoup,20,95\n"
    "IRC,,Tombouctou,ML06,Diré,ENA/ES,\"Recherche familiale\n"
    "et réunification\n"
    "(cas de Tienkour)\",En cours,01/01/2024,31/12/2024,mars 2024,6,7,0,0,13\n"
    "IRC,,Segu,,Niono,Gestion de cas,Suivi de cas,En cours,01/01/2024,31/12/2024,mars 2024,8,9,0,0,17\n"
    "IRC,,,,,Soutien psychosocial,Groupes de parole,En cours,01/01/2024,31/12/2024,mars 2024,11,9,0,0,20\n"
    "IRC,,Ségou,ML04,Macina,,Visites à domicile,En cours,01/01/2024,31/12/2024,mars 2024,5,5,0,0,10\n"
    "IRC,,Ségou,ML04,Macina,Sensibilisation,Théâtre forum,En cours,01/01/2024,31/12/2024,mars 2024,,,,,\n"
    "IRC,,Mopti,ML05,Koro,Soutien psychosocial,Séances PSS,En cours,31/02/2024,31/12/2024,mars 2024,7,8,2,1,18\n"
    "IRC,,Mopti,ML04,Bandiagara,Gestion de cas,Suivi des cas référés,En cours,01/01/2024,31/12/2024,mars 2024,3,4,0,0,7\n"
    "IRC,,Ménaka,ML10,Ménaka,Sensibilisation,Causeries,En cours,01/01/2024,31/12/2024,mars 2024,20,18,25,15,78\n"
)

# ---------------------------------------------------------------------------
# One logical sheet, four dialects.  Cell contents are identical; only the
# headers, delimiter, encoding, line ends, date and number forms differ.
SAME = [
    # org, partner, region, pcode, cercle, cercle pcode, commune, type, activity, status,
    # start (y,m,d), end, month, girls, boys, women, men
    ("IRC", "", "Mopti", "ML05", "Bandiagara", "ML0501", "Sangha", "Soutien psychosocial",
     "Séances de soutien psychosocial en groupe", "En cours", (2024, 1, 15), (2024, 12, 31), 3,
     420, 385, 130, 95),
    ("IRC", "", "Mopti", "ML05", "Bandiagara", "ML0501", "Dourou", "Gestion de cas",
     "Prise en charge individuelle des enfants à risque", "En cours", (2024, 1, 15),
     (2024, 12, 31), 3, 36, 41, 0, 0),
    ("UNICEF", "AVS-Mali", "Mopti", "ML05", "Djenné", "ML0503", "Djenné", "Sensibilisation",
     "Causeries éducatives par les RECOPE", "En cours", (2024, 2, 1), (2024, 9, 30), 3,
     1250, 1180, 1420, 990),
    ("UNICEF", "AVS-Mali", "Ségou", "ML04", "Niono", "ML0404", "Diabaly", "EREE",
     "Séances d’éducation aux risques des engins explosifs", "Terminé", (2024, 1, 10),
     (2024, 3, 29), 3, 310, 342, 120, 88),
    ("DRC", "DRC", "Gao", "ML07", "Ansongo", "ML0701", "Ouattagouna", "ENA",
     "Recherche familiale et réunification", "En cours", (2023, 10, 1), (2024, 12, 31), 3,
     14, 19, 0, 0),
    ("DRC", "DRC", "Gao", "ML07", "Gao", "ML0703", "Gounzoureye", "Espace ami des enfants",
     "EAE mobiles dans les sites de déplacés", "En cours", (2024, 1, 1), (2024, 12, 31), 3,
     640, 598, 0, 0),
    ("Save the Children", "", "Tombouctou", "ML06", "Goundam", "ML0602", "Tonka", "EAFGA",
     "Réinsertion socio-économique des enfants sortis des groupes armés", "En cours",
     (2024, 1, 1), (2024, 12, 31), 3, 9, 57, 0, 0),
    ("Plan International", "", "Ménaka", "ML10", "Ménaka", "ML1001", "Inékar", "Sensibilisation",
     "Dialogues communautaires, théâtre forum", "En cours", (2024, 3, 1), (2024, 12, 31), 3,
     215, 198, 260, 177),
]


def q(cell, delim):
    if any(ch in cell for ch in (delim, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def same_en():
    head = ["Organization", "Implementing partner", "Region", "Cercle", "Commune",
            "Intervention type", "Activity", "Status", "Start date", "End date",
            "Reporting month", "Girls", "Boys", "Women", "Men", "Total"]
    out = [",".join(head)]
    for (org, ip, reg, _, cer, _, com, typ, act, st, sd, ed, m, g, b, w, mn) in SAME:
        cells = [org, ip, reg, cer, com, typ, act, st, "%04d-%02d-%02d" % sd,
                 "%04d-%02d-%02d" % ed, "2024-%02d" % m, str(g), str(b), str(w), str(mn),
                 str(g + b + w + mn)]
        out.append(",".join(q(c, ",") for c in cells))
    return "\n".join(out) + "\n"


def fr_num(n, sep):
    s = "{:,}".format(n)
    return s.replace(",", sep)


def same_fr_excel():
    head = ["Organisation", "Partenaire de mise en oeuvre", "Région", "Cercle", "Commune",
            "Type d'intervention", "Activité", "Statut", "Date de début", "Date de fin",
            "Mois de rapportage", "Filles", "Garçons", "Femmes", "Hommes", "Total"]
    out = [";".join(head)]
    for (org, ip, reg, _, cer, _, com, typ, act, st, sd, ed, m, g, b, w, mn) in SAME:
        # Excel-French: NBSP grouping in the counts, a plain space in the total
        cells = [org, ip, reg, cer, com, typ, act, st, "%02d/%02d/%04d" % (sd[2], sd[1], sd[0]),
                 "%02d/%02d/%04d" % (ed[2], ed[1], ed[0]), "31/%02d/2024" % m,
                 fr_num(g, NBSP), fr_num(b, NBSP), fr_num(w, NBSP), fr_num(mn, NBSP),
                 fr_num(g + b + w + mn, " ")]
        out.append(";".join(q(c, ";") for c in cells))
    return "\n".join(out) + "\n"


def same_hxl():
    head = ["Organization", "Implementing partner", "Region", "Region P-code", "Cercle",
            "Cercle P-code", "Commune", "Intervention type", "Activity", "Status",
            "Start date", "End date", "Reporting month", "Girls", "Boys", "Women", "Men", "Total"]
    tags = ["#org+prog+name", "#org+impl+name", "#adm1+name", "#adm1+code", "#adm2+name",
            "#adm2+code", "#adm3+name", "#activity+type", "#activity+name", "#status",
            "#date+start", "#date+end", "#date+reported", "#reached+f+children",
            "#reached+m+children", "#reached+f+adults", "#reached+m+adults", "#reached+ind"]
    out = [",".join(head), ",".join(tags)]
    for (org, ip, reg, pc, cer, cpc, com, typ, act, st, sd, ed, m, g, b, w, mn) in SAME:
        cells = [org, ip, reg, pc, cer, cpc, com, typ, act, st, "%04d-%02d-%02d" % sd,
                 "%04d-%02d-%02d" % ed, "2024-%02d-31" % m, str(g), str(b), str(w), str(mn),
                 str(g + b + w + mn)]
        out.append(",".join(q(c, ",") for c in cells))
    return "\n".join(out) + "\n"


def same_title():
    head = ["Organisation", "Partenaire de mise en oeuvre", "Région", "Cercle", "Commune",
            "Type d'intervention", "Activité", "Statut", "Date de début", "Date de fin", "Mois",
            "Filles", "Garçons", "Femmes", "Hommes", "Total"]
    out = ["Matrice 4W – Protection de l'Enfant – Mali 2024",
           "Données illustratives – rapport de mars 2024",
           "\t".join(head)]
    for (org, ip, reg, _, cer, _, com, typ, act, st, sd, ed, m, g, b, w, mn) in SAME:
        # d/m/yyyy without leading zeros, month as "mars 2024", "1,234" grouping
        cells = [org, ip, reg, cer, com, typ, act, st, "%d/%d/%04d" % (sd[2], sd[1], sd[0]),
                 "%d/%d/%04d" % (ed[2], ed[1], ed[0]), "mars 2024",
                 "{:,}".format(g), "{:,}".format(b), "{:,}".format(w), "{:,}".format(mn),
                 "{:,}".format(g + b + w + mn)]
        out.append("\t".join(q(c, "\t") for c in cells))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
SMALL_COUNTING = (
    "Organization,Implementing partner,Region,Cercle,Intervention type,Activity,Status,Reporting month,Girls,Boys,Women,Men,Total\n"
    "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-01,30,20,10,0,60\n"
    "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-02,50,40,10,0,100\n"
    "IRC,,Mopti,Bandiagara,Case management,Case follow-up,Ongoing,2024-02,20,25,0,0,45\n"
    "DRC,,Mopti,Bankass,Awareness raising,Community dialogues,Ongoing,2024-02,40,30,50,30,150\n"
    "DRC,,Gao,Ansongo,Awareness raising,Community dialogues,Ongoing,2024-02,100,80,60,40,280\n"
    "DRC,,Gao,Ansongo,Case management,Case follow-up,Ongoing,2024-02,10,10,0,0,25\n"
    "Plan International,,Gao,Gao,Child-friendly spaces,Mobile child-friendly spaces,Planned,2024-02,60,60,0,0,120\n"
)

# A count of children below [share] mask_below (Mopti, case management: 3),
# for the presentation's masking (tests/e2e/t_present.sh).
MASKED_SMALL = (
    "Organization,Implementing partner,Region,Cercle,Intervention type,Activity,Status,Reporting month,Girls,Boys,Women,Men,Total\n"
    "IRC,,Mopti,Bandiagara,Case management,Case follow-up,Ongoing,2024-02,2,1,0,0,3\n"
    "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-02,50,40,14,0,104\n"
    "DRC,,Mopti,Bankass,Awareness raising,Community dialogues,Ongoing,2024-02,40,30,50,30,150\n"
    "DRC,,Gao,Ansongo,Awareness raising,Community dialogues,Ongoing,2024-02,100,80,60,40,280\n"
)

DELTA_MONTHS = (
    "Organization,Implementing partner,Region,Cercle,Intervention type,Activity,Status,Reporting month,Girls,Boys,Women,Men,Total\n"
    "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-01,30,20,10,0,60\n"
    "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-02,50,40,10,0,100\n"
    "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-03,80,60,20,0,160\n"
    "DRC,,Mopti,Bankass,Awareness raising,Community dialogues,Ongoing,2024-02,40,30,50,30,150\n"
    "DRC,,Gao,Ansongo,Awareness raising,Community dialogues,Ongoing,2024-01,100,80,60,40,280\n"
    "DRC,,Gao,Ansongo,Case management,Case follow-up,Ongoing,2024-03,10,10,0,0,20\n"
    "SCI,,Gao,Gao,Soutien psychosocial,Group PSS sessions,Ongoing,2024-02,200,100,0,0,300\n"
    "TDH,,Kidal,Kidal,Case management,Case follow-up,Ongoing,2024-03,2000,1500,0,0,3500\n"
)

ML09_OLD = (
    "Organisation,Région,Pcode région,Type d'intervention,Activité,Mois de rapportage,Filles,Garçons,Femmes,Hommes,Total\n"
    "Save the Children,,ML09,Sensibilisation,Causeries en Commune IV,mars 2024,40,35,20,15,110\n"
    "Save the Children,Bamako,ML09,Gestion de cas,Suivi de cas,mars 2024,12,10,0,0,22\n"
    "Save the Children,Mopti,ML05,Soutien psychosocial,Séances PSS,mars 2024,30,28,10,6,74\n"
    "Save the Children,Gao,ML07,ENA,Réunification familiale,mars 2024,5,7,0,0,12\n"
    "Save the Children,Tombouctou,ML06,Sensibilisation,Émissions radio,mars 2024,50,45,60,40,195\n"
)

ML09_NEW = (
    "Organisation,Région,Pcode région,Type d'intervention,Activité,Mois de rapportage,Filles,Garçons,Femmes,Hommes,Total\n"
    "Save the Children,,ML09,Sensibilisation,Causeries communautaires,mars 2024,25,20,30,15,90\n"
    "Save the Children,Nioro,ML11,Gestion de cas,Suivi de cas,mars 2024,8,9,0,0,17\n"
    "Save the Children,Nioro,ML11,Sensibilisation,Clubs d'enfants,mars 2024,60,55,0,0,115\n"
    "Save the Children,Taoudénit,ML09,ENA,Identification des ENA,mars 2024,3,4,0,0,7\n"
    "Save the Children,Taoudeni,ML09,Soutien psychosocial,Séances PSS,mars 2024,18,16,5,3,42\n"
    "Save the Children,Bandiagara,ML19,Soutien psychosocial,Groupes de parole,mars 2024,22,20,8,6,56\n"
    "Save the Children,Ménaka,ML10,Sensibilisation,Causeries,mars 2024,30,28,35,20,113\n"
    "Save the Children,Bamako,ML00,Gestion de cas,Suivi de cas en Commune VI,mars 2024,10,12,0,0,22\n"
    "Save the Children,Bamako,ML20,Soutien psychosocial,Groupes de parole en Commune I,mars 2024,5,6,0,0,11\n"
)

HEADER_ONLY = (
    "Organization,Implementing partner,Region,Cercle,Intervention type,Activity,Status,Reporting month,Girls,Boys,Women,Men,Total\n"
)

NO_HEADER = (
    "IRC,Mopti,Bandiagara,Sangha,Soutien psychosocial,Séances de groupe,En cours,2024-03,10,12,3,2,27\n"
    "IRC,Mopti,Bandiagara,Dourou,Gestion de cas,Suivi à domicile,En cours,2024-03,4,5,0,0,9\n"
    "IRC,Gao,Ansongo,Bara,Sensibilisation,Causeries,En cours,2024-03,30,25,40,20,115\n"
    "IRC,Gao,Bourem,Bamba,ENA,Réunification familiale,En cours,2024-03,2,3,0,0,5\n"
)

SEMICOLON_QUOTED = (
    "Organisation;Région;Cercle;Type d'intervention;Activité;Mois de rapportage;Filles;Garçons;Femmes;Hommes;Total\n"
    "IRC;Mopti;Bandiagara;Soutien psychosocial;\"Séances PSS; jeux et dessins\";mars 2024;12;10;4;2;28\n"
    "\"Plan International\";Ségou;Niono;Sensibilisation;\"Campagne \"\"Zéro mariage d'enfants\"\"; radio et causeries\";mars 2024;30;25;40;20;115\n"
    "DRC;Gao;Ansongo;ENA;\"Réunification \"\"FTR\"\"\";mars 2024;3;4;0;0;7\n"
)

PIPE = (
    "Organization|Region|Cercle|Intervention type|Activity|Reporting month|Girls|Boys|Women|Men|Total\n"
    "Save the Children|Gao|Gao|Case management|Case follow-up|2024-03|15|12|0|0|27\n"
    "Save the Children|Tombouctou|Diré|Awareness raising|Radio programmes|2024-03|80|75|90|60|305\n"
    "Save the Children|Kayes|Nioro|Birth registration|Support to birth certificates|2024-03|22|19|0|0|41\n"
)

CRLF_MIXED = (
    b"Organisation,R\xc3\xa9gion,Cercle,Type d'intervention,Activit\xc3\xa9,Mois de rapportage,Filles,Gar\xc3\xa7ons,Femmes,Hommes,Total\r\n"
    b"Terre des hommes Lausanne,Koulikoro,Kati,Gestion de cas,Suivi de cas,mars 2024,14,16,0,0,30\n"
    b"Terre des hommes Lausanne,Koulikoro,Kati,Soutien psychosocial,Groupes de parole,mars 2024,25,22,8,5,60\r\n"
    b"Terre des hommes Lausanne,Bamako,Bamako,Sensibilisation,Causeries,mars 2024,110,95,130,85,420\n"
    b"Terre des hommes Lausanne,Mopti,Bandiagara,EAFGA,Prise en charge transitoire,mars 2024,2,11,0,0,13"
)

# ---------------------------------------------------------------------------
# cod_ab_communes.csv -- every commune of the cercle of Nara, of Bamako and of
# the region of Ménaka, with the names, p-codes and column names of the 2020
# Mali p-code table (domain.md 4.2 and 4.5: GitHub ElliottMess/RRM_Mali_Dashboard,
# INPUT/DATA/PCodes/MLI_PCodesAdmin3.csv), which spells Koulikoro "Koulikouro"
# and numbers Ménaka's cercles otherwise than the shipped config.
COD_AB_COMMUNES = (
    "Admin1_Nam,Pcode_Ad_1,Admin2_Nam,Pcode_Ad_2,Admin3_Nam,Pcode_Ad_3,Organisation,Type d'intervention,Mois de rapportage,Total\n"
    "Koulikouro,ML02,Nara,ML0207,Allahina,ML020701,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Dabo,ML020702,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Dilly,ML020703,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Dogofry,ML020704,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Fallou,ML020705,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Gueneibe,ML020706,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Guire,ML020707,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Koronga,ML020708,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Nara,ML020709,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Niamana,ML020710,IRC,Soutien psychosocial,2024-03,10\n"
    "Koulikouro,ML02,Nara,ML0207,Ouagadou,ML020711,IRC,Soutien psychosocial,2024-03,10\n"
    "Bamako,ML09,Bamako,ML0901,Commune I,ML090101,IRC,Gestion de cas,2024-03,20\n"
    "Bamako,ML09,Bamako,ML0901,Commune II,ML090102,IRC,Gestion de cas,2024-03,20\n"
    "Bamako,ML09,Bamako,ML0901,Commune III,ML090103,IRC,Gestion de cas,2024-03,20\n"
    "Bamako,ML09,Bamako,ML0901,Commune IV,ML090104,IRC,Gestion de cas,2024-03,20\n"
    "Bamako,ML09,Bamako,ML0901,Commune V,ML090105,IRC,Gestion de cas,2024-03,20\n"
    "Bamako,ML09,Bamako,ML0901,Commune VI,ML090106,IRC,Gestion de cas,2024-03,20\n"
    "Menaka,ML10,Anderamboukane,ML1001,Anderamboukane,ML100101,IRC,Sensibilisation,2024-03,30\n"
    "Menaka,ML10,Inekar,ML1002,Inekar,ML100201,IRC,Sensibilisation,2024-03,30\n"
    "Menaka,ML10,Menaka,ML1003,Menaka,ML100301,IRC,Sensibilisation,2024-03,30\n"
    "Menaka,ML10,Tidermene,ML1004,Tidermene,ML100401,IRC,Sensibilisation,2024-03,30\n"
)

# cercle_numbering.csv -- cercle codes and names that disagree, both ways: the
# 2015 OCHA numbering (ML0101 Kayes, ML0102 Bafoulabé, ML0201 Koulikoro, Ménaka
# as ML0704 in Gao; domain.md 4.2), near-miss names beside valid codes, and
# the rejections that stay.
CERCLE_NUMBERING = (
    "Organisation,Région,Pcode région,Cercle,Pcode cercle,Type d'intervention,Mois de rapportage,Total\n"
    "DRC,Kayes,ML01,Kayes,ML0101,Gestion de cas,2024-03,10\n"
    "DRC,Kayes,ML01,Bafoulabé,ML0102,Gestion de cas,2024-03,20\n"
    "DRC,Koulikoro,ML02,Koulikoro,ML0201,Gestion de cas,2024-03,30\n"
    "DRC,Kayes,ML01,Bafoulabee,ML0101,Gestion de cas,2024-03,40\n"
    "DRC,Mopti,ML05,Kayes,ML0101,Gestion de cas,2024-03,50\n"
    "DRC,Gao,ML07,Ménaka,ML0704,Gestion de cas,2024-03,60\n"
    "DRC,Koulikouro,ML03,,,Gestion de cas,2024-03,70\n"
    "DRC,Mopti,ML04,,,Gestion de cas,2024-03,80\n"
    "DRC,Koulikouro,ML02,Kati,ML0204,Gestion de cas,2024-03,90\n"
    "DRC,Ménaka,ML10,Anderamboukane,,Gestion de cas,2024-03,100\n"
    "DRC,Ménaka,ML10,,ML1003,Gestion de cas,2024-03,110\n"
)


# ---------------------------------------------------------------------------
# The rows of SAME with their people split in each form the HXL 1.1 tagging
# conventions allow (tagging.html section 3.1: +f/+m; section 4.1: repeated
# tags) and libhxl reads (hxl/model.py Column.parse, Column.parse_list).
# Every form gives each row the same people reached as same_en.csv.
HXL_LEFT_HEAD = ["Organization", "Implementing partner", "Region", "Region P-code", "Cercle",
                 "Cercle P-code", "Commune", "Intervention type", "Activity", "Status",
                 "Start date", "End date", "Reporting month"]
HXL_LEFT_TAGS = ["#org+prog+name", "#org+impl+name", "#adm1+name", "#adm1+code", "#adm2+name",
                 "#adm2+code", "#adm3+name", "#activity+type", "#activity+name", "#status",
                 "#date+start", "#date+end", "#date+reported"]


def hxl_form(head, tags, people, left_tags=None):
    """people(index, g, b, w, mn) -> the row's people cells under head/tags."""
    out = [",".join(HXL_LEFT_HEAD + head), ",".join((left_tags or HXL_LEFT_TAGS) + tags)]
    for i, (org, ip, reg, pc, cer, cpc, com, typ, act, st, sd, ed, m, g, b, w, mn) in enumerate(SAME):
        cells = [org, ip, reg, pc, cer, cpc, com, typ, act, st, "%04d-%02d-%02d" % sd,
                 "%04d-%02d-%02d" % ed, "2024-%02d-31" % m]
        cells += [str(v) for v in people(i, g, b, w, mn)]
        out.append(",".join(q(c, ",") for c in cells))
    return "\n".join(out) + "\n"


def hxl_sex():
    return hxl_form(["Female", "Male"], ["#reached+f", "#reached+m"],
                    lambda i, g, b, w, mn: (g + w, b + mn))


def hxl_age():
    return hxl_form(["Children", "Adults"], ["#reached +children", "#reached +adults"],
                    lambda i, g, b, w, mn: (g + b, w + mn))


def hxl_infants():
    # infants (under 1) are part of the children's figure beside them
    return hxl_form(["Girls under 1", "Boys under 1", "Girls", "Boys", "Women", "Men"],
                    ["#reached+f+infants", "#reached+m+infants", "#reached+f+children",
                     "#reached+m+children", "#reached+f+adults", "#reached+m+adults"],
                    lambda i, g, b, w, mn: (g // 4, b // 4, g, b, w, mn))


def hxl_brackets():
    return hxl_form(["F 0-4", "F 5-17", "M 0-4", "M 5-17", "F 18-59", "M 18-59", "Total"],
                    ["#reached+f+age_0_4", "#reached+f+age_5_17", "#reached+m+age_0_4",
                     "#reached+m+age_5_17", "#reached+f+age_18_59", "#reached+m+age_18_59",
                     "#reached"],
                    lambda i, g, b, w, mn: (g // 3, g - g // 3, b // 3, b - b // 3, w, mn,
                                            g + b + w + mn))


def hxl_repeated():
    # two columns tagged #reached+f+children: the first non-blank one counts;
    # on even rows the second is a stale figure (1) that must not count
    def people(i, g, b, w, mn):
        first, second = ("", g) if i % 2 else (g, 1)
        return (first, second, b, w, mn)
    return hxl_form(["Girls (site)", "Girls (report)", "Boys", "Women", "Men"],
                    ["#reached+f+children", "#reached+f+children", "#reached+m+children",
                     "#reached+f+adults", "#reached+m+adults"], people)


def hxl_stray_note():
    # one cell of the hashtag row is a note, not a hashtag: still HXL (13 of 14
    # non-empty cells are hashtags); the commune column is then mapped by its header
    tags = list(HXL_LEFT_TAGS)
    tags[6] = "(to be completed)"
    return hxl_form(["Girls", "Boys", "Women", "Men"],
                    ["#reached+f+children", "#reached+m+children", "#reached+f+adults",
                     "#reached+m+adults"],
                    lambda i, g, b, w, mn: (g, b, w, mn), left_tags=tags)


def hxl_group_headers():
    # '# atteints' is a '#' and a space: a group header, not a hashtag; no HXL
    group = [""] * 11 + ["# atteints (enfants)", "", "# atteints (adultes)", "", ""]
    return ",".join(group) + "\n" + same_en()


HXL_UNKNOWN_TAG = (
    "Organisation,Région,Type,Activité,Mois de rapportage,Filles,Garçons\n"
    "#org,#adm1+name,#x_type,#activity+name,#date+reported,#reached+f+children,#reached+m+children\n"
    "IRC,Mopti,Urgence,Séances de soutien psychosocial,2024-03,10,12\n"
    "DRC,Gao,Développement,Causeries éducatives,2024-03,5,6\n"
    "UNICEF,Kayes,Urgence,Prise en charge individuelle,2024-03,3,4\n"
)


# resent/ -- DESIGN.md rule 9, a report sent twice: one folder per case, each
# read as a folder (the README gives each case's figures).
RESENT_HEADER = ("Organization,Implementing partner,Region,Cercle,Intervention type,Activity,"
                 "Status,Reporting month,Girls,Boys,Women,Men,Total\n")
RESENT_PSS = "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-03,30,20,10,0,60\n"
RESENT_PSS_V2 = "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-03,40,30,10,0,80\n"
RESENT_GC = "IRC,,Mopti,Bandiagara,Case management,Case follow-up,Ongoing,2024-03,20,25,0,0,45\n"
RESENT_SENS = "DRC,,Gao,Ansongo,Awareness raising,Community dialogues,Ongoing,2024-03,100,80,60,40,280\n"
RESENT_GC_GAO = "DRC,,Gao,Gao,Case management,Case follow-up,Ongoing,2024-03,10,10,0,0,20\n"
RESENT_SENS_MOPTI = "DRC,,Mopti,Bankass,Awareness raising,Community dialogues,Ongoing,2024-03,40,30,50,30,150\n"
RESENT_FEB = "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-02,30,20,10,0,60\n"
RESENT_FEB_AGAIN = "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-02,35,25,10,0,70\n"
RESENT_APR = "IRC,,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-04,40,30,20,0,90\n"

RESENT = {
    "resent/identical/partner_v1.csv": RESENT_HEADER + RESENT_PSS + RESENT_GC + RESENT_SENS,
    "resent/identical/partner_v2.csv": RESENT_HEADER + RESENT_PSS + RESENT_GC + RESENT_SENS,
    "resent/updated/partner_v1.csv": RESENT_HEADER + RESENT_PSS + RESENT_GC + RESENT_SENS,
    "resent/updated/partner_v2.csv": RESENT_HEADER + RESENT_PSS_V2 + RESENT_GC + RESENT_GC_GAO,
    "resent/split/partner_gao.csv": RESENT_HEADER + RESENT_SENS,
    "resent/split/partner_mopti.csv": RESENT_HEADER + RESENT_SENS_MOPTI,
    "resent/months/avril.csv": RESENT_HEADER + RESENT_FEB_AGAIN + RESENT_APR,
    "resent/months/fevrier.csv": RESENT_HEADER + RESENT_FEB,
}


# all_rejected.csv -- a sheet that loses every row, each for a reason that
# depends on no place name and no intervention-type wording (issue 15: "244
# of 244 rows rejected" must be loud).
ALL_REJECTED = (
    "Organization,Implementing partner,Region,Cercle,Intervention type,Activity,Status,Reporting month,Girls,Boys,Women,Men,Total\n"
    "IRC,,Mopti,Bandiagara,Case management,Case follow-up,Ongoing,2024-02,douze,10,0,0,22\n"
    "IRC,,Mopti,Bandiagara,Case management,Case follow-up,Ongoing,2024-13,20,25,0,0,45\n"
    "IRC,,Gao,Ansongo,Case management,Case follow-up,Ongoing,31/02/2024,10,10,0,0,20\n"
    "IRC,,Gao,Ansongo,Case management,Case follow-up,Ongoing,2024-02,,,,,\n"
)

# no_organisation.csv -- DESIGN.md rule 13: Kidal's only rows name no
# organisation; Mopti has a named partner beside an unnamed row.
NO_ORGANISATION = (
    "Organization,Implementing partner,Region,Cercle,Intervention type,Activity,Status,Reporting month,Girls,Boys,Women,Men,Total\n"
    ",,Kidal,Kidal,Case management,Case follow-up,Ongoing,2024-02,10,5,0,0,15\n"
    ",,Kidal,Kidal,Soutien psychosocial,Group PSS sessions,Ongoing,2024-02,20,10,0,0,30\n"
    "IRC,,Mopti,Bandiagara,Case management,Case follow-up,Ongoing,2024-02,20,25,0,0,45\n"
    ",,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-02,4,4,0,0,8\n"
)


def main():
    os.makedirs(OUT, exist_ok=True)
    write("broken_rows.csv", BROKEN_ROWS)
    write("same_en.csv", same_en())
    write("same_fr_excel.csv", same_fr_excel(), encoding="cp1252", eol="\r\n")
    write("same_hxl.csv", same_hxl())
    write("same_title.tsv", same_title(), bom=True)
    write("small_counting.csv", SMALL_COUNTING)
    write("masked_small.csv", MASKED_SMALL)
    write("delta_months.csv", DELTA_MONTHS)
    write("ml09_old.csv", ML09_OLD)
    write("ml09_new.csv", ML09_NEW)
    write_bytes("empty.csv", b"")
    write("header_only.csv", HEADER_ONLY)
    write_bytes("bom_only.csv", b"\xef\xbb\xbf")
    write("no_header.csv", NO_HEADER)
    write("semicolon_quoted.csv", SEMICOLON_QUOTED)
    write("pipe.csv", PIPE)
    write_bytes("crlf_mixed.csv", CRLF_MIXED)
    write("cod_ab_communes.csv", COD_AB_COMMUNES)
    write("cercle_numbering.csv", CERCLE_NUMBERING)
    write("hxl_sex.csv", hxl_sex())
    write("hxl_age.csv", hxl_age())
    write("hxl_infants.csv", hxl_infants())
    write("hxl_brackets.csv", hxl_brackets())
    write("hxl_repeated.csv", hxl_repeated())
    write("hxl_stray_note.csv", hxl_stray_note())
    write("hxl_group_headers.csv", hxl_group_headers())
    write("hxl_unknown_tag.csv", HXL_UNKNOWN_TAG)
    write("all_rejected.csv", ALL_REJECTED)
    write("no_organisation.csv", NO_ORGANISATION)


    for name, text in RESENT.items():
        os.makedirs(os.path.dirname(os.path.join(OUT, name)), exist_ok=True)
        write(name, text)


if __name__ == "__main__":
    main()
