#include "complete.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../engine/audit.h"
#include "../engine/state.h"
#include "profiles.h"
#include "readers/reader.h"
#include "template.h"
#include "text_util.h"

/* Fields whose values are bit sets with names. */
static const struct {
	enum va_field field;
	enum va_bitset set;
} field_bits[] = {
	{ FLD_PIN_BASED_VM_EXEC_CONTROL, VA_BITS_PIN },
	{ FLD_CPU_BASED_VM_EXEC_CONTROL, VA_BITS_PROC },
	{ FLD_SECONDARY_VM_EXEC_CONTROL, VA_BITS_PROC2 },
	{ FLD_TERTIARY_VM_EXEC_CONTROL, VA_BITS_PROC3 },
	{ FLD_VM_EXIT_CONTROLS, VA_BITS_EXIT },
	{ FLD_SECONDARY_VM_EXIT_CONTROLS, VA_BITS_EXIT2 },
	{ FLD_VM_ENTRY_CONTROLS, VA_BITS_ENTRY },
	{ FLD_VM_FUNCTION_CONTROL, VA_BITS_VMFUNC },
	{ FLD_GUEST_CR0, VA_BITS_CR0 }, { FLD_HOST_CR0, VA_BITS_CR0 },
	{ FLD_CR0_GUEST_HOST_MASK, VA_BITS_CR0 }, { FLD_CR0_READ_SHADOW, VA_BITS_CR0 },
	{ FLD_GUEST_CR4, VA_BITS_CR4 }, { FLD_HOST_CR4, VA_BITS_CR4 },
	{ FLD_CR4_GUEST_HOST_MASK, VA_BITS_CR4 }, { FLD_CR4_READ_SHADOW, VA_BITS_CR4 },
	{ FLD_GUEST_IA32_EFER, VA_BITS_EFER }, { FLD_HOST_IA32_EFER, VA_BITS_EFER },
	{ FLD_GUEST_RFLAGS, VA_BITS_RFLAGS },
	{ FLD_GUEST_INTERRUPTIBILITY_INFO, VA_BITS_INTERRUPTIBILITY },
	{ FLD_VM_ENTRY_INTR_INFO_FIELD, VA_BITS_INTR_INFO },
	{ FLD_GUEST_ES_AR_BYTES, VA_BITS_AR }, { FLD_GUEST_CS_AR_BYTES, VA_BITS_AR },
	{ FLD_GUEST_SS_AR_BYTES, VA_BITS_AR }, { FLD_GUEST_DS_AR_BYTES, VA_BITS_AR },
	{ FLD_GUEST_FS_AR_BYTES, VA_BITS_AR }, { FLD_GUEST_GS_AR_BYTES, VA_BITS_AR },
	{ FLD_GUEST_LDTR_AR_BYTES, VA_BITS_AR }, { FLD_GUEST_TR_AR_BYTES, VA_BITS_AR },
	{ FLD_GUEST_PENDING_DBG_EXCEPTIONS, VA_BITS_PENDING_DBG },
	{ FLD_EPT_POINTER, VA_BITS_EPTP },
	{ FLD_GUEST_S_CET, VA_BITS_S_CET }, { FLD_HOST_S_CET, VA_BITS_S_CET },
};

enum va_bitset va_field_bitset(enum va_field f)
{
	for (size_t i = 0; i < sizeof field_bits / sizeof field_bits[0]; i++)
		if (field_bits[i].field == f)
			return field_bits[i].set;
	return VA_BITS_NONE;
}

enum va_bitset va_key_bitset(const char *key, size_t n)
{
	enum va_field f = va_field_lookup(key, n);
	if (f != FLD_NONE)
		return va_field_bitset(f);
	int m = va_msr_lookup(key, n);
	if (m >= 0) {
		const char *name = va_msr_name((enum va_msr)m);
		return va_bitset_by_name(name, (unsigned)strlen(name));
	}
	return VA_BITS_NONE;
}

void va_bit_token(const char *name, char *buf, size_t size)
{
	size_t k = 0;
	const char *paren = strstr(name, " (");
	size_t n = paren ? (size_t)(paren - name) : strlen(name);
	for (size_t i = 0; i < n && k + 1 < size; i++)
		buf[k++] = name[i] == ' ' ? '_' : name[i];
	if (size)
		buf[k] = '\0';
}

int va_bit_lookup(enum va_bitset set, const char *s, size_t n)
{
	uint64_t number;
	if (n && s[0] >= '0' && s[0] <= '9' && va_parse_u64(s, n, &number) == 0)
		return number < 64 ? (int)number : -1;
	int found = -1, tail_found = -1, tails = 0;
	for (unsigned b = 0; b < 64; b++) {
		const char *name = va_bit_name(set, b);
		if (!name)
			continue;
		char tok[64];
		va_bit_token(name, tok, sizeof tok);
		size_t len = strlen(tok);
		if (va_word_eq(s, n, tok))
			found = (int)b;
		else if (n < len && tok[len - n - 1] == '_' && va_word_eq(s, n, tok + len - n)) {
			tail_found = (int)b;
			tails++;
		}
	}
	if (found >= 0)
		return found;
	if (tails > 1)
		return -2;
	return tail_found;
}

static const char *nearest(const char *s, size_t n, const char *(*name_at)(size_t i),
			   const char *best, unsigned *best_d)
{
	const char *name;
	for (size_t i = 0; (name = name_at(i)) != NULL; i++) {
		if (!*name)
			continue;
		unsigned d = va_edit_distance(s, n, name, strlen(name));
		if (d < *best_d) {
			*best_d = d;
			best = name;
		}
	}
	return best;
}

/* Every table as "the i-th name, NULL past the last" (empty: skip). */
static const char *field_at(size_t i)
{
	return i + 1 < FLD_COUNT ? va_field_name((enum va_field)(i + 1)) : NULL;
}

static const char *msr_at(size_t i)
{
	return i < MSR_COUNT ? va_msr_name((enum va_msr)i) : NULL;
}

static const char *fact_at(size_t i)
{
	return i < FACT_COUNT ? va_fact_info((enum va_fact)i)->key : NULL;
}

static const char *entry_at(size_t i)
{
	return i < ENTRY_COUNT ? va_entry_info((enum va_entry_fact)i)->key : NULL;
}

static const char *rule_at(size_t i)
{
	return i < va_rule_count() ? va_rule_at((unsigned)i)->id : NULL;
}

static const char *profile_at(size_t i)
{
	return i < va_profile_count ? va_profiles[i].name : NULL;
}

static const char *kind_at(size_t i)
{
	size_t n;
	const struct va_reader *const *r = va_readers(&n);
	return i < n ? r[i]->kind : NULL;
}

static const char *mode_at(size_t i)
{
	const struct va_template_choice *m = va_template_mode_at((unsigned)i);
	return m ? m->name : NULL;
}

static const char *feature_at(size_t i)
{
	const struct va_template_choice *f = va_template_feature_at((unsigned)i);
	return f ? f->name : NULL;
}

static unsigned close_enough(size_t n)
{
	return n / 4 > 2 ? (unsigned)(n / 4) : 2;
}

const char *va_nearest_key(const char *s, size_t n)
{
	unsigned d = 255;
	const char *best = nearest(s, n, field_at, NULL, &d);
	best = nearest(s, n, msr_at, best, &d);
	best = nearest(s, n, fact_at, best, &d);
	best = nearest(s, n, entry_at, best, &d);
	return d <= close_enough(n) ? best : NULL;
}

const char *va_nearest_rule(const char *s, size_t n)
{
	unsigned d = 255;
	const char *best = nearest(s, n, rule_at, NULL, &d);
	return d <= close_enough(n) ? best : NULL;
}

/* ---- the candidate list ---- */

static int add(struct va_completions *c, const char *prefix, const char *word)
{
	if (c->count == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		char **items = realloc(c->items, cap * sizeof *items);
		if (!items)
			return -1;
		c->items = items;
		c->cap = cap;
	}
	size_t np = strlen(prefix), nw = strlen(word);
	char *s = malloc(np + nw + 1);
	if (!s)
		return -1;
	memcpy(s, prefix, np);
	memcpy(s + np, word, nw + 1);
	c->items[c->count++] = s;
	return 0;
}

/* Names of a table that start with the typed word, any case. */
static int add_matching(struct va_completions *c, const char *w, size_t n,
			const char *(*name_at)(size_t i))
{
	const char *name;
	for (size_t i = 0; (name = name_at(i)) != NULL; i++)
		if (*name && strlen(name) >= n && !strncasecmp(name, w, n) && add(c, "", name))
			return -1;
	return 0;
}

static int add_bits(struct va_completions *c, enum va_bitset set, const char *w, size_t n)
{
	char sign[2] = { w[0], '\0' };
	w++;
	n--;
	for (unsigned b = 0; b < 64; b++) {
		const char *name = va_bit_name(set, b);
		if (!name)
			continue;
		char tok[64];
		va_bit_token(name, tok, sizeof tok);
		if (strlen(tok) >= n && !strncasecmp(tok, w, n) && add(c, sign, tok))
			return -1;
	}
	return 0;
}

static int add_entry_words(struct va_completions *c, const char *key, const char *w, size_t n)
{
	size_t nw;
	const struct va_entry_word *words = va_entry_words(&nw);
	for (size_t i = 0; i < nw; i++) {
		const char *ek = va_entry_info(words[i].entry)->key;
		if (!strcasecmp(ek, key) && strlen(words[i].word) >= n &&
		    !strncasecmp(words[i].word, w, n) && add(c, "", words[i].word))
			return -1;
	}
	return 0;
}

/* "ept,vp": the word after the last comma, the features before it kept
 * and not offered again. */
static int add_features(struct va_completions *c, const char *w, size_t n)
{
	size_t k = n;
	while (k && w[k - 1] != ',')
		k--;
	char prefix[256];
	if (k >= sizeof prefix)
		return 0;
	memcpy(prefix, w, k);
	prefix[k] = '\0';
	const char *name;
	for (size_t i = 0; (name = feature_at(i)) != NULL; i++) {
		size_t len = strlen(name);
		if (len < n - k || strncasecmp(name, w + k, n - k))
			continue;
		int listed = 0;
		for (size_t p = 0; p < k && !listed;) {
			size_t m = strcspn(prefix + p, ",");
			listed = m == len && !strncasecmp(prefix + p, name, len);
			p += m + 1;
		}
		if (!listed && add(c, prefix, name))
			return -1;
	}
	return 0;
}

static int add_files(struct va_completions *c, const char *w, size_t n)
{
	const char *slash = NULL;
	for (size_t i = 0; i < n; i++)
		if (w[i] == '/')
			slash = w + i;
	size_t dirlen = slash ? (size_t)(slash - w) + 1 : 0;
	char dir[4096];
	if (dirlen >= sizeof dir)
		return 0;
	memcpy(dir, w, dirlen);
	dir[dirlen] = '\0';
	DIR *d = opendir(dirlen ? dir : ".");
	if (!d)
		return 0;
	const char *base = w + dirlen;
	size_t nb = n - dirlen;
	struct dirent *e;
	int rc = 0;
	c->files = 1;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (e->d_name[0] == '.' && (nb == 0 || base[0] != '.'))
			continue;
		if (strncmp(e->d_name, base, nb))
			continue;
		char path[4096 + 256];
		snprintf(path, sizeof path, "%s%s", dir, e->d_name);
		DIR *sub = opendir(path);
		if (sub) {
			closedir(sub);
			strcat(path, "/");
		}
		rc = add(c, "", path);
	}
	closedir(d);
	return rc;
}

static int cmp_items(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique(struct va_completions *c)
{
	if (c->count < 2)
		return;
	qsort(c->items, c->count, sizeof *c->items, cmp_items);
	size_t k = 0;
	for (size_t i = 0; i < c->count; i++) {
		if (k && !strcmp(c->items[k - 1], c->items[i]))
			free(c->items[i]);
		else
			c->items[k++] = c->items[i];
	}
	c->count = k;
}

static const struct va_complete_cmd *cmd_at(const struct va_complete_cmd *cmds, size_t stride,
					    size_t i)
{
	return (const struct va_complete_cmd *)((const char *)cmds + i * stride);
}

static const struct va_complete_cmd *find_cmd(const struct va_complete_cmd *cmds, size_t ncmds,
					      size_t stride, const char *w, size_t n)
{
	if (n && w[n - 1] == '!')
		n--;
	for (size_t i = 0; i < ncmds; i++) {
		const struct va_complete_cmd *c = cmd_at(cmds, stride, i);
		if (strlen(c->name) == n && !strncmp(c->name, w, n))
			return c;
	}
	return NULL;
}

/* The kind of value option w[0..n) of cmd takes: VA_ARG_NONE for an option
 * without one, 0 for a word that is not an option of cmd. */
static char option_kind(const struct va_complete_cmd *cmd, const char *w, size_t n)
{
	for (size_t i = 0; cmd->options && cmd->options[i]; i++)
		if (strlen(cmd->options[i]) == n && !strncmp(cmd->options[i], w, n))
			return cmd->option_args && i < strlen(cmd->option_args) ? cmd->option_args[i] : VA_ARG_NONE;
	return 0;
}

static char kind_of_arg(const char *args, size_t index)
{
	size_t len = strlen(args);
	if (!len)
		return VA_ARG_NONE;
	if (index < len && args[index] != '*')
		return args[index];
	if (args[len - 1] == '*' && len >= 2)
		return args[len - 2];
	return VA_ARG_NONE;
}

#define MAX_WORDS 32

int va_complete(const char *line, size_t cursor, const struct va_complete_cmd *cmds,
		size_t ncmds, size_t stride, struct va_completions *out)
{
	memset(out, 0, sizeof *out);
	size_t start[MAX_WORDS], len[MAX_WORDS], nwords = 0, i = 0;
	for (;;) {
		while (i < cursor && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i >= cursor)
			break;
		size_t s = i;
		while (i < cursor && line[i] != ' ' && line[i] != '\t')
			i++;
		if (nwords == MAX_WORDS)
			return 0;
		start[nwords] = s;
		len[nwords++] = i - s;
	}
	/* The word under the cursor: the last one if the cursor touches it,
	 * else a new empty word. */
	size_t cur;
	if (nwords && start[nwords - 1] + len[nwords - 1] == cursor) {
		cur = nwords - 1;
	} else {
		cur = nwords;
		start[cur] = cursor;
		len[cur] = 0;
	}
	const char *w = line + start[cur];
	size_t n = len[cur];
	out->start = start[cur];
	if (w[0] == '#' && n)
		return 0;
	const struct va_complete_cmd *cmd = NULL;
	char kind = VA_ARG_COMMAND, value = 0;
	if (cur > 0) {
		cmd = find_cmd(cmds, ncmds, stride, line + start[0], len[0]);
		if (!cmd)
			return 0;
		/* Arguments are counted without options and their values. */
		size_t pos = 0;
		for (size_t k = 1; k < cur; k++) {
			if (value) {
				value = 0;
				continue;
			}
			char o = option_kind(cmd, line + start[k], len[k]);
			if (!o)
				pos++;
			else if (o != VA_ARG_NONE)
				value = o;
		}
		kind = value ? value : kind_of_arg(cmd->args, pos);
	}
	int rc = 0;
	char key[128] = "";
	if (cur >= 2 && len[1] < sizeof key) {
		memcpy(key, line + start[1], len[1]);
		key[len[1]] = '\0';
	}
	if (!value && n && (w[0] == '-' || w[0] == '+') && kind == VA_ARG_VALUE) {
		rc = add_bits(out, va_key_bitset(key, strlen(key)), w, n);
	} else if (!value && n && w[0] == '-' && cmd && cmd->options) {
		for (size_t k = 0; cmd->options[k] && rc == 0; k++)
			if (!strncmp(cmd->options[k], w, n))
				rc = add(out, "", cmd->options[k]);
	} else {
		switch (kind) {
		case VA_ARG_COMMAND:
			for (size_t k = 0; k < ncmds && rc == 0; k++) {
				const char *name = cmd_at(cmds, stride, k)->name;
				if (!strncmp(name, w, n))
					rc = add(out, "", name);
			}
			break;
		case VA_ARG_KEY:
			rc = add_matching(out, w, n, field_at) || add_matching(out, w, n, msr_at) ||
			     add_matching(out, w, n, fact_at) || add_matching(out, w, n, entry_at);
			break;
		case VA_ARG_FIELD:
			rc = add_matching(out, w, n, field_at);
			break;
		case VA_ARG_VALUE:
			rc = add_entry_words(out, key, w, n);
			break;
		case VA_ARG_RULE:
			rc = add_matching(out, w, n, rule_at);
			break;
		case VA_ARG_PROFILE:
			rc = add_matching(out, w, n, profile_at) || add_files(out, w, n);
			break;
		case VA_ARG_FILE:
			rc = add_files(out, w, n);
			break;
		case VA_ARG_WORD:
			if (cmd->word)
				rc = add_matching(out, w, n, cmd->word);
			break;
		case VA_ARG_INPUT_KIND:
			rc = add_matching(out, w, n, kind_at);
			break;
		case VA_ARG_MODE:
			rc = add_matching(out, w, n, mode_at);
			break;
		case VA_ARG_FEATURES:
			rc = add_features(out, w, n);
			break;
		default:
			break;
		}
	}
	if (rc) {
		va_completions_free(out);
		return -1;
	}
	sort_unique(out);
	return 0;
}

void va_completions_free(struct va_completions *c)
{
	for (size_t i = 0; i < c->count; i++)
		free(c->items[i]);
	free(c->items);
	memset(c, 0, sizeof *c);
}

size_t va_completions_common(const struct va_completions *c)
{
	if (!c->count)
		return 0;
	size_t k = strlen(c->items[0]);
	for (size_t i = 1; i < c->count; i++) {
		size_t j = 0;
		while (j < k && c->items[i][j] == c->items[0][j])
			j++;
		k = j;
	}
	return k;
}
