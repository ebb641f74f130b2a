/* The line editor for a person at a terminal (libedit): prompt, Tab
 * completion from the command table, history kept across runs, ~/.editrc. */
#ifndef VA_SHELL_EDITOR_H
#define VA_SHELL_EDITOR_H

#include "shell.h"

struct va_editor;

/* NULL if the editor cannot start (the caller reads plainly). */
struct va_editor *va_editor_open(FILE *in, FILE *out, FILE *err);
/* Lines for the shell's loop (va_line_source.next); -1 after Ctrl-C. */
int va_editor_next(void *editor, const char *prompt, char **line);
/* A yes/no question; 1 for yes. */
int va_editor_confirm(void *editor, const char *question);
/* Saves the history (a new file, then rename) and frees the editor. */
void va_editor_close(struct va_editor *ed);

/* Where the history lives: $XDG_STATE_HOME/vmcs-audit/history, else
 * ~/.local/state/vmcs-audit/history; the directory is created 0700.
 * 0, or -1 when there is no home to keep it in. */
int va_history_path(char *buf, size_t size);

#endif
