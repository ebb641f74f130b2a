#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "editor.h"

/* mkdir -p, every directory it creates private. */
static int make_dirs(char *path)
{
	for (char *p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		int rc = mkdir(path, 0700);
		*p = c;
		if (rc != 0 && errno != EEXIST)
			return -1;
		if (!c)
			return 0;
	}
}

int va_history_path(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	int n;
	/* The XDG spec: a relative XDG_STATE_HOME is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		n = snprintf(buf, size, "%s/vmcs-audit", xdg);
	else if (home && home[0] == '/')
		n = snprintf(buf, size, "%s/.local/state/vmcs-audit", home);
	else
		return -1;
	if (n < 0 || (size_t)n + sizeof "/history" > size || make_dirs(buf))
		return -1;
	strcat(buf, "/history");
	return 0;
}
