#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fix.h"
#include "state_file.h"
#include "template.h"
#include "template_tables.h"
#include "../engine/audit.h"
#include "../engine/bitnames.h"
#include "../engine/rule.h"
#include "../report/render.h"
#include "../../checks/repairs.h"

#define BIT(n) (1ull << (n))

/* ---- building ------------------------------------------------------ */

static void why(struct va_template *t, enum va_field f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void why(struct va_template *t, enum va_field f, const char *fmt, ...)
{
	char *w = t->why[f];
	size_t used = strlen(w);
	if (used && used + 2 < VA_TEMPLATE_WHY) {
		w[used++] = '\n';
		w[used] = '\0';
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w + used, VA_TEMPLATE_WHY - used, fmt, ap);
	va_end(ap);
}

static void set(struct va_template *t, enum va_field f, uint64_t v, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void set(struct va_template *t, enum va_field f, uint64_t v, const char *fmt, ...)
{
	if (t->st.presence[f] != VA_SET && t->n_order < FLD_COUNT)
		t->order[t->n_order++] = (uint16_t)f;
	va_state_set_field(&t->st, f, v);
	t->why[f][0] = '\0';
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->why[f], VA_TEMPLATE_WHY, fmt, ap);
	va_end(ap);
}

/* The capability MSR that rules the vector, as the audit chooses it. */
static enum va_msr vec_msr(const struct va_state *st, enum va_vec v)
{
	bool use_true = (st->msr[MSR_IA32_VMX_BASIC] >> 55) & 1;
	switch (v) {
	case VEC_PIN: return use_true ? MSR_IA32_VMX_TRUE_PINBASED_CTLS : MSR_IA32_VMX_PINBASED_CTLS;
	case VEC_PROC: return use_true ? MSR_IA32_VMX_TRUE_PROCBASED_CTLS : MSR_IA32_VMX_PROCBASED_CTLS;
	case VEC_EXIT: return use_true ? MSR_IA32_VMX_TRUE_EXIT_CTLS : MSR_IA32_VMX_EXIT_CTLS;
	case VEC_ENTRY: return use_true ? MSR_IA32_VMX_TRUE_ENTRY_CTLS : MSR_IA32_VMX_ENTRY_CTLS;
	case VEC_SEC: return MSR_IA32_VMX_PROCBASED_CTLS2;
	default: return MSR_COUNT;
	}
}

static const char *bit_name(enum va_vec v, unsigned bit)
{
	const char *n = va_bit_name(va_vec_bitset(v), bit);
	return n ? n : "(unnamed)";
}

static int need_msr(const struct va_state *st, enum va_msr m, const char *for_what,
		    struct va_error *err)
{
	if (va_msr_known(st, m))
		return 0;
	va_error_set(err, NULL, 0, 0, "the profile lacks %s (0x%X), which %s needs", va_msr_name(m),
		     va_msr_number(m), for_what);
	return -1;
}

/* Ask for control `bit` of `v`: an error naming the capability bit if the
 * CPU does not allow it. */
static int want_bit(struct va_template *t, enum va_vec v, unsigned bit, const char *for_what,
		    struct va_error *err)
{
	const struct va_state *st = &t->st;
	if (v == VEC_SEC) {
		if (want_bit(t, VEC_PROC, 31, for_what, err))
			return -1;
	}
	enum va_msr m = vec_msr(st, v);
	if (need_msr(st, m, for_what, err))
		return -1;
	if (!((st->msr[m] >> (32 + bit)) & 1)) {
		va_error_set(err, NULL, 0, 0, "%s needs \"%s\" (%s bit %u), which this CPU does not allow "
			     "(%s = 0x%016" PRIx64 ")", for_what, bit_name(v, bit), va_msr_name(m),
			     32 + bit, va_msr_name(m), st->msr[m]);
		return -1;
	}
	enum va_field f = va_vec_field(v);
	if ((t->st.field[f] >> bit) & 1)
		return 0;
	va_state_set_field(&t->st, f, t->st.field[f] | BIT(bit));
	why(t, f, "bit %u %s: %s", bit, bit_name(v, bit), for_what);
	return 0;
}

static int controls(struct va_template *t, const struct mode_info *m, uint32_t feats,
		    struct va_error *err)
{
	static const enum va_vec vecs[] = { VEC_PIN, VEC_PROC, VEC_EXIT, VEC_ENTRY };
	struct va_state *st = &t->st;
	if (need_msr(st, MSR_IA32_VMX_BASIC, "every template", err))
		return -1;
	for (unsigned i = 0; i < 4; i++) {
		enum va_msr msr = vec_msr(st, vecs[i]);
		enum va_field f = va_vec_field(vecs[i]);
		if (need_msr(st, msr, va_field_name(f), err))
			return -1;
		uint64_t must = st->msr[msr] & 0xffffffffull;
		set(t, f, must, "must-be-1 bits of %s (bits 31:0 of 0x%016" PRIx64 "): 0x%" PRIx64
		    " (SDM 26.2.1, A.3)", va_msr_name(msr), st->msr[msr], must);
	}
	/* The host is 64-bit: the VMM runs in IA-32e mode. */
	if (want_bit(t, VEC_EXIT, 9, "a 64-bit host (HOST.ADDR.LMA_NEEDS_HOST64, SDM 26.2.4)", err))
		return -1;
	if (m->ia32e && want_bit(t, VEC_ENTRY, 9, "an IA-32e mode guest (SDM 26.2.1.3)", err))
		return -1;
	for (unsigned i = 0; i < F_COUNT; i++) {
		if (!((feats >> i) & 1))
			continue;
		char for_what[96];
		snprintf(for_what, sizeof for_what, "--with %s", va_template_features[i].c.name);
		for (unsigned k = 0; k < 5 && va_template_features[i].bits[k].vec; k++)
			if (want_bit(t, (enum va_vec)va_template_features[i].bits[k].vec, va_template_features[i].bits[k].bit,
				     for_what, err))
				return -1;
		for (unsigned k = 0; k < 3 && va_template_features[i].fields[k].field; k++)
			set(t, (enum va_field)va_template_features[i].fields[k].field, va_template_features[i].fields[k].value,
			    "%s: %s", for_what, va_template_features[i].fields[k].why);
	}
	if (st->field[FLD_CPU_BASED_VM_EXEC_CONTROL] & BIT(31)) {
		if (need_msr(st, MSR_IA32_VMX_PROCBASED_CTLS2, "SECONDARY_VM_EXEC_CONTROL", err))
			return -1;
		uint64_t must = st->msr[MSR_IA32_VMX_PROCBASED_CTLS2] & 0xffffffffull;
		if (must) {
			st->field[FLD_SECONDARY_VM_EXEC_CONTROL] |= must;
			why(t, FLD_SECONDARY_VM_EXEC_CONTROL, "must-be-1 bits of IA32_VMX_PROCBASED_CTLS2: 0x%"
			    PRIx64, must);
		}
	}
	if ((feats >> F_EPT) & 1) {
		if (need_msr(st, MSR_IA32_VMX_EPT_VPID_CAP, "--with ept", err))
			return -1;
		uint64_t cap = st->msr[MSR_IA32_VMX_EPT_VPID_CAP];
		unsigned walk = (cap >> 6) & 1 ? 4 : (cap >> 7) & 1 ? 5 : 0;
		unsigned type = (cap >> 14) & 1 ? 6 : (cap >> 8) & 1 ? 0 : 8;
		if (!walk || type == 8) {
			va_error_set(err, NULL, 0, 0, "--with ept: IA32_VMX_EPT_VPID_CAP = 0x%016" PRIx64
				     " offers no %s (bit %s)", cap, walk ? "memory type" : "page-walk length",
				     walk ? "14 WB or 8 UC" : "6 4-level or 7 5-level");
			return -1;
		}
		set(t, FLD_EPT_POINTER, 0x1000000 | (uint64_t)(walk - 1) << 3 | type,
		    "--with ept: EPT PML%u table at 0x1000000, memory type %s, walk length %u - 1 "
		    "(IA32_VMX_EPT_VPID_CAP bits %u and %u; SDM 26.2.1.1)", walk, type == 6 ? "WB" : "UC",
		    walk, walk == 4 ? 6 : 7, type == 6 ? 14 : 8);
	}
	return 0;
}

/* The named bits of `value` ("PE, NE, PG"). */
static const char *bit_list(enum va_bitset set, uint64_t value, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (unsigned b = 0; b < 64 && used + 1 < n; b++) {
		if (!((value >> b) & 1))
			continue;
		const char *name = va_bit_name(set, b);
		int k = name ? snprintf(buf + used, n - used, "%s%s", used ? ", " : "", name)
			     : snprintf(buf + used, n - used, "%sbit %u", used ? ", " : "", b);
		used += k > 0 ? (size_t)k : 0;
	}
	return buf[0] ? buf : "none";
}

/* Segment types by S and type (SDM Vol. 3A 3.4.5.1, 3.5). */
static const char *seg_type(uint32_t ar)
{
	static const char *const data_code[16] = {
		"data read-only", "data read-only, accessed", "data read/write",
		"data read/write, accessed", "data expand-down", "data expand-down, accessed",
		"data expand-down read/write", "data expand-down read/write, accessed",
		"code execute-only", "code execute-only, accessed", "code execute/read",
		"code execute/read, accessed", "code conforming", "code conforming, accessed",
		"code conforming execute/read", "code conforming execute/read, accessed",
	};
	static const char *const system[16] = {
		[2] = "LDT", [3] = "busy 16-bit TSS", [11] = "busy 32/64-bit TSS",
	};
	const char *t = (ar & 0x10) ? data_code[ar & 0xf] : system[ar & 0xf];
	return t ? t : "system";
}

static void seg(struct va_template *t, const char *reg, const struct seg_init *s, bool real)
{
	char name[32];
	enum va_field f[4];
	static const char *const parts[] = { "SELECTOR", "BASE", "LIMIT", "AR_BYTES" };
	for (unsigned i = 0; i < 4; i++) {
		snprintf(name, sizeof name, "GUEST_%s_%s", reg, parts[i]);
		f[i] = va_field_by_name(name, strlen(name));
	}
	if (s->ar & 0x10000) {
		set(t, f[0], s->sel, "null selector");
		set(t, f[1], s->base, "not used while unusable%s", !strcmp(reg, "FS") || !strcmp(reg, "GS") ?
		    " (64-bit code reads FS/GS bases from here: canonical)" : "");
		set(t, f[2], s->limit, "not used while unusable");
		set(t, f[3], s->ar, "unusable (bit 16): the VMM loaded a null selector; no attribute checks apply "
		    "(SDM 26.3.1.2)");
		return;
	}
	if (real)
		set(t, f[0], s->sel, "real-mode segment 0x%x", s->sel);
	else
		set(t, f[0], s->sel, "GDT index %u, TI 0, RPL %u", s->sel >> 3, s->sel & 3);
	if (real && s->base == (uint64_t)s->sel << 4)
		set(t, f[1], s->base, "selector x 16, as real-mode addressing computes it");
	else if (real)
		set(t, f[1], s->base, "not selector x 16: after RESET the CS base is FFFF0000H, so the first "
		    "fetch is at FFFFFFF0H, until a far jump reloads CS (SDM Vol. 3A 9.1.4)");
	else
		set(t, f[1], s->base, s->base ? "the segment's base" : "flat: base 0");
	if (s->limit == 0xffffffff)
		set(t, f[2], s->limit, "4 GiB: byte limit with G = 1 (bits 11:0 all 1, SDM 26.3.1.2)");
	else
		set(t, f[2], s->limit, "%u bytes", s->limit + 1);
	char bits[160];
	set(t, f[3], s->ar, "type %u (%s), DPL %u; %s", s->ar & 0xf, seg_type(s->ar), (s->ar >> 5) & 3,
	    bit_list(VA_BITS_AR, s->ar & ~0x6full, bits, sizeof bits));
}

static void guest(struct va_template *t, const struct mode_info *m)
{
	char bits[200];
	bool real = ((m->rflags >> 17) & 1) || !(m->cr0 & 1);
	snprintf(t->guest_why, sizeof t->guest_why, "%s", m->why);
	set(t, FLD_GUEST_CR0, m->cr0, "%s", bit_list(VA_BITS_CR0, m->cr0, bits, sizeof bits));
	set(t, FLD_GUEST_CR3, m->cr3, m->cr3 ? "page-table root, 4-KiB aligned, below MAXPHYADDR" :
	    "no paging: CR3 is not used");
	set(t, FLD_GUEST_CR4, m->cr4, "%s", bit_list(VA_BITS_CR4, m->cr4, bits, sizeof bits));
	set(t, FLD_GUEST_DR7, 0x400, "DR7 after RESET (SDM Vol. 3A 9.1.1)");
	set(t, FLD_GUEST_RFLAGS, m->rflags, "%s (bit 1 is always 1, SDM 26.3.1.4)%s",
	    bit_list(VA_BITS_RFLAGS, m->rflags, bits, sizeof bits),
	    (m->rflags >> 17) & 1 ? "; VM = 1: virtual-8086 mode" : "");
	set(t, FLD_GUEST_RIP, m->rip, m->ia32e && m->cs.ar & 0x2000 ? "the guest's entry point, canonical" :
	    "the guest's entry point: bits 63:32 are 0 outside 64-bit code (SDM 26.3.1.4)");
	set(t, FLD_GUEST_RSP, m->rsp, "the guest's stack");
	seg(t, "CS", &m->cs, real);
	seg(t, "SS", &m->ss, real);
	seg(t, "DS", &m->data, real);
	seg(t, "ES", &m->data, real);
	seg(t, "FS", &m->fsgs, real);
	seg(t, "GS", &m->fsgs, real);
	seg(t, "TR", &m->tr, false);
	why(t, FLD_GUEST_TR_AR_BYTES, "TR is a usable busy TSS in every mode, even real mode (SDM 26.3.1.2)");
	seg(t, "LDTR", &m->ldtr, false);
	set(t, FLD_GUEST_GDTR_BASE, m->gdtr_base, "the guest's GDT");
	set(t, FLD_GUEST_GDTR_LIMIT, m->gdtr_limit, "%u bytes: 16-bit limit (SDM 26.3.1.3)", m->gdtr_limit + 1);
	set(t, FLD_GUEST_IDTR_BASE, m->idtr_base, m->idtr_base ? "the guest's IDT" :
	    "the interrupt table at 0 (real mode: the IVT)");
	set(t, FLD_GUEST_IDTR_LIMIT, m->idtr_limit, "%u bytes: 16-bit limit (SDM 26.3.1.3)", m->idtr_limit + 1);
	set(t, FLD_GUEST_IA32_EFER, m->efer, m->ia32e ? "LME and LMA: IA-32e mode (SDM 26.3.1.1)" :
	    "IA-32e mode off");
	set(t, FLD_GUEST_IA32_PAT, 0x0007040600070406ull, "IA32_PAT after RESET (SDM Vol. 3A 11.12.4)");
	set(t, FLD_GUEST_IA32_DEBUGCTL, 0, "no branch tracing");
	set(t, FLD_GUEST_SYSENTER_ESP, 0, "canonical (SDM 26.3.1.1)");
	set(t, FLD_GUEST_SYSENTER_EIP, 0, "canonical (SDM 26.3.1.1)");
	set(t, FLD_GUEST_ACTIVITY_STATE, m->activity, m->activity == 3 ?
	    "wait-for-SIPI: IA32_VMX_MISC bit 8 says the CPU supports it (SDM 26.3.1.5)" : "active");
	set(t, FLD_GUEST_INTERRUPTIBILITY_INFO, 0, "no blocking");
	set(t, FLD_GUEST_PENDING_DBG_EXCEPTIONS, 0, "no pending debug exception");
	set(t, FLD_VMCS_LINK_POINTER, ~0ull, "all ones: no shadow VMCS, so no memory is read there "
	    "(SDM 26.3.1.5)");
}

static void host(struct va_template *t)
{
	static const struct { uint16_t f; uint64_t v; const char *why; } h[] = {
		{ FLD_HOST_CR0, 0x80010033, "PE MP ET NE WP PG: a 64-bit kernel" },
		{ FLD_HOST_CR3, 0x1ab000, "the VMM's page tables, 4-KiB aligned" },
		{ FLD_HOST_CR4, 0x2020, "PAE (a 64-bit host, SDM 26.2.4) and VMXE (VMXON needs it)" },
		{ FLD_HOST_CS_SELECTOR, 0x10, "kernel code, RPL 0, TI 0 (SDM 26.2.3)" },
		{ FLD_HOST_SS_SELECTOR, 0x18, "kernel data, RPL 0, TI 0" },
		{ FLD_HOST_DS_SELECTOR, 0, "null: allowed for DS/ES/FS/GS of a 64-bit host" },
		{ FLD_HOST_ES_SELECTOR, 0, "null" },
		{ FLD_HOST_FS_SELECTOR, 0, "null" },
		{ FLD_HOST_GS_SELECTOR, 0, "null" },
		{ FLD_HOST_TR_SELECTOR, 0x40, "the VMM's TSS, never null (SDM 26.2.3)" },
		{ FLD_HOST_FS_BASE, 0, "canonical" },
		{ FLD_HOST_GS_BASE, 0xffff888000000000ull, "per-CPU area, canonical" },
		{ FLD_HOST_TR_BASE, 0xfffffe0000003000ull, "canonical" },
		{ FLD_HOST_GDTR_BASE, 0xfffffe0000001000ull, "canonical" },
		{ FLD_HOST_IDTR_BASE, 0xfffffe0000000000ull, "canonical" },
		{ FLD_HOST_IA32_SYSENTER_ESP, 0, "canonical" },
		{ FLD_HOST_IA32_SYSENTER_EIP, 0, "canonical" },
		{ FLD_HOST_IA32_PAT, 0x0007040600070406ull, "every byte a memory type (SDM 26.2.2)" },
		{ FLD_HOST_IA32_EFER, 0xd01, "SCE LME LMA NXE: LMA and LME match a 64-bit host (SDM 26.2.2)" },
		{ FLD_HOST_RSP, 0xffffc90000008000ull, "the VMM's stack" },
		{ FLD_HOST_RIP, 0xffffffff81000000ull, "the VM-exit handler, canonical (SDM 26.2.4)" },
	};
	for (unsigned i = 0; i < sizeof h / sizeof h[0]; i++)
		set(t, (enum va_field)h[i].f, h[i].v, "%s", h[i].why);
}

/* Why the result cannot be certain or correct: the first rule that fails
 * or cannot be decided. */
static int explain_left(const struct va_report *rep, struct va_error *err)
{
	for (unsigned k = 0; k < rep->n_findings; k++) {
		const struct va_finding *f = &rep->findings[k];
		const struct va_rule *r = va_rule_at(f->rule);
		char msg[400];
		if (f->status == VA_UNKNOWN && f->eval.unknown == VA_UNK_NEED) {
			va_error_set(err, NULL, 0, 0, "the profile lacks %s: %s cannot be decided, so the "
				     "template cannot be certain", va_need_text((enum va_need_bit)f->eval.unknown_arg),
				     r->id);
			return -1;
		}
		if (f->status == VA_UNKNOWN || f->status == VA_FAIL) {
			if (f->status == VA_FAIL)
				va_render_message(r, &f->eval, msg, sizeof msg);
			else
				va_render_unknown(f, msg, sizeof msg);
			va_error_set(err, NULL, 0, 0, "%s %s on this CPU: %s", r->id,
				     f->status == VA_FAIL ? "would fail" : "cannot be decided", msg);
			return -1;
		}
	}
	if (rep->verdict.result != VA_RESULT_SUCCESS) {
		va_error_set(err, NULL, 0, 0, "the template does not enter");
		return -1;
	}
	return 0;
}

int va_template_build(struct va_template *t, const struct va_state *cpu, enum va_template_mode mode,
		      uint32_t feats, const char *cpu_name, struct va_error *err)
{
	struct mode_info parked;
	const struct mode_info *m = &va_template_modes[mode];
	if (mode == VA_TM_WAIT_SIPI && !(cpu->msr[MSR_IA32_VMX_PROCBASED_CTLS2] >> 39 & 1)) {
		/* Without unrestricted guest the INIT state (real mode) cannot be
		 * entered; the parked AP's registers do not matter until the SIPI's
		 * VM exit, so it waits in virtual-8086 mode, as hypervisors without
		 * unrestricted guest ran real-mode code. */
		parked = va_template_modes[VA_TM_V86];
		parked.c = va_template_modes[VA_TM_WAIT_SIPI].c;
		parked.activity = 3;
		parked.why = "an application processor parked in the wait-for-SIPI activity state (SDM "
			     "24.4.2, 26.3.1.5); without unrestricted guest its registers hold a "
			     "virtual-8086 state (RFLAGS.VM = 1, base = selector x 16): the SIPI's VM exit "
			     "lets the VMM load the real start-up state";
		m = &parked;
	}
	va_state_init(&t->st);
	memset(t->why, 0, sizeof t->why);
	t->memory_why[0] = '\0';
	t->guest_why[0] = '\0';
	t->rule_set = 0;
	t->n_order = 0;
	for (unsigned i = 0; i < MSR_COUNT; i++)
		t->st.msr[i] = cpu->msr[i];
	t->st.msr_present = cpu->msr_present;
	for (unsigned i = 0; i < FACT_COUNT; i++)
		t->st.fact[i] = cpu->fact[i];
	t->st.fact_present = cpu->fact_present;

	if (m->needs_ug)
		feats |= 1u << F_UG;
	for (unsigned i = F_COUNT; i-- > 0;)
		if ((feats >> i) & 1)
			feats |= va_template_features[i].needs;
	char *p = t->title;
	size_t left = sizeof t->title;
	int n = snprintf(p, left, "%s guest on %s", m->c.name, cpu_name ? cpu_name : "this CPU");
	for (unsigned i = 0; i < F_COUNT && n > 0 && (size_t)n < left; i++)
		if ((feats >> i) & 1)
			n += snprintf(p + n, left - (size_t)n, "%s%s", n && strstr(p, " with ") ? ", " : " with ",
				      va_template_features[i].c.name);

	char mode_what[96];
	snprintf(mode_what, sizeof mode_what, "--mode %s", m->c.name);
	if (m->needs_ug && !(t->st.msr[MSR_IA32_VMX_PROCBASED_CTLS2] >> 39 & 1)) {
		bool no_secondary = va_msr_known(&t->st, MSR_IA32_VMX_PROCBASED_CTLS) &&
				    !(t->st.msr[MSR_IA32_VMX_PROCBASED_CTLS] >> 63 & 1);
		va_error_set(err, NULL, 0, 0, "%s needs \"unrestricted guest\" (IA32_VMX_PROCBASED_CTLS2 "
			     "bit 39), which this CPU does not %s", mode_what,
			     va_msr_known(&t->st, MSR_IA32_VMX_PROCBASED_CTLS2) ? "allow" :
			     no_secondary ? "have: it has no secondary controls (IA32_VMX_PROCBASED_CTLS bit 63 is 0)" :
			     "report (the MSR is not in the profile)");
		goto fail;
	}
	if (m->activity == 3 && !((t->st.msr[MSR_IA32_VMX_MISC] >> 8) & 1)) {
		va_error_set(err, NULL, 0, 0, "%s needs the wait-for-SIPI activity state (IA32_VMX_MISC "
			     "bit 8), which this CPU does not %s", mode_what,
			     va_msr_known(&t->st, MSR_IA32_VMX_MISC) ? "support" : "report (the MSR is not in the profile)");
		goto fail;
	}
	if (controls(t, m, feats, err))
		goto fail;
	host(t);
	guest(t, m);
	if (m->paging_pae && !((feats >> F_EPT) & 1)) {
		/* Without EPT, VM entry loads the four PDPTEs from guest memory at CR3. */
		for (unsigned i = 0; i < 4; i++)
			if (va_state_set_memory(&t->st, m->cr3 + 8 * i, 0)) {
				va_error_set(err, NULL, 0, 0, "out of memory");
				goto fail;
			}
		snprintf(t->memory_why, sizeof t->memory_why, "the four PDPTEs at GUEST_CR3: PAE paging "
			 "without EPT loads them at VM entry (SDM 26.3.1.6); 0 = not present, the guest "
			 "fills them");
	} else if (m->paging_pae) {
		for (unsigned i = 0; i < 4; i++)
			set(t, (enum va_field)(FLD_GUEST_PDPTR0 + i), 0, "PAE paging with EPT: VM entry "
			    "loads the PDPTEs from these fields (SDM 26.3.1.6); 0 = not present");
	}
	t->st.entry[ENTRY_INSTRUCTION] = VA_INSN_VMLAUNCH;
	t->st.entry_present |= 1u << ENTRY_INSTRUCTION;

	/* Let the rules decide the rest: fixed CR0/CR4 bits, controls one
	 * control requires of another... each change names its rule. */
	struct va_fix_log *log = malloc(sizeof *log);
	struct va_report *rep = malloc(sizeof *rep);
	if (!log || !rep) {
		free(log);
		free(rep);
		va_error_set(err, NULL, 0, 0, "out of memory");
		goto fail;
	}
	va_fix_log_init(log);
	int applied = va_fix_run(&t->st, log, rep);
	for (unsigned i = 0; i < log->n_changes; i++) {
		const struct va_fix_change *c = &log->changes[i];
		const struct va_rule *r = va_rule_at(c->rule);
		why(t, (enum va_field)c->field, "0x%" PRIx64 " -> 0x%" PRIx64 " by %s (SDM %s): %s",
		    c->before, c->after, r->id, r->sdm, r->summary);
	}
	t->rule_set = log->n_changes;
	int bad = applied < 0 ? -1 : explain_left(rep, err);
	if (applied < 0)
		va_error_set(err, NULL, 0, 0, "out of memory");
	free(log);
	free(rep);
	if (bad)
		goto fail;
	return 0;
fail:
	va_state_release(&t->st);
	return -1;
}
