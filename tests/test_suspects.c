/* Verdicts on partial input and the likely causes (suspects). */
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/profiles.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"

static struct va_state state;
static struct va_report report;

static const struct va_report *audit(const char *overlay)
{
	CU_ASSERT_FATAL(fixture_state(&state, overlay) == 0);
	va_audit(&state, &report);
	va_state_release(&state);
	return &report;
}

static const char *suspect_id(const struct va_report *r, unsigned k)
{
	return va_rule_at(r->findings[r->suspects[k].finding].rule)->id;
}

/* Every capability MSR absent, and the facts with them. */
#define NO_CAPS "[cpu]\nIA32_VMX_BASIC = ?\nIA32_VMX_PINBASED_CTLS = ?\n" \
	"IA32_VMX_PROCBASED_CTLS = ?\nIA32_VMX_EXIT_CTLS = ?\nIA32_VMX_ENTRY_CTLS = ?\n" \
	"IA32_VMX_MISC = ?\nIA32_VMX_CR0_FIXED0 = ?\nIA32_VMX_CR0_FIXED1 = ?\n" \
	"IA32_VMX_CR4_FIXED0 = ?\nIA32_VMX_CR4_FIXED1 = ?\nIA32_VMX_VMCS_ENUM = ?\n" \
	"IA32_VMX_PROCBASED_CTLS2 = ?\nIA32_VMX_EPT_VPID_CAP = ?\n" \
	"IA32_VMX_TRUE_PINBASED_CTLS = ?\nIA32_VMX_TRUE_PROCBASED_CTLS = ?\n" \
	"IA32_VMX_TRUE_EXIT_CTLS = ?\nIA32_VMX_TRUE_ENTRY_CTLS = ?\nmaxphyaddr = ?\n" \
	"linear_address_bits = ?\n"

static void test_verdicts(void)
{
	/* Everything decided and nothing fails: success. */
	CU_ASSERT_EQUAL(audit(NULL)->verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(report.n_suspects, 0);
	/* A rule that could decide is unknown: inconclusive, never success. */
	CU_ASSERT_EQUAL(audit("[vmcs]\nGUEST_RIP = ?\n")->verdict.result, VA_RESULT_INCONCLUSIVE);
	CU_ASSERT_EQUAL(audit(NO_CAPS)->verdict.result, VA_RESULT_INCONCLUSIVE);
	/* Only a rule that never decides (a candidate) unknown: success;
	 * one that decides: inconclusive. */
	memset(&report, 0, sizeof report);
	report.n_findings = 1;
	report.findings[0].rule = (uint16_t)va_rule_find("CTL.EXEC.IPIV_PIDPT_ALIGN");
	report.findings[0].status = VA_UNKNOWN;
	va_decide(&report);
	CU_ASSERT_EQUAL(report.verdict.result, VA_RESULT_SUCCESS);
	report.findings[0].rule = (uint16_t)va_rule_find("GUEST.RIP.UPPER_IDENTICAL");
	va_decide(&report);
	CU_ASSERT_EQUAL(report.verdict.result, VA_RESULT_INCONCLUSIVE);
	/* A failure decides whatever is unknown after it. */
	const struct va_report *r = audit("[vmcs]\nGUEST_RIP = ?\nHOST_CR4 = 0\n");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_VMFAIL_VALID);
	CU_ASSERT_EQUAL(r->verdict.vm_instruction_error, 8);
	/* An observed failure with nothing failing: inconclusive, with the
	 * likely causes of that stage. */
	r = audit("[vmcs]\nVM_EXIT_REASON = 0x80000021\nEXIT_QUALIFICATION = 0\n"
		  "GUEST_CR0 = ?\n");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_INCONCLUSIVE);
	CU_ASSERT(r->n_suspects > 0);
}

static void test_basic56_suspect_first(void)
{
	/* VMfailValid 7 observed, no capability MSRs: #UD injected with an error
	 * code fails only where IA32_VMX_BASIC[56] = 0, which holds on every
	 * CPU before CET: first, with its assumption. */
	const struct va_report *r = audit(NO_CAPS "[vmcs]\nVM_INSTRUCTION_ERROR = 7\n"
					  "VM_ENTRY_INTR_INFO_FIELD = 0x80000b06\n");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_INCONCLUSIVE);
	CU_ASSERT_FATAL(r->n_suspects > 1);
	CU_ASSERT_STRING_EQUAL(suspect_id(r, 0), "CTL.EVINJ.ERRCODE_NOT_ALLOWED");
	CU_ASSERT(r->suspects[0].fails);
	CU_ASSERT_EQUAL(r->suspects[0].assumption, VA_ASSUME_BASIC56_0);
	CU_ASSERT(r->suspects[0].explains_observed);
	CU_ASSERT_EQUAL(r->suspects[0].eval.v[1], 6);
	for (unsigned k = 0; k < r->n_suspects; k++) {
		const struct va_rule *rule = va_rule_at(r->findings[r->suspects[k].finding].rule);
		CU_ASSERT(rule->stage == VA_STAGE_CONTROLS ||
			  (rule->stage == VA_STAGE_HOST && (rule->flags & VA_RULE_ERROR7_POSSIBLE)));
		CU_ASSERT_EQUAL(r->findings[r->suspects[k].finding].status, VA_UNKNOWN);
		if (k > 0)
			CU_ASSERT(!r->suspects[k].fails || r->suspects[k - 1].fails);
	}
	/* With IA32_VMX_BASIC given the rule is decided: a failure, no suspect. */
	r = audit("[vmcs]\nVM_INSTRUCTION_ERROR = 7\nVM_ENTRY_INTR_INFO_FIELD = 0x80000b06\n");
	CU_ASSERT_EQUAL(r->verdict.vm_instruction_error, 7);
	CU_ASSERT_EQUAL(r->n_suspects, 0);
}

static void test_exit33_guest_suspects_only(void)
{
	/* A dump of a failed entry without its control section. */
	const struct va_report *r = audit(
		"[vmcs]\nVM_EXIT_REASON = 0x80000021\nEXIT_QUALIFICATION = 0\n"
		"PIN_BASED_VM_EXEC_CONTROL = ?\nCPU_BASED_VM_EXEC_CONTROL = ?\n"
		"SECONDARY_VM_EXEC_CONTROL = ?\nVM_EXIT_CONTROLS = ?\nVM_ENTRY_CONTROLS = ?\n"
		"GUEST_CR4 = ?\n");
	CU_ASSERT(r->verdict.result == VA_RESULT_INCONCLUSIVE);
	CU_ASSERT_FATAL(r->n_suspects > 0);
	CU_ASSERT(r->suspects_left_off == 0 || r->n_suspects == VA_MAX_SUSPECTS);
	bool cr4 = false;
	for (unsigned k = 0; k < r->n_suspects; k++) {
		const struct va_rule *rule = va_rule_at(r->findings[r->suspects[k].finding].rule);
		CU_ASSERT_EQUAL(rule->stage, VA_STAGE_GUEST);
		/* qualification 0 observed: rules of other qualifications cannot
		 * explain it */
		CU_ASSERT(rule->qualification == 0 || (rule->flags & VA_RULE_QUAL_MAY_VARY));
		CU_ASSERT(r->suspects[k].explains_observed);
		cr4 |= !strcmp(rule->id, "GUEST.CR4.FIXED0");
	}
	CU_ASSERT(cr4);
}

static void test_exit34_entry(void)
{
	/* Exit 34 names the MSR-load entry that failed: entry 2 is not in
	 * memory, entry 1 is and passes. */
	const char *two = "[vmcs]\nVM_ENTRY_MSR_LOAD_COUNT = 2\nVM_ENTRY_MSR_LOAD_ADDR = 0x5000\n"
			  "VM_EXIT_REASON = 0x80000022\nEXIT_QUALIFICATION = %u\n"
			  "[memory]\n0x5000 = 0x00000000c0000102 0\n";
	char buf[256];
	snprintf(buf, sizeof buf, two, 2u);
	const struct va_report *r = audit(buf);
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_INCONCLUSIVE);
	CU_ASSERT_FATAL(r->n_suspects > 0);
	for (unsigned k = 0; k < r->n_suspects; k++)
		CU_ASSERT_EQUAL(r->findings[r->suspects[k].finding].msr_index, 2);
	snprintf(buf, sizeof buf, two, 1u);
	r = audit(buf);
	CU_ASSERT_EQUAL(r->n_suspects, 0);
}

static void test_link_pointer_zero(void)
{
	/* No observed outcome, no memory: still the classic suspect. */
	const struct va_report *r = audit("[vmcs]\nVMCS_LINK_POINTER = 0\n");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_INCONCLUSIVE);
	CU_ASSERT_FATAL(r->n_suspects >= 1);
	CU_ASSERT_STRING_EQUAL(suspect_id(r, 0), "GUEST.LINKPTR.REVISION");
	CU_ASSERT(r->suspects[0].fails);
	CU_ASSERT_EQUAL(r->suspects[0].assumption, VA_ASSUME_LINK_NOT_VMCS);
	CU_ASSERT(!r->suspects[0].explains_observed);
	CU_ASSERT(strstr(va_rule_at(r->findings[r->suspects[0].finding].rule)->hint,
			 "0 does not mean") != NULL);
	/* Another unknown address is no suspect without an observed outcome. */
	r = audit("[vmcs]\nVMCS_LINK_POINTER = 0x5000\n");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_INCONCLUSIVE);
	CU_ASSERT_EQUAL(r->n_suspects, 0);
}

static void test_true_msr_suspect(void)
{
	/* The plain MSR alone requires CR3-load exiting (a default1 bit) that
	 * the TRUE_ MSR of every known CPU lets go: no suspect.  A default1
	 * bit every TRUE_ MSR keeps (bit 1): a suspect under that assumption. */
	const char *plain = "[cpu]\nIA32_VMX_TRUE_PROCBASED_CTLS = ?\nIA32_VMX_BASIC = ?\n";
	char buf[256];
	const struct va_report *r = audit(plain);
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_INCONCLUSIVE);
	CU_ASSERT_EQUAL(r->n_suspects, 0);
	snprintf(buf, sizeof buf, "%s[vmcs]\nCPU_BASED_VM_EXEC_CONTROL = 0x94006170\n", plain);
	r = audit(buf);
	CU_ASSERT_FATAL(r->n_suspects == 1);
	CU_ASSERT_STRING_EQUAL(suspect_id(r, 0), "CTL.PROC.ALLOWED0");
	CU_ASSERT_EQUAL(r->suspects[0].assumption, VA_ASSUME_TRUE_DEFAULT1);
	CU_ASSERT_EQUAL(r->suspects[0].eval.v[1], 2);
}

/*
 * The assumption about a missing TRUE_ MSR holds on every real CPU: built
 * from a profile's TRUE_ MSR (its must-be-1 bits and nothing else), a
 * control word is never blamed when the TRUE_ MSR is hidden; without a
 * default1 bit that TRUE_ MSR requires, it is.
 */
static void test_true_assumption_every_profile(void)
{
	static const struct {
		const char *rule;
		enum va_field field;
		enum va_msr true_msr;
	} vecs[] = {
		{ "CTL.PIN.ALLOWED0", FLD_PIN_BASED_VM_EXEC_CONTROL, MSR_IA32_VMX_TRUE_PINBASED_CTLS },
		{ "CTL.PROC.ALLOWED0", FLD_CPU_BASED_VM_EXEC_CONTROL, MSR_IA32_VMX_TRUE_PROCBASED_CTLS },
		{ "CTL.EXIT.ALLOWED0", FLD_VM_EXIT_CONTROLS, MSR_IA32_VMX_TRUE_EXIT_CTLS },
		{ "CTL.ENTRY.ALLOWED0", FLD_VM_ENTRY_CONTROLS, MSR_IA32_VMX_TRUE_ENTRY_CTLS },
	};
	unsigned checked = 0;
	for (unsigned p = 0; p < va_profile_count; p++) {
		for (size_t v = 0; v < sizeof vecs / sizeof vecs[0]; v++) {
			CU_ASSERT_FATAL(fixture_state(&state, va_profiles[p].text) == 0);
			if (!va_msr_known(&state, vecs[v].true_msr)) {
				va_state_release(&state);
				continue;
			}
			uint64_t must = (uint32_t)state.msr[vecs[v].true_msr];
			state.msr_present &= ~((1u << MSR_IA32_VMX_BASIC) | (1u << vecs[v].true_msr));
			state.field[vecs[v].field] = must;
			va_audit(&state, &report);
			int rule = va_rule_find(vecs[v].rule);
			for (unsigned k = 0; k < report.n_suspects; k++)
				if (report.findings[report.suspects[k].finding].rule == (unsigned)rule)
					fprintf(stderr, "\n  %s: %s blamed", va_profiles[p].name,
						vecs[v].rule);
			for (unsigned k = 0; k < report.n_findings; k++)
				if (report.findings[k].rule == (unsigned)rule)
					CU_ASSERT_EQUAL(report.findings[k].fails_assuming, 0);
			/* Without the lowest bit the TRUE_ MSR requires. */
			state.field[vecs[v].field] = must & (must - 1);
			va_audit(&state, &report);
			bool blamed = report.status[rule] == VA_FAIL;
			for (unsigned k = 0; k < report.n_findings; k++)
				if (report.findings[k].rule == (unsigned)rule)
					blamed |= report.findings[k].fails_assuming ==
						  1 + VA_ASSUME_TRUE_DEFAULT1;
			if (!blamed)
				fprintf(stderr, "\n  %s: %s not blamed without bit 0x%llx",
					va_profiles[p].name, vecs[v].rule,
					(unsigned long long)(must & -must));
			CU_ASSERT(blamed);
			checked++;
			va_state_release(&state);
		}
	}
	CU_ASSERT(checked > 100);
}

static void test_no_suspect_when_failures_explain(void)
{
	/* Observed exit 33 and a guest-state failure: explained. */
	const struct va_report *r = audit("[vmcs]\nVM_EXIT_REASON = 0x80000021\n"
					  "EXIT_QUALIFICATION = 0\nVMCS_LINK_POINTER = 0\n"
					  "GUEST_CR0 = 0\n");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_ENTRY_FAILURE);
	CU_ASSERT_EQUAL(r->n_suspects, 0);
	/* No observed outcome, a control failure: later stages cannot change
	 * the prediction. */
	r = audit("[vmcs]\nVMCS_LINK_POINTER = 0\nPIN_BASED_VM_EXEC_CONTROL = 0\n");
	CU_ASSERT_EQUAL(r->verdict.vm_instruction_error, 7);
	CU_ASSERT_EQUAL(r->n_suspects, 0);
	/* Observed error 7 while only guest state fails: the guest failure does
	 * not explain it, the controls' unknowns might. */
	r = audit(NO_CAPS "[vmcs]\nVM_INSTRUCTION_ERROR = 7\nVM_ENTRY_INTR_INFO_FIELD = 0x80000b06\n"
		  "GUEST_RFLAGS = 0\n");
	CU_ASSERT_EQUAL(r->verdict.result, VA_RESULT_ENTRY_FAILURE);
	CU_ASSERT(r->n_suspects > 0);
}

CU_TestInfo tests_suspects[] = {
	{ "success, inconclusive, failure", test_verdicts },
	{ "error 7, no capabilities: BASIC[56] = 0 suspect first", test_basic56_suspect_first },
	{ "exit 33 without controls: guest-state suspects only", test_exit33_guest_suspects_only },
	{ "exit 34: the entry it names", test_exit34_entry },
	{ "link pointer 0 without memory", test_link_pointer_zero },
	{ "TRUE_ MSR missing: default1 bits every CPU keeps", test_true_msr_suspect },
	{ "TRUE_ MSR missing: the assumption holds on every profile",
	  test_true_assumption_every_profile },
	{ "no suspect when failures explain the outcome", test_no_suspect_when_failures_explain },
	CU_TEST_INFO_NULL,
};
