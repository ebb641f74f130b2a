#include "observed.h"

#include <stdio.h>

#include "render.h"
#include "../input/readers/reader.h"

static int qualification_possible(const struct va_verdict *v, unsigned long long q)
{
	return v->exit_qualification == q || (q < 8 && ((v->other_qualifications >> q) & 1));
}

/* No failing check predicts anything: the dump's failure is not explained
 * by what the input shows, whatever the headline says. */
static int predicts_nothing(const struct va_verdict *v)
{
	return v->result == VA_RESULT_SUCCESS || v->result == VA_RESULT_INCONCLUSIVE;
}

static const char *comparison(const struct va_observed *o)
{
	/* A recorded outcome belongs to the values of the dump: an edited state
	 * is expected to differ from it. */
	if (o->recorded)
		return o->consistent ? "; the prediction for the values as they are now agrees"
				     : "; the prediction for the values as they are now differs (expected "
				       "where they were edited since; otherwise a capability MSR or fact "
				       "may not be the dumped CPU's)";
	if (o->unexplained)
		return "; the input does not show why";
	return o->consistent ? " \xe2\x80\x94 consistent with the prediction"
			     : " \xe2\x80\x94 differs from the prediction";
}

static void compose(struct va_observed *o)
{
	char what[160], when[64] = "";
	if (o->kind == VA_OBSERVED_VMFAIL)
		snprintf(what, sizeof what, "VMfailValid, VM-instruction error %u", o->vm_instruction_error);
	else if (o->qualification_known)
		snprintf(what, sizeof what, "exit %u / qualification %llu", o->exit_reason, o->qualification);
	else
		snprintf(what, sizeof what, "exit %u", o->exit_reason);
	if (o->recorded)
		snprintf(when, sizeof when, " at the time of the dump ([observed], line %u):", o->recorded);
	snprintf(o->sentence, sizeof o->sentence, "observed%s %s%s", when, what, comparison(o));
}

void va_observe(const struct va_state *st, const struct va_report *r, struct va_observed *o)
{
	const struct va_verdict *v = &r->verdict;
	o->kind = VA_OBSERVED_NONE;
	o->sentence[0] = '\0';
	o->consistent = 0;
	o->unexplained = 0;
	o->qualification_known = 0;
	o->recorded = 0;

	if (st->presence[FLD_VM_INSTRUCTION_ERROR] == VA_SET && st->field[FLD_VM_INSTRUCTION_ERROR]) {
		o->kind = VA_OBSERVED_VMFAIL;
		o->vm_instruction_error = (unsigned)st->field[FLD_VM_INSTRUCTION_ERROR];
		o->consistent = v->result == VA_RESULT_VMFAIL_VALID &&
				(v->vm_instruction_error == o->vm_instruction_error ||
				 (o->vm_instruction_error == 8 && (v->notes & VA_NOTE_ERROR8_POSSIBLE)) ||
				 (o->vm_instruction_error == 7 && (v->notes & VA_NOTE_ERROR7_POSSIBLE)));
		o->unexplained = predicts_nothing(v);
		compose(o);
		return;
	}
	uint64_t reason = st->field[FLD_VM_EXIT_REASON];
	if (st->presence[FLD_VM_EXIT_REASON] == VA_SET && (reason & 0x80000000u)) {
		o->kind = VA_OBSERVED_ENTRY_FAILURE;
		o->exit_reason = (unsigned)(reason & 0xffff);
		o->qualification_known = st->presence[FLD_EXIT_QUALIFICATION] == VA_SET;
		o->qualification = st->field[FLD_EXIT_QUALIFICATION];
		o->consistent = v->result == VA_RESULT_ENTRY_FAILURE && v->exit_reason == o->exit_reason &&
				(!o->qualification_known || qualification_possible(v, o->qualification));
		o->unexplained = predicts_nothing(v);
		compose(o);
	}
}

void va_observe_input(const struct va_state *st, const struct va_import_notes *notes,
		      const struct va_report *r, struct va_observed *o)
{
	va_observe(st, r, o);
	if (!notes || !notes->observed_line || o->kind == VA_OBSERVED_NONE)
		return;
	o->recorded = notes->observed_line;
	compose(o);
}
