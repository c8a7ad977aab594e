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
	vsnprintf(r->held->w[r->held->n].msg, sizeof r->held->w[0].msg, fmt, ap);
	va_end(ap);
	r->held->n++;
}

void rowbuf_warn_kept(struct rowbuf *r, enum diag_code code, enum field f, const char *words)
{
	if (r->held->n == MAX_PENDING)
		return;
	r->held->w[r->held->n].code = code;
	r->held->w[r->held->n].col = f < F_COUNT ? col_of(r, f) : 0;
	r->held->w[r->held->n].kept = words;
	r->held->n++;
}

void rowbuf_flush_warnings(struct rowbuf *r)
{
	for (size_t i = 0; i < r->held->n; i++)
		diag_add_text(&r->ctx->table->diags, DIAG_WARNING, r->held->w[i].code, r->ctx->source,
		              r->line, r->held->w[i].col,
		              r->held->w[i].kept ? r->held->w[i].kept : r->held->w[i].msg);
}
