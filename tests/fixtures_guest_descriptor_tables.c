/* Fixtures for SDM 26.3.1.3 (checks/guest_descriptor_tables.c). */
#include "fixtures.h"

/* Not an Intel 64 processor: IA32_VMX_BASIC[48] = 1. */
#define NOT_INTEL64 "[cpu]\nIA32_VMX_BASIC = 0x00db040000000004\n"

#define TABLE_FIXTURES(R) \
	{ "GUEST." #R ".BASE_CANONICAL", PASS, NULL }, \
	{ "GUEST." #R ".BASE_CANONICAL", FAIL, "[vmcs]\nGUEST_" #R "_BASE = 0x0000800000000000" }, \
	{ "GUEST." #R ".BASE_CANONICAL", FAIL, "[vmcs]\nGUEST_" #R "_BASE = 0xfffe7e0000001000" }, \
	/* the same base is canonical with 57-bit linear addresses */ \
	{ "GUEST." #R ".BASE_CANONICAL", PASS, \
	  "[cpu]\nlinear_address_bits = 57\n[vmcs]\nGUEST_" #R "_BASE = 0x0000800000000000" }, \
	{ "GUEST." #R ".BASE_CANONICAL", NA, NOT_INTEL64 }, \
	{ "GUEST." #R ".BASE_CANONICAL", PASS, "[cpu]\nlinear_address_bits = ?" }, \
	{ "GUEST." #R ".LIMIT_HIGH", PASS, NULL }, \
	{ "GUEST." #R ".LIMIT_HIGH", PASS, "[vmcs]\nGUEST_" #R "_LIMIT = 0xffff" }, \
	/* the table size instead of size - 1 */ \
	{ "GUEST." #R ".LIMIT_HIGH", FAIL, "[vmcs]\nGUEST_" #R "_LIMIT = 0x10000" }, \
	/* base bytes read into the limit from an SGDT/SIDT buffer */ \
	{ "GUEST." #R ".LIMIT_HIGH", FAIL, "[vmcs]\nGUEST_" #R "_LIMIT = 0x1000007f" }, \
	{ "GUEST." #R ".LIMIT_HIGH", UNKNOWN, "[vmcs]\nGUEST_" #R "_LIMIT = ?" }

const struct rule_fixture fixtures_guest_descriptor_tables[] = {
	TABLE_FIXTURES(GDTR),
	TABLE_FIXTURES(IDTR),
};
const unsigned fixtures_guest_descriptor_tables_count =
	sizeof fixtures_guest_descriptor_tables / sizeof fixtures_guest_descriptor_tables[0];
