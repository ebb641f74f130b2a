/*
 * Autosave: after every change the state goes to a private recovery file
 * ($XDG_STATE_HOME/vmcs-audit/wizard.state), so a crash, a kill or Ctrl-C
 * loses nothing; the next start offers it back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../auditor/input/state_save.h"
#include "model.h"

/* mkdir -p, every new directory private. */
static int make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0700);
		*p = '/';
		if (rc && errno != EEXIST)
			return -1;
	}
	return mkdir(path, 0700) && errno != EEXIST ? -1 : 0;
}

int wz_recovery_path(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char dir[1024];
	/* The XDG spec: a relative XDG_STATE_HOME is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		snprintf(dir, sizeof dir, "%s/vmcs-audit", xdg);
	else if (home && home[0])
		snprintf(dir, sizeof dir, "%s/.local/state/vmcs-audit", home);
	else
		return -1;
	if (make_dirs(dir))
		return -1;
	if ((size_t)snprintf(buf, size, "%s/wizard.state", dir) >= size)
		return -1;
	return 0;
}

int wz_autosave(struct wz_model *m)
{
	if (!m->recovery[0])
		return 0;
	struct va_error err = { 0 };
	mode_t old = umask(077);   /* the temporary file, hence the recovery file, is 0600 */
	int rc = va_state_save(m->recovery, &m->st, VA_SAVE_REPLACE, &err);
	umask(old);
	if (rc) {
		snprintf(m->message, sizeof m->message, "autosave failed: %s", err.message);
		m->message_error = 1;
	}
	return rc;
}

void wz_recovery_clear(struct wz_model *m)
{
	if (m->recovery[0])
		unlink(m->recovery);
}

void wz_offer_recovery(struct wz_model *m)
{
	if (m->recovery[0] && access(m->recovery, R_OK) == 0) {
		m->mode = WZ_MODE_ASK;
		m->question = WZ_ASK_RESTORE;
	}
}
