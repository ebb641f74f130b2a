/*
 * Linux KVM's dump_vmcs() (arch/x86/kvm/vmx/vmx.c) as dmesg, journal, serial
 * consoles and mail show it: every layout from 4.x to 6.x (old and new
 * EFER/PAT and control lines, tertiary controls, MSR autoload lists, #VE
 * info) and the out-of-tree CET and FRED lines.  The line layouts KVM shares
 * with Xen live in dump_util.c; this file adds KVM's own and decides what
 * the dump says about the failed VM entry.
 */
#include <string.h>

#include "dump_util.h"

enum {
	A_LIST_ENTRY_LOAD = DU_ACT_READER, /* "MSR guest autoload:" */
	A_LIST_EXIT_STORE,      /* "MSR guest autostore:" */
	A_LIST_EXIT_LOAD,       /* "MSR host autoload:" */
	A_MSR_ENTRY,            /* "  %2d: msr=0x%08x value=0x%016llx" */
	A_HINT,                 /* "set kvm_intel.dump_invalid_vmcs=1 ..." */
	A_QEMU,                 /* QEMU's "KVM: entry failed, hardware error 0x%x" */
	A_UNEXPECTED,           /* "vmx: unexpected exit reason 0x%x" */
};

/* The three MSR lists dump_vmcs() prints (>= 5.12). */
enum { LIST_NONE, LIST_ENTRY_LOAD, LIST_EXIT_STORE, LIST_EXIT_LOAD, LIST_COUNT };
#define MSR_LIST_MAX 512   /* the SDM's recommended maximum list length */

struct kvm {
	struct du_ctx c;
	unsigned hint_line;
	int qemu_seen;
	uint64_t qemu_error;
	unsigned qemu_line;
	int unexpected;
	unsigned list, list_section;
	unsigned count[LIST_COUNT];   /* highest index + 1 */
	unsigned entries[LIST_COUNT]; /* entries printed */
};

#define F(x) FLD_##x
#define ONE(where, t, f) { t, where, 0, 0, 0, { F(f) } }
#define ACTION(where, flags, t, act) { t, where, 0, flags, act, { 0 } }

static const struct du_layout kvm_layouts[] = {
	/* >= 5.13: the dump's first line; the pointer is a hashed %p */
	ACTION(DU_ALL, DU_HEADER, "VMCS %s, last attempted VM-entry on CPU@ %d", 0),
	ACTION(DU_GUEST, 0, "MSR guest autoload:", A_LIST_ENTRY_LOAD),
	ACTION(DU_GUEST, 0, "MSR guest autostore:", A_LIST_EXIT_STORE),
	ACTION(DU_HOST, 0, "MSR host autoload:", A_LIST_EXIT_LOAD),
	ACTION(DU_GUEST | DU_HOST, 0, "%d: msr =@ %8x value = %16x", A_MSR_ENTRY),
	/* 6.10+ */
	ONE(DU_CTRL, "VE info address = %16x", VE_INFORMATION_ADDRESS),
	/* FRED series (not merged): RSP0 is an MSR, not a VMCS field */
	{ "FRED guest: config = %x, stack levels = %x", DU_GUEST, 0, 0, 0,
	  { F(GUEST_IA32_FRED_CONFIG), F(GUEST_IA32_FRED_STKLVLS) } },
	{ "FRED host: config = %x, stack levels = %x", DU_HOST, 0, 0, 0,
	  { F(HOST_IA32_FRED_CONFIG), F(HOST_IA32_FRED_STKLVLS) } },
	{ "RSP0 = %x", DU_GUEST | DU_HOST, 0, 0, 0, { 0 } },
	ONE(DU_GUEST, "RSP1 = %x", GUEST_IA32_FRED_RSP1),
	ONE(DU_GUEST, "RSP2 = %x", GUEST_IA32_FRED_RSP2),
	ONE(DU_GUEST, "RSP3 = %x", GUEST_IA32_FRED_RSP3),
	ONE(DU_HOST, "RSP1 = %x", HOST_IA32_FRED_RSP1),
	ONE(DU_HOST, "RSP2 = %x", HOST_IA32_FRED_RSP2),
	ONE(DU_HOST, "RSP3 = %x", HOST_IA32_FRED_RSP3),
	/* around the dump */
	ACTION(DU_ALL, DU_ANYWHERE, "dump_invalid_vmcs", A_HINT),
	ACTION(DU_ALL, DU_ANYWHERE | DU_CLOSE, "KVM: entry failed, hardware error %x", A_QEMU),
	ACTION(DU_ALL, DU_ANYWHERE, "unexpected exit reason %x", A_UNEXPECTED),
	/* QEMU's register dump is not part of KVM's: it ends any dump before it */
	ACTION(DU_ALL, DU_CLOSE, "EAX = %8x EBX =@", 0),
	ACTION(DU_ALL, DU_CLOSE, "RAX = %16x RBX =@", 0),
};

static int msr_entry(struct kvm *k, const struct du_match *m)
{
	struct du_ctx *c = &k->c;
	if (!c->reading || k->list == LIST_NONE || k->list_section != c->section || m->nvals < 3)
		return DU_DONE;
	if (m->val[0] >= MSR_LIST_MAX)
		return du_fail(c, m->val_off[0], "MSR list index %llu is beyond any list KVM keeps",
			       (unsigned long long)m->val[0]);
	if (m->val[1] > 0xffffffffull)
		return du_fail(c, m->val_off[1], "MSR number 0x%llx does not fit in 32 bits",
			       (unsigned long long)m->val[1]);
	unsigned idx = (unsigned)m->val[0];
	if (idx + 1 > k->count[k->list])
		k->count[k->list] = idx + 1;
	k->entries[k->list]++;
	if (k->list != LIST_ENTRY_LOAD)
		return DU_DONE;
	/* The SDM's 16-byte entry: MSR index in bits 31:0, reserved, then data. */
	uint64_t at = DU_SYNTHETIC_MSR_LOAD_ADDR + 16ull * idx;
	if (va_state_set_memory(c->st, at, m->val[1]) || va_state_set_memory(c->st, at + 8, m->val[2]))
		return du_fail(c, m->val_off[0], "out of memory");
	return DU_DONE;
}

static int hook(struct du_ctx *c, const struct du_layout *l, const struct du_match *m)
{
	struct kvm *k = (struct kvm *)c;
	switch (l->action) {
	case A_LIST_ENTRY_LOAD:
	case A_LIST_EXIT_STORE:
	case A_LIST_EXIT_LOAD:
		k->list = LIST_ENTRY_LOAD + (unsigned)(l->action - A_LIST_ENTRY_LOAD);
		k->list_section = c->section;
		return DU_DONE;
	case A_MSR_ENTRY:
		return msr_entry(k, m);
	case A_HINT:
		if (!k->hint_line)
			k->hint_line = du_line(c, m->start);
		return DU_DONE;
	case A_QEMU:
		if (!k->qemu_seen && m->nvals) {
			k->qemu_seen = 1;
			k->qemu_error = m->val[0];
			k->qemu_line = du_line(c, m->start);
		}
		return DU_DONE;
	case A_UNEXPECTED:
		/* printed just before the dump it explains */
		if (c->dumps == 0)
			k->unexpected = 1;
		return DU_DONE;
	default:
		return du_vmcs_action(c, l, m);
	}
}

/* The MSR lists the dump printed: counts, and the entry-load list in memory. */
static void msr_lists(struct kvm *k)
{
	struct va_state *st = k->c.st;
	if (k->count[LIST_EXIT_STORE])
		va_state_set_field(st, FLD_VM_EXIT_MSR_STORE_COUNT, k->count[LIST_EXIT_STORE]);
	if (k->count[LIST_EXIT_LOAD])
		va_state_set_field(st, FLD_VM_EXIT_MSR_LOAD_COUNT, k->count[LIST_EXIT_LOAD]);
	unsigned n = k->count[LIST_ENTRY_LOAD];
	if (!n)
		return;
	va_state_set_field(st, FLD_VM_ENTRY_MSR_LOAD_COUNT, n);
	va_state_set_field(st, FLD_VM_ENTRY_MSR_LOAD_ADDR, DU_SYNTHETIC_MSR_LOAD_ADDR);
	va_note(k->c.notes, "KVM prints the VM-entry MSR-load list (%u entr%s) but not its address: "
		"VM_ENTRY_MSR_LOAD_ADDR = 0x%llx is made up to hold them in [memory]; checks of the "
		"address itself say nothing about the real one", n, n == 1 ? "y" : "ies",
		(unsigned long long)DU_SYNTHETIC_MSR_LOAD_ADDR);
	if (k->entries[LIST_ENTRY_LOAD] < n)
		va_note(k->c.notes, "the MSR autoload list skips indexes: the missing entries are absent");
}

/*
 * What the failed attempt was.  dump_vmcs() runs after a VM-entry failure
 * (reason with bit 31), after VMfailValid (its reason line is then the
 * stale one of the previous exit; QEMU prints the VM-instruction error as
 * "hardware error") and after an unexpected exit reason.
 */
static int outcome(struct kvm *k)
{
	struct va_state *st = k->c.st;
	int has_r = st->presence[FLD_VM_EXIT_REASON] == VA_SET;
	uint64_t r = st->field[FLD_VM_EXIT_REASON];
	uint64_t q = k->qemu_error;

	if (has_r && !(r >> 31 & 1) && !k->unexpected) {
		va_state_mark_absent(st, FLD_VM_EXIT_REASON);
		va_state_mark_absent(st, FLD_EXIT_QUALIFICATION);
		va_note(k->c.notes, "the KVM dump's reason=%08llx has bit 31 clear: KVM dumps like this "
			"after VMLAUNCH/VMRESUME failed (VMfailValid), when the reason is stale, so the "
			"exit reason and qualification are left absent%s", (unsigned long long)r,
			k->qemu_seen ? "" : " (QEMU's \"hardware error\" line would give the "
			"VM-instruction error)");
		has_r = 0;
	}
	if (has_r && !(r >> 31 & 1))
		va_note(k->c.notes, "the dump follows KVM's \"unexpected exit reason\" message: exit "
			"reason 0x%llx is an ordinary VM exit, not a failed VM entry", (unsigned long long)r);
	if (!k->qemu_seen)
		return 0;
	if (q == 0xffffffffull) {
		va_note(k->c.notes, "QEMU's hardware error 0xffffffff is AMD SVM's VMEXIT_INVALID, not VMX");
	} else if (q >> 31 & 1) {
		if (q >> 32) {
			va_note(k->c.notes, "QEMU's hardware error 0x%llx is not an exit reason",
				(unsigned long long)q);
		} else if (!has_r) {
			va_state_set_field(st, FLD_VM_EXIT_REASON, q);
			va_note(k->c.notes, "VM_EXIT_REASON 0x%08llx is from QEMU's \"hardware error\" "
				"line %u (the dump has no reason line)", (unsigned long long)q, k->qemu_line);
		} else if (q != r) {
			va_note(k->c.notes, "QEMU reports hardware error 0x%llx but the dump's reason is "
				"%08llx: they may be different failures; the dump's is used",
				(unsigned long long)q, (unsigned long long)r);
		}
	} else if (q == 0) {
		va_note(k->c.notes, "QEMU's hardware error 0x0 is no VM-instruction error: KVM's own "
			"state was inconsistent (seen with a KVM bug), not the VMCS");
	} else if (has_r) {
		va_note(k->c.notes, "QEMU reports VMfailValid (hardware error 0x%llx) but the dump shows "
			"a VM-entry failure (reason %08llx): they may be different failures; the dump's is used",
			(unsigned long long)q, (unsigned long long)r);
	} else if (q <= 0xffffffffull) {
		va_state_set_field(st, FLD_VM_INSTRUCTION_ERROR, q);
		va_note(k->c.notes, "VM_INSTRUCTION_ERROR %llu is from QEMU's \"hardware error\" "
			"line %u: VMLAUNCH/VMRESUME failed (VMfailValid)", (unsigned long long)q,
			k->qemu_line);
	}
	return 0;
}

static int read(struct va_state *st, const char *text, size_t len, const char *file,
		struct va_error *err, struct va_import_notes *notes)
{
	struct kvm k;
	memset(&k, 0, sizeof k);
	du_ctx_init(&k.c, st, text, len, file, err, notes);
	k.c.tab[0] = du_vmcs_common;
	k.c.ntab[0] = du_vmcs_common_count;
	k.c.tab[1] = kvm_layouts;
	k.c.ntab[1] = sizeof kvm_layouts / sizeof kvm_layouts[0];
	k.c.hook = hook;
	if (du_run(&k.c))
		return -1;
	if (!k.c.dumps) {
		if (k.hint_line) {
			va_error_set(err, file, k.hint_line, 0, "KVM did not dump the VMCS "
				     "(kvm_intel.dump_invalid_vmcs is off): run 'echo 1 > /sys/module/"
				     "kvm_intel/parameters/dump_invalid_vmcs' (or boot with "
				     "kvm_intel.dump_invalid_vmcs=1), reproduce the failure and give the "
				     "dmesg lines from '*** Guest State ***' on");
			return -1;
		}
		va_error_set(err, file, 0, 0, "no KVM VMCS dump (dump_vmcs() output with "
			     "'*** Guest State ***' and the lines after it) in the input");
		return -1;
	}
	msr_lists(&k);
	if (outcome(&k))
		return -1;
	du_note_truncated(&k.c, "KVM");
	du_common_notes(&k.c, "KVM");
	return 0;
}

static int detect(const char *text, size_t len)
{
	int kvm, xen;
	du_vmcs_scores(text, len, &kvm, &xen);
	return kvm;
}

const struct va_reader va_reader_kvm_dump = {
	.kind = "kvm",
	.what = "Linux KVM dump_vmcs() output from dmesg (kvm_intel.dump_invalid_vmcs=1)",
	.provides = VA_PROVIDES_VMCS,
	.detect = detect,
	.read = read,
};
