/* Putting one input on top of a state without losing what the state had:
 * what a paste into a half-filled wizard needs.  A VMCS dump read into a
 * fresh state marks every field it lacks absent; merging copies only what
 * the input gave, so values typed before the paste stay. */
#ifndef VA_STATE_MERGE_H
#define VA_STATE_MERGE_H

#include "../engine/state.h"

/* Copy into dst every field src has set, every MSR, fact and [entry] fact
 * src gives, and every qword of src's memory.  0, or -1 on ENOMEM (dst then
 * holds part of src). */
int va_state_merge(struct va_state *dst, const struct va_state *src);

/* dst := a copy of src with its own memory array.  0, or -1 on ENOMEM
 * (dst is then an empty state). */
int va_state_copy(struct va_state *dst, const struct va_state *src);

#endif
