/*
 * Rule fixtures: a state-file text applied over the base state
 * (docs/examples/skylake-64bit-guest.state, on which every rule passes or
 * does not apply) and the status the rule must then have.  Every rule needs
 * at least one fixture that makes it FAIL (WARN for advisory and candidate
 * rules) and one that makes it PASS: test_rule_table enforces it.
 */
#ifndef VA_TEST_FIXTURES_H
#define VA_TEST_FIXTURES_H

#include "../auditor/engine/audit.h"
#include "../checks/rule_lists.h"

struct rule_fixture {
	const char *rule;    /* rule id */
	uint8_t expect;      /* enum va_status */
	const char *state;   /* state-file text over the base state */
};

#define PASS VA_PASS
#define FAIL VA_FAIL
#define WARN VA_WARN
#define UNKNOWN VA_UNKNOWN
#define NA VA_NOT_APPLICABLE

/* One fixture table per rule area, named fixtures_<area>. */
#define VA_DECLARE_FIXTURES(name) \
	extern const struct rule_fixture fixtures_##name[]; \
	extern const unsigned fixtures_##name##_count;
VA_RULE_AREAS(VA_DECLARE_FIXTURES)
#undef VA_DECLARE_FIXTURES

/* Every fixture table, in the order of the rule areas. */
struct fixture_table {
	const struct rule_fixture *list;
	const unsigned *count;
};
extern const struct fixture_table fixture_tables[];
extern const size_t fixture_table_count;

/* Base state with `overlay` applied (asserts on reader errors); release
 * with va_state_release. */
int fixture_state(struct va_state *st, const char *overlay);

/* A sample of tests/readers/ (REL: "dumps/kvm_6x_full.txt"), malloc'd and
 * NUL-terminated; asserts that it reads. */
char *reader_sample(const char *rel, size_t *len);

#endif
