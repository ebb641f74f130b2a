/*
 * The decoration around pasted lines: debug-print prefixes, DebugView
 * columns, quoting, a driver's own "name: " prefix, a WinDbg session
 * flattened onto one line, vmxcap output whose first title shares a line
 * with the command.  Each reads exactly as the plain text does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/import.h"
#include "../auditor/input/input.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"

static struct va_state a, b;

static int import(struct va_state *st, const char *text, size_t len, const char *kind)
{
	struct va_error err = { 0 };
	struct va_import_notes notes = { 0 };
	char *copy = malloc(len ? len : 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	memcpy(copy, text, len);
	va_state_init(st);
	int rc = va_import(st, copy, len, "t", kind, &err, &notes);
	if (rc)
		fprintf(stderr, "\n  %u:%u %s", err.line, err.column, err.message);
	free(copy);
	return rc;
}

static int same(const struct va_state *x, const struct va_state *y)
{
	int ok = x->msr_present == y->msr_present;
	for (unsigned m = 0; m < MSR_COUNT; m++)
		ok &= !(x->msr_present & (1u << m)) || x->msr[m] == y->msr[m];
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (x->presence[f] != y->presence[f] || (x->presence[f] == VA_SET && x->field[f] != y->field[f])) {
			fprintf(stderr, "\n  %s differs", va_field_name((enum va_field)f));
			ok = 0;
		}
	}
	return ok;
}

/* The same listing under every decoration. */
static void test_listing_decorations(void)
{
	static const char plain[] = "GUEST_CR0 = 0x80050033\nGUEST_CR3 = 0x1000\nGUEST_RIP = 0xfff0\n";
	static const char *const decorated[] = {
		"[*] GUEST_CR0 = 0x80050033\n[+] GUEST_CR3 = 0x1000\n[-] GUEST_RIP = 0xfff0\n",
		"00000012\t0.00123456\tGUEST_CR0 = 0x80050033\n00000013\t0.00123501\tGUEST_CR3 = 0x1000\n"
		"00000014\t0.00123502\tGUEST_RIP = 0xfff0\n",
		"myhv: GUEST_CR0 = 0x80050033\nmyhv: GUEST_CR3 = 0x1000\nmyhv: GUEST_RIP = 0xfff0\n",
		"[  12.3] myhv: GUEST_CR0 = 0x80050033\n[  12.3] myhv: GUEST_CR3 = 0x1000\n"
		"[  12.4] myhv: GUEST_RIP = 0xfff0\n",
		"| GUEST_CR0 = 0x80050033\n| GUEST_CR3 = 0x1000\n| GUEST_RIP = 0xfff0\n",
		"> > GUEST_CR0 = 0x80050033\n>   GUEST_CR3 = 0x1000\n> GUEST_RIP = 0xfff0\n",
		"[!] GUEST_CR0 = 0x80050033\n[*] GUEST_CR3 = 0x1000\n[*] GUEST_RIP = 0xfff0\n",
	};
	CU_ASSERT_EQUAL_FATAL(import(&a, plain, strlen(plain), NULL), 0);
	for (size_t i = 0; i < sizeof decorated / sizeof decorated[0]; i++) {
		int rc = import(&b, decorated[i], strlen(decorated[i]), NULL);
		if (rc)
			fprintf(stderr, " (case %zu)", i);
		CU_ASSERT_EQUAL(rc, 0);
		CU_ASSERT(same(&a, &b));
		va_state_release(&b);
	}
	va_state_release(&a);
}

/* A WinDbg session flattened onto one line reads as the session. */
static void test_windbg_flattened(void)
{
	static const char lines[] = "lkd> rdmsr 0x480\nmsr[480] = 00da0400`00000012\n"
				    "lkd> rdmsr 0x481\nmsr[481] = 0000007f`00000016\n"
				    "0: kd> rdmsr 48b\nmsr[48b] = 005fffff`00000000\n";
	static const char flat[] = "lkd> rdmsr 0x480 msr[480] = 00da0400`00000012 lkd> rdmsr 0x481 "
				   "msr[481] = 0000007f`00000016 0: kd> rdmsr 48b msr[48b] = 005fffff`00000000\n";
	CU_ASSERT_EQUAL_FATAL(import(&a, lines, strlen(lines), NULL), 0);
	CU_ASSERT_EQUAL_FATAL(import(&b, flat, strlen(flat), NULL), 0);
	CU_ASSERT(va_msr_known(&b, MSR_IA32_VMX_PINBASED_CTLS));
	CU_ASSERT_EQUAL(b.msr[MSR_IA32_VMX_PINBASED_CTLS], 0x0000007f00000016ull);
	CU_ASSERT(same(&a, &b));
	va_state_release(&a);
	va_state_release(&b);
}

/* vmxcap whose first title shares a line with the command. */
static void test_vmxcap_command_line(void)
{
	size_t len;
	char *text = reader_sample("caps/vmxcap_current_coffeelake.txt", &len);
	const char *title = strstr(text, "Basic VMX Information");
	CU_ASSERT_FATAL(title != NULL);
	size_t at = (size_t)(title - text);
	static const char cmd[] = "user@host:~$ sudo ./scripts/kvm/vmxcap ";
	char *joined = malloc(len + sizeof cmd);
	CU_ASSERT_PTR_NOT_NULL_FATAL(joined);
	memcpy(joined, text, at);
	memcpy(joined + at, cmd, sizeof cmd - 1);
	memcpy(joined + at + sizeof cmd - 1, text + at, len - at);
	CU_ASSERT_EQUAL_FATAL(import(&a, text, len, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(import(&b, joined, len + sizeof cmd - 1, NULL), 0);
	CU_ASSERT(va_msr_known(&b, MSR_IA32_VMX_BASIC));
	CU_ASSERT(same(&a, &b));
	va_state_release(&a);
	va_state_release(&b);
	free(joined);
	free(text);
}

/* HAXM's panic line with TR's access rights, printed before its dump. */
static void test_haxm_tr_line(void)
{
	size_t len;
	char *text = reader_sample("dumps/haxm_linux.txt", &len);
	char *at = strstr(text, "4822 GUEST_TR_AR: 8b");
	CU_ASSERT_FATAL(at != NULL);
	memcpy(at, "9999 NOT_A_FIELD: 8b", 20);   /* the dump without TR's rights */
	struct va_error err = { 0 };
	struct va_import_notes notes = { 0 };
	va_state_init(&a);
	CU_ASSERT_EQUAL_FATAL(va_import(&a, text, len, "t", NULL, &err, &notes), 0);
	CU_ASSERT_EQUAL(a.presence[FLD_GUEST_TR_AR_BYTES], VA_SET);
	CU_ASSERT_EQUAL(a.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	int noted = 0;
	for (unsigned i = 0; i < notes.count; i++)
		noted |= strstr(notes.text[i], "'vcpu->tr' line 2") != NULL;
	CU_ASSERT(noted);
	va_state_release(&a);
	free(text);
}

CU_TestInfo tests_readers_prefixes[] = {
	{ "HAXM's vcpu->tr line", test_haxm_tr_line },
	{ "listing under debug prefixes, DebugView, quoting, module names", test_listing_decorations },
	{ "WinDbg session flattened onto one line", test_windbg_flattened },
	{ "vmxcap title on the command's line", test_vmxcap_command_line },
	CU_TEST_INFO_NULL,
};
