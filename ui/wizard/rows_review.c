/* The Review step's rows: the verdict, failures by stage, likely causes,
 * warnings, and what was not evaluated grouped by the missing input. */
#include <stdio.h>
#include <string.h>

#include "../../auditor/report/missing.h"
#include "../../auditor/report/observed.h"
#include "../../auditor/report/render.h"
#include "model.h"
#include "view.h"

static void add_finding(struct wz_model *m, unsigned index, const struct va_eval *ev, enum wz_role role,
			int width)
{
	const struct va_finding *f = &m->report.findings[index];
	const struct va_rule *rule = va_rule_at(f->rule);
	char msg[768], cur[32], line[900];
	va_sdm_current(rule->sdm, cur, sizeof cur);
	struct wz_row *r = wz_row_add(m, WZ_ROW_FINDING, role, "%s  SDM %s / %s%s%s", rule->id, rule->sdm, cur,
			       (rule->flags & (VA_RULE_UNCONFIRMED | VA_RULE_CANDIDATE)) ? " (unconfirmed)" : "",
			       f->reached ? "" : " (not reached)");
	r->a = (uint16_t)index;
	r->marker = role == WZ_ROLE_FAIL ? '!' : ' ';
	va_render_message(rule, ev, msg, sizeof msg);
	if (f->msr_index)
		snprintf(line, sizeof line, "MSR-load entry %u: %s", (unsigned)f->msr_index, msg);
	else
		snprintf(line, sizeof line, "%s", msg);
	wz_row_add_wrapped(m, WZ_ROW_FINDING, WZ_ROLE_NORMAL, (uint16_t)index, 4, line, width);
	const char *hint = va_rule_hint(rule, ev);
	if (hint) {
		snprintf(line, sizeof line, "hint: %s", hint);
		wz_row_add_wrapped(m, WZ_ROW_FINDING, WZ_ROLE_DIM, (uint16_t)index, 4, line, width);
	}
}

struct about {
	struct wz_model *m;
	int width;
	int *header;
};

static void about_line(const struct about *a, const char *text)
{
	if (!*a->header)
		wz_row_add(a->m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "About the input");
	*a->header = 1;
	wz_row_add_wrapped(a->m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, 0, 2, text, a->width);
}

static void about_cb(void *arg, const char *text)
{
	about_line(arg, text);
}

void wz_rows_review(struct wz_model *m, int width)
{
	const struct va_report *r = &m->report;
	char line[1024];
	va_render_headline(r, line, sizeof line);
	enum wz_role vrole = r->verdict.result == VA_RESULT_SUCCESS ? WZ_ROLE_OK
			   : r->verdict.result == VA_RESULT_INCONCLUSIVE ? WZ_ROLE_WARN : WZ_ROLE_FAIL;
	wz_row_add_wrapped(m, WZ_ROW_TEXT, vrole, 0, 0, line, width);
	struct va_observed obs;
	va_observe_input(&m->st, &m->notes, r, &obs);
	if (obs.kind != VA_OBSERVED_NONE)
		wz_row_add_wrapped(m, WZ_ROW_TEXT, obs.consistent ? WZ_ROLE_NORMAL : WZ_ROLE_WARN, 0, 2, obs.sentence, width);
	if (r->verdict.notes & VA_NOTE_CONDITIONAL)
		wz_row_add_wrapped(m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, 0, 2,
			    "This holds if the checks listed as not evaluated pass.", width);
	for (unsigned stage = 0; stage < VA_STAGE_COUNT; stage++) {
		int header = 0;
		for (unsigned i = 0; i < r->n_findings; i++) {
			const struct va_finding *f = &r->findings[i];
			if (f->status != VA_FAIL || va_rule_at(f->rule)->stage != stage)
				continue;
			if (!header)
				wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_FAIL, "Failures in the %s checks",
				    va_stage_name((enum va_stage)stage));
			header = 1;
			add_finding(m, i, &f->eval, WZ_ROLE_FAIL, width);
		}
	}
	if (r->n_suspects) {
		/* The same words as the text report (va_render_suspect). */
		wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_WARN, "Likely causes (not evaluated, so none is a failure)");
		for (unsigned k = 0; k < r->n_suspects; k++) {
			const struct va_suspect *s = &r->suspects[k];
			if (s->finding >= r->n_findings)
				continue;
			const struct va_rule *rule = va_rule_at(r->findings[s->finding].rule);
			char cur[32], lead[256], msg[1024];
			va_sdm_current(rule->sdm, cur, sizeof cur);
			struct wz_row *row = wz_row_add(m, WZ_ROW_FINDING, WZ_ROLE_WARN, "%s  SDM %s / %s", rule->id,
							rule->sdm, cur);
			row->a = s->finding;
			va_render_suspect(r, s, lead, sizeof lead, msg, sizeof msg);
			char text[1400];
			snprintf(text, sizeof text, "%s%s %s", s->explains_observed ? "fits what was observed; " : "",
				 lead, msg);
			wz_row_add_wrapped(m, WZ_ROW_FINDING, WZ_ROLE_NORMAL, s->finding, 4, text, width);
			const char *hint = va_rule_hint(rule, s->fails ? &s->eval : NULL);
			if (hint) {
				snprintf(msg, sizeof msg, "hint: %s", hint);
				wz_row_add_wrapped(m, WZ_ROW_FINDING, WZ_ROLE_DIM, s->finding, 4, msg, width);
			}
		}
	}
	int header = 0;
	for (unsigned i = 0; i < r->n_findings; i++) {
		if (r->findings[i].status != VA_WARN)
			continue;
		if (!header)
			wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_WARN, "Warnings");
		header = 1;
		add_finding(m, i, &r->findings[i].eval, WZ_ROLE_WARN, width);
	}
	/* Not evaluated, one group per missing input, as the text report groups them. */
	struct va_missing groups[VA_MISSING_MAX];
	unsigned n = va_group_missing(r, &m->st, groups, VA_MISSING_MAX);
	if (n)
		wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Not evaluated, by what is missing");
	for (unsigned g = 0; g < n; g++) {
		char what[256], how[256];
		va_render_missing(&groups[g], r, what, sizeof what, how, sizeof how);
		snprintf(line, sizeof line, "%s: %u rule%s \xe2\x80\x94 %s", what, groups[g].rules,
			 groups[g].rules == 1 ? "" : "s", how);
		wz_row_add_wrapped(m, WZ_ROW_FINDING, WZ_ROLE_NORMAL, groups[g].first, 2, line, width);
	}
	header = 0;
	for (unsigned i = 0; i < m->notes.count; i++)
		about_line(&(struct about){ m, width, &header }, m->notes.text[i]);
	va_render_about_caps(r, &m->st, about_cb, &(struct about){ m, width, &header });
	snprintf(line, sizeof line, "%u rules: %u failed, %u warned, %u not evaluated, %u passed, %u did not apply",
		 r->rule_count, r->count[VA_FAIL], r->count[VA_WARN], r->count[VA_UNKNOWN],
		 r->count[VA_PASS], r->count[VA_NOT_APPLICABLE]);
	wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, "%s", "");
	wz_row_add_wrapped(m, WZ_ROW_TEXT, WZ_ROLE_DIM, 0, 0, line, width);
}

