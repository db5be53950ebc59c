/* Asking the terminal how wide it draws the East Asian Ambiguous
 * characters, as vim does for ambiwidth: one is drawn out of sight and the
 * terminal is asked where its cursor went (u7, CSI 6n; the answer is a
 * cursor position report, CSI row ; column R).  No curses here: this runs
 * on the terminal's descriptors before curses has written anything, and
 * term.c gives curses back what was typed meanwhile. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tui/probe.h"

/* One report at buf[i]: its length and column, 0 when there is none there,
 * -1 when buf ends inside what may still become one. */
static long report_at(const unsigned char *buf, size_t n, size_t i, int *col)
{
	size_t j = i;
	if (j >= n)
		return -1;
	if (buf[j++] != 0x1B)
		return 0;
	if (j >= n)
		return -1;
	if (buf[j++] != '[')
		return 0;
	int field = 0;
	long num[2] = {0, 0};
	bool digits = false;
	for (; j < n; j++) {
		unsigned char c = buf[j];
		if (c >= '0' && c <= '9') {
			if (num[field] < 100000)
				num[field] = num[field] * 10 + (c - '0');
			digits = true;
		} else if (c == ';' && field == 0 && digits) {
			field = 1;
			digits = false;
		} else if (c == 'R' && field == 1 && digits) {
			*col = (int)num[1];
			return (long)(j + 1 - i);
		} else {
			return 0;
		}
	}
	return -1;
}

size_t probe_take_reports(unsigned char *buf, size_t *n, int *cols, size_t max,
			  size_t *pending)
{
	size_t found = 0, out = 0, i = 0;
	*pending = 0;
	while (i < *n) {
		int col = 0;
		long k = buf[i] == 0x1B ? report_at(buf, *n, i, &col) : 0;
		if (k < 0) { /* the rest may be a report cut short */
			*pending = *n - i;
			memmove(buf + out, buf + i, *pending);
			out += *pending;
			break;
		}
		if (k > 0) {
			if (found < max)
				cols[found] = col;
			found++;
			i += (size_t)k;
			continue;
		}
		buf[out++] = buf[i++];
	}
	*n = out;
	return found;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		s += k;
		n -= (size_t)k;
	}
	return true;
}

/* Reads what the terminal sends until a report is among it or the
 * deadline has passed: the report's column, or 0. */
static int wait_report(int in_fd, int timeout_ms, unsigned char *typed,
		       size_t *n_typed, size_t cap)
{
	double deadline = now_ms() + timeout_ms;
	size_t n = 0;
	for (;;) {
		double left = deadline - now_ms();
		if (left <= 0)
			break;
		struct pollfd pfd = {.fd = in_fd, .events = POLLIN};
		int r = poll(&pfd, 1, (int)left + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || n >= cap)
			break;
		ssize_t k = read(in_fd, typed + n, cap - n);
		if (k < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (k <= 0)
			break;
		n += (size_t)k;
		int cols[1];
		size_t pending;
		if (probe_take_reports(typed, &n, cols, 1, &pending)) {
			*n_typed = n;
			return cols[0];
		}
	}
	*n_typed = n; /* a report cut short stays: it was typed, then */
	return 0;
}

int probe_ambiguous(int in_fd, int out_fd, const char *enter, const char *ask,
		    int timeout_ms, unsigned char *typed, size_t *n_typed)
{
	size_t cap = *n_typed;
	*n_typed = 0;
	struct termios was, raw;
	if (tcgetattr(in_fd, &was) != 0)
		return 0;
	raw = was;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(in_fd, TCSANOW, &raw) != 0)
		return 0;
	/* On the alternate screen, which curses clears for its first
	 * frame: a carriage return, U+25BD (as vim draws), the question. */
	char out[256];
	size_t len = strlen(enter), alen = strlen(ask);
	int col = 0;
	if (len + alen + 8 <= sizeof out) {
		memcpy(out, enter, len);
		memcpy(out + len, "\r\xE2\x96\xBD", 4);
		memcpy(out + len + 4, ask, alen);
		if (write_all(out_fd, out, len + 4 + alen))
			col = wait_report(in_fd, timeout_ms, typed, n_typed, cap);
	}
	tcsetattr(in_fd, TCSANOW, &was);
	/* Column 2 after it: one column wide; 3: two. */
	return col == 2 ? 1 : col == 3 ? 2 : 0;
}
