#include "report_out.h"

#include <inttypes.h>
#include <string.h>

#include "render.h"
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

static void print_finding(FILE *out, const struct va_finding *f, const struct va_text_style *s)
{
	const struct va_rule *rule = va_rule_at(f->rule);
	char msg[768], cur[32];
	va_render_message(rule, &f->eval, msg, sizeof msg);
	va_sdm_current(rule->sdm, cur, sizeof cur);
	fprintf(out, "  %s%s%s [SDM %s / %s]%s%s\n", c(s, C_BOLD), rule->id, c(s, C_OFF), rule->sdm, cur,
		(rule->flags & (VA_RULE_UNCONFIRMED | VA_RULE_CANDIDATE)) ? " (unconfirmed)" : "",
		f->reached ? "" : " (not reached: an earlier check decides)");
	if (f->msr_index)
		fprintf(out, "    MSR-load entry %" PRIu32 ": %s\n", f->msr_index, msg);
	else
		fprintf(out, "    %s\n", msg);
	const char *hint = va_rule_hint(rule, &f->eval);
	if (hint)
		fprintf(out, "    %shint: %s%s\n", c(s, C_DIM), hint, c(s, C_OFF));
	fprintf(out, "    %smore: vmcs-audit explain %s%s\n", c(s, C_DIM), rule->id, c(s, C_OFF));
}

void va_write_report_text(FILE *out, const struct va_report_input *in, const struct va_report *r,
			  const struct va_text_style *s)
{
	const struct va_verdict *v = &r->verdict;
	char line[512];
	va_render_verdict(v, line, sizeof line);
	int ok = v->result == VA_RESULT_SUCCESS;
	fprintf(out, "%s: %s%s%s\n", in->file, c(s, ok ? C_GREEN : C_RED), line, c(s, C_OFF));
	if (in->observed && in->observed->kind != VA_OBSERVED_NONE)
		fprintf(out, "  %s%s%s\n", c(s, in->observed->consistent ? C_GREEN : C_YELLOW),
			in->observed->sentence, c(s, C_OFF));
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
	if (v->notes & VA_NOTE_CONDITIONAL)
		fprintf(out, "  This holds if the checks listed as not evaluated pass.\n");

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
	header = 0;
	for (unsigned i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status != VA_UNKNOWN)
			continue;
		const struct va_rule *rule = va_rule_at(f->rule);
		if (!header)
			fprintf(out, "\nNot evaluated\n");
		header = 1;
		va_render_unknown(f, line, sizeof line);
		fprintf(out, "  %s [SDM %s]: %s\n", rule->id, rule->sdm, line);
	}
	if (in->notes && in->notes->count) {
		fprintf(out, "\nAbout the input\n");
		for (unsigned i = 0; i < in->notes->count; i++)
			fprintf(out, "  %s\n", in->notes->text[i]);
	}
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

void va_write_rules_text(FILE *out)
{
	unsigned n = va_rule_count();
	for (unsigned i = 0; i < n; i++) {
		const struct va_rule *rule = va_rule_at(i);
		char flags[96];
		fprintf(out, "%-44s %-10s %-9s %s%s\n", rule->id, rule->sdm, va_stage_name(rule->stage),
			rule->summary, flag_words(rule, flags, sizeof flags));
	}
	fprintf(out, "%u rules: %u with a mechanical repair (vmcs-audit fix), %u need a human decision\n",
		n, va_repair_count(), n - va_repair_count());
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
