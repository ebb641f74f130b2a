#include "fixtures.h"

const struct rule_fixture fixtures_exec_controls[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_exec_controls_count = 0;
