#include "asked.h"

#include <string.h>

static void mark_rule_fields(const struct va_rule *rule, uint8_t out[FLD_COUNT])
{
	for (unsigned k = 0; k < VA_RULE_MAX_FIELDS && rule->fields[k]; k++)
		if (rule->fields[k] < FLD_COUNT)
			out[rule->fields[k]] = 1;
	if (rule->field && rule->field < FLD_COUNT)
		out[rule->field] = 1;
}

void va_fields_asked(const struct va_report *r, uint8_t asked[FLD_COUNT])
{
	memset(asked, 0, FLD_COUNT);
	for (unsigned i = 0; i < r->rule_count; i++)
		if (r->status[i] != VA_NOT_APPLICABLE && r->status[i] != VA_NOT_RUN)
			mark_rule_fields(va_rule_at(i), asked);
}

void va_fields_failing(const struct va_report *r, uint8_t failing[FLD_COUNT])
{
	memset(failing, 0, FLD_COUNT);
	for (unsigned i = 0; i < r->n_findings; i++)
		if (r->findings[i].status == VA_FAIL)
			mark_rule_fields(va_rule_at(r->findings[i].rule), failing);
}
