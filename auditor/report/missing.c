#include "missing.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* Where a need comes from decides how the user supplies it. */
static enum va_missing_kind need_kind(unsigned bit)
{
	switch (bit) {
	case VA_NEED_BIT_BASIC:
	case VA_NEED_BIT_PINCAP:
	case VA_NEED_BIT_PROCCAP:
	case VA_NEED_BIT_PROC2CAP:
	case VA_NEED_BIT_PROC3CAP:
	case VA_NEED_BIT_EXITCAP:
	case VA_NEED_BIT_EXIT2CAP:
	case VA_NEED_BIT_ENTRYCAP:
	case VA_NEED_BIT_MISC:
	case VA_NEED_BIT_CR0_FIXED0:
	case VA_NEED_BIT_CR0_FIXED1:
	case VA_NEED_BIT_CR4_FIXED0:
	case VA_NEED_BIT_CR4_FIXED1:
	case VA_NEED_BIT_TRUE_CTLS:
	case VA_NEED_BIT_EPTCAP:
	case VA_NEED_BIT_VMFUNCCAP:
		return VA_MISSING_MSR;
	case VA_NEED_BIT_MAXPHYADDR:
	case VA_NEED_BIT_LINEAR:
		return VA_MISSING_CPUID;
	case VA_NEED_BIT_CURRENT_VMCS_POINTER:
		return VA_MISSING_ENTRY;
	default:
		return VA_MISSING_FACT;
	}
}

/* A dump without one of its sections leaves every field of that area absent. */
static int area_given(const struct va_state *st, enum va_field_area area)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (st->presence[f] == VA_SET && va_field_area((enum va_field)f) == area)
			return 1;
	return 0;
}

void va_missing_key(const struct va_finding *f, const struct va_state *st, struct va_missing *key)
{
	memset(key, 0, sizeof *key);
	key->arg = key->arg_end = f->eval.unknown_arg;
	switch (f->eval.unknown) {
	case VA_UNK_FIELD: {
		enum va_field_area area = va_field_area((enum va_field)f->eval.unknown_arg);
		if (st && !area_given(st, area)) {
			key->kind = VA_MISSING_SECTION;
			key->arg = key->arg_end = area;
		} else {
			key->kind = VA_MISSING_FIELD;
		}
		break;
	}
	case VA_UNK_NEED:
		key->kind = need_kind((unsigned)f->eval.unknown_arg);
		if (key->kind == VA_MISSING_MSR && st && !st->msr_present) {
			key->kind = VA_MISSING_CAPS;
			key->arg = key->arg_end = 0;
		}
		break;
	case VA_UNK_MEMORY:
		key->kind = VA_MISSING_MEMORY;
		break;
	case VA_UNK_MODEL:
		key->kind = VA_MISSING_MODEL;
		key->arg = key->arg_end = 0;
		break;
	default:
		key->kind = VA_MISSING_OTHER;
		key->arg = key->arg_end = 0;
		break;
	}
}

int va_missing_same(const struct va_missing *a, const struct va_missing *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == VA_MISSING_MEMORY)
		return (a->arg >> 12) == (b->arg >> 12);
	return a->arg == b->arg;
}

unsigned va_group_missing(const struct va_report *r, const struct va_state *st,
			  struct va_missing *out, unsigned max)
{
	unsigned n = 0;
	if (!max)
		return 0;
	for (unsigned i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status != VA_UNKNOWN)
			continue;
		struct va_missing key;
		va_missing_key(f, st, &key);
		unsigned g = 0;
		while (g < n && !va_missing_same(&out[g], &key))
			g++;
		if (g == n) {
			if (n == max) {
				g = max - 1;    /* no room: counted in the last group */
			} else {
				out[n] = key;
				out[n].first = (uint16_t)i;
				out[n].last_rule = UINT16_MAX;
				n++;
			}
		}
		struct va_missing *m = &out[g];
		if (m->kind == VA_MISSING_MEMORY && va_missing_same(m, &key)) {
			if (key.arg < m->arg)
				m->arg = key.arg;
			if (key.arg > m->arg_end)
				m->arg_end = key.arg;
		}
		if (m->last_rule != f->rule) {
			m->rules++;
			m->last_rule = f->rule;
		}
	}
	/* Most rules first; insertion sort keeps equal counts in SDM order. */
	for (unsigned i = 1; i < n; i++) {
		struct va_missing m = out[i];
		unsigned j = i;
		while (j > 0 && out[j - 1].rules < m.rules) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = m;
	}
	return n;
}

static const char *section_name(enum va_field_area area)
{
	switch (area) {
	case VA_AREA_CONTROL: return "Control State";
	case VA_AREA_GUEST: return "Guest State";
	case VA_AREA_HOST: return "Host State";
	case VA_AREA_EXIT_INFO: return "exit information";
	}
	return "?";
}

void va_render_missing(const struct va_missing *m, const struct va_report *r, char *what,
		       size_t what_size, char *how, size_t how_size)
{
	const char *need = va_need_text((enum va_need_bit)m->arg);
	switch ((enum va_missing_kind)m->kind) {
	case VA_MISSING_CAPS:
		snprintf(what, what_size, "no capability MSRs");
		snprintf(how, how_size, "use --profile NAME (see 'vmcs-audit profiles'), or paste rdmsr "
			 "0x480-0x493");
		break;
	case VA_MISSING_MSR:
	case VA_MISSING_CPUID:
	case VA_MISSING_FACT:
	case VA_MISSING_ENTRY:
		/* How to supply an input is written once, beside it (need_list.h). */
		snprintf(what, what_size, "%s not given", need);
		snprintf(how, how_size, "%s", va_need_how((enum va_need_bit)m->arg));
		break;
	case VA_MISSING_SECTION:
		snprintf(what, what_size, "%s not in the input", section_name((enum va_field_area)m->arg));
		snprintf(how, how_size, "paste the dump's %s lines too, or give the fields under [vmcs]",
			 section_name((enum va_field_area)m->arg));
		break;
	case VA_MISSING_FIELD:
		snprintf(what, what_size, "%s not in the input", va_field_name((enum va_field)m->arg));
		snprintf(how, how_size, "add it under [vmcs]");
		break;
	case VA_MISSING_MEMORY:
		if (m->arg == m->arg_end)
			snprintf(what, what_size, "memory at 0x%" PRIx64, m->arg);
		else
			snprintf(what, what_size, "memory at 0x%" PRIx64 "-0x%" PRIx64, m->arg, m->arg_end + 7);
		snprintf(how, how_size, "add %s under [memory]", m->arg == m->arg_end ? "it" : "its qwords");
		break;
	case VA_MISSING_MODEL:
		snprintf(what, what_size, "model-specific outcome");
		snprintf(how, how_size, "no input decides it: only the processor can tell");
		break;
	default:
		if (!r) {
			snprintf(what, what_size, "not evaluated");
			snprintf(how, how_size, "see 'vmcs-audit explain ID'");
			break;
		}
		va_render_unknown(&r->findings[m->first], what, what_size);
		snprintf(how, how_size, "see 'vmcs-audit explain %s'", va_rule_at(r->findings[m->first].rule)->id);
		break;
	}
}

const char *va_missing_kind_name(enum va_missing_kind k)
{
	switch (k) {
	case VA_MISSING_CAPS: return "capability_msrs";
	case VA_MISSING_MSR: return "capability_msr";
	case VA_MISSING_CPUID: return "cpuid";
	case VA_MISSING_FACT: return "cpu_fact";
	case VA_MISSING_ENTRY: return "entry_fact";
	case VA_MISSING_SECTION: return "dump_section";
	case VA_MISSING_FIELD: return "field";
	case VA_MISSING_MEMORY: return "memory";
	case VA_MISSING_MODEL: return "model_specific";
	default: return "other";
	}
}
