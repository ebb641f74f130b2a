/*
 * The state-file format v1 (docs/state-file.md): sections [cpu], [vmcs],
 * [memory], [entry], [observed]; `#` comments; keys case-insensitive; values hex (0x,
 * WinDbg backticks allowed) or decimal; `?` marks a value the input did not
 * have (absent, not zero).
 */
#ifndef VA_STATE_FILE_H
#define VA_STATE_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "../engine/state.h"

/*
 * Read state-file text into `st`, on top of what it holds (a later input
 * overrides an earlier one; the same key twice in one text is an error).
 * 0 on success; -1 with `err` filled (file, line, column, message).
 */
int va_state_read(struct va_state *st, const char *text, size_t len, const char *file,
		  struct va_error *err);

/* The same, telling in `notes` what the user should know about the input
 * (values given in decimal, with their hex). */
struct va_import_notes;
int va_state_read_noted(struct va_state *st, const char *text, size_t len, const char *file,
			struct va_error *err, struct va_import_notes *notes);

/* Free what the readers allocated for `st` (its memory array) and re-init. */
void va_state_release(struct va_state *st);

/* Set one qword of memory, keeping the array sorted.  0, or -1 on ENOMEM. */
int va_state_set_memory(struct va_state *st, uint64_t addr, uint64_t value);

/* Set a field (presence VA_SET), or mark it absent. */
void va_state_set_field(struct va_state *st, enum va_field f, uint64_t value);
void va_state_mark_absent(struct va_state *st, enum va_field f);

/* The fields an [observed] section takes: the outcome of the attempt
 * (VM_INSTRUCTION_ERROR, VM_EXIT_REASON, EXIT_QUALIFICATION). */
int va_is_observed_field(enum va_field f);

/* Write st as a state file; 0, or -1 on a write error. */
int va_state_write(FILE *out, const struct va_state *st);

#endif
