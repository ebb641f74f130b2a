/* The `check --json` contract: docs/report.schema.json holds for every e2e
 * expectation and for live outputs (reports, suspects, unreadable inputs),
 * and the keys the contract promises are there. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>
#include <jansson.h>

#include "json_schema.h"
#include "report_case.h"
#include "suites.h"

static json_t *load_schema(void)
{
	char path[512];
	json_error_t e;
	snprintf(path, sizeof path, "%s/docs/report.schema.json", VA_SOURCE_DIR);
	json_t *s = json_load_file(path, 0, &e);
	if (!s)
		fprintf(stderr, "\n%s:%d: %s\n", path, e.line, e.text);
	return s;
}

static void assert_valid(json_t *schema, const char *text, const char *what)
{
	json_error_t e;
	char why[512];
	json_t *doc = json_loads(text, 0, &e);
	CU_ASSERT_PTR_NOT_NULL(doc);
	if (!doc) {
		fprintf(stderr, "\n%s: not JSON: %s\n", what, e.text);
		return;
	}
	int rc = va_schema_validate(schema, doc, why, sizeof why);
	CU_ASSERT_EQUAL(rc, 0);
	if (rc)
		fprintf(stderr, "\n%s: %s\n", what, why);
	json_decref(doc);
}

/* Calls fn(rel) for each file of a source directory whose name ends in `ext`. */
static unsigned each_file(const char *rel_dir, const char *ext, void (*fn)(json_t *, const char *),
			  json_t *schema)
{
	char dir[512];
	unsigned n = 0;
	snprintf(dir, sizeof dir, "%s/%s", VA_SOURCE_DIR, rel_dir);
	DIR *d = opendir(dir);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name), el = strlen(ext);
		if (len <= el || strcmp(e->d_name + len - el, ext))
			continue;
		char rel[700];
		snprintf(rel, sizeof rel, "%s/%s", rel_dir, e->d_name);
		fn(schema, rel);
		n++;
	}
	closedir(d);
	return n;
}

static void expectation(json_t *schema, const char *rel)
{
	char path[800];
	snprintf(path, sizeof path, "%s/%s", VA_SOURCE_DIR, rel);
	FILE *f = fopen(path, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	static char text[1 << 20];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_valid(schema, text, rel);
}

static void test_e2e_expectations(void)
{
	json_t *schema = load_schema();
	CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
	CU_ASSERT(each_file("tests/e2e", ".json", expectation, schema) >= 10);
	json_decref(schema);
}

/* What `check --json` prints for an input: a report, or the error object. */
static void live(json_t *schema, const char *rel)
{
	static struct report_case c;
	char *text = NULL;
	size_t len = 0;
	if (report_case_load(&c, rel)) {
		FILE *f = open_memstream(&text, &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		va_write_error_json(f, rel, NULL, &c.err);
		fclose(f);
	} else {
		text = report_case_json(&c);
		report_case_done(&c);
	}
	assert_valid(schema, text, rel);
	free(text);
}

static void test_live_outputs(void)
{
	json_t *schema = load_schema();
	CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
	CU_ASSERT(each_file("tests/e2e", ".state", live, schema) >= 10);
	CU_ASSERT(each_file("tests/readers/dumps", ".txt", live, schema) >= 10);
	CU_ASSERT(each_file("tests/bad", ".state", live, schema) >= 5);
	CU_ASSERT(each_file("docs/examples", ".state", live, schema) >= 1);
	json_decref(schema);
}

/* Suspects filled by hand (the engine ranks them): every key, in words. */
static void test_suspects(void)
{
	static struct report_case c;
	json_t *schema = load_schema();
	CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
	CU_ASSERT_FATAL(report_case_load(&c, "tests/readers/dumps/kvm_4x_syzbot.txt") == 0);
	c.report.verdict.result = VA_RESULT_INCONCLUSIVE;
	c.report.n_suspects = 0;
	va_observe(&c.st, &c.report, &c.observed);
	const struct va_rule *rule = report_case_add_suspect(&c, NULL, VA_STAGE_CONTROLS, VA_ASSUME_BASIC56_0, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(rule);
	CU_ASSERT_PTR_NOT_NULL_FATAL(report_case_add_suspect(&c, NULL, VA_STAGE_GUEST, VA_ASSUME_NONE, NULL));
	char *text = report_case_json(&c);
	assert_valid(schema, text, "suspects");
	json_t *doc = json_loads(text, 0, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_object_get(doc, "verdict"), "result")),
			       "inconclusive");
	json_t *s = json_object_get(doc, "suspects");
	CU_ASSERT_EQUAL_FATAL(json_array_size(s), 2);
	json_t *first = json_array_get(s, 0);
	CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(first, "id")), rule->id);
	CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(first, "sdm")), rule->sdm);
	CU_ASSERT_PTR_NOT_NULL(strstr(json_string_value(json_object_get(first, "assumption")),
				      "IA32_VMX_BASIC[56] = 0"));
	CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(first, "assumption_id")), "basic56_0");
	CU_ASSERT(json_string_length(json_object_get(first, "message")) > 0);
	CU_ASSERT_PTR_NOT_NULL(json_object_get(first, "hint"));
	CU_ASSERT_TRUE(json_is_null(json_object_get(json_array_get(s, 1), "assumption")));
	/* A suspect is never a failure. */
	CU_ASSERT_EQUAL(json_array_size(json_object_get(doc, "failures")), 0);
	json_t *observed = json_object_get(doc, "observed");
	CU_ASSERT_TRUE(json_is_false(json_object_get(observed, "explained")));
	CU_ASSERT_EQUAL(json_integer_value(json_object_get(observed, "exit_reason")), 33);
	json_t *groups = json_object_get(doc, "not_evaluated");
	CU_ASSERT(json_array_size(groups) > 0);
	CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_array_get(groups, 0), "kind")),
			       "capability_msrs");
	json_decref(doc);
	free(text);
	report_case_done(&c);
	json_decref(schema);
}

/* An unreadable input is one object too, with every key of a report. */
static void test_error_object(void)
{
	json_t *schema = load_schema();
	CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
	struct va_error err = { .file = "x.state", .line = 3, .column = 0, .message = "bad" };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	va_write_error_json(f, "x.state", NULL, &err);
	fclose(f);
	assert_valid(schema, text, "error object");
	json_t *doc = json_loads(text, 0, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	json_t *e = json_object_get(doc, "error");
	CU_ASSERT_EQUAL(json_integer_value(json_object_get(e, "line")), 3);
	CU_ASSERT_TRUE(json_is_null(json_object_get(e, "column")));
	CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(e, "message")), "bad");
	CU_ASSERT_TRUE(json_is_null(json_object_get(doc, "verdict")));
	CU_ASSERT_EQUAL(json_object_size(doc),
			json_array_size(json_object_get(schema, "required")));
	CU_ASSERT_EQUAL(json_integer_value(json_object_get(doc, "schema_version")), VA_JSON_SCHEMA_VERSION);
	json_decref(doc);
	free(text);
	json_decref(schema);
}

/* Each dump of an input with several has its place: index, count, line;
 * an error in one dump too.  The whole input: null. */
static void test_dump_place(void)
{
	static struct report_case c;
	json_t *schema = load_schema();
	CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
	CU_ASSERT_FATAL(report_case_load(&c, "tests/readers/dumps/kvm_6x_full.txt") == 0);
	const struct va_dump_place places[] = { { 2, 3, 120 }, { 4, 0, 900 }, { 1, 1, 1 } };
	for (unsigned i = 0; i < 3; i++) {
		c.in.dump = places[i];
		char *text = report_case_json(&c);
		assert_valid(schema, text, "dump place");
		json_t *doc = json_loads(text, 0, NULL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
		json_t *d = json_object_get(doc, "dump");
		if (i == 2) {
			CU_ASSERT_TRUE(json_is_null(d));
		} else {
			CU_ASSERT_EQUAL(json_integer_value(json_object_get(d, "index")), places[i].index);
			CU_ASSERT_EQUAL(json_integer_value(json_object_get(d, "line")), places[i].line);
			if (places[i].total) {
				CU_ASSERT_EQUAL(json_integer_value(json_object_get(d, "of")), places[i].total);
			} else {
				CU_ASSERT_TRUE(json_is_null(json_object_get(d, "of")));
			}
		}
		/* the file is the input's name, the place is not in it */
		CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(doc, "file")),
				       "tests/readers/dumps/kvm_6x_full.txt");
		json_decref(doc);
		free(text);
	}
	char label[128];
	va_dump_label(label, sizeof label, "log", &places[0]);
	CU_ASSERT_STRING_EQUAL(label, "log (dump 2 of 3, line 120)");
	va_dump_label(label, sizeof label, "log", &places[1]);
	CU_ASSERT_STRING_EQUAL(label, "log (dump 4, line 900)");
	va_dump_label(label, sizeof label, "log", &places[2]);
	CU_ASSERT_STRING_EQUAL(label, "log");

	struct va_error err = { .file = "log", .line = 130, .column = 5, .message = "bad" };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	va_write_error_json(f, "log", &places[0], &err);
	fclose(f);
	assert_valid(schema, text, "error object of a dump");
	json_t *doc = json_loads(text, 0, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_EQUAL(json_integer_value(json_object_get(json_object_get(doc, "dump"), "line")), 120);
	json_decref(doc);
	free(text);
	report_case_done(&c);
	json_decref(schema);
}

CU_TestInfo tests_report_json[] = {
	{ "every e2e expectation holds the schema", test_e2e_expectations },
	{ "live outputs hold the schema", test_live_outputs },
	{ "suspects: id, sdm, assumption, message, hint", test_suspects },
	{ "an unreadable input is an object with error", test_error_object },
	{ "each dump of several has its place", test_dump_place },
	CU_TEST_INFO_NULL,
};
