#include "rule.h"

#define BIT(n) (1ull << (n))

static uint64_t msr(const struct va_state *st, enum va_msr m)
{
	return st->msr[m];
}

/* Effective allowed-settings MSR of a default1 control vector (A.3.1-A.5):
 * the TRUE_ MSR when IA32_VMX_BASIC[55] = 1, otherwise the plain one. */
static void pick_cap(struct va_ctx *c, enum va_msr plain, enum va_msr true_msr,
		     uint32_t need, uint64_t *cap, uint8_t *fallback)
{
	const struct va_state *st = c->st;
	int basic_known = va_msr_known(st, MSR_IA32_VMX_BASIC);
	int has_true = basic_known ? (int)((msr(st, MSR_IA32_VMX_BASIC) >> 55) & 1) : -1;

	*fallback = 0;
	if (has_true != 0 && va_msr_known(st, true_msr)) {
		*cap = msr(st, true_msr);
		c->have |= need;
	} else if (va_msr_known(st, plain)) {
		*cap = msr(st, plain);
		c->have |= need;
		/* The plain MSR reports default1 bits as must-be-one even where the
		 * TRUE_ MSR would relax them. */
		*fallback = has_true != 0;
	} else {
		*cap = 0;
	}
}

static uint64_t entry_fact(const struct va_state *st, enum va_entry_fact e)
{
	return va_entry_given(st, e) ? st->entry[e] : va_entry_info(e)->default_value;
}

/* Fields each derived condition reads (for "unknown" when one is absent). */
static const uint16_t cond_fields[COND_COUNT][3] = {
	[COND_HASS] = { FLD_VM_EXIT_CONTROLS },
	[COND_LMA] = { FLD_VM_EXIT_CONTROLS },
	[COND_EVENT] = { FLD_VM_ENTRY_INTR_INFO_FIELD },
	[COND_EVENT_SOFTWARE] = { FLD_VM_ENTRY_INTR_INFO_FIELD },
	[COND_EVENT_HW_EXC] = { FLD_VM_ENTRY_INTR_INFO_FIELD },
	[COND_EVENT_FRED_SYS] = { FLD_VM_ENTRY_INTR_INFO_FIELD },
	[COND_EVENT_DEC] = { FLD_VM_ENTRY_INTR_INFO_FIELD },
	[COND_EVENT_PROTECTED] = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL, FLD_GUEST_CR0 },
	[COND_EXIT_MSR_STORE] = { FLD_VM_EXIT_MSR_STORE_COUNT },
	[COND_EXIT_MSR_LOAD] = { FLD_VM_EXIT_MSR_LOAD_COUNT },
	[COND_ENTRY_MSR_LOAD] = { FLD_VM_ENTRY_MSR_LOAD_COUNT },
	[COND_VMFUNC_EPTP_SWITCH] = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL, FLD_VM_FUNCTION_CONTROL },
	[COND_UG] = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
	[COND_EPT] = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
	[COND_IA32E_GUEST] = { FLD_VM_ENTRY_CONTROLS },
	[COND_V86] = { FLD_GUEST_RFLAGS },
	[COND_GUEST_PE] = { FLD_GUEST_CR0 },
	[COND_GUEST_PG] = { FLD_GUEST_CR0 },
	[COND_PAE_PAGING] = { FLD_GUEST_CR0, FLD_GUEST_CR4, FLD_VM_ENTRY_CONTROLS },
	[COND_FRED_GUEST] = { FLD_GUEST_CR4, FLD_VM_ENTRY_CONTROLS },
	[COND_64BIT_GUEST_CODE] = { FLD_GUEST_CS_AR_BYTES, FLD_VM_ENTRY_CONTROLS },
	[COND_LINK_POINTER] = { FLD_VMCS_LINK_POINTER },
	[COND_ES_USABLE] = { FLD_GUEST_ES_AR_BYTES },
	[COND_CS_USABLE] = { FLD_GUEST_CS_AR_BYTES },
	[COND_SS_USABLE] = { FLD_GUEST_SS_AR_BYTES },
	[COND_DS_USABLE] = { FLD_GUEST_DS_AR_BYTES },
	[COND_FS_USABLE] = { FLD_GUEST_FS_AR_BYTES },
	[COND_GS_USABLE] = { FLD_GUEST_GS_AR_BYTES },
	[COND_LDTR_USABLE] = { FLD_GUEST_LDTR_AR_BYTES },
	[COND_TR_USABLE] = { FLD_GUEST_TR_AR_BYTES },
};

static const uint16_t vec_fields[VEC_COUNT][2] = {
	[VEC_PIN] = { FLD_PIN_BASED_VM_EXEC_CONTROL },
	[VEC_PROC] = { FLD_CPU_BASED_VM_EXEC_CONTROL },
	[VEC_SEC] = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
	[VEC_TER] = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_TERTIARY_VM_EXEC_CONTROL },
	[VEC_EXIT] = { FLD_VM_EXIT_CONTROLS },
	[VEC_EXIT2] = { FLD_VM_EXIT_CONTROLS, FLD_SECONDARY_VM_EXIT_CONTROLS },
	[VEC_ENTRY] = { FLD_VM_ENTRY_CONTROLS },
	[VEC_INTR] = { FLD_VM_ENTRY_INTR_INFO_FIELD },
};

/* A control vector gated by another control (secondary, tertiary, secondary
 * exit controls) is known as soon as the gating control is known to be 0:
 * VM entry then treats the whole vector as 0 whatever the field holds. */
static int gated_off(const struct va_state *st, enum va_field f)
{
	switch (f) {
	case FLD_SECONDARY_VM_EXEC_CONTROL:
		return st->presence[FLD_CPU_BASED_VM_EXEC_CONTROL] != VA_ABSENT &&
		       !((st->field[FLD_CPU_BASED_VM_EXEC_CONTROL] >> 31) & 1);
	case FLD_TERTIARY_VM_EXEC_CONTROL:
		return st->presence[FLD_CPU_BASED_VM_EXEC_CONTROL] != VA_ABSENT &&
		       !((st->field[FLD_CPU_BASED_VM_EXEC_CONTROL] >> 17) & 1);
	case FLD_SECONDARY_VM_EXIT_CONTROLS:
		return st->presence[FLD_VM_EXIT_CONTROLS] != VA_ABSENT &&
		       !((st->field[FLD_VM_EXIT_CONTROLS] >> 31) & 1);
	default:
		return 0;
	}
}

static enum va_field first_absent(const struct va_state *st, const uint16_t *f, unsigned n)
{
	for (unsigned i = 0; i < n && f[i] != FLD_NONE; i++)
		if (st->presence[f[i]] == VA_ABSENT && !gated_off(st, (enum va_field)f[i]))
			return (enum va_field)f[i];
	return FLD_NONE;
}

enum va_field va_first_absent_field(const struct va_state *st, const uint16_t *fields, unsigned n)
{
	return first_absent(st, fields, n);
}

enum va_field va_vec_absent_field(const struct va_ctx *c, enum va_vec v, unsigned bit)
{
	if (v == VEC_COND)
		return bit < COND_COUNT ? first_absent(c->st, cond_fields[bit], 3) : FLD_NONE;
	return first_absent(c->st, vec_fields[v], 2);
}

static bool known_zero(const struct va_state *st, enum va_field f, unsigned bit)
{
	return (st->presence[f] != VA_ABSENT || gated_off(st, f)) && !((st->field[f] >> bit) & 1);
}

static void mark_unknown(struct va_ctx *c)
{
	const struct va_state *st = c->st;
	for (unsigned v = VEC_PIN; v < VEC_COND; v++)
		if (first_absent(st, vec_fields[v], 2) != FLD_NONE)
			c->vec_unknown |= 1u << v;
	for (unsigned k = 0; k < COND_COUNT; k++)
		if (first_absent(st, cond_fields[k], 3) != FLD_NONE)
			c->cond_unknown |= 1ull << k;

	/* A conjunction is known to be false as soon as one known part is:
	 * gates first, then presence. */
	bool ia32e_known = st->presence[FLD_VM_ENTRY_CONTROLS] != VA_ABSENT;
	bool ia32e = va_cond(c, COND_IA32E_GUEST);
	bool sec_known = !((c->vec_unknown >> VEC_SEC) & 1);
	uint64_t known = 0;
	if ((sec_known && !(c->vec[VEC_SEC] & BIT(13))) ||
	    known_zero(st, FLD_VM_FUNCTION_CONTROL, 0))
		known |= BIT(COND_VMFUNC_EPTP_SWITCH);
	if ((ia32e_known && ia32e) || known_zero(st, FLD_GUEST_CR0, 31) ||
	    known_zero(st, FLD_GUEST_CR4, 5))
		known |= BIT(COND_PAE_PAGING);
	if ((ia32e_known && !ia32e) || known_zero(st, FLD_GUEST_CR4, 32))
		known |= BIT(COND_FRED_GUEST);
	if ((ia32e_known && !ia32e) || known_zero(st, FLD_GUEST_CS_AR_BYTES, 13))
		known |= BIT(COND_64BIT_GUEST_CODE);
	/* Not protected only with unrestricted guest and CR0.PE = 0. */
	if ((sec_known && !(c->vec[VEC_SEC] & BIT(7))) ||
	    (st->presence[FLD_GUEST_CR0] != VA_ABSENT && (st->field[FLD_GUEST_CR0] & 1)))
		known |= BIT(COND_EVENT_PROTECTED);
	c->cond_unknown &= ~known;
}

static bool fact_known(const struct va_ctx *c, enum va_fact f)
{
	return (c->fact_known >> f) & 1;
}

/* Facts as given; a fact not given but told by a capability MSR is derived
 * from it (VA_FACT_FROM in fact_list.h). */
static void init_facts(struct va_ctx *c)
{
	const struct va_state *st = c->st;
	for (unsigned f = 0; f < FACT_COUNT; f++)
		c->fact[f] = va_fact_known(st, (enum va_fact)f) ? st->fact[f] : 0;
	c->fact_known = st->fact_present;
	c->fact_derived = 0;
#define VA_FACT(id, key, def, has_def, doc)
#define VA_FACT_FROM(id, m, bit, if_set, if_clear)                                   \
	if (!fact_known(c, FACT_##id) && va_msr_known(st, MSR_##m)) {                    \
		c->fact[FACT_##id] = ((msr(st, MSR_##m) >> (bit)) & 1) ? (if_set) : (if_clear); \
		c->fact_known |= 1u << FACT_##id;                                        \
		c->fact_derived |= 1u << FACT_##id;                                      \
	}
#include "fact_list.h"
#undef VA_FACT
#undef VA_FACT_FROM
}

void va_ctx_init(struct va_ctx *c, const struct va_state *st)
{
	uint64_t cond = 0;
	uint64_t basic = msr(st, MSR_IA32_VMX_BASIC);
	int basic_known = va_msr_known(st, MSR_IA32_VMX_BASIC);

	c->st = st;
	c->have = 0;
	c->vec_unknown = 0;
	c->cond_unknown = 0;
	c->msr_index = 0;
	c->msr_entry_lo = 0;
	c->msr_entry_value = 0;
	c->open = 0;
	c->anomalies = 0;

	uint64_t proc = st->field[FLD_CPU_BASED_VM_EXEC_CONTROL];
	uint64_t exitc = st->field[FLD_VM_EXIT_CONTROLS];
	c->vec[VEC_NONE] = 0;
	c->vec[VEC_PIN] = st->field[FLD_PIN_BASED_VM_EXEC_CONTROL];
	c->vec[VEC_PROC] = proc;
	/* SDM 26.2.1.1: with a gating control 0, VM entry behaves as if every
	 * control of the vector it gates were 0. */
	c->vec[VEC_SEC] = (proc & BIT(31)) ? st->field[FLD_SECONDARY_VM_EXEC_CONTROL] : 0;
	c->vec[VEC_TER] = (proc & BIT(17)) ? st->field[FLD_TERTIARY_VM_EXEC_CONTROL] : 0;
	c->vec[VEC_EXIT] = exitc;
	c->vec[VEC_EXIT2] = (exitc & BIT(31)) ? st->field[FLD_SECONDARY_VM_EXIT_CONTROLS] : 0;
	c->vec[VEC_ENTRY] = st->field[FLD_VM_ENTRY_CONTROLS];
	c->vec[VEC_INTR] = st->field[FLD_VM_ENTRY_INTR_INFO_FIELD];

	/* Capabilities. */
	if (basic_known)
		c->have |= VA_NEED_BASIC;
	pick_cap(c, MSR_IA32_VMX_PINBASED_CTLS, MSR_IA32_VMX_TRUE_PINBASED_CTLS,
		 VA_NEED_PINCAP, &c->pincap, &c->pincap_fallback);
	pick_cap(c, MSR_IA32_VMX_PROCBASED_CTLS, MSR_IA32_VMX_TRUE_PROCBASED_CTLS,
		 VA_NEED_PROCCAP, &c->proccap, &c->proccap_fallback);
	pick_cap(c, MSR_IA32_VMX_EXIT_CTLS, MSR_IA32_VMX_TRUE_EXIT_CTLS,
		 VA_NEED_EXITCAP, &c->exitcap, &c->exitcap_fallback);
	pick_cap(c, MSR_IA32_VMX_ENTRY_CTLS, MSR_IA32_VMX_TRUE_ENTRY_CTLS,
		 VA_NEED_ENTRYCAP, &c->entrycap, &c->entrycap_fallback);
	if (va_msr_known(st, MSR_IA32_VMX_PROCBASED_CTLS2))
		c->have |= VA_NEED_PROC2CAP;
	if (va_msr_known(st, MSR_IA32_VMX_PROCBASED_CTLS3))
		c->have |= VA_NEED_PROC3CAP;
	if (va_msr_known(st, MSR_IA32_VMX_EXIT_CTLS2))
		c->have |= VA_NEED_EXIT2CAP;
	if (va_msr_known(st, MSR_IA32_VMX_MISC))
		c->have |= VA_NEED_MISC;
	/* Each half of a fixed-bits pair decides the bits it fixes (A.7, A.8). */
	if (va_msr_known(st, MSR_IA32_VMX_CR0_FIXED0))
		c->have |= VA_NEED_CR0_FIXED0;
	if (va_msr_known(st, MSR_IA32_VMX_CR0_FIXED1))
		c->have |= VA_NEED_CR0_FIXED1;
	if (va_msr_known(st, MSR_IA32_VMX_CR4_FIXED0))
		c->have |= VA_NEED_CR4_FIXED0;
	if (va_msr_known(st, MSR_IA32_VMX_CR4_FIXED1))
		c->have |= VA_NEED_CR4_FIXED1;
	if (va_msr_known(st, MSR_IA32_VMX_EPT_VPID_CAP))
		c->have |= VA_NEED_EPTCAP;
	if (va_msr_known(st, MSR_IA32_VMX_VMFUNC))
		c->have |= VA_NEED_VMFUNCCAP;

	init_facts(c);
	c->basic = basic_known ? basic : 0;
	/* Bits 31:0 of IA32_VMX_PROCBASED_CTLS2 are architecturally 0 (A.3.3). */
	if (va_msr_known(st, MSR_IA32_VMX_PROCBASED_CTLS2) &&
	    (uint32_t)msr(st, MSR_IA32_VMX_PROCBASED_CTLS2))
		c->anomalies |= VA_ANOMALY_PROC2_LOW_BITS;

	/* Physical-address width: 32 when IA32_VMX_BASIC[48] limits every
	 * VMX physical address to 32 bits (A.1). */
	c->maxphyaddr = 0;
	if (basic_known && (basic & BIT(48))) {
		c->maxphyaddr = 32;
		c->have |= VA_NEED_MAXPHYADDR;
	} else if (fact_known(c, FACT_MAXPHYADDR)) {
		c->maxphyaddr = (unsigned)c->fact[FACT_MAXPHYADDR];
		c->have |= VA_NEED_MAXPHYADDR;
	}
	c->linear_bits = fact_known(c, FACT_LINEAR_ADDRESS_BITS) ?
		(unsigned)c->fact[FACT_LINEAR_ADDRESS_BITS] : 0;
	c->cet = c->fact[FACT_CET] != 0;
	c->fred = c->fact[FACT_FRED] != 0;
	static const struct {
		uint8_t fact;
		uint8_t need;
	} fact_needs[] = {
		{ FACT_LINEAR_ADDRESS_BITS, VA_NEED_BIT_LINEAR },
		{ FACT_PERF_GLOBAL_CTRL_VALID, VA_NEED_BIT_PERF_GLOBAL_VALID },
		{ FACT_DEBUGCTL_VALID, VA_NEED_BIT_DEBUGCTL_VALID },
		{ FACT_RTIT_CTL_VALID, VA_NEED_BIT_RTIT_VALID },
		{ FACT_LBR_CTL_VALID, VA_NEED_BIT_LBR_VALID },
		{ FACT_SPEC_CTRL_VALID, VA_NEED_BIT_SPEC_CTRL_VALID },
		{ FACT_CET, VA_NEED_BIT_CET },
		{ FACT_CET_SHSTK, VA_NEED_BIT_CET_SHSTK },
		{ FACT_CET_IBT, VA_NEED_BIT_CET_IBT },
		{ FACT_FRED, VA_NEED_BIT_FRED },
		{ FACT_RTM, VA_NEED_BIT_RTM },
		{ FACT_SGX, VA_NEED_BIT_SGX },
		{ FACT_LAM, VA_NEED_BIT_LAM },
	};
	for (unsigned i = 0; i < sizeof fact_needs / sizeof fact_needs[0]; i++)
		if (fact_known(c, (enum va_fact)fact_needs[i].fact))
			c->have |= 1u << fact_needs[i].need;
	if (va_entry_given(st, ENTRY_CURRENT_VMCS_POINTER))
		c->have |= VA_NEED_CURRENT_VMCS_POINTER;

	/* Derived conditions. */
	uint64_t sec = c->vec[VEC_SEC];
	uint64_t entry = c->vec[VEC_ENTRY];
	uint64_t intr = c->vec[VEC_INTR];
	uint64_t cr0 = st->field[FLD_GUEST_CR0];
	uint64_t cr4 = st->field[FLD_GUEST_CR4];
	unsigned type = (unsigned)(intr >> 8) & 7, vector = (unsigned)intr & 0xff;
	bool hass = (exitc & BIT(9)) != 0;
	bool event = (intr & BIT(31)) != 0;
	bool ug = (sec & BIT(7)) != 0;
	bool ia32e = (entry & BIT(9)) != 0;

	if (!basic_known || !(basic & BIT(48)))
		cond |= BIT(COND_INTEL64);
	if (hass)
		cond |= BIT(COND_HASS);
	bool lma;
	if (va_entry_given(st, ENTRY_IA32E_MODE))
		lma = st->entry[ENTRY_IA32E_MODE] != 0;
	else if (va_entry_given(st, ENTRY_VMM_MODE))
		lma = st->entry[ENTRY_VMM_MODE] == VA_MODE_64BIT ||
		      st->entry[ENTRY_VMM_MODE] == VA_MODE_COMPATIBILITY;
	else
		lma = hass;
	if (lma)
		cond |= BIT(COND_LMA);
	if (entry_fact(st, ENTRY_IN_SMM))
		cond |= BIT(COND_IN_SMM);
	if (entry_fact(st, ENTRY_INSTRUCTION) == VA_INSN_VMRESUME)
		cond |= BIT(COND_VMRESUME);
	else
		cond |= BIT(COND_VMLAUNCH);
	uint64_t cur = entry_fact(st, ENTRY_CURRENT_VMCS);
	if (cur != VA_VMCS_NONE)
		cond |= BIT(COND_CURRENT_VMCS);
	if (cur == VA_VMCS_ORDINARY)
		cond |= BIT(COND_ORDINARY_VMCS);
	if (event) {
		cond |= BIT(COND_EVENT);
		if (type >= 4 && type <= 6)
			cond |= BIT(COND_EVENT_SOFTWARE);
		if (type == 3)
			cond |= BIT(COND_EVENT_HW_EXC);
		if (type == 7 && (vector == 1 || vector == 2))
			cond |= BIT(COND_EVENT_FRED_SYS);
		if (intr & BIT(11))
			cond |= BIT(COND_EVENT_DEC);
		if (!(ug && !(cr0 & BIT(0))))
			cond |= BIT(COND_EVENT_PROTECTED);
	}
	if ((uint32_t)st->field[FLD_VM_EXIT_MSR_STORE_COUNT])
		cond |= BIT(COND_EXIT_MSR_STORE);
	if ((uint32_t)st->field[FLD_VM_EXIT_MSR_LOAD_COUNT])
		cond |= BIT(COND_EXIT_MSR_LOAD);
	if ((uint32_t)st->field[FLD_VM_ENTRY_MSR_LOAD_COUNT])
		cond |= BIT(COND_ENTRY_MSR_LOAD);
	if ((sec & BIT(13)) && (st->field[FLD_VM_FUNCTION_CONTROL] & 1))
		cond |= BIT(COND_VMFUNC_EPTP_SWITCH);
	if (ug)
		cond |= BIT(COND_UG);
	if (sec & BIT(1))
		cond |= BIT(COND_EPT);
	if (ia32e)
		cond |= BIT(COND_IA32E_GUEST);
	if (st->field[FLD_GUEST_RFLAGS] & BIT(17))
		cond |= BIT(COND_V86);
	if (cr0 & BIT(0))
		cond |= BIT(COND_GUEST_PE);
	if (cr0 & BIT(31))
		cond |= BIT(COND_GUEST_PG);
	if ((cr0 & BIT(31)) && (cr4 & BIT(5)) && !ia32e)
		cond |= BIT(COND_PAE_PAGING);
	if (ia32e && (cr4 & BIT(32)))
		cond |= BIT(COND_FRED_GUEST);
	if (ia32e && (st->field[FLD_GUEST_CS_AR_BYTES] & BIT(13)))
		cond |= BIT(COND_64BIT_GUEST_CODE);
	if (st->field[FLD_VMCS_LINK_POINTER] != ~0ull)
		cond |= BIT(COND_LINK_POINTER);
	_Static_assert(FLD_GUEST_TR_AR_BYTES == FLD_GUEST_ES_AR_BYTES + 7,
		       "the guest AR fields are consecutive in the field table");
	for (unsigned r = 0; r < 8; r++)
		if (!(st->field[FLD_GUEST_ES_AR_BYTES + r] & BIT(16)))
			cond |= BIT(COND_ES_USABLE + r);
	c->vec[VEC_COND] = cond;

	if (st->absent_count)
		mark_unknown(c);
}

uint64_t va_entry_value(const struct va_ctx *c, enum va_entry_fact e)
{
	const struct va_state *st = c->st;
	if (va_entry_given(st, e))
		return st->entry[e];
	switch (e) {
	case ENTRY_LAUNCH_STATE:
		return va_cond(c, COND_VMRESUME) ? VA_LAUNCH_LAUNCHED : VA_LAUNCH_CLEAR;
	case ENTRY_VMM_MODE:
		return va_cond(c, COND_LMA) ? VA_MODE_64BIT : VA_MODE_PROTECTED;
	case ENTRY_IA32E_MODE:
		return va_cond(c, COND_LMA);
	default:
		return va_entry_info(e)->default_value;
	}
}

static const char *const need_text[VA_NEED_COUNT][2] = {
#define VA_NEED(id, what, how) [VA_NEED_BIT_##id] = { what, how },
#include "need_list.h"
#undef VA_NEED
};

const char *va_need_text(enum va_need_bit b)
{
	return (unsigned)b < VA_NEED_COUNT ? need_text[b][0] : "?";
}

int va_need_fact(enum va_need_bit b)
{
	switch (b) {
	case VA_NEED_BIT_MAXPHYADDR: return FACT_MAXPHYADDR;
	case VA_NEED_BIT_LINEAR: return FACT_LINEAR_ADDRESS_BITS;
	case VA_NEED_BIT_PERF_GLOBAL_VALID: return FACT_PERF_GLOBAL_CTRL_VALID;
	case VA_NEED_BIT_DEBUGCTL_VALID: return FACT_DEBUGCTL_VALID;
	case VA_NEED_BIT_RTIT_VALID: return FACT_RTIT_CTL_VALID;
	case VA_NEED_BIT_LBR_VALID: return FACT_LBR_CTL_VALID;
	case VA_NEED_BIT_SPEC_CTRL_VALID: return FACT_SPEC_CTRL_VALID;
	case VA_NEED_BIT_CET: return FACT_CET;
	case VA_NEED_BIT_CET_SHSTK: return FACT_CET_SHSTK;
	case VA_NEED_BIT_CET_IBT: return FACT_CET_IBT;
	case VA_NEED_BIT_FRED: return FACT_FRED;
	case VA_NEED_BIT_RTM: return FACT_RTM;
	case VA_NEED_BIT_SGX: return FACT_SGX;
	case VA_NEED_BIT_LAM: return FACT_LAM;
	default: return -1;
	}
}

const char *va_need_how(enum va_need_bit b)
{
	return (unsigned)b < VA_NEED_COUNT ? need_text[b][1] : "?";
}

const char *va_stage_name(enum va_stage s)
{
	static const char *const names[VA_STAGE_COUNT] = {
		"basic", "controls", "host", "guest", "msr_load",
	};
	return (unsigned)s < VA_STAGE_COUNT ? names[s] : "?";
}

const char *va_vec_name(enum va_vec v)
{
	static const char *const names[VEC_COUNT] = {
		[VEC_PIN] = "PIN_BASED_VM_EXEC_CONTROL",
		[VEC_PROC] = "CPU_BASED_VM_EXEC_CONTROL",
		[VEC_SEC] = "SECONDARY_VM_EXEC_CONTROL",
		[VEC_TER] = "TERTIARY_VM_EXEC_CONTROL",
		[VEC_EXIT] = "VM_EXIT_CONTROLS",
		[VEC_EXIT2] = "SECONDARY_VM_EXIT_CONTROLS",
		[VEC_ENTRY] = "VM_ENTRY_CONTROLS",
		[VEC_INTR] = "VM_ENTRY_INTR_INFO_FIELD",
		[VEC_COND] = "",
	};
	return (unsigned)v < VEC_COUNT && names[v] ? names[v] : "?";
}

enum va_bitset va_vec_bitset(enum va_vec v)
{
	static const uint8_t sets[VEC_COUNT] = {
		[VEC_PIN] = VA_BITS_PIN, [VEC_PROC] = VA_BITS_PROC, [VEC_SEC] = VA_BITS_PROC2,
		[VEC_TER] = VA_BITS_PROC3, [VEC_EXIT] = VA_BITS_EXIT, [VEC_EXIT2] = VA_BITS_EXIT2,
		[VEC_ENTRY] = VA_BITS_ENTRY, [VEC_INTR] = VA_BITS_INTR_INFO,
	};
	return (unsigned)v < VEC_COUNT ? (enum va_bitset)sets[v] : VA_BITS_NONE;
}

const char *va_cond_text(enum va_cond k)
{
	static const char *const text[COND_COUNT] = {
		[COND_INTEL64] = "the processor supports Intel 64 (IA32_VMX_BASIC[48] = 0)",
		[COND_HASS] = "\"host address-space size\" (VM_EXIT_CONTROLS bit 9) is 1",
		[COND_LMA] = "the VMM runs with IA32_EFER.LMA = 1 ([entry] ia32e_mode)",
		[COND_IN_SMM] = "the VMM runs in SMM ([entry] in_smm)",
		[COND_VMLAUNCH] = "the instruction is VMLAUNCH",
		[COND_VMRESUME] = "the instruction is VMRESUME",
		[COND_CURRENT_VMCS] = "a current VMCS exists",
		[COND_ORDINARY_VMCS] = "the current VMCS is an ordinary (not shadow) VMCS",
		[COND_EVENT] = "an event is injected (VM_ENTRY_INTR_INFO_FIELD bit 31 = 1)",
		[COND_EVENT_SOFTWARE] = "the injected event is of type 4, 5 or 6 (software)",
		[COND_EVENT_HW_EXC] = "the injected event is a hardware exception (type 3)",
		[COND_EVENT_FRED_SYS] = "the injected event is type 7 with vector 1 or 2 (FRED SYSCALL/SYSENTER)",
		[COND_EVENT_DEC] = "the injected event has \"deliver error code\" (bit 11) = 1",
		[COND_EVENT_PROTECTED] = "the event is injected into protected mode (not unrestricted guest with GUEST_CR0.PE = 0)",
		[COND_EXIT_MSR_STORE] = "VM_EXIT_MSR_STORE_COUNT is not 0",
		[COND_EXIT_MSR_LOAD] = "VM_EXIT_MSR_LOAD_COUNT is not 0",
		[COND_ENTRY_MSR_LOAD] = "VM_ENTRY_MSR_LOAD_COUNT is not 0",
		[COND_VMFUNC_EPTP_SWITCH] = "VM functions are enabled and VM_FUNCTION_CONTROL bit 0 (EPTP switching) is 1",
		[COND_UG] = "\"unrestricted guest\" is 1",
		[COND_EPT] = "\"enable EPT\" is 1",
		[COND_IA32E_GUEST] = "\"IA-32e mode guest\" (VM_ENTRY_CONTROLS bit 9) is 1",
		[COND_V86] = "GUEST_RFLAGS.VM is 1 (virtual-8086 guest)",
		[COND_GUEST_PE] = "GUEST_CR0.PE is 1",
		[COND_GUEST_PG] = "GUEST_CR0.PG is 1",
		[COND_PAE_PAGING] = "the guest uses PAE paging (CR0.PG = 1, CR4.PAE = 1, not IA-32e)",
		[COND_FRED_GUEST] = "the guest will use FRED (IA-32e mode guest and GUEST_CR4.FRED = 1)",
		[COND_64BIT_GUEST_CODE] = "the guest runs 64-bit code (IA-32e mode guest and CS.L = 1)",
		[COND_LINK_POINTER] = "VMCS_LINK_POINTER is not FFFFFFFF_FFFFFFFFH",
		[COND_ES_USABLE] = "GUEST_ES_AR_BYTES bit 16 (unusable) = 0",
		[COND_CS_USABLE] = "GUEST_CS_AR_BYTES bit 16 (unusable) = 0",
		[COND_SS_USABLE] = "GUEST_SS_AR_BYTES bit 16 (unusable) = 0",
		[COND_DS_USABLE] = "GUEST_DS_AR_BYTES bit 16 (unusable) = 0",
		[COND_FS_USABLE] = "GUEST_FS_AR_BYTES bit 16 (unusable) = 0",
		[COND_GS_USABLE] = "GUEST_GS_AR_BYTES bit 16 (unusable) = 0",
		[COND_LDTR_USABLE] = "GUEST_LDTR_AR_BYTES bit 16 (unusable) = 0",
		[COND_TR_USABLE] = "GUEST_TR_AR_BYTES bit 16 (unusable) = 0",
	};
	return (unsigned)k < COND_COUNT && text[k] ? text[k] : "?";
}
