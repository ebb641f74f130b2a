/* The native state file from a state: what `import` writes, so that reading
 * it back means exactly what the input meant (absent fields as `?`).  The
 * outcome the dump recorded goes under [observed], apart from the values a
 * user edits, so that it is never taken for the outcome of edited values. */
#include <inttypes.h>

#include "state_file.h"

static void write_value(FILE *out, uint64_t v, unsigned bits)
{
	if (bits <= 16)
		fprintf(out, "0x%04" PRIx64 "\n", v);
	else if (bits <= 32)
		fprintf(out, "0x%08" PRIx64 "\n", v);
	else
		fprintf(out, "0x%016" PRIx64 "\n", v);
}

int va_state_write(FILE *out, const struct va_state *st)
{
	fprintf(out, "[cpu]\n");
	for (int m = 0; m < MSR_COUNT; m++) {
		if (!va_msr_known(st, (enum va_msr)m))
			continue;
		fprintf(out, "%s = ", va_msr_name((enum va_msr)m));
		write_value(out, st->msr[m], 64);
	}
	for (int f = 0; f < FACT_COUNT; f++)
		if (va_fact_known(st, (enum va_fact)f))
			fprintf(out, "%s = %" PRIu64 "\n", va_fact_info((enum va_fact)f)->key, st->fact[f]);

	fprintf(out, "\n[vmcs]\n");
	int observed = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (st->presence[f] != VA_SET)
			continue;
		if (va_is_observed_field((enum va_field)f)) {
			observed = 1;
			continue;
		}
		fprintf(out, "%s = ", va_field_name((enum va_field)f));
		write_value(out, st->field[f], va_field_bits((enum va_field)f));
	}
	if (st->absent_count) {
		fprintf(out, "# not in the input: every rule that reads these is not evaluated\n");
		for (unsigned f = 1; f < FLD_COUNT; f++)
			if (st->presence[f] == VA_ABSENT)
				fprintf(out, "%s = ?\n", va_field_name((enum va_field)f));
	}
	if (st->mem_count) {
		fprintf(out, "\n[memory]\n");
		for (size_t i = 0; i < st->mem_count; i++)
			fprintf(out, "0x%" PRIx64 " = 0x%016" PRIx64 "\n", st->mem[i].addr, st->mem[i].value);
	}
	if (st->entry_present) {
		size_t nw;
		const struct va_entry_word *words = va_entry_words(&nw);
		fprintf(out, "\n[entry]\n");
		for (int e = 0; e < ENTRY_COUNT; e++) {
			if (!va_entry_given(st, (enum va_entry_fact)e))
				continue;
			const struct va_entry_info *ei = va_entry_info((enum va_entry_fact)e);
			const char *word = NULL;
			for (size_t w = 0; ei->kind == VA_KIND_WORD && w < nw; w++)
				if (words[w].entry == (enum va_entry_fact)e && words[w].value == st->entry[e])
					word = words[w].word;
			if (word)
				fprintf(out, "%s = %s\n", ei->key, word);
			else
				fprintf(out, "%s = 0x%" PRIx64 "\n", ei->key, st->entry[e]);
		}
	}
	if (observed) {
		fprintf(out, "\n[observed]\n# what the CPU did at the time of the dump, with the dump's values: "
			     "'check' compares\n# its prediction with it and says so; values edited since may "
			     "rightly differ\n");
		for (unsigned f = 1; f < FLD_COUNT; f++) {
			if (st->presence[f] != VA_SET || !va_is_observed_field((enum va_field)f))
				continue;
			fprintf(out, "%s = ", va_field_name((enum va_field)f));
			write_value(out, st->field[f], va_field_bits((enum va_field)f));
		}
	}
	return ferror(out) ? -1 : 0;
}
