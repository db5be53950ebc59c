/* User-interface strings go through _() so that a Chinese interface can be
 * added with gettext without touching every call site.  Until translations
 * exist (ENABLE_NLS undefined) the macros are the identity. */
#ifndef CWGVIEW_I18N_H
#define CWGVIEW_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(one, many, n) ngettext(one, many, n)
#else
#define _(s) (s)
#define P_(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(s) (s)

/* C_(context, s): s translated in a context, where one English text needs
 * two translations (Chinese spaces a topic number apart, but not a closing
 * parenthesis).  xgettext: --keyword=C_:1c,2. */
#ifdef ENABLE_NLS
static inline const char *cwg_pgettext(const char *with_context, const char *s)
{
	const char *t = gettext(with_context);
	return t == with_context ? s : t;
}
#define C_(ctx, s) cwg_pgettext(ctx "\004" s, s)
#else
#define C_(ctx, s) (s)
#endif

#endif
