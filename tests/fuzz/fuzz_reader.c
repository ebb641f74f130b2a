/*
 * libFuzzer target for one reader (VA_FUZZ_KIND), or for the importer's
 * detection when the kind is "auto".  The input is copied to a buffer of
 * exactly its size, without a terminating NUL, so AddressSanitizer catches
 * any read past the end; whatever reads is then audited and rendered.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../auditor/audit.h"
#include "../../auditor/import.h"
#include "../../auditor/render.h"
#include "../../auditor/state_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct va_report report;
	static struct va_state st;
	struct va_error err;
	struct va_import_notes notes = { 0 };
	const char *kind = strcmp(VA_FUZZ_KIND, "auto") ? VA_FUZZ_KIND : NULL;

	if (kind && !va_reader_by_kind(kind))
		abort(); /* the fuzz target list names a reader that does not exist */
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
