#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_msr_load[] = {
	{ .id = "PLACEHOLDER.msr_load" },
};
const unsigned va_rules_msr_load_count = 0;
