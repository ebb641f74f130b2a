/* The Review step's rows: the verdict, failures by stage, likely causes,
 * warnings, and what was not evaluated grouped by the missing input. */
#include <stdio.h>
#include <string.h>

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

static const char *assumption_text(enum va_assumption a)
{
	switch (a) {
	case VA_ASSUME_BASIC56_0: return "if IA32_VMX_BASIC[56] = 0, as on every CPU before CET";
	case VA_ASSUME_TRUE_DEFAULT1: return "if the TRUE_ MSR keeps the default1 bits at 1";
	case VA_ASSUME_LINK_NOT_VMCS: return "if the memory at the link pointer does not hold a VMCS";
	default: return "whatever the missing input is";
	}
}

void wz_rows_review(struct wz_model *m, int width)
{
	const struct va_report *r = &m->report;
	char line[512];
	va_render_verdict(&r->verdict, line, sizeof line);
	enum wz_role vrole = r->verdict.result == VA_RESULT_SUCCESS ? WZ_ROLE_OK
			   : r->verdict.result == VA_RESULT_INCONCLUSIVE ? WZ_ROLE_WARN : WZ_ROLE_FAIL;
	wz_row_add_wrapped(m, WZ_ROW_TEXT, vrole, 0, 0, line, width);
	struct va_observed obs;
	va_observe(&m->st, r, &obs);
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
		wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_WARN, "Likely causes (not evaluated: the input lacks what decides them)");
		for (unsigned k = 0; k < r->n_suspects; k++) {
			const struct va_suspect *s = &r->suspects[k];
			if (s->finding >= r->n_findings)
				continue;
			add_finding(m, s->finding, &s->eval, WZ_ROLE_WARN, width);
			wz_row_add_wrapped(m, WZ_ROW_FINDING, WZ_ROLE_DIM, s->finding, 4,
				    assumption_text((enum va_assumption)s->assumption), width);
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
	/* Not evaluated, one group per missing input. */
	header = 0;
	for (unsigned i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status != VA_UNKNOWN)
			continue;
		int seen = 0;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = r->findings[j].status == VA_UNKNOWN && r->findings[j].eval.unknown == f->eval.unknown &&
			       r->findings[j].eval.unknown_arg == f->eval.unknown_arg;
		if (seen)
			continue;
		if (!header)
			wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Not evaluated, by what is missing");
		header = 1;
		struct va_finding plain = *f;
		plain.msr_index = 0;
		va_render_unknown(&plain, line, sizeof line);
		wz_row_add_wrapped(m, WZ_ROW_FINDING, WZ_ROLE_NORMAL, (uint16_t)i, 2, line, width);
		size_t used = 0;
		for (unsigned j = i; j < r->n_findings && used + 64 < sizeof line; j++) {
			const struct va_finding *g = &r->findings[j];
			if (g->status != VA_UNKNOWN || g->eval.unknown != f->eval.unknown ||
			    g->eval.unknown_arg != f->eval.unknown_arg)
				continue;
			const char *id = va_rule_at(g->rule)->id;
			if (used && strstr(line, id))
				continue;   /* per-MSR-entry rules repeat */
			used += (size_t)snprintf(line + used, sizeof line - used, "%s%s", used ? ", " : "", id);
		}
		wz_row_add_wrapped(m, WZ_ROW_FINDING, WZ_ROLE_DIM, (uint16_t)i, 4, line, width);
	}
	if (m->notes.count) {
		wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "About the input");
		for (unsigned i = 0; i < m->notes.count; i++)
			wz_row_add_wrapped(m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, 0, 2, m->notes.text[i], width);
	}
	snprintf(line, sizeof line, "%u rules: %u failed, %u warned, %u not evaluated, %u passed, %u did not apply",
		 r->rule_count, r->count[VA_FAIL], r->count[VA_WARN], r->count[VA_UNKNOWN],
		 r->count[VA_PASS], r->count[VA_NOT_APPLICABLE]);
	wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, "%s", "");
	wz_row_add_wrapped(m, WZ_ROW_TEXT, WZ_ROLE_DIM, 0, 0, line, width);
}

