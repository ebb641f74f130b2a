#include <CUnit/CUnit.h>

#include "suites.h"

CU_TestInfo tests_allowed_settings[] = {
	CU_TEST_INFO_NULL,
};
