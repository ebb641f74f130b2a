#include "usage.h"

#include <string.h>

#include "../auditor/input/text_util.h"

static const struct va_cli_option options[] = {
	{ "check", "--json", NULL, NULL,
	  "one JSON object per input, one per line; an input that cannot be read gives an object "
	  "with \"error\" (docs/json.md)" },
	{ "check", "--verbose", "-v", NULL,
	  "list every rule that was not evaluated and why, every likely cause, and the rules that "
	  "pass or do not apply" },
	{ "check import shell fix", "--from", NULL, "KIND",
	  "the kind of every input (see 'vmcs-audit help kinds'); without it the kind is detected" },
	{ "check import shell fix", "--profile", NULL, "NAME|FILE",
	  "capability MSRs from a built-in profile (see 'vmcs-audit profiles') or a file; "
	  "repeatable: later ones override earlier ones, the input overrides all" },
	{ "import", "-o", NULL, "OUT", "write the state file to OUT instead of standard output" },
	{ "new", "--profile", NULL, "NAME|FILE",
	  "the CPU whose capability MSRs the template follows: a built-in profile or any file "
	  "holding capability MSRs (required)" },
	{ "new", "--mode", NULL, "MODE", "the guest's mode (below); long when not given" },
	{ "new", "--with", NULL, "FEATURE,...", "controls to turn on (below); refused when the CPU "
	  "does not allow one, naming the capability bit" },
	{ "new", "-o", NULL, "OUT", "write the state file to OUT instead of standard output" },
	{ "fix", "-o", NULL, "OUT", "write the repaired state to OUT (never the input)" },
	{ "fix", "--in-place", NULL, NULL, "replace the input with the repaired state" },
	{ "fix", "--dry-run", NULL, NULL, "show the repairs, write nothing" },
	{ "fix", "--json", NULL, NULL, "the changes and what needs a decision as JSON" },
	{ "import new fix", "--force", NULL, NULL,
	  "with -o: replace an existing OUT (a completely written new file is renamed over it)" },
	{ "rules", "--json", NULL, NULL, "the rules as a JSON array" },
	{ "shell", "-c", NULL, "CMD",
	  "run the shell command CMD and exit without saving unless a command saves; repeatable, "
	  "run in order; the first error stops them (exit status 2)" },
	{ "rules", "--markdown", NULL, NULL, "the rule catalogue as Markdown" },
};

const struct va_cli_option *va_cli_options(size_t *count)
{
	*count = sizeof options / sizeof options[0];
	return options;
}

/* Is `word` one of the space-separated words of `list`? */
static int in_list(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

const struct va_cli_option *va_cli_option_find(const char *command, const char *arg)
{
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
		if (in_list(options[i].commands, command) &&
		    (!strcmp(options[i].name, arg) || (options[i].alias && !strcmp(options[i].alias, arg))))
			return &options[i];
	return NULL;
}

const struct va_cli_option *va_cli_option_nearest(const char *command, const char *arg)
{
	const struct va_cli_option *best = NULL;
	unsigned best_d = 3;
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
		if (!in_list(options[i].commands, command))
			continue;
		unsigned d = va_edit_distance(arg, strlen(arg), options[i].name, strlen(options[i].name));
		if (d < best_d) {
			best_d = d;
			best = &options[i];
		}
	}
	return best;
}

int va_is_help_option(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

void va_write_wrapped(FILE *out, const char *text, unsigned indent, unsigned column, unsigned width)
{
	int line_start = 1;   /* no blank before the first word of a line */
	while (*text == ' ')
		text++;
	while (*text) {
		size_t word = strcspn(text, " ");
		if (!line_start && column + 1 + word > width) {
			fprintf(out, "\n%*s", (int)indent, "");
			column = indent;
		} else if (!line_start) {
			fputc(' ', out);
			column++;
		}
		line_start = 0;
		fprintf(out, "%.*s", (int)word, text);
		column += (unsigned)word;
		text += word;
		while (*text == ' ')
			text++;
	}
	fputc('\n', out);
}

void va_write_command_usage(FILE *out, const struct va_command *cmd)
{
	fprintf(out, "Usage: vmcs-audit %s %s\n\n", cmd->name, cmd->args);
	if (cmd->help)
		va_write_wrapped(out, cmd->help, 0, 0, 78);
	int any = 0;
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
		const struct va_cli_option *o = &options[i];
		if (!in_list(o->commands, cmd->name))
			continue;
		char head[64];
		snprintf(head, sizeof head, "%s%s%s%s%s", o->alias ? o->alias : "", o->alias ? ", " : "",
			 o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		if (!any)
			fprintf(out, "\nOptions:\n");
		any = 1;
		fprintf(out, "  %-20s", head);
		unsigned column = 22;
		if (strlen(head) > 20) {
			fprintf(out, "\n%24s", "");
			column = 24;
		} else {
			fprintf(out, "  ");
			column = 24;
		}
		va_write_wrapped(out, o->help, 24, column, 78);
	}
	fprintf(out, "%s  %-20s  this command's usage\n", any ? "" : "\nOptions:\n", "-h, --help");
	if (cmd->more_help) {
		fprintf(out, "\n");
		cmd->more_help(out);
	}
	if (!strcmp(cmd->name, "check")) {
		fprintf(out, "\n");
		va_write_exit_statuses(out);
	}
}

void va_write_exit_statuses(FILE *out)
{
	fprintf(out, "Exit status of check:\n"
		     "  0  VM entry succeeds (for every input)\n"
		     "  1  VM entry fails (for at least one input)\n"
		     "  2  bad input or usage (an input that cannot be read, or no VMCS field in it)\n"
		     "  3  inconclusive: no check fails, but checks that could decide were not evaluated\n"
		     "With several inputs: 2 if any is bad, else 1 if any fails, else 3 if any is\n"
		     "inconclusive, else 0.\n");
}
