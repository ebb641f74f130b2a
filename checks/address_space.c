#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_address_space[] = {
	{ .id = "PLACEHOLDER.address_space" },
};
const unsigned va_rules_address_space_count = 0;
