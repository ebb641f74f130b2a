/* Verdicts from findings: ordering of 26.1, stages, reached, notes. */
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"

static struct va_report *audit_overlay(const char *overlay)
{
	static struct va_state st;
	struct va_report *r = malloc(sizeof *r);
	CU_ASSERT_FATAL(r != NULL);
	CU_ASSERT_FATAL(fixture_state(&st, overlay) == 0);
	va_audit(&st, r);
	va_state_release(&st);
	return r;
}

static int finding_of(const struct va_report *r, const char *id)
{
	for (unsigned i = 0; i < r->n_findings; i++)
		if (!strcmp(va_rule_at(r->findings[i].rule)->id, id))
			return (int)i;
	return -1;
}

static void test_success(void)
{
	struct va_report *r = audit_overlay(NULL);
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(r->verdict.deciding, -1);
	CU_ASSERT_EQUAL(r->count[VA_FAIL], 0);
	free(r);
}

static void test_basic_first_failure_decides(void)
{
	/* CPL 3 (#GP) comes before the launch-state check (error 4). */
	struct va_report *r = audit_overlay("[entry]\ncpl = 3\nlaunch_state = launched");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_FAULT_GP);
	int gp = finding_of(r, "BASIC.CPL0"), ls = finding_of(r, "BASIC.LAUNCH_CLEAR");
	CU_ASSERT_FATAL(gp >= 0 && ls >= 0);
	CU_ASSERT_EQUAL(r->verdict.deciding, gp);
	CU_ASSERT(r->findings[gp].reached);
	CU_ASSERT(!r->findings[ls].reached);
	free(r);

	r = audit_overlay("[entry]\nlaunch_state = launched");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_VMFAIL_VALID);
	CU_ASSERT_EQUAL(r->verdict.vm_instruction_error, 4);
	free(r);

	r = audit_overlay("[entry]\ninstruction = vmresume\nlaunch_state = clear");
	CU_ASSERT_EQUAL(r->verdict.vm_instruction_error, 5);
	free(r);

	r = audit_overlay("[entry]\nblocked_by_mov_ss = 1");
	CU_ASSERT_EQUAL(r->verdict.vm_instruction_error, 26);
	free(r);

	r = audit_overlay("[entry]\ncurrent_vmcs = shadow");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_VMFAIL_INVALID);
	free(r);

	r = audit_overlay("[entry]\nvmx_operation = nonroot\ninstruction = vmresume");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_VMEXIT);
	CU_ASSERT_EQUAL(r->verdict.exit_reason, 24);
	free(r);

	r = audit_overlay("[entry]\nvmm_mode = real");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_FAULT_UD);
	free(r);
}

/* A gated control vector is known once its gating control is known to be 0. */
static void test_gated_vector_absent(void)
{
	int vpid = va_rule_find("CTL.EXEC.VPID_NONZERO");
	CU_ASSERT_FATAL(vpid >= 0);
	struct va_report *r = audit_overlay(
		"[vmcs]\nCPU_BASED_VM_EXEC_CONTROL = 0x14006172\nSECONDARY_VM_EXEC_CONTROL = ?\n"
		"EPT_POINTER = 0\n");
	CU_ASSERT_EQUAL(r->status[vpid], VA_NOT_APPLICABLE);
	free(r);
	r = audit_overlay("[vmcs]\nSECONDARY_VM_EXEC_CONTROL = ?\n");
	CU_ASSERT_EQUAL(r->status[vpid], VA_UNKNOWN);
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_INCONCLUSIVE);
	free(r);
}

CU_TestInfo tests_verdict[] = {
	{ "a gated vector is known when its gate is 0", test_gated_vector_absent },
	{ "success", test_success },
	{ "26.1: the first failure decides", test_basic_first_failure_decides },
	CU_TEST_INFO_NULL,
};
