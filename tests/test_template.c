/* Every built-in profile x every mode: the template audits as success with
 * no failure and nothing unknown, or the builder says which capability
 * keeps it from that mode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/engine/audit.h"
#include "../auditor/input/profiles.h"
#include "../auditor/input/state_file.h"
#include "../auditor/input/template.h"
#include "suites.h"

/* A refusal names what is missing: a capability MSR, a control's
 * capability bit, or a [cpu] fact. */
static int names_a_capability(const char *msg)
{
	return strstr(msg, "IA32_VMX_") || strstr(msg, "[cpu]");
}

static void test_every_profile_every_mode(void)
{
	struct va_state *cpu = malloc(sizeof *cpu);
	struct va_template *t = malloc(sizeof *t);
	struct va_report *rep = malloc(sizeof *rep);
	CU_ASSERT_FATAL(cpu && t && rep);
	unsigned built = 0, refused = 0;
	for (unsigned p = 0; p < va_profile_count; p++) {
		struct va_error err = { 0 };
		va_state_init(cpu);
		CU_ASSERT_FATAL(va_state_read(cpu, va_profiles[p].text, strlen(va_profiles[p].text),
					      va_profiles[p].name, &err) == 0);
		for (unsigned m = 0; va_template_mode_at(m); m++) {
			if (va_template_build(t, cpu, (enum va_template_mode)m, 0, va_profiles[p].name, &err)) {
				refused++;
				if (!names_a_capability(err.message))
					fprintf(stderr, "\n  %s %s: %s", va_profiles[p].name,
						va_template_mode_at(m)->name, err.message);
				CU_ASSERT(names_a_capability(err.message));
				continue;
			}
			built++;
			va_audit(&t->st, rep);
			if (rep->verdict.result != VA_RESULT_SUCCESS || rep->count[VA_FAIL] ||
			    rep->count[VA_UNKNOWN])
				fprintf(stderr, "\n  %s %s: %u failed, %u unknown", va_profiles[p].name,
					va_template_mode_at(m)->name, rep->count[VA_FAIL], rep->count[VA_UNKNOWN]);
			CU_ASSERT_EQUAL(rep->verdict.result, VA_RESULT_SUCCESS);
			CU_ASSERT_EQUAL(rep->count[VA_FAIL], 0);
			CU_ASSERT_EQUAL(rep->count[VA_UNKNOWN], 0);
			va_state_release(&t->st);
		}
		va_state_release(cpu);
	}
	fprintf(stderr, "\n  %u templates built and passing, %u refused with the capability named ",
		built, refused);
	/* The repository's profiles are mostly 64-bit CPUs with VMX: most of
	 * the matrix must build. */
	CU_ASSERT(built > refused);
	free(cpu);
	free(t);
	free(rep);
}

/* The written file reads back to the same state, still passing. */
static void test_written_file_reads_back(void)
{
	struct va_state *cpu = malloc(sizeof *cpu), *back = malloc(sizeof *back);
	struct va_template *t = malloc(sizeof *t);
	struct va_report *rep = malloc(sizeof *rep);
	struct va_error err = { 0 };
	const struct va_profile *p = va_profile_find("intel-skylake-i7-6700k");
	CU_ASSERT_FATAL(cpu && back && t && rep && p);
	va_state_init(cpu);
	CU_ASSERT_FATAL(va_state_read(cpu, p->text, strlen(p->text), p->name, &err) == 0);
	for (unsigned m = 0; va_template_mode_at(m); m++) {
		uint32_t feats = 1u << va_template_feature_by_name("vpid", 4);
		if (va_template_build(t, cpu, (enum va_template_mode)m, feats, p->name, &err))
			continue;
		char *text = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&text, &len);
		CU_ASSERT_FATAL(f != NULL);
		CU_ASSERT_EQUAL(va_template_write(f, t), 0);
		fclose(f);
		/* Every written field carries its reason. */
		CU_ASSERT(strstr(text, "(no comment)") == NULL);
		va_state_init(back);
		CU_ASSERT_EQUAL_FATAL(va_state_read(back, text, len, "template", &err), 0);
		for (unsigned i = 1; i < FLD_COUNT; i++)
			CU_ASSERT_EQUAL(back->field[i], t->st.field[i]);
		CU_ASSERT_EQUAL(back->mem_count, t->st.mem_count);
		va_audit(back, rep);
		CU_ASSERT_EQUAL(rep->verdict.result, VA_RESULT_SUCCESS);
		CU_ASSERT_EQUAL(rep->count[VA_UNKNOWN], 0);
		va_state_release(back);
		va_state_release(&t->st);
		free(text);
	}
	va_state_release(cpu);
	free(cpu);
	free(back);
	free(t);
	free(rep);
}

/* Modes and features the CPU lacks are refused, naming the capability bit. */
static void test_refusals_name_the_bit(void)
{
	struct va_state *cpu = malloc(sizeof *cpu);
	struct va_template *t = malloc(sizeof *t);
	struct va_error err = { 0 };
	CU_ASSERT_FATAL(cpu && t);
	const struct va_profile *p = va_profile_find("intel-skylake-i7-6700k");
	CU_ASSERT_FATAL(p != NULL);
	va_state_init(cpu);
	CU_ASSERT_FATAL(va_state_read(cpu, p->text, strlen(p->text), p->name, &err) == 0);
	/* Skylake client has no APIC-register virtualization. */
	uint32_t apicv = 1u << va_template_feature_by_name("apicv", 5);
	CU_ASSERT_EQUAL(va_template_build(t, cpu, VA_TM_LONG, apicv, p->name, &err), -1);
	CU_ASSERT(strstr(err.message, "IA32_VMX_PROCBASED_CTLS2 bit 40") != NULL);
	/* Without unrestricted guest there is no real mode, and an AP waits for
	 * its SIPI in virtual-8086 mode. */
	cpu->msr[MSR_IA32_VMX_PROCBASED_CTLS2] &= ~(1ull << 39);
	CU_ASSERT_EQUAL(va_template_build(t, cpu, VA_TM_REAL, 0, p->name, &err), -1);
	CU_ASSERT(strstr(err.message, "bit 39") != NULL);
	CU_ASSERT_EQUAL_FATAL(va_template_build(t, cpu, VA_TM_WAIT_SIPI, 0, p->name, &err), 0);
	CU_ASSERT_EQUAL(t->st.field[FLD_GUEST_ACTIVITY_STATE], 3);
	CU_ASSERT(t->st.field[FLD_GUEST_RFLAGS] & (1u << 17));
	va_state_release(&t->st);
	/* A profile without the fixed-bit MSRs cannot give a certain result. */
	cpu->msr_present &= ~(1u << MSR_IA32_VMX_CR0_FIXED0);
	CU_ASSERT_EQUAL(va_template_build(t, cpu, VA_TM_LONG, 0, p->name, &err), -1);
	CU_ASSERT(strstr(err.message, "IA32_VMX_CR0_FIXED0") != NULL);
	va_state_release(cpu);
	free(cpu);
	free(t);
}

/* What the rules decide is set by their repairs and named in the comment. */
static void test_rules_decide_dependencies(void)
{
	struct va_state *cpu = malloc(sizeof *cpu);
	struct va_template *t = malloc(sizeof *t);
	struct va_error err = { 0 };
	CU_ASSERT_FATAL(cpu && t);
	const struct va_profile *p = va_profile_find("intel-icelake-client-i7-1065g7");
	CU_ASSERT_FATAL(p != NULL);
	va_state_init(cpu);
	CU_ASSERT_FATAL(va_state_read(cpu, p->text, strlen(p->text), p->name, &err) == 0);
	uint32_t pi = 1u << va_template_feature_by_name("posted-interrupts", 17);
	CU_ASSERT_EQUAL_FATAL(va_template_build(t, cpu, VA_TM_LONG, pi, p->name, &err), 0);
	/* Posted interrupts need "acknowledge interrupt on exit": a rule says so. */
	CU_ASSERT(t->st.field[FLD_VM_EXIT_CONTROLS] & (1u << 15));
	CU_ASSERT(strstr(t->why[FLD_VM_EXIT_CONTROLS], "CTL.EXEC.PI_NEEDS_ACK_INTR") != NULL);
	/* CR4.VMXE comes from IA32_VMX_CR4_FIXED0 through GUEST.CR4.FIXED0. */
	CU_ASSERT(t->st.field[FLD_GUEST_CR4] & (1u << 13));
	CU_ASSERT(strstr(t->why[FLD_GUEST_CR4], "GUEST.CR4.FIXED0") != NULL);
	va_state_release(&t->st);
	va_state_release(cpu);
	free(cpu);
	free(t);
}

CU_TestInfo tests_template[] = {
	{ "every profile x every mode passes or names the capability", test_every_profile_every_mode },
	{ "the written template reads back and passes", test_written_file_reads_back },
	{ "refusals name the capability bit", test_refusals_name_the_bit },
	{ "rules decide dependencies and say so", test_rules_decide_dependencies },
	CU_TEST_INFO_NULL,
};
