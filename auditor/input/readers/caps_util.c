#include "caps_util.h"

#include <string.h>

#include "../provenance.h"

void va_msr_recorder_init(struct va_msr_recorder *r, struct va_state *st, const char *file,
			  struct va_error *err, struct va_import_notes *notes)
{
	memset(r, 0, sizeof *r);
	r->st = st;
	r->file = file;
	r->err = err;
	r->notes = notes;
	r->cpu_noun = "CPU";
	r->cpu_label = "CPU ";
}

void va_msr_put(struct va_state *st, enum va_msr m, uint64_t v)
{
	st->msr[m] = v;
	st->msr_present |= 1u << m;
	va_provenance_msr((unsigned)m);
}

const struct va_msr_origin *va_msr_earlier(const struct va_msr_recorder *r, int m)
{
	return (r->given >> m) & 1 ? &r->seen[m] : NULL;
}

int va_msr_record(struct va_msr_recorder *r, int m, uint64_t v, unsigned line, unsigned col,
		  int cpu)
{
	const struct va_msr_origin *o = va_msr_earlier(r, m);
	const char *name = va_msr_name((enum va_msr)m);
	if (o) {
		if (o->value == v)
			return 0;
		if (va_msr_other_cpu(o, cpu))
			va_error_set(r->err, r->file, line, col,
				     "%s differs between %ss: %s%d has %#llx (line %u), %s%d has "
				     "%#llx; audit with one %s's values", name, r->cpu_noun,
				     r->cpu_label, o->cpu, (unsigned long long)o->value, o->line,
				     r->cpu_label, cpu, (unsigned long long)v, r->cpu_noun);
		else
			va_error_set(r->err, r->file, line, col,
				     "%s is given twice with different values: %#llx on line %u, %#llx "
				     "here", name, (unsigned long long)o->value, o->line,
				     (unsigned long long)v);
		return -1;
	}
	r->given |= 1u << m;
	r->seen[m] = (struct va_msr_origin){ v, line, cpu };
	va_msr_put(r->st, (enum va_msr)m, v);
	return 0;
}

void va_msr_foreign(struct va_msr_recorder *r, unsigned line)
{
	if (!r->foreign++)
		r->foreign_line = line;
}

void va_msr_unreadable(struct va_msr_recorder *r, unsigned line, const char *who, int m)
{
	va_note(r->notes, "line %u: %s %s (%#x): it stays unknown (the CPU, or the hypervisor it "
		"runs under, does not implement it)", line, who, va_msr_name((enum va_msr)m),
		va_msr_number((enum va_msr)m));
}

void va_msr_final_notes(const struct va_msr_recorder *r, const char *listing)
{
	if (r->foreign)
		va_note(r->notes, "%s listing: skipped %u value(s) of MSRs that are not VMX capability "
			"MSRs (0x480-0x493), the first on line %u", listing, r->foreign, r->foreign_line);
}

void va_unknown_name(struct va_unknown_names *u, unsigned line, const char *s, size_t n)
{
	if (u->count++)
		return;
	u->line = line;
	if (n >= sizeof u->first)
		n = sizeof u->first - 1;
	memcpy(u->first, s, n);
	u->first[n] = '\0';
}
