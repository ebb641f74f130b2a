/*
 * Every dump of an input, one at a time, in one pass that holds one dump
 * (and the lines up to the next), never the whole input: a dmesg with three
 * failures gives three states, a 200 MB log of 20,000 dumps as many, in
 * bounded memory.
 *
 * A dump begins at a line that begins one in the formats the readers know
 * (KVM's "VMCS ..., last attempted VM-entry" or "*** Guest State ***", Xen's
 * "vmentry failure", QEMU's "KVM: entry failed", HAXM's first control line)
 * when the piece read so far already holds the start of a dump of the same
 * family; lines before the first dump belong to it (pastes of capability
 * MSRs, the command that printed it).  Pieces of one dump quoted apart
 * (with "..." between) but not repeating its start stay one dump; pieces
 * that repeat its start with the same timestamps are the same dump when
 * their values agree with (or only add to) the pieces before, and a second
 * dump at the first value that conflicts.
 */
#ifndef VA_DUMP_STREAM_H
#define VA_DUMP_STREAM_H

#include <stdio.h>

#include "load.h"

struct va_dump_stream;

/* Open a file, or standard input for "-".  For a regular file the dumps are
 * counted first (va_dump_stream_total); NULL with err set on failure. */
struct va_dump_stream *va_dump_stream_open(const char *path, const struct va_load_options *opt,
					   struct va_error *err);

/*
 * The next dump, loaded as va_load does (profiles, then the dump): 1 with st
 * filled, notes about it and the input line where it starts; 0 at the end of
 * the input; -1 when this dump cannot be read (err names the line: a later
 * call goes on with the next dump).  st: va_state_release it after use.
 */
int va_dump_stream_next(struct va_dump_stream *s, struct va_state *st, struct va_import_notes *notes,
			unsigned *start_line, struct va_error *err);

/* The same over an open stream (owned: closed with the stream); `name`
 * names it in errors and must outlive the stream.  A seekable stream is
 * counted from where it stands. */
struct va_dump_stream *va_dump_stream_file(FILE *f, int owned, const char *name,
					   const struct va_load_options *opt, struct va_error *err);

/* Dumps in the input (counted on open; 0 when it cannot be known ahead, as
 * on a pipe), and dumps returned so far. */
unsigned va_dump_stream_total(const struct va_dump_stream *s);
unsigned va_dump_stream_index(const struct va_dump_stream *s);

void va_dump_stream_close(struct va_dump_stream *s);

/* The splitter alone, on one line of text (for tests and the counting pass). */
#define VA_STAMP_MAX 48
#define VA_STAMPS 4
struct va_dump_splitter {
	unsigned line;                /* lines seen */
	unsigned last[4];             /* line of the latest start marker of each family, 0 none */
	unsigned char header[4];      /* that marker was a dump's header line: 1 + its index, else 0 */
	unsigned markers;             /* lines with a dump marker: then listings are not split */
	unsigned list_first;          /* 1 + the first field of the current listing (x2, +1 high), 0 none */
	unsigned char text_seen;      /* a line other than a blank or a # comment was seen */
	unsigned char whole;          /* the input began as a state file: one piece, never split */
	/* the log prefixes (timestamps) of the current dump's marker lines */
	char stamp[VA_STAMPS][VA_STAMP_MAX];
	unsigned stamps;
};
/* 1 if a new dump begins at this line (it starts the next piece); 2 if it
 * repeats a start marker of the current dump with the same timestamp (a
 * piece of the same dump quoted again, or another dump printed in the same
 * instant: the values decide); 0 otherwise. */
int va_dump_split_line(struct va_dump_splitter *sp, const char *s, size_t n);

#endif
