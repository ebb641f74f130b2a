/* Every rule with a repair: its failing fixtures, repaired, pass that rule
 * and make no other rule fail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/engine/repair.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"


/* Failing states for rules whose fixtures (tests/fixtures_*.c) all show a
 * case that needs a decision: the mechanical case of their repair. */
#define PROT "[vmcs]\nSECONDARY_VM_EXEC_CONTROL = 0x0010102a\n"
static const struct rule_fixture repair_fixtures[] = {
	/* Allowed-1 repairs clear only bits that name no control. */
	{ "CTL.PROC2.ALLOWED1", FAIL, "[vmcs]\nSECONDARY_VM_EXEC_CONTROL = 0x201010aa\n" },
	{ "CTL.ENTRY.ALLOWED1", FAIL, "[vmcs]\nVM_ENTRY_CONTROLS = 0x0200d3ff\n" },
	{ "CTL.EXIT2.ALLOWED1", FAIL, "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = 0x81ffffff00036dfb\n"
	  "IA32_VMX_EXIT_CTLS2 = 0x3\n[vmcs]\nVM_EXIT_CONTROLS = 0x803feffb\n"
	  "SECONDARY_VM_EXIT_CONTROLS = 0x12\n" },
	{ "GUEST.SEG.SS.TYPE", FAIL, "[vmcs]\nGUEST_SS_AR_BYTES = 0xc092\n" },
	{ "GUEST.SEG.DS.DPL_GE_RPL", FAIL, PROT "GUEST_DS_SELECTOR = 0x3\nGUEST_DS_AR_BYTES = 0x93\n" },
	{ "GUEST.SEG.ES.DPL_GE_RPL", FAIL, PROT "GUEST_ES_SELECTOR = 0x3\nGUEST_ES_AR_BYTES = 0x93\n" },
	{ "GUEST.SEG.FS.DPL_GE_RPL", FAIL, PROT "GUEST_FS_SELECTOR = 0x3\nGUEST_FS_AR_BYTES = 0x93\n" },
	{ "GUEST.SEG.GS.DPL_GE_RPL", FAIL, PROT "GUEST_GS_SELECTOR = 0x3\nGUEST_GS_AR_BYTES = 0x93\n" },
};
static const unsigned repair_fixtures_count = sizeof repair_fixtures / sizeof repair_fixtures[0];

static const struct {
	const struct rule_fixture *list;
	const unsigned *count;
} tables[] = {
#define VA_FIXTURE_TABLE(name) { fixtures_##name, &fixtures_##name##_count },
	VA_RULE_AREAS(VA_FIXTURE_TABLE)
	{ repair_fixtures, &repair_fixtures_count },
#undef VA_FIXTURE_TABLE
};

/* The repair of rule `index` on the fixture: 1 it holds (the rule passes or
 * no longer applies, no rule fails that did not), 0 it changed nothing,
 * -1 it broke something (reported). */
static int try_fixture(const struct rule_fixture *fx, unsigned index, struct va_state *st,
		       struct va_report *before, struct va_report *after)
{
	if (fixture_state(st, fx->state))
		return -1;
	va_audit(st, before);
	int rc = 0;
	for (unsigned k = 0; k < before->n_findings; k++) {
		const struct va_finding *f = &before->findings[k];
		if (f->rule != index || f->status != VA_FAIL)
			continue;
		if (!va_repair_finding(st, f))
			break;
		va_audit(st, after);
		rc = 1;
		unsigned s = after->status[index];
		if (s != VA_PASS && s != VA_NOT_APPLICABLE) {
			fprintf(stderr, "\n  %s: still %u after its repair\n    overlay: %s", fx->rule, s,
				fx->state);
			rc = -1;
		}
		for (unsigned j = 0; j < after->rule_count; j++) {
			if (after->status[j] == VA_FAIL && before->status[j] != VA_FAIL) {
				fprintf(stderr, "\n  %s: its repair makes %s fail\n    overlay: %s", fx->rule,
					va_rule_at(j)->id, fx->state);
				rc = -1;
			}
		}
		break;
	}
	va_state_release(st);
	return rc;
}

static void test_every_repair_on_its_fixtures(void)
{
	unsigned n = va_rule_count();
	unsigned char *shown = calloc(n, 1);
	struct va_state *st = malloc(sizeof *st);
	struct va_report *before = malloc(sizeof *before), *after = malloc(sizeof *after);
	CU_ASSERT_FATAL(shown && st && before && after);
	unsigned tried = 0, held = 0;
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		for (unsigned i = 0; i < *tables[t].count; i++) {
			const struct rule_fixture *fx = &tables[t].list[i];
			int index = va_rule_find(fx->rule);
			if (index < 0 || fx->expect != VA_FAIL || !va_rule_has_repair((unsigned)index))
				continue;
			int rc = try_fixture(fx, (unsigned)index, st, before, after);
			tried++;
			CU_ASSERT(rc >= 0);
			if (rc == 1) {
				held++;
				shown[index] = 1;
			}
		}
	}
	unsigned with = 0, unshown = 0;
	for (unsigned i = 0; i < n; i++) {
		if (!va_rule_has_repair(i))
			continue;
		with++;
		if (!shown[i] && !(va_rule_at(i)->flags & (VA_RULE_ADVISORY | VA_RULE_CANDIDATE))) {
			fprintf(stderr, "\n  %s: no failing fixture shows its repair", va_rule_at(i)->id);
			unshown++;
		}
	}
	fprintf(stderr, "\n  %u rules with a repair; %u failing fixtures repaired, %u tried ", with, held,
		tried);
	CU_ASSERT_EQUAL(unshown, 0);
	CU_ASSERT(with > 0 && with == va_repair_count());
	free(shown);
	free(st);
	free(before);
	free(after);
}

/* A passing state offers nothing to repair. */
static void test_base_state_needs_nothing(void)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_report *rep = malloc(sizeof *rep);
	CU_ASSERT_FATAL(st && rep && fixture_state(st, NULL) == 0);
	va_audit(st, rep);
	unsigned repairable = 0;
	for (unsigned k = 0; k < rep->n_findings; k++)
		repairable += va_finding_repairable(&rep->findings[k]);
	CU_ASSERT_EQUAL(repairable, 0);
	va_state_release(st);
	free(st);
	free(rep);
}

CU_TestInfo tests_repair[] = {
	{ "every repair holds on its rule's failing fixtures", test_every_repair_on_its_fixtures },
	{ "a passing state needs no repair", test_base_state_needs_nothing },
	CU_TEST_INFO_NULL,
};
