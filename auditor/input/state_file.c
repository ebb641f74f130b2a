#include "state_file.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "field_names.h"
#include "provenance.h"
#include "text_util.h"
#include "readers/reader.h"

enum section { SEC_NONE, SEC_CPU, SEC_VMCS, SEC_MEMORY, SEC_ENTRY, SEC_OBSERVED };

struct span {
	const char *s;
	size_t n;
	unsigned col;   /* 1-based column of s */
};

struct reader {
	struct va_state *st;
	const char *file;
	unsigned line;
	struct va_error *err;
	enum section section;
	unsigned section_line;              /* the line of the current section's header */
	/* keys seen in this text, to reject duplicates */
	uint8_t seen_field[FLD_COUNT];      /* bit 0 low half/whole, bit 1 high half */
	uint32_t seen_msr, seen_fact, seen_entry;
	/* values written as bare decimal numbers, for "About the input" */
	struct va_import_notes *notes;
	unsigned decimals, decimals_shown;
	char decimal_list[200];
};

void va_state_set_field(struct va_state *st, enum va_field f, uint64_t value)
{
	if (st->presence[f] == VA_ABSENT)
		st->absent_count--;
	st->field[f] = value;
	st->presence[f] = VA_SET;
	va_provenance_field(f);
}

void va_state_mark_absent(struct va_state *st, enum va_field f)
{
	if (st->presence[f] != VA_ABSENT)
		st->absent_count++;
	st->field[f] = 0;
	st->presence[f] = VA_ABSENT;
}

int va_state_set_memory(struct va_state *st, uint64_t addr, uint64_t value)
{
	size_t lo = 0, hi = st->mem_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->mem[mid].addr == addr) {
			st->mem[mid].value = value;
			return 0;
		}
		if (st->mem[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (st->mem_count == st->mem_capacity) {
		size_t cap = st->mem_capacity ? st->mem_capacity * 2 : 64;
		struct va_qword *m = realloc(st->mem, cap * sizeof *m);
		if (!m)
			return -1;
		st->mem = m;
		st->mem_capacity = cap;
	}
	memmove(&st->mem[lo + 1], &st->mem[lo], (st->mem_count - lo) * sizeof *st->mem);
	st->mem[lo].addr = addr;
	st->mem[lo].value = value;
	st->mem_count++;
	return 0;
}

void va_state_release(struct va_state *st)
{
	free(st->mem);
	va_state_init(st);
}

static int fail(struct reader *r, unsigned col, const char *fmt, const char *a, const char *b)
{
	char msg[512];
	snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
	va_error_set(r->err, r->file, r->line, col, "%s", msg);
	return -1;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static struct span trim(const char *s, size_t n, unsigned col)
{
	while (n && blank(*s)) {
		s++;
		n--;
		col++;
	}
	while (n && blank(s[n - 1]))
		n--;
	return (struct span){ s, n, col };
}

static char *dup_span(struct span sp, char *buf, size_t size)
{
	size_t n = sp.n < size - 1 ? sp.n : size - 1;
	memcpy(buf, sp.s, n);
	buf[n] = '\0';
	return buf;
}

static int is_absent_mark(struct span v)
{
	return v.n == 1 && v.s[0] == '?';
}

static int number(struct reader *r, struct span v, uint64_t *out)
{
	char buf[96];
	int rc = va_parse_u64(v.s, v.n, out);
	if (rc == -1) {
		/* "0xfffff804 7e0a1100": one value cut in two, not a value and noise */
		const char *gap = memchr(v.s, ' ', v.n);
		if (!gap)
			gap = memchr(v.s, '\t', v.n);
		if (gap)
			return fail(r, v.col + (unsigned)(gap - v.s), "'%s' is a number followed by more "
				    "digits: write one value (hex as 0x...)", dup_span(v, buf, sizeof buf), NULL);
		return fail(r, v.col, "'%s' is not a number (write hex as 0x..., or decimal)",
			    dup_span(v, buf, sizeof buf), NULL);
	}
	if (rc == -2)
		return fail(r, v.col, "'%s' does not fit in 64 bits", dup_span(v, buf, sizeof buf), NULL);
	/* "0040" is octal to C and hex in every dump: no reading is safe */
	if (va_number_radix(v.s, v.n) == VA_RADIX_BARE && v.n > 1 && v.s[0] == '0')
		return fail(r, v.col, "'%s' is ambiguous (a leading zero: hex in dumps, octal in C); "
			    "write 0x%s for hex or drop the leading zeros for decimal",
			    dup_span(v, buf, sizeof buf), buf);
	return 0;
}

/* A register value given as a bare decimal number is read as decimal (the
 * format says so) but listed with its hex, so that a hex value pasted without
 * its 0x ("GUEST_CR0 = 80050033") does not pass unnoticed.  Below 10 both
 * readings agree. */
static void note_decimal(struct reader *r, const char *name, struct span v, uint64_t value)
{
	if (va_number_radix(v.s, v.n) != VA_RADIX_BARE || value < 10)
		return;
	r->decimals++;
	size_t used = strlen(r->decimal_list);
	char item[96];
	snprintf(item, sizeof item, "%s%s = %.*s (0x%llx) at line %u", used ? ", " : "", name,
		 (int)(v.n > 24 ? 24 : v.n), v.s, (unsigned long long)value, r->line);
	if (used + strlen(item) < sizeof r->decimal_list) {
		memcpy(r->decimal_list + used, item, strlen(item) + 1);
		r->decimals_shown++;
	}
}

static int read_cpu(struct reader *r, struct span key, struct span val)
{
	char kb[96], vb[96];
	uint64_t value = 0, number_key;
	int m = va_msr_resolve(key.s, key.n);
	if (m < 0 && va_parse_u64(key.s, key.n, &number_key) == 0)
		return fail(r, key.col, "MSR %s is not a VMX capability MSR (0x480-0x493)",
			    dup_span(key, kb, sizeof kb), NULL);
	if (m >= 0) {
		if (r->seen_msr & (1u << m))
			return fail(r, key.col, "%s is given twice", va_msr_name((enum va_msr)m), NULL);
		r->seen_msr |= 1u << m;
		if (is_absent_mark(val)) {
			r->st->msr_present &= ~(1u << m);
			return 0;
		}
		if (number(r, val, &value))
			return -1;
		note_decimal(r, va_msr_name((enum va_msr)m), val, value);
		r->st->msr[m] = value;
		r->st->msr_present |= 1u << m;
		va_provenance_msr((unsigned)m);
		return 0;
	}
	int fact = va_fact_resolve(key.s, key.n);
	for (int f = fact; f >= 0; f = -1) {
		const struct va_fact_info *fi = va_fact_info((enum va_fact)f);
		if (r->seen_fact & (1u << f))
			return fail(r, key.col, "%s is given twice", fi->key, NULL);
		r->seen_fact |= 1u << f;
		if (is_absent_mark(val)) {
			r->st->fact_present &= ~(1u << f);
			return 0;
		}
		if (number(r, val, &value))
			return -1;
		if (f == FACT_MAXPHYADDR && (value < 32 || value > 52))
			return fail(r, val.col, "maxphyaddr = %s is outside 32..52",
				    dup_span(val, vb, sizeof vb), NULL);
		if (f == FACT_LINEAR_ADDRESS_BITS && value != 48 && value != 57)
			return fail(r, val.col, "linear_address_bits = %s: must be 48 or 57",
				    dup_span(val, vb, sizeof vb), NULL);
		r->st->fact[f] = value;
		r->st->fact_present |= 1u << f;
		va_provenance_fact((unsigned)f);
		return 0;
	}
	return fail(r, key.col, "unknown [cpu] key '%s' (a capability MSR name or number, or a "
		    "CPU fact such as maxphyaddr; see 'vmcs-audit help state-file')",
		    dup_span(key, kb, sizeof kb), NULL);
}

static int read_vmcs(struct reader *r, struct span key, struct span val)
{
	char kb[96], vb[96];
	enum va_field f = FLD_NONE;
	int high = 0;
	uint64_t enc, value = 0;

	struct va_name_match nm;
	int found = va_field_resolve(key.s, key.n, &nm);
	if (found == VA_NAME_AMBIGUOUS) {
		char both[96];
		snprintf(both, sizeof both, "%s or %s", va_field_name(nm.field), va_field_name(nm.other));
		return fail(r, key.col, "'%s' is ambiguous: it can name %s", dup_span(key, kb, sizeof kb), both);
	}
	if (found == VA_NAME_FOUND) {
		f = nm.field;
		high = nm.high;
	} else if (va_number_radix(key.s, key.n) != VA_RADIX_BARE && !va_parse_u64(key.s, key.n, &enc)) {
		return fail(r, key.col, enc > 0xffff ? "%s is not a 16-bit field encoding"
			    : "no VMCS field has encoding %s", dup_span(key, kb, sizeof kb), NULL);
	} else if (key.n > 5 && va_word_eq(key.s + key.n - 5, 5, "_HIGH") &&
		   va_field_resolve(key.s, key.n - 5, &nm) == VA_NAME_FOUND) {
		return fail(r, key.col, "%s is not a 64-bit field, so it has no _HIGH half",
			    va_field_name(nm.field), NULL);
	} else {
		const char *near = va_nearest_field_name(key.s, key.n);
		if (near)
			return fail(r, key.col, "unknown VMCS field '%s' (did you mean %s?)",
				    dup_span(key, kb, sizeof kb), near);
		return fail(r, key.col, "unknown VMCS field '%s' (see 'vmcs-audit fields' for every "
			    "field and the names it is read under)", dup_span(key, kb, sizeof kb), NULL);
	}
	uint8_t part = high ? 2 : 1;
	if (r->seen_field[f] & part)
		return fail(r, key.col, "%s%s is given twice", va_field_name(f), high ? "_HIGH" : "");
	r->seen_field[f] |= part;

	if (is_absent_mark(val)) {
		va_state_mark_absent(r->st, f);
		return 0;
	}
	if (number(r, val, &value))
		return -1;
	note_decimal(r, va_field_name(f), val, value);
	unsigned bits = high ? 32 : va_field_bits(f);
	if (bits < 64 && (value >> bits))
		return fail(r, val.col, "%s does not fit in %s", dup_span(val, vb, sizeof vb),
			    bits == 16 ? "the 16-bit field" : "32 bits");
	if (high) {
		uint64_t low = r->st->presence[f] == VA_SET ? r->st->field[f] & 0xffffffffull : 0;
		va_state_set_field(r->st, f, low | (value << 32));
	} else if (r->seen_field[f] & 2) {
		/* _HIGH came first: keep its half. */
		va_state_set_field(r->st, f, (r->st->field[f] & ~0xffffffffull) | (value & 0xffffffffull));
	} else {
		va_state_set_field(r->st, f, value);
	}
	return 0;
}

/* The outcome import recorded from the dump: the exit-information fields
 * that say what the CPU did then (VM_INSTRUCTION_ERROR, VM_EXIT_REASON,
 * EXIT_QUALIFICATION).  They are set like [vmcs] fields, and the notes say
 * where they came from, so that the report labels them as of the dump. */
int va_is_observed_field(enum va_field f)
{
	return f == FLD_VM_INSTRUCTION_ERROR || f == FLD_VM_EXIT_REASON || f == FLD_EXIT_QUALIFICATION;
}

static int read_observed(struct reader *r, struct span key, struct span val)
{
	char kb[96];
	struct va_name_match nm;
	if (va_field_resolve(key.s, key.n, &nm) != VA_NAME_FOUND || nm.high || !va_is_observed_field(nm.field))
		return fail(r, key.col, "'%s' is not an outcome [observed] records (VM_INSTRUCTION_ERROR, "
			    "VM_EXIT_REASON, EXIT_QUALIFICATION)", dup_span(key, kb, sizeof kb), NULL);
	enum va_field f = nm.field;
	if (r->seen_field[f] & 1)
		return fail(r, key.col, "%s is given twice", va_field_name(f), NULL);
	r->seen_field[f] |= 1;
	uint64_t value;
	if (number(r, val, &value))
		return -1;
	unsigned bits = va_field_bits(f);
	if (bits < 64 && (value >> bits))
		return fail(r, val.col, "%s does not fit in 32 bits", dup_span(val, kb, sizeof kb), NULL);
	va_state_set_field(r->st, f, value);
	if (r->notes && !r->notes->observed_line)
		r->notes->observed_line = r->section_line;
	return 0;
}

static int read_memory(struct reader *r, struct span key, struct span val)
{
	char kb[96];
	uint64_t addr;

	if (number(r, key, &addr))
		return -1;
	if (addr & 7)
		return fail(r, key.col, "memory address %s is not 8-byte aligned",
			    dup_span(key, kb, sizeof kb), NULL);
	const char *p = val.s, *end = val.s + val.n;
	unsigned count = 0;
	while (p < end) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		const char *t = p;
		while (p < end && !isspace((unsigned char)*p))
			p++;
		if (t == p)
			break;
		struct span tok = { t, (size_t)(p - t), val.col + (unsigned)(t - val.s) };
		uint64_t q;
		if (number(r, tok, &q))
			return -1;
		uint64_t at = addr + 8ull * count;
		if (at < addr)
			return fail(r, tok.col, "memory run wraps past the end of the address space", NULL, NULL);
		if (va_state_set_memory(r->st, at, q))
			return fail(r, tok.col, "out of memory", NULL, NULL);
		count++;
	}
	if (!count)
		return fail(r, val.col ? val.col : key.col, "memory address %s has no value",
			    dup_span(key, kb, sizeof kb), NULL);
	return 0;
}

static int read_entry(struct reader *r, struct span key, struct span val)
{
	char kb[96], vb[96];
	for (int e = 0; e < ENTRY_COUNT; e++) {
		const struct va_entry_info *ei = va_entry_info((enum va_entry_fact)e);
		if (!va_word_eq(key.s, key.n, ei->key))
			continue;
		if (r->seen_entry & (1u << e))
			return fail(r, key.col, "%s is given twice", ei->key, NULL);
		r->seen_entry |= 1u << e;
		uint64_t value;
		if (ei->kind == VA_KIND_WORD) {
			size_t nw;
			const struct va_entry_word *w = va_entry_words(&nw);
			for (size_t i = 0; i < nw; i++) {
				if (w[i].entry == (enum va_entry_fact)e && va_word_eq(val.s, val.n, w[i].word)) {
					r->st->entry[e] = w[i].value;
					r->st->entry_present |= 1u << e;
					return 0;
				}
			}
			return fail(r, val.col, "%s = %s: expected one of the documented words (see "
				    "'vmcs-audit help state-file')", ei->key, dup_span(val, vb, sizeof vb));
		}
		if (number(r, val, &value))
			return -1;
		if ((e == ENTRY_CPL && value > 3) ||
		    ((e == ENTRY_BLOCKED_BY_MOV_SS || e == ENTRY_IN_SMM || e == ENTRY_IA32E_MODE) && value > 1))
			return fail(r, val.col, "%s = %s is out of range", ei->key, dup_span(val, vb, sizeof vb));
		r->st->entry[e] = value;
		r->st->entry_present |= 1u << e;
		return 0;
	}
	return fail(r, key.col, "unknown [entry] key '%s'", dup_span(key, kb, sizeof kb), NULL);
}

static int read_line(struct reader *r, const char *s, size_t n)
{
	char buf[96];
	const char *hash = memchr(s, '#', n);
	if (hash)
		n = (size_t)(hash - s);
	struct span line = trim(s, n, 1);
	if (!line.n)
		return 0;
	if (line.s[0] == '[') {
		if (line.s[line.n - 1] != ']')
			return fail(r, line.col, "section header without ']'", NULL, NULL);
		struct span name = trim(line.s + 1, line.n - 2, line.col + 1);
		static const struct { const char *name; enum section s; } sections[] = {
			{ "cpu", SEC_CPU }, { "vmcs", SEC_VMCS }, { "memory", SEC_MEMORY }, { "entry", SEC_ENTRY },
			{ "observed", SEC_OBSERVED },
		};
		for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
			if (va_word_eq(name.s, name.n, sections[i].name)) {
				r->section = sections[i].s;
				r->section_line = r->line;
				return 0;
			}
		}
		return fail(r, name.col, "unknown section [%s] (expected [cpu], [vmcs], [memory], [entry] "
			    "or [observed])",
			    dup_span(name, buf, sizeof buf), NULL);
	}
	const char *eq = memchr(line.s, '=', line.n);
	if (!eq)
		return fail(r, line.col, "expected KEY = VALUE", NULL, NULL);
	struct span key = trim(line.s, (size_t)(eq - line.s), line.col);
	struct span val = trim(eq + 1, line.n - (size_t)(eq + 1 - line.s),
			       line.col + (unsigned)(eq + 1 - line.s));
	if (!key.n)
		return fail(r, line.col, "missing key before '='", NULL, NULL);
	if (!val.n)
		return fail(r, (unsigned)(eq - s) + 2, "missing value after '='", NULL, NULL);
	switch (r->section) {
	case SEC_CPU: return read_cpu(r, key, val);
	case SEC_VMCS: return read_vmcs(r, key, val);
	case SEC_MEMORY: return read_memory(r, key, val);
	case SEC_ENTRY: return read_entry(r, key, val);
	case SEC_OBSERVED: return read_observed(r, key, val);
	default:
		return fail(r, key.col, "'%s' comes before any section ([cpu], [vmcs], [memory], [entry])",
			    dup_span(key, buf, sizeof buf), NULL);
	}
}

int va_state_read_noted(struct va_state *st, const char *text, size_t len, const char *file,
			struct va_error *err, struct va_import_notes *notes)
{
	struct reader *r = calloc(1, sizeof *r);
	if (!r) {
		va_error_set(err, file, 0, 0, "out of memory");
		return -1;
	}
	r->st = st;
	r->file = file;
	r->err = err;
	r->notes = notes;
	r->line = va_line_origin(text);
	size_t pos = va_bom_length(text, len);
	int rc = 0;
	while (pos < len && rc == 0) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		r->line++;
		if (memchr(text + pos, '\0', end - pos)) {
			va_error_set(err, file, r->line, 0, "NUL byte in text input");
			rc = -1;
			break;
		}
		va_provenance_line(r->line);
		rc = read_line(r, text + pos, end - pos);
		pos = end + 1;
	}
	if (!rc && r->decimals)
		va_note(notes, "%u value%s given in decimal (read as decimal; write 0x for hex): %s%s",
			r->decimals, r->decimals > 1 ? "s" : "", r->decimal_list,
			r->decimals > r->decimals_shown ? ", ..." : "");
	free(r);
	return rc;
}

int va_state_read(struct va_state *st, const char *text, size_t len, const char *file,
		  struct va_error *err)
{
	return va_state_read_noted(st, text, len, file, err, NULL);
}
