/* The JSON Schema subset validator, and tests that it rejects what it must. */
#include "json_schema.h"

#include <CUnit/CUnit.h>

#include "suites.h"

#include <stdio.h>
#include <string.h>

struct ctx {
	json_t *root;
	char *why;
	size_t size;
};

static int fail(struct ctx *c, const char *path, const char *what)
{
	if (!c->why[0])
		snprintf(c->why, c->size, "%s: %s", *path ? path : "(root)", what);
	return -1;
}

static int type_is(json_t *v, const char *type)
{
	if (!strcmp(type, "null")) return json_is_null(v);
	if (!strcmp(type, "boolean")) return json_is_boolean(v);
	if (!strcmp(type, "integer")) return json_is_integer(v);
	if (!strcmp(type, "number")) return json_is_number(v);
	if (!strcmp(type, "string")) return json_is_string(v);
	if (!strcmp(type, "array")) return json_is_array(v);
	if (!strcmp(type, "object")) return json_is_object(v);
	return 0;
}

static int validate(struct ctx *c, json_t *s, json_t *v, const char *path);

static int check_keyword(struct ctx *c, json_t *s, const char *key, json_t *k, json_t *v, const char *path)
{
	char sub[512];
	if (!strcmp(key, "$schema") || !strcmp(key, "title") || !strcmp(key, "description") ||
	    !strcmp(key, "$defs"))
		return 0;
	if (!strcmp(key, "type")) {
		if (json_is_string(k))
			return type_is(v, json_string_value(k)) ? 0 : fail(c, path, "wrong type");
		size_t i;
		json_t *t;
		json_array_foreach(k, i, t)
			if (type_is(v, json_string_value(t)))
				return 0;
		return fail(c, path, "wrong type");
	}
	if (!strcmp(key, "const"))
		return json_equal(k, v) ? 0 : fail(c, path, "not the constant");
	if (!strcmp(key, "enum")) {
		size_t i;
		json_t *e;
		json_array_foreach(k, i, e)
			if (json_equal(e, v))
				return 0;
		return fail(c, path, "not one of the enum values");
	}
	if (!strcmp(key, "minimum")) {
		if (json_is_integer(v) && json_integer_value(v) < json_integer_value(k))
			return fail(c, path, "below the minimum");
		return 0;
	}
	if (!strcmp(key, "minItems")) {
		if (json_is_array(v) && json_array_size(v) < (size_t)json_integer_value(k))
			return fail(c, path, "too few items");
		return 0;
	}
	if (!strcmp(key, "required")) {
		size_t i;
		json_t *r;
		if (!json_is_object(v))
			return 0;
		json_array_foreach(k, i, r)
			if (!json_object_get(v, json_string_value(r))) {
				snprintf(sub, sizeof sub, "lacks required key \"%s\"", json_string_value(r));
				return fail(c, path, sub);
			}
		return 0;
	}
	if (!strcmp(key, "properties")) {
		const char *name;
		json_t *val;
		if (!json_is_object(v))
			return 0;
		json_object_foreach(v, name, val) {
			json_t *ps = json_object_get(k, name);
			snprintf(sub, sizeof sub, "%s.%s", path, name);
			if (ps && validate(c, ps, val, sub))
				return -1;
		}
		return 0;
	}
	if (!strcmp(key, "additionalProperties")) {
		const char *name;
		json_t *val;
		if (!json_is_false(k))
			return fail(c, path, "schema: only additionalProperties false is supported");
		if (!json_is_object(v))
			return 0;
		json_t *props = json_object_get(s, "properties");
		json_object_foreach(v, name, val)
			if (!props || !json_object_get(props, name)) {
				snprintf(sub, sizeof sub, "key \"%s\" is not in the schema", name);
				return fail(c, path, sub);
			}
		return 0;
	}
	if (!strcmp(key, "items")) {
		size_t i;
		json_t *item;
		if (!json_is_array(v))
			return 0;
		json_array_foreach(v, i, item) {
			snprintf(sub, sizeof sub, "%s[%zu]", path, i);
			if (validate(c, k, item, sub))
				return -1;
		}
		return 0;
	}
	if (!strcmp(key, "oneOf")) {
		size_t i, ok = 0;
		json_t *alt;
		char *saved = c->why, scratch[512];
		size_t saved_size = c->size;
		json_array_foreach(k, i, alt) {
			scratch[0] = '\0';
			c->why = scratch;
			c->size = sizeof scratch;
			ok += validate(c, alt, v, path) == 0;
			c->why = saved;
			c->size = saved_size;
		}
		return ok == 1 ? 0 : fail(c, path, ok ? "matches several oneOf branches" : "matches no oneOf branch");
	}
	if (!strcmp(key, "$ref")) {
		const char *ref = json_string_value(k);
		if (!ref || strncmp(ref, "#/$defs/", 8))
			return fail(c, path, "schema: only #/$defs/ references are supported");
		json_t *target = json_object_get(json_object_get(c->root, "$defs"), ref + 8);
		if (!target)
			return fail(c, path, "schema: dangling $ref");
		return validate(c, target, v, path);
	}
	snprintf(sub, sizeof sub, "schema keyword \"%s\" is outside the supported subset", key);
	return fail(c, path, sub);
}

static int validate(struct ctx *c, json_t *s, json_t *v, const char *path)
{
	const char *key;
	json_t *k;
	if (!json_is_object(s))
		return fail(c, path, "schema: not an object");
	json_object_foreach(s, key, k)
		if (check_keyword(c, s, key, k, v, path))
			return -1;
	return 0;
}

int va_schema_validate(json_t *schema, json_t *doc, char *why, size_t size)
{
	struct ctx c = { schema, why, size };
	why[0] = '\0';
	return validate(&c, schema, doc, "");
}

static json_t *parse(const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, JSON_DECODE_ANY, &e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	return j;
}

static int valid(json_t *schema, const char *doc)
{
	char why[512];
	json_t *d = parse(doc);
	int rc = va_schema_validate(schema, d, why, sizeof why);
	json_decref(d);
	return rc == 0;
}

static void test_subset(void)
{
	json_t *s = parse("{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"a\",\"b\"],"
			  "\"properties\":{\"a\":{\"type\":[\"integer\",\"null\"],\"minimum\":1},"
			  "\"b\":{\"type\":\"array\",\"minItems\":1,\"items\":{\"$ref\":\"#/$defs/c\"}}},"
			  "\"$defs\":{\"c\":{\"oneOf\":[{\"const\":\"x\"},{\"enum\":[\"y\",\"z\"]}]}}}");
	CU_ASSERT_TRUE(valid(s, "{\"a\":1,\"b\":[\"x\",\"z\"]}"));
	CU_ASSERT_TRUE(valid(s, "{\"a\":null,\"b\":[\"y\"]}"));
	CU_ASSERT_FALSE(valid(s, "{\"a\":1}"));                       /* required */
	CU_ASSERT_FALSE(valid(s, "{\"a\":0,\"b\":[\"x\"]}"));         /* minimum */
	CU_ASSERT_FALSE(valid(s, "{\"a\":\"1\",\"b\":[\"x\"]}"));     /* type */
	CU_ASSERT_FALSE(valid(s, "{\"a\":1,\"b\":[]}"));              /* minItems */
	CU_ASSERT_FALSE(valid(s, "{\"a\":1,\"b\":[\"w\"]}"));         /* oneOf, const, enum */
	CU_ASSERT_FALSE(valid(s, "{\"a\":1,\"b\":[\"x\"],\"c\":1}")); /* additionalProperties */
	json_decref(s);
	/* A keyword outside the subset is an error, not ignored. */
	json_t *wide = parse("{\"type\":\"string\",\"pattern\":\"^a\"}");
	CU_ASSERT_FALSE(valid(wide, "\"b\""));
	json_decref(wide);
}

CU_TestInfo tests_json_schema[] = {
	{ "the validator's subset accepts and rejects", test_subset },
	CU_TEST_INFO_NULL,
};
