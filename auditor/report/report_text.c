#include "report_out.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "missing.h"
#include "render.h"
#include "rule_match.h"
#include "../engine/repair.h"

#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_DIM "\033[2m"
#define C_BOLD "\033[1m"
#define C_OFF "\033[0m"

static const char *c(const struct va_text_style *s, const char *code)
{
	return s && s->color ? code : "";
}

static const char *stage_title(enum va_stage s)
{
	switch (s) {
	case VA_STAGE_BASIC: return "Basic checks (26.1)";
	case VA_STAGE_CONTROLS: return "VMX controls (26.2.1)";
	case VA_STAGE_HOST: return "Host state (26.2.2-26.2.4)";
	case VA_STAGE_GUEST: return "Guest state (26.3)";
	case VA_STAGE_MSR_LOAD: return "VM-entry MSR loading (26.4)";
	default: return "?";
	}
}

static void print_rule_line(FILE *out, const struct va_rule *rule, const struct va_text_style *s,
			    const char *after)
{
	char cur[32];
	va_sdm_current(rule->sdm, cur, sizeof cur);
	fprintf(out, "  %s%s%s [SDM %s / %s]%s%s\n", c(s, C_BOLD), rule->id, c(s, C_OFF), rule->sdm, cur,
		(rule->flags & (VA_RULE_UNCONFIRMED | VA_RULE_CANDIDATE)) ? " (unconfirmed)" : "", after);
}

static void print_hint(FILE *out, const struct va_rule *rule, const struct va_eval *ev,
		       const struct va_text_style *s)
{
	const char *hint = va_rule_hint(rule, ev);
	if (hint)
		fprintf(out, "    %shint: %s%s\n", c(s, C_DIM), hint, c(s, C_OFF));
	fprintf(out, "    %smore: vmcs-audit explain %s%s\n", c(s, C_DIM), rule->id, c(s, C_OFF));
}

static void print_finding(FILE *out, const struct va_finding *f, const struct va_text_style *s)
{
	const struct va_rule *rule = va_rule_at(f->rule);
	char msg[768];
	va_render_message(rule, &f->eval, msg, sizeof msg);
	print_rule_line(out, rule, s, f->reached ? "" : " (not reached: an earlier check decides)");
	if (f->msr_index)
		fprintf(out, "    MSR-load entry %" PRIu32 ": %s\n", f->msr_index, msg);
	else
		fprintf(out, "    %s\n", msg);
	print_hint(out, rule, &f->eval, s);
}

/* Without --verbose, a report shows this many likely causes and groups of
 * what is missing, so its answer stays on the first screen. */
enum { SHORT_SUSPECTS = 3, SHORT_GROUPS = 8 };

static void print_headline(FILE *out, const struct va_report_input *in, const struct va_report *r,
			   const struct va_text_style *s)
{
	const struct va_verdict *v = &r->verdict;
	const struct va_observed *obs = in->observed && in->observed->kind != VA_OBSERVED_NONE ? in->observed
											      : NULL;
	char line[512];
	const char *colour = C_RED;
	if (v->result == VA_RESULT_INCONCLUSIVE) {
		colour = C_YELLOW;
		va_render_headline(r, line, sizeof line);
	} else if (v->result == VA_RESULT_SUCCESS && obs && !obs->recorded) {
		/* A failure the dump shows is never put under "succeeds" (one
		 * recorded at import may be the failure an edit has fixed). */
		colour = C_YELLOW;
		snprintf(line, sizeof line, "VM entry: no check fails, yet the input shows that it failed");
	} else {
		if (v->result == VA_RESULT_SUCCESS)
			colour = C_GREEN;
		va_render_headline(r, line, sizeof line);
	}
	char label[600];
	va_dump_label(label, sizeof label, in->file, &in->dump);
	fprintf(out, "%s: %s%s%s\n", label, c(s, colour), line, c(s, C_OFF));
	if (obs)
		fprintf(out, "  %s%s%s\n", c(s, obs->consistent ? C_GREEN : C_YELLOW), obs->sentence, c(s, C_OFF));
	if (v->notes & VA_NOTE_ERROR8_POSSIBLE)
		fprintf(out, "  Host-state checks fail too; the SDM lets a processor check 26.2 in any "
			     "order, so error 8 is also possible.\n");
	if (v->notes & VA_NOTE_ERROR7_POSSIBLE)
		fprintf(out, "  Only address-space-size checks (26.2.4) fail; the SDM does not fix the "
			     "error number, so 7 is also possible.\n");
	if (v->notes & VA_NOTE_QUAL_VARIES) {
		fprintf(out, "  The exit qualification is implementation-dependent here: also possible:");
		for (unsigned q = 0; q < 8; q++)
			if ((v->other_qualifications >> q) & 1)
				fprintf(out, " %u", q);
		fprintf(out, ".\n");
	}
	if (v->notes & VA_NOTE_UNCONFIRMED)
		fprintf(out, "  Decided by unconfirmed rules only (newer SDM editions, not read verbatim).\n");
	if ((v->notes & VA_NOTE_CONDITIONAL) && v->result != VA_RESULT_INCONCLUSIVE && !(obs && obs->unexplained))
		fprintf(out, "  This holds if the checks listed as not evaluated pass.\n");
}

static void print_failures(FILE *out, const struct va_report *r, const struct va_text_style *s)
{
	for (unsigned stage = 0; stage < VA_STAGE_COUNT; stage++) {
		int header = 0;
		for (unsigned i = 0; i < r->n_findings; i++) {
			const struct va_finding *f = &r->findings[i];
			if (f->status != VA_FAIL || va_rule_at(f->rule)->stage != stage)
				continue;
			if (!header)
				fprintf(out, "\n%sFailures: %s%s\n", c(s, C_RED), stage_title(stage), c(s, C_OFF));
			header = 1;
			print_finding(out, f, s);
		}
	}
}

/* Not failures: rules the input leaves open that would fail under the
 * assumption each states, most likely first. */
static void print_suspects(FILE *out, const struct va_report_input *in, const struct va_report *r,
			   const struct va_text_style *s)
{
	unsigned n = r->n_suspects, shown = n;
	if (!n)
		return;
	if (!(s && s->verbose) && shown > SHORT_SUSPECTS)
		shown = SHORT_SUSPECTS;
	fprintf(out, "\n%sLikely causes%s (not evaluated, so none is a failure)\n", c(s, C_YELLOW),
		c(s, C_OFF));
	for (unsigned i = 0; i < shown; i++) {
		const struct va_suspect *sp = &r->suspects[i];
		if (sp->finding >= r->n_findings)
			continue;
		const struct va_finding *f = &r->findings[sp->finding];
		const struct va_rule *rule = va_rule_at(f->rule);
		char msg[768], after[96] = "", obs[64];
		if (sp->explains_observed && in->observed && in->observed->kind == VA_OBSERVED_VMFAIL)
			snprintf(obs, sizeof obs, "VMfailValid %u", in->observed->vm_instruction_error);
		else if (sp->explains_observed && in->observed && in->observed->kind == VA_OBSERVED_ENTRY_FAILURE)
			snprintf(obs, sizeof obs, "exit %u", in->observed->exit_reason);
		else
			obs[0] = '\0';
		if (obs[0])
			snprintf(after, sizeof after, " \xe2\x80\x94 would explain the observed %s", obs);
		print_rule_line(out, rule, s, after);
		char lead[256];
		va_render_suspect(r, sp, lead, sizeof lead, msg, sizeof msg);
		fprintf(out, "    %s%s%s\n", lead, sp->fails ? "\n    " : " ", msg);
		print_hint(out, rule, sp->fails ? &sp->eval : NULL, s);
	}
	if (shown < n)
		fprintf(out, "  %u more (--verbose lists them)\n", n - shown);
}

static void print_warnings(FILE *out, const struct va_report *r, const struct va_text_style *s)
{
	int header = 0;
	for (unsigned i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status != VA_WARN)
			continue;
		if (!header)
			fprintf(out, "\n%sWarnings%s\n", c(s, C_YELLOW), c(s, C_OFF));
		header = 1;
		print_finding(out, f, s);
	}
}

/* One line per missing input; --verbose adds each rule it blocks. */
static void print_not_evaluated(FILE *out, const struct va_report_input *in, const struct va_report *r,
				const struct va_text_style *s)
{
	struct va_missing groups[VA_MISSING_MAX];
	unsigned n = va_group_missing(r, in->state, groups, VA_MISSING_MAX);
	int verbose = s && s->verbose;
	unsigned shown = !verbose && n > SHORT_GROUPS ? SHORT_GROUPS - 1 : n;
	if (!n)
		return;
	fprintf(out, "\nNot evaluated, by what is missing\n");
	for (unsigned g = 0; g < shown; g++) {
		char what[256], how[256];
		va_render_missing(&groups[g], r, what, sizeof what, how, sizeof how);
		fprintf(out, "  %s: %u rule%s \xe2\x80\x94 %s\n", what, groups[g].rules,
			groups[g].rules == 1 ? "" : "s", how);
		if (!verbose)
			continue;
		for (unsigned i = groups[g].first; i < r->n_findings; i++) {
			const struct va_finding *f = &r->findings[i];
			struct va_missing key;
			if (f->status != VA_UNKNOWN)
				continue;
			va_missing_key(f, in->state, &key);
			if (!va_missing_same(&key, &groups[g]))
				continue;
			const struct va_rule *rule = va_rule_at(f->rule);
			va_render_unknown(f, what, sizeof what);
			fprintf(out, "    %s [SDM %s]: %s\n", rule->id, rule->sdm, what);
		}
	}
	if (shown < n) {
		unsigned rules = 0;
		for (unsigned g = shown; g < n; g++)
			rules += groups[g].rules;
		fprintf(out, "  %u more missing inputs: %u rules (--verbose lists them)\n", n - shown, rules);
	}
}

struct about_lines {
	FILE *out;
	int any;
};

static void about_line(void *arg, const char *line)
{
	struct about_lines *a = arg;
	if (!a->any)
		fprintf(a->out, "\nAbout the input\n");
	a->any = 1;
	fprintf(a->out, "  %s\n", line);
}

static void print_about_input(FILE *out, const struct va_report_input *in, const struct va_report *r)
{
	struct about_lines a = { out, 0 };
	for (unsigned i = 0; in->notes && i < in->notes->count; i++)
		about_line(&a, in->notes->text[i]);
	va_render_about_caps(r, in->state, about_line, &a);
}

void va_write_report_text(FILE *out, const struct va_report_input *in, const struct va_report *r,
			  const struct va_text_style *s)
{
	print_headline(out, in, r, s);
	print_failures(out, r, s);
	print_suspects(out, in, r, s);
	print_warnings(out, r, s);
	print_not_evaluated(out, in, r, s);
	print_about_input(out, in, r);
	if (r->truncated)
		fprintf(out, "\n(more findings than fit in one report; the list is cut)\n");
	fprintf(out, "\n%u rules: %u failed, %u warned, %u not evaluated, %u passed, %u did not apply\n",
		r->rule_count, r->count[VA_FAIL], r->count[VA_WARN], r->count[VA_UNKNOWN],
		r->count[VA_PASS], r->count[VA_NOT_APPLICABLE]);
	if (s && s->verbose) {
		for (unsigned i = 0; i < r->rule_count; i++) {
			const char *st = r->status[i] == VA_PASS ? "pass" :
					 r->status[i] == VA_NOT_APPLICABLE ? "does not apply" : NULL;
			if (st)
				fprintf(out, "  %-44s %s\n", va_rule_at(i)->id, st);
		}
	}
}

static const char *flag_words(const struct va_rule *rule, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s%s", (rule->flags & VA_RULE_ADVISORY) ? " advisory" : "",
		 (rule->flags & VA_RULE_UNCONFIRMED) ? " unconfirmed" : "",
		 (rule->flags & VA_RULE_CANDIDATE) ? " candidate" : "",
		 (rule->flags & VA_RULE_PER_MSR_ENTRY) ? " per-msr-entry" : "");
	return buf;
}

void va_write_rule_line(FILE *out, const struct va_rule *rule)
{
	char flags[96];
	fprintf(out, "%-44s %-10s %-9s %s%s\n", rule->id, rule->sdm, va_stage_name(rule->stage),
		rule->summary, flag_words(rule, flags, sizeof flags));
}

void va_write_rules_text_matching(FILE *out, const char *filter)
{
	unsigned n = va_rule_count();
	for (unsigned i = 0; i < n; i++)
		if (va_rule_matches(va_rule_at(i), filter))
			va_write_rule_line(out, va_rule_at(i));
	if (!filter || !*filter)
		fprintf(out, "%u rules: %u with a mechanical repair (vmcs-audit fix), %u need a human decision\n",
			n, va_repair_count(), n - va_repair_count());
}

void va_write_rules_text(FILE *out)
{
	va_write_rules_text_matching(out, NULL);
}

void va_write_rule_explain(FILE *out, const struct va_rule *rule)
{
	char buf[512], cur[32];
	va_sdm_current(rule->sdm, cur, sizeof cur);
	fprintf(out, "%s\n", rule->id);
	fprintf(out, "  SDM:        %s (2016-2020 editions), %s (newest)%s%s\n", rule->sdm, cur,
		rule->sdm_also ? "; see also " : "", rule->sdm_also ? rule->sdm_also : "");
	fprintf(out, "  Stage:      %s\n", va_stage_name(rule->stage));
	fprintf(out, "  Condition:  %s\n", rule->summary);
	va_render_applies(rule, buf, sizeof buf);
	fprintf(out, "  Applies:    %s\n", buf);
	fprintf(out, "  Outcome:    %s\n", va_outcome_text(rule, buf, sizeof buf));
	fprintf(out, "  Fields:    ");
	int any = 0;
	for (unsigned k = 0; k < VA_RULE_MAX_FIELDS && rule->fields[k]; k++, any = 1)
		fprintf(out, " %s", va_field_name((enum va_field)rule->fields[k]));
	fprintf(out, "%s\n", any ? "" : " (none: [entry] facts only)");
	if (rule->needs) {
		fprintf(out, "  Needs:     ");
		for (unsigned b = 0; b < VA_NEED_COUNT; b++)
			if ((rule->needs >> b) & 1)
				fprintf(out, " %s;", va_need_text((enum va_need_bit)b));
		fprintf(out, "\n");
	}
	if (rule->flags & VA_RULE_ADVISORY)
		fprintf(out, "  Advisory:   reported as a warning, never decides the verdict\n");
	if (rule->flags & VA_RULE_UNCONFIRMED)
		fprintf(out, "  Unconfirmed: a newer-edition rule corroborated by an implementation; the SDM "
			     "sentence itself was not read\n");
	if (rule->flags & VA_RULE_CANDIDATE)
		fprintf(out, "  Candidate:  neither SDM text nor an implementation confirms it; failures are "
			     "warnings only\n");
	if (rule->hint)
		fprintf(out, "  Hint:       %s\n", rule->hint);
	if (rule->notes)
		fprintf(out, "  Elsewhere:  %s\n", rule->notes);
}

void va_write_rules_markdown(FILE *out)
{
	unsigned n = va_rule_count();
	char buf[512], cur[32];
	fprintf(out, "# vmcs-audit rule catalogue\n\nGenerated from the rule table by "
		     "`vmcs-audit rules --markdown`; do not edit.\n\n");
	fprintf(out, "| ID | SDM | newest | stage | condition | applies | outcome |\n|---|---|---|---|---|---|---|\n");
	for (unsigned i = 0; i < n; i++) {
		const struct va_rule *rule = va_rule_at(i);
		char out_text[128];
		va_sdm_current(rule->sdm, cur, sizeof cur);
		va_render_applies(rule, buf, sizeof buf);
		fprintf(out, "| `%s`%s | %s | %s | %s | %s | %s | %s |\n", rule->id,
			(rule->flags & (VA_RULE_UNCONFIRMED | VA_RULE_CANDIDATE)) ? " (unconfirmed)" : "",
			rule->sdm, cur, va_stage_name(rule->stage), rule->summary, buf,
			va_outcome_text(rule, out_text, sizeof out_text));
	}
}
