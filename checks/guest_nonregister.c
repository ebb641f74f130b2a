#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_guest_nonregister[] = {
	{ .id = "PLACEHOLDER.guest_nonregister" },
};
const unsigned va_rules_guest_nonregister_count = 0;
