/*
 * One state over another, for front ends that load an input on top of what
 * they hold (the shell's import and paste, the wizard), and the copies and
 * comparisons their undo and "unsaved changes" need.
 */
#ifndef VA_STATE_MERGE_H
#define VA_STATE_MERGE_H

#include "../engine/state.h"

/*
 * Copy what `src` gives over `dst`: fields written in src (VA_SET; a field
 * src lacks or marks absent keeps dst's value), capability MSRs, CPU facts
 * and [entry] facts present in src, and every qword of src's memory.
 * 0, or -1 when memory cannot grow (dst then holds part of src's memory).
 */
int va_state_merge(struct va_state *dst, const struct va_state *src);

/* dst := a deep copy of src (dst's own memory array is freed first; dst
 * must be initialised).  0, or -1 on ENOMEM with dst emptied. */
int va_state_copy(struct va_state *dst, const struct va_state *src);

/* Do two states mean the same input (fields, presence, MSRs, facts,
 * [entry] facts, memory)?  Slots a state does not give are ignored. */
int va_state_equal(const struct va_state *a, const struct va_state *b);

#endif
