/* Reading whole inputs (a file, or standard input for "-"). */
#ifndef VA_UI_INPUT_H
#define VA_UI_INPUT_H

#include <stddef.h>

#include "error.h"

/* 0 and a malloc'd, NUL-terminated buffer; -1 with err set. */
int va_read_input(const char *path, char **text, size_t *len, struct va_error *err);

#endif
