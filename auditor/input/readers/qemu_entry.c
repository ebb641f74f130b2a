/*
 * QEMU's "KVM: entry failed, hardware error 0x%x" and the register dump that
 * follows it (x86_cpu_dump_state(), the monitor's "info registers" format),
 * from stderr or a libvirt log.  The registers are KVM's architectural view
 * of the guest (KVM_GET_REGS/SREGS), not the VMCS: only what equals a VMCS
 * field is mapped, the rest is reported in notes.
 */
#include <stdio.h>
#include <string.h>

#include "dump_util.h"

enum {
	A_HWERROR = DU_ACT_READER, /* "KVM: entry failed, hardware error 0x%x" */
	A_INTERNAL,                /* "KVM internal error. Suberror: %d" */
	A_EMULATION,               /* "emulation failure" */
	A_HINT,                    /* KVM's "set kvm_intel.dump_invalid_vmcs=1" */
	A_FLAGS,                   /* EIP/RIP line: CPL, SMM */
	A_CRS,                     /* CR0 CR2 CR3 CR4 */
	A_EFER,                    /* the block's last line */
};

struct qemu {
	struct du_ctx c;
	int have_error;
	uint64_t hw_error;
	unsigned error_line;
	unsigned internal_line, emulation_line, hint_line;
	int regs_seen, efer_seen, crs_seen, smm;
	uint64_t cr0, cr3, cr4, efer;
};

#define F(x) FLD_##x
#define SEG(name, S) \
	{ name " = %4x %8x %8x %8f", DU_GUEST, 0, 0, 0, \
	  { F(GUEST_##S##_SELECTOR), F(GUEST_##S##_BASE), F(GUEST_##S##_LIMIT), F(GUEST_##S##_AR_BYTES) } }

static const struct du_layout qemu_layouts[] = {
	{ "KVM: entry failed, hardware error %x", DU_ALL, 0, DU_ANYWHERE | DU_HEADER, A_HWERROR, { 0 } },
	{ "KVM internal error. Suberror: %d", DU_ALL, 0, DU_ANYWHERE, A_INTERNAL, { 0 } },
	{ "emulation failure", DU_ALL, 0, DU_ANYWHERE, A_EMULATION, { 0 } },
	{ "dump_invalid_vmcs", DU_ALL, 0, DU_ANYWHERE, A_HINT, { 0 } },
	/* the register block: 32-bit and 64-bit forms */
	{ "EAX = %8x EBX = %8x ECX = %8x EDX = %8x", DU_ALL, DU_GUEST, 0, 0, { 0 } },
	{ "ESI = %8x EDI = %8x EBP = %8x ESP = %8x", DU_GUEST, 0, 0, 0, { 0, 0, 0, F(GUEST_RSP) } },
	{ "EIP = %8x EFL = %8x [%s] CPL = %d II = %d A20 = %d SMM = %d HLT = %d", DU_GUEST, 0, 0, A_FLAGS,
	  { F(GUEST_RIP), F(GUEST_RFLAGS) } },
	{ "RAX = %16x RBX = %16x RCX = %16x RDX = %16x", DU_ALL, DU_GUEST, 0, 0, { 0 } },
	{ "RSI = %16x RDI = %16x RBP = %16x RSP = %16x", DU_GUEST, 0, 0, 0, { 0, 0, 0, F(GUEST_RSP) } },
	{ "RIP = %16x RFL = %8x [%s] CPL = %d II = %d A20 = %d SMM = %d HLT = %d", DU_GUEST, 0, 0, A_FLAGS,
	  { F(GUEST_RIP), F(GUEST_RFLAGS) } },
	SEG("ES", ES), SEG("CS", CS), SEG("SS", SS), SEG("DS", DS), SEG("FS", FS), SEG("GS", GS),
	SEG("LDT", LDTR), SEG("TR", TR),
	{ "GDT = %8x %8x", DU_GUEST, 0, 0, 0, { F(GUEST_GDTR_BASE), F(GUEST_GDTR_LIMIT) } },
	{ "IDT = %8x %8x", DU_GUEST, 0, 0, 0, { F(GUEST_IDTR_BASE), F(GUEST_IDTR_LIMIT) } },
	{ "CR0 = %8x CR2 = %8x CR3 = %8x CR4 = %8x", DU_GUEST, 0, 0, A_CRS, { 0 } },
	{ "DR6 = %8x DR7 = %8x", DU_GUEST, 0, 0, 0, { 0, F(GUEST_DR7) } },
	{ "EFER = %16x", DU_GUEST, 0, DU_CLOSE, A_EFER, { 0 } },
};

static int hook(struct du_ctx *c, const struct du_layout *l, const struct du_match *m)
{
	struct qemu *q = (struct qemu *)c;
	unsigned line = du_line(c, m->start);
	switch (l->action) {
	case A_HWERROR:
		if (c->reading && m->nvals) {
			q->have_error = 1;
			q->hw_error = m->val[0];
			q->error_line = line;
		}
		return DU_DONE;
	case A_INTERNAL:
		if (!q->internal_line)
			q->internal_line = line;
		return DU_DONE;
	case A_EMULATION:
		if (!q->emulation_line)
			q->emulation_line = line;
		return DU_DONE;
	case A_HINT:
		if (!q->hint_line)
			q->hint_line = line;
		return DU_DONE;
	case A_FLAGS:
		if (c->reading) {
			q->regs_seen = 1;
			q->smm = m->nvals >= 6 && m->val[5];
		}
		return DU_APPLY;
	case A_CRS:
		if (c->reading && m->nvals >= 4) {
			q->crs_seen = 1;
			q->cr0 = m->val[0];
			q->cr3 = m->val[2];
			q->cr4 = m->val[3];
		}
		return DU_DONE;
	case A_EFER:
		if (c->reading && m->nvals) {
			q->efer_seen = 1;
			q->efer = m->val[0];
		}
		return DU_DONE;
	default:
		return DU_APPLY;
	}
}

/* "hardware error" is the exit reason of a VM-entry failure or, on the
 * VMfailValid path, the VM-instruction error number. */
static int outcome(struct qemu *q)
{
	struct va_state *st = q->c.st;
	uint64_t e = q->hw_error;
	if (!q->have_error)
		return 0;
	if (e == 0xffffffffull) {
		va_error_set(q->c.err, q->c.file, q->error_line, 0, "hardware error 0xffffffff is AMD "
			     "SVM's VMEXIT_INVALID: this failure is not Intel VMX, which vmcs-audit checks");
		return -1;
	}
	if (e >> 32) {
		va_error_set(q->c.err, q->c.file, q->error_line, 0, "hardware error 0x%llx is neither "
			     "an exit reason nor a VM-instruction error", (unsigned long long)e);
		return -1;
	}
	if (e >> 31 & 1) {
		va_state_set_field(st, FLD_VM_EXIT_REASON, e);
	} else if (e == 0) {
		va_note(q->c.notes, "hardware error 0x0 is no VM-instruction error: KVM's own state was "
			"inconsistent (a KVM bug), so the outcome is unknown");
	} else {
		va_state_set_field(st, FLD_VM_INSTRUCTION_ERROR, e);
		va_note(q->c.notes, "hardware error 0x%llx without bit 31 is the VM-instruction error of "
			"a failed VMLAUNCH/VMRESUME (VMfailValid)", (unsigned long long)e);
	}
	return 0;
}

static void view_notes(struct qemu *q)
{
	struct va_import_notes *notes = q->c.notes;
	if (q->regs_seen || q->crs_seen || q->efer_seen)
		va_note(notes, "QEMU's registers are KVM's view of the guest, not the VMCS: RIP, RSP, "
			"RFLAGS, DR7, segments and GDTR/IDTR are taken as the guest fields");
	if (q->crs_seen || q->efer_seen) {
		char efer[40] = "";
		if (q->efer_seen)
			snprintf(efer, sizeof efer, " EFER=%llx", (unsigned long long)q->efer);
		va_note(notes, "QEMU's CR0=%llx CR3=%llx CR4=%llx%s are guest-visible values (CR0/CR4 "
			"read-shadow view, EFER software state), so GUEST_CR0/CR3/CR4/IA32_EFER stay absent",
			(unsigned long long)q->cr0, (unsigned long long)q->cr3, (unsigned long long)q->cr4, efer);
	}
	if (q->crs_seen && !(q->cr0 & 1))
		va_note(notes, "the guest is in real mode (CR0.PE=0): without unrestricted guest KVM runs "
			"it in virtual-8086 mode, so the VMCS segments and RFLAGS differ from this view");
	if (q->smm)
		va_note(notes, "SMM=1: the guest was in KVM-emulated SMM");
	const struct va_state *st = q->c.st;
	for (unsigned f = FLD_GUEST_ES_AR_BYTES; f <= FLD_GUEST_TR_AR_BYTES; f++)
		if (st->presence[f] == VA_SET && (st->field[f] >> 16 & 1)) {
			va_note(notes, "segments QEMU shows as not present are taken as unusable (AR bit "
				"16), as KVM writes them");
			break;
		}
}

static void around(struct qemu *q)
{
	struct va_import_notes *notes = q->c.notes;
	if (q->internal_line)
		va_note(notes, "line %u: \"KVM internal error\" is KVM failing to emulate or handle an "
			"exit, not a failed VM entry", q->internal_line);
	if (q->emulation_line && !q->internal_line)
		va_note(notes, "line %u: an emulation failure is not a failed VM entry", q->emulation_line);
	if (q->hint_line)
		va_note(notes, "KVM did not dump the VMCS (line %u): with kvm_intel.dump_invalid_vmcs=1 "
			"dmesg would hold the whole VMCS for a full audit", q->hint_line);
	if (q->have_error && !q->regs_seen && !q->crs_seen)
		va_note(notes, "only QEMU's failure line is here: its register dump (EAX=/RAX= lines) "
			"is missing, so only the outcome is known");
	else if ((q->regs_seen || q->crs_seen) && !q->efer_seen)
		va_note(notes, "QEMU's register dump from line %u looks truncated (no EFER line): what "
			"it lacks is absent", q->c.dump_line);
}

static int read(struct va_state *st, const char *text, size_t len, const char *file,
		struct va_error *err, struct va_import_notes *notes)
{
	struct qemu q;
	memset(&q, 0, sizeof q);
	du_ctx_init(&q.c, st, text, len, file, err, notes);
	q.c.tab[0] = qemu_layouts;
	q.c.ntab[0] = sizeof qemu_layouts / sizeof qemu_layouts[0];
	q.c.hook = hook;
	if (du_run(&q.c))
		return -1;
	if (!q.c.dumps) {
		va_error_set(err, file, 0, 0, "no QEMU \"KVM: entry failed, hardware error\" line or "
			     "register dump (EAX=... or RAX=... lines) in the input");
		return -1;
	}
	if (outcome(&q))
		return -1;
	view_notes(&q);
	around(&q);
	du_common_notes(&q.c, "QEMU");
	return 0;
}

static int detect(const char *text, size_t len)
{
	/* "A20=%d SMM=%d" is unique to QEMU's CPU state dump */
	static const char *const m[] = {
		"KVM: entry failed, hardware error", "without unrestricted mode", " A20=0 SMM=",
		" A20=1 SMM=", "*** Guest State ***", "KVM internal error",
	};
	uint32_t f = du_markers(text, len, m, sizeof m / sizeof m[0]);
	int score = (f & 1) ? 85 : (f & 2) ? 70 : (f & 12) ? 50 : 0;
	/* with a KVM or Xen dump in the same paste, that dump is the better source */
	if ((f & 16) && score > 40)
		score = 40;
	return score;
}

const struct va_reader va_reader_qemu_entry = {
	.kind = "qemu",
	.what = "QEMU's \"KVM: entry failed, hardware error\" message and register dump",
	.provides = VA_PROVIDES_VMCS,
	.detect = detect,
	.read = read,
};
