#ifndef VA_UI_COMMANDS_H
#define VA_UI_COMMANDS_H

#include <stdio.h>

/* The command table drives dispatch and the usage text. */
struct va_command {
	const char *name;
	const char *args;
	const char *help;
	int (*run)(int argc, char **argv);
	void (*more_help)(FILE *out);  /* lines `COMMAND --help` adds, or NULL */
};

/* The modes and features of `new`, from the template builder's tables. */
void va_write_new_choices(FILE *out);

/* vmcs-audit shell: the line-oriented workbench (ui/shell/). */
int cmd_shell(int argc, char **argv);
/* Commands in their own files (ui/cmd_*.c). */
int cmd_new(int argc, char **argv);
int cmd_fix(int argc, char **argv);

/* What fix prints (ui/cmd_fix.c), shared with the shell's fix: the changes,
 * one a line; the failures left, each with why no repair settled it (their
 * count; `sep` goes before the heading); the rules not evaluated. */
struct va_fix_log;
struct va_report;
struct va_state;
void va_write_fix_changes(FILE *out, const struct va_fix_log *log);
unsigned va_write_fix_left(FILE *out, const struct va_fix_log *log, const struct va_report *rep,
			   const char *sep);
void va_write_fix_unknowns(FILE *out, const struct va_report *rep, const struct va_state *st,
			   const char *sep);
/* Forget the exit-information fields (the outcome of the attempt before a
 * repair); how many held a value. */
unsigned va_fix_drop_exit_info(struct va_state *st);
/* `fields [SUBSTRING]` (ui/cmd_fields.c). */
int va_cmd_fields(int argc, char **argv);

/* The [cpu] and [entry] keys of the state-file format, from the tables. */
void va_write_state_file_help(FILE *out);

/* The words shell completion offers: rule ids, profiles, input kinds, fields. */
int cmd_complete_words(int argc, char **argv);
/* The full-screen wizard (ui/cmd_wizard.c). */
int cmd_wizard(int argc, char **argv);

#endif
