/* Helpers shared by the wizard's rows, update and draw. */
#ifndef WZ_VIEW_H
#define WZ_VIEW_H

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

#endif
