#include "repair.h"

bool va_rule_has_repair(unsigned index)
{
	const struct va_rule *r = va_rule_at(index);
	return r && r->repair;
}

unsigned va_repair_count(void)
{
	unsigned n = 0;
	for (unsigned i = 0; i < va_rule_count(); i++)
		n += va_rule_has_repair(i);
	return n;
}

bool va_finding_repairable(const struct va_finding *f)
{
	/* A rule that could not be evaluated for lack of memory may still
	 * have a repair that makes it not apply (the link pointer to ~0). */
	return f->status == VA_FAIL || (f->status == VA_UNKNOWN && f->eval.unknown == VA_UNK_MEMORY);
}

int va_repair_finding(struct va_state *st, const struct va_finding *f)
{
	const struct va_rule *r = va_rule_at(f->rule);
	if (!r || !r->repair || !va_finding_repairable(f) || f->msr_index ||
	    (r->flags & VA_RULE_PER_MSR_ENTRY))
		return 0;
	/* The context is derived before the repair writes: repairs read the
	 * state as the audit saw it and write through `st`. */
	struct va_ctx ctx;
	va_ctx_init(&ctx, st);
	return r->repair(&ctx, r, &f->eval, st) ? 1 : 0;
}
