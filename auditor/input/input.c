#include "input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

FILE *va_open_input(const char *path, struct va_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		va_error_set(err, name, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		va_error_set(err, name, 0, 0, "is a directory: name a file in it");
		va_close_input(f);
		return NULL;
	}
	return f;
}

void va_close_input(FILE *f)
{
	if (f && f != stdin)
		fclose(f);
}

void va_error_empty_input(struct va_error *err, const char *path)
{
	int is_stdin = strcmp(path, "-") == 0 || strcmp(path, "<stdin>") == 0;
	va_error_set(err, is_stdin ? "<stdin>" : path, 0, 0,
		     is_stdin ? "standard input is empty: nothing was pasted" : "the file is empty");
}

int va_read_input(const char *path, char **text, size_t *len, struct va_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *f = va_open_input(path, err);
	if (!f)
		return -1;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap)
			break;
		char *bigger = realloc(buf, cap * 2 + 1);
		if (!bigger) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = bigger;
		cap *= 2;
	}
	int bad = ferror(f);
	va_close_input(f);
	if (!buf || bad) {
		va_error_set(err, name, 0, 0, "%s", buf ? "read error" : "out of memory");
		free(buf);
		return -1;
	}
	if (n == 0) {
		va_error_empty_input(err, path);
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}
