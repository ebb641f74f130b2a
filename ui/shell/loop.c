/* The one loop for a terminal, a script and -c, and the plain readers. */
#include <stdlib.h>
#include <string.h>

#include "shell.h"

static int plain_next(void *ctx, const char *prompt, char **line)
{
	struct va_plain_source *p = ctx;
	size_t cap = 0;
	char *buf = NULL;
	(void)prompt;
	ssize_t n = getline(&buf, &cap, p->in);
	if (n < 0) {
		free(buf);
		return 0;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	p->src.line++;
	*line = buf;
	return 1;
}

void va_plain_source_init(struct va_plain_source *p, FILE *in)
{
	p->src = (struct va_line_source){ plain_next, p, 0 };
	p->in = in;
}

static int args_next(void *ctx, const char *prompt, char **line)
{
	struct va_args_source *a = ctx;
	(void)prompt;
	if (a->next >= a->count)
		return 0;
	*line = strdup(a->lines[a->next++]);
	a->src.line++;
	return *line ? 1 : 0;
}

void va_args_source_init(struct va_args_source *a, char **lines, int count)
{
	a->src = (struct va_line_source){ args_next, a, 0 };
	a->lines = lines;
	a->count = count;
	a->next = 0;
}

int va_shell_run(struct va_shell *sh, struct va_line_source *src, const char *name)
{
	char where[64];
	for (;;) {
		char *line;
		const char *prompt = va_shell_dirty(sh) ? "vmcs-audit*> " : "vmcs-audit> ";
		int r = src->next(src->ctx, sh->interactive ? prompt : NULL, &line);
		if (r < 0)
			continue;
		if (r == 0) {
			if (!sh->interactive)
				break;
			/* Ctrl-D at the prompt is quit: nothing typed is lost. */
			fprintf(sh->out, "\n");
			if (va_shell_exec(sh, "quit") == 0 && sh->quit)
				break;
			continue;
		}
		if (name) {
			if (!strcmp(name, "-c"))
				snprintf(where, sizeof where, "-c %u", src->line);
			else
				snprintf(where, sizeof where, "%s:%u", name, src->line);
			sh->where = where;
		}
		int rc = va_shell_exec(sh, line);
		free(line);
		sh->where = NULL;
		if (rc && !sh->interactive)
			return VA_SHELL_BAD_INPUT;
		if (sh->quit)
			break;
	}
	return sh->status;
}
