#include "predicates.h"
#include "repairs.h"

/* Defined with the rules: the plan generator links them without the engine. */
bool va_repair_set(struct va_state *st, enum va_field f, uint64_t value)
{
	unsigned bits = va_field_bits(f);
	if (bits < 64)
		value &= (1ull << bits) - 1;
	if (st->presence[f] == VA_SET && st->field[f] == value)
		return false;
	if (st->presence[f] == VA_ABSENT && st->absent_count)
		st->absent_count--;
	st->field[f] = value;
	st->presence[f] = VA_SET;
	return true;
}

enum va_field va_vec_field(enum va_vec v)
{
	switch (v) {
	case VEC_PIN: return FLD_PIN_BASED_VM_EXEC_CONTROL;
	case VEC_PROC: return FLD_CPU_BASED_VM_EXEC_CONTROL;
	case VEC_SEC: return FLD_SECONDARY_VM_EXEC_CONTROL;
	case VEC_TER: return FLD_TERTIARY_VM_EXEC_CONTROL;
	case VEC_EXIT: return FLD_VM_EXIT_CONTROLS;
	case VEC_EXIT2: return FLD_SECONDARY_VM_EXIT_CONTROLS;
	case VEC_ENTRY: return FLD_VM_ENTRY_CONTROLS;
	case VEC_INTR: return FLD_VM_ENTRY_INTR_INFO_FIELD;
	default: return FLD_NONE;
	}
}

bool va_repair_allowed0(const struct va_ctx *c, const struct va_rule *r,
			const struct va_eval *e, struct va_state *out)
{
	enum va_field f = va_vec_field((enum va_vec)r->arg);
	return f != FLD_NONE && va_repair_set(out, f, va_get(c, f) | e->v[1]);
}

/* Only bits no control is defined for: a named control the CPU lacks is a
 * feature the VMM asked for, and doing without it is the VMM's decision
 * (or the profile is not the CPU's). */
bool va_repair_allowed1(const struct va_ctx *c, const struct va_rule *r,
			const struct va_eval *e, struct va_state *out)
{
	enum va_field f = va_vec_field((enum va_vec)r->arg);
	uint64_t reserved = 0;
	for (unsigned b = 0; b < 64; b++)
		if (((e->v[1] >> b) & 1) && !va_bit_name((enum va_bitset)r->bitset, b))
			reserved |= BIT(b);
	return f != FLD_NONE && reserved && va_repair_set(out, f, va_get(c, f) & ~reserved);
}

bool va_repair_set_v1(const struct va_ctx *c, const struct va_rule *r,
		      const struct va_eval *e, struct va_state *out)
{
	enum va_field f = (enum va_field)r->field;
	return va_repair_set(out, f, va_get(c, f) | e->v[1]);
}

bool va_repair_clear_v1(const struct va_ctx *c, const struct va_rule *r,
			const struct va_eval *e, struct va_state *out)
{
	enum va_field f = (enum va_field)r->field;
	return va_repair_set(out, f, va_get(c, f) & ~e->v[1]);
}

bool va_repair_ctl_bit(const struct va_ctx *c, const struct va_rule *r,
		       const struct va_eval *e, struct va_state *out)
{
	(void)e;
	enum va_field f = va_vec_field((enum va_vec)r->arg);
	if (f == FLD_NONE)
		return false;
	uint64_t v = va_get(c, f) & ~BIT(r->arg2);
	return va_repair_set(out, f, r->mask ? v | BIT(r->arg2) : v);
}

bool va_repair_canonical(const struct va_ctx *c, const struct va_rule *r,
			 const struct va_eval *e, struct va_state *out)
{
	(void)e;
	unsigned w = c->linear_bits;
	if (w == 0 || w >= 64)
		return false;
	uint64_t v = va_get(c, (enum va_field)r->field);
	/* Bits 63:L-1 copy bit L-1: the nearest canonical address. */
	int64_t s = (int64_t)(v << (64 - w)) >> (64 - w);
	return va_repair_set(out, (enum va_field)r->field, (uint64_t)s);
}

bool va_repair_set_one(const struct va_ctx *c, const struct va_rule *r,
		       const struct va_eval *e, struct va_state *out)
{
	(void)c;
	(void)e;
	return va_repair_set(out, (enum va_field)r->field, 1);
}

bool va_repair_link_pointer(const struct va_ctx *c, const struct va_rule *r,
			    const struct va_eval *e, struct va_state *out)
{
	(void)r;
	(void)e;
	/* SEC bit 14, "VMCS shadowing": the link pointer names the shadow VMCS. */
	if ((c->vec[VEC_SEC] >> 14) & 1)
		return false;
	return va_repair_set(out, FLD_VMCS_LINK_POINTER, ~0ull);
}

bool va_repair_canonical_masked(const struct va_ctx *c, const struct va_rule *r,
				const struct va_eval *e, struct va_state *out)
{
	(void)e;
	unsigned w = c->linear_bits;
	if (w == 0 || w >= 64)
		return false;
	uint64_t v = va_get(c, (enum va_field)r->field);
	int64_t s = (int64_t)((v & ~r->mask) << (64 - w)) >> (64 - w);
	return va_repair_set(out, (enum va_field)r->field, ((uint64_t)s & ~r->mask) | (v & r->mask));
}

bool va_repair_pat(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		   struct va_state *out)
{
	/* The power-on PAT (WB WT UC- UC, twice): a safe type for an entry
	 * that held none, which the guest reprograms anyway. */
	const uint64_t power_on = 0x0007040600070406ull;
	uint64_t pat = va_get(c, (enum va_field)r->field);
	for (unsigned i = 0; i < 8; i++) {
		if (!((e->v[3] >> i) & 1))
			continue;
		uint64_t byte = 0xffull << (8 * i);
		pat = (pat & ~byte) | (power_on & byte);
	}
	return va_repair_set(out, (enum va_field)r->field, pat);
}
