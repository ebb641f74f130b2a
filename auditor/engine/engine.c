#include "audit.h"
#include "plan.h"

static struct va_finding *add_finding(struct va_report *r, unsigned rule, uint8_t status)
{
	if (r->n_findings >= VA_MAX_FINDINGS) {
		r->truncated = 1;
		return NULL;
	}
	struct va_finding *f = &r->findings[r->n_findings++];
	f->rule = (uint16_t)rule;
	f->status = status;
	f->reached = 1;
	f->msr_index = 0;
	f->eval.v[0] = f->eval.v[1] = f->eval.v[2] = f->eval.v[3] = 0;
	f->eval.unknown = VA_UNK_NONE;
	f->eval.unknown_arg = 0;
	return f;
}

static enum va_status unknown_finding(struct va_report *r, unsigned rule,
				      enum va_unknown_reason why, uint64_t arg)
{
	struct va_finding *f = add_finding(r, rule, VA_UNKNOWN);
	if (f) {
		f->eval.unknown = (uint8_t)why;
		f->eval.unknown_arg = arg;
	}
	return VA_UNKNOWN;
}

static unsigned lowest_bit(uint32_t x)
{
	unsigned n = 0;
	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
}

/* Outcome of a failed condition, softened for rules that never decide. */
static enum va_status failed(const struct va_rule *rule)
{
	return (rule->flags & (VA_RULE_ADVISORY | VA_RULE_CANDIDATE)) ? VA_WARN : VA_FAIL;
}

static void record(struct va_report *r, unsigned index, enum va_status s,
		   const struct va_eval *ev, uint32_t msr_index)
{
	if (s != VA_FAIL && s != VA_WARN && s != VA_UNKNOWN)
		return;
	struct va_finding *f = add_finding(r, index, (uint8_t)s);
	if (f) {
		f->eval = *ev;
		f->msr_index = msr_index;
	}
}

/* A per-entry rule runs once for each VM-entry MSR-load entry (26.4), in
 * order, until memory runs out. */
static enum va_status run_per_msr_entry(struct va_ctx *c, const struct va_rule *rule,
					unsigned index, struct va_report *r)
{
	const struct va_state *st = c->st;
	uint32_t count = (uint32_t)st->field[FLD_VM_ENTRY_MSR_LOAD_COUNT];
	uint64_t base = st->field[FLD_VM_ENTRY_MSR_LOAD_ADDR];
	enum va_status worst = VA_PASS;

	for (uint32_t i = 1; i <= count; i++) {
		uint64_t at = base + 16ull * (i - 1), lo, value;
		if (va_mem_read64(st, at, &lo) || va_mem_read64(st, at + 8, &value)) {
			struct va_finding *f = add_finding(r, index, VA_UNKNOWN);
			if (f) {
				f->eval.unknown = VA_UNK_MEMORY;
				f->eval.unknown_arg = va_mem_read64(st, at, &lo) ? at : at + 8;
				f->msr_index = i;
			}
			return worst == VA_PASS ? VA_UNKNOWN : worst;
		}
		c->msr_index = i;
		c->msr_entry_lo = lo;
		c->msr_entry_value = value;
		struct va_eval ev = { { lo, value, 0, 0 }, VA_UNK_NONE, 0 };
		enum va_status s = rule->check(c, rule, &ev);
		if (s == VA_FAIL)
			s = failed(rule);
		record(r, index, s, &ev, i);
		if (s == VA_FAIL || (s == VA_WARN && worst != VA_FAIL) ||
		    (s == VA_UNKNOWN && worst == VA_PASS))
			worst = s;
	}
	return worst;
}

/* All gates hold.  An unused gate is {VEC_NONE, 0, 0}, and vec[VEC_NONE] is
 * 0, so it holds without a branch of its own. */
static inline bool gate_holds(const struct va_ctx *c, const struct va_gate *g)
{
	return !(((c->vec[g->vec] >> g->bit) ^ g->value) & 1);
}

static inline bool gates_hold(const struct va_ctx *c, const struct va_rule *rule)
{
	return gate_holds(c, &rule->gate[0]) && gate_holds(c, &rule->gate[1]) &&
	       gate_holds(c, &rule->gate[2]);
}

/* A gate that reads a field the input did not have: the rule is unknown. */
static enum va_field unknown_gate(const struct va_ctx *c, const struct va_rule *rule)
{
	for (unsigned g = 0; g < VA_RULE_MAX_GATES; g++) {
		const struct va_gate *gate = &rule->gate[g];
		if (gate->vec == VEC_NONE)
			continue;
		uint64_t unknown = gate->vec == VEC_COND ? c->cond_unknown >> gate->bit
							 : (uint64_t)(c->vec_unknown >> gate->vec);
		if (unknown & 1)
			return va_vec_absent_field(c, (enum va_vec)gate->vec, gate->bit);
	}
	return FLD_NONE;
}

static enum va_status evaluate(struct va_ctx *c, const struct va_rule *rule,
			       unsigned index, struct va_report *r, bool any_absent)
{
	const struct va_state *st = c->st;

	if (any_absent) {
		enum va_field f = unknown_gate(c, rule);
		if (f != FLD_NONE)
			return unknown_finding(r, index, VA_UNK_FIELD, f);
	}
	if (!gates_hold(c, rule))
		return VA_NOT_APPLICABLE;
	if (any_absent) {
		enum va_field f = va_first_absent_field(st, rule->fields, VA_RULE_MAX_FIELDS);
		if (f != FLD_NONE)
			return unknown_finding(r, index, VA_UNK_FIELD, f);
	}
	if (rule->applies && !rule->applies(c, rule))
		return VA_NOT_APPLICABLE;
	uint32_t missing = rule->needs & ~c->have;
	if (missing)
		return unknown_finding(r, index, VA_UNK_NEED, lowest_bit(missing));
	if (rule->flags & VA_RULE_PER_MSR_ENTRY)
		return run_per_msr_entry(c, rule, index, r);

	struct va_eval ev = { { 0, 0, 0, 0 }, VA_UNK_NONE, 0 };
	enum va_status s = rule->check(c, rule, &ev);
	if (s == VA_PASS)
		return s;
	if (s == VA_FAIL)
		s = failed(rule);
	record(r, index, s, &ev, 0);
	return s;
}

/* Evaluation of a rule whose gates hold, on an input with no absent field. */
static enum va_status evaluate_applicable(struct va_ctx *c, const struct va_rule *rule,
					  unsigned index, struct va_report *r, bool slow)
{
	if (slow) {
		if (rule->applies && !rule->applies(c, rule))
			return VA_NOT_APPLICABLE;
		uint32_t missing = rule->needs & ~c->have;
		if (missing)
			return unknown_finding(r, index, VA_UNK_NEED, lowest_bit(missing));
		if (rule->flags & VA_RULE_PER_MSR_ENTRY)
			return run_per_msr_entry(c, rule, index, r);
	}
	struct va_eval ev = { { 0, 0, 0, 0 }, VA_UNK_NONE, 0 };
	enum va_status s = rule->check(c, rule, &ev);
	if (s == VA_PASS)
		return s;
	if (s == VA_FAIL)
		s = failed(rule);
	record(r, index, s, &ev, 0);
	return s;
}

/* Findings in SDM order (rule table order, then MSR-load entry), whatever
 * order the plan evaluated them in. */
static void sort_findings(struct va_report *r)
{
	for (unsigned i = 1; i < r->n_findings; i++) {
		struct va_finding f = r->findings[i];
		unsigned j = i;
		while (j > 0 && (r->findings[j - 1].rule > f.rule ||
				 (r->findings[j - 1].rule == f.rule &&
				  r->findings[j - 1].msr_index > f.msr_index))) {
			r->findings[j] = r->findings[j - 1];
			j--;
		}
		r->findings[j] = f;
	}
}

void va_audit(const struct va_state *st, struct va_report *out)
{
	struct va_ctx ctx;
	uint16_t count[VA_WARN + 1] = { 0 };
	unsigned n = va_plan_rule_count < VA_MAX_RULES ? va_plan_rule_count : VA_MAX_RULES;

	va_ctx_init(&ctx, st);
	out->n_findings = 0;
	out->n_suspects = 0;
	out->truncated = 0;

	if (st->absent_count) {
		/* Absent fields make gates unknown: rule by rule. */
		for (unsigned i = 0; i < n; i++) {
			enum va_status s = evaluate(&ctx, va_plan_rules[i], i, out, true);
			out->status[i] = (uint8_t)s;
			count[s]++;
		}
	} else {
		/* Most rules do not apply to a given VMCS: mark all of them so at
		 * once, then only the groups whose gates hold are visited. */
		__builtin_memset(out->status, VA_NOT_APPLICABLE, n);
		for (unsigned g = 0; g < va_plan_group_count; g++) {
			const struct va_plan_group *group = &va_plan_groups[g];
			const uint16_t *order = &va_plan_order[group->first];
			const struct va_gate *gates = va_plan_gates[group->gates];
			if (!(gate_holds(&ctx, &gates[0]) && gate_holds(&ctx, &gates[1]) &&
			      gate_holds(&ctx, &gates[2]))) {
				count[VA_NOT_APPLICABLE] += group->count;
				continue;
			}
			for (unsigned k = 0; k < group->count; k++) {
				unsigned i = order[k];
				enum va_status s = evaluate_applicable(&ctx, va_plan_rules[i], i, out,
								       va_plan_flags[i] & VA_PLAN_SLOW);
				out->status[i] = (uint8_t)s;
				count[s]++;
			}
		}
		sort_findings(out);
	}
	for (unsigned s = 0; s <= VA_WARN; s++)
		out->count[s] = count[s];
	out->rule_count = (uint16_t)n;
	va_decide(out);
}

unsigned va_rule_count(void)
{
	return va_plan_rule_count;
}

const struct va_rule *va_rule_at(unsigned index)
{
	return index < va_plan_rule_count ? va_plan_rules[index] : NULL;
}

static int same_id(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int va_rule_find(const char *id)
{
	unsigned n = va_rule_count();
	for (unsigned i = 0; i < n; i++)
		if (same_id(va_rule_at(i)->id, id))
			return (int)i;
	return -1;
}
