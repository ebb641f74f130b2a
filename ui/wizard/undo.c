/*
 * Undo of the changes that rewrite many values at once: a template, a
 * repair.  One snapshot of the state before it; u swaps it back (and u
 * again puts the change back).  Any other change drops the snapshot, so u
 * never throws away values typed after the change it takes back.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../../auditor/input/state_file.h"
#include "../../auditor/input/state_merge.h"
#include "model.h"
#include "view.h"

struct va_state *wz_snapshot(const struct wz_model *m)
{
	struct va_state *snap = malloc(sizeof *snap);
	if (!snap)
		return NULL;
	va_state_init(snap);
	if (va_state_copy(snap, &m->st)) {
		va_state_release(snap);
		free(snap);
		return NULL;
	}
	return snap;
}

void wz_snapshot_free(struct va_state *snap)
{
	if (!snap)
		return;
	va_state_release(snap);
	free(snap);
}

void wz_undo_drop(struct wz_model *m)
{
	wz_snapshot_free(m->undo);
	m->undo = NULL;
}

void wz_undo_keep(struct wz_model *m, struct va_state *before, const char *path, int path_saves,
		  const char *what)
{
	wz_undo_drop(m);
	m->undo = before;
	m->undo_redo = 0;
	snprintf(m->undo_path, sizeof m->undo_path, "%s", path);
	m->undo_path_saves = path_saves;
	snprintf(m->undo_what, sizeof m->undo_what, "%s", what);
}

unsigned wz_undo(struct wz_model *m)
{
	if (!m->undo) {
		wz_say(m, 1, "nothing to undo: u takes back the last template or repair");
		return WZ_REDRAW;
	}
	struct va_state *now = malloc(sizeof *now);
	if (!now) {
		wz_say(m, 1, "out of memory; nothing changed");
		return WZ_REDRAW;
	}
	*now = m->st;
	m->st = *m->undo;
	free(m->undo);
	m->undo = NULL;
	char path[sizeof m->path], what[sizeof m->undo_what];
	int saves = m->path_saves, redo = !m->undo_redo;
	snprintf(path, sizeof path, "%s", m->path);
	snprintf(what, sizeof what, "%s", m->undo_what);
	snprintf(m->path, sizeof m->path, "%s", m->undo_path);
	m->path_saves = m->undo_path_saves;
	unsigned flags = wz_changed(m);
	wz_undo_keep(m, now, path, saves, what);
	m->undo_redo = redo;
	wz_say(m, 0, redo ? "took back %s (u puts it back)" : "put back %s (u takes it back)", what);
	return flags;
}
