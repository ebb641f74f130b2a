#include "fixtures.h"

const struct rule_fixture fixtures_guest_rip_rflags[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_guest_rip_rflags_count = 0;
