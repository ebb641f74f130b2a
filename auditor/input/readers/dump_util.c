#include "dump_util.h"
#include "../provenance.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../text_util.h"

/* ======================================================================
 * Cursor: physical lines to logical lines
 * ====================================================================== */

static int starts(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && !memcmp(s, p, k);
}

static int digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* "[2019-11-02 14:09:46] " (Xen console_timestamps=date), "[  2804,119878] "
 * (NetBSD dmesg), "[2025-02-01T10:00:00Z DEBUG hv::vmx] " (Rust's env_logger):
 * a bracket that opens with a number, which va_next_line leaves alone. */
static size_t date_bracket(const char *s, size_t n)
{
	size_t i = 1;
	if (n < 3 || s[0] != '[')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || !digit(s[i]))
		return 0;
	for (; i < n && i < 80 && s[i] != ']' && s[i] != '['; i++)
		;
	return (i < n && s[i] == ']') ? i + 1 : 0;
}

/* "host kernel: " after a monotonic timestamp (journalctl -o short-monotonic). */
static size_t host_kernel(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 64 && (du_alnum(s[i]) || s[i] == '-' || s[i] == '.' || s[i] == '_'))
		i++;
	return (i && starts(s + i, n - i, " kernel: ")) ? i + 9 : 0;
}

/* "haxm_warning: ", "haxm_error:", "haxm_warn: " (HAXM's log levels). */
static size_t haxm_level(const char *s, size_t n)
{
	if (!starts(s, n, "haxm_"))
		return 0;
	size_t i = 5;
	while (i < n && i < 20 && s[i] >= 'a' && s[i] <= 'z')
		i++;
	return (i < n && s[i] == ':') ? i + 1 : 0;
}

/* DebugView: "<sequence>\t<seconds>\t". */
static size_t debugview(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && digit(s[i]))
		i++;
	if (!i || i >= n || s[i] != '\t')
		return 0;
	size_t j = ++i;
	while (i < n && (digit(s[i]) || s[i] == '.'))
		i++;
	return (i > j && i < n && s[i] == '\t') ? i + 1 : 0;
}

/* ftrace: "CPU 0/KVM-251862 [019] 6384.132439: bprint: dump_vmcs: ..." - the
 * first colon of such a line is the one before "bprint". */
static size_t bprint(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n < 120 ? n : 120);
	if (!colon)
		return 0;
	size_t j = (size_t)(colon - s) + 1;
	if (!starts(s + j, n - j, " bprint: "))
		return 0;
	j += 9;
	size_t k = j;
	while (k < n && (du_alnum(s[k]) || s[k] == '_'))
		k++;
	return (k > j && k + 1 < n && s[k] == ':' && s[k + 1] == ' ') ? k + 2 : j;
}

/* Any syslog line, "Mar  4 10:11:12 host tag[pid]: " (macOS: "kernel[0]: "):
 * the tag ends at the first ": " after the time. */
static size_t syslog_tag(const char *s, size_t n)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	if (n < 20 || s[3] != ' ' || !digit(s[7]) || s[9] != ':' || s[12] != ':')
		return 0;
	int month = 0;
	for (size_t m = 0; m + 3 <= sizeof months - 1; m += 3)
		month |= !memcmp(s, months + m, 3);
	if (!month)
		return 0;
	size_t lim = n < 120 ? n : 120;
	for (size_t i = 15; i + 1 < lim; i++)
		if (s[i] == ':' && s[i + 1] == ' ')
			return i + 2;
	return 0;
}

/* Kernel log level "<3>" as the console or /dev/kmsg shows it. */
static size_t loglevel(const char *s, size_t n)
{
	return (n >= 3 && s[0] == '<' && digit(s[1]) && s[2] == '>') ? 3 : 0;
}

/* Prefixes of dump lines that va_next_line does not know about. */
static size_t extra_prefix(const char *s, size_t n)
{
	static const char *const literal[] = { "(intelhaxm) ", "[NoirVisor] ", "[hv] ", "(XEN)" };
	size_t k;
	if ((k = date_bracket(s, n)) || (k = haxm_level(s, n)) || (k = debugview(s, n)) ||
	    (k = loglevel(s, n)) || (k = bprint(s, n)) || (k = host_kernel(s, n)) ||
	    (k = syslog_tag(s, n)))
		return k;
	for (size_t i = 0; i < sizeof literal / sizeof literal[0]; i++)
		if (starts(s, n, literal[i]))
			return strlen(literal[i]);
	return 0;
}

/* Stage byte `b` from column `col`; a new run where columns stop being linear. */
static void put(struct du_cursor *c, unsigned char b, unsigned line, unsigned col)
{
	if (c->sn >= DU_LINE_MAX) {
		c->overlong = 1;
		return;
	}
	const struct du_run *r = c->snrun ? &c->srun[c->snrun - 1] : NULL;
	if ((!r || r->col + (c->sn - r->off) != col) && c->snrun < DU_RUNS) {
		c->srun[c->snrun].off = c->sn;
		c->srun[c->snrun].line = line;
		c->srun[c->snrun].col = col;
		c->snrun++;
	}
	c->sbuf[c->sn++] = (char)b;
}

/* Control characters are blanks; so is a UTF-8 non-breaking space (C2 A0),
 * as two blanks so that columns stay put. */
static int clean(char *s, size_t n)
{
	int changed = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if ((b < 0x20 && b != '\t') || b == 0x7f) {
			s[i] = ' ';
		} else if (b == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			s[i] = s[i + 1] = ' ';
			changed = 1;
		}
	}
	return changed;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

/*
 * Decode one physical line into the staging buffer: quoted-printable escapes
 * (=3D, =20, =C2=A0 ...) and a trailing soft break when the text is QP,
 * blanks for control characters and non-breaking spaces.  Returns whether a
 * soft break ends the line; *changed: the text differs from the input's.
 */
static int decode(struct du_cursor *c, const char *s, size_t n, unsigned line, unsigned col0,
		  int *changed)
{
	c->sn = 0;
	c->snrun = 0;
	if (!c->qp) {
		size_t k = n;
		if (k > DU_LINE_MAX) {
			k = DU_LINE_MAX;
			c->overlong = 1;
		}
		memcpy(c->sbuf, s, k);
		c->srun[0].off = 0;
		c->srun[0].line = line;
		c->srun[0].col = col0;
		c->snrun = 1;
		c->sn = k;
		*changed = clean(c->sbuf, k);
		return 0;
	}
	int soft = 0;
	for (size_t i = 0; i < n && !c->overlong; i++) {
		unsigned char b = (unsigned char)s[i];
		unsigned col = col0 + (unsigned)i;
		if (b == '=' && i + 1 == n) {
			soft = 1;
			break;
		}
		if (b == '=' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			b = (unsigned char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
			*changed = 1;
		}
		put(c, b, line, col);
	}
	if (!c->snrun) {
		c->srun[0].off = 0;
		c->srun[0].line = line;
		c->srun[0].col = col0;
		c->snrun = 1;
	}
	*changed |= clean(c->sbuf, c->sn);
	return soft;
}

/* Quote markers of a QP continuation line ("> > "); its blanks are content. */
static size_t quote_markers(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == '>') {
		i++;
		if (i < n && s[i] == ' ')
			i++;
	}
	return i;
}

static int has_real_prefix(const struct va_line *pl)
{
	const char *p = pl->s - (pl->column - 1);
	for (; p < pl->s; p++)
		if (*p != ' ' && *p != '\t' && *p != '>')
			return 1;
	return 0;
}

/*
 * Stage the next physical line in sbuf (decoded, undecorated).  A QP
 * continuation keeps its blanks.  *real: the line carried a timestamp or
 * another log prefix, i.e. it is a line of its own, not a wrapped tail.
 * Returns 0 at the end of the text, else 1 (2 if a soft break ends it).
 */
static int stage(struct du_cursor *c, int continuation, int *real, size_t *begin)
{
	struct va_line pl;
	if (!va_next_line(&c->it, &pl))
		return 0;
	const char *s = pl.s;
	size_t n = pl.n;
	unsigned col = pl.column;
	*real = has_real_prefix(&pl);
	if (continuation) {
		/* undo va_next_line's stripping of blanks: they are content here */
		s = pl.s - (pl.column - 1);
		n += pl.column - 1;
		col = 1;
		size_t q = quote_markers(s, n);
		s += q;
		n -= q;
		col += (unsigned)q;
	}
	int changed = 0;
	int soft = decode(c, s, n, pl.number, col, &changed);
	size_t b = 0;
	/* Prefixes may nest ("(XEN) [date] ", decoded "(XEN)=C2=A0"): peel until none. */
	for (int round = 0; round < 6 && !continuation; round++) {
		size_t k = extra_prefix(c->sbuf + b, c->sn - b);
		if (k) {
			*real = 1;
			changed = 1; /* what it hid may be a prefix va_next_line knows */
		} else if (changed) {
			struct va_line_iter it;
			struct va_line l;
			va_lines_begin(&it, c->sbuf + b, c->sn - b);
			if (va_next_line(&it, &l))
				k = (size_t)(l.s - (c->sbuf + b));
			changed = 0;
		}
		if (!k)
			break;
		b += k;
		while (b < c->sn && du_blank(c->sbuf[b]))
			b++;
	}
	*begin = b;
	return soft ? 2 : 1;
}

static void add_run(struct du_cursor *c, size_t off, unsigned line, unsigned col)
{
	if (c->nrun < DU_RUNS) {
		c->run[c->nrun].off = off;
		c->run[c->nrun].line = line;
		c->run[c->nrun].col = col;
		c->nrun++;
	}
}

/* Append the staged line (from `begin`) to the logical line. */
static void commit(struct du_cursor *c, size_t begin, int sep)
{
	size_t len = c->sn - begin;
	if (c->nseg >= DU_SEGS || c->n + (size_t)sep + len > DU_LINE_MAX) {
		c->overlong = 1;
		return;
	}
	if (sep)
		c->buf[c->n++] = ' ';
	unsigned first = c->nrun;
	for (unsigned j = 0; j < c->snrun; j++) {
		const struct du_run *r = &c->srun[j];
		size_t end = j + 1 < c->snrun ? c->srun[j + 1].off : c->sn;
		size_t from = r->off > begin ? r->off : begin;
		if (from < end)
			add_run(c, c->n + from - begin, r->line, r->col + (unsigned)(from - r->off));
	}
	if (c->nrun == first && c->snrun)   /* an empty line still has a place */
		add_run(c, c->n, c->srun[0].line, c->srun[0].col + (unsigned)begin);
	memcpy(c->buf + c->n, c->sbuf + begin, len);
	c->n += len;
	c->nseg++;
}

void du_save(const struct du_cursor *c, struct du_mark *m)
{
	m->it = c->it;
	m->n = c->n;
	m->nseg = c->nseg;
	m->nrun = c->nrun;
	m->overlong = c->overlong;
}

void du_restore(struct du_cursor *c, const struct du_mark *m)
{
	c->it = m->it;
	c->n = m->n;
	c->nseg = m->nseg;
	c->nrun = m->nrun;
	c->overlong = m->overlong;
}

/* Is "=3D" in the text?  memchr-paced: '=' is rare enough. */
static int has_qp(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while ((p = memchr(p, '=', (size_t)(end - p))) != NULL) {
		if (end - p >= 3 && p[1] == '3' && p[2] == 'D')
			return 1;
		p++;
	}
	return 0;
}

void du_begin(struct du_cursor *c, const char *text, size_t len)
{
	va_lines_begin(&c->it, text, len);
	c->qp = has_qp(text, len);
	c->n = 0;
	c->nseg = 0;
	c->nrun = 0;
	c->overlong = 0;
}

int du_next(struct du_cursor *c)
{
	int real;
	size_t begin;
	c->n = 0;
	c->nseg = 0;
	c->nrun = 0;
	c->overlong = 0;
	int r = stage(c, 0, &real, &begin);
	if (!r)
		return 0;
	commit(c, begin, 0);
	while (r == 2 && c->nseg < DU_SEGS) {
		r = stage(c, 1, &real, &begin);
		if (!r)
			break;
		commit(c, begin, 0);
	}
	return 1;
}

int du_join(struct du_cursor *c, int sep)
{
	struct du_mark m;
	int real;
	size_t begin;
	if (c->nseg >= DU_SEGS)
		return 0;
	du_save(c, &m);
	int r = stage(c, 0, &real, &begin);
	if (!r || real || begin >= c->sn) {
		du_restore(c, &m);
		return 0;
	}
	commit(c, begin, sep);
	if (c->overlong) {
		du_restore(c, &m);
		return 0;
	}
	return 1;
}

void du_where(const struct du_cursor *c, size_t off, unsigned *line, unsigned *column)
{
	if (!c->nrun) {
		*line = c->it.number;
		*column = 1;
		return;
	}
	unsigned s = 0;
	while (s + 1 < c->nrun && c->run[s + 1].off <= off)
		s++;
	*line = c->run[s].line;
	*column = c->run[s].col + (unsigned)(off >= c->run[s].off ? off - c->run[s].off : 0);
}

/* ======================================================================
 * Templates
 * ====================================================================== */

static int parse_dec(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!digit(s[i]))
			return -1;
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -2;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* QEMU prints descriptor bits 8..23 in place; VMX access rights are those
 * bits shifted down.  QEMU shows an unusable segment as not present; KVM
 * writes a non-present segment as unusable (AR bit 16), so do the same. */
static uint64_t qemu_flags_to_ar(uint64_t flags)
{
	uint64_t ar = (flags >> 8) & 0xf0ff;
	return (flags & 0x8000) ? ar : ar | 0x10000;
}

static void stop_eol(struct du_match *m, int rec, size_t p, size_t progress)
{
	m->end = p;
	m->progress = progress;
	m->status = rec ? DU_EARLY : progress >= 3 ? DU_PREFIX : DU_NOMATCH;
}

static void bad_value(struct du_match *m, int rec, enum du_why why, size_t off, size_t len,
		      unsigned width, size_t progress)
{
	m->status = rec ? DU_BADVALUE : DU_NOMATCH;
	m->why = why;
	m->tok_off = off;
	m->tok_len = len;
	m->min_digits = width;
	m->end = off + len;
	m->progress = progress;
}

/* Match template t against b[pos..n). */
static void match_at(const char *t, int explicit_at, const char *b, size_t n, size_t pos,
		     struct du_match *m)
{
	int rec = 0;
	size_t p = pos;
	const char *q = t;
	m->start = pos;
	m->nvals = 0;
	while (*q) {
		char ch = *q;
		size_t progress = (size_t)(q - t);
		if (ch == '@') {
			rec = 1;
			q++;
		} else if (ch == ' ') {
			while (p < n && du_blank(b[p]))
				p++;
			q++;
		} else if (ch == '%') {
			if (!explicit_at)
				rec = 1;
			q++;
			unsigned width = 0;
			while (*q >= '0' && *q <= '9')
				width = width * 10 + (unsigned)(*q++ - '0');
			char conv = *q ? *q++ : 'x';
			if (conv == 's') {
				const char *r = q;
				while (*r == ' ' || *r == '@')
					r++;
				if (!*r) {
					p = n;
					continue;
				}
				while (p < n && b[p] != *r)
					p++;
				if (p >= n) {
					stop_eol(m, rec, p, progress);
					return;
				}
				continue;
			}
			int prefixed = 0;
			if (conv != 'd' && p + 1 < n && b[p] == '0' && (b[p + 1] == 'x' || b[p + 1] == 'X')) {
				p += 2;
				prefixed = 1;
			}
			size_t s0 = p;
			while (p < n && du_alnum(b[p]))
				p++;
			size_t tl = p - s0;
			if (!tl && p >= n && !prefixed) {
				stop_eol(m, rec, p, progress);
				return;
			}
			uint64_t v = 0;
			int r = !tl ? -1 : conv == 'd' ? parse_dec(b + s0, tl, &v) : va_parse_hex(b + s0, tl, &v);
			enum du_why why = r == -2 ? DU_WHY_WIDE : DU_WHY_NOTNUM;
			if (!r && p >= n && tl < width) {
				/* fewer digits than printf prints, and the line ends: cut */
				why = DU_WHY_SHORT;
				r = -1;
			} else if (!tl && p >= n) {
				why = DU_WHY_SHORT;
			}
			if (r) {
				bad_value(m, rec, why, s0, tl, width, progress);
				return;
			}
			if (conv == 'f')
				v = qemu_flags_to_ar(v);
			if (m->nvals < DU_VALS) {
				m->val[m->nvals] = v;
				m->val_off[m->nvals] = s0;
				m->nvals++;
			}
		} else if (p < n && b[p] == ch) {
			p++;
			q++;
		} else if (p >= n) {
			stop_eol(m, rec, p, progress);
			return;
		} else {
			m->status = rec ? DU_MISMATCH : DU_NOMATCH;
			m->end = p;
			m->progress = progress;
			return;
		}
	}
	m->status = DU_FULL;
	m->end = p;
	m->progress = (size_t)(q - t);
}

/* A template that may start anywhere: try each place its first character occurs. */
static void match_anywhere(const char *t, int explicit_at, const char *b, size_t n, size_t pos,
			   struct du_match *m)
{
	m->status = DU_NOMATCH;
	while (pos < n) {
		const char *hit = memchr(b + pos, t[0], n - pos);
		if (!hit)
			return;
		size_t at = (size_t)(hit - b);
		match_at(t, explicit_at, b, n, at, m);
		if (m->status != DU_NOMATCH && m->status != DU_PREFIX)
			return;
		m->status = DU_NOMATCH;
		pos = at + 1;
	}
}

static void match_layout(const struct du_layout *l, int explicit_at, const char *b, size_t n,
			 size_t pos, struct du_match *m)
{
	m->status = DU_NOMATCH;
	if (l->flags & DU_ANYWHERE)
		match_anywhere(l->tmpl, explicit_at, b, n, pos, m);
	else
		match_at(l->tmpl, explicit_at, b, n, pos, m);
}

static int loose_start(char ch)
{
	return ch == ' ' || ch == '%' || ch == '@';
}

static void build_index(struct du_ctx *c)
{
	struct du_index *x = &c->idx;
	memset(x, 0, sizeof *x);
	for (unsigned t = 0; t < 2; t++) {
		size_t n = c->ntab[t] < DU_TAB_MAX ? c->ntab[t] : DU_TAB_MAX;
		for (size_t i = 0; i < n; i++) {
			const struct du_layout *l = &c->tab[t][i];
			uint64_t bit = 1ull << (i % 64);
			unsigned w = (unsigned)(i / 64);
			if (strchr(l->tmpl, '@'))
				x->has_at[t][w] |= bit;
			if (l->flags & DU_ANYWHERE)
				x->anywhere[t][w] |= bit;
			else if (loose_start(l->tmpl[0]))
				x->loose[t][w] |= bit;
			else
				x->first[(unsigned char)l->tmpl[0]][t][w] |= bit;
		}
	}
}

/* ======================================================================
 * Engine
 * ====================================================================== */

static unsigned order(unsigned section)
{
	switch (section) {
	case DU_GUEST: return 1;
	case DU_HOST: return 2;
	case DU_CTRL: return 3;
	default: return 0;
	}
}

static int eligible(const struct du_ctx *c, const struct du_layout *l, unsigned stepno)
{
	if ((l->flags & DU_ANYWHERE) && stepno > 0)
		return 0;
	if (l->where & c->section)
		return 1;
	if (!(l->flags & DU_IMPLY))
		return 0;
	return c->section == DU_PRE || c->section == DU_END || order(l->enter) > order(c->section);
}

static void new_dump(struct du_ctx *c)
{
	/* pieces of one dump, each repeating its start: read them all */
	if (c->dumps && va_dump_pieces())
		return;
	c->dumps++;
	c->reading = c->dumps == 1;
	if (c->reading)
		c->dump_line = du_line(c, 0);
}

static void enter_section(struct du_ctx *c, unsigned s)
{
	if (c->in_dump == 0 || c->in_dump == 3 ||
	    (c->in_dump == 2 && order(s) <= order(c->section)))
		new_dump(c);
	c->in_dump = 2;
	c->section = s;
	if (c->reading)
		c->sections_seen |= s;
}

static void header(struct du_ctx *c)
{
	if (c->in_dump != 1)
		new_dump(c);
	c->in_dump = 1;
	c->section = DU_PRE;
}

static void close_dump(struct du_ctx *c)
{
	if (c->in_dump == 2 || c->in_dump == 1)
		c->in_dump = 3;
	if (c->in_dump == 3)
		c->section = DU_END;
}

unsigned du_line(const struct du_ctx *c, size_t off)
{
	unsigned line, col;
	du_where(&c->cur, off, &line, &col);
	return line;
}

int du_fail(struct du_ctx *c, size_t off, const char *fmt, ...)
{
	unsigned line, col;
	char msg[sizeof c->err->message];
	va_list ap;
	du_where(&c->cur, off, &line, &col);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	va_error_set(c->err, c->file, line, col, "%s", msg);
	return -1;
}

int du_set(struct du_ctx *c, enum va_field f, uint64_t v, size_t off)
{
	if (!c->reading || f <= FLD_NONE || f >= FLD_COUNT)
		return 0;
	unsigned bits = va_field_bits(f);
	if (bits < 64 && (v >> bits))
		return du_fail(c, off, "0x%llx does not fit in the %u-bit field %s",
			       (unsigned long long)v, bits, va_field_name(f));
	va_provenance_line(du_line(c, off));
	va_state_set_field(c->st, f, v);
	c->fields_set++;
	return 0;
}

/* Text of a token for a message, bounded. */
static const char *token(const struct du_ctx *c, size_t off, size_t len, char *out, size_t cap)
{
	size_t k = 0;
	for (; k < len && k + 1 < cap && off + k < c->cur.n; k++)
		out[k] = c->cur.buf[off + k];
	out[k] = '\0';
	return out;
}

static int bad_value_error(struct du_ctx *c, const struct du_match *m)
{
	char tok[40];
	token(c, m->tok_off, m->tok_len, tok, sizeof tok);
	switch (m->why) {
	case DU_WHY_WIDE:
		return du_fail(c, m->tok_off, "'%s' does not fit in 64 bits", tok);
	case DU_WHY_SHORT:
		return du_fail(c, m->tok_off, "the value '%s' is cut short (%zu of at least %u hex "
			       "digits): the line looks truncated", tok, m->tok_len, m->min_digits);
	default:
		if (!m->tok_len)
			return du_fail(c, m->tok_off, "expected a number here");
		return du_fail(c, m->tok_off, "'%s' is not a number", tok);
	}
}

/* What a line says about the dump's structure, before its values count. */
static void structure(struct du_ctx *c, const struct du_layout *l)
{
	if (l->flags & DU_HEADER)
		header(c);
	if (l->flags & DU_CLOSE)
		close_dump(c);
	if (l->enter && (!(l->flags & DU_IMPLY) || !(l->where & c->section)))
		enter_section(c, l->enter);
}

static int apply(struct du_ctx *c, const struct du_layout *l, const struct du_match *m)
{
	structure(c, l);
	int r = DU_APPLY;
	if (l->action && c->hook) {
		r = c->hook(c, l, m);
		if (r < 0)
			return -1;
	}
	if (r == DU_APPLY)
		for (unsigned i = 0; i < m->nvals; i++)
			if (l->to[i] != FLD_NONE && du_set(c, (enum va_field)l->to[i], m->val[i], m->val_off[i]))
				return -1;
	return 0;
}

struct best {
	const struct du_layout *l;
	struct du_match m;
};

static void consider(struct best *b, const struct du_layout *l, const struct du_match *m,
		     size_t key, size_t *best_key)
{
	if (!b->l || key > *best_key) {
		b->l = l;
		b->m = *m;
		*best_key = key;
	}
}

struct verdicts {
	struct best full, eol, bad, mis;
	size_t kfull, keol, kbad, kmis;
};

static void classify_match(struct verdicts *v, const struct du_layout *l, const struct du_match *m)
{
	switch (m->status) {
	case DU_FULL:
		consider(&v->full, l, m, m->end, &v->kfull);
		break;
	case DU_EARLY:
	case DU_PREFIX:
		consider(&v->eol, l, m, m->progress + (m->status == DU_EARLY ? 1000 : 0), &v->keol);
		break;
	case DU_BADVALUE:
		if (m->why == DU_WHY_SHORT)
			consider(&v->eol, l, m, m->progress + 1000, &v->keol);
		consider(&v->bad, l, m, m->tok_off + 1, &v->kbad);
		break;
	case DU_MISMATCH:
		consider(&v->mis, l, m, m->end + 1, &v->kmis);
		break;
	default:
		break;
	}
}

static void evaluate(const struct du_ctx *c, size_t pos, unsigned stepno, struct verdicts *v)
{
	const struct du_index *x = &c->idx;
	unsigned char ch = pos < c->cur.n ? (unsigned char)c->cur.buf[pos] : 0;
	struct du_match m;
	v->full.l = v->eol.l = v->bad.l = v->mis.l = NULL;
	v->kfull = v->keol = v->kbad = v->kmis = 0;
	for (unsigned t = 0; t < 2; t++) {
		for (unsigned w = 0; w < DU_WORDS; w++) {
			/* in table order, so that ties go to the earlier template */
			uint64_t set = x->first[ch][t][w] | x->loose[t][w] | (stepno ? 0 : x->anywhere[t][w]);
			while (set) {
				unsigned i = w * 64 + (unsigned)__builtin_ctzll(set);
				set &= set - 1;
				const struct du_layout *l = &c->tab[t][i];
				if (!eligible(c, l, stepno))
					continue;
				match_layout(l, (int)(x->has_at[t][w] >> (i % 64) & 1), c->cur.buf, c->cur.n, pos, &m);
				classify_match(v, l, &m);
			}
		}
	}
}

/* Does the line read further once the next physical line is joined to it?
 * Only then was that line the wrapped tail of this one. */
static int join_helps(const struct verdicts *before, const struct verdicts *after, size_t old_n)
{
	if (after->full.l && after->full.m.end > old_n)
		return 1;
	return after->eol.l && after->eol.m.status == DU_EARLY && after->eol.m.end > old_n &&
	       after->eol.m.nvals > before->eol.m.nvals;
}

enum { STEP_STOP, STEP_ON, STEP_NONE };

static int step(struct du_ctx *c, size_t *pos, unsigned stepno)
{
	struct verdicts v, w;
	evaluate(c, *pos, stepno, &v);
	while (v.eol.l && (v.eol.m.status != DU_PREFIX || c->in_dump == 2)) {
		struct du_mark mk;
		size_t old_n = c->cur.n;
		du_save(&c->cur, &mk);
		/* A value cut at the end of a line continues without a blank. */
		int sep = !(v.eol.m.status == DU_BADVALUE && v.eol.m.why == DU_WHY_SHORT);
		if (!du_join(&c->cur, sep))
			break;
		evaluate(c, *pos, stepno, &w);
		if (!join_helps(&v, &w, old_n)) {
			du_restore(&c->cur, &mk);
			break;
		}
		v = w;
	}
	if (v.bad.l && (!v.full.l || v.bad.m.tok_off >= v.full.m.end))
		return bad_value_error(c, &v.bad.m);
	if (v.full.l) {
		if (apply(c, v.full.l, &v.full.m))
			return -1;
		if (v.full.m.end <= *pos)
			return STEP_STOP;
		*pos = v.full.m.end;
		return STEP_ON;
	}
	if (v.eol.l && v.eol.m.status == DU_EARLY) {
		/* Complete values before the cut are good; the rest stays absent. */
		if (!v.eol.l->action)
			structure(c, v.eol.l);
		if (c->reading) {
			if (!c->cut++)
				c->cut_line = du_line(c, *pos);
			for (unsigned i = 0; i < v.eol.m.nvals && !v.eol.l->action; i++)
				if (v.eol.l->to[i] != FLD_NONE &&
				    du_set(c, (enum va_field)v.eol.l->to[i], v.eol.m.val[i], v.eol.m.val_off[i]))
					return -1;
		}
		return STEP_STOP;
	}
	if (v.eol.l && c->reading && c->in_dump == 2) {
		/* the line ends inside a label: cut as well */
		if (!c->cut++)
			c->cut_line = du_line(c, *pos);
		return STEP_STOP;
	}
	if (v.mis.l) {
		if (c->reading && c->in_dump == 2 && !c->odd++) {
			unsigned line, col;
			du_where(&c->cur, v.mis.m.end, &line, &col);
			c->odd_line = line;
			c->odd_col = col;
		}
		return STEP_STOP;
	}
	return v.eol.l ? STEP_STOP : STEP_NONE;
}

void du_ctx_init(struct du_ctx *c, struct va_state *st, const char *text, size_t len,
		 const char *file, struct va_error *err, struct va_import_notes *notes)
{
	memset(c, 0, sizeof *c);
	c->st = st;
	c->file = file;
	c->err = err;
	c->notes = notes;
	c->section = DU_PRE;
	du_begin(&c->cur, text, len);
}

int du_run(struct du_ctx *c)
{
	build_index(c);
	while (du_next(&c->cur)) {
		if (c->cur.overlong)
			continue;
		size_t pos = 0;
		for (unsigned stepno = 0; stepno < 64; stepno++) {
			while (pos < c->cur.n && (du_blank(c->cur.buf[pos]) || c->cur.buf[pos] == ',' ||
						  c->cur.buf[pos] == ';'))
				pos++;
			if (pos >= c->cur.n)
				break;
			int r = step(c, &pos, stepno);
			if (r < 0)
				return -1;
			if (r == STEP_NONE && stepno == 0 && c->fallback && c->fallback(c))
				return -1;
			if (r != STEP_ON)
				break;
		}
	}
	va_provenance_line(0);   /* what readers derive after the last line has no line of its own */
	return 0;
}

void du_common_notes(struct du_ctx *c, const char *what)
{
	if (c->dumps > 1)
		va_note(c->notes, "the input holds %u %s dumps; the first one (from line %u) was read - "
			"audit the others by giving them separately", c->dumps, what, c->dump_line);
	if (c->cut)
		va_note(c->notes, "%u %s dump line%s end%s early (first: line %u): the values missing "
			"there are absent", c->cut, what, c->cut > 1 ? "s" : "", c->cut > 1 ? "" : "s",
			c->cut_line);
	if (c->odd)
		va_note(c->notes, "%u %s dump line%s continue%s with text this reader does not know "
			"(first: line %u, column %u); the values from there on are absent", c->odd, what,
			c->odd > 1 ? "s" : "", c->odd > 1 ? "" : "s", c->odd_line, c->odd_col);
}

/* ======================================================================
 * Outcome
 * ====================================================================== */

void du_settle_outcome(struct va_state *st, struct va_import_notes *notes, const char *who)
{
	int has_r = st->presence[FLD_VM_EXIT_REASON] == VA_SET;
	int has_e = st->presence[FLD_VM_INSTRUCTION_ERROR] == VA_SET;
	uint64_t r = st->field[FLD_VM_EXIT_REASON], e = st->field[FLD_VM_INSTRUCTION_ERROR];

	if (has_e && e == 0) {
		/* 0 is no error number: the field only says no VMfail was recorded. */
		va_state_mark_absent(st, FLD_VM_INSTRUCTION_ERROR);
		has_e = 0;
	}
	if (has_r && (r >> 31) & 1) {
		if (has_e) {
			va_note(notes, "%s: VM-instruction error %llu predates the VM-entry failure (exit "
				"reason 0x%08llx) and is left absent", who, (unsigned long long)e,
				(unsigned long long)r);
			va_state_mark_absent(st, FLD_VM_INSTRUCTION_ERROR);
		}
		return;
	}
	if (has_e) {
		if (has_r) {
			va_note(notes, "%s: VM-instruction error %llu means VMLAUNCH/VMRESUME failed "
				"(VMfailValid); exit reason 0x%08llx is from an earlier exit and is left "
				"absent", who, (unsigned long long)e, (unsigned long long)r);
			va_state_mark_absent(st, FLD_VM_EXIT_REASON);
			va_state_mark_absent(st, FLD_EXIT_QUALIFICATION);
		}
		return;
	}
	if (has_r)
		va_note(notes, "%s: exit reason 0x%08llx has bit 31 clear: this dump follows an ordinary "
			"VM exit, not a failed VM entry", who, (unsigned long long)r);
}

/* ======================================================================
 * Detection
 * ====================================================================== */

/*
 * Several markers in one pass that skips ahead (Wu and Manber's method):
 * look at the two characters that end a window as long as the shortest
 * marker; unless they end some marker's prefix there, no marker starts in
 * the window and it moves on by as much as the pair allows.
 */
#define PAIRS 4096u

static unsigned pair_hash(unsigned char a, unsigned char b)
{
	return ((unsigned)a * 67u + b) & (PAIRS - 1);
}

uint32_t du_markers(const char *text, size_t len, const char *const *markers, unsigned n)
{
	uint8_t shift[PAIRS];
	uint32_t ends[PAIRS];
	size_t mlen[32], m = 64;
	uint32_t found = 0, all = 0;
	if (n > 32)
		n = 32;
	for (unsigned i = 0; i < n; i++) {
		mlen[i] = strlen(markers[i]);
		if (mlen[i] >= 2) {
			all |= 1u << i;
			m = mlen[i] < m ? mlen[i] : m;
		}
	}
	if (!all || len < m)
		return 0;
	memset(shift, (int)(m - 1), sizeof shift);
	memset(ends, 0, sizeof ends);
	for (unsigned i = 0; i < n; i++) {
		if (!(all >> i & 1))
			continue;
		const unsigned char *k = (const unsigned char *)markers[i];
		for (size_t q = 1; q < m; q++) {
			unsigned h = pair_hash(k[q - 1], k[q]);
			if (m - 1 - q < shift[h])
				shift[h] = (uint8_t)(m - 1 - q);
		}
		ends[pair_hash(k[m - 2], k[m - 1])] |= 1u << i;
	}
	const unsigned char *t = (const unsigned char *)text;
	for (size_t pos = m - 1; pos < len && found != all;) {
		unsigned h = pair_hash(t[pos - 1], t[pos]);
		if (shift[h]) {
			pos += shift[h];
			continue;
		}
		size_t start = pos + 1 - m;
		for (uint32_t cand = ends[h] & ~found; cand; cand &= cand - 1) {
			unsigned i = (unsigned)__builtin_ctz(cand);
			if (mlen[i] <= len - start && !memcmp(text + start, markers[i], mlen[i]))
				found |= 1u << i;
		}
		pos++;
	}
	return found;
}

/* ======================================================================
 * The layouts KVM and Xen share
 * ====================================================================== */

#define F(x) FLD_##x
/* one labelled value */
#define ONE(where, t, f) { t, where, 0, 0, 0, { F(f) } }
/* a line only this section has: it may stand for a missing section marker */
#define IMPLIES(where, t, ...) { t, where, where, DU_IMPLY, 0, { __VA_ARGS__ } }
#define ACTION(where, t, act) { t, where, 0, 0, act, { 0 } }
#define SEGMENT(name, S) \
	IMPLIES(DU_GUEST, name ": sel = %4x, attr = %4x, limit = %8x, base = %16x", \
		F(GUEST_##S##_SELECTOR), F(GUEST_##S##_AR_BYTES), F(GUEST_##S##_LIMIT), F(GUEST_##S##_BASE))

const struct du_layout du_vmcs_common[] = {
	{ "*** Guest State ***", DU_ALL, DU_GUEST, 0, 0, { 0 } },
	{ "*** Host State ***", DU_ALL, DU_HOST, 0, 0, { 0 } },
	{ "*** Control State ***", DU_ALL, DU_CTRL, 0, 0, { 0 } },

	/* guest state: "actual" is GUEST_CR0/CR4, what the CPU checks */
	IMPLIES(DU_GUEST, "CR0: actual = %16x, shadow = %16x, gh_mask = %16x",
		F(GUEST_CR0), F(CR0_READ_SHADOW), F(CR0_GUEST_HOST_MASK)),
	IMPLIES(DU_GUEST, "CR4: actual = %16x, shadow = %16x, gh_mask = %16x",
		F(GUEST_CR4), F(CR4_READ_SHADOW), F(CR4_GUEST_HOST_MASK)),
	ONE(DU_GUEST, "CR3 = %16x", GUEST_CR3),
	ONE(DU_GUEST, "PDPTR0 = %16x", GUEST_PDPTR0),
	ONE(DU_GUEST, "PDPTR1 = %16x", GUEST_PDPTR1),
	ONE(DU_GUEST, "PDPTR2 = %16x", GUEST_PDPTR2),
	ONE(DU_GUEST, "PDPTR3 = %16x", GUEST_PDPTR3),
	ONE(DU_GUEST, "PDPTE0 = %16x", GUEST_PDPTR0),
	ONE(DU_GUEST, "PDPTE1 = %16x", GUEST_PDPTR1),
	ONE(DU_GUEST, "PDPTE2 = %16x", GUEST_PDPTR2),
	ONE(DU_GUEST, "PDPTE3 = %16x", GUEST_PDPTR3),
	ONE(DU_GUEST, "RSP = %16x", GUEST_RSP),
	ONE(DU_GUEST, "RIP = %16x", GUEST_RIP),
	ONE(DU_GUEST, "RFLAGS = %8x", GUEST_RFLAGS),
	ONE(DU_GUEST, "DR7 = %16x", GUEST_DR7),
	{ "Sysenter RSP = %16x CS:RIP = %4x:%16x", DU_GUEST, 0, 0, 0,
	  { F(GUEST_SYSENTER_ESP), F(GUEST_SYSENTER_CS), F(GUEST_SYSENTER_EIP) } },
	SEGMENT("ES", ES), SEGMENT("CS", CS), SEGMENT("SS", SS), SEGMENT("DS", DS),
	SEGMENT("FS", FS), SEGMENT("GS", GS), SEGMENT("LDTR", LDTR), SEGMENT("TR", TR),
	IMPLIES(DU_GUEST, "GDTR: limit = %8x, base = %16x", F(GUEST_GDTR_LIMIT), F(GUEST_GDTR_BASE)),
	IMPLIES(DU_GUEST, "IDTR: limit = %8x, base = %16x", F(GUEST_IDTR_LIMIT), F(GUEST_IDTR_BASE)),
	ONE(DU_GUEST, "EFER = %16x", GUEST_IA32_EFER),
	ACTION(DU_GUEST, "EFER = %16x (effective)", DU_ACT_EFER_EFFECTIVE),
	ACTION(DU_GUEST, "EFER = %16x (autoload)", DU_ACT_EFER_AUTOLOAD),
	ONE(DU_GUEST, "PAT = %16x", GUEST_IA32_PAT),
	ONE(DU_GUEST, "DebugCtl = %16x", GUEST_IA32_DEBUGCTL),
	ONE(DU_GUEST, "DebugExceptions = %16x", GUEST_PENDING_DBG_EXCEPTIONS),
	ONE(DU_GUEST, "PerfGlobCtl = %16x", GUEST_IA32_PERF_GLOBAL_CTRL),
	ONE(DU_GUEST, "BndCfgS = %16x", GUEST_BNDCFGS),
	IMPLIES(DU_GUEST, "Interruptibility = %4x", F(GUEST_INTERRUPTIBILITY_INFO)),
	ONE(DU_GUEST, "ActivityState = %4x", GUEST_ACTIVITY_STATE),
	ONE(DU_GUEST, "InterruptStatus = %4x", GUEST_INTR_STATUS),
	/* CET: out-of-tree and merged forms, one line or several */
	ONE(DU_GUEST, "S_CET = %x", GUEST_S_CET),
	ONE(DU_GUEST, "SSP = %x", GUEST_SSP),
	ONE(DU_GUEST, "SSP TABLE = %x", GUEST_INTR_SSP_TABLE),
	ONE(DU_GUEST, "INTR SSP TABLE = %x", GUEST_INTR_SSP_TABLE),

	/* host state */
	ONE(DU_HOST, "RIP = %16x", HOST_RIP),
	ONE(DU_HOST, "RSP = %16x", HOST_RSP),
	ONE(DU_HOST, "CS = %4x", HOST_CS_SELECTOR),
	ONE(DU_HOST, "SS = %4x", HOST_SS_SELECTOR),
	ONE(DU_HOST, "DS = %4x", HOST_DS_SELECTOR),
	ONE(DU_HOST, "ES = %4x", HOST_ES_SELECTOR),
	ONE(DU_HOST, "FS = %4x", HOST_FS_SELECTOR),
	ONE(DU_HOST, "GS = %4x", HOST_GS_SELECTOR),
	ONE(DU_HOST, "TR = %4x", HOST_TR_SELECTOR),
	IMPLIES(DU_HOST, "FSBase = %16x", F(HOST_FS_BASE)),
	IMPLIES(DU_HOST, "GSBase = %16x", F(HOST_GS_BASE)),
	IMPLIES(DU_HOST, "TRBase = %16x", F(HOST_TR_BASE)),
	IMPLIES(DU_HOST, "GDTBase = %16x", F(HOST_GDTR_BASE)),
	IMPLIES(DU_HOST, "IDTBase = %16x", F(HOST_IDTR_BASE)),
	ONE(DU_HOST, "CR0 = %16x", HOST_CR0),
	ONE(DU_HOST, "CR3 = %16x", HOST_CR3),
	ONE(DU_HOST, "CR4 = %16x", HOST_CR4),
	{ "Sysenter RSP = %16x CS:RIP = %4x:%16x", DU_HOST, 0, 0, 0,
	  { F(HOST_IA32_SYSENTER_ESP), F(HOST_IA32_SYSENTER_CS), F(HOST_IA32_SYSENTER_EIP) } },
	ONE(DU_HOST, "EFER = %16x", HOST_IA32_EFER),
	ONE(DU_HOST, "PAT = %16x", HOST_IA32_PAT),
	ONE(DU_HOST, "PerfGlobCtl = %16x", HOST_IA32_PERF_GLOBAL_CTRL),
	ONE(DU_HOST, "S_CET = %x", HOST_S_CET),
	ONE(DU_HOST, "SSP = %x", HOST_SSP),
	ONE(DU_HOST, "SSP TABLE = %x", HOST_INTR_SSP_TABLE),
	ONE(DU_HOST, "INTR SSP TABLE = %x", HOST_INTR_SSP_TABLE),

	/* control state */
	IMPLIES(DU_CTRL, "PinBased = %8x", F(PIN_BASED_VM_EXEC_CONTROL)),
	IMPLIES(DU_CTRL, "CPUBased = %8x", F(CPU_BASED_VM_EXEC_CONTROL)),
	ONE(DU_CTRL, "SecondaryExec = %8x", SECONDARY_VM_EXEC_CONTROL),
	ONE(DU_CTRL, "TertiaryExec = %16x", TERTIARY_VM_EXEC_CONTROL),
	IMPLIES(DU_CTRL, "EntryControls = %8x", F(VM_ENTRY_CONTROLS)),
	IMPLIES(DU_CTRL, "ExitControls = %8x", F(VM_EXIT_CONTROLS)),
	ONE(DU_CTRL, "SecondaryExitControls = %x", SECONDARY_VM_EXIT_CONTROLS),
	IMPLIES(DU_CTRL, "ExceptionBitmap = %8x", F(EXCEPTION_BITMAP)),
	ONE(DU_CTRL, "PFECmask = %8x", PAGE_FAULT_ERROR_CODE_MASK),
	ONE(DU_CTRL, "PFECmatch = %8x", PAGE_FAULT_ERROR_CODE_MATCH),
	IMPLIES(DU_CTRL, "VMEntry: intr_info = %8x errcode = %8x ilen = %8x",
		F(VM_ENTRY_INTR_INFO_FIELD), F(VM_ENTRY_EXCEPTION_ERROR_CODE), F(VM_ENTRY_INSTRUCTION_LEN)),
	IMPLIES(DU_CTRL, "VMEntry: intr_info = %8x errcode = %8x ilen = %8x event_data = %x",
		F(VM_ENTRY_INTR_INFO_FIELD), F(VM_ENTRY_EXCEPTION_ERROR_CODE), F(VM_ENTRY_INSTRUCTION_LEN),
		F(INJECTED_EVENT_DATA)),
	IMPLIES(DU_CTRL, "VMExit: intr_info = %8x errcode = %8x ilen = %8x",
		F(VM_EXIT_INTR_INFO), F(VM_EXIT_INTR_ERROR_CODE), F(VM_EXIT_INSTRUCTION_LEN)),
	ONE(DU_CTRL, "reason = %8x", VM_EXIT_REASON),
	ONE(DU_CTRL, "qualification = %8x", EXIT_QUALIFICATION),
	IMPLIES(DU_CTRL, "IDTVectoring: info = %8x errcode = %8x",
		F(IDT_VECTORING_INFO_FIELD), F(IDT_VECTORING_ERROR_CODE)),
	IMPLIES(DU_CTRL, "IDTVectoring: info = %8x errcode = %8x event_data = %x",
		F(IDT_VECTORING_INFO_FIELD), F(IDT_VECTORING_ERROR_CODE), F(ORIGINAL_EVENT_DATA)),
	ONE(DU_DUMP, "TSC Offset = %16x", TSC_OFFSET),   /* old Xen: in the guest state */
	ONE(DU_CTRL, "TSC Multiplier = %16x", TSC_MULTIPLIER),
	ACTION(DU_CTRL, "SVI|RVI = %2x|%2x", DU_ACT_SVI_RVI),
	ONE(DU_CTRL, "TPR Threshold = %2x", TPR_THRESHOLD),
	ONE(DU_CTRL, "APIC-access addr = %16x", APIC_ACCESS_ADDR),
	ONE(DU_CTRL, "virt-APIC addr = %16x", VIRTUAL_APIC_PAGE_ADDR),
	ONE(DU_CTRL, "PostedIntrVec = %2x", POSTED_INTR_NV),
	ONE(DU_CTRL, "EPT pointer = %16x", EPT_POINTER),
	ONE(DU_CTRL, "PLE Gap = %8x", PLE_GAP),
	ONE(DU_CTRL, "Window = %8x", PLE_WINDOW),
	ONE(DU_CTRL, "Virtual processor ID = %4x", VIRTUAL_PROCESSOR_ID),
};
const size_t du_vmcs_common_count = sizeof du_vmcs_common / sizeof du_vmcs_common[0];

static void efer_note(struct du_ctx *c, uint64_t v, const char *what, const char *why)
{
	va_note(c->notes, "EFER 0x%llx %s is %s, not the VMCS field: GUEST_IA32_EFER stays absent "
		"(\"load IA32_EFER\" is 0)", (unsigned long long)v, what, why);
}

int du_vmcs_action(struct du_ctx *c, const struct du_layout *l, const struct du_match *m)
{
	switch (l->action) {
	case DU_ACT_SVI_RVI:
		if (m->nvals < 2)
			return DU_DONE;
		if (m->val[0] > 0xff || m->val[1] > 0xff)
			return du_fail(c, m->val_off[m->val[0] > 0xff ? 0 : 1], "SVI and RVI are 8-bit values");
		return du_set(c, FLD_GUEST_INTR_STATUS, m->val[0] << 8 | m->val[1], m->val_off[0]) ? -1
												       : DU_DONE;
	case DU_ACT_CR3_TARGET:
		if (m->nvals < 2)
			return DU_DONE;
		if (m->val[0] > 3)
			return du_fail(c, m->val_off[0], "CR3-target value %llu: the VMCS has only 4",
				       (unsigned long long)m->val[0]);
		return du_set(c, (enum va_field)(FLD_CR3_TARGET_VALUE0 + m->val[0]), m->val[1],
			      m->val_off[1]) ? -1 : DU_DONE;
	case DU_ACT_EFER_EFFECTIVE:
		if (c->reading && m->nvals)
			efer_note(c, m->val[0], "(effective)", "KVM's EFER with LMA/LME set "
				  "from the IA-32e-mode control");
		return DU_DONE;
	case DU_ACT_EFER_AUTOLOAD:
		if (c->reading && m->nvals)
			efer_note(c, m->val[0], "(autoload)", "loaded by KVM's MSR-load list");
		return DU_DONE;
	case DU_ACT_EFER_MSR_LL:
		if (c->reading && m->nvals)
			efer_note(c, m->val[0], "(MSR LL)", "loaded by Xen's MSR-load list");
		return DU_DONE;
	default:
		return DU_APPLY;
	}
}

void du_vmcs_scores(const char *text, size_t len, int *kvm, int *xen)
{
	enum {
		GUEST, HOST, CTRL, CR0, SYSENTER, IDTV, PIN, ENTRY,   /* both */
		K_CPU, K_EFFECTIVE, K_AUTOLOAD, K_MSRLIST, K_EFER, K_SEG, K_TERT, K_FTRACE, K_PREFIX,
		K_HINT,
		X_AREA, X_FAIL, X_LAUNCH, X_RESUME, X_OLD, X_EFER, X_EFER_LL, X_PREEMPT, X_TABLE, X_TARGET,
		RSP,
		COUNT
	};
	static const char *const m[COUNT] = {
		[GUEST] = "*** Guest State ***", [HOST] = "*** Host State ***",
		[CTRL] = "*** Control State ***", [CR0] = "CR0: actual", [SYSENTER] = "Sysenter RSP",
		[IDTV] = "IDTVectoring:", [PIN] = "PinBased", [ENTRY] = "EntryControls",
		[K_CPU] = "last attempted VM-entry on CPU", [K_EFFECTIVE] = "(effective)",
		[K_AUTOLOAD] = "(autoload)", [K_MSRLIST] = "MSR guest auto", [K_EFER] = "EFER= 0x",
		[K_SEG] = "CS:   sel", [K_TERT] = "TertiaryExec=0x", [K_FTRACE] = "bprint: dump_vmcs",
		[K_PREFIX] = "kvm_intel:",
		[K_HINT] = "dump_invalid_vmcs",
		[X_AREA] = "VMCS Area", [X_FAIL] = "vmentry failure (reason", [X_LAUNCH] = "VMLAUNCH error",
		[X_RESUME] = "VMRESUME error", [X_OLD] = "Failed vm entry", [X_EFER] = "EFER(VMCS)",
		[X_EFER_LL] = "EFER(MSR LL)",
		[X_PREEMPT] = "PreemptionTimer", [X_TABLE] = "sel  attr  limit", [X_TARGET] = "target_count",
		[RSP] = "RSP = 0x",
	};
	uint32_t f = du_markers(text, len, m, COUNT);
	/* "(XEN)" apart: as the shortest marker it would slow the scan for all */
	int xen_prefix = 0;
	for (const char *p = text, *end = text + len; !xen_prefix && p < end; p++) {
		p = memchr(p, 'X', (size_t)(end - p));
		if (!p)
			break;
		xen_prefix = p > text && p[-1] == '(' && end - p >= 4 && !memcmp(p, "XEN)", 4);
	}
#define HAS(i) ((f >> (i)) & 1u)
	int shared = 0;
	for (unsigned i = GUEST; i <= ENTRY; i++)
		shared += (int)HAS(i);
	int kstrong = HAS(K_CPU) || HAS(K_EFFECTIVE) || HAS(K_AUTOLOAD) || HAS(K_MSRLIST) ||
		      HAS(K_EFER) || HAS(K_SEG) || HAS(K_TERT) || HAS(K_FTRACE);
	int xheader = HAS(X_FAIL) || HAS(X_LAUNCH) || HAS(X_RESUME) || HAS(X_OLD);
	int xstrong = xheader || HAS(X_AREA) || HAS(X_EFER) || HAS(X_EFER_LL) || HAS(X_PREEMPT) ||
		      HAS(X_TABLE) || HAS(X_TARGET);
	int k = 0, x = 0;
	if (shared >= 2 || kstrong) {
		/* KVM's guest RSP line is Xen's without "(0x...)" copies, and Xen
		 * dumps have one of the Xen markers anyway */
		k = (shared >= 2 ? 50 : 30) + (kstrong ? 40 : 0) + (HAS(K_PREFIX) ? 20 : 0) +
		    (HAS(RSP) && !xstrong && !xen_prefix ? 10 : 0);
	} else if (HAS(K_HINT)) {
		k = 30;   /* only "set kvm_intel.dump_invalid_vmcs=1": explain how to get a dump */
	}
	if (shared >= 2 || xstrong) {
		x = (shared >= 2 ? 50 : 30) + (xstrong ? 40 : 0) + (xen_prefix ? 20 : 0);
		if (xheader && shared < 2)
			x = 60;   /* a failure message without the dump */
	}
#undef HAS
	*kvm = k > 95 ? 95 : k;
	*xen = x > 95 ? 95 : x;
}

void du_note_truncated(const struct du_ctx *c, const char *who)
{
	char lack[160] = "";
	if (!(c->sections_seen & DU_GUEST))
		strcat(lack, ", the Guest State section");
	if (!(c->sections_seen & DU_HOST))
		strcat(lack, ", the Host State section");
	if (!(c->sections_seen & DU_CTRL))
		strcat(lack, ", the Control State section");
	else if (c->st->presence[FLD_IDT_VECTORING_INFO_FIELD] != VA_SET)
		strcat(lack, ", the Control State lines from IDTVectoring on");
	if (lack[0])
		va_note(c->notes, "the %s dump from line %u looks truncated: it lacks%s; the fields "
			"those would hold are absent, so the audit is partial", who, c->dump_line,
			lack + 1);
}
