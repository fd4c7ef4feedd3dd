/* progress.h: the learner's progress, a versioned text file of "key value" lines keyed
 * by lesson and unit IDs, saved atomically and merged with other running instances.
 * Must not touch the terminal: callers show the messages it returns. */
#ifndef NN_APP_PROGRESS_H
#define NN_APP_PROGRESS_H

#include <stddef.h>

#define PROGRESS_VERSION 1

typedef struct Progress Progress;

typedef enum {
	PROGRESS_OK,
	PROGRESS_FRESH,     /* no file yet: an empty store */
	PROGRESS_RECOVERED, /* unreadable or unknown version: moved to a backup, fresh */
	PROGRESS_ERR_IO,    /* could not read, write or back up (errno kept) */
	PROGRESS_ERR_NOT_FILE /* not a regular file (a directory, FIFO or device): it is
	                       * left alone, neither read, moved aside nor replaced */
} ProgressStatus;

/* Opens the store at path, loading the file if there is one. A file that cannot be
 * parsed, or whose version is not PROGRESS_VERSION, is renamed to the first free
 * "path.bak.N" (written to backup, a buffer of backup_size bytes) and the store
 * starts empty with status PROGRESS_RECOVERED. Returns NULL only when out of memory;
 * otherwise *st says what happened (PROGRESS_ERR_IO: the file exists but could not be
 * read, or could not be moved aside; the store starts empty and saving will retry).
 * The file is opened without blocking, so a FIFO at path cannot hang the program. */
Progress *progress_open(const char *path, ProgressStatus *st, char *backup, size_t backup_size);

void progress_free(Progress *p);

/* The file the store saves to (NULL for a store not tied to a file). */
const char *progress_path(const Progress *p);

/* How many keys this instance changed since its last successful save. */
size_t progress_unsaved(const Progress *p);

/* Returns the value of key, or NULL. The pointer is valid until the key changes. */
const char *progress_get(const Progress *p, const char *key);

/* Sets key to value. A value is any UTF-8 text, and a save gives it back byte for byte
 * (line ends, backslashes and other control characters but the tab are escaped on
 * disk; spaces and tabs are kept as they are). Keys are printable ASCII without
 * spaces or backslashes, not starting with '#'. Returns 0, or -1 for a bad key, a
 * value that is not UTF-8, or when out of memory. Marks the key as changed by this
 * instance. */
int progress_set(Progress *p, const char *key, const char *value);

/* Convenience: the value as a number, or def when missing or not a number. */
double progress_get_num(const Progress *p, const char *key, double def);
int progress_set_num(Progress *p, const char *key, double value);

/* Calls fn for every key starting with prefix, in sorted order. */
void progress_each(const Progress *p, const char *prefix,
		   void (*fn)(const char *key, const char *value, void *ctx), void *ctx);

/* Saves: takes an exclusive lock (path.lock, never through a symbolic link), re-reads
 * the file so that keys another instance saved meanwhile are kept (keys this instance
 * changed win), writes a new temporary file "path.tmp.XXXXXX" (created exclusively,
 * mode 0600) in the same directory, fsyncs it, renames it over path and fsyncs the
 * directory. With the lock held, the store's first save removes the "path.tmp.*"
 * files that killed saves left: regular files of ours older than a minute. Returns 0; -1 with errno set
 * (read-only or full disk: nothing is lost, the next save tries again); -2 when path
 * is not a regular file (nothing written). Keys a newer version wrote are kept. When
 * nothing changed since the last save (a key set to the value it had does not count)
 * and the file exists, it writes nothing and returns 0. */
int progress_save(Progress *p);

/* Moves the file at path to the first free "path.bak.N", never replacing a backup;
 * writes the backup's name into out. Returns 0, or -1 with errno (ENOENT: no file). */
int progress_backup(const char *path, char *out, size_t size);

/* Parses the text of a progress file into p (replacing nothing already changed by
 * this instance). Returns 0, -1 when it is not a progress file or is malformed, -2
 * for an unknown version. Used by progress_open and by the fuzz target. */
int progress_parse(Progress *p, const char *text, size_t n, int overwrite_clean);

/* Why progress_read could not give a store. */
typedef enum {
	PROGRESS_READ_OK,
	PROGRESS_READ_MISSING,  /* no such file */
	PROGRESS_READ_NOT_FILE, /* a directory, FIFO or device: not read */
	PROGRESS_READ_IO,       /* could not be read (errno kept) */
	PROGRESS_READ_TOO_BIG,  /* larger than a progress file can be */
	PROGRESS_READ_DAMAGED,  /* not a progress file, or malformed */
	PROGRESS_READ_VERSION,  /* a progress file of another version */
	PROGRESS_READ_NOMEM
} ProgressReadStatus;

/* Reads the file at path into a new store not tied to any file, for reports: the
 * file is only read (never locked, moved aside or written, whatever it holds), and
 * the store cannot be saved. Returns NULL with *st saying why when the file cannot be
 * read or is not a progress file of PROGRESS_VERSION. */
Progress *progress_read(const char *path, ProgressReadStatus *st);

/* An empty store not tied to a file (for tests and the fuzz target). */
Progress *progress_new(const char *path);

#endif
