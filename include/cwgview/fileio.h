/* Writing files safely: not core (it writes files), no curses.  Shared by
 * --print -o, the browser's s (save) and the search history. */
#ifndef CWGVIEW_FILEIO_H
#define CWGVIEW_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

enum file_save_flags {
	/* The file is 0600 whatever the umask, and made 0600 again if it
	 * was not (the search history says what someone read). */
	FILE_SAVE_PRIVATE = 1u << 0,
};

/* Writes data to what path names, without ever replacing what should be
 * written to:
 * - a regular file, or a name that does not exist yet: a temporary file
 *   beside it is written and synced, then renamed over it, so that a
 *   reader never sees half a file and a failure (a full disk) leaves the
 *   old one as it was.  An existing file keeps its mode, and its owner
 *   when running as root; a new one gets 0666 less the umask.
 * - a symlink: the same for its target, and the link stays.  A dangling
 *   link creates its target; a relative target is read from the link's
 *   directory, as the kernel does; a chain longer than 40 links is ELOOP.
 * - anything else (a device, a FIFO, /dev/stdout on a pipe or terminal):
 *   opened and written to, never replaced; a directory is EISDIR.
 * On failure returns false with errno set, and path is as it was (but for
 * a device or FIFO, which may have taken part of the data). */
bool file_save(const char *path, const void *data, size_t len, unsigned flags);

/* Writes all of data to fd, retrying short writes and EINTR. */
bool file_write_all(int fd, const void *data, size_t len);

#endif
