#include "error.h"

#include <stdarg.h>
#include <stdio.h>

void va_error_set(struct va_error *err, const char *file, unsigned line, unsigned column,
		  const char *fmt, ...)
{
	va_list ap;
	if (!err)
		return;
	err->file = file;
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
}
