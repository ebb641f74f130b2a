#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/engine/bitnames.h"
#include "../auditor/engine/fields.h"
#include "suites.h"

static void test_sorted_and_unique(void)
{
	for (unsigned f = 2; f < FLD_COUNT; f++)
		CU_ASSERT(va_field_encoding((enum va_field)(f - 1)) < va_field_encoding((enum va_field)f));
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		/* Only even (full) encodings; widths and areas from the encoding. */
		CU_ASSERT_EQUAL(va_field_encoding((enum va_field)f) & 1, 0);
		CU_ASSERT_EQUAL(va_field_by_encoding(va_field_encoding((enum va_field)f)), (enum va_field)f);
		const char *name = va_field_name((enum va_field)f);
		CU_ASSERT_EQUAL(va_field_by_name(name, strlen(name)), (enum va_field)f);
	}
}

static void test_lookups(void)
{
	CU_ASSERT_EQUAL(va_field_by_name("guest_cr0", 9), FLD_GUEST_CR0);
	CU_ASSERT_EQUAL(va_field_by_encoding(0x6800), FLD_GUEST_CR0);
	CU_ASSERT_EQUAL(va_field_by_encoding(0x6801), FLD_NONE);
	CU_ASSERT_EQUAL(va_field_by_name("GUEST_CR9", 9), FLD_NONE);
	CU_ASSERT_EQUAL(va_field_width(FLD_GUEST_CR0), VA_WNAT);
	CU_ASSERT_EQUAL(va_field_width(FLD_EPT_POINTER), VA_W64);
	CU_ASSERT_EQUAL(va_field_width(FLD_VM_ENTRY_CONTROLS), VA_W32);
	CU_ASSERT_EQUAL(va_field_width(FLD_GUEST_CS_SELECTOR), VA_W16);
	CU_ASSERT_EQUAL(va_field_area(FLD_HOST_CR0), VA_AREA_HOST);
	CU_ASSERT_EQUAL(va_field_area(FLD_VM_EXIT_REASON), VA_AREA_EXIT_INFO);
	CU_ASSERT_EQUAL(va_field_bits(FLD_GUEST_CS_SELECTOR), 16);
}

static void test_bit_names(void)
{
	CU_ASSERT_STRING_EQUAL(va_bit_name(VA_BITS_CR0, 31), "PG");
	CU_ASSERT_STRING_EQUAL(va_bit_name(VA_BITS_PROC2, 7), "SECONDARY_EXEC_UNRESTRICTED_GUEST");
	CU_ASSERT_PTR_NULL(va_bit_name(VA_BITS_CR0, 40));
	CU_ASSERT_EQUAL(va_bitset_by_name("cr4", 3), VA_BITS_CR4);
	CU_ASSERT_EQUAL(va_bitset_by_name("CR9", 3), VA_BITS_NONE);
}

CU_TestInfo tests_fields[] = {
	{ "table sorted, names and encodings round-trip", test_sorted_and_unique },
	{ "lookups, widths, areas", test_lookups },
	{ "bit names", test_bit_names },
	CU_TEST_INFO_NULL,
};
