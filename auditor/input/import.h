/*
 * From any input to a state: detect which readers the text needs (or take
 * the kind the user states), run them, and keep absent apart from zero.
 */
#ifndef VA_IMPORT_H
#define VA_IMPORT_H

#include "readers/reader.h"

/*
 * Read `text` into `st` (on top of what st holds, e.g. profiles).  `kind`
 * NULL detects; otherwise that reader alone reads the whole text.  Where a
 * VMCS dump is read, every VMCS field it does not contain is marked absent.
 * 0, or -1 with err set.
 */
int va_import(struct va_state *st, const char *text, size_t len, const char *file,
	      const char *kind, struct va_error *err, struct va_import_notes *notes);

#endif
