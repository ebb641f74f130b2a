/* The shell's model: loading, profiles, saving, undo and redo. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../auditor/input/import.h"
#include "../../auditor/input/input.h"
#include "../../auditor/input/load.h"
#include "../../auditor/input/state_file.h"
#include "../../auditor/input/state_merge.h"
#include "../../auditor/input/state_save.h"
#include "../../auditor/report/render.h"
#include "shell.h"

void va_shell_error(struct va_shell *sh, const char *fmt, ...)
{
	va_list ap;
	fflush(sh->out);
	if (sh->where)
		fprintf(sh->err, "%s: ", sh->where);
	fprintf(sh->err, "error: ");
	va_start(ap, fmt);
	vfprintf(sh->err, fmt, ap);
	va_end(ap);
	fprintf(sh->err, "\n");
	fflush(sh->err);
}

int va_shell_init(struct va_shell *sh, FILE *out, FILE *err)
{
	memset(sh, 0, sizeof *sh);
	va_state_init(&sh->st);
	va_state_init(&sh->base);
	sh->out = out;
	sh->err = err;
	sh->report = malloc(sizeof *sh->report);
	sh->notes = malloc(sizeof *sh->notes);
	if (!sh->report || !sh->notes)
		return -1;
	sh->notes->count = 0;
	sh->notes->observed_line = 0;
	return 0;
}

static void clear_stack(struct va_snapshot_stack *s)
{
	for (size_t i = 0; i < s->count; i++)
		va_state_release(&s->item[i].st);
	s->count = 0;
}

void va_shell_free(struct va_shell *sh)
{
	clear_stack(&sh->undo);
	clear_stack(&sh->redo);
	free(sh->undo.item);
	free(sh->redo.item);
	va_state_release(&sh->st);
	va_state_release(&sh->base);
	for (int i = 0; i < sh->nprofiles; i++)
		free(sh->profiles[i]);
	free(sh->profiles);
	free(sh->path);
	free(sh->report);
	free(sh->notes);
}

void va_shell_settle(struct va_shell *sh)
{
	clear_stack(&sh->undo);
	clear_stack(&sh->redo);
	va_state_copy(&sh->base, &sh->st);
}

int va_shell_dirty(const struct va_shell *sh)
{
	return !va_state_equal(&sh->st, &sh->base);
}

void va_shell_audit(struct va_shell *sh)
{
	va_audit(&sh->st, sh->report);
}

void va_shell_print_verdict(struct va_shell *sh, const struct va_verdict *before)
{
	char now[96], was[96];
	va_shell_audit(sh);
	va_render_verdict_short(&sh->report->verdict, now, sizeof now);
	fprintf(sh->out, "verdict: %s", now);
	if (before) {
		va_render_verdict_short(before, was, sizeof was);
		if (strcmp(now, was))
			fprintf(sh->out, " (was %s)", was);
	}
	fprintf(sh->out, "\n");
}

/* ---- undo ---- */

static struct va_shell_snapshot *push(struct va_snapshot_stack *s)
{
	if (s->count == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		struct va_shell_snapshot *item = realloc(s->item, cap * sizeof *item);
		if (!item)
			return NULL;
		s->item = item;
		s->cap = cap;
	}
	struct va_shell_snapshot *snap = &s->item[s->count];
	va_state_init(&snap->st);
	snap->what[0] = '\0';
	return snap;
}

static int snapshot(struct va_shell *sh, struct va_snapshot_stack *s, const char *what)
{
	struct va_shell_snapshot *snap = push(s);
	if (!snap || va_state_copy(&snap->st, &sh->st))
		return -1;
	snap->pinned_msr = sh->pinned_msr;
	snap->pinned_fact = sh->pinned_fact;
	snprintf(snap->what, sizeof snap->what, "%s", what);
	s->count++;
	return 0;
}

/* The top of the stack becomes the state; the stack's copy is given away. */
static void restore_top(struct va_shell *sh, struct va_snapshot_stack *s)
{
	struct va_shell_snapshot *snap = &s->item[--s->count];
	va_state_release(&sh->st);
	sh->st = snap->st;
	sh->pinned_msr = snap->pinned_msr;
	sh->pinned_fact = snap->pinned_fact;
}

int va_shell_begin(struct va_shell *sh, const char *what)
{
	if (snapshot(sh, &sh->undo, what)) {
		va_shell_error(sh, "out of memory");
		return -1;
	}
	return 0;
}

int va_shell_end(struct va_shell *sh, int ok)
{
	struct va_shell_snapshot *top = &sh->undo.item[sh->undo.count - 1];
	if (!ok) {
		restore_top(sh, &sh->undo);
		return 0;
	}
	if (va_state_equal(&top->st, &sh->st) && top->pinned_msr == sh->pinned_msr &&
	    top->pinned_fact == sh->pinned_fact) {
		va_state_release(&top->st);
		sh->undo.count--;
		return 0;
	}
	clear_stack(&sh->redo);
	return 1;
}

int va_shell_undo(struct va_shell *sh, int redo)
{
	struct va_snapshot_stack *from = redo ? &sh->redo : &sh->undo;
	struct va_snapshot_stack *to = redo ? &sh->undo : &sh->redo;
	if (!from->count) {
		va_shell_error(sh, "%s: nothing to %s", redo ? "redo" : "undo", redo ? "redo" : "undo");
		return -1;
	}
	const char *what = from->item[from->count - 1].what;
	if (snapshot(sh, to, what)) {
		va_shell_error(sh, "out of memory");
		return -1;
	}
	va_shell_audit(sh);
	struct va_verdict before = sh->report->verdict;
	fprintf(sh->out, "%s: %s\n", redo ? "redone" : "undone", what);
	restore_top(sh, from);
	va_shell_print_verdict(sh, &before);
	return 0;
}

/* ---- inputs ---- */

static void print_load_error(struct va_shell *sh, const struct va_error *err, const char *name)
{
	const char *file = err->file ? err->file : name;
	if (err->line)
		va_shell_error(sh, "%s:%u:%u: %s", file, err->line, err->column, err->message);
	else
		va_shell_error(sh, "%s: %s", file, err->message);
}

static void print_notes(struct va_shell *sh)
{
	for (unsigned i = 0; i < sh->notes->count; i++)
		fprintf(sh->out, "note: %s\n", sh->notes->text[i]);
}

int va_shell_read_profile(struct va_shell *sh, const char *spec, struct va_state *into)
{
	struct va_import_notes *notes = malloc(sizeof *notes);
	const char *profiles[1] = { spec };
	struct va_load_options opt = { .kind = "state", .profiles = profiles, .profile_count = 1 };
	struct va_error err = { 0 };
	int rc = -1;
	va_state_init(into);
	if (!notes) {
		va_shell_error(sh, "out of memory");
		return -1;
	}
	if (va_load_text(into, "", 0, spec, &opt, notes, &err))
		print_load_error(sh, &err, spec);
	else if (!into->msr_present && !into->fact_present)
		va_shell_error(sh, "profile %s: no capability MSRs or CPU facts in it", spec);
	else
		rc = 0;
	if (rc)
		va_state_release(into);
	free(notes);
	return rc;
}

/* The [cpu] values of one profile over st, except those the input pinned. */
static int apply_profile(struct va_shell *sh, struct va_state *st, const char *spec)
{
	struct va_state *p = malloc(sizeof *p);
	if (!p) {
		va_shell_error(sh, "out of memory");
		return -1;
	}
	if (va_shell_read_profile(sh, spec, p)) {
		free(p);
		return -1;
	}
	for (unsigned m = 0; m < MSR_COUNT; m++)
		if (va_msr_known(p, (enum va_msr)m) && !(sh->pinned_msr >> m & 1)) {
			st->msr[m] = p->msr[m];
			st->msr_present |= 1u << m;
		}
	for (unsigned k = 0; k < FACT_COUNT; k++)
		if (va_fact_known(p, (enum va_fact)k) && !(sh->pinned_fact >> k & 1)) {
			st->fact[k] = p->fact[k];
			st->fact_present |= 1u << k;
		}
	va_state_release(p);
	free(p);
	return 0;
}

/* Read an input alone into a fresh state. */
static int read_alone(struct va_shell *sh, struct va_state *into, const char *text, size_t len,
		      const char *name, const char *kind)
{
	struct va_error err = { 0 };
	va_state_init(into);
	sh->notes->count = 0;
	sh->notes->observed_line = 0;
	if (va_import(into, text, len, name, kind, &err, sh->notes)) {
		print_load_error(sh, &err, name);
		va_state_release(into);
		return -1;
	}
	return 0;
}

static int is_state_file(const char *text, size_t len)
{
	const struct va_reader *native = va_reader_by_kind("state");
	return native && native->detect(text, len) > 0;
}

static void summary(struct va_shell *sh, const char *verb, const char *name, const struct va_state *in)
{
	unsigned set = 0, absent = 0, msrs = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		set += in->presence[f] == VA_SET;
		absent += in->presence[f] == VA_ABSENT;
	}
	for (unsigned m = 0; m < MSR_COUNT; m++)
		msrs += va_msr_known(in, (enum va_msr)m);
	fprintf(sh->out, "%s %s: %u field%s", verb, name, set, set == 1 ? "" : "s");
	if (absent)
		fprintf(sh->out, " (%u absent)", absent);
	fprintf(sh->out, ", %u capability MSRs", msrs);
	if (in->mem_count)
		fprintf(sh->out, ", %zu memory qwords", in->mem_count);
	fprintf(sh->out, "\n");
}

/* Replace the model with profiles + text (the way `check` reads it). */
static int load_text(struct va_shell *sh, const char *text, size_t len, const char *name,
		     const char *kind, struct va_state *into, unsigned *pin_msr, unsigned *pin_fact)
{
	if (read_alone(sh, into, text, len, name, kind))
		return -1;
	unsigned saved_msr = sh->pinned_msr, saved_fact = sh->pinned_fact;
	sh->pinned_msr = into->msr_present;
	sh->pinned_fact = into->fact_present;
	for (int i = 0; i < sh->nprofiles; i++)
		if (apply_profile(sh, into, sh->profiles[i])) {
			sh->pinned_msr = saved_msr;
			sh->pinned_fact = saved_fact;
			va_state_release(into);
			return -1;
		}
	*pin_msr = sh->pinned_msr;
	*pin_fact = sh->pinned_fact;
	sh->pinned_msr = saved_msr;
	sh->pinned_fact = saved_fact;
	return 0;
}

int va_shell_load_into(struct va_shell *sh, const char *path, const char *kind, struct va_state *into)
{
	char *text;
	size_t len;
	struct va_error err = { 0 };
	unsigned pm, pf;
	if (va_read_input(path, &text, &len, &err)) {
		print_load_error(sh, &err, path);
		return -1;
	}
	int rc = load_text(sh, text, len, path, kind, into, &pm, &pf);
	free(text);
	return rc;
}

static void adopt(struct va_shell *sh, struct va_state *st, unsigned pm, unsigned pf)
{
	va_state_release(&sh->st);
	sh->st = *st;
	sh->pinned_msr = pm;
	sh->pinned_fact = pf;
	sh->has_input = 1;
	clear_stack(&sh->undo);
	clear_stack(&sh->redo);
	va_state_copy(&sh->base, &sh->st);
}

int va_shell_load(struct va_shell *sh, const char *path, const char *kind)
{
	char *text;
	size_t len;
	struct va_error err = { 0 };
	struct va_state st;
	unsigned pm, pf;
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	if (va_read_input(path, &text, &len, &err)) {
		print_load_error(sh, &err, name);
		return -1;
	}
	int state = is_state_file(text, len) && (!kind || !strcmp(kind, "state"));
	int rc = load_text(sh, text, len, name, kind, &st, &pm, &pf);
	free(text);
	if (rc)
		return -1;
	adopt(sh, &st, pm, pf);
	free(sh->path);
	sh->path = strcmp(path, "-") ? strdup(path) : NULL;
	sh->path_is_state = state;
	print_notes(sh);
	summary(sh, "loaded", name, &sh->st);
	va_shell_print_verdict(sh, NULL);
	return 0;
}

void va_shell_adopt_new(struct va_shell *sh, struct va_state *st, const char *name)
{
	adopt(sh, st, st->msr_present, st->fact_present);
	/* Built here, in no file yet: every value is an unsaved change. */
	va_state_release(&sh->base);
	free(sh->path);
	sh->path = NULL;
	sh->path_is_state = 0;
	summary(sh, "new:", name, &sh->st);
	va_shell_print_verdict(sh, NULL);
}

int va_shell_import_text(struct va_shell *sh, const char *text, size_t len, const char *name,
			 const char *kind)
{
	struct va_state in;
	unsigned pm, pf;
	if (!sh->has_input) {
		/* Nothing to go on top of: the input is the state, absent fields included. */
		if (load_text(sh, text, len, name, kind, &in, &pm, &pf))
			return -1;
		adopt(sh, &in, pm, pf);
		va_state_release(&sh->base);
		print_notes(sh);
		summary(sh, "read", name, &sh->st);
		va_shell_print_verdict(sh, NULL);
		return 0;
	}
	if (read_alone(sh, &in, text, len, name, kind))
		return -1;
	va_shell_audit(sh);
	struct va_verdict before = sh->report->verdict;
	char what[160];
	snprintf(what, sizeof what, "import %s", name);
	if (va_shell_begin(sh, what)) {
		va_state_release(&in);
		return -1;
	}
	int ok = va_state_merge(&sh->st, &in) == 0;
	if (!ok)
		va_shell_error(sh, "out of memory");
	else {
		sh->pinned_msr |= in.msr_present;
		sh->pinned_fact |= in.fact_present;
	}
	va_shell_end(sh, ok);
	if (ok) {
		print_notes(sh);
		summary(sh, "read", name, &in);
		va_shell_print_verdict(sh, &before);
	}
	va_state_release(&in);
	return ok ? 0 : -1;
}

int va_shell_keep_profile(struct va_shell *sh, const char *spec)
{
	char **list = realloc(sh->profiles, (size_t)(sh->nprofiles + 1) * sizeof *list);
	char *copy = strdup(spec);
	if (list)
		sh->profiles = list;
	if (!list || !copy) {
		free(copy);
		va_shell_error(sh, "out of memory");
		return -1;
	}
	sh->profiles[sh->nprofiles++] = copy;
	return 0;
}

int va_shell_add_profile(struct va_shell *sh, const char *spec)
{
	va_shell_audit(sh);
	struct va_verdict before = sh->report->verdict;
	char what[160];
	snprintf(what, sizeof what, "profile %s", spec);
	if (va_shell_begin(sh, what))
		return -1;
	int ok = apply_profile(sh, &sh->st, spec) == 0;
	va_shell_end(sh, ok);
	if (!ok || va_shell_keep_profile(sh, spec))
		return -1;
	fprintf(sh->out, "profile %s: capability MSRs and CPU facts the input did not give\n", spec);
	va_shell_print_verdict(sh, &before);
	return 0;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (!a || !b)
		return 0;
	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	return !strcmp(a, b);
}

int va_shell_save(struct va_shell *sh, const char *path, int force)
{
	const char *target = path ? path : sh->path;
	if (!target) {
		va_shell_error(sh, "save: nothing was loaded from a file: name one (save FILE)");
		return -1;
	}
	if (!force && !sh->path_is_state && same_file(target, sh->path)) {
		va_shell_error(sh, "save: %s was read as a paste, not a state file: save to a new "
			       "name (save FILE), or replace it with 'save! %s'", target, target);
		return -1;
	}
	enum va_save_mode mode = VA_SAVE_NEW;
	if (force || (sh->path_is_state && same_file(target, sh->path)))
		mode = VA_SAVE_REPLACE;
	struct va_error err = { 0 };
	if (va_state_save(target, &sh->st, mode, &err)) {
		if (mode == VA_SAVE_NEW && !strcmp(err.message, "already exists"))
			va_shell_error(sh, "save: %s exists and is not the file this shell loaded; "
				       "'save! %s' replaces it", target, target);
		else
			va_shell_error(sh, "save: %s: %s", target, err.message);
		return -1;
	}
	if (target != sh->path) {
		char *copy = strdup(target);
		if (copy) {
			free(sh->path);
			sh->path = copy;
		}
	}
	sh->path_is_state = 1;
	va_state_copy(&sh->base, &sh->st);
	fprintf(sh->out, "saved %s\n", target);
	return 0;
}
