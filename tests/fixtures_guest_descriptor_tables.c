#include "fixtures.h"

const struct rule_fixture fixtures_guest_descriptor_tables[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_guest_descriptor_tables_count = 0;
