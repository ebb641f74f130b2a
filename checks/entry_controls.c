#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_entry_controls[] = {
	{ .id = "PLACEHOLDER.entry_controls" },
};
const unsigned va_rules_entry_controls_count = 0;
