/*
 * Readers of what users paste: capability-MSR listings and VMCS dumps as
 * their tools print them.  Each reader turns text into a va_state; the
 * importer (import.c) detects which readers an input needs, runs them and
 * keeps "absent" distinct from zero.
 */
#ifndef VA_READER_H
#define VA_READER_H

#include <stddef.h>
#include <stdint.h>

#include "../error.h"
#include "../../engine/state.h"

/* Assumptions and partial conversions a reader wants the user to know. */
#define VA_NOTES_MAX 24
struct va_import_notes {
	unsigned count;
	char text[VA_NOTES_MAX][240];
	/* the line of a state file's [observed] section (0: none): the outcome
	 * fields were recorded by import at the time of the dump, and may not
	 * belong to the values as they are now */
	unsigned observed_line;
};
void va_note(struct va_import_notes *n, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

enum va_provides {
	VA_PROVIDES_CAPS = 1,   /* [cpu]: capability MSRs, CPU facts */
	VA_PROVIDES_VMCS = 2,   /* [vmcs] (and [memory]/[entry] where the dump has them) */
};

struct va_reader {
	const char *kind;       /* the name --from takes */
	const char *what;       /* one line for help text */
	unsigned provides;      /* enum va_provides */
	/* 0: not this kind; otherwise how sure (1..100), from markers in the text */
	int (*detect)(const char *text, size_t len);
	/* Fill st from text; lines it does not recognise are someone else's
	 * (other pastes, log noise) and are skipped.  0, or -1 with err set
	 * (file, line, column) for a line it recognises but cannot read. */
	int (*read)(struct va_state *st, const char *text, size_t len, const char *file,
		    struct va_error *err, struct va_import_notes *notes);
};

/* All readers (reader_list.h), in a stable order. */
const struct va_reader *const *va_readers(size_t *count);
const struct va_reader *va_reader_by_kind(const char *kind);

/*
 * One line of pasted text with the decoration around it removed: mail quote
 * markers ("> ", any depth), dmesg timestamps ("[ 1532.118740] ", with a
 * caller id "[T123]"), `dmesg -T` dates, syslog/journal prefixes
 * ("Mar  4 10:11:12 host kernel: "), "kvm_intel: "/"kvm: " prefixes,
 * "(XEN) " (with Xen's "[date time] "), and leading blanks.
 */
struct va_line {
	const char *s;          /* the content */
	size_t n;
	unsigned number;        /* 1-based line number in the input */
	unsigned column;        /* 1-based column of s in the input line */
};

struct va_line_iter {
	const char *text;
	size_t len, pos;
	unsigned number;        /* lines read so far */
};

/*
 * Line numbers of a piece of a larger input (one dump of a log read in a
 * stream): text inside [text, text+len) counts its lines from `before` + 1,
 * so that every reader's errors and notes name the line of the whole input.
 * Set by the stream around one import; NULL clears it.  Per thread.
 */
void va_line_origin_set(const char *text, size_t len, unsigned before);
unsigned va_line_origin(const char *text);

/*
 * The dump stream has found that the text's repeated dump starts are one
 * dump quoted in pieces (same timestamps, no value in conflict): readers
 * then read every piece into the state, instead of the first dump only.
 * Set around one import; per thread.
 */
void va_dump_pieces_set(int one_dump);
int va_dump_pieces(void);

static inline void va_lines_begin(struct va_line_iter *it, const char *text, size_t len)
{
	it->text = text;
	it->len = len;
	it->pos = 0;
	it->number = va_line_origin(text);
}

/* The next line, undecorated; 0 at the end of the text. */
int va_next_line(struct va_line_iter *it, struct va_line *line);

/* A generic listing's line "NAME = value" (readers/listing.c): 1 and the
 * field it sets, else 0.  The dump stream splits listings that start over. */
int va_listing_line_field(const char *s, size_t n, enum va_field *f, int *high);

/* Does the text contain `needle` (case-sensitive) anywhere? */
int va_text_has(const char *text, size_t len, const char *needle);

#endif
