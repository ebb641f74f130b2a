/* The one file that talks to libedit. */
#include <errno.h>
#include <histedit.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "editor.h"

struct va_editor {
	EditLine *el;
	History *hist;
	HistEvent ev;
	FILE *out;
	const char *prompt;
	char history[4096];
	int have_history;
};

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static char *prompt_fn(EditLine *el)
{
	struct va_editor *ed;
	el_get(el, EL_CLIENTDATA, &ed);
	return (char *)(ed->prompt ? ed->prompt : "");
}

/* Reads a character; a Ctrl-C (SIGINT) ends the line as cancelled. */
static int getc_fn(EditLine *el, wchar_t *wc)
{
	(void)el;
	unsigned char buf[MB_LEN_MAX];
	size_t n = 0;
	mbstate_t mb;
	memset(&mb, 0, sizeof mb);
	for (;;) {
		if (interrupted)
			return -1;
		ssize_t r = read(STDIN_FILENO, buf + n, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return (int)r;
		n++;
		size_t k = mbrtowc(wc, (const char *)buf, n, &mb);
		if (k == (size_t)-2 && n < sizeof buf)
			continue;
		if (k == (size_t)-1 || k == (size_t)-2) {
			*wc = buf[0];
			memset(&mb, 0, sizeof mb);
		}
		return 1;
	}
}

/* The tty may deliver Ctrl-C as a key rather than a signal. */
static unsigned char cancel_fn(EditLine *el, int ch)
{
	(void)el, (void)ch;
	interrupted = 1;
	return CC_EOF;
}

static void list_candidates(struct va_editor *ed, const struct va_completions *c)
{
	int cols = 80;
	el_get(ed->el, EL_GETTC, "co", &cols, (void *)0);
	size_t width = 0;
	for (size_t i = 0; i < c->count; i++)
		if (strlen(c->items[i]) > width)
			width = strlen(c->items[i]);
	width += 2;
	size_t per_line = (size_t)cols > width ? (size_t)cols / width : 1;
	fputc('\n', ed->out);
	if (c->count > 200) {
		fprintf(ed->out, "%zu candidates: type more of the name\n", c->count);
		return;
	}
	size_t rows = (c->count + per_line - 1) / per_line;
	for (size_t r = 0; r < rows; r++) {
		for (size_t k = r; k < c->count; k += rows)
			fprintf(ed->out, "%-*s", (int)width, c->items[k]);
		fputc('\n', ed->out);
	}
}

static unsigned char complete_fn(EditLine *el, int ch)
{
	(void)ch;
	struct va_editor *ed;
	el_get(el, EL_CLIENTDATA, &ed);
	const LineInfo *li = el_line(el);
	size_t len = (size_t)(li->lastchar - li->buffer);
	size_t cursor = (size_t)(li->cursor - li->buffer);
	char *line = malloc(len + 1);
	struct va_completions c;
	if (!line)
		return CC_ERROR;
	memcpy(line, li->buffer, len);
	line[len] = '\0';
	if (va_shell_complete(line, cursor, &c) || !c.count) {
		free(line);
		return CC_ERROR;
	}
	size_t typed = cursor - c.start;
	size_t common = va_completions_common(&c);
	unsigned char rc = CC_REFRESH;
	if (c.count == 1 || common > typed ||
	    (common == typed && strncmp(c.items[0], line + c.start, typed))) {
		char *word = c.count == 1 ? c.items[0] : strndup(c.items[0], common);
		if (word) {
			el_deletestr(el, (int)typed);
			el_insertstr(el, word);
			if (c.count == 1 && word[strlen(word) - 1] != '/')
				el_insertstr(el, " ");
			if (word != c.items[0])
				free(word);
		}
	} else {
		list_candidates(ed, &c);
		rc = CC_REDISPLAY;
	}
	va_completions_free(&c);
	free(line);
	return rc;
}

struct va_editor *va_editor_open(FILE *in, FILE *out, FILE *err)
{
	struct va_editor *ed = calloc(1, sizeof *ed);
	if (!ed)
		return NULL;
	ed->out = out;
	/* A fixed name, so that "vmcs-audit:" lines of ~/.editrc apply. */
	ed->el = el_init("vmcs-audit", in, out, err);
	ed->hist = history_init();
	if (!ed->el || !ed->hist) {
		va_editor_close(ed);
		return NULL;
	}
	history(ed->hist, &ed->ev, H_SETSIZE, 1000);
	history(ed->hist, &ed->ev, H_SETUNIQUE, 1);
	if (va_history_path(ed->history, sizeof ed->history) == 0) {
		ed->have_history = 1;
		history(ed->hist, &ed->ev, H_LOAD, ed->history);
	}
	el_set(ed->el, EL_CLIENTDATA, ed);
	el_set(ed->el, EL_PROMPT, prompt_fn);
	el_set(ed->el, EL_EDITOR, "emacs");
	el_set(ed->el, EL_SIGNAL, 1);
	el_set(ed->el, EL_HIST, history, ed->hist);
	el_set(ed->el, EL_GETCFN, getc_fn);
	el_set(ed->el, EL_ADDFN, "vmcs-audit-complete", "complete a command, field, bit, rule or file",
	       complete_fn);
	el_set(ed->el, EL_ADDFN, "vmcs-audit-cancel", "cancel the line", cancel_fn);
	el_set(ed->el, EL_BIND, "^I", "vmcs-audit-complete", NULL);
	el_set(ed->el, EL_BIND, "^C", "vmcs-audit-cancel", NULL);
	el_source(ed->el, NULL);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);   /* no SA_RESTART: the read must return */
	return ed;
}

static int read_line(struct va_editor *ed, const char *prompt, char **line, int keep)
{
	int count;
	ed->prompt = prompt;
	interrupted = 0;
	const char *s = el_gets(ed->el, &count);
	if (interrupted) {
		interrupted = 0;
		fputs("^C\n", ed->out);
		fflush(ed->out);
		return -1;
	}
	if (!s || count <= 0)
		return 0;
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	*line = strndup(s, n);
	if (!*line)
		return 0;
	if (keep && n)
		history(ed->hist, &ed->ev, H_ENTER, *line);
	return 1;
}

int va_editor_next(void *editor, const char *prompt, char **line)
{
	struct va_editor *ed = editor;
	/* Pasted lines are not worth recalling one by one. */
	return read_line(ed, prompt, line, strcmp(prompt, "paste> ") != 0);
}

int va_editor_confirm(void *editor, const char *question)
{
	char *answer = NULL;
	int r = read_line(editor, question, &answer, 0);
	int yes = r == 1 && (answer[0] == 'y' || answer[0] == 'Y');
	free(answer);
	return yes;
}

/* A whole new history file, then rename: two shells never leave half of one. */
static void save_history(struct va_editor *ed)
{
	char tmp[sizeof ed->history + 16];
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", ed->history);
	int fd = mkstemp(tmp);   /* 0600 */
	if (fd < 0)
		return;
	FILE *f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		return;
	}
	int ok = history(ed->hist, &ed->ev, H_SAVE_FP, f) >= 0;
	ok = fflush(f) == 0 && ok && fsync(fd) == 0;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, ed->history) != 0)
		unlink(tmp);
}

void va_editor_close(struct va_editor *ed)
{
	if (!ed)
		return;
	if (ed->hist && ed->have_history)
		save_history(ed);
	if (ed->el)
		el_end(ed->el);
	if (ed->hist)
		history_end(ed->hist);
	signal(SIGINT, SIG_DFL);
	free(ed);
}
