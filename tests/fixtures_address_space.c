#include "fixtures.h"

const struct rule_fixture fixtures_address_space[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_address_space_count = 0;
