#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auditor/import.h"
#include "../auditor/profiles.h"
#include "../auditor/state_file.h"
#include "input.h"

static int import_text(struct va_state *st, const char *text, size_t len, const char *name,
		       const char *kind, struct va_import_notes *notes)
{
	struct va_error err = { 0 };
	if (va_import(st, text, len, name, kind, &err, notes) == 0)
		return 0;
	if (err.line)
		fprintf(stderr, "%s:%u:%u: error: %s\n", err.file, err.line, err.column, err.message);
	else
		fprintf(stderr, "%s: error: %s\n", err.file ? err.file : name, err.message);
	return -1;
}

static int load_profile(struct va_state *st, const char *spec, struct va_import_notes *notes)
{
	const struct va_profile *p = va_profile_find(spec);
	if (p)
		return import_text(st, p->text, strlen(p->text), p->name, "state", notes);
	char *text;
	size_t len;
	if (va_read_input(spec, &text, &len)) {
		fprintf(stderr, "vmcs-audit: --profile %s: neither a built-in profile (see 'vmcs-audit "
				"profiles') nor a readable file\n", spec);
		return -1;
	}
	int rc = import_text(st, text, len, spec, NULL, notes);
	free(text);
	return rc;
}

/* Say what is assumed when capability data is missing, never stay silent. */
static void note_missing_capabilities(const struct va_state *st, struct va_import_notes *notes)
{
	if (!st->msr_present) {
		va_note(notes, "no capability MSRs were given: rules that need them are not evaluated; "
			       "paste rdmsr output of 0x480-0x493 or use --profile NAME (see 'vmcs-audit profiles')");
		return;
	}
	if (!va_msr_known(st, MSR_IA32_VMX_BASIC))
		va_note(notes, "IA32_VMX_BASIC (0x480) was not given: the processor is assumed to support "
			       "Intel 64 (bit 48 = 0), and the TRUE_ capability MSRs are used where given");
	if (!va_fact_known(st, FACT_MAXPHYADDR))
		va_note(notes, "maxphyaddr was not given: physical-address-width checks are not evaluated");
}

int va_load(struct va_state *st, const char *path, const struct va_load_options *opt,
	    struct va_import_notes *notes)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	va_state_init(st);
	notes->count = 0;
	for (int i = 0; i < opt->profile_count; i++)
		if (load_profile(st, opt->profiles[i], notes))
			return -1;
	char *text;
	size_t len;
	if (va_read_input(path, &text, &len))
		return -1;
	int rc = import_text(st, text, len, name, opt->kind, notes);
	free(text);
	if (rc == 0)
		note_missing_capabilities(st, notes);
	return rc;
}
