/*
 * Named helpers and shared predicates for the rules.  Rules never open-code
 * bit algebra: they call these, or name a shared predicate with parameters
 * (rule.field, rule.mask, rule.arg, rule.arg2).
 */
#ifndef VA_PREDICATES_H
#define VA_PREDICATES_H

#include <stdbool.h>
#include <stdint.h>

#include "../auditor/engine/rule.h"

#define BIT(n) (1ull << (n))
#define BITS(hi, lo) ((~0ull >> (63 - (hi))) & ~((1ull << (lo)) - 1))

/* Bits that must be 1 but are 0. */
static inline uint64_t va_missing_bits(uint64_t value, uint64_t must_be_one)
{
	return must_be_one & ~value;
}

/* Bits that are 1 but may not be. */
static inline uint64_t va_forbidden_bits(uint64_t value, uint64_t may_be_one)
{
	return value & ~may_be_one;
}

/* Bits of addr at or above the width (0 if none). */
static inline uint64_t va_beyond_width(uint64_t addr, unsigned width)
{
	return width >= 64 ? 0 : addr & ~((1ull << width) - 1);
}

/* Bits 63:width-1 are all equal (width = linear-address width). */
static inline bool va_canonical(uint64_t addr, unsigned width)
{
	if (width == 0 || width >= 64)
		return true;
	int64_t s = (int64_t)(addr << (64 - width)) >> (64 - width);
	return (uint64_t)s == addr;
}

/* Bits 63:width are all equal (bit width-1 may differ). */
static inline bool va_upper_bits_identical(uint64_t addr, unsigned width)
{
	if (width >= 64)
		return true;
	uint64_t upper = addr >> width;
	return upper == 0 || upper == (~0ull >> width);
}

/* Index of the first byte of a PAT value that is not a memory type (0, 1,
 * 4, 5, 6, 7), or -1. */
int va_pat_bad_byte(uint64_t pat);
/* The bytes of a PAT value that are not memory types: bit i for byte i. */
uint64_t va_pat_bad_bytes(uint64_t pat);

/* Recommended maximum number of MSR-list entries: 512 × (IA32_VMX_MISC[27:25] + 1) (A.6). */
static inline uint64_t va_msr_list_max(uint64_t misc)
{
	return 512 * (((misc >> 25) & 7) + 1);
}

/* A CPU fact is given or derived from the capability MSRs. */
static inline bool va_fact_have(const struct va_ctx *c, enum va_fact f)
{
	return (c->fact_known >> f) & 1;
}

/* A CPU fact: as given or derived, else its documented default. */
static inline uint64_t va_fact_value(const struct va_ctx *c, enum va_fact f)
{
	return va_fact_have(c, f) ? c->fact[f] : va_fact_info(f)->default_value;
}

/* A CPU fact only if given or derived: true and *out, or false. */
static inline bool va_fact_get(const struct va_ctx *c, enum va_fact f, uint64_t *out)
{
	if (!va_fact_have(c, f))
		return false;
	*out = c->fact[f];
	return true;
}

/* Whether the CPU has a CET sub-feature (FACT_CET_SHSTK, FACT_CET_IBT): 1,
 * 0, or -1 if the input does not tell.  No CET at all means neither. */
static inline int va_cet_feature(const struct va_ctx *c, enum va_fact f)
{
	uint64_t v;
	if (va_fact_get(c, f, &v))
		return v != 0;
	if ((c->have & VA_NEED_CET) && !c->cet)
		return 0;
	return -1;
}

/* The need that tells a CET sub-feature, for an "unknown" reason. */
static inline enum va_need_bit va_cet_feature_need(const struct va_ctx *c, enum va_fact f)
{
	if (!(c->have & VA_NEED_CET))
		return VA_NEED_BIT_CET;
	return f == FACT_CET_IBT ? VA_NEED_BIT_CET_IBT : VA_NEED_BIT_CET_SHSTK;
}

static inline enum va_status va_unknown_need(struct va_eval *e, enum va_need_bit need)
{
	e->unknown = VA_UNK_NEED;
	e->unknown_arg = need;
	return VA_UNKNOWN;
}

/* The end of an MSR area (addr + 16 * count - 1) is within width, computed
 * without wrap-around. */
bool va_msr_area_end_within(uint64_t addr, uint32_t count, unsigned width, uint64_t *end_hi,
			    uint64_t *end_lo);

/*
 * Shared predicates.  Operands they leave for the message template:
 *   va_check_allowed0  rule.arg = enum va_vec: {0} control, {1} must-be-one
 *                      bits that are 0, {2} capability MSR value, {3} its number
 *   va_check_allowed1  as allowed0, {1} = bits set that are not allowed
 *   va_check_aligned   rule.field, rule.mask = bits that must be 0: {0} value, {1} bad bits
 *   va_check_width     rule.field: {0} value, {1} width N (decimal), {2} bits beyond
 *   va_check_canonical rule.field: {0} value, {1} width L (decimal)
 *   va_check_zero_bits rule.field, rule.mask: {0} value, {1} bits set among mask
 *   va_check_ctl_bit   rule.arg = enum va_vec, rule.arg2 = bit, rule.mask = wanted
 *                      value (0/1): {0} the vector's value
 *   va_check_nonzero   rule.field: {0} value
 */
va_check_fn va_check_allowed0;
va_check_fn va_check_allowed1;
va_check_fn va_check_aligned;
va_check_fn va_check_width;
va_check_fn va_check_canonical;
va_check_fn va_check_zero_bits;
va_check_fn va_check_ctl_bit;
va_check_fn va_check_nonzero;
/*   va_check_one_bits  rule.field, rule.mask = bits that must be 1: {0} value, {1} bits that are 0
 *   va_check_pat       rule.field: {0} value, {1} first bad byte, {2} its value, {3} bad bytes
 *   va_check_msr_area_end  fields[0] address, fields[1] count: {0} address, {1} count,
 *                      {2} last byte (low 64 bits), {3} width N
 *   va_check_msr_count_max rule.field = count: {0} count, {1} recommended maximum, {2} IA32_VMX_MISC
 */
va_check_fn va_check_one_bits;
va_check_fn va_check_pat;
va_check_fn va_check_msr_area_end;
va_check_fn va_check_msr_count_max;

/* Hints for MSR-area addresses ({0}): a virtual address written where the
 * physical one belongs, or (with {2} the end) an area wrapping past 2^64. */
va_hint_fn va_hint_msr_area_address;
va_hint_fn va_hint_msr_area_end;

/* Message templates that go with the shared predicates. */
#define MSG_ALLOWED0 "{f0} = {0}: {1:bits} must be 1 ({3:msr} = {2} requires them)"
#define MSG_ALLOWED1 "{f0} = {0}: {1:bits} may not be 1 ({3:msr} = {2} does not allow them)"
#define MSG_ALIGNED "{field} = {0} has bits set that must be 0 for alignment: {1}"
#define MSG_WIDTH "{field} = {0} has bits beyond the physical-address width of {1:d} bits: {2}"
#define MSG_CANONICAL "{field} = {0} is not canonical for {1:d}-bit linear addresses"
#define MSG_ZERO_BITS "{field} = {0}: reserved {1:bits} must be 0"
#define MSG_PAT "{field} = {0}: {3:bytes} hold no memory type (byte {1:d} is {2}); every byte " \
	"must be 0 (UC), 1 (WC), 4 (WT), 5 (WP), 6 (WB) or 7 (UC-)"

/* Hints of the allowed-settings rules of every control vector. */
#define HINT_ALLOWED0 "A bit this CPU requires is 0: the control word was probably built from " \
	"the wanted features alone. OR in bits 31:0 of the capability MSR (the TRUE_ one when " \
	"IA32_VMX_BASIC bit 55 is 1) before writing the field."
#define HINT_ALLOWED1 "This CPU, or the hypervisor underneath you, does not offer the named " \
	"controls: they were set after the capability mask was applied, or the mask came from " \
	"another machine. Nested hypervisors offer fewer controls than bare metal."

/* Gates: the rule applies when bit `b` of vector `v` equals 1 (or 0). */
#include "repairs.h"

#define WHEN(v, b) { .vec = (v), .bit = (b), .value = 1 }
#define UNLESS(v, b) { .vec = (v), .bit = (b), .value = 0 }

#endif
