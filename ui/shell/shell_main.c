/* vmcs-audit shell [--profile P]... [--from KIND] [FILE] [-c CMD]... */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../commands.h"
#include "editor.h"
#include "shell.h"

static int usage(const char *what, const char *arg)
{
	fprintf(stderr, "vmcs-audit shell: %s%s\nUsage: vmcs-audit shell [--profile P]... [--from KIND] "
		"[FILE] [-c CMD]...\n", what, arg ? arg : "");
	return VA_SHELL_BAD_INPUT;
}

int cmd_shell(int argc, char **argv)
{
	const char *file = NULL, *kind = NULL;
	char **cmds = calloc((size_t)argc + 1, sizeof *cmds);
	char **profiles = calloc((size_t)argc + 1, sizeof *profiles);
	int ncmds = 0, nprofiles = 0, rc = VA_SHELL_BAD_INPUT;
	struct va_shell sh;
	if (!cmds || !profiles) {
		free(cmds);
		free(profiles);
		return VA_SHELL_BAD_INPUT;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--commands-man")) {
			va_shell_write_man(stdout);
			rc = 0;
			goto out_args;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("Usage: vmcs-audit shell [--profile P]... [--from KIND] [FILE] [-c CMD]...\n\n");
			va_shell_write_help(stdout, NULL);
			rc = 0;
			goto out_args;
		}
		if (!strcmp(a, "-c") || !strcmp(a, "--profile") || !strcmp(a, "--from")) {
			if (i + 1 >= argc) {
				rc = usage(a, " needs a value");
				goto out_args;
			}
			if (!strcmp(a, "-c"))
				cmds[ncmds++] = argv[++i];
			else if (!strcmp(a, "--profile"))
				profiles[nprofiles++] = argv[++i];
			else
				kind = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			rc = usage("unknown option ", a);
			goto out_args;
		} else if (file) {
			rc = usage("one file at a time: ", a);
			goto out_args;
		} else {
			file = a;
		}
	}
	if (kind && !va_reader_by_kind(kind)) {
		rc = usage("--from: unknown kind ", kind);
		goto out_args;
	}
	if (va_shell_init(&sh, stdout, stderr)) {
		va_shell_free(&sh);
		goto out_args;
	}
	/* The editor only for a person at a terminal; -c is one-shot. */
	int tty = !ncmds && isatty(STDIN_FILENO);
	struct va_editor *ed = NULL;
	struct va_plain_source plain;
	struct va_args_source args;
	va_plain_source_init(&plain, stdin);
	va_args_source_init(&args, cmds, ncmds);
	if (tty) {
		setlocale(LC_CTYPE, "");
		ed = va_editor_open(stdin, stdout, stderr);
	}
	sh.interactive = ed != NULL;
	sh.color = ed && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	if (ed) {
		sh.more = (struct va_line_source){ va_editor_next, ed, 0 };
		sh.confirm = va_editor_confirm;
		sh.confirm_ctx = ed;
	} else {
		sh.more = plain.src;
		sh.more.ctx = &plain;
	}
	/* With a file, its load applies the profiles (and says what failed). */
	for (int i = 0; i < nprofiles; i++)
		if (file ? va_shell_keep_profile(&sh, profiles[i]) : va_shell_add_profile(&sh, profiles[i]))
			goto out;
	if (file && va_shell_load(&sh, file, kind))
		goto out;
	va_shell_settle(&sh);
	if (ed) {
		printf("vmcs-audit shell: help lists the commands, Tab completes, Ctrl-D quits.\n");
		struct va_line_source src = { va_editor_next, ed, 0 };
		rc = va_shell_run(&sh, &src, NULL);
	} else if (ncmds) {
		rc = va_shell_run(&sh, &args.src, "-c");
	} else {
		rc = va_shell_run(&sh, &plain.src, "script");
	}
out:
	va_editor_close(ed);
	va_shell_free(&sh);
out_args:
	free(cmds);
	free(profiles);
	return rc;
}
