/* Which VMCS fields matter for a state: the fields some rule reads, unless
 * the rule does not apply given the controls (derived from the rule table
 * and the report, never from a second list). */
#ifndef VA_ASKED_H
#define VA_ASKED_H

#include <stdint.h>

#include "../engine/audit.h"

/* asked[f] := 1 for every field read (fields[] or field) by a rule whose
 * status in r is not "does not apply"; other entries 0. */
void va_fields_asked(const struct va_report *r, uint8_t asked[FLD_COUNT]);

/* failing[f] := 1 for every field a failing rule of r reads. */
void va_fields_failing(const struct va_report *r, uint8_t failing[FLD_COUNT]);

#endif
