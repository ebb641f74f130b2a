#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/input.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"

const struct fixture_table fixture_tables[] = {
#define VA_FIXTURE_TABLE(name) { fixtures_##name, &fixtures_##name##_count },
	VA_RULE_AREAS(VA_FIXTURE_TABLE)
#undef VA_FIXTURE_TABLE
};
const size_t fixture_table_count = sizeof fixture_tables / sizeof fixture_tables[0];

static char *base_text;
static size_t base_len;

static int load_base(void)
{
	if (base_text)
		return 0;
	FILE *f = fopen(VA_SOURCE_DIR "/docs/examples/skylake-64bit-guest.state", "rb");
	if (!f)
		return -1;
	base_text = malloc(1 << 16);
	base_len = base_text ? fread(base_text, 1, (1 << 16) - 1, f) : 0;
	fclose(f);
	return base_text ? 0 : -1;
}

int fixture_state(struct va_state *st, const char *overlay)
{
	struct va_error err;
	va_state_init(st);
	if (load_base())
		return -1;
	if (va_state_read(st, base_text, base_len, "base.state", &err)) {
		fprintf(stderr, "base.state:%u:%u: %s\n", err.line, err.column, err.message);
		return -1;
	}
	if (overlay && va_state_read(st, overlay, strlen(overlay), "fixture", &err)) {
		fprintf(stderr, "fixture:%u:%u: %s\n", err.line, err.column, err.message);
		va_state_release(st);
		return -1;
	}
	return 0;
}

char *reader_sample(const char *rel, size_t *len)
{
	char path[512];
	char *text = NULL;
	struct va_error err;
	snprintf(path, sizeof path, "%s/tests/readers/%s", VA_SOURCE_DIR, rel);
	CU_ASSERT_FATAL(va_read_input(path, &text, len, &err) == 0);
	return text;
}
