#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/report/render.h"
#include "suites.h"

static void test_template(void)
{
	struct va_rule rule = {
		.id = "T.X", .sdm = "26.3.1.1",
		.message = "{f0} = {0}: {1:bits} must be 1; width {2:d}; {3:msr}; {field}; "
			   "{0:bits:CR4}",
		.fields = { FLD_GUEST_CR0 }, .field = FLD_HOST_CR4, .bitset = VA_BITS_CR0,
	};
	struct va_eval ev = { { 0x20, 0x80000001ull, 39, 0x486 }, 0, 0 };
	char buf[512];
	va_render_message(&rule, &ev, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "GUEST_CR0 = 0x20: bit 0 (PE), bit 31 (PG) must be 1; width 39; "
				    "IA32_VMX_CR0_FIXED0; HOST_CR4; bit 5 (PAE)");
	struct va_rule words = { .id = "T.Y", .sdm = "26.1", .message = "{0:entry:instruction}/{1:entry:launch_state}" };
	struct va_eval wv = { { VA_INSN_VMRESUME, VA_LAUNCH_CLEAR, 0, 0 }, 0, 0 };
	va_render_message(&words, &wv, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "vmresume/clear");
	struct va_rule bytes = { .id = "T.Z", .sdm = "26.1", .message = "{0:bytes}; {1:bytes}" };
	struct va_eval bv = { { 0x84, 0, 0, 0 }, 0, 0 };
	va_render_message(&bytes, &bv, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "byte 2, byte 7; no bytes");
	/* A short buffer truncates safely. */
	char small[8];
	va_render_message(&rule, &ev, small, sizeof small);
	CU_ASSERT_EQUAL(strlen(small), 7);
}

static void test_sdm_current(void)
{
	char buf[32];
	va_sdm_current("26.2.1.1", buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "29.2.1.1");
	va_sdm_current("26.3.1.5", buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "29.3.1.5");
	va_sdm_current("26.5", buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "29.6");
	va_sdm_current("26.1", buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "29.1");
}

static void test_verdict_sentences(void)
{
	char buf[256];
	struct va_verdict v = { .result = VA_RESULT_VMFAIL_VALID, .vm_instruction_error = 7 };
	va_render_verdict(&v, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "VM entry fails: VMfailValid, VM-instruction error 7 \xe2\x80\x94 "
				    "VM entry with invalid control field(s)");
	struct va_verdict e = { .result = VA_RESULT_ENTRY_FAILURE, .exit_reason = 33, .exit_qualification = 4 };
	va_render_verdict(&e, buf, sizeof buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "reason 33 (0x80000021)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "exit qualification 4"));
}

CU_TestInfo tests_render[] = {
	{ "message templates", test_template },
	{ "SDM numbering across editions", test_sdm_current },
	{ "verdict sentences", test_verdict_sentences },
	CU_TEST_INFO_NULL,
};
