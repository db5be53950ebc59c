/* Asking the terminal how wide it draws the East Asian Ambiguous
 * characters, as vim does for ambiwidth: one is drawn out of sight and the
 * terminal is asked where its cursor went (u7, CSI 6n; the answer is a
 * cursor position report, CSI row ; column R); and, in the same round
 * trip, what colour its background is (OSC 11), for the theme.  No curses here: this runs
 * on the terminal's descriptors before curses has written anything, and
 * term.c gives curses back what was typed meanwhile. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cwgview/fileio.h"
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

/* An OSC 11 answer at buf[i] (ESC ] 11 ; rgb:R/G/B, then BEL or ESC \\,
 * each of R G B one to four hex digits): its length, and in *light
 * whether that background is light; 0 when there is none there, -1 when
 * buf ends inside what may still become one. */
static long osc_at(const unsigned char *buf, size_t n, size_t i, int *light)
{
	static const char head[] = "\033]11;rgb:";
	size_t j = i, k = 0;
	for (; head[k]; k++, j++) {
		if (j >= n)
			return -1;
		if (buf[j] != (unsigned char)head[k])
			return 0;
	}
	double sum = 0;
	static const double weight[3] = {0.2126, 0.7152, 0.0722};
	for (int c = 0; c < 3; c++) {
		unsigned v = 0, digits = 0;
		for (; j < n && digits < 5; j++, digits++) {
			unsigned char h = buf[j];
			int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
				: h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
			if (d < 0)
				break;
			v = v * 16 + (unsigned)d;
		}
		if (j >= n)
			return -1;
		if (digits == 0 || digits > 4 || (c < 2 && buf[j] != '/'))
			return 0;
		sum += weight[c] * v / (double)((1u << (4 * digits)) - 1);
		if (c < 2)
			j++; /* the slash */
	}
	if (buf[j] == 0x07) {
		j++;
	} else if (buf[j] == 0x1B) {
		if (j + 1 >= n)
			return -1;
		if (buf[j + 1] != '\\')
			return 0;
		j += 2;
	} else {
		return 0;
	}
	*light = sum > 0.5;
	return (long)(j - i);
}

size_t probe_take_reports(unsigned char *buf, size_t *n, struct probe_reply *r,
			  size_t *pending)
{
	size_t found = 0, out = 0, i = 0;
	*pending = 0;
	while (i < *n) {
		int col = 0, light = 0;
		long k = 0, o = 0;
		if (buf[i] == 0x1B) {
			k = report_at(buf, *n, i, &col);
			o = k == 0 ? osc_at(buf, *n, i, &light) : 0;
		}
		if (k < 0 || o < 0) { /* the rest may be an answer cut short */
			*pending = *n - i;
			memmove(buf + out, buf + i, *pending);
			out += *pending;
			break;
		}
		if (k > 0) {
			if (!found++)
				r->cols = col;
			i += (size_t)k;
			continue;
		}
		if (o > 0) {
			r->light = light;
			i += (size_t)o;
			continue;
		}
		buf[out++] = buf[i++];
	}
	*n = out;
	return found;
}

int probe_colorfgbg(const char *v)
{
	/* "fg;bg" or "fg;default;bg" (rxvt): the last field. */
	const char *bg = v ? strrchr(v, ';') : NULL;
	if (!bg || !bg[1])
		return -1;
	char *end;
	long c = strtol(bg + 1, &end, 10);
	if (*end || end == bg + 1 || c < 0 || c > 15)
		return -1;
	return c == 7 || c >= 9;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Reads what the terminal sends until a cursor position report is among
 * it or the deadline has passed, taking the answers into *r. */
static void wait_report(int in_fd, int timeout_ms, struct probe_reply *r,
			unsigned char *typed, size_t *n_typed, size_t cap)
{
	double deadline = now_ms() + timeout_ms;
	size_t n = 0;
	for (;;) {
		double left = deadline - now_ms();
		if (left <= 0)
			break;
		struct pollfd pfd = {.fd = in_fd, .events = POLLIN};
		int ready = poll(&pfd, 1, (int)left + 1);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready <= 0 || n >= cap)
			break;
		ssize_t k = read(in_fd, typed + n, cap - n);
		if (k < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (k <= 0)
			break;
		n += (size_t)k;
		size_t pending;
		if (probe_take_reports(typed, &n, r, &pending))
			break;
	}
	*n_typed = n; /* an answer cut short stays: it was typed, then */
}

void probe_terminal(int in_fd, int out_fd, const char *enter, const char *ask,
		    int timeout_ms, struct probe_answer *a, unsigned char *typed,
		    size_t *n_typed)
{
	size_t cap = *n_typed;
	*n_typed = 0;
	a->width = 0;
	a->light = -1;
	struct termios was, raw;
	if (tcgetattr(in_fd, &was) != 0)
		return;
	raw = was;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(in_fd, TCSANOW, &raw) != 0)
		return;
	/* On the alternate screen, which curses clears for its first
	 * frame: the background's colour asked for (OSC 11; a terminal
	 * that does not know it says nothing), a carriage return, U+25BD
	 * (as vim draws) and where the cursor is, which every terminal
	 * answers, and after the colour. */
	static const char bg_q[] = "\033]11;?\033\\", mark[] = "\r\xE2\x96\xBD";
	char out[256];
	size_t len = strlen(enter), alen = strlen(ask);
	struct probe_reply r = {0, -1};
	if (len + alen + sizeof bg_q + sizeof mark <= sizeof out) {
		memcpy(out, enter, len);
		memcpy(out + len, bg_q, sizeof bg_q - 1);
		len += sizeof bg_q - 1;
		memcpy(out + len, mark, sizeof mark - 1);
		len += sizeof mark - 1;
		memcpy(out + len, ask, alen);
		if (file_write_all(out_fd, out, len + alen))
			wait_report(in_fd, timeout_ms, &r, typed, n_typed, cap);
	}
	tcsetattr(in_fd, TCSANOW, &was);
	/* Column 2 after it: one column wide; 3: two. */
	a->width = r.cols == 2 ? 1 : r.cols == 3 ? 2 : 0;
	a->light = r.light;
}
