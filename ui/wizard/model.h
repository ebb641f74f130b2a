/*
 * The wizard's model: the state being built, its audit, where the user is,
 * and what is open (an edit field, a filter, a question).  wz_key() is the
 * update: it changes the model and returns flags; only the loop draws.
 */
#ifndef WZ_MODEL_H
#define WZ_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "../../auditor/engine/audit.h"
#include "../../auditor/input/readers/reader.h"
#include "canvas.h"
#include "line_edit.h"

/* X(id, title): the steps, in order. */
#define WZ_STEPS(X) \
	X(PROCESSOR, "Processor") \
	X(CONTROLS, "Controls") \
	X(HOST, "Host state") \
	X(GUEST, "Guest state") \
	X(MEMORY, "Memory") \
	X(ENTRY, "Entry") \
	X(REVIEW, "Review")

enum wz_step {
#define WZ_STEP_ENUM(id, title) WZ_STEP_##id,
	WZ_STEPS(WZ_STEP_ENUM)
#undef WZ_STEP_ENUM
	WZ_STEP_COUNT
};
const char *wz_step_title(enum wz_step s);

enum wz_mode {
	WZ_MODE_LIST,      /* moving over rows */
	WZ_MODE_EDIT,      /* typing a value */
	WZ_MODE_FILTER,    /* typing the profile filter */
	WZ_MODE_SEARCH,    /* typing a field name */
	WZ_MODE_SAVE_AS,   /* typing a file name */
	WZ_MODE_TEXT,      /* reading help or an explanation */
	WZ_MODE_PASTE,     /* the paste box is open */
	WZ_MODE_ASK,       /* a yes/no question */
	WZ_MODE_TEMPLATE,  /* choosing a template's mode and features (Processor) */
};

enum wz_question { WZ_ASK_QUIT, WZ_ASK_REPLACE, WZ_ASK_RESTORE, WZ_ASK_TEMPLATE };

enum wz_row_kind {
	WZ_ROW_HEADING,    /* a group title */
	WZ_ROW_TEXT,       /* words, nothing to edit */
	WZ_ROW_PROFILE,    /* a = profile index */
	WZ_ROW_MSR,        /* a = enum va_msr */
	WZ_ROW_CAP_BIT,    /* a = enum va_msr, b = control bit: forced / forbidden / free */
	WZ_ROW_FACT,       /* a = enum va_fact */
	WZ_ROW_FIELD,      /* a = enum va_field */
	WZ_ROW_BIT,        /* a = enum va_field (a control vector), b = bit */
	WZ_ROW_ENTRY,      /* a = enum va_entry_fact */
	WZ_ROW_MEMORY,     /* v = physical address */
	WZ_ROW_MEMORY_ADD, /* type ADDRESS = VALUE */
	WZ_ROW_FINDING,    /* a = finding index (in the report) */
	WZ_ROW_TEMPLATE,   /* start from a template (Processor) */
	WZ_ROW_TPL_MODE,   /* a = enum va_template_mode (the chooser) */
	WZ_ROW_TPL_FEATURE, /* a = template feature index (the chooser) */
};

#define WZ_ROW_TEXT_MAX 240
/* The largest paste kept (a full dump is a few kilobytes). */
#define WZ_PASTE_MAX (4u << 20)

struct wz_row {
	uint8_t kind;      /* enum wz_row_kind */
	uint8_t role;      /* enum wz_role */
	uint8_t marker;    /* '!' failing, '*' given by the user, ' ' */
	uint16_t a, b;
	uint64_t v;
	char text[WZ_ROW_TEXT_MAX];
};

/* What wz_key and friends report to the loop. */
enum {
	WZ_REDRAW = 1u << 0,
	WZ_CHANGED = 1u << 1,   /* the state changed: autosave */
	WZ_QUIT = 1u << 2,
};

struct wz_model {
	struct va_state st;
	struct va_report report;
	struct va_import_notes notes;

	enum wz_step step;
	int cursor[WZ_STEP_COUNT];
	int top[WZ_STEP_COUNT];
	int show_all;

	enum wz_mode mode;
	enum wz_question question;
	struct wz_line line;       /* the open edit field, search, filter or file name */
	char filter[256];           /* the profile filter */
	char *text;                /* help or explanation being read (malloc'd) */
	int text_top;
	enum wz_mode text_back;    /* the mode closing the text returns to */
	char text_title[80];
	char *paste;               /* typed into the paste box */
	size_t paste_len;

	int dirty;                 /* changes since the last save */
	char path[1024];           /* the file opened or named, or "" */
	int path_saves;            /* s replaces path: a state file opened, or a name given */
	char pending_path[1024];   /* a name typed for saving that exists */
	char message[1600];
	int message_error;

	char recovery[1024];       /* autosave file, or "" for none */

	char cpu[128];             /* where the capability MSRs came from (a template's title) */
	int tpl_mode;              /* the chooser: enum va_template_mode */
	uint32_t tpl_features;     /* the chooser: bit i = feature i */
	int tpl_back_cursor, tpl_back_top;   /* Processor's place before the chooser */
	struct va_state *pending;  /* a template built, waiting for the answer to "replace?" */
	char pending_title[256];

	struct va_state *undo;     /* before the last template or repair (u), or NULL */
	int undo_redo;             /* undo holds the change itself: u puts it back */
	char undo_what[96];
	char undo_path[1024];      /* path and path_saves to go back to */
	int undo_path_saves;

	int rows, cols;
	int utf8;

	uint8_t asked[FLD_COUNT];
	uint8_t failing[FLD_COUNT];
	unsigned step_failures[WZ_STEP_COUNT];

	struct wz_row *row;        /* the current step's rows */
	int nrows, row_cap;
};

/* A new model with an empty state (every field absent); NULL on ENOMEM. */
struct wz_model *wz_new(int rows, int cols, int utf8);
void wz_free(struct wz_model *m);

/* Open a file (anything `check` reads; "-" is standard input): the state
 * is replaced.  On Review if it holds VMCS fields, else on Processor.
 * 0, or -1 with the message in m->message. */
int wz_open(struct wz_model *m, const char *path);
/* The same from text already read (name: for messages). */
int wz_open_text(struct wz_model *m, const char *text, size_t len, const char *name);

/* Update: one key (a curses key code). Returns WZ_* flags. */
unsigned wz_key(struct wz_model *m, int key);
/* A bracketed paste (the whole text). */
unsigned wz_paste(struct wz_model *m, const char *text, size_t len);
/* A mouse click at (y, x): a step in the side list, a row of the step. */
unsigned wz_click(struct wz_model *m, int y, int x);
/* The terminal's new size. */
unsigned wz_resize(struct wz_model *m, int rows, int cols);

/* Audit again and rebuild the current step's rows (after any change). */
void wz_refresh(struct wz_model *m);
/* The step a field is asked on. */
enum wz_step wz_field_step(enum va_field f);
/* Rebuild m->row for the current step (rows.c). */
void wz_build_rows(struct wz_model *m);
/* Go to a field: its step, its row (showing every field if needed). */
int wz_goto_field(struct wz_model *m, enum va_field f);

/* Draw the whole screen. */
void wz_draw(const struct wz_model *m, struct wz_canvas *c);

/* Screen regions, from the size alone. */
struct wz_rect { int y, x, h, w; };
struct wz_layout {
	int too_small;
	struct wz_rect title, side, main, status, keys;
};
#define WZ_MIN_ROWS 20
#define WZ_MIN_COLS 72
void wz_layout(int rows, int cols, struct wz_layout *l);

/* Autosave (recovery.c). */
/* The recovery file's path ($XDG_STATE_HOME/vmcs-audit/wizard.state, or
 * ~/.local/state/...); the directory is created 0700.  0, or -1. */
int wz_recovery_path(char *buf, size_t size);
/* Write the state to m->recovery (0600, temp file + rename). */
int wz_autosave(struct wz_model *m);
/* Remove the recovery file (after a save or a deliberate quit). */
void wz_recovery_clear(struct wz_model *m);
/* If a recovery file exists, ask whether to restore it. */
void wz_offer_recovery(struct wz_model *m);

/* The whole interactive program (loop.c); returns an exit status. */
int wz_run(const char *path);

#endif
