#include <CUnit/CUnit.h>

#include "suites.h"

CU_TestInfo tests_readers_dumps[] = {
	CU_TEST_INFO_NULL,
};
