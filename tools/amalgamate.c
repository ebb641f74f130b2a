/*
 * Builds the amalgamation: one vmcs_audit.h (the public headers) and one
 * vmcs_audit.c (every engine and rule source) that a hypervisor project
 * compiles with its own toolchain.
 *
 *   amalgamate OUT.h OUT.c -I DIR... --public H... --sources C...
 *
 * Each local #include "x.h" is replaced by the file's text, where it
 * stands: the X-macro lists (no include guard) every time, guarded headers
 * once.  Sources share one translation unit, so a file-scope static name,
 * struct or enum tag defined by several sources is renamed per source with
 * #define, and the macros a source defines are #undef'd after it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 256
#define MAX_NAMES 4096

static const char *dirs[MAX_ITEMS];
static int ndirs;
static char *seen[MAX_ITEMS];      /* guarded headers already emitted */
static int nseen;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (len + 1 == cap) {
			char *b = realloc(buf, cap *= 2);
			if (!b)
				free(buf);
			buf = b;
		}
	}
	fclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

static int readable(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f)
		fclose(f);
	return f != NULL;
}

/* Resolves an include: beside the including file, then each -I. */
static int resolve(const char *from, const char *name, char *out, size_t size)
{
	const char *slash = strrchr(from, '/');
	int dlen = slash ? (int)(slash - from) : 1;
	snprintf(out, size, "%.*s/%s", dlen, slash ? from : ".", name);
	if (readable(out))
		return 0;
	for (int i = 0; i < ndirs; i++) {
		snprintf(out, size, "%s/%s", dirs[i], name);
		if (readable(out))
			return 0;
	}
	return -1;
}

/* A header with an include guard ("#ifndef VA_..._H") is emitted once;
 * the guard name identifies it wherever it was included from. */
static int guard_of(const char *text, char *guard, size_t size)
{
	for (const char *p = text; (p = strstr(p, "#ifndef ")); p++) {
		if (p != text && p[-1] != '\n')
			continue;
		size_t n = strcspn(p + 8, " \t\r\n");
		if (n > 2 && n < size && !strncmp(p + 8 + n - 2, "_H", 2)) {
			memcpy(guard, p + 8, n);
			guard[n] = '\0';
			return 1;
		}
		return 0;
	}
	return 0;
}

static int emit(FILE *out, const char *path, int depth)
{
	char *text = slurp(path);
	if (!text) {
		fprintf(stderr, "amalgamate: cannot read %s\n", path);
		return -1;
	}
	char guard[128];
	if (guard_of(text, guard, sizeof guard)) {
		for (int i = 0; i < nseen; i++)
			if (!strcmp(seen[i], guard)) {
				free(text);
				return 0;
			}
		if (nseen < MAX_ITEMS)
			seen[nseen++] = strdup(guard);
	}
	if (depth > 32) {
		fprintf(stderr, "amalgamate: includes nest too deep at %s\n", path);
		free(text);
		return -1;
	}
	int rc = 0;
	for (char *line = text; *line && !rc;) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		char name[256];
		if (!strncmp(p, "#include \"", 10) && sscanf(p + 10, "%255[^\"]", name) == 1) {
			char file[1024];
			if (resolve(path, name, file, sizeof file)) {
				fprintf(stderr, "amalgamate: %s: cannot find \"%s\"\n", path, name);
				rc = -1;
			} else {
				rc = emit(out, file, depth + 1);
			}
		} else {
			fwrite(line, 1, len, out);
			fputc('\n', out);
		}
		line += len + (end != NULL);
	}
	free(text);
	return rc;
}

struct names {
	char *name[MAX_NAMES];
	int file[MAX_NAMES];
	int n;
};

static void add_name(struct names *ns, const char *s, size_t len, int file)
{
	if (ns->n < MAX_NAMES && len) {
		ns->name[ns->n] = strndup(s, len);
		ns->file[ns->n++] = file;
	}
}

/* File-scope names a source defines that could clash with another
 * source's: static functions and objects, struct/union/enum tags (only
 * declarations starting at column 0 are file scope in this code base). */
static void scan_statics(const char *text, int file, struct names *ns)
{
	for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		const char *stop = line + strcspn(line, "\n");
		if (!strncmp(line, "static ", 7)) {
			const char *q = line;
			while (q < stop && !strchr("([=;", *q))
				q++;
			if (q == stop)
				continue;
			const char *e = q;
			while (e > line && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			const char *b = e;
			while (b > line && (isalnum((unsigned char)b[-1]) || b[-1] == '_'))
				b--;
			add_name(ns, b, (size_t)(e - b), file);
		} else if (!strncmp(line, "struct ", 7) || !strncmp(line, "enum ", 5) || !strncmp(line, "union ", 6)) {
			const char *b = strchr(line, ' ') + 1;
			size_t n = 0;
			while (isalnum((unsigned char)b[n]) || b[n] == '_')
				n++;
			const char *after = b + n;
			while (*after == ' ')
				after++;
			if (*after == '{')
				add_name(ns, b, n, file);
		}
	}
}

/* Macros a source defines at column 0, to #undef after it. */
static void undef_macros(FILE *out, const char *text)
{
	for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		if (strncmp(line, "#define ", 8))
			continue;
		size_t n = 0;
		while (isalnum((unsigned char)line[8 + n]) || line[8 + n] == '_')
			n++;
		fprintf(out, "#undef %.*s\n", (int)n, line + 8);
	}
}

static const char *stem(const char *path, char *buf, size_t size)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strcspn(b, ".");
	snprintf(buf, size, "%.*s", (int)n, b);
	return buf;
}

static const char banner[] =
	"/*\n"
	" * vmcs-audit amalgamation, generated by tools/amalgamate.c: do not edit.\n"
	" * The VM-entry checks of the Intel SDM (Vol. 3C ch. 26), freestanding:\n"
	" * no libc, no allocation; the compiler must provide memcpy, memset,\n"
	" * memmove and memcmp.  See docs/embedding.md.\n"
	" */\n";

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: amalgamate OUT.h OUT.c -I DIR... --public H... --sources C...\n");
		return 2;
	}
	const char *out_h = argv[1], *out_c = argv[2];
	const char *pub[MAX_ITEMS], *src[MAX_ITEMS];
	int npub = 0, nsrc = 0, mode = 0;
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "-I") && i + 1 < argc && ndirs < MAX_ITEMS)
			dirs[ndirs++] = argv[++i];
		else if (!strcmp(argv[i], "--public"))
			mode = 1;
		else if (!strcmp(argv[i], "--sources"))
			mode = 2;
		else if (mode == 1 && npub < MAX_ITEMS)
			pub[npub++] = argv[i];
		else if (mode == 2 && nsrc < MAX_ITEMS)
			src[nsrc++] = argv[i];
	}

	FILE *h = fopen(out_h, "w");
	if (!h)
		return perror(out_h), 1;
	fprintf(h, "%s#ifndef VMCS_AUDIT_AMALGAMATION_H\n#define VMCS_AUDIT_AMALGAMATION_H\n"
		"#ifdef __cplusplus\nextern \"C\" {\n#endif\n", banner);
	for (int i = 0; i < npub; i++)
		if (emit(h, pub[i], 0))
			return 1;
	fprintf(h, "#ifdef __cplusplus\n}\n#endif\n#endif\n");
	if (fclose(h))
		return perror(out_h), 1;

	struct names *ns = calloc(1, sizeof *ns);
	char *texts[MAX_ITEMS];
	for (int i = 0; i < nsrc; i++) {
		if (!(texts[i] = slurp(src[i]))) {
			fprintf(stderr, "amalgamate: cannot read %s\n", src[i]);
			return 1;
		}
		scan_statics(texts[i], i, ns);
	}
	FILE *c = fopen(out_c, "w");
	if (!c)
		return perror(out_c), 1;
	const char *hname = strrchr(out_h, '/');
	fprintf(c, "%s#include \"%s\"\n", banner, hname ? hname + 1 : out_h);
	for (int i = 0; i < nsrc; i++) {
		char st[128];
		stem(src[i], st, sizeof st);
		fprintf(c, "\n/* ---- %s ---- */\n", st);
		for (int k = 0; k < ns->n; k++) {
			if (ns->file[k] != i)
				continue;
			int clash = 0;
			for (int j = 0; j < ns->n; j++)
				clash |= ns->file[j] != i && !strcmp(ns->name[j], ns->name[k]);
			if (clash)
				fprintf(c, "#define %s %s__%s\n", ns->name[k], ns->name[k], st);
		}
		if (emit(c, src[i], 0))
			return 1;
		for (int k = 0; k < ns->n; k++) {
			int clash = 0;
			for (int j = 0; j < ns->n; j++)
				clash |= ns->file[j] != i && !strcmp(ns->name[j], ns->name[k]);
			if (ns->file[k] == i && clash)
				fprintf(c, "#undef %s\n", ns->name[k]);
		}
		undef_macros(c, texts[i]);
	}
	int rc = 0;
	if (fclose(c)) {
		perror(out_c);
		rc = 1;
	}
	for (int i = 0; i < nsrc; i++)
		free(texts[i]);
	for (int k = 0; k < ns->n; k++)
		free(ns->name[k]);
	free(ns);
	for (int i = 0; i < nseen; i++)
		free(seen[i]);
	return rc;
}
