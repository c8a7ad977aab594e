#include "diag_kind.h"

static const struct kind {
	const char *name, *fix;
} kinds[DC_COUNT] = {
	[DC_UNKNOWN_REGION_CODE] = { "unknown region p-code",
		"write a p-code of config.ini's [regions.old] or [regions.new], or leave the code "
		"empty and give the region's name" },
	[DC_REGION_CONFLICT] = { "region p-code and name disagree",
		"correct whichever of the two is wrong: the row cannot be placed while they differ" },
	[DC_UNKNOWN_REGION] = { "unknown region name",
		"write the region as config.ini names it, or add the spelling to its variants" },
	[DC_UNKNOWN_CERCLE] = { "unknown cercle",
		"write the cercle (or its p-code) as config.ini's [cercles] has it, or add the "
		"spelling there; until then the row counts at region level" },
	[DC_CERCLE_NOT_IN_REGION] = { "cercle outside the row's region",
		"correct the region or the cercle; the row counts in the region without a cercle" },
	[DC_NO_PLACE] = { "no place given",
		"fill in the region or the cercle" },
	[DC_REGION_NAME_NEAR] = { "region name misspelt beside its p-code",
		"nothing is lost (the p-code decided); correct the spelling in the next sheet" },
	[DC_CERCLE_NAME_NEAR] = { "cercle name misspelt beside its p-code",
		"nothing is lost (the p-code decided); correct the spelling in the next sheet" },
	[DC_CERCLE_CODE_CONFLICT] = { "cercle p-code of another numbering",
		"nothing is lost (the name decided); use the cercle p-codes of config.ini" },
	[DC_UNKNOWN_TYPE] = { "unknown intervention type, counted as other",
		"write one of config.ini's [types] (code or label), or add a keyword there" },
	[DC_TYPE_FROM_ACTIVITY] = { "intervention type taken from the activity",
		"fill in the intervention type column" },
	[DC_NO_TYPE] = { "no intervention type",
		"fill in the intervention type (or an activity fourw recognises)" },
	[DC_UNKNOWN_STATUS] = { "unknown status",
		"write planned, ongoing, completed or suspended (or their French words)" },
	[DC_IMPOSSIBLE_DATE] = { "impossible date",
		"correct the date: there is no such day" },
	[DC_NOT_A_DATE] = { "not a date",
		"write the date as YYYY-MM-DD, DD/MM/YYYY or a month name and year" },
	[DC_END_BEFORE_START] = { "end date before start date",
		"swap or correct the two dates" },
	[DC_OUTSIDE_PLAN_YEAR] = { "months outside the plan year",
		"nothing to correct if these are last year's rows; report --from/--to shows them" },
	[DC_MONTH_WITHOUT_YEAR] = { "month names without a year",
		"write the year with the month, if they are not the plan year's" },
	[DC_BAD_COUNT] = { "a count that is not a number",
		"write a whole number of people (or leave the cell empty)" },
	[DC_NO_COUNT] = { "no people counted",
		"fill in the people reached (girls, boys, women, men, or a total)" },
	[DC_TOTAL_DIFFERS] = { "total differs from the breakdown",
		"correct the total or the breakdown; the breakdown counts meanwhile" },
	[DC_PLANNED_REACHED] = { "planned activity reporting people",
		"set the status to ongoing or completed if the people were reached; planned rows "
		"count no people" },
	[DC_NO_ORGANISATION] = { "no organisation",
		"fill in the organisation: the row counts its people but no partner" },
	[DC_REPEATED_ROW] = { "row repeated in every field",
		"delete the copy, or keep it if it is a second, identical report ([plan] "
		"repeated_rows decides how it counts)" },
	[DC_EXTRA_CELLS] = { "more cells than the header",
		"remove the extra cells or give them a header" },
	[DC_TOO_MANY_CELLS] = { "far more cells than a sheet can have",
		"export the sheet again: this is not a 4W row" },
	[DC_CELL_TOO_LONG] = { "a cell too long for any spreadsheet",
		"export the sheet again: a quote is probably missing" },
	[DC_QUOTE_NEVER_CLOSED] = { "quote never closed",
		"close the quote, or export the sheet again" },
	[DC_NO_REQUIRED_COLUMN] = { "required column missing",
		"add the column (check lists the headers it knows) or map it in config.ini [columns]" },
	[DC_COLUMN_NOT_RECOGNISED] = { "required column missing",
		"add the column or map its header in config.ini [columns]" },
	[DC_HXL_NOT_PLACED] = { "HXL people column not counted",
		"tag the column with a sex or age attribute fourw reads (+f, +m, +children…)" },
	[DC_HEADER_NOT_FOUND] = { "no header row",
		"put the column names in the first rows of the sheet" },
	[DC_SYSTEM_GUESSED] = { "p-code system guessed",
		"write region names beside the p-codes" },
	[DC_NUL_BYTES] = { "binary or UTF-16 bytes",
		"save the sheet as CSV (UTF-8 or Windows-1252)" },
	[DC_ORG_SPELLED_TWO_WAYS] = { "organisation spelled two ways",
		"use one spelling for one organisation" },
};

const char *diag_kind_name(enum diag_code code)
{
	return (unsigned)code < DC_COUNT && kinds[code].name ? kinds[code].name : "other";
}

const char *diag_kind_fix(enum diag_code code)
{
	return (unsigned)code < DC_COUNT && kinds[code].fix ? kinds[code].fix : "see the message";
}
