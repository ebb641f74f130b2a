/* Loading one audited input: profiles first, then the input on top. */
#ifndef VA_UI_LOAD_H
#define VA_UI_LOAD_H

#include "../auditor/readers/reader.h"
#include "../auditor/state.h"

struct va_load_options {
	const char *kind;            /* --from, or NULL to detect */
	const char **profiles;       /* --profile NAME|FILE, in order */
	int profile_count;
};

/*
 * st := profiles, then the input (values in the input override every
 * profile; later profiles override earlier ones).  Prints errors as
 * file:line:column to stderr.  0, or -1.
 */
int va_load(struct va_state *st, const char *path, const struct va_load_options *opt,
	    struct va_import_notes *notes);

#endif
