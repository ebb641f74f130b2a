/*
 * Xen's vmcs_dump_vcpu() (xen/arch/x86/hvm/vmx/vmcs.c) with the messages
 * around it, as "xl dmesg" and serial consoles show them: the new layout
 * (4.6+, segment table, "(0x...)" copies of Xen's saved registers, EFER(VMCS)
 * / EFER(MSR LL)), the old one (<= 4.5, KVM-like), the failure headers, and
 * the live dumps of debug key 'v'.
 */
#include <string.h>

#include "dump_util.h"

enum {
	A_FAIL = DU_ACT_READER, /* "%pv vmentry failure (reason %#x): ..." */
	A_FAIL_IGS,             /* ... "Invalid guest state (%lu)" */
	A_FAIL_MSR,             /* ... "MSR loading (entry %lu)", 0-based */
	A_OLD_FAIL,             /* "Failed vm entry (exit reason 0x%x) ..." */
	A_OLD_IGS,              /* ... "caused by invalid guest state (%ld)." */
	A_OLD_MSR,              /* ... "caused by MSR entry %ld loading.", the qualification */
	A_MSR_DETAIL,           /* "  msr %08x val %016lx (mbz %#x)" */
	A_VMLAUNCH,             /* "%pv VMLAUNCH error: %#lx" */
	A_VMRESUME,
	A_DEBUG_KEY,            /* "VMCS Areas" */
	A_DOMAIN,               /* ">>> Domain %d <<<" */
	A_VCPU,                 /* "\tVCPU %d" */
};

struct xen {
	struct du_ctx c;
	int failure;            /* 0 no header, 1 VM-entry failure, 2 VMLAUNCH/VMRESUME error */
	unsigned header_line;
	uint64_t reason, qual, insn_error;
	int have_qual, resume;
	int msr_index_known;    /* Xen printed a 0-based entry index */
	uint64_t msr_index;
	int msr_detail;
	uint64_t msr_number, msr_value, msr_mbz;
	int debug_key;
	int have_domain, have_vcpu;
	uint64_t domain, vcpu;
};

#define F(x) FLD_##x
#define ONE(where, t, f) { t, where, 0, 0, 0, { F(f) } }
#define ACTION(where, flags, t, act) { t, where, 0, flags, act, { 0 } }
#define ROW(name, S) \
	{ name ": %4x %4x %8x %16x", DU_GUEST, DU_GUEST, DU_IMPLY, 0, \
	  { F(GUEST_##S##_SELECTOR), F(GUEST_##S##_AR_BYTES), F(GUEST_##S##_LIMIT), F(GUEST_##S##_BASE) } }

static const struct du_layout xen_layouts[] = {
	/* headers before a dump */
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER, "vmentry failure (reason %x):", A_FAIL),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER, "vmentry failure (reason %x): Invalid guest state (%d)",
	       A_FAIL_IGS),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER, "vmentry failure (reason %x): MSR loading (entry %d)",
	       A_FAIL_MSR),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER, "Failed vm entry (exit reason %x)", A_OLD_FAIL),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER,
	       "Failed vm entry (exit reason %x) caused by invalid guest state (%d)", A_OLD_IGS),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER,
	       "Failed vm entry (exit reason %x) caused by MSR entry %d loading", A_OLD_MSR),
	ACTION(DU_PRE, 0, "msr %8x val %16x (mbz %x)", A_MSR_DETAIL),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER, "VMLAUNCH error: %x", A_VMLAUNCH),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER, "VMRESUME error: %x", A_VMRESUME),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER, "VMCS Area", 0),
	ACTION(DU_ALL, DU_ANYWHERE | DU_HEADER, "VMCS Areas", A_DEBUG_KEY),
	ACTION(DU_ALL, DU_HEADER, "Domain %d <<<@", A_DOMAIN),
	ACTION(DU_ALL, DU_HEADER, "VCPU %d@", A_VCPU),
	/* after it: the closing line, domain_crash and Xen's own register dump */
	ACTION(DU_ALL, DU_CLOSE, "********************", 0),
	ACTION(DU_ALL, DU_ANYWHERE | DU_CLOSE, "domain_crash", 0),
	ACTION(DU_ALL, DU_CLOSE, "----[ Xen-", 0),

	/* guest state, new layout: the VMCS value, then Xen's copy in parentheses */
	{ "RSP = %16x (%16x)", DU_GUEST, 0, 0, 0, { F(GUEST_RSP) } },
	{ "RIP = %16x (%16x)", DU_GUEST, 0, 0, 0, { F(GUEST_RIP) } },
	{ "RFLAGS = %8x (%8x)", DU_GUEST, 0, 0, 0, { F(GUEST_RFLAGS) } },
	ROW("ES", ES), ROW("CS", CS), ROW("SS", SS), ROW("DS", DS), ROW("FS", FS), ROW("GS", GS),
	ROW("LDTR", LDTR), ROW("TR", TR),
	{ "GDTR: %8x %16x", DU_GUEST, DU_GUEST, DU_IMPLY, 0, { F(GUEST_GDTR_LIMIT), F(GUEST_GDTR_BASE) } },
	{ "IDTR: %8x %16x", DU_GUEST, DU_GUEST, DU_IMPLY, 0, { F(GUEST_IDTR_LIMIT), F(GUEST_IDTR_BASE) } },
	ONE(DU_GUEST, "EFER(VMCS) = %16x", GUEST_IA32_EFER),
	ACTION(DU_GUEST, 0, "EFER(MSR LL) = %16x", DU_ACT_EFER_MSR_LL),
	ONE(DU_GUEST, "PreemptionTimer = %8x", VMX_PREEMPTION_TIMER_VALUE),
	ONE(DU_GUEST, "SM Base = %8x", GUEST_SMBASE),
	ONE(DU_GUEST, "ISST = %x", GUEST_INTR_SSP_TABLE),
	/* guest state, old layout */
	{ "CR3: actual = %16x, target_count = %d", DU_GUEST, DU_GUEST, DU_IMPLY, 0,
	  { F(GUEST_CR3), F(CR3_TARGET_COUNT) } },
	ACTION(DU_GUEST | DU_CTRL, 0, "target%d =@ %16x", DU_ACT_CR3_TARGET),
	ONE(DU_GUEST, "Guest PAT = %16x", GUEST_IA32_PAT),
	ONE(DU_HOST, "Host PAT = %16x", HOST_IA32_PAT),

	/* host state: the exit handler's symbol follows HOST_RIP */
	ONE(DU_HOST, "RIP = %16x (%s)", HOST_RIP),

	/* control state */
	ONE(DU_CTRL, "EPTP index = %4x", EPTP_INDEX),
	ONE(DU_CTRL, "VMfunc controls = %16x", VM_FUNCTION_CONTROL),
	ACTION(DU_CTRL, 0, "CR3 target%d =@ %16x", DU_ACT_CR3_TARGET),
};

static int header(struct xen *x, int failure, uint64_t reason, const struct du_match *m)
{
	x->failure = failure;
	x->reason = reason;
	x->header_line = du_line(&x->c, m->start);
	return DU_DONE;
}

static int hook(struct du_ctx *c, const struct du_layout *l, const struct du_match *m)
{
	struct xen *x = (struct xen *)c;
	/* a header belongs to the dump it begins: only the first one's count */
	int first = c->reading;
	switch (l->action) {
	case A_FAIL:
	case A_OLD_FAIL:
		return first && m->nvals >= 1 ? header(x, 1, m->val[0], m) : DU_DONE;
	case A_FAIL_IGS:
	case A_OLD_IGS:
	case A_OLD_MSR:
		if (!first || m->nvals < 2)
			return DU_DONE;
		x->qual = m->val[1];
		x->have_qual = 1;
		return header(x, 1, m->val[0], m);
	case A_FAIL_MSR:
		if (!first || m->nvals < 2)
			return DU_DONE;
		/* Xen prints the 0-based entry; the SDM's qualification counts from 1 */
		x->msr_index_known = 1;
		x->msr_index = m->val[1];
		x->qual = m->val[1] + 1;
		x->have_qual = 1;
		return header(x, 1, m->val[0], m);
	case A_MSR_DETAIL:
		if (first && x->failure == 1 && m->nvals >= 3) {
			x->msr_detail = 1;
			x->msr_number = m->val[0];
			x->msr_value = m->val[1];
			x->msr_mbz = m->val[2];
		}
		return DU_DONE;
	case A_VMLAUNCH:
	case A_VMRESUME:
		if (!first || !m->nvals)
			return DU_DONE;
		x->insn_error = m->val[0];
		x->resume = l->action == A_VMRESUME;
		return header(x, 2, 0, m);
	case A_DEBUG_KEY:
		x->debug_key = 1;
		return DU_DONE;
	case A_DOMAIN:
		if (first && m->nvals) {
			x->have_domain = 1;
			x->domain = m->val[0];
		}
		return DU_DONE;
	case A_VCPU:
		if (first && m->nvals) {
			x->have_vcpu = 1;
			x->vcpu = m->val[0];
		}
		return DU_DONE;
	default:
		return du_vmcs_action(c, l, m);
	}
}

static void entry_failure(struct xen *x)
{
	struct va_state *st = x->c.st;
	if (st->presence[FLD_VM_EXIT_REASON] == VA_SET && st->field[FLD_VM_EXIT_REASON] != x->reason)
		va_note(x->c.notes, "Xen's message (line %u) gives exit reason 0x%llx, the dump %08llx: "
			"the message's is used", x->header_line, (unsigned long long)x->reason,
			(unsigned long long)st->field[FLD_VM_EXIT_REASON]);
	if (x->reason <= 0xffffffffull)
		va_state_set_field(st, FLD_VM_EXIT_REASON, x->reason);
	if (x->have_qual)
		va_state_set_field(st, FLD_EXIT_QUALIFICATION, x->qual);
	if (x->msr_index_known)
		va_note(x->c.notes, "Xen names MSR-load entry %llu counting from 0; the SDM's exit "
			"qualification counts from 1: EXIT_QUALIFICATION = %llu",
			(unsigned long long)x->msr_index, (unsigned long long)x->qual);
	if (x->msr_detail)
		va_note(x->c.notes, "Xen shows the failing MSR-load entry: MSR 0x%llx value 0x%llx "
			"(mbz %#llx); the list itself is not in the dump", (unsigned long long)x->msr_number,
			(unsigned long long)x->msr_value, (unsigned long long)x->msr_mbz);
}

static void vmfail(struct xen *x)
{
	struct va_state *st = x->c.st;
	va_state_mark_absent(st, FLD_VM_EXIT_REASON);
	va_state_mark_absent(st, FLD_EXIT_QUALIFICATION);
	if (x->insn_error <= 0xffffffffull)
		va_state_set_field(st, FLD_VM_INSTRUCTION_ERROR, x->insn_error);
	st->entry[ENTRY_INSTRUCTION] = x->resume ? VA_INSN_VMRESUME : VA_INSN_VMLAUNCH;
	st->entry_present |= 1u << ENTRY_INSTRUCTION;
	va_note(x->c.notes, "%s failed with VM-instruction error %llu (line %u): the dump's exit "
		"reason is from an earlier exit and is left absent", x->resume ? "VMRESUME" : "VMLAUNCH",
		(unsigned long long)x->insn_error, x->header_line);
}

static void outcome(struct xen *x)
{
	struct va_state *st = x->c.st;
	if (x->failure == 1) {
		entry_failure(x);
		return;
	}
	if (x->failure == 2) {
		vmfail(x);
		return;
	}
	if (st->presence[FLD_VM_EXIT_REASON] != VA_SET || st->field[FLD_VM_EXIT_REASON] >> 31 & 1)
		return;
	va_note(x->c.notes, "no Xen failure message precedes the dump and its reason=%08llx has bit "
		"31 clear: it is not a failed VM entry, so the exit reason and qualification are absent",
		(unsigned long long)st->field[FLD_VM_EXIT_REASON]);
	va_state_mark_absent(st, FLD_VM_EXIT_REASON);
	va_state_mark_absent(st, FLD_EXIT_QUALIFICATION);
}

static void completeness(struct xen *x)
{
	const struct du_ctx *c = &x->c;
	if (!c->sections_seen) {
		va_note(c->notes, "only Xen's failure message (line %u) is here, no VMCS dump: just the "
			"failure is known", x->header_line);
		return;
	}
	du_note_truncated(c, "Xen");
}

static int read(struct va_state *st, const char *text, size_t len, const char *file,
		struct va_error *err, struct va_import_notes *notes)
{
	struct xen x;
	memset(&x, 0, sizeof x);
	du_ctx_init(&x.c, st, text, len, file, err, notes);
	x.c.tab[0] = du_vmcs_common;
	x.c.ntab[0] = du_vmcs_common_count;
	x.c.tab[1] = xen_layouts;
	x.c.ntab[1] = sizeof xen_layouts / sizeof xen_layouts[0];
	x.c.hook = hook;
	if (du_run(&x.c))
		return -1;
	if (!x.c.dumps) {
		va_error_set(err, file, 0, 0, "no Xen VMCS dump (vmcs_dump_vcpu() output with "
			     "'*** Guest State ***') or VM-entry failure message in the input");
		return -1;
	}
	outcome(&x);
	if (x.debug_key)
		va_note(notes, "Xen debug key 'v' output: live VMCSs, not a failed entry; the one read "
			"is domain %lld vCPU %lld", x.have_domain ? (long long)x.domain : -1LL,
			x.have_vcpu ? (long long)x.vcpu : -1LL);
	completeness(&x);
	du_common_notes(&x.c, "Xen");
	return 0;
}

static int detect(const char *text, size_t len)
{
	int kvm, xen;
	du_vmcs_scores(text, len, &kvm, &xen);
	return xen;
}

const struct va_reader va_reader_xen_dump = {
	.kind = "xen",
	.what = "Xen vmcs_dump_vcpu() output with its failure message (xl dmesg, serial console)",
	.provides = VA_PROVIDES_VMCS,
	.detect = detect,
	.read = read,
};
