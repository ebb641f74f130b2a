/* Every CUnit suite, registered from this one list. */
#ifndef VA_TEST_SUITES_H
#define VA_TEST_SUITES_H

#include <CUnit/CUnit.h>

#define VA_TEST_SUITES(X) \
	X(fields) \
	X(state_file) \
	X(render) \
	X(rule_table) \
	X(verdict) \
	X(allowed_settings) \
	X(segment_matrix) \
	X(readers_caps) \
	X(readers_dumps) \
	X(import) \
	X(json_schema) \
	X(report_text) \
	X(report_json) \
	X(cli) \
	X(complete) \
	X(shell) \
	X(repair) \
	X(template) \
	X(fix) \
	X(missing_inputs) \
	X(suspects) \
	X(wizard) \
	X(readers_values) \
	X(field_names) \
	X(field_names_sources) \
	X(dump_stream) \
	X(readers_prefixes) \
	X(provenance) \
	X(dump_split) \
	X(capture)

#define VA_DECLARE_SUITE(name) extern CU_TestInfo tests_##name[];
VA_TEST_SUITES(VA_DECLARE_SUITE)
#undef VA_DECLARE_SUITE

#endif
