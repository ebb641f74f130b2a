/* fix: the mechanical repairs of `vmcs-audit fix` (auditor/input/fix.h) on
 * the state being edited, as one change that undo takes back. */
#include <stdlib.h>
#include <string.h>

#include "../../auditor/engine/repair.h"
#include "../../auditor/input/fix.h"
#include "../../auditor/input/state_file.h"
#include "../../auditor/input/state_merge.h"
#include "../../auditor/report/render.h"
#include "../commands.h"
#include "shell.h"

static int parse(struct va_shell *sh, int argc, char **argv, int *dry_run, int *rule)
{
	*dry_run = 0;
	*rule = -1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--dry-run")) {
			*dry_run = 1;
		} else if (a[0] == '-') {
			va_shell_error(sh, "fix: unknown option '%s' (help fix)", a);
			return -1;
		} else if (*rule >= 0) {
			va_shell_error(sh, "fix: one rule at a time");
			return -1;
		} else if ((*rule = va_rule_find(a)) < 0) {
			const char *near = va_nearest_rule(a, strlen(a));
			if (near)
				va_shell_error(sh, "fix: no rule '%s' (did you mean %s?)", a, near);
			else
				va_shell_error(sh, "fix: no rule '%s' (Tab lists the rules with a repair)", a);
			return -1;
		} else if (!va_rule_has_repair((unsigned)*rule)) {
			va_shell_error(sh, "fix: %s has no mechanical repair: it needs a decision "
				       "(explain %s)", va_rule_at((unsigned)*rule)->id, va_rule_at((unsigned)*rule)->id);
			return -1;
		}
	}
	return 0;
}

/* Why the repair of one rule changed nothing. */
static void why_unchanged(struct va_shell *sh, unsigned rule, const struct va_fix_log *log)
{
	const char *id = va_rule_at(rule)->id;
	const struct va_fix_refusal *ref = va_fix_refusal_of(log, rule);
	va_shell_audit(sh);
	unsigned status = sh->report->status[rule];
	if (ref && ref->broke >= 0)
		fprintf(sh->out, "%s: repair refused: it would make %s %s\n", id,
			va_rule_at((unsigned)ref->broke)->id,
			ref->undecided ? "undecidable (it would need input not given)" : "fail");
	else if (status != VA_FAIL && status != VA_UNKNOWN)
		fprintf(sh->out, "%s does not fail: nothing to repair\n", id);
	else
		fprintf(sh->out, "%s: its repair changes nothing here (explain %s)\n", id, id);
}

/* Repair `st`: every rule (rule < 0) or one.  Changes in `log`, the audit
 * of the result in sh->report.  0, or -1 out of memory. */
static int repair(struct va_shell *sh, struct va_state *st, int rule, struct va_fix_log *log)
{
	va_fix_log_init(log);
	if (rule < 0)
		return va_fix_run(st, log, sh->report) < 0 ? -1 : 0;
	if (va_fix_rule(st, (unsigned)rule, log) < 0)
		return -1;
	va_audit(st, sh->report);
	return 0;
}

int va_cmd_fix(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	int dry_run, rule;
	if (parse(sh, argc, argv, &dry_run, &rule))
		return -1;
	struct va_fix_log *log = malloc(sizeof *log);
	struct va_state *copy = malloc(sizeof *copy);
	int rc = -1;
	if (!log || !copy) {
		va_shell_error(sh, "out of memory");
		goto out;
	}
	va_shell_audit(sh);
	struct va_verdict before = sh->report->verdict;
	char what[160];
	snprintf(what, sizeof what, "fix%s%s", rule >= 0 ? " " : "",
		 rule >= 0 ? va_rule_at((unsigned)rule)->id : "");
	unsigned dropped = 0;
	va_state_init(copy);
	if (dry_run) {
		if (va_state_copy(copy, &sh->st) || repair(sh, copy, rule, log)) {
			va_shell_error(sh, "out of memory");
			goto out;
		}
	} else {
		if (va_shell_begin(sh, what))
			goto out;
		int ok = repair(sh, &sh->st, rule, log) == 0;
		if (ok && log->n_changes)
			dropped = va_fix_drop_exit_info(&sh->st);
		va_shell_end(sh, ok);
		if (!ok) {
			va_shell_error(sh, "out of memory");
			goto out;
		}
	}
	va_write_fix_changes(sh->out, log);
	if (rule >= 0 && !log->n_changes)
		why_unchanged(sh, (unsigned)rule, log);
	if (rule < 0) {
		va_write_fix_left(sh->out, log, sh->report, "");
		va_write_fix_unknowns(sh->out, sh->report, &sh->st, "");
	}
	char now[96], was[96];
	va_render_verdict_short(&before, was, sizeof was);
	if (dry_run) {
		va_render_verdict_short(&sh->report->verdict, now, sizeof now);
		fprintf(sh->out, "dry run: %u change%s not made; the verdict would be %s (it is %s)\n",
			log->n_changes, log->n_changes == 1 ? "" : "s", now, was);
	} else {
		fprintf(sh->out, "%u change%s%s\n", log->n_changes, log->n_changes == 1 ? "" : "s",
			!log->n_changes ? "" : log->n_changes == 1 ? " (undo takes it back)" : " (undo takes them back)");
		if (dropped)
			fprintf(sh->out, "dropped %u exit-information field%s: the outcome of the attempt "
				"before the repair\n", dropped, dropped == 1 ? "" : "s");
		va_shell_print_verdict(sh, &before);
	}
	rc = 0;
out:
	if (copy)
		va_state_release(copy);
	free(copy);
	free(log);
	return rc;
}
