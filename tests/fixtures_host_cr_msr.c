#include "fixtures.h"

const struct rule_fixture fixtures_host_cr_msr[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_host_cr_msr_count = 0;
