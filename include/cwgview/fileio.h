/* Writing files safely: not core (it writes files), no curses.  Shared by
 * --print -o and the browser's s (save). */
#ifndef CWGVIEW_FILEIO_H
#define CWGVIEW_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/* Writes data to a temporary file beside path, syncs it, then renames it
 * over path: a reader never sees half a file and a failure leaves path as
 * it was.  On failure returns false with errno set. */
bool file_write_atomically(const char *path, const void *data, size_t len);

/* Writes all of data to fd, retrying short writes and EINTR. */
bool file_write_all(int fd, const void *data, size_t len);

#endif
