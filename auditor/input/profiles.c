#include "profiles.h"

#include <stdio.h>
#include <string.h>

const struct va_profile *va_profile_find(const char *name)
{
	for (unsigned i = 0; i < va_profile_count; i++)
		if (!strcmp(va_profiles[i].name, name))
			return &va_profiles[i];
	return NULL;
}

static void copy_line(const char *from, char *buf, size_t size)
{
	size_t n = strcspn(from, "\n");
	snprintf(buf, size, "%.*s", (int)n, from);
}

void va_profile_provenance(const struct va_profile *p, char *what, size_t what_size,
			   char *source, size_t source_size)
{
	const char *t = p->text;
	what[0] = source[0] = '\0';
	if (!strncmp(t, "# ", 2))
		copy_line(t + 2, what, what_size);
	const char *s = strstr(t, "\n# source: ");
	if (s)
		copy_line(s + 11, source, source_size);
}
