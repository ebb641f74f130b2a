#include "state_merge.h"

#include <stdlib.h>
#include <string.h>

#include "state_file.h"

int va_state_merge(struct va_state *dst, const struct va_state *src)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (src->presence[f] == VA_SET)
			va_state_set_field(dst, (enum va_field)f, src->field[f]);
	for (unsigned m = 0; m < MSR_COUNT; m++)
		if (va_msr_known(src, (enum va_msr)m))
			dst->msr[m] = src->msr[m];
	dst->msr_present |= src->msr_present;
	for (unsigned k = 0; k < FACT_COUNT; k++)
		if (va_fact_known(src, (enum va_fact)k))
			dst->fact[k] = src->fact[k];
	dst->fact_present |= src->fact_present;
	for (unsigned e = 0; e < ENTRY_COUNT; e++)
		if (va_entry_given(src, (enum va_entry_fact)e))
			dst->entry[e] = src->entry[e];
	dst->entry_present |= src->entry_present;
	for (size_t i = 0; i < src->mem_count; i++)
		if (va_state_set_memory(dst, src->mem[i].addr, src->mem[i].value))
			return -1;
	return 0;
}

int va_state_copy(struct va_state *dst, const struct va_state *src)
{
	struct va_qword *mem = NULL;
	if (src->mem_count) {
		mem = malloc(src->mem_count * sizeof *mem);
		if (!mem) {
			va_state_release(dst);
			return -1;
		}
		memcpy(mem, src->mem, src->mem_count * sizeof *mem);
	}
	free(dst->mem);
	*dst = *src;
	dst->mem = mem;
	dst->mem_capacity = src->mem_count;
	return 0;
}

int va_state_equal(const struct va_state *a, const struct va_state *b)
{
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (a->presence[f] != b->presence[f])
			return 0;
		if (a->presence[f] == VA_SET && a->field[f] != b->field[f])
			return 0;
	}
	if (a->msr_present != b->msr_present || a->fact_present != b->fact_present ||
	    a->entry_present != b->entry_present || a->mem_count != b->mem_count)
		return 0;
	for (unsigned m = 0; m < MSR_COUNT; m++)
		if (va_msr_known(a, (enum va_msr)m) && a->msr[m] != b->msr[m])
			return 0;
	for (unsigned k = 0; k < FACT_COUNT; k++)
		if (va_fact_known(a, (enum va_fact)k) && a->fact[k] != b->fact[k])
			return 0;
	for (unsigned e = 0; e < ENTRY_COUNT; e++)
		if (va_entry_given(a, (enum va_entry_fact)e) && a->entry[e] != b->entry[e])
			return 0;
	return a->mem_count == 0 || !memcmp(a->mem, b->mem, a->mem_count * sizeof *a->mem);
}
