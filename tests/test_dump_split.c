/*
 * Where an input is cut into dumps, line by line: a state file is one input
 * whatever its lines look like; a log's "[drm]"-style prefixes are no state
 * file, so its dumps are still told apart.
 */
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/dump_stream.h"
#include "suites.h"

static unsigned splits(const char *const *lines)
{
	struct va_dump_splitter sp;
	unsigned n = 0;
	memset(&sp, 0, sizeof sp);
	for (; *lines; lines++)
		n += (unsigned)va_dump_split_line(&sp, *lines, strlen(*lines));
	return n;
}

static void test_state_file_is_whole(void)
{
	/* the same KVM marker twice, after a state file's first section header */
	const char *const lines[] = {
		"# a state file with a dump quoted in its comments\n", "\n", "[cpu]\n",
		"# *** Guest State ***\n", "[vmcs]\n", "GUEST_CR0 = 0x80050033\n",
		"# *** Guest State ***\n", "GUEST_CR0 = 0x80050033\n", NULL,
	};
	CU_ASSERT_EQUAL(splits(lines), 0);
}

static void test_log_prefix_is_no_state_file(void)
{
	const char *const lines[] = {
		"[drm] Initialized\n", "kvm_intel: *** Guest State ***\n", "kvm_intel: CR0: actual=0x1\n",
		"kvm_intel: *** Guest State ***\n", "kvm_intel: CR0: actual=0x2\n", NULL,
	};
	CU_ASSERT_EQUAL(splits(lines), 1);
}

static void test_header_with_text_is_no_state_file(void)
{
	/* "[vmcs] dumped:" is a log line, not a section header */
	const char *const lines[] = {
		"[vmcs] dumped:\n", "*** Guest State ***\n", "CR0: actual=0x1\n",
		"*** Guest State ***\n", NULL,
	};
	CU_ASSERT_EQUAL(splits(lines), 1);
}

CU_TestInfo tests_dump_split[] = {
	{ "a state file is never split", test_state_file_is_whole },
	{ "a log prefix in brackets is no state file", test_log_prefix_is_no_state_file },
	{ "a section name followed by text is no header", test_header_with_text_is_no_state_file },
	CU_TEST_INFO_NULL,
};
