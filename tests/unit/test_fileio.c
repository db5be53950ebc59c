/* Saving files: a new file, an existing one replaced atomically (a reader
 * of the old file keeps it whole, its mode is kept, nothing is left
 * behind), private files, links followed, and a failed write that leaves
 * the old file as it was.  tests/cli/output.sh covers devices, FIFOs and
 * full file systems. */
#include "config.h"

#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cwgview/buf.h"
#include "cwgview/fileio.h"

struct dir {
	char path[4096];
};

static int setup(void **state)
{
	struct dir *d = calloc(1, sizeof *d);
	const char *tmp = getenv("TMPDIR");
	snprintf(d->path, sizeof d->path, "%s/cwgview-fileio.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(d->path))
		return -1;
	*state = d;
	return 0;
}

static int teardown(void **state)
{
	struct dir *d = *state;
	DIR *dh = opendir(d->path);
	if (dh) {
		struct dirent *e;
		char p[8192];
		while ((e = readdir(dh)))
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
				snprintf(p, sizeof p, "%s/%s", d->path, e->d_name);
				unlink(p);
			}
		closedir(dh);
	}
	rmdir(d->path);
	free(d);
	return 0;
}

/* NAME in the test's directory; the last four answers stay valid. */
static const char *at(void **state, const char *name)
{
	static char p[4][8192];
	static int k;
	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", ((struct dir *)*state)->path, name);
	return p[k];
}

/* The whole file at path (NUL-terminated). */
static char *slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		fail_msg("cannot open %s: %s", path, strerror(errno));
	struct buf b = BUF_INIT;
	char chunk[4096];
	ssize_t k;
	while ((k = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)k);
	close(fd);
	return buf_steal(&b);
}

/* The names in the directory, sorted, one a line. */
static char *listing(void **state)
{
	DIR *dh = opendir(((struct dir *)*state)->path);
	assert_non_null(dh);
	char *names[64];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(dh)) && n < 64)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[n++] = strdup(e->d_name);
	closedir(dh);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		buf_printf(&b, "%s\n", names[i]);
		free(names[i]);
	}
	return buf_steal(&b);
}

static void file_is(const char *path, const char *want)
{
	char *got = slurp(path);
	assert_string_equal(got, want);
	free(got);
}

static void listing_is(void **state, const char *want)
{
	char *got = listing(state);
	assert_string_equal(got, want);
	free(got);
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	return st.st_mode & 07777;
}

static void test_new_file(void **state)
{
	mode_t old = umask(027);
	const char *p = at(state, "topic-07.txt");
	assert_true(file_save(p, "第七\n", strlen("第七\n"), 0));
	file_is(p, "第七\n");
	assert_int_equal(mode_of(p), 0640); /* 0666 less the umask */
	listing_is(state, "topic-07.txt\n"); /* no temporary file left */
	/* Empty data makes an empty file. */
	p = at(state, "empty");
	assert_true(file_save(p, "", 0, 0));
	file_is(p, "");
	umask(old);
}

/* The old file is replaced by a rename: whoever has it open reads it
 * whole, the name gives the new contents, and the mode is the old one. */
static void test_replace_atomically(void **state)
{
	const char *p = at(state, "doc.md");
	assert_true(file_save(p, "old contents\n", 13, 0));
	assert_int_equal(chmod(p, 0604), 0);
	struct stat before;
	assert_int_equal(stat(p, &before), 0);
	int reader = open(p, O_RDONLY);
	assert_true(reader >= 0);

	assert_true(file_save(p, "new\n", 4, 0));
	file_is(p, "new\n");
	struct stat after;
	assert_int_equal(stat(p, &after), 0);
	assert_true(after.st_ino != before.st_ino); /* a new file took the name */
	assert_int_equal(after.st_mode & 07777, 0604);
	char old[32] = "";
	assert_int_equal(read(reader, old, sizeof old - 1), 13);
	assert_string_equal(old, "old contents\n");
	close(reader);
	listing_is(state, "doc.md\n");
}

/* FILE_SAVE_PRIVATE: 0600 whatever the umask and whatever it was. */
static void test_private(void **state)
{
	mode_t old = umask(0);
	const char *p = at(state, "history");
	assert_true(file_save(p, "a\n", 2, FILE_SAVE_PRIVATE));
	assert_int_equal(mode_of(p), 0600);
	assert_int_equal(chmod(p, 0644), 0);
	assert_true(file_save(p, "a\nb\n", 4, FILE_SAVE_PRIVATE));
	assert_int_equal(mode_of(p), 0600);
	file_is(p, "a\nb\n");
	/* Without the flag, a new file gets 0666 less the umask (0 here). */
	p = at(state, "public");
	assert_true(file_save(p, "x", 1, 0));
	assert_int_equal(mode_of(p), 0666);
	umask(old);
}

/* Through a link, the target is replaced and the link stays; a dangling
 * link creates its target; a loop of links is ELOOP. */
static void test_links(void **state)
{
	char target[8192];
	snprintf(target, sizeof target, "%s", at(state, "target.txt"));
	assert_true(file_save(target, "before", 6, 0));
	const char *link = at(state, "link.txt");
	assert_int_equal(symlink("target.txt", link), 0); /* relative */
	assert_true(file_save(link, "after", 5, 0));
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	file_is(target, "after");

	const char *dangling = at(state, "dangling");
	assert_int_equal(symlink("created.txt", dangling), 0);
	assert_true(file_save(dangling, "made", 4, 0));
	assert_int_equal(lstat(dangling, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	file_is(at(state, "created.txt"), "made");

	const char *loop = at(state, "loop");
	assert_int_equal(symlink("loop", loop), 0);
	errno = 0;
	assert_false(file_save(loop, "x", 1, 0));
	assert_int_equal(errno, ELOOP);
	listing_is(state, "created.txt\ndangling\nlink.txt\nloop\ntarget.txt\n");
}

/* A write that fails half-way (here the file size limit, as a full disk
 * would) fails with its errno, leaves the old file as it was and no
 * temporary file beside it. */
static void test_failure_keeps_old(void **state)
{
	const char *p = at(state, "kept.txt");
	assert_true(file_save(p, "the old file\n", 13, 0));
	/* Only the soft limit, which can be raised again. */
	struct rlimit was;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
	struct rlimit small = {65536, was.rlim_max};
	if (was.rlim_cur != RLIM_INFINITY && was.rlim_cur < small.rlim_cur)
		small.rlim_cur = was.rlim_cur;
	void (*xfsz)(int) = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	size_t n = 1 << 20;
	char *big = malloc(n);
	memset(big, 'b', n);
	errno = 0;
	bool saved = file_save(p, big, n, 0);
	int e = errno;
	setrlimit(RLIMIT_FSIZE, &was);
	signal(SIGXFSZ, xfsz);
	free(big);
	assert_false(saved);
	assert_int_equal(e, EFBIG);
	file_is(p, "the old file\n");
	listing_is(state, "kept.txt\n");
}

static void test_errors(void **state)
{
	/* A directory is EISDIR, and so is a name that ends in a slash. */
	errno = 0;
	assert_false(file_save(((struct dir *)*state)->path, "x", 1, 0));
	assert_int_equal(errno, EISDIR);
	char slash[8192];
	snprintf(slash, sizeof slash, "%s/", at(state, "new"));
	errno = 0;
	assert_false(file_save(slash, "x", 1, 0));
	assert_int_equal(errno, EISDIR);
	errno = 0;
	assert_false(file_save(at(state, "no/such/dir"), "x", 1, 0));
	assert_int_equal(errno, ENOENT);
	listing_is(state, "");
}

/* write_all: everything, through a pipe bigger than its buffer, and the
 * error when nobody reads. */
static void test_write_all(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	size_t n = 1 << 20; /* sixteen times a pipe's buffer */
	char *data = malloc(n);
	for (size_t i = 0; i < n; i++)
		data[i] = (char)(i * 31 + i / 4096);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		_exit(file_write_all(fds[1], data, n) ? 0 : 1);
	}
	close(fds[1]);
	char *got = malloc(n + 1);
	size_t have = 0;
	ssize_t k;
	while ((k = read(fds[0], got + have, n + 1 - have)) > 0)
		have += (size_t)k;
	close(fds[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(have, n);
	assert_memory_equal(got, data, n);
	free(got);

	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	void (*pipe_was)(int) = signal(SIGPIPE, SIG_IGN);
	errno = 0;
	assert_false(file_write_all(fds[1], data, 10));
	assert_int_equal(errno, EPIPE);
	signal(SIGPIPE, pipe_was);
	close(fds[1]);
	assert_true(file_write_all(-1, data, 0)); /* nothing to write */
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_atomically, setup, teardown),
		cmocka_unit_test_setup_teardown(test_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_keeps_old, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test(test_write_all),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
