/* The command line's lookups: rules by id in any case and by prefix, the
 * nearest id, the rules filter, profile suggestions and what a profile
 * lacks, the option table; and that the man page documents every option. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/profiles.h"
#include "../auditor/report/rule_match.h"
#include "../ui/usage.h"
#include "suites.h"

static void test_rules_by_id(void)
{
	unsigned idx[VA_MAX_RULES];
	/* Exact, in any case: that rule alone, even where it is a prefix of others. */
	CU_ASSERT_EQUAL(va_rules_by_id("ctl.exec.vpid_nonzero", idx, VA_MAX_RULES), 1);
	CU_ASSERT_STRING_EQUAL(va_rule_at(idx[0])->id, "CTL.EXEC.VPID_NONZERO");
	/* A prefix lists every rule it starts, in table order. */
	unsigned n = va_rules_by_id("GUEST.RFLAGS", idx, VA_MAX_RULES);
	CU_ASSERT(n >= 4);
	for (unsigned i = 0; i < n; i++) {
		CU_ASSERT_EQUAL(strncmp(va_rule_at(idx[i])->id, "GUEST.RFLAGS", 12), 0);
		if (i)
			CU_ASSERT(idx[i - 1] < idx[i]);
	}
	CU_ASSERT_EQUAL(va_rules_by_id("guest.rflags", idx, VA_MAX_RULES), n);
	CU_ASSERT_EQUAL(va_rules_by_id("NO.SUCH.RULE", idx, VA_MAX_RULES), 0);
	CU_ASSERT_EQUAL(va_rules_by_id("", idx, VA_MAX_RULES), 0);
}

static void test_nearest_id(void)
{
	CU_ASSERT_STRING_EQUAL(va_nearest_rule_id("CTL.EXEC.VPID_NONZER0"), "CTL.EXEC.VPID_NONZERO");
	const char *near = va_nearest_rule_id("GUEST.RFLAGX");
	CU_ASSERT_PTR_NOT_NULL_FATAL(near);
	CU_ASSERT_EQUAL(strncmp(near, "GUEST.RFLAGS", 12), 0);
	CU_ASSERT_PTR_NULL(va_nearest_rule_id("completely unrelated words"));
}

static void test_rules_filter(void)
{
	unsigned n = va_rule_count(), pdpte = 0, all = 0;
	for (unsigned i = 0; i < n; i++) {
		all += va_rule_matches(va_rule_at(i), NULL);
		pdpte += va_rule_matches(va_rule_at(i), "pdpte");
		CU_ASSERT_TRUE(va_rule_matches(va_rule_at(i), va_rule_at(i)->id));
	}
	CU_ASSERT_EQUAL(all, n);
	CU_ASSERT(pdpte >= 4 && pdpte < n);
}

static void test_profile_suggestions(void)
{
	char buf[512];
	va_profile_suggest("skylake", buf, sizeof buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "did you mean intel-skylake"));
	va_profile_suggest("SKYLAKE-I7-6700", buf, sizeof buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "intel-skylake-i7-6700k"));
	va_profile_suggest("intel-skylak-i7-6700k", buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "did you mean intel-skylake-i7-6700k?");
	va_profile_suggest("zzzz-nothing-like-it-qqqq", buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "");
}

/* Every built-in profile is checked; one that has IA32_VMX_BASIC with bit
 * 55 set and all TRUE MSRs lacks nothing. */
static void test_profile_lacks(void)
{
	char buf[400];
	unsigned lacking = 0;
	for (unsigned i = 0; i < va_profile_count; i++) {
		va_profile_lacks(&va_profiles[i], buf, sizeof buf);
		CU_ASSERT_PTR_NULL(strstr(buf, "cannot be read"));
		lacking += *buf != '\0';
	}
	CU_ASSERT(lacking < va_profile_count);
	const struct va_profile *p = va_profile_find("intel-skylake-i7-6700k");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	va_profile_lacks(p, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "");
	struct va_profile none = { "none", "# no MSRs\n[cpu]\nmaxphyaddr = 39\n" };
	va_profile_lacks(&none, buf, sizeof buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "IA32_VMX_BASIC (0x480)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "the TRUE capability MSRs"));
}

static void test_option_table(void)
{
	CU_ASSERT_PTR_NOT_NULL(va_cli_option_find("check", "--verbose"));
	CU_ASSERT_PTR_NOT_NULL(va_cli_option_find("check", "-v"));
	CU_ASSERT_PTR_NOT_NULL(va_cli_option_find("import", "--force"));
	CU_ASSERT_PTR_NULL(va_cli_option_find("check", "--force"));
	CU_ASSERT_PTR_NULL(va_cli_option_find("import", "--json"));
	CU_ASSERT_STRING_EQUAL(va_cli_option_nearest("check", "--jsno")->name, "--json");
	CU_ASSERT_TRUE(va_is_help_option("--help"));
	CU_ASSERT_TRUE(va_is_help_option("-h"));
	CU_ASSERT_FALSE(va_is_help_option("help"));
}

static char *read_doc(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", VA_SOURCE_DIR, rel);
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *buf = calloc(1, 1 << 18);
	if (buf)
		fread(buf, 1, (1 << 18) - 1, f);
	fclose(f);
	return buf;
}

/* The man page spells options with "\-"; every option of the table is there. */
static void test_man_page_options(void)
{
	char *man = read_doc("docs/vmcs-audit.1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(man);
	size_t n;
	const struct va_cli_option *o = va_cli_options(&n);
	for (size_t i = 0; i < n; i++) {
		char spelled[64], *p = spelled;
		for (const char *s = o[i].name; *s && p < spelled + sizeof spelled - 2; s++) {
			if (*s == '-')
				*p++ = '\\';
			*p++ = *s;
		}
		*p = '\0';
		CU_ASSERT_PTR_NOT_NULL(strstr(man, spelled));
		if (!strstr(man, spelled))
			fprintf(stderr, "\nthe man page lacks %s\n", o[i].name);
	}
	CU_ASSERT_PTR_NOT_NULL(strstr(man, ".B 3\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(man, "inconclusive"));
	free(man);
}

/* docs/json.md names every key the schema requires. */
static void test_json_doc_keys(void)
{
	char *doc = read_doc("docs/json.md"), *schema = read_doc("docs/report.schema.json");
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
	const char *req = strstr(schema, "\"required\"");
	CU_ASSERT_PTR_NOT_NULL_FATAL(req);
	const char *end = strchr(req, ']');
	unsigned keys = 0;
	for (const char *p = strchr(req + 10, '"'); p && p < end; p = strchr(p + 1, '"')) {
		const char *q = strchr(p + 1, '"');
		char key[64];
		snprintf(key, sizeof key, "`%.*s`", (int)(q - p - 1), p + 1);
		CU_ASSERT_PTR_NOT_NULL(strstr(doc, key));
		keys++;
		p = q;
	}
	CU_ASSERT(keys >= 10);
	free(doc);
	free(schema);
}

CU_TestInfo tests_cli[] = {
	{ "explain: any case, exact or prefix", test_rules_by_id },
	{ "explain: the nearest id", test_nearest_id },
	{ "rules SUBSTRING", test_rules_filter },
	{ "--profile suggestions", test_profile_suggestions },
	{ "profiles: what each lacks", test_profile_lacks },
	{ "the option table", test_option_table },
	{ "the man page has every option and exit status", test_man_page_options },
	{ "docs/json.md names every key", test_json_doc_keys },
	CU_TEST_INFO_NULL,
};
