#include "text_util.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "../engine/fields.h"
#include "../engine/state.h"

/* Digit values plus one, 0 for anything else: every value the readers see
 * goes through here. */
static const uint8_t hex_value1[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8,
	['8'] = 9, ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15,
	['f'] = 16, ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

int va_hex_digit(int c)
{
	return (int)hex_value1[(unsigned char)c] - 1;
}

/* A digit separator: WinDbg's backtick, C++14's ', and the _ of Rust, Python
 * and Intel's manuals.  Only between two digits: "_80" or "80__" is no number. */
static int separator(const char *s, size_t n, size_t i)
{
	if (s[i] != '`' && s[i] != '_' && s[i] != '\'')
		return 0;
	return i > 0 && i + 1 < n && va_hex_digit(s[i - 1]) >= 0 && va_hex_digit(s[i + 1]) >= 0 ? 1 : -1;
}

int va_parse_hex(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t digits = 0;
	for (size_t i = 0; i < n; i++) {
		int d = va_hex_digit((unsigned char)s[i]);
		if (d < 0) {
			if (separator(s, n, i) > 0)
				continue;
			return -1;
		}
		if (v >> 60)
			return -2;
		v = (v << 4) | (uint64_t)d;
		digits++;
	}
	if (!digits)
		return -1;
	*out = v;
	return 0;
}

enum va_radix va_number_radix(const char *s, size_t n)
{
	if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return VA_RADIX_0X;
	/* Intel's suffix: "80050033h" (a leading digit, as in assembler) */
	if (n >= 2 && (s[n - 1] == 'h' || s[n - 1] == 'H') && s[0] >= '0' && s[0] <= '9')
		return VA_RADIX_H;
	if (memchr(s, '`', n))
		return VA_RADIX_BACKTICK;
	return VA_RADIX_BARE;
}

int va_parse_u64(const char *s, size_t n, uint64_t *out)
{
	switch (va_number_radix(s, n)) {
	case VA_RADIX_0X:
		/* "0x40h": both marks of hex at once, still hex */
		if (n > 3 && (s[n - 1] == 'h' || s[n - 1] == 'H'))
			n--;
		return va_parse_hex(s + 2, n - 2, out);
	case VA_RADIX_H:
		return va_parse_hex(s, n - 1, out);
	case VA_RADIX_BACKTICK:
		return va_parse_hex(s, n, out);
	case VA_RADIX_BARE:
		break;
	}
	if (!n)
		return -1;
	uint64_t v = 0;
	size_t digits = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			if ((s[i] == '_' || s[i] == '\'') && i > 0 && i + 1 < n && s[i - 1] >= '0' &&
			    s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9')
				continue;
			return -1;
		}
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -2;
		v = v * 10 + d;
		digits++;
	}
	if (!digits)
		return -1;
	*out = v;
	return 0;
}

static inline unsigned char fold(unsigned char c)
{
	return (unsigned char)(c | (((unsigned)(c - 'A') < 26u) << 5));
}

/* n bytes equal but for the case of letters; most keys are written in the
 * table's own case, so the first test usually decides. */
static int same_folded(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i] && fold((unsigned char)a[i]) != fold((unsigned char)b[i]))
			return 0;
	return 1;
}

int va_word_eq(const char *s, size_t n, const char *word)
{
	size_t k = 0;
	if (n && fold((unsigned char)s[0]) != fold((unsigned char)word[0]))
		return 0;
	for (; k < n && word[k]; k++)
		if (fold((unsigned char)s[k]) != fold((unsigned char)word[k]))
			return 0;
	return k == n && word[k] == '\0';
}

unsigned va_edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	unsigned row[64];
	if (na > 63 || nb > 63)
		return 255;
	for (size_t j = 0; j <= nb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= na; i++) {
		unsigned prev = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= nb; j++) {
			unsigned keep = row[j];
			unsigned cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			unsigned best = prev + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = keep;
		}
	}
	return row[nb] > 255 ? 255 : row[nb];
}

const char *va_nearest_field_name(const char *s, size_t n)
{
	const char *best = NULL;
	unsigned best_d = 255;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		const char *name = va_field_name((enum va_field)f);
		unsigned d = va_edit_distance(s, n, name, strlen(name));
		if (d < best_d) {
			best_d = d;
			best = name;
		}
	}
	unsigned limit = n / 4 > 2 ? (unsigned)(n / 4) : 2;
	return best_d <= limit ? best : NULL;
}

/*
 * Name indexes: open addressing over a power of two well above the number
 * of names, built once; the readers look up a key on every line.
 */
#define INDEX_SLOTS 1024

struct name_index {
	uint16_t slot[INDEX_SLOTS];   /* 1 + position in the name list; 0 = empty */
	uint8_t length[INDEX_SLOTS];  /* of the name in that slot, to skip most compares */
	const char *name[INDEX_SLOTS];
};

static uint32_t name_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint32_t)fold((unsigned char)s[i])) * 16777619u;
	return h;
}

static void index_add(struct name_index *ix, const char *name, unsigned position)
{
	size_t n = strlen(name);
	uint32_t h = name_hash(name, n) & (INDEX_SLOTS - 1);
	while (ix->slot[h])
		h = (h + 1) & (INDEX_SLOTS - 1);
	ix->slot[h] = (uint16_t)(position + 1);
	ix->length[h] = (uint8_t)(n < 255 ? n : 255);
	ix->name[h] = name;
}

/* Position of s[0..n) among the names of the index, or -1. */
static int index_find(const struct name_index *ix, const char *s, size_t n)
{
	uint32_t h = name_hash(s, n) & (INDEX_SLOTS - 1);
	while (ix->slot[h]) {
		unsigned position = ix->slot[h] - 1u;
		if (ix->length[h] == n && same_folded(s, ix->name[h], n))
			return (int)position;
		h = (h + 1) & (INDEX_SLOTS - 1);
	}
	return -1;
}

static const char *field_name_at(unsigned position)
{
	return va_field_name((enum va_field)position);
}

static const char *msr_name_at(unsigned position)
{
	return va_msr_name((enum va_msr)position);
}

static struct name_index field_index, msr_index;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_indexes(void)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		index_add(&field_index, field_name_at(f), f);
	for (unsigned m = 0; m < MSR_COUNT; m++)
		index_add(&msr_index, msr_name_at(m), m);
}

enum va_field va_field_lookup(const char *s, size_t n)
{
	pthread_once(&index_once, build_indexes);
	int f = index_find(&field_index, s, n);
	return f < 0 ? FLD_NONE : (enum va_field)f;
}

int va_msr_lookup(const char *s, size_t n)
{
	pthread_once(&index_once, build_indexes);
	return index_find(&msr_index, s, n);
}
