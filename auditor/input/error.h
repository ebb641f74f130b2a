/* Caller-owned error record of the readers: where and what, never global. */
#ifndef VA_ERROR_H
#define VA_ERROR_H

struct va_error {
	const char *file;     /* as the caller named the input */
	unsigned line;        /* 1-based; 0 if not about a line */
	unsigned column;      /* 1-based; 0 if not known */
	char message[320];
};

void va_error_set(struct va_error *err, const char *file, unsigned line, unsigned column,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
