/* The rule tables of checks/, in SDM order.  Adding an area: declare its
 * table here and list it in rule_tables.c. */
#ifndef VA_RULE_LISTS_H
#define VA_RULE_LISTS_H

#include "../auditor/engine/rule.h"

#define VA_RULE_AREAS(X) \
	X(basic)          /* 26.1 */ \
	X(exec_controls)  /* 26.2.1.1 */ \
	X(exit_controls)  /* 26.2.1.2 */ \
	X(entry_controls) /* 26.2.1.3 */ \
	X(host_cr_msr)    /* 26.2.2 */ \
	X(host_segments)  /* 26.2.3 */ \
	X(address_space)  /* 26.2.4 */ \
	X(guest_regs)     /* 26.3.1.1 */ \
	X(guest_segments) /* 26.3.1.2 */ \
	X(guest_descriptor_tables) /* 26.3.1.3 */ \
	X(guest_rip_rflags) /* 26.3.1.4 */ \
	X(guest_nonregister) /* 26.3.1.5 */ \
	X(guest_pdpte)    /* 26.3.1.6 */ \
	X(msr_load)       /* 26.4 */

#define VA_DECLARE_AREA(name) \
	extern const struct va_rule va_rules_##name[]; \
	extern const unsigned va_rules_##name##_count;
VA_RULE_AREAS(VA_DECLARE_AREA)
#undef VA_DECLARE_AREA

#endif
