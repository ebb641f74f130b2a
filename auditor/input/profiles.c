#include "profiles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "state_file.h"
#include "text_util.h"

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

static int name_contains(const char *name, const char *part)
{
	size_t n = strlen(part);
	for (; *name; name++)
		if (!strncasecmp(name, part, n))
			return 1;
	return 0;
}

void va_profile_suggest(const char *name, char *buf, size_t size)
{
	unsigned found = 0, shown = 0;
	size_t len = strlen(name), used = 0;
	buf[0] = '\0';
	for (unsigned i = 0; i < va_profile_count && len; i++) {
		if (!name_contains(va_profiles[i].name, name))
			continue;
		if (shown < 4 && used < size) {
			int n = snprintf(buf + used, size - used, "%s%s", shown ? ", " : "did you mean ",
					 va_profiles[i].name);
			used += n > 0 ? (size_t)n : 0;
			shown++;
		}
		found++;
	}
	if (found > shown && used < size)
		snprintf(buf + used, size - used, " (%u more: 'vmcs-audit profiles %s')", found - shown, name);
	if (found) {
		size_t n = strlen(buf);
		if (n + 1 < size)
			strcat(buf, "?");
		return;
	}
	const char *best = NULL;
	unsigned best_d = 255;
	for (unsigned i = 0; i < va_profile_count; i++) {
		unsigned d = va_edit_distance(name, len, va_profiles[i].name, strlen(va_profiles[i].name));
		if (d < best_d) {
			best_d = d;
			best = va_profiles[i].name;
		}
	}
	if (best && best_d <= (len / 3 > 2 ? len / 3 : 2))
		snprintf(buf, size, "did you mean %s?", best);
}

void va_profile_lacks(const struct va_profile *p, char *buf, size_t size)
{
	static const enum va_msr true_msrs[] = {
		MSR_IA32_VMX_TRUE_PINBASED_CTLS, MSR_IA32_VMX_TRUE_PROCBASED_CTLS,
		MSR_IA32_VMX_TRUE_EXIT_CTLS, MSR_IA32_VMX_TRUE_ENTRY_CTLS,
	};
	struct va_error err = { 0 };
	struct va_state *st = malloc(sizeof *st);
	struct va_import_notes *notes = malloc(sizeof *notes);
	buf[0] = '\0';
	if (!st || !notes) {
		snprintf(buf, size, "(not checked: out of memory)");
		goto out;
	}
	va_state_init(st);
	if (va_import(st, p->text, strlen(p->text), p->name, "state", &err, notes)) {
		snprintf(buf, size, "(cannot be read: %.200s)", err.message);
		va_state_release(st);
		goto out;
	}
	int basic = va_msr_known(st, MSR_IA32_VMX_BASIC);
	int wants_true = !basic || ((st->msr[MSR_IA32_VMX_BASIC] >> 55) & 1);
	unsigned missing_true = 0;
	for (size_t i = 0; i < sizeof true_msrs / sizeof true_msrs[0]; i++)
		missing_true += !va_msr_known(st, true_msrs[i]);
	if (!basic)
		snprintf(buf, size, "IA32_VMX_BASIC (0x480)");
	if (wants_true && missing_true) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s TRUE capability MSRs (0x48D-0x490)", n ? "; " : "",
			 missing_true == 4 ? "the" : "some");
	}
	va_state_release(st);
out:
	free(st);
	free(notes);
}
