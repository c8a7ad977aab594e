/* config_share: see config_share.h. */
#include "config_share.h"

#include "config.h"

static bool load_bool(struct ini_file *L, const char *key, bool *out)
{
	const char *v = ini_get(L, "share", key);
	if (v && !ini_parse_bool(v, out))
		return ini_fail_key(L, "share", key, "expected true or false, got '%s'", v);
	return true;
}

static bool load_mask_below(struct ini_file *L, struct share_options *s)
{
	int64_t v;
	if (!ini_get(L, "share", "mask_below"))
		return true;
	if (!ini_get_whole(L, "share", "mask_below", false, _("a whole number"), &v))
		return false;
	if (v < 1 || v > 100)
		return ini_fail_key(L, "share", "mask_below",
		                    "expected a count from 1 to 100, got %lld", (long long)v);
	s->mask_below = (int)v;
	return true;
}

bool config_share_load(struct ini_file *L)
{
	static const char *const keys[] = { "folder", "excel_fr", "mask_below", "mask_on_screen", NULL };
	struct share_options *s = &L->c->share;
	if (!ini_check_keys(L, "share", keys))
		return false;
	const char *folder = ini_get(L, "share", "folder");
	if (folder && !*folder)
		return ini_fail_key(L, "share", "folder", "expected a folder, got nothing");
	if (folder)
		s->folder = arena_strdup(&L->c->arena, folder);
	return load_bool(L, "excel_fr", &s->excel_fr) && load_mask_below(L, s) &&
	       load_bool(L, "mask_on_screen", &s->mask_on_screen);
}
