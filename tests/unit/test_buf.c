/* The growable buffer: contents always NUL-terminated, growth by doubling
 * from 64 bytes, a size that would overflow refused (and remembered), and
 * steal leaving the buffer empty. */
#include "config.h"

#include "unit.h"

#include "cwgview/buf.h"

/* The terminating NUL is there and the contents are exactly want. */
static void holds(const struct buf *b, const char *want, size_t n)
{
	assert_int_equal(b->len, n);
	assert_non_null(b->data);
	assert_memory_equal(b->data, want, n);
	assert_int_equal(b->data[n], '\0');
	assert_true(b->cap > n);
	assert_false(b->oom);
}

static void test_empty(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	/* An empty buffer still steals as a string, "". */
	char *s = buf_steal(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	buf_reset(&b);
	buf_free(&b);
}

static void test_add_terminates(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_true(buf_add(&b, "abcdef", 3));
	holds(&b, "abc", 3);
	/* Bytes are bytes: a NUL inside is kept and counted. */
	assert_true(buf_add(&b, "x\0y", 3));
	holds(&b, "abcx\0y", 6);
	assert_true(buf_adds(&b, "中文"));
	holds(&b, "abcx\0y中文", 12);
	assert_true(buf_addc(&b, '!'));
	holds(&b, "abcx\0y中文!", 13);
	assert_true(buf_add(&b, NULL, 0));
	holds(&b, "abcx\0y中文!", 13);
	assert_true(buf_addn(&b, '-', 4));
	holds(&b, "abcx\0y中文!----", 17);
	assert_true(buf_addn(&b, '-', 0));
	holds(&b, "abcx\0y中文!----", 17);
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

/* One byte at a time to 10000: the capacity doubles from 64, so it
 * changes a handful of times, and every step is terminated. */
static void test_growth(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	size_t changes = 0, cap = 0;
	for (size_t i = 0; i < 10000; i++) {
		assert_true(buf_addc(&b, (char)('a' + i % 26)));
		assert_int_equal(b.len, i + 1);
		assert_int_equal(b.data[b.len], '\0');
		assert_true(b.cap >= b.len + 1);
		if (b.cap != cap) {
			if (cap == 0)
				assert_int_equal(b.cap, 64);
			else
				assert_int_equal(b.cap, 2 * cap);
			cap = b.cap;
			changes++;
		}
	}
	assert_int_equal(b.cap, 16384);
	assert_int_equal(changes, 9); /* 64, 128, …, 16384 */
	for (size_t i = 0; i < 10000; i++)
		assert_int_equal(b.data[i], (char)('a' + i % 26));
	/* One big addition takes the next power of two at once. */
	struct buf big = BUF_INIT;
	char *block = malloc(100000);
	memset(block, 'z', 100000);
	assert_true(buf_add(&big, block, 100000));
	assert_int_equal(big.cap, 131072);
	assert_int_equal(big.data[100000], '\0');
	free(block);
	buf_free(&big);
	buf_free(&b);
}

/* After a reserve, the additions it made room for do not move the data. */
static void test_reserve(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_true(buf_adds(&b, "head"));
	assert_true(buf_reserve(&b, 1000));
	assert_true(b.cap >= 4 + 1000 + 1);
	char *data = b.data;
	size_t cap = b.cap;
	for (int i = 0; i < 1000; i++)
		assert_true(buf_addc(&b, 'r'));
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.cap, cap);
	assert_int_equal(b.len, 1004);
	assert_memory_equal(b.data, "headrrr", 7);
	assert_int_equal(b.data[1004], '\0');
	buf_free(&b);
}

/* A size that would overflow is refused before anything is touched, the
 * buffer remembers it (oom), and it refuses everything after: callers
 * check once, at the end. */
static void test_overflow_refused(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_true(buf_adds(&b, "kept"));
	char *data = b.data;
	size_t cap = b.cap;
	assert_false(buf_add(&b, "x", SIZE_MAX));
	assert_true(b.oom);
	assert_int_equal(b.len, 4);
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.cap, cap);
	assert_memory_equal(b.data, "kept", 5);
	assert_false(buf_adds(&b, "more"));
	assert_false(buf_addc(&b, 'c'));
	assert_false(buf_printf(&b, "%d", 1));
	assert_int_equal(b.len, 4);
	/* What is stolen from a failed buffer is nothing, not half. */
	assert_null(buf_steal(&b));
	assert_null(b.data);
	assert_false(b.oom);

	struct buf r = BUF_INIT;
	assert_false(buf_reserve(&r, SIZE_MAX / 2 + 1));
	assert_true(r.oom);
	assert_null(r.data);
	buf_free(&r);
	assert_false(r.oom); /* buf_free starts again */
	assert_true(buf_addn(&r, 'a', 2));
	holds(&r, "aa", 2);
	struct buf n = BUF_INIT;
	assert_false(buf_addn(&n, 'a', SIZE_MAX - 1));
	assert_true(n.oom);
	buf_free(&n);
	buf_free(&r);
}

static void test_printf(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_true(buf_printf(&b, "topic %d: %s", 7, "国际电联"));
	holds(&b, "topic 7: 国际电联", strlen("topic 7: 国际电联"));
	/* Appends, and grows past the first 64 bytes in one go. */
	assert_true(buf_printf(&b, "|%0200d|", 5));
	size_t head = strlen("topic 7: 国际电联");
	assert_int_equal(b.len, head + 202);
	assert_int_equal(b.data[head], '|');
	assert_int_equal(b.data[head + 200], '5');
	assert_int_equal(b.data[head + 201], '|');
	assert_int_equal(b.data[b.len], '\0');
	assert_true(buf_printf(&b, "%s", ""));
	assert_int_equal(b.len, head + 202);
	buf_free(&b);
}

static void test_reset_and_steal(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_true(buf_adds(&b, "first contents"));
	size_t cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	assert_int_equal(b.cap, cap); /* the memory is kept for reuse */
	assert_true(buf_adds(&b, "second"));
	holds(&b, "second", 6);
	char *s = buf_steal(&b);
	assert_string_equal(s, "second");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	/* The buffer is usable again, and the stolen string is its own. */
	assert_true(buf_adds(&b, "third"));
	holds(&b, "third", 5);
	assert_string_equal(s, "second");
	free(s);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_add_terminates),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_overflow_refused),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_reset_and_steal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
