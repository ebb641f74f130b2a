#include "text_util.h"

#include <ctype.h>
#include <string.h>

#include "fields.h"

static int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int va_parse_hex(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t digits = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '`')
			continue;
		int d = hex_digit((unsigned char)s[i]);
		if (d < 0)
			return -1;
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

int va_parse_u64(const char *s, size_t n, uint64_t *out)
{
	if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return va_parse_hex(s + 2, n - 2, out);
	if (memchr(s, '`', n))
		return va_parse_hex(s, n, out);
	if (!n)
		return -1;
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -2;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int va_word_eq(const char *s, size_t n, const char *word)
{
	size_t k = 0;
	for (; k < n && word[k]; k++)
		if (tolower((unsigned char)s[k]) != tolower((unsigned char)word[k]))
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
