#include <stdio.h>
#include <string.h>

#include <CUnit/Basic.h>

#include "suites.h"

int main(int argc, char **argv)
{
	CU_SuiteInfo suites[] = {
#define VA_SUITE(name) { .pName = #name, .pTests = tests_##name },
		VA_TEST_SUITES(VA_SUITE)
#undef VA_SUITE
		CU_SUITE_INFO_NULL,
	};
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	if (CU_register_suites(suites) != CUE_SUCCESS) {
		fprintf(stderr, "%s\n", CU_get_error_msg());
		CU_cleanup_registry();
		return 2;
	}
	CU_basic_set_mode(CU_BRM_NORMAL);
	if (argc > 1) {
		CU_pSuite s = CU_get_suite(argv[1]);
		if (!s) {
			fprintf(stderr, "no suite %s\n", argv[1]);
			CU_cleanup_registry();
			return 2;
		}
		CU_basic_run_suite(s);
	} else {
		CU_basic_run_tests();
	}
	/* CU_get_error() stays 0 when tests fail: count the failures. */
	unsigned failed = CU_get_number_of_tests_failed();
	unsigned run = CU_get_number_of_tests_run();
	CU_cleanup_registry();
	return failed || run == 0 ? 1 : 0;
}
