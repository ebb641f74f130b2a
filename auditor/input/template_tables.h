/* The builder's tables: the architectural register state of each guest
 * mode and the features a template can ask for (template.c builds from
 * them; help and completion list them through template.h). */
#ifndef VA_TEMPLATE_TABLES_H
#define VA_TEMPLATE_TABLES_H

#include <stdbool.h>
#include <stdint.h>

#include "template.h"

struct seg_init {
	uint16_t sel;
	uint64_t base;
	uint32_t limit, ar;
};

struct mode_info {
	struct va_template_choice c;
	const char *why;                /* where the architecture defines these values */
	bool ia32e, needs_ug, paging_pae;
	uint64_t cr0, cr3, cr4, efer, rflags, rip, rsp;
	struct seg_init cs, ss, data, fsgs, tr, ldtr;
	uint64_t gdtr_base, idtr_base;
	uint32_t gdtr_limit, idtr_limit, activity;
};

struct ctl_bit {
	uint8_t vec, bit;   /* enum va_vec; vec 0 ends the list */
};

struct feature {
	struct va_template_choice c;
	struct ctl_bit bits[5];
	uint32_t needs;     /* other features, bit per index */
	struct { uint16_t field; uint64_t value; const char *why; } fields[3];
};

enum { F_EPT, F_VPID, F_UG, F_MSR_BITMAP, F_IO_BITMAPS, F_PREEMPTION_TIMER, F_APICV,
       F_POSTED_INTERRUPTS, F_XSAVES, F_PML, F_RDTSCP, F_INVPCID, F_LOAD_EFER, F_LOAD_PAT,
       F_COUNT };

extern const struct mode_info va_template_modes[VA_TM_COUNT];
extern const struct feature va_template_features[F_COUNT];

#endif
