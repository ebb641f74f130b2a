/*
 * The three checks on each MSR area (26.2.1.2 and 26.2.1.3): its address is
 * 16-byte aligned, within the physical-address width, and so is its last
 * byte.  One shape for the VM-exit MSR-store, VM-exit MSR-load and VM-entry
 * MSR-load areas; the ids stay per area.
 */
#ifndef VA_MSR_AREA_RULES_H
#define VA_MSR_AREA_RULES_H

#include "predicates.h"

#define HINT_MSR_ALIGN "An MSR area is an array of 16-byte entries and must start on a 16-byte " \
	"boundary."
#define HINT_MSR_WIDTH "The field takes the physical address of the MSR area, below the " \
	"processor's physical-address width."
#define HINT_MSR_END "The area (16 bytes per entry) ends beyond the physical-address width: " \
	"check the count, and that the address is a physical one."

/* ID: id prefix ("CTL.EXIT.MSR_STORE"); SDM: section; AREA: words naming the
 * area; ADDR, COUNT: field names; COND: the derived "count != 0" condition. */
#define VA_MSR_AREA_RULES(ID, SDM, AREA, ADDR, COUNT, COND) \
	{ \
		.id = ID "_ALIGN", .sdm = SDM, \
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7, \
		.summary = "Bits 3:0 of " #ADDR " are 0", \
		.message = "{field} = {0} is not 16-byte aligned (bits 3:0 = {1}); it must be, " \
			   "because {f1} is not 0", \
		.hint = HINT_MSR_ALIGN, .hint_for = va_hint_msr_area_address, \
		.fields = { FLD_##ADDR, FLD_##COUNT }, \
		.gate = { WHEN(VEC_COND, COND) }, \
		.repair = va_repair_clear_v1, \
		.check = va_check_aligned, .field = FLD_##ADDR, .mask = BITS(3, 0), \
	}, \
	{ \
		.id = ID "_WIDTH", .sdm = SDM, \
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7, \
		.summary = #ADDR " sets no bit beyond the physical-address width", \
		.message = MSG_WIDTH, \
		.hint = HINT_MSR_WIDTH, .hint_for = va_hint_msr_area_address, \
		.fields = { FLD_##ADDR, FLD_##COUNT }, \
		.needs = VA_NEED_MAXPHYADDR, \
		.gate = { WHEN(VEC_COND, COND) }, \
		.check = va_check_width, .field = FLD_##ADDR, \
	}, \
	{ \
		.id = ID "_END_WIDTH", .sdm = SDM, \
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7, \
		.summary = "The last byte of the " AREA " area (" #ADDR " + 16 × " #COUNT " − 1, " \
			   "computed without wrap-around) is within the physical-address width", \
		.message = "{f0} = {0} with {f1} = {1:d}: the area's last byte, {2}, lies beyond the " \
			   "{3:d}-bit physical-address width", \
		.hint = HINT_MSR_END, .hint_for = va_hint_msr_area_end, \
		.notes = "VirtualBox checks only the start address, not the area's last byte.", \
		.fields = { FLD_##ADDR, FLD_##COUNT }, \
		.needs = VA_NEED_MAXPHYADDR, \
		.gate = { WHEN(VEC_COND, COND) }, \
		.check = va_check_msr_area_end, .field = FLD_##ADDR, \
	}

#endif
