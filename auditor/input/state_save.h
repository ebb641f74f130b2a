/* Saving a state file so that nothing is lost: a new file beside the
 * target, then rename.  Every front end (import, the shell, the wizard,
 * new, fix) saves through this one function. */
#ifndef VA_STATE_SAVE_H
#define VA_STATE_SAVE_H

#include <stdio.h>

#include "../engine/state.h"
#include "error.h"

enum va_save_mode {
	VA_SAVE_NEW,        /* refuse when the target exists */
	VA_SAVE_REPLACE,    /* replace it (the user named or opened it) */
};

/* 0, or -1 with err set; on failure the target is untouched. */
int va_state_save(const char *path, const struct va_state *st, enum va_save_mode mode,
		  struct va_error *err);

/* The same for any writer of the file's text (a commented template). */
int va_save_with(const char *path, int (*write)(FILE *, const void *), const void *arg,
		 enum va_save_mode mode, struct va_error *err);

#endif
