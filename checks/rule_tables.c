#include "../auditor/engine/rule_table.h"
#include "rule_lists.h"

/* Listed in SDM order: the verdict takes "first failure" in this order. */
#define VA_LIST_AREA(name) { va_rules_##name, &va_rules_##name##_count },
const struct va_rule_table va_rule_tables[] = { VA_RULE_AREAS(VA_LIST_AREA) };
#undef VA_LIST_AREA
const unsigned va_rule_table_count = sizeof va_rule_tables / sizeof va_rule_tables[0];
