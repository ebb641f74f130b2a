/*
 * Templates: a state that passes every rule on a given CPU, built from its
 * capability MSRs, the architectural register values of a guest mode and
 * the rule table (whatever a rule decides -- fixed CR0/CR4 bits, controls
 * one control requires of another -- is set by that rule's repair, and the
 * rule is named in the value's comment).  `vmcs-audit new`, the wizard's
 * "start from a template" and the shell's `new` call this.
 */
#ifndef VA_TEMPLATE_H
#define VA_TEMPLATE_H

#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "../engine/state.h"

enum va_template_mode {
	VA_TM_LONG, VA_TM_COMPAT, VA_TM_PAE, VA_TM_PROTECTED, VA_TM_REAL, VA_TM_V86,
	VA_TM_RESET, VA_TM_WAIT_SIPI, VA_TM_COUNT
};

struct va_template_choice {
	const char *name;   /* as typed after --mode / --with */
	const char *what;   /* one line for help and completion */
};

/* The modes and features, from their tables (help, completion). */
const struct va_template_choice *va_template_mode_at(unsigned i);     /* NULL past the end */
const struct va_template_choice *va_template_feature_at(unsigned i);  /* NULL past the end */
int va_template_mode_by_name(const char *name);                      /* -1 if none */
int va_template_feature_by_name(const char *name, size_t len);       /* -1 if none */

#define VA_TEMPLATE_WHY 640

struct va_template {
	struct va_state st;                 /* its memory array: va_state_release */
	char why[FLD_COUNT][VA_TEMPLATE_WHY]; /* why each written field has its value */
	char memory_why[VA_TEMPLATE_WHY];
	char guest_why[VA_TEMPLATE_WHY];   /* the mode: where the architecture defines it */
	char title[256];                    /* first comment line: CPU, mode, features */
	unsigned rule_set;                  /* values set by rule repairs */
	uint16_t order[FLD_COUNT];          /* fields in the order they were set */
	unsigned n_order;
};

/*
 * Build the template for the CPU described by cpu's [cpu] section (its
 * fields are ignored), `mode` and `features` (bit i: feature i).  0, or -1
 * with err->message saying why: a feature or mode the CPU does not allow
 * (naming the capability bit), a capability MSR the profile lacks, or a
 * rule the result would still fail.  t->st is released on failure.
 */
int va_template_build(struct va_template *t, const struct va_state *cpu, enum va_template_mode mode,
		      uint32_t features, const char *cpu_name, struct va_error *err);

/* The commented state file. 0, or -1 on a write error. */
int va_template_write(FILE *out, const struct va_template *t);

#endif
