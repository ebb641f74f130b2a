#include <stdlib.h>
#include <string.h>

#include "fix.h"
#include "../engine/repair.h"

void va_fix_log_init(struct va_fix_log *log)
{
	log->n_changes = 0;
	log->n_refused = 0;
	log->truncated = 0;
}

const struct va_fix_refusal *va_fix_refusal_of(const struct va_fix_log *log, unsigned rule)
{
	for (unsigned i = log->n_refused; i-- > 0;)
		if (log->refused[i].rule == rule)
			return &log->refused[i];
	return NULL;
}

static void refuse(struct va_fix_log *log, unsigned rule, int broke, bool undecided)
{
	for (unsigned i = 0; i < log->n_refused; i++) {
		if (log->refused[i].rule == rule) {
			log->refused[i].broke = (int16_t)broke;
			log->refused[i].undecided = undecided;
			return;
		}
	}
	if (log->n_refused >= VA_FIX_MAX_REFUSED) {
		log->truncated = 1;
		return;
	}
	log->refused[log->n_refused++] = (struct va_fix_refusal){ (uint16_t)rule, (int16_t)broke, undecided };
}

static void forget_refusal(struct va_fix_log *log, unsigned rule)
{
	for (unsigned i = 0; i < log->n_refused; i++) {
		if (log->refused[i].rule == rule) {
			log->refused[i] = log->refused[--log->n_refused];
			return;
		}
	}
}

static void record_changes(const struct va_state *before, const struct va_state *after,
			   unsigned rule, struct va_fix_log *log)
{
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (before->field[f] == after->field[f] && before->presence[f] == after->presence[f])
			continue;
		if (log->n_changes >= VA_FIX_MAX_CHANGES) {
			log->truncated = 1;
			return;
		}
		log->changes[log->n_changes++] = (struct va_fix_change){
			.rule = (uint16_t)rule, .field = (uint16_t)f,
			.before = before->field[f], .after = after->field[f],
			.was_present = before->presence[f],
		};
	}
}

/*
 * Whether the trial keeps every promise: the repaired rule now holds (or
 * does not apply),
 * and no rule fails, or becomes undecidable, that did not before.  -1 if
 * kept, else the index of the rule it breaks (or of the repaired rule).
 */
static int verdict_of_trial(const struct va_report *before, const struct va_report *after,
			    unsigned rule)
{
	for (unsigned j = 0; j < after->rule_count; j++) {
		bool now_bad = after->status[j] == VA_FAIL || after->status[j] == VA_UNKNOWN;
		if (now_bad && before->status[j] != after->status[j] && before->status[j] != VA_FAIL)
			return (int)j;
	}
	return after->status[rule] == VA_FAIL || after->status[rule] == VA_UNKNOWN ? (int)rule : -1;
}

/* Try the repairs of the failing rules in SDM order (only `only` if >= 0). */
static int step(struct va_state *st, struct va_fix_log *log, int only)
{
	struct va_report *before = malloc(sizeof *before);
	struct va_report *after = malloc(sizeof *after);
	struct va_state *trial = malloc(sizeof *trial);
	int rc = -1;
	if (!before || !after || !trial)
		goto out;
	rc = 0;
	va_audit(st, before);
	for (unsigned k = 0; k < before->n_findings && !rc; k++) {
		const struct va_finding *f = &before->findings[k];
		if (!va_finding_repairable(f) || (only >= 0 && f->rule != (unsigned)only) ||
		    !va_rule_has_repair(f->rule))
			continue;
		/* The trial shares st's memory array: repairs change fields only. */
		*trial = *st;
		if (!va_repair_finding(trial, f))
			continue;
		va_audit(trial, after);
		int broke = verdict_of_trial(before, after, f->rule);
		if (broke >= 0) {
			refuse(log, f->rule, broke == (int)f->rule ? -1 : broke,
			       after->status[broke] == VA_UNKNOWN);
			continue;
		}
		record_changes(st, trial, f->rule, log);
		forget_refusal(log, f->rule);
		*st = *trial;
		rc = 1;
	}
out:
	free(before);
	free(after);
	free(trial);
	return rc;
}

int va_fix_step(struct va_state *st, struct va_fix_log *log)
{
	return step(st, log, -1);
}

int va_fix_rule(struct va_state *st, unsigned rule, struct va_fix_log *log)
{
	return step(st, log, (int)rule);
}

int va_fix_run(struct va_state *st, struct va_fix_log *log, struct va_report *final)
{
	int applied = 0;
	struct va_report *rep = final ? final : malloc(sizeof *rep);
	if (!rep)
		return -1;
	/* Each kept repair removes a failure and adds none: the loop ends
	 * within one step per rule, and the bound only guards that promise. */
	for (unsigned round = 0; round < 4 * VA_MAX_RULES; round++) {
		int rc = va_fix_step(st, log);
		if (rc < 0) {
			applied = -1;
			break;
		}
		if (rc == 0)
			break;
		applied++;
	}
	if (applied >= 0)
		va_audit(st, rep);
	if (!final)
		free(rep);
	return applied;
}
