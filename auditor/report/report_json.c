/* JSON through jansson: escaping and structure by a well-kept library. */
#include "report_out.h"

#include <jansson.h>

#include "render.h"

static json_t *fields_array(const struct va_rule *rule)
{
	json_t *a = json_array();
	for (unsigned k = 0; k < VA_RULE_MAX_FIELDS && rule->fields[k]; k++)
		json_array_append_new(a, json_string(va_field_name((enum va_field)rule->fields[k])));
	return a;
}

static json_t *finding_json(const struct va_finding *f, int with_message)
{
	const struct va_rule *rule = va_rule_at(f->rule);
	char msg[768], cur[32];
	json_t *o = json_object();
	va_sdm_current(rule->sdm, cur, sizeof cur);
	json_object_set_new(o, "id", json_string(rule->id));
	json_object_set_new(o, "sdm", json_string(rule->sdm));
	json_object_set_new(o, "sdm_current", json_string(cur));
	if (!with_message) {
		va_render_unknown(f, msg, sizeof msg);
		json_object_set_new(o, "reason", json_string(msg));
		if (f->msr_index)
			json_object_set_new(o, "msr_entry", json_integer(f->msr_index));
		return o;
	}
	json_object_set_new(o, "stage", json_string(va_stage_name(rule->stage)));
	json_object_set_new(o, "reached", json_boolean(f->reached));
	va_render_message(rule, &f->eval, msg, sizeof msg);
	json_object_set_new(o, "message", json_string(msg));
	json_object_set_new(o, "fields", fields_array(rule));
	if (f->msr_index)
		json_object_set_new(o, "msr_entry", json_integer(f->msr_index));
	const char *hint = va_rule_hint(rule, &f->eval);
	if (hint)
		json_object_set_new(o, "hint", json_string(hint));
	if (rule->flags & (VA_RULE_UNCONFIRMED | VA_RULE_CANDIDATE))
		json_object_set_new(o, "unconfirmed", json_true());
	return o;
}

static json_t *verdict_json(const struct va_verdict *v)
{
	json_t *o = json_object();
	json_object_set_new(o, "result", json_string(va_result_name((enum va_result)v->result)));
	if (v->result == VA_RESULT_VMFAIL_VALID) {
		json_object_set_new(o, "vm_instruction_error", json_integer(v->vm_instruction_error));
		if (v->notes & VA_NOTE_ERROR8_POSSIBLE)
			json_object_set_new(o, "also_possible", json_pack("[i]", 8));
		if (v->notes & VA_NOTE_ERROR7_POSSIBLE)
			json_object_set_new(o, "also_possible", json_pack("[i]", 7));
	}
	if (v->result == VA_RESULT_ENTRY_FAILURE) {
		json_object_set_new(o, "exit_reason", json_integer(v->exit_reason));
		json_object_set_new(o, "exit_qualification", json_integer((json_int_t)v->exit_qualification));
		if (v->notes & VA_NOTE_QUAL_VARIES) {
			json_t *q = json_array();
			for (unsigned i = 0; i < 8; i++)
				if ((v->other_qualifications >> i) & 1)
					json_array_append_new(q, json_integer(i));
			json_object_set_new(o, "qualification_also_possible", q);
		}
	}
	if (v->result == VA_RESULT_VMEXIT)
		json_object_set_new(o, "exit_reason", json_integer(v->exit_reason));
	if (v->notes & VA_NOTE_CONDITIONAL)
		json_object_set_new(o, "conditional", json_true());
	if (v->notes & VA_NOTE_UNCONFIRMED)
		json_object_set_new(o, "unconfirmed", json_true());
	return o;
}

static json_t *observed_json(const struct va_observed *o)
{
	json_t *j = json_object();
	if (o->kind == VA_OBSERVED_VMFAIL) {
		json_object_set_new(j, "result", json_string("vmfail_valid"));
		json_object_set_new(j, "vm_instruction_error", json_integer(o->vm_instruction_error));
	} else {
		json_object_set_new(j, "result", json_string("entry_failure"));
		json_object_set_new(j, "exit_reason", json_integer(o->exit_reason));
		if (o->qualification_known)
			json_object_set_new(j, "exit_qualification", json_integer((json_int_t)o->qualification));
	}
	json_object_set_new(j, "consistent", json_boolean(o->consistent));
	return j;
}

int va_write_report_json(FILE *out, const struct va_report_input *in, const struct va_report *r)
{
	json_t *root = json_object();
	json_t *failures = json_array(), *unknown = json_array(), *warnings = json_array();
	json_object_set_new(root, "file", json_string(in->file));
	json_object_set_new(root, "verdict", verdict_json(&r->verdict));
	if (in->observed && in->observed->kind != VA_OBSERVED_NONE)
		json_object_set_new(root, "observed", observed_json(in->observed));
	for (unsigned i = 0; i < r->n_findings; i++) {
		const struct va_finding *f = &r->findings[i];
		if (f->status == VA_FAIL)
			json_array_append_new(failures, finding_json(f, 1));
		else if (f->status == VA_WARN)
			json_array_append_new(warnings, finding_json(f, 1));
		else if (f->status == VA_UNKNOWN)
			json_array_append_new(unknown, finding_json(f, 0));
	}
	json_object_set_new(root, "failures", failures);
	json_object_set_new(root, "unknown", unknown);
	json_object_set_new(root, "warnings", warnings);
	if (in->notes && in->notes->count) {
		json_t *notes = json_array();
		for (unsigned i = 0; i < in->notes->count; i++)
			json_array_append_new(notes, json_string(in->notes->text[i]));
		json_object_set_new(root, "notes", notes);
	}
	if (r->truncated)
		json_object_set_new(root, "truncated", json_true());
	int rc = json_dumpf(root, out, JSON_COMPACT | JSON_ENSURE_ASCII);
	fputc('\n', out);
	json_decref(root);
	return rc;
}

int va_write_rules_json(FILE *out)
{
	json_t *a = json_array();
	unsigned n = va_rule_count();
	for (unsigned i = 0; i < n; i++) {
		const struct va_rule *rule = va_rule_at(i);
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
