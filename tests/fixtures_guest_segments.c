#include "fixtures.h"

const struct rule_fixture fixtures_guest_segments[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_guest_segments_count = 0;
