#include "fixtures.h"

/* A 32-bit guest with PAE paging: not IA-32e (EFER.LMA = LME = 0), CR4.PAE = 1
 * without PCIDE, 32-bit code, the PDPT at 02A4_E000H.  The base keeps EPT on,
 * so the PDPTEs come from GUEST_PDPTR0-3 (0 = not present). */
#define PAE                                                                            \
	"[vmcs]\nVM_ENTRY_CONTROLS = 0x0000d1ff\nGUEST_IA32_EFER = 0x801\n"               \
	"GUEST_CR4 = 0x3526f0\nGUEST_CR3 = 0x2a4e000\nGUEST_CS_AR_BYTES = 0xc09b\n"       \
	"GUEST_RIP = 0x401000\n"
/* EPT (and with it unrestricted guest) off: the PDPTEs come from memory. */
#define NO_EPT "SECONDARY_VM_EXEC_CONTROL = 0x00101028\n"
#define PDPT(a, b, c, d) "[memory]\n0x2a4e000 = " #a " " #b " " #c " " #d "\n"
#define GOOD_PDPT PDPT(0x1000001, 0x1001001, 0x1002001, 0x1003001)

#define PDPTE_FIXTURES(n, BAD_PDPT)                                                           \
	{ "GUEST.PDPTE" #n ".RESERVED", NA, NULL },                                           \
	{ "GUEST.PDPTE" #n ".RESERVED", PASS, PAE },                                          \
	{ "GUEST.PDPTE" #n ".RESERVED", PASS, PAE "GUEST_PDPTR" #n " = 0x1000001\n" },        \
	/* bits 11:9 are ignored */                                                           \
	{ "GUEST.PDPTE" #n ".RESERVED", PASS, PAE "GUEST_PDPTR" #n " = 0x1000e19\n" },        \
	/* a not-present PDPTE is not checked at all */                                       \
	{ "GUEST.PDPTE" #n ".RESERVED", PASS, PAE "GUEST_PDPTR" #n " = 0x8000000000000006\n" }, \
	/* R/W and U/S, as in a 4-level paging entry */                                       \
	{ "GUEST.PDPTE" #n ".RESERVED", FAIL, PAE "GUEST_PDPTR" #n " = 0x1000007\n" },        \
	{ "GUEST.PDPTE" #n ".RESERVED", FAIL, PAE "GUEST_PDPTR" #n " = 0x1000081\n" },        \
	/* XD is reserved in a PAE PDPTE */                                                   \
	{ "GUEST.PDPTE" #n ".RESERVED", FAIL, PAE "GUEST_PDPTR" #n " = 0x8000000001000001\n" }, \
	/* beyond MAXPHYADDR (39) */                                                          \
	{ "GUEST.PDPTE" #n ".RESERVED", FAIL, PAE "GUEST_PDPTR" #n " = 0x0000008001000001\n" }, \
	{ "GUEST.PDPTE" #n ".RESERVED", PASS, "[cpu]\nmaxphyaddr = ?\n" PAE },            \
	/* without EPT: from memory at GUEST_CR3 */                                           \
	{ "GUEST.PDPTE" #n ".RESERVED", PASS, PAE NO_EPT GOOD_PDPT },                        \
	{ "GUEST.PDPTE" #n ".RESERVED", FAIL, PAE NO_EPT BAD_PDPT },                         \
	{ "GUEST.PDPTE" #n ".RESERVED", UNKNOWN, PAE NO_EPT },                               \
	/* without EPT the GUEST_PDPTRn fields are not used */                                \
	{ "GUEST.PDPTE" #n ".RESERVED", PASS,                                                 \
	  PAE NO_EPT "GUEST_PDPTR" #n " = 0x1000007\n" GOOD_PDPT },                           \
	/* with EPT memory is not read */                                                     \
	{ "GUEST.PDPTE" #n ".RESERVED", PASS, PAE BAD_PDPT }

const struct rule_fixture fixtures_guest_pdpte[] = {
	PDPTE_FIXTURES(0, PDPT(0x1000067, 0x1001001, 0x1002001, 0x1003001)),
	PDPTE_FIXTURES(1, PDPT(0x1000001, 0x1001067, 0x1002001, 0x1003001)),
	PDPTE_FIXTURES(2, PDPT(0x1000001, 0x1001001, 0x8000000001002001, 0x1003001)),
	PDPTE_FIXTURES(3, PDPT(0x1000001, 0x1001001, 0x1002001, 0x1003007)),
	/* CR3 bits 4:0 (PWT, PCD) do not locate the PDPT with PAE paging. */
	{ "GUEST.PDPTE0.RESERVED", FAIL,
	  "[vmcs]\nVM_ENTRY_CONTROLS = 0x0000d1ff\nGUEST_IA32_EFER = 0x801\n"
	  "GUEST_CR4 = 0x3526f0\nGUEST_CR3 = 0x2a4e018\nGUEST_CS_AR_BYTES = 0xc09b\n"
	  "GUEST_RIP = 0x401000\n" NO_EPT PDPT(0x1000067, 0x1001001, 0x1002001, 0x1003001) },
	/* Not PAE paging: the base's 64-bit guest. */
	{ "GUEST.PDPTE0.RESERVED", NA, "[vmcs]\nGUEST_PDPTR0 = 0x1000007\n" },
};
const unsigned fixtures_guest_pdpte_count =
	sizeof fixtures_guest_pdpte / sizeof fixtures_guest_pdpte[0];
