/* The fix loop: several faults in different stages are repaired to
 * success; a fault that needs a decision stops it with that fault left; a
 * repair that would make another rule fail is refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/engine/repair.h"
#include "../auditor/input/fix.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"

struct run {
	struct va_state st;
	struct va_report rep;
	struct va_fix_log log;
};

static struct run *fix(const char *overlay)
{
	struct run *r = malloc(sizeof *r);
	CU_ASSERT_FATAL(r != NULL);
	CU_ASSERT_FATAL(fixture_state(&r->st, overlay) == 0);
	va_fix_log_init(&r->log);
	CU_ASSERT(va_fix_run(&r->st, &r->log, &r->rep) >= 0);
	return r;
}

static void done(struct run *r)
{
	va_state_release(&r->st);
	free(r);
}

static int changed_by(const struct run *r, enum va_field f, const char *rule, uint64_t after)
{
	for (unsigned i = 0; i < r->log.n_changes; i++)
		if (r->log.changes[i].field == f && !strcmp(va_rule_at(r->log.changes[i].rule)->id, rule))
			return r->log.changes[i].after == after;
	return 0;
}

static unsigned failures(const struct run *r)
{
	return r->rep.count[VA_FAIL];
}

/* Controls, host state and guest state each broken, plus a link pointer
 * of 0: the loop reaches success and names every change's rule. */
static void test_three_stages_to_success(void)
{
	struct run *r = fix("[vmcs]\n"
			    "PIN_BASED_VM_EXEC_CONTROL = 0\n"
			    "MSR_BITMAP = 0x1000010\n"
			    "HOST_DS_SELECTOR = 0x2b\n"
			    "HOST_CR4 = 0x3706f0\n"
			    "GUEST_TR_AR_BYTES = 0x89\n"
			    "GUEST_DS_AR_BYTES = 0\n"
			    "GUEST_RFLAGS = 0x240\n"
			    "VMCS_LINK_POINTER = 0\n");
	CU_ASSERT_EQUAL(r->rep.verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(failures(r), 0);
	CU_ASSERT_EQUAL(r->rep.count[VA_UNKNOWN], 0);
	CU_ASSERT(changed_by(r, FLD_PIN_BASED_VM_EXEC_CONTROL, "CTL.PIN.ALLOWED0", 0x16));
	CU_ASSERT(changed_by(r, FLD_MSR_BITMAP, "CTL.EXEC.MSR_BITMAP_ALIGN", 0x1000000));
	CU_ASSERT(changed_by(r, FLD_HOST_DS_SELECTOR, "HOST.SEG.DS_RPL_TI", 0x28));
	CU_ASSERT(changed_by(r, FLD_HOST_CR4, "HOST.CR4.FIXED0", 0x3726f0));
	CU_ASSERT(changed_by(r, FLD_GUEST_TR_AR_BYTES, "GUEST.SEG.TR.TYPE", 0x8b));
	CU_ASSERT(changed_by(r, FLD_GUEST_DS_AR_BYTES, "GUEST.SEG.DS.TYPE_ACCESSED", 0x10000));
	CU_ASSERT(changed_by(r, FLD_GUEST_RFLAGS, "GUEST.RFLAGS.BIT1", 0x242));
	CU_ASSERT(r->log.changes[r->log.n_changes - 1].after == ~0ull);
	CU_ASSERT_EQUAL(r->log.n_refused, 0);
	done(r);
}

/* An IA-32e guest with mismatched EFER, a 64-bit CS with D/B set, a
 * non-canonical base, host CR0 missing fixed bits and a forbidden CR4 bit. */
static void test_ia32e_faults_to_success(void)
{
	struct run *r = fix("[vmcs]\n"
			    "GUEST_IA32_EFER = 0x0000000000000101\n"
			    "GUEST_CS_AR_BYTES = 0xe09b\n"
			    "GUEST_GS_BASE = 0x0000888000000000\n"
			    "HOST_CR0 = 0x00050032\n"
			    "GUEST_CR4 = 0x00000000007726f0\n"
			    "GUEST_CR0 = 0x80050032\n");
	CU_ASSERT_EQUAL(r->rep.verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(failures(r), 0);
	CU_ASSERT(changed_by(r, FLD_GUEST_CS_AR_BYTES, "GUEST.SEG.CS.DB_WITH_L", 0xa09b));
	CU_ASSERT(changed_by(r, FLD_GUEST_GS_BASE, "GUEST.SEG.GS.BASE_CANONICAL", 0xffff888000000000ull));
	CU_ASSERT(changed_by(r, FLD_GUEST_CR4, "GUEST.CR4.FIXED1", 0x3726f0));
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_IA32_EFER], 0xd01 & 0x501);
	CU_ASSERT_EQUAL(r->st.field[FLD_HOST_CR0] & 0x80000021, 0x80000021);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CR0] & 0x80000021, 0x80000021);
	done(r);
}

/* Real-mode style state in virtual-8086 mode: the segment rules repair the
 * bases, limits and access rights. */
static void test_v86_segments_to_success(void)
{
	struct run *r = fix("[vmcs]\n"
			    "SECONDARY_VM_EXEC_CONTROL = 0x0010102a\n"
			    "VM_ENTRY_CONTROLS = 0x0000d1ff\n"
			    "GUEST_IA32_EFER = 0\n"
			    "GUEST_CR4 = 0x003526f0\n"
			    "GUEST_RFLAGS = 0x20202\n"
			    "GUEST_RIP = 0x100\n"
			    "GUEST_CS_SELECTOR = 0x1000\nGUEST_CS_BASE = 0\nGUEST_CS_LIMIT = 0xffff\nGUEST_CS_AR_BYTES = 0x9b\n"
			    "GUEST_SS_SELECTOR = 0x2000\nGUEST_SS_BASE = 0x20000\nGUEST_SS_LIMIT = 0xfffff\nGUEST_SS_AR_BYTES = 0xf3\n"
			    "GUEST_DS_SELECTOR = 0x3000\nGUEST_DS_BASE = 0x30000\nGUEST_DS_LIMIT = 0xffff\nGUEST_DS_AR_BYTES = 0x10000\n"
			    "GUEST_ES_SELECTOR = 0x4000\nGUEST_ES_BASE = 0x40000\nGUEST_ES_LIMIT = 0xffff\nGUEST_ES_AR_BYTES = 0xf3\n"
			    "GUEST_FS_SELECTOR = 0x5000\nGUEST_FS_BASE = 0x50000\nGUEST_FS_LIMIT = 0xffff\nGUEST_FS_AR_BYTES = 0xf3\n"
			    "GUEST_GS_SELECTOR = 0x6000\nGUEST_GS_BASE = 0x60000\nGUEST_GS_LIMIT = 0xffff\nGUEST_GS_AR_BYTES = 0xf3\n");
	CU_ASSERT_EQUAL(r->rep.verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CS_BASE], 0x10000);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_CS_AR_BYTES], 0xf3);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_SS_LIMIT], 0xffff);
	CU_ASSERT_EQUAL(r->st.field[FLD_GUEST_DS_AR_BYTES], 0xf3);
	done(r);
}

/* An MSR bitmap beyond the physical-address width must point at real
 * memory: the loop repairs the rest and leaves that failure. */
static void test_stops_at_a_decision(void)
{
	struct run *r = fix("[vmcs]\n"
			    "MSR_BITMAP = 0x0000800000001000\n"
			    "GUEST_TR_AR_BYTES = 0x83\n"
			    "GUEST_RFLAGS = 0x200\n");
	int width = va_rule_find("CTL.EXEC.MSR_BITMAP_WIDTH");
	CU_ASSERT_FATAL(width >= 0);
	CU_ASSERT_EQUAL(r->rep.verdict.result, VA_RESULT_VMFAIL_VALID);
	CU_ASSERT_EQUAL(failures(r), 1);
	CU_ASSERT_EQUAL(r->rep.status[width], VA_FAIL);
	CU_ASSERT(!va_rule_has_repair((unsigned)width));
	CU_ASSERT_EQUAL(r->st.field[FLD_MSR_BITMAP], 0x0000800000001000ull);
	CU_ASSERT(changed_by(r, FLD_GUEST_TR_AR_BYTES, "GUEST.SEG.TR.TYPE", 0x8b));
	CU_ASSERT(changed_by(r, FLD_GUEST_RFLAGS, "GUEST.RFLAGS.BIT1", 0x202));
	done(r);
}

/* "Virtualize x2APIC mode" needs "use TPR shadow"; setting it would make
 * the TPR-threshold rule read the virtual-APIC page, which the state does
 * not give: the repair is refused and the state keeps its controls. */
static void test_refuses_a_repair_that_breaks_another_rule(void)
{
	struct run *r = fix("[vmcs]\nSECONDARY_VM_EXEC_CONTROL = 0x001010ba\nTPR_THRESHOLD = 0x1\n");
	int x2apic = va_rule_find("CTL.EXEC.X2APIC_NEEDS_TPR_SHADOW");
	int vtpr = va_rule_find("CTL.EXEC.TPR_THRESHOLD_VTPR");
	CU_ASSERT_FATAL(x2apic >= 0 && vtpr >= 0);
	CU_ASSERT_EQUAL(r->rep.status[x2apic], VA_FAIL);
	CU_ASSERT_EQUAL(r->rep.status[vtpr], VA_NOT_APPLICABLE);
	const struct va_fix_refusal *ref = va_fix_refusal_of(&r->log, (unsigned)x2apic);
	CU_ASSERT_FATAL(ref != NULL);
	CU_ASSERT_EQUAL(ref->broke, vtpr);
	CU_ASSERT(ref->undecided);
	CU_ASSERT_EQUAL(r->log.n_changes, 0);
	CU_ASSERT_EQUAL(r->st.field[FLD_CPU_BASED_VM_EXEC_CONTROL], 0x94006172);
	done(r);
}

/* With the virtual-APIC page given, the same repair is kept. */
static void test_same_repair_kept_with_memory(void)
{
	struct run *r = fix("[vmcs]\nSECONDARY_VM_EXEC_CONTROL = 0x001010ba\nTPR_THRESHOLD = 0x1\n"
			    "VIRTUAL_APIC_PAGE_ADDR = 0x2000\n[memory]\n0x2080 = 0x20\n");
	CU_ASSERT_EQUAL(r->rep.verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT(changed_by(r, FLD_CPU_BASED_VM_EXEC_CONTROL, "CTL.EXEC.X2APIC_NEEDS_TPR_SHADOW",
			     0x94206172));
	done(r);
}

/* One rule at a time (the wizard's repair key). */
static void test_one_rule_only(void)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_fix_log *log = malloc(sizeof *log);
	CU_ASSERT_FATAL(st && log);
	CU_ASSERT_FATAL(fixture_state(st, "[vmcs]\nGUEST_TR_AR_BYTES = 0x89\nGUEST_RFLAGS = 0x240\n") == 0);
	va_fix_log_init(log);
	int tr = va_rule_find("GUEST.SEG.TR.TYPE"), pin = va_rule_find("CTL.PIN.ALLOWED0");
	CU_ASSERT_EQUAL(va_fix_rule(st, (unsigned)pin, log), 0);   /* it does not fail */
	CU_ASSERT_EQUAL(va_fix_rule(st, (unsigned)tr, log), 1);
	CU_ASSERT_EQUAL(log->n_changes, 1);
	CU_ASSERT_EQUAL(st->field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	CU_ASSERT_EQUAL(st->field[FLD_GUEST_RFLAGS], 0x240);
	CU_ASSERT_EQUAL(va_fix_step(st, log), 1);
	CU_ASSERT_EQUAL(st->field[FLD_GUEST_RFLAGS], 0x242);
	CU_ASSERT_EQUAL(va_fix_step(st, log), 0);
	va_state_release(st);
	free(st);
	free(log);
}

CU_TestInfo tests_fix[] = {
	{ "faults in three stages reach success", test_three_stages_to_success },
	{ "IA-32e faults reach success", test_ia32e_faults_to_success },
	{ "virtual-8086 segments are repaired", test_v86_segments_to_success },
	{ "a fault that needs a decision stops the loop", test_stops_at_a_decision },
	{ "a repair that breaks another rule is refused", test_refuses_a_repair_that_breaks_another_rule },
	{ "the same repair is kept when nothing breaks", test_same_repair_kept_with_memory },
	{ "one rule at a time", test_one_rule_only },
	CU_TEST_INFO_NULL,
};
