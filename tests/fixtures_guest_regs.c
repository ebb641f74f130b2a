#include "fixtures.h"

const struct rule_fixture fixtures_guest_regs[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_guest_regs_count = 0;
