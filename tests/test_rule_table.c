/* The rule table lints itself, and every rule passes and fails on fixtures. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/report/render.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"


static int id_well_formed(const char *id)
{
	/* Upper-case words of letters, digits and '_' joined by '.'. */
	int dots = 0, len = 0;
	for (const char *p = id; *p; p++, len++) {
		if (*p == '.') {
			if (len == 0 || p[1] == '\0' || p[1] == '.')
				return 0;
			dots++;
		} else if (!(isupper((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_')) {
			return 0;
		}
	}
	return dots >= 1;
}

static void test_ids_unique_and_well_formed(void)
{
	unsigned n = va_rule_count();
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT(n <= VA_MAX_RULES);
	for (unsigned i = 0; i < n; i++) {
		const struct va_rule *r = va_rule_at(i);
		if (!id_well_formed(r->id))
			fprintf(stderr, "\n  malformed id: %s", r->id);
		CU_ASSERT(id_well_formed(r->id));
		for (unsigned j = i + 1; j < n; j++) {
			if (!strcmp(r->id, va_rule_at(j)->id))
				fprintf(stderr, "\n  duplicate id: %s", r->id);
			CU_ASSERT(strcmp(r->id, va_rule_at(j)->id) != 0);
		}
		CU_ASSERT_EQUAL(va_rule_find(r->id), (int)i);
	}
}

static void test_rules_complete(void)
{
	unsigned n = va_rule_count();
	for (unsigned i = 0; i < n; i++) {
		const struct va_rule *r = va_rule_at(i);
		int ok = r->sdm && !strncmp(r->sdm, "26.", 3) && r->summary && r->summary[0] &&
			 r->message && r->check && r->stage < VA_STAGE_COUNT;
		if (!ok)
			fprintf(stderr, "\n  incomplete rule: %s", r->id);
		CU_ASSERT(ok);
		for (unsigned k = 0; k < VA_RULE_MAX_FIELDS; k++)
			CU_ASSERT(r->fields[k] < FLD_COUNT);
		/* Stage order follows table order: SDM order. */
		if (i > 0)
			CU_ASSERT(va_rule_at(i - 1)->stage <= r->stage);
		/* Outcomes agree with stages. */
		int consistent = 1;
		if (r->flags & (VA_RULE_ADVISORY))
			consistent = r->outcome == VA_OUT_WARNING;
		else if (r->stage == VA_STAGE_CONTROLS)
			consistent = r->outcome == VA_OUT_VMFAIL_VALID && r->code == 7;
		else if (r->stage == VA_STAGE_HOST)
			consistent = r->outcome == VA_OUT_VMFAIL_VALID && r->code == 8;
		else if (r->stage == VA_STAGE_GUEST)
			consistent = r->outcome == VA_OUT_ENTRY_FAILURE && r->code == 33;
		else if (r->stage == VA_STAGE_MSR_LOAD)
			consistent = r->outcome == VA_OUT_ENTRY_FAILURE && r->code == 34;
		if (!consistent)
			fprintf(stderr, "\n  outcome does not match stage: %s", r->id);
		CU_ASSERT(consistent);
		/* Message templates only name operands and fields that exist. */
		struct va_eval ev = { { 1, 2, 3, 0x480 }, 0, 0 };
		char buf[1024];
		va_render_message(r, &ev, buf, sizeof buf);
		CU_ASSERT(strchr(buf, '{') == NULL);
		CU_ASSERT(strstr(buf, "?") == NULL || strstr(r->message, "?") != NULL);
	}
}

static const char *status_name(unsigned s)
{
	static const char *const names[] = { "not run", "PASS", "FAIL", "UNKNOWN", "NA", "WARN" };
	return s < 6 ? names[s] : "?";
}

/* Run every fixture; tally, per rule, which expectations were shown. */
static void test_fixtures(void)
{
	unsigned n = va_rule_count();
	unsigned char *shown_fail = calloc(n, 1), *shown_pass = calloc(n, 1);
	struct va_state *st = malloc(sizeof *st);
	struct va_report *rep = malloc(sizeof *rep);
	CU_ASSERT_FATAL(shown_fail && shown_pass && st && rep);

	for (size_t t = 0; t < fixture_table_count; t++) {
		for (unsigned i = 0; i < *fixture_tables[t].count; i++) {
			const struct rule_fixture *fx = &fixture_tables[t].list[i];
			int index = va_rule_find(fx->rule);
			if (index < 0) {
				fprintf(stderr, "\n  fixture for unknown rule %s", fx->rule);
				CU_FAIL("fixture names an unknown rule");
				continue;
			}
			if (fixture_state(st, fx->state)) {
				fprintf(stderr, "\n  fixture for %s does not read", fx->rule);
				CU_FAIL("fixture state does not read");
				continue;
			}
			va_audit(st, rep);
			unsigned got = rep->status[index];
			if (got != fx->expect)
				fprintf(stderr, "\n  %s: expected %s, got %s\n    overlay: %s", fx->rule,
					status_name(fx->expect), status_name(got), fx->state);
			CU_ASSERT_EQUAL(got, fx->expect);
			if (got == fx->expect && (got == VA_FAIL || got == VA_WARN)) {
				shown_fail[index] = 1;
				/* The failure's message renders with its operands. */
				for (unsigned k = 0; k < rep->n_findings; k++) {
					if (rep->findings[k].rule != (unsigned)index)
						continue;
					char msg[1024];
					va_render_message(va_rule_at((unsigned)index), &rep->findings[k].eval,
							  msg, sizeof msg);
					CU_ASSERT(strlen(msg) > 10);
				}
			}
			if (got == fx->expect && got == VA_PASS)
				shown_pass[index] = 1;
			va_state_release(st);
		}
	}
	for (unsigned i = 0; i < n; i++) {
		if (!shown_fail[i] || !shown_pass[i])
			fprintf(stderr, "\n  %s lacks a %s fixture", va_rule_at(i)->id,
				!shown_fail[i] ? "failing" : "passing");
		CU_ASSERT(shown_fail[i] && shown_pass[i]);
	}
	free(shown_fail);
	free(shown_pass);
	free(st);
	free(rep);
}

/* The base state passes every rule (or the rule does not apply). */
static void test_base_state_passes(void)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_report *rep = malloc(sizeof *rep);
	CU_ASSERT_FATAL(st && rep && fixture_state(st, NULL) == 0);
	va_audit(st, rep);
	for (unsigned i = 0; i < rep->n_findings; i++) {
		char msg[1024];
		va_render_message(va_rule_at(rep->findings[i].rule), &rep->findings[i].eval, msg, sizeof msg);
		fprintf(stderr, "\n  base state: %s %s: %s", va_rule_at(rep->findings[i].rule)->id,
			status_name(rep->findings[i].status), msg);
	}
	CU_ASSERT_EQUAL(rep->n_findings, 0);
	CU_ASSERT_EQUAL(rep->verdict.result, VA_RESULT_SUCCESS);
	va_state_release(st);
	free(st);
	free(rep);
}

CU_TestInfo tests_rule_table[] = {
	{ "ids unique and well formed", test_ids_unique_and_well_formed },
	{ "rules complete and consistent", test_rules_complete },
	{ "base state passes", test_base_state_passes },
	{ "every rule passes and fails on fixtures", test_fixtures },
	CU_TEST_INFO_NULL,
};
