/* The VMCS field table: the single source of field names, encodings,
 * widths and areas (lookup, completion, messages, readers). */
#ifndef VA_FIELDS_H
#define VA_FIELDS_H

#include <stddef.h>
#include <stdint.h>

enum va_field {
	FLD_NONE = 0, /* so that unused slots of zero-initialised field lists mean "none" */
#define VA_FIELD(name, enc) FLD_##name,
#include "field_list.h"
#undef VA_FIELD
	FLD_COUNT
};

enum va_field_width { VA_W16, VA_W64, VA_W32, VA_WNAT };
enum va_field_area { VA_AREA_CONTROL, VA_AREA_EXIT_INFO, VA_AREA_GUEST, VA_AREA_HOST };

struct va_field_info {
	uint16_t encoding;
	const char *name;
};

const struct va_field_info *va_field_info(enum va_field f);
const char *va_field_name(enum va_field f);
uint16_t va_field_encoding(enum va_field f);
enum va_field_width va_field_width(enum va_field f);
enum va_field_area va_field_area(enum va_field f);
/* Bits a value of this field may have: 16, 32 or 64 (natural width is 64). */
unsigned va_field_bits(enum va_field f);
/* Exact encoding of a field (even encodings only); FLD_NONE if none. */
enum va_field va_field_by_encoding(uint16_t encoding);
/* Case-insensitive exact name; FLD_NONE if none. */
enum va_field va_field_by_name(const char *name, size_t len);

#endif
