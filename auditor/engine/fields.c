#include "fields.h"

static const struct va_field_info field_table[FLD_COUNT] = {
	[FLD_NONE] = { 0xffff, "?" },
#define VA_FIELD(name, enc) [FLD_##name] = { enc, #name },
#include "field_list.h"
#undef VA_FIELD
};

const struct va_field_info *va_field_info(enum va_field f)
{
	return (f > FLD_NONE && f < FLD_COUNT) ? &field_table[f] : NULL;
}

const char *va_field_name(enum va_field f)
{
	return f < FLD_COUNT ? field_table[f].name : "?";
}

uint16_t va_field_encoding(enum va_field f)
{
	return field_table[f].encoding;
}

enum va_field_width va_field_width(enum va_field f)
{
	return (enum va_field_width)((field_table[f].encoding >> 13) & 3);
}

enum va_field_area va_field_area(enum va_field f)
{
	return (enum va_field_area)((field_table[f].encoding >> 10) & 3);
}

unsigned va_field_bits(enum va_field f)
{
	switch (va_field_width(f)) {
	case VA_W16: return 16;
	case VA_W32: return 32;
	default: return 64;
	}
}

enum va_field va_field_by_encoding(uint16_t encoding)
{
	/* The list is kept sorted by encoding (a unit test holds it to that). */
	size_t lo = 1, hi = FLD_COUNT;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint16_t e = field_table[mid].encoding;
		if (e == encoding)
			return (enum va_field)mid;
		if (e < encoding)
			lo = mid + 1;
		else
			hi = mid;
	}
	return FLD_NONE;
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

enum va_field va_field_by_name(const char *name, size_t len)
{
	for (size_t i = 1; i < FLD_COUNT; i++) {
		const char *n = field_table[i].name;
		size_t k = 0;
		while (k < len && n[k] && lower(n[k]) == lower(name[k]))
			k++;
		if (k == len && n[k] == '\0')
			return (enum va_field)i;
	}
	return FLD_NONE;
}
