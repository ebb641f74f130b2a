#include "observed.h"

#include <stdio.h>

#include "render.h"

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
	if (o->unexplained)
		return "; the input does not show why";
	return o->consistent ? " \xe2\x80\x94 consistent with the prediction"
			     : " \xe2\x80\x94 differs from the prediction";
}

void va_observe(const struct va_state *st, const struct va_report *r, struct va_observed *o)
{
	const struct va_verdict *v = &r->verdict;
	o->kind = VA_OBSERVED_NONE;
	o->sentence[0] = '\0';
	o->consistent = 0;
	o->unexplained = 0;
	o->qualification_known = 0;

	if (st->presence[FLD_VM_INSTRUCTION_ERROR] == VA_SET && st->field[FLD_VM_INSTRUCTION_ERROR]) {
		o->kind = VA_OBSERVED_VMFAIL;
		o->vm_instruction_error = (unsigned)st->field[FLD_VM_INSTRUCTION_ERROR];
		o->consistent = v->result == VA_RESULT_VMFAIL_VALID &&
				(v->vm_instruction_error == o->vm_instruction_error ||
				 (o->vm_instruction_error == 8 && (v->notes & VA_NOTE_ERROR8_POSSIBLE)) ||
				 (o->vm_instruction_error == 7 && (v->notes & VA_NOTE_ERROR7_POSSIBLE)));
		o->unexplained = predicts_nothing(v);
		snprintf(o->sentence, sizeof o->sentence, "observed VMfailValid, VM-instruction error %u%s",
			 o->vm_instruction_error, comparison(o));
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
		if (o->qualification_known)
			snprintf(o->sentence, sizeof o->sentence, "observed exit %u / qualification %llu%s",
				 o->exit_reason, o->qualification, comparison(o));
		else
			snprintf(o->sentence, sizeof o->sentence, "observed exit %u%s", o->exit_reason,
				 comparison(o));
	}
}
