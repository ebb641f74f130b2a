/* Commands about inputs and the session: load, import, paste, profile,
 * save, undo, redo, help, quit. */
#include <stdlib.h>
#include <string.h>

#include "../../auditor/input/input.h"
#include "shell.h"

/* [--from KIND] and the one FILE of load and import. */
static int file_args(struct va_shell *sh, int argc, char **argv, const char **kind,
		     const char **file, int want_file)
{
	*kind = NULL;
	*file = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--from")) {
			if (i + 1 >= argc) {
				va_shell_error(sh, "%s: --from needs a kind (help kinds in vmcs-audit)", argv[0]);
				return -1;
			}
			*kind = argv[++i];
			if (!va_reader_by_kind(*kind)) {
				va_shell_error(sh, "%s: --from %s: unknown kind (see 'vmcs-audit help kinds')",
					       argv[0], *kind);
				return -1;
			}
		} else if (argv[i][0] == '-' && argv[i][1]) {
			va_shell_error(sh, "%s: unknown option '%s'", argv[0], argv[i]);
			return -1;
		} else if (!*file && want_file) {
			*file = argv[i];
		} else {
			va_shell_error(sh, "%s: unexpected '%s'", argv[0], argv[i]);
			return -1;
		}
	}
	if (want_file && !*file) {
		va_shell_error(sh, "%s: name a file", argv[0]);
		return -1;
	}
	return 0;
}

int va_shell_refuse_unsaved(struct va_shell *sh, const char *cmd)
{
	va_shell_error(sh, "%s: unsaved changes (diff shows them): save them, or %s! to drop them",
		       cmd, cmd);
	return -1;
}

int va_cmd_load(struct va_shell *sh, int argc, char **argv, int bang)
{
	const char *kind, *file;
	if (file_args(sh, argc, argv, &kind, &file, 1))
		return -1;
	if (!bang && va_shell_dirty(sh))
		return va_shell_refuse_unsaved(sh, "load");
	return va_shell_load(sh, file, kind);
}

int va_cmd_import(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	const char *kind, *file;
	char *text;
	size_t len;
	struct va_error err = { 0 };
	if (file_args(sh, argc, argv, &kind, &file, 1))
		return -1;
	if (va_read_input(file, &text, &len, &err)) {
		va_shell_error(sh, "import: %s: %s", file, err.message);
		return -1;
	}
	int rc = va_shell_import_text(sh, text, len, file, kind);
	free(text);
	return rc;
}

int va_cmd_paste(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	const char *kind, *file;
	if (file_args(sh, argc, argv, &kind, &file, 0))
		return -1;
	if (!sh->more.next) {
		va_shell_error(sh, "paste: no input to read from");
		return -1;
	}
	size_t len = 0, cap = 4096;
	char *text = malloc(cap), *line;
	int r;
	if (!text) {
		va_shell_error(sh, "out of memory");
		return -1;
	}
	if (sh->interactive)
		fprintf(sh->out, "Paste, then a line with only '.' (or Ctrl-D):\n");
	while ((r = sh->more.next(sh->more.ctx, "paste> ", &line)) == 1) {
		if (!strcmp(line, ".")) {
			free(line);
			break;
		}
		size_t n = strlen(line);
		if (len + n + 2 > cap) {
			while (len + n + 2 > cap)
				cap *= 2;
			char *bigger = realloc(text, cap);
			if (!bigger) {
				free(line);
				free(text);
				va_shell_error(sh, "out of memory");
				return -1;
			}
			text = bigger;
		}
		memcpy(text + len, line, n);
		len += n;
		text[len++] = '\n';
		free(line);
	}
	text[len] = '\0';
	if (r < 0) {
		free(text);
		fprintf(sh->out, "paste cancelled\n");
		return 0;
	}
	int rc = va_shell_import_text(sh, text, len, "<paste>", kind);
	free(text);
	return rc;
}

int va_cmd_profile(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	if (argc != 2) {
		va_shell_error(sh, "profile: name one profile or file (Tab lists the built-in ones)");
		return -1;
	}
	return va_shell_add_profile(sh, argv[1]);
}

int va_cmd_save(struct va_shell *sh, int argc, char **argv, int bang)
{
	if (argc > 2) {
		va_shell_error(sh, "save: at most one file");
		return -1;
	}
	if (bang && argc != 2) {
		va_shell_error(sh, "save!: name the file to replace (save! FILE)");
		return -1;
	}
	return va_shell_save(sh, argc == 2 ? argv[1] : NULL, bang);
}

int va_cmd_undo(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)argc, (void)argv, (void)bang;
	return va_shell_undo(sh, 0);
}

int va_cmd_redo(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)argc, (void)argv, (void)bang;
	return va_shell_undo(sh, 1);
}

int va_cmd_help(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	if (argc > 1) {
		size_t n;
		const struct va_shell_command *c = va_shell_commands(&n);
		for (size_t i = 0; i < n; i++)
			if (!strcmp(c[i].spec.name, argv[1])) {
				va_shell_write_help(sh->out, argv[1]);
				return 0;
			}
		va_shell_error(sh, "help: no command '%s'", argv[1]);
		return -1;
	}
	va_shell_write_help(sh->out, NULL);
	return 0;
}

int va_cmd_quit(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)argc, (void)argv;
	if (!bang && va_shell_dirty(sh)) {
		if (!sh->interactive || !sh->confirm)
			return va_shell_refuse_unsaved(sh, "quit");
		if (!sh->confirm(sh->confirm_ctx, "Unsaved changes. Quit without saving? [y/N] "))
			return 0;
	}
	sh->quit = 1;
	return 0;
}
