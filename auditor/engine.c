#include "audit.h"
#include "rule_table.h"

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

static enum va_status evaluate(struct va_ctx *c, const struct va_rule *rule,
			       unsigned index, struct va_report *r)
{
	const struct va_state *st = c->st;

	for (unsigned g = 0; g < 2; g++) {
		const struct va_gate *gate = &rule->gate[g];
		if (gate->vec == VEC_NONE)
			continue;
		uint32_t unknown = gate->vec == VEC_COND ? c->cond_unknown >> gate->bit
							 : c->vec_unknown >> gate->vec;
		if (unknown & 1) {
			enum va_field f = va_vec_absent_field(c, (enum va_vec)gate->vec, gate->bit);
			return unknown_finding(r, index, VA_UNK_FIELD, f);
		}
		if (((c->vec[gate->vec] >> gate->bit) & 1) != gate->value)
			return VA_NOT_APPLICABLE;
	}
	if (st->absent_count) {
		for (unsigned k = 0; k < VA_RULE_MAX_FIELDS && rule->fields[k] != FLD_NONE; k++)
			if (st->presence[rule->fields[k]] == VA_ABSENT)
				return unknown_finding(r, index, VA_UNK_FIELD, rule->fields[k]);
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
	if (s == VA_FAIL)
		s = failed(rule);
	record(r, index, s, &ev, 0);
	return s;
}

void va_audit(const struct va_state *st, struct va_report *out)
{
	struct va_ctx ctx;
	unsigned index = 0;

	va_ctx_init(&ctx, st);
	out->n_findings = 0;
	out->truncated = 0;
	for (unsigned s = 0; s <= VA_WARN; s++)
		out->count[s] = 0;

	for (unsigned t = 0; t < va_rule_table_count; t++) {
		const struct va_rule_table *table = &va_rule_tables[t];
		for (unsigned i = 0; i < *table->count && index < VA_MAX_RULES; i++, index++) {
			enum va_status s = evaluate(&ctx, &table->rules[i], index, out);
			out->status[index] = (uint8_t)s;
			out->count[s]++;
		}
	}
	out->rule_count = (uint16_t)index;
	va_decide(out);
}

unsigned va_rule_count(void)
{
	unsigned n = 0;
	for (unsigned t = 0; t < va_rule_table_count; t++)
		n += *va_rule_tables[t].count;
	return n;
}

const struct va_rule *va_rule_at(unsigned index)
{
	for (unsigned t = 0; t < va_rule_table_count; t++) {
		if (index < *va_rule_tables[t].count)
			return &va_rule_tables[t].rules[index];
		index -= *va_rule_tables[t].count;
	}
	return NULL;
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
