#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "profiles.h"
#include "state_file.h"
#include "input.h"

static int load_profile(struct va_state *st, const char *spec, struct va_import_notes *notes,
			struct va_error *err)
{
	const struct va_profile *p = va_profile_find(spec);
	if (p)
		return va_import(st, p->text, strlen(p->text), p->name, "state", err, notes);
	char *text;
	size_t len;
	if (va_read_input(spec, &text, &len, err)) {
		char suggest[256], why[sizeof err->message];
		snprintf(why, sizeof why, "%s", err->message);
		va_profile_suggest(spec, suggest, sizeof suggest);
		va_error_set(err, spec, 0, 0, "--profile %s: neither a built-in profile (see "
			     "'vmcs-audit profiles') nor a readable file (%s)%s%s", spec, why,
			     *suggest ? "; " : "", suggest);
		return -1;
	}
	int rc = va_import(st, text, len, spec, NULL, err, notes);
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
			       "Intel 64 (bit 48 = 0), the TRUE_ capability MSRs are used where given, and "
			       "rules that read bits 56 or 58 are decided only where both values agree");
	if (!va_fact_known(st, FACT_MAXPHYADDR))
		va_note(notes, "maxphyaddr was not given: physical-address-width checks that depend on it "
			       "are not evaluated; it is CPUID.80000008H:EAX[7:0] ([cpu] maxphyaddr), or "
			       "use --profile");
}

int va_require_vmcs(const struct va_state *st, const char *name, struct va_error *err)
{
	if (va_state_has_vmcs_fields(st))
		return 0;
	va_error_set(err, name, 0, 0, "no VMCS fields were given%s: nothing to audit (a capability "
		     "listing is used with --profile FILE; a state file needs its [vmcs] section)",
		     st->msr_present ? " (only capability MSRs)" : "");
	return -1;
}

int va_load_text(struct va_state *st, const char *text, size_t len, const char *name,
		 const struct va_load_options *opt, struct va_import_notes *notes,
		 struct va_error *err)
{
	va_state_init(st);
	notes->count = 0;
	notes->observed_line = 0;
	for (int i = 0; i < opt->profile_count; i++)
		if (load_profile(st, opt->profiles[i], notes, err))
			return -1;
	if (va_import(st, text, len, name, opt->kind, err, notes))
		return -1;
	note_missing_capabilities(st, notes);
	return 0;
}

int va_load(struct va_state *st, const char *path, const struct va_load_options *opt,
	    struct va_import_notes *notes, struct va_error *err)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	char *text;
	size_t len;
	va_state_init(st);
	if (va_read_input(path, &text, &len, err))
		return -1;
	int rc = va_load_text(st, text, len, name, opt, notes, err);
	free(text);
	return rc;
}
