/*
 * import's record of where each value came from: the input or profile and
 * the line, and the outcome observed at the time of the dump in the header.
 */
#define _GNU_SOURCE /* open_memstream */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/input.h"
#include "../auditor/input/load.h"
#include "../auditor/input/provenance.h"
#include "../auditor/input/state_file.h"
#include "suites.h"

static void test_values_name_their_line(void)
{
	size_t len;
	char *dump;
	struct va_error err = { 0 };
	CU_ASSERT_FATAL(va_read_input(VA_SOURCE_DIR "/tests/readers/dumps/kvm_6x_full.txt", &dump, &len, &err) == 0);
	static struct va_state st;
	static struct va_import_notes notes;
	static struct va_provenance prov;
	const char *profiles[] = { "intel-alderlake-i5-12400" };
	struct va_load_options opt = { .profiles = profiles, .profile_count = 1 };
	memset(&prov, 0, sizeof prov);
	va_provenance_begin(&prov);
	int rc = va_load_text(&st, dump, len, "kvm.txt", &opt, &notes, &err);
	va_provenance_end();
	CU_ASSERT_EQUAL_FATAL(rc, 0);
	CU_ASSERT_STRING_EQUAL(prov.field_src[FLD_GUEST_CR0], "kvm.txt");
	CU_ASSERT_EQUAL(prov.field_line[FLD_GUEST_CR0], 4);
	CU_ASSERT_EQUAL(prov.field_line[FLD_GUEST_CR3], 6);
	CU_ASSERT_EQUAL(prov.field_line[FLD_GUEST_RIP], 9);
	CU_ASSERT_EQUAL(prov.field_line[FLD_GUEST_CS_AR_BYTES], 12);
	CU_ASSERT_PTR_NOT_NULL_FATAL(prov.msr_src[MSR_IA32_VMX_BASIC]);
	CU_ASSERT_STRING_EQUAL(prov.msr_src[MSR_IA32_VMX_BASIC], "profile intel-alderlake-i5-12400");

	char *text = NULL;
	size_t tlen = 0;
	FILE *mem = open_memstream(&text, &tlen);
	CU_ASSERT_PTR_NOT_NULL_FATAL(mem);
	CU_ASSERT_EQUAL(va_state_write_annotated(mem, &st, &prov), 0);
	fclose(mem);
	CU_ASSERT(strstr(text, "# imported by vmcs-audit from: profile intel-alderlake-i5-12400, kvm.txt\n") != NULL);
	CU_ASSERT(strstr(text, "# observed at the time of the dump") != NULL);
	CU_ASSERT(strstr(text, "VM_EXIT_REASON = 0x80000021 (VM-entry failure)") != NULL);
	CU_ASSERT(strstr(text, "GUEST_CR0 = 0x0000000080050033  # kvm.txt:4\n") != NULL);
	CU_ASSERT(strstr(text, "IA32_VMX_BASIC = ") != NULL);
	CU_ASSERT(strstr(text, "  # profile intel-alderlake-i5-12400:") != NULL);

	/* what it wrote reads back as the same state: the comments change nothing */
	static struct va_state back;
	va_state_init(&back);
	CU_ASSERT_EQUAL(va_state_read(&back, text, tlen, "annotated", &err), 0);
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		CU_ASSERT_EQUAL(back.presence[f], st.presence[f]);
		CU_ASSERT_EQUAL(back.field[f], st.field[f]);
	}
	CU_ASSERT_EQUAL(back.msr_present, st.msr_present);
	va_state_release(&back);
	va_state_release(&st);
	free(text);
	free(dump);
}

/* Off unless asked for: loading records nothing and costs nothing. */
static void test_off_by_default(void)
{
	static struct va_provenance prov;
	static struct va_state st;
	struct va_error err = { 0 };
	memset(&prov, 0, sizeof prov);
	va_provenance_begin(&prov);
	va_provenance_end();
	const char *t = "[vmcs]\nGUEST_CR0 = 0x31\n";
	va_state_init(&st);
	CU_ASSERT_EQUAL(va_state_read(&st, t, strlen(t), "t", &err), 0);
	CU_ASSERT_PTR_NULL(prov.field_src[FLD_GUEST_CR0]);
	CU_ASSERT_EQUAL(prov.field_line[FLD_GUEST_CR0], 0);
	va_state_release(&st);
}

CU_TestInfo tests_provenance[] = {
	{ "each value names its input and line", test_values_name_their_line },
	{ "off by default", test_off_by_default },
	CU_TEST_INFO_NULL,
};
