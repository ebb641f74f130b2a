/*
 * Unknown only when the missing input could change the outcome: gates
 * before presence, rules decided under every value of a missing CPU input,
 * facts derived from the capability MSRs, inputs with no VMCS field.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/load.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"


static struct va_state state_buf;
static struct va_report report_buf, other_buf;
static struct va_state *const state = &state_buf;
static struct va_report *const report = &report_buf, *const other = &other_buf;

static int rule_index(const char *id)
{
	int i = va_rule_find(id);
	if (i < 0)
		fprintf(stderr, "\n  no rule %s", id);
	CU_ASSERT_FATAL(i >= 0);
	return i;
}

/* Status of rule `id` on the base state with `overlay`. */
static unsigned status_on(const char *overlay, const char *id)
{
	CU_ASSERT_FATAL(fixture_state(state, overlay) == 0);
	va_audit(state, report);
	va_state_release(state);
	return report->status[rule_index(id)];
}

static const struct va_finding *finding_of(const struct va_report *r, const char *id)
{
	int index = rule_index(id);
	for (unsigned i = 0; i < r->n_findings; i++)
		if (r->findings[i].rule == (unsigned)index)
			return &r->findings[i];
	return NULL;
}

/* ---- gates before presence ---------------------------------------------- */

static void test_known_false_gates_decide(void)
{
	/* VM functions off: the EPTP-switching rules do not apply, whatever
	 * VM_FUNCTION_CONTROL holds. */
	const char *vmfunc_off = "[vmcs]\nVM_FUNCTION_CONTROL = ?\nEPTP_LIST_ADDRESS = ?\n";
	CU_ASSERT_EQUAL(status_on(vmfunc_off, "CTL.EXEC.EPTP_LIST_ALIGN"), VA_NOT_APPLICABLE);
	CU_ASSERT_EQUAL(status_on(vmfunc_off, "CTL.EXEC.EPTP_LIST_WIDTH"), VA_NOT_APPLICABLE);
	CU_ASSERT_EQUAL(status_on(vmfunc_off, "CTL.EXEC.EPTP_SWITCH_NEEDS_EPT"), VA_NOT_APPLICABLE);
	/* ...and with VM functions on it is the missing field that matters. */
	CU_ASSERT_EQUAL(status_on("[vmcs]\nSECONDARY_VM_EXEC_CONTROL = 0x001030aa\n"
				  "VM_FUNCTION_CONTROL = ?\n", "CTL.EXEC.EPTP_LIST_ALIGN"),
			VA_UNKNOWN);

	/* No STI/MOV-SS blocking and not in HLT: the BS rules do not apply,
	 * even without the pending debug exceptions. */
	const char *no_shadow = "[vmcs]\nGUEST_PENDING_DBG_EXCEPTIONS = ?\nGUEST_IA32_DEBUGCTL = ?\n"
				"GUEST_INTERRUPTIBILITY_INFO = 0\nGUEST_ACTIVITY_STATE = 0\n";
	CU_ASSERT_EQUAL(status_on(no_shadow, "GUEST.PENDDBG.BS_REQUIRED"), VA_NOT_APPLICABLE);
	CU_ASSERT_EQUAL(status_on(no_shadow, "GUEST.PENDDBG.BS_FORBIDDEN"), VA_NOT_APPLICABLE);
	const char *in_shadow = "[vmcs]\nGUEST_PENDING_DBG_EXCEPTIONS = ?\n"
				"GUEST_INTERRUPTIBILITY_INFO = 1\nGUEST_ACTIVITY_STATE = 0\n";
	CU_ASSERT_EQUAL(status_on(in_shadow, "GUEST.PENDDBG.BS_REQUIRED"), VA_UNKNOWN);
	/* An absent field that the guard reads keeps the rule open. */
	CU_ASSERT_EQUAL(status_on("[vmcs]\nGUEST_PENDING_DBG_EXCEPTIONS = ?\n"
				  "GUEST_INTERRUPTIBILITY_INFO = ?\n", "GUEST.PENDDBG.BS_REQUIRED"),
			VA_UNKNOWN);
}

/* The gate of `rule` that does not hold and is known, or -1. */
static int false_gate(const struct va_ctx *c, const struct va_rule *rule)
{
	for (unsigned g = 0; g < VA_RULE_MAX_GATES; g++) {
		const struct va_gate *gate = &rule->gate[g];
		if (gate->vec == VEC_NONE)
			continue;
		uint64_t unknown = gate->vec == VEC_COND ? c->cond_unknown >> gate->bit
							 : (uint64_t)(c->vec_unknown >> gate->vec);
		if (!(unknown & 1) && (((c->vec[gate->vec] >> gate->bit) ^ gate->value) & 1))
			return (int)g;
	}
	return -1;
}

/*
 * Every fixture state on which a rule does not apply because a gate is
 * false: mark each field the rule reads absent, one by one and then all
 * those the gate does not depend on together.  While the gate stays known,
 * the rule stays "not applicable".  The same for a declared applies().
 */
static void test_gates_before_presence_every_rule(void)
{
	struct va_ctx ctx;
	unsigned checked = 0;
	for (size_t t = 0; t < fixture_table_count; t++) {
		for (unsigned i = 0; i < *fixture_tables[t].count; i++) {
			const struct rule_fixture *fx = &fixture_tables[t].list[i];
			int index = rule_index(fx->rule);
			const struct va_rule *rule = va_rule_at((unsigned)index);
			CU_ASSERT_FATAL(fixture_state(state, fx->state) == 0);
			va_audit(state, report);
			if (report->status[index] != VA_NOT_APPLICABLE || state->absent_count) {
				va_state_release(state);
				continue;
			}
			va_ctx_init(&ctx, state);
			int g = false_gate(&ctx, rule);
			bool guard = g < 0 && rule->applies && rule->applies_reads &&
				     !rule->applies(&ctx, rule);
			if (g < 0 && !guard) {
				va_state_release(state);
				continue;
			}
			struct va_state *copy = malloc(sizeof *copy);
			CU_ASSERT_FATAL(copy != NULL);
			unsigned marked = 0;
			for (unsigned f = 0; f < VA_RULE_MAX_FIELDS && rule->fields[f] != FLD_NONE; f++) {
				*copy = *state;
				if (guard && ((rule->applies_reads >> f) & 1))
					continue;
				va_state_mark_absent(copy, (enum va_field)rule->fields[f]);
				va_ctx_init(&ctx, copy);
				if (g >= 0 && false_gate(&ctx, rule) < 0)
					continue; /* the gate reads this field */
				va_audit(copy, other);
				if (other->status[index] != VA_NOT_APPLICABLE)
					fprintf(stderr, "\n  %s: absent %s makes it %u\n    overlay: %s",
						rule->id, va_field_name((enum va_field)rule->fields[f]),
						other->status[index], fx->state);
				CU_ASSERT_EQUAL(other->status[index], VA_NOT_APPLICABLE);
				checked++;
				marked |= 1u << f;
			}
			/* All of them at once. */
			*copy = *state;
			for (unsigned f = 0; f < VA_RULE_MAX_FIELDS; f++)
				if ((marked >> f) & 1)
					va_state_mark_absent(copy, (enum va_field)rule->fields[f]);
			va_ctx_init(&ctx, copy);
			if (g < 0 || false_gate(&ctx, rule) >= 0) {
				va_audit(copy, other);
				CU_ASSERT_EQUAL(other->status[index], VA_NOT_APPLICABLE);
			}
			free(copy);
			va_state_release(state);
		}
	}
	CU_ASSERT(checked > 100);
}

/* A declared applies_reads is complete: other fields never change what
 * applies() says. */
static void test_applies_reads_declared(void)
{
	static const uint64_t values[] = { 0, 1, 2, 3, 0x4000, 0x80000300, ~0ull };
	struct va_ctx ctx;
	unsigned checked = 0;
	for (size_t t = 0; t < fixture_table_count; t++) {
		for (unsigned i = 0; i < *fixture_tables[t].count; i++) {
			const struct rule_fixture *fx = &fixture_tables[t].list[i];
			const struct va_rule *rule = va_rule_at((unsigned)rule_index(fx->rule));
			if (!rule->applies || !rule->applies_reads)
				continue;
			CU_ASSERT_FATAL(fixture_state(state, fx->state) == 0);
			va_ctx_init(&ctx, state);
			bool want = rule->applies(&ctx, rule);
			for (unsigned f = 0; f < VA_RULE_MAX_FIELDS && rule->fields[f] != FLD_NONE; f++) {
				if ((rule->applies_reads >> f) & 1)
					continue;
				uint64_t keep = state->field[rule->fields[f]];
				for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
					state->field[rule->fields[f]] = values[v];
					va_ctx_init(&ctx, state);
					if (rule->applies(&ctx, rule) != want)
						fprintf(stderr, "\n  %s: applies() reads %s", rule->id,
							va_field_name((enum va_field)rule->fields[f]));
					CU_ASSERT_EQUAL(rule->applies(&ctx, rule), want);
					checked++;
				}
				state->field[rule->fields[f]] = keep;
			}
			va_state_release(state);
		}
	}
	CU_ASSERT(checked > 50);
}

/* ---- certain without the input ------------------------------------------ */

static void test_certain_without_maxphyaddr(void)
{
	const char *no_n = "[cpu]\nmaxphyaddr = ?\n";
	char buf[256];
	/* Bits 63:52 are beyond every physical-address width. */
	snprintf(buf, sizeof buf, "%s[vmcs]\nHOST_CR3 = 0x00200000001ab000\n", no_n);
	CU_ASSERT_EQUAL(status_on(buf, "HOST.CR3.RSVD"), VA_FAIL);
	snprintf(buf, sizeof buf, "%s[vmcs]\nGUEST_CR3 = 0x0020000102a4e000\n", no_n);
	CU_ASSERT_EQUAL(status_on(buf, "GUEST.CR3.RESERVED"), VA_FAIL);
	/* Below 2^32 fits every width; between, it depends on the width. */
	snprintf(buf, sizeof buf, "%s[vmcs]\nHOST_CR3 = 0x001ab000\n", no_n);
	CU_ASSERT_EQUAL(status_on(buf, "HOST.CR3.RSVD"), VA_PASS);
	snprintf(buf, sizeof buf, "%s[vmcs]\nHOST_CR3 = 0x0000008000000000\n", no_n);
	CU_ASSERT_EQUAL(status_on(buf, "HOST.CR3.RSVD"), VA_UNKNOWN);
	const struct va_finding *f = finding_of(report, "HOST.CR3.RSVD");
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_EQUAL(f->eval.unknown, VA_UNK_NEED);
	CU_ASSERT_EQUAL(f->eval.unknown_arg, VA_NEED_BIT_MAXPHYADDR);
	/* Addresses at or above 2^52 fail every width rule. */
	snprintf(buf, sizeof buf, "%s[vmcs]\nMSR_BITMAP = 0x0010000001000000\n", no_n);
	CU_ASSERT_EQUAL(status_on(buf, "CTL.EXEC.MSR_BITMAP_WIDTH"), VA_FAIL);
	snprintf(buf, sizeof buf, "%s[vmcs]\nMSR_BITMAP = 0x0000100001000000\n", no_n);
	CU_ASSERT_EQUAL(status_on(buf, "CTL.EXEC.MSR_BITMAP_WIDTH"), VA_UNKNOWN);
	/* A PDPTE's always-reserved bits (2:1, 8:5) and bits 63:52. */
	const char *pae = "[cpu]\nmaxphyaddr = ?\n[vmcs]\nVM_ENTRY_CONTROLS = 0x0000d1ff\n"
			  "GUEST_IA32_EFER = 0x801\nGUEST_CR4 = 0x3526f0\nGUEST_CR3 = 0x2a4e000\n"
			  "GUEST_CS_AR_BYTES = 0xc09b\nGUEST_RIP = 0x401000\n";
	snprintf(buf, sizeof buf, "%sGUEST_PDPTR0 = 0x0000000000345003\n", pae);
	CU_ASSERT_EQUAL(status_on(buf, "GUEST.PDPTE0.RESERVED"), VA_FAIL);
	snprintf(buf, sizeof buf, "%sGUEST_PDPTR0 = 0x0010000000345001\n", pae);
	CU_ASSERT_EQUAL(status_on(buf, "GUEST.PDPTE0.RESERVED"), VA_FAIL);
	snprintf(buf, sizeof buf, "%sGUEST_PDPTR0 = 0x0000000000345001\n", pae);
	CU_ASSERT_EQUAL(status_on(buf, "GUEST.PDPTE0.RESERVED"), VA_PASS);
	snprintf(buf, sizeof buf, "%sGUEST_PDPTR0 = 0x0000008000345001\n", pae);
	CU_ASSERT_EQUAL(status_on(buf, "GUEST.PDPTE0.RESERVED"), VA_UNKNOWN);
}

static void test_one_fixed_half_decides(void)
{
	/* FIXED1 alone: a bit it fixes to 0 must be 0. */
	const char *f1 = "[cpu]\nIA32_VMX_CR4_FIXED0 = ?\n";
	char buf[256];
	snprintf(buf, sizeof buf, "%s[vmcs]\nGUEST_CR4 = 0x0000000000802020\n", f1);
	CU_ASSERT_EQUAL(status_on(buf, "GUEST.CR4.FIXED1"), VA_FAIL);
	CU_ASSERT_EQUAL(report->status[rule_index("GUEST.CR4.FIXED0")], VA_UNKNOWN);
	CU_ASSERT_EQUAL(status_on(f1, "GUEST.CR4.FIXED1"), VA_PASS);
	/* FIXED0 alone: a bit it fixes to 1 must be 1. */
	CU_ASSERT_EQUAL(status_on("[cpu]\nIA32_VMX_CR0_FIXED1 = ?\n[vmcs]\nHOST_CR0 = 0x80050013\n",
				  "HOST.CR0.FIXED0"), VA_FAIL);
	CU_ASSERT_EQUAL(report->status[rule_index("HOST.CR0.FIXED1")], VA_UNKNOWN);
}

static void test_cet_features_never_assumed(void)
{
	/* CET known, its parts not: the host twin is as open as the guest's. */
	const char *cet = "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x0000000000b727ff\n"
			  "IA32_VMX_TRUE_EXIT_CTLS = 0x11ffffff00036dfb\n"
			  "[vmcs]\nVM_EXIT_CONTROLS = 0x103feffb\nHOST_CR4 = 0x0000000000b726f0\n"
			  "HOST_S_CET = 0x4\n";
	CU_ASSERT_EQUAL(status_on(cet, "HOST.CET.S_CET_RSVD"), VA_UNKNOWN);
	const struct va_finding *f = finding_of(report, "HOST.CET.S_CET_RSVD");
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_EQUAL(f->eval.unknown_arg, VA_NEED_BIT_CET_IBT);
}

static void test_reasons_name_what_is_missing(void)
{
	/* IA32_VMX_BASIC absent but 0x481-0x484 given: a bit 0x482 forbids is
	 * forbidden whatever the TRUE_ MSR says; a must-be-1 bit outside the
	 * default1 class is must-be-1 either way; default1 bits stay open, for
	 * want of the TRUE_ MSR, not of 0x482. */
	const char *plain = "[cpu]\nIA32_VMX_BASIC = ?\nIA32_VMX_TRUE_PINBASED_CTLS = ?\n"
			    "IA32_VMX_TRUE_PROCBASED_CTLS = ?\nIA32_VMX_TRUE_EXIT_CTLS = ?\n"
			    "IA32_VMX_TRUE_ENTRY_CTLS = ?\n";
	char buf[512];
	snprintf(buf, sizeof buf, "%s[vmcs]\nCPU_BASED_VM_EXEC_CONTROL = 0x94026172\n", plain);
	CU_ASSERT_EQUAL(status_on(buf, "CTL.PROC.ALLOWED1"), VA_FAIL);
	CU_ASSERT_EQUAL(status_on(plain, "CTL.PROC.ALLOWED0"), VA_UNKNOWN);
	const struct va_finding *f = finding_of(report, "CTL.PROC.ALLOWED0");
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_EQUAL(f->eval.unknown, VA_UNK_NEED);
	CU_ASSERT_EQUAL(f->eval.unknown_arg, VA_NEED_BIT_TRUE_CTLS);
	CU_ASSERT_EQUAL(status_on(plain, "CTL.PIN.ALLOWED0"), VA_PASS);
	snprintf(buf, sizeof buf, "%sIA32_VMX_PINBASED_CTLS = 0x0000007f00000017\n", plain);
	CU_ASSERT_EQUAL(status_on(buf, "CTL.PIN.ALLOWED0"), VA_FAIL);
	/* The other three capability MSRs of the pair as given. */
	CU_ASSERT_EQUAL(status_on(plain, "CTL.EXIT.ALLOWED1"), VA_PASS);
	CU_ASSERT_EQUAL(status_on(plain, "CTL.ENTRY.ALLOWED1"), VA_PASS);
	/* The advice for a width is CPUID, not rdmsr. */
	CU_ASSERT(strstr(va_need_how(VA_NEED_BIT_MAXPHYADDR), "CPUID.80000008H:EAX[7:0]") != NULL);
	CU_ASSERT(strstr(va_need_how(VA_NEED_BIT_LINEAR), "CPUID.80000008H:EAX[15:8]") != NULL);
	CU_ASSERT(strstr(va_need_how(VA_NEED_BIT_CURRENT_VMCS_POINTER), "[entry]") != NULL);
	for (unsigned b = 0; b < VA_NEED_COUNT; b++)
		CU_ASSERT(strlen(va_need_how((enum va_need_bit)b)) > 10);
}

static void test_impossible_capability_flagged(void)
{
	CU_ASSERT_FATAL(fixture_state(state, NULL) == 0);
	va_audit(state, report);
	CU_ASSERT_EQUAL(report->anomalies, 0);
	va_state_release(state);
	/* Bits 31:0 of IA32_VMX_PROCBASED_CTLS2 are 0 on every CPU: flagged,
	 * and honoured as must-be-1. */
	CU_ASSERT_EQUAL(status_on("[cpu]\nIA32_VMX_PROCBASED_CTLS2 = 0x001ffcff00000001\n",
				  "CTL.PROC2.ALLOWED0"), VA_FAIL);
	CU_ASSERT_EQUAL(report->verdict.vm_instruction_error, 7);
	CU_ASSERT(report->anomalies & VA_ANOMALY_PROC2_LOW_BITS);
}

static void test_bit13_without_fred(void)
{
	const char *bit13 = "[vmcs]\nVM_ENTRY_INTR_INFO_FIELD = 0x80002b0e\n";
	CU_ASSERT_EQUAL(status_on(bit13, "CTL.EVINJ.RSVD_BITS"), VA_FAIL);
	CU_ASSERT_EQUAL(report->status[rule_index("CTL.EVINJ.NESTED_EXC_BIT13")], VA_NOT_APPLICABLE);
	CU_ASSERT_EQUAL(report->verdict.vm_instruction_error, 7);
}

/* ---- derived facts ------------------------------------------------------- */

static void test_derived_facts(void)
{
	const char *lam = "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000000103727ff\n"
			  "[vmcs]\nHOST_CR3 = 0x20000000001ab000\n";
	char buf[256];
	CU_ASSERT_EQUAL(status_on(lam, "HOST.CR3.RSVD"), VA_PASS);
	CU_ASSERT(report->facts_derived & (1u << FACT_LAM));
	snprintf(buf, sizeof buf, "%s[cpu]\nlam = 0\n", lam);
	CU_ASSERT_EQUAL(status_on(buf, "HOST.CR3.RSVD"), VA_FAIL);
	CU_ASSERT(!(report->facts_derived & (1u << FACT_LAM)));
	CU_ASSERT_EQUAL(status_on("[vmcs]\nHOST_CR3 = 0x20000000001ab000\n", "HOST.CR3.RSVD"), VA_FAIL);

	/* LA57 may be 1: 57-bit linear addresses, unless the fact says 48. */
	const char *la57 = "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000000003737ff\n"
			   "[vmcs]\nHOST_IA32_SYSENTER_ESP = 0x0000800000000000\n";
	snprintf(buf, sizeof buf, "[cpu]\nlinear_address_bits = ?\n%s", la57);
	CU_ASSERT_EQUAL(status_on(buf, "HOST.MSR.SYSENTER_ESP_CANON"), VA_PASS);
	CU_ASSERT(report->facts_derived & (1u << FACT_LINEAR_ADDRESS_BITS));
	snprintf(buf, sizeof buf, "%s[cpu]\nlinear_address_bits = 48\n", la57);
	CU_ASSERT_EQUAL(status_on(buf, "HOST.MSR.SYSENTER_ESP_CANON"), VA_FAIL);
	CU_ASSERT(!(report->facts_derived & (1u << FACT_LINEAR_ADDRESS_BITS)));
	/* Without LA57 in FIXED1: 48. */
	CU_ASSERT_EQUAL(status_on("[cpu]\nlinear_address_bits = ?\n[vmcs]\n"
				  "HOST_IA32_SYSENTER_ESP = 0x0000800000000000\n",
				  "HOST.MSR.SYSENTER_ESP_CANON"), VA_FAIL);

	/* CET (bit 23) and FRED (bit 32), derived and overridden. */
	const char *cp = "[vmcs]\nVM_ENTRY_INTR_INFO_FIELD = 0x80000b15\n";
	CU_ASSERT_EQUAL(status_on(cp, "CTL.EVINJ.ERRCODE_NOT_ALLOWED"), VA_FAIL);
	snprintf(buf, sizeof buf, "%s[cpu]\nIA32_VMX_CR4_FIXED1 = 0x0000000000b727ff\n", cp);
	CU_ASSERT_EQUAL(status_on(buf, "CTL.EVINJ.ERRCODE_NOT_ALLOWED"), VA_PASS);
	CU_ASSERT(report->facts_derived & (1u << FACT_CET));
	snprintf(buf, sizeof buf, "%s[cpu]\nIA32_VMX_CR4_FIXED1 = 0x0000000000b727ff\ncet = 0\n", cp);
	CU_ASSERT_EQUAL(status_on(buf, "CTL.EVINJ.ERRCODE_NOT_ALLOWED"), VA_FAIL);
	const char *fred_ev = "[vmcs]\nVM_ENTRY_INTR_INFO_FIELD = 0x80000701\n";
	CU_ASSERT_EQUAL(status_on(fred_ev, "CTL.EVINJ.OTHER_VECTOR"), VA_FAIL);
	snprintf(buf, sizeof buf, "%s[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000001003727ff\n", fred_ev);
	CU_ASSERT_EQUAL(status_on(buf, "CTL.EVINJ.OTHER_VECTOR"), VA_PASS);
	CU_ASSERT(report->facts_derived & (1u << FACT_FRED));
	snprintf(buf, sizeof buf, "%s[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000001003727ff\nfred = 0\n",
		 fred_ev);
	CU_ASSERT_EQUAL(status_on(buf, "CTL.EVINJ.OTHER_VECTOR"), VA_FAIL);
	CU_ASSERT(!(report->facts_derived & (1u << FACT_FRED)));
	/* Every derivation is written in the fact table. */
	CU_ASSERT(va_fact_from(FACT_LAM) && va_fact_from(FACT_LAM)->bit == 28);
	CU_ASSERT(va_fact_from(FACT_LINEAR_ADDRESS_BITS)->if_set == 57);
	CU_ASSERT(va_fact_from(FACT_MAXPHYADDR) == NULL);
}

/* ---- a rule never passes on an input it does not have ------------------ */

struct domain {
	enum va_fact fact;
	int by_msr;               /* the fact is IA32_VMX_BASIC bits 56/58 */
	uint64_t lo, hi;          /* values lo..hi (booleans 0..1) */
};

static const struct domain domains[] = {
	{ FACT_MAXPHYADDR, 0, 32, 52 },
	{ FACT_LINEAR_ADDRESS_BITS, 0, 48, 57 },
	{ FACT_CET, 0, 0, 1 },
	{ FACT_CET_IBT, 0, 0, 1 },
	{ FACT_CET_SHSTK, 0, 0, 1 },
	{ FACT_FRED, 0, 0, 1 },
	{ FACT_LAM, 0, 0, 1 },
	{ FACT_RTM, 0, 0, 1 },
	{ FACT_SGX, 0, 0, 1 },
	{ 0, 1, 0, 3 },
};

/* The state with the fact absent (and the MSR it could be derived from). */
static void drop(struct va_state *st, const struct domain *d)
{
	if (d->by_msr) {
		st->msr_present &= ~(1u << MSR_IA32_VMX_BASIC);
		return;
	}
	st->fact_present &= ~(1u << d->fact);
	if (va_fact_from(d->fact))
		st->msr_present &= ~(1u << va_fact_from(d->fact)->msr);
}

static void set_value(struct va_state *st, const struct domain *d, uint64_t v)
{
	if (d->by_msr) {
		/* What an absent IA32_VMX_BASIC is taken to say besides bits 56
		 * and 58: Intel 64 (bit 48 = 0), TRUE_ MSRs (bit 55) where given. */
		uint64_t b = st->msr[MSR_IA32_VMX_BASIC] &
			     ~((1ull << 48) | (1ull << 55) | (1ull << 56) | (1ull << 58));
		if (va_msr_known(st, MSR_IA32_VMX_TRUE_PINBASED_CTLS) ||
		    va_msr_known(st, MSR_IA32_VMX_TRUE_PROCBASED_CTLS) ||
		    va_msr_known(st, MSR_IA32_VMX_TRUE_EXIT_CTLS) ||
		    va_msr_known(st, MSR_IA32_VMX_TRUE_ENTRY_CTLS))
			b |= 1ull << 55;
		st->msr[MSR_IA32_VMX_BASIC] = b | ((v & 1) << 56) | ((v >> 1) << 58);
		st->msr_present |= 1u << MSR_IA32_VMX_BASIC;
		return;
	}
	st->fact[d->fact] = v;
	st->fact_present |= 1u << d->fact;
}

static bool fails(unsigned s)
{
	return s == VA_FAIL || s == VA_WARN;
}

/*
 * For every fixture and every input with a small domain: with the input
 * absent, a rule that passes passes (or does not apply) for every value,
 * and a rule that fails fails for every value.
 */
static void test_absent_input_every_value(void)
{
	struct va_state *absent = malloc(sizeof *absent), *valued = malloc(sizeof *valued);
	unsigned decided = 0;
	CU_ASSERT_FATAL(absent && valued);
	for (size_t t = 0; t < fixture_table_count; t++) {
		for (unsigned i = 0; i < *fixture_tables[t].count; i++) {
			const struct rule_fixture *fx = &fixture_tables[t].list[i];
			CU_ASSERT_FATAL(fixture_state(state, fx->state) == 0);
			for (size_t d = 0; d < sizeof domains / sizeof domains[0]; d++) {
				*absent = *state;
				drop(absent, &domains[d]);
				va_audit(absent, report);
				/* Without CET at all, its parts cannot be there. */
				struct va_ctx c;
				va_ctx_init(&c, absent);
				uint64_t hi = domains[d].hi;
				if ((domains[d].fact == FACT_CET_IBT || domains[d].fact == FACT_CET_SHSTK) &&
				    !domains[d].by_msr && (c.have & VA_NEED_CET) && !c.cet)
					hi = 0;
				for (uint64_t v = domains[d].lo; v <= hi; v++) {
					*valued = *absent;
					set_value(valued, &domains[d], v);
					va_audit(valued, other);
					for (unsigned r = 0; r < report->rule_count; r++) {
						unsigned a = report->status[r], b = other->status[r];
						bool bad = (a == VA_PASS && fails(b)) ||
							   (fails(a) && !fails(b));
						if (bad)
							fprintf(stderr, "\n  %s: %u with %s absent, %u with %"
								PRIu64 "\n    overlay: %s", va_rule_at(r)->id,
								a, domains[d].by_msr ? "IA32_VMX_BASIC"
								: va_fact_info(domains[d].fact)->key, b, v,
								fx->state);
						CU_ASSERT(!bad);
						decided += a == VA_PASS || fails(a);
					}
				}
			}
			va_state_release(state);
		}
	}
	CU_ASSERT(decided > 1000);
	free(absent);
	free(valued);
}

/* ---- no VMCS field at all ------------------------------------------------ */

static void test_no_vmcs_fields(void)
{
	struct va_load_options none = { NULL, NULL, 0 };
	struct va_import_notes *notes = malloc(sizeof *notes);
	struct va_error err = { 0 };
	CU_ASSERT_FATAL(notes != NULL);
	const char *empty = "[vmcs]\n";
	CU_ASSERT_EQUAL(va_load_text(state, empty, strlen(empty), "e.state", &none, notes, &err), 0);
	CU_ASSERT(!va_state_has_vmcs_fields(state));
	CU_ASSERT_EQUAL(va_require_vmcs(state, "e.state", &err), -1);
	CU_ASSERT(strstr(err.message, "no VMCS fields were given") != NULL);
	va_state_release(state);

	const char *caps = "user@box:~$ sudo rdmsr 0x480\nda040000000004\n"
			   "user@box:~$ sudo rdmsr 0x481\n7f00000016\n";
	CU_ASSERT_EQUAL(va_load_text(state, caps, strlen(caps), "caps.txt", &none, notes, &err), 0);
	CU_ASSERT(state->msr_present != 0);
	CU_ASSERT_EQUAL(va_require_vmcs(state, "caps.txt", &err), -1);
	CU_ASSERT(strstr(err.message, "no VMCS fields were given") != NULL);
	va_state_release(state);

	const char *one = "[vmcs]\nGUEST_RIP = 0\n";
	CU_ASSERT_EQUAL(va_load_text(state, one, strlen(one), "o.state", &none, notes, &err), 0);
	CU_ASSERT(va_state_has_vmcs_fields(state));
	CU_ASSERT_EQUAL(va_require_vmcs(state, "o.state", &err), 0);
	va_state_release(state);
	free(notes);
}

CU_TestInfo tests_missing_inputs[] = {
	{ "gates before presence: the two cases", test_known_false_gates_decide },
	{ "gates before presence: every rule", test_gates_before_presence_every_rule },
	{ "applies_reads lists every field applies() reads", test_applies_reads_declared },
	{ "certain without MAXPHYADDR", test_certain_without_maxphyaddr },
	{ "one FIXED0/FIXED1 half decides its bits", test_one_fixed_half_decides },
	{ "CET parts are never assumed", test_cet_features_never_assumed },
	{ "BASIC absent with 0x481-0x484; reasons name what is missing",
	  test_reasons_name_what_is_missing },
	{ "impossible capability MSR flagged and honoured", test_impossible_capability_flagged },
	{ "bit 13 reserved without FRED and BASIC[58]", test_bit13_without_fred },
	{ "derived facts, with and without override", test_derived_facts },
	{ "an absent input: never a pass that a value could fail", test_absent_input_every_value },
	{ "no VMCS field at all", test_no_vmcs_fields },
	CU_TEST_INFO_NULL,
};
