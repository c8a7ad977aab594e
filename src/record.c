#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void record_push(struct csvline_cells *r, const char *s, size_t len)
{
	if (r->n + 1 > r->offcap)
		r->offs = xgrow(r->offs, &r->offcap, r->n + 1, sizeof *r->offs);
	if (r->len + len + 1 > r->cap)
		r->bytes = xgrow(r->bytes, &r->cap, r->len + len + 1, 1);
	r->offs[r->n++] = r->len;
	memcpy(r->bytes + r->len, s, len);
	r->len += len;
	r->bytes[r->len++] = '\0';
}

static bool is_trim_byte(const unsigned char *s, size_t len, size_t *w)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) {
		*w = 1;
		return true;
	}
	if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0) {        /* NBSP */
		*w = 2;
		return true;
	}
	if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF) {   /* narrow NBSP */
		*w = 3;
		return true;
	}
	return false;
}

void record_trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len, w;
	while (n && is_trim_byte((const unsigned char *)p, n, &w)) {
		p += w;
		n -= w;
	}
	for (;;) {
		if (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
			n--;
		else if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 && (unsigned char)p[n - 1] == 0xA0)
			n -= 2;
		else if (n >= 3 && (unsigned char)p[n - 3] == 0xE2 &&
		         (unsigned char)p[n - 2] == 0x80 && (unsigned char)p[n - 1] == 0xAF)
			n -= 3;
		else
			break;
	}
	*s = p;
	*len = n;
}

static bool may_trim(const char *s, size_t len)
{
	return len && csvline_may_trim((unsigned char)s[0], (unsigned char)s[len - 1]);
}

/* Most rows have no cell to trim and are only looked at. */
void record_trim_cells(struct csvline_cells *c)
{
	size_t i = 0;
	while (i < c->n && !may_trim(c->bytes + c->offs[i], csvline_cell_len(c, i)))
		i++;
	if (i == c->n)
		return;
	size_t w = c->offs[i];
	for (; i < c->n; i++) {
		const char *s = c->bytes + c->offs[i];
		size_t len = csvline_cell_len(c, i);
		record_trim(&s, &len);
		memmove(c->bytes + w, s, len);
		c->offs[i] = w;
		c->bytes[w + len] = '\0';
		w += len + 1;
	}
	c->len = w;
}

struct saved record_save(const struct record *r)
{
	const struct csvline_cells *c = &r->c;
	struct saved s = { .line = r->line, .n = c->n, .of = r->of };
	s.bytes = xmalloc(c->len ? c->len : 1);
	memcpy(s.bytes, c->bytes, c->len);
	s.offs = xmalloc((c->n ? c->n : 1) * sizeof *s.offs);
	memcpy(s.offs, c->offs, c->n * sizeof *s.offs);
	return s;
}

void saved_free(struct saved *s)
{
	free(s->bytes);
	free(s->offs);
}

void saved_list_free(struct saved_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		saved_free(&l->items[i]);
	free(l->items);
	*l = (struct saved_list){0};
}

void saved_list_keep(struct saved_list *l, uint32_t line, char *bytes, const size_t *offs,
                     size_t n, const struct overflow *of)
{
	struct record tmp = {
		.line = line, .of = *of,
		.c = { .bytes = bytes, .offs = (size_t *)offs, .n = n,
		       .len = n ? offs[n - 1] + strlen(bytes + offs[n - 1]) + 1 : 0 },
	};
	l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
	l->items[l->n++] = record_save(&tmp);
}
