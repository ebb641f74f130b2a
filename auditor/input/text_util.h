/* Small text helpers shared by the readers. */
#ifndef VA_TEXT_UTIL_H
#define VA_TEXT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "../engine/fields.h"

/* The value of one hex digit of either case, or -1 (any int: a char that
 * may be negative is taken as its byte). */
int va_hex_digit(int c);

/* How a number token says its radix. */
enum va_radix {
	VA_RADIX_BARE,         /* digits alone: decimal (state files), format-defined in dumps */
	VA_RADIX_0X,           /* 0x8005_0033, 0x40h */
	VA_RADIX_H,            /* Intel's 80050033h (leading digit) */
	VA_RADIX_BACKTICK,     /* WinDbg's 00000000`80050033 */
};
enum va_radix va_number_radix(const char *s, size_t n);

/* Parse a whole token as a number: hex when va_number_radix says so,
 * otherwise decimal.  Digit separators (` _ ') are allowed between digits.
 * 0 on success, -1 if it is not a number, -2 if it does not fit 64 bits. */
int va_parse_u64(const char *s, size_t n, uint64_t *out);

/* Parse hex digits (no prefix; separators skipped).  Same returns. */
int va_parse_hex(const char *s, size_t n, uint64_t *out);

/* 3 if the text begins with a UTF-8 byte-order mark (editors on Windows
 * write one), else 0: every input skips it. */
static inline size_t va_bom_length(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbb &&
	       (unsigned char)s[2] == 0xbf ? 3 : 0;
}

/* Case-insensitive comparison of s[0..n) with a NUL-terminated word. */
int va_word_eq(const char *s, size_t n, const char *word);

/* Levenshtein distance, case-insensitive, capped at 255. */
unsigned va_edit_distance(const char *a, size_t na, const char *b, size_t nb);

/* A field by name, case-insensitive: the same answer as va_field_by_name,
 * through a hash table (the readers look up every line's key). */
enum va_field va_field_lookup(const char *s, size_t n);

/* A capability MSR by SDM name (enum va_msr), or -1. */
int va_msr_lookup(const char *s, size_t n);

/* The field name closest to s[0..n), or NULL if none is close. */
const char *va_nearest_field_name(const char *s, size_t n);

#endif
