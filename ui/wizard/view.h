/* Helpers shared by the wizard's rows, update and draw. */
#ifndef WZ_VIEW_H
#define WZ_VIEW_H

#include "../../auditor/input/state_save.h"
#include "keys.h"
#include "model.h"

/* A field's value as shown: hex of its width, or the absent mark. */
void wz_format_value(const struct wz_model *m, enum va_field f, char *buf, size_t size);
/* An [entry] fact's value as shown. */
void wz_entry_value(const struct wz_model *m, enum va_entry_fact e, char *buf, size_t size);
/* "forced 1", "forbidden", "free" for a control bit under a capability. */
const char *wz_cap_word(uint64_t cap, int halves, unsigned bit);
/* The VMCS field of a control vector (from the bit-set names). */
enum va_field wz_vector_field(enum va_vec v);
/* Is this row one the cursor stops on? */
int wz_row_selectable(const struct wz_row *r);


/* A row appended to m->row (rows.c); on ENOMEM a scratch row. */
struct wz_row *wz_row_add(struct wz_model *m, enum wz_row_kind kind, enum wz_role role, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Words wrapped to width, one row each, all of one kind and target. */
void wz_row_add_wrapped(struct wz_model *m, enum wz_row_kind kind, enum wz_role role, uint16_t a, int indent,
			const char *text, int width);
void wz_rows_review(struct wz_model *m, int width);

/* Shared by update.c, edit.c and io.c. */
void wz_say(struct wz_model *m, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const struct wz_row *wz_current_row(const struct wz_model *m);
/* After a change of the state: unsaved, audited again. */
unsigned wz_changed(struct wz_model *m);
void wz_open_line(struct wz_model *m, enum wz_mode mode, const char *initial);
void wz_start_edit(struct wz_model *m, const struct wz_row *r);
unsigned wz_commit_edit(struct wz_model *m);
unsigned wz_toggle_absent(struct wz_model *m, const struct wz_row *r);
unsigned wz_toggle_bit(struct wz_model *m, const struct wz_row *r);
unsigned wz_cycle_entry_word(struct wz_model *m, enum va_entry_fact e);
unsigned wz_load_profile(struct wz_model *m, unsigned index);
unsigned wz_save_to(struct wz_model *m, const char *path, enum va_save_mode mode);
unsigned wz_commit_save_as(struct wz_model *m);
/* Show text in the main area (help, an explanation, what repairs did);
 * takes the malloc'd text. */
void wz_show_text(struct wz_model *m, const char *title, char *text);
/* The keys that hold on a step before the rows' (WZ_GROUP_ANY: none). */
enum wz_key_group wz_step_keys(enum wz_step s);

/* Start from a template (template.c): open the chooser (t), its keys
 * (Space, Enter, Esc), its rows; the built template put in place after
 * the question, or dropped.  WZ_* flags. */
unsigned wz_template_open(struct wz_model *m);
unsigned wz_template_action(struct wz_model *m, enum wz_action a);
void wz_rows_template(struct wz_model *m);
unsigned wz_template_adopt(struct wz_model *m);
void wz_template_drop(struct wz_model *m);
/* Repairs on Review (repair.c): the failure under the cursor (f), every
 * mechanical repair (F).  WZ_* flags. */
unsigned wz_fix_finding(struct wz_model *m);
unsigned wz_fix_all(struct wz_model *m);
/* Undo of a template or repair (undo.c).  A copy of the state (NULL on
 * ENOMEM); keep one as what u goes back to (after wz_changed, which drops
 * the one before); u. */
struct va_state *wz_snapshot(const struct wz_model *m);
void wz_snapshot_free(struct va_state *snap);
void wz_undo_keep(struct wz_model *m, struct va_state *before, const char *path, int path_saves,
		  const char *what);
void wz_undo_drop(struct wz_model *m);
unsigned wz_undo(struct wz_model *m);

#endif
