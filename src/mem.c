#include "config.h"

#include "cwgview/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

void mem_hint_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = MEM_HUGE_PAGE;
	uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t e = ((uintptr_t)p + n) & ~(huge - 1);
	if (p && e > a)
		madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

void *mem_room(void *p, size_t n, size_t *cap, size_t elem, size_t first)
{
	if (n < *cap)
		return p;
	size_t c = *cap ? *cap * 2 : first;
	if (c > SIZE_MAX / elem)
		return NULL;
	void *q = realloc(p, c * elem);
	if (q)
		*cap = c;
	return q;
}

void *mem_map(size_t n)
{
	if (!n)
		return NULL;
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

void *mem_remap(void *p, size_t n, size_t m)
{
	void *q = mremap(p, n, m, MREMAP_MAYMOVE);
	return q == MAP_FAILED ? NULL : q;
}

void mem_unmap(void *p, size_t n)
{
	if (p)
		munmap(p, n);
}

void mem_give_back(void *p, size_t from, size_t to)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	from = from / page * page;
	to = to / page * page;
	if (p && to > from)
		madvise((char *)p + from, to - from, MADV_DONTNEED);
}
