/*
 * A JSON Schema validator for the subset docs/report.schema.json uses
 * (draft 2020-12): type (one or a list), const, enum, required, properties,
 * additionalProperties false, items, minItems, minimum, oneOf, $ref to
 * "#/$defs/NAME".  A keyword outside that subset is itself an error, so the
 * schema cannot grow past what is checked.
 */
#ifndef VA_TEST_JSON_SCHEMA_H
#define VA_TEST_JSON_SCHEMA_H

#include <stddef.h>

#include <jansson.h>

/* 0 if `doc` is valid; otherwise -1 and where/why in `why`. */
int va_schema_validate(json_t *schema, json_t *doc, char *why, size_t size);

#endif
