#include "rule_match.h"

#include <string.h>
#include <strings.h>

#include "../input/text_util.h"

unsigned va_rules_by_id(const char *query, unsigned *out, unsigned max)
{
	unsigned n = va_rule_count(), found = 0;
	size_t len = strlen(query);
	for (unsigned i = 0; i < n; i++)
		if (!strcasecmp(va_rule_at(i)->id, query)) {
			if (max)
				out[0] = i;
			return 1;
		}
	for (unsigned i = 0; i < n && len; i++)
		if (!strncasecmp(va_rule_at(i)->id, query, len)) {
			if (found < max)
				out[found] = i;
			found++;
		}
	return found;
}

static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; hay && *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return 0;
}

int va_rule_matches(const struct va_rule *rule, const char *filter)
{
	if (!filter || !*filter)
		return 1;
	return contains(rule->id, filter) || contains(rule->sdm, filter) ||
	       contains(va_stage_name(rule->stage), filter) || contains(rule->summary, filter);
}

const char *va_nearest_rule_id(const char *query)
{
	const char *best = NULL;
	unsigned best_d = 255, n = va_rule_count();
	size_t len = strlen(query);
	for (unsigned i = 0; i < n; i++) {
		const char *id = va_rule_at(i)->id;
		size_t idlen = strlen(id);
		unsigned d = va_edit_distance(query, len, id, idlen);
		/* A mistyped prefix ("GUEST.RFLAGX") is near the ids it almost starts. */
		if (idlen > len) {
			unsigned p = va_edit_distance(query, len, id, len);
			if (p < d)
				d = p;
		}
		if (d < best_d) {
			best_d = d;
			best = id;
		}
	}
	unsigned limit = len / 3 > 2 ? (unsigned)(len / 3) : 2;
	return best_d <= limit ? best : NULL;
}
