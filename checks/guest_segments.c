#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_guest_segments[] = {
	{ .id = "PLACEHOLDER.guest_segments" },
};
const unsigned va_rules_guest_segments_count = 0;
