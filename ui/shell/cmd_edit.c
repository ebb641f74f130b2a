/* Commands that change the state: set, unset, mem. */
#include <inttypes.h>
#include <string.h>

#include "../../auditor/input/text_util.h"
#include "keys.h"

static void join(char *buf, size_t size, int argc, char **argv)
{
	size_t k = 0;
	buf[0] = '\0';
	for (int i = 0; i < argc && k + 1 < size; i++) {
		int n = snprintf(buf + k, size - k, "%s%s", i ? " " : "", argv[i]);
		if (n < 0)
			break;
		k += (size_t)n;
	}
}

/* The nearest bit word of a set, for "did you mean". */
static const char *nearest_bit(enum va_bitset set, const char *s, char *buf, size_t size)
{
	unsigned best = 255;
	for (unsigned b = 0; b < 64; b++) {
		const char *name = va_bit_name(set, b);
		char tok[64];
		if (!name)
			continue;
		va_bit_token(name, tok, sizeof tok);
		unsigned d = va_edit_distance(s, strlen(s), tok, strlen(tok));
		if (d < best) {
			best = d;
			snprintf(buf, size, "%s", tok);
		}
	}
	return best <= 3 ? buf : NULL;
}

/* The value set writes: VALUE alone, or a base (VALUE, or the current
 * value) with +BIT/-BIT edits. */
static int compose_value(struct va_shell *sh, const struct va_key *k, int argc, char **argv,
			 char *out, size_t size)
{
	int first_bit = 2;
	while (first_bit < argc && argv[first_bit][0] != '+' && argv[first_bit][0] != '-')
		first_bit++;
	if (first_bit == argc) {
		if (argc != 3) {
			va_shell_error(sh, "set %s: one value, or +BIT/-BIT edits after it", argv[1]);
			return -1;
		}
		snprintf(out, size, "%s", argv[2]);
		return 0;
	}
	if (first_bit > 3) {
		va_shell_error(sh, "set %s: one value, then +BIT/-BIT edits", argv[1]);
		return -1;
	}
	enum va_bitset set = VA_BITS_NONE;
	uint64_t value = 0;
	if (k->kind == KEY_FIELD && !k->high)
		set = va_field_bitset(k->field);
	else if (k->kind == KEY_MSR)
		set = va_key_bitset(k->name, strlen(k->name));
	if (first_bit == 3) {
		int rc = va_parse_u64(argv[2], strlen(argv[2]), &value);
		if (rc) {
			va_shell_error(sh, "set %s: '%s' %s", argv[1], argv[2],
				       rc == -2 ? "does not fit in 64 bits" :
				       "is not a number (write hex as 0x..., or decimal)");
			return -1;
		}
	} else if (k->kind == KEY_FIELD) {
		if (sh->st.presence[k->field] == VA_ABSENT) {
			va_shell_error(sh, "set %s: the field is absent (the input did not have it): "
				       "give the whole value first", k->name);
			return -1;
		}
		value = sh->st.field[k->field];
		if (k->high)
			value >>= 32;
	} else if (k->kind == KEY_MSR && va_msr_known(&sh->st, (enum va_msr)k->index)) {
		value = sh->st.msr[k->index];
	} else if (k->kind != KEY_MSR) {
		va_shell_error(sh, "set %s: bit edits are for fields and MSRs with named bits", k->name);
		return -1;
	}
	for (int i = first_bit; i < argc; i++) {
		const char *w = argv[i];
		if (w[0] != '+' && w[0] != '-') {
			va_shell_error(sh, "set %s: '%s': after +BIT/-BIT only more of them", k->name, w);
			return -1;
		}
		int bit = -1;
		if (set != VA_BITS_NONE || (w[1] >= '0' && w[1] <= '9'))
			bit = va_bit_lookup(set, w + 1, strlen(w + 1));
		if (bit == -2) {
			va_shell_error(sh, "set %s: '%s' names several bits; write the whole name", k->name, w + 1);
			return -1;
		}
		if (bit < 0) {
			char near[64];
			if (set == VA_BITS_NONE)
				va_shell_error(sh, "set %s: its bits have no names; use bit numbers (+5)", k->name);
			else if (nearest_bit(set, w + 1, near, sizeof near))
				va_shell_error(sh, "set %s: no bit named '%s' (did you mean %s?)", k->name,
					       w + 1, near);
			else
				va_shell_error(sh, "set %s: no bit named '%s' (Tab after + lists them)",
					       k->name, w + 1);
			return -1;
		}
		if (w[0] == '+')
			value |= 1ull << bit;
		else
			value &= ~(1ull << bit);
	}
	snprintf(out, size, "0x%" PRIx64, value);
	return 0;
}

int va_cmd_set(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	struct va_key k;
	char value[64], what[160], key[80], before_text[96], after_text[96];
	if (argc < 3) {
		va_shell_error(sh, "set: KEY VALUE, or KEY +BIT -BIT... (help set)");
		return -1;
	}
	if (va_key_resolve(sh, "set", argv[1], &k) || compose_value(sh, &k, argc, argv, value, sizeof value))
		return -1;
	/* The key as the tables spell it (the _HIGH half stays as typed). */
	snprintf(key, sizeof key, "%s", k.kind == KEY_FIELD && k.high ? argv[1] : k.name);
	va_key_value_text(sh, &k, before_text, sizeof before_text);
	va_shell_audit(sh);
	struct va_verdict before = sh->report->verdict;
	join(what, sizeof what, argc, argv);
	if (va_shell_begin(sh, what))
		return -1;
	int ok = va_key_assign(sh, "set", k.section, key, value) == 0;
	if (ok && k.kind == KEY_MSR)
		sh->pinned_msr |= 1u << k.index;
	if (ok && k.kind == KEY_FACT)
		sh->pinned_fact |= 1u << k.index;
	int changed = va_shell_end(sh, ok);
	if (!ok)
		return -1;
	va_key_value_text(sh, &k, after_text, sizeof after_text);
	if (changed)
		fprintf(sh->out, "%s = %s (was %s)\n", key, after_text, before_text);
	else
		fprintf(sh->out, "%s = %s (unchanged)\n", key, after_text);
	va_shell_print_verdict(sh, &before);
	return 0;
}

int va_cmd_unset(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	char what[160];
	if (argc < 2) {
		va_shell_error(sh, "unset: name a field or key (help unset)");
		return -1;
	}
	struct va_key keys[16];
	if (argc - 1 > 16) {
		va_shell_error(sh, "unset: at most 16 keys at a time");
		return -1;
	}
	for (int i = 1; i < argc; i++)
		if (va_key_resolve(sh, "unset", argv[i], &keys[i - 1]))
			return -1;
	va_shell_audit(sh);
	struct va_verdict before = sh->report->verdict;
	join(what, sizeof what, argc, argv);
	if (va_shell_begin(sh, what))
		return -1;
	int ok = 1;
	for (int i = 0; ok && i < argc - 1; i++) {
		const struct va_key *k = &keys[i];
		if (k->kind == KEY_FIELD && k->high) {
			va_shell_error(sh, "unset: a field is absent as a whole; unset %s", k->name);
			ok = 0;
		} else if (k->kind == KEY_ENTRY) {
			/* [entry] facts have no absent mark: not given means the default. */
			sh->st.entry_present &= ~(1u << k->index);
		} else {
			ok = va_key_assign(sh, "unset", k->section, k->name, "?") == 0;
			if (k->kind == KEY_MSR)
				sh->pinned_msr &= ~(1u << k->index);
			if (k->kind == KEY_FACT)
				sh->pinned_fact &= ~(1u << k->index);
		}
		if (ok) {
			char text[96];
			va_key_value_text(sh, k, text, sizeof text);
			fprintf(sh->out, "%s = %s\n", k->name, text);
		}
	}
	va_shell_end(sh, ok);
	if (!ok)
		return -1;
	va_shell_print_verdict(sh, &before);
	return 0;
}

int va_cmd_mem(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	char what[160], qwords[400];
	if (argc < 3) {
		va_shell_error(sh, "mem: ADDRESS QWORD... (help mem)");
		return -1;
	}
	join(qwords, sizeof qwords, argc - 2, argv + 2);
	va_shell_audit(sh);
	struct va_verdict before = sh->report->verdict;
	join(what, sizeof what, argc, argv);
	if (va_shell_begin(sh, what))
		return -1;
	int ok = va_key_assign(sh, "mem", "memory", argv[1], qwords) == 0;
	va_shell_end(sh, ok);
	if (!ok)
		return -1;
	fprintf(sh->out, "memory %s: %d qword%s\n", argv[1], argc - 2, argc > 3 ? "s" : "");
	va_shell_print_verdict(sh, &before);
	return 0;
}
