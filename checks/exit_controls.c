#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_exit_controls[] = {
	{ .id = "PLACEHOLDER.exit_controls" },
};
const unsigned va_rules_exit_controls_count = 0;
