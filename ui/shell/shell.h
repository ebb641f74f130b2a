/*
 * The shell's model: the state being edited, what it was loaded from, the
 * undo and redo stacks, the profiles in force and the status of the last
 * audit.  Commands (commands.c) act on it; the loop (loop.c) feeds it lines
 * from a terminal, a script or -c arguments.
 */
#ifndef VA_SHELL_H
#define VA_SHELL_H

#include <stdarg.h>
#include <stdio.h>

#include "../../auditor/engine/audit.h"
#include "../../auditor/input/complete.h"
#include "../../auditor/input/readers/reader.h"

/* Exit statuses, as `check` gives them. */
enum { VA_SHELL_OK = 0, VA_SHELL_FAILS = 1, VA_SHELL_BAD_INPUT = 2, VA_SHELL_INCONCLUSIVE = 3 };

/* Where lines come from.  next: 1 and a malloc'd line without its newline,
 * 0 at the end, -1 when the user cancelled the line (Ctrl-C). */
struct va_line_source {
	int (*next)(void *ctx, const char *prompt, char **line);
	void *ctx;
	unsigned line;                  /* lines read so far, for "script:LINE" */
};

/* Plain sources: lines of a stream (no prompt), or the -c arguments. */
struct va_plain_source {
	struct va_line_source src;
	FILE *in;
};
void va_plain_source_init(struct va_plain_source *p, FILE *in);
struct va_args_source {
	struct va_line_source src;
	char **lines;
	int count, next;
};
void va_args_source_init(struct va_args_source *a, char **lines, int count);

struct va_shell_snapshot {
	struct va_state st;
	unsigned pinned_msr, pinned_fact;
	char what[160];                 /* the command that changed it */
};

struct va_snapshot_stack {
	struct va_shell_snapshot *item;
	size_t count, cap;
};

struct va_shell {
	struct va_state st;             /* being edited */
	struct va_state base;           /* as loaded or last saved: diff, unsaved changes */
	/* [cpu] values the input gave (load, import, paste, set): a profile
	 * fills the others, as in `check` the input overrides every profile */
	unsigned pinned_msr, pinned_fact;
	int has_input;                  /* something was loaded, imported or pasted */
	char *path;                     /* the file loaded or saved, or NULL */
	int path_is_state;              /* that file is a state file (save may replace it) */
	char **profiles;                /* in force for load and diff FILE, in order */
	int nprofiles;
	struct va_snapshot_stack undo, redo;
	int status;                     /* of the last audit (VA_SHELL_*), else 0 */
	int interactive;                /* a person at a terminal: ask, do not refuse */
	int quit;
	const char *where;              /* "script:3", "-c 2", or NULL at a terminal */
	int color;
	FILE *out, *err;
	struct va_line_source more;     /* where paste reads its lines */
	/* a person's yes/no (terminal only); NULL: the answer is no */
	int (*confirm)(void *ctx, const char *question);
	void *confirm_ctx;
	struct va_report *report;       /* scratch for audits */
	struct va_import_notes *notes;
};

/* 0, or -1 on ENOMEM. */
int va_shell_init(struct va_shell *sh, FILE *out, FILE *err);
void va_shell_free(struct va_shell *sh);

/* Run one line: 0, or -1 after printing the error.  Sets sh->quit. */
int va_shell_exec(struct va_shell *sh, const char *line);

/*
 * Read and run lines until the end, quit, or (unless interactive) the
 * first error.  Returns the exit status: 2 after an error in a script,
 * otherwise the last audit's status, or 0.  `name` is "script" or "-c"
 * for error locations; NULL at a terminal.
 */
int va_shell_run(struct va_shell *sh, struct va_line_source *src, const char *name);

/* The exit status an audit's result (enum va_result) gives a script. */
int va_shell_exit_status(unsigned result);

/* Print "where: error: fmt" to sh->err (stdout flushed first). */
void va_shell_error(struct va_shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- the model (session.c) ---- */
int va_shell_dirty(const struct va_shell *sh);
/* What the command line set up is the starting point: nothing to undo or save. */
void va_shell_settle(struct va_shell *sh);
/* Replace everything with an input (a file, or "-" for standard input,
 * or text already read).  0, or -1 with the error printed. */
int va_shell_load(struct va_shell *sh, const char *path, const char *kind);
/* The same input read with the profiles in force into `into` (for diff). */
int va_shell_load_into(struct va_shell *sh, const char *path, const char *kind, struct va_state *into);
/* An input over the current state; `name` for messages. */
int va_shell_import_text(struct va_shell *sh, const char *text, size_t len, const char *name,
			 const char *kind);
int va_shell_add_profile(struct va_shell *sh, const char *spec);
/* A profile (built-in NAME or FILE) alone into a fresh `into`: 0, or -1
 * with the error printed (also when it holds no capability MSR or fact). */
int va_shell_read_profile(struct va_shell *sh, const char *spec, struct va_state *into);
/* Replace everything with a state built here (new), taking `st` over: a
 * new undo history, no file, every value unsaved.  `name` for the summary. */
void va_shell_adopt_new(struct va_shell *sh, struct va_state *st, const char *name);
/* "CMD: unsaved changes ..., or CMD! to drop them"; returns -1. */
int va_shell_refuse_unsaved(struct va_shell *sh, const char *cmd);
/* Only remember it for the loads to come. */
int va_shell_keep_profile(struct va_shell *sh, const char *spec);
int va_shell_save(struct va_shell *sh, const char *path, int force);
/* Undo support: begin before a change (0, or -1 on ENOMEM), then end it:
 * ok = 0 restores the state, ok = 1 keeps it (and drops the snapshot when
 * nothing changed).  Returns 1 if the state changed. */
int va_shell_begin(struct va_shell *sh, const char *what);
int va_shell_end(struct va_shell *sh, int ok);
int va_shell_undo(struct va_shell *sh, int redo);
/* Audit the current state into sh->report. */
void va_shell_audit(struct va_shell *sh);
/* "verdict: ..." after a change, with what it was before. */
void va_shell_print_verdict(struct va_shell *sh, const struct va_verdict *before);

/* ---- the command table (commands.c) ---- */
struct va_shell_command {
	struct va_complete_cmd spec;    /* name, argument kinds, words, options */
	const char *usage;              /* arguments, e.g. "FIELD VALUE|+BIT|-BIT..." */
	const char *summary;            /* one line */
	const char *help;               /* the rest, for help COMMAND and the man page */
	unsigned flags;
	int (*run)(struct va_shell *sh, int argc, char **argv, int bang);
	void (*more_help)(FILE *out);   /* lines help COMMAND adds (from other tables), or NULL */
};
enum { VA_SHELL_BANG = 1 };         /* NAME! exists (force) */

const struct va_shell_command *va_shell_commands(size_t *count);
void va_shell_write_help(FILE *out, const char *command);
/* The SHELL COMMANDS section of docs/vmcs-audit.1, from the table. */
void va_shell_write_man(FILE *out);
/* Completion over the command table. */
int va_shell_complete(const char *line, size_t cursor, struct va_completions *out);

/* Split a line into words: blanks separate, '...' and "..." quote, a word
 * starting with '#' starts a comment.  Returns the count (max words), or
 * -1 for an unterminated quote.  Words point into `buf` (a copy of line). */
int va_shell_split(const char *line, char *buf, size_t size, char **words, int max);

/* Command handlers (one file each area). */
int va_cmd_load(struct va_shell *, int, char **, int);
int va_cmd_import(struct va_shell *, int, char **, int);
int va_cmd_paste(struct va_shell *, int, char **, int);
int va_cmd_profile(struct va_shell *, int, char **, int);
int va_cmd_set(struct va_shell *, int, char **, int);
int va_cmd_unset(struct va_shell *, int, char **, int);
int va_cmd_mem(struct va_shell *, int, char **, int);
int va_cmd_get(struct va_shell *, int, char **, int);
int va_cmd_show(struct va_shell *, int, char **, int);
int va_cmd_audit(struct va_shell *, int, char **, int);
int va_cmd_explain(struct va_shell *, int, char **, int);
int va_cmd_why(struct va_shell *, int, char **, int);
int va_cmd_diff(struct va_shell *, int, char **, int);
int va_cmd_undo(struct va_shell *, int, char **, int);
int va_cmd_redo(struct va_shell *, int, char **, int);
int va_cmd_save(struct va_shell *, int, char **, int);
int va_cmd_new(struct va_shell *, int, char **, int);
int va_cmd_fix(struct va_shell *, int, char **, int);
int va_cmd_help(struct va_shell *, int, char **, int);
int va_cmd_quit(struct va_shell *, int, char **, int);
const char *va_show_section_at(size_t i);

#endif
