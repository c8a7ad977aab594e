/* i18n: see i18n.h.  English is the source language; until a catalogue is
 * chosen every text is its own translation. */
#include "i18n.h"

const char *i18n_text(const char *msgid)
{
	return msgid;
}
