/* Inputs as users have them: several pastes in one input, profiles and
 * their precedence, absent is not zero, import round trips, the observed
 * outcome. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/engine/audit.h"
#include "../auditor/input/import.h"
#include "../auditor/input/input.h"
#include "../auditor/input/load.h"
#include "../auditor/report/observed.h"
#include "../auditor/input/profiles.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"

/* Two pastes in one input: a WinDbg session and a KVM dump. */
static void test_several_pastes(void)
{
	size_t a, b;
	char *caps = reader_sample("caps/windbg_session_full.txt", &a);
	char *dump = reader_sample("dumps/kvm_6x_full.txt", &b);
	char *both = malloc(a + b + 1);
	CU_ASSERT_FATAL(both != NULL);
	memcpy(both, caps, a);
	memcpy(both + a, dump, b);
	static struct va_state st;
	struct va_import_notes notes = { 0 };
	struct va_error err = { 0 };
	va_state_init(&st);
	CU_ASSERT_EQUAL(va_import(&st, both, a + b, "both", NULL, &err, &notes), 0);
	CU_ASSERT(va_msr_known(&st, MSR_IA32_VMX_BASIC));
	CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_BASIC], 0x00da040000000004ull);
	CU_ASSERT_EQUAL(st.presence[FLD_GUEST_CR0], VA_SET);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR0], 0x80050033);
	va_state_release(&st);
	free(both);
	free(caps);
	free(dump);
}

/* A dump marks what it lacks absent; the rules reading it are unknown
 * ("not in the input"), never evaluated as 0. */
static void test_absent_is_not_zero(void)
{
	size_t n;
	char *dump = reader_sample("dumps/kvm_6x_full.txt", &n);
	static struct va_state st;
	static struct va_report r;
	const char *profiles[] = { "intel-skylake-i7-6700k" };
	struct va_load_options opt = { NULL, profiles, 1 };
	struct va_import_notes notes;
	struct va_error err;
	CU_ASSERT_FATAL(va_load_text(&st, dump, n, "dump", &opt, &notes, &err) == 0);
	/* dump_vmcs never prints the link pointer. */
	CU_ASSERT_EQUAL(st.presence[FLD_VMCS_LINK_POINTER], VA_ABSENT);
	va_audit(&st, &r);
	int index = va_rule_find("GUEST.LINKPTR.ALIGN");
	CU_ASSERT_FATAL(index >= 0);
	CU_ASSERT_EQUAL(r.status[index], VA_UNKNOWN);
	int found = 0;
	for (unsigned i = 0; i < r.n_findings; i++)
		if (r.findings[i].rule == (unsigned)index) {
			found = 1;
			CU_ASSERT_EQUAL(r.findings[i].eval.unknown, VA_UNK_FIELD);
			CU_ASSERT_EQUAL(r.findings[i].eval.unknown_arg, FLD_VMCS_LINK_POINTER);
		}
	CU_ASSERT(found);
	/* The dump's own outcome is compared with the prediction. */
	struct va_observed o;
	va_observe(&st, &r, &o);
	CU_ASSERT_EQUAL(o.kind, VA_OBSERVED_ENTRY_FAILURE);
	CU_ASSERT_EQUAL(o.exit_reason, 33);
	CU_ASSERT_PTR_NOT_NULL(strstr(o.sentence, "observed exit 33"));
	va_state_release(&st);
	free(dump);
}

/* Later profiles override earlier ones; the input overrides every profile. */
static void test_profile_precedence(void)
{
	static struct va_state st;
	const char *input = "[cpu]\nIA32_VMX_MISC = 0x1234\n[vmcs]\nGUEST_CR0 = 0x31\n";
	char path[] = "/tmp/vmcs-audit-test-profile-XXXXXX";
	int fd = mkstemp(path);
	CU_ASSERT_FATAL(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f, "msr[481] = 00000011`00000016\nmsr[485] = 00000000`00005678\n");
	fclose(f);
	const char *profiles[] = { "intel-skylake-i7-6700k", path };
	struct va_load_options opt = { NULL, profiles, 2 };
	struct va_import_notes notes;
	struct va_error err;
	CU_ASSERT_FATAL(va_load_text(&st, input, strlen(input), "in", &opt, &notes, &err) == 0);
	/* From the first profile only. */
	CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_BASIC], 0x00da040000000004ull);
	/* The second profile (a WinDbg paste) overrides the first. */
	CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_PINBASED_CTLS], 0x0000001100000016ull);
	/* The input overrides both. */
	CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_MISC], 0x1234);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR0], 0x31);
	va_state_release(&st);
	remove(path);

	/* No capability MSRs at all: the tool says how to provide them. */
	struct va_load_options none = { NULL, NULL, 0 };
	const char *bare = "[vmcs]\nGUEST_CR0 = 1\n";
	CU_ASSERT_FATAL(va_load_text(&st, bare, strlen(bare), "in", &none, &notes, &err) == 0);
	CU_ASSERT(notes.count >= 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(notes.text[0], "--profile"));
	va_state_release(&st);

	/* An unknown profile is an error that says what it expected. */
	const char *bad[] = { "no-such-cpu" };
	struct va_load_options badopt = { NULL, bad, 1 };
	CU_ASSERT_EQUAL(va_load_text(&st, "[vmcs]\n", 7, "in", &badopt, &notes, &err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "built-in profile"));
	va_state_release(&st);
}

/* What import writes, read back, means what the input meant. */
static void test_import_round_trip(void)
{
	const char *dumps[] = { "dumps/kvm_6x_full.txt", "dumps/xen_412_wrapped.txt",
				"dumps/haxm_linux.txt", "caps/vmxcap_current_coffeelake.txt" };
	for (size_t d = 0; d < sizeof dumps / sizeof dumps[0]; d++) {
		size_t n;
		char *text = reader_sample(dumps[d], &n);
		static struct va_state a, b;
		struct va_import_notes notes = { 0 };
		struct va_error err;
		va_state_init(&a);
		CU_ASSERT_FATAL(va_import(&a, text, n, dumps[d], NULL, &err, &notes) == 0);
		char *written = NULL;
		size_t wlen = 0;
		FILE *mem = open_memstream(&written, &wlen);
		CU_ASSERT_FATAL(mem != NULL);
		CU_ASSERT_EQUAL(va_state_write(mem, &a), 0);
		fclose(mem);
		va_state_init(&b);
		CU_ASSERT_EQUAL(va_state_read(&b, written, wlen, "written", &err), 0);
		CU_ASSERT_EQUAL(a.msr_present, b.msr_present);
		CU_ASSERT_EQUAL(memcmp(a.msr, b.msr, sizeof a.msr), 0);
		CU_ASSERT_EQUAL(a.absent_count, b.absent_count);
		int same = 1;
		for (unsigned f = 1; f < FLD_COUNT; f++) {
			unsigned pa = a.presence[f] == VA_UNSET ? VA_UNSET : a.presence[f];
			if (pa != b.presence[f] || a.field[f] != b.field[f])
				same = 0;
		}
		CU_ASSERT(same);
		CU_ASSERT_EQUAL(a.mem_count, b.mem_count);
		CU_ASSERT_EQUAL(a.entry_present, b.entry_present);
		va_state_release(&a);
		va_state_release(&b);
		free(written);
		free(text);
	}
}

/* Detection: a kind is named explicitly with --from and never second-guessed;
 * text nobody reads gets a clear error suggesting --from. */
static void test_detection(void)
{
	static struct va_state st;
	struct va_import_notes notes = { 0 };
	struct va_error err = { 0 };
	va_state_init(&st);
	CU_ASSERT_EQUAL(va_import(&st, "hello\nworld\n", 12, "x", NULL, &err, &notes), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "--from"));
	CU_ASSERT_EQUAL(va_import(&st, "[vmcs]\n", 7, "x", "no-such-kind", &err, &notes), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "unknown input kind"));
	va_state_release(&st);
	/* Every reader kind resolves, and every built-in profile reads. */
	size_t n;
	const struct va_reader *const *readers = va_readers(&n);
	CU_ASSERT(n >= 11);
	for (size_t i = 0; i < n; i++)
		CU_ASSERT_PTR_EQUAL(va_reader_by_kind(readers[i]->kind), readers[i]);
	CU_ASSERT_EQUAL(va_profile_count, 107);
	for (unsigned i = 0; i < va_profile_count; i++) {
		va_state_init(&st);
		int rc = va_import(&st, va_profiles[i].text, strlen(va_profiles[i].text),
				   va_profiles[i].name, "state", &err, &notes);
		if (rc)
			fprintf(stderr, "\n  profile %s: %s", va_profiles[i].name, err.message);
		CU_ASSERT_EQUAL(rc, 0);
		CU_ASSERT(va_msr_known(&st, MSR_IA32_VMX_BASIC) || !strcmp(va_profiles[i].name,
			  "intel-skylake-client-rayanfam-tutorial"));
		va_state_release(&st);
	}
}

CU_TestInfo tests_import[] = {
	{ "several pastes in one input", test_several_pastes },
	{ "absent is not zero; the observed outcome", test_absent_is_not_zero },
	{ "profiles: later over earlier, input over all", test_profile_precedence },
	{ "import writes what reads back the same", test_import_round_trip },
	{ "detection, --from, every profile reads", test_detection },
	CU_TEST_INFO_NULL,
};
