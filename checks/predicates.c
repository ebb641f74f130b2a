#include "predicates.h"

int va_pat_bad_byte(uint64_t pat)
{
	for (int i = 0; i < 8; i++) {
		unsigned type = (unsigned)(pat >> (8 * i)) & 0xff;
		if (type == 2 || type == 3 || type > 7)
			return i;
	}
	return -1;
}

uint64_t va_pat_bad_bytes(uint64_t pat)
{
	uint64_t mask = 0;
	for (int i = 0; i < 8; i++) {
		unsigned type = (unsigned)(pat >> (8 * i)) & 0xff;
		if (type == 2 || type == 3 || type > 7)
			mask |= BIT(i);
	}
	return mask;
}

bool va_msr_area_end_within(uint64_t addr, uint32_t count, unsigned width, uint64_t *end_hi,
			    uint64_t *end_lo)
{
	/* 128-bit sum: addr + 16 * count - 1 must not reach bit `width`. */
	uint64_t span = 16ull * count - 1;
	uint64_t lo = addr + span;
	uint64_t hi = lo < addr;
	*end_hi = hi;
	*end_lo = lo;
	return hi == 0 && va_beyond_width(lo, width) == 0;
}

struct cap_choice {
	uint64_t cap;
	uint32_t msr_number;
	uint64_t must_be_one;
	uint64_t may_be_one;
	uint8_t fallback;
};

static struct cap_choice capability(const struct va_ctx *c, enum va_vec v)
{
	const struct va_state *st = c->st;
	struct cap_choice k = { 0, 0, 0, 0, 0 };
	int use_true = va_msr_known(st, MSR_IA32_VMX_BASIC) ?
		(int)((st->msr[MSR_IA32_VMX_BASIC] >> 55) & 1) : 1;

	switch (v) {
	case VEC_PIN:
		k.cap = c->pincap;
		k.fallback = c->pincap_fallback;
		k.msr_number = (use_true && !k.fallback && va_msr_known(st, MSR_IA32_VMX_TRUE_PINBASED_CTLS)) ? 0x48d : 0x481;
		break;
	case VEC_PROC:
		k.cap = c->proccap;
		k.fallback = c->proccap_fallback;
		k.msr_number = (use_true && !k.fallback && va_msr_known(st, MSR_IA32_VMX_TRUE_PROCBASED_CTLS)) ? 0x48e : 0x482;
		break;
	case VEC_EXIT:
		k.cap = c->exitcap;
		k.fallback = c->exitcap_fallback;
		k.msr_number = (use_true && !k.fallback && va_msr_known(st, MSR_IA32_VMX_TRUE_EXIT_CTLS)) ? 0x48f : 0x483;
		break;
	case VEC_ENTRY:
		k.cap = c->entrycap;
		k.fallback = c->entrycap_fallback;
		k.msr_number = (use_true && !k.fallback && va_msr_known(st, MSR_IA32_VMX_TRUE_ENTRY_CTLS)) ? 0x490 : 0x484;
		break;
	case VEC_SEC:
		/* Bits 31:0 of IA32_VMX_PROCBASED_CTLS2 are architecturally 0; a
		 * profile that says otherwise still gets them enforced. */
		k.cap = st->msr[MSR_IA32_VMX_PROCBASED_CTLS2];
		k.msr_number = 0x48b;
		k.must_be_one = k.cap & 0xffffffffull;
		k.may_be_one = k.cap >> 32;
		return k;
	case VEC_TER:
		k.cap = st->msr[MSR_IA32_VMX_PROCBASED_CTLS3];
		k.msr_number = 0x492;
		k.may_be_one = k.cap;
		return k;
	case VEC_EXIT2:
		k.cap = st->msr[MSR_IA32_VMX_EXIT_CTLS2];
		k.msr_number = 0x493;
		k.may_be_one = k.cap;
		return k;
	default:
		return k;
	}
	k.must_be_one = k.cap & 0xffffffffull;
	k.may_be_one = k.cap >> 32;
	return k;
}

/* Default1 bits of each vector (A.2): what the plain MSRs report as
 * must-be-one although the TRUE_ MSRs may allow 0. */
static uint64_t default1(enum va_vec v)
{
	switch (v) {
	case VEC_PIN: return 0x00000016;
	case VEC_PROC: return 0x0401e172;
	case VEC_EXIT: return 0x00036dff;
	case VEC_ENTRY: return 0x000011ff;
	default: return 0;
	}
}

/* Default1 bits that the TRUE_ MSR of every CPU in msr_profiles/ still
 * requires (all 96 report the same values): the common assumption about a
 * TRUE_ MSR the input lacks. */
static uint64_t common_true_default1(enum va_vec v)
{
	switch (v) {
	case VEC_PIN: return 0x00000016;
	case VEC_PROC: return 0x04006172;
	case VEC_EXIT: return 0x00036dfb;
	case VEC_ENTRY: return 0x000011fb;
	default: return 0;
	}
}

enum va_status va_check_allowed0(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	struct cap_choice k = capability(c, (enum va_vec)r->arg);
	uint64_t value = c->vec[r->arg];
	uint64_t missing = va_missing_bits(value, k.must_be_one);

	e->v[0] = value;
	e->v[1] = missing;
	e->v[2] = k.cap;
	e->v[3] = k.msr_number;
	if (!missing)
		return VA_PASS;
	if (k.fallback && !(missing & ~default1((enum va_vec)r->arg))) {
		/* Only default1 bits are at fault, and only the plain MSR says they
		 * must be 1: IA32_VMX_BASIC[55] and the TRUE_ MSR would decide.
		 * {1} becomes the bits the usual TRUE_ MSR still requires. */
		e->v[1] = missing & common_true_default1((enum va_vec)r->arg);
		e->unknown = VA_UNK_NEED;
		e->unknown_arg = VA_NEED_BIT_TRUE_CTLS;
		return VA_UNKNOWN;
	}
	return VA_FAIL;
}

enum va_status va_check_allowed1(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	struct cap_choice k = capability(c, (enum va_vec)r->arg);
	uint64_t value = c->vec[r->arg];
	uint64_t forbidden = va_forbidden_bits(value, k.may_be_one);

	e->v[0] = value;
	e->v[1] = forbidden;
	e->v[2] = k.cap;
	e->v[3] = k.msr_number;
	return forbidden ? VA_FAIL : VA_PASS;
}

enum va_status va_check_aligned(const struct va_ctx *c, const struct va_rule *r,
				struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	e->v[0] = value;
	e->v[1] = value & r->mask;
	return e->v[1] ? VA_FAIL : VA_PASS;
}

enum va_status va_check_width(const struct va_ctx *c, const struct va_rule *r,
			      struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	e->v[0] = value;
	e->v[1] = c->maxphyaddr;
	e->v[2] = va_beyond_width(value, c->maxphyaddr);
	return e->v[2] ? VA_FAIL : VA_PASS;
}

enum va_status va_check_canonical(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	e->v[0] = value;
	e->v[1] = c->linear_bits;
	return va_canonical(value, c->linear_bits) ? VA_PASS : VA_FAIL;
}

enum va_status va_check_zero_bits(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	e->v[0] = value;
	e->v[1] = value & r->mask;
	return e->v[1] ? VA_FAIL : VA_PASS;
}

enum va_status va_check_ctl_bit(const struct va_ctx *c, const struct va_rule *r,
				struct va_eval *e)
{
	uint64_t value = c->vec[r->arg];
	e->v[0] = value;
	return ((value >> r->arg2) & 1) == r->mask ? VA_PASS : VA_FAIL;
}

enum va_status va_check_nonzero(const struct va_ctx *c, const struct va_rule *r,
				struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	e->v[0] = value;
	return value ? VA_PASS : VA_FAIL;
}

enum va_status va_check_one_bits(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = va_missing_bits(e->v[0], r->mask);
	return e->v[1] ? VA_FAIL : VA_PASS;
}

enum va_status va_check_pat(const struct va_ctx *c, const struct va_rule *r, struct va_eval *e)
{
	uint64_t pat = va_get(c, (enum va_field)r->field);
	int first = va_pat_bad_byte(pat);
	e->v[0] = pat;
	e->v[3] = va_pat_bad_bytes(pat);
	if (first < 0)
		return VA_PASS;
	e->v[1] = (uint64_t)first;
	e->v[2] = (pat >> (8 * first)) & 0xff;
	return VA_FAIL;
}

enum va_status va_check_msr_area_end(const struct va_ctx *c, const struct va_rule *r,
				     struct va_eval *e)
{
	uint64_t addr = va_get(c, (enum va_field)r->fields[0]);
	uint32_t count = (uint32_t)va_get(c, (enum va_field)r->fields[1]);
	uint64_t end_hi, end_lo;
	bool within = va_msr_area_end_within(addr, count, c->maxphyaddr, &end_hi, &end_lo);

	e->v[0] = addr;
	e->v[1] = count;
	e->v[2] = end_lo;
	e->v[3] = c->maxphyaddr;
	return within ? VA_PASS : VA_FAIL;
}

enum va_status va_check_msr_count_max(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	uint64_t misc = c->st->msr[MSR_IA32_VMX_MISC];
	e->v[0] = (uint32_t)va_get(c, (enum va_field)r->field);
	e->v[1] = va_msr_list_max(misc);
	e->v[2] = misc;
	return e->v[0] <= e->v[1] ? VA_PASS : VA_FAIL;
}

const char *va_hint_msr_area_address(const struct va_eval *e)
{
	if (va_beyond_width(e->v[0], 48))
		return "This looks like a virtual address (bits 63:48 are set). The field needs the "
		       "physical address of the MSR area, 16-byte aligned.";
	return NULL;
}

const char *va_hint_msr_area_end(const struct va_eval *e)
{
	const char *h = va_hint_msr_area_address(e);
	if (h)
		return h;
	if (e->v[2] < e->v[0])
		return "The area runs past the top of the 64-bit address space: the address is not "
		       "a physical address of memory.";
	return NULL;
}
