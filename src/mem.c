#include "cwgview/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

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
