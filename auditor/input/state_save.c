#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "state_file.h"
#include "state_save.h"

static int write_state(FILE *out, const void *st)
{
	return va_state_write(out, st);
}

int va_state_save(const char *path, const struct va_state *st, enum va_save_mode mode,
		  struct va_error *err)
{
	return va_save_with(path, write_state, st, mode, err);
}

int va_save_with(const char *path, int (*write)(FILE *, const void *), const void *arg,
		 enum va_save_mode mode, struct va_error *err)
{
	if (mode == VA_SAVE_NEW && access(path, F_OK) == 0) {
		va_error_set(err, path, 0, 0, "already exists");
		return -1;
	}
	size_t n = strlen(path) + 32;
	char *tmp = malloc(n);
	if (!tmp) {
		va_error_set(err, path, 0, 0, "out of memory");
		return -1;
	}
	snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wx");
	if (!f) {
		va_error_set(err, path, 0, 0, "cannot create %s: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	int rc = write(f, arg);
	/* The data reaches the disk before the name points at it. */
	if (fflush(f) != 0 || fsync(fileno(f)) != 0)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (rc != 0) {
		va_error_set(err, path, 0, 0, "cannot write %s: %s", tmp, strerror(errno));
		remove(tmp);
	} else if (rename(tmp, path) != 0) {
		va_error_set(err, path, 0, 0, "cannot rename %s to it: %s", tmp, strerror(errno));
		remove(tmp);
		rc = -1;
	}
	free(tmp);
	return rc;
}
