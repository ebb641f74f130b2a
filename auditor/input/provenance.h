/*
 * Where each value of an imported state came from: the input (or profile)
 * and its line.  Recording is switched on around a load, per thread, and
 * costs nothing when off; readers need not know: every field, MSR and fact
 * is set through one of a few functions, which record the current input and
 * line (va_next_line and the state-file reader keep the line current).
 */
#ifndef VA_PROVENANCE_H
#define VA_PROVENANCE_H

#include <stdio.h>

#include "../engine/state.h"

struct va_provenance {
	const char *field_src[FLD_COUNT], *msr_src[MSR_COUNT], *fact_src[FACT_COUNT];
	unsigned field_line[FLD_COUNT], msr_line[MSR_COUNT], fact_line[FACT_COUNT];
	/* names of the inputs, kept for the sources above */
	char names[8][160];
	unsigned nnames;
};

/* Record into p from now on (NULL: stop). */
void va_provenance_begin(struct va_provenance *p);
void va_provenance_end(void);

/* The input being read ("profile NAME" for a built-in profile); the line. */
void va_provenance_source(const char *name);
void va_provenance_line(unsigned line);

/* A value was set from the current source and line. */
void va_provenance_field(enum va_field f);
void va_provenance_msr(unsigned msr);
void va_provenance_fact(unsigned fact);

/*
 * The state file va_state_write writes, with a header naming the inputs,
 * each value followed by "# INPUT:LINE", and the outcome observed at the
 * time of the dump (VM_INSTRUCTION_ERROR, VM_EXIT_REASON, EXIT_QUALIFICATION:
 * what the CPU did then, not what an edited state would do) under
 * [observed] rather than [vmcs].  0, or -1 on a write error.
 */
int va_state_write_annotated(FILE *out, const struct va_state *st, const struct va_provenance *p);

#endif
