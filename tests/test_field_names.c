/*
 * Every name a field, an MSR or a fact goes by: each scheme's name of every
 * field reads back as that field (never another, never ambiguous), the
 * published spellings read, unknown and ambiguous names are told apart, and
 * the readers (state files, listings) accept them all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/field_names.h"
#include "../auditor/input/import.h"
#include "../auditor/input/state_file.h"
#include "../ui/commands.h"
#include "suites.h"

static void test_every_alias_reads_back(void)
{
	char name[160];
	unsigned bad = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		for (unsigned s = 0; s < VA_NAMES_COUNT; s++) {
			if (!va_field_alias((enum va_field)f, (enum va_name_scheme)s, name, sizeof name)) {
				CU_ASSERT(s == VA_NAMES_SHORT);   /* only guest fields have a short name */
				continue;
			}
			struct va_name_match m;
			int r = va_field_resolve(name, strlen(name), &m);
			if (r != VA_NAME_FOUND || m.field != (enum va_field)f || m.high) {
				if (bad++ < 20)
					fprintf(stderr, "\n  %s (%s of %s): %d -> %s / %s", name,
						va_name_scheme_label((enum va_name_scheme)s),
						va_field_name((enum va_field)f), r,
						m.field ? va_field_name(m.field) : "-",
						m.other ? va_field_name(m.other) : "-");
			}
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* Names as the published headers and the issue reports spell them. */
static void test_published_spellings(void)
{
	static const struct {
		const char *name;
		enum va_field f;
		int high;
	} cases[] = {
		{ "VMCS_GUEST_ES_ACCESS_RIGHTS", FLD_GUEST_ES_AR_BYTES, 0 },
		{ "VMCS_CTRL_PROCESSOR_BASED_VM_EXECUTION_CONTROLS", FLD_CPU_BASED_VM_EXEC_CONTROL, 0 },
		{ "VMCS_CTRL_SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS", FLD_SECONDARY_VM_EXEC_CONTROL, 0 },
		{ "VMCS_CTRL_VMENTRY_INTERRUPTION_INFORMATION_FIELD", FLD_VM_ENTRY_INTR_INFO_FIELD, 0 },
		{ "VMCS_CTRL_VMEXIT_MSR_STORE_ADDRESS", FLD_VM_EXIT_MSR_STORE_ADDR, 0 },
		{ "VMCS_CTRL_CR3_TARGET_VALUE_0", FLD_CR3_TARGET_VALUE0, 0 },
		{ "VMCS_GUEST_VMCS_LINK_POINTER", FLD_VMCS_LINK_POINTER, 0 },
		{ "VMCS_GUEST_INTERRUPTIBILITY_STATE", FLD_GUEST_INTERRUPTIBILITY_INFO, 0 },
		{ "VMCS_32BIT_GUEST_ES_ACCESS_RIGHTS", FLD_GUEST_ES_AR_BYTES, 0 },
		{ "VMCS_16BIT_GUEST_ES_SELECTOR", FLD_GUEST_ES_SELECTOR, 0 },
		{ "VMCS_32BIT_CONTROL_PROCESSOR_BASED_VMEXEC_CONTROLS", FLD_CPU_BASED_VM_EXEC_CONTROL, 0 },
		{ "VMCS_64BIT_GUEST_LINK_POINTER_HI", FLD_VMCS_LINK_POINTER, 1 },
		{ "VMCS_64BIT_CONTROL_EPTPTR", FLD_EPT_POINTER, 0 },
		{ "VMCS_32BIT_GUEST_IA32_SYSENTER_CS_MSR", FLD_GUEST_SYSENTER_CS, 0 },
		{ "Guest ES access rights", FLD_GUEST_ES_AR_BYTES, 0 },
		{ "Primary processor-based VM-execution controls", FLD_CPU_BASED_VM_EXEC_CONTROL, 0 },
		{ "Pin-based VM-execution controls", FLD_PIN_BASED_VM_EXEC_CONTROL, 0 },
		{ "VM-entry interruption-information field", FLD_VM_ENTRY_INTR_INFO_FIELD, 0 },
		{ "guest_es_access_rights", FLD_GUEST_ES_AR_BYTES, 0 },
		{ "kGuestEsArBytes", FLD_GUEST_ES_AR_BYTES, 0 },
		{ "kHostCr4", FLD_HOST_CR4, 0 },
		{ "kCpuBasedVmExecControl", FLD_CPU_BASED_VM_EXEC_CONTROL, 0 },
		{ "kIoBitmapAHigh", FLD_IO_BITMAP_A, 1 },
		{ "es selector", FLD_GUEST_ES_SELECTOR, 0 },
		{ "es base address", FLD_GUEST_ES_BASE, 0 },
		{ "es limit", FLD_GUEST_ES_LIMIT, 0 },
		{ "es rights", FLD_GUEST_ES_AR_BYTES, 0 },
		{ "guest cr0", FLD_GUEST_CR0, 0 },
		{ "host tr selector", FLD_HOST_TR_SELECTOR, 0 },
		{ "Guest-ES-Selector", FLD_GUEST_ES_SELECTOR, 0 },
		{ "GUEST_ES_SELECTOR", FLD_GUEST_ES_SELECTOR, 0 },
		{ "guest_es_selector", FLD_GUEST_ES_SELECTOR, 0 },
		{ "0x4814", FLD_GUEST_ES_AR_BYTES, 0 },
		{ "4814h", FLD_GUEST_ES_AR_BYTES, 0 },
		{ "0x2801", FLD_VMCS_LINK_POINTER, 1 },
		{ "GUEST_IA32_EFER_HIGH", FLD_GUEST_IA32_EFER, 1 },
		{ "VMCS_GUEST_IA32_EFER_FULL", FLD_GUEST_IA32_EFER, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct va_name_match m;
		int r = va_field_resolve(cases[i].name, strlen(cases[i].name), &m);
		if (r != VA_NAME_FOUND || m.field != cases[i].f || m.high != cases[i].high)
			fprintf(stderr, "\n  '%s': %d -> %s high %d", cases[i].name, r,
				m.field ? va_field_name(m.field) : "-", m.high);
		CU_ASSERT_EQUAL(r, VA_NAME_FOUND);
		CU_ASSERT_EQUAL(m.field, cases[i].f);
		CU_ASSERT_EQUAL(m.high, cases[i].high);
	}
	struct va_name_match m;
	/* a name a guest and a host field share: ambiguous, with both */
	CU_ASSERT_EQUAL(va_field_resolve("CR0", 3, &m), VA_NAME_AMBIGUOUS);
	CU_ASSERT(m.field == FLD_GUEST_CR0 && m.other == FLD_HOST_CR0);
	CU_ASSERT_EQUAL(va_field_resolve("IA32_EFER", 9, &m), VA_NAME_AMBIGUOUS);
	CU_ASSERT(m.field == FLD_GUEST_IA32_EFER && m.other == FLD_HOST_IA32_EFER);
	CU_ASSERT_EQUAL(va_field_resolve("es selector", 11, &m), VA_NAME_FOUND);   /* the guest's own */
	CU_ASSERT_EQUAL(va_field_resolve("GUEST_ES_SELECTR", 16, &m), VA_NAME_UNKNOWN);
	CU_ASSERT_EQUAL(va_field_resolve("0x4815", 6, &m), VA_NAME_UNKNOWN);    /* 32-bit: no high half */
	CU_ASSERT_EQUAL(va_field_resolve("GUEST_CR0_HIGH", 14, &m), VA_NAME_UNKNOWN);
}

static void test_msr_and_fact_spellings(void)
{
	static const char *const pin[] = { "IA32_VMX_PINBASED_CTL", "MSR_IA32_VMX_PINBASED_CTLS",
					   "IA32_VMX_PINBASED_CTLS", "ia32_vmx_pinbased_ctls", "0x481",
					   "481h", "Ia32VmxPinbasedCtls" };
	for (size_t i = 0; i < sizeof pin / sizeof pin[0]; i++) {
		int m = va_msr_resolve(pin[i], strlen(pin[i]));
		if (m != MSR_IA32_VMX_PINBASED_CTLS)
			fprintf(stderr, "\n  '%s' -> %d", pin[i], m);
		CU_ASSERT_EQUAL(m, MSR_IA32_VMX_PINBASED_CTLS);
	}
	CU_ASSERT_EQUAL(va_msr_resolve("IA32_VMX_PROCBASED_CTLS2", 24), MSR_IA32_VMX_PROCBASED_CTLS2);
	CU_ASSERT_EQUAL(va_msr_resolve("IA32_VMX_PROCBASED_CTL2", 23), MSR_IA32_VMX_PROCBASED_CTLS2);
	CU_ASSERT_EQUAL(va_msr_resolve("MSR_IA32_VMX_TRUE_PROCBASED_CTLS", 32), MSR_IA32_VMX_TRUE_PROCBASED_CTLS);
	CU_ASSERT_EQUAL(va_msr_resolve("0x48b", 5), MSR_IA32_VMX_PROCBASED_CTLS2);
	CU_ASSERT_EQUAL(va_msr_resolve("IA32_VMX_PINBASED", 17), -1);
	CU_ASSERT_EQUAL(va_msr_resolve("0x10", 4), -1);
	CU_ASSERT_EQUAL(va_fact_resolve("MAXPHYADDR", 10), FACT_MAXPHYADDR);
	CU_ASSERT_EQUAL(va_fact_resolve("linear-address-bits", 19), FACT_LINEAR_ADDRESS_BITS);
	CU_ASSERT_EQUAL(va_fact_resolve("LinearAddressBits", 17), FACT_LINEAR_ADDRESS_BITS);
	CU_ASSERT_EQUAL(va_fact_resolve("maxphys", 7), -1);
}

static int import_text(struct va_state *st, const char *text, struct va_error *err,
		       struct va_import_notes *notes, const char *kind)
{
	va_state_init(st);
	memset(err, 0, sizeof *err);
	memset(notes, 0, sizeof *notes);
	return va_import(st, text, strlen(text), "t", kind, err, notes);
}

/* Every scheme in a state file and in a listing; absent stays absent. */
static void test_schemes_in_readers(void)
{
	static struct va_state st;
	struct va_error err;
	struct va_import_notes notes;
	const char *state =
		"[cpu]\nMSR_IA32_VMX_PINBASED_CTLS = 0x0000007f00000016\nIA32_VMX_PROCBASED_CTL = 0xfff9fffe0401e172\n"
		"481h = ?\nMaxPhyAddr = 39\n"
		"[vmcs]\nVMCS_GUEST_ES_ACCESS_RIGHTS = 0xc093\n"
		"VMCS_CTRL_PROCESSOR_BASED_VM_EXECUTION_CONTROLS = 0xb5986dfa\n"
		"Guest CS access rights = 0xa09b\nkHostCr4 = 0x2620\nes selector = 0x10\n"
		"es base address = 0x0\nes limit = 0xffffffff\nguest cr0 = 0x80050033\n"
		"host tr selector = 0x40\nguest_ss_access_rights = 0xc093\n4816h = 0xa09b\n";
	int rc = import_text(&st, state, &err, &notes, NULL);
	CU_ASSERT_EQUAL_FATAL(rc, -1);   /* 481h given twice (as a name and a number) */
	CU_ASSERT_EQUAL(err.line, 4);

	state = "[cpu]\nMSR_IA32_VMX_PINBASED_CTLS = 0x0000007f00000016\nIA32_VMX_PROCBASED_CTL = 0xfff9fffe0401e172\n"
		"MaxPhyAddr = 39\n"
		"[vmcs]\nVMCS_GUEST_ES_ACCESS_RIGHTS = 0xc093\n"
		"VMCS_CTRL_PROCESSOR_BASED_VM_EXECUTION_CONTROLS = 0xb5986dfa\n"
		"Guest CS access rights = 0xa09b\nkHostCr4 = 0x2620\nes selector = 0x10\n"
		"es base address = 0x0\nes limit = 0xffffffff\nguest cr0 = 0x80050033\n"
		"host tr selector = 0x40\nguest_ss_access_rights = 0xc093\n";
	rc = import_text(&st, state, &err, &notes, NULL);
	if (rc)
		fprintf(stderr, "\n  %u:%u %s", err.line, err.column, err.message);
	CU_ASSERT_EQUAL_FATAL(rc, 0);
	CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_PINBASED_CTLS], 0x0000007f00000016ull);
	CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_PROCBASED_CTLS], 0xfff9fffe0401e172ull);
	CU_ASSERT_EQUAL(st.fact[FACT_MAXPHYADDR], 39);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_ES_AR_BYTES], 0xc093);
	CU_ASSERT_EQUAL(st.field[FLD_CPU_BASED_VM_EXEC_CONTROL], 0xb5986dfa);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CS_AR_BYTES], 0xa09b);
	CU_ASSERT_EQUAL(st.field[FLD_HOST_CR4], 0x2620);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_ES_SELECTOR], 0x10);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_ES_LIMIT], 0xffffffff);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR0], 0x80050033);
	CU_ASSERT_EQUAL(st.field[FLD_HOST_TR_SELECTOR], 0x40);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_SS_AR_BYTES], 0xc093);
	va_state_release(&st);

	/* the same field under two names is one field given twice */
	rc = import_text(&st, "[vmcs]\nGUEST_CR0 = 0x31\nguest cr0 = 0x31\n", &err, &notes, NULL);
	CU_ASSERT_EQUAL(rc, -1);
	CU_ASSERT_EQUAL(err.line, 3);
	va_state_release(&st);

	/* ambiguous: both fields named */
	rc = import_text(&st, "[vmcs]\nCR3 = 0x1000\n", &err, &notes, NULL);
	CU_ASSERT_EQUAL(rc, -1);
	CU_ASSERT(strstr(err.message, "ambiguous: it can name GUEST_CR3 or HOST_CR3") != NULL);
	va_state_release(&st);

	/* unknown: the nearest name; never ignored */
	rc = import_text(&st, "[vmcs]\nGUEST_ES_SELECTR = 0x10\n", &err, &notes, NULL);
	CU_ASSERT_EQUAL(rc, -1);
	CU_ASSERT(strstr(err.message, "did you mean GUEST_ES_SELECTOR") != NULL);
	va_state_release(&st);

	const char *listing = "VMCS_GUEST_ES_ACCESS_RIGHTS = 0xc093\n"
			      "kGuestCsArBytes: 0xa09b\n"
			      "guest cr0 = 0x80050033\n"
			      "VMCS_32BIT_GUEST_SS_ACCESS_RIGHTS(0x4818) 0xc093\n"
			      "0x681e GUEST_RIP 0xffff800012345678\n"
			      "GUEST_CR3(0x6802) = 0x1000\n"
			      "  Bits: PE PG\n";
	rc = import_text(&st, listing, &err, &notes, "listing");
	if (rc)
		fprintf(stderr, "\n  %u:%u %s", err.line, err.column, err.message);
	CU_ASSERT_EQUAL_FATAL(rc, 0);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_ES_AR_BYTES], 0xc093);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CS_AR_BYTES], 0xa09b);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR0], 0x80050033);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_SS_AR_BYTES], 0xc093);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_RIP], 0xffff800012345678ull);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR3], 0x1000);
	CU_ASSERT_EQUAL(st.presence[FLD_GUEST_CR4], VA_ABSENT);
	va_state_release(&st);
}

/* `fields SUBSTRING` output, captured. */
static char *fields_output(const char *want, int *rc)
{
	static char out[16384];
	char *argv[] = { "fields", (char *)want, NULL };
	FILE *tmp = tmpfile();
	CU_ASSERT_PTR_NOT_NULL_FATAL(tmp);
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	dup2(fileno(tmp), STDOUT_FILENO);
	*rc = va_cmd_fields(2, argv);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(tmp);
	size_t n = fread(out, 1, sizeof out - 1, tmp);
	out[n] = '\0';
	fclose(tmp);
	return out;
}

static void test_fields_command(void)
{
	int rc;
	char *out = fields_output("es_ar", &rc);
	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT(strstr(out, "GUEST_ES_AR_BYTES                0x4814  32      guest") != NULL);
	CU_ASSERT(strstr(out, "VMCS_GUEST_ES_ACCESS_RIGHTS") != NULL);
	CU_ASSERT(strstr(out, "Guest ES access rights") != NULL);
	CU_ASSERT(strstr(out, "kGuestEsArBytes") != NULL);
	CU_ASSERT(strstr(out, "GUEST_CS_AR_BYTES") == NULL);
	/* any scheme's spelling finds the field */
	out = fields_output("Guest ES access rights", &rc);
	CU_ASSERT(rc == 0 && strstr(out, "GUEST_ES_AR_BYTES") != NULL);
	out = fields_output("0x4002", &rc);
	CU_ASSERT(rc == 0 && strstr(out, "CPU_BASED_VM_EXEC_CONTROL") != NULL);
	out = fields_output("no-such-field-anywhere", &rc);
	CU_ASSERT_EQUAL(rc, 2);
}

CU_TestInfo tests_field_names[] = {
	{ "vmcs-audit fields", test_fields_command },
	{ "every scheme's name of every field reads back", test_every_alias_reads_back },
	{ "published spellings", test_published_spellings },
	{ "MSR and fact spellings", test_msr_and_fact_spellings },
	{ "every scheme in state files and listings", test_schemes_in_readers },
	CU_TEST_INFO_NULL,
};
