/*
 * The wizard without a terminal: keys into the model, screens from the
 * text canvas compared with golden text (tests/wizard/NAME.txt; set
 * VA_UPDATE_GOLDEN=1 to rewrite them after a deliberate change).
 */
#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/input.h"
#include "../auditor/input/load.h"
#include "../auditor/input/state_file.h"
#include "../auditor/input/state_save.h"
#include "../auditor/input/template.h"
#include "../auditor/report/asked.h"
#include "../auditor/report/render.h"
#include "../ui/wizard/keys.h"
#include "../ui/wizard/model.h"
#include "suites.h"

#define GOLDEN VA_SOURCE_DIR "/tests/wizard/"
#define EXAMPLES VA_SOURCE_DIR "/docs/examples/"
#define DUMPS VA_SOURCE_DIR "/tests/readers/dumps/"

static char *screen(const struct wz_model *m, int rows, int cols)
{
	struct wz_canvas *c = wz_text_canvas_new(rows, cols);
	wz_draw(m, c);
	char *text = wz_text_canvas_dump(c);
	wz_text_canvas_free(c);
	return text;
}

static char *read_file(const char *path)
{
	char *text;
	size_t len;
	struct va_error err = { 0 };
	return va_read_input(path, &text, &len, &err) ? NULL : text;
}

/* The screen equals the golden file (or rewrites it on request). */
static void assert_golden(const struct wz_model *m, int rows, int cols, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, GOLDEN "%s.txt", name);
	char *got = screen(m, rows, cols);
	const char *update = getenv("VA_UPDATE_GOLDEN");
	if (update && *update) {
		FILE *f = fopen(path, "w");
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		fputs(got, f);
		fclose(f);
	}
	char *want = read_file(path);
	CU_ASSERT_PTR_NOT_NULL(want);
	if (want && strcmp(got, want)) {
		fprintf(stderr, "\n%s differs; got:\n%s", name, got);
		CU_FAIL("screen differs from its golden file");
	}
	free(got);
	free(want);
}

static void keys(struct wz_model *m, const char *s)
{
	for (; *s; s++)
		wz_key(m, *s == '\n' ? '\r' : (unsigned char)*s);
}

static int screen_has(const struct wz_model *m, const char *needle)
{
	char *text = screen(m, 24, 80);
	int has = strstr(text, needle) != NULL;
	free(text);
	return has;
}

static int row_of_field(const struct wz_model *m, enum va_field f)
{
	for (int i = 0; i < m->nrows; i++)
		if (m->row[i].kind == WZ_ROW_FIELD && m->row[i].a == f)
			return i;
	return -1;
}

static int row_of_bit(const struct wz_model *m, enum va_field f, unsigned bit)
{
	for (int i = 0; i < m->nrows; i++)
		if (m->row[i].kind == WZ_ROW_BIT && m->row[i].a == f && m->row[i].b == bit)
			return i;
	return -1;
}

static struct wz_model *open_example(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, EXAMPLES "%s", name);
	struct wz_model *m = wz_new(24, 80, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL_FATAL(wz_open(m, path), 0);
	/* Goldens should not depend on where the sources are. */
	snprintf(m->path, sizeof m->path, "%s", name);
	return m;
}

static void test_every_step_golden(void)
{
	struct wz_model *m = open_example("msr-load-failure.state");
	CU_ASSERT_EQUAL(m->step, WZ_STEP_REVIEW);   /* it holds VMCS fields */
	/* One profile listed, so new profiles do not change the screen. */
	snprintf(m->filter, sizeof m->filter, "skylake-i7-6700k");
	static const char *const names[] = { "step1_processor", "step2_controls", "step3_host",
					     "step4_guest", "step5_memory", "step6_entry", "step7_review" };
	for (int s = 0; s < WZ_STEP_COUNT; s++) {
		wz_key(m, s == WZ_STEP_REVIEW ? 'r' : '1' + s);
		CU_ASSERT_EQUAL(m->step, (enum wz_step)s);
		assert_golden(m, 24, 80, names[s]);
	}
	wz_free(m);
}

static void test_help_and_too_small(void)
{
	struct wz_model *m = open_example("skylake-64bit-guest.state");
	wz_key(m, KEY_F(1));
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_TEXT);
	assert_golden(m, 24, 80, "help");
	wz_key(m, 27);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	/* End on Review shows the last words, the rule counts. */
	m->st.field[FLD_GUEST_CR0] &= ~1ull;
	wz_refresh(m);
	wz_key(m, 'r');
	wz_key(m, KEY_END);
	CU_ASSERT(screen_has(m, "rules: 1 failed"));
	wz_resize(m, 12, 50);
	assert_golden(m, 12, 50, "too_small");
	wz_free(m);
}

/* Copy a file of tests/wizard into dir (so saving may replace it). */
static void copy_fixture(const char *name, const char *dir, char *path, size_t size)
{
	char src[512];
	snprintf(src, sizeof src, GOLDEN "%s", name);
	snprintf(path, size, "%s/%s", dir, name);
	char *text = read_file(src);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	FILE *f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
	free(text);
}

/* The tmux scenario, headless: a VMCS without its processor; filter the
 * profiles, load one, set a bit it forbids, read the failure on Review,
 * save over the file opened. */
static void test_profile_forbidden_bit_save(void)
{
	char dir[] = "/tmp/va-wizard-XXXXXX", path[600];
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	copy_fixture("vmcs_only.state", dir, path, sizeof path);
	struct wz_model *m = wz_new(24, 80, 1);
	CU_ASSERT_EQUAL_FATAL(wz_open(m, path), 0);
	CU_ASSERT_EQUAL(m->step, WZ_STEP_REVIEW);
	wz_key(m, '1');
	keys(m, "/6700k");
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_FILTER);
	CU_ASSERT(screen_has(m, "intel-skylake-i7-6700k"));
	CU_ASSERT(!screen_has(m, "intel-alderlake"));
	keys(m, "\n\n");
	CU_ASSERT(va_msr_known(&m->st, MSR_IA32_VMX_PINBASED_CTLS));
	CU_ASSERT(screen_has(m, "profile intel-skylake-i7-6700k loaded"));
	CU_ASSERT(screen_has(m, " success |"));
	/* Each control bit of the effective MSRs decoded: forced, forbidden, free. */
	int forced = 0, forbidden = 0, free_bits = 0;
	for (int i = 0; i < m->nrows; i++) {
		if (m->row[i].kind != WZ_ROW_CAP_BIT || m->row[i].a != MSR_IA32_VMX_TRUE_PINBASED_CTLS)
			continue;
		forced += strstr(m->row[i].text, "default1 bit 1") && strstr(m->row[i].text, "forced 1");
		forbidden += strstr(m->row[i].text, "PIN_BASED_POSTED_INTR") && strstr(m->row[i].text, "forbidden");
		free_bits += strstr(m->row[i].text, "PIN_BASED_NMI_EXITING") && strstr(m->row[i].text, "free");
	}
	CU_ASSERT(forced == 1 && forbidden == 1 && free_bits == 1);
	wz_key(m, '2');
	int r = row_of_bit(m, FLD_PIN_BASED_VM_EXEC_CONTROL, 7);
	CU_ASSERT_FATAL(r > 0);
	CU_ASSERT(strstr(m->row[r].text, "forbidden") != NULL);
	while (m->cursor[m->step] < r)
		wz_key(m, KEY_DOWN);
	wz_key(m, ' ');
	CU_ASSERT_EQUAL(m->st.field[FLD_PIN_BASED_VM_EXEC_CONTROL], 0x96);
	char after[64];
	va_render_verdict_short(&m->report.verdict, after, sizeof after);
	CU_ASSERT_STRING_EQUAL(after, "VMfailValid 7");
	CU_ASSERT(screen_has(m, " VMfailValid 7 |"));
	CU_ASSERT(m->failing[FLD_PIN_BASED_VM_EXEC_CONTROL]);
	CU_ASSERT_EQUAL(m->row[r].marker, '!');
	CU_ASSERT_EQUAL(m->step_failures[WZ_STEP_CONTROLS], m->report.count[VA_FAIL]);
	CU_ASSERT_EQUAL(m->report.count[VA_FAIL], 2);   /* and posted interrupts need virtual-interrupt delivery */
	wz_key(m, 'r');
	CU_ASSERT(screen_has(m, "CTL.PIN.ALLOWED1  SDM 26.2.1.1 / 29.2.1.1"));
	/* s replaces the state file opened; it holds what the screen showed. */
	wz_key(m, 's');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT_EQUAL(m->dirty, 0);
	char *saved = read_file(path);
	const char *update = getenv("VA_UPDATE_GOLDEN");
	if (update && *update && saved) {
		FILE *f = fopen(GOLDEN "pin_forbidden.state", "w");
		fputs(saved, f);
		fclose(f);
	}
	char *want = read_file(GOLDEN "pin_forbidden.state");
	CU_ASSERT_PTR_NOT_NULL(saved);
	CU_ASSERT_PTR_NOT_NULL(want);
	if (saved && want)
		CU_ASSERT_STRING_EQUAL(saved, want);
	free(saved);
	free(want);
	/* Without a name, s asks for one; an existing name asks before replacing. */
	m->path[0] = '\0';
	wz_key(m, 's');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_SAVE_AS);
	keys(m, path);
	wz_key(m, '\r');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_ASK);
	CU_ASSERT_EQUAL(m->question, WZ_ASK_REPLACE);
	wz_key(m, 'n');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	char other[700];
	snprintf(other, sizeof other, "%s/new.state", dir);
	wz_key(m, 's');
	keys(m, other);
	wz_key(m, '\r');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT(access(other, F_OK) == 0);
	CU_ASSERT_STRING_EQUAL(m->path, other);
	unlink(other);
	unlink(path);
	rmdir(dir);
	wz_free(m);
}

static void test_absent_is_not_zero(void)
{
	struct wz_model *m = wz_new(24, 80, 1);
	CU_ASSERT(wz_goto_field(m, FLD_GUEST_CR0) == 0);
	CU_ASSERT_EQUAL(m->step, WZ_STEP_GUEST);
	int r = m->cursor[m->step];
	CU_ASSERT_EQUAL(m->row[r].a, FLD_GUEST_CR0);
	CU_ASSERT(strstr(m->row[r].text, "\u2014") != NULL);
	/* ASCII terminals get a plain dash. */
	m->utf8 = 0;
	wz_refresh(m);
	CU_ASSERT(strstr(m->row[m->cursor[m->step]].text, "\u2014") == NULL);
	m->utf8 = 1;
	keys(m, "\n0x80000031\n");
	CU_ASSERT_EQUAL(m->st.presence[FLD_GUEST_CR0], VA_SET);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_CR0], 0x80000031);
	CU_ASSERT(m->dirty);
	/* x makes it absent again: not zero. */
	wz_key(m, 'x');
	CU_ASSERT_EQUAL(m->st.presence[FLD_GUEST_CR0], VA_ABSENT);
	/* A value too wide for the field is refused with a message. */
	wz_goto_field(m, FLD_GUEST_CS_SELECTOR);
	keys(m, "\n0x12345\n");
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_EDIT);
	CU_ASSERT(m->message_error);
	CU_ASSERT_EQUAL(m->st.presence[FLD_GUEST_CS_SELECTOR], VA_ABSENT);
	wz_key(m, 27);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	keys(m, "\nzz\n");
	CU_ASSERT(m->message_error);
	wz_key(m, 27);
	wz_free(m);
}

/* Only fields some applicable rule reads are asked: TPR shadow off, no
 * virtual-APIC address; on, it is asked. */
static void test_only_what_matters(void)
{
	struct wz_model *m = open_example("skylake-64bit-guest.state");
	va_state_mark_absent(&m->st, FLD_VIRTUAL_APIC_PAGE_ADDR);
	uint64_t *proc = &m->st.field[FLD_CPU_BASED_VM_EXEC_CONTROL];
	*proc &= ~(1ull << 21);   /* use TPR shadow */
	m->step = WZ_STEP_CONTROLS;
	wz_refresh(m);
	CU_ASSERT_EQUAL(row_of_field(m, FLD_VIRTUAL_APIC_PAGE_ADDR), -1);
	int r = row_of_bit(m, FLD_CPU_BASED_VM_EXEC_CONTROL, 21);
	CU_ASSERT_FATAL(r > 0);
	m->cursor[m->step] = r;
	wz_key(m, ' ');
	CU_ASSERT((*proc >> 21) & 1);
	CU_ASSERT(row_of_field(m, FLD_VIRTUAL_APIC_PAGE_ADDR) >= 0);
	CU_ASSERT(m->asked[FLD_TPR_THRESHOLD]);
	/* a shows every field of the step. */
	wz_key(m, ' ');
	CU_ASSERT_EQUAL(row_of_field(m, FLD_VIRTUAL_APIC_PAGE_ADDR), -1);
	wz_key(m, 'a');
	CU_ASSERT(row_of_field(m, FLD_VIRTUAL_APIC_PAGE_ADDR) >= 0);
	wz_free(m);
}

/* Typing hex updates the bits; toggling bits updates the hex. */
static void test_hex_and_bits(void)
{
	struct wz_model *m = open_example("skylake-64bit-guest.state");
	wz_key(m, '2');
	int r = row_of_field(m, FLD_PIN_BASED_VM_EXEC_CONTROL);
	CU_ASSERT_FATAL(r >= 0);
	m->cursor[m->step] = r;
	wz_key(m, '\r');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_EDIT);
	CU_ASSERT_STRING_EQUAL(m->line.buf, "0x00000016");
	/* Change one digit in place: End, Left, Backspace, type. */
	wz_key(m, KEY_END);
	wz_key(m, KEY_LEFT);
	wz_key(m, KEY_BACKSPACE);
	wz_key(m, 'f');
	CU_ASSERT_STRING_EQUAL(m->line.buf, "0x000000f6");
	wz_key(m, KEY_HOME);
	wz_key(m, KEY_DC);
	CU_ASSERT_STRING_EQUAL(m->line.buf, "x000000f6");
	wz_key(m, KEY_BACKSPACE);
	CU_ASSERT_STRING_EQUAL(m->line.buf, "x000000f6");   /* the cursor is at the start */
	wz_key(m, KEY_END);
	while (m->line.len)
		wz_key(m, KEY_BACKSPACE);
	keys(m, "0x1f\n");
	CU_ASSERT_EQUAL(m->st.field[FLD_PIN_BASED_VM_EXEC_CONTROL], 0x1f);
	int b0 = row_of_bit(m, FLD_PIN_BASED_VM_EXEC_CONTROL, 0);
	CU_ASSERT(strncmp(m->row[b0].text, "  [x]", 5) == 0);
	m->cursor[m->step] = b0;
	wz_key(m, ' ');
	CU_ASSERT_EQUAL(m->st.field[FLD_PIN_BASED_VM_EXEC_CONTROL], 0x1e);
	CU_ASSERT(strstr(m->row[row_of_field(m, FLD_PIN_BASED_VM_EXEC_CONTROL)].text, "0x0000001e") != NULL);
	wz_free(m);
}

/* Enter on a failure jumps to its field; ? shows the explanation. */
static void test_review_jump_and_explain(void)
{
	struct wz_model *m = open_example("skylake-64bit-guest.state");
	m->st.field[FLD_GUEST_CR0] &= ~1ull;  /* PE = 0 with PG = 1 */
	wz_refresh(m);
	wz_key(m, 'r');
	CU_ASSERT(m->report.count[VA_FAIL] > 0);
	int r = -1;
	for (int i = 0; i < m->nrows && r < 0; i++)
		if (m->row[i].kind == WZ_ROW_FINDING)
			r = i;
	CU_ASSERT_FATAL(r >= 0);
	m->cursor[m->step] = r;
	wz_key(m, '?');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_TEXT);
	CU_ASSERT(strstr(m->text, "SDM:") != NULL);
	CU_ASSERT(strstr(m->text, "(newest)") != NULL);
	snprintf(m->path, sizeof m->path, "skylake-64bit-guest.state");
	assert_golden(m, 24, 80, "explain");
	wz_key(m, 'q');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	wz_key(m, '\r');
	CU_ASSERT_EQUAL(m->step, WZ_STEP_GUEST);
	CU_ASSERT_EQUAL(m->row[m->cursor[m->step]].kind, WZ_ROW_FIELD);
	CU_ASSERT(m->failing[m->row[m->cursor[m->step]].a]);
	CU_ASSERT_EQUAL(m->row[m->cursor[m->step]].marker, '!');
	wz_free(m);
}

static void test_search_completes(void)
{
	struct wz_model *m = wz_new(24, 80, 1);
	wz_key(m, '3');
	keys(m, "/host_ia32_sysenter_e");
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_SEARCH);
	wz_key(m, '\t');
	CU_ASSERT_STRING_EQUAL(m->line.buf, "HOST_IA32_SYSENTER_E");   /* ESP and EIP */
	keys(m, "sp\n");
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT_EQUAL(m->row[m->cursor[m->step]].a, FLD_HOST_IA32_SYSENTER_ESP);
	keys(m, "/nosuchfield\n");
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_SEARCH);
	CU_ASSERT(m->message_error);
	wz_key(m, 27);
	wz_free(m);
}

static void test_paste(void)
{
	struct wz_model *m = wz_new(24, 80, 1);
	char *dump = read_file(DUMPS "kvm_6x_full.txt");
	CU_ASSERT_PTR_NOT_NULL_FATAL(dump);
	/* A value typed before the paste survives it where the dump is silent. */
	va_state_set_field(&m->st, FLD_VIRTUAL_TIMER_VECTOR, 0x42);
	wz_paste(m, dump, strlen(dump));
	CU_ASSERT(!m->message_error);
	CU_ASSERT(strstr(m->message, "VMCS fields") != NULL);
	CU_ASSERT_EQUAL(m->st.presence[FLD_GUEST_CR3], VA_SET);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_CR3], 0x102a4e000ull);
	CU_ASSERT_EQUAL(m->st.field[FLD_VIRTUAL_TIMER_VECTOR], 0x42);
	CU_ASSERT(m->dirty);
	free(dump);
	/* Garbage: a message, nothing changed. */
	uint64_t cr3 = m->st.field[FLD_GUEST_CR3];
	const char *junk = "this is not a dump\n";
	wz_paste(m, junk, strlen(junk));
	CU_ASSERT(m->message_error);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_CR3], cr3);
	/* The paste box: typed text, Ctrl-D reads it. */
	wz_key(m, 'p');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_PASTE);
	keys(m, "[cpu]\nmaxphyaddr = 46\n");
	wz_key(m, 4);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT(va_fact_known(&m->st, FACT_MAXPHYADDR));
	CU_ASSERT_EQUAL(m->st.fact[FACT_MAXPHYADDR], 46);
	wz_free(m);
}

static void test_quit_asks(void)
{
	struct wz_model *m = open_example("skylake-64bit-guest.state");
	CU_ASSERT_EQUAL(wz_key(m, 'q') & WZ_QUIT, WZ_QUIT);
	m->mode = WZ_MODE_LIST;
	wz_goto_field(m, FLD_GUEST_RIP);
	wz_key(m, 'x');
	CU_ASSERT(m->dirty);
	CU_ASSERT_EQUAL(wz_key(m, 'q') & WZ_QUIT, 0);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_ASK);
	CU_ASSERT_EQUAL(wz_key(m, 'n') & WZ_QUIT, 0);
	wz_key(m, 'q');
	CU_ASSERT_EQUAL(wz_key(m, 'y') & WZ_QUIT, WZ_QUIT);
	wz_free(m);
}

static void test_autosave_and_restore(void)
{
	char dir[] = "/tmp/va-wizard-XXXXXX";
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	char *old = getenv("XDG_STATE_HOME") ? strdup(getenv("XDG_STATE_HOME")) : NULL;
	setenv("XDG_STATE_HOME", dir, 1);
	struct wz_model *m = wz_new(24, 80, 1);
	CU_ASSERT_EQUAL_FATAL(wz_recovery_path(m->recovery, sizeof m->recovery), 0);
	struct stat sb;
	char sub[600];
	snprintf(sub, sizeof sub, "%s/vmcs-audit", dir);
	CU_ASSERT(stat(sub, &sb) == 0 && (sb.st_mode & 0777) == 0700);
	wz_goto_field(m, FLD_GUEST_RIP);
	keys(m, "\n0xfff0\n");
	CU_ASSERT_EQUAL(wz_autosave(m), 0);
	CU_ASSERT(stat(m->recovery, &sb) == 0 && (sb.st_mode & 0777) == 0600);
	wz_free(m);
	/* The next start offers it back. */
	m = wz_new(24, 80, 1);
	wz_recovery_path(m->recovery, sizeof m->recovery);
	wz_offer_recovery(m);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_ASK);
	CU_ASSERT_EQUAL(m->question, WZ_ASK_RESTORE);
	wz_key(m, 'y');
	CU_ASSERT_EQUAL(m->st.presence[FLD_GUEST_RIP], VA_SET);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_RIP], 0xfff0);
	CU_ASSERT_EQUAL(m->st.presence[FLD_GUEST_RSP], VA_ABSENT);
	CU_ASSERT(m->dirty);
	/* Quitting without saving, when asked, drops it. */
	wz_key(m, 'q');
	wz_key(m, 'y');
	CU_ASSERT(access(m->recovery, F_OK) != 0);
	wz_free(m);
	rmdir(sub);
	rmdir(dir);
	if (old) {
		setenv("XDG_STATE_HOME", old, 1);
		free(old);
	} else {
		unsetenv("XDG_STATE_HOME");
	}
}

/* `wizard FILE` shows the verdict `check FILE` prints (same load, same audit). */
static void same_verdict(const char *path)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_report *r = malloc(sizeof *r);
	struct va_import_notes notes;
	struct va_error err = { 0 };
	struct va_load_options opt = { 0 };
	CU_ASSERT_EQUAL_FATAL(va_load(st, path, &opt, &notes, &err), 0);
	va_audit(st, r);
	char want[64], got[64];
	va_render_verdict_short(&r->verdict, want, sizeof want);
	struct wz_model *m = wz_new(24, 80, 1);
	CU_ASSERT_EQUAL_FATAL(wz_open(m, path), 0);
	va_render_verdict_short(&m->report.verdict, got, sizeof got);
	if (strcmp(want, got))
		fprintf(stderr, "\n%s: check says %s, the wizard %s\n", path, want, got);
	CU_ASSERT_STRING_EQUAL(got, want);
	CU_ASSERT_EQUAL(m->report.count[VA_FAIL], r->count[VA_FAIL]);
	CU_ASSERT_EQUAL(m->report.count[VA_UNKNOWN], r->count[VA_UNKNOWN]);
	CU_ASSERT_EQUAL(m->step, WZ_STEP_REVIEW);
	char status[80];
	snprintf(status, sizeof status, " %s |", want);
	CU_ASSERT(screen_has(m, status));
	wz_free(m);
	va_state_release(st);
	free(st);
	free(r);
}

static void test_same_verdict_as_check(void)
{
	/* Every bundled example, whatever is added later. */
	DIR *d = opendir(EXAMPLES);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	unsigned examples = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 7 || strcmp(e->d_name + n - 6, ".state"))
			continue;
		char path[512];
		snprintf(path, sizeof path, EXAMPLES "%s", e->d_name);
		same_verdict(path);
		examples++;
	}
	closedir(d);
	CU_ASSERT(examples >= 4);
	static const char *const dumps[] = {
		DUMPS "kvm_6x_full.txt", DUMPS "kvm_5_15_journal.txt", DUMPS "kvm_cet_fred.txt",
		DUMPS "xen_msr_loading.txt",
	};
	for (size_t i = 0; i < sizeof dumps / sizeof dumps[0]; i++)
		same_verdict(dumps[i]);
}

/* One table: every bound action has help, and the man section names each. */
static void test_key_table(void)
{
	size_t n;
	const struct wz_binding *b = wz_bindings(&n);
	char *help = wz_help_text();
	CU_ASSERT_PTR_NOT_NULL_FATAL(help);
	for (size_t i = 0; i < n; i++) {
		CU_ASSERT(wz_action_help(b[i].action)[0] != '\0');
		CU_ASSERT_EQUAL(wz_key_action(b[i].group, b[i].key), b[i].action);
		if (b[i].label)
			CU_ASSERT(strstr(help, wz_action_help(b[i].action)) != NULL);
	}
	/* The fixed keys tests and users rely on. */
	CU_ASSERT_EQUAL(wz_key_action(WZ_GROUP_ANY, 'r'), WZ_ACT_REVIEW);
	CU_ASSERT_EQUAL(wz_key_action(WZ_GROUP_ANY, 's'), WZ_ACT_SAVE);
	CU_ASSERT_EQUAL(wz_key_action(WZ_GROUP_ANY, 'q'), WZ_ACT_QUIT);
	CU_ASSERT_EQUAL(wz_key_action(WZ_GROUP_ANY, '/'), WZ_ACT_SEARCH);
	CU_ASSERT_EQUAL(wz_key_action(WZ_GROUP_ANY, '?'), WZ_ACT_HELP);
	CU_ASSERT_EQUAL(wz_key_action(WZ_GROUP_ANY, KEY_F(1)), WZ_ACT_HELP);
	CU_ASSERT_EQUAL(wz_key_action(WZ_GROUP_EDIT, 27), WZ_ACT_CANCEL);
	free(help);
}

/* Fields asked follow the report: a rule that does not apply asks nothing. */
static void test_fields_asked(void)
{
	struct va_report *r = calloc(1, sizeof *r);
	uint8_t asked[FLD_COUNT];
	r->rule_count = (uint16_t)va_rule_count();
	for (unsigned i = 0; i < r->rule_count; i++)
		r->status[i] = VA_NOT_APPLICABLE;
	va_fields_asked(r, asked);
	for (unsigned f = 0; f < FLD_COUNT; f++)
		CU_ASSERT_EQUAL(asked[f], 0);
	int k = va_rule_find(va_rule_at(0)->id);
	r->status[k] = VA_PASS;
	va_fields_asked(r, asked);
	if (va_rule_at(0)->fields[0])
		CU_ASSERT(asked[va_rule_at(0)->fields[0]]);
	free(r);
}

/* What one keystroke costs: update + audit + rows + draw to the text canvas. */
static void test_keystroke_cost(void)
{
	struct wz_model *m = open_example("skylake-64bit-guest.state");
	wz_key(m, '2');
	int r = row_of_bit(m, FLD_CPU_BASED_VM_EXEC_CONTROL, 2);
	CU_ASSERT_FATAL(r > 0);
	m->cursor[m->step] = r;
	struct wz_canvas *c = wz_text_canvas_new(24, 80);
	enum { N = 4000 };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < N; i++) {
		wz_key(m, ' ');
		wz_draw(m, c);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double us = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / N / 1e3;
	printf("\n  one keystroke (toggle a control bit, re-audit, rows, draw 80x24): %.1f us\n", us);
	/* Invisible means well under a frame. */
	CU_ASSERT(us < 5000.0);
	/* f on a failure and u: the repair (two audits, a copy), the undo, and
	 * the audit, rows and screen after each. */
	m->st.field[FLD_GUEST_TR_AR_BYTES] = 0x89;
	wz_key(m, 'r');
	int fr = -1;
	for (int i = 0; i < m->nrows && fr < 0; i++)
		if (m->row[i].kind == WZ_ROW_FINDING)
			fr = i;
	CU_ASSERT_FATAL(fr >= 0);
	m->cursor[m->step] = fr;
	enum { F = 500 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int repaired = 0;
	for (int i = 0; i < F; i++) {
		wz_key(m, 'f');
		wz_draw(m, c);
		repaired += m->st.field[FLD_GUEST_TR_AR_BYTES] == 0x8b;
		wz_key(m, 'u');
		wz_draw(m, c);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CU_ASSERT_EQUAL(repaired, F);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_TR_AR_BYTES], 0x89);
	us = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / F / 2 / 1e3;
	printf("  one f or u on Review (repair or undo, re-audit, rows, draw): %.1f us\n", us);
	CU_ASSERT(us < 5000.0);
	/* The autosave after a change (temp file, fsync, rename) on its own. */
	char dir[] = "/tmp/va-wizard-XXXXXX";
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	snprintf(m->recovery, sizeof m->recovery, "%s/wizard.state", dir);
	enum { S = 50 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < S; i++)
		CU_ASSERT_EQUAL(wz_autosave(m), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	us = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / S / 1e3;
	printf("  one autosave (write, fsync, rename): %.1f us\n", us);
	unlink(m->recovery);
	rmdir(dir);
	wz_text_canvas_free(c);
	wz_free(m);
}

/* An inconclusive verdict and its likely causes: shown, never as failures. */
static void test_inconclusive_and_suspects(void)
{
	struct wz_model *m = wz_new(24, 80, 1);
	int unknown = -1;
	for (unsigned i = 0; i < m->report.n_findings && unknown < 0; i++)
		if (m->report.findings[i].status == VA_UNKNOWN)
			unknown = (int)i;
	CU_ASSERT_FATAL(unknown >= 0);
	struct va_report *r = &m->report;
	r->verdict.result = VA_RESULT_INCONCLUSIVE;
	r->n_suspects = 1;
	r->suspects[0] = (struct va_suspect){ .finding = (uint16_t)unknown, .assumption = VA_ASSUME_NONE,
					      .eval = r->findings[unknown].eval };
	m->step = WZ_STEP_REVIEW;
	wz_build_rows(m);
	char *text = screen(m, 40, 100);
	CU_ASSERT(strstr(text, "Likely causes") != NULL);
	CU_ASSERT(strstr(text, va_rule_at(r->findings[unknown].rule)->id) != NULL);
	CU_ASSERT(strstr(text, " inconclusive |") != NULL);
	CU_ASSERT(strstr(text, "Failures") == NULL);
	/* The suspect's rows lead to its missing input like any finding. */
	int row = -1;
	for (int i = 0; i < m->nrows && row < 0; i++)
		if (m->row[i].kind == WZ_ROW_FINDING && m->row[i].role == WZ_ROLE_WARN)
			row = i;
	CU_ASSERT(row >= 0);
	CU_ASSERT_NOT_EQUAL(m->row[row].marker, '!');
	free(text);
	wz_free(m);
}

/* A capability listing alone opens on Processor; the VMCS is still to ask. */
static void test_open_caps_only(void)
{
	struct wz_model *m = wz_new(24, 80, 1);
	CU_ASSERT_EQUAL_FATAL(wz_open(m, VA_SOURCE_DIR "/tests/readers/caps/rdmsr_all_msr_tools_1_3.txt"), 0);
	CU_ASSERT_EQUAL(m->step, WZ_STEP_PROCESSOR);
	CU_ASSERT(va_msr_known(&m->st, MSR_IA32_VMX_PINBASED_CTLS));
	CU_ASSERT_EQUAL(m->st.presence[FLD_GUEST_CR0], VA_ABSENT);
	/* A file that cannot be read: a message naming it, the state kept. */
	CU_ASSERT_EQUAL(wz_open(m, VA_SOURCE_DIR "/tests/bad/typo.state"), -1);
	CU_ASSERT(m->message_error);
	CU_ASSERT(strstr(m->message, "typo.state") != NULL);
	CU_ASSERT(va_msr_known(&m->st, MSR_IA32_VMX_PINBASED_CTLS));
	wz_free(m);
}

/* The Memory step lists the MSR-load area entry by entry. */
static void test_memory_step(void)
{
	struct wz_model *m = open_example("msr-load-failure.state");
	wz_key(m, '5');
	CU_ASSERT(screen_has(m, "VM_ENTRY_MSR_LOAD_COUNT: 3 entries at 0x50000"));
	CU_ASSERT(screen_has(m, "entry 2: value"));
	/* Add a qword, then make it absent again. */
	wz_key(m, KEY_END);
	CU_ASSERT_EQUAL(m->row[m->cursor[m->step]].kind, WZ_ROW_MEMORY_ADD);
	keys(m, "\n0x9000 = 0x1234\n");
	uint64_t v = 0;
	CU_ASSERT_EQUAL(va_mem_read64(&m->st, 0x9000, &v), 0);
	CU_ASSERT_EQUAL(v, 0x1234);
	keys(m, "\n0x9001 = 1\n");
	CU_ASSERT(m->message_error);
	wz_key(m, 27);
	int r = -1;
	for (int i = 0; i < m->nrows; i++)
		if (m->row[i].kind == WZ_ROW_MEMORY && m->row[i].v == 0x9000)
			r = i;
	CU_ASSERT_FATAL(r >= 0);
	m->cursor[m->step] = r;
	wz_key(m, 'x');
	CU_ASSERT(va_mem_read64(&m->st, 0x9000, &v) != 0);
	/* Enter on the MSR-load failure of entry 2 lands on that entry. */
	wz_key(m, 'r');
	for (int i = 0; i < m->nrows; i++)
		if (m->row[i].kind == WZ_ROW_FINDING && m->report.findings[m->row[i].a].status == VA_FAIL) {
			m->cursor[m->step] = i;
			break;
		}
	wz_key(m, '\r');
	CU_ASSERT_EQUAL(m->step, WZ_STEP_MEMORY);
	CU_ASSERT_EQUAL(m->row[m->cursor[m->step]].v, 0x50010);
	wz_free(m);
}

static void test_ascii(void)
{
	char out[64];
	wz_to_ascii("a \u2014 b \u2502 \u2019x\u00e9", out, sizeof out);
	CU_ASSERT_STRING_EQUAL(out, "a - b | 'x?");
}

/* s replaces an opened state file, never an opened dump. */
static void test_save_targets(void)
{
	char dir[] = "/tmp/va-wizard-XXXXXX", path[600];
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	struct wz_model *m = wz_new(24, 80, 1);
	CU_ASSERT_EQUAL_FATAL(wz_open(m, DUMPS "kvm_6x_full.txt"), 0);
	wz_key(m, 's');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_SAVE_AS);
	CU_ASSERT_STRING_EQUAL(m->line.buf, DUMPS "kvm_6x_full.txt.state");
	wz_key(m, 27);
	/* A state file opened is saved in place, after a change. */
	snprintf(path, sizeof path, "%s/copy.state", dir);
	CU_ASSERT_EQUAL_FATAL(va_state_save(path, &m->st, VA_SAVE_NEW, &(struct va_error){ 0 }), 0);
	CU_ASSERT_EQUAL_FATAL(wz_open(m, path), 0);
	wz_goto_field(m, FLD_GUEST_RIP);
	keys(m, "\n0x1234\n");
	CU_ASSERT(m->dirty);
	wz_key(m, 's');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT_EQUAL(m->dirty, 0);
	CU_ASSERT(strstr(m->message, "saved") != NULL);
	struct wz_model *again = wz_new(24, 80, 1);
	CU_ASSERT_EQUAL(wz_open(again, path), 0);
	CU_ASSERT_EQUAL(again->st.field[FLD_GUEST_RIP], 0x1234);
	/* A save that cannot happen says so and keeps the changes. */
	wz_goto_field(m, FLD_GUEST_RIP);
	keys(m, "\n0x5678\n");
	snprintf(m->path, sizeof m->path, "%s/no/such/dir.state", dir);
	wz_key(m, 's');
	CU_ASSERT(m->message_error);
	CU_ASSERT(strstr(m->message, "not saved") != NULL);
	CU_ASSERT(m->dirty);
	wz_free(again);
	wz_free(m);
	unlink(path);
	rmdir(dir);
}

static void test_mouse(void)
{
	struct wz_model *m = open_example("skylake-64bit-guest.state");
	struct wz_layout l;
	wz_layout(24, 80, &l);
	wz_click(m, l.side.y + WZ_STEP_GUEST, 2);
	CU_ASSERT_EQUAL(m->step, WZ_STEP_GUEST);
	int r = row_of_field(m, FLD_GUEST_CR3);
	CU_ASSERT_FATAL(r >= 0);
	wz_click(m, l.main.y + 1 + r - m->top[m->step], l.main.x + 5);
	CU_ASSERT_EQUAL(m->cursor[m->step], r);
	wz_free(m);
}

/* The first row of the finding of rule `id` on Review, or -1. */
static int row_of_rule(const struct wz_model *m, const char *id)
{
	for (int i = 0; i < m->nrows; i++)
		if (m->row[i].kind == WZ_ROW_FINDING &&
		    !strcmp(va_rule_at(m->report.findings[m->row[i].a].rule)->id, id))
			return i;
	return -1;
}

static int row_of_kind(const struct wz_model *m, enum wz_row_kind kind, unsigned a)
{
	for (int i = 0; i < m->nrows; i++)
		if (m->row[i].kind == kind && m->row[i].a == a)
			return i;
	return -1;
}

/* Put the cursor on row r with the keys a user presses. */
static void move_to(struct wz_model *m, int r)
{
	for (int n = 0; m->cursor[m->step] < r && n < 400; n++)
		wz_key(m, KEY_DOWN);
	for (int n = 0; m->cursor[m->step] > r && n < 400; n++)
		wz_key(m, KEY_UP);
	CU_ASSERT_EQUAL(m->cursor[m->step], r);
}

/* Processor, t: a template for the profile chosen; Review shows success. */
static void test_template_from_profile(void)
{
	struct wz_model *m = wz_new(24, 80, 1);
	/* Without capability MSRs there is no CPU to follow. */
	wz_key(m, 't');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT(m->message_error);
	keys(m, "/6700k\n\n");
	CU_ASSERT(va_msr_known(&m->st, MSR_IA32_VMX_PINBASED_CTLS));
	CU_ASSERT(row_of_kind(m, WZ_ROW_TEMPLATE, 0) >= 0);
	wz_key(m, 't');
	CU_ASSERT_EQUAL_FATAL(m->mode, WZ_MODE_TEMPLATE);
	CU_ASSERT(screen_has(m, "(*) long"));
	CU_ASSERT(screen_has(m, "[ ] ept"));
	assert_golden(m, 24, 80, "template_chooser");
	/* Only capability MSRs so far: nothing to lose, no question. */
	wz_key(m, '\r');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT_EQUAL(m->step, WZ_STEP_REVIEW);
	CU_ASSERT_EQUAL(m->report.verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(m->report.count[VA_FAIL], 0);
	CU_ASSERT_EQUAL(m->report.count[VA_UNKNOWN], 0);
	CU_ASSERT(m->dirty);
	CU_ASSERT_STRING_EQUAL(m->path, "");
	CU_ASSERT(strstr(m->message, "long guest on intel-skylake-i7-6700k") != NULL);
	CU_ASSERT(screen_has(m, " success | 0 failed, 0 warned, 0 not evaluated"));
	CU_ASSERT_EQUAL(m->st.entry[ENTRY_INSTRUCTION], VA_INSN_VMLAUNCH);
	assert_golden(m, 24, 80, "template_review");
	/* A value typed since: the next template asks before dropping it. */
	wz_goto_field(m, FLD_GUEST_RIP);
	keys(m, "\n0x1234\n");
	wz_key(m, '1');
	wz_key(m, 't');
	CU_ASSERT_EQUAL_FATAL(m->mode, WZ_MODE_TEMPLATE);
	int real = row_of_kind(m, WZ_ROW_TPL_MODE, VA_TM_REAL);
	CU_ASSERT_FATAL(real >= 0);
	move_to(m, real);
	wz_key(m, ' ');
	CU_ASSERT_EQUAL(m->tpl_mode, VA_TM_REAL);
	CU_ASSERT(screen_has(m, "(*) real"));
	wz_key(m, '\r');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_ASK);
	CU_ASSERT_EQUAL(m->question, WZ_ASK_TEMPLATE);
	CU_ASSERT(screen_has(m, "The template replaces unsaved VMCS fields"));
	wz_key(m, 'n');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_RIP], 0x1234);
	CU_ASSERT_PTR_NULL(m->pending);
	wz_key(m, 't');
	wz_key(m, '\r');
	wz_key(m, 'y');
	CU_ASSERT_EQUAL(m->step, WZ_STEP_REVIEW);
	CU_ASSERT_EQUAL(m->report.verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_RIP], 0x7c00);   /* the boot sector */
	CU_ASSERT(strstr(m->message, "real guest on") != NULL);
	CU_ASSERT((m->st.field[FLD_SECONDARY_VM_EXEC_CONTROL] >> 7) & 1);   /* unrestricted guest */
	/* u brings back the state the template replaced. */
	wz_key(m, 'u');
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_RIP], 0x1234);
	CU_ASSERT(strstr(m->message, "took back the template") != NULL);
	wz_key(m, 'u');
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_RIP], 0x7c00);
	/* Esc leaves the chooser where the user was. */
	wz_key(m, '1');
	wz_key(m, KEY_DOWN);
	int at = m->cursor[m->step];
	wz_key(m, 't');
	wz_key(m, 27);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT_EQUAL(m->cursor[m->step], at);
	wz_free(m);
}

/* A feature the CPU lacks: the message names the capability bit; nothing changes. */
static void test_template_refused(void)
{
	struct wz_model *m = wz_new(24, 80, 1);
	keys(m, "/i9-12900k\n\n");
	CU_ASSERT_FATAL(va_msr_known(&m->st, MSR_IA32_VMX_PROCBASED_CTLS2));
	struct va_state before = m->st;
	int dirty = m->dirty;
	wz_key(m, 't');
	CU_ASSERT_EQUAL_FATAL(m->mode, WZ_MODE_TEMPLATE);
	int pml = row_of_kind(m, WZ_ROW_TPL_FEATURE, (unsigned)va_template_feature_by_name("pml", 3));
	CU_ASSERT_FATAL(pml >= 0);
	move_to(m, pml);
	wz_key(m, ' ');
	CU_ASSERT(strstr(m->row[m->cursor[m->step]].text, "[x] pml") != NULL);
	wz_key(m, '\r');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_TEXT);
	CU_ASSERT(m->message_error);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m->text);
	CU_ASSERT(strstr(m->text, "SECONDARY_EXEC_ENABLE_PML") != NULL);
	CU_ASSERT(screen_has(m, "(IA32_VMX_PROCBASED_CTLS2 bit"));
	CU_ASSERT(strstr(m->text, "Nothing changed") != NULL);
	CU_ASSERT(screen_has(m, "No template with these choices"));
	/* Nothing changed: the fields, MSRs and the modified mark as they were. */
	CU_ASSERT(memcmp(m->st.presence, before.presence, sizeof before.presence) == 0);
	CU_ASSERT(memcmp(m->st.msr, before.msr, sizeof before.msr) == 0);
	CU_ASSERT_EQUAL(m->dirty, dirty);
	CU_ASSERT_PTR_NULL(m->pending);
	/* Any key goes back to the choices, pml still ticked. */
	wz_key(m, 'x');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_TEMPLATE);
	CU_ASSERT((m->tpl_features >> va_template_feature_by_name("pml", 3)) & 1);
	wz_key(m, 27);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT_EQUAL(m->step, WZ_STEP_PROCESSOR);
	wz_free(m);
}

/* Review, f: the failure's repair, the change on the key line, success. */
static void test_fix_one(void)
{
	struct wz_model *m = open_example("skylake-64bit-guest.state");
	m->st.field[FLD_GUEST_TR_AR_BYTES] = 0x89;
	wz_refresh(m);
	wz_key(m, 'r');
	CU_ASSERT_EQUAL(m->report.count[VA_FAIL], 1);
	int r = row_of_rule(m, "GUEST.SEG.TR.TYPE");
	CU_ASSERT_FATAL(r >= 0);
	move_to(m, r);
	assert_golden(m, 24, 80, "fix_before");
	wz_key(m, 'f');
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	CU_ASSERT_EQUAL(m->report.verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(m->report.status[va_rule_find("GUEST.SEG.TR.TYPE")], VA_PASS);
	CU_ASSERT_STRING_EQUAL(m->message, "GUEST_TR_AR_BYTES 0x89 -> 0x8b  GUEST.SEG.TR.TYPE  (u undoes)");
	CU_ASSERT(!m->message_error);
	CU_ASSERT(m->dirty);
	CU_ASSERT(screen_has(m, " success |"));
	assert_golden(m, 24, 80, "fix_after");
	/* u takes the repair back, u again puts it back. */
	wz_key(m, 'u');
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_TR_AR_BYTES], 0x89);
	CU_ASSERT_EQUAL(m->report.count[VA_FAIL], 1);
	CU_ASSERT(strstr(m->message, "took back the repair of GUEST.SEG.TR.TYPE") != NULL);
	wz_key(m, 'u');
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	CU_ASSERT_EQUAL(m->report.verdict.result, VA_RESULT_SUCCESS);
	/* Another change since: nothing to undo (it would lose that change). */
	wz_goto_field(m, FLD_GUEST_RIP);
	keys(m, "\n0x1234\n");
	wz_key(m, 'u');
	CU_ASSERT(m->message_error);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_RIP], 0x1234);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	wz_key(m, 'r');
	/* Not on a failure: says so. */
	wz_key(m, KEY_HOME);
	wz_key(m, 'f');
	CU_ASSERT(m->message_error);
	wz_free(m);
}

static struct wz_model *open_fix_case(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, VA_SOURCE_DIR "/tests/fix/%s", name);
	struct wz_model *m = wz_new(24, 80, 1);
	CU_ASSERT_EQUAL_FATAL(wz_open(m, path), 0);
	CU_ASSERT_EQUAL(m->step, WZ_STEP_REVIEW);
	return m;
}

/* f on the failure of rule `id` in tests/fix/NAME: the message says why,
 * `field` keeps its value, nothing is modified. */
static void fix_says(const char *name, const char *id, enum va_field field, const char *why)
{
	struct wz_model *m = open_fix_case(name);
	int r = row_of_rule(m, id);
	CU_ASSERT_FATAL(r >= 0);
	uint64_t value = m->st.field[field];
	move_to(m, r);
	wz_key(m, 'f');
	CU_ASSERT(m->message_error);
	if (!strstr(m->message, why))
		fprintf(stderr, "\n%s: the message is '%s'\n", id, m->message);
	CU_ASSERT(strstr(m->message, why) != NULL);
	CU_ASSERT_EQUAL(m->st.field[field], value);
	CU_ASSERT_EQUAL(m->dirty, 0);
	wz_free(m);
}

/* f on a failure without a repair, or whose repair is refused: why, no change. */
static void test_fix_needs_decision(void)
{
	fix_says("needs_decision.state", "CTL.EXEC.MSR_BITMAP_WIDTH", FLD_MSR_BITMAP,
		 "CTL.EXEC.MSR_BITMAP_WIDTH: no mechanical repair");
	fix_says("refused.state", "CTL.EXEC.X2APIC_NEEDS_TPR_SHADOW", FLD_CPU_BASED_VM_EXEC_CONTROL,
		 "repair refused: it would make CTL.EXEC.TPR_THRESHOLD_VTPR undecidable");
}

/* F: every mechanical repair of a state with faults in three stages. */
static void test_fix_all(void)
{
	struct wz_model *m = open_fix_case("three_stages.state");
	CU_ASSERT(m->report.count[VA_FAIL] > 1);
	wz_key(m, 'F');
	CU_ASSERT_EQUAL(m->report.verdict.result, VA_RESULT_SUCCESS);
	CU_ASSERT_EQUAL(m->report.count[VA_FAIL], 0);
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_TR_AR_BYTES], 0x8b);
	CU_ASSERT_EQUAL(m->st.field[FLD_VMCS_LINK_POINTER], ~0ull);
	CU_ASSERT(m->dirty);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_TEXT);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m->text);
	/* What `vmcs-audit fix` prints, change by change. */
	char *want = read_file(VA_SOURCE_DIR "/tests/fix/three_stages.out");
	CU_ASSERT_PTR_NOT_NULL_FATAL(want);
	*strstr(want, "\n\n") = '\0';
	CU_ASSERT(strstr(m->text, want) != NULL);
	free(want);
	CU_ASSERT(strstr(m->text, "9 changes; VMfailValid 7 -> success") != NULL);
	CU_ASSERT(strstr(m->message, "9 changes; success") != NULL);
	wz_key(m, 27);
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	/* One change, one undo: every repair taken back at once. */
	wz_key(m, 'u');
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_TR_AR_BYTES], 0x89);
	CU_ASSERT_EQUAL(m->st.field[FLD_VMCS_LINK_POINTER], 0);
	CU_ASSERT(m->report.count[VA_FAIL] > 1);
	wz_key(m, 'u');
	CU_ASSERT_EQUAL(m->report.verdict.result, VA_RESULT_SUCCESS);
	/* Nothing left to repair. */
	wz_key(m, 'F');
	CU_ASSERT_EQUAL(m->mode, WZ_MODE_LIST);
	CU_ASSERT(strstr(m->message, "nothing to repair") != NULL);
	wz_free(m);
	/* A fault that needs a decision is listed with why. */
	m = open_fix_case("needs_decision.state");
	wz_key(m, 'F');
	CU_ASSERT_EQUAL(m->st.field[FLD_GUEST_RFLAGS] & 2, 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m->text);
	CU_ASSERT(strstr(m->text, "Needs a decision:") != NULL);
	CU_ASSERT(strstr(m->text, "CTL.EXEC.MSR_BITMAP_WIDTH") != NULL);
	CU_ASSERT(strstr(m->message, "2 need a decision") != NULL);
	wz_free(m);
}

CU_TestInfo tests_wizard[] = {
	{ "template from a profile: Review shows success", test_template_from_profile },
	{ "template with a feature the CPU lacks: refused, nothing changes", test_template_refused },
	{ "f repairs the failure under the cursor", test_fix_one },
	{ "f on a failure that needs a decision says why", test_fix_needs_decision },
	{ "F runs every mechanical repair", test_fix_all },
	{ "mouse: a step, a row", test_mouse },
	{ "s replaces a state file opened, never a dump", test_save_targets },
	{ "ASCII for terminals that are not UTF-8", test_ascii },
	{ "a capability listing opens on Processor; a bad file is refused", test_open_caps_only },
	{ "Memory: MSR-load entries, add and remove", test_memory_step },
	{ "inconclusive and likely causes on Review", test_inconclusive_and_suspects },
	{ "every step at 80x24 (golden)", test_every_step_golden },
	{ "help screen and too-small message (golden)", test_help_and_too_small },
	{ "profile by filter, forbidden bit, Review, save", test_profile_forbidden_bit_save },
	{ "absent is not zero; bad values refused", test_absent_is_not_zero },
	{ "only fields that matter are asked", test_only_what_matters },
	{ "hex edit and bit toggles agree", test_hex_and_bits },
	{ "Review: Enter jumps to the field, ? explains", test_review_jump_and_explain },
	{ "search with completion", test_search_completes },
	{ "paste into the current state", test_paste },
	{ "quit with unsaved changes asks", test_quit_asks },
	{ "autosave and restore", test_autosave_and_restore },
	{ "same verdict as check", test_same_verdict_as_check },
	{ "one key table", test_key_table },
	{ "fields asked follow the report", test_fields_asked },
	{ "keystroke cost", test_keystroke_cost },
	CU_TEST_INFO_NULL,
};
