/*
 * vmcs-audit-bench: how fast is one full audit, and how fast is `check`
 * over many files compared with merely reading them.  A program, not a
 * test: it prints figures and never fails on them.
 *
 *   vmcs-audit-bench [BASE_STATE [VMCS_AUDIT_BINARY [FILES [SOURCE_DIR]]]]
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../auditor/engine/audit.h"
#include "../auditor/input/import.h"
#include "../auditor/input/state_file.h"

extern char **environ;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	*len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
	fclose(f);
	return buf;
}

/* Median over batches of the mean time of one va_audit. */
static double audit_median_ns(const struct va_state *st, struct va_report *r)
{
	enum { BATCHES = 101, PER_BATCH = 2000 };
	double t[BATCHES];
	for (int i = 0; i < 1000; i++)
		va_audit(st, r);
	for (int b = 0; b < BATCHES; b++) {
		double t0 = now();
		for (int i = 0; i < PER_BATCH; i++)
			va_audit(st, r);
		t[b] = (now() - t0) / PER_BATCH * 1e9;
	}
	qsort(t, BATCHES, sizeof t[0], cmp_double);
	return t[BATCHES / 2];
}

/* Variants of the base state: the same text with one value changed, so
 * that the files differ and the verdicts vary. */
static int write_files(const char *dir, const char *base, size_t len, int count)
{
	char path[512];
	for (int i = 0; i < count; i++) {
		snprintf(path, sizeof path, "%s/s%05d.state", dir, i);
		FILE *f = fopen(path, "wb");
		if (!f)
			return -1;
		fwrite(base, 1, len, f);
		fprintf(f, "\n[entry]\ncpl = %d\n[memory]\n0x1000 = %d\n", i % 7 ? 0 : 3, i);
		fclose(f);
	}
	return 0;
}

static double read_all(const char *dir, int count)
{
	char path[512];
	static char buf[1 << 16];
	double t0 = now();
	for (int i = 0; i < count; i++) {
		snprintf(path, sizeof path, "%s/s%05d.state", dir, i);
		FILE *f = fopen(path, "rb");
		if (!f)
			return -1;
		while (fread(buf, 1, sizeof buf, f) == sizeof buf)
			;
		fclose(f);
	}
	return now() - t0;
}

/* Reading and parsing each file into a state, without auditing. */
static double load_all(const char *dir, int count)
{
	char path[512];
	static char buf[1 << 16];
	static struct va_state st;
	struct va_error err;
	double t0 = now();
	for (int i = 0; i < count; i++) {
		snprintf(path, sizeof path, "%s/s%05d.state", dir, i);
		FILE *f = fopen(path, "rb");
		if (!f)
			return -1;
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		va_state_init(&st);
		if (va_state_read(&st, buf, n, path, &err))
			return -1;
		va_state_release(&st);
	}
	return now() - t0;
}

static double run_check(const char *binary, const char *dir, int count)
{
	char **argv = calloc((size_t)count + 4, sizeof *argv);
	argv[0] = (char *)binary;
	argv[1] = "check";
	argv[2] = "--json";
	for (int i = 0; i < count; i++) {
		size_t size = strlen(dir) + 32;
		argv[3 + i] = malloc(size);
		snprintf(argv[3 + i], size, "%s/s%05d.state", dir, i);
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", 1, 0);
	pid_t pid;
	double t0 = now();
	int rc = posix_spawn(&pid, binary, &fa, NULL, argv, environ);
	int status = 0;
	if (rc == 0)
		waitpid(pid, &status, 0);
	double t = now() - t0;
	for (int i = 0; i < count; i++)
		free(argv[3 + i]);
	free(argv);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) > 1)
		return -1;
	return t;
}

/* dmesg-sized text: kernel-log noise around one pasted dump. */
static char *make_log(const char *dump, size_t dump_len, size_t size, size_t *len)
{
	static const char *const noise[] = {
		"[ 1532.118734] usb 1-1.2: new high-speed USB device number 7 using xhci_hcd\n",
		"[ 1532.118801] EXT4-fs (nvme0n1p2): re-mounted. Opts: errors=remount-ro\n",
		"[ 1532.118902] kvm [4711]: vcpu0, guest rIP: 0xfff0 unhandled rdmsr: 0x140\n",
		"[ 1532.119003] audit: type=1400 audit(1700000000.123:42): apparmor=\"STATUS\"\n",
	};
	char *buf = malloc(size + dump_len + 1);
	size_t n = 0;
	for (unsigned i = 0; n < size / 2; i++) {
		size_t k = strlen(noise[i % 4]);
		memcpy(buf + n, noise[i % 4], k);
		n += k;
	}
	memcpy(buf + n, dump, dump_len);
	n += dump_len;
	for (unsigned i = 0; n < size; i++) {
		size_t k = strlen(noise[i % 4]);
		if (n + k > size)
			break;
		memcpy(buf + n, noise[i % 4], k);
		n += k;
	}
	*len = n;
	return buf;
}

/* MB/s of va_import over the text (best of a few runs), by kind or detected. */
static double import_rate(const char *text, size_t len, const char *kind)
{
	static struct va_state st;
	static struct va_import_notes notes;
	struct va_error err;
	double best = 0;
	for (int run = 0; run < 5; run++) {
		va_state_init(&st);
		notes.count = 0;
		double t0 = now();
		int rc = va_import(&st, text, len, "log", kind, &err, &notes);
		double t = now() - t0;
		va_state_release(&st);
		if (rc)
			return -1;
		double rate = (double)len / t / 1e6;
		if (rate > best)
			best = rate;
	}
	return best;
}

/* MB/s of every reader's detect over the text (best of a few runs): the
 * importer's cost before any reading, the figure held to >= 100 MB/s. */
static double detect_rate(const char *text, size_t len)
{
	size_t count;
	const struct va_reader *const *readers = va_readers(&count);
	double best = 0;
	for (int run = 0; run < 5; run++) {
		double t0 = now();
		int sum = 0;
		for (size_t i = 0; i < count; i++)
			sum += readers[i]->detect(text, len);
		double t = now() - t0;
		if (sum < 0)
			return -1;
		double rate = (double)len / t / 1e6;
		if (rate > best)
			best = rate;
	}
	return best;
}

static void reader_throughput(const char *source_dir)
{
	static const struct {
		const char *file, *kind;
	} samples[] = {
		{ "tests/readers/dumps/kvm_6x_full.txt", "kvm" },
		{ "tests/readers/dumps/xen_412_wrapped.txt", "xen" },
		{ "tests/readers/dumps/haxm_linux.txt", "haxm" },
		{ "tests/readers/dumps/qemu_64bit_vmfail.txt", "qemu" },
		{ "tests/readers/dumps/listing_bluepill.txt", "listing" },
		{ "tests/readers/caps/rdmsr_default_hex_full.txt", "rdmsr" },
		{ "tests/readers/caps/windbg_session_full.txt", "windbg" },
		{ "tests/readers/caps/vmxcap_current_coffeelake.txt", "vmxcap" },
		{ "tests/readers/caps/vbox_report_4_1_full.txt", "vbox-log" },
	};
	char path[512];
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		size_t dump_len, len;
		snprintf(path, sizeof path, "%s/%s", source_dir, samples[i].file);
		char *dump = slurp(path, &dump_len);
		if (!dump)
			continue;
		char *text = make_log(dump, dump_len, 16u << 20, &len);
		printf("  %-9s in %zu MB of kernel log: detect %.0f MB/s, read %.0f MB/s, detected and read %.0f MB/s\n",
		       samples[i].kind, len >> 20, detect_rate(text, len), import_rate(text, len, samples[i].kind),
		       import_rate(text, len, NULL));
		free(text);
		free(dump);
	}
}

int main(int argc, char **argv)
{
	const char *base_path = argc > 1 ? argv[1] : "docs/examples/skylake-64bit-guest.state";
	const char *binary = argc > 2 ? argv[2] : "build/vmcs-audit";
	int files = argc > 3 ? atoi(argv[3]) : 10000;
	size_t len;
	char *base = slurp(base_path, &len);
	struct va_state *st = malloc(sizeof *st);
	struct va_report *r = malloc(sizeof *r);
	struct va_error err;
	if (!base || !st || !r) {
		fprintf(stderr, "bench: cannot read %s\n", base_path);
		return 2;
	}
	va_state_init(st);
	if (va_state_read(st, base, len, base_path, &err)) {
		fprintf(stderr, "%s:%u:%u: %s\n", err.file, err.line, err.column, err.message);
		return 2;
	}
	double ns = audit_median_ns(st, r);
	printf("full audit (%u rules, %u findings): median %.0f ns\n", r->rule_count, r->n_findings, ns);

	/* A failing VMCS: findings to record and a verdict to decide. */
	const char *bad = "[vmcs]\nGUEST_CR0 = 0x20\nHOST_TR_SELECTOR = 0\nVIRTUAL_PROCESSOR_ID = 0\n";
	va_state_read(st, bad, strlen(bad), "bad", &err);
	ns = audit_median_ns(st, r);
	printf("full audit of a failing VMCS (%u findings): median %.0f ns\n", r->n_findings, ns);

	char dir[] = "/tmp/vmcs-audit-bench-XXXXXX";
	if (!mkdtemp(dir) || write_files(dir, base, len, files)) {
		fprintf(stderr, "bench: cannot write files: %s\n", strerror(errno));
		return 2;
	}
	double t_read = read_all(dir, files);   /* warms the page cache too */
	t_read = read_all(dir, files);
	double t_load = load_all(dir, files);
	double t_check = run_check(binary, dir, files);
	if (t_check < 0 || t_load < 0) {
		fprintf(stderr, "bench: %s check failed\n", binary);
	} else {
		printf("check --json over %d files: %.3f s (%.1f us a file)\n", files, t_check,
		       t_check / files * 1e6);
		printf("  reading their bytes: %.3f s (check / read = %.2f)\n", t_read, t_check / t_read);
		printf("  reading and parsing them into states: %.3f s (check / load = %.2f)\n", t_load,
		       t_check / t_load);
	}
	printf("readers:\n");
	reader_throughput(argc > 4 ? argv[4] : ".");
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: could not remove %s\n", dir);
	va_state_release(st);
	free(st);
	free(r);
	free(base);
	return 0;
}
