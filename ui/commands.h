#ifndef VA_UI_COMMANDS_H
#define VA_UI_COMMANDS_H

#include <stdio.h>

/* The command table drives dispatch and the usage text. */
struct va_command {
	const char *name;
	const char *args;
	const char *help;
	int (*run)(int argc, char **argv);
};

/* `fields [SUBSTRING]` (ui/cmd_fields.c). */
int va_cmd_fields(int argc, char **argv);

/* The [cpu] and [entry] keys of the state-file format, from the tables. */
void va_write_state_file_help(FILE *out);

#endif
