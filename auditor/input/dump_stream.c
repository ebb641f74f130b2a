#define _GNU_SOURCE /* memmem */
#include "dump_stream.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"
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

int va_dump_split_line(struct va_dump_splitter *sp, const char *s, size_t n)
{
	sp->line++;
	if (!sp->markers && n && split_listing(sp, s, n))
		return 1;
	/* every marker holds "VM", "vm", "***" or "vcpu->": most log lines fail these searches */
	if (n < 12 || (!memmem(s, n, "VM", 2) && !memmem(s, n, "***", 3) && !memmem(s, n, "vm", 2) &&
		       !memmem(s, n, "vcpu->", 6)))
		return 0;
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		if (!memmem(s, n, starts[i].marker, strlen(starts[i].marker)))
			continue;
		sp->markers++;
		unsigned f = starts[i].family, *last = &sp->last[f];
		int follows_header = sp->header[f] && sp->line - *last <= SAME_DUMP_LINES;
		int split = *last && !follows_header;
		*last = sp->line;
		sp->header[f] = (unsigned char)starts[i].header;
		return split;
	}
	return 0;
}

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
	/* capability MSRs and CPU facts an earlier dump's piece gave (a log's
	 * rdmsr paste before its first failure): the same machine's for later dumps */
	uint32_t msr_present, fact_present;
	uint64_t msr[MSR_COUNT], fact[FACT_COUNT];
	unsigned caps_dump;
};

static ssize_t next_line(struct va_dump_stream *s)
{
	return getline(&s->line, &s->line_cap, s->f);
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
		/* count the dumps first, so that reports can say "dump 2 of 3" */
		struct va_dump_splitter sp = { 0 };
		ssize_t n;
		long start = ftell(f);
		s->total = 1;
		while ((n = next_line(s)) >= 0)
			s->total += (unsigned)va_dump_split_line(&sp, s->line, (size_t)n);
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

static void carry_capabilities(struct va_dump_stream *s, struct va_state *st, struct va_import_notes *notes);

int va_dump_stream_next(struct va_dump_stream *s, struct va_state *st, struct va_import_notes *notes,
			unsigned *start_line, struct va_error *err)
{
	va_state_init(st);
	notes->count = 0;
	notes->observed_line = 0;
	if (s->eof && !s->pending)
		return 0;
	s->len = 0;
	unsigned first = s->sp.line + (s->pending ? 0 : 1);
	unsigned skipped = 0, skipped_from = 0, dropped = 0, dropped_to = 0;
	int started = 0;   /* this piece holds a dump's start marker */
	for (;;) {
		if (!s->pending) {
			s->line_len = next_line(s);
			if (s->line_len < 0) {
				s->eof = 1;
				break;
			}
			int split = va_dump_split_line(&s->sp, s->line, (size_t)s->line_len);
			if (split && s->len) {
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
				dropped += 1;
				dropped_to = s->sp.line - 1;
				first = s->sp.line;
				s->len = 0;
			} else {
				if (!skipped++)
					skipped_from = s->sp.line;
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
	s->index++;
	*start_line = first;
	va_line_origin_set(s->piece ? s->piece : "", s->len, first - 1);
	int rc = va_load_text(st, s->piece ? s->piece : "", s->len, s->name, &s->opt, notes, err);
	va_line_origin_set(NULL, 0, 0);
	if (!rc)
		carry_capabilities(s, st, notes);
	if (dropped)
		va_note(notes, "lines up to %u were not read: more than %u MiB of text before this dump",
			dropped_to, PIECE_MAX >> 20);
	if (skipped)
		va_note(notes, "%u lines from line %u were not read: the dump's text exceeds %u MiB",
			skipped, skipped_from, PIECE_MAX >> 20);
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
	free(s);
}
