/*
 * Values read exactly or not at all: every spelling of a number people
 * paste, state-file numbers that could be misread, repeated fields, and bad
 * values that name their line while the rest of the input is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/import.h"
#include "../auditor/input/state_file.h"
#include "../auditor/input/text_util.h"
#include "suites.h"

struct run {
	struct va_state st;
	struct va_error err;
	struct va_import_notes notes;
	int rc;
};

static struct run *run(const char *text, const char *kind)
{
	static struct run r;
	size_t len = strlen(text);
	char *copy = malloc(len ? len : 1);   /* no NUL after the text: ASan sees overreads */
	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	memcpy(copy, text, len);
	va_state_init(&r.st);
	memset(&r.err, 0, sizeof r.err);
	memset(&r.notes, 0, sizeof r.notes);
	r.rc = va_import(&r.st, copy, len, "t", kind, &r.err, &r.notes);
	free(copy);
	return &r;
}

static int has_note(const struct run *r, const char *part)
{
	for (unsigned i = 0; i < r->notes.count; i++)
		if (strstr(r->notes.text[i], part))
			return 1;
	return 0;
}

static void dump_notes(const struct run *r)
{
	for (unsigned i = 0; i < r->notes.count; i++)
		fprintf(stderr, "\n  note: %s", r->notes.text[i]);
	if (r->rc)
		fprintf(stderr, "\n  error %u:%u: %s", r->err.line, r->err.column, r->err.message);
}

static void test_number_spellings(void)
{
	static const struct {
		const char *text;
		int rc;
		uint64_t v;
	} cases[] = {
		{ "0x80050033", 0, 0x80050033 }, { "0X8005_0033", 0, 0x80050033 },
		{ "0x8005'0033", 0, 0x80050033 }, { "80050033h", 0, 0x80050033 },
		{ "80050033H", 0, 0x80050033 }, { "0x40h", 0, 0x40 }, { "0FFh", 0, 0xff },
		{ "00000000`80050033", 0, 0x80050033 }, { "0xAbCd", 0, 0xabcd },
		{ "1_000", 0, 1000 }, { "1'000", 0, 1000 }, { "42", 0, 42 },
		{ "_42", -1, 0 }, { "42_", -1, 0 }, { "0x_42", -1, 0 }, { "4__2", -1, 0 },
		{ "h", -1, 0 }, { "0x", -1, 0 }, { "12g", -1, 0 }, { "", -1, 0 },
		{ "0x1_0000_0000_0000_0000", -2, 0 }, { "18446744073709551616", -2, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint64_t v = 0;
		int rc = va_parse_u64(cases[i].text, strlen(cases[i].text), &v);
		if (rc != cases[i].rc || (rc == 0 && v != cases[i].v))
			fprintf(stderr, "\n  '%s': rc %d value 0x%llx", cases[i].text, rc, (unsigned long long)v);
		CU_ASSERT_EQUAL(rc, cases[i].rc);
		if (!rc)
			CU_ASSERT_EQUAL(v, cases[i].v);
	}
}

/* Each spelling in a listing reads the value exactly; absent stays absent. */
static void test_listing_spellings(void)
{
	struct run *r = run("GUEST_CR0 = 0x8005_0033\n"
			    "GUEST_CR3 = 0x1'0000\n"
			    "GUEST_CR4 = 2620h\n"
			    "GUEST_RIP = fffff804`7e0a1100\n"
			    "guest_rsp = 0XFFFF8000ABCD0000\n"
			    "GUEST_ES_SELECTOR = 0x40h\n", "listing");
	dump_notes(r);
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR0], 0x80050033);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR3], 0x10000);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR4], 0x2620);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_RIP], 0xfffff8047e0a1100ull);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_RSP], 0xffff8000abcd0000ull);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_ES_SELECTOR], 0x40);
	CU_ASSERT_EQUAL(r->st.presence[FLD_GUEST_CS_SELECTOR], VA_ABSENT);
	va_state_release(&r->st);
}

/* A value printed in two pieces is never read as its first piece. */
static void test_listing_split_value(void)
{
	struct run *r = run("GUEST_CR0 = 0x80050033\n"
			    "GUEST_RIP = 0xfffff804 7e0a1100\n"
			    "GUEST_RSP = 0x1000\n", "listing");
	dump_notes(r);
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.presence[FLD_GUEST_RIP], VA_ABSENT);
	CU_ASSERT(has_note(r, "line 2 (a value followed by more digits)"));
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_RSP], 0x1000);
	va_state_release(&r->st);
}

/* One bad value: its line is named, everything else is read. */
static void test_listing_bad_values(void)
{
	struct run *r = run("GUEST_CR0 = 0xzz\n"
			    "GUEST_CR3 = 0x1000\n"
			    "GUEST_CS_SELECTOR = 0x10000\n"
			    "GUEST_CR4 = (null)\n"
			    "GUEST_RIP = 0x2000\n", "listing");
	dump_notes(r);
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.presence[FLD_GUEST_CR0], VA_ABSENT);
	CU_ASSERT_EQUAL(r->st.presence[FLD_GUEST_CS_SELECTOR], VA_ABSENT);
	CU_ASSERT_EQUAL(r->st.presence[FLD_GUEST_CR4], VA_ABSENT);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR3], 0x1000);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_RIP], 0x2000);
	CU_ASSERT(has_note(r, "3 listing values were not read"));
	CU_ASSERT(has_note(r, "line 1 (not a number)"));
	CU_ASSERT(has_note(r, "line 3 (0x10000 is wider than the 16-bit field)"));
	CU_ASSERT(has_note(r, "line 4 (no number after the name)"));
	va_state_release(&r->st);
}

/* The same value again: nothing to say; another value: told, the later wins;
 * the first field again: the listing starts over. */
static void test_listing_repeats(void)
{
	struct run *r = run("GUEST_CR0 = 0x31\n"
			    "GUEST_CR3 = 0x1000\n"
			    "GUEST_CR3 = 0x1000\n"
			    "GUEST_CR4 = 0x2000\n"
			    "GUEST_CR4 = 0x2020\n", "listing");
	dump_notes(r);
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR3], 0x1000);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR4], 0x2020);
	CU_ASSERT(has_note(r, "1 field given again with another value"));
	CU_ASSERT(has_note(r, "GUEST_CR4 at line 5"));
	CU_ASSERT(!has_note(r, "GUEST_CR3"));
	va_state_release(&r->st);

	r = run("GUEST_CR0 = 0x31\nGUEST_CR3 = 0x1000\nGUEST_CR0 = 0x80000031\nGUEST_CR3 = 0x2000\n",
		"listing");
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR0], 0x31);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR3], 0x1000);
	CU_ASSERT(has_note(r, "more than one listing"));
	va_state_release(&r->st);
}

static struct run *state(const char *body)
{
	static char text[1024];
	snprintf(text, sizeof text, "[vmcs]\n%s", body);
	return run(text, NULL);
}

static void test_state_file_numbers(void)
{
	struct run *r = state("GUEST_CR0 = 0x8005_0033\nGUEST_CR4 = 2620h\nGUEST_RIP = fffff804`7e0a1100\n"
			      "GUEST_ES_SELECTOR = 8\n");
	dump_notes(r);
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR0], 0x80050033);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR4], 0x2620);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_RIP], 0xfffff8047e0a1100ull);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_ES_SELECTOR], 8);
	CU_ASSERT(!has_note(r, "decimal"));   /* 8 reads the same either way */
	va_state_release(&r->st);

	/* a leading zero: ambiguous, refused with the line */
	r = state("GUEST_CR0 = 0x31\nGUEST_ES_SELECTOR = 0040\n");
	CU_ASSERT_EQUAL(r->rc, -1);
	CU_ASSERT_EQUAL(r->err.line, 3);
	CU_ASSERT_EQUAL(r->err.column, 21);
	CU_ASSERT(strstr(r->err.message, "ambiguous") != NULL);
	va_state_release(&r->st);

	/* bare decimal: decimal, and listed with its hex */
	r = state("GUEST_CR0 = 80050033\nGUEST_CR3 = 0x1000\n");
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR0], 80050033);
	CU_ASSERT(has_note(r, "GUEST_CR0 = 80050033 (0x4c57771) at line 2"));
	va_state_release(&r->st);

	/* two pieces of a value */
	r = state("GUEST_RIP = 0xfffff804 7e0a1100\n");
	CU_ASSERT_EQUAL(r->rc, -1);
	CU_ASSERT_EQUAL(r->err.line, 2);
	CU_ASSERT(strstr(r->err.message, "followed by more digits") != NULL);
	va_state_release(&r->st);
}

/* A UTF-8 byte-order mark is not part of the first line. */
static void test_bom(void)
{
	struct run *r = run("\xef\xbb\xbf[vmcs]\nGUEST_CR0 = 0x31\n", NULL);
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR0], 0x31);
	va_state_release(&r->st);
	r = run("\xef\xbb\xbfGUEST_CR0 = 0x31\nGUEST_CR3 = 0x1000\nGUEST_CR4 = 0x2000\n", NULL);
	dump_notes(r);
	CU_ASSERT_EQUAL_FATAL(r->rc, 0);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR0], 0x31);
	va_state_release(&r->st);
	struct va_state st;
	struct va_error err = { 0 };
	va_state_init(&st);
	const char *t = "\xef\xbb\xbf[vmcs]\nGUEST_CR0 = 0x31\n";
	CU_ASSERT_EQUAL(va_state_read(&st, t, strlen(t), "t", &err), 0);
	CU_ASSERT_EQUAL(st.field[FLD_GUEST_CR0], 0x31);
	va_state_release(&st);
}

CU_TestInfo tests_readers_values[] = {
	{ "number spellings", test_number_spellings },
	{ "listing: every spelling read exactly", test_listing_spellings },
	{ "listing: a value in two pieces is not cut", test_listing_split_value },
	{ "listing: bad values name their line, the rest is read", test_listing_bad_values },
	{ "listing: repeated fields", test_listing_repeats },
	{ "state file: ambiguous and decimal numbers", test_state_file_numbers },
	{ "byte-order mark ignored", test_bom },
	CU_TEST_INFO_NULL,
};
