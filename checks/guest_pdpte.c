/*
 * SDM 26.3.1.6 Checks on guest page-directory-pointer-table entries.  With
 * PAE paging the four PDPTEs are loaded on VM entry: from the GUEST_PDPTRn
 * fields when "enable EPT" is 1, else from guest memory at GUEST_CR3.  A
 * present PDPTE with reserved bits set is a VM-entry failure with basic exit
 * reason 33 and exit qualification 2.
 */
#include "predicates.h"
#include "rule_lists.h"

/* PAE CR3: bits 31:5 locate the page-directory-pointer table. */
#define PAE_PDPT_ADDR BITS(31, 5)
#define PDPTE_P BIT(0)
/* Reserved below the address: bits 2:1 and 8:5.  Bits 11:9 are ignored. */
#define PDPTE_RESERVED_LOW (BITS(2, 1) | BITS(8, 5))

/* rule.arg = n, rule.field = GUEST_PDPTRn: {0} the PDPTE, {1} reserved bits
 * set, {2} its physical address (used without EPT), {3} the width M. */
static enum va_status pdpte_reserved(const struct va_ctx *c, const struct va_rule *r,
				     struct va_eval *e)
{
	uint64_t at = (va_get(c, FLD_GUEST_CR3) & PAE_PDPT_ADDR) + 8ull * r->arg, pdpte;

	e->v[2] = at;
	e->v[3] = c->maxphyaddr;
	if (va_cond(c, COND_EPT)) {
		pdpte = va_get(c, (enum va_field)r->field);
	} else if (va_mem_read64(c->st, at, &pdpte)) {
		e->unknown = VA_UNK_MEMORY;
		e->unknown_arg = at;
		return VA_UNKNOWN;
	}
	e->v[0] = pdpte;
	if (!(pdpte & PDPTE_P))
		return VA_PASS;         /* a not-present PDPTE is not checked */
	e->v[1] = (pdpte & PDPTE_RESERVED_LOW) | va_beyond_width(pdpte, c->maxphyaddr);
	return e->v[1] ? VA_FAIL : VA_PASS;
}

static const char *pdpte_hint(const struct va_eval *e)
{
	if (e->v[1] & BIT(63))
		return "Bit 63 (XD) is reserved in a PAE PDPTE even with EFER.NXE = 1; only the "
		       "lower levels may set it.";
	if (e->v[1] & BITS(2, 1))
		return "A PAE PDPTE has no R/W or U/S bits (2:1 are reserved): a PDPTE built like "
		       "a 4-level-paging entry (e.g. 0x...007) fails here.";
	return NULL;
}

#define PDPTE_HINT "With PAE paging the processor loads the four PDPTEs at VM entry; bits "  \
	"2:1, 8:5 and those beyond MAXPHYADDR (XD included) must be 0 in a present one. Check " \
	"that GUEST_CR3 (or GUEST_PDPTRn with EPT) points at the guest's real PDPT."
#define PDPTE_NOTES "A not-present PDPTE is not checked; bits 11:9 are ignored. Bochs and "   \
	"VirtualBox check it (VirtualBox reads memory only after loading guest state). KVM "    \
	"checks guest memory in software when its L1 uses no EPT, and leaves the GUEST_PDPTRn " \
	"fields to the processor when it does; Xen leaves it to the processor."

#define PDPTE_RULE(n)                                                                        \
	{                                                                                    \
		.id = "GUEST.PDPTE" #n ".RESERVED", .sdm = "26.3.1.6",                       \
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,        \
		.qualification = 2,                                                          \
		.summary = "A present PDPTE" #n " (PAE paging) has bits 2:1, 8:5 and 63:M "  \
			   "clear; it is GUEST_PDPTR" #n " with EPT, else the qword at "    \
			   "(GUEST_CR3 & FFFFFFE0H) + " #n " * 8",                           \
		.message = "PDPTE" #n " = {0} is present but sets reserved {1:bits} (bits "   \
			   "2:1, 8:5 and 63:{3:d} must be 0; bit 63 (XD) is reserved here). " \
			   "Its source: GUEST_PDPTR" #n " when EPT is on, else the qword at "  \
			   "{2} from GUEST_CR3",                                              \
		.hint = PDPTE_HINT, .hint_for = pdpte_hint, .notes = PDPTE_NOTES,            \
		.fields = { FLD_GUEST_PDPTR##n, FLD_GUEST_CR3, FLD_GUEST_CR0, FLD_GUEST_CR4, \
			    FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },  \
		.needs = VA_NEED_MAXPHYADDR,                                                 \
		.gate = { WHEN(VEC_COND, COND_PAE_PAGING) },                                 \
		.check = pdpte_reserved, .field = FLD_GUEST_PDPTR##n, .arg = n,             \
	}

const struct va_rule va_rules_guest_pdpte[] = {
	PDPTE_RULE(0),
	PDPTE_RULE(1),
	PDPTE_RULE(2),
	PDPTE_RULE(3),
};
const unsigned va_rules_guest_pdpte_count =
	sizeof va_rules_guest_pdpte / sizeof va_rules_guest_pdpte[0];
