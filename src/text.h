/* text: UTF-8, Windows-1252 and the folding used for every match.
 *
 * Matching in fourw (headers, places, intervention types, the screen's
 * type-to-filter) always compares *folded* text: accents removed, case
 * folded, punctuation collapsed, so "Ségou", "SEGOU" and "segou" agree and
 * "Type d'intervention" equals "type d intervention". */
#ifndef FOURW_TEXT_H
#define FOURW_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Folds UTF-8 text for matching: Latin letters lose their accents (é→e,
 * ç→c, œ→oe, ï→i, ß→ss), ASCII is lower-cased, every run of characters that
 * are neither letters nor digits (space, NBSP, - _ ' ’ . / etc.) becomes one
 * space, and leading/trailing spaces go.  Other non-ASCII letters are kept
 * as UTF-8.  Invalid bytes are dropped.  Writes at most size-1 bytes plus a
 * NUL into out; returns the folded length. */
size_t text_fold(const char *s, size_t n, char *out, size_t size);

/* The same, but '#' and '+' are kept (so HXL tags fold to "#org+impl"),
 * and spaces are removed altogether. */
size_t text_fold_hxl(const char *s, size_t n, char *out, size_t size);

/* True if `word` (folded, may hold spaces: "gestion de cas") occurs in the
 * folded `hay` at word boundaries — never inside a longer word, so "fin"
 * does not hit "financement". */
bool text_has_words(const char *hay, const char *word);

/* Reduces every word of folded text to its stem, so that French and
 * English plural and feminine forms compare equal: "espaces securisees",
 * "espace securise" and "espaces securises" all give "espac securis";
 * "psychosociaux" and "psychosociales" give "psychosocial"; "activities"
 * and "activity" give "activiti"; "alternative" gives "alternatif".  Rules,
 * tried on the end of each word of ASCII letters, each only while at least
 * TEXT_STEM_MIN letters remain: "eaux" -> "eau", "aux" -> "al", "eux" ->
 * "eu", a final "s" (not "ss") goes; then "ee" or "e" goes; then "ell",
 * "enn", "onn" lose their last letter; then a final "v" becomes "f" and a
 * final "y" becomes "i"; last a final "ation" or "er" goes, so a verb and
 * its noun agree ("sensibiliser", "sensibilisation": "sensibilis").  Words with digits or non-ASCII letters, and
 * acronyms of TEXT_STEM_MIN letters or fewer, are kept as they are.  It is
 * a stemmer, not a dictionary: stems need not be words, only agree.
 * Writes at most size-1 bytes plus a NUL into out (which may be `folded`
 * itself: a stem is never longer than its word); returns the length. */
#define TEXT_STEM_MIN 4
size_t text_stem(const char *folded, char *out, size_t size);

/* Levenshtein distance between two short strings, computed on bytes;
 * returns a value > limit as soon as it knows the distance exceeds limit. */
int text_distance(const char *a, const char *b, int limit);

/* True if [s, s+n) is valid UTF-8 (no overlongs, no surrogates). */
bool text_is_utf8(const char *s, size_t n);

/* Number of UTF-8 code points in s (invalid bytes count as one each). */
size_t text_utf8_len(const char *s);

#endif
