#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "reader.h"
#include "../provenance.h"

void va_note(struct va_import_notes *n, const char *fmt, ...)
{
	va_list ap;
	if (!n || n->count >= VA_NOTES_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(n->text[n->count++], sizeof n->text[0], fmt, ap);
	va_end(ap);
}

static _Thread_local struct {
	const char *text;
	size_t len;
	unsigned before;
} origin;

static _Thread_local int pieces_of_one_dump;

void va_dump_pieces_set(int one_dump)
{
	pieces_of_one_dump = one_dump;
}

int va_dump_pieces(void)
{
	return pieces_of_one_dump;
}

void va_line_origin_set(const char *text, size_t len, unsigned before)
{
	origin.text = text;
	origin.len = len;
	origin.before = before;
}

unsigned va_line_origin(const char *text)
{
	return origin.text && text >= origin.text && text <= origin.text + origin.len ? origin.before : 0;
}

int va_text_has(const char *text, size_t len, const char *needle)
{
	/* memmem: the C library's search is far faster than a byte loop, and
	 * detection runs every reader's markers over the whole input. */
	return memmem(text, len, needle, strlen(needle)) != NULL;
}

static int starts(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && !memcmp(s, p, k);
}

/* "[ 1532.118740] ", "[ 1532.118740][ T4321] ", "[Tue Mar  4 10:11:12 2025] " */
static size_t bracket_prefix(const char *s, size_t n)
{
	if (!n || s[0] != '[')
		return 0;
	size_t i = 1;
	while (i < n && s[i] != ']' && i < 40)
		i++;
	if (i >= n || s[i] != ']')
		return 0;
	/* Only timestamps and caller ids: digits, dots, spaces, T/C ids, dates. */
	for (size_t k = 1; k < i; k++)
		if (!(isdigit((unsigned char)s[k]) || s[k] == '.' || s[k] == ' ' || s[k] == ':' ||
		      isalpha((unsigned char)s[k])))
			return 0;
	/* A bare "[cpu]" section header is not a prefix. */
	if (i + 1 >= n)
		return 0;
	int digit = 0;
	for (size_t k = 1; k < i; k++)
		digit |= isdigit((unsigned char)s[k]);
	return digit ? i + 1 : 0;
}

/* "Mar  4 10:11:12 hostname kernel: " */
static size_t syslog_prefix(const char *s, size_t n)
{
	static const char *const months[] = { "Jan ", "Feb ", "Mar ", "Apr ", "May ", "Jun ",
					       "Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec " };
	int month = 0;
	for (size_t m = 0; m < 12; m++)
		month |= starts(s, n, months[m]);
	if (!month)
		return 0;
	for (size_t i = 0; i + 8 < n && i < 80; i++)
		if (!memcmp(s + i, " kernel: ", 9))
			return i + 9;
	return 0;
}

/*
 * Debug-print decoration of hobby hypervisors and their viewers: "[*] ",
 * "[+] ", "[-] ", "[!] ", and DebugView's columns "00000012<TAB>0.00123456<TAB>"
 * (line number, seconds), with its optional "[pid] ".
 */
static size_t debug_prefix(const char *s, size_t n)
{
	if (n >= 4 && s[0] == '[' && s[2] == ']' && s[3] == ' ' &&
	    (s[1] == '*' || s[1] == '+' || s[1] == '-' || s[1] == '!'))
		return 4;
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (!i || i >= n || s[i] != '\t')
		return 0;
	size_t j = i + 1;
	while (j < n && (isdigit((unsigned char)s[j]) || s[j] == '.'))
		j++;
	if (j == i + 1 || j >= n || s[j] != '\t')
		return 0;
	return j + 1;
}

int va_next_line(struct va_line_iter *it, struct va_line *line)
{
	if (it->pos >= it->len)
		return 0;
	const char *s = it->text + it->pos;
	const char *nl = memchr(s, '\n', it->len - it->pos);
	size_t n = nl ? (size_t)(nl - s) : it->len - it->pos;
	it->pos += n + (nl ? 1 : 0);
	it->number++;
	const char *start = s;
	if (n && s[n - 1] == '\r')
		n--;
	for (int changed = 1; changed;) {
		size_t k;
		changed = 0;
		while (n && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		/* mail and forum quoting: "> ", "| " (any depth) */
		if (n && (*s == '>' || (*s == '|' && (n == 1 || s[1] == ' ' || s[1] == '|')))) {
			s++;
			n--;
			changed = 1;
			continue;
		}
		if ((k = debug_prefix(s, n))) {
			s += k;
			n -= k;
			changed = 1;
			continue;
		}
		if ((k = bracket_prefix(s, n)) || (k = syslog_prefix(s, n))) {
			s += k;
			n -= k;
			changed = 1;
			continue;
		}
		static const char *const prefixes[] = { "kvm_intel: ", "kvm: ", "(XEN) ", "(d0) " };
		for (size_t p = 0; p < sizeof prefixes / sizeof prefixes[0]; p++) {
			if (starts(s, n, prefixes[p])) {
				k = strlen(prefixes[p]);
				s += k;
				n -= k;
				changed = 1;
			}
		}
	}
	line->s = s;
	line->n = n;
	line->number = it->number;
	va_provenance_line(it->number);
	line->column = (unsigned)(s - start) + 1;
	return 1;
}
