/*
 * chipsec `chipsec_util msr 0x481`, one line per logical CPU:
 *
 *   [CHIPSEC] CPU0: RDMSR( 0x481 ) = 0000007F00000016 (EAX=00000016, EDX=0000007F)
 *
 * and the HAL log form of its verbose mode:
 *
 *   [cpu0] RDMSR( 0x481 ): EAX = 0x00000016, EDX = 0x0000007F
 *
 * The line names the MSR; EAX/EDX repeat the value, so a line whose halves
 * disagree with the 64-bit value was damaged on its way to the paste.
 */
#include <stdio.h>
#include <string.h>

#include "../text_util.h"
#include "caps_util.h"

/* A position in one line, for a small hand-written scanner. */
struct cursor {
	const struct va_line *l;
	size_t i;
};

static void blanks(struct cursor *c)
{
	while (c->i < c->l->n && (c->l->s[c->i] == ' ' || c->l->s[c->i] == '\t'))
		c->i++;
}

static int literal(struct cursor *c, const char *p)
{
	size_t k = strlen(p);
	if (c->l->n - c->i < k || memcmp(c->l->s + c->i, p, k))
		return 0;
	c->i += k;
	return 1;
}

/* Hex digits (at most max); how many were read. */
static unsigned hex_digits(struct cursor *c, uint64_t *v, unsigned max)
{
	unsigned k = 0;
	*v = 0;
	while (c->i < c->l->n && k < max && va_hex_digit(c->l->s[c->i]) >= 0) {
		*v = *v << 4 | (uint64_t)va_hex_digit(c->l->s[c->i++]);
		k++;
	}
	return k;
}

static unsigned column(const struct cursor *c)
{
	return c->l->column + (unsigned)c->i;
}

static int fail(struct va_msr_recorder *r, const struct cursor *c, const char *what)
{
	size_t rest = c->l->n - c->i;
	va_error_set(r->err, r->file, c->l->number, column(c), "chipsec line: expected %s at '%.*s'",
		     what, (int)(rest > 24 ? 24 : rest), c->l->s + c->i);
	return -1;
}

/* The literal p next, or an error quoting it. */
static int expect(struct va_msr_recorder *r, struct cursor *c, const char *p)
{
	char what[16];
	if (literal(c, p))
		return 0;
	snprintf(what, sizeof what, "'%s'", p);
	return fail(r, c, what);
}

/* Exactly `digits` hex digits, followed by a non-hex character or the end. */
static int fixed_hex(struct va_msr_recorder *r, struct cursor *c, unsigned digits, uint64_t *v,
		     const char *what)
{
	size_t start = c->i;
	unsigned k = hex_digits(c, v, digits + 1);
	if (k != digits) {
		c->i = start;
		return fail(r, c, what);
	}
	return 0;
}

/* "EAX=00000016, EDX=0000007F" with the labels of this form of the line: the
 * value the two halves make. */
static int halves(struct va_msr_recorder *r, struct cursor *c, const char *eax_label,
		  const char *edx_label, uint64_t *v)
{
	uint64_t eax, edx;
	if (expect(r, c, eax_label) || fixed_hex(r, c, 8, &eax, "8 hex digits of EAX") ||
	    expect(r, c, edx_label) || fixed_hex(r, c, 8, &edx, "8 hex digits of EDX"))
		return -1;
	*v = edx << 32 | eax;
	return 0;
}

static int record(struct va_msr_recorder *r, uint64_t number, uint64_t v, unsigned line,
		  unsigned col, int cpu)
{
	int m = number <= 0xffffffffu ? va_msr_by_number((uint32_t)number) : -1;
	if (m < 0) {
		va_msr_foreign(r, line);
		return 0;
	}
	return va_msr_record(r, m, v, line, col, cpu);
}

/* "RDMSR( 0x481 )": the MSR number. */
static int msr_number(struct va_msr_recorder *r, struct cursor *c, uint64_t *number)
{
	blanks(c);
	if (!literal(c, "0x"))
		return fail(r, c, "0x and the MSR number");
	if (!hex_digits(c, number, 9) || *number > 0xffffffffu)
		return fail(r, c, "the MSR number in hex");
	blanks(c);
	return expect(r, c, ")");
}

/* "= 0000007F00000016 (EAX=00000016, EDX=0000007F)" */
static int util_value(struct va_msr_recorder *r, struct cursor *c, uint64_t number, int cpu)
{
	uint64_t v, h;
	blanks(c);
	if (expect(r, c, "="))
		return -1;
	blanks(c);
	unsigned col = column(c);
	if (fixed_hex(r, c, 16, &v, "16 hex digits (the line looks truncated)"))
		return -1;
	blanks(c);
	if (c->i < c->l->n) {
		if (halves(r, c, "(EAX=", ", EDX=", &h))
			return -1;
		if (h != v) {
			va_error_set(r->err, r->file, c->l->number, col,
				     "chipsec line: %016llX does not match EAX=%08llX, EDX=%08llX: the "
				     "line was damaged", (unsigned long long)v,
				     (unsigned long long)(h & 0xffffffffu), (unsigned long long)(h >> 32));
			return -1;
		}
	}
	return record(r, number, v, c->l->number, col, cpu);
}

/* ": EAX = 0x00000016, EDX = 0x0000007F" of the HAL log. */
static int hal_value(struct va_msr_recorder *r, struct cursor *c, uint64_t number, int cpu)
{
	uint64_t v;
	if (expect(r, c, ":"))
		return -1;
	blanks(c);
	unsigned col = column(c);
	if (halves(r, c, "EAX = 0x", ", EDX = 0x", &v))
		return -1;
	return record(r, number, v, c->l->number, col, cpu);
}

/* The line normaliser takes "[cpu0] " for a log prefix; read it back. */
static int hal_cpu(const struct va_line *l)
{
	const char *raw = l->s - (l->column - 1);
	size_t n = l->column - 1;
	for (size_t i = 0; i + 5 < n; i++) {
		if (memcmp(raw + i, "[cpu", 4))
			continue;
		unsigned v = 0;
		size_t k = i + 4;
		while (k < n && raw[k] >= '0' && raw[k] <= '9' && k - i < 10)
			v = v * 10 + (unsigned)(raw[k++] - '0');
		if (k > i + 4 && k < n && raw[k] == ']')
			return (int)v;
	}
	return -1;
}

/* "CPU12: " after the optional "[CHIPSEC] ". */
static int util_cpu(struct cursor *c, int *cpu)
{
	literal(c, "[CHIPSEC]");
	blanks(c);
	if (!literal(c, "CPU"))
		return 0;
	uint64_t v = 0;
	unsigned k = 0;
	while (c->i < c->l->n && c->l->s[c->i] >= '0' && c->l->s[c->i] <= '9' && k < 6) {
		v = v * 10 + (uint64_t)(c->l->s[c->i++] - '0');
		k++;
	}
	if (!k || !literal(c, ":"))
		return 0;
	blanks(c);
	*cpu = (int)v;
	return 1;
}

static int read_line(void *ctx, const struct va_line *l)
{
	struct va_msr_recorder *r = ctx;
	struct cursor c = { l, 0 };
	uint64_t number;
	int cpu;
	if (l->n < 6 || (l->s[0] != '[' && l->s[0] != 'C' && l->s[0] != 'R'))
		return 0;
	if (literal(&c, "RDMSR(")) {
		if (msr_number(r, &c, &number))
			return -1;
		return hal_value(r, &c, number, hal_cpu(l));
	}
	c.i = 0;
	if (!util_cpu(&c, &cpu) || !literal(&c, "RDMSR("))
		return 0;
	if (msr_number(r, &c, &number))
		return -1;
	return util_value(r, &c, number, cpu);
}

static int read_chipsec(struct va_state *st, const char *text, size_t len, const char *file,
			struct va_error *err, struct va_import_notes *notes)
{
	struct va_msr_recorder r;
	va_msr_recorder_init(&r, st, file, err, notes);
	r.cpu_label = "CPU";    /* as in its "CPU0:" */
	if (va_each_line(text, len, read_line, &r))
		return -1;
	va_msr_final_notes(&r, "chipsec");
	return 0;
}

static int detect_chipsec(const char *text, size_t len)
{
	return va_text_has(text, len, "RDMSR( 0x") ? 90 : 0;
}

const struct va_reader va_reader_chipsec = {
	.kind = "chipsec",
	.what = "chipsec_util msr output ([CHIPSEC] CPU0: RDMSR( 0x481 ) = ...)",
	.provides = VA_PROVIDES_CAPS,
	.detect = detect_chipsec,
	.read = read_chipsec,
};
