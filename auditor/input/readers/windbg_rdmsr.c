/*
 * WinDbg/KD and HyperDbg `rdmsr` sessions:
 *
 *   lkd> rdmsr 0x481                       0: kd> rdmsr 48b
 *   msr[481] = 0000007f`00000016           msr[48b] = 005fffff`00000000
 *   HyperDbg> rdmsr 481
 *   core : 0x0 - msr[481] = 0000007f`00000016
 *
 * The output line names the MSR in hex, so it alone decides which MSR a
 * value belongs to (the debuggers' default radix is 16 anyway, unlike
 * msr-tools).  The prompt's "N:" says which processor printed it.
 */
#include <string.h>

#include "../text_util.h"
#include "caps_util.h"

/* 16 hex digits with a backtick after the eighth, as both debuggers print. */
#define VALUE_DIGITS 16

struct reader {
	struct va_msr_recorder rec;
	int prompt_cpu;         /* processor of the last prompt, -1 unknown */
	unsigned command_line;  /* last `rdmsr` command, for its error message */
	uint32_t command_msr;
	int command_known;
};

static int lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Case-insensitive prefix test. */
static int starts_nocase(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (lower(s[i]) != p[i])
			return 0;
	return 1;
}

static int contains_nocase(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (lower(s[i]) == needle[0] && starts_nocase(s + i, n - i, needle))
			return 1;
	return 0;
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* Hex digits at s[i..]: value, and where they end (i itself if none). */
static size_t hex_run(const char *s, size_t n, size_t i, uint64_t *v, unsigned max_digits)
{
	uint64_t x = 0;
	size_t start = i;
	while (i < n && va_hex_digit(s[i]) >= 0 && i - start < max_digits)
		x = x << 4 | (uint64_t)va_hex_digit(s[i++]);
	*v = x;
	return i;
}

/*
 * A debugger number: WinDbg's default radix is 16 and it takes 0x, 0n
 * (decimal) and 0t (octal) prefixes; HyperDbg's numbers are hex too.
 */
static int debugger_number(const char *s, size_t n, uint64_t *out)
{
	unsigned base = 16;
	size_t i = 0;
	uint64_t v = 0;
	if (n >= 2 && s[0] == '0') {
		char p = (char)lower(s[1]);
		if (p == 'x' || p == 'n' || p == 't') {
			base = p == 'x' ? 16 : p == 'n' ? 10 : 8;
			i = 2;
		}
	}
	if (i >= n)
		return -1;
	for (; i < n && s[i] != ' ' && s[i] != '\t'; i++) {
		if (s[i] == '`')
			continue;
		int d = va_hex_digit(s[i]);
		if (d < 0 || (unsigned)d >= base || v >> 60)
			return -1;
		v = v * base + (unsigned)d;
	}
	*out = v;
	return 0;
}

/*
 * "lkd> ", "kd> ", "0: kd> ", "HyperDbg> ", "0: kHyperDbg> ": where the
 * command starts, or 0 if the line has no debugger prompt.
 */
static size_t prompt(const char *s, size_t n, int *cpu)
{
	size_t i = 0;
	unsigned v = 0;
	*cpu = -1;
	while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (unsigned)(s[i++] - '0');
	if (i && i < n && s[i] == ':') {
		*cpu = (int)v;
		i = skip_blanks(s, n, i + 1);
	} else {
		i = 0;
	}
	static const char *const prompts[] = { "lkd>", "kd>", "khyperdbg>", "uhyperdbg>",
					       "hyperdbg>" };
	for (size_t p = 0; p < sizeof prompts / sizeof prompts[0]; p++)
		if (starts_nocase(s + i, n - i, prompts[p]))
			return skip_blanks(s, n, i + strlen(prompts[p]));
	return 0;
}

static void command(struct reader *r, const struct va_line *l, size_t at, int cpu)
{
	const char *s = l->s;
	size_t n = l->n;
	r->prompt_cpu = cpu;
	r->command_line = 0;
	if (!starts_nocase(s + at, n - at, "rdmsr") || (at + 5 < n && s[at + 5] != ' '))
		return;
	size_t i = skip_blanks(s, n, at + 5), end = i;
	while (end < n && s[end] != ' ' && s[end] != '\t')
		end++;
	uint64_t number;
	r->command_line = l->number;
	r->command_known = end > i && !debugger_number(s + i, end - i, &number) &&
			   number <= 0xffffffffu;
	r->command_msr = r->command_known ? (uint32_t)number : 0;
	/* HyperDbg: "rdmsr 481 core 2" reads one core. */
	i = skip_blanks(s, n, end);
	if (starts_nocase(s + i, n - i, "core ")) {
		i = skip_blanks(s, n, i + 5);
		for (end = i; end < n && s[end] != ' '; end++)
			;
		if (!debugger_number(s + i, end - i, &number) && number < 4096)
			r->prompt_cpu = (int)number;
	}
}

/* The value after "= ": 16 hex digits, a backtick after the eighth. */
static int value(struct reader *r, const struct va_line *l, size_t i, uint64_t *out,
		 unsigned *col)
{
	const char *s = l->s;
	size_t n = l->n, start = i;
	uint64_t v = 0;
	unsigned digits = 0;
	*col = l->column + (unsigned)start;
	for (; i < n && s[i] != ' ' && s[i] != '\t'; i++) {
		if (s[i] == '`' && digits == 8)
			continue;
		int d = va_hex_digit(s[i]);
		if (d < 0 || digits == VALUE_DIGITS) {
			va_error_set(r->rec.err, r->rec.file, l->number, l->column + (unsigned)i,
				     "'%.*s' is not a debugger rdmsr value (16 hex digits, a backtick "
				     "after the eighth)", (int)(i - start + 1 > 40 ? 40 : i - start + 1),
				     s + start);
			return -1;
		}
		v = v << 4 | (uint64_t)d;
		digits++;
	}
	if (digits != VALUE_DIGITS) {
		va_error_set(r->rec.err, r->rec.file, l->number, *col,
			     "'%.*s' has %u hex digits where the debugger prints 16: the value looks "
			     "truncated", (int)(i - start > 40 ? 40 : i - start), s + start, digits);
		return -1;
	}
	*out = v;
	return 0;
}

/* Is "msr[" at s[at] followed by "...] =", the shape of the debuggers' output? */
static int bracket_then_equals(const char *s, size_t n, size_t at)
{
	for (size_t i = at + 4; i < n && i < at + 16; i++)
		if (s[i] == ']')
			return skip_blanks(s, n, i + 1) < n && s[skip_blanks(s, n, i + 1)] == '=';
	return 0;
}

/* "msr[481] = 0000007f`00000016" starting at s[at]. */
static int output(struct reader *r, const struct va_line *l, size_t at, int cpu)
{
	const char *s = l->s;
	size_t n = l->n;
	uint64_t number, v;
	if (!bracket_then_equals(s, n, at))
		return 0;
	size_t i = hex_run(s, n, at + 4, &number, 9);
	if (i == at + 4 || i >= n || s[i] != ']' || number > 0xffffffffu) {
		va_error_set(r->rec.err, r->rec.file, l->number, l->column + (unsigned)(at + 4),
			     "'%.*s' is not an MSR number in hex", (int)(n - at - 4 > 20 ? 20 : n - at - 4),
			     s + at + 4);
		return -1;
	}
	i = skip_blanks(s, n, i + 1);
	if (i >= n || s[i] != '=') {
		va_error_set(r->rec.err, r->rec.file, l->number, l->column + (unsigned)i,
			     "expected '= value' after msr[%llx]", (unsigned long long)number);
		return -1;
	}
	i = skip_blanks(s, n, i + 1);
	unsigned col;
	if (i >= n) {
		va_error_set(r->rec.err, r->rec.file, l->number, l->column + (unsigned)i,
			     "msr[%llx] has no value: the line looks truncated", (unsigned long long)number);
		return -1;
	}
	if (value(r, l, i, &v, &col))
		return -1;
	int m = va_msr_by_number((uint32_t)number);
	if (m < 0) {
		va_msr_foreign(&r->rec, l->number);
		return 0;
	}
	r->command_line = 0;
	return va_msr_record(&r->rec, m, v, l->number, col, cpu);
}

/* "core : 0x3 - msr[...": HyperDbg's per-core output. */
static size_t hyperdbg_core(const char *s, size_t n, int *cpu)
{
	uint64_t core;
	if (!starts_nocase(s, n, "core : 0x"))
		return 0;
	size_t i = hex_run(s, n, 9, &core, 4);
	if (i == 9 || core > 4095)
		return 0;
	i = skip_blanks(s, n, i);
	if (i >= n || s[i] != '-')
		return 0;
	i = skip_blanks(s, n, i + 1);
	if (!starts_nocase(s + i, n - i, "msr["))
		return 0;
	*cpu = (int)core;
	return i;
}

static void failed_command(struct reader *r, const struct va_line *l)
{
	int m = r->command_known ? va_msr_by_number(r->command_msr) : -1;
	if (m >= 0)
		va_msr_unreadable(&r->rec, l->number, "the debugger could not read", m);
	r->command_line = 0;
}

static int read_line(void *ctx, const struct va_line *l)
{
	struct reader *r = ctx;
	const char *s = l->s;
	size_t n = l->n, at;
	int cpu;
	if (n >= 4 && (s[0] == 'm' || s[0] == 'M') && starts_nocase(s, n, "msr["))
		return output(r, l, 0, r->prompt_cpu);
	if (n >= 9 && (s[0] == 'c' || s[0] == 'C') && (at = hyperdbg_core(s, n, &cpu)))
		return output(r, l, at, cpu);
	if ((at = prompt(s, n, &cpu))) {
		command(r, l, at, cpu);
		return 0;
	}
	if (r->command_line && (contains_nocase(s, n, "no such msr") ||
				contains_nocase(s, n, "either msr index or core id is invalid")))
		failed_command(r, l);
	return 0;
}

/*
 * A session copied from a web page may come flattened onto one line:
 * "lkd> rdmsr 0x481 msr[481] = 0000007f`00000016 lkd> rdmsr 0x482 ...".
 * Cut such a line before every prompt and every "msr[...] =" after a blank,
 * and hand each piece on as a line of its own.
 */
static int each_piece(const struct va_line *l, int (*fn)(void *ctx, const struct va_line *l), void *ctx)
{
	const char *s = l->s;
	size_t n = l->n, begin = 0;
	int cpu;
	/* every cut is before a prompt (with '>') or a second "msr[": most lines have neither */
	const char *bracket = memchr(s, '[', n);
	if (!memchr(s, '>', n) && (!bracket || !memchr(bracket + 1, '[', n - (size_t)(bracket + 1 - s))))
		return fn(ctx, l);
	for (size_t i = 1; i <= n; i++) {
		int cut = i == n;
		if (!cut && (s[i - 1] == ' ' || s[i - 1] == '\t') && s[i] != ' ' && s[i] != '\t')
			cut = prompt(s + i, n - i, &cpu) ||
			      (n - i >= 4 && starts_nocase(s + i, n - i, "msr[") && bracket_then_equals(s + i, n - i, 0) &&
			       !(i >= 2 && s[i - 2] == '-'));   /* HyperDbg's "core : 0x0 - msr[" */
		if (!cut)
			continue;
		/* "0: kd>": the processor number belongs to the prompt after it */
		size_t d = begin;
		while (d < i && s[d] >= '0' && s[d] <= '9')
			d++;
		if (i < n && d > begin && d < i && s[d] == ':' && skip_blanks(s, i, d + 1) == i)
			continue;
		size_t end = i;
		while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		struct va_line piece = { s + begin, end - begin, l->number, l->column + (unsigned)begin };
		int rc = fn(ctx, &piece);
		if (rc)
			return rc;
		begin = i;
	}
	return 0;
}

static int read_flat(void *ctx, const struct va_line *l)
{
	return each_piece(l, read_line, ctx);
}

static int read_windbg(struct va_state *st, const char *text, size_t len, const char *file,
		       struct va_error *err, struct va_import_notes *notes)
{
	struct reader r = { .prompt_cpu = -1 };
	va_msr_recorder_init(&r.rec, st, file, err, notes);
	r.rec.cpu_noun = "processor";
	r.rec.cpu_label = "";
	if (va_each_line(text, len, read_flat, &r))
		return -1;
	va_msr_final_notes(&r.rec, "debugger rdmsr");
	return 0;
}

/* "msr[481] = ..." at the start of a line (or after HyperDbg's core). */
static int detect_line(void *ctx, const struct va_line *l)
{
	int *score = ctx, cpu;
	const char *s = l->s;
	size_t n = l->n, at = 0;
	uint64_t number;
	if (n >= 9 && (s[0] == 'c' || s[0] == 'C'))
		at = hyperdbg_core(s, n, &cpu);
	if (!(at || starts_nocase(s, n, "msr[")) || !bracket_then_equals(s, n, at))
		return 0;
	size_t i = hex_run(s, n, at + 4, &number, 9);
	if (i > at + 4 && i < n && s[i] == ']')
		return *score = 90;
	*score = 20;
	return 0;
}

/* Every line detect_line scores has "msr[" in any case: look for a '['
 * after "msr" before walking the lines. */
static int has_msr_bracket(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while ((p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		if (p - text >= 3 && lower(p[-3]) == 'm' && lower(p[-2]) == 's' && lower(p[-1]) == 'r')
			return 1;
		p++;
	}
	return 0;
}

static int detect_flat(void *ctx, const struct va_line *l)
{
	return each_piece(l, detect_line, ctx);
}

static int detect_windbg(const char *text, size_t len)
{
	if (!has_msr_bracket(text, len))
		return 0;
	int score = 0;
	va_each_line(text, len, detect_flat, &score);
	return score;
}

const struct va_reader va_reader_windbg_rdmsr = {
	.kind = "windbg",
	.what = "WinDbg/KD or HyperDbg rdmsr output (msr[481] = 0000007f`00000016)",
	.provides = VA_PROVIDES_CAPS,
	.detect = detect_windbg,
	.read = read_windbg,
};
