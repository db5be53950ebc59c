/* OpenCC's traditional to simplified conversion: the module
 * cwgview-t2s.so (module.h), loaded by fold.c's first folder.  OpenCC is
 * C++, and with it come libstdc++ and its dictionaries' mappings; as a
 * module none of that is in the program until a search folds. */
#include "config.h"

#include "cwgview/i18n.h"
#include "cwgview/module.h"

#include <errno.h>
#include <opencc.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* OpenCC looks for a configuration named by a relative path, and for the
 * dictionaries a configuration names (its own t2s.json names them by
 * relative paths), in the current directory first: opened as
 * "t2s.json", a t2s.json or TSCharacters.ocd2 lying where cwgview was
 * started would be read instead of OpenCC's (an invalid one turned
 * folding off without a word, a hostile one hung the search).  So the
 * configuration is cwgview's own, that of OpenCC's t2s.json with the
 * dictionaries named by absolute paths in OpenCC's data directory, and
 * OpenCC reads it from an anonymous memory file through its /proc path:
 * no file of the current directory, or of anywhere but that directory,
 * is looked at. */
#define T2S_DICT(name) "{\"type\":\"ocd2\",\"file\":\"" OPENCC_DATADIR "/" name "\"}"
static const char t2s_config[] =
	"{\"name\":\"cwgview t2s\",\"segmentation\":{\"type\":\"mmseg\","
	"\"dict\":" T2S_DICT("TSPhrases.ocd2") "},"
	"\"conversion_chain\":[{\"dict\":{\"type\":\"group\",\"dicts\":["
	T2S_DICT("TSPhrases.ocd2") "," T2S_DICT("TSCharacters.ocd2") "]}}]}";

/* The configuration into a new memory file; -1 when that failed.  It is
 * filled through a mapping: the core makes no write() calls
 * (tests/cli/layering.sh). */
static int t2s_memfd(void)
{
	size_t len = sizeof t2s_config - 1;
	int fd = memfd_create("cwgview-t2s", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	void *p = ftruncate(fd, (off_t)len) == 0
			  ? mmap(NULL, len, PROT_WRITE, MAP_SHARED, fd, 0)
			  : MAP_FAILED;
	if (p == MAP_FAILED) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	memcpy(p, t2s_config, len);
	munmap(p, len);
	return fd;
}

static void *t2s_open(char *err, size_t errsize)
{
	int fd = t2s_memfd();
	if (fd < 0) {
		snprintf(err, errsize,
			 "OpenCC: no memory file for its configuration: %s",
			 strerror(errno));
		return NULL;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	opencc_t cc = opencc_open(path);
	close(fd);
	if (cc == (opencc_t)-1) {
		const char *why = opencc_error();
		snprintf(err, errsize, "OpenCC (%s): %s", OPENCC_DATADIR,
			 why && *why ? why : _("cannot open t2s"));
		return NULL;
	}
	return cc;
}

static char *t2s_convert(void *cc, const char *s, size_t n)
{
	return opencc_convert_utf8(cc, s, n);
}

static void t2s_release(char *converted)
{
	opencc_convert_utf8_free(converted);
}

static void t2s_close(void *cc)
{
	opencc_close(cc);
}

MODULE_EXPORT const void *cwgview_t2s_module(void);
const void *cwgview_t2s_module(void)
{
	static const struct t2s_module m = {MODULE_STAMP, t2s_open, t2s_convert,
					    t2s_release, t2s_close};
	return &m;
}
