#include "keys.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

static const char *const action_help[WZ_ACT_COUNT] = {
#define WZ_ACT_HELP(id, bar, help) [WZ_ACT_##id] = help,
	WZ_ACTIONS(WZ_ACT_HELP)
#undef WZ_ACT_HELP
};

static const char *const action_bar[WZ_ACT_COUNT] = {
#define WZ_ACT_BAR(id, bar, help) [WZ_ACT_##id] = bar,
	WZ_ACTIONS(WZ_ACT_BAR)
#undef WZ_ACT_BAR
};

static const struct wz_binding bindings[] = {
	{ WZ_GROUP_ANY, 'r', "r", WZ_ACT_REVIEW },
	{ WZ_GROUP_ANY, 's', "s", WZ_ACT_SAVE },
	{ WZ_GROUP_ANY, 'q', "q", WZ_ACT_QUIT },
	{ WZ_GROUP_ANY, '/', "/", WZ_ACT_SEARCH },
	{ WZ_GROUP_ANY, '?', "?", WZ_ACT_HELP },
	{ WZ_GROUP_ANY, KEY_F(1), "F1", WZ_ACT_HELP },
	{ WZ_GROUP_ANY, 'p', "p", WZ_ACT_PASTE },
	{ WZ_GROUP_ANY, 'a', "a", WZ_ACT_SHOW_ALL },
	{ WZ_GROUP_ANY, 'u', "u", WZ_ACT_UNDO },
	{ WZ_GROUP_ANY, '\t', "Tab", WZ_ACT_NEXT_STEP },
	{ WZ_GROUP_ANY, KEY_RIGHT, "Right", WZ_ACT_NEXT_STEP },
	{ WZ_GROUP_ANY, KEY_BTAB, "Shift-Tab", WZ_ACT_PREV_STEP },
	{ WZ_GROUP_ANY, KEY_LEFT, "Left", WZ_ACT_PREV_STEP },
	{ WZ_GROUP_ANY, '1', "1", WZ_ACT_STEP1 },
	{ WZ_GROUP_ANY, '2', "2", WZ_ACT_STEP2 },
	{ WZ_GROUP_ANY, '3', "3", WZ_ACT_STEP3 },
	{ WZ_GROUP_ANY, '4', "4", WZ_ACT_STEP4 },
	{ WZ_GROUP_ANY, '5', "5", WZ_ACT_STEP5 },
	{ WZ_GROUP_ANY, '6', "6", WZ_ACT_STEP6 },
	{ WZ_GROUP_ANY, '7', "7", WZ_ACT_REVIEW },
	{ WZ_GROUP_LIST, KEY_UP, "Up", WZ_ACT_UP },
	{ WZ_GROUP_LIST, 'k', "k", WZ_ACT_UP },
	{ WZ_GROUP_LIST, KEY_DOWN, "Down", WZ_ACT_DOWN },
	{ WZ_GROUP_LIST, 'j', "j", WZ_ACT_DOWN },
	{ WZ_GROUP_LIST, KEY_PPAGE, "PgUp", WZ_ACT_PAGE_UP },
	{ WZ_GROUP_LIST, KEY_NPAGE, "PgDn", WZ_ACT_PAGE_DOWN },
	{ WZ_GROUP_LIST, KEY_HOME, "Home", WZ_ACT_HOME },
	{ WZ_GROUP_LIST, KEY_END, "End", WZ_ACT_END },
	{ WZ_GROUP_LIST, '\r', "Enter", WZ_ACT_ACTIVATE },
	{ WZ_GROUP_LIST, '\n', NULL, WZ_ACT_ACTIVATE },
	{ WZ_GROUP_LIST, KEY_ENTER, NULL, WZ_ACT_ACTIVATE },
	{ WZ_GROUP_LIST, ' ', "Space", WZ_ACT_TOGGLE },
	{ WZ_GROUP_LIST, 'x', "x", WZ_ACT_ABSENT },
	{ WZ_GROUP_LIST, KEY_DC, "Delete", WZ_ACT_ABSENT },
	{ WZ_GROUP_PROCESSOR, 't', "t", WZ_ACT_TEMPLATE },
	{ WZ_GROUP_REVIEW, 'f', "f", WZ_ACT_FIX },
	{ WZ_GROUP_REVIEW, 'F', "F", WZ_ACT_FIX_ALL },
	{ WZ_GROUP_TEMPLATE, ' ', "Space", WZ_ACT_CHOOSE },
	{ WZ_GROUP_TEMPLATE, '\r', "Enter", WZ_ACT_BUILD },
	{ WZ_GROUP_TEMPLATE, '\n', NULL, WZ_ACT_BUILD },
	{ WZ_GROUP_TEMPLATE, KEY_ENTER, NULL, WZ_ACT_BUILD },
	{ WZ_GROUP_TEMPLATE, 27, "Esc", WZ_ACT_CANCEL },
	{ WZ_GROUP_EDIT, '\r', "Enter", WZ_ACT_COMMIT },
	{ WZ_GROUP_EDIT, '\n', NULL, WZ_ACT_COMMIT },
	{ WZ_GROUP_EDIT, KEY_ENTER, NULL, WZ_ACT_COMMIT },
	{ WZ_GROUP_EDIT, 27, "Esc", WZ_ACT_CANCEL },
	{ WZ_GROUP_EDIT, CTRL('g'), "Ctrl-G", WZ_ACT_CANCEL },
	{ WZ_GROUP_EDIT, '\t', "Tab", WZ_ACT_COMPLETE },
	{ WZ_GROUP_EDIT, KEY_BACKSPACE, "Backspace", WZ_ACT_ERASE },
	{ WZ_GROUP_EDIT, 127, NULL, WZ_ACT_ERASE },
	{ WZ_GROUP_EDIT, CTRL('h'), NULL, WZ_ACT_ERASE },
	{ WZ_GROUP_EDIT, KEY_DC, "Delete", WZ_ACT_DELETE_CHAR },
	{ WZ_GROUP_EDIT, KEY_LEFT, "Left", WZ_ACT_CURSOR_LEFT },
	{ WZ_GROUP_EDIT, KEY_RIGHT, "Right", WZ_ACT_CURSOR_RIGHT },
	{ WZ_GROUP_EDIT, KEY_HOME, "Home", WZ_ACT_CURSOR_HOME },
	{ WZ_GROUP_EDIT, CTRL('a'), "Ctrl-A", WZ_ACT_CURSOR_HOME },
	{ WZ_GROUP_EDIT, KEY_END, "End", WZ_ACT_CURSOR_END },
	{ WZ_GROUP_EDIT, CTRL('e'), "Ctrl-E", WZ_ACT_CURSOR_END },
	{ WZ_GROUP_ASK, 'y', "y", WZ_ACT_YES },
	{ WZ_GROUP_ASK, 'n', "n", WZ_ACT_NO },
	{ WZ_GROUP_ASK, 27, "Esc", WZ_ACT_CANCEL },
};

static const char *const group_title[WZ_GROUP_COUNT] = {
	[WZ_GROUP_ANY] = "Anywhere (no field, filter or question open)",
	[WZ_GROUP_LIST] = "On the rows of a step",
	[WZ_GROUP_PROCESSOR] = "On the Processor step",
	[WZ_GROUP_REVIEW] = "On the Review step",
	[WZ_GROUP_TEMPLATE] = "In the template chooser (and the moves of the rows)",
	[WZ_GROUP_EDIT] = "In an edit field, the search or the filter",
	[WZ_GROUP_ASK] = "When asked",
};

const struct wz_binding *wz_bindings(size_t *count)
{
	*count = sizeof bindings / sizeof bindings[0];
	return bindings;
}

enum wz_action wz_key_action(enum wz_key_group group, int key)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].group == group && bindings[i].key == key)
			return bindings[i].action;
	return WZ_ACT_NONE;
}

void wz_key_labels(enum wz_key_group group, enum wz_action a, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
		const struct wz_binding *b = &bindings[i];
		if (b->group != group || b->action != a || !b->label)
			continue;
		int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", b->label);
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

const char *wz_action_help(enum wz_action a)
{
	return a > WZ_ACT_NONE && a < WZ_ACT_COUNT ? action_help[a] : "";
}

void wz_key_bar(char *buf, size_t size, enum wz_key_group step_group)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int a = 1; a < WZ_ACT_COUNT; a++) {
		if (!action_bar[a])
			continue;
		for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
			if ((int)bindings[i].action != a ||
			    (bindings[i].group != WZ_GROUP_ANY && bindings[i].group != step_group))
				continue;
			int n = snprintf(buf + used, size - used, "%s%s %s", used ? "  " : "", bindings[i].label,
					 action_bar[a]);
			if (n > 0 && (size_t)n < size - used)
				used += (size_t)n;
			break;
		}
	}
}

const char *wz_group_title(enum wz_key_group g)
{
	return group_title[g];
}

/* Walk every (group, action) that has a labelled key, in table order. */
typedef void pair_fn(void *data, enum wz_key_group g, enum wz_action a, const char *keys, int first);

static void each_pair(pair_fn *fn, void *data)
{
	for (int g = 0; g < WZ_GROUP_COUNT; g++) {
		int first = 1;
		for (int a = 1; a < WZ_ACT_COUNT; a++) {
			char keys[64];
			wz_key_labels((enum wz_key_group)g, (enum wz_action)a, keys, sizeof keys);
			if (!keys[0])
				continue;
			fn(data, (enum wz_key_group)g, (enum wz_action)a, keys, first);
			first = 0;
		}
	}
}

static void help_line(void *data, enum wz_key_group g, enum wz_action a, const char *keys, int first)
{
	FILE *out = data;
	if (first)
		fprintf(out, "%s%s\n", g ? "\n" : "", group_title[g]);
	fprintf(out, "  %-16s %s\n", keys, action_help[a]);
}

char *wz_help_text(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (!out)
		return NULL;
	each_pair(help_line, out);
	fclose(out);
	return buf;
}

static void man_line(void *data, enum wz_key_group g, enum wz_action a, const char *keys, int first)
{
	FILE *out = data;
	if (first)
		fprintf(out, ".SS %s\n", group_title[g]);
	fprintf(out, ".TP\n.B %s\n", keys);
	/* roff: a line may not start with a dot or quote. */
	fprintf(out, "%s%s\n", (action_help[a][0] == '.' || action_help[a][0] == '\'') ? "\\&" : "",
		action_help[a]);
}

void wz_write_keys_man(FILE *out)
{
	fprintf(out, ".SH KEYS\n"
		     "Keys of the wizard (generated by \\fBvmcs-audit wizard --keys\\fR from its key table).\n");
	each_pair(man_line, out);
}
