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

#endif
