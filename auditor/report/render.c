#include "render.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../input/text_util.h"
#include "missing.h"

struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	if (o->len >= o->size)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n;
	if (o->len >= o->size)
		o->len = o->size - 1;
}

static void put_bits(struct out *o, uint64_t bits, enum va_bitset set)
{
	int first = 1;
	if (!bits) {
		put(o, "no bits");
		return;
	}
	for (unsigned b = 0; b < 64; b++) {
		if (!((bits >> b) & 1))
			continue;
		const char *name = va_bit_name(set, b);
		put(o, "%sbit %u", first ? "" : ", ", b);
		if (name)
			put(o, " (%s)", name);
		first = 0;
	}
}

static const char *entry_word(const char *key, size_t keylen, uint64_t value)
{
	size_t n;
	const struct va_entry_word *w = va_entry_words(&n);
	for (size_t i = 0; i < n; i++)
		if (w[i].value == value && va_word_eq(key, keylen, va_entry_info(w[i].entry)->key))
			return w[i].word;
	return "?";
}

void va_render_message(const struct va_rule *rule, const struct va_eval *ev, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };
	const char *t = rule->message ? rule->message : rule->summary;
	buf[0] = '\0';
	while (t && *t) {
		if (*t != '{') {
			const char *next = strchr(t, '{');
			size_t n = next ? (size_t)(next - t) : strlen(t);
			put(&o, "%.*s", (int)n, t);
			t += n;
			continue;
		}
		const char *close = strchr(t, '}');
		if (!close) {
			put(&o, "%s", t);
			break;
		}
		const char *spec = t + 1;
		size_t n = (size_t)(close - spec);
		t = close + 1;
		if (n == 5 && !strncmp(spec, "field", 5)) {
			put(&o, "%s", va_field_name((enum va_field)rule->field));
			continue;
		}
		if (n == 2 && spec[0] == 'f' && spec[1] >= '0' && spec[1] <= '5') {
			put(&o, "%s", va_field_name((enum va_field)rule->fields[spec[1] - '0']));
			continue;
		}
		if (n < 1 || spec[0] < '0' || spec[0] > '3') {
			put(&o, "{%.*s}", (int)n, spec);
			continue;
		}
		uint64_t v = ev->v[spec[0] - '0'];
		const char *kind = n > 2 && spec[1] == ':' ? spec + 2 : NULL;
		size_t kn = kind ? n - 2 : 0;
		if (!kind) {
			put(&o, "0x%" PRIx64, v);
		} else if (kn == 1 && kind[0] == 'd') {
			put(&o, "%" PRIu64, v);
		} else if (kn >= 4 && !strncmp(kind, "bits", 4)) {
			enum va_bitset set = (enum va_bitset)rule->bitset;
			if (kn > 5 && kind[4] == ':')
				set = va_bitset_by_name(kind + 5, (unsigned)(kn - 5));
			put_bits(&o, v, set);
		} else if (kn == 5 && !strncmp(kind, "bytes", 5)) {
			int first = 1;
			for (unsigned b = 0; b < 64; b++)
				if ((v >> b) & 1) {
					put(&o, "%sbyte %u", first ? "" : ", ", b);
					first = 0;
				}
			if (first)
				put(&o, "no bytes");
		} else if (kn == 3 && !strncmp(kind, "msr", 3)) {
			int m = va_msr_by_number((uint32_t)v);
			put(&o, "%s", m >= 0 ? va_msr_name((enum va_msr)m) : "?");
		} else if (kn > 6 && !strncmp(kind, "entry:", 6)) {
			put(&o, "%s", entry_word(kind + 6, kn - 6, v));
		} else {
			put(&o, "0x%" PRIx64, v);
		}
	}
}

void va_render_unknown(const struct va_finding *f, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };
	buf[0] = '\0';
	switch (f->eval.unknown) {
	case VA_UNK_FIELD:
		put(&o, "%s is not in the input", va_field_name((enum va_field)f->eval.unknown_arg));
		break;
	case VA_UNK_NEED: {
		/* The advice depends on where the input comes from: rdmsr, CPUID, [entry]. */
		struct va_missing key;
		char what[160], how[160];
		va_missing_key(f, NULL, &key);
		va_render_missing(&key, NULL, what, sizeof what, how, sizeof how);
		put(&o, "needs %s, which the input does not give (%s)",
		    va_need_text((enum va_need_bit)f->eval.unknown_arg), how);
		break;
	}
	case VA_UNK_MEMORY:
		put(&o, "needs the memory at physical address 0x%" PRIx64 ", which [memory] does not give",
		    f->eval.unknown_arg);
		break;
	case VA_UNK_MODEL:
		put(&o, "the outcome is model-specific and cannot be predicted from the input");
		break;
	default:
		put(&o, "not evaluated");
		break;
	}
	if (f->msr_index)
		put(&o, " (MSR-load entry %" PRIu32 ")", f->msr_index);
}

/* Chapter 26 of the 2016-2020 editions is chapter 29 in the newest; a later
 * edition inserted a section (trace-address pre-translation) before event
 * injection, so 26.5 onwards move one up. */
static const struct {
	const char *old_prefix;
	const char *new_prefix;
} sdm_map[] = {
	{ "26.1", "29.1" }, { "26.2", "29.2" }, { "26.3", "29.3" }, { "26.4", "29.4" },
	{ "26.5", "29.6" }, { "26.6", "29.7" }, { "26.7", "29.8" }, { "26.8", "29.9" },
};

void va_sdm_current(const char *sdm, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof sdm_map / sizeof sdm_map[0]; i++) {
		size_t n = strlen(sdm_map[i].old_prefix);
		if (!strncmp(sdm, sdm_map[i].old_prefix, n) && (sdm[n] == '\0' || sdm[n] == '.')) {
			snprintf(buf, size, "%s%s", sdm_map[i].new_prefix, sdm + n);
			return;
		}
	}
	snprintf(buf, size, "%s", sdm);
}

const char *va_vm_instruction_error_text(unsigned error)
{
	switch (error) {
	case 4: return "VMLAUNCH with non-clear VMCS";
	case 5: return "VMRESUME with non-launched VMCS";
	case 6: return "VMRESUME after VMXOFF";
	case 7: return "VM entry with invalid control field(s)";
	case 8: return "VM entry with invalid host-state field(s)";
	case 26: return "VM entry with events blocked by MOV SS";
	default: return "unknown error number";
	}
}

const char *va_result_name(enum va_result r)
{
	switch (r) {
	case VA_RESULT_SUCCESS: return "success";
	case VA_RESULT_VMFAIL_INVALID: return "vmfail_invalid";
	case VA_RESULT_VMFAIL_VALID: return "vmfail_valid";
	case VA_RESULT_ENTRY_FAILURE: return "entry_failure";
	case VA_RESULT_FAULT_UD: return "fault_ud";
	case VA_RESULT_FAULT_GP: return "fault_gp";
	case VA_RESULT_VMEXIT: return "vm_exit";
	case VA_RESULT_INCONCLUSIVE: return "inconclusive";
	}
	return "?";
}

void va_render_verdict(const struct va_verdict *v, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };
	buf[0] = '\0';
	switch ((enum va_result)v->result) {
	case VA_RESULT_SUCCESS:
		put(&o, "VM entry succeeds");
		break;
	case VA_RESULT_VMFAIL_INVALID:
		put(&o, "VM entry fails: VMfailInvalid (RFLAGS.CF = 1, no error number)");
		break;
	case VA_RESULT_VMFAIL_VALID:
		put(&o, "VM entry fails: VMfailValid, VM-instruction error %u \xe2\x80\x94 %s",
		    v->vm_instruction_error, va_vm_instruction_error_text(v->vm_instruction_error));
		break;
	case VA_RESULT_ENTRY_FAILURE:
		put(&o, "VM entry fails: VM exit with reason %" PRIu32 " (0x%08" PRIx32 ") \xe2\x80\x94 %s, "
		    "exit qualification %" PRIu64, v->exit_reason, v->exit_reason | 0x80000000u,
		    v->exit_reason == 34 ? "VM-entry failure due to MSR loading"
					 : "VM-entry failure due to invalid guest state",
		    v->exit_qualification);
		break;
	case VA_RESULT_FAULT_UD:
		put(&o, "VMLAUNCH/VMRESUME raises #UD");
		break;
	case VA_RESULT_FAULT_GP:
		put(&o, "VMLAUNCH/VMRESUME raises #GP(0)");
		break;
	case VA_RESULT_VMEXIT:
		put(&o, "VMLAUNCH/VMRESUME causes a VM exit to the parent VMM (basic exit reason %" PRIu32 ")",
		    v->exit_reason);
		break;
	case VA_RESULT_INCONCLUSIVE:
		put(&o, "VM entry: inconclusive \xe2\x80\x94 no check fails, but checks that could decide were not evaluated");
		break;
	}
}

void va_render_headline(const struct va_report *r, char *buf, size_t size)
{
	if (r->verdict.result == VA_RESULT_INCONCLUSIVE)
		snprintf(buf, size, "VM entry: inconclusive \xe2\x80\x94 no check fails, %u could not be "
			 "evaluated (see below)", r->count[VA_UNKNOWN]);
	else
		va_render_verdict(&r->verdict, buf, size);
}

const char *va_assumption_text(enum va_assumption a)
{
	switch (a) {
	case VA_ASSUME_BASIC56_0:
		return "IA32_VMX_BASIC[56] = 0 (true of every CPU before CET)";
	case VA_ASSUME_TRUE_DEFAULT1:
		return "the TRUE capability MSR keeps the default1 bits at 1 (as almost every CPU does)";
	case VA_ASSUME_LINK_NOT_VMCS:
		return "the memory at the link pointer does not hold a VMCS";
	default:
		return NULL;
	}
}

const char *va_assumption_name(enum va_assumption a)
{
	switch (a) {
	case VA_ASSUME_BASIC56_0: return "basic56_0";
	case VA_ASSUME_TRUE_DEFAULT1: return "true_default1";
	case VA_ASSUME_LINK_NOT_VMCS: return "link_not_vmcs";
	default: return "none";
	}
}

void va_render_verdict_short(const struct va_verdict *v, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };
	buf[0] = '\0';
	switch ((enum va_result)v->result) {
	case VA_RESULT_SUCCESS: put(&o, "success"); break;
	case VA_RESULT_VMFAIL_INVALID: put(&o, "VMfailInvalid"); break;
	case VA_RESULT_VMFAIL_VALID: put(&o, "VMfailValid %u", v->vm_instruction_error); break;
	case VA_RESULT_ENTRY_FAILURE:
		put(&o, "exit %" PRIu32 " (qual %" PRIu64 ")", v->exit_reason, v->exit_qualification);
		break;
	case VA_RESULT_FAULT_UD: put(&o, "#UD"); break;
	case VA_RESULT_FAULT_GP: put(&o, "#GP(0)"); break;
	case VA_RESULT_VMEXIT: put(&o, "VM exit %" PRIu32, v->exit_reason); break;
	case VA_RESULT_INCONCLUSIVE: put(&o, "inconclusive"); break;
	}
}

void va_render_applies(const struct va_rule *rule, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };
	int any = 0;
	buf[0] = '\0';
	for (unsigned g = 0; g < VA_RULE_MAX_GATES; g++) {
		const struct va_gate *gate = &rule->gate[g];
		if (gate->vec == VEC_NONE)
			continue;
		put(&o, "%s", any ? " and " : "");
		if (gate->vec == VEC_COND) {
			if (gate->value)
				put(&o, "%s", va_cond_text((enum va_cond)gate->bit));
			else
				put(&o, "not (%s)", va_cond_text((enum va_cond)gate->bit));
		} else {
			const char *name = va_bit_name(va_vec_bitset((enum va_vec)gate->vec), gate->bit);
			put(&o, "%s bit %u%s%s%s = %u", va_vec_name((enum va_vec)gate->vec), gate->bit,
			    name ? " (" : "", name ? name : "", name ? ")" : "", gate->value);
		}
		any = 1;
	}
	if (rule->applies_text) {
		put(&o, "%s%s", any ? " and " : "", rule->applies_text);
		any = 1;
	}
	if (!any)
		put(&o, "always");
}

const char *va_outcome_text(const struct va_rule *rule, char *buf, size_t size)
{
	switch ((enum va_outcome)rule->outcome) {
	case VA_OUT_FAULT_UD: snprintf(buf, size, "#UD"); break;
	case VA_OUT_FAULT_GP: snprintf(buf, size, "#GP(0)"); break;
	case VA_OUT_VMEXIT: snprintf(buf, size, "VM exit to the parent VMM (reason 20 or 24)"); break;
	case VA_OUT_VMFAIL_INVALID: snprintf(buf, size, "VMfailInvalid"); break;
	case VA_OUT_VMFAIL_VALID:
		snprintf(buf, size, "VMfailValid(%u)%s", rule->code,
			 (rule->flags & VA_RULE_ERROR7_POSSIBLE) ? " (7 also possible)" : "");
		break;
	case VA_OUT_ENTRY_FAILURE:
		if (rule->code == 34)
			snprintf(buf, size, "VM-entry failure, exit reason 34, qualification = entry index");
		else
			snprintf(buf, size, "VM-entry failure, exit reason %u, qualification %u", rule->code,
				 rule->qualification);
		break;
	case VA_OUT_WARNING: snprintf(buf, size, "warning (advisory, never the verdict)"); break;
	}
	return buf;
}

void va_render_about_caps(const struct va_report *r, const struct va_state *st,
			  void (*emit)(void *arg, const char *line), void *arg)
{
	char line[320];
	/* A derived fact is named where it was used: some rule that needs it
	 * was decided (it did not apply, or stayed open, for the rest). */
	uint32_t used = 0;
	for (unsigned i = 0; i < r->rule_count; i++) {
		if (r->status[i] != VA_PASS && r->status[i] != VA_FAIL && r->status[i] != VA_WARN)
			continue;
		for (uint32_t needs = va_rule_at(i)->needs; needs; needs &= needs - 1) {
			int f = va_need_fact((enum va_need_bit)__builtin_ctz(needs));
			if (f >= 0)
				used |= 1u << f;
		}
	}
	/* One line per capability MSR the derived facts come from. */
	for (unsigned m = 0; m < MSR_COUNT; m++) {
		struct out o = { line, sizeof line, 0 };
		unsigned n = 0;
		for (unsigned f = 0; f < FACT_COUNT; f++) {
			const struct va_fact_from *from = va_fact_from((enum va_fact)f);
			if (!((r->facts_derived & used) >> f & 1) || !from || from->msr != m)
				continue;
			if (!n++)
				put(&o, "not given under [cpu], so taken from %s: ", va_msr_name((enum va_msr)m));
			else
				put(&o, ", ");
			if (st)
				put(&o, "%s = %" PRIu64 " (bit %u)", va_fact_info((enum va_fact)f)->key,
				    ((st->msr[m] >> from->bit) & 1) ? from->if_set : from->if_clear, from->bit);
			else
				put(&o, "%s (bit %u)", va_fact_info((enum va_fact)f)->key, from->bit);
		}
		if (n) {
			put(&o, "; a value under [cpu] overrides");
			emit(arg, line);
		}
	}
	if (r->anomalies & VA_ANOMALY_PROC2_LOW_BITS) {
		if (st)
			snprintf(line, sizeof line, "IA32_VMX_PROCBASED_CTLS2 = 0x%" PRIx64 " has bits 31:0 = "
				 "0x%08" PRIx64 ", which no real CPU reports (no secondary control must be 1): "
				 "those controls are taken as must-be-1 (CTL.PROC2.ALLOWED0)",
				 st->msr[MSR_IA32_VMX_PROCBASED_CTLS2], st->msr[MSR_IA32_VMX_PROCBASED_CTLS2] & 0xffffffffu);
		else
			snprintf(line, sizeof line, "IA32_VMX_PROCBASED_CTLS2 has bits 31:0 set, which no real CPU "
				 "reports: those controls are taken as must-be-1 (CTL.PROC2.ALLOWED0)");
		emit(arg, line);
	}
}

void va_render_suspect(const struct va_report *r, const struct va_suspect *s, char *lead,
		       size_t lead_size, char *msg, size_t msg_size)
{
	const struct va_finding *f = &r->findings[s->finding];
	const struct va_rule *rule = va_rule_at(f->rule);
	if (!s->fails) {
		/* Open whatever the missing input holds: only its stage makes it a
		 * suspect, so say what is missing, not a message built from
		 * operands the input does not have. */
		snprintf(lead, lead_size, "could fail; not evaluated:");
		va_render_unknown(f, msg, msg_size);
		return;
	}
	const char *assumption = va_assumption_text((enum va_assumption)s->assumption);
	if (assumption)
		snprintf(lead, lead_size, "fails if %s:", assumption);
	else
		snprintf(lead, lead_size, "fails whatever the missing input commonly holds:");
	char text[768];
	va_render_message(rule, &s->eval, text, sizeof text);
	if (f->msr_index)
		snprintf(msg, msg_size, "MSR-load entry %" PRIu32 ": %s", f->msr_index, text);
	else
		snprintf(msg, msg_size, "%s", text);
}
