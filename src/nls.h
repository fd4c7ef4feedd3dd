/* nls.h: the translation macros every layer uses for user-facing text.
 * Depends on libintl (part of glibc) only when configure enabled NLS. */
#ifndef NN_NLS_H
#define NN_NLS_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif

/* Marks a string for translation where it is defined (tables); translate with _() where
 * it is used. */
#define N_(s) (s)

#endif
