/*
 * The VT-x capability report of a VirtualBox release log (VBox.log):
 *
 *   00:00:04.809266 HM: MSR_IA32_VMX_PINBASED_CTLS        = 0x7f00000016
 *   00:00:03.172 HWACCM: MSR_IA32_VMX_BASIC_INFO       = da040000000010
 *
 * Every capability MSR the host has is logged raw (0x-prefixed since the
 * VT-x 2.0 code, bare hex before), so this is read exactly.  Lines with more
 * than one space after "HM:" are VirtualBox's decoding of the value above
 * them and are not needed.  "PGM: The CPU physical address width is N
 * bits" gives MAXPHYADDR.
 */
#include <string.h>

#include "../text_util.h"
#include "caps_util.h"

#define MAXPHYADDR_MIN 32
#define MAXPHYADDR_MAX 52

/* Labels other than "MSR_" + the SDM name, over VirtualBox's history. */
static const struct alias {
	const char *label;
	enum va_msr msr;
} aliases[] = {
	{ "MSR_IA32_VMX_BASIC_INFO", MSR_IA32_VMX_BASIC },          /* up to 5.x */
	{ "MSR_IA32_VMX_EPT_VPID_CAPS", MSR_IA32_VMX_EPT_VPID_CAP }, /* 4.x */
	{ "MSR_A32_VMX_VMFUNC", MSR_IA32_VMX_VMFUNC },              /* a misspelling once logged */
};

/* Logged next to the VMX MSRs, but not capability MSRs: skipped quietly. */
static const char *const other_msrs[] = { "MSR_IA32_FEATURE_CONTROL", "MSR_IA32_SMM_MONITOR_CTL" };

struct reader {
	struct va_msr_recorder rec;
	unsigned width_line;
	struct va_unknown_names unknown;        /* MSR_IA32_VMX_* labels */
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int has_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && !memcmp(s, p, k);
}

/* "00:00:04.809266 " (or the 3-digit fraction of old logs): its length, or 0. */
static size_t timestamp(const char *s, size_t n)
{
	static const char shape[] = "dd:dd:dd.";
	size_t i = 0;
	for (; shape[i]; i++) {
		if (i >= n || (shape[i] == 'd' ? !is_digit(s[i]) : s[i] != shape[i]))
			return 0;
	}
	size_t frac = i;
	while (i < n && is_digit(s[i]))
		i++;
	if (i == frac || i >= n || (s[i] != ' ' && s[i] != '\t'))
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

static int find_label(const char *s, size_t n)
{
	if (has_prefix(s, n, "MSR_")) {
		for (int m = 0; m < MSR_COUNT; m++) {
			const char *name = va_msr_name((enum va_msr)m);
			if (strlen(name) == n - 4 && !memcmp(s + 4, name, n - 4))
				return m;
		}
	}
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strlen(aliases[i].label) == n && !memcmp(s, aliases[i].label, n))
			return (int)aliases[i].msr;
	return -1;
}

static int known_other(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof other_msrs / sizeof other_msrs[0]; i++)
		if (strlen(other_msrs[i]) == n && !memcmp(s, other_msrs[i], n))
			return 1;
	return 0;
}

/* The raw value: hex, 0x-prefixed or (before VT-x 2.0) bare. */
static int raw_value(struct reader *r, const struct va_line *l, size_t at, uint64_t *out)
{
	const char *s = l->s;
	size_t n = l->n, i = at, digits = 0;
	uint64_t v = 0;
	if (n - i >= 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
		i += 2;
	for (; i < n && s[i] != ' ' && s[i] != '\t'; i++) {
		int d = va_hex_digit(s[i]);
		if (d < 0) {
			va_error_set(r->rec.err, r->rec.file, l->number, l->column + (unsigned)i,
				     "VBox.log: '%.*s' is not a hex value", (int)(n - at > 24 ? 24 : n - at),
				     s + at);
			return -1;
		}
		if (v >> 60) {
			va_error_set(r->rec.err, r->rec.file, l->number, l->column + (unsigned)at,
				     "VBox.log: '%.*s' does not fit in 64 bits",
				     (int)(n - at > 24 ? 24 : n - at), s + at);
			return -1;
		}
		v = v << 4 | (uint64_t)d;
		digits++;
	}
	if (!digits) {
		va_error_set(r->rec.err, r->rec.file, l->number, l->column + (unsigned)at,
			     "VBox.log: the MSR has no value: the line looks truncated");
		return -1;
	}
	*out = v;
	return 0;
}

static int record(struct reader *r, int m, uint64_t v, const struct va_line *l, unsigned col)
{
	const struct va_msr_origin *o = va_msr_earlier(&r->rec, m);
	if (o && o->value != v) {
		va_error_set(r->rec.err, r->rec.file, l->number, col,
			     "VBox.log: %s is %#llx here but %#llx on line %u (logs of two machines?)",
			     va_msr_name((enum va_msr)m), (unsigned long long)v,
			     (unsigned long long)o->value, o->line);
		return -1;
	}
	return va_msr_record(&r->rec, m, v, l->number, col, -1);
}

/* "MSR_IA32_VMX_BASIC                = 0xda040000000004" at s[at]. */
static int msr_line(struct reader *r, const struct va_line *l, size_t at)
{
	const char *s = l->s;
	size_t n = l->n, end = at;
	while (end < n && s[end] != ' ' && s[end] != '\t' && s[end] != '=')
		end++;
	size_t i = end;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n || s[i] != '=')
		return 0;
	i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	int m = find_label(s + at, end - at);
	if (m < 0) {
		if (!known_other(s + at, end - at) &&
		    (has_prefix(s + at, end - at, "MSR_IA32_VMX_") ||
		     has_prefix(s + at, end - at, "MSR_A32_VMX_")))
			va_unknown_name(&r->unknown, l->number, s + at, end - at);
		return 0;
	}
	uint64_t v;
	if (raw_value(r, l, i, &v))
		return -1;
	return record(r, m, v, l, l->column + (unsigned)i);
}

/* "PGM: The CPU physical address width is 39 bits" */
static int width_line(struct reader *r, const struct va_line *l, size_t at)
{
	static const char text[] = "PGM: The CPU physical address width is ";
	const char *s = l->s + at;
	size_t n = l->n - at, i = sizeof text - 1;
	unsigned width = 0;
	if (!has_prefix(s, n, text))
		return 0;
	size_t start = i;
	while (i < n && is_digit(s[i]) && i - start < 4)
		width = width * 10 + (unsigned)(s[i++] - '0');
	unsigned col = l->column + (unsigned)(at + start);
	if (i == start || !has_prefix(s + i, n - i, " bits")) {
		va_error_set(r->rec.err, r->rec.file, l->number, col, "VBox.log: expected 'N bits' after '%.*s'",
			     (int)(sizeof text - 2), text);
		return -1;
	}
	if (width < MAXPHYADDR_MIN || width > MAXPHYADDR_MAX) {
		va_note(r->rec.notes, "line %u: a physical-address width of %u bits is outside %d..%d: "
			"maxphyaddr is left unknown", l->number, width, MAXPHYADDR_MIN, MAXPHYADDR_MAX);
		return 0;
	}
	struct va_state *st = r->rec.st;
	if (r->width_line && st->fact[FACT_MAXPHYADDR] != width) {
		va_error_set(r->rec.err, r->rec.file, l->number, col, "VBox.log: the physical-address "
			     "width is %u bits here but %llu on line %u (logs of two machines?)", width,
			     (unsigned long long)st->fact[FACT_MAXPHYADDR], r->width_line);
		return -1;
	}
	r->width_line = l->number;
	st->fact[FACT_MAXPHYADDR] = width;
	st->fact_present |= 1u << FACT_MAXPHYADDR;
	return 0;
}

static int read_line(void *ctx, const struct va_line *l)
{
	struct reader *r = ctx;
	const char *s = l->s;
	size_t n = l->n;
	if (n < 4)
		return 0;
	size_t at = is_digit(s[0]) ? timestamp(s, n) : 0;
	const char *p = s + at;
	size_t m = n - at;
	/* Exactly one space: the raw MSR lines, not their decoded children. */
	if (has_prefix(p, m, "HM: M"))
		return msr_line(r, l, at + 4);
	if (has_prefix(p, m, "HWACCM: M"))
		return msr_line(r, l, at + 8);
	if (has_prefix(p, m, "PGM: "))
		return width_line(r, l, at);
	return 0;
}

static int read_vbox(struct va_state *st, const char *text, size_t len, const char *file,
		     struct va_error *err, struct va_import_notes *notes)
{
	struct reader r = { 0 };
	va_msr_recorder_init(&r.rec, st, file, err, notes);
	if (va_each_line(text, len, read_line, &r))
		return -1;
	if (r.unknown.count)
		va_note(notes, "VBox.log: %u MSR label(s) this reader does not know, the first %s on "
			"line %u: skipped", r.unknown.count, r.unknown.first, r.unknown.line);
	return 0;
}

static int detect_vbox(const char *text, size_t len)
{
	if (va_text_has(text, len, "HM: MSR_IA32_VMX_") || va_text_has(text, len, "HWACCM: MSR_IA32_VMX_"))
		return 100;
	return 0;
}

const struct va_reader va_reader_vbox_log = {
	.kind = "vbox-log",
	.what = "VirtualBox VBox.log (the HM: MSR_IA32_VMX_* capability report)",
	.provides = VA_PROVIDES_CAPS,
	.detect = detect_vbox,
	.read = read_vbox,
};
