#include "fixtures.h"

const struct rule_fixture fixtures_msr_load[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_msr_load_count = 0;
