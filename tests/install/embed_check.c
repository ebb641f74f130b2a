/*
 * The embedding example (docs/examples/embed/hypervisor_hook.c) run in user
 * space: its VMREAD, RDMSR and memory callbacks read a state file instead
 * of the processor.  For each file given, the captured state must equal
 * the loaded one field for field (absent fields included), MSR for MSR and
 * qword for qword, and its audit must equal what `check` computes from the
 * file: the verdict and every rule's status.  The compact text must carry
 * the verdict and every failing rule, and stay within a small buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../auditor/engine/audit.h"
#include "../../auditor/engine/capture.h"
#include "../../auditor/engine/compact_report.h"
#include "../../auditor/input/load.h"
#include "../../auditor/input/state_file.h"
#include "../../auditor/report/render.h"

struct vmcs_audit_scratch {
	struct va_state state;
	struct va_report report;
	struct va_qword memory[512];
	char text[4096];
};
enum va_result vmcs_audit_current(struct vmcs_audit_scratch *s, void *ctx,
				  unsigned maxphyaddr, int vmresume);

static char logged[4096];
static uint8_t vmread_done[FLD_COUNT];   /* fields the hook asked VMREAD for */

int hv_vmread(void *ctx, uint32_t encoding, uint64_t *value)
{
	const struct va_state *file = ctx;
	enum va_field f = va_field_by_encoding((uint16_t)encoding);
	vmread_done[f] = 1;
	if (f == FLD_NONE || file->presence[f] == VA_ABSENT)
		return 1;    /* as VMREAD fails: VMfailValid 12 */
	*value = file->field[f];
	return 0;
}

int hv_rdmsr(void *ctx, uint32_t index, uint64_t *value)
{
	const struct va_state *file = ctx;
	int m = va_msr_by_number(index);
	if (m < 0 || !va_msr_known(file, (enum va_msr)m))
		return 1;
	*value = file->msr[m];
	return 0;
}

int hv_read_phys(void *ctx, uint64_t address, uint64_t *value)
{
	return va_mem_read64(ctx, address, value);
}

void hv_known_facts(void *ctx, struct va_state *st)
{
	const struct va_state *file = ctx;
	for (unsigned f = 0; f < FACT_COUNT; f++)
		if (va_fact_known(file, (enum va_fact)f))
			va_capture_fact(st, (enum va_fact)f, file->fact[f]);
	for (unsigned e = 0; e < ENTRY_COUNT; e++)
		if (va_entry_given(file, (enum va_entry_fact)e))
			va_capture_entry(st, (enum va_entry_fact)e, file->entry[e]);
}

void hv_log(const char *text)
{
	snprintf(logged, sizeof logged, "%s", text);
}

static int fail(const char *path, const char *what, const char *name)
{
	fprintf(stderr, "%s: %s %s\n", path, what, name);
	return 1;
}

static unsigned skipped;   /* fields not read because the CPU lacks them */

static int compare_states(const char *path, const struct va_state *file, const struct va_state *cap)
{
	int bad = 0;
	for (unsigned f = FLD_NONE + 1; f < FLD_COUNT; f++) {
		const char *name = va_field_name((enum va_field)f);
		if (!va_capture_field_exists(cap, (enum va_field)f)) {
			/* Not on this CPU: never read (VMREAD could fault under
			 * some hypervisors), 0 as the CPU has it. */
			if (vmread_done[f])
				bad |= fail(path, "VMREAD of a field the CPU lacks:", name);
			if (cap->presence[f] != VA_UNSET || cap->field[f])
				bad |= fail(path, "field the CPU lacks was captured:", name);
			skipped++;
			continue;
		}
		if (!vmread_done[f])
			bad |= fail(path, "field not read:", name);
		if ((file->presence[f] == VA_ABSENT) != (cap->presence[f] == VA_ABSENT))
			bad |= fail(path, "absent in one state only:", name);
		else if (file->presence[f] != VA_ABSENT && file->field[f] != cap->field[f])
			bad |= fail(path, "value differs:", name);
	}
	for (unsigned m = 0; m < MSR_COUNT; m++) {
		/* A profile may carry an MSR the CPU reports as not existing
		 * (it reads as 0 there); capture never reads those. */
		if (va_msr_known(file, (enum va_msr)m) && !va_msr_known(cap, (enum va_msr)m) && file->msr[m])
			bad |= fail(path, "MSR not captured:", va_msr_name((enum va_msr)m));
		if (va_msr_known(cap, (enum va_msr)m) &&
		    (!va_msr_known(file, (enum va_msr)m) || file->msr[m] != cap->msr[m]))
			bad |= fail(path, "MSR differs:", va_msr_name((enum va_msr)m));
	}
	/* The hook always states the instruction; the file may leave the
	 * default. */
	uint32_t insn = 1u << ENTRY_INSTRUCTION;
	if (file->fact_present != cap->fact_present ||
	    (file->entry_present | insn) != (cap->entry_present | insn))
		bad |= fail(path, "facts differ", "");
	for (size_t i = 0; i < cap->mem_count; i++) {
		uint64_t v;
		if (va_mem_read64(file, cap->mem[i].addr, &v) || v != cap->mem[i].value)
			bad |= fail(path, "memory differs", "");
	}
	return bad;
}

static int compare_reports(const char *path, const struct va_report *want, const struct va_report *got)
{
	int bad = 0;
	const struct va_verdict *a = &want->verdict, *b = &got->verdict;
	if (a->result != b->result || a->vm_instruction_error != b->vm_instruction_error ||
	    a->exit_reason != b->exit_reason || a->exit_qualification != b->exit_qualification ||
	    a->notes != b->notes)
		bad |= fail(path, "verdict differs", "");
	for (unsigned i = 0; i < want->rule_count; i++)
		if (want->status[i] != got->status[i])
			bad |= fail(path, "status differs:", va_rule_at(i)->id);
	return bad;
}

/* The compact text: the verdict as the tool words it, every failing rule,
 * and a whole-line cut with a small buffer. */
static int check_text(const char *path, const struct va_report *r)
{
	int bad = 0;
	char want[128], got[128];
	va_render_verdict_short(&r->verdict, want, sizeof want);
	va_format_verdict(&r->verdict, got, sizeof got);
	if (strcmp(want, got))
		bad |= fail(path, "verdict words differ:", got);
	if (strncmp(logged, "vmcs-audit: ", 12) || strncmp(logged + 12, want, strlen(want)))
		bad |= fail(path, "compact text does not start with the verdict:", logged);
	for (unsigned i = 0; i < r->n_findings; i++) {
		char line[256];
		const struct va_finding *f = &r->findings[i];
		if (f->status != VA_FAIL)
			continue;
		snprintf(line, sizeof line, "\nFAIL %s ", va_rule_at(f->rule)->id);
		if (!strstr(logged, line))
			bad |= fail(path, "compact text lacks", line + 1);
	}
	char small[96];
	size_t need = va_format_compact(r, small, sizeof small);
	if (need != strlen(logged) || strlen(small) >= sizeof small ||
	    (need >= sizeof small && !strstr(small, "...\n")) ||
	    (need < sizeof small && strcmp(small, logged)))
		bad |= fail(path, "compact text in a small buffer is wrong:", small);
	return bad;
}

int main(int argc, char **argv)
{
	struct va_state *file = calloc(1, sizeof *file);
	struct va_report *want = calloc(1, sizeof *want);
	struct vmcs_audit_scratch *s = calloc(1, sizeof *s);
	struct va_import_notes *notes = calloc(1, sizeof *notes);
	struct va_load_options opt = { 0 };
	const char *profiles[1];
	int expect_skips = 0;
	int bad = 0;
	if (!file || !want || !s || !notes)
		return 2;
	for (int i = 1; i < argc; i++) {
		struct va_error err = { 0 };
		/* --profile NAME: capability MSRs for the dumps that follow. */
		if (!strcmp(argv[i], "--expect-skips")) {
			expect_skips = 1;
			continue;
		}
		if (!strcmp(argv[i], "--profile") && i + 1 < argc) {
			profiles[0] = argv[++i];
			opt.profiles = profiles;
			opt.profile_count = 1;
			continue;
		}
		if (va_load(file, argv[i], &opt, notes, &err)) {
			fprintf(stderr, "%s: %s\n", argv[i], err.message);
			bad = 1;
			continue;
		}
		va_audit(file, want);
		unsigned maxphyaddr = va_fact_known(file, FACT_MAXPHYADDR) ? (unsigned)file->fact[FACT_MAXPHYADDR] : 0;
		int vmresume = file->entry[ENTRY_INSTRUCTION] == VA_INSN_VMRESUME;
		memset(vmread_done, 0, sizeof vmread_done);
		enum va_result result = vmcs_audit_current(s, file, maxphyaddr, vmresume);
		int b = compare_states(argv[i], file, &s->state) | compare_reports(argv[i], want, &s->report) |
			check_text(argv[i], &s->report);
		if ((enum va_result)want->verdict.result != result)
			b |= fail(argv[i], "returned verdict differs", "");
		char words[64];
		va_render_verdict_short(&want->verdict, words, sizeof words);
		printf("%s %s: %s (%u fields absent, %zu qwords of memory)\n", b ? "FAIL" : "ok", argv[i], words,
		       s->state.absent_count, s->state.mem_count);
		bad |= b;
		va_state_release(file);
	}
	/* With capability MSRs given, some fields are always missing (no
	 * CPU has every feature): the skipping must have been exercised. */
	printf("%u fields not read because the CPU lacks them\n", skipped);
	if (expect_skips && !skipped)
		bad |= fail("--expect-skips", "no field was skipped", "");
	free(file);
	free(want);
	free(s);
	free(notes);
	return bad;
}
