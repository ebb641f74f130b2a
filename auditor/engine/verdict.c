/*
 * From findings to the CPU's behaviour (catalogue 26.1-26.2 §1.8 and
 * 26.3-26.8 §4): 26.1 is ordered and its first failure decides; then any
 * control failure gives VMfailValid 7, else any host-state failure 8; only
 * when all of 26.2 holds do guest-state failures (exit 33) count, and MSR
 * loading (exit 34) only when all of 26.3 holds.
 */
#include "audit.h"

static const struct va_rule *rule_of(const struct va_finding *f)
{
	return va_rule_at(f->rule);
}

static uint8_t stage_of(const struct va_finding *f)
{
	return rule_of(f)->stage;
}

/* The failure of `stage` that comes first in table order, or -1. */
static int first_failure(const struct va_report *r, enum va_stage stage)
{
	int best = -1;
	for (int i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status != VA_FAIL || stage_of(f) != stage)
			continue;
		if (best < 0 || f->rule < r->findings[best].rule ||
		    (f->rule == r->findings[best].rule && f->msr_index < r->findings[best].msr_index))
			best = i;
	}
	return best;
}

static int has_status(const struct va_report *r, enum va_stage stage, enum va_status s)
{
	for (int i = 0; i < r->n_findings; i++)
		if (r->findings[i].status == s && stage_of(&r->findings[i]) == stage)
			return 1;
	return 0;
}

/* Unknowns up to and including `last` make the prediction conditional;
 * advisory and candidate rules never decide, so theirs do not count. */
static int unknown_up_to(const struct va_report *r, enum va_stage last)
{
	for (int i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status == VA_UNKNOWN && stage_of(f) <= last &&
		    !(rule_of(f)->flags & (VA_RULE_ADVISORY | VA_RULE_CANDIDATE)))
			return 1;
	}
	return 0;
}

static void mark_reached(struct va_report *r, enum va_stage deciding)
{
	for (int i = 0; i < r->n_findings; i++)
		r->findings[i].reached = stage_of(&r->findings[i]) <= deciding ||
					 (deciding == VA_STAGE_CONTROLS &&
					  stage_of(&r->findings[i]) == VA_STAGE_HOST);
}

static void decide_basic(struct va_report *r, int at)
{
	struct va_verdict *v = &r->verdict;
	const struct va_finding *f = &r->findings[at];
	const struct va_rule *rule = rule_of(f);

	/* 26.1 stops at its first failure: nothing after it is reached. */
	for (int i = 0; i < r->n_findings; i++) {
		const struct va_finding *g = &r->findings[i];
		r->findings[i].reached = stage_of(g) == VA_STAGE_BASIC && g->rule <= f->rule;
	}
	switch (rule->outcome) {
	case VA_OUT_FAULT_UD: v->result = VA_RESULT_FAULT_UD; break;
	case VA_OUT_FAULT_GP: v->result = VA_RESULT_FAULT_GP; break;
	case VA_OUT_VMEXIT:
		v->result = VA_RESULT_VMEXIT;
		v->exit_reason = (uint32_t)f->eval.v[0];
		break;
	case VA_OUT_VMFAIL_INVALID: v->result = VA_RESULT_VMFAIL_INVALID; break;
	default:
		v->result = VA_RESULT_VMFAIL_VALID;
		v->vm_instruction_error = rule->code;
		break;
	}
	for (int i = 0; i < r->n_findings; i++) {
		const struct va_finding *g = &r->findings[i];
		if (g->status == VA_UNKNOWN && stage_of(g) == VA_STAGE_BASIC && g->rule < f->rule)
			v->notes |= VA_NOTE_CONDITIONAL;
	}
}

static void decide_guest(struct va_report *r, int at)
{
	struct va_verdict *v = &r->verdict;
	const struct va_rule *deciding = rule_of(&r->findings[at]);
	uint8_t quals = 0;

	/* 26.3 checks may run in any order and "different processors may give
	 * different exit qualifications for the same VMCS" (26.7): take the
	 * first failure in SDM order and name the other possibilities. */
	for (int i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status != VA_FAIL || stage_of(f) != VA_STAGE_GUEST)
			continue;
		const struct va_rule *rule = rule_of(f);
		quals |= (uint8_t)(1u << rule->qualification);
		if (rule->flags & VA_RULE_QUAL_MAY_VARY)
			quals |= 1u;
	}
	v->result = VA_RESULT_ENTRY_FAILURE;
	v->exit_reason = 33;
	v->exit_qualification = deciding->qualification;
	v->other_qualifications = (uint8_t)(quals & ~(1u << deciding->qualification));
	if (v->other_qualifications)
		v->notes |= VA_NOTE_QUAL_VARIES;
}

static void decide_msr_load(struct va_report *r, int at)
{
	struct va_verdict *v = &r->verdict;
	uint32_t first = r->findings[at].msr_index;

	/* Entries are loaded in order; the CPU stops at the first bad one. */
	for (int i = 0; i < r->n_findings; i++) {
		struct va_finding *f = &r->findings[i];
		if (f->status == VA_FAIL && stage_of(f) == VA_STAGE_MSR_LOAD && f->msr_index < first)
			first = f->msr_index;
	}
	for (int i = 0; i < r->n_findings; i++) {
		struct va_finding *f = &r->findings[i];
		if (stage_of(f) == VA_STAGE_MSR_LOAD)
			f->reached = f->msr_index <= first;
		if (f->status == VA_FAIL && stage_of(f) == VA_STAGE_MSR_LOAD &&
		    f->msr_index == first && r->verdict.deciding < 0)
			r->verdict.deciding = i;
		if (f->status == VA_UNKNOWN && stage_of(f) == VA_STAGE_MSR_LOAD && f->msr_index < first)
			v->notes |= VA_NOTE_CONDITIONAL;
	}
	v->result = VA_RESULT_ENTRY_FAILURE;
	v->exit_reason = 34;
	v->exit_qualification = first;
}

/* Every failure of the deciding stage comes from an unconfirmed rule. */
static int all_unconfirmed(const struct va_report *r, uint8_t stage)
{
	for (int i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status == VA_FAIL && stage_of(f) == stage &&
		    !(rule_of(f)->flags & VA_RULE_UNCONFIRMED))
			return 0;
	}
	return 1;
}

void va_decide(struct va_report *r)
{
	struct va_verdict *v = &r->verdict;
	int at;

	v->result = VA_RESULT_SUCCESS;
	v->vm_instruction_error = 0;
	v->notes = 0;
	v->other_qualifications = 0;
	v->exit_reason = 0;
	v->exit_qualification = 0;
	v->deciding = -1;

	if ((at = first_failure(r, VA_STAGE_BASIC)) >= 0) {
		v->deciding = at;
		decide_basic(r, at);
	} else if ((at = first_failure(r, VA_STAGE_CONTROLS)) >= 0) {
		v->deciding = at;
		v->result = VA_RESULT_VMFAIL_VALID;
		v->vm_instruction_error = 7;
		/* 26.2 checks run in any order: a CPU may report 8 instead. */
		if (has_status(r, VA_STAGE_HOST, VA_FAIL))
			v->notes |= VA_NOTE_ERROR8_POSSIBLE;
		mark_reached(r, VA_STAGE_CONTROLS);
		if (unknown_up_to(r, VA_STAGE_HOST))
			v->notes |= VA_NOTE_CONDITIONAL;
	} else if ((at = first_failure(r, VA_STAGE_HOST)) >= 0) {
		v->deciding = at;
		v->result = VA_RESULT_VMFAIL_VALID;
		v->vm_instruction_error = 8;
		int only_addr_size = 1;
		for (int i = 0; i < r->n_findings; i++) {
			const struct va_finding *f = &r->findings[i];
			if (f->status == VA_FAIL && stage_of(f) == VA_STAGE_HOST &&
			    !(rule_of(f)->flags & VA_RULE_ERROR7_POSSIBLE))
				only_addr_size = 0;
		}
		if (only_addr_size)
			v->notes |= VA_NOTE_ERROR7_POSSIBLE;
		mark_reached(r, VA_STAGE_HOST);
		if (unknown_up_to(r, VA_STAGE_HOST))
			v->notes |= VA_NOTE_CONDITIONAL;
	} else if ((at = first_failure(r, VA_STAGE_GUEST)) >= 0) {
		v->deciding = at;
		decide_guest(r, at);
		mark_reached(r, VA_STAGE_GUEST);
		if (unknown_up_to(r, VA_STAGE_GUEST))
			v->notes |= VA_NOTE_CONDITIONAL;
	} else if ((at = first_failure(r, VA_STAGE_MSR_LOAD)) >= 0) {
		mark_reached(r, VA_STAGE_MSR_LOAD);
		decide_msr_load(r, at);
		if (unknown_up_to(r, VA_STAGE_GUEST))
			v->notes |= VA_NOTE_CONDITIONAL;
	} else {
		/* "Succeeds" only when every rule that could decide was evaluated. */
		mark_reached(r, VA_STAGE_MSR_LOAD);
		if (unknown_up_to(r, VA_STAGE_MSR_LOAD))
			v->result = VA_RESULT_INCONCLUSIVE;
	}
	if (v->deciding >= 0 && all_unconfirmed(r, stage_of(&r->findings[v->deciding])))
		v->notes |= VA_NOTE_UNCONFIRMED;
}
