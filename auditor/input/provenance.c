#define _GNU_SOURCE /* open_memstream (POSIX 2008) */
#include "provenance.h"

#include <stdlib.h>
#include <string.h>

#include "field_names.h"
#include "state_file.h"

static _Thread_local struct {
	struct va_provenance *p;
	const char *source;
	unsigned line;
} sink;

void va_provenance_begin(struct va_provenance *p)
{
	sink.p = p;
	sink.source = NULL;
	sink.line = 0;
}

void va_provenance_end(void)
{
	sink.p = NULL;
}

void va_provenance_source(const char *name)
{
	struct va_provenance *p = sink.p;
	if (!p)
		return;
	for (unsigned i = 0; i < p->nnames; i++)
		if (!strcmp(p->names[i], name)) {
			sink.source = p->names[i];
			return;
		}
	if (p->nnames < sizeof p->names / sizeof p->names[0]) {
		snprintf(p->names[p->nnames], sizeof p->names[0], "%s", name);
		sink.source = p->names[p->nnames++];
	}
}

void va_provenance_line(unsigned line)
{
	sink.line = line;
}

void va_provenance_field(enum va_field f)
{
	if (sink.p && f > FLD_NONE && f < FLD_COUNT) {
		sink.p->field_src[f] = sink.source;
		sink.p->field_line[f] = sink.line;
	}
}

void va_provenance_msr(unsigned m)
{
	if (sink.p && m < MSR_COUNT) {
		sink.p->msr_src[m] = sink.source;
		sink.p->msr_line[m] = sink.line;
	}
}

void va_provenance_fact(unsigned f)
{
	if (sink.p && f < FACT_COUNT) {
		sink.p->fact_src[f] = sink.source;
		sink.p->fact_line[f] = sink.line;
	}
}

/* "  # INPUT:LINE" for the value a state-file line sets, or nothing. */
static void origin(FILE *out, const struct va_provenance *p, const char *line, size_t n, int cpu)
{
	const char *eq = memchr(line, '=', n);
	if (!eq || line[0] == '#')
		return;
	size_t k = (size_t)(eq - line);
	while (k && line[k - 1] == ' ')
		k--;
	const char *src = NULL;
	unsigned at = 0;
	struct va_name_match m;
	int x;
	if (cpu && (x = va_msr_resolve(line, k)) >= 0) {
		src = p->msr_src[x];
		at = p->msr_line[x];
	} else if (cpu && (x = va_fact_resolve(line, k)) >= 0) {
		src = p->fact_src[x];
		at = p->fact_line[x];
	} else if (!cpu && va_field_resolve(line, k, &m) == VA_NAME_FOUND) {
		src = p->field_src[m.field];
		at = p->field_line[m.field];
	}
	if (src && at)
		fprintf(out, "  # %s:%u", src, at);
	else if (src)
		fprintf(out, "  # %s", src);
}

/* One line of the state file, followed by where its value came from. */
static void annotated_line(FILE *out, const struct va_provenance *p, const char *s, size_t n, int cpu,
			   int named)
{
	fwrite(s, 1, n, out);
	if (named && n && s[0] != '[' && !(n > 2 && s[n - 1] == '?'))
		origin(out, p, s, n, cpu);
	fputc('\n', out);
}

int va_state_write_annotated(FILE *out, const struct va_state *st, const struct va_provenance *p)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem)
		return -1;
	int rc = va_state_write(mem, st);
	if (fclose(mem) || rc) {
		free(text);
		return -1;
	}
	fprintf(out, "# imported by vmcs-audit from:");
	for (unsigned i = 0; i < p->nnames; i++)
		fprintf(out, "%s %s", i ? "," : "", p->names[i]);
	fprintf(out, "\n# each value is followed by the input and line it was read from\n");
	/* values are named in [cpu], [vmcs] and [observed]; [memory]'s keys are
	 * addresses, which may look like field encodings */
	int cpu = 0, fields = 0;
	for (const char *s = text; s < text + len;) {
		const char *nl = memchr(s, '\n', (size_t)(text + len - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(text + len - s);
		if (n && s[0] == '[') {
			cpu = n >= 5 && !memcmp(s, "[cpu]", 5);
			fields = (n >= 6 && !memcmp(s, "[vmcs]", 6)) || (n >= 10 && !memcmp(s, "[observed]", 10));
		}
		annotated_line(out, p, s, n, cpu, cpu || fields);
		s += n + 1;
	}
	free(text);
	return ferror(out) ? -1 : 0;
}
