#include <criterion/criterion.h>
#include <string.h>

#include "dialect.h"

static char sniff(const char *s)
{
	return dialect_sniff_delimiter(s, strlen(s));
}

Test(dialect, empty_text_defaults_to_comma)
{
	cr_assert_eq(sniff(""), ',');
	cr_assert_eq(sniff("just one cell\nand another\n"), ',');
}

Test(dialect, picks_each_delimiter)
{
	cr_assert_eq(sniff("a,b,c\n1,2,3\n4,5,6\n"), ',');
	cr_assert_eq(sniff("a;b;c\n1;2;3\n4;5;6\n"), ';');
	cr_assert_eq(sniff("a\tb\tc\n1\t2\t3\n"), '\t');
	cr_assert_eq(sniff("a|b|c\n1|2|3\n"), '|');
}

Test(dialect, semicolon_sheet_with_decimal_commas_is_semicolon)
{
	/* French Excel: ';' between cells, ',' inside numbers */
	cr_assert_eq(sniff("Région;Filles;Taux\nMopti;12;1,5\nGao;3;2,25\nKidal;4;0,5\n"), ';');
}

Test(dialect, delimiters_inside_quotes_do_not_count)
{
	cr_assert_eq(sniff("a;b;c\n\"x,y,z,w\";2;3\n\"p,q,r\";5;6\n"), ';');
	/* a quoted newline does not end the line either */
	cr_assert_eq(sniff("a,b\n\"line one;\nline two;\",2\nc,d\n"), ',');
}

Test(dialect, title_rows_above_the_header_do_not_mislead)
{
	cr_assert_eq(sniff("Matrice 4W; Mali 2024\n\nOrg,Region,Type,Filles\n"
	                   "A,Gao,GC,1\nB,Mopti,PSS,2\nC,Kayes,EAE,3\n"), ',');
}

Test(dialect, hxl_row_detection)
{
	const char *tags[] = { "#org", "", "#adm1+name", " #reached" };
	const char *one[] = { "#org", "Region" };
	const char *single[] = { "#org", "" };
	cr_assert(dialect_is_hxl_row(tags, 4));
	cr_assert_not(dialect_is_hxl_row(one, 2));
	cr_assert_not(dialect_is_hxl_row(single, 2));
	cr_assert_not(dialect_is_hxl_row(NULL, 0));
}

Test(dialect, delimiter_names)
{
	cr_assert_str_eq(dialect_delimiter_name(';'), "semicolon");
	cr_assert_str_eq(dialect_delimiter_name('\t'), "tab");
}

/* The sniffer reads up to the 30th line end outside quotes: only then is
 * more text sure not to change its answer. */
Test(dialect, sniff_has_enough_after_thirty_line_ends)
{
	char text[256] = "";
	for (int i = 0; i < 29; i++)
		strcat(text, "a;b\n");
	cr_assert_not(dialect_sniff_has_enough(text, strlen(text)));
	strcat(text, "\"x\ny\";b");       /* a quoted line break is no line end */
	cr_assert_not(dialect_sniff_has_enough(text, strlen(text)));
	strcat(text, "\n");
	cr_assert(dialect_sniff_has_enough(text, strlen(text)));
	cr_assert_not(dialect_sniff_has_enough(NULL, 0));
}
