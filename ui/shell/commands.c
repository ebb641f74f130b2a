/*
 * The shell's command table: dispatch, help, completion and the man page's
 * SHELL COMMANDS section all come from it.
 */
#include <stdlib.h>
#include <string.h>

#include "../../auditor/input/text_util.h"
#include "shell.h"

#include "../../auditor/engine/repair.h"
#include "../commands.h"

static const char *const import_options[] = { "--from", NULL };
static const char *const audit_options[] = { "--json", NULL };
static const char *const new_options[] = { "--profile", "--mode", "--with", NULL };
static const char *const fix_options[] = { "--dry-run", NULL };

static const char *command_at(size_t i);

/* The rules fix can repair ("" skips one without a repair). */
static const char *repair_rule_at(size_t i)
{
	if (i >= va_rule_count())
		return NULL;
	return va_rule_has_repair((unsigned)i) ? va_rule_at((unsigned)i)->id : "";
}

static const struct va_shell_command commands[] = {
	{ { "load", "F", NULL, import_options, "K" }, "[--from KIND] FILE",
	  "replace the state with an input (a state file or a paste)",
	  "The profiles in force fill the capability MSRs the input does not give. With unsaved "
	  "changes, load refuses; load! drops them.", VA_SHELL_BANG, va_cmd_load, NULL },
	{ { "import", "F", NULL, import_options, "K" }, "[--from KIND] FILE",
	  "read an input over the current state",
	  "Fields, MSRs, facts and memory the input gives replace the current ones; a field the "
	  "input lacks keeps its value. The kind is detected unless --from names it.", 0, va_cmd_import, NULL },
	{ { "paste", "n", NULL, import_options, "K" }, "[--from KIND]",
	  "read pasted lines, up to a line holding only '.', over the current state",
	  "The same as import for text typed or pasted at the prompt (with -c: read from "
	  "standard input up to its end).", 0, va_cmd_paste, NULL },
	{ { "profile", "p", NULL, NULL, NULL }, "NAME|FILE",
	  "capability MSRs and CPU facts from a CPU profile",
	  "Values the input gave keep precedence, as in check; a later profile overrides an "
	  "earlier one. The profile also applies to later loads.", 0, va_cmd_profile, NULL },
	{ { "set", "kv*", NULL, NULL, NULL }, "KEY VALUE | KEY [VALUE] +BIT|-BIT...",
	  "set a VMCS field, a [cpu] MSR or fact, or an [entry] fact",
	  "KEY is a KVM field name in any case or an encoding (0x6800), NAME_HIGH for bits 63:32, "
	  "a capability MSR (name or number), a CPU fact or an [entry] key. VALUE is written as "
	  "in state files (0x hex, decimal, ? for absent, an [entry] word). +BIT and -BIT set and "
	  "clear named bits (PIN_BASED_VIRTUAL_NMIS, VIRTUAL_NMIS, or a bit number). A value too "
	  "wide for the field is refused.", 0, va_cmd_set, NULL },
	{ { "unset", "k*", NULL, NULL, NULL }, "KEY...",
	  "make a field or MSR absent, or an [entry] fact default",
	  "Absent is not zero: every rule that reads an absent field is not evaluated.", 0, va_cmd_unset, NULL },
	{ { "mem", "nn*", NULL, NULL, NULL }, "ADDRESS QWORD...",
	  "set qwords of guest-physical memory from ADDRESS on",
	  "As a [memory] line: the address 8-byte aligned, the qwords little-endian.", 0, va_cmd_mem, NULL },
	{ { "get", "k", NULL, NULL, NULL }, "KEY",
	  "a value, its named bits, and the rules that read it with their outcome now",
	  NULL, 0, va_cmd_get, NULL },
	{ { "show", "w", va_show_section_at, NULL, NULL }, "controls|exit-info|guest|host|memory|cpu|entry|all",
	  "list one part of the state, absent fields as absent",
	  "Fields not written are 0 and only counted.", 0, va_cmd_show, NULL },
	{ { "audit", "n", NULL, audit_options, NULL }, "[--json]",
	  "the report check gives, in text or JSON",
	  "Its verdict sets the exit status of a script: 0 success, 1 VM entry fails, "
	  "3 inconclusive.", 0, va_cmd_audit, NULL },
	{ { "new", "n", NULL, new_options, "pme" }, "[--profile NAME|FILE] [--mode MODE] [--with FEATURE,...]",
	  "replace the state with a template that passes every rule on a CPU",
	  "The CPU is the profile named, or the capability MSRs the state has. MODE (long when "
	  "not given) and FEATUREs are those of the new command (help new and Tab list them). A "
	  "mode or feature the CPU does not allow is refused, naming the capability bit. Like "
	  "load, new starts a new undo history and refuses with unsaved changes; new! drops "
	  "them. The template is unsaved until save FILE.",
	  VA_SHELL_BANG, va_cmd_new, va_write_new_choices },
	{ { "fix", "w", repair_rule_at, fix_options, NULL }, "[--dry-run] [RULE-ID]",
	  "repair what is mechanical, then list what needs a decision",
	  "As vmcs-audit fix: audit, apply the repair of a failing rule, keep it only if no other "
	  "rule then fails, repeat until the entry succeeds or no repair applies; each change is "
	  "printed as FIELD BEFORE -> AFTER RULE. With RULE-ID (Tab lists the rules with a "
	  "repair), only that rule's repair. One change: undo restores the state before fix. "
	  "--dry-run shows the changes without making them. The exit-information fields are "
	  "dropped when something changed: they tell what the state before the repair did.",
	  0, va_cmd_fix, NULL },
	{ { "explain", "r", NULL, NULL, NULL }, "ID", "one rule in full", NULL, 0, va_cmd_explain, NULL },
	{ { "why", "f", NULL, NULL, NULL }, "FIELD",
	  "the rules that read a field, and their outcome now", NULL, 0, va_cmd_why, NULL },
	{ { "diff", "F", NULL, NULL, NULL }, "[FILE]",
	  "what changed since the load or the last save, or against another input", NULL, 0,
	  va_cmd_diff, NULL },
	{ { "undo", "n", NULL, NULL, NULL }, "", "take back the last change", NULL, 0, va_cmd_undo, NULL },
	{ { "redo", "n", NULL, NULL, NULL }, "", "make an undone change again", NULL, 0, va_cmd_redo, NULL },
	{ { "save", "F", NULL, NULL, NULL }, "[FILE]",
	  "write the state file: a new file, then rename over the old",
	  "Without FILE, the file loaded. A file this shell did not load is never replaced "
	  "unless save! FILE names it.", VA_SHELL_BANG, va_cmd_save, NULL },
	{ { "help", "c", command_at, NULL, NULL }, "[COMMAND]", "the commands, or one in full", NULL, 0,
	  va_cmd_help, NULL },
	{ { "quit", "n", NULL, NULL, NULL }, "",
	  "leave; with unsaved changes, asks (a terminal) or refuses (a script)",
	  "quit! leaves without saving. Ctrl-D at the prompt is quit.", VA_SHELL_BANG, va_cmd_quit, NULL },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char *command_at(size_t i)
{
	return i < NCOMMANDS ? commands[i].spec.name : NULL;
}

const struct va_shell_command *va_shell_commands(size_t *count)
{
	*count = NCOMMANDS;
	return commands;
}

int va_shell_complete(const char *line, size_t cursor, struct va_completions *out)
{
	return va_complete(line, cursor, &commands[0].spec, NCOMMANDS, sizeof commands[0], out);
}

int va_shell_split(const char *line, char *buf, size_t size, char **words, int max)
{
	size_t k = 0;
	int n = 0;
	const char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (!*p || *p == '#')
			return n;
		if (n == max || k >= size)
			return n;
		words[n++] = buf + k;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') {
			if (*p == '\'' || *p == '"') {
				char q = *p++;
				while (*p && *p != q && k + 1 < size)
					buf[k++] = *p++;
				if (*p != q)
					return -1;
				p++;
			} else if (k + 1 < size) {
				buf[k++] = *p++;
			} else {
				p++;
			}
		}
		buf[k++] = '\0';
	}
}

static const struct va_shell_command *find(const char *name, int *bang)
{
	size_t n = strlen(name);
	*bang = n > 1 && name[n - 1] == '!';
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strlen(commands[i].spec.name) == n - (size_t)*bang &&
		    !strncmp(commands[i].spec.name, name, n - (size_t)*bang))
			return &commands[i];
	return NULL;
}

int va_shell_exec(struct va_shell *sh, const char *line)
{
	size_t len = strlen(line) + 1;
	char *buf = malloc(len);
	char *words[64];
	if (!buf) {
		va_shell_error(sh, "out of memory");
		return -1;
	}
	int argc = va_shell_split(line, buf, len, words, 64);
	int rc = 0;
	if (argc < 0) {
		va_shell_error(sh, "unterminated quote");
		rc = -1;
	} else if (argc > 0) {
		int bang;
		const struct va_shell_command *c = find(words[0], &bang);
		if (!c) {
			unsigned best = 255;
			const char *near = NULL;
			for (size_t i = 0; i < NCOMMANDS; i++) {
				const char *name = commands[i].spec.name;
				unsigned d = va_edit_distance(words[0], strlen(words[0]), name, strlen(name));
				if (d < best) {
					best = d;
					near = name;
				}
			}
			if (best <= 2)
				va_shell_error(sh, "unknown command '%s' (did you mean %s?)", words[0], near);
			else
				va_shell_error(sh, "unknown command '%s' (help lists them)", words[0]);
			rc = -1;
		} else if (bang && !(c->flags & VA_SHELL_BANG)) {
			va_shell_error(sh, "%s has no ! form", c->spec.name);
			rc = -1;
		} else {
			rc = c->run(sh, argc, words, bang);
		}
	}
	free(buf);
	fflush(sh->out);
	return rc;
}

void va_shell_write_help(FILE *out, const char *command)
{
	if (command) {
		int bang;
		const struct va_shell_command *c = find(command, &bang);
		if (!c)
			return;
		fprintf(out, "%s%s %s\n  %s\n", c->spec.name, c->flags & VA_SHELL_BANG ? "[!]" : "",
			c->usage, c->summary);
		if (c->help)
			fprintf(out, "  %s\n", c->help);
		if (c->more_help)
			c->more_help(out);
		return;
	}
	fprintf(out, "Commands (help COMMAND for one in full; Tab completes):\n");
	for (size_t i = 0; i < NCOMMANDS; i++) {
		char head[96];
		snprintf(head, sizeof head, "%s%s %s", commands[i].spec.name,
			 commands[i].flags & VA_SHELL_BANG ? "[!]" : "", commands[i].usage);
		fprintf(out, "  %-40s %s\n", head, commands[i].summary);
	}
}

/* roff needs '\' doubled and a leading '.' or '\'' escaped. */
static void roff(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

void va_shell_write_man(FILE *out)
{
	fprintf(out, ".SH SHELL COMMANDS\n");
	fprintf(out, "Generated from the shell's command table (\\fBvmcs\\-audit shell \\-\\-commands\\-man\\fR).\n");
	for (size_t i = 0; i < NCOMMANDS; i++) {
		const struct va_shell_command *c = &commands[i];
		fprintf(out, ".TP\n.B %s%s\n", c->spec.name, c->flags & VA_SHELL_BANG ? "[!]" : "");
		if (*c->usage) {
			fputs("\\fI", out);
			roff(out, c->usage);
			fputs("\\fR\n.br\n", out);
		}
		char first[256];
		snprintf(first, sizeof first, "%s%s", c->summary, c->help ? "." : ".");
		first[0] = (char)(first[0] >= 'a' && first[0] <= 'z' ? first[0] - 32 : first[0]);
		roff(out, first);
		if (c->help) {
			fputc(' ', out);
			roff(out, c->help);
		}
		fputc('\n', out);
	}
}
