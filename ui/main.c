/* vmcs-audit: the command line.  A thin layer over the core: parse
 * arguments, read inputs, audit, write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
#include "../auditor/input/provenance.h"
#include "../auditor/report/rule_match.h"
#include "commands.h"
#include "usage.h"

#ifndef VA_VERSION
#define VA_VERSION "0.1.0"
#endif

enum { EXIT_ENTRY_OK = 0, EXIT_ENTRY_FAILS = 1, EXIT_BAD_INPUT = 2, EXIT_INCONCLUSIVE = 3 };

/* After a usage error has been printed: where to read more.  Exit 2. */
static int usage_hint(const char *command)
{
	fprintf(stderr, "Try 'vmcs-audit %s%s--help'.\n", command ? command : "", command ? " " : "");
	return EXIT_BAD_INPUT;
}

static int usage_error(const char *command, const char *fmt, const char *arg)
{
	fprintf(stderr, "vmcs-audit: ");
	if (command)
		fprintf(stderr, "%s: ", command);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	return usage_hint(command);
}

/* file:line:column: error: message, as compilers print them. */
static void print_error(const struct va_error *err, const char *name)
{
	const char *file = err->file ? err->file : name;
	if (err->line && err->column)
		fprintf(stderr, "%s:%u:%u: error: %s\n", file, err->line, err->column, err->message);
	else if (err->line)
		fprintf(stderr, "%s:%u: error: %s\n", file, err->line, err->message);
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

/* The options come from the table of usage.c, so --help and parsing agree. */
static int parse_input_options(const char *command, int argc, char **argv, struct input_options *o)
{
	memset(o, 0, sizeof *o);
	o->load.profiles = calloc((size_t)argc + 1, sizeof *o->load.profiles);
	o->files = calloc((size_t)argc + 1, sizeof *o->files);
	if (!o->load.profiles || !o->files)
		return -1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || a[1] == '\0') {
			o->files[o->nfiles++] = argv[i];
			continue;
		}
		const struct va_cli_option *opt = va_cli_option_find(command, a);
		if (!opt) {
			const struct va_cli_option *near = va_cli_option_nearest(command, a);
			fprintf(stderr, "vmcs-audit: %s: unknown option '%s'%s%s%s\n", command, a,
				near ? " (did you mean " : "", near ? near->name : "", near ? "?)" : "");
			return -1;
		}
		const char *v = NULL;
		if (opt->arg) {
			if (i + 1 >= argc) {
				fprintf(stderr, "vmcs-audit: %s: %s needs a value (%s)\n", command, a, opt->arg);
				return -1;
			}
			v = argv[++i];
		}
		if (!strcmp(opt->name, "--json"))
			o->json = 1;
		else if (!strcmp(opt->name, "--verbose"))
			o->verbose = 1;
		else if (!strcmp(opt->name, "--force"))
			o->force = 1;
		else if (!strcmp(opt->name, "-o"))
			o->output = v;
		else if (!strcmp(opt->name, "--profile"))
			o->load.profiles[o->load.profile_count++] = v;
		else if (!strcmp(opt->name, "--from")) {
			if (!va_reader_by_kind(v)) {
				fprintf(stderr, "vmcs-audit: --from %s: unknown kind (see 'vmcs-audit help kinds')\n", v);
				return -1;
			}
			o->load.kind = v;
		}
	}
	if (!o->nfiles) {
		fprintf(stderr, "vmcs-audit: %s: name at least one input file, or - for standard input\n", command);
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
	if (parse_input_options("check", argc, argv, &o)) {
		free_input_options(&o);
		return usage_hint("check");
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
		if (!strcmp(o.files[i], "-") && isatty(STDIN_FILENO))
			fprintf(stderr, "vmcs-audit: reading standard input: paste, then Ctrl-D\n");
		struct va_dump_stream *ds = va_dump_stream_open(o.files[i], &o.load, &err);
		if (!ds) {
			print_error(&err, name);
			if (o.json)
				va_write_error_json(stdout, name, NULL, &err);
			worst = EXIT_BAD_INPUT;
			continue;
		}
		unsigned line;
		char dump_name[600];
		for (int got; (got = va_dump_stream_next(ds, st, notes, &line, &err)) != 0; va_state_release(st)) {
			/* one report a dump; several dumps are told apart by where they start */
			struct va_dump_place place = {
				.index = va_dump_stream_index(ds), .total = va_dump_stream_total(ds), .line = line,
			};
			va_dump_label(dump_name, sizeof dump_name, name, &place);
			if (got < 0 || va_require_vmcs(st, dump_name, &err)) {
				print_error(&err, dump_name);
				if (o.json)
					va_write_error_json(stdout, name, &place, &err);
				worst = EXIT_BAD_INPUT;
				continue;
			}
			struct va_observed observed;
			va_audit(st, report);
			va_observe_input(st, notes, report, &observed);
			struct va_report_input in = {
				.file = name, .dump = place, .notes = notes, .observed = &observed, .state = st,
			};
			if (o.json)
				va_write_report_json(stdout, &in, report);
			else
				va_write_report_text(stdout, &in, report, &style);
			int rc = report->verdict.result == VA_RESULT_SUCCESS ? EXIT_ENTRY_OK
				 : report->verdict.result == VA_RESULT_INCONCLUSIVE ? EXIT_INCONCLUSIVE
										     : EXIT_ENTRY_FAILS;
			if (worst == EXIT_ENTRY_OK || (worst == EXIT_INCONCLUSIVE && rc == EXIT_ENTRY_FAILS))
				worst = rc;
		}
		va_dump_stream_close(ds);
	}
	free(st);
	free(report);
	free(notes);
	free_input_options(&o);
	return worst;
}

/* What import writes: the state, each value with where it came from. */
struct annotated {
	const struct va_state *st;
	const struct va_provenance *prov;
};

static int write_annotated(FILE *out, const void *arg)
{
	const struct annotated *a = arg;
	return va_state_write_annotated(out, a->st, a->prov);
}

static int cmd_import(int argc, char **argv)
{
	struct input_options o;
	if (parse_input_options("import", argc, argv, &o)) {
		free_input_options(&o);
		return usage_hint("import");
	}
	struct va_state *st = malloc(sizeof *st);
	struct va_import_notes *notes = malloc(sizeof *notes);
	struct va_provenance *prov = calloc(1, sizeof *prov);
	int rc = 0;
	if (!st || !notes || !prov) {
		rc = EXIT_BAD_INPUT;
		goto out;
	}
	if (!strcmp(o.files[0], "-") && isatty(STDIN_FILENO))
		fprintf(stderr, "vmcs-audit: reading standard input: paste, then Ctrl-D\n");
	if (o.nfiles > 1) {
		fprintf(stderr, "vmcs-audit: import: one input at a time (concatenate pastes into one file)\n");
		rc = EXIT_BAD_INPUT;
		goto out;
	}
	struct va_error err = { 0 };
	va_provenance_begin(prov);
	int loaded = va_load(st, o.files[0], &o.load, notes, &err);
	va_provenance_end();
	if (loaded) {
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
		struct annotated a = { st, prov };
		if (va_save_with(o.output, write_annotated, &a, o.force ? VA_SAVE_REPLACE : VA_SAVE_NEW, &serr)) {
			fprintf(stderr, "vmcs-audit: import: %s: %s%s\n", o.output, serr.message,
				o.force ? "" : "; choose another name or add --force");
			rc = EXIT_BAD_INPUT;
		}
	}
	else
		rc = va_state_write_annotated(stdout, st, prov) ? EXIT_BAD_INPUT : 0;
	va_state_release(st);
out:
	free(st);
	free(notes);
	free(prov);
	free_input_options(&o);
	return rc;
}

static int cmd_help(int argc, char **argv);

/* Case-insensitive substring (strcasestr is not POSIX). */
static const char *strcasestr_portable(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return hay;
	return n ? NULL : hay;
}

/* "    label text", wrapped at 78 columns under a 6-space indent. */
static void print_wrapped(const char *label, const char *text)
{
	printf("    %s", label);
	va_write_wrapped(stdout, text, 6, 4 + (unsigned)strlen(label), 78);
}

static int cmd_profiles(int argc, char **argv)
{
	if (argc > 2)
		return usage_error("profiles", "%stakes at most one SUBSTRING", "");
	if (argc == 2 && argv[1][0] == '-')
		return usage_error("profiles", "unknown option '%s'", argv[1]);
	const char *filter = argc > 1 ? argv[1] : "";
	char what[1024], source[1024], lacks[400];
	unsigned shown = 0, lacking = 0;
	for (unsigned i = 0; i < va_profile_count; i++) {
		const struct va_profile *p = &va_profiles[i];
		va_profile_provenance(p, what, sizeof what, source, sizeof source);
		if (*filter && !strcasestr_portable(p->name, filter) && !strcasestr_portable(what, filter))
			continue;
		printf("%s\n", p->name);
		print_wrapped("", what);
		print_wrapped("source: ", source);
		va_profile_lacks(p, lacks, sizeof lacks);
		if (*lacks) {
			print_wrapped("lacks: ", lacks);
			lacking++;
		}
		shown++;
	}
	if (!shown) {
		fprintf(stderr, "vmcs-audit: profiles: no profile matches '%s'\n", filter);
		return EXIT_BAD_INPUT;
	}
	if (lacking)
	{
		char sentence[256];
		snprintf(sentence, sizeof sentence, "%u of %u profile%s lack%s capability MSRs: rules that "
			 "need them are not evaluated with %s alone.", lacking, shown, shown == 1 ? "" : "s",
			 lacking == 1 ? "s" : "", lacking == 1 ? "it" : "them");
		putchar('\n');
		va_write_wrapped(stdout, sentence, 0, 0, 78);
	}
	return 0;
}

static int cmd_rules(int argc, char **argv)
{
	int json = 0, markdown = 0;
	const char *filter = NULL;
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1]) {
			const struct va_cli_option *opt = va_cli_option_find("rules", argv[i]);
			if (!opt)
				return usage_error("rules", "unknown option '%s'", argv[i]);
			json |= !strcmp(opt->name, "--json");
			markdown |= !strcmp(opt->name, "--markdown");
		} else if (filter) {
			return usage_error("rules", "%stakes at most one SUBSTRING", "");
		} else {
			filter = argv[i];
		}
	}
	if (json && markdown)
		return usage_error("rules", "%s--json and --markdown exclude each other", "");
	unsigned n = va_rule_count(), matched = 0;
	for (unsigned i = 0; i < n; i++)
		matched += va_rule_matches(va_rule_at(i), filter);
	if (!matched) {
		const char *near = va_nearest_rule_id(filter);
		fprintf(stderr, "vmcs-audit: rules: no rule matches '%s'%s%s%s\n", filter,
			near ? " (did you mean " : "", near ? near : "", near ? "?)" : "");
		return EXIT_BAD_INPUT;
	}
	if (markdown && filter)
		return usage_error("rules", "%s--markdown prints the whole catalogue: no SUBSTRING", "");
	if (json)
		return va_write_rules_json_matching(stdout, filter) ? EXIT_BAD_INPUT : 0;
	if (markdown)
		va_write_rules_markdown(stdout);
	else
		va_write_rules_text_matching(stdout, filter);
	return 0;
}

static int cmd_explain(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("explain", "%sname a rule id, or the start of one (see 'vmcs-audit rules')", "");
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		unsigned idx[VA_MAX_RULES];
		unsigned n = va_rules_by_id(argv[i], idx, VA_MAX_RULES);
		if (n == 1) {
			va_write_rule_explain(stdout, va_rule_at(idx[0]));
			continue;
		}
		if (n > 1) {
			printf("%u rules start with %s (vmcs-audit explain ID for one):\n", n, argv[i]);
			for (unsigned k = 0; k < n && k < VA_MAX_RULES; k++)
				va_write_rule_line(stdout, va_rule_at(idx[k]));
			continue;
		}
		const char *near = va_nearest_rule_id(argv[i]);
		fprintf(stderr, "vmcs-audit: explain: no rule '%s'", argv[i]);
		if (near)
			fprintf(stderr, "; did you mean %s?", near);
		fprintf(stderr, " (see 'vmcs-audit rules')\n");
		rc = EXIT_BAD_INPUT;
	}
	return rc;
}

static const struct va_command commands[] = {
	{ "check", "[--json] [--verbose] [--from KIND] [--profile NAME|FILE]... FILE...",
	  "audit inputs: state files or pastes (- reads standard input)", cmd_check, NULL },
	{ "import", "[--from KIND] [--profile NAME|FILE]... FILE [-o OUT [--force]]",
	  "write what was understood as a state file", cmd_import, NULL },
	{ "new", "--profile P [--mode MODE] [--with FEATURE,...] [-o OUT [--force]]",
	  "write a state that passes every rule on that CPU, each value commented", cmd_new, va_write_new_choices },
	{ "fix", "[--profile P]... FILE [-o OUT|--in-place] [--dry-run] [--json]",
	  "repair what is mechanical, list what needs a decision", cmd_fix, NULL },
	{ "profiles", "[SUBSTRING]", "list the built-in CPU profiles with their sources", cmd_profiles, NULL },
	{ "fields", "[SUBSTRING]", "list VMCS fields: encoding, width, area, accepted names", va_cmd_fields,
	  NULL },
	{ "rules", "[--json|--markdown] [SUBSTRING]",
	  "list the rules (those whose id, SDM section, stage or condition contains SUBSTRING)", cmd_rules, NULL },
	{ "explain", "ID|PREFIX...", "one rule in full (any case); a prefix lists the rules it starts",
	  cmd_explain, NULL },
	{ "shell", "[--profile P]... [--from KIND] [FILE] [-c CMD]...",
	  "edit, audit and save a state, at a terminal (libedit) or from a script", cmd_shell, NULL },
	{ "wizard", "[FILE|-]", "build and audit a VMCS on screen (the default on a terminal)", cmd_wizard,
	  NULL },
	{ "help", "[COMMAND|state-file|kinds]", "this text, a command's usage, the state-file keys, or the input kinds",
	  cmd_help, NULL },
	/* Words for the completion scripts, one per line (cmake/completions.cmake). */
	{ "complete-words", "rules|profiles|kinds|fields", NULL, cmd_complete_words, NULL },
};

enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

static const struct va_command *find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

static void print_usage(FILE *out)
{
	fprintf(out, "Usage: vmcs-audit COMMAND [ARGS]\n\n"
		     "Predicts what VMLAUNCH/VMRESUME does with a VMCS and lists every VM-entry\n"
		     "check (Intel SDM Vol. 3C, chapter 26) that fails.\n\nCommands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (commands[i].help)    /* a row without help serves the build, not people */
			fprintf(out, "  %-8s %s\n           %s\n", commands[i].name, commands[i].args,
				commands[i].help);
	fprintf(out, "\nOptions: -h, --help (also after a command: its usage), --version\n\n");
	va_write_exit_statuses(out);
}

/* "unknown X 'Y'" with the command names as the choices. */
static int unknown_name(const char *what, const char *name, const char *extra)
{
	fprintf(stderr, "vmcs-audit: unknown %s '%s'; the choices are%s", what, name, extra);
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (commands[i].help)
			fprintf(stderr, "%s %s", i || *extra ? "," : "", commands[i].name);
	fprintf(stderr, "\n");
	return usage_hint(NULL);
}

static int cmd_help(int argc, char **argv)
{
	if (argc > 2)
		return usage_error("help", "%stakes at most one topic", "");
	if (argc == 2 && !strcmp(argv[1], "state-file")) {
		va_write_state_file_help(stdout);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "kinds")) {
		size_t n;
		const struct va_reader *const *readers = va_readers(&n);
		printf("Input kinds (--from KIND); without --from the kind is detected:\n");
		for (size_t i = 0; i < n; i++)
			printf("  %-10s %s\n", readers[i]->kind, readers[i]->what);
		return 0;
	}
	if (argc == 2 && !va_is_help_option(argv[1])) {
		const struct va_command *cmd = find_command(argv[1]);
		if (!cmd)
			return unknown_name("help topic", argv[1], " state-file, kinds");
		va_write_command_usage(stdout, cmd);
		return 0;
	}
	print_usage(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return cmd_wizard(1, argv);
	if (argc < 2) {
		print_usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (va_is_help_option(argv[1])) {
		print_usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("vmcs-audit %s (%u rules)\n", VA_VERSION, va_rule_count());
		return 0;
	}
	const struct va_command *cmd = find_command(argv[1]);
	if (!cmd)
		return unknown_name("command", argv[1], "");
	/* COMMAND --help anywhere among its arguments prints its usage. */
	for (int i = 2; i < argc; i++)
		if (va_is_help_option(argv[i])) {
			va_write_command_usage(stdout, cmd);
			return 0;
		}
	return cmd->run(argc - 1, argv + 1);
}
