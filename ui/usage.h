/* The options of the commands, one table: parsing accepts what it lists,
 * and `COMMAND --help` prints it. */
#ifndef VA_UI_USAGE_H
#define VA_UI_USAGE_H

#include <stddef.h>
#include <stdio.h>

#include "commands.h"

struct va_cli_option {
	const char *commands;  /* the commands that take it, space-separated */
	const char *name;      /* "--json" */
	const char *alias;     /* "-v", or NULL */
	const char *arg;       /* the value it takes ("KIND"), or NULL */
	const char *help;
};

const struct va_cli_option *va_cli_options(size_t *count);
/* The option `arg` (name or alias) of `command`, or NULL. */
const struct va_cli_option *va_cli_option_find(const char *command, const char *arg);
/* The option of `command` whose name is closest to `arg`, or NULL. */
const struct va_cli_option *va_cli_option_nearest(const char *command, const char *arg);

/* "Usage: vmcs-audit NAME ARGS", what it does, and each of its options. */
void va_write_command_usage(FILE *out, const struct va_command *cmd);

/* `text` from column `column` on, its words wrapped at `width`, every
 * further line indented by `indent`; a word longer than a line stays whole. */
void va_write_wrapped(FILE *out, const char *text, unsigned indent, unsigned column, unsigned width);

/* The exit statuses of check, as --help and the man page give them. */
void va_write_exit_statuses(FILE *out);

/* Is this argument a request for help (--help, -h)? */
int va_is_help_option(const char *arg);

#endif
