#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_host_cr_msr[] = {
	{ .id = "PLACEHOLDER.host_cr_msr" },
};
const unsigned va_rules_host_cr_msr_count = 0;
