#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_guest_rip_rflags[] = {
	{ .id = "PLACEHOLDER.guest_rip_rflags" },
};
const unsigned va_rules_guest_rip_rflags_count = 0;
