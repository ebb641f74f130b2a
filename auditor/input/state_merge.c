#include "state_merge.h"

#include "state_file.h"

int va_state_merge(struct va_state *dst, const struct va_state *src)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (src->presence[f] == VA_SET)
			va_state_set_field(dst, (enum va_field)f, src->field[f]);
	for (unsigned m = 0; m < MSR_COUNT; m++)
		if (va_msr_known(src, (enum va_msr)m)) {
			dst->msr[m] = src->msr[m];
			dst->msr_present |= 1u << m;
		}
	for (unsigned k = 0; k < FACT_COUNT; k++)
		if (va_fact_known(src, (enum va_fact)k)) {
			dst->fact[k] = src->fact[k];
			dst->fact_present |= 1u << k;
		}
	for (unsigned e = 0; e < ENTRY_COUNT; e++)
		if (va_entry_given(src, (enum va_entry_fact)e)) {
			dst->entry[e] = src->entry[e];
			dst->entry_present |= 1u << e;
		}
	for (size_t i = 0; i < src->mem_count; i++)
		if (va_state_set_memory(dst, src->mem[i].addr, src->mem[i].value))
			return -1;
	return 0;
}

int va_state_copy(struct va_state *dst, const struct va_state *src)
{
	*dst = *src;
	dst->mem = NULL;
	dst->mem_count = 0;
	dst->mem_capacity = 0;
	for (size_t i = 0; i < src->mem_count; i++)
		if (va_state_set_memory(dst, src->mem[i].addr, src->mem[i].value)) {
			va_state_release(dst);
			return -1;
		}
	return 0;
}
