/*
 * Likely causes: when the input cannot decide, the not-evaluated rules
 * ranked by what it would take for them to fail.  With an observed outcome
 * only the rules of the stage it points to count; rules that fail under a
 * common assumption about the missing input come first.
 */
#include "audit.h"

void va_observed_outcome(const struct va_state *st, struct va_observed_outcome *o)
{
	o->stage = -1;
	o->vm_instruction_error = 0;
	o->exit_reason = 0;
	o->qualification_known = 0;
	o->qualification = 0;

	uint64_t error = st->field[FLD_VM_INSTRUCTION_ERROR];
	if (st->presence[FLD_VM_INSTRUCTION_ERROR] == VA_SET && error) {
		o->vm_instruction_error = (uint8_t)error;
		/* 7 and 8 are the checks of 26.2; the other errors of VMLAUNCH
		 * and VMRESUME (4, 5, 26, ...) are those of 26.1. */
		o->stage = error == 7 ? VA_STAGE_CONTROLS : error == 8 ? VA_STAGE_HOST : VA_STAGE_BASIC;
		return;
	}
	uint64_t reason = st->field[FLD_VM_EXIT_REASON];
	if (st->presence[FLD_VM_EXIT_REASON] != VA_SET || !(reason & 0x80000000u))
		return;
	o->exit_reason = (uint32_t)(reason & 0xffff);
	o->qualification_known = st->presence[FLD_EXIT_QUALIFICATION] == VA_SET;
	o->qualification = st->field[FLD_EXIT_QUALIFICATION];
	if (o->exit_reason == 33)
		o->stage = VA_STAGE_GUEST;
	else if (o->exit_reason == 34)
		o->stage = VA_STAGE_MSR_LOAD;
}

/* The finding's failure would produce the observed outcome: its stage,
 * and for exit 33 its qualification, for exit 34 its MSR-load entry. */
static bool explains(const struct va_observed_outcome *o, const struct va_finding *f)
{
	const struct va_rule *rule = va_rule_at(f->rule);
	if (rule->stage == o->stage) {
		if (o->stage == VA_STAGE_GUEST && o->qualification_known &&
		    !(rule->flags & VA_RULE_QUAL_MAY_VARY))
			return rule->qualification == o->qualification;
		if (o->stage == VA_STAGE_MSR_LOAD && o->qualification_known && f->msr_index)
			return f->msr_index == o->qualification;
		return true;
	}
	/* 26.2.4 failures may be reported as error 7 (26.2.1.4 of the SDM). */
	return o->stage == VA_STAGE_CONTROLS && rule->stage == VA_STAGE_HOST &&
	       (rule->flags & VA_RULE_ERROR7_POSSIBLE);
}

static bool decides(const struct va_rule *rule)
{
	return !(rule->flags & (VA_RULE_ADVISORY | VA_RULE_CANDIDATE));
}

static void add(struct va_report *r, unsigned finding, bool observed)
{
	if (r->n_suspects >= VA_MAX_SUSPECTS) {
		r->suspects_left_off++;
		return;
	}
	const struct va_finding *f = &r->findings[finding];
	struct va_suspect *s = &r->suspects[r->n_suspects++];
	s->finding = (uint16_t)finding;
	s->fails = f->fails_assuming != 0;
	s->assumption = s->fails ? (uint8_t)(f->fails_assuming - 1) : VA_ASSUME_NONE;
	s->explains_observed = observed;
	s->eval = f->eval;
}

void va_rank_suspects(const struct va_observed_outcome *o, struct va_report *r)
{
	bool observed = o->stage >= 0;
	unsigned before = VA_STAGE_COUNT;

	r->n_suspects = 0;
	r->suspects_left_off = 0;
	for (unsigned i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		const struct va_rule *rule = va_rule_at(f->rule);
		if (f->status != VA_FAIL)
			continue;
		/* Failures that explain the outcome leave nothing to suspect. */
		if (observed && explains(o, f))
			return;
		if (!observed && rule->stage < before)
			before = rule->stage;
	}
	/* Without an observed outcome, a failure decides the prediction: only
	 * earlier stages could change it. */
	for (unsigned pass = 0; pass < 2; pass++) {
		for (unsigned i = 0; i < r->n_findings; i++) {
			const struct va_finding *f = &r->findings[i];
			const struct va_rule *rule = va_rule_at(f->rule);
			if (f->status != VA_UNKNOWN || !decides(rule) ||
			    (f->fails_assuming != 0) != (pass == 0))
				continue;
			if (observed ? !explains(o, f) : (pass == 1 || rule->stage >= before))
				continue;
			add(r, i, observed);
		}
	}
}
