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

/* The [cpu] and [entry] keys of the state-file format, from the tables. */
void va_write_state_file_help(FILE *out);

#endif
