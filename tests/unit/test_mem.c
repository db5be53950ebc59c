/* The core's growth rule (mem_room) and the huge-page hint: only whole,
 * aligned huge pages inside the range are asked for, as the kernel's own
 * account of the mappings (/proc/self/smaps) shows. */
#include "config.h"

#include "unit.h"

#include <errno.h>
#include <sys/mman.h>

#include "cwgview/mem.h"

static void test_room_keeps_what_fits(void **state)
{
	(void)state;
	size_t cap = 0;
	int *a = mem_room(NULL, 0, &cap, sizeof *a, 4);
	assert_non_null(a);
	assert_int_equal(cap, 4); /* empty: `first` elements */
	for (size_t n = 1; n < 4; n++) {
		int *b = mem_room(a, n, &cap, sizeof *a, 4);
		assert_ptr_equal(b, a); /* room for element n already */
		assert_int_equal(cap, 4);
	}
	free(a);
}

/* Pushing 1000 elements: the capacity doubles (4, 8, …, 1024), each
 * element pushed survives every reallocation. */
static void test_room_doubles(void **state)
{
	(void)state;
	size_t cap = 0, changes = 0, last = 0;
	long *a = NULL;
	for (size_t n = 0; n < 1000; n++) {
		long *b = mem_room(a, n, &cap, sizeof *a, 4);
		assert_non_null(b);
		a = b;
		assert_true(n < cap);
		if (cap != last) {
			assert_int_equal(cap, last ? 2 * last : 4);
			last = cap;
			changes++;
		}
		a[n] = (long)n * 7;
	}
	assert_int_equal(cap, 1024);
	assert_int_equal(changes, 9);
	for (size_t n = 0; n < 1000; n++)
		assert_int_equal(a[n], (long)n * 7);
	free(a);
}

/* A size that does not fit in size_t is refused, and the array and its
 * capacity are left as they were. */
static void test_room_overflow(void **state)
{
	(void)state;
	size_t cap = 0;
	char *a = mem_room(NULL, 0, &cap, 1, 16);
	assert_non_null(a);
	memcpy(a, "still here", 11);
	size_t huge = SIZE_MAX / 16 + 1; /* 2 * 16 elements of this overflow */
	cap = 16;
	assert_null(mem_room(a, 16, &cap, huge, 16));
	assert_int_equal(cap, 16);
	assert_string_equal(a, "still here");
	size_t zero = 0;
	assert_null(mem_room(NULL, 0, &zero, SIZE_MAX / 2, 3));
	assert_int_equal(zero, 0);
	free(a);
}

/* The VmFlags of the mapping that holds addr, from /proc/self/smaps. */
static void vm_flags(const void *addr, char *out, size_t size)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	if (!f)
		fail_msg("cannot read /proc/self/smaps");
	char line[512];
	bool in = false;
	out[0] = '\0';
	while (fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		char c;
		if (sscanf(line, "%lx-%lx %c", &lo, &hi, &c) == 3) {
			in = (uintptr_t)addr >= lo && (uintptr_t)addr < hi;
		} else if (in && strncmp(line, "VmFlags:", 8) == 0) {
			snprintf(out, size, "%s", line + 8);
			break;
		}
	}
	fclose(f);
	if (!out[0])
		fail_msg("no mapping holds %p", addr);
}

static bool hinted(const void *addr)
{
	char flags[512];
	vm_flags(addr, flags, sizeof flags);
	return strstr(flags, " hg") != NULL;
}

static void test_hint_huge_pages(void **state)
{
	(void)state;
	const size_t H = MEM_HUGE_PAGE;
	/* Six huge pages of address space, so that five aligned ones fit. */
	size_t span = 6 * H;
	char *map = mmap(NULL, span, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(map != MAP_FAILED);
	char *a = (char *)(((uintptr_t)map + H - 1) & ~(uintptr_t)(H - 1));
	memset(a, 'x', 4 * H);
	/* Nothing that is not a whole huge page: no change anywhere. */
	mem_hint_huge(NULL, 8 * H);
	mem_hint_huge(a + 1, H - 2);
	mem_hint_huge(a + 4096, H);
	for (size_t k = 0; k < 4; k++)
		assert_false(hinted(a + k * H));

	/* Whether this kernel can do it at all: without transparent huge
	 * pages (CONFIG_TRANSPARENT_HUGEPAGE off) madvise says EINVAL, and
	 * the hint must do nothing, which is what there is to test then. */
	char *probe = mmap(NULL, 2 * H, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(probe != MAP_FAILED);
	bool thp = madvise(probe, 2 * H, MADV_HUGEPAGE) == 0;
	int why = errno;
	munmap(probe, 2 * H);

	/* From a little into the first huge page to a little into the
	 * fourth: only the second and third are whole, so only they are
	 * hinted, and the data stays as it was. */
	mem_hint_huge(a + 4096, 3 * H);
	if (thp) {
		assert_false(hinted(a));
		assert_false(hinted(a + H - 1));
		assert_true(hinted(a + H));
		assert_true(hinted(a + 2 * H + H / 2));
		assert_true(hinted(a + 3 * H - 1));
		assert_false(hinted(a + 3 * H));
	} else {
		print_message("# transparent huge pages: madvise: %s; the hint "
			      "must change nothing\n", strerror(why));
		for (size_t k = 0; k < 4; k++)
			assert_false(hinted(a + k * H));
	}
	for (size_t i = 0; i < 4 * H; i += 4096)
		assert_int_equal(a[i], 'x');
	munmap(map, span);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_room_keeps_what_fits),
		cmocka_unit_test(test_room_doubles),
		cmocka_unit_test(test_room_overflow),
		cmocka_unit_test(test_hint_huge_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
