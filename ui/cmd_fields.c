/* `fields [SUBSTRING]`: every VMCS field with its encoding, width, area and
 * the names the readers accept for it, from the field table and the naming
 * rules (auditor/input/field_names.c) - the same ones the readers use. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../auditor/input/field_names.h"
#include "../auditor/input/text_util.h"
#include "commands.h"

static int contains_ci(const char *s, const char *want, size_t wn)
{
	for (size_t i = 0; s[i]; i++)
		if (!strncasecmp(s + i, want, wn))
			return 1;
	return 0;
}

/* Case-insensitive substring of any of the field's names or its encoding. */
static int matches(enum va_field f, const char *want)
{
	char name[160], canon[160], wcanon[160];
	size_t wn = strlen(want);
	if (!wn)
		return 1;
	snprintf(name, sizeof name, "0x%04x", va_field_encoding(f));
	if (strstr(name, want))
		return 1;
	size_t wc = va_name_canonical(want, wn, wcanon, sizeof wcanon);
	for (unsigned s = 0; s < VA_NAMES_COUNT; s++) {
		if (!va_field_alias(f, (enum va_name_scheme)s, name, sizeof name))
			continue;
		if (contains_ci(name, want, wn))
			return 1;
		if (wc && va_name_canonical(name, strlen(name), canon, sizeof canon) && strstr(canon, wcanon))
			return 1;
	}
	const char *other;
	for (unsigned i = 0; (other = va_field_extra_name(f, i)) != NULL; i++)
		if (contains_ci(other, want, wn))
			return 1;
	return 0;
}

int va_cmd_fields(int argc, char **argv)
{
	static const char *const widths[] = { "16", "64", "32", "natural" };
	static const char *const areas[] = { "control", "exit-info", "guest", "host" };
	const char *want = argc >= 2 ? argv[1] : "";
	unsigned shown = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (!matches((enum va_field)f, want))
			continue;
		shown++;
		printf("%-32s 0x%04x  %-7s %s\n", va_field_name((enum va_field)f),
		       va_field_encoding((enum va_field)f), widths[va_field_width((enum va_field)f)],
		       areas[va_field_area((enum va_field)f)]);
		char name[160];
		for (unsigned s = 1; s < VA_NAMES_COUNT; s++)
			if (va_field_alias((enum va_field)f, (enum va_name_scheme)s, name, sizeof name))
				printf("    %-11s %s\n", va_name_scheme_label((enum va_name_scheme)s), name);
		const char *other;
		for (unsigned i = 0; (other = va_field_extra_name((enum va_field)f, i)) != NULL; i++)
			printf("    %-11s %s\n", "also", other);
	}
	if (!shown) {
		fprintf(stderr, "vmcs-audit: fields: no field matches '%s'\n", want);
		return 2;
	}
	printf("Names are also read in any case and with any separator (_, space, -, camelCase); "
	       "encodings as 0x4814 or 4814h; _HIGH for the high half of a 64-bit field.\n");
	return 0;
}
