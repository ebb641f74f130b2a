#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_exec_controls[] = {
	{ .id = "PLACEHOLDER.exec_controls" },
};
const unsigned va_rules_exec_controls_count = 0;
