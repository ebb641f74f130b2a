#include "fixtures.h"

const struct rule_fixture fixtures_exit_controls[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_exit_controls_count = 0;
