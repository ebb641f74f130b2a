#include <CUnit/CUnit.h>

#include "suites.h"

CU_TestInfo tests_readers_caps[] = {
	CU_TEST_INFO_NULL,
};
