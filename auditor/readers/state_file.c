/* The native state-file format as a reader among the others. */
#include "../state_file.h"
#include "reader.h"

static int detect(const char *text, size_t len)
{
	/* A section header at the start of a line. */
	return (va_text_has(text, len, "[vmcs]") || va_text_has(text, len, "[cpu]") ||
		va_text_has(text, len, "[entry]") || va_text_has(text, len, "[memory]")) ? 100 : 0;
}

static int read(struct va_state *st, const char *text, size_t len, const char *file,
		struct va_error *err, struct va_import_notes *notes)
{
	(void)notes;
	return va_state_read(st, text, len, file, err);
}

const struct va_reader va_reader_state_file = {
	.kind = "state",
	.what = "vmcs-audit state file (format v1)",
	.provides = VA_PROVIDES_CAPS | VA_PROVIDES_VMCS,
	.detect = detect,
	.read = read,
};
