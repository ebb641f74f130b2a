/*
 * Repairs on Review: the mechanical repair of the failure under the cursor
 * (va_fix_rule), or all of them (va_fix_run, what `vmcs-audit fix` does).
 * Each change is shown as `vmcs-audit fix` prints it; a change is a change
 * of the state like any other: modified, autosaved, audited again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../auditor/engine/repair.h"
#include "../../auditor/input/fix.h"
#include "../../auditor/report/render.h"
#include "../commands.h"
#include "model.h"
#include "view.h"

/* What the printing helpers of `fix` write, as one malloc'd string. */
struct text {
	char *buf;
	size_t len;
	FILE *out;
};

static int text_open(struct text *t)
{
	t->buf = NULL;
	t->len = 0;
	t->out = open_memstream(&t->buf, &t->len);
	return t->out ? 0 : -1;
}

static char *text_close(struct text *t)
{
	fclose(t->out);
	return t->buf;
}

/* The state changed: exit information no longer describes it (as `fix`
 * drops it), then modified, autosaved, audited; u goes back to `before`. */
static unsigned changed(struct wz_model *m, unsigned *dropped, struct va_state *before, const char *what)
{
	*dropped = va_fix_drop_exit_info(&m->st);
	unsigned flags = wz_changed(m);
	wz_undo_keep(m, before, m->path, m->path_saves, what);
	return flags;
}

/* Why the repair of `rule` changed nothing: the words of `vmcs-audit fix`. */
static void say_unrepaired(struct wz_model *m, const struct va_finding *f, const struct va_fix_log *log)
{
	const struct va_rule *rule = va_rule_at(f->rule);
	const char *hint = va_rule_hint(rule, &f->eval);
	const struct va_fix_refusal *ref = va_fix_refusal_of(log, f->rule);
	if (!va_rule_has_repair(f->rule))
		wz_say(m, 1, "%s: no mechanical repair: %s", rule->id, hint ? hint : "the value is the VMM's decision");
	else if (ref && ref->broke >= 0)
		wz_say(m, 1, "%s: repair refused: it would make %s %s", rule->id, va_rule_at((unsigned)ref->broke)->id,
		       ref->undecided ? "undecidable (it would need input not given)" : "fail");
	else
		wz_say(m, 1, "%s: no mechanical repair here: %s", rule->id, hint ? hint : "the value is the VMM's decision");
}

unsigned wz_fix_finding(struct wz_model *m)
{
	const struct wz_row *r = wz_current_row(m);
	if (!r || r->kind != WZ_ROW_FINDING) {
		wz_say(m, 1, "f repairs the failure under the cursor: move to one");
		return WZ_REDRAW;
	}
	/* A copy: the audit after the repair rewrites the report. */
	const struct va_finding f = m->report.findings[r->a];
	const char *id = va_rule_at(f.rule)->id;
	if (!va_finding_repairable(&f)) {
		wz_say(m, 1, "%s %s: nothing to repair", id, f.status == VA_UNKNOWN ? "is not evaluated (input is "
		       "missing)" : f.status == VA_WARN ? "is a warning, not a failure" : "does not fail");
		return WZ_REDRAW;
	}
	struct va_fix_log *log = malloc(sizeof *log);
	struct va_state *before = wz_snapshot(m);
	if (!log || !before) {
		free(log);
		wz_snapshot_free(before);
		wz_say(m, 1, "out of memory; nothing changed");
		return WZ_REDRAW;
	}
	va_fix_log_init(log);
	unsigned flags = WZ_REDRAW;
	int rc = va_fix_rule(&m->st, f.rule, log);
	if (rc < 0 || !log->n_changes) {
		wz_snapshot_free(before);
		if (rc < 0)
			wz_say(m, 1, "out of memory; nothing changed");
		else
			say_unrepaired(m, &f, log);
	} else {
		struct text t;
		unsigned dropped;
		char what[96];
		snprintf(what, sizeof what, "the repair of %s", id);
		flags = changed(m, &dropped, before, what);
		if (text_open(&t)) {
			wz_say(m, 0, "%s repaired: %u change%s", id, log->n_changes, log->n_changes == 1 ? "" : "s");
			free(log);
			return flags;
		}
		va_write_fix_changes(t.out, log);
		if (dropped)
			fprintf(t.out, "dropped %u exit-information field%s: the outcome of the attempt before the "
				"repair\n", dropped, dropped == 1 ? "" : "s");
		char *text = text_close(&t);
		char *nl = text ? strchr(text, '\n') : NULL;
		if (nl && !nl[1]) {
			/* One line: the key line shows it. */
			*nl = '\0';
			wz_say(m, 0, "%s  (u undoes)", text);
			free(text);
		} else if (text) {
			wz_say(m, 0, "%s repaired: %u changes; u undoes", id, log->n_changes);
			wz_show_text(m, "Repaired (what 'vmcs-audit fix' prints)", text);
		}
	}
	free(log);
	return flags;
}

unsigned wz_fix_all(struct wz_model *m)
{
	struct va_fix_log *log = malloc(sizeof *log);
	struct va_report *rep = malloc(sizeof *rep);
	struct va_state *before = wz_snapshot(m);
	struct text t;
	unsigned flags = WZ_REDRAW;
	if (!log || !rep || !before || text_open(&t)) {
		free(log);
		free(rep);
		wz_snapshot_free(before);
		wz_say(m, 1, "out of memory; nothing changed");
		return WZ_REDRAW;
	}
	char was[96], now[96];
	va_render_verdict_short(&m->report.verdict, was, sizeof was);
	va_fix_log_init(log);
	int rc = va_fix_run(&m->st, log, rep);
	unsigned dropped = 0;
	if (log->n_changes)
		flags = changed(m, &dropped, before, "the repairs");
	else
		wz_snapshot_free(before);
	va_render_verdict_short(&m->report.verdict, now, sizeof now);
	va_write_fix_changes(t.out, log);
	fprintf(t.out, "%s%u change%s; %s -> %s\n", log->n_changes ? "\n" : "", log->n_changes,
		log->n_changes == 1 ? "" : "s", was, now);
	if (dropped)
		fprintf(t.out, "dropped %u exit-information field%s: the outcome of the attempt before the "
			"repair\n", dropped, dropped == 1 ? "" : "s");
	unsigned left = rc < 0 ? 0 : va_write_fix_left(t.out, log, rep, "\n");
	if (rc >= 0)
		va_write_fix_unknowns(t.out, rep, &m->st, "\n");
	char *text = text_close(&t);
	if (rc < 0)
		wz_say(m, 1, "out of memory after %u changes", log->n_changes);
	else if (!log->n_changes && !left)
		wz_say(m, 0, "nothing to repair: no rule fails");
	else
		wz_say(m, 0, "%u change%s; %s; %u need%s a decision%s", log->n_changes,
		       log->n_changes == 1 ? "" : "s", now, left, left == 1 ? "s" : "",
		       log->n_changes ? "; u undoes" : "");
	if (text && (log->n_changes || left))
		wz_show_text(m, "Repairs (what 'vmcs-audit fix' prints)", text);
	else
		free(text);
	free(log);
	free(rep);
	return flags;
}
