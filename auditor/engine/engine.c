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
	f->fails_assuming = 0;
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

/*
 * The common assumption under which an unknown rule fails, told by what it
 * lacks: only default1 bits at fault while the TRUE_ MSR is missing (almost
 * every CPU keeps them at 1); the dword at a link pointer of 0 (physical
 * address 0 holds no VMCS on a real machine: 0 is the classic mistake for
 * "no link").  IA32_VMX_BASIC[56] = 0 is found by judge_open.
 */
static uint8_t assumption_of(const struct va_rule *rule, const struct va_eval *ev)
{
	/* va_check_allowed0 leaves in {1} the bits the usual TRUE_ MSR keeps. */
	if (ev->unknown == VA_UNK_NEED && ev->unknown_arg == VA_NEED_BIT_TRUE_CTLS && ev->v[1])
		return 1 + VA_ASSUME_TRUE_DEFAULT1;
	if (ev->unknown == VA_UNK_MEMORY && ev->unknown_arg == 0 &&
	    (rule->flags & VA_RULE_WANTS_LINKED_VMCS))
		return 1 + VA_ASSUME_LINK_NOT_VMCS;
	return 0;
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
		if (s == VA_UNKNOWN)
			f->fails_assuming = assumption_of(va_plan_rules[index], ev);
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

/* The gate holds.  An unused gate is {VEC_NONE, 0, 0}, and vec[VEC_NONE] is
 * 0, so it holds without a branch of its own. */
static inline bool gate_holds(const struct va_ctx *c, const struct va_gate *g)
{
	return !(((c->vec[g->vec] >> g->bit) ^ g->value) & 1);
}

/*
 * Inputs a rule can be evaluated under every value of, when the input lacks
 * them: small domains (or, for the widths, predicates monotone in the width,
 * so the extremes stand for every value between).
 */
#define ENUMERABLE (VA_NEED_BASIC | VA_NEED_MAXPHYADDR | VA_NEED_LINEAR | VA_NEED_CET |   \
		    VA_NEED_CET_SHSTK | VA_NEED_CET_IBT | VA_NEED_FRED | VA_NEED_RTM |         \
		    VA_NEED_SGX | VA_NEED_LAM)
#define MAX_VARIANTS 64

static unsigned domain_size(unsigned need)
{
	/* IA32_VMX_BASIC: bits 56 and 58, which rules read; its other bits
	 * stay open (c->open) for the rules that read them. */
	return need == VA_NEED_BIT_BASIC ? 4 : 2;
}

static void set_fact(struct va_ctx *v, enum va_fact f, uint64_t value)
{
	v->fact[f] = value;
	v->fact_known |= 1u << f;
}

/* Variant k of the open needs; value index 0 of IA32_VMX_BASIC is the
 * common one (bits 56 and 58 = 0, every CPU before CET and FRED). */
static void set_variant(struct va_ctx *v, const struct va_ctx *c, uint32_t open, unsigned k)
{
	for (uint32_t rest = open; rest; rest &= rest - 1) {
		unsigned need = lowest_bit(rest), size = domain_size(need), i = k % size;
		k /= size;
		switch (need) {
		case VA_NEED_BIT_BASIC:
			v->basic = (c->basic & ~((1ull << 56) | (1ull << 58))) |
				   ((uint64_t)(i & 1) << 56) | ((uint64_t)(i >> 1) << 58);
			break;
		case VA_NEED_BIT_MAXPHYADDR:
			v->maxphyaddr = i ? 52 : 32;
			set_fact(v, FACT_MAXPHYADDR, v->maxphyaddr);
			break;
		case VA_NEED_BIT_LINEAR:
			v->linear_bits = i ? 57 : 48;
			set_fact(v, FACT_LINEAR_ADDRESS_BITS, v->linear_bits);
			break;
		case VA_NEED_BIT_CET: v->cet = i; set_fact(v, FACT_CET, i); break;
		case VA_NEED_BIT_FRED: v->fred = i; set_fact(v, FACT_FRED, i); break;
		case VA_NEED_BIT_CET_SHSTK: set_fact(v, FACT_CET_SHSTK, i); break;
		case VA_NEED_BIT_CET_IBT: set_fact(v, FACT_CET_IBT, i); break;
		case VA_NEED_BIT_RTM: set_fact(v, FACT_RTM, i); break;
		case VA_NEED_BIT_SGX: set_fact(v, FACT_SGX, i); break;
		case VA_NEED_BIT_LAM: set_fact(v, FACT_LAM, i); break;
		default: break;
		}
	}
}

/* The part of variant k that belongs to IA32_VMX_BASIC is the common one. */
static bool basic_common(uint32_t open, unsigned k)
{
	if (!(open & VA_NEED_BASIC))
		return false;
	for (uint32_t rest = open & (VA_NEED_BASIC - 1); rest; rest &= rest - 1)
		k /= domain_size(lowest_bit(rest));
	return k % 4 == 0;
}

/*
 * A rule that needs inputs the state lacks: evaluated under every value
 * they can take.  It fails (passes, does not apply) when it does under all
 * of them; otherwise it is unknown for want of the first of them, and
 * remembers whether it fails under the common value of IA32_VMX_BASIC.
 */
__attribute__((noinline, cold))
static enum va_status judge_open(const struct va_ctx *c, const struct va_rule *rule,
				 unsigned index, struct va_report *r, uint32_t open)
{
	struct va_ctx v;
	struct va_eval ev, fail_ev = { { 0, 0, 0, 0 }, 0, 0 }, common_ev = fail_ev;
	unsigned seen;
	bool common_fails;

	for (;;) {
		if (open & ~ENUMERABLE)
			return unknown_finding(r, index, VA_UNK_NEED, lowest_bit(open & ~ENUMERABLE));
		unsigned n = 1;
		for (uint32_t rest = open; rest; rest &= rest - 1)
			n *= domain_size(lowest_bit(rest));
		if (n > MAX_VARIANTS)
			return unknown_finding(r, index, VA_UNK_NEED, lowest_bit(open));
		v = *c;
		v.have |= open;
		v.open |= open;
		seen = 0;
		common_fails = (open & VA_NEED_BASIC) != 0;
		uint32_t widen = 0;
		for (unsigned k = 0; k < n; k++) {
			set_variant(&v, c, open, k);
			ev = (struct va_eval){ { 0, 0, 0, 0 }, 0, 0 };
			enum va_status s = rule->applies && !rule->applies(&v, rule)
						   ? VA_NOT_APPLICABLE : rule->check(&v, rule, &ev);
			if (s == VA_UNKNOWN) {
				uint32_t bit = ev.unknown == VA_UNK_NEED && ev.unknown_arg < 32
						       ? 1u << ev.unknown_arg : 0;
				if (bit & ENUMERABLE & ~open & ~c->have) {
					widen = bit;
					break;
				}
				record(r, index, VA_UNKNOWN, &ev, 0);
				return VA_UNKNOWN;
			}
			if (s == VA_FAIL)
				fail_ev = ev;
			if (basic_common(open, k)) {
				if (s == VA_FAIL)
					common_ev = ev;
				else
					common_fails = false;
			}
			seen |= 1u << s;
		}
		if (!widen)
			break;
		open |= widen;
	}
	if (seen == 1u << VA_FAIL) {
		enum va_status s = failed(rule);
		record(r, index, s, &fail_ev, 0);
		return s;
	}
	if (!(seen & (1u << VA_FAIL)))
		return (seen & (1u << VA_PASS)) ? VA_PASS : VA_NOT_APPLICABLE;
	struct va_finding *f = add_finding(r, index, VA_UNKNOWN);
	if (f) {
		if (common_fails) {
			f->eval = common_ev;
			f->fails_assuming = 1 + VA_ASSUME_BASIC56_0;
		}
		f->eval.unknown = VA_UNK_NEED;
		f->eval.unknown_arg = lowest_bit(open);
	}
	return VA_UNKNOWN;
}

/* The rule's predicate, once its gates hold and its inputs are present;
 * a need the predicate finds missing is judged under every value. */
static inline enum va_status run_check(const struct va_ctx *c, const struct va_rule *rule,
				       unsigned index, struct va_report *r)
{
	struct va_eval ev = { { 0, 0, 0, 0 }, VA_UNK_NONE, 0 };
	enum va_status s = rule->check(c, rule, &ev);
	if (s == VA_PASS)
		return s;
	if (s == VA_UNKNOWN && ev.unknown == VA_UNK_NEED && ev.unknown_arg < 32 &&
	    ((1u << ev.unknown_arg) & ENUMERABLE & ~c->have))
		return judge_open(c, rule, index, r, 1u << ev.unknown_arg);
	if (s == VA_FAIL)
		s = failed(rule);
	record(r, index, s, &ev, 0);
	return s;
}

/* Evaluation of a rule whose gates hold and whose fields are present:
 * needs, applies, then the predicate. */
static inline __attribute__((always_inline))
enum va_status judge(struct va_ctx *c, const struct va_rule *rule, unsigned index,
		     struct va_report *r)
{
	/* applies() says "may apply" while what it reads is unknown, so a
	 * false is final before any missing need is looked at. */
	if (rule->applies && !rule->applies(c, rule))
		return VA_NOT_APPLICABLE;
	uint32_t missing = rule->needs & ~c->have;
	if (missing && !(rule->flags & VA_RULE_PER_MSR_ENTRY))
		return judge_open(c, rule, index, r, missing);
	if (missing)
		return unknown_finding(r, index, VA_UNK_NEED, lowest_bit(missing));
	if (rule->flags & VA_RULE_PER_MSR_ENTRY)
		return run_per_msr_entry(c, rule, index, r);
	return run_check(c, rule, index, r);
}

/* A gate that reads a field the input did not have. */
static inline bool gate_unknown(const struct va_ctx *c, const struct va_gate *gate)
{
	if (gate->vec == VEC_NONE)
		return false;
	uint64_t unknown = gate->vec == VEC_COND ? c->cond_unknown >> gate->bit
						 : (uint64_t)(c->vec_unknown >> gate->vec);
	return unknown & 1;
}

/* The fields applies() reads are all present. */
static bool applies_decidable(const struct va_state *st, const struct va_rule *rule)
{
	uint16_t fields[VA_RULE_MAX_FIELDS];
	unsigned n = 0;
	for (unsigned i = 0; i < VA_RULE_MAX_FIELDS; i++)
		if ((rule->applies_reads >> i) & 1)
			fields[n++] = rule->fields[i];
	return va_first_absent_field(st, fields, n) == FLD_NONE;
}

/* On an input with absent fields: gates first (one known to be false, or
 * a guard whose fields are present saying no, makes the rule not apply,
 * whatever else is absent), then presence. */
static enum va_status evaluate(struct va_ctx *c, const struct va_rule *rule,
			       unsigned index, struct va_report *r)
{
	const struct va_state *st = c->st;
	enum va_field unknown = FLD_NONE;

	for (unsigned g = 0; g < VA_RULE_MAX_GATES; g++) {
		const struct va_gate *gate = &rule->gate[g];
		if (!gate_unknown(c, gate)) {
			if (!gate_holds(c, gate))
				return VA_NOT_APPLICABLE;
		} else if (unknown == FLD_NONE) {
			unknown = va_vec_absent_field(c, (enum va_vec)gate->vec, gate->bit);
		}
	}
	enum va_field f = va_first_absent_field(st, rule->fields, VA_RULE_MAX_FIELDS);
	if (unknown == FLD_NONE && f == FLD_NONE)
		return judge(c, rule, index, r);
	if (rule->applies && rule->applies_reads && applies_decidable(st, rule) &&
	    !rule->applies(c, rule))
		return VA_NOT_APPLICABLE;
	return unknown_finding(r, index, VA_UNK_FIELD, unknown != FLD_NONE ? unknown : f);
}

/* Evaluation of a rule whose gates hold, on an input with no absent field. */
static enum va_status evaluate_applicable(struct va_ctx *c, const struct va_rule *rule,
					  unsigned index, struct va_report *r, bool slow)
{
	if (slow)
		return judge(c, rule, index, r);
	return run_check(c, rule, index, r);
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
	out->suspects_left_off = 0;
	out->truncated = 0;

	if (st->absent_count) {
		/* Absent fields make gates unknown: rule by rule. */
		for (unsigned i = 0; i < n; i++) {
			enum va_status s = evaluate(&ctx, va_plan_rules[i], i, out);
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
	out->facts_derived = ctx.fact_derived;
	out->anomalies = ctx.anomalies;
	va_decide(out);
	if (out->count[VA_UNKNOWN]) {
		struct va_observed_outcome observed;
		va_observed_outcome(st, &observed);
		va_rank_suspects(&observed, out);
	}
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
