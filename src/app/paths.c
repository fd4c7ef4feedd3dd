/* paths.c: finding the course content and the message catalogs.
 * Must not touch the terminal; configure-time paths come from the build (Makefile.am). */
#include <config.h>

#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/paths.h"
#include "lesson/course.h"

const char *paths_content_dir(const ContentPlaces *p, ContentSource *src)
{
	if (p->option) {
		*src = CONTENT_FROM_OPTION;
		return p->option;
	}
	if (p->env && *p->env) {
		*src = CONTENT_FROM_ENV;
		return p->env;
	}
	if (p->exe_dir && p->build_dir && strcmp(p->exe_dir, p->build_dir) == 0) {
		*src = CONTENT_FROM_BUILD;
		return p->source_dir;
	}
	*src = CONTENT_FROM_INSTALL;
	return p->install_dir;
}

/* The directory of the running program, resolved; NULL where /proc is missing. */
static const char *exe_dir(void)
{
	static char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return buf;
}

/* The build tree's program directory with symbolic links resolved, as exe_dir is. */
static const char *build_dir(void)
{
	static char buf[PATH_MAX];
	return realpath(NN_BUILD_DIR "/src", buf);
}

static int from_build_tree(void)
{
	const char *e = exe_dir(), *b = build_dir();
	return e && b && strcmp(e, b) == 0;
}

void paths_content_places(ContentPlaces *p, const char *option)
{
	p->option = option;
	p->env = getenv("NEURONAUTS_CONTENT");
	p->exe_dir = exe_dir();
	p->build_dir = build_dir();
	p->source_dir = NN_SOURCE_DIR "/content";
	p->install_dir = PKGDATADIR "/content";
}

const char *paths_locale_dir(void)
{
	return from_build_tree() ? NN_BUILD_DIR "/po/locale" : LOCALEDIR;
}

char *paths_progress_file(const char *option, const char *env, const char *home, char *buf,
			  size_t size)
{
	int n;

	if (option && *option)
		n = snprintf(buf, size, "%s", option);
	else if (env && *env)
		n = snprintf(buf, size, "%s", env);
	else if (home && *home)
		n = snprintf(buf, size, "%s/.neuronauts", home);
	else
		return NULL;
	return n >= 0 && (size_t)n < size ? buf : NULL;
}

const char *paths_home(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home && *home)
		return home;
	pw = getpwuid(getuid());
	return pw ? pw->pw_dir : NULL;
}

int paths_is_content_dir(const char *dir)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof path, "%s/%s", dir, COURSE_INDEX_FILE) >= (int)sizeof path)
		return 0;
	return access(path, R_OK) == 0;
}
