/* Reading whole inputs (a file, or standard input for "-"). */
#ifndef VA_UI_INPUT_H
#define VA_UI_INPUT_H

#include <stddef.h>

#include "error.h"

#include <stdio.h>

/* The stream of `path` ("-": standard input), or NULL with err set; a
 * directory is refused by name.  Close it with va_close_input. */
FILE *va_open_input(const char *path, struct va_error *err);
void va_close_input(FILE *f);
/* The error for an input that held no byte. */
void va_error_empty_input(struct va_error *err, const char *path);

/* 0 and a malloc'd, NUL-terminated buffer; -1 with err set. */
int va_read_input(const char *path, char **text, size_t *len, struct va_error *err);

#endif
