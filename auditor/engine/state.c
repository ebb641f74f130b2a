#include "state.h"

void va_state_init(struct va_state *st)
{
	for (size_t i = 0; i < FLD_COUNT; i++) {
		st->field[i] = 0;
		st->presence[i] = VA_UNSET;
	}
	st->absent_count = 0;
	for (size_t i = 0; i < MSR_COUNT; i++)
		st->msr[i] = 0;
	st->msr_present = 0;
	for (size_t i = 0; i < FACT_COUNT; i++)
		st->fact[i] = 0;
	st->fact_present = 0;
	for (size_t i = 0; i < ENTRY_COUNT; i++)
		st->entry[i] = 0;
	st->entry_present = 0;
	st->mem = NULL;
	st->mem_count = 0;
	st->mem_capacity = 0;
}

int va_mem_read64(const struct va_state *st, uint64_t addr, uint64_t *out)
{
	size_t lo = 0, hi = st->mem_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t a = st->mem[mid].addr;
		if (a == addr) {
			*out = st->mem[mid].value;
			return 0;
		}
		if (a < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static const struct {
	uint32_t number;
	const char *name;
} msr_table[MSR_COUNT] = {
#define VA_MSR(name, number) [MSR_##name] = { number, #name },
#include "capability_list.h"
#undef VA_MSR
};

uint32_t va_msr_number(enum va_msr m)
{
	return msr_table[m].number;
}

const char *va_msr_name(enum va_msr m)
{
	return (unsigned)m < MSR_COUNT ? msr_table[m].name : "?";
}

int va_msr_by_number(uint32_t number)
{
	for (int i = 0; i < MSR_COUNT; i++)
		if (msr_table[i].number == number)
			return i;
	return -1;
}

static const struct va_fact_info fact_table[FACT_COUNT] = {
#define VA_FACT(id, key, def, has_def, doc) [FACT_##id] = { key, def, has_def, doc },
#include "fact_list.h"
#undef VA_FACT
};

const struct va_fact_info *va_fact_info(enum va_fact f)
{
	return &fact_table[f];
}

static const struct {
	int derived;
	struct va_fact_from from;
} fact_from_table[FACT_COUNT] = {
#define VA_FACT(id, key, def, has_def, doc)
#define VA_FACT_FROM(id, m, bit, if_set, if_clear) [FACT_##id] = { 1, { MSR_##m, bit, if_set, if_clear } },
#include "fact_list.h"
#undef VA_FACT
#undef VA_FACT_FROM
};

const struct va_fact_from *va_fact_from(enum va_fact f)
{
	return (unsigned)f < FACT_COUNT && fact_from_table[f].derived ? &fact_from_table[f].from
								       : NULL;
}

static const struct va_entry_info entry_table[ENTRY_COUNT] = {
#define VA_ENTRY(id, key, kind, def, doc) [ENTRY_##id] = { key, kind, def, doc },
#include "entry_list.h"
#undef VA_ENTRY
};

const struct va_entry_info *va_entry_info(enum va_entry_fact e)
{
	return &entry_table[e];
}

static const struct va_entry_word word_table[] = {
#define VA_WORD(entry, value, word) { ENTRY_##entry, value, word },
#include "entry_words.h"
#undef VA_WORD
};

const struct va_entry_word *va_entry_words(size_t *count)
{
	*count = sizeof word_table / sizeof word_table[0];
	return word_table;
}

int va_state_has_vmcs_fields(const struct va_state *st)
{
	for (size_t i = 0; i < FLD_COUNT; i++)
		if (st->presence[i] == VA_SET)
			return 1;
	return 0;
}
