/* The shell's model without a terminal: merging one state over another,
 * undo and redo, unsaved changes, saving, the word splitter, where the
 * history lives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/state_file.h"
#include "../auditor/input/state_merge.h"
#include "../ui/shell/editor.h"
#include "../ui/shell/shell.h"
#include "suites.h"

static void test_merge(void)
{
	static struct va_state a, b;
	va_state_init(&a);
	va_state_init(&b);
	va_state_set_field(&a, FLD_GUEST_CR0, 0x31);
	va_state_set_field(&a, FLD_GUEST_CR4, 0x2000);
	va_state_mark_absent(&b, FLD_GUEST_CR0);      /* b does not know CR0 */
	va_state_set_field(&b, FLD_GUEST_CR4, 0x2020);
	b.msr[MSR_IA32_VMX_BASIC] = 0x123;
	b.msr_present = 1u << MSR_IA32_VMX_BASIC;
	b.fact[FACT_MAXPHYADDR] = 39;
	b.fact_present = 1u << FACT_MAXPHYADDR;
	b.entry[ENTRY_CPL] = 3;
	b.entry_present = 1u << ENTRY_CPL;
	CU_ASSERT_FATAL(va_state_set_memory(&b, 0x1000, 7) == 0);
	CU_ASSERT_FATAL(va_state_merge(&a, &b) == 0);
	CU_ASSERT_EQUAL(a.presence[FLD_GUEST_CR0], VA_SET);
	CU_ASSERT_EQUAL(a.field[FLD_GUEST_CR0], 0x31);
	CU_ASSERT_EQUAL(a.field[FLD_GUEST_CR4], 0x2020);
	CU_ASSERT_EQUAL(a.msr[MSR_IA32_VMX_BASIC], 0x123);
	CU_ASSERT(va_fact_known(&a, FACT_MAXPHYADDR) && a.fact[FACT_MAXPHYADDR] == 39);
	CU_ASSERT(va_entry_given(&a, ENTRY_CPL) && a.entry[ENTRY_CPL] == 3);
	uint64_t q;
	CU_ASSERT(va_mem_read64(&a, 0x1000, &q) == 0 && q == 7);

	static struct va_state copy;
	va_state_init(&copy);
	CU_ASSERT_FATAL(va_state_copy(&copy, &a) == 0);
	CU_ASSERT(va_state_equal(&copy, &a));
	CU_ASSERT(copy.mem != a.mem);
	CU_ASSERT_FATAL(va_state_set_memory(&copy, 0x1000, 8) == 0);
	CU_ASSERT(!va_state_equal(&copy, &a));
	va_state_set_memory(&copy, 0x1000, 7);
	va_state_mark_absent(&copy, FLD_GUEST_RIP);
	CU_ASSERT(!va_state_equal(&copy, &a));
	va_state_release(&a);
	va_state_release(&b);
	va_state_release(&copy);
}

static void test_split(void)
{
	char buf[128], *w[8];
	CU_ASSERT_EQUAL(va_shell_split("  set  GUEST_CR0 0x31 # why", buf, sizeof buf, w, 8), 3);
	CU_ASSERT_STRING_EQUAL(w[0], "set");
	CU_ASSERT_STRING_EQUAL(w[2], "0x31");
	CU_ASSERT_EQUAL(va_shell_split("load 'my file.state'", buf, sizeof buf, w, 8), 2);
	CU_ASSERT_STRING_EQUAL(w[1], "my file.state");
	CU_ASSERT_EQUAL(va_shell_split("# only a comment", buf, sizeof buf, w, 8), 0);
	CU_ASSERT_EQUAL(va_shell_split("load \"open", buf, sizeof buf, w, 8), -1);
}

/* A shell whose output goes to memory. */
static char *out_text, *err_text;
static size_t out_len, err_len;

static void open_shell(struct va_shell *sh)
{
	FILE *out = open_memstream(&out_text, &out_len);
	FILE *err = open_memstream(&err_text, &err_len);
	CU_ASSERT_FATAL(out && err);
	CU_ASSERT_FATAL(va_shell_init(sh, out, err) == 0);
}

static void close_shell(struct va_shell *sh)
{
	fclose(sh->out);
	fclose(sh->err);
	va_shell_free(sh);
	free(out_text);
	free(err_text);
	out_text = err_text = NULL;
}

static int run(struct va_shell *sh, const char *line)
{
	int rc = va_shell_exec(sh, line);
	fflush(sh->out);
	fflush(sh->err);
	return rc;
}

static void test_undo_redo_dirty(void)
{
	static struct va_shell sh;
	char cmd[600];
	open_shell(&sh);
	snprintf(cmd, sizeof cmd, "load %s/tests/e2e/entry_failure_33_q0.state", VA_SOURCE_DIR);
	CU_ASSERT_EQUAL_FATAL(run(&sh, cmd), 0);
	CU_ASSERT(!va_shell_dirty(&sh));
	CU_ASSERT_EQUAL(sh.st.field[FLD_GUEST_TR_AR_BYTES], 0x89);
	CU_ASSERT_EQUAL(run(&sh, "set guest_tr_ar_bytes +1"), 0);
	CU_ASSERT_EQUAL(sh.st.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	CU_ASSERT(va_shell_dirty(&sh));
	CU_ASSERT(strstr(out_text, "verdict: success (was exit 33 (qual 0))") != NULL);
	CU_ASSERT_EQUAL(run(&sh, "undo"), 0);
	CU_ASSERT_EQUAL(sh.st.field[FLD_GUEST_TR_AR_BYTES], 0x89);
	CU_ASSERT(!va_shell_dirty(&sh));
	CU_ASSERT_EQUAL(run(&sh, "redo"), 0);
	CU_ASSERT_EQUAL(sh.st.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	CU_ASSERT_EQUAL(run(&sh, "redo"), -1);
	/* a failed command changes nothing and leaves nothing to undo */
	CU_ASSERT_EQUAL(run(&sh, "set GUEST_ES_SELECTOR 0x10000"), -1);
	CU_ASSERT(strstr(err_text, "does not fit in the 16-bit field") != NULL);
	CU_ASSERT_EQUAL(run(&sh, "mem 0x2000 1 2 zz"), -1);
	CU_ASSERT_EQUAL(sh.st.mem_count, 0);
	CU_ASSERT_EQUAL(run(&sh, "unset GUEST_CR3"), 0);
	CU_ASSERT_EQUAL(sh.st.presence[FLD_GUEST_CR3], VA_ABSENT);
	CU_ASSERT_EQUAL(run(&sh, "set GUEST_CR3 +1"), -1);   /* absent: no base value */
	CU_ASSERT_EQUAL(run(&sh, "undo"), 0);
	CU_ASSERT_EQUAL(sh.st.presence[FLD_GUEST_CR3], VA_SET);
	/* the input's MSRs keep precedence over a profile's */
	uint64_t basic = sh.st.msr[MSR_IA32_VMX_BASIC];
	CU_ASSERT_EQUAL(run(&sh, "profile qemu-kvm64"), 0);
	CU_ASSERT_EQUAL(sh.st.msr[MSR_IA32_VMX_BASIC], basic);
	/* quit refuses in a script, quit! leaves */
	CU_ASSERT_EQUAL(run(&sh, "quit"), -1);
	CU_ASSERT(!sh.quit);
	CU_ASSERT_EQUAL(run(&sh, "load /dev/null"), -1);     /* unsaved changes */
	CU_ASSERT_EQUAL(run(&sh, "quit!"), 0);
	CU_ASSERT(sh.quit);
	close_shell(&sh);
}

/* fix is one change: undo gives back the very state before it; a dry run
 * and a refused rule change nothing. */
static void test_fix_undo(void)
{
	static struct va_shell sh;
	static struct va_state before;
	char cmd[600];
	open_shell(&sh);
	snprintf(cmd, sizeof cmd, "load %s/tests/e2e/entry_failure_masked.state", VA_SOURCE_DIR);
	CU_ASSERT_EQUAL_FATAL(run(&sh, cmd), 0);
	va_state_init(&before);
	CU_ASSERT_FATAL(va_state_copy(&before, &sh.st) == 0);
	CU_ASSERT_EQUAL(run(&sh, "fix --dry-run"), 0);
	CU_ASSERT(va_state_equal(&sh.st, &before));
	CU_ASSERT_EQUAL(sh.undo.count, 0);
	CU_ASSERT_EQUAL(run(&sh, "fix BASIC.CPL0"), -1);      /* no repair: a decision */
	CU_ASSERT_EQUAL(run(&sh, "fix NO.SUCH.RULE"), -1);
	CU_ASSERT_EQUAL(sh.undo.count, 0);
	CU_ASSERT_EQUAL(run(&sh, "fix"), 0);
	CU_ASSERT_EQUAL(sh.st.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	CU_ASSERT_EQUAL(sh.st.field[FLD_VIRTUAL_PROCESSOR_ID], 1);
	va_shell_audit(&sh);
	CU_ASSERT_EQUAL(sh.report->verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(sh.undo.count, 1);
	CU_ASSERT(strstr(out_text, "GUEST_TR_AR_BYTES 0x89 -> 0x8b  GUEST.SEG.TR.TYPE") != NULL);
	CU_ASSERT_EQUAL(run(&sh, "undo"), 0);
	CU_ASSERT(va_state_equal(&sh.st, &before));
	CU_ASSERT(!va_shell_dirty(&sh));
	/* one rule: only its field */
	CU_ASSERT_EQUAL(run(&sh, "fix GUEST.SEG.TR.TYPE"), 0);
	CU_ASSERT_EQUAL(sh.st.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	CU_ASSERT_EQUAL(sh.st.field[FLD_VIRTUAL_PROCESSOR_ID], 0);
	CU_ASSERT_EQUAL(run(&sh, "undo"), 0);
	CU_ASSERT(va_state_equal(&sh.st, &before));
	va_state_release(&before);
	close_shell(&sh);
}

/* new replaces the state with one that passes, starts a new history like
 * load, and is refused over unsaved changes. */
static void test_new(void)
{
	static struct va_shell sh;
	open_shell(&sh);
	CU_ASSERT_EQUAL(run(&sh, "new"), -1);                 /* no CPU yet */
	CU_ASSERT(strstr(err_text, "no capability MSRs") != NULL);
	CU_ASSERT_EQUAL(run(&sh, "new --profile intel-skylake-i7-6700k --mode nosuch"), -1);
	CU_ASSERT_EQUAL(run(&sh, "new --profile intel-skylake-i7-6700k --with ept,nosuch"), -1);
	CU_ASSERT_EQUAL(run(&sh, "new --profile intel-skylake-i7-6700k --with apicv"), -1);
	CU_ASSERT(strstr(err_text, "IA32_VMX_PROCBASED_CTLS2 bit 40") != NULL);
	CU_ASSERT(!sh.has_input);
	CU_ASSERT_EQUAL(run(&sh, "new --profile intel-skylake-i7-6700k --mode pae --with ept"), 0);
	CU_ASSERT(sh.has_input);
	va_shell_audit(&sh);
	CU_ASSERT_EQUAL(sh.report->verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(sh.report->count[VA_FAIL], 0);
	CU_ASSERT_EQUAL(sh.report->count[VA_UNKNOWN], 0);
	CU_ASSERT(va_shell_dirty(&sh));                       /* in no file yet */
	CU_ASSERT_EQUAL(sh.undo.count, 0);
	CU_ASSERT_PTR_NULL(sh.path);
	CU_ASSERT_EQUAL(run(&sh, "new --mode compat"), -1);   /* unsaved */
	CU_ASSERT(strstr(err_text, "new! to drop them") != NULL);
	uint64_t cr0 = sh.st.field[FLD_GUEST_CR0];
	CU_ASSERT_EQUAL(run(&sh, "new! --mode real"), 0);     /* the session's CPU */
	CU_ASSERT_NOT_EQUAL(sh.st.field[FLD_GUEST_CR0], cr0);
	CU_ASSERT_EQUAL(sh.st.msr[MSR_IA32_VMX_BASIC] >> 32 & 0x1fff, 0x400);
	CU_ASSERT_EQUAL(sh.undo.count, 0);
	close_shell(&sh);
}

static void test_save(void)
{
	static struct va_shell sh;
	char dir[] = "/tmp/va-shell-XXXXXX", cmd[700], mine[256], other[256];
	CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
	snprintf(mine, sizeof mine, "%s/mine.state", dir);
	snprintf(other, sizeof other, "%s/other.state", dir);
	FILE *f = fopen(other, "w");
	CU_ASSERT_FATAL(f != NULL);
	fputs("# someone else's\n", f);
	fclose(f);
	open_shell(&sh);
	CU_ASSERT_EQUAL(run(&sh, "save"), -1);                /* nothing loaded */
	snprintf(cmd, sizeof cmd, "load %s/docs/examples/skylake-64bit-guest.state", VA_SOURCE_DIR);
	CU_ASSERT_EQUAL_FATAL(run(&sh, cmd), 0);
	snprintf(cmd, sizeof cmd, "save %s", mine);
	CU_ASSERT_EQUAL(run(&sh, cmd), 0);
	CU_ASSERT(!va_shell_dirty(&sh));
	CU_ASSERT_EQUAL(run(&sh, "set GUEST_RIP 0x1000"), 0);
	CU_ASSERT_EQUAL(run(&sh, "save"), 0);                 /* the file it saved is its own */
	snprintf(cmd, sizeof cmd, "save %s", other);
	CU_ASSERT_EQUAL(run(&sh, cmd), -1);
	CU_ASSERT(strstr(err_text, "is not the file this shell loaded") != NULL);
	f = fopen(other, "r");
	char line[64] = "";
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT(fgets(line, sizeof line, f) != NULL);
	fclose(f);
	CU_ASSERT_STRING_EQUAL(line, "# someone else's\n");
	snprintf(cmd, sizeof cmd, "save! %s", other);
	CU_ASSERT_EQUAL(run(&sh, cmd), 0);
	close_shell(&sh);

	/* what was saved reads back as the same state */
	open_shell(&sh);
	snprintf(cmd, sizeof cmd, "load %s", other);
	CU_ASSERT_EQUAL(run(&sh, cmd), 0);
	CU_ASSERT_EQUAL(sh.st.field[FLD_GUEST_RIP], 0x1000);
	close_shell(&sh);
	remove(mine);
	remove(other);
	rmdir(dir);
}

static void test_history_path(void)
{
	char dir[] = "/tmp/va-hist-XXXXXX", path[512], want[512];
	CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
	char *old = getenv("XDG_STATE_HOME") ? strdup(getenv("XDG_STATE_HOME")) : NULL;
	char xdg[300];
	snprintf(xdg, sizeof xdg, "%s/state", dir);
	setenv("XDG_STATE_HOME", xdg, 1);
	CU_ASSERT_EQUAL(va_history_path(path, sizeof path), 0);
	snprintf(want, sizeof want, "%s/state/vmcs-audit/history", dir);
	CU_ASSERT_STRING_EQUAL(path, want);
	struct stat s;
	snprintf(want, sizeof want, "%s/state/vmcs-audit", dir);
	CU_ASSERT(stat(want, &s) == 0 && (s.st_mode & 0777) == 0700);
	/* a relative XDG_STATE_HOME is ignored (XDG base-directory spec) */
	setenv("XDG_STATE_HOME", "relative", 1);
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", dir, 1);
	CU_ASSERT_EQUAL(va_history_path(path, sizeof path), 0);
	snprintf(want, sizeof want, "%s/.local/state/vmcs-audit/history", dir);
	CU_ASSERT_STRING_EQUAL(path, want);
	if (home)
		setenv("HOME", home, 1);
	if (old)
		setenv("XDG_STATE_HOME", old, 1);
	else
		unsetenv("XDG_STATE_HOME");
	free(home);
	free(old);
	rmdir(want);
	snprintf(want, sizeof want, "%s/state/vmcs-audit", dir);
	rmdir(want);
	snprintf(want, sizeof want, "%s/state", dir);
	rmdir(want);
	const char *parts[] = { "/.local/state/vmcs-audit", "/.local/state", "/.local" };
	for (int i = 0; i < 3; i++) {
		snprintf(want, sizeof want, "%s%s", dir, parts[i]);
		rmdir(want);
	}
	rmdir(dir);
}

static void test_man_and_help_from_table(void)
{
	char *text = NULL;
	size_t len = 0, n;
	FILE *f = open_memstream(&text, &len);
	CU_ASSERT_FATAL(f != NULL);
	va_shell_write_man(f);
	fclose(f);
	const struct va_shell_command *c = va_shell_commands(&n);
	for (size_t i = 0; i < n; i++) {
		char want[64];
		snprintf(want, sizeof want, ".B %s", c[i].spec.name);
		CU_ASSERT(strstr(text, want) != NULL);
	}
	free(text);
}

static void test_exit_status(void)
{
	CU_ASSERT_EQUAL(va_shell_exit_status(VA_RESULT_SUCCESS), 0);
	CU_ASSERT_EQUAL(va_shell_exit_status(VA_RESULT_VMFAIL_VALID), 1);
	CU_ASSERT_EQUAL(va_shell_exit_status(VA_RESULT_ENTRY_FAILURE), 1);
	CU_ASSERT_EQUAL(va_shell_exit_status(VA_RESULT_FAULT_GP), 1);
	CU_ASSERT_EQUAL(va_shell_exit_status(VA_RESULT_INCONCLUSIVE), 3);
}

CU_TestInfo tests_shell[] = {
	{ "exit status of an audit", test_exit_status },
	{ "merge, copy, compare states", test_merge },
	{ "word splitting", test_split },
	{ "undo, redo, unsaved changes", test_undo_redo_dirty },
	{ "save: own file, foreign file, save!", test_save },
	{ "fix: one change, undo restores, dry run", test_fix_undo },
	{ "new: template, errors, new history", test_new },
	{ "history path", test_history_path },
	{ "man page section from the table", test_man_and_help_from_table },
	CU_TEST_INFO_NULL,
};
