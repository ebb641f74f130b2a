/* Reports for the report tests: an input read, audited and observed as
 * `check` does, so text and JSON can be tested without the program. */
#ifndef VA_TEST_REPORT_CASE_H
#define VA_TEST_REPORT_CASE_H

#include "../auditor/engine/audit.h"
#include "../auditor/input/load.h"
#include "../auditor/report/observed.h"
#include "../auditor/report/report_out.h"

struct report_case {
	struct va_state st;
	struct va_report report;
	struct va_import_notes notes;
	struct va_observed observed;
	struct va_error err;
	struct va_report_input in;
};

/* Read `path` (relative to the source tree) like `check` does: 0, or -1
 * with c->err set.  Release with report_case_done. */
int report_case_load(struct report_case *c, const char *path);
void report_case_done(struct report_case *c);

/* Make the not-evaluated finding of rule `id` (or, for NULL, the first of
 * `stage`) a suspect with this assumption and these operands (NULL: the
 * finding's).  The engine ranks suspects; the writers only show them.
 * Returns the suspect's rule, or NULL if there is no such finding. */
const struct va_rule *report_case_add_suspect(struct report_case *c, const char *id, enum va_stage stage,
					      enum va_assumption assumption, const struct va_eval *ev);

/* The text or JSON report in a malloc'd string. */
char *report_case_text(struct report_case *c, int verbose);
char *report_case_json(struct report_case *c);

#endif
