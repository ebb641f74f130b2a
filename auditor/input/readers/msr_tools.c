/*
 * Linux msr-tools `rdmsr` as users paste it: the command lines they typed
 * (with shell prompts, sudo, options, single-line for loops) and the values
 * the tool printed, in every output form its options select.  The command
 * line is what names the MSR, so it is read the way rdmsr reads it:
 * strtoul(arg, NULL, 0), i.e. `rdmsr 481` is MSR 481 decimal (0x1e1), not
 * 0x481.  Values without a command line are read only where the paste
 * labels them itself ("0x481: 7f00000016", "IA32_VMX_BASIC = ...").
 */
#include <stdio.h>
#include <string.h>

#include "../text_util.h"
#include "caps_util.h"

#define MAX_LOOP_MSRS 32
/* msr-tools' zero-fill widths for a whole 64-bit MSR. */
#define HEX_DIGITS 16
#define DEC_WIDTH 20
#define OCT_WIDTH 22

struct word {
	const char *s;
	size_t n;
	unsigned col;           /* 1-based column in the input line */
};

enum radix { RADIX_HEX, RADIX_DEC, RADIX_UNS, RADIX_OCT, RADIX_RAW };

struct out_format {
	enum radix radix;
	int c_lang;             /* -c */
	int fill;               /* -0 */
	int bitfield;           /* -f h:l other than 63:0 */
	unsigned high, low;
};

/* How the MSR argument of one rdmsr run was written and what it means. */
struct msr_arg {
	struct word text;
	uint32_t number;
	int known;              /* 0: a shell variable, not known here */
};

/* A command whose output may follow. */
struct command {
	unsigned line;          /* 0: none */
	struct out_format fmt;
	int all;                /* -a: one value per CPU */
	int cpu;                /* -p N (default 0); -1 with -a */
	struct msr_arg arg[MAX_LOOP_MSRS];
	unsigned count;         /* MSRs it reads in turn (a for loop reads several) */
	unsigned index;         /* which of them the next value belongs to */
	unsigned values;        /* values read for the current one */
};

struct reader {
	struct va_msr_recorder rec;
	unsigned printed_by[MSR_COUNT]; /* the `rdmsr -a` (its line) that gave the value, or 0 */
	struct command cmd;
	unsigned pitfalls, pitfall_line, pitfall_col;
	char pitfall_text[200];
	unsigned ambiguous_labels;
	int told_unknown_arg, told_failure;
};

/* ---- small text helpers ---- */

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int next_word(const struct va_line *l, size_t *pos, struct word *w)
{
	size_t i = *pos;
	while (i < l->n && is_blank(l->s[i]))
		i++;
	if (i >= l->n) {
		*pos = i;
		return 0;
	}
	size_t start = i;
	while (i < l->n && !is_blank(l->s[i]))
		i++;
	w->s = l->s + start;
	w->n = i - start;
	w->col = l->column + (unsigned)start;
	*pos = i;
	return 1;
}

static int word_is(const struct word *w, const char *lit)
{
	size_t k = strlen(lit);
	return w->n == k && !memcmp(w->s, lit, k);
}

static int has_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && !memcmp(s, p, k);
}

static int contains(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == needle[0] && !memcmp(s + i, needle, k))
			return 1;
	return 0;
}

/*
 * What strtoul(s, NULL, 0) makes of an argument, as rdmsr uses it: 0x is
 * hex, a leading 0 octal, anything else decimal; it stops at the first
 * character that does not fit and never looks at the rest ("0x48BH" is
 * 0x48b, "48b" is 48).  *digits is 0 when nothing was a number.
 */
static uint64_t c_strtoul(const char *s, size_t n, size_t *digits)
{
	size_t i = 0;
	unsigned base = 10;
	uint64_t v = 0;
	int saturated = 0;
	*digits = 0;
	if (n >= 3 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && va_hex_digit(s[2]) >= 0) {
		base = 16;
		i = 2;
	} else if (n >= 1 && s[0] == '0') {
		base = 8;
	}
	for (; i < n; i++) {
		int d = va_hex_digit(s[i]);
		if (d < 0 || (unsigned)d >= base)
			break;
		if (v > (UINT64_MAX - (unsigned)d) / base)
			saturated = 1;
		else
			v = v * base + (unsigned)d;
		(*digits)++;
	}
	return saturated ? UINT64_MAX : v;
}

/* The number a VMX-minded user meant by "481" or "48BH": its hex reading. */
static int meant_as_hex(const char *s, size_t n, uint32_t *out)
{
	if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return 0;
	uint32_t v = 0;
	size_t i = 0;
	for (; i < n && i < 8; i++) {
		int d = va_hex_digit(s[i]);
		if (d < 0)
			break;
		v = v << 4 | (uint32_t)d;
	}
	if (!i || (i < n && s[i] != 'h' && s[i] != 'H'))
		return 0;
	*out = v;
	return 1;
}

/* ---- recording values ---- */

static int record(struct reader *r, int m, uint64_t v, unsigned line, unsigned col, int cpu,
		  unsigned command)
{
	const struct va_msr_origin *o = va_msr_earlier(&r->rec, m);
	/* Without CPU labels, two values from one `rdmsr -a` can only be two CPUs. */
	if (o && o->value != v && command && r->printed_by[m] == command &&
	    !va_msr_other_cpu(o, cpu)) {
		va_error_set(r->rec.err, r->rec.file, line, col,
			     "`rdmsr -a` on line %u printed different %s values for different "
			     "CPUs: %#llx (line %u) and %#llx; audit with one CPU's values",
			     command, va_msr_name((enum va_msr)m), (unsigned long long)o->value,
			     o->line, (unsigned long long)v);
		return -1;
	}
	if (!o)
		r->printed_by[m] = command;
	return va_msr_record(&r->rec, m, v, line, col, cpu);
}

/* `rdmsr 481`: remember the first such argument for the note or error. */
static void remember_pitfall(struct reader *r, const struct msr_arg *a, unsigned line,
			     uint32_t meant)
{
	if (r->pitfalls++)
		return;
	r->pitfall_line = line;
	r->pitfall_col = a->text.col;
	snprintf(r->pitfall_text, sizeof r->pitfall_text,
		 "`rdmsr %.*s` reads MSR %u (%#x), not %#x: rdmsr takes a number without 0x as "
		 "decimal (with a leading 0 as octal); write `rdmsr %#x`",
		 (int)(a->text.n > 24 ? 24 : a->text.n), a->text.s, a->number, a->number, meant, meant);
}

/* A value (or a "cannot read" error) for the MSR argument a. */
static int take_value(struct reader *r, const struct msr_arg *a, uint64_t v, unsigned line,
		      unsigned col, int cpu, unsigned command)
{
	if (!a->known) {
		if (!r->told_unknown_arg++)
			va_note(r->rec.notes, "line %u: cannot tell which MSR `rdmsr %.*s` read (a shell "
				"variable); its output is skipped", line,
				(int)(a->text.n > 24 ? 24 : a->text.n), a->text.s);
		return 0;
	}
	int m = va_msr_by_number(a->number);
	if (m < 0) {
		uint32_t meant;
		if (meant_as_hex(a->text.s, a->text.n, &meant) && va_msr_by_number(meant) >= 0)
			remember_pitfall(r, a, r->cmd.line ? r->cmd.line : line, meant);
		else
			va_msr_foreign(&r->rec, line);
		return 0;
	}
	return record(r, m, v, line, col, cpu, command);
}

/* ---- command lines ---- */

static int prompt_word(const struct word *w)
{
	char last = w->s[w->n - 1];
	/* A debugger's prompt belongs to the WinDbg/HyperDbg reader, where
	 * numbers are hex by default. */
	if (contains(w->s, w->n, "kd>") || contains(w->s, w->n, "bg>"))
		return 0;
	return last == '$' || last == '#' || last == '%' || last == '>' ||
	       memchr(w->s, '@', w->n) != NULL;
}

static int separator(const struct word *w)
{
	return word_is(w, ";") || word_is(w, "|") || word_is(w, "&&") || word_is(w, "||") ||
	       word_is(w, "&") || w->s[0] == '#' || word_is(w, "done");
}

/* Drop a trailing ';' and surrounding quotes; *last says a ';' ended the command. */
static struct word shell_word(struct word w, int *last)
{
	*last = 0;
	while (w.n && w.s[w.n - 1] == ';') {
		w.n--;
		*last = 1;
	}
	if (w.n >= 2 && (w.s[0] == '"' || w.s[0] == '\'') && w.s[w.n - 1] == w.s[0]) {
		w.s++;
		w.n -= 2;
		w.col++;
	}
	return w;
}

struct long_option {
	const char *name;
	char letter;
	int takes_arg;
};

static const struct long_option long_options[] = {
	{ "help", 'h', 0 }, { "version", 'V', 0 }, { "hexadecimal", 'x', 0 },
	{ "capital-hexadecimal", 'X', 0 }, { "decimal", 'd', 0 }, { "signed-decimal", 'd', 0 },
	{ "unsigned-decimal", 'u', 0 }, { "octal", 'o', 0 }, { "c-language", 'c', 0 },
	{ "zero-fill", '0', 0 }, { "zero-pad", '0', 0 }, { "raw", 'r', 0 }, { "all", 'a', 0 },
	{ "processor", 'p', 1 }, { "cpu", 'p', 1 }, { "bitfield", 'f', 1 },
};

/* getopt_long accepts any unambiguous prefix of a long option. */
static const struct long_option *find_long(const char *s, size_t n)
{
	const struct long_option *found = NULL;
	for (size_t i = 0; i < sizeof long_options / sizeof long_options[0]; i++) {
		const struct long_option *o = &long_options[i];
		size_t k = strlen(o->name);
		if (n > k || memcmp(o->name, s, n))
			continue;
		if (n == k)
			return o;
		if (found && found->letter != o->letter)
			return NULL;
		found = o;
	}
	return found;
}

struct parse {
	struct command *cmd;
	int bad;                /* an option rdmsr rejects: it prints usage, no value */
	int quiet;              /* -h/-V: no value either */
	int regs;               /* MSR arguments seen */
};

static void option_arg(struct parse *p, char letter, const char *s, size_t n)
{
	size_t used;
	if (letter == 'p') {
		uint64_t cpu = c_strtoul(s, n, &used);
		if (!used || used != n || cpu > 255)
			p->bad = 1;
		else
			p->cmd->cpu = (int)cpu;
		return;
	}
	/* -f high:low */
	const char *colon = memchr(s, ':', n);
	size_t hu, lu;
	uint64_t high = colon ? c_strtoul(s, (size_t)(colon - s), &hu) : 0;
	uint64_t low = colon ? c_strtoul(colon + 1, n - (size_t)(colon - s) - 1, &lu) : 0;
	if (!colon || !hu || !lu || high > 63 || low > high) {
		p->bad = 1;
		return;
	}
	p->cmd->fmt.high = (unsigned)high;
	p->cmd->fmt.low = (unsigned)low;
	p->cmd->fmt.bitfield = !(high == 63 && low == 0);
}

static void option_letter(struct parse *p, char c)
{
	struct out_format *f = &p->cmd->fmt;
	switch (c) {
	case 'x': case 'X': f->radix = RADIX_HEX; break;
	case 'd': f->radix = RADIX_DEC; break;
	case 'u': f->radix = RADIX_UNS; break;
	case 'o': f->radix = RADIX_OCT; break;
	case 'r': f->radix = RADIX_RAW; break;
	case 'c': f->c_lang = 1; break;
	case '0': f->fill = 1; break;
	case 'a': p->cmd->all = 1; break;
	case 'h': case 'V': p->quiet = 1; break;
	default: p->bad = 1; break;
	}
}

/* One option word; returns 1 when it consumes the next word as its argument. */
static int option_word(struct parse *p, const struct word *w, const struct word *next)
{
	if (w->n > 2 && w->s[1] == '-') {
		const char *name = w->s + 2, *eq = memchr(name, '=', w->n - 2);
		size_t nn = eq ? (size_t)(eq - name) : w->n - 2;
		const struct long_option *o = find_long(name, nn);
		if (!o) {
			p->bad = 1;
			return 0;
		}
		if (!o->takes_arg) {
			option_letter(p, o->letter);
			return 0;
		}
		if (eq) {
			option_arg(p, o->letter, eq + 1, w->n - 2 - nn - 1);
			return 0;
		}
		if (!next) {
			p->bad = 1;
			return 0;
		}
		option_arg(p, o->letter, next->s, next->n);
		return 1;
	}
	for (size_t i = 1; i < w->n; i++) {
		char c = w->s[i];
		if (c == 'p' || c == 'f') {
			if (i + 1 < w->n) {
				option_arg(p, c, w->s + i + 1, w->n - i - 1);
				return 0;
			}
			if (!next) {
				p->bad = 1;
				return 0;
			}
			option_arg(p, c, next->s, next->n);
			return 1;
		}
		option_letter(p, c);
	}
	return 0;
}

static void set_argument(struct msr_arg *a, const struct word *w)
{
	size_t used;
	uint64_t v = c_strtoul(w->s, w->n, &used);
	a->text = *w;
	a->known = used > 0 || !(w->n && w->s[0] == '$');
	/* rdmsr keeps the low 32 bits of what strtoul returned. */
	a->number = (uint32_t)v;
}

/* "for m in 0x480 0x481; do": the list, and the variable's name. */
static int loop_list(const struct va_line *l, size_t *pos, struct command *cmd, struct word *var)
{
	struct word w;
	int last;
	if (!next_word(l, pos, var))
		return -1;
	if (!next_word(l, pos, &w) || !word_is(&w, "in"))
		return -1;
	cmd->count = 0;
	while (next_word(l, pos, &w)) {
		if (word_is(&w, ";") || word_is(&w, "do"))
			break;
		struct word item = shell_word(w, &last);
		if (item.n) {
			if (cmd->count >= MAX_LOOP_MSRS)
				return -1;
			set_argument(&cmd->arg[cmd->count++], &item);
		}
		if (last)
			break;
	}
	return cmd->count ? 0 : -1;
}

/* Is `w` the loop variable ($m, ${m})? */
static int names_variable(const struct word *w, const struct word *var)
{
	if (w->n == var->n + 1 && w->s[0] == '$')
		return !memcmp(w->s + 1, var->s, var->n);
	return w->n == var->n + 3 && has_prefix(w->s, w->n, "${") && w->s[w->n - 1] == '}' &&
	       !memcmp(w->s + 2, var->s, var->n);
}

/*
 * A shell command line running rdmsr: 1 and *cmd filled, 0 if the line is
 * not one.  Whatever precedes "rdmsr" must be a prompt, sudo, or a
 * one-line for loop, so that kernel messages such as "ignored rdmsr: 0x4e"
 * are never mistaken for a command.
 */
static int parse_command(const struct va_line *l, struct command *cmd, int *usable)
{
	size_t pos = 0;
	struct word w, var = { 0 };
	int in_loop = 0, seen_prompt = 0, found = 0;
	memset(cmd, 0, sizeof *cmd);
	while (next_word(l, &pos, &w)) {
		if ((w.n == 5 && !memcmp(w.s, "rdmsr", 5)) || (w.n > 6 && w.s[w.n - 6] == '/' &&
							      !memcmp(w.s + w.n - 5, "rdmsr", 5))) {
			found = 1;
			break;
		}
		if (word_is(&w, "for") && !in_loop) {
			if (loop_list(l, &pos, cmd, &var))
				return 0;
			in_loop = 1;
			continue;
		}
		if (in_loop && (word_is(&w, "do") || word_is(&w, "sudo") || w.s[0] == '-'))
			continue;
		if (!in_loop && (word_is(&w, "sudo") || (seen_prompt && w.s[0] == '-') ||
				 (seen_prompt < 4 && prompt_word(&w)))) {
			seen_prompt++;
			continue;
		}
		return 0;
	}
	if (!found)
		return 0;

	struct parse p = { .cmd = cmd };
	cmd->line = l->number;
	int options_done = 0, last = 0;
	struct word pending = { 0 };
	int have_pending = next_word(l, &pos, &pending);
	while (have_pending && !last) {
		struct word cur = pending;
		have_pending = next_word(l, &pos, &pending);
		if (separator(&cur))
			break;
		if (memchr(cur.s, '>', cur.n) || memchr(cur.s, '<', cur.n)) {
			/* A redirection ("2>/dev/null"), or its target after a lone "2>". */
			if (cur.s[cur.n - 1] == '>' && have_pending)
				have_pending = next_word(l, &pos, &pending);
			continue;
		}
		cur = shell_word(cur, &last);
		if (!cur.n)
			continue;
		if (!options_done && word_is(&cur, "--")) {
			options_done = 1;
		} else if (!options_done && cur.n > 1 && cur.s[0] == '-') {
			struct word next = pending;
			int dummy;
			next = shell_word(next, &dummy);
			if (option_word(&p, &cur, have_pending ? &next : NULL))
				have_pending = next_word(l, &pos, &pending);
		} else {
			p.regs++;
			if (in_loop) {
				if (!names_variable(&cur, &var))
					p.bad = 1;
			} else if (p.regs == 1) {
				cmd->count = 1;
				set_argument(&cmd->arg[0], &cur);
			}
		}
	}
	if (cmd->all)
		cmd->cpu = -1;
	*usable = !p.bad && !p.quiet && p.regs == 1 && cmd->count > 0;
	return 1;
}

/* ---- output lines ---- */

/* "CPU 3: " printed by newer msr-tools with -a. */
static int cpu_label(const char *s, size_t n, int *cpu, size_t *skip)
{
	size_t i = 3;
	unsigned v = 0;
	if (!has_prefix(s, n, "CPU"))
		return 0;
	if (i < n && s[i] == ' ')
		i++;
	size_t start = i;
	while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 6)
		v = v * 10 + (unsigned)(s[i++] - '0');
	if (i == start || i >= n || s[i] != ':')
		return 0;
	i++;
	while (i < n && is_blank(s[i]))
		i++;
	*cpu = (int)v;
	*skip = i;
	return 1;
}

static const char *format_words(const struct out_format *f)
{
	switch (f->radix) {
	case RADIX_DEC: return f->fill && !f->c_lang ? "a 20-character signed decimal number"
						     : "a signed decimal number";
	case RADIX_UNS: return f->fill && !f->c_lang ? "a 20-digit decimal number"
						     : "a decimal number";
	case RADIX_OCT: return f->fill ? "a 22-digit octal number" : "an octal number";
	case RADIX_RAW: return "a {0x..,...} byte list";
	default: return f->fill ? "16 hex digits" : "hex digits";
	}
}

/* "{0x16,0x00,0x00,0x00,0x7f,0x00,0x00,0x00}": rdmsr -r -c, little-endian. */
static size_t parse_bytes(const char *s, size_t n, uint64_t *out)
{
	size_t i = 1;
	uint64_t v = 0;
	if (!n || s[0] != '{')
		return 0;
	for (unsigned b = 0; b < 8; b++) {
		if (i + 4 > n || s[i] != '0' || (s[i + 1] != 'x' && s[i + 1] != 'X'))
			return i;
		int hi = va_hex_digit(s[i + 2]), lo = va_hex_digit(s[i + 3]);
		if (hi < 0 || lo < 0)
			return i + 2;
		v |= (uint64_t)(hi << 4 | lo) << (8 * b);
		i += 4;
		if (i >= n || s[i] != (b == 7 ? '}' : ','))
			return i;
		i++;
	}
	if (i != n)
		return i;
	*out = v;
	return SIZE_MAX;
}

/* Digits s[from..n) in base; index of the first bad one, or SIZE_MAX. */
static size_t parse_digits(const char *s, size_t n, size_t from, unsigned base, uint64_t *out,
			   int *overflow)
{
	uint64_t v = 0;
	*overflow = 0;
	if (from >= n)
		return from;
	for (size_t i = from; i < n; i++) {
		int d = va_hex_digit(s[i]);
		if (d < 0 || (unsigned)d >= base)
			return i;
		if (v > (UINT64_MAX - (unsigned)d) / base)
			*overflow = 1;
		v = v * base + (unsigned)d;
	}
	*out = v;
	return SIZE_MAX;
}

/*
 * One printed value in the command's format.  0 and *out, or -1 with
 * *bad_at the offset of what does not fit and *why filled.
 */
static int decode_value(const struct out_format *f, const char *s, size_t n, uint64_t *out,
			size_t *bad_at, const char **why)
{
	size_t at, from = 0;
	int overflow = 0;
	uint64_t v = 0;
	*why = NULL;
	if (f->radix == RADIX_RAW) {
		at = parse_bytes(s, n, out);
		*bad_at = at;
		return at == SIZE_MAX ? 0 : -1;
	}
	if (f->radix == RADIX_HEX) {
		if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			from = 2;
		at = parse_digits(s, n, from, 16, &v, &overflow);
		if (at == SIZE_MAX && (n - from > HEX_DIGITS || overflow))
			*why = "has more than 16 hex digits";
		else if (at == SIZE_MAX && f->fill && n - from != HEX_DIGITS)
			*why = "is not 16 digits long, as `rdmsr -0` prints: the value looks truncated";
	} else if (f->radix == RADIX_OCT) {
		at = parse_digits(s, n, 0, 8, &v, &overflow);
		size_t width = OCT_WIDTH + (f->c_lang ? 1 : 0);
		if (at == SIZE_MAX && overflow)
			*why = "does not fit in 64 bits";
		else if (at == SIZE_MAX && f->fill && n != width)
			*why = "is not as wide as `rdmsr -0 -o` prints: the value looks truncated";
	} else {
		int negative = f->radix == RADIX_DEC && n && s[0] == '-';
		size_t end = n;
		if (f->radix == RADIX_UNS && f->c_lang && n && s[n - 1] == 'U')
			end--;
		at = parse_digits(s, end, negative ? 1 : 0, 10, &v, &overflow);
		if (at == SIZE_MAX) {
			/* rdmsr -d clears bit 63 and prints the rest negated; it never
			 * prints two's complement. */
			if (overflow || (f->radix == RADIX_DEC && v >> 63))
				*why = "does not fit in what rdmsr prints for 64 bits";
			else if (f->fill && !f->c_lang && n != DEC_WIDTH)
				*why = "is not 20 characters wide, as `rdmsr -0` prints: the value "
				       "looks truncated";
			else if (negative)
				v |= 1ull << 63;
		}
	}
	*bad_at = at == SIZE_MAX ? 0 : at;
	if (at != SIZE_MAX || *why)
		return -1;
	*out = v;
	return 0;
}

/* Does this line look like a printed value (one token, maybe labelled)? */
static int value_shaped(const struct va_line *l, struct word *value, int *cpu)
{
	size_t skip = 0, pos;
	struct word w, extra;
	*cpu = -2;
	cpu_label(l->s, l->n, cpu, &skip);
	pos = skip;
	if (!next_word(l, &pos, &w))
		return 0;
	if (next_word(l, &pos, &extra) && extra.s[0] != '#')
		return 0;
	if (!(va_hex_digit(w.s[0]) >= 0 || w.s[0] == '-' || w.s[0] == '{'))
		return 0;
	for (size_t i = 0; i < w.n; i++) {
		char c = w.s[i];
		if (!(va_hex_digit(c) >= 0 || c == 'x' || c == 'X' || c == '-' || c == '`' || c == '{' ||
		      c == '}' || c == ',' || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z')))
			return 0;
	}
	*value = w;
	return 1;
}

static void finish_command(struct command *c)
{
	c->line = 0;
}

/* Move to the next MSR of a for loop once this one has its value. */
static void advance(struct command *c)
{
	c->values = 0;
	if (++c->index >= c->count)
		finish_command(c);
}

static int output_value(struct reader *r, const struct va_line *l, const struct word *value,
			int label_cpu)
{
	struct command *c = &r->cmd;
	uint64_t v;
	size_t bad_at;
	const char *why;
	if (decode_value(&c->fmt, value->s, value->n, &v, &bad_at, &why)) {
		if (why)
			va_error_set(r->rec.err, r->rec.file, l->number, value->col,
				     "'%.*s' %s (output of the rdmsr on line %u)",
				     (int)(value->n > 40 ? 40 : value->n), value->s, why, c->line);
		else
			va_error_set(r->rec.err, r->rec.file, l->number, value->col + (unsigned)bad_at,
				     "'%.*s' is not what the rdmsr on line %u prints: expected %s",
				     (int)(value->n > 40 ? 40 : value->n), value->s, c->line,
				     format_words(&c->fmt));
		return -1;
	}
	int cpu = label_cpu >= 0 ? label_cpu : c->cpu;
	if (take_value(r, &c->arg[c->index], v, l->number, value->col, cpu, c->all ? c->line : 0))
		return -1;
	c->values++;
	if (!c->all)
		advance(c);
	return 0;
}

/* "rdmsr: CPU 0 cannot read MSR 0x00000491" and the tool's other failures. */
static int failure_line(struct reader *r, const struct va_line *l)
{
	const char *s = l->s;
	size_t n = l->n;
	size_t k = has_prefix(s, n, "rdmsr: ") ? 7 : has_prefix(s, n, "rdmsr:") ? 6 : 0;
	if (!k) {
		if (!contains(s, n, "rdmsr: command not found") && !contains(s, n, "rdmsr: not found"))
			return 0;
		if (!r->told_failure++)
			va_note(r->rec.notes, "line %u: rdmsr is not installed there (package msr-tools)",
				l->number);
		finish_command(&r->cmd);
		return 1;
	}
	const char *p = s + k;
	size_t m = n - k;
	unsigned cpu = 0;
	size_t i = 0;
	if (has_prefix(p, m, "CPU ")) {
		for (i = 4; i < m && p[i] >= '0' && p[i] <= '9' && i < 10; i++)
			cpu = cpu * 10 + (unsigned)(p[i] - '0');
	}
	if (i && has_prefix(p + i, m - i, " cannot read MSR 0x")) {
		size_t start = i + 19, digits;
		uint64_t number = c_strtoul(p + start - 2, m - start + 2, &digits);
		int msr = digits && number <= 0xffffffffu ? va_msr_by_number((uint32_t)number) : -1;
		if (msr >= 0) {
			char who[32];
			snprintf(who, sizeof who, "CPU %u cannot read", cpu);
			va_msr_unreadable(&r->rec, l->number, who, msr);
		}
		struct command *c = &r->cmd;
		if (c->line && c->index < c->count) {
			const struct msr_arg *a = &c->arg[c->index];
			uint32_t meant;
			if (msr < 0 && a->known && meant_as_hex(a->text.s, a->text.n, &meant) &&
			    va_msr_by_number(meant) >= 0)
				remember_pitfall(r, a, c->line, meant);
			/* rdmsr exits at the first CPU that fails. */
			advance(c);
		}
		return 1;
	}
	if (!r->told_failure++)
		va_note(r->rec.notes, "line %u: rdmsr failed: %.*s%s", l->number, (int)(m > 80 ? 80 : m), p,
			contains(p, m, "No such file") ? " (load the msr module: modprobe msr)" : "");
	finish_command(&r->cmd);
	return 1;
}

/* ---- lines labelled by the user: "0x481: 7f00000016", "IA32_VMX_BASIC = ..." ---- */

static int label_msr(const char *s, size_t n, int *msr, int *ambiguous)
{
	*ambiguous = 0;
	if (has_prefix(s, n, "MSR_"))
		s += 4, n -= 4;
	for (int m = 0; m < MSR_COUNT; m++) {
		const char *name = va_msr_name((enum va_msr)m);
		if (strlen(name) == n && !memcmp(s, name, n)) {
			*msr = m;
			return 1;
		}
	}
	if (n >= 3 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		size_t i = 2;
		uint32_t v = 0;
		for (; i < n && i < 10 && va_hex_digit(s[i]) >= 0; i++)
			v = v << 4 | (uint32_t)va_hex_digit(s[i]);
		if (i != n)
			return 0;
		*msr = va_msr_by_number(v);
		return 1;
	}
	uint32_t meant;
	if (meant_as_hex(s, n, &meant) && va_msr_by_number(meant) >= 0) {
		*ambiguous = 1;
		*msr = -1;
		return 1;
	}
	return 0;
}

static int labelled_line(struct reader *r, const struct va_line *l, int *handled)
{
	size_t pos = 0;
	struct word label, w, value;
	*handled = 0;
	if (!l->n || !(l->s[0] == '0' || l->s[0] == 'I' || l->s[0] == 'M' ||
		       (l->s[0] >= '1' && l->s[0] <= '9')))
		return 0;
	if (!next_word(l, &pos, &label))
		return 0;
	int sep = 0;
	if (label.n > 1 && (label.s[label.n - 1] == ':' || label.s[label.n - 1] == '=')) {
		label.n--;
		sep = 1;
	}
	if (!next_word(l, &pos, &w))
		return 0;
	if (!sep && (word_is(&w, "=") || word_is(&w, ":"))) {
		sep = 1;
		if (!next_word(l, &pos, &w))
			return 0;
	}
	struct word extra;
	if (!sep || (next_word(l, &pos, &extra) && extra.s[0] != '#'))
		return 0;
	int msr, ambiguous;
	if (!label_msr(label.s, label.n, &msr, &ambiguous))
		return 0;
	value = w;
	*handled = 1;
	if (ambiguous) {
		if (!r->ambiguous_labels++)
			va_note(r->rec.notes, "line %u: '%.*s' has no 0x, and rdmsr reads such a number as "
				"decimal, so it is not taken as MSR 0x%.*s; its value is skipped (write "
				"0x%.*s)", l->number, (int)(label.n > 16 ? 16 : label.n), label.s,
				(int)(label.n > 16 ? 16 : label.n), label.s,
				(int)(label.n > 16 ? 16 : label.n), label.s);
		return 0;
	}
	struct out_format hex = { .radix = RADIX_HEX };
	uint64_t v;
	size_t bad_at;
	const char *why = "has more than 16 hex digits";
	/* WinDbg-style backticks are common in hand-made lists. */
	char digits[24];
	size_t k = 0;
	for (size_t i = 0; i < value.n && k < sizeof digits; i++)
		if (value.s[i] != '`')
			digits[k++] = value.s[i];
	if (k == sizeof digits || decode_value(&hex, digits, k, &v, &bad_at, &why)) {
		va_error_set(r->rec.err, r->rec.file, l->number, value.col, "'%.*s' is not a hex value%s%s",
			     (int)(value.n > 40 ? 40 : value.n), value.s, why ? ": it " : "",
			     why ? why : "");
		return -1;
	}
	if (msr < 0) {
		va_msr_foreign(&r->rec, l->number);
		return 0;
	}
	return record(r, msr, v, l->number, value.col, -1, 0);
}

/* ---- the reader ---- */

static int read_line(void *ctx, const struct va_line *l)
{
	struct reader *r = ctx;
	struct command cmd;
	int usable;
	if (memchr(l->s, 'r', l->n) && contains(l->s, l->n, "rdmsr")) {
		if (failure_line(r, l))
			return 0;
		if (parse_command(l, &cmd, &usable)) {
			r->cmd = cmd;
			if (!usable) {
				finish_command(&r->cmd);
			} else if (cmd.fmt.bitfield) {
				va_note(r->rec.notes, "line %u: `rdmsr -f %u:%u` prints bits %u..%u only, not the "
					"MSR; its output is skipped", l->number, cmd.fmt.high, cmd.fmt.low,
					cmd.fmt.high, cmd.fmt.low);
				finish_command(&r->cmd);
			} else if (cmd.fmt.radix == RADIX_RAW && !cmd.fmt.c_lang) {
				va_note(r->rec.notes, "line %u: `rdmsr -r` prints raw bytes, which do not survive a "
					"paste; its output is skipped (use -c -r or no option)", l->number);
				finish_command(&r->cmd);
			} else if (cmd.all && cmd.count > 1) {
				va_note(r->rec.notes, "line %u: a loop of `rdmsr -a` prints no MSR names, so its "
					"values cannot be assigned; skipped", l->number);
				finish_command(&r->cmd);
			}
			return 0;
		}
	}
	struct command *c = &r->cmd;
	if (c->line) {
		struct word value;
		int cpu;
		if (!l->n || has_prefix(l->s, l->n, "[sudo]") || has_prefix(l->s, l->n, "Password"))
			return 0;
		if (value_shaped(l, &value, &cpu))
			return output_value(r, l, &value, cpu);
		/* Output of -a ends at the first line that is not a value. */
		finish_command(c);
	}
	int handled;
	return labelled_line(r, l, &handled);
}

static void final_notes(struct reader *r)
{
	va_msr_final_notes(&r->rec, "rdmsr");
	if (r->pitfalls)
		va_note(r->rec.notes, "line %u: %s%s", r->pitfall_line, r->pitfall_text,
			r->pitfalls > 1 ? " (and more lines like it)" : "");
}

static int read_rdmsr(struct va_state *st, const char *text, size_t len, const char *file,
		      struct va_error *err, struct va_import_notes *notes)
{
	struct reader r = { 0 };
	va_msr_recorder_init(&r.rec, st, file, err, notes);
	if (va_each_line(text, len, read_line, &r))
		return -1;
	/* A paste where every number was decimal gave nothing: say so loudly. */
	if (!r.rec.given && r.pitfalls) {
		va_error_set(err, file, r.pitfall_line, r.pitfall_col, "%s", r.pitfall_text);
		return -1;
	}
	final_notes(&r);
	return 0;
}

/* A usable rdmsr command line decides; a labelled value only hints. */
static int detect_line(void *ctx, const struct va_line *l)
{
	int *score = ctx;
	struct command cmd;
	int usable;
	if (memchr(l->s, 'r', l->n) && contains(l->s, l->n, "rdmsr") &&
	    parse_command(l, &cmd, &usable) && usable)
		return *score = 90;
	size_t pos = 0;
	struct word label;
	int msr, ambiguous;
	if (l->n && (l->s[0] == '0' || l->s[0] == 'I' || l->s[0] == 'M') &&
	    next_word(l, &pos, &label)) {
		if (label.n > 1 && (label.s[label.n - 1] == ':' || label.s[label.n - 1] == '='))
			label.n--;
		if (label_msr(label.s, label.n, &msr, &ambiguous) && msr >= 0)
			*score = 30;
	}
	return 0;
}

static int detect_rdmsr(const char *text, size_t len)
{
	int score = 0;
	va_each_line(text, len, detect_line, &score);
	return score;
}

const struct va_reader va_reader_msr_tools = {
	.kind = "rdmsr",
	.what = "Linux msr-tools rdmsr output with its command lines, or MSR-labelled values",
	.provides = VA_PROVIDES_CAPS,
	.detect = detect_rdmsr,
	.read = read_rdmsr,
};
