/*
 * libFuzzer target for one reader (VA_FUZZ_READER, its symbol in
 * reader_list.h), or for the importer's detection of mixed input
 * (VA_FUZZ_AUTO).  The input is copied to a buffer of exactly its size, without a terminating NUL, so AddressSanitizer catches
 * any read past the end; whatever reads is then audited and rendered.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../auditor/engine/audit.h"
#include "../../auditor/input/import.h"
#include "../../auditor/input/readers/reader.h"
#include "../../auditor/report/render.h"
#include "../../auditor/input/state_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define VA_CAT(a, b) a##b
#define VA_XCAT(a, b) VA_CAT(a, b)

#ifdef VA_FUZZ_AUTO
static const struct va_reader *target(void)
{
	return NULL; /* the importer detects */
}
#else
extern const struct va_reader VA_XCAT(va_reader_, VA_FUZZ_READER);
static const struct va_reader *target(void)
{
	return &VA_XCAT(va_reader_, VA_FUZZ_READER);
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct va_report report;
	static struct va_state st;
	struct va_error err;
	struct va_import_notes notes = { 0 };
	const char *kind = target() ? target()->kind : NULL;
	char *text = malloc(size ? size : 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	va_state_init(&st);
	if (va_import(&st, text, size, "fuzz", kind, &err, &notes) == 0) {
		char buf[1024];
		va_audit(&st, &report);
		for (unsigned i = 0; i < report.n_findings; i++) {
			const struct va_finding *f = &report.findings[i];
			va_render_message(va_rule_at(f->rule), &f->eval, buf, sizeof buf);
			va_render_unknown(f, buf, sizeof buf);
		}
		va_render_verdict(&report.verdict, buf, sizeof buf);
	}
	va_state_release(&st);
	free(text);
	return 0;
}
