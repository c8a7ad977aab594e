#include "rowbuf.h"

#include <stdarg.h>
#include <stdio.h>

enum row_outcome rowbuf_reject_at(struct rowbuf *r, enum diag_code code, uint32_t col,
                                  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreject(&r->ctx->table->diags, r->rejected, code, r->ctx->source, r->line, col,
	             fmt, ap);
	va_end(ap);
	r->rejected = true;
	return ROW_REJECTED;
}

void rowbuf_warn(struct rowbuf *r, enum diag_code code, enum field f, const char *fmt, ...)
{
	if (r->held->n == MAX_PENDING)
		return;
	va_list ap;
	va_start(ap, fmt);
	r->held->w[r->held->n].code = code;
	r->held->w[r->held->n].col = f < F_COUNT ? col_of(r, f) : 0;
	r->held->w[r->held->n].kept = NULL;
	r->held->w[r->held->n].said = NULL;
	vsnprintf(r->held->w[r->held->n].msg, sizeof r->held->w[0].msg, fmt, ap);
	va_end(ap);
	r->held->n++;
}

void rowbuf_warn_kept(struct rowbuf *r, enum diag_code code, enum field f, const char *words,
                      uint32_t *said)
{
	if (r->held->n == MAX_PENDING)
		return;
	r->held->w[r->held->n].code = code;
	r->held->w[r->held->n].col = f < F_COUNT ? col_of(r, f) : 0;
	r->held->w[r->held->n].kept = words;
	r->held->w[r->held->n].said = said;
	r->held->n++;
}

void rowbuf_flush_warnings(struct rowbuf *r)
{
	struct diag_list *l = &r->ctx->table->diags;
	for (size_t i = 0; i < r->held->n; i++) {
		const struct pending_warning *w = &r->held->w[i];
		if (w->said && *w->said != DIAG_WORDS_UNSAID) {
			diag_add_again(l, r->line, *w->said);
			continue;
		}
		uint32_t id = diag_add_text(l, DIAG_WARNING, w->code, r->ctx->source, r->line, w->col,
		                            w->kept ? w->kept : w->msg);
		if (w->said)
			*w->said = id;
	}
}
