#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_host_segments[] = {
	{ .id = "PLACEHOLDER.host_segments" },
};
const unsigned va_rules_host_segments_count = 0;
