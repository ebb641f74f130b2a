/*
 * Intel HAXM's dump_vmcs() (core/dump.c): one "%04x %s: %llx" line per
 * field - encoding, HAXM's name, value in hex without 0x or padding - under
 * HAXM's log prefixes ("haxm_warning: ", "(intelhaxm) haxm_warn: ",
 * DebugView columns, NetBSD dmesg brackets).  The encoding says which field
 * a line is, so HAXM's names need no table of their own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../text_util.h"
#include "dump_util.h"
#include "../provenance.h"

struct haxm {
	struct du_cursor cur;
	struct va_state *st;
	const char *file;
	struct va_error *err;
	unsigned dumps, dump_line;
	unsigned unknown, unknown_line, unknown_enc;
	unsigned cut, cut_line;
	unsigned tr_line;          /* "vcpu->tr:%x" before the dump: HAXM's cached TR rights */
	uint64_t tr_ar;
	uint8_t seen[65536 / 8];   /* encodings of the dump being read */
};

static int fail(struct haxm *h, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(struct haxm *h, size_t off, const char *fmt, ...)
{
	unsigned line, col;
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	du_where(&h->cur, off, &line, &col);
	va_error_set(h->err, h->file, line, col, "%s", msg);
	return -1;
}

/* A token for a message: at most 40 characters of it. */
static int shown(size_t len)
{
	return (int)(len > 40 ? 40 : len);
}

/* The 64-bit field whose high half an odd encoding names, or FLD_NONE. */
static enum va_field high_half_of(unsigned enc)
{
	enum va_field f = va_field_by_encoding((uint16_t)(enc & ~1u));
	return (f != FLD_NONE && va_field_width(f) == VA_W64) ? f : FLD_NONE;
}

static int store(struct haxm *h, unsigned enc, uint64_t v, size_t voff, const char *tok, size_t tl)
{
	enum va_field f = (enc & 1) ? high_half_of(enc) : va_field_by_encoding((uint16_t)enc);
	if (f == FLD_NONE) {
		if (!h->unknown++) {
			h->unknown_line = du_first_line(&h->cur);
			h->unknown_enc = enc;
		}
		return 0;
	}
	unsigned bits = (enc & 1) ? 32 : va_field_bits(f);
	if (bits < 64 && (v >> bits))
		return fail(h, voff, "%.*s does not fit in the %u-bit field %s", shown(tl), tok, bits,
			    va_field_name(f));
	if (enc & 1)
		v = (h->st->presence[f] == VA_SET ? h->st->field[f] & 0xffffffffull : 0) | v << 32;
	else if (va_field_width(f) == VA_W64 && (h->seen[(enc | 1) >> 3] >> ((enc | 1) & 7) & 1))
		v = (h->st->field[f] & ~0xffffffffull) | (v & 0xffffffffull);
	va_provenance_line(du_first_line(&h->cur));
	va_state_set_field(h->st, f, v);
	return 0;
}

/*
 * One line: 0 (read or not a HAXM field line), -1 with the error set.  A line
 * counts as HAXM's once "hhhh NAME:" matched; a bad value after it is an error.
 */
static int line(struct haxm *h)
{
	const char *b = h->cur.buf;
	size_t n = h->cur.n, p = 5;
	/* exit_invalid_guest_state prints the TR access rights it holds, then dumps */
	if (n > 9 && !memcmp(b, "vcpu->tr:", 9) && !h->dumps && !h->tr_line) {
		size_t v0 = 9;
		while (v0 < n && du_blank(b[v0]))
			v0++;
		size_t e = v0;
		while (e < n && du_alnum(b[e]))
			e++;
		if (e > v0 && !va_parse_hex(b + v0, e - v0, &h->tr_ar) && h->tr_ar <= 0xffffffffu)
			h->tr_line = du_first_line(&h->cur);
		return 0;
	}
	if (n < 7 || b[4] != ' ')
		return 0;
	for (unsigned i = 0; i < 4; i++)
		if (!du_hexdigit(b[i]))
			return 0;
	while (p < n && (du_alnum(b[p]) || b[p] == '_'))
		p++;
	if (p - 5 < 2 || p >= n || b[p] != ':')
		return 0;
	p++;
	while (p < n && du_blank(b[p]))
		p++;
	if (p + 1 < n && b[p] == '0' && (b[p + 1] == 'x' || b[p + 1] == 'X'))
		p += 2;
	size_t v0 = p;
	while (p < n && du_alnum(b[p]))
		p++;
	uint64_t enc = 0, v = 0;
	va_parse_hex(b, 4, &enc);
	unsigned e = (unsigned)enc;
	/* pieces of one dump quoted apart, each from its first line again (the
	 * stream found no value in conflict): a field seen again is read again */
	int repeat = ((h->seen[e >> 3] >> (e & 7)) & 1) && !va_dump_pieces();
	if (!h->dumps || repeat) {
		/* the first field again: the next dump (another vCPU or a later failure) */
		if (h->dumps++ == 0)
			h->dump_line = du_first_line(&h->cur);
		else
			return 0;
		memset(h->seen, 0, sizeof h->seen);
	}
	if (h->dumps > 1)
		return 0;
	if (p == v0) {
		if (v0 >= n) {
			if (!h->cut++)
				h->cut_line = du_first_line(&h->cur);
			return 0;
		}
		return fail(h, v0, "expected a hex value after the field name");
	}
	int r = va_parse_hex(b + v0, p - v0, &v);
	if (r == -2)
		return fail(h, v0, "'%.*s' does not fit in 64 bits", shown(p - v0), b + v0);
	if (r)
		return fail(h, v0, "'%.*s' is not a hex number", shown(p - v0), b + v0);
	h->seen[e >> 3] |= (uint8_t)(1u << (e & 7));
	return store(h, e, v, v0, b + v0, p - v0);
}

static void notes_for(struct haxm *h, struct va_import_notes *notes)
{
	if (h->tr_line) {
		struct va_state *st = h->st;
		if (st->presence[FLD_GUEST_TR_AR_BYTES] != VA_SET) {
			va_state_set_field(st, FLD_GUEST_TR_AR_BYTES, h->tr_ar);
			va_note(notes, "GUEST_TR_AR_BYTES = 0x%llx is read from HAXM's 'vcpu->tr' line %u "
				"(the dump does not list it)", (unsigned long long)h->tr_ar, h->tr_line);
		} else if (st->field[FLD_GUEST_TR_AR_BYTES] != h->tr_ar) {
			va_note(notes, "HAXM's 'vcpu->tr' line %u holds TR access rights 0x%llx, the VMCS "
				"0x%llx: the VMCS value is audited", h->tr_line, (unsigned long long)h->tr_ar,
				(unsigned long long)st->field[FLD_GUEST_TR_AR_BYTES]);
		}
	}
	if (h->dumps > 1)
		va_note(notes, "the input holds %u HAXM dumps (a field repeats); the first one (from "
			"line %u) was read - audit the others by giving them separately", h->dumps,
			h->dump_line);
	if (h->unknown)
		va_note(notes, "%u HAXM line%s name%s an encoding that is no VMCS field (first: %04x at "
			"line %u); skipped", h->unknown, h->unknown > 1 ? "s" : "", h->unknown > 1 ? "" : "s",
			h->unknown_enc, h->unknown_line);
	if (h->cut)
		va_note(notes, "%u HAXM line%s end%s before the value (first: line %u): absent", h->cut,
			h->cut > 1 ? "s" : "", h->cut > 1 ? "" : "s", h->cut_line);
	const struct va_state *st = h->st;
	if (st->presence[FLD_PIN_BASED_VM_EXEC_CONTROL] != VA_SET ||
	    st->presence[FLD_GUEST_ACTIVITY_STATE] != VA_SET)
		va_note(notes, "the HAXM dump from line %u looks truncated (it lacks %s): the fields it "
			"does not list are absent", h->dump_line,
			st->presence[FLD_PIN_BASED_VM_EXEC_CONTROL] != VA_SET ? "its first line, 4000"
									     : "its last lines");
}

static int read(struct va_state *st, const char *text, size_t len, const char *file,
		struct va_error *err, struct va_import_notes *notes)
{
	static struct haxm zero;
	struct haxm h = zero;
	h.st = st;
	h.file = file;
	h.err = err;
	du_begin(&h.cur, text, len);
	while (du_next(&h.cur))
		if (!h.cur.overlong && line(&h))
			return -1;
	va_provenance_line(0);
	if (!h.dumps) {
		va_error_set(err, file, 0, 0, "no HAXM dump_vmcs() lines (\"4000 VMX_PIN_CONTROLS: 1f\") "
			     "in the input");
		return -1;
	}
	du_settle_outcome(st, notes, "HAXM");
	notes_for(&h, notes);
	return 0;
}

static int detect(const char *text, size_t len)
{
	static const char *const m[] = {
		"VMX_PIN_CONTROLS:", "VMX_PRIMARY_PROCESSOR_CONTROLS:", "VMX_SECONDARY_PROCESSOR_CONTROLS:",
		"VMX_ENTRY_INTERRUPT_INFO:", "GUEST_VMCS_LINK_PTR:", "VMX_CR3_TARGET_VAL_BASE:",
	};
	return du_markers(text, len, m, sizeof m / sizeof m[0]) ? 90 : 0;
}

const struct va_reader va_reader_haxm_dump = {
	.kind = "haxm",
	.what = "Intel HAXM dump_vmcs() lines (\"4000 VMX_PIN_CONTROLS: 1f\")",
	.provides = VA_PROVIDES_VMCS,
	.detect = detect,
	.read = read,
};
