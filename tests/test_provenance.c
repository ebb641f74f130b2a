/*
 * import's record of where each value came from: the input or profile and
 * the line, and the outcome observed at the time of the dump under
 * [observed], which check reads back and labels as of the dump.
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
#include "../auditor/report/observed.h"
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
	/* the outcome is under [observed], after [vmcs], with its line; not in [vmcs] */
	const char *obs = strstr(text, "\n[observed]\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(obs);
	CU_ASSERT(strstr(obs, "\nVM_EXIT_REASON = 0x80000021  # kvm.txt:52\n") != NULL);
	CU_ASSERT(strstr(obs, "\nEXIT_QUALIFICATION = ") != NULL);
	const char *reason = strstr(text, "VM_EXIT_REASON = 0x");
	CU_ASSERT(reason > obs);
	CU_ASSERT(strstr(text, "GUEST_CR0 = 0x0000000080050033  # kvm.txt:4\n") != NULL);
	CU_ASSERT(strstr(text, "IA32_VMX_BASIC = ") != NULL);
	CU_ASSERT(strstr(text, "  # profile intel-alderlake-i5-12400:") != NULL);

	/* what it wrote reads back as the same state: the comments change nothing;
	 * the notes say where the outcome was recorded */
	static struct va_state back;
	static struct va_import_notes back_notes;
	struct va_load_options none = { 0 };
	CU_ASSERT_EQUAL(va_load_text(&back, text, tlen, "annotated", &none, &back_notes, &err), 0);
	CU_ASSERT(back_notes.observed_line > 0);
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

static const char edited[] =
	"[vmcs]\nGUEST_CR0 = 0x31\n"
	"[observed]\n"
	"VM_EXIT_REASON = 0x80000021  # dmesg:52\n"
	"exit qualification = 4\n";

/* check on an imported state: the outcome is labelled as of the dump, and
 * the comparison is with the values as they are now. */
static void test_observed_labelled(void)
{
	static struct va_state st;
	static struct va_import_notes notes;
	static struct va_report r;
	struct va_load_options opt = { 0 };
	struct va_error err = { 0 };
	struct va_observed o;
	CU_ASSERT_EQUAL_FATAL(va_load_text(&st, edited, strlen(edited), "e", &opt, &notes, &err), 0);
	CU_ASSERT_EQUAL(notes.observed_line, 3);
	CU_ASSERT_EQUAL(st.field[FLD_VM_EXIT_REASON], 0x80000021);
	CU_ASSERT_EQUAL(st.field[FLD_EXIT_QUALIFICATION], 4);
	va_audit(&st, &r);
	va_observe_input(&st, &notes, &r, &o);
	CU_ASSERT_EQUAL(o.kind, VA_OBSERVED_ENTRY_FAILURE);
	CU_ASSERT_EQUAL(o.recorded, 3);
	CU_ASSERT(strstr(o.sentence, "observed at the time of the dump ([observed], line 3): exit 33 / "
			 "qualification 4; the prediction for the values as they are now") != NULL);
	/* the same outcome in [vmcs] (a raw dump, a hand-written state) is not labelled */
	va_observe(&st, &r, &o);
	CU_ASSERT_EQUAL(o.recorded, 0);
	CU_ASSERT(strncmp(o.sentence, "observed exit 33 / qualification 4", 34) == 0);
	va_state_release(&st);
	const char *raw = "[vmcs]\nGUEST_CR0 = 0x31\nVM_EXIT_REASON = 0x80000021\n";
	CU_ASSERT_EQUAL_FATAL(va_load_text(&st, raw, strlen(raw), "r", &opt, &notes, &err), 0);
	CU_ASSERT_EQUAL(notes.observed_line, 0);
	va_observe_input(&st, &notes, &r, &o);
	CU_ASSERT_EQUAL(o.recorded, 0);
	va_state_release(&st);
}

/* [observed] takes the outcome fields only, once, and names the line. */
static void test_observed_errors(void)
{
	static struct va_state st;
	struct va_error err = { 0 };
	const char *other = "[vmcs]\nGUEST_CR0 = 0x31\n[observed]\nGUEST_CR3 = 0x1000\n";
	va_state_init(&st);
	CU_ASSERT_EQUAL(va_state_read(&st, other, strlen(other), "o", &err), -1);
	CU_ASSERT_EQUAL(err.line, 4);
	CU_ASSERT(strstr(err.message, "not an outcome [observed] records") != NULL);
	va_state_release(&st);
	const char *twice = "[vmcs]\nVM_EXIT_REASON = 0x80000021\n[observed]\nVM_EXIT_REASON = 0x80000021\n";
	CU_ASSERT_EQUAL(va_state_read(&st, twice, strlen(twice), "t", &err), -1);
	CU_ASSERT_EQUAL(err.line, 4);
	CU_ASSERT(strstr(err.message, "given twice") != NULL);
	va_state_release(&st);
	const char *wide = "[observed]\nVM_EXIT_REASON = 0x180000021\n";
	CU_ASSERT_EQUAL(va_state_read(&st, wide, strlen(wide), "w", &err), -1);
	CU_ASSERT_EQUAL(err.line, 2);
	va_state_release(&st);
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
	{ "[observed] is labelled as of the dump", test_observed_labelled },
	{ "[observed] errors name the line", test_observed_errors },
	CU_TEST_INFO_NULL,
};
