/*
 * SDM 26.3.1.1 Checks on guest control registers, debug registers and MSRs.
 * Every failure here is a VM-entry failure with basic exit reason 33 and
 * exit qualification 0.  Catalogue rows 1-45 of section 1, in order.
 */
#include "predicates.h"
#include "rule_lists.h"

/* Register bits the rules name. */
#define CR0_PE BIT(0)
#define CR0_NE BIT(5)
#define CR0_WP BIT(16)
#define CR0_NW BIT(29)
#define CR0_CD BIT(30)
#define CR0_PG BIT(31)
#define CR4_PAE BIT(5)
#define CR4_PCIDE BIT(17)
#define CR4_CET BIT(23)
#define CR4_FRED BIT(32)
#define EFER_LME_BIT 8
#define EFER_LMA_BIT 10
#define ENTRY_IA32E_BIT 9

/* GUEST_CR3: bits 62:61 are LAM_U57/LAM_U48 on CPUs with LAM. */
#define CR3_RESERVED_HIGH BITS(63, 52)
#define CR3_LAM_BITS BITS(62, 61)
#define CR3_PCID_NOFLUSH BIT(63)

/* IA32_DEBUGCTL: always reserved, defined on every VMX processor, and the
 * bits whose existence depends on the model (2 bus-lock detection,
 * 13 uncore PMI, 14 freeze while SMM, 15 RTM debug). */
#define DEBUGCTL_ALWAYS_RESERVED (BITS(63, 16) | BITS(5, 3))
#define DEBUGCTL_ALWAYS_VALID (BITS(1, 0) | BITS(12, 6))

/* IA32_LBR_CTL: bits 3:0 and 22:16 are defined, bit 0 (LBREn) always. */
#define LBR_CTL_ALWAYS_RESERVED (BITS(63, 23) | BITS(15, 4))
#define LBR_CTL_ALWAYS_VALID BIT(0)

/* IA32_S_CET: bits 9:6 reserved; 1:0 belong to shadow stacks; 5:2, 11:10
 * and 63:12 (legacy-bitmap base) to indirect-branch tracking. */
#define S_CET_RESERVED BITS(9, 6)
#define S_CET_SHSTK_BITS BITS(1, 0)
#define S_CET_IBT_BITS (BITS(5, 2) | BITS(63, 10))
#define S_CET_SUPPRESS BIT(10)
#define S_CET_TRACKER BIT(11)

/* Low bits cleared before a canonical test of a page-granular address. */
#define PAGE_OFFSET_BITS BITS(11, 0)

/* ---- helpers --------------------------------------------------------- */

static uint64_t bit_of(uint64_t value, unsigned bit)
{
	return (value >> bit) & 1;
}

static uint64_t cap(const struct va_ctx *c, enum va_msr m)
{
	return c->st->msr[m];
}

/* GUEST_CR0 bits the fixed-bit checks skip: NW and CD always, PE and PG
 * when "unrestricted guest" is 1. */
static uint64_t cr0_exempt(const struct va_ctx *c)
{
	uint64_t exempt = CR0_NW | CR0_CD;
	if (va_cond(c, COND_UG))
		exempt |= CR0_PE | CR0_PG;
	return exempt;
}

/*
 * A register whose reserved bits are model-specific: with the [cpu]
 * valid-bits fact, every bit outside it (and every always-reserved bit) must
 * be 0; without it, always-reserved bits still fail, bits that are valid on
 * every model pass and any other set bit is unknown.
 * Operands: {0} value, {1} bits that must be 0, {2} valid-bits fact (0 if
 * not given), {3} bits that could not be decided.
 */
static enum va_status model_reserved(const struct va_ctx *c, struct va_eval *e,
				     uint64_t value, enum va_fact fact, enum va_need_bit need,
				     uint64_t always_reserved, uint64_t always_valid)
{
	uint64_t valid = 0;
	e->v[0] = value;
	if (va_fact_get(c, fact, &valid)) {
		e->v[1] = va_forbidden_bits(value, valid & ~always_reserved);
		e->v[2] = valid;
		return e->v[1] ? VA_FAIL : VA_PASS;
	}
	e->v[1] = value & always_reserved;
	e->v[3] = va_forbidden_bits(value, always_valid | always_reserved);
	if (e->v[1])
		return VA_FAIL;
	if (e->v[3]) {
		e->unknown = VA_UNK_NEED;
		e->unknown_arg = need;
		return VA_UNKNOWN;
	}
	return VA_PASS;
}

#define cet_feature va_cet_feature

/* ---- predicates ------------------------------------------------------ */

/* {0} GUEST_CR0, {1} bits that must be 1 but are 0, {2} IA32_VMX_CR0_FIXED0 */
static enum va_status cr0_fixed0(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	(void)r;
	uint64_t cr0 = va_get(c, FLD_GUEST_CR0);
	uint64_t fixed0 = cap(c, MSR_IA32_VMX_CR0_FIXED0);
	e->v[0] = cr0;
	e->v[1] = va_missing_bits(cr0, fixed0 & ~cr0_exempt(c));
	e->v[2] = fixed0;
	e->v[3] = va_cond(c, COND_UG);
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/* {0} GUEST_CR0, {1} bits that must be 0 but are 1, {2} IA32_VMX_CR0_FIXED1 */
static enum va_status cr0_fixed1(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	(void)r;
	uint64_t cr0 = va_get(c, FLD_GUEST_CR0);
	uint64_t fixed1 = cap(c, MSR_IA32_VMX_CR0_FIXED1);
	e->v[0] = cr0;
	e->v[1] = va_forbidden_bits(cr0, fixed1 | cr0_exempt(c));
	e->v[2] = fixed1;
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/* {0} GUEST_CR4, {1} bits that must be 1 but are 0, {2} IA32_VMX_CR4_FIXED0 */
static enum va_status cr4_fixed0(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	(void)r;
	uint64_t cr4 = va_get(c, FLD_GUEST_CR4);
	uint64_t fixed0 = cap(c, MSR_IA32_VMX_CR4_FIXED0);
	e->v[0] = cr4;
	e->v[1] = va_missing_bits(cr4, fixed0);
	e->v[2] = fixed0;
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/* {0} GUEST_CR4, {1} bits that must be 0 but are 1, {2} IA32_VMX_CR4_FIXED1 */
static enum va_status cr4_fixed1(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	(void)r;
	uint64_t cr4 = va_get(c, FLD_GUEST_CR4);
	uint64_t fixed1 = cap(c, MSR_IA32_VMX_CR4_FIXED1);
	e->v[0] = cr4;
	e->v[1] = va_forbidden_bits(cr4, fixed1);
	e->v[2] = fixed1;
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/* {0} GUEST_CR0 */
static enum va_status pg_needs_pe(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	(void)r;
	uint64_t cr0 = va_get(c, FLD_GUEST_CR0);
	e->v[0] = cr0;
	if (!(cr0 & CR0_PG))
		return VA_PASS;
	return va_missing_bits(cr0, CR0_PE) ? VA_FAIL : VA_PASS;
}

/* {0} GUEST_CR4, {1} GUEST_CR0 */
static enum va_status cet_needs_wp(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	(void)r;
	uint64_t cr4 = va_get(c, FLD_GUEST_CR4), cr0 = va_get(c, FLD_GUEST_CR0);
	e->v[0] = cr4;
	e->v[1] = cr0;
	if (!(cr4 & CR4_CET))
		return VA_PASS;
	return va_missing_bits(cr0, CR0_WP) ? VA_FAIL : VA_PASS;
}

/* Repair: CR0.WP, which CET requires ({1} = GUEST_CR0). */
static bool guest_wp_for_cet(const struct va_ctx *c, const struct va_rule *r,
			     const struct va_eval *e, struct va_state *out)
{
	(void)c;
	(void)r;
	return va_repair_set(out, FLD_GUEST_CR0, e->v[1] | CR0_WP);
}

/* CR4.FRED must be 0 outside IA-32e mode; decided only on a FRED CPU.
 * {0} GUEST_CR4, {1} the FRED bit when set */
static enum va_status fred_off_outside_ia32e(const struct va_ctx *c, const struct va_rule *r,
					     struct va_eval *e)
{
	(void)r;
	uint64_t cr4 = va_get(c, FLD_GUEST_CR4);
	e->v[0] = cr4;
	e->v[1] = cr4 & CR4_FRED;
	if (!e->v[1])
		return VA_PASS;
	if (!(c->have & VA_NEED_FRED)) {
		e->unknown = VA_UNK_NEED;
		e->unknown_arg = VA_NEED_BIT_FRED;
		return VA_UNKNOWN;
	}
	return VA_FAIL;
}

/* Applies on a CPU with FRED, or when the input does not say. */
static bool fred_cpu_or_unknown(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return !(c->have & VA_NEED_FRED) || c->fred;
}

/* {0} GUEST_CR3, {1} bits that must be 0, {2} MAXPHYADDR (0 if not given) */
static enum va_status cr3_reserved(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	(void)r;
	uint64_t cr3 = va_get(c, FLD_GUEST_CR3), lam = 0;
	bool width_known = (c->have & VA_NEED_MAXPHYADDR) != 0;
	unsigned width = width_known ? (c->maxphyaddr > 52 ? 52 : c->maxphyaddr) : 52;
	uint64_t bad = va_beyond_width(cr3, width);
	bool lam_known = va_fact_get(c, FACT_LAM, &lam);

	if (lam_known && lam)
		bad &= ~CR3_LAM_BITS;
	e->v[0] = cr3;
	e->v[1] = bad;
	e->v[2] = width_known ? width : 0;
	if (bad & ~(lam_known ? 0 : CR3_LAM_BITS))
		return VA_FAIL;
	if (bad) {
		/* Only LAM_U57/LAM_U48 are set: allowed iff the CPU has LAM. */
		e->unknown = VA_UNK_NEED;
		e->unknown_arg = VA_NEED_BIT_LAM;
		return VA_UNKNOWN;
	}
	/* Bits 51:32 may be beyond a width the input does not give. */
	if (!width_known && va_beyond_width(cr3, 32)) {
		e->unknown = VA_UNK_NEED;
		e->unknown_arg = VA_NEED_BIT_MAXPHYADDR;
		return VA_UNKNOWN;
	}
	return VA_PASS;
}

static enum va_status debugctl_reserved(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	(void)r;
	return model_reserved(c, e, va_get(c, FLD_GUEST_IA32_DEBUGCTL), FACT_DEBUGCTL_VALID,
			      VA_NEED_BIT_DEBUGCTL_VALID, DEBUGCTL_ALWAYS_RESERVED,
			      DEBUGCTL_ALWAYS_VALID);
}

static enum va_status perf_global_reserved(const struct va_ctx *c, const struct va_rule *r,
					   struct va_eval *e)
{
	(void)r;
	/* No bit is reserved on every model, and none valid on every model. */
	return model_reserved(c, e, va_get(c, FLD_GUEST_IA32_PERF_GLOBAL_CTRL),
			      FACT_PERF_GLOBAL_CTRL_VALID, VA_NEED_BIT_PERF_GLOBAL_VALID, 0, 0);
}

static enum va_status rtit_reserved(const struct va_ctx *c, const struct va_rule *r,
				    struct va_eval *e)
{
	(void)r;
	return model_reserved(c, e, va_get(c, FLD_GUEST_IA32_RTIT_CTL), FACT_RTIT_CTL_VALID,
			      VA_NEED_BIT_RTIT_VALID, 0, 0);
}

static enum va_status lbr_reserved(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	(void)r;
	return model_reserved(c, e, va_get(c, FLD_GUEST_IA32_LBR_CTL), FACT_LBR_CTL_VALID,
			      VA_NEED_BIT_LBR_VALID, LBR_CTL_ALWAYS_RESERVED, LBR_CTL_ALWAYS_VALID);
}

static enum va_status spec_ctrl_value(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	(void)r;
	return model_reserved(c, e, va_get(c, FLD_GUEST_IA32_SPEC_CTRL), FACT_SPEC_CTRL_VALID,
			      VA_NEED_BIT_SPEC_CTRL_VALID, 0, 0);
}

/* {0} EFER, {1} bits set that may not be, {2} bits that may be 1 */
static enum va_status efer_reserved(const struct va_ctx *c, const struct va_rule *r,
				    struct va_eval *e)
{
	(void)r;
	uint64_t efer = va_get(c, FLD_GUEST_IA32_EFER), valid;
	if (!va_fact_get(c, FACT_EFER_VALID, &valid))
		valid = va_fact_info(FACT_EFER_VALID)->default_value;
	e->v[0] = efer;
	e->v[1] = va_forbidden_bits(efer, valid);
	e->v[2] = valid;
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/* {0} EFER, {1} "IA-32e mode guest", {2} EFER.LMA */
static enum va_status efer_lma(const struct va_ctx *c, const struct va_rule *r,
			       struct va_eval *e)
{
	(void)r;
	uint64_t efer = va_get(c, FLD_GUEST_IA32_EFER);
	e->v[0] = efer;
	e->v[1] = va_cond(c, COND_IA32E_GUEST);
	e->v[2] = bit_of(efer, EFER_LMA_BIT);
	return e->v[1] == e->v[2] ? VA_PASS : VA_FAIL;
}

/* {0} EFER, {1} LME, {2} LMA */
static enum va_status efer_lme(const struct va_ctx *c, const struct va_rule *r,
			       struct va_eval *e)
{
	(void)r;
	uint64_t efer = va_get(c, FLD_GUEST_IA32_EFER);
	e->v[0] = efer;
	e->v[1] = bit_of(efer, EFER_LME_BIT);
	e->v[2] = bit_of(efer, EFER_LMA_BIT);
	return e->v[1] == e->v[2] ? VA_PASS : VA_FAIL;
}

/* Repairs.  PG without PE: a guest entering IA-32e mode needs protected
 * mode, so PE is set; otherwise PG is dropped (with unrestricted guest,
 * PE = 0 is real mode, and paging without it does not exist). */
static bool pe_for_pg(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		      struct va_state *out)
{
	(void)r;
	uint64_t cr0 = e->v[0];
	return va_repair_set(out, FLD_GUEST_CR0,
			     va_cond(c, COND_IA32E_GUEST) ? cr0 | CR0_PE : cr0 & ~CR0_PG);
}

/* EFER.LMA := "IA-32e mode guest" (the control says what the VMM means),
 * and LME with it, which must agree with LMA when paging is on. */
static bool efer_lma_fix(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			 struct va_state *out)
{
	(void)c;
	(void)r;
	uint64_t efer = e->v[0] & ~(BIT(EFER_LMA_BIT) | BIT(EFER_LME_BIT));
	return va_repair_set(out, FLD_GUEST_IA32_EFER,
			     efer | (e->v[1] << EFER_LMA_BIT) | (e->v[1] << EFER_LME_BIT));
}

/* EFER.LME := EFER.LMA, with paging on the two agree. */
static bool efer_lme_fix(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			 struct va_state *out)
{
	(void)c;
	(void)r;
	uint64_t efer = e->v[0] & ~BIT(EFER_LME_BIT);
	return va_repair_set(out, FLD_GUEST_IA32_EFER, efer | (e->v[2] << EFER_LME_BIT));
}

/* The address rule.field holds with the bits of rule.mask cleared is
 * canonical.  {0} value, {1} width L, {2} the address tested */
static enum va_status canonical_masked(const struct va_ctx *c, const struct va_rule *r,
				       struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	e->v[0] = value;
	e->v[1] = c->linear_bits;
	e->v[2] = value & ~r->mask;
	return va_canonical(e->v[2], c->linear_bits) ? VA_PASS : VA_FAIL;
}

/* {0} S_CET, {1} bits that must be 0, {2} bits of a CET feature the input
 * does not say the CPU has */
static enum va_status s_cet_reserved(const struct va_ctx *c, const struct va_rule *r,
				     struct va_eval *e)
{
	(void)r;
	uint64_t s_cet = va_get(c, FLD_GUEST_S_CET);
	uint64_t bad = s_cet & S_CET_RESERVED, undecided = 0;
	int shstk = cet_feature(c, FACT_CET_SHSTK), ibt = cet_feature(c, FACT_CET_IBT);

	if (shstk == 0)
		bad |= s_cet & S_CET_SHSTK_BITS;
	else if (shstk < 0)
		undecided |= s_cet & S_CET_SHSTK_BITS;
	if (ibt == 0)
		bad |= s_cet & S_CET_IBT_BITS;
	else if (ibt < 0)
		undecided |= s_cet & S_CET_IBT_BITS;
	e->v[0] = s_cet;
	e->v[1] = bad;
	e->v[2] = undecided;
	if (bad)
		return VA_FAIL;
	if (undecided)
		return va_unknown_need(e, va_cet_feature_need(c, (undecided & S_CET_SHSTK_BITS) ?
								 FACT_CET_SHSTK : FACT_CET_IBT));
	return VA_PASS;
}

/* {0} S_CET */
static enum va_status s_cet_suppress_tracker(const struct va_ctx *c, const struct va_rule *r,
					     struct va_eval *e)
{
	(void)r;
	uint64_t s_cet = va_get(c, FLD_GUEST_S_CET);
	e->v[0] = s_cet;
	return va_missing_bits(s_cet, S_CET_SUPPRESS | S_CET_TRACKER) ? VA_PASS : VA_FAIL;
}

/* ---- hints that depend on the operands ------------------------------- */

static const char *cr0_fixed0_hint(const struct va_eval *e)
{
	if (e->v[1] & (CR0_PE | CR0_PG))
		return "PE and PG may be 0 only with \"unrestricted guest\" (secondary control bit 7, "
		       "which needs EPT). Without it, run real-mode or unpaged guest code in "
		       "virtual-8086 mode or under emulation.";
	if (e->v[1] & CR0_NE)
		return "CR0.NE must be 1 in VMX operation; firmware and bare-metal code often leave it "
		       "0. Set it in GUEST_CR0 and hide it with CR0_READ_SHADOW if needed.";
	return NULL;
}

static const char *cr3_hint(const struct va_eval *e)
{
	uint64_t bad = e->v[1];
	if (bad & CR3_PCID_NOFLUSH)
		return "Bit 63 is the PCID \"no-flush\" flag of a MOV-to-CR3 operand, not part of CR3. "
		       "Clear it before writing GUEST_CR3.";
	if (bad & ~CR3_RESERVED_HIGH)
		return "The address is beyond this CPU's physical-address width (maxphyaddr). It may "
		       "fit the host you tested on; a nested hypervisor often reports a narrower width.";
	if (bad & CR3_LAM_BITS)
		return "Bits 62:61 are LAM_U57/LAM_U48. They may be 1 only on a CPU with linear-address "
		       "masking.";
	return NULL;
}

/* ---- the rules ------------------------------------------------------- */

#define GUEST_REGS .sdm = "26.3.1.1", .stage = VA_STAGE_GUEST, \
	.outcome = VA_OUT_ENTRY_FAILURE, .code = 33, .qualification = 0

#define MSG_CANON MSG_CANONICAL "; bits 63 down to the top implemented bit must all be equal"

#define HINT_CONSISTENT "The \"IA-32e mode guest\" entry control, EFER.LMA/LME, CR0.PG, CR4.PAE " \
	"and CS.L must describe the same mode. Update the control whenever the guest's EFER.LMA " \
	"changes."

#define NOTE_XEN_GP "Xen does not fail the entry: it feeds the value through its own control-" \
	"register path and injects #GP into the guest instead."
#define NOTE_FRED "Applied whenever \"load FRED\" is 1, as the catalogue states. KVM checks the " \
	"FRED fields only for IA-32e guests; Bochs whenever the control is 1. VirtualBox and " \
	"Xen do not offer FRED."
#define NOTE_FRED_SSP NOTE_FRED " The catalogue ties the SSP fields to CET shadow stacks, but " \
	"neither Bochs nor KVM makes this check depend on them."

#define FIELDS_UG FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL

const struct va_rule va_rules_guest_regs[] = {
	{
		.id = "GUEST.CR0.FIXED0", GUEST_REGS,
		.summary = "Every bit that IA32_VMX_CR0_FIXED0 fixes to 1 is 1 in GUEST_CR0, except "
			   "NW and CD (never checked) and PE and PG when \"unrestricted guest\" is 1",
		.message = "GUEST_CR0 = {0}: {1:bits} must be 1 (IA32_VMX_CR0_FIXED0 = {2})",
		.hint = "Build GUEST_CR0 from IA32_VMX_CR0_FIXED0/1 of this CPU and keep the guest's "
			"own view in CR0_READ_SHADOW; a MOV-to-CR0 exit handler that writes the "
			"guest's raw value back is the usual cause.",
		.hint_for = cr0_fixed0_hint,
		.notes = "Bochs, KVM and VirtualBox check it as the SDM says. " NOTE_XEN_GP,
		.fields = { FLD_GUEST_CR0, FIELDS_UG },
		.needs = VA_NEED_CR0_FIXED0,
		.check = cr0_fixed0, .field = FLD_GUEST_CR0, .bitset = VA_BITS_CR0,
		.repair = va_repair_set_v1,
	},
	{
		.id = "GUEST.CR0.FIXED1", GUEST_REGS,
		.summary = "Every bit that IA32_VMX_CR0_FIXED1 fixes to 0 is 0 in GUEST_CR0 (bits 63:32 "
			   "included), except NW and CD, and PE and PG when \"unrestricted guest\" is 1",
		.message = "GUEST_CR0 = {0}: {1:bits} must be 0 (IA32_VMX_CR0_FIXED1 = {2})",
		.hint = "Build GUEST_CR0 from IA32_VMX_CR0_FIXED0/1 of this CPU and keep the guest's "
			"own view in CR0_READ_SHADOW; a MOV-to-CR0 exit handler that writes the "
			"guest's raw value back is the usual cause.",
		.notes = "Bochs, KVM and VirtualBox check it as the SDM says. " NOTE_XEN_GP,
		.fields = { FLD_GUEST_CR0, FIELDS_UG },
		.needs = VA_NEED_CR0_FIXED1,
		.check = cr0_fixed1, .field = FLD_GUEST_CR0, .bitset = VA_BITS_CR0,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.CR0.PG_WITHOUT_PE", GUEST_REGS,
		.summary = "If GUEST_CR0.PG is 1, GUEST_CR0.PE is 1",
		.message = "GUEST_CR0 = {0} has PG (bit 31) = 1 but PE (bit 0) = 0: paging needs "
			   "protected mode, so set PE or clear PG",
		.hint = "Only an unrestricted guest can get here (otherwise the fixed bits force PE "
			"and PG). Paging without protection does not exist: set PE together with PG.",
		.notes = "Bochs and KVM check it. VirtualBox tests it only when \"unrestricted guest\" "
			 "is 0, where it can never fire, so PG = 1 with PE = 0 passes there. "
			 NOTE_XEN_GP,
		.fields = { FLD_GUEST_CR0 },
		.check = pg_needs_pe, .field = FLD_GUEST_CR0, .bitset = VA_BITS_CR0,
		.repair = pe_for_pg,
	},
	{
		.id = "GUEST.CR4.FIXED0", GUEST_REGS,
		.summary = "Every bit that IA32_VMX_CR4_FIXED0 fixes to 1 is 1 in GUEST_CR4",
		.message = "GUEST_CR4 = {0}: {1:bits} must be 1 (IA32_VMX_CR4_FIXED0 = {2})",
		.hint = "GUEST_CR4 must have VMXE (bit 13) = 1 although the guest should not see it: "
			"set it in the field and hide it with CR4_GUEST_HOST_MASK and "
			"CR4_READ_SHADOW.",
		.notes = "Bochs, KVM and VirtualBox check it as the SDM says (Bochs uses a host-state "
			 "error code internally but still ends in exit 33). " NOTE_XEN_GP,
		.fields = { FLD_GUEST_CR4 },
		.needs = VA_NEED_CR4_FIXED0,
		.check = cr4_fixed0, .field = FLD_GUEST_CR4, .bitset = VA_BITS_CR4,
		.repair = va_repair_set_v1,
	},
	{
		.id = "GUEST.CR4.FIXED1", GUEST_REGS,
		.summary = "Every bit that IA32_VMX_CR4_FIXED1 fixes to 0 is 0 in GUEST_CR4 (bits 63:32 "
			   "included, e.g. FRED on a CPU without FRED)",
		.message = "GUEST_CR4 = {0}: {1:bits} must be 0: this CPU does not allow them "
			   "(IA32_VMX_CR4_FIXED1 = {2})",
		.hint = "GUEST_CR4 sets a bit this CPU, or the hypervisor you run under, does not "
			"support. Build it from IA32_VMX_CR4_FIXED0/1 of this machine and keep the "
			"guest's view in CR4_READ_SHADOW.",
		.notes = "Bochs and VirtualBox check FIXED1. KVM also rejects CR4 bits the vCPU's "
			 "CPUID does not enumerate, which is stricter when L1's FIXED1 allows more. "
			 NOTE_XEN_GP,
		.fields = { FLD_GUEST_CR4 },
		.needs = VA_NEED_CR4_FIXED1,
		.check = cr4_fixed1, .field = FLD_GUEST_CR4, .bitset = VA_BITS_CR4,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.CR4.CET_WITHOUT_WP", GUEST_REGS,
		.summary = "If GUEST_CR4.CET is 1, GUEST_CR0.WP is 1",
		.message = "GUEST_CR4 = {0} enables CET (bit 23) but GUEST_CR0 = {1} has WP (bit 16) "
			   "= 0: set WP or clear CET",
		.hint = "CET shadow stacks rely on write protection: set CR0.WP whenever CR4.CET is 1.",
		.notes = "Bochs and KVM check it; VirtualBox has no CET. " NOTE_XEN_GP,
		.fields = { FLD_GUEST_CR4, FLD_GUEST_CR0 },
		.check = cet_needs_wp, .field = FLD_GUEST_CR4, .bitset = VA_BITS_CR4,
		.repair = guest_wp_for_cet,
	},
	{
		.id = "GUEST.DEBUGCTL.RESERVED", GUEST_REGS,
		.summary = "GUEST_IA32_DEBUGCTL has no reserved bit set (always reserved: 63:16 and "
			   "5:3; bits 2, 13, 14 and 15 depend on the model)",
		.message = "{field} = {0}: {1:bits} are reserved in IA32_DEBUGCTL and must be 0",
		.hint = "With \"load debug controls\" the CPU loads IA32_DEBUGCTL from this field; a "
			"value saved on another model, or never written, can carry bits this CPU "
			"does not have.",
		.notes = "Reserved bits are model-specific: without [cpu] debugctl_valid, set bits "
			 "other than 0, 1 and 12:6 are unknown (bit 14 counts as model-dependent, "
			 "since it needs IA32_PERF_CAPABILITIES[12]). Bochs reads the field but never "
			 "checks it. KVM and VirtualBox check; KVM (6.19 quirk) lets bit 14 "
			 "(FREEZE_IN_SMM) through. Xen leaves it to the hardware.",
		.fields = { FLD_GUEST_IA32_DEBUGCTL, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 2) },
		.check = debugctl_reserved, .field = FLD_GUEST_IA32_DEBUGCTL,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.IA32E.CR0_PG", GUEST_REGS,
		.summary = "For an IA-32e mode guest, GUEST_CR0.PG is 1",
		.message = "GUEST_CR0 = {0}: {1:bits} must be 1 for an IA-32e mode guest",
		.hint = HINT_CONSISTENT,
		.notes = "Only reachable with \"unrestricted guest\". Bochs does not check it (it "
			 "checks only CR4.PAE for IA-32e guests). KVM and VirtualBox check it; Xen "
			 "leaves it to the hardware.",
		.fields = { FLD_GUEST_CR0, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, ENTRY_IA32E_BIT) },
		.check = va_check_one_bits, .field = FLD_GUEST_CR0, .mask = CR0_PG, .bitset = VA_BITS_CR0,
		.repair = va_repair_set_v1,
	},
	{
		.id = "GUEST.IA32E.CR4_PAE", GUEST_REGS,
		.summary = "For an IA-32e mode guest, GUEST_CR4.PAE is 1",
		.message = "GUEST_CR4 = {0}: {1:bits} must be 1 for an IA-32e mode guest",
		.hint = HINT_CONSISTENT,
		.notes = "VirtualBox tests CR0 bit 5 (NE, always 1 under VMX) instead of CR4.PAE and so "
			 "never catches this. Bochs and KVM check it; Xen leaves it to the hardware.",
		.fields = { FLD_GUEST_CR4, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, ENTRY_IA32E_BIT) },
		.check = va_check_one_bits, .field = FLD_GUEST_CR4, .mask = CR4_PAE, .bitset = VA_BITS_CR4,
		.repair = va_repair_set_v1,
	},
	{
		.id = "GUEST.CR4.PCIDE_NON_IA32E", GUEST_REGS,
		.summary = "Unless the guest is in IA-32e mode, GUEST_CR4.PCIDE is 0",
		.message = "GUEST_CR4 = {0}: {1:bits} must be 0 when \"IA-32e mode guest\" is 0",
		.hint = HINT_CONSISTENT,
		.notes = "Bochs and VirtualBox check it; KVM and Xen leave it to the hardware.",
		.fields = { FLD_GUEST_CR4, FLD_VM_ENTRY_CONTROLS },
		.gate = { UNLESS(VEC_ENTRY, ENTRY_IA32E_BIT) },
		.check = va_check_zero_bits, .field = FLD_GUEST_CR4, .mask = CR4_PCIDE,
		.repair = va_repair_clear_v1,
		.bitset = VA_BITS_CR4,
	},
	{
		.id = "GUEST.CR4.FRED_NON_IA32E", GUEST_REGS,
		.summary = "Unless the guest is in IA-32e mode, GUEST_CR4.FRED is 0",
		.message = "GUEST_CR4 = {0}: {1:bits} must be 0 when \"IA-32e mode guest\" is 0",
		.hint = "FRED event delivery exists only in IA-32e mode: clear CR4.FRED for a guest "
			"that is not.",
		.notes = "FRED specification and newest SDM only. On a CPU without FRED the bit is "
			 "caught by GUEST.CR4.FIXED1 instead. Bochs and KVM (FRED series, 2025) check "
			 "it; VirtualBox and Xen do not offer FRED.",
		.applies_text = "the CPU supports FRED, or the input does not say ([cpu] fred, or "
				"IA32_VMX_CR4_FIXED1 bit 32)",
		.fields = { FLD_GUEST_CR4, FLD_VM_ENTRY_CONTROLS },
		.gate = { UNLESS(VEC_ENTRY, ENTRY_IA32E_BIT) },
		.applies = fred_cpu_or_unknown,
		.check = fred_off_outside_ia32e, .field = FLD_GUEST_CR4, .bitset = VA_BITS_CR4,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.CR3.RESERVED", GUEST_REGS,
		.summary = "GUEST_CR3 bits 63:52 and the bits from MAXPHYADDR to 51 are 0 (bits 62:61 "
			   "may be 1 on a CPU with linear-address masking)",
		.message = "GUEST_CR3 = {0}: {1:bits} must be 0 (reserved are bits 63:52 and those "
			   "from MAXPHYADDR = {2:d} to 51; 0 means maxphyaddr was not given)",
		.hint = "GUEST_CR3 holds a physical address: nothing above the physical-address "
			"width may be set.",
		.hint_for = cr3_hint,
		.notes = "Bochs, KVM and VirtualBox check it. " NOTE_XEN_GP " Bit 63 is reserved even "
			 "with CR4.PCIDE = 1. Bits 62:61 are allowed with LAM (newest SDM; KVM "
			 "does so); without [cpu] lam they are unknown.",
		.fields = { FLD_GUEST_CR3 },
		.gate = { WHEN(VEC_COND, COND_INTEL64) },
		.check = cr3_reserved, .field = FLD_GUEST_CR3,
	},
	{
		.id = "GUEST.DR7.HIGH", GUEST_REGS,
		.summary = "GUEST_DR7 bits 63:32 are 0",
		.message = "GUEST_DR7 = {0}: bits 63:32 must be 0 (set: {1:bits})",
		.hint = "DR7 is loaded from this field with \"load debug controls\"; write a 32-bit "
			"value (0x400 is the reset value).",
		.notes = "Bochs, KVM and VirtualBox check it; Xen leaves it to the hardware. No other "
			 "DR7 bit is checked: VM entry forces bits 12, 15:14 to 0 and bit 10 to 1.",
		.fields = { FLD_GUEST_DR7, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 2) },
		.check = va_check_zero_bits, .field = FLD_GUEST_DR7, .mask = BITS(63, 32),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.SYSENTER_ESP.CANONICAL", GUEST_REGS,
		.summary = "GUEST_SYSENTER_ESP is canonical for the processor's linear-address width",
		.message = MSG_CANON,
		.hint = "The width is the processor's (48, or 57 with LA57), whatever the guest's "
			"CR4.LA57 says; copy the MSR value as read, do not truncate or extend it.",
		.notes = "Bochs and VirtualBox check it; KVM and Xen leave it to the hardware.",
		.fields = { FLD_GUEST_SYSENTER_ESP },
		.needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_COND, COND_INTEL64) },
		.check = va_check_canonical, .field = FLD_GUEST_SYSENTER_ESP,
		.repair = va_repair_canonical,
	},
	{
		.id = "GUEST.SYSENTER_EIP.CANONICAL", GUEST_REGS,
		.summary = "GUEST_SYSENTER_EIP is canonical for the processor's linear-address width",
		.message = MSG_CANON,
		.hint = "The width is the processor's (48, or 57 with LA57), whatever the guest's "
			"CR4.LA57 says; copy the MSR value as read, do not truncate or extend it.",
		.notes = "Bochs and VirtualBox check it; KVM and Xen leave it to the hardware.",
		.fields = { FLD_GUEST_SYSENTER_EIP },
		.needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_COND, COND_INTEL64) },
		.check = va_check_canonical, .field = FLD_GUEST_SYSENTER_EIP,
		.repair = va_repair_canonical,
	},
	{
		.id = "GUEST.PERF_GLOBAL_CTRL.RESERVED", GUEST_REGS,
		.summary = "GUEST_IA32_PERF_GLOBAL_CTRL has no bit set that is reserved on this CPU "
			   "(the valid bits follow CPUID.0AH)",
		.message = "{field} = {0}: {1:bits} are reserved in IA32_PERF_GLOBAL_CTRL on this CPU "
			   "(valid bits: {2}) and must be 0",
		.hint = "Enable only the counters CPUID.0AH reports; a hypervisor below you may "
			"expose fewer counters than the hardware has.",
		.notes = "The reserved set depends on the PMU: without [cpu] perf_global_ctrl_valid "
			 "a non-zero value is unknown. Bochs offers the control but neither checks nor "
			 "loads the field. KVM checks it; VirtualBox lacks the control; Xen writes it "
			 "through its MSR path and injects #GP if that refuses it.",
		.fields = { FLD_GUEST_IA32_PERF_GLOBAL_CTRL, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 13) },
		.check = perf_global_reserved, .field = FLD_GUEST_IA32_PERF_GLOBAL_CTRL,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.PAT.VALUE", GUEST_REGS,
		.summary = "Each of the 8 bytes of GUEST_IA32_PAT is a memory type: 0 (UC), 1 (WC), "
			   "4 (WT), 5 (WP), 6 (WB) or 7 (UC-)",
		.message = MSG_PAT,
		.hint = "Types 2 and 3 and values above 7 are reserved. An unwritten field, or a PAT "
			"value built with the wrong byte order, is the usual cause; the power-on "
			"value is 0x0007040600070406.",
		.notes = "Bochs, KVM and VirtualBox check it; Xen leaves it to the hardware.",
		.fields = { FLD_GUEST_IA32_PAT, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 14) },
		.check = va_check_pat, .field = FLD_GUEST_IA32_PAT,
		.repair = va_repair_pat,
	},
	{
		.id = "GUEST.EFER.RESERVED", GUEST_REGS,
		.summary = "GUEST_IA32_EFER has no reserved bit set (on Intel only SCE, LME, LMA and "
			   "NXE may be 1, each if the CPU supports it)",
		.message = "GUEST_IA32_EFER = {0}: {1:bits} may not be 1 (this CPU allows {2:bits})",
		.hint = "Intel CPUs have no SVME, LMSLE, FFXSR or TCE: an EFER value taken from an AMD "
			"machine or a generic template carries them.",
		.notes = "Bochs, KVM and VirtualBox check it; Xen leaves it to the hardware. The "
			 "valid bits default to SCE, LME, LMA and NXE; [cpu] efer_valid narrows them.",
		.fields = { FLD_GUEST_IA32_EFER, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 15) },
		.check = efer_reserved, .field = FLD_GUEST_IA32_EFER, .bitset = VA_BITS_EFER,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.EFER.LMA", GUEST_REGS,
		.summary = "GUEST_IA32_EFER.LMA equals the \"IA-32e mode guest\" entry control",
		.message = "GUEST_IA32_EFER = {0} has LMA = {2:d} but \"IA-32e mode guest\" is {1:d}; "
			   "they must be equal",
		.hint = HINT_CONSISTENT,
		.notes = "Bochs, KVM and VirtualBox check it; Xen leaves it to the hardware.",
		.fields = { FLD_GUEST_IA32_EFER, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 15) },
		.check = efer_lma, .field = FLD_GUEST_IA32_EFER, .bitset = VA_BITS_EFER,
		.repair = efer_lma_fix,
	},
	{
		.id = "GUEST.EFER.LME", GUEST_REGS,
		.summary = "With GUEST_CR0.PG = 1, GUEST_IA32_EFER.LME equals GUEST_IA32_EFER.LMA",
		.message = "GUEST_IA32_EFER = {0}: with paging on, LME ({1:d}) must equal LMA ({2:d})",
		.hint = HINT_CONSISTENT,
		.notes = "Bochs and VirtualBox check it; KVM compares LME with the IA-32e control "
			 "instead (the same once GUEST.EFER.LMA holds); Xen leaves it to the hardware. "
			 "Without \"load IA32_EFER\" there is nothing to check: LMA and LME follow "
			 "the control.",
		.fields = { FLD_GUEST_IA32_EFER, FLD_GUEST_CR0, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 15), WHEN(VEC_COND, COND_GUEST_PG) },
		.check = efer_lme, .field = FLD_GUEST_IA32_EFER, .bitset = VA_BITS_EFER,
		.repair = efer_lme_fix,
	},
	{
		.id = "GUEST.BNDCFGS.RESERVED", GUEST_REGS,
		.summary = "GUEST_BNDCFGS bits 11:2 are 0",
		.message = "{field} = {0}: reserved {1:bits} must be 0 (only bits 1:0 and the base in "
			   "63:12 may be set)",
		.notes = "MPX. Of the anchors only KVM implements it; Bochs, VirtualBox and Xen do not "
			 "offer the control.",
		.fields = { FLD_GUEST_BNDCFGS, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 16) },
		.check = va_check_zero_bits, .field = FLD_GUEST_BNDCFGS, .mask = BITS(11, 2),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.BNDCFGS.BASE_CANONICAL", GUEST_REGS,
		.summary = "The bound-directory base in GUEST_BNDCFGS (bits 63:12) is canonical",
		.message = "{field} = {0}: the base address {2} is not canonical for {1:d}-bit linear "
			   "addresses",
		.notes = "MPX. Of the anchors only KVM implements it; Bochs, VirtualBox and Xen do not "
			 "offer the control.",
		.fields = { FLD_GUEST_BNDCFGS, FLD_VM_ENTRY_CONTROLS },
		.needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_ENTRY, 16) },
		.check = canonical_masked, .field = FLD_GUEST_BNDCFGS, .mask = PAGE_OFFSET_BITS,
		.repair = va_repair_canonical_masked,
	},
	{
		.id = "GUEST.RTIT_CTL.RESERVED", GUEST_REGS,
		.summary = "GUEST_IA32_RTIT_CTL has no bit set that is reserved on this CPU (the valid "
			   "bits follow CPUID.14H)",
		.message = "{field} = {0}: {1:bits} are reserved in IA32_RTIT_CTL on this CPU (valid "
			   "bits: {2}) and must be 0",
		.hint = "Enable only the Intel PT features CPUID.14H reports on this CPU.",
		.notes = "No anchor implements it. The reserved set depends on CPUID.14H: without "
			 "[cpu] rtit_ctl_valid a non-zero value is unknown.",
		.fields = { FLD_GUEST_IA32_RTIT_CTL, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 18) },
		.check = rtit_reserved, .field = FLD_GUEST_IA32_RTIT_CTL,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.S_CET.RESERVED", GUEST_REGS,
		.summary = "GUEST_S_CET bits 9:6 are 0, and so are the bits of a CET feature the CPU "
			   "lacks (shadow stacks: 1:0; indirect-branch tracking: 5:2, 11:10, 63:12)",
		.message = "GUEST_S_CET = {0}: {1:bits} must be 0 (reserved, or of a CET feature this "
			   "CPU lacks)",
		.notes = "Bochs checks only bits 9:6. KVM also rejects bits of CET features the vCPU "
			 "lacks. VirtualBox and Xen do not offer CET. Without [cpu] cet_shstk / "
			 "cet_ibt, feature bits that are set are unknown.",
		.fields = { FLD_GUEST_S_CET, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 20) },
		.check = s_cet_reserved, .field = FLD_GUEST_S_CET, .bitset = VA_BITS_S_CET,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.S_CET.SUPPRESS_AND_TRACKER", GUEST_REGS,
		.summary = "GUEST_S_CET bits 10 (SUPPRESS) and 11 (TRACKER) are not both 1",
		.message = "GUEST_S_CET = {0} has both SUPPRESS (bit 10) and TRACKER (bit 11) set; at "
			   "most one may be 1",
		.notes = "Bochs and KVM check it; VirtualBox and Xen do not offer CET.",
		.fields = { FLD_GUEST_S_CET, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 20) },
		.check = s_cet_suppress_tracker, .field = FLD_GUEST_S_CET, .bitset = VA_BITS_S_CET,
	},
	{
		.id = "GUEST.S_CET.CANONICAL", GUEST_REGS, .flags = VA_RULE_UNCONFIRMED,
		.summary = "GUEST_S_CET is canonical (2020-2023 SDM text; see notes)",
		.message = MSG_CANON,
		.notes = "Edition conflict: the 2020-2023 SDM text lists IA32_S_CET with the fields "
			 "that must hold canonical addresses, while the 2025 KVM CET series (written "
			 "by Intel) says guest S_CET need not be canonical and does not check it. "
			 "Bochs checks it and, for non-IA-32e guests, also wants bits 63:32 = 0, which "
			 "the SDM does not ask of the guest. Reported as unconfirmed.",
		.fields = { FLD_GUEST_S_CET, FLD_VM_ENTRY_CONTROLS },
		.needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_ENTRY, 20), WHEN(VEC_COND, COND_INTEL64) },
		.check = va_check_canonical, .field = FLD_GUEST_S_CET,
		.repair = va_repair_canonical,
	},
	{
		.id = "GUEST.INTR_SSP_TABLE.CANONICAL", GUEST_REGS,
		.summary = "GUEST_INTR_SSP_TABLE (IA32_INTERRUPT_SSP_TABLE_ADDR) is canonical",
		.message = MSG_CANON,
		.notes = "Bochs and KVM check it; VirtualBox and Xen do not offer CET.",
		.fields = { FLD_GUEST_INTR_SSP_TABLE, FLD_VM_ENTRY_CONTROLS },
		.needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_ENTRY, 20), WHEN(VEC_COND, COND_INTEL64) },
		.check = va_check_canonical, .field = FLD_GUEST_INTR_SSP_TABLE,
		.repair = va_repair_canonical,
	},
	{
		.id = "GUEST.LBR_CTL.RESERVED", GUEST_REGS,
		.summary = "GUEST_IA32_LBR_CTL has no reserved bit set (only bits 3:0 and 22:16 are "
			   "defined, some of them depending on CPUID.1CH)",
		.message = "{field} = {0}: {1:bits} are reserved in IA32_LBR_CTL and must be 0",
		.hint = "Enable only the LBR filtering and call-stack features CPUID.1CH reports.",
		.notes = "Architectural LBRs. No anchor implements it. Without [cpu] lbr_ctl_valid, "
			 "set bits other than 0 (LBREn) within 3:0 and 22:16 are unknown.",
		.fields = { FLD_GUEST_IA32_LBR_CTL, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 21) },
		.check = lbr_reserved, .field = FLD_GUEST_IA32_LBR_CTL,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.PKRS.HIGH", GUEST_REGS,
		.summary = "GUEST_IA32_PKRS bits 63:32 are 0",
		.message = "{field} = {0}: bits 63:32 must be 0 (set: {1:bits})",
		.notes = "Only Bochs implements it; KVM, VirtualBox and Xen do not offer the control.",
		.fields = { FLD_GUEST_IA32_PKRS, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 22) },
		.check = va_check_zero_bits, .field = FLD_GUEST_IA32_PKRS, .mask = BITS(63, 32),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.UINV.HIGH", GUEST_REGS,
		.summary = "GUEST_UINV bits 15:8 are 0 (the user-interrupt notification vector is 8 "
			   "bits)",
		.message = "{field} = {0}: bits 15:8 must be 0 (set: {1:bits})",
		.notes = "User interrupts. Only Bochs implements it. The 2023 text lists it with the "
			 "26.3.1.1 checks; the exact subsection is unverified.",
		.fields = { FLD_GUEST_UINV, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 19) },
		.check = va_check_zero_bits, .field = FLD_GUEST_UINV, .mask = BITS(15, 8),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.SPEC_CTRL.VALUE", GUEST_REGS, .flags = VA_RULE_CANDIDATE,
		.summary = "GUEST_IA32_SPEC_CTRL holds a value WRMSR to IA32_SPEC_CTRL would accept "
			   "(no reserved bit set)",
		.message = "{field} = {0}: {1:bits} are reserved in IA32_SPEC_CTRL on this CPU (valid "
			   "bits: {2}) and must be 0",
		.notes = "Only in the ISE (319433-052), in no SDM edition examined, so it is reported "
			 "as a warning. Only Bochs implements it. The reserved set depends on CPUID: "
			 "without [cpu] spec_ctrl_valid a non-zero value is unknown.",
		.fields = { FLD_GUEST_IA32_SPEC_CTRL, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 24) },
		.check = spec_ctrl_value, .field = FLD_GUEST_IA32_SPEC_CTRL,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.FRED_CONFIG.RESERVED", GUEST_REGS,
		.summary = "GUEST_IA32_FRED_CONFIG bits 2, 5:4 and 11 are 0",
		.message = "{field} = {0}: reserved {1:bits} must be 0",
		.notes = NOTE_FRED,
		.fields = { FLD_GUEST_IA32_FRED_CONFIG, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 23) },
		.check = va_check_zero_bits, .field = FLD_GUEST_IA32_FRED_CONFIG,
		.repair = va_repair_clear_v1,
		.mask = BIT(2) | BITS(5, 4) | BIT(11),
	},
	{
		.id = "GUEST.FRED_CONFIG.CANONICAL", GUEST_REGS,
		.summary = "The entry-point address in GUEST_IA32_FRED_CONFIG (bits 63:12) is canonical",
		.message = "{field} = {0}: the entry point {2} is not canonical for {1:d}-bit linear "
			   "addresses",
		.notes = NOTE_FRED " Bochs checks only the reserved bits of FRED_CONFIG, not this.",
		.fields = { FLD_GUEST_IA32_FRED_CONFIG, FLD_VM_ENTRY_CONTROLS },
		.needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_ENTRY, 23) },
		.check = canonical_masked, .field = FLD_GUEST_IA32_FRED_CONFIG,
		.repair = va_repair_canonical_masked,
		.mask = PAGE_OFFSET_BITS,
	},
#define FRED_ALIGN(reg, bits, text, msg, note) { \
		.id = "GUEST.FRED_" #reg ".ALIGN", GUEST_REGS, \
		.summary = "GUEST_IA32_FRED_" #reg " is " text, \
		.message = msg, \
		.notes = note, \
		.fields = { FLD_GUEST_IA32_FRED_##reg, FLD_VM_ENTRY_CONTROLS }, \
		.gate = { WHEN(VEC_ENTRY, 23) }, \
		.check = va_check_aligned, .field = FLD_GUEST_IA32_FRED_##reg, .mask = (bits), \
		.repair = va_repair_clear_v1, \
	}
#define FRED_CANONICAL(reg, note) { \
		.id = "GUEST.FRED_" #reg ".CANONICAL", GUEST_REGS, \
		.summary = "GUEST_IA32_FRED_" #reg " is canonical", \
		.message = MSG_CANON, \
		.notes = note, \
		.fields = { FLD_GUEST_IA32_FRED_##reg, FLD_VM_ENTRY_CONTROLS }, \
		.needs = VA_NEED_LINEAR, \
		.gate = { WHEN(VEC_ENTRY, 23) }, \
		.check = va_check_canonical, .field = FLD_GUEST_IA32_FRED_##reg, \
		.repair = va_repair_canonical, \
	}
#define RSP_ALIGNED "64-byte aligned (bits 5:0 are 0)"
#define SSP_ALIGNED "8-byte aligned (bits 2:0 are 0)"
#define RSP_MSG "{field} = {0} is not 64-byte aligned: {1:bits} must be 0"
#define SSP_MSG "{field} = {0} is not 8-byte aligned: {1:bits} must be 0"
	FRED_ALIGN(RSP1, BITS(5, 0), RSP_ALIGNED, RSP_MSG, NOTE_FRED),
	FRED_CANONICAL(RSP1, NOTE_FRED),
	FRED_ALIGN(SSP1, BITS(2, 0), SSP_ALIGNED, SSP_MSG, NOTE_FRED_SSP),
	FRED_CANONICAL(SSP1, NOTE_FRED),
	FRED_ALIGN(RSP2, BITS(5, 0), RSP_ALIGNED, RSP_MSG, NOTE_FRED),
	FRED_CANONICAL(RSP2, NOTE_FRED),
	FRED_ALIGN(SSP2, BITS(2, 0), SSP_ALIGNED, SSP_MSG, NOTE_FRED_SSP),
	FRED_CANONICAL(SSP2, NOTE_FRED),
	FRED_ALIGN(RSP3, BITS(5, 0), RSP_ALIGNED, RSP_MSG, NOTE_FRED),
	FRED_CANONICAL(RSP3, NOTE_FRED),
	FRED_ALIGN(SSP3, BITS(2, 0), SSP_ALIGNED, SSP_MSG, NOTE_FRED_SSP),
	FRED_CANONICAL(SSP3, NOTE_FRED),
#undef FRED_ALIGN
#undef FRED_CANONICAL
};
const unsigned va_rules_guest_regs_count = sizeof va_rules_guest_regs / sizeof va_rules_guest_regs[0];
