/* Loading the modules (module.h): PDF output and OpenCC, on first use. */
#include "config.h"

#include "cwgview/i18n.h"
#include "cwgview/module.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PKGLIBDIR
#define PKGLIBDIR "/usr/local/lib/cwgview"
#endif

static bool has_file(const char *dir, const char *file)
{
	char path[PATH_MAX];
	struct stat st;
	return snprintf(path, sizeof path, "%s/%s", dir, file) < (int)sizeof path &&
	       stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The running program's directory into dir; false when /proc does not
 * say. */
static bool program_dir(char *dir, size_t dirsize)
{
	ssize_t n = readlink("/proc/self/exe", dir, dirsize - 1);
	if (n <= 0 || (size_t)n >= dirsize - 1)
		return false;
	dir[n] = '\0';
	char *slash = strrchr(dir, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/* The directory to load file from: the first of the places module.h
 * names that applies. */
static void module_dir(const char *file, char *dir, size_t dirsize)
{
	const char *env = getenv("CWGVIEW_MODULE_DIR");
	if (env && *env) {
		snprintf(dir, dirsize, "%s", env);
		return;
	}
	if (program_dir(dir, dirsize) && has_file(dir, file))
		return;
	snprintf(dir, dirsize, "%s", PKGLIBDIR);
}

static bool same_stamp(const struct module_stamp *a,
		       const struct module_stamp *b)
{
	return a->abi == b->abi && a->doc_size == b->doc_size &&
	       a->topic_size == b->topic_size &&
	       a->input_size == b->input_size &&
	       a->block_size == b->block_size && a->item_size == b->item_size;
}

const void *module_load(const char *file, const char *entry,
			const char *packages, char *err, size_t errsize)
{
	char dir[PATH_MAX], path[PATH_MAX];
	module_dir(file, dir, sizeof dir);
	if (snprintf(path, sizeof path, "%s/%s", dir, file) >= (int)sizeof path) {
		snprintf(err, errsize, _("cannot load %s: the path is too long"), file);
		return NULL;
	}
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		/* dlerror names the path again, "PATH: cannot open …". The
		 * packages first: a status line cuts the end off. */
		const char *why = dlerror();
		size_t n = strlen(path);
		if (why && strncmp(why, path, n) == 0 && strncmp(why + n, ": ", 2) == 0)
			why += n + 2;
		snprintf(err, errsize,
			 _("needs the Debian packages %s; cannot load %s: %s"),
			 packages, path, why ? why : _("dlopen failed"));
		return NULL;
	}
	const void *(*get)(void); /* every entry is const void *NAME(void) */
	void *sym = dlsym(h, entry);
	memcpy(&get, &sym, sizeof get); /* ISO C has no object-to-function cast */
	const struct module_stamp want = MODULE_STAMP;
	const struct module_stamp *have = sym ? get() : NULL; /* a table starts with its stamp */
	if (!have || !same_stamp(have, &want)) {
		/* Left loaded: whatever it set up at load stays valid. */
		snprintf(err, errsize,
			 _("cannot load %s: it is not the module of this cwgview "
			 "(reinstall cwgview)"), path);
		return NULL;
	}
	return have;
}
