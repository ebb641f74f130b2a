/* vmcs-audit fix: repeat audit + repair, print each change, then what
 * needs a human decision; save atomically, never over the input unless
 * asked to. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../auditor/engine/repair.h"
#include "../auditor/input/fix.h"
#include "../auditor/input/load.h"
#include "../auditor/input/state_file.h"
#include "../auditor/input/state_save.h"
#include "../auditor/report/missing.h"
#include "../auditor/report/render.h"
#include "commands.h"

struct fix_options {
	struct va_load_options load;
	const char *input, *output;
	int dry_run, json, in_place, force;
};

static int parse(int argc, char **argv, struct fix_options *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--dry-run")) {
			o->dry_run = 1;
		} else if (!strcmp(a, "--json")) {
			o->json = 1;
		} else if (!strcmp(a, "--in-place")) {
			o->in_place = 1;
		} else if (!strcmp(a, "--force")) {
			o->force = 1;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--profile") || !strcmp(a, "--from")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "vmcs-audit: fix: %s needs a value\n", a);
				return -1;
			}
			const char *v = argv[++i];
			if (!strcmp(a, "-o"))
				o->output = v;
			else if (!strcmp(a, "--from"))
				o->load.kind = v;
			else
				o->load.profiles[o->load.profile_count++] = v;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "vmcs-audit: fix: unknown option '%s'\n", a);
			return -1;
		} else if (o->input) {
			fprintf(stderr, "vmcs-audit: fix: one input at a time\n");
			return -1;
		} else {
			o->input = a;
		}
	}
	if (!o->input) {
		fprintf(stderr, "vmcs-audit: fix: name the state file to repair\n");
		return -1;
	}
	if (o->in_place && (o->output || !strcmp(o->input, "-"))) {
		fprintf(stderr, "vmcs-audit: fix: --in-place writes the input file: no -o, no stdin\n");
		return -1;
	}
	if (o->output && !strcmp(o->output, o->input) && !o->in_place) {
		fprintf(stderr, "vmcs-audit: fix: -o names the input; use --in-place to replace it\n");
		return -1;
	}
	return 0;
}

static void field_value(char *buf, size_t n, enum va_field f, uint64_t v, int present)
{
	if (present == VA_ABSENT)
		snprintf(buf, n, "?");
	else
		snprintf(buf, n, "0x%" PRIx64, v);
	(void)f;
}

/* Failures left: each with its message and why it was not repaired. */
static void why_left(const struct va_fix_log *log, const struct va_finding *f, char *buf, size_t n)
{
	unsigned rule = f->rule;
	const char *hint = va_rule_hint(va_rule_at(rule), &f->eval);
	const struct va_fix_refusal *ref = va_fix_refusal_of(log, rule);
	if (!va_rule_has_repair(rule))
		snprintf(buf, n, "no mechanical repair: %s", hint ? hint : "the value is the VMM's decision");
	else if (ref && ref->broke >= 0)
		snprintf(buf, n, "repair refused: it would make %s %s", va_rule_at((unsigned)ref->broke)->id,
			 ref->undecided ? "undecidable (it would need input not given)" : "fail");
	else
		snprintf(buf, n, "no mechanical repair here: %s", hint ? hint : "the value is the VMM's decision");
}

/* The changes, one a line: FIELD BEFORE -> AFTER  RULE. */
void va_write_fix_changes(FILE *out, const struct va_fix_log *log)
{
	for (unsigned i = 0; i < log->n_changes; i++) {
		const struct va_fix_change *c = &log->changes[i];
		char before[24], after[24];
		field_value(before, sizeof before, (enum va_field)c->field, c->before, c->was_present);
		field_value(after, sizeof after, (enum va_field)c->field, c->after, VA_SET);
		fprintf(out, "%s %s -> %s  %s\n", va_field_name((enum va_field)c->field), before, after,
			va_rule_at(c->rule)->id);
	}
}

unsigned va_write_fix_left(FILE *out, const struct va_fix_log *log, const struct va_report *rep,
			   const char *sep)
{
	unsigned left = 0;
	for (unsigned k = 0; k < rep->n_findings; k++) {
		const struct va_finding *f = &rep->findings[k];
		if (f->status != VA_FAIL)
			continue;
		if (!left++)
			fprintf(out, "%sNeeds a decision:\n", sep);
		char msg[1024], why[800];
		va_render_message(va_rule_at(f->rule), &f->eval, msg, sizeof msg);
		why_left(log, f, why, sizeof why);
		fprintf(out, "  %s (SDM %s): %s\n    %s\n", va_rule_at(f->rule)->id, va_rule_at(f->rule)->sdm,
			msg, why);
	}
	return left;
}

static void write_text(const struct fix_options *o, const struct va_fix_log *log,
		       const struct va_report *rep, const struct va_state *st)
{
	va_write_fix_changes(stdout, log);
	char verdict[160];
	va_render_verdict_short(&rep->verdict, verdict, sizeof verdict);
	printf("%s%u change%s; %s: %s\n", log->n_changes ? "\n" : "", log->n_changes,
	       log->n_changes == 1 ? "" : "s", strcmp(o->input, "-") ? o->input : "<stdin>", verdict);
	va_write_fix_left(stdout, log, rep, "\n");
	va_write_fix_unknowns(stdout, rep, st, "\n");
}

/* Rules not evaluated, by what is missing: the report's groups and words. */
void va_write_fix_unknowns(FILE *out, const struct va_report *rep, const struct va_state *st,
			   const char *sep)
{
	struct va_missing groups[VA_MISSING_MAX];
	unsigned n = va_group_missing(rep, st, groups, VA_MISSING_MAX);
	if (!n)
		return;
	fprintf(out, "%sNot evaluated (%u rule%s): give the missing input to decide them\n", sep,
		rep->count[VA_UNKNOWN], rep->count[VA_UNKNOWN] == 1 ? "" : "s");
	for (unsigned g = 0; g < n; g++) {
		char what[256], how[256];
		va_render_missing(&groups[g], rep, what, sizeof what, how, sizeof how);
		fprintf(out, "  %s: %u rule%s \xe2\x80\x94 %s\n", what, groups[g].rules,
			groups[g].rules == 1 ? "" : "s", how);
	}
}

/* The exit-information fields record what the CPU did with the state
 * before the repair: the repaired state has no outcome yet. */
unsigned va_fix_drop_exit_info(struct va_state *st)
{
	unsigned dropped = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (va_field_area((enum va_field)f) != VA_AREA_EXIT_INFO || st->presence[f] == VA_UNSET)
			continue;
		if (st->presence[f] == VA_ABSENT && st->absent_count)
			st->absent_count--;
		dropped += st->presence[f] == VA_SET;
		st->presence[f] = VA_UNSET;
		st->field[f] = 0;
	}
	return dropped;
}

static int write_json(const struct fix_options *o, const struct va_fix_log *log,
		      const struct va_report *rep)
{
	json_t *root = json_object(), *changes = json_array(), *left = json_array();
	char buf[1024];
	for (unsigned i = 0; i < log->n_changes; i++) {
		const struct va_fix_change *c = &log->changes[i];
		json_t *j = json_object();
		json_object_set_new(j, "field", json_string(va_field_name((enum va_field)c->field)));
		snprintf(buf, sizeof buf, "0x%" PRIx64, c->before);
		json_object_set_new(j, "before", c->was_present == VA_ABSENT ? json_null() : json_string(buf));
		snprintf(buf, sizeof buf, "0x%" PRIx64, c->after);
		json_object_set_new(j, "after", json_string(buf));
		json_object_set_new(j, "rule", json_string(va_rule_at(c->rule)->id));
		json_array_append_new(changes, j);
	}
	for (unsigned k = 0; k < rep->n_findings; k++) {
		const struct va_finding *f = &rep->findings[k];
		if (f->status != VA_FAIL && f->status != VA_UNKNOWN)
			continue;
		json_t *j = json_object();
		json_object_set_new(j, "rule", json_string(va_rule_at(f->rule)->id));
		json_object_set_new(j, "status", json_string(f->status == VA_FAIL ? "fail" : "unknown"));
		if (f->status == VA_FAIL)
			va_render_message(va_rule_at(f->rule), &f->eval, buf, sizeof buf);
		else
			va_render_unknown(f, buf, sizeof buf);
		json_object_set_new(j, "message", json_string(buf));
		if (f->status == VA_FAIL) {
			char why[800];
			why_left(log, f, why, sizeof why);
			json_object_set_new(j, "why", json_string(why));
		}
		json_array_append_new(left, j);
	}
	json_object_set_new(root, "input", json_string(o->input));
	json_object_set_new(root, "changes", changes);
	va_render_verdict_short(&rep->verdict, buf, sizeof buf);
	json_object_set_new(root, "result", json_string(buf));
	json_object_set_new(root, "success", json_boolean(rep->verdict.result == VA_RESULT_SUCCESS));
	json_object_set_new(root, "needs_decision", left);
	int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(root);
	return rc;
}

int cmd_fix(int argc, char **argv)
{
	struct fix_options o;
	memset(&o, 0, sizeof o);
	o.load.profiles = calloc((size_t)argc + 1, sizeof *o.load.profiles);
	struct va_state *st = malloc(sizeof *st);
	struct va_report *rep = malloc(sizeof *rep);
	struct va_fix_log *log = malloc(sizeof *log);
	int rc = 2;
	if (!o.load.profiles || !st || !rep || !log)
		goto out;
	if (parse(argc, argv, &o)) {
		fprintf(stderr, "Try 'vmcs-audit --help'.\n");
		goto out;
	}
	struct va_error err = { 0 };
	struct va_import_notes notes;
	va_state_init(st);
	if (va_load(st, o.input, &o.load, &notes, &err)) {
		if (err.line)
			fprintf(stderr, "%s:%u:%u: error: %s\n", err.file ? err.file : o.input, err.line,
				err.column, err.message);
		else
			fprintf(stderr, "%s: error: %s\n", err.file ? err.file : o.input, err.message);
		va_state_release(st);
		goto out;
	}
	va_fix_log_init(log);
	if (va_fix_run(st, log, rep) < 0) {
		fprintf(stderr, "vmcs-audit: fix: out of memory\n");
		va_state_release(st);
		goto out;
	}
	if (o.json)
		write_json(&o, log, rep);
	else
		write_text(&o, log, rep, st);
	/* the statuses of check: 0 enters, 1 fails, 3 inconclusive */
	rc = rep->verdict.result == VA_RESULT_SUCCESS ? 0 : rep->verdict.result == VA_RESULT_INCONCLUSIVE ? 3 : 1;
	const char *target = o.in_place ? o.input : o.output;
	if (target && !o.dry_run && log->n_changes) {
		unsigned dropped = va_fix_drop_exit_info(st);
		if (dropped && !o.json)
			printf("\nnot saved: %u exit-information field%s (the outcome of the attempt before "
			       "the repair)\n", dropped, dropped == 1 ? "" : "s");
	}
	if (target && !o.dry_run) {
		struct va_error serr = { 0 };
		enum va_save_mode mode = o.in_place || o.force ? VA_SAVE_REPLACE : VA_SAVE_NEW;
		if (va_state_save(target, st, mode, &serr)) {
			fprintf(stderr, "vmcs-audit: fix: %s: %s%s\n", target, serr.message,
				mode == VA_SAVE_NEW ? "; choose another name or add --force" : "");
			rc = 2;
		} else if (!o.json) {
			printf("\nwritten: %s\n", target);
		}
	} else if (!target && !o.dry_run && !o.json && log->n_changes) {
		printf("\nnothing written: add -o OUT or --in-place to save the repaired state\n");
	}
	va_state_release(st);
out:
	free(o.load.profiles);
	free(st);
	free(rep);
	free(log);
	return rc;
}
