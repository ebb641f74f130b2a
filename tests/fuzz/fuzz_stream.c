/*
 * libFuzzer target for the dump splitter and stream (every dump of an input,
 * every prefix the line reader strips) and for name resolution (every
 * naming scheme of fields, MSRs and facts).
 */
#define _GNU_SOURCE /* fmemopen */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../auditor/engine/audit.h"
#include "../../auditor/input/dump_stream.h"
#include "../../auditor/input/field_names.h"
#include "../../auditor/input/state_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct va_report report;
	static struct va_state st;
	static struct va_import_notes notes;
	struct va_error err;
	struct va_load_options opt = { 0 };
	char *text = malloc(size ? size : 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	/* names: the first line, whole and in pieces */
	size_t first = 0;
	while (first < size && text[first] != '\n')
		first++;
	struct va_name_match m;
	va_field_resolve(text, first, &m);
	va_msr_resolve(text, first);
	va_fact_resolve(text, first);
	FILE *f = size ? fmemopen(text, size, "r") : NULL;
	if (f) {
		struct va_dump_stream *s = va_dump_stream_file(f, 1, "fuzz", &opt, &err);
		unsigned line, dumps = 0;
		int got;
		while (s && dumps++ < 64 && (got = va_dump_stream_next(s, &st, &notes, &line, &err)) != 0) {
			if (got > 0)
				va_audit(&st, &report);
			va_state_release(&st);
		}
		va_dump_stream_close(s);
	}
	free(text);
	return 0;
}
