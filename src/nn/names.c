/* names.c: the one name lookup the library's *_from_name functions share.
 * libc only; no state. */
#include <config.h>

#include <string.h>

#include "nn/names.h"

int names_find(const char *const *names, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}
