/* names.h: looking a name up in a table of names, for every enum the library names
 * (activations, losses, optimizers, initializers, datasets, kernel levels).
 * libc only. */
#ifndef NN_NN_NAMES_H
#define NN_NN_NAMES_H

/* Returns the index of name in names[0..n), or -1 when it is not there. */
int names_find(const char *const *names, int n, const char *name);

#endif
