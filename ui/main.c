/* vmcs-audit: the command line.  A thin layer over the core: parse
 * arguments, read inputs, audit, write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../auditor/audit.h"
#include "../auditor/render.h"
#include "../auditor/report_out.h"
#include "../auditor/state_file.h"
#include "input.h"
#include "commands.h"

#ifndef VA_VERSION
#define VA_VERSION "0.1.0"
#endif

enum { EXIT_ENTRY_OK = 0, EXIT_ENTRY_FAILS = 1, EXIT_BAD_INPUT = 2 };

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "vmcs-audit: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'vmcs-audit --help'.\n");
	return EXIT_BAD_INPUT;
}

static int cmd_check(int argc, char **argv)
{
	int json = 0, verbose = 0, nfiles = 0, worst = EXIT_ENTRY_OK;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	if (!files)
		return EXIT_BAD_INPUT;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v"))
			verbose = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			free(files);
			return usage_error("check: unknown option '%s'", argv[i]);
		} else
			files[nfiles++] = argv[i];
	}
	if (!nfiles) {
		free(files);
		return usage_error("check: %sname at least one state file, or - for standard input", "");
	}
	struct va_text_style style = {
		.color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR"),
		.verbose = verbose,
	};
	struct va_state *st = malloc(sizeof *st);
	struct va_report *report = malloc(sizeof *report);
	if (!st || !report) {
		free(st);
		free(report);
		free(files);
		return EXIT_BAD_INPUT;
	}
	for (int i = 0; i < nfiles; i++) {
		char *text;
		size_t len;
		struct va_error err;
		const char *name = strcmp(files[i], "-") ? files[i] : "<stdin>";
		if (va_read_input(files[i], &text, &len)) {
			worst = EXIT_BAD_INPUT;
			continue;
		}
		va_state_init(st);
		if (va_state_read(st, text, len, name, &err)) {
			fprintf(stderr, "%s:%u:%u: error: %s\n", err.file, err.line, err.column, err.message);
			worst = EXIT_BAD_INPUT;
		} else {
			va_audit(st, report);
			if (json)
				va_write_report_json(stdout, name, report);
			else
				va_write_report_text(stdout, name, report, &style);
			if (report->verdict.result != VA_RESULT_SUCCESS && worst == EXIT_ENTRY_OK)
				worst = EXIT_ENTRY_FAILS;
		}
		va_state_release(st);
		free(text);
	}
	free(st);
	free(report);
	free(files);
	return worst;
}

static int cmd_rules(int argc, char **argv)
{
	if (argc > 2)
		return usage_error("rules: %stakes at most one option", "");
	if (argc == 2 && !strcmp(argv[1], "--json"))
		return va_write_rules_json(stdout) ? EXIT_BAD_INPUT : 0;
	if (argc == 2 && !strcmp(argv[1], "--markdown")) {
		va_write_rules_markdown(stdout);
		return 0;
	}
	if (argc == 2)
		return usage_error("rules: unknown option '%s'", argv[1]);
	va_write_rules_text(stdout);
	return 0;
}

static int cmd_explain(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("explain: %sname a rule id (see 'vmcs-audit rules')", "");
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		int index = va_rule_find(argv[i]);
		if (index < 0) {
			fprintf(stderr, "vmcs-audit: explain: no rule '%s' (see 'vmcs-audit rules')\n", argv[i]);
			rc = EXIT_BAD_INPUT;
			continue;
		}
		va_write_rule_explain(stdout, va_rule_at((unsigned)index));
	}
	return rc;
}

static int cmd_help(int argc, char **argv);

static const struct va_command commands[] = {
	{ "check", "[--json] [--verbose] FILE...", "audit state files (- reads standard input)", cmd_check },
	{ "rules", "[--json|--markdown]", "list every rule: id, SDM section, stage, condition", cmd_rules },
	{ "explain", "ID...", "one rule in full: condition, outcome, fields, deviations", cmd_explain },
	{ "help", "[state-file]", "this text, or the state-file keys", cmd_help },
};

static void print_usage(FILE *out)
{
	fprintf(out, "Usage: vmcs-audit COMMAND [ARGS]\n\n"
		     "Predicts what VMLAUNCH/VMRESUME does with a VMCS and lists every VM-entry\n"
		     "check (Intel SDM Vol. 3C, chapter 26) that fails.\n\nCommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-8s %-30s %s\n", commands[i].name, commands[i].args, commands[i].help);
	fprintf(out, "\nOptions: --help, --version\n"
		     "Exit status of check: 0 entry succeeds, 1 entry fails, 2 bad input or usage.\n");
}

static int cmd_help(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "state-file")) {
		va_write_state_file_help(stdout);
		return 0;
	}
	print_usage(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		print_usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("vmcs-audit %s (%u rules)\n", VA_VERSION, va_rule_count());
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", argv[1]);
}
