/* Writing files safely: see include/cwgview/fileio.h for the rules.
 *
 * What is at the path decides how it is written.  stat() (following every
 * link, as the kernel does) says what the data would end up in; only a
 * regular file, or nothing yet, is replaced by a rename.  The links are
 * then followed by hand, because the last one may dangle and rename()
 * would replace the link itself. */
#include "config.h"

#include "cwgview/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cwgview/text.h"

/* Linux's own limit when it follows links (MAXSYMLINKS). */
enum { MAX_LINKS = 40 };

static const char tmp_suffix[] = ".tmpXXXXXX";

bool file_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t k = write(fd, p, len);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += k;
		len -= (size_t)k;
	}
	return true;
}

static bool fail(int e)
{
	errno = e;
	return false;
}

/* The length of path's directory part, its last slash included (0 for a
 * bare name). */
static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? (size_t)(slash - path) + 1 : 0;
}

/* out gets what the chain of links at the end of path leads to: a name
 * that is not a link, or the name a dangling link points to.  A relative
 * target is joined to the link's directory as it was named, not
 * normalised, so that ".." means what it means to the kernel. */
static bool follow_links(const char *path, char *out, size_t size)
{
	size_t n = strlen(path);
	if (n >= size)
		return fail(ENAMETOOLONG);
	memcpy(out, path, n + 1);
	for (int links = 0;; links++) {
		struct stat st;
		if (lstat(out, &st) != 0)
			return errno == ENOENT;
		if (!S_ISLNK(st.st_mode))
			return true;
		if (links == MAX_LINKS)
			return fail(ELOOP);
		char target[PATH_MAX];
		ssize_t k = readlink(out, target, sizeof target);
		if (k < 0)
			return false;
		if ((size_t)k >= sizeof target)
			return fail(ENAMETOOLONG);
		target[k] = '\0';
		size_t d = target[0] == '/' ? 0 : dir_len(out);
		if (d + (size_t)k >= size)
			return fail(ENAMETOOLONG);
		memcpy(out + d, target, (size_t)k + 1);
	}
}

/* DIR/NAME.tmpXXXXXX for mkstemp, with NAME cut at a character boundary
 * so that the temporary name fits in NAME_MAX: a target whose name is
 * already near the limit must still save. */
static char *temp_name(const char *path)
{
	size_t d = dir_len(path), n = strlen(path + d), keep = 0;
	const size_t room = NAME_MAX - (sizeof tmp_suffix - 1);
	while (keep < n) {
		uint32_t uc;
		size_t k = (size_t)text_next(path + d + keep, n - keep, &uc);
		if (keep + k > room)
			break;
		keep += k;
	}
	char *tmp = malloc(d + keep + sizeof tmp_suffix);
	if (!tmp) {
		errno = ENOMEM;
		return NULL;
	}
	memcpy(tmp, path, d + keep);
	memcpy(tmp + d + keep, tmp_suffix, sizeof tmp_suffix);
	return tmp;
}

/* The temporary file is 0600 from mkstemp until here, so nobody could open
 * it with more than it ends with.  old is the file it replaces, or NULL. */
static bool set_owner_and_mode(int fd, const struct stat *old, unsigned flags)
{
	mode_t mode;
	if (flags & FILE_SAVE_PRIVATE) {
		mode = 0600;
	} else if (old) {
		mode = old->st_mode & 07777;
	} else {
		/* What open(2) gives a new file.  The umask cannot be read
		 * without setting it; no other thread creates files. */
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	/* Root keeps the owner; anyone else keeps the group if they may
	 * (one of their groups), else the file becomes theirs, as with mv. */
	bool root = geteuid() == 0;
	if (old && fchown(fd, root ? old->st_uid : (uid_t)-1, old->st_gid) != 0 &&
	    root)
		return false;
	/* After fchown, which clears set-user-ID and set-group-ID bits. */
	return fchmod(fd, mode) == 0;
}

/* The rename is an entry in the directory: sync that too, so that after a
 * crash the name holds the old file or the new one.  Best effort: not
 * every file system can. */
static void sync_dir(const char *path)
{
	size_t d = dir_len(path);
	char *dir = d ? strndup(path, d) : NULL;
	if (d && !dir)
		return;
	int fd = open(dir ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

static bool replace_atomically(const char *path, const struct stat *old,
			       const void *data, size_t len, unsigned flags)
{
	if (!path[dir_len(path)])
		return fail(EISDIR); /* "name/": as open(2) says */
	char *tmp = temp_name(path);
	if (!tmp)
		return false;
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return fail(e);
	}
	bool ok = set_owner_and_mode(fd, old, flags) &&
		  file_write_all(fd, data, len) && fsync(fd) == 0;
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		e = errno;
	}
	if (ok)
		sync_dir(path);
	else
		unlink(tmp);
	free(tmp);
	errno = e;
	return ok;
}

/* A device, a FIFO, a terminal: written to as the shell's > would, never
 * replaced (no O_CREAT: it exists).  A regular file only gets here behind
 * a link whose text does not name it (/proc/self/fd/N of a deleted file):
 * it is emptied first, as > does. */
static bool write_in_place(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	bool ok = (!regular || ftruncate(fd, 0) == 0) &&
		  file_write_all(fd, data, len) && (!regular || fsync(fd) == 0);
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	errno = e;
	return ok;
}

bool file_save(const char *path, const void *data, size_t len, unsigned flags)
{
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (!exists && errno != ENOENT)
		return false; /* ELOOP, EACCES, ENOTDIR… */
	if (exists && !S_ISREG(st.st_mode))
		return write_in_place(path, data, len);
	char real[PATH_MAX];
	if (!follow_links(path, real, sizeof real))
		return false;
	struct stat rst;
	bool found = lstat(real, &rst) == 0;
	if (found && !S_ISREG(rst.st_mode))
		return write_in_place(real, data, len); /* it changed since */
	/* A link whose text is not where its file is: /proc/self/fd/N. */
	if (exists && (!found || rst.st_dev != st.st_dev || rst.st_ino != st.st_ino))
		return write_in_place(path, data, len);
	return replace_atomically(real, found ? &rst : NULL, data, len, flags);
}
