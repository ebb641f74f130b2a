/*
 * What one audit reads: VMCS field values (each with a "present" mark), the
 * processor's capability MSRs and facts, sparse physical memory and facts
 * about the VM-entry attempt.  Plain data: no allocation happens here; the
 * memory array belongs to whoever filled the state (the readers).
 */
#ifndef VA_STATE_H
#define VA_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "fields.h"

enum va_msr {
#define VA_MSR(name, number) MSR_##name,
#include "capability_list.h"
#undef VA_MSR
	MSR_COUNT
};

enum va_fact {
#define VA_FACT(id, key, def, has_def, doc) FACT_##id,
#include "fact_list.h"
#undef VA_FACT
	FACT_COUNT
};

enum va_entry_fact {
#define VA_ENTRY(id, key, kind, def, doc) ENTRY_##id,
#include "entry_list.h"
#undef VA_ENTRY
	ENTRY_COUNT
};

/* Values of the word-valued [entry] facts. */
enum {
	VA_INSN_VMLAUNCH = 0, VA_INSN_VMRESUME,
	VA_LAUNCH_CLEAR = 0, VA_LAUNCH_LAUNCHED,
	VA_VMCS_ORDINARY = 0, VA_VMCS_SHADOW, VA_VMCS_NONE,
	VA_VMX_ROOT = 0, VA_VMX_NONROOT, VA_VMX_NONE,
	VA_MODE_64BIT = 0, VA_MODE_COMPATIBILITY, VA_MODE_PROTECTED,
	VA_MODE_VIRTUAL8086, VA_MODE_REAL,
};
#define VA_DERIVED 0xffu
enum va_kind { VA_KIND_WORD, VA_KIND_NUMBER };

/* How a field's value is known. */
enum va_presence {
	VA_UNSET = 0,   /* not written: the state-file format says it is 0 */
	VA_SET = 1,     /* written */
	VA_ABSENT = 2,  /* the input did not contain it: rules reading it are "unknown" */
};

struct va_qword {
	uint64_t addr;  /* physical, 8-byte aligned */
	uint64_t value;
};

struct va_state {
	uint64_t field[FLD_COUNT];
	uint8_t presence[FLD_COUNT];
	unsigned absent_count;             /* fields marked VA_ABSENT */

	uint64_t msr[MSR_COUNT];
	uint32_t msr_present;              /* bit i: msr[i] given */

	uint64_t fact[FACT_COUNT];
	uint32_t fact_present;

	uint64_t entry[ENTRY_COUNT];
	uint32_t entry_present;

	struct va_qword *mem;              /* sorted by addr, no duplicates */
	size_t mem_count;
	size_t mem_capacity;
};

/* Zero every field, no MSR, no fact, empty memory (does not free memory). */
void va_state_init(struct va_state *st);

/* The input wrote at least one VMCS field (a capability listing alone, or
 * an empty [vmcs], writes none: there is nothing to audit). */
int va_state_has_vmcs_fields(const struct va_state *st);

/* 0 and *out on success; -1 if the qword at addr (8-byte aligned) was not given. */
int va_mem_read64(const struct va_state *st, uint64_t addr, uint64_t *out);

static inline int va_msr_known(const struct va_state *st, enum va_msr m)
{
	return (st->msr_present >> m) & 1;
}

static inline int va_fact_known(const struct va_state *st, enum va_fact f)
{
	return (st->fact_present >> f) & 1;
}

static inline int va_entry_given(const struct va_state *st, enum va_entry_fact e)
{
	return (st->entry_present >> e) & 1;
}

/* Tables for readers, writers and help text. */
uint32_t va_msr_number(enum va_msr m);
const char *va_msr_name(enum va_msr m);
/* MSR by number (0x480...) or -1. */
int va_msr_by_number(uint32_t number);

struct va_fact_info {
	const char *key;
	uint64_t default_value;
	int has_default;
	const char *doc;
};
const struct va_fact_info *va_fact_info(enum va_fact f);

/* How a fact not given is derived from a capability MSR (VA_FACT_FROM in
 * fact_list.h): bit `bit` of `msr` is 1 -> if_set, 0 -> if_clear. */
struct va_fact_from {
	enum va_msr msr;
	unsigned bit;
	uint64_t if_set, if_clear;
};
/* NULL if the fact is never derived. */
const struct va_fact_from *va_fact_from(enum va_fact f);

struct va_entry_info {
	const char *key;
	enum va_kind kind;
	uint64_t default_value;            /* VA_DERIVED: computed from other input */
	const char *doc;
};
const struct va_entry_info *va_entry_info(enum va_entry_fact e);

struct va_entry_word {
	enum va_entry_fact entry;
	uint64_t value;
	const char *word;
};
const struct va_entry_word *va_entry_words(size_t *count);

#endif
