/* Completion candidates for each context, without a line editor: the
 * shell's own command table, fields, bits after +/-, [cpu]/[entry] keys,
 * [entry] words, rule IDs, profiles, files, input kinds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "../auditor/engine/audit.h"
#include "../auditor/input/complete.h"
#include "../auditor/engine/repair.h"
#include "../auditor/input/profiles.h"
#include "../auditor/input/template.h"
#include "../ui/shell/shell.h"
#include "suites.h"

static struct va_completions c;

/* Candidates for `line` with the cursor at its end. */
static size_t complete(const char *line)
{
	va_completions_free(&c);
	CU_ASSERT_FATAL(va_shell_complete(line, strlen(line), &c) == 0);
	return c.count;
}

static int has(const char *word)
{
	for (size_t i = 0; i < c.count; i++)
		if (!strcmp(c.items[i], word))
			return 1;
	return 0;
}

static void test_commands(void)
{
	size_t n;
	const struct va_shell_command *cmds = va_shell_commands(&n);
	CU_ASSERT_EQUAL(complete(""), n);
	for (size_t i = 0; i < n; i++)
		CU_ASSERT(has(cmds[i].spec.name));
	CU_ASSERT_EQUAL(complete("sa"), 1);
	CU_ASSERT(has("save"));
	CU_ASSERT_EQUAL(c.start, 0);
	complete("u");
	CU_ASSERT(has("undo") && has("unset") && c.count == 2);
	CU_ASSERT_EQUAL(complete("zz"), 0);
	/* help takes a command */
	complete("help ex");
	CU_ASSERT(c.count == 1 && has("explain"));
	CU_ASSERT_EQUAL(c.start, 5);
}

static void test_fields_any_case(void)
{
	complete("set guest_tr_ar");
	CU_ASSERT(c.count == 1 && has("GUEST_TR_AR_BYTES"));
	CU_ASSERT_EQUAL(c.start, 4);
	complete("get GUEST_CR");
	CU_ASSERT(has("GUEST_CR0") && has("GUEST_CR3") && has("GUEST_CR4"));
	CU_ASSERT_EQUAL(va_completions_common(&c), strlen("GUEST_CR"));
	/* why takes VMCS fields only; set also [cpu] and [entry] keys */
	complete("why IA32_VMX_B");
	CU_ASSERT_EQUAL(c.count, 0);
	complete("set IA32_VMX_B");
	CU_ASSERT(c.count == 1 && has("IA32_VMX_BASIC"));
	complete("set maxp");
	CU_ASSERT(c.count == 1 && has("maxphyaddr"));
	complete("unset launch");
	CU_ASSERT(c.count == 1 && has("launch_state"));
	/* unset repeats its kind */
	complete("unset GUEST_CR0 GUEST_CR4 HOST_RI");
	CU_ASSERT(c.count == 1 && has("HOST_RIP"));
	/* mid-line: the word that ends at the cursor */
	const char *line = "get GUEST_RFL more";
	va_completions_free(&c);
	CU_ASSERT(va_shell_complete(line, strlen("get GUEST_RFL"), &c) == 0);
	CU_ASSERT(c.count == 1 && has("GUEST_RFLAGS"));
}

static void test_bits(void)
{
	complete("set PIN_BASED_VM_EXEC_CONTROL +PIN_BASED_VIR");
	CU_ASSERT(c.count == 1 && has("+PIN_BASED_VIRTUAL_NMIS"));
	complete("set PIN_BASED_VM_EXEC_CONTROL +VIRTUAL_NMIS -PIN_BASED_NMI");
	CU_ASSERT(c.count == 1 && has("-PIN_BASED_NMI_EXITING"));
	complete("set guest_cr0 +");
	CU_ASSERT(has("+PE") && has("+PG") && has("+WP"));
	complete("set GUEST_TR_AR_BYTES -un");
	CU_ASSERT(c.count == 1 && has("-unusable"));
	complete("set IA32_VMX_BASIC +TRUE");
	CU_ASSERT(c.count == 1 && has("+TRUE_capability_MSRs"));
	/* a field without named bits offers none */
	CU_ASSERT_EQUAL(complete("set GUEST_RIP +"), 0);
	/* [entry] words */
	complete("set instruction vm");
	CU_ASSERT(c.count == 2 && has("vmlaunch") && has("vmresume"));
	complete("set vmm_mode ");
	CU_ASSERT(has("64bit") && has("real"));
}

static void test_bit_lookup(void)
{
	CU_ASSERT_EQUAL(va_bit_lookup(VA_BITS_PIN, "PIN_BASED_VIRTUAL_NMIS", 22), 5);
	CU_ASSERT_EQUAL(va_bit_lookup(VA_BITS_PIN, "virtual_nmis", 12), 5);
	CU_ASSERT_EQUAL(va_bit_lookup(VA_BITS_PIN, "NMI_EXITING", 11), 3);
	CU_ASSERT_EQUAL(va_bit_lookup(VA_BITS_PIN, "7", 1), 7);
	CU_ASSERT_EQUAL(va_bit_lookup(VA_BITS_PIN, "64", 2), -1);
	CU_ASSERT_EQUAL(va_bit_lookup(VA_BITS_PIN, "NOPE", 4), -1);
	/* "EXITING" ends several names */
	CU_ASSERT_EQUAL(va_bit_lookup(VA_BITS_PROC, "EXITING", 7), -2);
	CU_ASSERT_EQUAL(va_bit_lookup(VA_BITS_AR, "type_bit_0", 10), 0);
	CU_ASSERT_EQUAL(va_field_bitset(FLD_GUEST_CS_AR_BYTES), VA_BITS_AR);
	CU_ASSERT_EQUAL(va_field_bitset(FLD_GUEST_RIP), VA_BITS_NONE);
	CU_ASSERT_EQUAL(va_key_bitset("ia32_vmx_basic", 14), VA_BITS_VMX_BASIC);
}

static void test_rules_and_nearest(void)
{
	complete("explain GUEST.SEG.TR.TY");
	CU_ASSERT(c.count == 1 && has("GUEST.SEG.TR.TYPE"));
	complete("explain ");
	CU_ASSERT_EQUAL(c.count, va_rule_count());
	CU_ASSERT_STRING_EQUAL(va_nearest_rule("GUEST.SEG.TR.TYP", 16), "GUEST.SEG.TR.TYPE");
	CU_ASSERT_STRING_EQUAL(va_nearest_key("GUEST_CR9", 9), "GUEST_CR0");
	CU_ASSERT_STRING_EQUAL(va_nearest_key("maxphyadr", 9), "maxphyaddr");
	CU_ASSERT_PTR_NULL(va_nearest_key("XYZZY_PLUGH_QUUX", 16));
}

static void test_profiles_words_options(void)
{
	complete("profile intel-skylake-i7-67");
	CU_ASSERT(c.count >= 1 && has("intel-skylake-i7-6700k"));
	complete("profile ");
	CU_ASSERT(c.count >= va_profile_count);
	complete("show g");
	CU_ASSERT(c.count == 1 && has("guest"));
	complete("audit --");
	CU_ASSERT(c.count == 1 && has("--json"));
	complete("import --from kv");
	CU_ASSERT(c.count == 1 && has("kvm"));
	CU_ASSERT_EQUAL(complete("mem 0x1000 "), 0);
	CU_ASSERT_EQUAL(complete("set GUEST_CR0 1 # comm"), 0);
}

/* new's option values (profiles, modes, features from the template
 * tables) and fix's rule IDs (only rules with a repair). */
static void test_new_and_fix(void)
{
	unsigned modes = 0;
	while (va_template_mode_at(modes))
		modes++;
	complete("new --");
	CU_ASSERT(c.count == 3 && has("--profile") && has("--mode") && has("--with"));
	CU_ASSERT_EQUAL(complete("new --mode "), modes);
	CU_ASSERT(has("long") && has("wait-for-sipi"));
	complete("new --mode re");
	CU_ASSERT(c.count == 2 && has("real") && has("reset"));
	CU_ASSERT_EQUAL(c.start, 11);
	complete("new --profile intel-skylake-i7-67");
	CU_ASSERT(has("intel-skylake-i7-6700k"));
	/* after an option's value, options again; --with completes the last
	 * name of its list and leaves out those already in it */
	complete("new --mode pae --with pr");
	CU_ASSERT(c.count == 1 && has("preemption-timer"));
	complete("new --with ept,v");
	CU_ASSERT(c.count == 1 && has("ept,vpid"));
	CU_ASSERT_EQUAL(c.start, 11);
	complete("new --with ept,");
	CU_ASSERT(has("ept,vpid") && has("ept,pml") && !has("ept,ept"));
	CU_ASSERT_EQUAL(complete("new --with ept,nosuch"), 0);
	/* fix: the rules with a repair, after --dry-run too */
	CU_ASSERT_EQUAL(complete("fix "), va_repair_count());
	complete("fix GUEST.SEG.TR.TY");
	CU_ASSERT(c.count == 1 && has("GUEST.SEG.TR.TYPE"));
	complete("fix --dry-run GUEST.SEG.TR.TY");
	CU_ASSERT(c.count == 1 && has("GUEST.SEG.TR.TYPE"));
	CU_ASSERT_EQUAL(complete("fix BASIC.CPL0"), 0);        /* no repair */
	complete("explain BASIC.CPL0");
	CU_ASSERT(c.count == 1);
	complete("fix --");
	CU_ASSERT(c.count == 1 && has("--dry-run"));
}

static void test_files(void)
{
	char dir[] = "/tmp/va-complete-XXXXXX";
	CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
	char path[256];
	snprintf(path, sizeof path, "%s/alpha.state", dir);
	FILE *f = fopen(path, "w");
	CU_ASSERT_FATAL(f != NULL);
	fclose(f);
	snprintf(path, sizeof path, "%s/sub", dir);
	CU_ASSERT_FATAL(mkdir(path, 0700) == 0);
	char line[300];
	snprintf(line, sizeof line, "load %s/al", dir);
	complete(line);
	snprintf(path, sizeof path, "%s/alpha.state", dir);
	CU_ASSERT(c.count == 1 && has(path));
	CU_ASSERT(c.files);
	/* an option and its value are not the FILE argument */
	snprintf(line, sizeof line, "load --from state %s/al", dir);
	complete(line);
	CU_ASSERT(c.count == 1 && has(path));
	snprintf(line, sizeof line, "save %s/s", dir);
	complete(line);
	snprintf(path, sizeof path, "%s/sub/", dir);
	CU_ASSERT(c.count == 1 && has(path));
	snprintf(line, sizeof line, "load %s/", dir);
	CU_ASSERT_EQUAL(complete(line), 2);
	/* profile: names and files both */
	snprintf(line, sizeof line, "profile %s/al", dir);
	CU_ASSERT_EQUAL(complete(line), 1);
	snprintf(path, sizeof path, "%s/alpha.state", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/sub", dir);
	rmdir(path);
	rmdir(dir);
	va_completions_free(&c);
}

CU_TestInfo tests_complete[] = {
	{ "commands", test_commands },
	{ "fields, keys, any case", test_fields_any_case },
	{ "bits after + and -, entry words", test_bits },
	{ "bit names", test_bit_lookup },
	{ "rule ids, nearest names", test_rules_and_nearest },
	{ "profiles, words, options, kinds", test_profiles_words_options },
	{ "new's option values, fix's rules", test_new_and_fix },
	{ "files", test_files },
	CU_TEST_INFO_NULL,
};
