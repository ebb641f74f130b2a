/*
 * Completion candidates for a command line and a cursor position, from the
 * tables the rest of the program uses: the caller's command table, the
 * field table, named bits, [cpu]/[entry] keys, rule IDs, profiles, files.
 * No line editor here: the shell's adapter asks, tests ask the same way.
 */
#ifndef VA_COMPLETE_H
#define VA_COMPLETE_H

#include <stddef.h>

#include "../engine/bitnames.h"
#include "../engine/fields.h"

/* What an argument is, one letter per argument in va_complete_cmd.args;
 * a letter followed by '*' stands for every later argument too. */
enum va_arg_kind {
	VA_ARG_COMMAND = 'c',   /* a command of the table */
	VA_ARG_KEY = 'k',       /* VMCS field, [cpu] MSR or fact, [entry] key */
	VA_ARG_FIELD = 'f',     /* VMCS field */
	VA_ARG_VALUE = 'v',     /* of the key in argument 1: +BIT/-BIT, [entry] words */
	VA_ARG_RULE = 'r',
	VA_ARG_PROFILE = 'p',   /* built-in profile name, or a file */
	VA_ARG_FILE = 'F',
	VA_ARG_WORD = 'w',      /* one of the command's words */
	VA_ARG_INPUT_KIND = 'K',/* an input kind (--from) */
	VA_ARG_MODE = 'm',      /* a template mode (new --mode) */
	VA_ARG_FEATURES = 'e',  /* template features, comma-separated (new --with) */
	VA_ARG_NONE = 'n',      /* numbers and such: nothing to offer */
};

struct va_complete_cmd {
	const char *name;
	const char *args;                /* enum va_arg_kind letters */
	const char *(*word)(size_t i);   /* VA_ARG_WORD: the i-th word, NULL past the last */
	const char *const *options;      /* "--json"..., NULL-terminated, or NULL */
	const char *option_args;         /* per option, the kind of its value ('n': none), or NULL */
};

struct va_completions {
	size_t start;   /* where the word being completed starts in the line */
	size_t count;
	char **items;   /* sorted, no duplicates; whole words to put in its place */
	size_t cap;
	int files;      /* file names among them: a directory ends in '/' (no space after it) */
};

/*
 * Candidates for the word that ends at `cursor` in line[0..len).  `cmds`
 * points at the first command's va_complete_cmd inside a table whose rows
 * are `stride` bytes apart (so the caller's own command table is passed as
 * is).  The word after an option that takes a value is of that value's
 * kind; options and their values do not count as arguments.  0, or -1 on
 * ENOMEM.
 */
int va_complete(const char *line, size_t cursor, const struct va_complete_cmd *cmds,
		size_t ncmds, size_t stride, struct va_completions *out);
void va_completions_free(struct va_completions *c);
/* Length of the prefix every candidate shares (0 if none). */
size_t va_completions_common(const struct va_completions *c);

/* The named bits of a VMCS field's value, or of a capability MSR; VA_BITS_NONE. */
enum va_bitset va_field_bitset(enum va_field f);
enum va_bitset va_key_bitset(const char *key, size_t n);
/* A bit name as one word: blanks become '_', a trailing "(...)" is dropped. */
void va_bit_token(const char *name, char *buf, size_t size);
/* The bit of `set` that s[0..n) names: the word of its name (any case), the
 * end of that word after a '_' ("VIRTUAL_NMIS" for PIN_BASED_VIRTUAL_NMIS),
 * or a bit number 0-63.  The bit, -1 if no bit has that name, -2 if several. */
int va_bit_lookup(enum va_bitset set, const char *s, size_t n);

/* The closest name to s[0..n): of every key `set` takes (fields, MSRs,
 * facts, [entry] keys), of a rule ID.  NULL if none is close. */
const char *va_nearest_key(const char *s, size_t n);
const char *va_nearest_rule(const char *s, size_t n);

#endif
