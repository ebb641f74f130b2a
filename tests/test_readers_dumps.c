/*
 * The VMCS-dump readers (kvm, xen, qemu, haxm, listing) on the samples under
 * tests/readers/dumps/ and on small inline variants: values, absent fields,
 * the outcome of the failed entry, notes, errors with line and column,
 * detection, and robustness on cut and damaged input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/import.h"
#include "../auditor/input/readers/dump_util.h"
#include "../auditor/input/state_file.h"
#include "suites.h"

#define DUMPS VA_SOURCE_DIR "/tests/readers/dumps/"

struct run {
	struct va_state st;
	struct va_error err;
	struct va_import_notes notes;
	int rc;
};

/* The readers get exactly `len` bytes (no NUL after them), so ASan sees any overread. */
static void run_text(struct run *r, const char *text, size_t len, const char *kind)
{
	char *copy = malloc(len ? len : 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	memcpy(copy, text, len);
	va_state_init(&r->st);
	memset(&r->err, 0, sizeof r->err);
	memset(&r->notes, 0, sizeof r->notes);
	r->rc = va_import(&r->st, copy, len, "t", kind, &r->err, &r->notes);
	free(copy);
}

static void run_str(struct run *r, const char *text, const char *kind)
{
	run_text(r, text, strlen(text), kind);
}

static char *load(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, DUMPS "%s", name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc(n > 0 ? (size_t)n : 1);
	*len = buf ? fread(buf, 1, (size_t)(n > 0 ? n : 0), f) : 0;
	fclose(f);
	return buf;
}

static int run_file(struct run *r, const char *name, const char *kind)
{
	size_t len;
	char *text = load(name, &len);
	if (!text)
		return -1;
	run_text(r, text, len, kind);
	free(text);
	return r->rc;
}

/* Read a sample that must read without error (and say why if it does not). */
#define READ_OK(r, name, kind) do { \
		if (run_file(r, name, kind)) \
			fprintf(stderr, "\n%s: %u:%u: %s\n", name, (r)->err.line, (r)->err.column, \
				(r)->err.message); \
		CU_ASSERT_EQUAL_FATAL((r)->rc, 0); \
	} while (0)

static void done(struct run *r)
{
	va_state_release(&r->st);
}

struct fv {
	enum va_field f;
	uint64_t v;
};

static void expect(const struct run *r, const struct fv *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int ok = r->st.presence[e[i].f] == VA_SET && r->st.field[e[i].f] == e[i].v;
		if (!ok)
			fprintf(stderr, "\n  %s: expected 0x%llx, have 0x%llx (presence %u)\n",
				va_field_name(e[i].f), (unsigned long long)e[i].v,
				(unsigned long long)r->st.field[e[i].f], r->st.presence[e[i].f]);
		CU_ASSERT(ok);
	}
}
#define EXPECT(r, ...) do { \
		static const struct fv e_[] = { __VA_ARGS__ }; \
		expect(r, e_, sizeof e_ / sizeof e_[0]); \
	} while (0)

static void absent(const struct run *r, const enum va_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (r->st.presence[f[i]] != VA_ABSENT)
			fprintf(stderr, "\n  %s should be absent\n", va_field_name(f[i]));
		CU_ASSERT_EQUAL(r->st.presence[f[i]], VA_ABSENT);
	}
}
#define ABSENT(r, ...) do { \
		static const enum va_field a_[] = { __VA_ARGS__ }; \
		absent(r, a_, sizeof a_ / sizeof a_[0]); \
	} while (0)

static int has_note(const struct run *r, const char *part)
{
	for (unsigned i = 0; i < r->notes.count; i++)
		if (strstr(r->notes.text[i], part))
			return 1;
	fprintf(stderr, "\n  no note with \"%s\"; notes:\n", part);
	for (unsigned i = 0; i < r->notes.count; i++)
		fprintf(stderr, "    %s\n", r->notes.text[i]);
	return 0;
}

static int mem(const struct run *r, uint64_t addr, uint64_t value)
{
	uint64_t q = 0;
	return va_mem_read64(&r->st, addr, &q) == 0 && q == value;
}

static int entry_insn(const struct run *r, uint64_t insn)
{
	return va_entry_given(&r->st, ENTRY_INSTRUCTION) && r->st.entry[ENTRY_INSTRUCTION] == insn;
}

#define F(x) FLD_##x

/* ---- KVM ---------------------------------------------------------------- */

static void test_kvm_6x_notes_sample(void)
{
	struct run r;
	READ_OK(&r, "kvm_6x_notes.txt", NULL);
	EXPECT(&r, { F(GUEST_CR0), 0x80050033 }, { F(CR0_READ_SHADOW), 0x80050033 },
	       { F(CR0_GUEST_HOST_MASK), 0xfffffffffffefff7ull }, { F(GUEST_CR4), 0x3726f0 },
	       { F(CR4_READ_SHADOW), 0x3706f0 }, { F(CR4_GUEST_HOST_MASK), 0xfffffffffffef871ull },
	       { F(GUEST_CR3), 0x102a4e000ull }, { F(GUEST_RSP), 0xffffb0c2c0013e98ull },
	       { F(GUEST_RIP), 0xffffffff81a3c1f2ull }, { F(GUEST_RFLAGS), 0x246 },
	       { F(GUEST_DR7), 0x400 },
	       { F(GUEST_SYSENTER_ESP), 0xfffffe0000003000ull }, { F(GUEST_SYSENTER_CS), 0x10 },
	       { F(GUEST_SYSENTER_EIP), 0xffffffff81c01780ull },
	       { F(GUEST_CS_SELECTOR), 0x10 }, { F(GUEST_CS_AR_BYTES), 0xe09b },
	       { F(GUEST_CS_LIMIT), 0xffffffff }, { F(GUEST_CS_BASE), 0 },
	       { F(GUEST_SS_SELECTOR), 0x18 }, { F(GUEST_SS_AR_BYTES), 0xc093 },
	       { F(GUEST_GDTR_LIMIT), 0x7f }, { F(GUEST_GDTR_BASE), 0xfffffe0000001000ull },
	       { F(GUEST_TR_SELECTOR), 0x40 }, { F(GUEST_TR_AR_BYTES), 0x8b },
	       { F(GUEST_TR_LIMIT), 0x4087 },
	       { F(GUEST_TR_BASE), 0xfffffe0000003000ull },
	       { F(GUEST_INTERRUPTIBILITY_INFO), 0 }, { F(GUEST_ACTIVITY_STATE), 0 },
	       { F(CPU_BASED_VM_EXEC_CONTROL), 0xb5a06dfa },
	       { F(SECONDARY_VM_EXEC_CONTROL), 0x237ea },
	       { F(TERTIARY_VM_EXEC_CONTROL), 0 }, { F(PIN_BASED_VM_EXEC_CONTROL), 0x7f },
	       { F(VM_ENTRY_CONTROLS), 0xd3ff }, { F(VM_EXIT_CONTROLS), 0x2befff },
	       { F(VM_ENTRY_INTR_INFO_FIELD), 0 }, { F(VM_EXIT_INSTRUCTION_LEN), 0 },
	       { F(VM_EXIT_REASON), 0x80000021 }, { F(EXIT_QUALIFICATION), 0 });
	/* "(effective)" is KVM's software EFER, not the VMCS field */
	ABSENT(&r, F(GUEST_IA32_EFER), F(GUEST_DS_SELECTOR), F(HOST_RIP), F(VMCS_LINK_POINTER),
	       F(VM_INSTRUCTION_ERROR), F(IDT_VECTORING_INFO_FIELD), F(GUEST_SMBASE));
	CU_ASSERT(has_note(&r, "EFER 0xd01 (effective)"));
	CU_ASSERT(has_note(&r, "looks truncated"));
	CU_ASSERT(has_note(&r, "Host State"));
	done(&r);
}

static void test_kvm_6x_full(void)
{
	struct run r;
	READ_OK(&r, "kvm_6x_full.txt", "kvm");
	EXPECT(&r, { F(GUEST_PDPTR0), 1 }, { F(GUEST_PDPTR1), 2 }, { F(GUEST_PDPTR2), 3 },
	       { F(GUEST_PDPTR3), 4 },
	       { F(GUEST_DS_AR_BYTES), 0x1c000 }, { F(GUEST_FS_BASE), 0x7f3a2b1c0740ull },
	       { F(GUEST_GS_BASE), 0xffff9a0d3fc00000ull }, { F(GUEST_LDTR_AR_BYTES), 0x10000 },
	       { F(GUEST_LDTR_LIMIT), 0xfffff }, { F(GUEST_IDTR_LIMIT), 0xfff },
	       { F(GUEST_IDTR_BASE), 0xfffffe0000000000ull }, { F(GUEST_IA32_EFER), 0xd01 },
	       { F(GUEST_IA32_PAT), 0x0407050600070106ull }, { F(GUEST_IA32_DEBUGCTL), 0 },
	       { F(GUEST_PENDING_DBG_EXCEPTIONS), 0 },
	       { F(GUEST_IA32_PERF_GLOBAL_CTRL), 0x70000000full },
	       { F(GUEST_BNDCFGS), 0 }, { F(GUEST_INTR_STATUS), 0xef },
	       { F(HOST_RIP), 0xffffffffc0d2a0f0ull }, { F(HOST_RSP), 0xffffb0c2c33fbcd0ull },
	       { F(HOST_CS_SELECTOR), 0x10 }, { F(HOST_SS_SELECTOR), 0x18 },
	       { F(HOST_TR_SELECTOR), 0x40 },
	       { F(HOST_FS_BASE), 0x7f3a2b1c0740ull }, { F(HOST_GS_BASE), 0xffff9a0d3fd40000ull },
	       { F(HOST_TR_BASE), 0xfffffe00000c4000ull },
	       { F(HOST_GDTR_BASE), 0xfffffe00000c2000ull },
	       { F(HOST_IDTR_BASE), 0xfffffe0000000000ull }, { F(HOST_CR0), 0x80050033 },
	       { F(HOST_CR3), 0x112a3c004ull }, { F(HOST_CR4), 0x3726f0 },
	       { F(HOST_IA32_SYSENTER_ESP), 0xfffffe00000c4000ull },
	       { F(HOST_IA32_SYSENTER_CS), 0x10 },
	       { F(HOST_IA32_SYSENTER_EIP), 0xffffffff81c01780ull }, { F(HOST_IA32_EFER), 0xd01 },
	       { F(HOST_IA32_PAT), 0x0407050600070106ull },
	       { F(HOST_IA32_PERF_GLOBAL_CTRL), 0x70000000full },
	       { F(TERTIARY_VM_EXEC_CONTROL), 0x10 }, { F(PIN_BASED_VM_EXEC_CONTROL), 0xff },
	       { F(VM_ENTRY_CONTROLS), 0xf3ff }, { F(VM_EXIT_CONTROLS), 0xefefff },
	       { F(EXCEPTION_BITMAP), 0x60042 }, { F(PAGE_FAULT_ERROR_CODE_MASK), 0 },
	       { F(PAGE_FAULT_ERROR_CODE_MATCH), 0 }, { F(VM_ENTRY_INTR_INFO_FIELD), 0x80000b0d },
	       { F(VM_EXIT_INSTRUCTION_LEN), 3 }, { F(IDT_VECTORING_INFO_FIELD), 0 },
	       { F(TSC_OFFSET), 0xfffffb8a1c2d3e4full },
	       { F(TSC_MULTIPLIER), 0x0001000000000000ull },
	       { F(TPR_THRESHOLD), 0 }, { F(APIC_ACCESS_ADDR), 0x104a3b000ull },
	       { F(VIRTUAL_APIC_PAGE_ADDR), 0x104a3c000ull }, { F(POSTED_INTR_NV), 0xf2 },
	       { F(EPT_POINTER), 0x10b12305eull }, { F(PLE_GAP), 0x80 }, { F(PLE_WINDOW), 0x1000 },
	       { F(VIRTUAL_PROCESSOR_ID), 1 }, { F(VE_INFORMATION_ADDRESS), 0x104a3d000ull },
	       { F(VM_EXIT_REASON), 0x80000021 },
	       /* the MSR lists: counts, and the entry-load list at the made-up address */
	       { F(VM_ENTRY_MSR_LOAD_COUNT), 2 }, { F(VM_ENTRY_MSR_LOAD_ADDR), 0x10000000 },
	       { F(VM_EXIT_MSR_STORE_COUNT), 1 }, { F(VM_EXIT_MSR_LOAD_COUNT), 1 });
	CU_ASSERT(mem(&r, 0x10000000, 0x600));
	CU_ASSERT(mem(&r, 0x10000008, 0));
	CU_ASSERT(mem(&r, 0x10000010, 0xc0000080));
	CU_ASSERT(mem(&r, 0x10000018, 0xd01));
	CU_ASSERT_EQUAL(r.st.mem_count, 4);
	ABSENT(&r, F(VMCS_LINK_POINTER), F(IO_BITMAP_A), F(MSR_BITMAP), F(VM_EXIT_MSR_STORE_ADDR),
	       F(CR3_TARGET_COUNT), F(GUEST_SMBASE), F(VMX_PREEMPTION_TIMER_VALUE), F(VM_INSTRUCTION_ERROR));
	CU_ASSERT(has_note(&r, "made up"));
	for (unsigned i = 0; i < r.notes.count; i++)
		CU_ASSERT_PTR_NULL(strstr(r.notes.text[i], "truncated"));
	done(&r);
}

static void test_kvm_5_4_old_layout(void)
{
	struct run r;
	READ_OK(&r, "kvm_5_4_syslog.txt", NULL);
	EXPECT(&r, { F(GUEST_CR0), 0x30 }, { F(CR0_READ_SHADOW), 0x60000010 },
	       { F(GUEST_CR4), 0x2040 },
	       { F(GUEST_CS_SELECTOR), 0xf000 }, { F(GUEST_CS_AR_BYTES), 0x9b },
	       { F(GUEST_CS_BASE), 0xf0000 }, { F(GUEST_LDTR_AR_BYTES), 0x82 },
	       /* "EFER =     0x...  PAT = 0x..." */
	       { F(GUEST_IA32_EFER), 0 }, { F(GUEST_IA32_PAT), 0x0007040600070406ull },
	       { F(HOST_IA32_EFER), 0xd01 }, { F(HOST_IA32_PAT), 0x0407050600070106ull },
	       { F(PIN_BASED_VM_EXEC_CONTROL), 0x7f }, { F(CPU_BASED_VM_EXEC_CONTROL), 0xb5986dfa },
	       { F(SECONDARY_VM_EXEC_CONTROL), 0x23ea }, { F(VM_ENTRY_CONTROLS), 0xd1ff },
	       { F(VM_EXIT_CONTROLS), 0x2befff }, { F(VM_EXIT_REASON), 0x80000021 },
	       { F(TSC_OFFSET), 0xfffffe5c9d2e1b8aull }, { F(EPT_POINTER), 0x4b2d8e05eull },
	       { F(VIRTUAL_PROCESSOR_ID), 3 }, { F(HOST_CR3), 0x4a2c5e006ull });
	ABSENT(&r, F(TERTIARY_VM_EXEC_CONTROL), F(VM_ENTRY_MSR_LOAD_COUNT), F(GUEST_PDPTR0));
	CU_ASSERT_EQUAL(r.notes.count, 0);
	done(&r);
}

static void test_kvm_5_15_autoload(void)
{
	struct run r;
	READ_OK(&r, "kvm_5_15_journal.txt", NULL);
	EXPECT(&r, { F(GUEST_CR4), 0x7726f0 }, { F(GUEST_CR3), 0x12f0b8005ull },
	       { F(GUEST_INTERRUPTIBILITY_INFO), 1 }, { F(GUEST_IA32_PAT), 0x0007040600070406ull },
	       { F(HOST_IA32_PAT), 0x0407050600070106ull },
	       { F(SECONDARY_VM_EXEC_CONTROL), 0x1237ea },
	       { F(VM_ENTRY_CONTROLS), 0xd3fb }, { F(VM_ENTRY_INTR_INFO_FIELD), 0x800000ec },
	       /* pr_cont pieces on lines of their own */
	       { F(GUEST_INTR_STATUS), 0 }, { F(TPR_THRESHOLD), 0 }, { F(APIC_ACCESS_ADDR), 0 },
	       { F(VIRTUAL_APIC_PAGE_ADDR), 0x12a5c7000ull },
	       { F(VM_ENTRY_MSR_LOAD_COUNT), 1 }, { F(VM_ENTRY_MSR_LOAD_ADDR), 0x10000000 });
	CU_ASSERT(mem(&r, 0x10000000, 0xc0000080));
	CU_ASSERT(mem(&r, 0x10000008, 0xd01));
	ABSENT(&r, F(GUEST_IA32_EFER), F(HOST_IA32_EFER), F(TERTIARY_VM_EXEC_CONTROL));
	CU_ASSERT(has_note(&r, "(autoload)"));
	done(&r);
}

static void test_kvm_4x_interleaved(void)
{
	struct run r;
	READ_OK(&r, "kvm_4x_syzbot.txt", NULL);
	EXPECT(&r, { F(GUEST_CR0), 0x31 }, { F(GUEST_PDPTR0), 0x403001 }, { F(GUEST_PDPTR3), 0 },
	       { F(GUEST_IA32_EFER), 0x100 }, { F(GUEST_CS_SELECTOR), 8 },
	       { F(SECONDARY_VM_EXEC_CONTROL), 0xaa }, { F(VM_ENTRY_CONTROLS), 0xd1ff },
	       { F(VM_EXIT_REASON), 0x80000021 }, { F(VIRTUAL_PROCESSOR_ID), 1 });
	CU_ASSERT_EQUAL(r.notes.count, 0);
	done(&r);
}

static void test_kvm_mail_quoted_printable(void)
{
	struct run r;
	READ_OK(&r, "kvm_mail_qp.txt", NULL);
	/* soft breaks, =3D, =C2=A0, hard wraps after "," and mid-label, quote markers */
	EXPECT(&r, { F(GUEST_CR0), 0x80050033 }, { F(CR0_READ_SHADOW), 0x80050033 },
	       { F(CR0_GUEST_HOST_MASK), 0xfffffffffffefff7ull }, { F(CR4_READ_SHADOW), 0x3706f0 },
	       { F(CR4_GUEST_HOST_MASK), 0xfffffffffffef871ull },
	       { F(GUEST_RSP), 0xffffb0c2c0013e98ull },
	       { F(GUEST_RIP), 0xffffffff81a3c1f2ull }, { F(GUEST_RFLAGS), 0x246 },
	       { F(GUEST_DR7), 0x400 },
	       { F(GUEST_CS_BASE), 0 }, { F(GUEST_GDTR_BASE), 0xfffffe0000001000ull },
	       { F(GUEST_ACTIVITY_STATE), 0 }, { F(VM_ENTRY_INSTRUCTION_LEN), 0 },
	       { F(VM_EXIT_REASON), 0x80000021 });
	CU_ASSERT(has_note(&r, "from line 7 looks truncated"));
	done(&r);
}

static void test_kvm_vmfail_with_qemu(void)
{
	struct run r;
	READ_OK(&r, "kvm_vmfail_qemu.txt", NULL);
	EXPECT(&r, { F(VM_INSTRUCTION_ERROR), 7 }, { F(HOST_CR3), 0x112a3c004ull },
	       { F(VM_EXIT_INSTRUCTION_LEN), 2 });
	/* reason=0000001e is the stale one of the previous exit */
	ABSENT(&r, F(VM_EXIT_REASON), F(EXIT_QUALIFICATION));
	CU_ASSERT(has_note(&r, "bit 31 clear"));
	CU_ASSERT(has_note(&r, "VM_INSTRUCTION_ERROR 7"));
	done(&r);
}

static void test_kvm_stale_reason_alone(void)
{
	struct run r;
	run_str(&r, "*** Control State ***\nPinBased=0000007f CPUBased=b5986dfa SecondaryExec=000023ea\n"
		"        reason=00000001 qualification=0000000000000000\n", "kvm");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(PIN_BASED_VM_EXEC_CONTROL), 0x7f });
	ABSENT(&r, F(VM_EXIT_REASON), F(EXIT_QUALIFICATION), F(VM_INSTRUCTION_ERROR));
	CU_ASSERT(has_note(&r, "hardware error"));
	done(&r);
}

static void test_kvm_reason_from_qemu(void)
{
	struct run r;
	run_str(&r, "kvm_intel: *** Guest State ***\nkvm_intel: CR3 = 0x0000000000001000\n"
		"KVM: entry failed, hardware error 0x80000021\n", "kvm");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(GUEST_CR3), 0x1000 }, { F(VM_EXIT_REASON), 0x80000021 });
	ABSENT(&r, F(EXIT_QUALIFICATION), F(VM_INSTRUCTION_ERROR));
	CU_ASSERT(has_note(&r, "from QEMU"));
	done(&r);
}

static void test_kvm_unexpected_exit(void)
{
	struct run r;
	READ_OK(&r, "kvm_unexpected_exit.txt", NULL);
	EXPECT(&r, { F(VM_EXIT_REASON), 0x3e }, { F(EXIT_QUALIFICATION), 0 });
	CU_ASSERT(has_note(&r, "ordinary VM exit"));
	done(&r);
}

static void test_kvm_several_dumps(void)
{
	struct run r;
	READ_OK(&r, "kvm_two_dumps.txt", NULL);
	/* the first dump's values, not the later ones' */
	EXPECT(&r, { F(GUEST_CR0), 0x31 }, { F(GUEST_CR3), 0x1000 },
	       { F(VM_EXIT_REASON), 0x80000021 },
	       { F(TSC_OFFSET), 0xfffffffff0000000ull });
	ABSENT(&r, F(GUEST_PDPTR0));
	CU_ASSERT(has_note(&r, "holds 3 KVM dumps; the first one (from line 1)"));
	done(&r);
}

static void test_kvm_cet_fred(void)
{
	struct run r;
	READ_OK(&r, "kvm_cet_fred.txt", NULL);
	EXPECT(&r, { F(GUEST_S_CET), 4 }, { F(GUEST_SSP), 0xffffb0c2c0017ff8ull },
	       { F(GUEST_INTR_SSP_TABLE), 0xffffffff82e3a000ull }, { F(HOST_S_CET), 4 },
	       { F(HOST_SSP), 0xffffb0c2c33fbff8ull },
	       { F(HOST_INTR_SSP_TABLE), 0xffffffff82e3b000ull },
	       { F(GUEST_IA32_FRED_CONFIG), 0xffffffff81c00a0bull },
	       { F(GUEST_IA32_FRED_STKLVLS), 0 },
	       { F(GUEST_IA32_FRED_RSP1), 0xfffffe0000013000ull },
	       { F(GUEST_IA32_FRED_RSP3), 0xfffffe0000015000ull },
	       { F(HOST_IA32_FRED_CONFIG), 0xffffffff81c00b0bull },
	       { F(HOST_IA32_FRED_RSP2), 0xfffffe00000d4000ull },
	       { F(GUEST_RSP), 0xffffb0c2c0013e98ull }, { F(HOST_RSP), 0xffffb0c2c33fbcd0ull },
	       { F(VM_ENTRY_CONTROLS), 0x80d3ff }, { F(VM_EXIT_CONTROLS), 0x802befff },
	       { F(SECONDARY_VM_EXIT_CONTROLS), 3 }, { F(VM_ENTRY_INTR_INFO_FIELD), 0x80000306 },
	       { F(INJECTED_EVENT_DATA), 1 }, { F(ORIGINAL_EVENT_DATA), 2 });
	done(&r);
}

static void test_kvm_ftrace(void)
{
	struct run r;
	READ_OK(&r, "kvm_ftrace.txt", NULL);
	EXPECT(&r, { F(GUEST_CR0), 0x31 }, { F(GUEST_CR3), 0x1000 },
	       { F(PIN_BASED_VM_EXEC_CONTROL), 0x7f },
	       { F(VM_EXIT_REASON), 0x80000021 });
	done(&r);
}

static void test_kvm_dump_not_enabled(void)
{
	struct run r;
	CU_ASSERT_EQUAL(run_file(&r, "kvm_hint_only.txt", NULL), -1);
	CU_ASSERT_EQUAL(r.err.line, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err.message, "dump_invalid_vmcs"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err.message, "/sys/module/kvm_intel/parameters"));
	done(&r);
}

static void test_kvm_missing_section_markers(void)
{
	struct run r;
	/* a chunk pasted from the middle: labels unique to a section stand for its marker */
	run_str(&r, "CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x0000000000000000\n"
		"FSBase=00007f3a2b1c0740 GSBase=ffff9a0d3fd40000 TRBase=fffffe00000c4000\n"
		"PinBased=0000007f CPUBased=b5986dfa SecondaryExec=000023ea\n", "kvm");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(GUEST_CS_AR_BYTES), 0xa09b }, { F(HOST_FS_BASE), 0x7f3a2b1c0740ull },
	       { F(PIN_BASED_VM_EXEC_CONTROL), 0x7f });
	CU_ASSERT(has_note(&r, "looks truncated"));
	done(&r);
}

static void test_kvm_prefixes_and_wraps(void)
{
	struct run r;
	/* dmesg -T, a console log level, journal short-monotonic, a value cut by a
	 * web form mid-token, a label wrapped away from its value */
	run_str(&r, "[Tue Mar  4 10:11:12 2025] kvm_intel: *** Guest State ***\n"
		"<3>[  311.402197] CR3 = 0x00000001\n"
		"02a4e000\n"
		"[  311.402198] hv03 kernel: RSP = 0x0000000000006f00  RIP =\n"
		"0x000000000000a1c4\n"
		"Mar  4 10:11:12 hv03 kernel: [  311.402199] RFLAGS=0x00000002         DR7 = 0x0000000000000400\n",
		"kvm");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(GUEST_CR3), 0x102a4e000ull }, { F(GUEST_RSP), 0x6f00 },
	       { F(GUEST_RIP), 0xa1c4 },
	       { F(GUEST_RFLAGS), 2 }, { F(GUEST_DR7), 0x400 });
	done(&r);
	/* a line of its own (it has a timestamp) is never taken for a wrapped tail */
	run_str(&r, "[ 1.0] *** Guest State ***\n[ 1.1] CR3 = 0x00000001\n[ 1.2] 02a4e000\n", "kvm");
	CU_ASSERT_EQUAL(r.rc, -1);
	CU_ASSERT_EQUAL(r.err.line, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err.message, "cut short"));
	done(&r);
}

/* ---- Xen ---------------------------------------------------------------- */

static void test_xen_new_layout_wrapped(void)
{
	struct run r;
	READ_OK(&r, "xen_412_wrapped.txt", NULL);
	EXPECT(&r, { F(GUEST_CR0), 0x80050031 }, { F(CR0_READ_SHADOW), 0x80050031 },
	       { F(CR0_GUEST_HOST_MASK), 0xffffffffffffffffull },
	       { F(CR4_GUEST_HOST_MASK), 0xffffffffffe8f860ull },
	       { F(GUEST_CR3), 0x1ab002 }, { F(GUEST_RSP), 0xffffa50a2b4d1e98ull },
	       { F(GUEST_RIP), 0xfffff8034c1bb75eull }, { F(GUEST_RFLAGS), 0x186 },
	       { F(GUEST_DR7), 0x400 },
	       { F(GUEST_SYSENTER_CS), 0 }, { F(GUEST_SYSENTER_EIP), 0 },
	       { F(GUEST_CS_SELECTOR), 0x10 }, { F(GUEST_CS_AR_BYTES), 0xa09b },
	       { F(GUEST_CS_LIMIT), 0 },
	       { F(GUEST_FS_SELECTOR), 0x53 }, { F(GUEST_FS_AR_BYTES), 0x40f3 },
	       { F(GUEST_FS_LIMIT), 0x3c00 },
	       { F(GUEST_GS_BASE), 0xfffff80349f80000ull }, { F(GUEST_GDTR_LIMIT), 0x57 },
	       { F(GUEST_GDTR_BASE), 0xfffff80351c61fb0ull }, { F(GUEST_LDTR_AR_BYTES), 0x1c000 },
	       { F(GUEST_IDTR_LIMIT), 0x12f }, { F(GUEST_TR_AR_BYTES), 0x89 },
	       { F(GUEST_TR_BASE), 0xfffff80351c60000ull }, { F(GUEST_IA32_EFER), 0xd01 },
	       { F(GUEST_IA32_PAT), 0x0007010600070106ull }, { F(VMX_PREEMPTION_TIMER_VALUE), 0 },
	       { F(GUEST_SMBASE), 0 }, { F(GUEST_PENDING_DBG_EXCEPTIONS), 0 },
	       { F(GUEST_ACTIVITY_STATE), 0 },
	       { F(GUEST_INTR_STATUS), 0 },
	       { F(HOST_RIP), 0xffff82d0402b1950ull }, { F(HOST_RSP), 0xffff83203ff1ff70ull },
	       { F(HOST_CS_SELECTOR), 0xe008 }, { F(HOST_GS_SELECTOR), 0 },
	       { F(HOST_TR_SELECTOR), 0xe040 },
	       { F(HOST_GS_BASE), 0 }, { F(HOST_TR_BASE), 0xffff83203ff24000ull },
	       { F(HOST_IDTR_BASE), 0xffff83203ff17000ull }, { F(HOST_CR4), 0x3526e0 },
	       { F(HOST_IA32_SYSENTER_CS), 0xe008 },
	       { F(HOST_IA32_SYSENTER_EIP), 0xffff82d040395440ull },
	       { F(HOST_IA32_PAT), 0x0000050100070406ull },
	       { F(SECONDARY_VM_EXEC_CONTROL), 0x17eb }, { F(VM_EXIT_CONTROLS), 0x2fefff },
	       { F(PAGE_FAULT_ERROR_CODE_MATCH), 0 }, { F(VM_ENTRY_INSTRUCTION_LEN), 0 },
	       { F(VM_EXIT_INSTRUCTION_LEN), 1 }, { F(IDT_VECTORING_ERROR_CODE), 0 },
	       { F(TSC_OFFSET), 0xfffff45ded46dd57ull }, { F(TSC_MULTIPLIER), 0 },
	       { F(POSTED_INTR_NV), 0xf5 }, { F(EPT_POINTER), 0x104e3a701eull },
	       { F(EPTP_INDEX), 0 },
	       { F(PLE_WINDOW), 0x1000 }, { F(VIRTUAL_PROCESSOR_ID), 0x5a02 },
	       { F(VM_FUNCTION_CONTROL), 0 },
	       { F(VM_EXIT_REASON), 0x80000021 }, { F(EXIT_QUALIFICATION), 0 });
	ABSENT(&r, F(VMCS_LINK_POINTER), F(VM_INSTRUCTION_ERROR), F(GUEST_IA32_PERF_GLOBAL_CTRL));
	/* Xen's own register dump after domain_crash is not read as the VMCS */
	CU_ASSERT_EQUAL(r.notes.count, 0);
	done(&r);
}

static void test_xen_old_layout(void)
{
	struct run r;
	READ_OK(&r, "xen_44_old.txt", NULL);
	EXPECT(&r, { F(GUEST_CR3), 0x800000 }, { F(CR3_TARGET_COUNT), 1 },
	       { F(CR3_TARGET_VALUE0), 0x7ff000 },
	       { F(GUEST_RSP), 0x7bd8 }, { F(GUEST_RIP), 0x7c5e }, { F(GUEST_RFLAGS), 6 },
	       { F(GUEST_CS_SELECTOR), 8 }, { F(GUEST_CS_AR_BYTES), 0xc09b },
	       { F(GUEST_FS_AR_BYTES), 0x10000 },
	       { F(GUEST_TR_AR_BYTES), 0x83 }, { F(GUEST_GDTR_BASE), 0x7c70 },
	       { F(GUEST_IA32_PAT), 0x0007040600070406ull },
	       { F(TSC_OFFSET), 0xffffff8d1e3c4a2bull },
	       { F(GUEST_IA32_DEBUGCTL), 0 }, { F(GUEST_INTERRUPTIBILITY_INFO), 0 },
	       { F(HOST_RSP), 0xffff83023fc9ff90ull }, { F(HOST_RIP), 0xffff82d0801e5300ull },
	       { F(HOST_SS_SELECTOR), 0 }, { F(HOST_TR_SELECTOR), 0xe040 },
	       { F(HOST_IA32_PAT), 0x0000050100070406ull }, { F(EXCEPTION_BITMAP), 0x60002 },
	       { F(VM_EXIT_REASON), 0x80000021 }, { F(EXIT_QUALIFICATION), 0 },
	       { F(EPT_POINTER), 0x23e13801eull });
	ABSENT(&r, F(PAGE_FAULT_ERROR_CODE_MASK), F(GUEST_IA32_EFER), F(CR3_TARGET_VALUE1));
	done(&r);
}

static void test_xen_vmlaunch_error(void)
{
	struct run r;
	READ_OK(&r, "xen_vmlaunch_error.txt", NULL);
	EXPECT(&r, { F(VM_INSTRUCTION_ERROR), 7 }, { F(GUEST_CR0), 0x39 }, { F(GUEST_RIP), 0xfff0 },
	       { F(HOST_RIP), 0xffff82d0402b1950ull }, { F(TERTIARY_VM_EXEC_CONTROL), 0 },
	       { F(TSC_MULTIPLIER), 0 });
	ABSENT(&r, F(VM_EXIT_REASON), F(EXIT_QUALIFICATION));
	CU_ASSERT(entry_insn(&r, VA_INSN_VMLAUNCH));
	CU_ASSERT(has_note(&r, "VMLAUNCH failed with VM-instruction error 7"));
	done(&r);
}

static void test_xen_vmresume_error(void)
{
	struct run r;
	run_str(&r, "(XEN) d5v2 VMRESUME error: 0x8\n(XEN) *** Control State ***\n"
		"(XEN) PinBased=0000003f CPUBased=b6a065fa SecondaryExec=000014eb\n"
		"(XEN)         reason=00000001 qualification=0000000000000000\n", "xen");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(VM_INSTRUCTION_ERROR), 8 }, { F(PIN_BASED_VM_EXEC_CONTROL), 0x3f });
	ABSENT(&r, F(VM_EXIT_REASON));
	CU_ASSERT(entry_insn(&r, VA_INSN_VMRESUME));
	done(&r);
}

static void test_xen_msr_loading(void)
{
	struct run r;
	READ_OK(&r, "xen_msr_loading.txt", NULL);
	/* Xen's 0-based entry 3 is the SDM's qualification 4 */
	EXPECT(&r, { F(VM_EXIT_REASON), 0x80000022 }, { F(EXIT_QUALIFICATION), 4 });
	CU_ASSERT(has_note(&r, "counting from 0"));
	CU_ASSERT(has_note(&r, "MSR 0x680 value 0x1fff800000102e60"));
	CU_ASSERT(has_note(&r, "no VMCS dump"));
	done(&r);
	/* the old message prints the qualification itself */
	run_str(&r, "(XEN) Failed vm entry (exit reason 0x80000022) caused by MSR entry 2 loading.\n", NULL);
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(VM_EXIT_REASON), 0x80000022 }, { F(EXIT_QUALIFICATION), 2 });
	done(&r);
}

static void test_xen_efer_msr_ll(void)
{
	struct run r;
	run_str(&r, "(XEN) *** Guest State ***\n"
		"(XEN) EFER(MSR LL) = 0x0000000000000d01  PAT = 0x0007010600070106\n", "xen");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(GUEST_IA32_PAT), 0x0007010600070106ull });
	ABSENT(&r, F(GUEST_IA32_EFER));
	CU_ASSERT(has_note(&r, "(MSR LL)"));
	done(&r);
}

static void test_xen_debug_key(void)
{
	struct run r;
	READ_OK(&r, "xen_debug_key.txt", NULL);
	EXPECT(&r, { F(GUEST_CR3), 0x3f2b0000 }, { F(HOST_RSP), 0xffff83203ff1ff70ull });
	ABSENT(&r, F(VM_EXIT_REASON), F(EXIT_QUALIFICATION));
	CU_ASSERT(has_note(&r, "domain 3 vCPU 0"));
	CU_ASSERT(has_note(&r, "holds 2 Xen dumps"));
	CU_ASSERT(has_note(&r, "not a failed VM entry"));
	done(&r);
}

/* ---- QEMU --------------------------------------------------------------- */

static void test_qemu_notes_sample(void)
{
	struct run r;
	READ_OK(&r, "qemu_notes_32bit.txt", NULL);
	EXPECT(&r, { F(VM_EXIT_REASON), 0x80000021 }, { F(GUEST_RIP), 0xa1c4 },
	       { F(GUEST_RSP), 0x6f00 },
	       { F(GUEST_RFLAGS), 2 }, { F(GUEST_DR7), 0x400 },
	       /* (flags >> 8) & 0xf0ff */
	       { F(GUEST_CS_SELECTOR), 0xf000 }, { F(GUEST_CS_BASE), 0xf0000 },
	       { F(GUEST_CS_LIMIT), 0xffff },
	       { F(GUEST_CS_AR_BYTES), 0x9b }, { F(GUEST_DS_SELECTOR), 0x10 },
	       { F(GUEST_DS_LIMIT), 0xffffffff },
	       { F(GUEST_DS_AR_BYTES), 0xc093 }, { F(GUEST_LDTR_AR_BYTES), 0x82 },
	       { F(GUEST_TR_AR_BYTES), 0x8b },
	       { F(GUEST_GDTR_BASE), 0xf6c00 }, { F(GUEST_GDTR_LIMIT), 0x37 },
	       { F(GUEST_IDTR_BASE), 0 }, { F(GUEST_IDTR_LIMIT), 0x3ff });
	/* guest-visible CRs and EFER are not the VMCS fields */
	ABSENT(&r, F(GUEST_CR0), F(GUEST_CR3), F(GUEST_CR4), F(GUEST_IA32_EFER), F(EXIT_QUALIFICATION),
	       F(VM_INSTRUCTION_ERROR), F(CR0_READ_SHADOW));
	CU_ASSERT(has_note(&r, "KVM's view of the guest"));
	CU_ASSERT(has_note(&r, "CR0=10 CR3=0 CR4=0 EFER=0"));
	CU_ASSERT(has_note(&r, "real mode"));
	done(&r);
}

static void test_qemu_64bit_vmfail(void)
{
	struct run r;
	READ_OK(&r, "qemu_64bit_vmfail.txt", NULL);
	EXPECT(&r, { F(VM_INSTRUCTION_ERROR), 8 }, { F(GUEST_RIP), 0xffffffff81a3c1f2ull },
	       { F(GUEST_RSP), 0xffffffff82603e08ull }, { F(GUEST_RFLAGS), 0x246 },
	       { F(GUEST_CS_AR_BYTES), 0xa09b }, { F(GUEST_SS_AR_BYTES), 0xc093 },
	       /* not present: unusable, as KVM writes it */
	       { F(GUEST_ES_AR_BYTES), 0x1c000 }, { F(GUEST_GS_BASE), 0xffff88803ec00000ull },
	       { F(GUEST_TR_BASE), 0xfffffe0000003000ull }, { F(GUEST_TR_LIMIT), 0x4087 },
	       { F(GUEST_GDTR_BASE), 0xfffffe0000001000ull }, { F(GUEST_DR7), 0x400 });
	ABSENT(&r, F(VM_EXIT_REASON), F(GUEST_CR3));
	CU_ASSERT(has_note(&r, "VMfailValid"));
	CU_ASSERT(has_note(&r, "unusable"));
	done(&r);
}

static void test_qemu_special_errors(void)
{
	struct run r;
	CU_ASSERT_EQUAL(run_file(&r, "qemu_svm.txt", NULL), -1);
	CU_ASSERT_EQUAL(r.err.line, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err.message, "SVM"));
	done(&r);

	READ_OK(&r, "qemu_hint_and_zero.txt", NULL);
	ABSENT(&r, F(VM_EXIT_REASON), F(VM_INSTRUCTION_ERROR));
	EXPECT(&r, { F(GUEST_RIP), 0xfff0 }, { F(GUEST_CS_BASE), 0xffff0000 });
	CU_ASSERT(has_note(&r, "hardware error 0x0"));
	CU_ASSERT(has_note(&r, "SMM=1"));
	CU_ASSERT(has_note(&r, "dump_invalid_vmcs=1"));
	CU_ASSERT(has_note(&r, "looks truncated"));
	done(&r);

	run_str(&r, "qemu-system-x86_64: KVM: entry failed, hardware error 0x80000022\n", NULL);
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(VM_EXIT_REASON), 0x80000022 });
	CU_ASSERT(has_note(&r, "register dump"));
	done(&r);
}

/* ---- HAXM --------------------------------------------------------------- */

static void test_haxm_linux(void)
{
	struct run r;
	READ_OK(&r, "haxm_linux.txt", NULL);
	EXPECT(&r, { F(PIN_BASED_VM_EXEC_CONTROL), 0x1f },
	       { F(CPU_BASED_VM_EXEC_CONTROL), 0x96986dfa },
	       { F(SECONDARY_VM_EXEC_CONTROL), 0x82 }, { F(VM_ENTRY_INTR_INFO_FIELD), 0x80000b0d },
	       { F(CR0_GUEST_HOST_MASK), 0x80000021 }, { F(CR3_TARGET_COUNT), 0 },
	       { F(CR3_TARGET_VALUE0), 0 },
	       { F(VIRTUAL_PROCESSOR_ID), 1 }, { F(IO_BITMAP_A), 0x1f3a4000 },
	       { F(MSR_BITMAP), 0x1f3a6000 },
	       { F(VM_ENTRY_MSR_LOAD_ADDR), 0 }, { F(VM_ENTRY_MSR_LOAD_COUNT), 0 },
	       { F(TSC_OFFSET), 0xfffffd0e8c4b5a20ull }, { F(EPT_POINTER), 0x1f3a701e },
	       { F(VM_EXIT_REASON), 0x80000021 }, { F(EXIT_QUALIFICATION), 0 },
	       { F(HOST_CS_SELECTOR), 0x10 }, { F(HOST_RIP), 0xfffff8034d2c1a80ull },
	       { F(HOST_IA32_EFER), 0xd01 },
	       { F(GUEST_CS_SELECTOR), 0xf000 }, { F(GUEST_CS_AR_BYTES), 0x9b },
	       { F(GUEST_CS_BASE), 0xffff0000 },
	       { F(GUEST_TR_AR_BYTES), 0x8b }, { F(VMCS_LINK_POINTER), 0xffffffffffffffffull },
	       { F(GUEST_IA32_PAT), 0x7040600070406ull }, { F(GUEST_PDPTR3), 0 },
	       { F(GUEST_SMBASE), 0x30000 },
	       { F(GUEST_ACTIVITY_STATE), 0 }, { F(VMX_PREEMPTION_TIMER_VALUE), 0 });
	/* error 0 is no error; HAXM prints no PLE or tertiary controls */
	ABSENT(&r, F(VM_INSTRUCTION_ERROR), F(PLE_GAP), F(TERTIARY_VM_EXEC_CONTROL), F(GUEST_BNDCFGS));
	CU_ASSERT_EQUAL(r.notes.count, 0);
	done(&r);
}

static void test_haxm_macos_and_windows(void)
{
	struct run r;
	READ_OK(&r, "haxm_macos_two.txt", NULL);
	/* the odd encoding 2801 is the high half of 2800 */
	EXPECT(&r, { F(VMCS_LINK_POINTER), 0xffffffffffffffffull },
	       { F(PIN_BASED_VM_EXEC_CONTROL), 0x1f },
	       { F(VM_INSTRUCTION_ERROR), 7 });
	ABSENT(&r, F(VM_EXIT_REASON), F(EXIT_QUALIFICATION), F(CPU_BASED_VM_EXEC_CONTROL));
	CU_ASSERT(has_note(&r, "holds 2 HAXM dumps"));
	CU_ASSERT(has_note(&r, "first: 9999 at line 7"));
	CU_ASSERT(has_note(&r, "VMfailValid"));
	done(&r);

	READ_OK(&r, "haxm_windows_debugview.txt", NULL);
	EXPECT(&r, { F(PIN_BASED_VM_EXEC_CONTROL), 0x1f },
	       { F(VM_ENTRY_INTR_INFO_FIELD), 0x80000b0d },
	       { F(GUEST_TR_AR_BYTES), 0x8b }, { F(GUEST_ACTIVITY_STATE), 1 });
	done(&r);
}

/* ---- listings ----------------------------------------------------------- */

static void test_listing_names(void)
{
	struct run r;
	READ_OK(&r, "listing_bluepill.txt", NULL);
	EXPECT(&r, { F(GUEST_CS_AR_BYTES), 0xa09b }, { F(GUEST_IA32_EFER), 0xd01 },
	       { F(VMCS_LINK_POINTER), 0xffffffffffffffffull },
	       { F(CPU_BASED_VM_EXEC_CONTROL), 0x84006172 },
	       { F(VM_INSTRUCTION_ERROR), 7 });
	ABSENT(&r, F(VM_EXIT_REASON), F(GUEST_RIP));
	done(&r);

	READ_OK(&r, "listing_newbluepill.txt", NULL);
	EXPECT(&r, { F(GUEST_TR_SELECTOR), 0x40 }, { F(VMCS_LINK_POINTER), 0xffffffffffffffffull },
	       { F(GUEST_TR_AR_BYTES), 0x8b }, { F(GUEST_RIP), 0xfffff8034c1bb75eull },
	       { F(VM_EXIT_REASON), 0x80000021 }, { F(EXIT_QUALIFICATION), 0 });
	ABSENT(&r, F(VM_INSTRUCTION_ERROR));
	done(&r);

	READ_OK(&r, "listing_rust_camel.txt", NULL);
	EXPECT(&r, { F(GUEST_ES_SELECTOR), 0x2b }, { F(GUEST_CS_AR_BYTES), 0xa09b },
	       { F(GUEST_CR0), 0x80000031 }, { F(GUEST_IA32_EFER), 0x500 },
	       { F(VMCS_LINK_POINTER), 0xffffffffffffffffull }, { F(VM_EXIT_REASON), 0x80000021 });
	ABSENT(&r, F(GUEST_FS_BASE));
	CU_ASSERT(has_note(&r, "read as hex"));
	CU_ASSERT(has_note(&r, "0xbadc0de"));
	done(&r);
}

static void test_listing_encodings_and_radix(void)
{
	struct run r;
	READ_OK(&r, "listing_encodings.txt", NULL);
	EXPECT(&r, { F(GUEST_CR0), 0x80000031 }, { F(GUEST_CS_SELECTOR), 0x10 },
	       { F(GUEST_CS_AR_BYTES), 0xc09b },
	       { F(VMCS_LINK_POINTER), 0xffffffffffffffffull }, { F(VM_EXIT_REASON), 0x80000021 },
	       /* bare numbers beside 0x-written hex are decimal */
	       { F(GUEST_ES_LIMIT), 0xffff }, { F(GUEST_CS_LIMIT), 0xffffffff });
	CU_ASSERT(has_note(&r, "read as decimal"));
	done(&r);

	run_str(&r, "GUEST_CS_SELECTOR: 10\nGUEST_RIP: 1000\n", "listing");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(GUEST_CS_SELECTOR), 0x10 }, { F(GUEST_RIP), 0x1000 });
	CU_ASSERT(has_note(&r, "no value is written with 0x"));
	done(&r);

	/* a value wrapped onto the next line; "?" and 0n; a value cut off at the end */
	run_str(&r, "GUEST_CR3 =\n  0x1000\nGUEST_RSP = ?\nGUEST_ACTIVITY_STATE = 0n1\nGUEST_RIP =", "listing");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(GUEST_CR3), 0x1000 }, { F(GUEST_ACTIVITY_STATE), 1 });
	ABSENT(&r, F(GUEST_RSP), F(GUEST_RIP));
	CU_ASSERT(has_note(&r, "line 5"));
	done(&r);
}

static void test_listing_hobby_formats(void)
{
	struct run r;
	READ_OK(&r, "listing_noirvisor.txt", NULL);
	EXPECT(&r, { F(VM_INSTRUCTION_ERROR), 7 }, { F(GUEST_CS_SELECTOR), 0x10 },
	       { F(GUEST_CS_AR_BYTES), 0xa09b },
	       { F(GUEST_CS_LIMIT), 0xffffffff }, { F(GUEST_TR_BASE), 0xfffff80349a4e000ull },
	       { F(GUEST_GDTR_LIMIT), 0x57 }, { F(GUEST_IDTR_BASE), 0xfffff80349a4d000ull },
	       { F(GUEST_CR0), 0x80050031 }, { F(GUEST_CR3), 0x1aa000 });
	done(&r);

	run_str(&r, "[hv] VMLAUNCH failed. Instruction error = 7.\n", NULL);
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(VM_INSTRUCTION_ERROR), 7 });
	done(&r);

	run_str(&r, "GUEST_CR0 = 0x31\nGUEST_CR3 = 0x1000\nGUEST_CR0 = 0x80000031\nGUEST_CR4 = 0x20\n", "listing");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	EXPECT(&r, { F(GUEST_CR0), 0x31 }, { F(GUEST_CR3), 0x1000 });
	ABSENT(&r, F(GUEST_CR4));
	CU_ASSERT(has_note(&r, "field repeats at line 3"));
	done(&r);
}

/* ---- errors: line and column of what cannot be read -------------------- */

struct bad {
	const char *kind, *text;
	unsigned line, column;
	const char *part;
};

static const struct bad bad_cases[] = {
	{ "kvm", "*** Guest State ***\nCR3 = 0x0000000102zz4e000\n", 2, 9, "is not a number" },
	{ "kvm", "*** Guest State ***\nCR3 = 0x00000001\n", 2, 9, "cut short" },
	{ "kvm", "*** Guest State ***\nCS:   sel=0x10000, attr=0x0e09b, limit=0xffffffff, base=0x0000000000000000\n",
	  2, 13, "16-bit field GUEST_CS_SELECTOR" },
	{ "kvm", "[ 1.000000] kvm_intel: *** Control State ***\n[ 1.000001] kvm_intel: PinBased=0x0000007g\n",
	  2, 35, "'0000007g' is not a number" },
	{ "kvm", "*** Guest State ***\nRSP = 0x100000000000000000 RIP = 0x0\n", 2, 9, "does not fit in 64 bits" },
	{ "kvm", "*** Guest State ***\nMSR guest autoload:\n  600: msr=0x00000600 value=0x0000000000000000\n",
	  3, 3, "MSR list index 600" },
	{ "kvm", "*** Control State ***\nSVI|RVI = 1ff|00 TPR Threshold = 0x00\n", 2, 11, "8-bit" },
	{ "kvm", "> CR0: actual=3D0x00000000800500zz, shadow=3D0x0, gh_mask=3D0\n", 1, 19, "is not a number" },
	{ "xen", "(XEN) *** Guest State ***\n(XEN)   CS: 0010 0a09b ffffffff 10000000000000000\n", 2, 33,
	  "does not fit in 64 bits" },
	{ "xen", "(XEN) *** Control State ***\n(XEN) CR3 target7=0000000000001000\n", 2, 17, "only 4" },
	{ "qemu", "KVM: entry failed, hardware error 0x8000002q\n", 1, 37, "'8000002q' is not a number" },
	{ "qemu", "EAX=00000000 EBX=00000000 ECX=00000000 EDX=00000000\nCS =f000 000f0000 0000ffff 00zz9b00\n",
	  2, 28, "is not a number" },
	{ "haxm", "haxm_warning: 4000 VMX_PIN_CONTROLS: 1fzz\n", 1, 38, "'1fzz' is not a hex number" },
	{ "haxm", "haxm_warning: 4000 VMX_PIN_CONTROLS: 1ffffffff\n", 1, 38, "does not fit" },
};

static void test_errors_point_at_the_value(void)
{
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad *b = &bad_cases[i];
		struct run r;
		run_str(&r, b->text, b->kind);
		int ok = r.rc == -1 && r.err.line == b->line && r.err.column == b->column &&
			 strstr(r.err.message, b->part) != NULL;
		if (!ok)
			fprintf(stderr, "\n  case %zu (%s): rc %d at %u:%u: %s\n", i, b->kind, r.rc, r.err.line,
				r.err.column, r.err.message);
		CU_ASSERT(ok);
		CU_ASSERT(r.rc == 0 || (r.err.file && !strcmp(r.err.file, "t")));
		done(&r);
	}
}

/* ---- detection ---------------------------------------------------------- */

static const struct {
	const char *file, *kind;
} samples[] = {
	{ "kvm_6x_notes.txt", "kvm" }, { "kvm_6x_full.txt", "kvm" }, { "kvm_5_4_syslog.txt", "kvm" },
	{ "kvm_5_15_journal.txt", "kvm" }, { "kvm_4x_syzbot.txt", "kvm" }, { "kvm_mail_qp.txt", "kvm" },
	{ "kvm_vmfail_qemu.txt", "kvm" }, { "kvm_two_dumps.txt", "kvm" }, { "kvm_cet_fred.txt", "kvm" },
	{ "kvm_ftrace.txt", "kvm" }, { "kvm_hint_only.txt", "kvm" }, { "kvm_unexpected_exit.txt", "kvm" },
	{ "xen_412_wrapped.txt", "xen" }, { "xen_44_old.txt", "xen" }, { "xen_vmlaunch_error.txt", "xen" },
	{ "xen_msr_loading.txt", "xen" }, { "xen_debug_key.txt", "xen" },
	{ "qemu_notes_32bit.txt", "qemu" }, { "qemu_64bit_vmfail.txt", "qemu" }, { "qemu_svm.txt", "qemu" },
	{ "qemu_hint_and_zero.txt", "qemu" },
	{ "haxm_linux.txt", "haxm" }, { "haxm_macos_two.txt", "haxm" }, { "haxm_windows_debugview.txt", "haxm" },
	{ "listing_bluepill.txt", "listing" }, { "listing_newbluepill.txt", "listing" },
	{ "listing_rust_camel.txt", "listing" }, { "listing_encodings.txt", "listing" },
	{ "listing_noirvisor.txt", "listing" },
};

static void test_detection_picks_each_kind(void)
{
	size_t n;
	const struct va_reader *const *readers = va_readers(&n);
	static const char *const kinds[] = { "kvm", "xen", "qemu", "haxm", "listing" };
	for (size_t k = 0; k < 5; k++) {
		const struct va_reader *r = va_reader_by_kind(kinds[k]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		CU_ASSERT_EQUAL(r->provides, VA_PROVIDES_VMCS);
	}
	for (size_t s = 0; s < sizeof samples / sizeof samples[0]; s++) {
		size_t len;
		char *text = load(samples[s].file, &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		const struct va_reader *best = NULL;
		int best_score = 0, ties = 0;
		for (size_t i = 0; i < n; i++) {
			if (!(readers[i]->provides & VA_PROVIDES_VMCS))
				continue;
			int score = readers[i]->detect(text, len);
			if (score > best_score) {
				best = readers[i];
				best_score = score;
				ties = 0;
			} else if (score && score == best_score) {
				ties++;
			}
		}
		int ok = best && !strcmp(best->kind, samples[s].kind) && !ties;
		if (!ok)
			fprintf(stderr, "\n  %s: detected %s (%d, %d ties)\n", samples[s].file,
				best ? best->kind : "nothing", best_score, ties);
		CU_ASSERT(ok);
		free(text);
	}
}

static void test_detection_ambiguous_asks_for_from(void)
{
	struct run r;
	/* the dump part KVM and Xen print alike, with nothing that tells them apart */
	const char *both = "*** Guest State ***\n"
			   "CR0: actual=0x0000000080050033, shadow=0x0000000080050033, gh_mask=ffffffffffffffff\n"
			   "*** Control State ***\n"
			   "PinBased=0000007f CPUBased=b5986dfa SecondaryExec=000023ea\n";
	run_str(&r, both, NULL);
	CU_ASSERT_EQUAL(r.rc, -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err.message, "--from"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err.message, "'kvm'"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err.message, "'xen'"));
	done(&r);
	/* either reader reads it when named */
	run_str(&r, both, "xen");
	CU_ASSERT_EQUAL(r.rc, 0);
	EXPECT(&r, { F(GUEST_CR0), 0x80050033 }, { F(PIN_BASED_VM_EXEC_CONTROL), 0x7f });
	done(&r);
	run_str(&r, both, "kvm");
	CU_ASSERT_EQUAL(r.rc, 0);
	EXPECT(&r, { F(CPU_BASED_VM_EXEC_CONTROL), 0xb5986dfa });
	done(&r);
}

/* ---- robustness --------------------------------------------------------- */

static const char *const kinds_all[] = { "kvm", "xen", "qemu", "haxm", "listing" };

static void each_reader(const char *text, size_t len)
{
	for (size_t k = 0; k < 5; k++) {
		struct run r;
		run_text(&r, text, len, kinds_all[k]);
		CU_ASSERT(r.rc == 0 || r.rc == -1);
		CU_ASSERT(r.rc == 0 || r.err.message[0]);
		done(&r);
	}
}

/* Cut anywhere: never a crash, and values read are never garbage (ASan/UBSan watch). */
static void test_cut_anywhere(void)
{
	static const char *const files[] = { "kvm_mail_qp.txt", "xen_412_wrapped.txt", "qemu_64bit_vmfail.txt",
					     "haxm_macos_two.txt", "listing_rust_camel.txt", "kvm_6x_full.txt" };
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		size_t len;
		char *text = load(files[f], &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		size_t stride = len / 97 + 1;
		for (size_t cut = 0; cut <= len; cut += stride)
			each_reader(text, cut);
		free(text);
	}
}

/* Damaged bytes (a fixed pseudo-random sequence): still no crash. */
static void test_damaged_input(void)
{
	static const char *const files[] = { "kvm_6x_full.txt", "xen_44_old.txt", "haxm_linux.txt",
					     "qemu_notes_32bit.txt", "listing_newbluepill.txt" };
	static const char junk[] = "=\n\r\t 0x:[]()%|>,*-ffff\xc2\xa0\x00\x80";
	uint32_t seed = 12345;
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		size_t len;
		char *text = load(files[f], &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		for (unsigned round = 0; round < 40 && len; round++) {
			for (unsigned k = 0; k < 8; k++) {
				seed = seed * 1103515245u + 12345u;
				size_t at = (seed >> 8) % len;
				seed = seed * 1103515245u + 12345u;
				text[at] = junk[(seed >> 8) % (sizeof junk - 1)];
			}
			each_reader(text, len);
		}
		free(text);
	}
	each_reader("", 0);
	each_reader("\n", 1);
	each_reader("=", 1);
	each_reader("*** Guest State ***", 19);
	each_reader("> =3D=\n=", 8);
}

/* The skipping marker search finds what a plain search finds. */
static void test_marker_search(void)
{
	static const char *const m[] = { "*** Guest State ***", "CR0: actual", "PinBased", "(XEN) d",
					  "abcab", "bcabx", "zzzzzz" };
	static const char alphabet[] = "abcxz*() :0Guest StaePinBsdCR";
	char text[300];
	uint32_t seed = 7;
	for (unsigned round = 0; round < 3000; round++) {
		size_t len = round % 300;
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = alphabet[(seed >> 8) % (sizeof alphabet - 1)];
		}
		/* plant a marker now and then */
		seed = seed * 1103515245u + 12345u;
		size_t which = (seed >> 8) % 7, ml = strlen(m[which]);
		if (len > ml && round % 3 == 0)
			memcpy(text + (seed >> 16) % (len - ml + 1), m[which], ml);
		uint32_t naive = 0;
		for (unsigned k = 0; k < 7; k++) {
			size_t kl = strlen(m[k]);
			for (size_t p = 0; p + kl <= len; p++)
				if (!memcmp(text + p, m[k], kl)) {
					naive |= 1u << k;
					break;
				}
		}
		CU_ASSERT_EQUAL(du_markers(text, len, m, 7), naive);
	}
}

static void test_absent_is_not_zero(void)
{
	struct run r;
	/* a value of 0 in the dump is set; a field the dump lacks is absent, not 0 */
	run_str(&r, "*** Guest State ***\nCR3 = 0x0000000000000000\n", "kvm");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	CU_ASSERT_EQUAL(r.st.presence[FLD_GUEST_CR3], VA_SET);
	CU_ASSERT_EQUAL(r.st.field[FLD_GUEST_CR3], 0);
	CU_ASSERT_EQUAL(r.st.presence[FLD_GUEST_RIP], VA_ABSENT);
	CU_ASSERT_EQUAL(r.st.absent_count, FLD_COUNT - 2);
	done(&r);
}

CU_TestInfo tests_readers_dumps[] = {
	{ "kvm 6.x sample of the notes", test_kvm_6x_notes_sample },
	{ "kvm 6.x every optional line", test_kvm_6x_full },
	{ "kvm <= 5.11 layout, syslog", test_kvm_5_4_old_layout },
	{ "kvm 5.12-5.17 autoload, journal", test_kvm_5_15_autoload },
	{ "kvm 4.x interleaved console", test_kvm_4x_interleaved },
	{ "kvm mail quoted-printable", test_kvm_mail_quoted_printable },
	{ "kvm VMfail with QEMU's error", test_kvm_vmfail_with_qemu },
	{ "kvm stale reason alone", test_kvm_stale_reason_alone },
	{ "kvm reason from QEMU", test_kvm_reason_from_qemu },
	{ "kvm unexpected exit", test_kvm_unexpected_exit },
	{ "kvm several dumps", test_kvm_several_dumps },
	{ "kvm CET and FRED lines", test_kvm_cet_fred },
	{ "kvm ftrace bprint", test_kvm_ftrace },
	{ "kvm dump_invalid_vmcs off", test_kvm_dump_not_enabled },
	{ "kvm missing section markers", test_kvm_missing_section_markers },
	{ "kvm prefixes and wraps", test_kvm_prefixes_and_wraps },
	{ "xen new layout, wrapped mail", test_xen_new_layout_wrapped },
	{ "xen old layout", test_xen_old_layout },
	{ "xen VMLAUNCH error", test_xen_vmlaunch_error },
	{ "xen VMRESUME error", test_xen_vmresume_error },
	{ "xen MSR loading", test_xen_msr_loading },
	{ "xen EFER(MSR LL)", test_xen_efer_msr_ll },
	{ "xen debug key v", test_xen_debug_key },
	{ "qemu sample of the notes", test_qemu_notes_sample },
	{ "qemu 64-bit VMfail", test_qemu_64bit_vmfail },
	{ "qemu special hardware errors", test_qemu_special_errors },
	{ "haxm linux", test_haxm_linux },
	{ "haxm macos and windows", test_haxm_macos_and_windows },
	{ "listing names", test_listing_names },
	{ "listing encodings and radix", test_listing_encodings_and_radix },
	{ "listing hobby formats", test_listing_hobby_formats },
	{ "errors point at the value", test_errors_point_at_the_value },
	{ "detection picks each kind", test_detection_picks_each_kind },
	{ "detection ambiguous asks for --from", test_detection_ambiguous_asks_for_from },
	{ "cut anywhere", test_cut_anywhere },
	{ "damaged input", test_damaged_input },
	{ "marker search", test_marker_search },
	{ "absent is not zero", test_absent_is_not_zero },
	CU_TEST_INFO_NULL,
};
