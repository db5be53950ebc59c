/* Memory hints shared by the core's big allocations. */
#ifndef CWGVIEW_MEM_H
#define CWGVIEW_MEM_H

#include <stddef.h>

/* Size of a transparent huge page on the systems that have them. */
#define MEM_HUGE_PAGE ((size_t)2 << 20)

/* Loading and indexing a large document write a hundred megabytes of new
 * memory, and first-touch page faults were a third of that time on the
 * bench machine (a VM, where each fault is costly).  Where the kernel
 * offers transparent huge pages on request (Linux, "madvise" mode), this
 * asks for them on [p, p+n): only whole, aligned huge pages inside the
 * range are affected, and nothing happens elsewhere. */
void mem_hint_huge(void *p, size_t n);

/* The array p of *cap elements of elem bytes, with room for element n:
 * p itself, or p reallocated to twice the size (to `first` elements when
 * empty).  NULL when out of memory, p then being unchanged.  The one
 * growth rule of the core's arrays. */
void *mem_room(void *p, size_t n, size_t *cap, size_t elem, size_t first);

/* mem_room for a typed array: p (a pointer variable or member) and cap
 * (its capacity in elements) are updated when there is room for element
 * n; true then, false when out of memory (both unchanged). */
#define MEM_ROOM(p, n, cap, first)                                          \
	__extension__({                                                     \
		void *mem_room_q_ =                                         \
			mem_room((p), (n), &(cap), sizeof *(p), (first));   \
		if (mem_room_q_)                                            \
			(p) = mem_room_q_;                                  \
		mem_room_q_ != NULL;                                        \
	})

/* A buffer of n bytes mapped from the system rather than taken from
 * malloc, so that the part of it that is done with can be given back while
 * the rest is still in use (the loader's input).  NULL when out of memory
 * or n is 0. */
void *mem_map(size_t n);
/* p, of n bytes, resized to m bytes and moved if need be; NULL (p then
 * unchanged) when out of memory. */
void *mem_remap(void *p, size_t n, size_t m);
void mem_unmap(void *p, size_t n);
/* Gives back pages of the mem_map buffer p whose bytes are no longer
 * needed: none before byte to is, and those before from were given back
 * by an earlier call.  So the pages from the one holding byte from to the
 * last one wholly before to; they read as zeros afterwards. */
void mem_give_back(void *p, size_t from, size_t to);

#endif
