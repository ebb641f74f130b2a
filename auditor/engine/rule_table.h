/* The list of rule tables, one per SDM area (defined in checks/). */
#ifndef VA_RULE_TABLE_H
#define VA_RULE_TABLE_H

#include "rule.h"

struct va_rule_table {
	const struct va_rule *rules;
	const unsigned *count;  /* defined beside the table, in another file */
};

extern const struct va_rule_table va_rule_tables[];
extern const unsigned va_rule_table_count;

#endif
