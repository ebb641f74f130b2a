/*
 * Machinery shared by the VMCS-dump readers (kvm, xen, qemu, haxm, listing):
 *
 *  - a cursor that yields logical lines: physical lines with their decoration
 *    removed (va_next_line plus the prefixes only dumps carry), quoted-
 *    printable remnants decoded, non-breaking spaces made blanks, and lines a
 *    mail client wrapped joined back on demand, each byte remembering the
 *    line and column it came from (errors point into the user's text);
 *  - line templates: a table of printf-like layouts per format, each value
 *    going to a VMCS field, matched label by label so that optional tails,
 *    pr_cont pieces and wrapped lines need no special code;
 *  - dump bookkeeping (sections, several dumps in one paste, cut lines) and
 *    notes common to all of them.
 *
 * Nothing here allocates; all state lives in the caller's du_ctx.
 */
#ifndef VA_DUMP_UTIL_H
#define VA_DUMP_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "../state_file.h"
#include "reader.h"

/* Dump lines are < 200 characters; longer logical lines are not dump lines. */
#define DU_LINE_MAX 1024
#define DU_SEGS 8      /* physical lines one logical line may join */
#define DU_VALS 8      /* values one template may hold */

/*
 * KVM prints the VM-entry MSR-load list but never its address.  To let the
 * auditor read the printed entries, readers place them at this made-up
 * physical address (16-byte aligned, below 4 GiB so any MAXPHYADDR holds it)
 * and say so in a note.
 */
#define DU_SYNTHETIC_MSR_LOAD_ADDR 0x10000000ull

/* Bytes buf[off..] came from column `col` on of input line `line`, one byte a
 * column, up to the next run: a physical line is one run (two more for each
 * quoted-printable escape, whose decoding shortens the text). */
#define DU_RUNS 48
struct du_run {
	size_t off;
	unsigned line, col;
};

struct du_cursor {
	struct va_line_iter it;
	int qp;                /* the text is quoted-printable (it has "=3D") */
	size_t n;
	int overlong;          /* the logical line did not fit: not a dump line */
	unsigned nseg;         /* physical lines joined into it */
	unsigned nrun;
	struct du_run run[DU_RUNS];
	char buf[DU_LINE_MAX];
	/* the next physical line, decoded, while a join is being tried */
	size_t sn;
	unsigned snrun;
	struct du_run srun[DU_RUNS];
	char sbuf[DU_LINE_MAX];
};

void du_begin(struct du_cursor *c, const char *text, size_t len);
/* The next logical line into c->buf; 0 at the end of the text. */
int du_next(struct du_cursor *c);
/* Join the next physical line with a blank (or none) if it can be the
 * wrapped tail of this one (it has no log prefix of its own): 1 if joined. */
int du_join(struct du_cursor *c, int blank);
/* Undo joins: save the cursor, restore it. */
struct du_mark {
	struct va_line_iter it;
	size_t n;
	unsigned nseg, nrun;
	int overlong;
};
void du_save(const struct du_cursor *c, struct du_mark *m);
void du_restore(struct du_cursor *c, const struct du_mark *m);
/* Line and column of byte `off` of the logical line. */
void du_where(const struct du_cursor *c, size_t off, unsigned *line, unsigned *column);
/* Line number where the logical line begins. */
static inline unsigned du_first_line(const struct du_cursor *c)
{
	return c->nrun ? c->run[0].line : c->it.number;
}

/* ---- templates ----------------------------------------------------------
 * Template text: literal characters match themselves (case-sensitive);
 *   ' '   any run of blanks, also none;
 *   '%Nx' a hex value of at least N digits (N optional), "0x" optional;
 *   '%d'  a decimal value;
 *   '%f'  QEMU segment flags, stored as VMX access rights;
 *   '%s'  skip text up to the next literal character;
 *   '@'   the line counts as recognised from here on (default: at the first
 *         value): a failure before is "not this line", after it an error.
 * A template flagged DU_ANYWHERE may start anywhere in a line (messages with
 * a variable prefix such as Xen's "d1v0 "); its first character is literal.
 */
enum du_section {
	DU_PRE = 1u << 0,      /* before any dump / between dumps */
	DU_GUEST = 1u << 1,
	DU_HOST = 1u << 2,
	DU_CTRL = 1u << 3,
	DU_END = 1u << 4,      /* after a dump's closing line */
	DU_ALL = 0x1f,
	DU_DUMP = DU_GUEST | DU_HOST | DU_CTRL,
};

enum du_layout_flags {
	DU_HEADER = 1u << 0,   /* begins a dump (header lines before its sections) */
	DU_CLOSE = 1u << 1,    /* ends the dump */
	DU_IMPLY = 1u << 2,    /* a label unique to section `enter`: enters it
	                          where the section marker is missing */
	DU_ANYWHERE = 1u << 3, /* may start anywhere in the line (first step only) */
};

struct du_layout {
	const char *tmpl;
	uint8_t where;         /* sections (DU_*) the line may appear in */
	uint8_t enter;         /* section the line begins (markers), or 0 */
	uint8_t flags;         /* du_layout_flags */
	uint8_t action;        /* reader hook action, 0 for none */
	uint16_t to[DU_VALS];  /* field of each value (FLD_NONE: the hook's) */
};

enum du_status {
	DU_NOMATCH,            /* not this template */
	DU_FULL,               /* matched to its end */
	DU_EARLY,              /* recognised; the line ended before the template */
	DU_PREFIX,             /* the line ended inside the label */
	DU_MISMATCH,           /* recognised; then other text */
	DU_BADVALUE,           /* recognised; a value that is not one */
};

enum du_why { DU_WHY_NOTNUM = 1, DU_WHY_WIDE, DU_WHY_SHORT };

struct du_match {
	enum du_status status;
	size_t start, end;     /* span in the logical line (end: where it stopped) */
	size_t progress;       /* template characters matched */
	unsigned nvals;
	uint64_t val[DU_VALS];
	size_t val_off[DU_VALS];
	enum du_why why;       /* DU_BADVALUE */
	size_t tok_off, tok_len;
	unsigned min_digits;
};

/* What a hook tells the engine. */
enum { DU_APPLY = 0, DU_DONE = 1 };

/* Templates by their first character, so that a line is matched against the
 * few that can fit it (a table holds at most DU_TAB_MAX templates). */
#define DU_WORDS 3
#define DU_TAB_MAX (64 * DU_WORDS)
struct du_index {
	uint64_t first[256][2][DU_WORDS];
	uint64_t loose[2][DU_WORDS];    /* starting with a blank, a value or '@' */
	uint64_t anywhere[2][DU_WORDS];
	uint64_t has_at[2][DU_WORDS];   /* with an explicit recognition point */
};

struct du_ctx;
typedef int (*du_hook)(struct du_ctx *c, const struct du_layout *l, const struct du_match *m);

struct du_ctx {
	struct du_cursor cur;
	const struct du_layout *tab[2];
	size_t ntab[2];
	du_hook hook;
	struct va_state *st;
	const char *file;
	struct va_error *err;
	struct va_import_notes *notes;

	unsigned section;      /* one du_section bit */
	int in_dump;           /* 0 none yet, 1 header seen, 2 in sections, 3 closed */
	unsigned dumps;        /* dumps begun */
	unsigned dump_line;    /* line where the first one begins */
	int reading;           /* fields are taken (the first dump only) */
	unsigned sections_seen;/* du_section bits of the first dump */

	unsigned cut, cut_line;          /* recognised lines that end early */
	unsigned odd, odd_line, odd_col; /* recognised lines with other text */
	unsigned fields_set;
	/* a line no template knows (reader-specific parsing), or NULL */
	int (*fallback)(struct du_ctx *c);
	struct du_index idx;
};

void du_ctx_init(struct du_ctx *c, struct va_state *st, const char *text, size_t len,
		 const char *file, struct va_error *err, struct va_import_notes *notes);

/* Read every logical line through the tables.  0, or -1 with err set. */
int du_run(struct du_ctx *c);

/* Set a field of the first dump; -1 with err set if the value does not fit. */
int du_set(struct du_ctx *c, enum va_field f, uint64_t v, size_t off);
/* Error at byte `off` of the current logical line; always -1. */
int du_fail(struct du_ctx *c, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Line number of byte `off` of the current logical line. */
unsigned du_line(const struct du_ctx *c, size_t off);

/*
 * Layouts KVM's dump_vmcs() and Xen's vmcs_dump_vcpu() share (KVM's dump
 * began as a copy of Xen's), and the actions they need.  Reader actions are
 * numbered from DU_ACT_READER up; a reader's hook passes smaller ones to
 * du_vmcs_action().
 */
enum {
	DU_ACT_SVI_RVI = 1,    /* "SVI|RVI = %02x|%02x": GUEST_INTR_STATUS halves */
	DU_ACT_CR3_TARGET,     /* "target%u=%016lx": CR3-target value n */
	DU_ACT_EFER_EFFECTIVE, /* KVM "EFER= ... (effective)" */
	DU_ACT_EFER_AUTOLOAD,  /* KVM "EFER= ... (autoload)" */
	DU_ACT_EFER_MSR_LL,    /* Xen "EFER(MSR LL) = ..." */
	DU_ACT_READER = 16,
};
extern const struct du_layout du_vmcs_common[];
extern const size_t du_vmcs_common_count;
int du_vmcs_action(struct du_ctx *c, const struct du_layout *l, const struct du_match *m);

/* Notes every dump reader owes: several dumps, cut lines, odd lines. */
void du_common_notes(struct du_ctx *c, const char *what);

/* A note when a dump's Guest, Host or Control State section (or the Control
 * State's tail) is missing: the audit of it is partial. `who`: "KVM", "Xen". */
void du_note_truncated(const struct du_ctx *c, const char *who);

/* ---- outcome ------------------------------------------------------------ */
/*
 * When a dump gives both a VM-instruction error and an exit reason, only one
 * of them is the outcome of the failed attempt: an exit reason with bit 31
 * (VM-entry failure) or, failing that, a non-zero VM-instruction error
 * (VMfailValid: the reason is then the stale one of an earlier exit).
 */
void du_settle_outcome(struct va_state *st, struct va_import_notes *notes, const char *who);

/* ---- detection ---------------------------------------------------------- */
/* Bit i set if markers[i] occurs in the text; one pass (at most 32 markers). */
uint32_t du_markers(const char *text, size_t len, const char *const *markers, unsigned n);

/*
 * KVM and Xen print nearly the same dump: score both from one marker scan so
 * that they stay comparable.  A fragment with nothing to tell them apart
 * scores the same for both (the importer then asks for --from).
 */
void du_vmcs_scores(const char *text, size_t len, int *kvm, int *xen);

/* ---- small text helpers ------------------------------------------------- */
static inline int du_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

static inline int du_alnum(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static inline int du_hexdigit(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

#endif
