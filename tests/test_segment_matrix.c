#include <CUnit/CUnit.h>

#include "suites.h"

CU_TestInfo tests_segment_matrix[] = {
	CU_TEST_INFO_NULL,
};
