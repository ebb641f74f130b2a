#include "fixtures.h"

const struct rule_fixture fixtures_host_segments[] = {
	{ "BASIC.CPL0", PASS, NULL },
};
const unsigned fixtures_host_segments_count = 0;
