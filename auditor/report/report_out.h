/* Writers of an audit report: text for people, JSON for programs. */
#ifndef VA_REPORT_OUT_H
#define VA_REPORT_OUT_H

#include <stdio.h>

#include "../engine/audit.h"
#include "observed.h"
#include "../input/readers/reader.h"

struct va_text_style {
	int color;      /* ANSI colours (only on a terminal, never with NO_COLOR) */
	int verbose;    /* every not-evaluated rule, every likely cause, and the
			 * rules that pass or do not apply */
};

/* Where a dump starts in an input that holds several (a log of failures). */
struct va_dump_place {
	unsigned index;   /* 1-based; 0: the input was not read dump by dump */
	unsigned total;   /* dumps in the input; 0 when not known ahead (a pipe) */
	unsigned line;    /* the input line where the dump starts */
};

/* A place is shown when the input holds (or may hold) more than one dump:
 * "dump 2 of 3, line 120"; 1, or 0 when the report is about the whole input. */
int va_dump_place_shown(const struct va_dump_place *d);
/* "FILE (dump 2 of 3, line 120)", or FILE alone when no place is shown. */
void va_dump_label(char *buf, size_t size, const char *file, const struct va_dump_place *d);

/* What the report is about, beside the audit itself. */
struct va_report_input {
	const char *file;                      /* as the user named the input */
	struct va_dump_place dump;             /* which dump of it; zero: the input */
	const struct va_import_notes *notes;   /* assumptions, partial conversions; or NULL */
	const struct va_observed *observed;    /* what the dump says happened; or NULL */
	const struct va_state *state;          /* the audited state, to group what is
						* missing by dump section; or NULL */
};

/* The version of the `check --json` object (docs/json.md); a change that
 * removes or retypes a key raises it. */
#define VA_JSON_SCHEMA_VERSION 1

void va_write_report_text(FILE *out, const struct va_report_input *in, const struct va_report *r,
			  const struct va_text_style *style);

/* One JSON object on one line (the `check --json` contract). 0, or -1. */
int va_write_report_json(FILE *out, const struct va_report_input *in, const struct va_report *r);
/* The same object for an input (or one dump of it: dump may be NULL) that
 * cannot be read: every key present, "verdict" null, "error" {file, line,
 * column, message}.  0, or -1. */
int va_write_error_json(FILE *out, const char *file, const struct va_dump_place *dump,
			const struct va_error *err);

/* The rule table: JSON array of rule objects, or one line per rule. */
int va_write_rules_json(FILE *out);
void va_write_rules_text(FILE *out);
/* The same for the rules va_rule_matches(rule, filter) selects (NULL: all). */
int va_write_rules_json_matching(FILE *out, const char *filter);
void va_write_rules_text_matching(FILE *out, const char *filter);
/* One rule's line of `rules`: id, SDM section, stage, condition, flags. */
void va_write_rule_line(FILE *out, const struct va_rule *rule);
/* The rule table as Markdown (docs/rules.md is generated from this). */
void va_write_rules_markdown(FILE *out);
/* One rule in full. */
void va_write_rule_explain(FILE *out, const struct va_rule *rule);

#endif
