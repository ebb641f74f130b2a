#include "fixtures.h"

const struct rule_fixture fixtures_basic[] = {
	{ "BASIC.UD_MODE", PASS, NULL },
	{ "BASIC.UD_MODE", FAIL, "[entry]\nvmx_operation = none" },
	{ "BASIC.UD_MODE", FAIL, "[entry]\nvmm_mode = compatibility" },
	{ "BASIC.UD_MODE", FAIL, "[entry]\nvmm_mode = virtual8086" },
	{ "BASIC.UD_MODE", PASS, "[entry]\nvmm_mode = protected" },
	{ "BASIC.NONROOT_EXIT", PASS, NULL },
	{ "BASIC.NONROOT_EXIT", FAIL, "[entry]\nvmx_operation = nonroot" },
	{ "BASIC.CPL0", PASS, "[entry]\ncpl = 0" },
	{ "BASIC.CPL0", FAIL, "[entry]\ncpl = 3" },
	{ "BASIC.CURRENT_VMCS", PASS, NULL },
	{ "BASIC.CURRENT_VMCS", FAIL, "[entry]\ncurrent_vmcs = none" },
	{ "BASIC.NOT_SHADOW", PASS, NULL },
	{ "BASIC.NOT_SHADOW", FAIL, "[entry]\ncurrent_vmcs = shadow" },
	{ "BASIC.NOT_SHADOW", NA, "[entry]\ncurrent_vmcs = none" },
	{ "BASIC.NO_MOVSS_BLOCKING", PASS, NULL },
	{ "BASIC.NO_MOVSS_BLOCKING", FAIL, "[entry]\nblocked_by_mov_ss = 1" },
	{ "BASIC.LAUNCH_CLEAR", PASS, "[entry]\nlaunch_state = clear" },
	{ "BASIC.LAUNCH_CLEAR", FAIL, "[entry]\nlaunch_state = launched" },
	{ "BASIC.LAUNCH_CLEAR", NA, "[entry]\ninstruction = vmresume" },
	{ "BASIC.RESUME_LAUNCHED", PASS, "[entry]\ninstruction = vmresume" },
	{ "BASIC.RESUME_LAUNCHED", FAIL, "[entry]\ninstruction = vmresume\nlaunch_state = clear" },
	{ "BASIC.RESUME_LAUNCHED", NA, NULL },
};
const unsigned fixtures_basic_count = sizeof fixtures_basic / sizeof fixtures_basic[0];
