/* paths.h: where the course content and the translations are found.
 * Pure decisions from explicit inputs, so tests can drive every case; no terminal. */
#ifndef NN_APP_PATHS_H
#define NN_APP_PATHS_H

#include <stddef.h>

typedef enum {
	CONTENT_FROM_OPTION,  /* --content-dir */
	CONTENT_FROM_ENV,     /* NEURONAUTS_CONTENT */
	CONTENT_FROM_BUILD,   /* the source tree, when run from the build tree */
	CONTENT_FROM_INSTALL  /* $(pkgdatadir)/content */
} ContentSource;

typedef struct {
	const char *option;   /* --content-dir, or NULL */
	const char *env;      /* $NEURONAUTS_CONTENT, or NULL */
	const char *exe_dir;  /* the running program's directory, or NULL if unknown */
	const char *build_dir;   /* the build tree's program directory (configure time) */
	const char *source_dir;  /* the source tree's content directory (configure time) */
	const char *install_dir; /* the installed content directory */
} ContentPlaces;

/* Chooses the content directory, first match wins: option, environment (when
 * non-empty), the source tree when exe_dir is build_dir, the installed directory.
 * Returns a pointer into p; sets *src to where it came from. */
const char *paths_content_dir(const ContentPlaces *p, ContentSource *src);

/* Fills p from the environment, /proc/self/exe and the configure-time paths. The
 * strings stay valid until the next call. */
void paths_content_places(ContentPlaces *p, const char *option);

/* Returns the directory for bindtextdomain: the build tree's compiled catalogs when
 * running from the build tree, else the installed locale directory. */
const char *paths_locale_dir(void);

/* Chooses the progress file: option, else $NEURONAUTS_PROGRESS when non-empty, else
 * home/.neuronauts. Writes it into buf; returns buf, or NULL when there is no home
 * (home NULL or empty) to fall back on or the path does not fit. */
char *paths_progress_file(const char *option, const char *env, const char *home, char *buf,
			  size_t size);

/* The home directory: $HOME when set and non-empty, else the password database's. */
const char *paths_home(void);

/* Returns 1 when dir holds a readable course index, else 0. */
int paths_is_content_dir(const char *dir);

#endif
