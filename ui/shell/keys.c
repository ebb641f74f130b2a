#include "keys.h"

#include <inttypes.h>
#include <string.h>

#include "../../auditor/input/state_file.h"
#include "../../auditor/input/text_util.h"

int va_key_resolve(struct va_shell *sh, const char *cmd, const char *key, struct va_key *out)
{
	size_t n = strlen(key);
	uint64_t number;
	memset(out, 0, sizeof *out);
	int m = va_msr_lookup(key, n);
	if (m < 0 && va_parse_u64(key, n, &number) == 0 && number <= 0xffffffffu)
		m = va_msr_by_number((uint32_t)number);
	if (m >= 0) {
		*out = (struct va_key){ KEY_MSR, FLD_NONE, 0, m, "cpu", va_msr_name((enum va_msr)m) };
		return 0;
	}
	for (int k = 0; k < FACT_COUNT; k++)
		if (va_word_eq(key, n, va_fact_info((enum va_fact)k)->key)) {
			*out = (struct va_key){ KEY_FACT, FLD_NONE, 0, k, "cpu", va_fact_info((enum va_fact)k)->key };
			return 0;
		}
	for (int e = 0; e < ENTRY_COUNT; e++)
		if (va_word_eq(key, n, va_entry_info((enum va_entry_fact)e)->key)) {
			*out = (struct va_key){ KEY_ENTRY, FLD_NONE, 0, e, "entry",
						va_entry_info((enum va_entry_fact)e)->key };
			return 0;
		}
	enum va_field f = va_field_lookup(key, n);
	int high = 0;
	if (f == FLD_NONE && n > 2 && key[0] == '0' && (key[1] == 'x' || key[1] == 'X') &&
	    va_parse_u64(key, n, &number) == 0 && number <= 0xffff) {
		f = va_field_by_encoding((uint16_t)(number & ~1u));
		high = (int)(number & 1);
		if (f != FLD_NONE && high && va_field_width(f) != VA_W64)
			f = FLD_NONE;
		if (f == FLD_NONE) {
			va_shell_error(sh, "%s: no VMCS field has encoding %s", cmd, key);
			return -1;
		}
	}
	if (f == FLD_NONE && n > 5 && va_word_eq(key + n - 5, 5, "_HIGH")) {
		f = va_field_lookup(key, n - 5);
		high = 1;
		if (f != FLD_NONE && va_field_width(f) != VA_W64) {
			va_shell_error(sh, "%s: %s is not a 64-bit field, so it has no _HIGH half", cmd,
				       va_field_name(f));
			return -1;
		}
	}
	if (f != FLD_NONE) {
		*out = (struct va_key){ KEY_FIELD, f, high, 0, "vmcs", va_field_name(f) };
		return 0;
	}
	const char *near = va_nearest_key(key, n);
	if (near)
		va_shell_error(sh, "%s: unknown field or key '%s' (did you mean %s?)", cmd, key, near);
	else
		va_shell_error(sh, "%s: unknown field or key '%s' (a KVM field name, an encoding such "
			       "as 0x6800, a capability MSR, a CPU fact or an [entry] key)", cmd, key);
	return -1;
}

int va_key_assign(struct va_shell *sh, const char *cmd, const char *section, const char *key,
		  const char *value)
{
	char text[512];
	struct va_error err = { 0 };
	/* The reader would take these as comment, section or separator. */
	if (strpbrk(key, "#=[]") || strpbrk(value, "#=[]")) {
		va_shell_error(sh, "%s: '%s = %s': '#', '=', '[' and ']' cannot appear here", cmd, key, value);
		return -1;
	}
	int n = snprintf(text, sizeof text, "[%s]\n%s = %s\n", section, key, value);
	if (n < 0 || (size_t)n >= sizeof text) {
		va_shell_error(sh, "%s: value too long", cmd);
		return -1;
	}
	if (va_state_read(&sh->st, text, (size_t)n, cmd, &err)) {
		va_shell_error(sh, "%s %s: %s", cmd, key, err.message);
		return -1;
	}
	return 0;
}

void va_entry_text(enum va_entry_fact e, uint64_t value, char *buf, size_t size)
{
	size_t nw;
	const struct va_entry_word *w = va_entry_words(&nw);
	for (size_t i = 0; i < nw; i++)
		if (w[i].entry == e && w[i].value == value) {
			snprintf(buf, size, "%s", w[i].word);
			return;
		}
	snprintf(buf, size, "%" PRIu64, value);
}

void va_key_value_text(const struct va_shell *sh, const struct va_key *k, char *buf, size_t size)
{
	const struct va_state *st = &sh->st;
	switch (k->kind) {
	case KEY_FIELD:
		if (st->presence[k->field] == VA_ABSENT)
			snprintf(buf, size, "? (absent)");
		else if (st->presence[k->field] == VA_UNSET)
			snprintf(buf, size, "0x0 (not written)");
		else
			snprintf(buf, size, "0x%" PRIx64, k->high ? st->field[k->field] >> 32 : st->field[k->field]);
		break;
	case KEY_MSR:
		if (va_msr_known(st, (enum va_msr)k->index))
			snprintf(buf, size, "0x%" PRIx64 "%s", st->msr[k->index],
				 sh->pinned_msr >> k->index & 1 ? "" : " (from a profile)");
		else
			snprintf(buf, size, "? (not given)");
		break;
	case KEY_FACT: {
		const struct va_fact_info *fi = va_fact_info((enum va_fact)k->index);
		if (va_fact_known(st, (enum va_fact)k->index))
			snprintf(buf, size, "%" PRIu64 "%s", st->fact[k->index],
				 sh->pinned_fact >> k->index & 1 ? "" : " (from a profile)");
		else if (fi->has_default)
			snprintf(buf, size, "0x%" PRIx64 " (not given: the default)", fi->default_value);
		else
			snprintf(buf, size, "? (not given)");
		break;
	}
	case KEY_ENTRY:
		if (!va_entry_given(st, (enum va_entry_fact)k->index))
			snprintf(buf, size, "not given");
		else
			va_entry_text((enum va_entry_fact)k->index, st->entry[k->index], buf, size);
		break;
	default:
		snprintf(buf, size, "?");
	}
}
