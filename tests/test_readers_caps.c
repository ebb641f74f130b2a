/*
 * Readers of capability-MSR listings: each sample of the formats notes and
 * the variants built from them (tests/readers/caps/), with the MSR values
 * each must give, the notes it must add, and the errors (line, column,
 * message) bad input must get.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/import.h"
#include "../auditor/input/state_file.h"
#include "suites.h"

#define CAPS_DIR VA_SOURCE_DIR "/tests/readers/caps/"

/* A real CPU (Coffee Lake-H, msr_profiles/), used by most samples. */
#define CFL_BASIC 0x00da040000000004ull
#define CFL_PIN 0x0000007f00000016ull
#define CFL_PROC 0xfff9fffe0401e172ull
#define CFL_EXIT 0x01ffffff00036dffull
#define CFL_ENTRY 0x0003ffff000011ffull
#define CFL_MISC 0x000000007004c1e7ull
#define CFL_CR0_FIXED0 0x80000021ull
#define CFL_CR0_FIXED1 0xffffffffull
#define CFL_CR4_FIXED0 0x2000ull
#define CFL_CR4_FIXED1 0x3727ffull
#define CFL_VMCS_ENUM 0x2eull
#define CFL_PROC2 0x005fbcff00000000ull
#define CFL_EPT 0x00000f0106734141ull
#define CFL_TRUE_PIN 0x0000007f00000016ull
#define CFL_TRUE_PROC 0xfff9fffe04006172ull
#define CFL_TRUE_EXIT 0x01ffffff00036dfbull
#define CFL_TRUE_ENTRY 0x0003ffff000011fbull
#define CFL_VMFUNC 0x1ull

#define M(name, value) { MSR_IA32_VMX_##name, value }
#define END { MSR_COUNT, 0 }
#define CFL_ALL                                                                             \
	M(BASIC, CFL_BASIC), M(PINBASED_CTLS, CFL_PIN), M(PROCBASED_CTLS, CFL_PROC),        \
	M(EXIT_CTLS, CFL_EXIT), M(ENTRY_CTLS, CFL_ENTRY), M(MISC, CFL_MISC),                \
	M(CR0_FIXED0, CFL_CR0_FIXED0), M(CR0_FIXED1, CFL_CR0_FIXED1),                       \
	M(CR4_FIXED0, CFL_CR4_FIXED0), M(CR4_FIXED1, CFL_CR4_FIXED1),                       \
	M(VMCS_ENUM, CFL_VMCS_ENUM), M(PROCBASED_CTLS2, CFL_PROC2), M(EPT_VPID_CAP, CFL_EPT), \
	M(TRUE_PINBASED_CTLS, CFL_TRUE_PIN), M(TRUE_PROCBASED_CTLS, CFL_TRUE_PROC),         \
	M(TRUE_EXIT_CTLS, CFL_TRUE_EXIT), M(TRUE_ENTRY_CTLS, CFL_TRUE_ENTRY), M(VMFUNC, CFL_VMFUNC)

struct msr_value {
	enum va_msr msr;
	uint64_t value;
};

struct good_case {
	const char *file;
	const char *kind;               /* NULL: detected by the importer */
	struct msr_value msrs[MSR_COUNT + 1];   /* exactly these, END-terminated */
	uint64_t maxphyaddr;            /* 0: must stay unknown */
	const char *notes[4];           /* each must be part of some note */
};

static const struct good_case good_cases[] = {
	/* msr-tools rdmsr */
	{ "rdmsr_sample_8_1.txt", "rdmsr",
	  { M(PINBASED_CTLS, 0x7f00000016), M(PROCBASED_CTLS2, 0x005ffcff00000000),
	    M(CR0_FIXED0, 0x80000021), M(ENTRY_CTLS, 0xd3ff000011ff), END }, 0, { NULL } },
	{ "rdmsr_default_hex_full.txt", "rdmsr", { CFL_ALL, END }, 0,
	  { "line 38: CPU 0 cannot read IA32_VMX_PROCBASED_CTLS3 (0x492)" } },
	{ "rdmsr_zero_pad_and_c.txt", "rdmsr",
	  { M(BASIC, CFL_BASIC), M(PINBASED_CTLS, CFL_PIN), M(PROCBASED_CTLS, CFL_PROC),
	    M(EXIT_CTLS, CFL_EXIT), M(ENTRY_CTLS, CFL_ENTRY), M(PROCBASED_CTLS2, CFL_PROC2),
	    M(EPT_VPID_CAP, CFL_EPT), END }, 0, { NULL } },
	{ "rdmsr_decimal_octal_raw.txt", "rdmsr",
	  { M(PROCBASED_CTLS, CFL_PROC), M(TRUE_PROCBASED_CTLS, CFL_TRUE_PROC),
	    M(PINBASED_CTLS, CFL_PIN), M(BASIC, CFL_BASIC), M(TRUE_PINBASED_CTLS, CFL_TRUE_PIN),
	    M(CR0_FIXED0, CFL_CR0_FIXED0), M(CR0_FIXED1, CFL_CR0_FIXED1),
	    M(ENTRY_CTLS, CFL_ENTRY), M(VMCS_ENUM, CFL_VMCS_ENUM), END }, 0, { NULL } },
	{ "rdmsr_all_msr_tools_1_3.txt", "rdmsr",
	  { M(PINBASED_CTLS, CFL_PIN), M(TRUE_PINBASED_CTLS, CFL_TRUE_PIN), END }, 0, { NULL } },
	{ "rdmsr_all_labelled_git.txt", "rdmsr",
	  { M(PROCBASED_CTLS, CFL_PROC), M(EXIT_CTLS, CFL_EXIT), M(ENTRY_CTLS, CFL_ENTRY), END },
	  0, { NULL } },
	{ "rdmsr_decimal_pitfall_mixed.txt", "rdmsr",
	  { M(BASIC, CFL_BASIC), M(PROCBASED_CTLS2, CFL_PROC2), M(PROCBASED_CTLS, CFL_PROC), END },
	  0, { "line 3: `rdmsr 481` reads MSR 481 (0x1e1), not 0x481", "(and more lines like it)" } },
	{ "rdmsr_for_loop.txt", "rdmsr",
	  { M(CR0_FIXED0, CFL_CR0_FIXED0), M(CR0_FIXED1, CFL_CR0_FIXED1),
	    M(CR4_FIXED0, CFL_CR4_FIXED0), M(CR4_FIXED1, CFL_CR4_FIXED1),
	    M(VMCS_ENUM, CFL_VMCS_ENUM), M(VMFUNC, CFL_VMFUNC), END }, 0, { NULL } },
	{ "rdmsr_options_and_noise.txt", "rdmsr",
	  { M(BASIC, CFL_BASIC), M(PINBASED_CTLS, CFL_PIN), END }, 0,
	  { "`rdmsr -f 15:8` prints bits 15..8 only", "`rdmsr -r` prints raw bytes",
	    "cannot read IA32_VMX_VMFUNC", "skipped 1 value(s) of MSRs that are not VMX" } },
	{ "rdmsr_then_dmesg.txt", NULL,
	  { M(BASIC, CFL_BASIC), M(PINBASED_CTLS, CFL_PIN), END }, 0, { NULL } },
	{ "rdmsr_labelled_no_commands.txt", "rdmsr",
	  { M(BASIC, CFL_BASIC), M(PINBASED_CTLS, CFL_PIN), M(PROCBASED_CTLS, CFL_PROC), END }, 0,
	  { "line 5: '484' has no 0x", "skipped 1 value(s)" } },
	{ "rdmsr_no_prompt.txt", NULL,
	  { M(EPT_VPID_CAP, CFL_EPT), M(VMFUNC, CFL_VMFUNC), END }, 0, { NULL } },

	/* WinDbg / KD and HyperDbg */
	{ "windbg_sample_8_2.txt", "windbg",
	  { M(BASIC, 0x00da040000000012), M(PROCBASED_CTLS2, 0x005fffff00000000), END }, 0,
	  { NULL } },
	{ "windbg_session_full.txt", NULL, { CFL_ALL, END }, 0,
	  { "could not read IA32_VMX_PROCBASED_CTLS3", "skipped 1 value(s) of MSRs" } },
	{ "windbg_kd_processors.txt", "windbg",
	  { M(PINBASED_CTLS, CFL_PIN), M(PROCBASED_CTLS, CFL_PROC), M(CR0_FIXED0, CFL_CR0_FIXED0),
	    END }, 0, { NULL } },
	{ "hyperdbg_sample_8_3.txt", "windbg", { M(PINBASED_CTLS, CFL_PIN), END }, 0, { NULL } },
	{ "hyperdbg_all_cores.txt", NULL,
	  { M(BASIC, CFL_BASIC), M(EPT_VPID_CAP, CFL_EPT), END }, 0,
	  { "could not read IA32_VMX_PROCBASED_CTLS3" } },

	/* chipsec */
	{ "chipsec_sample_8_4.txt", "chipsec", { M(PINBASED_CTLS, CFL_PIN), END }, 0, { NULL } },
	{ "chipsec_all_cpus.txt", NULL,
	  { M(BASIC, CFL_BASIC), M(PROCBASED_CTLS2, CFL_PROC2), END }, 0,
	  { "skipped 1 value(s)" } },

	/* VirtualBox */
	{ "vbox_sample_4_3.txt", "vbox-log",
	  { M(BASIC, 0x00da040000000012), M(PINBASED_CTLS, CFL_PIN),
	    M(TRUE_PINBASED_CTLS, CFL_TRUE_PIN), M(CR4_FIXED1, 0x3767ff), END }, 0, { NULL } },
	{ "vbox_report_4_1_full.txt", NULL, { CFL_ALL, END }, 39, { NULL } },
	{ "vbox_41_hwaccm_bare_hex.txt", "vbox-log",
	  { M(BASIC, 0x00da040000000010), M(PINBASED_CTLS, 0x7f00000016),
	    M(PROCBASED_CTLS, 0xfff9fffe0401e172), M(PROCBASED_CTLS2, 0xff00000000),
	    M(ENTRY_CTLS, 0xffff000011ff), M(EXIT_CTLS, 0x7fffff00036dff),
	    M(EPT_VPID_CAP, 0xf0106114141), M(MISC, 0x100401e5), M(CR0_FIXED0, 0x80000021),
	    M(CR0_FIXED1, 0xffffffff), M(CR4_FIXED0, 0x2000), M(CR4_FIXED1, 0x667ff),
	    M(VMCS_ENUM, 0x2a), END }, 36, { NULL } },
	{ "vbox_5x_labels.txt", "vbox-log",
	  { M(BASIC, 0x00da040000000010), M(VMFUNC, 1), M(PROCBASED_CTLS3, 0x10),
	    M(EXIT_CTLS2, 0), END }, 36, { "the first MSR_IA32_VMX_FOO_CTLS on line 7" } },

	/* vmxcap */
	{ "vmxcap_current_coffeelake.txt", NULL,
	  { M(BASIC, CFL_BASIC), M(PINBASED_CTLS, CFL_PIN), M(PROCBASED_CTLS, CFL_PROC),
	    M(EXIT_CTLS, CFL_EXIT), M(ENTRY_CTLS, CFL_ENTRY), M(MISC, CFL_MISC),
	    M(PROCBASED_CTLS2, CFL_PROC2), M(EPT_VPID_CAP, CFL_EPT),
	    M(TRUE_PINBASED_CTLS, CFL_TRUE_PIN), M(TRUE_PROCBASED_CTLS, CFL_TRUE_PROC),
	    M(TRUE_EXIT_CTLS, CFL_TRUE_EXIT), M(TRUE_ENTRY_CTLS, CFL_TRUE_ENTRY),
	    M(VMFUNC, CFL_VMFUNC), M(PROCBASED_CTLS3, 0), END }, 0,
	  { "vmxcap: 0x481 0x482 0x483 0x484 0x48b 0x48d 0x48e 0x48f 0x490 0x492 rebuilt from the "
	    "bits vmxcap names",
	    "vmxcap does not print IA32_VMX_CR0_FIXED0/1, CR4_FIXED0/1, VMCS_ENUM or EXIT_CTLS2: "
	    "they stay unknown", "assumed fixed to 1" } },
	/* Without Hex lines the newer bits are lost: the notes say so. */
	{ "vmxcap_2016_no_hex_coffeelake.txt", "vmxcap",
	  { M(BASIC, CFL_BASIC), M(PINBASED_CTLS, CFL_PIN), M(PROCBASED_CTLS, CFL_PROC),
	    M(EXIT_CTLS, 0x007fffff00036dff), M(ENTRY_CTLS, 0x0000ffff000011ff),
	    M(MISC, 0x300481e7), M(PROCBASED_CTLS2, 0x00153cff00000000),
	    M(EPT_VPID_CAP, 0x00000f0106334141), M(TRUE_PINBASED_CTLS, CFL_TRUE_PIN),
	    M(TRUE_PROCBASED_CTLS, CFL_TRUE_PROC), M(TRUE_EXIT_CTLS, 0x007fffff00036dfb),
	    M(TRUE_ENTRY_CTLS, 0x0000ffff000011fb), M(VMFUNC, CFL_VMFUNC), END }, 0,
	  { "0x485 0x48b 0x48c 0x48d 0x48e 0x48f 0x490 0x491 rebuilt", "bit 56",
	    "this paste lacks 0x492" } },
	{ "vmxcap_2013_no_hex_coffeelake.txt", "vmxcap",
	  { M(BASIC, CFL_BASIC), M(PINBASED_CTLS, CFL_PIN), M(PROCBASED_CTLS, CFL_PROC),
	    M(EXIT_CTLS, 0x007fffff00036dff), M(ENTRY_CTLS, 0x0000ffff000011ff),
	    M(MISC, 0x300481e7), M(PROCBASED_CTLS2, 0x00003cff00000000),
	    M(EPT_VPID_CAP, 0x00000f0106334141), M(TRUE_PINBASED_CTLS, CFL_TRUE_PIN),
	    M(TRUE_PROCBASED_CTLS, CFL_TRUE_PROC), M(TRUE_EXIT_CTLS, 0x007fffff00036dfb),
	    M(TRUE_ENTRY_CTLS, 0x0000ffff000011fb), M(VMFUNC, CFL_VMFUNC), END }, 0, { NULL } },
	{ "vmxcap_sample_8_5.txt", "vmxcap",
	  { M(BASIC, 0x00da040000000012), M(PINBASED_CTLS, 0x000000ff00000016),
	    M(TRUE_PINBASED_CTLS, 0x000000ff00000016), M(PROCBASED_CTLS, 0x8401e1fe0401e172),
	    M(TRUE_PROCBASED_CTLS, 0x8401e1fe04006172), M(ENTRY_CTLS, 0x000013ff000011ff),
	    M(TRUE_ENTRY_CTLS, 0x000013ff000011fb), M(MISC, 0x7004c1e5), END }, 0,
	  { "this paste lacks 0x483 0x48b 0x48c 0x491 0x492" } },
	/* Two pastes in one input: each reader takes its own lines. */
	{ "vmxcap_then_rdmsr.txt", NULL,
	  { M(PINBASED_CTLS, CFL_PIN), M(CR0_FIXED0, CFL_CR0_FIXED0),
	    M(CR0_FIXED1, CFL_CR0_FIXED1), END }, 0,
	  { "the first 'Shiny new control' on line 8", "without the Basic section" } },
};

struct bad_case {
	const char *file;
	const char *kind;
	unsigned line, column;
	const char *message_part;
};

static const struct bad_case bad_cases[] = {
	{ "rdmsr_bad_value.txt", "rdmsr", 2, 10, "'7f0000001g' is not what the rdmsr on line 1 "
	  "prints: expected hex digits" },
	{ "rdmsr_truncated_zero_pad.txt", "rdmsr", 2, 1, "the value looks truncated" },
	/* Found by libFuzzer: a hand-labelled value longer than any MSR. */
	{ "rdmsr_labelled_too_long.txt", "rdmsr", 1, 17, "is not a hex value: it has more than "
	  "16 hex digits" },
	{ "rdmsr_all_cpus_differ.txt", "rdmsr", 4, 1, "`rdmsr -a` on line 1 printed different "
	  "IA32_VMX_PROCBASED_CTLS2 values for different CPUs: 0x5fbcff00000000 (line 2)" },
	{ "rdmsr_labelled_cpus_differ.txt", "rdmsr", 4, 1, "IA32_VMX_PROCBASED_CTLS2 differs "
	  "between CPUs: CPU 0 has 0x5fbcff00000000 (line 2), CPU 5 has 0x5ffcff00000000" },
	{ "rdmsr_given_twice_differ.txt", "rdmsr", 6, 1, "IA32_VMX_MISC is given twice with "
	  "different values: 0x7004c1e7 on line 2, 0x7004c1e5 here" },
	{ "rdmsr_decimal_pitfall_only.txt", NULL, 1, 14, "`rdmsr 480` reads MSR 480 (0x1e0), not "
	  "0x480: rdmsr takes a number without 0x as decimal" },
	{ "windbg_bad_digit.txt", "windbg", 2, 28, "is not a debugger rdmsr value" },
	{ "windbg_truncated.txt", "windbg", 2, 12, "has 15 hex digits where the debugger prints 16" },
	{ "windbg_processors_differ.txt", NULL, 4, 12, "IA32_VMX_PROCBASED_CTLS2 differs between "
	  "processors: 0 has 0x5fbcff00000000 (line 2), 3 has 0x5ffcff00000000" },
	{ "hyperdbg_cores_differ.txt", "windbg", 3, 25, "IA32_VMX_MISC differs between processors" },
	{ "chipsec_halves_mismatch.txt", NULL, 1, 34, "does not match EAX=00000017, EDX=0000007F" },
	{ "chipsec_cpus_differ.txt", "chipsec", 2, 34, "differs between CPUs: CPU0 has" },
	{ "vbox_bad_value.txt", "vbox-log", 1, 68, "'0x7f0000001g' is not a hex value" },
	{ "vbox_two_machines.txt", NULL, 2, 57, "IA32_VMX_BASIC is 0xda040000000010 here but "
	  "0xda040000000004 on line 1 (logs of two machines?)" },
	{ "vmxcap_hex_disagrees.txt", NULL, 3, 44, "'VMX-preemption timer scale (log2)' "
	  "disagrees with Hex: 0x7004c1e5 on line 2" },
	{ "vmxcap_bad_word.txt", NULL, 3, 44, "'maybe' is not a value of 'NMI exiting'" },
};

/* The file's bytes in a buffer of exactly that size (no NUL), as fuzzers pass them. */
static char *load(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, CAPS_DIR "%s", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc(size > 0 ? (size_t)size : 1);
	*len = buf && size > 0 ? fread(buf, 1, (size_t)size, f) : 0;
	fclose(f);
	return buf;
}

static int has_note(const struct va_import_notes *n, const char *part)
{
	for (unsigned i = 0; i < n->count; i++)
		if (strstr(n->text[i], part))
			return 1;
	return 0;
}

static void show_notes(const char *file, const struct va_import_notes *n)
{
	for (unsigned i = 0; i < n->count; i++)
		fprintf(stderr, "\n  %s note: %s", file, n->text[i]);
}

static void check_good(const struct good_case *c)
{
	size_t len;
	char *text = load(c->file, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	struct va_state st;
	struct va_error err = { 0 };
	static struct va_import_notes notes;
	memset(&notes, 0, sizeof notes);
	va_state_init(&st);
	if (c->kind) {
		const struct va_reader *r = va_reader_by_kind(c->kind);
		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		/* Its own sample must be recognised, too. */
		CU_ASSERT(r->detect(text, len) > 0);
	}
	int rc = va_import(&st, text, len, c->file, c->kind, &err, &notes);
	CU_ASSERT_EQUAL(rc, 0);
	if (rc)
		fprintf(stderr, "\n  %s: %u:%u %s", c->file, err.line, err.column, err.message);
	uint32_t expected = 0;
	for (const struct msr_value *m = c->msrs; m->msr != MSR_COUNT; m++) {
		expected |= 1u << m->msr;
		CU_ASSERT_EQUAL(st.msr[m->msr], m->value);
		if (st.msr[m->msr] != m->value)
			fprintf(stderr, "\n  %s: %s = %#llx, expected %#llx", c->file,
				va_msr_name(m->msr), (unsigned long long)st.msr[m->msr],
				(unsigned long long)m->value);
	}
	CU_ASSERT_EQUAL(st.msr_present, expected);
	if (st.msr_present != expected)
		fprintf(stderr, "\n  %s: present %#x, expected %#x", c->file, st.msr_present, expected);
	CU_ASSERT_EQUAL(va_fact_known(&st, FACT_MAXPHYADDR), c->maxphyaddr != 0);
	if (c->maxphyaddr)
		CU_ASSERT_EQUAL(st.fact[FACT_MAXPHYADDR], c->maxphyaddr);
	for (size_t i = 0; i < 4 && c->notes[i]; i++) {
		CU_ASSERT(has_note(&notes, c->notes[i]));
		if (!has_note(&notes, c->notes[i])) {
			fprintf(stderr, "\n  %s: no note has \"%s\"", c->file, c->notes[i]);
			show_notes(c->file, &notes);
		}
	}
	free(text);
}

static void test_good_samples(void)
{
	for (size_t i = 0; i < sizeof good_cases / sizeof good_cases[0]; i++)
		check_good(&good_cases[i]);
}

static void test_bad_samples(void)
{
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *b = &bad_cases[i];
		size_t len;
		char *text = load(b->file, &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		struct va_state st;
		struct va_error err = { 0 };
		static struct va_import_notes notes;
		memset(&notes, 0, sizeof notes);
		va_state_init(&st);
		int rc = va_import(&st, text, len, b->file, b->kind, &err, &notes);
		CU_ASSERT_EQUAL(rc, -1);
		CU_ASSERT_EQUAL(err.line, b->line);
		CU_ASSERT_EQUAL(err.column, b->column);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.message, b->message_part));
		if (rc != -1 || err.line != b->line || err.column != b->column ||
		    !strstr(err.message, b->message_part))
			fprintf(stderr, "\n  %s: rc %d, %u:%u %s", b->file, rc, err.line, err.column,
				err.message);
		free(text);
	}
}

/* Each reader claims its own samples and none of the others'. */
static void test_detection_is_specific(void)
{
	static const struct {
		const char *file, *kind;
	} owned[] = {
		{ "rdmsr_default_hex_full.txt", "rdmsr" }, { "windbg_session_full.txt", "windbg" },
		{ "hyperdbg_all_cores.txt", "windbg" }, { "chipsec_all_cpus.txt", "chipsec" },
		{ "vbox_report_4_1_full.txt", "vbox-log" },
		{ "vmxcap_current_coffeelake.txt", "vmxcap" },
	};
	static const char *const kinds[] = { "rdmsr", "windbg", "chipsec", "vbox-log", "vmxcap" };
	for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) {
		size_t len;
		char *text = load(owned[i].file, &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			int score = va_reader_by_kind(kinds[k])->detect(text, len);
			int mine = !strcmp(kinds[k], owned[i].kind);
			CU_ASSERT(mine ? score > 0 : score == 0);
			if (mine ? score <= 0 : score != 0)
				fprintf(stderr, "\n  %s: %s scores %d", owned[i].file, kinds[k], score);
		}
		free(text);
	}
}

/* The command line decides the radix: 0x481 hex, 481 decimal, 0481 octal. */
static void test_msr_argument_radix(void)
{
	static const struct {
		const char *text;
		int msr;        /* -1: nothing read */
	} cases[] = {
		{ "$ rdmsr 0x481\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr 0X481\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr 1153\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr 02201\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr 0x481h\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr -- 0x481\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr 0x481 -0\n0000007f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr '0x481'\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr --zero 0x481\n0000007f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr -p3 0x481\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr 0x481 | cat\n7f00000016\n", MSR_IA32_VMX_PINBASED_CTLS },
		{ "$ rdmsr 0x481 0x482\n7f00000016\n", -1 },    /* usage error, no output */
		{ "$ rdmsr -z 0x481\n7f00000016\n", -1 },       /* unknown option */
		{ "$ rdmsr --c 0x481\n7f00000016\n", -1 },      /* ambiguous long option */
		{ "$ rdmsr -h 0x481\n7f00000016\n", -1 },
		{ "$ rdmsr $MSR\n7f00000016\n", -1 },
		{ "kvm: ignored rdmsr: 0x481\n7f00000016\n", -1 },
		{ "lkd> rdmsr 481\n7f00000016\n", -1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct va_state st;
		struct va_error err = { 0 };
		static struct va_import_notes notes;
		memset(&notes, 0, sizeof notes);
		va_state_init(&st);
		const struct va_reader *r = va_reader_by_kind("rdmsr");
		int rc = r->read(&st, cases[i].text, strlen(cases[i].text), "t", &err, &notes);
		uint32_t want = cases[i].msr < 0 ? 0 : 1u << cases[i].msr;
		CU_ASSERT_EQUAL(rc, 0);
		CU_ASSERT_EQUAL(st.msr_present, want);
		if (rc || st.msr_present != want)
			fprintf(stderr, "\n  case %zu: rc %d present %#x (%s)", i, rc, st.msr_present,
				err.message);
	}
}

static uint32_t next_random(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/*
 * No reader reads past the text or crashes, whatever is cut off or
 * damaged: every prefix of every sample, and byte-mutated copies, each
 * in a buffer of exactly its length (ASan builds catch the overrun).
 */
static void test_truncations_and_mutations(void)
{
	static const char *const files[] = {
		"rdmsr_default_hex_full.txt", "rdmsr_decimal_octal_raw.txt", "rdmsr_for_loop.txt",
		"rdmsr_all_labelled_git.txt", "rdmsr_labelled_no_commands.txt",
		"windbg_session_full.txt", "hyperdbg_all_cores.txt", "chipsec_all_cpus.txt",
		"vbox_report_4_1_full.txt", "vbox_41_hwaccm_bare_hex.txt",
		"vmxcap_current_coffeelake.txt", "vmxcap_sample_8_5.txt",
	};
	size_t count;
	const struct va_reader *const *readers = va_readers(&count);
	static struct va_import_notes notes;
	uint32_t seed = 0x9e3779b9u;
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		size_t len;
		char *text = load(files[f], &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		size_t step = len / 200 + 1;
		for (size_t cut = 0; cut <= len; cut += step) {
			char *part = malloc(cut ? cut : 1);
			memcpy(part, text, cut);
			for (int round = 0; round < 3; round++) {
				if (round && cut)
					part[next_random(&seed) % cut] = (char)next_random(&seed);
				for (size_t r = 0; r < count; r++) {
					struct va_state st;
					struct va_error err = { 0 };
					notes.count = 0;
					va_state_init(&st);
					readers[r]->detect(part, cut);
					readers[r]->read(&st, part, cut, "t", &err, &notes);
					va_state_release(&st);
				}
			}
			free(part);
		}
		free(text);
	}
	CU_PASS("no crash");
}

CU_TestInfo tests_readers_caps[] = {
	{ "samples give their MSR values and notes", test_good_samples },
	{ "bad samples: line, column, message", test_bad_samples },
	{ "each reader detects its own samples only", test_detection_is_specific },
	{ "rdmsr reads its argument as strtoul(,,0) does", test_msr_argument_radix },
	{ "truncated and damaged input never crashes", test_truncations_and_mutations },
	CU_TEST_INFO_NULL,
};
