/*
 * SDM 26.3.1.4 Checks on guest RIP, RFLAGS and SSP.  Failures are VM-entry
 * failures with basic exit reason 33 and exit qualification 0.
 */
#include "predicates.h"
#include "rule_lists.h"

#define RFLAGS_RESERVED (BITS(63, 22) | BIT(15) | BIT(5) | BIT(3))
#define RFLAGS_IF BIT(9)
#define RFLAGS_IOPL BITS(13, 12)
#define RFLAGS_VM BIT(17)

#define INTR_TYPE_EXT_INT 0

#define NOTE_SW_CPU "Bochs and VirtualBox test this in software; KVM and Xen copy the field " \
	"into the merged VMCS and let the processor reject it."

/* Interruption type (bits 10:8) of the VM-entry interruption-information field. */
static unsigned event_type(const struct va_ctx *c)
{
	return (unsigned)(c->vec[VEC_INTR] >> 8) & 7;
}

/* DPL of the guest SS (access rights bits 6:5). */
static unsigned ss_dpl(const struct va_ctx *c)
{
	return (unsigned)(va_get(c, FLD_GUEST_SS_AR_BYTES) >> 5) & 3;
}

static bool event_is_ext_int(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return event_type(c) == INTR_TYPE_EXT_INT;
}

static bool ss_dpl_is_3(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return ss_dpl(c) == 3;
}

/* rule.field: bits 63:N identical, N = the processor's linear-address width:
 * {0} value, {1} N (decimal). */
static enum va_status upper_bits_identical(const struct va_ctx *c, const struct va_rule *r,
					   struct va_eval *e)
{
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = c->linear_bits;
	return va_upper_bits_identical(e->v[0], c->linear_bits) ? VA_PASS : VA_FAIL;
}

/* IF must be 1 for an injected external interrupt: {0} RFLAGS, {1} missing
 * bits, {2} the interruption-information field. */
static enum va_status if_set_for_ext_int(const struct va_ctx *c, const struct va_rule *r,
					 struct va_eval *e)
{
	enum va_status s = va_check_one_bits(c, r, e);
	e->v[2] = c->vec[VEC_INTR];
	return s;
}

static const char *rflags_hint(const struct va_eval *e)
{
	if (e->v[0] == 0)
		return "GUEST_RFLAGS is 0: it was probably never written (VMCLEAR does not promise "
		       "any value). The smallest valid value is 2.";
	return NULL;
}

static const char *rip_high_hint(const struct va_eval *e)
{
	if ((e->v[0] >> 47) == 0x1ffff)
		return "GUEST_RIP holds a 64-bit kernel address, but the guest is not in 64-bit code. "
		       "The \"IA-32e mode guest\" control, EFER.LMA/LME and CS.L must tell the same "
		       "story; set or clear them together.";
	return NULL;
}

const struct va_rule va_rules_guest_rip_rflags[] = {
	{
		.id = "GUEST.RIP.HIGH32", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_RIP bits 63:32 are 0 unless the guest runs 64-bit code "
			   "(\"IA-32e mode guest\" = 1 and CS.L = 1)",
		.message = "{field} = {0}: outside 64-bit code (IA-32e mode guest = 0 or CS.L = 0) "
			   "bits 63:32 must be 0; set: {1}",
		.hint = "The \"IA-32e mode guest\" control, EFER.LMA/LME and CS.L must agree; a 32-bit "
			"guest needs a 32-bit RIP.",
		.hint_for = rip_high_hint,
		.notes = NOTE_SW_CPU,
		.fields = { FLD_GUEST_RIP, FLD_VM_ENTRY_CONTROLS, FLD_GUEST_CS_AR_BYTES },
		.gate = { UNLESS(VEC_COND, COND_64BIT_GUEST_CODE), WHEN(VEC_COND, COND_INTEL64) },
		.check = va_check_zero_bits, .field = FLD_GUEST_RIP, .mask = BITS(63, 32),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.RIP.UPPER_IDENTICAL", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "In 64-bit code, GUEST_RIP bits 63:N are all equal (N = the processor's "
			   "linear-address width); full canonicality is not required",
		.message = "{field} = {0}: in 64-bit code bits 63:{1:d} must be all 0 or all 1 "
			   "({1:d}-bit linear addresses)",
		.hint = "RIP was probably built from a truncated or wrongly sign-extended address. "
			"Bit N-1 may differ from the bits above it: such a RIP enters and then "
			"faults on the first fetch.",
		.notes = "Only bits 63:N must agree. VirtualBox demands full canonicality and so "
			 "rejects RIPs the processor accepts (e.g. 0000_8000_0000_0000H with 48-bit "
			 "addresses); Bochs does not test the upper bits in 64-bit mode at all; KVM "
			 "and Xen leave it to the processor.",
		.fields = { FLD_GUEST_RIP, FLD_VM_ENTRY_CONTROLS, FLD_GUEST_CS_AR_BYTES },
		.needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_COND, COND_64BIT_GUEST_CODE) },
		.check = upper_bits_identical, .field = FLD_GUEST_RIP,
		.repair = va_repair_canonical,
	},
	{
		.id = "GUEST.RFLAGS.RESERVED", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_RFLAGS bits 63:22, 15, 5 and 3 are 0",
		.message = MSG_ZERO_BITS,
		.hint = "Keep only the architectural flags when building GUEST_RFLAGS from a saved "
			"or emulated value.",
		.notes = "Bochs and VirtualBox test it in software; KVM and Xen leave it to the "
			 "processor. KVM's optional early consistency check writes RFLAGS = 0 on "
			 "purpose to provoke a guest-state failure.",
		.fields = { FLD_GUEST_RFLAGS },
		.check = va_check_zero_bits, .field = FLD_GUEST_RFLAGS, .mask = RFLAGS_RESERVED,
		.repair = va_repair_clear_v1,
		.bitset = VA_BITS_RFLAGS,
	},
	{
		.id = "GUEST.RFLAGS.BIT1", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_RFLAGS bit 1 is 1",
		.message = "{field} = {0}: {1:bits} must be 1",
		.hint = "Bit 1 of RFLAGS always reads as 1; the smallest valid value is 2.",
		.hint_for = rflags_hint,
		.notes = NOTE_SW_CPU,
		.fields = { FLD_GUEST_RFLAGS },
		.check = va_check_one_bits, .field = FLD_GUEST_RFLAGS, .mask = BIT(1),
		.repair = va_repair_set_v1,
		.bitset = VA_BITS_RFLAGS,
	},
	{
		.id = "GUEST.RFLAGS.VM_IA32E", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_RFLAGS.VM (bit 17) is 0 for an IA-32e mode guest",
		.message = "{field} = {0}: {1:bits} must be 0 when \"IA-32e mode guest\" is 1 "
			   "(there is no virtual-8086 mode in IA-32e mode)",
		.notes = NOTE_SW_CPU,
		.fields = { FLD_GUEST_RFLAGS, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_COND, COND_IA32E_GUEST) },
		.check = va_check_zero_bits, .field = FLD_GUEST_RFLAGS, .mask = RFLAGS_VM,
		.bitset = VA_BITS_RFLAGS,
	},
	{
		.id = "GUEST.RFLAGS.VM_REAL", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_RFLAGS.VM (bit 17) is 0 when GUEST_CR0.PE is 0",
		.message = "{field} = {0}: {1:bits} must be 0 when GUEST_CR0.PE = 0 (virtual-8086 "
			   "mode exists only in protected mode)",
		.hint = "A real-mode guest under \"unrestricted guest\" runs with CR0.PE = 0 and "
			"RFLAGS.VM = 0; virtual-8086 mode needs CR0.PE = 1.",
		.notes = "Older SDM editions had only the IA-32e half of this check, and Bochs "
			 "implements only that half. VirtualBox tests it; KVM and Xen leave it to "
			 "the processor.",
		.fields = { FLD_GUEST_RFLAGS, FLD_GUEST_CR0 },
		.gate = { UNLESS(VEC_COND, COND_GUEST_PE) },
		.check = va_check_zero_bits, .field = FLD_GUEST_RFLAGS, .mask = RFLAGS_VM,
		.bitset = VA_BITS_RFLAGS,
	},
	{
		.id = "GUEST.RFLAGS.IF_EXTINT", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_RFLAGS.IF (bit 9) is 1 when an external interrupt is injected",
		.message = "{field} = {0}: {1:bits} must be 1 to inject an external interrupt "
			   "(VM_ENTRY_INTR_INFO_FIELD = {2})",
		.hint = "Inject an external interrupt only when the guest can take it (IF = 1, no "
			"STI/MOV-SS shadow); otherwise turn on interrupt-window exiting and inject "
			"on that exit.",
		.notes = NOTE_SW_CPU,
		.applies_text = "the injected event is an external interrupt (type 0)",
		.fields = { FLD_GUEST_RFLAGS, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.applies = event_is_ext_int, .applies_reads = 0x2,
		.check = if_set_for_ext_int, .field = FLD_GUEST_RFLAGS, .mask = RFLAGS_IF,
		.bitset = VA_BITS_RFLAGS,
	},
	{
		.id = "GUEST.RFLAGS.FRED_IOPL_USER", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.flags = VA_RULE_UNCONFIRMED,
		.summary = "For a FRED guest at CPL 3 (SS.DPL = 3), GUEST_RFLAGS.IOPL (bits 13:12) "
			   "is 0",
		.message = "{field} = {0}: {1:bits} must be 0 for a FRED guest entered at CPL 3 "
			   "(SS.DPL = 3)",
		.hint = "Under FRED, user mode runs with IOPL = 0.",
		.notes = "From the newest SDM editions, known here only through Bochs and KVM's "
			 "FRED patches (both check it); VirtualBox and Xen have no FRED support.",
		.applies_text = "SS.DPL (GUEST_SS_AR_BYTES bits 6:5) = 3",
		.fields = { FLD_GUEST_RFLAGS, FLD_GUEST_SS_AR_BYTES, FLD_GUEST_CR4,
			    FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_COND, COND_FRED_GUEST) },
		.applies = ss_dpl_is_3, .applies_reads = 0x2,
		.check = va_check_zero_bits, .field = FLD_GUEST_RFLAGS, .mask = RFLAGS_IOPL,
		.repair = va_repair_clear_v1,
		.bitset = VA_BITS_RFLAGS,
	},
	{
		.id = "GUEST.SSP.ALIGN", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "With \"load CET state\", GUEST_SSP bits 1:0 are 0",
		.message = "{field} = {0}: bits 1:0 must be 0 (a shadow-stack pointer is 4-byte "
			   "aligned); set: {1}",
		.notes = "Bochs and KVM check it; VirtualBox and Xen offer no CET to their guests.",
		.fields = { FLD_GUEST_SSP, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 20) },
		.check = va_check_aligned, .field = FLD_GUEST_SSP, .mask = BITS(1, 0),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "GUEST.SSP.UPPER_IDENTICAL", .sdm = "26.3.1.4",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "With \"load CET state\", GUEST_SSP bits 63:N are all equal (N = the "
			   "processor's linear-address width); it need not be canonical",
		.message = "{field} = {0}: bits 63:{1:d} must be all 0 or all 1 ({1:d}-bit linear "
			   "addresses)",
		.notes = "Bochs is stricter: it demands a canonical SSP and, for a guest that is "
			 "not IA-32e, bits 63:32 = 0 (the host-SSP rules). KVM checks bits 63:N; "
			 "VirtualBox and Xen offer no CET.",
		.fields = { FLD_GUEST_SSP, FLD_VM_ENTRY_CONTROLS },
		.needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_ENTRY, 20), WHEN(VEC_COND, COND_INTEL64) },
		.check = upper_bits_identical, .field = FLD_GUEST_SSP,
		.repair = va_repair_canonical,
	},
};
const unsigned va_rules_guest_rip_rflags_count =
	sizeof va_rules_guest_rip_rflags / sizeof va_rules_guest_rip_rflags[0];
