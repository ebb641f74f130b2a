/* The native state-file format as a reader among the others. */
#include <string.h>

#include "../state_file.h"
#include "reader.h"

/* A line that is only "[word]" (comments aside) is a section header: no
 * paste format has one, so even an unknown section means a state file
 * (whose reader then names the bad section). */
static int header_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n || s[i] != '[')
		return 0;
	size_t start = ++i;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
		i++;
	if (i == start || i >= n || s[i] != ']')
		return 0;
	for (i++; i < n && s[i] != '#'; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static int detect(const char *text, size_t len)
{
	size_t pos = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		if (header_line(text + pos, n))
			return 100;
		pos += n + 1;
	}
	return 0;
}

static int read(struct va_state *st, const char *text, size_t len, const char *file,
		struct va_error *err, struct va_import_notes *notes)
{
	return va_state_read_noted(st, text, len, file, err, notes);
}

const struct va_reader va_reader_state_file = {
	.kind = "state",
	.what = "vmcs-audit state file (format v1)",
	.provides = VA_PROVIDES_CAPS | VA_PROVIDES_VMCS,
	.detect = detect,
	.read = read,
};
