/* Commands that look: get, show, why, audit, explain, diff. */
#include <inttypes.h>
#include <string.h>

#include "../../auditor/input/state_file.h"
#include "../../auditor/report/observed.h"
#include "../../auditor/report/render.h"
#include "../../auditor/report/report_out.h"
#include "keys.h"

static const char *status_word(unsigned s)
{
	switch (s) {
	case VA_PASS: return "pass";
	case VA_FAIL: return "FAIL";
	case VA_UNKNOWN: return "not evaluated";
	case VA_NOT_APPLICABLE: return "does not apply";
	case VA_WARN: return "warn";
	default: return "not run";
	}
}

static void print_bits(struct va_shell *sh, enum va_bitset set, uint64_t value)
{
	if (set == VA_BITS_NONE)
		return;
	fprintf(sh->out, "  bits:");
	int any = 0;
	for (unsigned b = 0; b < 64; b++) {
		if (!(value >> b & 1))
			continue;
		const char *name = va_bit_name(set, b);
		char tok[64];
		if (name)
			va_bit_token(name, tok, sizeof tok);
		fprintf(sh->out, "%s %s", any ? "," : "", name ? tok : "");
		if (!name)
			fprintf(sh->out, "bit %u", b);
		any = 1;
	}
	fprintf(sh->out, "%s\n", any ? "" : " none set");
}

static int reads(const struct va_rule *r, enum va_field f)
{
	if (r->field == f)
		return 1;
	for (unsigned i = 0; i < VA_RULE_MAX_FIELDS && r->fields[i] != FLD_NONE; i++)
		if (r->fields[i] == f)
			return 1;
	return 0;
}

/* The rules that read a field, each with its outcome now. */
static void print_readers(struct va_shell *sh, enum va_field f)
{
	unsigned count[VA_WARN + 1] = { 0 }, total = 0;
	va_shell_audit(sh);
	const struct va_report *rep = sh->report;
	for (unsigned i = 0; i < va_rule_count(); i++)
		if (reads(va_rule_at(i), f)) {
			count[rep->status[i]]++;
			total++;
		}
	if (!total) {
		fprintf(sh->out, "no rule reads %s\n", va_field_name(f));
		return;
	}
	fprintf(sh->out, "rules that read %s: %u (%u fail, %u not evaluated, %u pass, %u do not apply)\n",
		va_field_name(f), total, count[VA_FAIL], count[VA_UNKNOWN], count[VA_PASS],
		count[VA_NOT_APPLICABLE]);
	for (unsigned i = 0; i < va_rule_count(); i++) {
		const struct va_rule *r = va_rule_at(i);
		if (!reads(r, f))
			continue;
		char text[512];
		snprintf(text, sizeof text, "%s", r->summary);
		for (unsigned k = 0; k < rep->n_findings; k++) {
			const struct va_finding *fd = &rep->findings[k];
			if (fd->rule != i)
				continue;
			if (fd->status == VA_UNKNOWN)
				va_render_unknown(fd, text, sizeof text);
			else
				va_render_message(r, &fd->eval, text, sizeof text);
			break;
		}
		fprintf(sh->out, "  %-14s %s [%s]\n      %s\n", status_word(rep->status[i]), r->id, r->sdm, text);
	}
}

int va_cmd_get(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	struct va_key k;
	char text[128];
	if (argc != 2) {
		va_shell_error(sh, "get: name one field or key (help get)");
		return -1;
	}
	if (va_key_resolve(sh, "get", argv[1], &k))
		return -1;
	va_key_value_text(sh, &k, text, sizeof text);
	if (k.kind == KEY_FIELD) {
		static const char *const width[] = { "16-bit", "64-bit", "32-bit", "natural-width" };
		static const char *const area[] = { "control", "exit information", "guest state", "host state" };
		fprintf(sh->out, "%s%s = %s  (encoding 0x%04x, %s %s)\n", k.name, k.high ? "_HIGH" : "",
			text, va_field_encoding(k.field) | (unsigned)k.high, width[va_field_width(k.field)],
			area[va_field_area(k.field)]);
		if (sh->st.presence[k.field] != VA_ABSENT && !k.high)
			print_bits(sh, va_field_bitset(k.field), sh->st.field[k.field]);
		print_readers(sh, k.field);
		return 0;
	}
	fprintf(sh->out, "%s = %s  ([%s]", k.name, text, k.section);
	if (k.kind == KEY_MSR)
		fprintf(sh->out, ", MSR 0x%03" PRIx32, va_msr_number((enum va_msr)k.index));
	if (k.kind == KEY_FACT)
		fprintf(sh->out, ": %s", va_fact_info((enum va_fact)k.index)->doc);
	fprintf(sh->out, ")\n");
	if (k.kind == KEY_MSR && va_msr_known(&sh->st, (enum va_msr)k.index))
		print_bits(sh, va_key_bitset(k.name, strlen(k.name)), sh->st.msr[k.index]);
	return 0;
}

int va_cmd_why(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	struct va_key k;
	if (argc != 2) {
		va_shell_error(sh, "why: name one VMCS field (help why)");
		return -1;
	}
	if (va_key_resolve(sh, "why", argv[1], &k))
		return -1;
	if (k.kind != KEY_FIELD) {
		va_shell_error(sh, "why: %s is a [%s] key; rules name the fields they read (audit lists "
			       "what needs it)", k.name, k.section);
		return -1;
	}
	print_readers(sh, k.field);
	return 0;
}

/* ---- show ---- */

enum show_part { SHOW_AREA, SHOW_MEMORY, SHOW_CPU, SHOW_ENTRY, SHOW_ALL };

static const struct {
	const char *name;
	enum show_part part;
	enum va_field_area area;
} sections[] = {
	{ "controls", SHOW_AREA, VA_AREA_CONTROL },
	{ "exit-info", SHOW_AREA, VA_AREA_EXIT_INFO },
	{ "guest", SHOW_AREA, VA_AREA_GUEST },
	{ "host", SHOW_AREA, VA_AREA_HOST },
	{ "memory", SHOW_MEMORY, 0 },
	{ "cpu", SHOW_CPU, 0 },
	{ "entry", SHOW_ENTRY, 0 },
	{ "all", SHOW_ALL, 0 },
};

#define NSECTIONS (sizeof sections / sizeof sections[0])

const char *va_show_section_at(size_t i)
{
	return i < NSECTIONS ? sections[i].name : NULL;
}

static void show_area(struct va_shell *sh, enum va_field_area area, const char *name)
{
	unsigned unwritten = 0;
	fprintf(sh->out, "# %s\n", name);
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (va_field_area((enum va_field)f) != area)
			continue;
		if (sh->st.presence[f] == VA_UNSET) {
			unwritten++;
			continue;
		}
		if (sh->st.presence[f] == VA_ABSENT)
			fprintf(sh->out, "%-36s = ?  (absent)\n", va_field_name((enum va_field)f));
		else
			fprintf(sh->out, "%-36s = 0x%" PRIx64 "\n", va_field_name((enum va_field)f), sh->st.field[f]);
	}
	if (unwritten)
		fprintf(sh->out, "(%u more not written: 0)\n", unwritten);
}

static void show_part(struct va_shell *sh, size_t i)
{
	char text[160];
	switch (sections[i].part) {
	case SHOW_AREA:
		show_area(sh, sections[i].area, sections[i].name);
		break;
	case SHOW_MEMORY:
		fprintf(sh->out, "# memory\n");
		for (size_t m = 0; m < sh->st.mem_count; m++)
			fprintf(sh->out, "0x%" PRIx64 " = 0x%016" PRIx64 "\n", sh->st.mem[m].addr, sh->st.mem[m].value);
		if (!sh->st.mem_count)
			fprintf(sh->out, "(no memory given)\n");
		break;
	case SHOW_CPU:
		fprintf(sh->out, "# cpu\n");
		for (int m = 0; m < MSR_COUNT; m++) {
			struct va_key k = { KEY_MSR, FLD_NONE, 0, m, "cpu", va_msr_name((enum va_msr)m) };
			va_key_value_text(sh, &k, text, sizeof text);
			fprintf(sh->out, "%-36s = %s\n", k.name, text);
		}
		for (int f = 0; f < FACT_COUNT; f++) {
			struct va_key k = { KEY_FACT, FLD_NONE, 0, f, "cpu", va_fact_info((enum va_fact)f)->key };
			va_key_value_text(sh, &k, text, sizeof text);
			fprintf(sh->out, "%-36s = %s\n", k.name, text);
		}
		break;
	case SHOW_ENTRY:
		fprintf(sh->out, "# entry\n");
		for (int e = 0; e < ENTRY_COUNT; e++) {
			struct va_key k = { KEY_ENTRY, FLD_NONE, 0, e, "entry", va_entry_info((enum va_entry_fact)e)->key };
			va_key_value_text(sh, &k, text, sizeof text);
			fprintf(sh->out, "%-36s = %s", k.name, text);
			if (!va_entry_given(&sh->st, (enum va_entry_fact)e))
				fprintf(sh->out, " (%s)", va_entry_info((enum va_entry_fact)e)->doc);
			fprintf(sh->out, "\n");
		}
		break;
	case SHOW_ALL:
		for (size_t s = 0; s < NSECTIONS; s++)
			if (sections[s].part != SHOW_ALL)
				show_part(sh, s);
		break;
	}
}

int va_cmd_show(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	if (argc != 2) {
		va_shell_error(sh, "show: name a part: controls, exit-info, guest, host, memory, cpu, "
			       "entry or all");
		return -1;
	}
	for (size_t i = 0; i < NSECTIONS; i++)
		if (!strcmp(argv[1], sections[i].name)) {
			show_part(sh, i);
			return 0;
		}
	va_shell_error(sh, "show: no part '%s' (Tab lists them)", argv[1]);
	return -1;
}

/* ---- audit, explain ---- */

int va_cmd_audit(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	int json = argc == 2 && !strcmp(argv[1], "--json");
	if (argc > 2 || (argc == 2 && !json)) {
		va_shell_error(sh, "audit: the only option is --json");
		return -1;
	}
	struct va_observed observed;
	va_shell_audit(sh);
	va_observe_input(&sh->st, sh->notes, sh->report, &observed);
	struct va_report_input in = {
		.file = sh->path ? sh->path : "<shell>", .notes = sh->notes, .observed = &observed,
		.state = &sh->st,
	};
	struct va_text_style style = { .color = sh->color, .verbose = 0 };
	if (json)
		va_write_report_json(sh->out, &in, sh->report);
	else
		va_write_report_text(sh->out, &in, sh->report, &style);
	sh->status = va_shell_exit_status(sh->report->verdict.result);
	return 0;
}

int va_shell_exit_status(unsigned result)
{
	switch (result) {
	case VA_RESULT_SUCCESS: return VA_SHELL_OK;
	case VA_RESULT_INCONCLUSIVE: return VA_SHELL_INCONCLUSIVE;
	default: return VA_SHELL_FAILS;
	}
}

int va_cmd_explain(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	if (argc != 2) {
		va_shell_error(sh, "explain: name one rule id (Tab completes them)");
		return -1;
	}
	int index = va_rule_find(argv[1]);
	if (index < 0) {
		const char *near = va_nearest_rule(argv[1], strlen(argv[1]));
		if (near)
			va_shell_error(sh, "explain: no rule '%s' (did you mean %s?)", argv[1], near);
		else
			va_shell_error(sh, "explain: no rule '%s'", argv[1]);
		return -1;
	}
	va_write_rule_explain(sh->out, va_rule_at((unsigned)index));
	return 0;
}

/* ---- diff ---- */

static void field_text(const struct va_state *st, unsigned f, char *buf, size_t size)
{
	if (st->presence[f] == VA_ABSENT)
		snprintf(buf, size, "?");
	else if (st->presence[f] == VA_UNSET)
		snprintf(buf, size, "0x0 (not written)");
	else
		snprintf(buf, size, "0x%" PRIx64, st->field[f]);
}

/* One [cpu] or [entry] slot in both states (entry >= 0: an [entry] fact,
 * shown by its word); 1 if it differs. */
static unsigned diff_slot(struct va_shell *sh, const char *name, int entry, int ka, uint64_t va,
			  int kb, uint64_t vb)
{
	char x[64] = "(not given)", y[64] = "(not given)";
	if (ka == kb && (!ka || va == vb))
		return 0;
	if (ka && entry >= 0)
		va_entry_text((enum va_entry_fact)entry, va, x, sizeof x);
	else if (ka)
		snprintf(x, sizeof x, "0x%" PRIx64, va);
	if (kb && entry >= 0)
		va_entry_text((enum va_entry_fact)entry, vb, y, sizeof y);
	else if (kb)
		snprintf(y, sizeof y, "0x%" PRIx64, vb);
	fprintf(sh->out, "  %s%-*s %s -> %s\n", entry >= 0 ? "[entry] " : "", entry >= 0 ? 28 : 36, name, x, y);
	return 1;
}

static unsigned diff_states(struct va_shell *sh, const struct va_state *a, const struct va_state *b)
{
	unsigned n = 0;
	char x[64], y[64];
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (a->presence[f] == b->presence[f] && (a->presence[f] != VA_SET || a->field[f] == b->field[f]))
			continue;
		field_text(a, f, x, sizeof x);
		field_text(b, f, y, sizeof y);
		fprintf(sh->out, "  %-36s %s -> %s\n", va_field_name((enum va_field)f), x, y);
		n++;
	}
	for (int m = 0; m < MSR_COUNT; m++)
		n += diff_slot(sh, va_msr_name((enum va_msr)m), -1, va_msr_known(a, (enum va_msr)m), a->msr[m],
			       va_msr_known(b, (enum va_msr)m), b->msr[m]);
	for (int k = 0; k < FACT_COUNT; k++)
		n += diff_slot(sh, va_fact_info((enum va_fact)k)->key, -1, va_fact_known(a, (enum va_fact)k),
			       a->fact[k], va_fact_known(b, (enum va_fact)k), b->fact[k]);
	for (int e = 0; e < ENTRY_COUNT; e++)
		n += diff_slot(sh, va_entry_info((enum va_entry_fact)e)->key, e,
			       va_entry_given(a, (enum va_entry_fact)e), a->entry[e],
			       va_entry_given(b, (enum va_entry_fact)e), b->entry[e]);
	/* Memory: both lists are sorted by address. */
	size_t i = 0, j = 0;
	while (i < a->mem_count || j < b->mem_count) {
		uint64_t addr;
		int in_a = 0, in_b = 0;
		if (j >= b->mem_count || (i < a->mem_count && a->mem[i].addr < b->mem[j].addr))
			addr = a->mem[i].addr, in_a = 1;
		else if (i >= a->mem_count || b->mem[j].addr < a->mem[i].addr)
			addr = b->mem[j].addr, in_b = 1;
		else
			addr = a->mem[i].addr, in_a = in_b = 1;
		uint64_t va = in_a ? a->mem[i].value : 0, vb = in_b ? b->mem[j].value : 0;
		if (in_a != in_b || va != vb) {
			snprintf(x, sizeof x, in_a ? "0x%016" PRIx64 : "(not given)", va);
			snprintf(y, sizeof y, in_b ? "0x%016" PRIx64 : "(not given)", vb);
			fprintf(sh->out, "  memory 0x%-27" PRIx64 " %s -> %s\n", addr, x, y);
			n++;
		}
		i += (size_t)in_a;
		j += (size_t)in_b;
	}
	return n;
}

int va_cmd_diff(struct va_shell *sh, int argc, char **argv, int bang)
{
	(void)bang;
	if (argc > 2) {
		va_shell_error(sh, "diff: at most one file");
		return -1;
	}
	struct va_state other;
	if (argc == 2) {
		if (va_shell_load_into(sh, argv[1], NULL, &other))
			return -1;
		fprintf(sh->out, "%s -> current state:\n", argv[1]);
	} else {
		fprintf(sh->out, "%s -> current state:\n", sh->path ? sh->path : "as loaded");
	}
	unsigned n = diff_states(sh, argc == 2 ? &other : &sh->base, &sh->st);
	fprintf(sh->out, n ? "%u difference%s\n" : "no differences\n", n, n == 1 ? "" : "s");
	if (argc == 2)
		va_state_release(&other);
	return 0;
}
