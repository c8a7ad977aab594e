/* i18n: the words the user reads, in the user's language.
 *
 * Every text a person reads on the screen, in the text and Markdown
 * reports, in check's messages and in --help goes through _() (or N_() where
 * it sits in a static table and is translated where it is printed).  What
 * machines read — the CSV report's header, diagnostic codes, config keys —
 * never does. */
#ifndef FOURW_I18N_H
#define FOURW_I18N_H

/* The translation of msgid in the language chosen, or msgid itself. */
const char *i18n_text(const char *msgid);

#define _(msgid) i18n_text(msgid)
#define N_(msgid) (msgid)

#endif
