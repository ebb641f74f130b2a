/*
 * The wizard's keys: one table of actions and one of bindings.  The update
 * function, the help screen, the key bar and the man page's KEYS section
 * all read these tables; there is no other list of keys.
 */
#ifndef WZ_KEYS_H
#define WZ_KEYS_H

#include <stdio.h>

/* Where a binding holds. */
enum wz_key_group {
	WZ_GROUP_ANY,      /* whenever no edit field, filter or question is open */
	WZ_GROUP_LIST,     /* on the rows of a step */
	WZ_GROUP_PROCESSOR, /* on the Processor step (before the rows' keys) */
	WZ_GROUP_REVIEW,   /* on the Review step (before the rows' keys) */
	WZ_GROUP_TEMPLATE, /* in the template chooser (then the rows' moves) */
	WZ_GROUP_EDIT,     /* in an edit field, the search and filter lines */
	WZ_GROUP_ASK,      /* when a question is asked */
	WZ_GROUP_COUNT
};

/* X(id, bar, help): every action; bar is its word on the key bar, or NULL. */
#define WZ_ACTIONS(X) \
	X(REVIEW, "Review", "go to the Review step") \
	X(SAVE, "save", "save the state file (asks for a name the first time)") \
	X(QUIT, "quit", "quit (asks first when there are unsaved changes)") \
	X(SEARCH, "search", "search a field by name (Tab completes); on the profile list, filter it") \
	X(HELP, "help", "this help; on a Review finding, its full explanation") \
	X(PASTE, "paste", "paste a dump or capability listing into the current state") \
	X(SHOW_ALL, "all", "show every field of the step, or only those that matter") \
	X(TEMPLATE, "template", "start from a template: choose the mode and features, then a state " \
	  "that passes every rule on this CPU replaces the VMCS fields, memory and entry facts") \
	X(FIX, "fix", "repair the failure under the cursor (its rule's mechanical repair), or " \
	  "say why it needs a decision") \
	X(FIX_ALL, "fix all", "run every mechanical repair until the entry succeeds or none " \
	  "applies (what 'vmcs-audit fix' does), then list what needs a decision") \
	X(UNDO, NULL, "undo the last template or repair (u again puts it back); other changes " \
	  "are not undone") \
	X(CHOOSE, NULL, "choose the mode, or turn the feature on or off") \
	X(BUILD, NULL, "build the template and put it in place of the state (asks first when " \
	  "that drops unsaved values)") \
	X(NEXT_STEP, NULL, "next step") \
	X(PREV_STEP, NULL, "previous step") \
	X(STEP1, NULL, "step Processor") \
	X(STEP2, NULL, "step Controls") \
	X(STEP3, NULL, "step Host state") \
	X(STEP4, NULL, "step Guest state") \
	X(STEP5, NULL, "step Memory") \
	X(STEP6, NULL, "step Entry") \
	X(UP, NULL, "previous row") \
	X(DOWN, NULL, "next row") \
	X(PAGE_UP, NULL, "page up") \
	X(PAGE_DOWN, NULL, "page down") \
	X(HOME, NULL, "first row") \
	X(END, NULL, "last row") \
	X(ACTIVATE, NULL, "edit the value; load the profile; jump to the field of a finding; open the template chooser") \
	X(TOGGLE, NULL, "toggle the control bit") \
	X(ABSENT, NULL, "make the value absent (not given), or give it again") \
	X(COMMIT, NULL, "accept the typed value") \
	X(CANCEL, NULL, "close the field, filter, search, chooser or question") \
	X(COMPLETE, NULL, "complete the field name") \
	X(ERASE, NULL, "erase the character before the cursor") \
	X(DELETE_CHAR, NULL, "erase the character under the cursor") \
	X(CURSOR_LEFT, NULL, "cursor left") \
	X(CURSOR_RIGHT, NULL, "cursor right") \
	X(CURSOR_HOME, NULL, "cursor to the start") \
	X(CURSOR_END, NULL, "cursor to the end") \
	X(YES, NULL, "yes") \
	X(NO, NULL, "no")

enum wz_action {
	WZ_ACT_NONE = 0,
#define WZ_ACT_ENUM(id, bar, help) WZ_ACT_##id,
	WZ_ACTIONS(WZ_ACT_ENUM)
#undef WZ_ACT_ENUM
	WZ_ACT_COUNT
};

struct wz_binding {
	enum wz_key_group group;
	int key;               /* curses key code */
	const char *label;     /* how help and the man page name it */
	enum wz_action action;
};

/* The action bound to key in group, or WZ_ACT_NONE. */
enum wz_action wz_key_action(enum wz_key_group group, int key);
/* Labels of every key of an action in a group, joined: "?, F1". */
void wz_key_labels(enum wz_key_group group, enum wz_action a, char *buf, size_t size);
const char *wz_action_help(enum wz_action a);
/* The key bar: "r Review  s save ..." from the table: the keys that hold
 * anywhere, then those of `step_group` (a step's group, or WZ_GROUP_ANY). */
void wz_key_bar(char *buf, size_t size, enum wz_key_group step_group);
const char *wz_group_title(enum wz_key_group g);
const struct wz_binding *wz_bindings(size_t *count);

/* The help screen's text, one line per action (malloc'd). */
char *wz_help_text(void);
/* The man page's KEYS section in roff. */
void wz_write_keys_man(FILE *out);

#endif
