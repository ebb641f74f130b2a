#include "fixtures.h"

const struct rule_fixture fixtures_guest_pdpte[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_guest_pdpte_count = 0;
