/*
 * SDM 26.2.3 Checks on host segment and descriptor-table registers.  Every
 * failure is VMfailValid(8).
 */
#include "predicates.h"
#include "rule_lists.h"

#define SEL_RPL BITS(1, 0)
#define SEL_TI BIT(2)

/* A host selector has RPL = 0 and TI = 0.  rule.field = the selector.
 * {0} selector, {1} RPL, {2} TI, {3} the selector with both cleared. */
static enum va_status selector_rpl_ti(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	uint64_t sel = va_get(c, (enum va_field)r->field);

	e->v[0] = sel;
	e->v[1] = sel & SEL_RPL;
	e->v[2] = (sel & SEL_TI) != 0;
	e->v[3] = sel & ~(SEL_RPL | SEL_TI);
	return (e->v[1] || e->v[2]) ? VA_FAIL : VA_PASS;
}

/* Repair: the same GDT entry with RPL 0 and TI 0 ({3}). */
static bool selector_rpl0(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			  struct va_state *out)
{
	(void)c;
	return va_repair_set(out, (enum va_field)r->field, e->v[3]);
}

#define NOTE_XEN_HOST "Xen never checks host state at VM entry: it loads it in software at the " \
	"nested VM exit."
#define NOTE_BASE_WIDTH "Judged against the CPU's maximum linear width ([cpu] " \
	"linear_address_bits), not HOST_CR4.LA57, as KVM does; Bochs uses the VMM's current " \
	"paging width, which is stricter on a 5-level CPU running a 4-level VMM. " NOTE_XEN_HOST

#define RPL_TI(seg) { \
	.id = "HOST.SEG." #seg "_RPL_TI", .sdm = "26.2.3", \
	.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8, \
	.summary = "HOST_" #seg "_SELECTOR has RPL = 0 and TI = 0 (bits 2:0 clear)", \
	.message = "{field} = {0} has RPL = {1:d} and TI = {2:d}: both must be 0 (the GDT " \
		   "selector with RPL 0 would be {3})", \
	.hint = "Host selectors need RPL = 0 and TI = 0. Live DS/ES/FS values (0x2B, 0x53 on " \
		"Windows) cannot be copied: mask them with 0xF8, or use your own GDT entries.", \
	.notes = NOTE_XEN_HOST, \
	.fields = { FLD_HOST_##seg##_SELECTOR }, \
	.check = selector_rpl_ti, .field = FLD_HOST_##seg##_SELECTOR, \
	.repair = selector_rpl0, \
}

#define BASE_CANON(reg) { \
	.id = "HOST.SEG." #reg "_BASE_CANON", .sdm = "26.2.3", \
	.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8, \
	.summary = "HOST_" #reg "_BASE is canonical", \
	.message = MSG_CANONICAL, \
	.notes = NOTE_BASE_WIDTH, \
	.fields = { FLD_HOST_##reg##_BASE }, .needs = VA_NEED_LINEAR, \
	.gate = { WHEN(VEC_COND, COND_INTEL64) }, \
	.check = va_check_canonical, .field = FLD_HOST_##reg##_BASE, \
	.repair = va_repair_canonical, \
}

const struct va_rule va_rules_host_segments[] = {
	RPL_TI(ES),
	RPL_TI(CS),
	RPL_TI(SS),
	RPL_TI(DS),
	RPL_TI(FS),
	RPL_TI(GS),
	RPL_TI(TR),
	{
		.id = "HOST.SEG.CS_NONNULL", .sdm = "26.2.3",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_CS_SELECTOR is not 0000H",
		.message = "{field} = {0}: the host needs a code-segment selector of its GDT",
		.hint = "Write the selector of the host's kernel code segment (CS as it runs, "
			"e.g. 0x10 on Linux), and check that the VMWRITE to 0C02H did not fail.",
		.notes = NOTE_XEN_HOST,
		.fields = { FLD_HOST_CS_SELECTOR },
		.check = va_check_nonzero, .field = FLD_HOST_CS_SELECTOR,
	},
	{
		.id = "HOST.SEG.TR_NONNULL", .sdm = "26.2.3",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_TR_SELECTOR is not 0000H",
		.message = "{field} = {0}: the host needs a task register that selects a TSS",
		.hint = "Your environment (UEFI, your own kernel, the bootloader) probably never "
			"loaded a TSS. Create one and run LTR before you fill the host state, and "
			"check that the VMWRITE to 0C0CH did not fail.",
		.notes = NOTE_XEN_HOST,
		.fields = { FLD_HOST_TR_SELECTOR },
		.check = va_check_nonzero, .field = FLD_HOST_TR_SELECTOR,
	},
	{
		.id = "HOST.SEG.SS_NONNULL_HOST32", .sdm = "26.2.3",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_SS_SELECTOR is not 0000H when \"host address-space size\" is 0",
		.message = "{field} = {0}: a 32-bit host (\"host address-space size\" = 0) needs a "
			   "non-null stack segment",
		.notes = "A null SS is legal for a 64-bit host. " NOTE_XEN_HOST,
		.fields = { FLD_HOST_SS_SELECTOR, FLD_VM_EXIT_CONTROLS },
		.gate = { UNLESS(VEC_EXIT, 9) },
		.check = va_check_nonzero, .field = FLD_HOST_SS_SELECTOR,
	},
	BASE_CANON(FS),
	BASE_CANON(GS),
	BASE_CANON(GDTR),
	BASE_CANON(IDTR),
	BASE_CANON(TR),
};
const unsigned va_rules_host_segments_count = sizeof va_rules_host_segments / sizeof va_rules_host_segments[0];
