/* What a KEY of set/get/unset names: a VMCS field, a [cpu] MSR or fact, an
 * [entry] fact, by the same tables the state-file reader uses. */
#ifndef VA_SHELL_KEYS_H
#define VA_SHELL_KEYS_H

#include "shell.h"

struct va_key {
	enum { KEY_NONE, KEY_FIELD, KEY_MSR, KEY_FACT, KEY_ENTRY } kind;
	enum va_field field;
	int high;       /* NAME_HIGH or the odd encoding: bits 63:32 */
	int index;      /* enum va_msr, va_fact or va_entry_fact */
	const char *section;    /* "vmcs", "cpu", "entry" */
	const char *name;       /* as the tables spell it */
};

/* 0, or -1 with the error printed ("unknown ... (did you mean ...?)"). */
int va_key_resolve(struct va_shell *sh, const char *cmd, const char *key, struct va_key *out);

/* Apply "[section]\nKEY = VALUE" through the state-file reader. 0, or -1
 * with the reader's message printed. */
int va_key_assign(struct va_shell *sh, const char *cmd, const char *section, const char *key,
		  const char *value);

/* The value of a key in words: "0x89", "? (absent)", "vmlaunch", ... */
void va_key_value_text(const struct va_shell *sh, const struct va_key *k, char *buf, size_t size);

/* An [entry] value as the state file writes it: its word, or the number. */
void va_entry_text(enum va_entry_fact e, uint64_t value, char *buf, size_t size);

#endif
