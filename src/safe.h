/* safe: text from sheets on its way to a terminal.
 *
 * A cell is data.  Control characters and escape sequences in it (ESC, CSI
 * and OSC sequences such as OSC 52 clipboard writes, C1 controls, bidi
 * overrides) must never reach a terminal raw, so everything printed from a
 * sheet goes through here and comes out visibly escaped: "\x1b", "\u202e".
 * Valid printable UTF-8 passes unchanged; invalid bytes become "\xNN". */
#ifndef FOURW_SAFE_H
#define FOURW_SAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Escapes s into out (always NUL-terminated, truncated to size); returns
 * the length the full escaped text would need (like snprintf). */
size_t safe_escape(const char *s, char *out, size_t size);

/* Writes s escaped; returns EOF on write error. */
int safe_fputs(const char *s, FILE *f);

/* True if the code point must be escaped. */
bool safe_is_dangerous(unsigned cp);

#endif
