/*
 * "Not evaluated", grouped by what is missing: one group per missing input
 * (a capability MSR, a CPU fact, a dump section, a field, memory at an
 * address) with the number of rules it blocks and how to supply it, so a
 * report says each hint once instead of once per rule.
 */
#ifndef VA_MISSING_H
#define VA_MISSING_H

#include <stddef.h>
#include <stdint.h>

#include "../engine/audit.h"

enum va_missing_kind {
	VA_MISSING_CAPS,     /* no capability MSR at all */
	VA_MISSING_MSR,      /* arg = VA_NEED_BIT_* of a capability MSR */
	VA_MISSING_CPUID,    /* arg = VA_NEED_BIT_* read from CPUID */
	VA_MISSING_FACT,     /* arg = VA_NEED_BIT_* of another [cpu] fact */
	VA_MISSING_ENTRY,    /* arg = VA_NEED_BIT_* of an [entry] fact */
	VA_MISSING_SECTION,  /* arg = enum va_field_area: no field of it was given */
	VA_MISSING_FIELD,    /* arg = enum va_field */
	VA_MISSING_MEMORY,   /* arg..arg_end: physical addresses in one 4-KiB page */
	VA_MISSING_MODEL,    /* the outcome is model-specific */
	VA_MISSING_OTHER,    /* any other reason: first finding's reason */
	VA_MISSING_KIND_COUNT
};

struct va_missing {
	uint8_t kind;        /* enum va_missing_kind */
	uint64_t arg, arg_end;
	uint16_t rules;      /* distinct rules it blocks */
	uint16_t first;      /* index of its first finding */
	uint16_t last_rule;  /* rule of the finding counted last */
};

#define VA_MISSING_MAX 128

/*
 * Group the VA_UNKNOWN findings of r, most rules first (stable within equal
 * counts).  st may be NULL: then a missing dump section or a missing set of
 * capability MSRs is not recognised and fields and MSRs are listed one by
 * one.  Returns the number of groups (at most max; findings that fit in no
 * group are counted in the last one).
 */
unsigned va_group_missing(const struct va_report *r, const struct va_state *st,
			  struct va_missing *out, unsigned max);

/* The group a finding belongs to (kind, arg; rules and first not set). */
void va_missing_key(const struct va_finding *f, const struct va_state *st, struct va_missing *key);
/* Same group? */
int va_missing_same(const struct va_missing *a, const struct va_missing *b);

/* What is missing ("no capability MSRs", "GUEST_CR3 not in the input") and
 * how to supply it ("use --profile NAME, or paste rdmsr 0x480-0x493"). */
void va_render_missing(const struct va_missing *m, const struct va_report *r, char *what,
		       size_t what_size, char *how, size_t how_size);
/* JSON name of the kind: "capability_msrs", "field", "memory", ... */
const char *va_missing_kind_name(enum va_missing_kind k);

#endif
