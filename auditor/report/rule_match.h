/* Finding rules by what a user types: an id in any case, a prefix of ids,
 * a word of the summary; and the nearest id when nothing matches. */
#ifndef VA_RULE_MATCH_H
#define VA_RULE_MATCH_H

#include <stddef.h>

#include "../engine/audit.h"

/*
 * Rules whose id is `query` in any case (that one alone), else whose id
 * starts with it in any case, in table order.  Returns how many match;
 * writes at most max indexes.
 */
unsigned va_rules_by_id(const char *query, unsigned *out, unsigned max);

/* Does `filter` occur, in any case, in the rule's id, SDM section, stage or
 * condition?  An empty filter matches every rule. */
int va_rule_matches(const struct va_rule *rule, const char *filter);

/* The rule id closest to `query` by edit distance, or NULL if none is close. */
const char *va_nearest_rule_id(const char *query);

#endif
