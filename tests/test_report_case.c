/* Helpers shared by the report suites (report_case.h). */
#include "report_case.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auditor/input/state_file.h"

int report_case_load(struct report_case *c, const char *path)
{
	char full[512];
	struct va_load_options opt = { 0 };
	snprintf(full, sizeof full, "%s/%s", VA_SOURCE_DIR, path);
	memset(c, 0, sizeof *c);
	if (va_load(&c->st, full, &opt, &c->notes, &c->err))
		return -1;
	va_audit(&c->st, &c->report);
	va_observe_input(&c->st, &c->notes, &c->report, &c->observed);
	c->in = (struct va_report_input){
		.file = path, .notes = &c->notes, .observed = &c->observed, .state = &c->st,
	};
	return 0;
}

void report_case_done(struct report_case *c)
{
	va_state_release(&c->st);
}

const struct va_rule *report_case_add_suspect(struct report_case *c, const char *id, enum va_stage stage,
					      enum va_assumption assumption, const struct va_eval *ev)
{
	struct va_report *r = &c->report;
	for (unsigned i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		const struct va_rule *rule = va_rule_at(f->rule);
		if (f->status != VA_UNKNOWN || (id ? strcmp(rule->id, id) != 0 : rule->stage != stage))
			continue;
		if (r->n_suspects >= VA_MAX_SUSPECTS)
			return NULL;
		struct va_suspect *s = &r->suspects[r->n_suspects++];
		s->finding = (uint16_t)i;
		s->assumption = (uint8_t)assumption;
		s->explains_observed = 1;
		s->eval = ev ? *ev : f->eval;
		s->eval.unknown = VA_UNK_NONE;
		return va_rule_at(f->rule);
	}
	return NULL;
}

char *report_case_text(struct report_case *c, int verbose)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct va_text_style style = { .color = 0, .verbose = verbose };
	if (!f)
		return NULL;
	va_write_report_text(f, &c->in, &c->report, &style);
	fclose(f);
	return buf;
}

char *report_case_json(struct report_case *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	va_write_report_json(f, &c->in, &c->report);
	fclose(f);
	return buf;
}
