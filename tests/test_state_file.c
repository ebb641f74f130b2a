#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/state_file.h"
#include "suites.h"

static int read_text(struct va_state *st, const char *text, struct va_error *err)
{
	va_state_init(st);
	return va_state_read(st, text, strlen(text), "t.state", err);
}

static void test_values_and_sections(void)
{
	struct va_state st;
	struct va_error err;
	const char *text =
		"# comment\n[CPU]\nia32_vmx_basic = 0x00da0400`00000004 # trailing\n"
		"0x481 = 0000007f`00000016\nmaxphyaddr = 39\n"
		"[vmcs]\nGUEST_CR0 = 0x80000031\n0x6802 = 4096\nEPT_POINTER_HIGH = 0x1\n"
		"0x2001 = 0x2\nIO_BITMAP_A = 0x1000\nGUEST_RIP = ?\n"
		"[memory]\n0x1000 = 1 2 0x3\n[entry]\ninstruction = VMRESUME\ncpl = 0\n";
	CU_ASSERT_EQUAL_FATAL(read_text(&st, text, &err), 0);
	CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_BASIC], 0x00da040000000004ull);
	CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_PINBASED_CTLS], 0x0000007f00000016ull);
	CU_ASSERT(va_fact_known(&st, FACT_MAXPHYADDR));
	CU_ASSERT_EQUAL(st.fact[FACT_MAXPHYADDR], 39);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR0], 0x80000031);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR3], 4096);
	CU_ASSERT_EQUAL(st.field[FLD_EPT_POINTER], 0x100000000ull);
	CU_ASSERT_EQUAL(st.field[FLD_IO_BITMAP_A], 0x200001000ull);
	CU_ASSERT_EQUAL(st.presence[FLD_GUEST_RIP], VA_ABSENT);
	CU_ASSERT_EQUAL(st.absent_count, 1);
	CU_ASSERT_EQUAL(st.presence[FLD_GUEST_CR4], VA_UNSET);
	uint64_t q = 0;
	CU_ASSERT_EQUAL(va_mem_read64(&st, 0x1010, &q), 0);
	CU_ASSERT_EQUAL(q, 3);
	CU_ASSERT_EQUAL(va_mem_read64(&st, 0x1018, &q), -1);
	CU_ASSERT_EQUAL(st.entry[ENTRY_INSTRUCTION], VA_INSN_VMRESUME);
	va_state_release(&st);
}

static void test_overlay_overrides(void)
{
	struct va_state st;
	struct va_error err;
	CU_ASSERT_EQUAL_FATAL(read_text(&st, "[vmcs]\nGUEST_CR0 = 1\nGUEST_RIP = ?\n", &err), 0);
	const char *over = "[vmcs]\nGUEST_CR0 = 2\nGUEST_RIP = 5\n";
	CU_ASSERT_EQUAL(va_state_read(&st, over, strlen(over), "o", &err), 0);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR0], 2);
	CU_ASSERT_EQUAL(st.presence[FLD_GUEST_RIP], VA_SET);
	CU_ASSERT_EQUAL(st.absent_count, 0);
	va_state_release(&st);
}

struct bad_case {
	const char *text;
	unsigned line, column;
	const char *message_part;
};

static const struct bad_case bad_cases[] = {
	{ "[vmcs]\nGUEST_CRO = 1\n", 2, 1, "did you mean GUEST_CR0?" },
	{ "[vmcs]\nGUEST_CR0 = 1\nguest_cr0 = 2\n", 3, 1, "GUEST_CR0 is given twice" },
	{ "[vmcs]\nGUEST_CR0 = 0xzz\n", 2, 13, "'0xzz' is not a number" },
	{ "[vmcs]\nGUEST_CR0 = 12abc\n", 2, 13, "is not a number" },
	{ "[vmcs]\nGUEST_CS_SELECTOR = 0x10000\n", 2, 21, "does not fit in the 16-bit field" },
	{ "[vmcs]\nVM_ENTRY_CONTROLS = 0x100000000\n", 2, 21, "does not fit in 32 bits" },
	{ "[vmcs]\nGUEST_CR0 = 0x10000000000000000\n", 2, 13, "does not fit in 64 bits" },
	{ "[vmcs]\n0x6801 = 1\n", 2, 1, "no VMCS field has encoding 0x6801" },
	{ "[vmcs]\nGUEST_CR0_HIGH = 1\n", 2, 1, "not a 64-bit field" },
	{ "[vmcs]\nGUEST_CR0\n", 2, 1, "expected KEY = VALUE" },
	{ "[vmcs]\nGUEST_CR0 =\n", 2, 12, "missing value" },
	{ "GUEST_CR0 = 1\n", 1, 1, "before any section" },
	{ "[vmcss]\n", 1, 2, "unknown section [vmcss]" },
	{ "[cpu]\nIA32_VMX_BASIK = 1\n", 2, 1, "unknown [cpu] key 'IA32_VMX_BASIK'" },
	{ "[cpu]\n0x499 = 1\n", 2, 1, "not a VMX capability MSR" },
	{ "[cpu]\nmaxphyaddr = 64\n", 2, 14, "outside 32..52" },
	{ "[cpu]\nlinear_address_bits = 50\n", 2, 23, "must be 48 or 57" },
	{ "[memory]\n0x1004 = 1\n", 2, 1, "not 8-byte aligned" },
	{ "[memory]\n0x1000 = 1 x\n", 2, 12, "'x' is not a number" },
	{ "[entry]\ninstruction = vmcall\n", 2, 15, "expected one of the documented words" },
	{ "[entry]\ncpl = 4\n", 2, 7, "out of range" },
	{ "[entry]\nfoo = 1\n", 2, 1, "unknown [entry] key 'foo'" },
	{ "[vmcs]\nGUEST_CR0 = -1\n", 2, 13, "is not a number" },
};

static void test_bad_input(void)
{
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		struct va_state st;
		struct va_error err = { 0 };
		const struct bad_case *b = &bad_cases[i];
		int rc = read_text(&st, b->text, &err);
		CU_ASSERT_EQUAL(rc, -1);
		CU_ASSERT_STRING_EQUAL(err.file, "t.state");
		CU_ASSERT_EQUAL(err.line, b->line);
		CU_ASSERT_EQUAL(err.column, b->column);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.message, b->message_part));
		if (rc != -1 || err.line != b->line || err.column != b->column ||
		    !strstr(err.message, b->message_part))
			fprintf(stderr, "\n  case %zu: %u:%u %s", i, err.line, err.column, err.message);
		va_state_release(&st);
	}
}

CU_TestInfo tests_state_file[] = {
	{ "values, sections, halves, absent, memory", test_values_and_sections },
	{ "a later input overrides an earlier one", test_overlay_overrides },
	{ "bad input: file, line, column, message", test_bad_input },
	CU_TEST_INFO_NULL,
};
