/*
 * Allowed settings, bit by bit, in the spirit of kvm-unit-tests'
 * test_vmx_ctl_bits: for real CPU profiles, derive from the capability MSRs
 * (SDM A.3) whether each control bit of the pin-based, primary and secondary
 * processor-based vectors may be 1 and may be 0, then set or clear that one
 * bit over a valid control word and compare the ALLOWED0/ALLOWED1 rules'
 * status with the derivation.  The expectations come from the MSR values
 * here, never from the rules' own code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "../auditor/input/profiles.h"
#include "suites.h"

/* Real CPUs' capability MSRs: the built-in profiles of msr_profiles/. */
static const char *const profiles[] = {
	/* BASIC[55] = 0: no TRUE_ MSRs; no secondary controls (PROCBASED_CTLS
	 * bit 63 = 0), so IA32_VMX_PROCBASED_CTLS2 does not exist. */
	"intel-conroe-core2-x6800",
	/* BASIC[55] = 0, virtual CPU (QEMU kvm64). */
	"qemu-kvm64",
	/* TRUE_ MSRs relax PROC bits 15 and 16. */
	"intel-gulftown-xeon-w3670",
	/* Posted interrupts, tertiary controls, most secondary controls. */
	"intel-sapphirerapids-xeon-w9-3475x",
	/* Nested KVM (virtual CPU). */
	"kvm-nested-default-linux5.10-on-skylake-sp",
	/* Zhaoxin: a non-Intel implementation of VMX. */
	"zhaoxin-yongfeng-kh-40000",
	/* IA32_VMX_BASIC and the TRUE_ MSRs not in the listing (a WinDbg rdmsr
	 * dump): the plain MSRs stand in, and their default1 demands are
	 * "unknown", not failures. */
	"intel-skylake-client-rayanfam-tutorial",
};

static const char *profile_text(const char *name)
{
	const struct va_profile *p = va_profile_find(name);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	return p->text;
}

/* Default1 classes (SDM A.2): bits the plain MSRs always report as
 * must-be-one, which the TRUE_ MSRs may relax. */
#define PIN_DEFAULT1 0x00000016ull
#define PROC_DEFAULT1 0x0401e172ull

/* The vectors under test, their state field, their rules. */
enum vector { V_PIN, V_PROC, V_SEC };
static const struct {
	const char *name;
	enum va_field field;
	const char *allowed0, *allowed1;   /* allowed0 NULL: no must-be-one half */
	uint64_t default1;
	enum va_msr plain, true_msr;
} vectors[] = {
	[V_PIN] = { "PIN", FLD_PIN_BASED_VM_EXEC_CONTROL, "CTL.PIN.ALLOWED0", "CTL.PIN.ALLOWED1",
		    PIN_DEFAULT1, MSR_IA32_VMX_PINBASED_CTLS, MSR_IA32_VMX_TRUE_PINBASED_CTLS },
	[V_PROC] = { "PROC", FLD_CPU_BASED_VM_EXEC_CONTROL, "CTL.PROC.ALLOWED0", "CTL.PROC.ALLOWED1",
		     PROC_DEFAULT1, MSR_IA32_VMX_PROCBASED_CTLS, MSR_IA32_VMX_TRUE_PROCBASED_CTLS },
	[V_SEC] = { "SEC", FLD_SECONDARY_VM_EXEC_CONTROL, NULL, "CTL.PROC2.ALLOWED1",
		    0, MSR_IA32_VMX_PROCBASED_CTLS2, MSR_IA32_VMX_PROCBASED_CTLS2 },
};

/* What the MSRs say about one vector, derived here from SDM A.3. */
struct caps {
	int known;            /* an allowed-settings MSR is available */
	int fallback;         /* TRUE_ MSR wanted but missing: default1 demands unknown */
	uint32_t must_be_one; /* allowed 0-settings */
	uint32_t may_be_one;  /* allowed 1-settings */
};

static struct caps caps_of(const struct va_state *st, enum vector v)
{
	struct caps k = { 0, 0, 0, 0 };
	int basic_known = va_msr_known(st, MSR_IA32_VMX_BASIC);
	int wants_true = !basic_known || ((st->msr[MSR_IA32_VMX_BASIC] >> 55) & 1);
	enum va_msr m = vectors[v].plain;

	if (v != V_SEC && wants_true && va_msr_known(st, vectors[v].true_msr))
		m = vectors[v].true_msr;
	else if (v != V_SEC && wants_true)
		k.fallback = 1;
	if (!va_msr_known(st, m))
		return k;
	k.known = 1;
	k.must_be_one = (uint32_t)st->msr[m];
	k.may_be_one = (uint32_t)(st->msr[m] >> 32);
	return k;
}

/* A control word that every allowed-settings rule accepts: the must-be-one
 * bits, plus "activate secondary controls" where offered so that the
 * secondary vector is checked at all. */
static uint64_t valid_word(const struct va_state *st, enum vector v)
{
	struct caps k = caps_of(st, v);
	if (v == V_SEC)
		return 0;
	if (v == V_PROC && (k.may_be_one & (1u << 31)))
		return k.must_be_one | (1u << 31);
	return k.must_be_one;
}

static const char *status_name(unsigned s)
{
	static const char *const names[] = { "not run", "PASS", "FAIL", "UNKNOWN", "NA", "WARN" };
	return s < 6 ? names[s] : "?";
}

struct tally {
	unsigned checks, mismatches;
	unsigned seen[VA_WARN + 1];
};

/* `bit` < 0: the valid control words themselves. */
static void expect(struct tally *t, const struct va_report *rep, const char *rule, unsigned want,
		   const char *profile, const char *vec, int bit, int set)
{
	int index = va_rule_find(rule);
	CU_ASSERT_FATAL(index >= 0);
	unsigned got = rep->status[index];
	t->checks++;
	t->seen[want]++;
	if (got != want) {
		t->mismatches++;
		if (bit < 0)
			fprintf(stderr, "\n  %s: valid %s word: %s is %s, expected %s", profile, vec,
				rule, status_name(got), status_name(want));
		else
			fprintf(stderr, "\n  %s: %s bit %d %s: %s is %s, expected %s", profile, vec, bit,
				set ? "set" : "cleared", rule, status_name(got), status_name(want));
	}
	CU_ASSERT_EQUAL(got, want);
}

/* Base state with the profile's [cpu] section in place of the i7-6700K's. */
static int profile_state(struct va_state *st, const char *name, const char *text)
{
	struct va_error err;
	if (fixture_state(st, NULL))
		return -1;
	st->msr_present = 0;
	st->fact_present = 0;
	if (va_state_read(st, text, strlen(text), name, &err)) {
		fprintf(stderr, "%s:%u:%u: %s\n", name, err.line, err.column, err.message);
		va_state_release(st);
		return -1;
	}
	return 0;
}

static void set_controls(struct va_state *st, uint64_t pin, uint64_t proc, uint64_t sec)
{
	va_state_set_field(st, FLD_PIN_BASED_VM_EXEC_CONTROL, pin);
	va_state_set_field(st, FLD_CPU_BASED_VM_EXEC_CONTROL, proc);
	va_state_set_field(st, FLD_SECONDARY_VM_EXEC_CONTROL, sec);
}

static void test_each_bit(void)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_report *rep = malloc(sizeof *rep);
	struct tally t;
	memset(&t, 0, sizeof t);
	CU_ASSERT_FATAL(st && rep);

	for (size_t p = 0; p < sizeof profiles / sizeof profiles[0]; p++) {
		const char *pname = profiles[p];
		CU_ASSERT_FATAL(profile_state(st, pname, profile_text(profiles[p])) == 0);
		uint64_t word[3] = { valid_word(st, V_PIN), valid_word(st, V_PROC), valid_word(st, V_SEC) };
		struct caps caps[3] = { caps_of(st, V_PIN), caps_of(st, V_PROC), caps_of(st, V_SEC) };
		int sec_active = (word[V_PROC] >> 31) & 1;

		/* The valid words pass every allowed-settings rule. */
		set_controls(st, word[V_PIN], word[V_PROC], word[V_SEC]);
		va_audit(st, rep);
		for (unsigned v = V_PIN; v <= V_SEC; v++) {
			unsigned want1 = v == V_SEC && !sec_active ? VA_NOT_APPLICABLE
				       : caps[v].known ? VA_PASS : VA_UNKNOWN;
			expect(&t, rep, vectors[v].allowed1, want1, pname, vectors[v].name, -1, 0);
			if (vectors[v].allowed0)
				expect(&t, rep, vectors[v].allowed0, caps[v].known ? VA_PASS : VA_UNKNOWN,
				       pname, vectors[v].name, -1, 0);
		}

		for (unsigned v = V_PIN; v <= V_SEC; v++) {
			const struct caps *k = &caps[v];
			if (v == V_SEC && !sec_active)
				continue;   /* covered by PROC bit 31 below */
			for (unsigned bit = 0; bit < 32; bit++) {
				uint32_t b = 1u << bit;
				for (int set = 0; set <= 1; set++) {
					uint64_t w[3] = { word[V_PIN], word[V_PROC], word[V_SEC] };
					w[v] = set ? (w[v] | b) : (w[v] & ~(uint64_t)b);
					set_controls(st, w[V_PIN], w[V_PROC], w[V_SEC]);
					va_audit(st, rep);

					/* Allowed 1-settings: bit 32+X of the MSR. */
					unsigned want1 = VA_PASS;
					if (!k->known)
						want1 = VA_UNKNOWN;
					else if (set && !(k->may_be_one & b))
						want1 = VA_FAIL;
					expect(&t, rep, vectors[v].allowed1, want1, pname,
					       vectors[v].name, (int)bit, set);

					/* Allowed 0-settings: bit X of the MSR; a default1 bit
					 * demanded only by a stand-in plain MSR is unknown. */
					if (vectors[v].allowed0) {
						unsigned want0 = VA_PASS;
						if (!k->known)
							want0 = VA_UNKNOWN;
						else if (!set && (k->must_be_one & b))
							want0 = k->fallback && (vectors[v].default1 & b)
								? VA_UNKNOWN : VA_FAIL;
						expect(&t, rep, vectors[v].allowed0, want0, pname,
						       vectors[v].name, (int)bit, set);
					}

					/* Clearing "activate secondary controls" turns the
					 * secondary vector off entirely. */
					if (v == V_PROC && bit == 31 && sec_active)
						expect(&t, rep, vectors[V_SEC].allowed1,
						       set ? (caps[V_SEC].known ? VA_PASS : VA_UNKNOWN)
							   : VA_NOT_APPLICABLE,
						       pname, "PROC", (int)bit, set);
				}
			}
		}
		va_state_release(st);
	}
	/* The profiles exercise every outcome: a sanity check on the data. */
	CU_ASSERT(t.seen[VA_PASS] > 0);
	CU_ASSERT(t.seen[VA_FAIL] > 0);
	CU_ASSERT(t.seen[VA_UNKNOWN] > 0);
	CU_ASSERT(t.seen[VA_NOT_APPLICABLE] > 0);
	CU_ASSERT_EQUAL(t.mismatches, 0);
	free(st);
	free(rep);
}

/* Secondary controls on a CPU whose PROCBASED_CTLS2 is not given: unknown,
 * never guessed; on a CPU without secondary controls: "activate secondary
 * controls" itself fails allowed-1. */
static void test_secondary_without_msr(void)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_report *rep = malloc(sizeof *rep);
	CU_ASSERT_FATAL(st && rep);

	/* Sapphire Rapids with IA32_VMX_PROCBASED_CTLS2 left out. */
	CU_ASSERT_FATAL(profile_state(st, profiles[3], profile_text(profiles[3])) == 0);
	st->msr_present &= ~(1u << MSR_IA32_VMX_PROCBASED_CTLS2);
	set_controls(st, 0x16, 0x84006172ull | (1ull << 31), 0x2);
	va_audit(st, rep);
	CU_ASSERT_EQUAL(rep->status[va_rule_find("CTL.PROC2.ALLOWED1")], VA_UNKNOWN);
	CU_ASSERT_EQUAL(rep->status[va_rule_find("CTL.PROC.ALLOWED1")], VA_PASS);
	va_state_release(st);

	/* Conroe: PROC[31] is not offered. */
	CU_ASSERT_FATAL(profile_state(st, profiles[0], profile_text(profiles[0])) == 0);
	set_controls(st, 0x16, 0x0401e172ull | (1ull << 31), 0x2);
	va_audit(st, rep);
	CU_ASSERT_EQUAL(rep->status[va_rule_find("CTL.PROC.ALLOWED1")], VA_FAIL);
	CU_ASSERT_EQUAL(rep->status[va_rule_find("CTL.PROC2.ALLOWED1")], VA_UNKNOWN);
	va_state_release(st);
	free(st);
	free(rep);
}

CU_TestInfo tests_allowed_settings[] = {
	{ "every control bit against real CPU profiles", test_each_bit },
	{ "secondary controls without their capability MSR", test_secondary_without_msr },
	CU_TEST_INFO_NULL,
};
