/*
 * Every dump of an input, read one at a time in one pass: three failures in
 * a dmesg give three states with the lines where they start; pieces of one
 * dump quoted apart read as the whole; pieces that repeat a dump's start
 * are separate dumps; errors and notes name lines of the whole input.
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "../auditor/input/dump_stream.h"
#include "../auditor/input/input.h"
#include "../auditor/input/state_file.h"
#include "suites.h"

#define DUMPS VA_SOURCE_DIR "/tests/readers/dumps/"

static char *write_temp(const char *text, size_t len)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/va-stream-XXXXXX");
	int fd = mkstemp(path);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_FATAL(write(fd, text, len) == (ssize_t)len);
	close(fd);
	return path;
}

struct dumps {
	unsigned count, total;
	unsigned line[8];
	int rc[8];
	uint64_t cr0[8], rip[8];
	int cr0_set[8];
	struct va_state first;   /* the first dump, whole */
	struct va_error err[8];
	struct va_import_notes notes[8];
};

static void read_all(const char *path, struct dumps *d)
{
	struct va_load_options opt = { 0 };
	struct va_error err = { 0 };
	static struct va_state st;
	static struct va_import_notes notes;
	memset(d, 0, sizeof *d);
	struct va_dump_stream *s = va_dump_stream_open(path, &opt, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	d->total = va_dump_stream_total(s);
	unsigned line;
	int got;
	while ((got = va_dump_stream_next(s, &st, &notes, &line, &err)) != 0) {
		unsigned i = d->count++;
		if (i < 8) {
			d->rc[i] = got;
			d->line[i] = line;
			d->err[i] = err;
			d->notes[i] = notes;
			d->cr0_set[i] = st.presence[FLD_GUEST_CR0] == VA_SET;
			d->cr0[i] = st.field[FLD_GUEST_CR0];
			d->rip[i] = st.presence[FLD_GUEST_RIP] == VA_SET ? st.field[FLD_GUEST_RIP] : 0;
			if (!i)
				d->first = st;
			else
				va_state_release(&st);
		} else {
			va_state_release(&st);
		}
	}
	va_dump_stream_close(s);
}

/* A dmesg with three failures (and log noise): three dumps. */
static void test_three_failures(void)
{
	struct dumps d;
	read_all(DUMPS "kvm_two_dumps.txt", &d);
	CU_ASSERT_EQUAL(d.total, 3);
	CU_ASSERT_EQUAL_FATAL(d.count, 3);
	CU_ASSERT_EQUAL(d.line[0], 1);
	CU_ASSERT_EQUAL(d.line[1], 18);
	CU_ASSERT_EQUAL(d.line[2], 25);
	CU_ASSERT(d.rc[0] == 1 && d.rc[1] == 1 && d.rc[2] == 1);
	CU_ASSERT_EQUAL(d.cr0[0], 0x31);
	CU_ASSERT_EQUAL(d.cr0[1], 0x80000031);
	CU_ASSERT_EQUAL(d.cr0[2], 0xdeadbeef);
	va_state_release(&d.first);
}

/* A bad value in the second dump: that dump's error names the line of the
 * whole input; the first and third are read. */
static void test_error_lines_are_the_inputs(void)
{
	size_t len;
	char *text;
	struct va_error err;
	CU_ASSERT_FATAL(va_read_input(DUMPS "kvm_two_dumps.txt", &text, &len, &err) == 0);
	char *bad = strstr(text, "actual=0x0000000080000031");
	CU_ASSERT_FATAL(bad != NULL);
	memcpy(bad + 7, "0x00000000800000zz", 18);
	char *path = write_temp(text, len);
	struct dumps d;
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL_FATAL(d.count, 3);
	CU_ASSERT_EQUAL(d.rc[0], 1);
	CU_ASSERT_EQUAL(d.rc[1], -1);
	CU_ASSERT_EQUAL(d.err[1].line, 20);
	CU_ASSERT_EQUAL(d.rc[2], 1);
	CU_ASSERT_EQUAL(d.cr0[2], 0xdeadbeef);
	va_state_release(&d.first);
	free(text);
}

/* Lines [from, to) of text (1-based), each with a quote prefix, re-indented. */
static void quote(char *out, size_t cap, const char *text, unsigned from, unsigned to, const char *prefix)
{
	unsigned line = 1;
	size_t k = strlen(out);
	for (const char *p = text; *p && k + 1 < cap; line++) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (line >= from && line < to)
			k += (size_t)snprintf(out + k, cap - k, "%s%.*s\n", prefix, (int)n, p);
		p += n + (nl != NULL);
	}
}

static int same_fields(const struct va_state *a, const struct va_state *b)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (a->presence[f] != b->presence[f] || (a->presence[f] == VA_SET && a->field[f] != b->field[f])) {
			fprintf(stderr, "\n  %s differs (%d 0x%llx, %d 0x%llx)", va_field_name((enum va_field)f),
				a->presence[f], (unsigned long long)a->field[f], b->presence[f],
				(unsigned long long)b->field[f]);
			return 0;
		}
	return 1;
}

/* The text reads as one dump, the same as `whole` (a total of 1 counted ahead). */
static void assert_whole(const char *text, const struct va_state *whole)
{
	struct dumps d;
	char *path = write_temp(text, strlen(text));
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, 1);
	CU_ASSERT_EQUAL(d.count, 1);
	CU_ASSERT_EQUAL(d.rc[0], 1);
	CU_ASSERT(same_fields(whole, &d.first));
	va_state_release(&d.first);
}

/* One dump split into 2 and 3 quoted pieces ("> ", "| ", indentation,
 * "..." between) reads as the whole dump. */
static void test_fragments_merge(void)
{
	size_t len;
	char *text;
	struct va_error err;
	CU_ASSERT_FATAL(va_read_input(DUMPS "kvm_6x_full.txt", &text, &len, &err) == 0);
	struct dumps whole;
	read_all(DUMPS "kvm_6x_full.txt", &whole);
	CU_ASSERT_EQUAL_FATAL(whole.count, 1);

	static char buf[64 << 10];
	buf[0] = '\0';
	strcat(buf, "Here is the first part:\n");
	quote(buf, sizeof buf, text, 1, 30, "> ");
	strcat(buf, "...\nand the rest:\n");
	quote(buf, sizeof buf, text, 30, 65, "    ");
	assert_whole(buf, &whole.first);

	buf[0] = '\0';
	quote(buf, sizeof buf, text, 1, 20, "| ");
	strcat(buf, "| ...\n\n");
	quote(buf, sizeof buf, text, 20, 40, "> > ");
	strcat(buf, "[...]\n");
	quote(buf, sizeof buf, text, 40, 65, "  ");
	assert_whole(buf, &whole.first);
	va_state_release(&whole.first);
	free(text);
}

/* Two quotes that each begin a dump, with different values: two dumps. */
static void test_conflicting_pieces_are_two_dumps(void)
{
	static const char text[] =
		"> [ 9.1] kvm_intel: *** Guest State ***\n"
		"> [ 9.1] kvm_intel: CR0: actual=0x0000000080050033, shadow=0x0000000080050033, gh_mask=fffffffffffefff7\n"
		"> [ 9.1] kvm_intel: CR3 = 0x0000000102a4e000\n"
		"...\n"
		"Later it failed again:\n"
		"\n\n\n\n\n\n"
		"> [ 9.5] kvm_intel: *** Guest State ***\n"
		"> [ 9.5] kvm_intel: CR0: actual=0x0000000000000031, shadow=0x0000000080050033, gh_mask=fffffffffffefff7\n"
		"> [ 9.5] kvm_intel: CR3 = 0x0000000000001000\n";
	char *path = write_temp(text, strlen(text));
	struct dumps d;
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, 2);
	CU_ASSERT_EQUAL_FATAL(d.count, 2);
	CU_ASSERT_EQUAL(d.cr0[0], 0x80050033);
	CU_ASSERT_EQUAL(d.cr0[1], 0x31);
	CU_ASSERT_EQUAL(d.line[1], 12);
	va_state_release(&d.first);
}

/* Pieces that each repeat the dump's start (its header quoted again, with
 * the same timestamps) and add sections: the same dump when no value
 * conflicts, in 2 and in 3 pieces; the whole dump quoted twice is one. */
static void test_repeated_start_merges(void)
{
	size_t len;
	char *text;
	struct va_error err;
	CU_ASSERT_FATAL(va_read_input(DUMPS "kvm_6x_full.txt", &text, &len, &err) == 0);
	struct dumps whole;
	read_all(DUMPS "kvm_6x_full.txt", &whole);

	static char buf[64 << 10];
	buf[0] = '\0';
	quote(buf, sizeof buf, text, 1, 34, "> ");
	strcat(buf, "...\nand the host and control state:\n\n");
	quote(buf, sizeof buf, text, 2, 4, "| ");
	strcat(buf, "| ...\n");
	quote(buf, sizeof buf, text, 34, 65, "| ");
	assert_whole(buf, &whole.first);

	/* each piece: the header again, then one section */
	buf[0] = '\0';
	quote(buf, sizeof buf, text, 1, 34, "| ");
	strcat(buf, "\n[...]\n\n");
	quote(buf, sizeof buf, text, 2, 3, "> > ");
	quote(buf, sizeof buf, text, 34, 46, "> > ");
	strcat(buf, "\n...\n");
	quote(buf, sizeof buf, text, 2, 3, "  ");
	quote(buf, sizeof buf, text, 46, 65, "  ");
	assert_whole(buf, &whole.first);

	/* a thread that quotes the whole dump twice: one dump, one report */
	buf[0] = '\0';
	strcat(buf, "My VM does not start:\n");
	quote(buf, sizeof buf, text, 1, 65, "");
	strcat(buf, "\nOn 4 Mar, someone wrote:\n");
	quote(buf, sizeof buf, text, 1, 65, "> ");
	assert_whole(buf, &whole.first);
	va_state_release(&whole.first);
	free(text);
}

/* The same timestamps but a value that differs: two dumps (the second
 * starts where its start marker comes again); a third piece that only adds
 * to the first merges with it. */
static void test_conflict_with_same_stamps(void)
{
	size_t len;
	char *text;
	struct va_error err;
	CU_ASSERT_FATAL(va_read_input(DUMPS "kvm_6x_full.txt", &text, &len, &err) == 0);
	char *other = strdup(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(other);
	char *cr0 = strstr(other, "CR0: actual=0x0000000080050033");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cr0);
	memcpy(cr0, "CR0: actual=0x0000000000000031", 30);
	struct dumps whole, d;
	read_all(DUMPS "kvm_6x_full.txt", &whole);

	static char buf[64 << 10];
	buf[0] = '\0';
	quote(buf, sizeof buf, text, 1, 34, "> ");
	strcat(buf, "...\n");
	quote(buf, sizeof buf, text, 2, 3, "> ");
	quote(buf, sizeof buf, text, 34, 65, "> ");
	strcat(buf, "\nand a second one:\n");          /* 33 + 1 + 1 + 31 + 2 lines */
	quote(buf, sizeof buf, other, 1, 65, "| ");
	char *path = write_temp(buf, strlen(buf));
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, 2);
	CU_ASSERT_EQUAL_FATAL(d.count, 2);
	CU_ASSERT(same_fields(&whole.first, &d.first));
	CU_ASSERT_EQUAL(d.cr0[0], 0x80050033);
	CU_ASSERT_EQUAL(d.cr0[1], 0x31);
	CU_ASSERT_EQUAL(d.line[1], 70);     /* its header (its first line goes with the dump before) */
	va_state_release(&whole.first);
	va_state_release(&d.first);
	free(other);
	free(text);
}

/* Two pieces: lines [1, cut) of `a`, then the start marker's line(s)
 * [start, start_end) of `b` again with its lines [from, end), quoted with
 * `prefix` (the lines keep the timestamps they were logged with). */
static void two_pieces(char *buf, size_t cap, const char *a, const char *b, unsigned start, unsigned start_end,
		       unsigned cut, unsigned from, unsigned end, const char *prefix)
{
	buf[0] = '\0';
	quote(buf, cap, a, 1, cut, prefix);
	strcat(buf, "...\nand the rest of it:\n");
	quote(buf, cap, b, start, start_end, prefix);
	quote(buf, cap, b, from, end, prefix);
}

/* `text` with every line logged under `prefix`. */
static char *logged(const char *text, const char *prefix)
{
	static char out[64 << 10];
	out[0] = '\0';
	quote(out, sizeof out, text, 1, 100000, prefix);
	return strdup(out);
}

/* QEMU's "KVM: entry failed" dump as journalctl -o short-precise shows
 * qemu's stderr: two pieces that each begin at the start line, with the
 * same sub-second timestamp, are one dump; a value in conflict makes two. */
static void test_qemu_repeated_start(void)
{
	size_t len;
	char *raw;
	struct va_error err;
	CU_ASSERT_FATAL(va_read_input(DUMPS "qemu_64bit_vmfail.txt", &raw, &len, &err) == 0);
	const char *stamp = "Jan 12 09:14:33.201234 host qemu-system-x86_64[812]: ";
	char *text = logged(raw, stamp);
	char *path = write_temp(text, strlen(text));
	struct dumps whole, d;
	read_all(path, &whole);
	unlink(path);
	CU_ASSERT_EQUAL_FATAL(whole.count, 1);
	CU_ASSERT_EQUAL(whole.rip[0], 0xffffffff81a3c1f2ull);

	/* line 2 is "KVM: entry failed", 3-6 the general registers, 7 RIP,
	 * 8-17 the segments: the registers to DS, then the start again with the
	 * general registers and FS to the end */
	static char buf[64 << 10];
	two_pieces(buf, sizeof buf, text, text, 2, 7, 12, 12, 22, "> ");
	assert_whole(buf, &whole.first);
	/* the whole dump quoted again after a piece of it */
	two_pieces(buf, sizeof buf, text, text, 2, 3, 12, 3, 22, "| ");
	assert_whole(buf, &whole.first);

	/* the same start and timestamp, RIP in conflict: two dumps */
	char *other = strdup(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(other);
	char *rip = strstr(other, "RIP=ffffffff81a3c1f2");
	CU_ASSERT_PTR_NOT_NULL_FATAL(rip);
	memcpy(rip, "RIP=ffffffff81a3c1f5", 20);
	two_pieces(buf, sizeof buf, text, other, 2, 3, 12, 3, 22, "> ");
	path = write_temp(buf, strlen(buf));
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, 2);
	CU_ASSERT_EQUAL_FATAL(d.count, 2);
	CU_ASSERT_EQUAL(d.line[1], 14);
	CU_ASSERT_EQUAL(d.rip[0], 0xffffffff81a3c1f2ull);
	CU_ASSERT_EQUAL(d.rip[1], 0xffffffff81a3c1f5ull);
	va_state_release(&d.first);

	/* without sub-second timestamps a repeated start is another failure */
	two_pieces(buf, sizeof buf, raw, raw, 2, 3, 12, 3, 22, "");
	path = write_temp(buf, strlen(buf));
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.count, 2);
	va_state_release(&d.first);
	va_state_release(&whole.first);
	free(other);
	free(text);
	free(raw);
}

/* HAXM's dump_vmcs() in a Linux dmesg and in DebugView's columns: two
 * pieces that each begin at the dump's first lines again are one dump;
 * a value in conflict makes two. */
static void test_haxm_repeated_start(void)
{
	size_t len;
	char *text;
	struct va_error err;
	CU_ASSERT_FATAL(va_read_input(DUMPS "haxm_linux.txt", &text, &len, &err) == 0);
	struct dumps whole, d;
	read_all(DUMPS "haxm_linux.txt", &whole);
	CU_ASSERT_EQUAL_FATAL(whole.count, 1);
	CU_ASSERT(whole.cr0_set[0] && whole.cr0[0] == 0x30);

	/* lines 2-3: "vcpu->tr:8b" and "4000 VMX_PIN_CONTROLS", the dump's start */
	static char buf[64 << 10];
	two_pieces(buf, sizeof buf, text, text, 2, 4, 40, 40, 128, "> ");
	assert_whole(buf, &whole.first);
	two_pieces(buf, sizeof buf, text, text, 3, 4, 80, 30, 128, "| ");
	assert_whole(buf, &whole.first);

	char *other = strdup(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(other);
	char *cr0 = strstr(other, "6800 GUEST_CR0: 30");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cr0);
	memcpy(cr0, "6800 GUEST_CR0: 31", 18);
	two_pieces(buf, sizeof buf, text, other, 2, 4, 80, 40, 128, "> ");
	char *path = write_temp(buf, strlen(buf));
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, 2);
	CU_ASSERT_EQUAL_FATAL(d.count, 2);
	CU_ASSERT_EQUAL(d.line[1], 82);
	CU_ASSERT(d.cr0_set[0] && d.cr0[0] == 0x30);
	CU_ASSERT(d.cr0_set[1] && d.cr0[1] == 0x31);
	va_state_release(&d.first);
	va_state_release(&whole.first);
	free(other);
	free(text);

	/* DebugView: a sequence number and seconds with a fraction per line */
	CU_ASSERT_FATAL(va_read_input(DUMPS "haxm_windows_debugview.txt", &text, &len, &err) == 0);
	read_all(DUMPS "haxm_windows_debugview.txt", &whole);
	CU_ASSERT_EQUAL_FATAL(whole.count, 1);
	unsigned lines = 0;
	for (const char *p = text; *p; p++)
		lines += *p == '\n';
	two_pieces(buf, sizeof buf, text, text, 1, 2, lines / 2 + 2, lines / 2, lines + 1, "> ");
	assert_whole(buf, &whole.first);
	va_state_release(&whole.first);
	free(text);
}

/* Many dumps between log noise, in a pass that holds one dump at a time. */
static void test_many_dumps(void)
{
	size_t len;
	char *dump;
	struct va_error err;
	CU_ASSERT_FATAL(va_read_input(DUMPS "kvm_6x_full.txt", &dump, &len, &err) == 0);
	const unsigned n = 400;
	size_t cap = n * (len + 4096);
	char *log = malloc(cap);
	CU_ASSERT_PTR_NOT_NULL_FATAL(log);
	size_t k = 0;
	for (unsigned i = 0; i < n; i++) {
		for (unsigned j = 0; j < 30; j++)
			k += (size_t)snprintf(log + k, cap - k, "[ %u.%06u] usb 1-1: new high-speed USB device number %u\n",
					      i, j, j);
		memcpy(log + k, dump, len);
		/* each failure at its own time, as in a real log: the same
		 * timestamps would be the same dump quoted again */
		for (char *t = log + k; (t = memmem(t, (size_t)(log + k + len - t), "[ 2210.", 7)) != NULL; t += 7) {
			char stamp[8];
			snprintf(stamp, sizeof stamp, "[%5u.", 3000 + i);
			memcpy(t, stamp, 7);
		}
		k += len;
	}
	char *path = write_temp(log, k);
	struct dumps d;
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, n);
	CU_ASSERT_EQUAL(d.count, n);
	/* noise before a dump's header goes with the dump before */
	CU_ASSERT_EQUAL(d.line[1], 30 + 64 + 30 + 2);
	va_state_release(&d.first);
	free(log);
	free(dump);
}

/* An input without dumps reads as one piece, as before. */
static void test_single_input(void)
{
	static const char text[] = "[vmcs]\nGUEST_CR0 = 0x31\n";
	char *path = write_temp(text, strlen(text));
	struct dumps d;
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, 1);
	CU_ASSERT_EQUAL_FATAL(d.count, 1);
	CU_ASSERT_EQUAL(d.rc[0], 1);
	CU_ASSERT_EQUAL(d.cr0[0], 0x31);
	va_state_release(&d.first);
}

/* rdmsr output before the first of several dumps serves them all. */
static void test_capabilities_carry(void)
{
	size_t a, b;
	char *caps, *dumps;
	struct va_error err;
	CU_ASSERT_FATAL(va_read_input(VA_SOURCE_DIR "/tests/readers/caps/rdmsr_default_hex_full.txt", &caps, &a, &err) == 0);
	CU_ASSERT_FATAL(va_read_input(DUMPS "kvm_two_dumps.txt", &dumps, &b, &err) == 0);
	char *both = malloc(a + b);
	CU_ASSERT_PTR_NOT_NULL_FATAL(both);
	memcpy(both, caps, a);
	memcpy(both + a, dumps, b);
	char *path = write_temp(both, a + b);
	struct va_load_options opt = { 0 };
	static struct va_state st;
	static struct va_import_notes notes;
	struct va_dump_stream *s = va_dump_stream_open(path, &opt, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	unsigned line, k = 0;
	uint64_t basic = 0;
	while (va_dump_stream_next(s, &st, &notes, &line, &err) > 0) {
		CU_ASSERT(va_msr_known(&st, MSR_IA32_VMX_BASIC));
		if (!k++)
			basic = st.msr[MSR_IA32_VMX_BASIC];
		else
			CU_ASSERT_EQUAL(st.msr[MSR_IA32_VMX_BASIC], basic);
		int told = 0;
		for (unsigned i = 0; i < notes.count; i++)
			told |= strstr(notes.text[i], "taken from the part of the input with dump 1") != NULL;
		CU_ASSERT_EQUAL(told, k > 1);
		va_state_release(&st);
	}
	CU_ASSERT_EQUAL(k, 3);
	va_dump_stream_close(s);
	unlink(path);
	free(both);
	free(caps);
	free(dumps);
}

/* A listing printed again (its first field again) is the next dump; a state
 * file is read whole (its repeated key stays an error). */
static void test_listings_start_over(void)
{
	static const char text[] = "[*] GUEST_CR0 = 0x31\n[*] GUEST_CR3 = 0x1000\nsome log noise\n"
				   "[*] GUEST_CR0 = 0x80000031\n[*] GUEST_CR3 = 0x2000\n"
				   "[*] GUEST_CR0 = 0x80050033\n[*] GUEST_CR3 = 0x3000\n";
	char *path = write_temp(text, strlen(text));
	struct dumps d;
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, 3);
	CU_ASSERT_EQUAL_FATAL(d.count, 3);
	CU_ASSERT_EQUAL(d.line[1], 4);
	CU_ASSERT_EQUAL(d.line[2], 6);
	CU_ASSERT_EQUAL(d.cr0[0], 0x31);
	CU_ASSERT_EQUAL(d.cr0[1], 0x80000031);
	CU_ASSERT_EQUAL(d.cr0[2], 0x80050033);
	va_state_release(&d.first);

	static const char state[] = "[vmcs]\nGUEST_CR0 = 0x31\nGUEST_CR3 = 0x1000\nGUEST_CR0 = 0x31\n";
	path = write_temp(state, strlen(state));
	read_all(path, &d);
	unlink(path);
	CU_ASSERT_EQUAL(d.total, 1);
	CU_ASSERT_EQUAL_FATAL(d.count, 1);
	CU_ASSERT_EQUAL(d.rc[0], -1);
	CU_ASSERT_EQUAL(d.err[0].line, 4);
}

CU_TestInfo tests_dump_stream[] = {
	{ "listings that start over are separate dumps", test_listings_start_over },
	{ "capability MSRs before the first dump serve every dump", test_capabilities_carry },
	{ "a dmesg with three failures gives three dumps", test_three_failures },
	{ "errors name lines of the whole input", test_error_lines_are_the_inputs },
	{ "a dump quoted in 2 and 3 pieces reads as the whole", test_fragments_merge },
	{ "conflicting pieces are two dumps", test_conflicting_pieces_are_two_dumps },
	{ "pieces repeating the start with the same timestamps merge; a dump quoted twice is one",
	  test_repeated_start_merges },
	{ "QEMU: pieces repeating the start with the same timestamps merge; a conflict splits",
	  test_qemu_repeated_start },
	{ "HAXM: pieces repeating the start with the same timestamps merge; a conflict splits",
	  test_haxm_repeated_start },
	{ "a conflicting value with the same timestamps is a second dump", test_conflict_with_same_stamps },
	{ "many dumps between noise", test_many_dumps },
	{ "an input without dumps is one piece", test_single_input },
	CU_TEST_INFO_NULL,
};
