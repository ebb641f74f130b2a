#define _GNU_SOURCE /* memmem */
#include "dump_stream.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import.h"
#include "input.h"
#include "text_util.h"
#include "state_file.h"
#include "readers/reader.h"

/* One piece holds at most this much; beyond it lines are skipped and said so. */
#define PIECE_MAX (32u << 20)
/* A start marker this close after one of its family continues the same dump
 * (KVM's "VMCS ..., last attempted" header, then "*** Guest State ***"). */
#define SAME_DUMP_LINES 8

enum family { F_KVM_XEN, F_QEMU, F_HAXM, F_COUNT };

static const struct {
	const char *marker;
	enum family family;
	int header;            /* a dump's first line; a section marker may follow it */
} starts[] = {
	{ "*** Guest State ***", F_KVM_XEN, 0 },
	{ ", last attempted VM-entry on CPU", F_KVM_XEN, 1 },
	{ "vmentry failure (reason", F_KVM_XEN, 1 },
	{ "Failed vm entry (exit reason", F_KVM_XEN, 1 },
	{ "VMLAUNCH error:", F_KVM_XEN, 1 },
	{ "VMRESUME error:", F_KVM_XEN, 1 },
	{ "KVM: entry failed, hardware error", F_QEMU, 1 },
	{ "vcpu->tr:", F_HAXM, 1 },
	{ "VMX_PIN_CONTROLS:", F_HAXM, 1 },
};

/*
 * A generic listing (GUEST_CR0 = ... lines) has no start marker: it starts
 * over when its first field comes again (the next failure prints the same
 * list).  Only in inputs without the dump formats' markers.
 */
static int split_listing(struct va_dump_splitter *sp, const char *s, size_t n)
{
	struct va_line_iter it;
	struct va_line l;
	enum va_field f;
	int high;
	/* a state file ("[vmcs]") is read whole: a key given twice there is an error */
	size_t b = 0;
	while (b < n && (s[b] == ' ' || s[b] == '\t'))
		b++;
	if (b < n && s[b] == '[' && !sp->list_first) {
		size_t e = b + 1;
		while (e < n && ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z')))
			e++;
		if (e > b + 1 && e < n && s[e] == ']') {
			sp->markers++;
			return 0;
		}
	}
	if (!memchr(s, '=', n) && !memchr(s, ':', n))
		return 0;
	va_lines_begin(&it, s, n);
	if (!va_next_line(&it, &l) || !va_listing_line_field(l.s, l.n, &f, &high))
		return 0;
	unsigned key = 1 + 2 * (unsigned)f + (unsigned)high;
	if (!sp->list_first) {
		sp->list_first = key;
		return 0;
	}
	return key == sp->list_first;
}

/* A state file's section header alone on its line: "[vmcs]", "[cpu]"... */
static int state_file_header(const char *s, size_t n)
{
	static const char *const names[] = { "[cpu]", "[vmcs]", "[memory]", "[entry]", "[observed]" };
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (va_word_eq(s, n, names[i]))
			return 1;
	return 0;
}

/*
 * The log prefix of a marker line (timestamp, caller, module: what comes
 * before the marker) without quoting and blanks: pieces of one dump quoted
 * apart keep it, another failure has another.  Empty without a sub-second
 * timestamp (whole seconds, or none, do not tell two failures apart).  The
 * text before the marker, not only the prefixes the readers strip, so that
 * journald's "Jan 12 09:14:33.201234 host qemu[812]: " before QEMU's
 * "KVM: entry failed" counts too.
 */
static void line_stamp(const char *s, const char *marker, char *out)
{
	size_t k = 0;
	int fraction = 0;
	for (const char *p = s; p < marker && k + 1 < VA_STAMP_MAX; p++) {
		if (*p == '>' || *p == '|' || *p == ' ' || *p == '\t')
			continue;
		/* "2210.400117" (NetBSD's dmesg: "2804,119878"): sub-second, so
		 * two failures do not share it */
		fraction |= (*p == '.' || *p == ',') && k && isdigit((unsigned char)out[k - 1]) &&
			    p + 1 < marker && isdigit((unsigned char)p[1]);
		out[k++] = *p;
	}
	out[fraction ? k : 0] = '\0';
}

static int known_stamp(const struct va_dump_splitter *sp, const char *stamp)
{
	for (unsigned i = 0; i < sp->stamps; i++)
		if (!strcmp(sp->stamp[i], stamp))
			return 1;
	return 0;
}

int va_dump_split_line(struct va_dump_splitter *sp, const char *s, size_t n)
{
	sp->line++;
	if (sp->whole)
		return 0;
	if (!sp->text_seen) {
		size_t b = 0;
		while (b < n && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n'))
			b++;
		if (b < n && s[b] != '#') {
			sp->text_seen = 1;
			/* a state file is one input, read whole, however it is written */
			if (state_file_header(s + b, n - b)) {
				sp->whole = 1;
				return 0;
			}
		}
	}
	if (!sp->markers && n && split_listing(sp, s, n))
		return 1;
	/* every marker holds "VM", "vm", "***" or "vcpu->": most log lines fail these searches */
	if (n < 12 || (!memmem(s, n, "VM", 2) && !memmem(s, n, "***", 3) && !memmem(s, n, "vm", 2) &&
		       !memmem(s, n, "vcpu->", 6)))
		return 0;
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		const char *at = memmem(s, n, starts[i].marker, strlen(starts[i].marker));
		if (!at)
			continue;
		sp->markers++;
		unsigned f = starts[i].family, *last = &sp->last[f];
		/* a header's own marker again is another start, not its next section */
		int follows_header = sp->header[f] && sp->header[f] != i + 1 && sp->line - *last <= SAME_DUMP_LINES;
		int split = *last && !follows_header;
		*last = sp->line;
		sp->header[f] = (unsigned char)(starts[i].header ? i + 1 : 0);
		char stamp[VA_STAMP_MAX];
		line_stamp(s, at, stamp);
		/* a start marker quoted again with its timestamp: every family's
		 * reader reads such pieces as one dump when told (va_dump_pieces) */
		if (split && stamp[0] && known_stamp(sp, stamp))
			return 2;
		if (split)
			sp->stamps = 0;
		if (stamp[0] && sp->stamps < VA_STAMPS && !known_stamp(sp, stamp))
			memcpy(sp->stamp[sp->stamps++], stamp, VA_STAMP_MAX);
		return split;
	}
	return 0;
}

/* Start markers repeated with the same timestamp that one piece may hold;
 * beyond these, a repeat starts a dump as a new timestamp does. */
#define CANDIDATES 32

struct va_dump_stream {
	FILE *f;
	int owned;
	const char *name;
	struct va_load_options opt;
	struct va_dump_splitter sp;
	unsigned total, index;
	/* the line read past the end of the previous piece: the next one's first */
	char *line;
	size_t line_cap;
	ssize_t line_len;
	int pending, eof;
	char *piece;
	size_t len, cap;
	/* where in the piece a start marker came again with the same timestamp
	 * (offset, input line): the same dump unless a value conflicts */
	size_t cand_at[CANDIDATES];
	unsigned cand_line[CANDIDATES], ncand;
	unsigned merged;     /* of these, the first `merged` are the same dump */
	char merged_lines[96];  /* their lines, for the note */
	/* after a cut at such a place: piece[carry_at, carry_end) is the next
	 * dump's text, already read, from input line carry_line */
	size_t carry_at, carry_end;
	unsigned carry_line, carry_ncand;
	int carry;
	/* the states the pieces are read into to compare their values */
	struct va_state *trial;
	struct va_import_notes *trial_notes;
	/* capability MSRs and CPU facts an earlier dump's piece gave (a log's
	 * rdmsr paste before its first failure): the same machine's for later dumps */
	uint32_t msr_present, fact_present;
	uint64_t msr[MSR_COUNT], fact[FACT_COUNT];
	unsigned caps_dump;
};

/* What assembling one dump's text had to leave out, for its notes. */
struct piece_info {
	unsigned first;                      /* input line where the dump starts */
	unsigned dropped, dropped_to;        /* lines before the first dump not kept */
	unsigned skipped, skipped_from;      /* lines of an oversized dump not kept */
};

static int next_piece(struct va_dump_stream *s, struct piece_info *pi, struct va_error *err);

static ssize_t next_line(struct va_dump_stream *s)
{
	return getline(&s->line, &s->line_cap, s->f);
}

/* Back to the start of the input (after counting). */
static void rewind_stream(struct va_dump_stream *s)
{
	memset(&s->sp, 0, sizeof s->sp);
	s->index = 0;
	s->pending = s->eof = s->carry = 0;
	s->len = 0;
	s->ncand = 0;
}

struct va_dump_stream *va_dump_stream_file(FILE *f, int owned, const char *name,
					   const struct va_load_options *opt, struct va_error *err)
{
	struct va_dump_stream *s = calloc(1, sizeof *s);
	if (!s) {
		va_error_set(err, name, 0, 0, "out of memory");
		if (owned)
			fclose(f);
		return NULL;
	}
	s->f = f;
	s->owned = owned;
	s->name = name;
	s->opt = *opt;
	struct stat sb;
	int fd = fileno(f);
	int seekable = fd >= 0 ? !fstat(fd, &sb) && S_ISREG(sb.st_mode) : ftell(f) >= 0;
	if (seekable) {
		/* count the dumps first, as the reading pass will split them, so
		 * that reports can say "dump 2 of 3" */
		long start = ftell(f);
		struct piece_info pi;
		struct va_error ignored;
		while (next_piece(s, &pi, &ignored) > 0)
			;
		s->total = s->index ? s->index : 1;
		rewind_stream(s);
		if (ferror(f) || start < 0 || fseek(f, start, SEEK_SET)) {
			va_error_set(err, name, 0, 0, "read error");
			va_dump_stream_close(s);
			return NULL;
		}
	}
	return s;
}

struct va_dump_stream *va_dump_stream_open(const char *path, const struct va_load_options *opt,
					   struct va_error *err)
{
	int is_stdin = !strcmp(path, "-");
	FILE *f = va_open_input(path, err);
	if (!f)
		return NULL;
	return va_dump_stream_file(f, !is_stdin, is_stdin ? "<stdin>" : path, opt, err);
}

unsigned va_dump_stream_total(const struct va_dump_stream *s)
{
	return s->total;
}

unsigned va_dump_stream_index(const struct va_dump_stream *s)
{
	return s->index;
}

static int append(struct va_dump_stream *s, const char *text, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 1 << 16;
		while (cap < s->len + n + 1)
			cap *= 2;
		char *p = realloc(s->piece, cap);
		if (!p)
			return -1;
		s->piece = p;
		s->cap = cap;
	}
	memcpy(s->piece + s->len, text, n);
	s->len += n;
	s->piece[s->len] = '\0';
	return 0;
}

/* Read piece[from, to) alone into s->trial; 0, or -1 when it does not read. */
static int read_part(struct va_dump_stream *s, size_t from, size_t to)
{
	struct va_error err;
	char saved = s->piece[to];
	s->piece[to] = '\0';
	va_state_init(s->trial);
	s->trial_notes->count = 0;
	int rc = va_import(s->trial, s->piece + from, to - from, s->name, s->opt.kind, &err, s->trial_notes);
	s->piece[to] = saved;
	return rc;
}

/* A field or capability both give, with different values: two dumps.  Else
 * the part's values join the union. */
static int conflicts(struct va_state *u, const struct va_state *part)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (u->presence[f] == VA_SET && part->presence[f] == VA_SET && u->field[f] != part->field[f])
			return 1;
	for (unsigned m = 0; m < MSR_COUNT; m++)
		if (((u->msr_present & part->msr_present) >> m & 1) && u->msr[m] != part->msr[m])
			return 1;
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (part->presence[f] == VA_SET && u->presence[f] != VA_SET) {
			u->field[f] = part->field[f];
			u->presence[f] = VA_SET;
		}
	for (unsigned m = 0; m < MSR_COUNT; m++)
		if ((part->msr_present >> m & 1) && !(u->msr_present >> m & 1)) {
			u->msr[m] = part->msr[m];
			u->msr_present |= 1u << m;
		}
	return 0;
}

/*
 * The piece holds a dump and parts that repeat its start with the same
 * timestamp: each part whose values agree with (or only add to) those
 * before is the same dump quoted again; the first that conflicts (or does
 * not read) starts the next dump, and the piece is cut there.
 */
static void resolve_repeats(struct va_dump_stream *s)
{
	if (!s->ncand)
		return;
	struct va_state *u = malloc(sizeof *u);
	if (!s->trial)
		s->trial = malloc(sizeof *s->trial);
	if (!s->trial_notes)
		s->trial_notes = malloc(sizeof *s->trial_notes);
	unsigned cut = 0;   /* 1 + the candidate the piece is cut at */
	if (!u || !s->trial || !s->trial_notes) {
		cut = 1;    /* out of memory: split as without timestamps */
	} else if (read_part(s, 0, s->cand_at[0])) {
		va_state_release(s->trial);
		cut = 1;
	} else {
		*u = *s->trial;
		u->mem = NULL;
		va_state_release(s->trial);
		for (unsigned k = 0; k < s->ncand && !cut; k++) {
			size_t end = k + 1 < s->ncand ? s->cand_at[k + 1] : s->len;
			if (read_part(s, s->cand_at[k], end) || conflicts(u, s->trial))
				cut = k + 1;
			va_state_release(s->trial);
		}
	}
	free(u);
	s->merged = cut ? cut - 1 : s->ncand;
	s->merged_lines[0] = '\0';
	for (unsigned i = 0, k = 0; i < s->merged && k + 12 < sizeof s->merged_lines; i++)
		k += (unsigned)snprintf(s->merged_lines + k, sizeof s->merged_lines - k, "%s%u", i ? ", " : "",
					s->cand_line[i]);
	if (!cut)
		return;
	size_t at = s->cand_at[cut - 1];
	s->carry = 1;
	s->carry_at = at;
	s->carry_end = s->len;
	s->carry_line = s->cand_line[cut - 1];
	/* the later repeats belong to the next dump, from its own start */
	unsigned k = 0;
	for (unsigned i = cut; i < s->ncand; i++, k++) {
		s->cand_at[k] = s->cand_at[i] - at;
		s->cand_line[k] = s->cand_line[i];
	}
	s->carry_ncand = k;
	s->len = at;
}

/* The next dump's text into piece[0, len): 1, 0 at the end, -1 on error. */
static int next_piece(struct va_dump_stream *s, struct piece_info *pi, struct va_error *err)
{
	memset(pi, 0, sizeof *pi);
	if (s->carry) {
		/* the rest of a piece cut at a conflicting repeat: read already */
		size_t n = s->carry_end - s->carry_at;
		memmove(s->piece, s->piece + s->carry_at, n);
		s->len = n;
		s->piece[n] = '\0';
		s->carry = 0;
		s->ncand = s->carry_ncand;
		s->merged = 0;
		pi->first = s->carry_line;
		resolve_repeats(s);
		s->index++;
		return 1;
	}
	if (s->eof && !s->pending)
		return 0;
	s->len = 0;
	s->ncand = s->merged = 0;
	unsigned first = s->sp.line + (s->pending ? 0 : 1);
	int started = 0;   /* this piece holds a dump's start marker */
	for (;;) {
		if (!s->pending) {
			s->line_len = next_line(s);
			if (s->line_len < 0) {
				s->eof = 1;
				break;
			}
			int split = va_dump_split_line(&s->sp, s->line, (size_t)s->line_len);
			if (split == 2 && s->len && s->ncand < CANDIDATES) {
				s->cand_at[s->ncand] = s->len;
				s->cand_line[s->ncand++] = s->sp.line;
			} else if (split && s->len) {
				s->pending = 1;   /* the next dump's first line */
				break;
			}
			started |= split || s->sp.last[F_KVM_XEN] == s->sp.line || s->sp.last[F_QEMU] == s->sp.line ||
				   s->sp.last[F_HAXM] == s->sp.line;
		}
		else
			started = 1;   /* the line that began this dump */
		s->pending = 0;
		if (s->len + (size_t)s->line_len > PIECE_MAX) {
			if (!started) {
				/* a log's lines before its first dump: keep memory bounded, say so */
				pi->dropped += 1;
				pi->dropped_to = s->sp.line - 1;
				first = s->sp.line;
				s->len = 0;
			} else {
				if (!pi->skipped++)
					pi->skipped_from = s->sp.line;
				continue;
			}
		}
		if (append(s, s->line, (size_t)s->line_len)) {
			va_error_set(err, s->name, s->sp.line, 0, "out of memory");
			return -1;
		}
	}
	if (ferror(s->f)) {
		va_error_set(err, s->name, s->sp.line, 0, "read error");
		s->eof = 1;
		s->pending = 0;
		return -1;
	}
	if (!s->len && s->eof && s->index)
		return 0;
	if (!s->len && s->eof) {
		va_error_empty_input(err, s->name);
		return -1;
	}
	/* candidates past an oversized piece's end were not kept */
	while (s->ncand && s->cand_at[s->ncand - 1] >= s->len)
		s->ncand--;
	resolve_repeats(s);
	pi->first = first;
	s->index++;
	return 1;
}

static void carry_capabilities(struct va_dump_stream *s, struct va_state *st, struct va_import_notes *notes);

int va_dump_stream_next(struct va_dump_stream *s, struct va_state *st, struct va_import_notes *notes,
			unsigned *start_line, struct va_error *err)
{
	va_state_init(st);
	notes->count = 0;
	notes->observed_line = 0;
	struct piece_info pi;
	int got = next_piece(s, &pi, err);
	if (got <= 0)
		return got;
	*start_line = pi.first;
	va_line_origin_set(s->piece ? s->piece : "", s->len, pi.first - 1);
	va_dump_pieces_set(s->merged > 0);
	int rc = va_load_text(st, s->piece ? s->piece : "", s->len, s->name, &s->opt, notes, err);
	va_dump_pieces_set(0);
	va_line_origin_set(NULL, 0, 0);
	if (!rc && s->merged)
		va_note(notes, "the dump's start comes again at line%s %s with the same timestamps and no "
			"value in conflict: a piece of the same dump quoted again, read as one dump",
			s->merged > 1 ? "s" : "", s->merged_lines);
	if (!rc)
		carry_capabilities(s, st, notes);
	if (pi.dropped)
		va_note(notes, "lines up to %u were not read: more than %u MiB of text before this dump",
			pi.dropped_to, PIECE_MAX >> 20);
	if (pi.skipped)
		va_note(notes, "%u lines from line %u were not read: the dump's text exceeds %u MiB",
			pi.skipped, pi.skipped_from, PIECE_MAX >> 20);
	return rc ? -1 : 1;
}

/* Forget a note load.c made before the earlier dump's capabilities were added. */
static void drop_note(struct va_import_notes *notes, const char *start)
{
	for (unsigned i = 0; i < notes->count; i++) {
		if (strncmp(notes->text[i], start, strlen(start)))
			continue;
		memmove(notes->text[i], notes->text[i + 1], (notes->count - i - 1) * sizeof notes->text[0]);
		notes->count--;
		i--;
	}
}

static void carry_capabilities(struct va_dump_stream *s, struct va_state *st, struct va_import_notes *notes)
{
	uint32_t own_msr = st->msr_present, own_fact = st->fact_present;
	uint32_t added_msr = s->msr_present & ~own_msr, added_fact = s->fact_present & ~own_fact;
	for (unsigned m = 0; m < MSR_COUNT; m++) {
		if (added_msr & (1u << m))
			st->msr[m] = s->msr[m];
		else if (own_msr & (1u << m))
			s->msr[m] = st->msr[m];
	}
	for (unsigned f = 0; f < FACT_COUNT; f++) {
		if (added_fact & (1u << f))
			st->fact[f] = s->fact[f];
		else if (own_fact & (1u << f))
			s->fact[f] = st->fact[f];
	}
	unsigned from = s->caps_dump;
	if (own_msr || own_fact) {
		s->msr_present |= own_msr;
		s->fact_present |= own_fact;
		s->caps_dump = s->index;
	}
	if (!added_msr && !added_fact)
		return;
	st->msr_present |= added_msr;
	st->fact_present |= added_fact;
	drop_note(notes, "no capability MSRs were given");
	if (st->msr_present & (1u << MSR_IA32_VMX_BASIC))
		drop_note(notes, "IA32_VMX_BASIC (0x480) was not given");
	if (st->fact_present & (1u << FACT_MAXPHYADDR))
		drop_note(notes, "maxphyaddr was not given");
	unsigned nm = (unsigned)__builtin_popcount(added_msr), nf = (unsigned)__builtin_popcount(added_fact);
	va_note(notes, "%u capability MSR%s and %u CPU fact%s this dump's lines lack are taken from the "
		"part of the input with dump %u (the same log, the same machine)", nm, nm == 1 ? "" : "s",
		nf, nf == 1 ? "" : "s", from);
}

void va_dump_stream_close(struct va_dump_stream *s)
{
	if (!s)
		return;
	if (s->f && s->owned)
		fclose(s->f);
	free(s->line);
	free(s->piece);
	free(s->trial);
	free(s->trial_notes);
	free(s);
}
