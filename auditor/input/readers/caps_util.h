/*
 * What the readers of capability-MSR listings (msr-tools rdmsr, WinDbg and
 * HyperDbg, chipsec, VBox.log, vmxcap) have in common.  A paste may give one
 * MSR several times (once per processor, or pasted twice), so each value's
 * origin is kept to tell a repeat from a contradiction; values of MSRs other
 * than the VMX capability MSRs are counted for one note instead of being
 * reported line by line.
 */
#ifndef VA_CAPS_UTIL_H
#define VA_CAPS_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "reader.h"
#include "../provenance.h"

/* Where the value of one MSR came from. */
struct va_msr_origin {
	uint64_t value;
	unsigned line;
	int cpu;                /* -1: the listing does not say */
};

struct va_msr_recorder {
	struct va_state *st;
	const char *file;
	struct va_error *err;
	struct va_import_notes *notes;
	/* How the listing's tool names a processor, so that the error quotes it
	 * back: "differs between <noun>s: <label>0 has ...; audit with one
	 * <noun>'s values".  "CPU" and "CPU " unless the reader says otherwise. */
	const char *cpu_noun, *cpu_label;
	struct va_msr_origin seen[MSR_COUNT];
	uint32_t given;         /* bit m: seen[m] holds a value */
	unsigned foreign;       /* values skipped for not being VMX capability MSRs */
	unsigned foreign_line;  /* the first of them */
};

void va_msr_recorder_init(struct va_msr_recorder *r, struct va_state *st, const char *file,
			  struct va_error *err, struct va_import_notes *notes);

/* Store v as MSR m, given. */
void va_msr_put(struct va_state *st, enum va_msr m, uint64_t v);

/* The value the listing gave for m (enum va_msr) so far, or NULL. */
const struct va_msr_origin *va_msr_earlier(const struct va_msr_recorder *r, int m);

/* Do the listing's own processor labels say that v comes from another
 * processor than the earlier value o? */
static inline int va_msr_other_cpu(const struct va_msr_origin *o, int cpu)
{
	return cpu >= 0 && o->cpu >= 0 && cpu != o->cpu;
}

/*
 * Value v of MSR m (enum va_msr) at line:col, from processor cpu (-1: not
 * said).  The same value again is a repeat and ignored; another value is an
 * error naming both processors (where the listing says them) or both lines.
 * 0, or -1 with r->err set.
 */
int va_msr_record(struct va_msr_recorder *r, int m, uint64_t v, unsigned line, unsigned col,
		  int cpu);

/* A value of an MSR outside the VMX capability range, skipped. */
void va_msr_foreign(struct va_msr_recorder *r, unsigned line);

/* The tool failed to read MSR m: "line N: <who> IA32_VMX_... (0x4..): it
 * stays unknown ...", who being e.g. "CPU 0 cannot read". */
void va_msr_unreadable(struct va_msr_recorder *r, unsigned line, const char *who, int m);

/* Notes due at the end of a listing: "<listing> listing: skipped ...". */
void va_msr_final_notes(const struct va_msr_recorder *r, const char *listing);

/* Names a reader did not know: how many, and the first for the note. */
struct va_unknown_names {
	unsigned count;
	unsigned line;          /* of the first */
	char first[48];         /* cut to fit */
};

void va_unknown_name(struct va_unknown_names *u, unsigned line, const char *s, size_t n);

/*
 * fn(ctx, line) for every line of the text, until it returns non-zero:
 * that value, or 0 after the last line.  The readers' read and detect
 * functions are such a loop.  Inline, so that the compiler calls fn
 * directly: it runs for every line of a whole kernel log.
 */
static inline int va_each_line(const char *text, size_t len,
			       int (*fn)(void *ctx, const struct va_line *l), void *ctx)
{
	struct va_line_iter it;
	struct va_line line;
	va_lines_begin(&it, text, len);
	while (va_next_line(&it, &line)) {
		int rc = fn(ctx, &line);
		if (rc)
			return rc;
	}
	va_provenance_line(0);   /* values a reader derives after the last line */
	return 0;
}

#endif
