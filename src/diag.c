#include "diag.h"

#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

void diag_list_init(struct diag_list *l)
{
	l->items = NULL;
	l->len = l->cap = 0;
	l->rejects = l->warnings = l->notes = 0;
	arena_init(&l->arena, 16 * 1024);
}

void diag_list_free(struct diag_list *l)
{
	free(l->items);
	arena_free(&l->arena);
	l->items = NULL;
	l->len = l->cap = 0;
}

void diag_vadd(struct diag_list *l, enum diag_level level, enum diag_code code,
               uint32_t source, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	char buf[4096];     /* a sheet's note may list its header and the known ones */
	vsnprintf(buf, sizeof buf, fmt, ap);
	l->items = xgrow(l->items, &l->cap, l->len + 1, sizeof *l->items);
	l->items[l->len++] = (struct diag){
		.source = source, .line = line, .col = col, .level = level,
		.code = code, .msg = arena_strdup(&l->arena, buf),
	};
	if (level == DIAG_REJECT)
		l->rejects++;
	else if (level == DIAG_WARNING)
		l->warnings++;
	else
		l->notes++;
}

void diag_add(struct diag_list *l, enum diag_level level, enum diag_code code,
              uint32_t source, uint32_t line, uint32_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(l, level, code, source, line, col, fmt, ap);
	va_end(ap);
}

void diag_vreject(struct diag_list *l, bool more, enum diag_code code, uint32_t source,
                  uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	struct diag *last = l->len ? &l->items[l->len - 1] : NULL;
	if (!more || !last || last->level != DIAG_REJECT || last->source != source ||
	    last->line != line) {
		diag_vadd(l, DIAG_REJECT, code, source, line, col, fmt, ap);
		return;
	}
	char buf[4096];
	int n = snprintf(buf, sizeof buf, "%s; also ", last->msg);
	if (n > 0 && (size_t)n < sizeof buf)
		vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
	last->msg = arena_strdup(&l->arena, buf);
}

bool error_set(struct error *e, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return false;
}
