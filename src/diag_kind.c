#include "diag_kind.h"

#include "i18n.h"

/* The words in English (what fourw prints) and in French (what a partner
 * writing in French receives, check --by-partner). */
static const struct kind {
	const char *name, *fix, *name_fr, *fix_fr;
} kinds[DC_COUNT] = {
	[DC_UNKNOWN_REGION_CODE] = { "unknown region p-code",
		"write a p-code of config.ini's [regions.old] or [regions.new], or leave the code "
		"empty and give the region's name",
		"p-code de région inconnu",
		"écrire un p-code de région de la liste du cluster, ou laisser le code vide et "
		"donner le nom de la région" },
	[DC_REGION_CONFLICT] = { "region p-code and name disagree",
		"correct whichever of the two is wrong: the row cannot be placed while they differ",
		"p-code et nom de région en désaccord",
		"corriger celui des deux qui est faux : la ligne ne peut pas être placée tant qu'ils diffèrent" },
	[DC_UNKNOWN_REGION] = { "unknown region name",
		"write the region as config.ini names it, or add the spelling to its variants",
		"nom de région inconnu",
		"écrire la région comme la liste du cluster la nomme" },
	[DC_UNKNOWN_CERCLE] = { "unknown cercle",
		"write the cercle (or its p-code) as config.ini's [cercles] has it, or add the "
		"spelling there; until then the row counts at region level",
		"cercle inconnu",
		"écrire le cercle (ou son p-code) comme la liste du cluster le nomme ; en "
		"attendant la ligne compte au niveau de la région" },
	[DC_CERCLE_NOT_IN_REGION] = { "cercle outside the row's region",
		"correct the region or the cercle; the row counts in the region without a cercle",
		"cercle hors de la région de la ligne",
		"corriger la région ou le cercle ; la ligne compte dans la région, sans cercle" },
	[DC_NO_PLACE] = { "no place given",
		"fill in the region or the cercle",
		"aucun lieu",
		"remplir la région ou le cercle" },
	[DC_REGION_NAME_NEAR] = { "region name misspelt beside its p-code",
		"nothing is lost (the p-code decided); correct the spelling in the next sheet",
		"nom de région mal orthographié à côté de son p-code",
		"rien n'est perdu (le p-code a décidé) ; corriger l'orthographe dans la prochaine fiche" },
	[DC_CERCLE_NAME_NEAR] = { "cercle name misspelt beside its p-code",
		"nothing is lost (the p-code decided); correct the spelling in the next sheet",
		"nom de cercle mal orthographié à côté de son p-code",
		"rien n'est perdu (le p-code a décidé) ; corriger l'orthographe dans la prochaine fiche" },
	[DC_CERCLE_CODE_CONFLICT] = { "cercle p-code of another numbering",
		"nothing is lost (the name decided); use the cercle p-codes of config.ini",
		"p-code de cercle d'une autre numérotation",
		"rien n'est perdu (le nom a décidé) ; utiliser les p-codes de cercle de la liste du cluster" },
	[DC_UNKNOWN_TYPE] = { "unknown intervention type, counted as other",
		"write one of config.ini's [types] (code or label), or add a keyword there",
		"type d'intervention inconnu, compté comme autre",
		"écrire un des types d'intervention du cluster (code ou libellé)" },
	[DC_TYPE_FROM_ACTIVITY] = { "intervention type taken from the activity",
		"fill in the intervention type column",
		"type d'intervention déduit de l'activité",
		"remplir la colonne du type d'intervention" },
	[DC_NO_TYPE] = { "no intervention type",
		"fill in the intervention type (or an activity fourw recognises)",
		"aucun type d'intervention",
		"remplir le type d'intervention" },
	[DC_UNKNOWN_STATUS] = { "unknown status",
		"write planned, ongoing, completed or suspended (or their French words)",
		"statut inconnu",
		"écrire planifié, en cours, terminé ou suspendu" },
	[DC_IMPOSSIBLE_DATE] = { "impossible date",
		"correct the date: there is no such day",
		"date impossible",
		"corriger la date : ce jour n'existe pas" },
	[DC_NOT_A_DATE] = { "not a date",
		"write the date as YYYY-MM-DD, DD/MM/YYYY or a month name and year",
		"pas une date",
		"écrire la date en JJ/MM/AAAA, AAAA-MM-JJ ou un mois et une année" },
	[DC_END_BEFORE_START] = { "end date before start date",
		"swap or correct the two dates",
		"date de fin avant la date de début",
		"corriger ou inverser les deux dates" },
	[DC_OUTSIDE_PLAN_YEAR] = { "months outside the plan year",
		"nothing to correct if these are last year's rows; report --from/--to shows them",
		"mois hors de l'année du plan",
		"rien à corriger s'il s'agit des lignes de l'an passé" },
	[DC_MONTH_WITHOUT_YEAR] = { "month names without a year",
		"write the year with the month, if they are not the plan year's",
		"mois sans année",
		"écrire l'année avec le mois, si ce n'est pas celle du plan" },
	[DC_BAD_COUNT] = { "a count that is not a number",
		"write a whole number of people (or leave the cell empty)",
		"un nombre de personnes qui n'est pas un nombre",
		"écrire un nombre entier de personnes (ou laisser la cellule vide)" },
	[DC_NO_COUNT] = { "no people counted",
		"fill in the people reached (girls, boys, women, men, or a total)",
		"aucune personne comptée",
		"remplir les personnes atteintes (filles, garçons, femmes, hommes, ou un total)" },
	[DC_TOTAL_DIFFERS] = { "total differs from the breakdown",
		"correct the total or the breakdown; the breakdown counts meanwhile",
		"total différent de la ventilation",
		"corriger le total ou la ventilation ; la ventilation compte en attendant" },
	[DC_PLANNED_REACHED] = { "planned activity reporting people",
		"set the status to ongoing or completed if the people were reached; planned rows "
		"count no people",
		"activité planifiée qui déclare des personnes atteintes",
		"passer le statut à en cours ou terminé si les personnes ont été atteintes ; une "
		"ligne planifiée ne compte personne" },
	[DC_NO_ORGANISATION] = { "no organisation",
		"fill in the organisation: the row counts its people but no partner",
		"aucune organisation",
		"remplir l'organisation : la ligne compte ses personnes mais aucun partenaire" },
	[DC_REPEATED_ROW] = { "row repeated in every field",
		"delete the copy, or keep it if it is a second, identical report ([plan] "
		"repeated_rows decides how it counts)",
		"ligne répétée à l'identique",
		"supprimer la copie, ou la garder s'il s'agit d'un second rapport identique" },
	[DC_EXTRA_CELLS] = { "more cells than the header",
		"remove the extra cells or give them a header",
		"plus de cellules que l'en-tête",
		"supprimer les cellules en trop ou leur donner un en-tête" },
	[DC_TOO_MANY_CELLS] = { "far more cells than a sheet can have",
		"export the sheet again: this is not a 4W row",
		"bien plus de cellules qu'une fiche n'en a",
		"exporter la fiche à nouveau : ce n'est pas une ligne 4W" },
	[DC_CELL_TOO_LONG] = { "a cell too long for any spreadsheet",
		"export the sheet again: a quote is probably missing",
		"cellule trop longue pour un tableur",
		"exporter la fiche à nouveau : un guillemet manque sans doute" },
	[DC_QUOTE_NEVER_CLOSED] = { "quote never closed",
		"close the quote, or export the sheet again",
		"guillemet jamais fermé",
		"fermer le guillemet, ou exporter la fiche à nouveau" },
	[DC_NO_REQUIRED_COLUMN] = { "required column missing",
		"add the column (check lists the headers it knows) or map it in config.ini [columns]",
		"colonne obligatoire absente",
		"ajouter la colonne avec un en-tête du modèle 4W du cluster" },
	[DC_COLUMN_NOT_RECOGNISED] = { "required column missing",
		"add the column or map its header in config.ini [columns]",
		"colonne obligatoire absente",
		"ajouter la colonne avec un en-tête du modèle 4W du cluster" },
	[DC_HXL_NOT_PLACED] = { "HXL people column not counted",
		"tag the column with a sex or age attribute fourw reads (+f, +m, +children…)",
		"colonne HXL de personnes non comptée",
		"marquer la colonne d'un attribut de sexe ou d'âge (+f, +m, +children…)" },
	[DC_HEADER_NOT_FOUND] = { "no header row",
		"put the column names in one of the first 26 rows of the sheet",
		"aucune ligne d'en-tête",
		"mettre les noms des colonnes dans une des 26 premières lignes de la fiche" },
	[DC_CERCLE_NUMBERING] = { "cercle p-codes of another numbering",
		"nothing is lost (the names decided); use the cercle p-codes of config.ini",
		"p-codes de cercle d'une autre numérotation",
		"rien n'est perdu (les noms ont décidé) ; utiliser les p-codes de cercle de la "
		"liste du cluster" },
	[DC_SYSTEM_GUESSED] = { "p-code system guessed",
		"write region names beside the p-codes",
		"système de p-codes deviné",
		"écrire le nom des régions à côté des p-codes" },
	[DC_NUL_BYTES] = { "binary or UTF-16 bytes",
		"save the sheet as CSV (UTF-8 or Windows-1252)",
		"octets binaires ou UTF-16",
		"enregistrer la fiche en CSV (UTF-8 ou Windows-1252)" },
	[DC_ORG_SPELLED_TWO_WAYS] = { "organisation spelled two ways",
		"use one spelling for one organisation",
		"organisation écrite de deux façons",
		"écrire une organisation d'une seule façon" },
	[DC_WORKSHEET_READ] = { "worksheet read",
		"name the worksheet after the file (book.xlsx:Sheet) or in config.ini [columns] "
		"worksheet if another is meant",
		"feuille de calcul lue",
		"nommer la feuille voulue si ce n'est pas celle-ci" },
	[DC_HIDDEN_CELLS] = { "hidden rows or columns",
		"nothing is lost (hidden cells are read); unhide them to see what is counted",
		"lignes ou colonnes masquées",
		"rien n'est perdu (les cellules masquées sont lues) ; les afficher pour voir ce qui "
		"est compté" },
};

/* What a kind means for the figures, in a sentence (the gap list's
 * data-quality lines); a kind with none here only rejects rows, and its
 * name says it. */
static const char *const meanings[DC_COUNT] = {
	[DC_TOTAL_DIFFERS] = "the total differs from the breakdown (the breakdown is counted)",
	[DC_PLANNED_REACHED] = "planned activities report people reached (counted as presence only)",
	[DC_REPEATED_ROW] = "the same as an earlier row of the sheet in every field",
	[DC_NO_ORGANISATION] = "no organisation named (people counted, no partner)",
	[DC_UNKNOWN_TYPE] = "the intervention type is unknown (counted as other)",
	[DC_TYPE_FROM_ACTIVITY] = "no intervention type given, taken from the activity",
	[DC_UNKNOWN_CERCLE] = "the cercle is unknown (counted at region level)",
	[DC_CERCLE_NOT_IN_REGION] = "the cercle is not in the row's region (counted at region level)",
	[DC_REGION_NAME_NEAR] = "a misspelt region name, taken for the region of its p-code",
	[DC_CERCLE_NAME_NEAR] = "a misspelt cercle name, taken for the cercle of its p-code",
	[DC_CERCLE_CODE_CONFLICT] = "the cercle's p-code and name disagree (counted in the cercle named)",
	[DC_END_BEFORE_START] = "an end date before the start date",
	[DC_UNKNOWN_STATUS] = "the status is not recognised",
	[DC_EXTRA_CELLS] = "more cells than the header (extra cells ignored)",
	[DC_TOO_MANY_CELLS] = "more cells than a sheet can have (those past column 16,384 ignored)",
	[DC_ORG_SPELLED_TWO_WAYS] = "an organisation spelled two ways (counted as two partners)",
	[DC_HXL_NOT_PLACED] = "an HXL people column no group of sex and age can hold (not counted)",
	[DC_MONTH_WITHOUT_YEAR] = "month names without a year, read as months of the plan year",
	[DC_CERCLE_NUMBERING] = "the sheet's cercle p-codes follow another numbering (each "
		"row counted in the cercle named)",
	[DC_SYSTEM_GUESSED] = "p-codes of either system with no name beside them, read as old ones",
	[DC_COLUMN_NOT_RECOGNISED] = "a required column not recognised (no row counted)",
	[DC_HEADER_NOT_FOUND] = "no header row found (no row counted)",
	[DC_NUL_BYTES] = "NUL bytes: a binary or UTF-16 file, not CSV text",
	[DC_WORKSHEET_READ] = "a workbook: which of its worksheets was read",
	[DC_HIDDEN_CELLS] = "rows or columns hidden in Excel (read and counted)",
};

/* The same in French, for a reader who chose French (i18n.h): the kinds'
 * words in both languages live here, not in po/fr.po. */
static const char *const meanings_fr[DC_COUNT] = {
	[DC_TOTAL_DIFFERS] = "le total diffère de la ventilation (la ventilation est comptée)",
	[DC_PLANNED_REACHED] = "des activités prévues déclarent des personnes atteintes (comptées comme présence seulement)",
	[DC_REPEATED_ROW] = "identique à une ligne précédente de la feuille dans tous les champs",
	[DC_NO_ORGANISATION] = "aucune organisation nommée (personnes comptées, sans partenaire)",
	[DC_UNKNOWN_TYPE] = "type d'intervention inconnu (compté comme autre)",
	[DC_TYPE_FROM_ACTIVITY] = "type d'intervention absent, déduit de l'activité",
	[DC_UNKNOWN_CERCLE] = "cercle inconnu (compté au niveau de la région)",
	[DC_CERCLE_NOT_IN_REGION] = "le cercle n'est pas dans la région de la ligne (compté au niveau de la région)",
	[DC_REGION_NAME_NEAR] = "nom de région mal orthographié, pris pour la région de son p-code",
	[DC_CERCLE_NAME_NEAR] = "nom de cercle mal orthographié, pris pour le cercle de son p-code",
	[DC_CERCLE_CODE_CONFLICT] = "le p-code et le nom du cercle ne concordent pas (compté dans le cercle nommé)",
	[DC_END_BEFORE_START] = "une date de fin avant la date de début",
	[DC_UNKNOWN_STATUS] = "statut non reconnu",
	[DC_EXTRA_CELLS] = "plus de cellules que l'en-tête (cellules en trop ignorées)",
	[DC_TOO_MANY_CELLS] = "plus de cellules qu'une feuille peut en avoir (au-delà de la colonne 16 384 ignorées)",
	[DC_ORG_SPELLED_TWO_WAYS] = "une organisation écrite de deux façons (comptée comme deux partenaires)",
	[DC_HXL_NOT_PLACED] = "une colonne HXL de personnes sans groupe de sexe et d'âge possible (non comptée)",
	[DC_MONTH_WITHOUT_YEAR] = "des mois sans année, lus comme des mois de l'année du plan",
	[DC_CERCLE_NUMBERING] = "les p-codes de cercle de la feuille suivent une autre numérotation (chaque "
		"ligne comptée dans le cercle nommé)",
	[DC_SYSTEM_GUESSED] = "des p-codes de l'un ou l'autre système sans nom à côté, lus comme anciens",
	[DC_COLUMN_NOT_RECOGNISED] = "une colonne obligatoire non reconnue (aucune ligne comptée)",
	[DC_HEADER_NOT_FOUND] = "aucune ligne d'en-tête trouvée (aucune ligne comptée)",
	[DC_NUL_BYTES] = "octets NUL : un fichier binaire ou UTF-16, pas du texte CSV",
};

static const char *name_en(enum diag_code code)
{
	return (unsigned)code < DC_COUNT && kinds[code].name ? kinds[code].name : "other";
}

static const char *fix_en(enum diag_code code)
{
	return (unsigned)code < DC_COUNT && kinds[code].fix ? kinds[code].fix : "see the message";
}

const char *diag_kind_name(enum diag_code code)
{
	return diag_kind_name_in(code, i18n_french());
}

const char *diag_kind_fix(enum diag_code code)
{
	return diag_kind_fix_in(code, i18n_french());
}

const char *diag_kind_name_in(enum diag_code code, bool french)
{
	if (!french)
		return name_en(code);
	return (unsigned)code < DC_COUNT && kinds[code].name_fr ? kinds[code].name_fr : "autre";
}

const char *diag_kind_fix_in(enum diag_code code, bool french)
{
	if (!french)
		return fix_en(code);
	return (unsigned)code < DC_COUNT && kinds[code].fix_fr ? kinds[code].fix_fr : "voir le message";
}

const char *diag_kind_meaning(enum diag_code code)
{
	const char *const *m = i18n_french() ? meanings_fr : meanings;
	return (unsigned)code < DC_COUNT && m[code] ? m[code] : diag_kind_name(code);
}
