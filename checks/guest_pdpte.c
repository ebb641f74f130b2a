#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_guest_pdpte[] = {
	{ .id = "PLACEHOLDER.guest_pdpte" },
};
const unsigned va_rules_guest_pdpte_count = 0;
