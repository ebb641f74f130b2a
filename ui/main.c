/* vmcs-audit: the command line.  A thin layer over the core: parse
 * arguments, read inputs, audit, write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../auditor/engine/audit.h"
#include "../auditor/report/render.h"
#include "../auditor/report/report_out.h"
#include "../auditor/report/observed.h"
#include "../auditor/input/profiles.h"
#include "../auditor/input/state_file.h"
#include "../auditor/input/load.h"
#include "../auditor/input/dump_stream.h"
#include "../auditor/input/input.h"
#include "../auditor/input/state_save.h"
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

/* file:line:column: error: message, as compilers print them. */
static void print_error(const struct va_error *err, const char *name)
{
	const char *file = err->file ? err->file : name;
	if (err->line)
		fprintf(stderr, "%s:%u:%u: error: %s\n", file, err->line, err->column, err->message);
	else
		fprintf(stderr, "%s: error: %s\n", file, err->message);
}

/* Options shared by the commands that read inputs. */
struct input_options {
	struct va_load_options load;
	int json, verbose;
	const char *output;
	int force;
	char **files;
	int nfiles;
};

static int parse_input_options(int argc, char **argv, struct input_options *o, int allow_output)
{
	memset(o, 0, sizeof *o);
	o->load.profiles = calloc((size_t)argc + 1, sizeof *o->load.profiles);
	o->files = calloc((size_t)argc + 1, sizeof *o->files);
	if (!o->load.profiles || !o->files)
		return -1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--json") && !allow_output)
			o->json = 1;
		else if ((!strcmp(a, "--verbose") || !strcmp(a, "-v")) && !allow_output)
			o->verbose = 1;
		else if (!strcmp(a, "--force") && allow_output)
			o->force = 1;
		else if (!strcmp(a, "--from") || !strcmp(a, "--profile") || (!strcmp(a, "-o") && allow_output)) {
			if (i + 1 >= argc) {
				fprintf(stderr, "vmcs-audit: %s needs a value\n", a);
				return -1;
			}
			const char *v = argv[++i];
			if (!strcmp(a, "--from")) {
				if (!va_reader_by_kind(v)) {
					fprintf(stderr, "vmcs-audit: --from %s: unknown kind (see 'vmcs-audit help kinds')\n", v);
					return -1;
				}
				o->load.kind = v;
			} else if (!strcmp(a, "--profile")) {
				o->load.profiles[o->load.profile_count++] = v;
			} else {
				o->output = v;
			}
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "vmcs-audit: unknown option '%s'\n", a);
			return -1;
		} else {
			o->files[o->nfiles++] = argv[i];
		}
	}
	if (!o->nfiles) {
		fprintf(stderr, "vmcs-audit: name at least one input file, or - for standard input\n");
		return -1;
	}
	return 0;
}

static void free_input_options(struct input_options *o)
{
	free(o->load.profiles);
	free(o->files);
}

static int cmd_check(int argc, char **argv)
{
	struct input_options o;
	int worst = EXIT_ENTRY_OK;
	if (parse_input_options(argc, argv, &o, 0)) {
		free_input_options(&o);
		return usage_error("check: %sbad arguments", "");
	}
	struct va_text_style style = {
		.color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR"),
		.verbose = o.verbose,
	};
	struct va_state *st = malloc(sizeof *st);
	struct va_report *report = malloc(sizeof *report);
	struct va_import_notes *notes = malloc(sizeof *notes);
	if (!st || !report || !notes) {
		free(st);
		free(report);
		free(notes);
		free_input_options(&o);
		return EXIT_BAD_INPUT;
	}
	for (int i = 0; i < o.nfiles; i++) {
		const char *name = strcmp(o.files[i], "-") ? o.files[i] : "<stdin>";
		struct va_error err = { 0 };
		struct va_dump_stream *ds = va_dump_stream_open(o.files[i], &o.load, &err);
		if (!ds) {
			print_error(&err, name);
			worst = EXIT_BAD_INPUT;
			continue;
		}
		unsigned line;
		char dump_name[512];
		for (int got; (got = va_dump_stream_next(ds, st, notes, &line, &err)) != 0; va_state_release(st)) {
			/* one report a dump; several dumps are told apart by where they start */
			unsigned k = va_dump_stream_index(ds), total = va_dump_stream_total(ds);
			if (total > 1)
				snprintf(dump_name, sizeof dump_name, "%s (dump %u of %u, line %u)", name, k, total, line);
			else if (k > 1 || (!total && line > 1))
				snprintf(dump_name, sizeof dump_name, "%s (dump %u, line %u)", name, k, line);
			else
				snprintf(dump_name, sizeof dump_name, "%s", name);
			if (got < 0) {
				print_error(&err, dump_name);
				worst = EXIT_BAD_INPUT;
				continue;
			}
			struct va_observed observed;
			va_audit(st, report);
			va_observe(st, report, &observed);
			struct va_report_input in = { dump_name, notes, &observed };
			if (o.json)
				va_write_report_json(stdout, &in, report);
			else
				va_write_report_text(stdout, &in, report, &style);
			if (report->verdict.result != VA_RESULT_SUCCESS && worst == EXIT_ENTRY_OK)
				worst = EXIT_ENTRY_FAILS;
		}
		va_dump_stream_close(ds);
	}
	free(st);
	free(report);
	free(notes);
	free_input_options(&o);
	return worst;
}

static int cmd_import(int argc, char **argv)
{
	struct input_options o;
	if (parse_input_options(argc, argv, &o, 1)) {
		free_input_options(&o);
		return usage_error("import: %sbad arguments", "");
	}
	struct va_state *st = malloc(sizeof *st);
	struct va_import_notes *notes = malloc(sizeof *notes);
	int rc = 0;
	if (!st || !notes) {
		rc = EXIT_BAD_INPUT;
		goto out;
	}
	if (o.nfiles > 1) {
		fprintf(stderr, "vmcs-audit: import: one input at a time (concatenate pastes into one file)\n");
		rc = EXIT_BAD_INPUT;
		goto out;
	}
	struct va_error err = { 0 };
	if (va_load(st, o.files[0], &o.load, notes, &err)) {
		print_error(&err, o.files[0]);
		va_state_release(st);
		rc = EXIT_BAD_INPUT;
		goto out;
	}
	for (unsigned i = 0; i < notes->count; i++)
		fprintf(stderr, "vmcs-audit: note: %s\n", notes->text[i]);
	if (o.output) {
		struct va_error serr = { 0 };
		rc = 0;
		if (va_state_save(o.output, st, o.force ? VA_SAVE_REPLACE : VA_SAVE_NEW, &serr)) {
			fprintf(stderr, "vmcs-audit: import: %s: %s%s\n", o.output, serr.message,
				o.force ? "" : "; choose another name or add --force");
			rc = EXIT_BAD_INPUT;
		}
	}
	else
		rc = va_state_write(stdout, st) ? EXIT_BAD_INPUT : 0;
	va_state_release(st);
out:
	free(st);
	free(notes);
	free_input_options(&o);
	return rc;
}

static int cmd_profiles(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : "";
	char what[256], source[256];
	unsigned shown = 0;
	for (unsigned i = 0; i < va_profile_count; i++) {
		const struct va_profile *p = &va_profiles[i];
		va_profile_provenance(p, what, sizeof what, source, sizeof source);
		if (*filter && !strstr(p->name, filter) && !strstr(what, filter))
			continue;
		printf("%s\n    %s\n    source: %s\n", p->name, what, source);
		shown++;
	}
	if (!shown) {
		fprintf(stderr, "vmcs-audit: no profile matches '%s'\n", filter);
		return EXIT_BAD_INPUT;
	}
	return 0;
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
	{ "check", "[--json] [--from KIND] [--profile P]... FILE...",
	  "audit inputs: state files or pastes (- reads standard input)", cmd_check },
	{ "import", "[--from KIND] [--profile P]... FILE [-o OUT]",
	  "write what was understood as a state file", cmd_import },
	{ "profiles", "[SUBSTRING]", "list the built-in CPU profiles with their sources", cmd_profiles },
	{ "fields", "[SUBSTRING]", "list VMCS fields: encoding, width, area, accepted names", va_cmd_fields },
	{ "rules", "[--json|--markdown]", "list every rule: id, SDM section, stage, condition", cmd_rules },
	{ "explain", "ID...", "one rule in full: condition, outcome, fields, deviations", cmd_explain },
	{ "help", "[state-file|kinds]", "this text, the state-file keys, or the input kinds", cmd_help },
};

static void print_usage(FILE *out)
{
	fprintf(out, "Usage: vmcs-audit COMMAND [ARGS]\n\n"
		     "Predicts what VMLAUNCH/VMRESUME does with a VMCS and lists every VM-entry\n"
		     "check (Intel SDM Vol. 3C, chapter 26) that fails.\n\nCommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-8s %s\n           %s\n", commands[i].name, commands[i].args, commands[i].help);
	fprintf(out, "\nOptions: --help, --version\n"
		     "Exit status of check: 0 entry succeeds, 1 entry fails, 2 bad input or usage.\n");
}

static int cmd_help(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "state-file")) {
		va_write_state_file_help(stdout);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "kinds")) {
		size_t n;
		const struct va_reader *const *readers = va_readers(&n);
		printf("Input kinds (--from KIND); without --from the kind is detected:\n");
		for (size_t i = 0; i < n; i++)
			printf("  %-10s %s\n", readers[i]->kind, readers[i]->what);
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
