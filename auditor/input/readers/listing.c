/*
 * Generic field listings, as home-grown hypervisors print them:
 *   NAME = value   NAME: value   0x6800 = value   NAME 0x6800: value
 * NAME is a field of the table in any common spelling (KVM's, "VMCS_" or
 * "VMX_" prefixed, "_FULL"/"_HIGH" halves, "_AR"/"_ACCESS_RIGHTS", Rust's
 * CamelCase, a few synonyms).  A few hobby formats with their own layout
 * (NoirVisor, jonomango/hv) come as templates.
 *
 * Such listings print numbers as their author liked: "0x" is hex, "0n"
 * decimal; a bare number is hex when the listing shows bare hex digits or
 * never writes "0x", else decimal - decided once the whole listing is read.
 */
#include <stdlib.h>
#include <string.h>

#include "../field_names.h"
#include "../provenance.h"
#include "../text_util.h"
#include "dump_util.h"

enum { A_VALUES = DU_ACT_READER };

/* Radix of a value as written. */
enum { V_NONE, V_HEX, V_DEC, V_BARE };

struct slot {
	uint8_t kind;          /* V_* */
	uint8_t ok_hex, ok_dec;
	uint64_t hex, dec;
	unsigned line, column;
};

/* What the values so far say about bare numbers. */
struct radix {
	int bare_hex_digits;   /* a bare value had a-f: bare values are hex */
	int prefixed;          /* some value had 0x */
};

struct listing {
	struct du_ctx c;
	/* the low (full) value and the "_HIGH" half of every field */
	struct slot low[FLD_COUNT], high[FLD_COUNT];
	struct radix radix;
	unsigned dumps, dump_line, repeat_line;
	unsigned failed_reads, failed_line;
	enum va_field first;           /* the listing's first field: given again, it starts over */
	int first_high;
	unsigned changed, changed_line;/* a field given again with another value */
	enum va_field changed_field;
	unsigned bad, bad_shown;       /* values not read, with their lines */
	char bad_list[180];
};

/* ---- field names ------------------------------------------------------- */

/* Every scheme's name of a field (auditor/input/field_names.c). */
static enum va_field resolve(const char *s, size_t n, int *high, int *ambiguous)
{
	struct va_name_match m;
	int r = va_field_resolve(s, n, &m);
	*high = m.high;
	*ambiguous = r == VA_NAME_AMBIGUOUS;
	return r == VA_NAME_FOUND ? m.field : FLD_NONE;
}

/* An encoding "0x6800" (or "0x6801", the high half of a 64-bit field). */
static enum va_field by_encoding(const char *s, size_t n, int *high)
{
	uint64_t e;
	if (n < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') || va_parse_hex(s + 2, n - 2, &e) ||
	    e > 0xffff)
		return FLD_NONE;
	*high = (int)(e & 1);
	enum va_field f = va_field_by_encoding((uint16_t)(e & ~1ull));
	if (f != FLD_NONE && *high && va_field_width(f) != VA_W64)
		return FLD_NONE;
	return f;
}

/* Could this key be a field name at all?  Cheap, before any table lookup. */
static int name_like(const char *s, size_t n)
{
	unsigned upper = 0, lower = 0, underscore = 0;
	for (size_t i = 0; i < n; i++) {
		upper += s[i] >= 'A' && s[i] <= 'Z';
		lower += s[i] >= 'a' && s[i] <= 'z';
		underscore += s[i] == '_';
	}
	return underscore || (upper >= 2 && lower);
}

/* ---- one line ---------------------------------------------------------- */

struct kv {
	enum va_field f;
	int high;
	size_t voff, vlen;     /* value token in the logical line (vlen 0: none yet) */
	size_t more;           /* digits right after the value ("0xfffff804 7e0a1100"), or 0 */
	const char *problem;   /* a recognised line whose name cannot be read, or NULL */
	size_t name_off, name_len;
};

static size_t word(const char *b, size_t n, size_t p)
{
	while (p < n && (du_alnum(b[p]) || b[p] == '_'))
		p++;
	return p;
}

static int letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* A key that names no field but is spelt like one ("GUEST_ES_SELECTR"):
 * reported, not taken for log noise. */
static int field_spelling(const char *s, size_t n)
{
	static const char *const heads[] = { "GUEST_", "HOST_", "VMCS_", "VM_", "CTRL_" };
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		size_t k = strlen(heads[i]);
		if (n > k + 1 && !memcmp(s, heads[i], k))
			return 1;
	}
	return 0;
}

/* The SDM's row names in a listing: "EOI-exit bitmap 0 = ...",
 * "CR3-target value 3 = ..." end in a number of a digit or two. */
static int sdm_number(const char *b, size_t n, size_t p)
{
	size_t e = p;
	while (e < n && e - p < 3 && b[e] >= '0' && b[e] <= '9')
		e++;
	if (e == p || e - p > 2)
		return 0;
	while (e < n && du_blank(b[e]))
		e++;
	return e < n && (b[e] == '=' || b[e] == ':' || (b[e] == '(' && !(e + 1 < n && b[e + 1] == '0')));
}

/* ... and in a parenthesis ("TSC offset (full)", "EPT pointer (EPTP; high)",
 * "Virtual-processor identifier (VPID)"): the key goes on to its end.  Not
 * an encoding "(0x800)", which says the field itself. */
static size_t sdm_parenthesis(const char *b, size_t n, size_t ke)
{
	size_t p = ke;
	while (p < n && du_blank(b[p]))
		p++;
	if (p + 1 >= n || b[p] != '(' || b[p + 1] == '0')
		return ke;
	for (size_t e = p + 1; e < n && e < p + 24; e++) {
		if (b[e] == ')')
			return e > p + 1 ? e + 1 : ke;
		if (!(du_alnum(b[e]) || b[e] == '_' || b[e] == ';' || b[e] == ' '))
			return ke;
	}
	return ke;
}

/*
 * "KEY [=:] value", "KEY(0xENC) value", "0xENC KEY value" (KEY: one word or a
 * few words with single spaces, "es selector"): the field and where its value
 * is; 0 if not such a line.  kv->problem says why a recognised line is not
 * read (its name is ambiguous or unknown, or the name and encoding differ).
 */
static int parse_kv(const char *b, size_t n, struct kv *kv)
{
	size_t p = 0;
	int high = 0, he = 0, have_enc = 0;
	enum va_field f = FLD_NONE, fe = FLD_NONE;
	kv->problem = NULL;
	if (n > 2 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X')) {
		size_t e = word(b, n, 0);
		fe = by_encoding(b, e, &he);
		if (fe == FLD_NONE)
			return 0;
		have_enc = 1;
		p = e;
		while (p < n && du_blank(b[p]))
			p++;
	}
	size_t ks = p, ke = p;
	unsigned words = 0;
	while (p < n && (letter(b[p]) || (words && sdm_number(b, n, p))) && words < 6) {
		size_t e = p;
		while (e < n && (du_alnum(b[e]) || b[e] == '_' || b[e] == '-' || b[e] == '/'))
			e++;
		ke = p = e;
		words++;
		if (p + 1 < n && b[p] == ' ' && (letter(b[p + 1]) || sdm_number(b, n, p + 1)))
			p++;
		else
			break;
	}
	if (ke == ks && !have_enc)
		return 0;
	ke = sdm_parenthesis(b, n, ke);
	p = ke;
	while (p < n && du_blank(b[p]))
		p++;
	/* NewBluePill-style "NAME 0x800:" or "NAME (0x800):" */
	size_t at = p;
	if (at < n && b[at] == '(')
		at++;
	if (ke > ks && at + 1 < n && b[at] == '0' && (b[at + 1] == 'x' || b[at + 1] == 'X')) {
		size_t e1 = word(b, n, at);
		enum va_field g = by_encoding(b + at, e1 - at, &he);
		if (g != FLD_NONE) {
			fe = g;
			have_enc = 1;
			p = e1;
			if (p < n && b[p] == ')')
				p++;
			while (p < n && du_blank(b[p]))
				p++;
		}
	}
	int sep = p < n && (b[p] == '=' || b[p] == ':');
	if (!sep && !have_enc)
		return 0;
	if (sep)
		p++;
	if (ke > ks) {
		/* one bare word must look like a name (an underscore or camelCase): "CR3 = "
		 * in a KVM dump, "rax: " in a register dump are not listing lines */
		if (words == 1 && !have_enc && (!name_like(b + ks, ke - ks) ||
						(ke - ks < 5 && !memchr(b + ks, '_', ke - ks))))
			return 0;   /* also "rIP:" of every KVM log line: no field name is that short */
		int ambiguous;
		f = resolve(b + ks, ke - ks, &high, &ambiguous);
		if (f == FLD_NONE && !have_enc) {
			if (ambiguous && (words > 1 || memchr(b + ks, '_', ke - ks)))
				kv->problem = "a name that fits more than one field";
			else if (field_spelling(b + ks, ke - ks))
				kv->problem = "an unknown field name";
			else
				return 0;
			kv->name_off = ks;
			kv->name_len = ke - ks;
		}
		if (f != FLD_NONE && have_enc && (f != fe || high != he)) {
			kv->problem = "the name and the encoding name different fields";
			kv->name_off = ks;
			kv->name_len = ke - ks;
		}
	}
	if (f == FLD_NONE) {
		f = fe;
		high = he;
	}
	while (p < n && du_blank(b[p]))
		p++;
	kv->f = f;
	kv->high = high;
	kv->voff = p;
	size_t e = p;
	while (e < n && (du_alnum(b[e]) || b[e] == '`' || b[e] == '?' || b[e] == '_' ||
			 (b[e] == '\'' && e + 1 < n && du_hexdigit(b[e + 1]))))
		e++;
	kv->vlen = e - p;
	/* A second run of hex digits, not itself a key: the value was printed in
	 * two pieces and reading the first alone would change it. */
	kv->more = 0;
	size_t q = e;
	while (q < n && du_blank(b[q]))
		q++;
	if (q > e && q < n && du_hexdigit(b[q])) {
		size_t r = q;
		while (r < n && (du_hexdigit(b[r]) || b[r] == '`'))
			r++;
		size_t t = r;
		while (t < n && du_blank(b[t]))
			t++;
		if ((r == n || du_blank(b[r])) && (t == n || (b[t] != '=' && b[t] != ':')))
			kv->more = q;
	}
	return 1;
}

/* The value as written: its radix and both readings of a bare number. */
static int classify(struct radix *rx, const char *s, size_t n, struct slot *v)
{
	memset(v, 0, sizeof *v);
	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		rx->prefixed = 1;
		v->kind = V_HEX;
		return va_parse_u64(s, n, &v->hex);
	}
	if (n > 2 && s[0] == '0' && s[1] == 'n') {
		v->kind = V_DEC;
		return va_parse_u64(s + 2, n - 2, &v->dec);
	}
	if (va_number_radix(s, n) == VA_RADIX_H && !va_parse_hex(s, n - 1, &v->hex)) {
		v->kind = V_HEX;
		return 0;
	}
	if (memchr(s, '`', n)) {
		v->kind = V_HEX;
		return va_parse_hex(s, n, &v->hex);
	}
	int hex_letters = 0;
	for (size_t i = 0; i < n; i++)
		hex_letters |= !(s[i] >= '0' && s[i] <= '9') && s[i] != '_' && s[i] != '\'';
	if (hex_letters) {
		v->kind = V_HEX;
		int r = va_parse_hex(s, n, &v->hex);
		if (!r)
			rx->bare_hex_digits = 1;
		return r;
	}
	v->kind = V_BARE;
	v->ok_hex = !va_parse_hex(s, n, &v->hex);
	v->ok_dec = !va_parse_u64(s, n, &v->dec);
	return v->ok_hex || v->ok_dec ? 0 : -2;
}

static int same_value(const struct slot *a, const struct slot *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == V_HEX)
		return a->hex == b->hex;
	if (a->kind == V_DEC)
		return a->dec == b->dec;
	return a->ok_hex == b->ok_hex && a->ok_dec == b->ok_dec && a->hex == b->hex && a->dec == b->dec;
}

/*
 * Keep one value.  A field given again with the same value changes nothing;
 * with another value the later one wins, as the CPU keeps the last VMWRITE,
 * and the user is told.  The listing's first field given again means the
 * listing starts over: a second dump.
 */
static int keep(struct listing *L, enum va_field f, int high, const struct slot *v, size_t off)
{
	struct du_ctx *c = &L->c;
	struct slot *s = high ? &L->high[f] : &L->low[f];
	if (!L->dumps) {
		L->dumps = 1;
		L->dump_line = du_line(c, 0);
		L->first = f;
		L->first_high = high;
	}
	if (L->dumps > 1)
		return 0;
	if (s->kind != V_NONE) {
		if (f == L->first && high == L->first_high) {
			L->dumps = 2;
			L->repeat_line = du_line(c, off);
			return 0;
		}
		if (same_value(s, v))
			return 0;
		if (!L->changed++) {
			L->changed_line = du_line(c, off);
			L->changed_field = f;
		}
	}
	*s = *v;
	du_where(&c->cur, off, &s->line, &s->column);
	return 0;
}

/* A value that cannot be read: say which line, read the rest. */
static void bad_value(struct listing *L, unsigned line, const char *what)
{
	size_t used = strlen(L->bad_list);
	char item[200];
	L->bad++;
	snprintf(item, sizeof item, "%sline %u (%s)", used ? ", " : "", line, what);
	if (used + strlen(item) < sizeof L->bad_list) {
		memcpy(L->bad_list + used, item, strlen(item) + 1);
		L->bad_shown++;
	}
}

static int value_error(struct listing *L, size_t off, size_t len, int r)
{
	(void)len;
	bad_value(L, du_line(&L->c, off), r == -2 ? "does not fit in 64 bits" : "not a number");
	return 0;
}

static int fallback(struct du_ctx *c)
{
	struct listing *L = (struct listing *)c;
	struct kv kv;
	if (!parse_kv(c->cur.buf, c->cur.n, &kv)) {
		/* a driver's own prefix, "myhv: GUEST_CR0 = ...": a lower-case word and ": " */
		size_t m = 0;
		while (m < c->cur.n && ((c->cur.buf[m] >= 'a' && c->cur.buf[m] <= 'z') ||
					(c->cur.buf[m] >= '0' && c->cur.buf[m] <= '9') || c->cur.buf[m] == '_' ||
					c->cur.buf[m] == '-'))
			m++;
		if (!m || m + 2 >= c->cur.n || c->cur.buf[m] != ':' || c->cur.buf[m + 1] != ' ')
			return 0;
		m += 2;
		while (m < c->cur.n && du_blank(c->cur.buf[m]))
			m++;
		if (!parse_kv(c->cur.buf + m, c->cur.n - m, &kv))
			return 0;
		kv.voff += m;
		kv.name_off += m;
		if (kv.more)
			kv.more += m;
	}
	if (!kv.vlen && kv.voff >= c->cur.n) {
		/* "NAME =" with the value wrapped onto the next line */
		struct du_mark m;
		du_save(&c->cur, &m);
		if (!du_join(&c->cur, 1) || !parse_kv(c->cur.buf, c->cur.n, &kv) || !kv.vlen) {
			du_restore(&c->cur, &m);
			if (!c->cut++)
				c->cut_line = du_line(c, 0);
			return 0;
		}
	}
	const char *s = c->cur.buf + kv.voff;
	if (kv.problem) {
		char what[160];
		const char *near = va_nearest_field_name(c->cur.buf + kv.name_off, kv.name_len);
		snprintf(what, sizeof what, "%s: %.*s%s%s", kv.problem, (int)(kv.name_len > 40 ? 40 : kv.name_len),
			 c->cur.buf + kv.name_off, near ? ", nearest " : "", near ? near : "");
		bad_value(L, du_line(c, kv.name_off), what);
		return 0;
	}
	if (!kv.vlen) {
		bad_value(L, du_line(c, kv.voff), "no number after the name");
		return 0;
	}
	if (kv.more) {
		bad_value(L, du_line(c, kv.more), "a value followed by more digits");
		return 0;
	}
	if (kv.vlen == 1 && s[0] == '?')
		return 0;   /* the state-file way of saying "not known" */
	struct slot v;
	int r = classify(&L->radix, s, kv.vlen, &v);
	if (r)
		return value_error(L, kv.voff, kv.vlen, r);
	if (v.kind == V_HEX && v.hex == 0xbadc0de) {
		/* Rust hobby VMMs print this for a VMREAD that failed */
		if (!L->failed_reads++)
			L->failed_line = du_line(c, kv.voff);
		return 0;
	}
	return keep(L, kv.f, kv.high, &v, kv.voff);
}

/* ---- hobby formats with their own layout ------------------------------ */

#define F(x) FLD_##x
#define NOIR_SEG(name, S) \
	{ "Guest " name " Segment - Selector: %x Access-Rights: %x Limit: %x Base: %x", DU_ALL, 0, 0, \
	  A_VALUES, { F(GUEST_##S##_SELECTOR), F(GUEST_##S##_AR_BYTES), F(GUEST_##S##_LIMIT), \
		      F(GUEST_##S##_BASE) } }

static const struct du_layout hobby_layouts[] = {
	/* NoirVisor: the code is the VM-instruction error */
	{ "Failed at VM-Entry, Code = %d", DU_ALL, 0, DU_ANYWHERE, A_VALUES, { F(VM_INSTRUCTION_ERROR) } },
	NOIR_SEG("ES", ES), NOIR_SEG("CS", CS), NOIR_SEG("SS", SS), NOIR_SEG("DS", DS),
	NOIR_SEG("FS", FS), NOIR_SEG("GS", GS), NOIR_SEG("LDTR", LDTR), NOIR_SEG("TR", TR),
	{ "Guest GDTR Limit: %x Base: %x", DU_ALL, 0, 0, A_VALUES,
	  { F(GUEST_GDTR_LIMIT), F(GUEST_GDTR_BASE) } },
	{ "Guest IDTR Limit: %x Base: %x", DU_ALL, 0, 0, A_VALUES,
	  { F(GUEST_IDTR_LIMIT), F(GUEST_IDTR_BASE) } },
	{ "Guest Control & Debug Registers - CR0: %x CR3: %x", DU_ALL, 0, 0, A_VALUES,
	  { F(GUEST_CR0), F(GUEST_CR3) } },
	{ "Guest Control & Debug Registers - CR0: %x CR3: %x CR4: %x", DU_ALL, 0, 0, A_VALUES,
	  { F(GUEST_CR0), F(GUEST_CR3), F(GUEST_CR4) } },
	/* jonomango/hv */
	{ "VMLAUNCH failed. Instruction error = %d", DU_ALL, 0, DU_ANYWHERE, A_VALUES,
	  { F(VM_INSTRUCTION_ERROR) } },
};

static int hook(struct du_ctx *c, const struct du_layout *l, const struct du_match *m)
{
	struct listing *L = (struct listing *)c;
	for (unsigned i = 0; i < m->nvals; i++) {
		if (l->to[i] == FLD_NONE)
			continue;
		struct slot v = { .kind = V_HEX, .hex = m->val[i] };
		if (keep(L, (enum va_field)l->to[i], 0, &v, m->val_off[i]))
			return -1;
	}
	return DU_DONE;
}

/* ---- the whole listing ------------------------------------------------- */

static int bare_is_hex(const struct listing *L)
{
	return L->radix.bare_hex_digits || !L->radix.prefixed;
}

static int value_of(struct listing *L, const struct slot *s, uint64_t *v, unsigned *ambiguous)
{
	int hex = s->kind == V_HEX || (s->kind == V_BARE && bare_is_hex(L));
	if (s->kind == V_BARE && s->ok_hex && s->ok_dec && s->hex != s->dec)
		(*ambiguous)++;
	if (hex && (s->kind == V_HEX || s->ok_hex)) {
		*v = s->hex;
		return 0;
	}
	if (!hex && (s->kind == V_DEC || s->ok_dec)) {
		*v = s->dec;
		return 0;
	}
	bad_value(L, s->line, hex ? "does not fit in 64 bits read as hex" : "does not fit in 64 bits read as decimal");
	return -1;
}

static void commit(struct listing *L)
{
	unsigned ambiguous = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		const struct slot *lo = &L->low[f], *hi = &L->high[f];
		if (lo->kind == V_NONE && hi->kind == V_NONE)
			continue;
		uint64_t v = 0, h = 0;
		if (lo->kind != V_NONE && value_of(L, lo, &v, &ambiguous))
			continue;
		if (hi->kind != V_NONE) {
			if (value_of(L, hi, &h, &ambiguous))
				continue;
			if (h >> 32) {
				bad_value(L, hi->line, "a _HIGH half wider than 32 bits");
				continue;
			}
			v = (v & 0xffffffffull) | h << 32;
		}
		unsigned bits = va_field_bits((enum va_field)f);
		if (bits < 64 && (v >> bits)) {
			const struct slot *at = lo->kind != V_NONE ? lo : hi;
			char what[64];
			snprintf(what, sizeof what, "0x%llx is wider than the %u-bit field",
				 (unsigned long long)v, bits);
			bad_value(L, at->line, what);
			continue;
		}
		va_provenance_line(lo->kind != V_NONE ? lo->line : hi->line);
		va_state_set_field(L->c.st, (enum va_field)f, v);
	}
	if (ambiguous)
		va_note(L->c.notes, "%u bare number%s of the listing (no 0x) read as %s, since %s",
			ambiguous, ambiguous > 1 ? "s" : "", bare_is_hex(L) ? "hex" : "decimal",
			L->radix.bare_hex_digits ? "other bare values have hex digits a-f"
			: !L->radix.prefixed ? "no value is written with 0x" : "the hex values are written with 0x");
}

static int read(struct va_state *st, const char *text, size_t len, const char *file,
		struct va_error *err, struct va_import_notes *notes)
{
	struct listing *L = calloc(1, sizeof *L);   /* 2 x FLD_COUNT slots: not for the stack */
	if (!L) {
		va_error_set(err, file, 0, 0, "out of memory");
		return -1;
	}
	du_ctx_init(&L->c, st, text, len, file, err, notes);
	L->c.tab[0] = hobby_layouts;
	L->c.ntab[0] = sizeof hobby_layouts / sizeof hobby_layouts[0];
	L->c.hook = hook;
	L->c.fallback = fallback;
	L->c.reading = 1;
	int r = du_run(&L->c);
	if (!r && !L->dumps) {
		va_error_set(err, file, 0, 0, "no VMCS field listing (\"GUEST_CR0 = 0x...\", "
			     "\"0x6800: ...\") in the input");
		r = -1;
	}
	if (!r)
		commit(L);
	if (!r) {
		if (L->bad)
			va_note(notes, "%u listing value%s not read (absent): %s%s", L->bad,
				L->bad > 1 ? "s were" : " was", L->bad_list, L->bad > L->bad_shown ? ", ..." : "");
		if (L->changed)
			va_note(notes, "%u field%s given again with another value; the later value is read, "
				"as the CPU keeps the last VMWRITE (first: %s at line %u)", L->changed,
				L->changed > 1 ? "s" : "", va_field_name(L->changed_field), L->changed_line);
		du_settle_outcome(st, notes, "listing");
		if (L->dumps > 1)
			va_note(notes, "a field repeats at line %u: the input holds more than one listing; "
				"the first one (from line %u) was read", L->repeat_line, L->dump_line);
		if (L->c.cut)
			va_note(notes, "%u listing line%s end%s before the value (first: line %u): absent",
				L->c.cut, L->c.cut > 1 ? "s" : "", L->c.cut > 1 ? "" : "s", L->c.cut_line);
		if (L->failed_reads)
			va_note(notes, "%u value%s 0xbadc0de (a failed VMREAD, first at line %u): absent",
				L->failed_reads, L->failed_reads > 1 ? "s are" : " is", L->failed_line);
	}
	free(L);
	return r;
}

int va_listing_line_field(const char *s, size_t n, enum va_field *f, int *high)
{
	struct kv kv;
	if (!parse_kv(s, n, &kv) || !kv.vlen || kv.problem || kv.more)
		return 0;
	*f = kv.f;
	*high = kv.high;
	return 1;
}

/* Start of the key that ends at s[e): a word, or a name before "0x800" / "(0x800". */
static size_t key_start(const char *s, size_t e)
{
	size_t b = e;
	while (b && (du_alnum(s[b - 1]) || s[b - 1] == '_'))
		b--;
	if (e - b > 2 && s[b] == '0' && (s[b + 1] == 'x' || s[b + 1] == 'X')) {
		size_t p = b;
		while (p && (du_blank(s[p - 1]) || s[p - 1] == '('))
			p--;
		size_t nb = p;
		while (nb && (du_alnum(s[nb - 1]) || s[nb - 1] == '_'))
			nb--;
		if (nb < p)
			return nb;
	}
	return b;
}

/*
 * Does this raw line hold "field = number" somewhere?  Detection looks at the
 * key before each of the first separators, so that log prefixes need no
 * stripping ("[ 12.3] kvm: GUEST_CR0 = 0x31").
 */
static int listing_line(const char *s, size_t n)
{
	unsigned seps = 0;
	for (size_t i = 1; i < n && seps < 8; i++) {
		if (s[i] != '=' && s[i] != ':')
			continue;
		seps++;
		size_t e = i;
		while (e && du_blank(s[e - 1]))
			e--;
		if (e && s[e - 1] == ')')
			e--;
		size_t b = key_start(s, e);
		struct kv kv;
		struct slot v;
		struct radix rx = { 0, 0 };
		if (b < e && parse_kv(s + b, n - b, &kv) && kv.vlen && !kv.problem &&
		    !classify(&rx, s + b + kv.voff, kv.vlen, &v))
			return 1;
	}
	return 0;
}

/* Lines of "field = number", counted up to where the score saturates. */
static int detect(const char *text, size_t len)
{
	static const char *const hobby[] = { "Failed at VM-Entry, Code=", "[NoirVisor] Guest ",
					     "VMLAUNCH failed. Instruction error =" };
	unsigned hits = 0;
	const char *p = text, *end = text + len;
	while (p < end && hits < 20) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		hits += (unsigned)listing_line(p, n);
		p += n + 1;
	}
	int score = hits >= 3 ? 40 + (int)hits : hits ? 20 : 0;
	if (du_markers(text, len, hobby, 3) && score < 60)
		score = 60;
	return score;
}

const struct va_reader va_reader_listing = {
	.kind = "listing",
	.what = "generic VMCS field listings (NAME = value, 0x6800: value) of home-grown hypervisors",
	.provides = VA_PROVIDES_VMCS,
	.detect = detect,
	.read = read,
};
