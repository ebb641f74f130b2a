/* complete-words: the words shell completion offers, one per line, printed
 * from the program's own tables; the build turns them into the bash, zsh
 * and fish completion scripts (cmake/completions.cmake), so no script keeps
 * a list of its own. */
#include <stdio.h>
#include <string.h>

#include "../auditor/engine/audit.h"
#include "../auditor/input/profiles.h"
#include "../auditor/input/readers/reader.h"
#include "commands.h"

static void rules(void)
{
	for (unsigned i = 0; i < va_rule_count(); i++)
		printf("%s\n", va_rule_at(i)->id);
}

static void profiles(void)
{
	for (unsigned i = 0; i < va_profile_count; i++)
		printf("%s\n", va_profiles[i].name);
}

static void kinds(void)
{
	size_t n;
	const struct va_reader *const *readers = va_readers(&n);
	for (size_t i = 0; i < n; i++)
		printf("%s\n", readers[i]->kind);
}

static void fields(void)
{
	for (unsigned f = FLD_NONE + 1; f < FLD_COUNT; f++)
		printf("%s\n", va_field_name((enum va_field)f));
}

static const struct {
	const char *name;
	void (*print)(void);
} lists[] = {
	{ "rules", rules }, { "profiles", profiles }, { "kinds", kinds }, { "fields", fields },
};

int cmd_complete_words(int argc, char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof lists / sizeof lists[0]; i++)
		if (!strcmp(argv[1], lists[i].name)) {
			lists[i].print();
			return fflush(stdout) ? 2 : 0;
		}
	fprintf(stderr, "vmcs-audit: complete-words: name one of:");
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		fprintf(stderr, " %s", lists[i].name);
	fprintf(stderr, "\n");
	return 2;
}
