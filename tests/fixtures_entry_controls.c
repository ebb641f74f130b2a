#include "fixtures.h"

const struct rule_fixture fixtures_entry_controls[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_entry_controls_count = 0;
