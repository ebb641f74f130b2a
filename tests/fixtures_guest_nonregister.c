#include "fixtures.h"

const struct rule_fixture fixtures_guest_nonregister[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_guest_nonregister_count = 0;
