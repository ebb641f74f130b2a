#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_guest_descriptor_tables[] = {
	{ .id = "PLACEHOLDER.guest_descriptor_tables" },
};
const unsigned va_rules_guest_descriptor_tables_count = 0;
