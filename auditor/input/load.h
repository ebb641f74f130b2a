/* Loading one audited input: profiles first, then the input on top. */
#ifndef VA_UI_LOAD_H
#define VA_UI_LOAD_H

#include "readers/reader.h"
#include "error.h"
#include "../engine/state.h"

struct va_load_options {
	const char *kind;            /* --from, or NULL to detect */
	const char **profiles;       /* --profile NAME|FILE, in order */
	int profile_count;
};

/*
 * st := profiles, then the input (values in the input override every
 * profile; later profiles override earlier ones).  0, or -1 with err set
 * (file, line, column where they are known).
 */
int va_load(struct va_state *st, const char *path, const struct va_load_options *opt,
	    struct va_import_notes *notes, struct va_error *err);

/*
 * An input to audit must write a VMCS field: a capability listing alone or
 * an empty [vmcs] is not an all-zero VMCS.  0, or -1 with err set ("no VMCS
 * fields were given").  Profiles need no such check.
 */
int va_require_vmcs(const struct va_state *st, const char *name, struct va_error *err);

/* The same for an input already in memory (name: how to call it in errors). */
int va_load_text(struct va_state *st, const char *text, size_t len, const char *name,
		 const struct va_load_options *opt, struct va_import_notes *notes,
		 struct va_error *err);

#endif
