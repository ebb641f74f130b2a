/*
 * SDM 26.3.1.3 Checks on guest descriptor-table registers (GDTR, IDTR).
 * One shape per check, applied to both registers.
 */
#include "predicates.h"
#include "rule_lists.h"

#define GUEST33 .sdm = "26.3.1.3", .stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, \
	.code = 33, .qualification = 0

#define NOTE_HW "Bochs and VirtualBox check this in software as the SDM says; KVM and Xen " \
	"leave it to the CPU, which checks it when it enters the merged VMCS."

#define TABLE_BASE_CANONICAL(R) { \
	.id = "GUEST." #R ".BASE_CANONICAL", GUEST33, \
	.summary = "GUEST_" #R "_BASE is canonical", \
	.message = MSG_CANONICAL, \
	.hint = "The base is a linear address and must be canonical. SGDT/SIDT store a 2-byte " \
		"limit followed by the base: reading the base at the wrong offset of that " \
		"buffer mixes limit bytes into it.", \
	.notes = NOTE_HW, \
	.fields = { FLD_GUEST_##R##_BASE }, .needs = VA_NEED_LINEAR, \
	.gate = { WHEN(VEC_COND, COND_INTEL64) }, \
	.repair = va_repair_canonical, \
	.check = va_check_canonical, .field = FLD_GUEST_##R##_BASE }

#define TABLE_LIMIT_HIGH(R) { \
	.id = "GUEST." #R ".LIMIT_HIGH", GUEST33, \
	.summary = "Bits 31:16 of GUEST_" #R "_LIMIT are 0 (the limit is 16 bits)", \
	.message = "{field} = {0}: the limit is a 16-bit value, bits 31:16 must be 0 (set: {1})", \
	.hint = "The limit is the table size minus 1, at most 0xFFFF. A value of 0x10000 is " \
		"the size itself; other high bits usually come from reading the SGDT/SIDT " \
		"buffer as 32 bits, which pulls in base bytes.", \
	.notes = NOTE_HW, \
	.fields = { FLD_GUEST_##R##_LIMIT }, \
	.repair = va_repair_clear_v1, \
	.check = va_check_zero_bits, .field = FLD_GUEST_##R##_LIMIT, .mask = BITS(31, 16) }

const struct va_rule va_rules_guest_descriptor_tables[] = {
	TABLE_BASE_CANONICAL(GDTR),
	TABLE_BASE_CANONICAL(IDTR),
	TABLE_LIMIT_HIGH(GDTR),
	TABLE_LIMIT_HIGH(IDTR),
};
const unsigned va_rules_guest_descriptor_tables_count =
	sizeof va_rules_guest_descriptor_tables / sizeof va_rules_guest_descriptor_tables[0];
