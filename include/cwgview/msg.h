/* Messages to the person at the terminal, for main.c and the browser
 * alike: one line on standard error, "cwgview: " first, and the exit
 * statuses they go with.  Not core: the core never prints. */
#ifndef CWGVIEW_MSG_H
#define CWGVIEW_MSG_H

/* As grep's: 1 is "--search found nothing", not an error; 2 is any
 * trouble: a bad option or file, a failed write, out of memory, a
 * terminal that cannot be used. */
enum cwg_exit { EXIT_OK = 0, EXIT_NO_MATCH = 1, EXIT_TROUBLE = 2 };

/* Writes "cwgview: MESSAGE\n" to stderr, with control characters made
 * visible: a file name, a TERM value or a key from the data cannot
 * reach the terminal raw. */
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* How a file given as path is named in messages: "-" is <stdin>. */
const char *msg_file_name(const char *path);

struct load_error;
/* A failed load of path ("-": <stdin>) as one line:
 * "cwgview: FILE:LINE:COLUMN: message", or "cwgview: FILE: message" when
 * there is no position. */
void msg_load_error(const char *path, const struct load_error *err);

#endif
