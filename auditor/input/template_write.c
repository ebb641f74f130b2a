#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "template.h"

/* ---- writing ------------------------------------------------------- */

static void comment(FILE *out, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		fprintf(out, "# %.*s\n", (int)n, text);
		text += n + (text[n] == '\n');
	}
}

static void value(FILE *out, enum va_field f, uint64_t v)
{
	unsigned bits = va_field_bits(f);
	fprintf(out, "%s = 0x%0*" PRIx64 "\n", va_field_name(f), bits <= 16 ? 4 : bits <= 32 ? 8 : 16, v);
}

int va_template_write(FILE *out, const struct va_template *t)
{
	const struct va_state *st = &t->st;
	fprintf(out, "# A template from vmcs-audit new: %s.\n", t->title);
	fprintf(out, "# Every rule passes on this CPU (vmcs-audit check exits 0). Each value says why it\n"
		     "# is what it is; %u were set by the rule named next to them.\n\n[cpu]\n", t->rule_set);
	for (int m = 0; m < MSR_COUNT; m++)
		if (va_msr_known(st, (enum va_msr)m))
			fprintf(out, "%s = 0x%016" PRIx64 "\n", va_msr_name((enum va_msr)m), st->msr[m]);
	for (int f = 0; f < FACT_COUNT; f++)
		if (va_fact_known(st, (enum va_fact)f))
			fprintf(out, "%s = %" PRIu64 "\n", va_fact_info((enum va_fact)f)->key, st->fact[f]);
	static const struct { enum va_field_area area; const char *title; } areas[] = {
		{ VA_AREA_CONTROL, "Controls" }, { VA_AREA_HOST, "Host state" }, { VA_AREA_GUEST, "Guest state" },
	};
	fprintf(out, "\n[vmcs]\n");
	for (unsigned a = 0; a < 3; a++) {
		fprintf(out, "\n# ---- %s ----\n", areas[a].title);
		if (areas[a].area == VA_AREA_GUEST)
			comment(out, t->guest_why);
		/* In the order the builder reasons (register by register), then
		 * whatever a rule added, by encoding. */
		for (unsigned pass = 0; pass < 2; pass++) {
			unsigned n = pass ? FLD_COUNT : t->n_order;
			for (unsigned i = pass; i < n; i++) {
				enum va_field f = pass ? (enum va_field)i : (enum va_field)t->order[i];
				bool listed = false;
				for (unsigned k = 0; pass && k < t->n_order && !listed; k++)
					listed = t->order[k] == f;
				if (listed || st->presence[f] != VA_SET || va_field_area(f) != areas[a].area)
					continue;
				comment(out, t->why[f][0] ? t->why[f] : "(no comment)");
				value(out, f, st->field[f]);
			}
		}
	}
	if (st->mem_count) {
		fprintf(out, "\n[memory]\n");
		comment(out, t->memory_why);
		for (size_t i = 0; i < st->mem_count; i++)
			fprintf(out, "0x%" PRIx64 " = 0x%016" PRIx64 "\n", st->mem[i].addr, st->mem[i].value);
	}
	fprintf(out, "\n[entry]\n# a fresh VMCS after VMCLEAR and VMPTRLD\ninstruction = vmlaunch\n");
	return ferror(out) ? -1 : 0;
}
