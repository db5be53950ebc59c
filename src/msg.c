/* The one place where a message is written (see msg.h). */
#include "config.h"

#include "cwgview/msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cwgview/buf.h"
#include "cwgview/load.h"
#include "cwgview/text.h"

void msg_error(const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	struct buf out = BUF_INIT;
	buf_adds(&out, "cwgview: ");
	text_sanitize(&out, tmp, strlen(tmp));
	buf_addc(&out, '\n');
	if (out.data)
		fputs(out.data, stderr);
	buf_free(&out);
}

const char *msg_file_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

void msg_load_error(const char *path, const struct load_error *err)
{
	const char *name = msg_file_name(path);
	if (err->line)
		msg_error("%s:%lu:%lu: %s", name, err->line, err->column, err->msg);
	else
		msg_error("%s: %s", name, err->msg);
}
