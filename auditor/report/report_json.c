/* JSON through jansson: escaping and structure by a well-kept library. */
#include "report_out.h"

#include <jansson.h>

#include "missing.h"
#include "render.h"
#include "rule_match.h"

static json_t *fields_array(const struct va_rule *rule)
{
	json_t *a = json_array();
	for (unsigned k = 0; k < VA_RULE_MAX_FIELDS && rule->fields[k]; k++)
		json_array_append_new(a, json_string(va_field_name((enum va_field)rule->fields[k])));
	return a;
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *msr_entry_json(const struct va_finding *f)
{
	return f->msr_index ? json_integer(f->msr_index) : json_null();
}

static void put_rule_keys(json_t *o, const struct va_rule *rule)
{
	char cur[32];
	va_sdm_current(rule->sdm, cur, sizeof cur);
	json_object_set_new(o, "id", json_string(rule->id));
	json_object_set_new(o, "sdm", json_string(rule->sdm));
	json_object_set_new(o, "sdm_current", json_string(cur));
	json_object_set_new(o, "stage", json_string(va_stage_name(rule->stage)));
}

/* A failure or a warning; ev: the operands to render the message with. */
static json_t *finding_json(const struct va_finding *f, const struct va_eval *ev)
{
	const struct va_rule *rule = va_rule_at(f->rule);
	char msg[768];
	json_t *o = json_object();
	put_rule_keys(o, rule);
	json_object_set_new(o, "reached", json_boolean(f->reached));
	va_render_message(rule, ev, msg, sizeof msg);
	json_object_set_new(o, "message", json_string(msg));
	json_object_set_new(o, "fields", fields_array(rule));
	json_object_set_new(o, "msr_entry", msr_entry_json(f));
	json_object_set_new(o, "hint", string_or_null(va_rule_hint(rule, ev)));
	json_object_set_new(o, "unconfirmed", json_boolean(rule->flags & (VA_RULE_UNCONFIRMED | VA_RULE_CANDIDATE)));
	return o;
}

static json_t *unknown_json(const struct va_finding *f)
{
	const struct va_rule *rule = va_rule_at(f->rule);
	char msg[768];
	json_t *o = json_object();
	put_rule_keys(o, rule);
	va_render_unknown(f, msg, sizeof msg);
	json_object_set_new(o, "reason", json_string(msg));
	json_object_set_new(o, "msr_entry", msr_entry_json(f));
	return o;
}

static json_t *suspect_json(const struct va_report *r, const struct va_suspect *sp)
{
	const struct va_finding *f = &r->findings[sp->finding];
	json_t *o = finding_json(f, &sp->eval);
	enum va_assumption a = (enum va_assumption)sp->assumption;
	char lead[256], msg[1024];
	va_render_suspect(r, sp, lead, sizeof lead, msg, sizeof msg);
	json_object_set_new(o, "message", json_string(msg));
	if (!sp->fails)
		json_object_set_new(o, "hint", string_or_null(va_rule_hint(va_rule_at(f->rule), NULL)));
	json_object_set_new(o, "fails", json_boolean(sp->fails));
	json_object_set_new(o, "assumption", string_or_null(va_assumption_text(a)));
	json_object_set_new(o, "assumption_id", json_string(va_assumption_name(a)));
	json_object_set_new(o, "explains_observed", json_boolean(sp->explains_observed));
	return o;
}

static json_t *int_array(unsigned bits, unsigned count)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < count; i++)
		if ((bits >> i) & 1)
			json_array_append_new(a, json_integer(i));
	return a;
}

static json_t *verdict_json(const struct va_report *r)
{
	const struct va_verdict *v = &r->verdict;
	char buf[512];
	json_t *o = json_object();
	int vmfail = v->result == VA_RESULT_VMFAIL_VALID, failure = v->result == VA_RESULT_ENTRY_FAILURE;
	json_object_set_new(o, "result", json_string(va_result_name((enum va_result)v->result)));
	va_render_verdict_short(v, buf, sizeof buf);
	json_object_set_new(o, "summary", json_string(buf));
	va_render_headline(r, buf, sizeof buf);
	json_object_set_new(o, "sentence", json_string(buf));
	json_object_set_new(o, "vm_instruction_error", vmfail ? json_integer(v->vm_instruction_error) : json_null());
	unsigned also = 0;
	if (vmfail && (v->notes & VA_NOTE_ERROR8_POSSIBLE))
		also |= 1u << 8;
	if (vmfail && (v->notes & VA_NOTE_ERROR7_POSSIBLE))
		also |= 1u << 7;
	json_object_set_new(o, "also_possible", int_array(also, 9));
	json_object_set_new(o, "exit_reason", failure || v->result == VA_RESULT_VMEXIT
						       ? json_integer(v->exit_reason) : json_null());
	json_object_set_new(o, "exit_qualification",
			    failure ? json_integer((json_int_t)v->exit_qualification) : json_null());
	json_object_set_new(o, "qualification_also_possible",
			    int_array(failure && (v->notes & VA_NOTE_QUAL_VARIES) ? v->other_qualifications : 0, 8));
	json_object_set_new(o, "conditional", json_boolean(v->notes & VA_NOTE_CONDITIONAL));
	json_object_set_new(o, "unconfirmed", json_boolean(v->notes & VA_NOTE_UNCONFIRMED));
	return o;
}

static json_t *observed_json(const struct va_observed *o)
{
	json_t *j = json_object();
	int vmfail = o->kind == VA_OBSERVED_VMFAIL;
	json_object_set_new(j, "result", json_string(vmfail ? "vmfail_valid" : "entry_failure"));
	json_object_set_new(j, "vm_instruction_error", vmfail ? json_integer(o->vm_instruction_error) : json_null());
	json_object_set_new(j, "exit_reason", vmfail ? json_null() : json_integer(o->exit_reason));
	json_object_set_new(j, "exit_qualification", !vmfail && o->qualification_known
							     ? json_integer((json_int_t)o->qualification)
							     : json_null());
	json_object_set_new(j, "consistent", json_boolean(o->consistent));
	json_object_set_new(j, "explained", json_boolean(!o->unexplained));
	json_object_set_new(j, "recorded", json_boolean(o->recorded));
	json_object_set_new(j, "sentence", json_string(o->sentence));
	return j;
}

static json_t *missing_json(const struct va_report_input *in, const struct va_report *r)
{
	struct va_missing groups[VA_MISSING_MAX];
	unsigned n = va_group_missing(r, in->state, groups, VA_MISSING_MAX);
	json_t *a = json_array();
	for (unsigned g = 0; g < n; g++) {
		char what[256], how[256];
		json_t *o = json_object(), *ids = json_array();
		va_render_missing(&groups[g], r, what, sizeof what, how, sizeof how);
		json_object_set_new(o, "kind", json_string(va_missing_kind_name((enum va_missing_kind)groups[g].kind)));
		json_object_set_new(o, "missing", json_string(what));
		json_object_set_new(o, "how", json_string(how));
		json_object_set_new(o, "rules", json_integer(groups[g].rules));
		unsigned last = UINT16_MAX;
		for (unsigned i = groups[g].first; i < r->n_findings; i++) {
			const struct va_finding *f = &r->findings[i];
			struct va_missing key;
			if (f->status != VA_UNKNOWN || f->rule == last)
				continue;
			va_missing_key(f, in->state, &key);
			if (!va_missing_same(&key, &groups[g]))
				continue;
			json_array_append_new(ids, json_string(va_rule_at(f->rule)->id));
			last = f->rule;
		}
		json_object_set_new(o, "ids", ids);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *counts_json(const struct va_report *r)
{
	return json_pack("{s:i, s:i, s:i, s:i, s:i, s:i}", "rules", (int)r->rule_count,
			 "failed", (int)r->count[VA_FAIL], "warned", (int)r->count[VA_WARN],
			 "not_evaluated", (int)r->count[VA_UNKNOWN], "passed", (int)r->count[VA_PASS],
			 "not_applicable", (int)r->count[VA_NOT_APPLICABLE]);
}

static void append_note(void *arg, const char *line)
{
	json_array_append_new(arg, json_string(line));
}

/* The text report's "About the input", line for line. */
static json_t *notes_json(const struct va_report_input *in, const struct va_report *r)
{
	json_t *a = json_array();
	for (unsigned i = 0; in->notes && i < in->notes->count; i++)
		append_note(a, in->notes->text[i]);
	va_render_about_caps(r, in->state, append_note, a);
	return a;
}

/* Which dump of the input, when it holds several or may (standard input
 * is not counted ahead: its first dump has a place too); else null. */
static json_t *dump_json(const struct va_dump_place *d)
{
	if (!d || !d->index || d->total == 1)
		return json_null();
	return json_pack("{s:i, s:o, s:i}", "index", (json_int_t)d->index, "of",
			 d->total ? json_integer(d->total) : json_null(), "line", (json_int_t)d->line);
}

/* Every key of the contract, in its order, with its empty value. */
static json_t *empty_object(const char *file, const struct va_dump_place *dump)
{
	json_t *root = json_object();
	json_object_set_new(root, "schema_version", json_integer(VA_JSON_SCHEMA_VERSION));
	json_object_set_new(root, "file", json_string(file));
	json_object_set_new(root, "dump", dump_json(dump));
	json_object_set_new(root, "error", json_null());
	json_object_set_new(root, "verdict", json_null());
	json_object_set_new(root, "observed", json_null());
	json_object_set_new(root, "failures", json_array());
	json_object_set_new(root, "suspects", json_array());
	json_object_set_new(root, "warnings", json_array());
	json_object_set_new(root, "not_evaluated", json_array());
	json_object_set_new(root, "unknown", json_array());
	json_object_set_new(root, "notes", json_array());
	json_object_set_new(root, "truncated", json_false());
	json_object_set_new(root, "counts", json_null());
	return root;
}

static int dump_line(FILE *out, json_t *root)
{
	int rc = json_dumpf(root, out, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	return rc;
}

int va_write_report_json(FILE *out, const struct va_report_input *in, const struct va_report *r)
{
	json_t *root = empty_object(in->file, &in->dump);
	json_t *failures = json_object_get(root, "failures"), *warnings = json_object_get(root, "warnings");
	json_t *unknown = json_object_get(root, "unknown"), *suspects = json_object_get(root, "suspects");
	json_object_set_new(root, "verdict", verdict_json(r));
	if (in->observed && in->observed->kind != VA_OBSERVED_NONE)
		json_object_set_new(root, "observed", observed_json(in->observed));
	for (unsigned i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status == VA_FAIL)
			json_array_append_new(failures, finding_json(f, &f->eval));
		else if (f->status == VA_WARN)
			json_array_append_new(warnings, finding_json(f, &f->eval));
		else if (f->status == VA_UNKNOWN)
			json_array_append_new(unknown, unknown_json(f));
	}
	for (unsigned i = 0; i < r->n_suspects && i < VA_MAX_SUSPECTS; i++)
		if (r->suspects[i].finding < r->n_findings)
			json_array_append_new(suspects, suspect_json(r, &r->suspects[i]));
	json_object_set_new(root, "not_evaluated", missing_json(in, r));
	json_object_set_new(root, "notes", notes_json(in, r));
	json_object_set_new(root, "truncated", json_boolean(r->truncated));
	json_object_set_new(root, "counts", counts_json(r));
	return dump_line(out, root);
}

int va_write_error_json(FILE *out, const char *file, const struct va_dump_place *dump,
			const struct va_error *err)
{
	json_t *root = empty_object(file, dump);
	json_object_set_new(root, "error",
			    json_pack("{s:s, s:o, s:o, s:s}", "file", err->file ? err->file : file, "line",
				      err->line ? json_integer(err->line) : json_null(), "column",
				      err->column ? json_integer(err->column) : json_null(), "message",
				      err->message));
	return dump_line(out, root);
}

int va_write_rules_json(FILE *out)
{
	return va_write_rules_json_matching(out, NULL);
}

int va_write_rules_json_matching(FILE *out, const char *filter)
{
	json_t *a = json_array();
	unsigned n = va_rule_count();
	for (unsigned i = 0; i < n; i++) {
		const struct va_rule *rule = va_rule_at(i);
		if (!va_rule_matches(rule, filter))
			continue;
		char cur[32], buf[512];
		json_t *o = json_object(), *flags = json_array(), *needs = json_array();
		va_sdm_current(rule->sdm, cur, sizeof cur);
		json_object_set_new(o, "id", json_string(rule->id));
		json_object_set_new(o, "sdm", json_string(rule->sdm));
		json_object_set_new(o, "sdm_current", json_string(cur));
		json_object_set_new(o, "stage", json_string(va_stage_name(rule->stage)));
		json_object_set_new(o, "summary", json_string(rule->summary));
		va_render_applies(rule, buf, sizeof buf);
		json_object_set_new(o, "applies", json_string(buf));
		json_object_set_new(o, "outcome", json_string(va_outcome_text(rule, buf, sizeof buf)));
		json_object_set_new(o, "fields", fields_array(rule));
		for (unsigned b = 0; b < VA_NEED_COUNT; b++)
			if ((rule->needs >> b) & 1)
				json_array_append_new(needs, json_string(va_need_text((enum va_need_bit)b)));
		json_object_set_new(o, "needs", needs);
		if (rule->flags & VA_RULE_ADVISORY)
			json_array_append_new(flags, json_string("advisory"));
		if (rule->flags & VA_RULE_UNCONFIRMED)
			json_array_append_new(flags, json_string("unconfirmed"));
		if (rule->flags & VA_RULE_CANDIDATE)
			json_array_append_new(flags, json_string("candidate"));
		if (rule->flags & VA_RULE_PER_MSR_ENTRY)
			json_array_append_new(flags, json_string("per_msr_entry"));
		json_object_set_new(o, "flags", flags);
		json_array_append_new(a, o);
	}
	int rc = json_dumpf(a, out, JSON_INDENT(1) | JSON_ENSURE_ASCII);
	fputc('\n', out);
	json_decref(a);
	return rc;
}
