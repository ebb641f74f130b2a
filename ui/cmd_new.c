/* vmcs-audit new: a commented state that passes every rule on a CPU. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auditor/input/load.h"
#include "../auditor/input/profiles.h"
#include "../auditor/input/state_file.h"
#include "../auditor/input/state_save.h"
#include "../auditor/input/template.h"
#include "commands.h"

/* The modes and features, from the builder's tables. */
void va_write_new_choices(FILE *out)
{
	fprintf(out, "Modes (--mode):\n");
	for (unsigned i = 0; va_template_mode_at(i); i++)
		fprintf(out, "  %-18s %s\n", va_template_mode_at(i)->name, va_template_mode_at(i)->what);
	fprintf(out, "Features (--with, comma-separated):\n");
	for (unsigned i = 0; va_template_feature_at(i); i++)
		fprintf(out, "  %-18s %s\n", va_template_feature_at(i)->name, va_template_feature_at(i)->what);
}

static int usage(const char *what)
{
	fprintf(stderr, "vmcs-audit: new: %s\n", what);
	va_write_new_choices(stderr);
	return 2;
}

/* NAME of a built-in profile, or a FILE of any input kind that holds
 * capability MSRs (a profile, rdmsr output, a state file...). */
static int load_cpu(struct va_state *st, const char *profile, struct va_error *err)
{
	const struct va_profile *p = va_profile_find(profile);
	va_state_init(st);
	if (p)
		return va_state_read(st, p->text, strlen(p->text), p->name, err);
	struct va_load_options opt = { 0 };
	struct va_import_notes notes;
	return va_load(st, profile, &opt, &notes, err);
}

static int write_template(FILE *out, const void *t)
{
	return va_template_write(out, t);
}

int cmd_new(int argc, char **argv)
{
	const char *profile = NULL, *output = NULL, *mode_name = "long";
	int force = 0;
	uint32_t feats = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--force")) {
			force = 1;
			continue;
		}
		if (strcmp(a, "--profile") && strcmp(a, "--mode") && strcmp(a, "--with") && strcmp(a, "-o")) {
			fprintf(stderr, "vmcs-audit: new: unknown argument '%s'\n", a);
			return usage("usage: new --profile NAME|FILE [--mode MODE] [--with F,...] [-o OUT [--force]]");
		}
		if (i + 1 >= argc)
			return usage("an option needs a value");
		const char *v = argv[++i];
		if (!strcmp(a, "--profile")) {
			profile = v;
		} else if (!strcmp(a, "--mode")) {
			mode_name = v;
		} else if (!strcmp(a, "-o")) {
			output = v;
		} else {
			for (const char *p = v; *p;) {
				size_t n = strcspn(p, ",");
				int f = va_template_feature_by_name(p, n);
				if (f < 0) {
					fprintf(stderr, "vmcs-audit: new: unknown feature '%.*s'\n", (int)n, p);
					return usage("--with takes features from this list");
				}
				feats |= 1u << f;
				p += n + (p[n] == ',');
			}
		}
	}
	if (!profile)
		return usage("--profile NAME|FILE is required: the template follows that CPU's capability MSRs");
	int mode = va_template_mode_by_name(mode_name);
	if (mode < 0) {
		fprintf(stderr, "vmcs-audit: new: unknown mode '%s'\n", mode_name);
		return usage("--mode takes one of these");
	}
	struct va_state *cpu = malloc(sizeof *cpu);
	struct va_template *t = malloc(sizeof *t);
	int rc = 2;
	struct va_error err = { 0 };
	if (!cpu || !t)
		goto out;
	if (load_cpu(cpu, profile, &err)) {
		if (err.line)
			fprintf(stderr, "%s:%u:%u: error: %s\n", err.file ? err.file : profile, err.line,
				err.column, err.message);
		else
			fprintf(stderr, "vmcs-audit: new: --profile %s: not a built-in profile (see 'vmcs-audit "
				"profiles') and not a readable input: %s\n", profile, err.message);
		va_state_release(cpu);
		goto out;
	}
	int built = va_template_build(t, cpu, (enum va_template_mode)mode, feats, profile, &err);
	va_state_release(cpu);
	if (built) {
		fprintf(stderr, "vmcs-audit: new: %s: %s\n", profile, err.message);
		goto out;
	}
	if (output) {
		if (va_save_with(output, write_template, t, force ? VA_SAVE_REPLACE : VA_SAVE_NEW, &err))
			fprintf(stderr, "vmcs-audit: new: %s: %s%s\n", output, err.message,
				force ? "" : "; choose another name or add --force");
		else
			rc = 0;
	} else {
		rc = va_template_write(stdout, t) ? 2 : 0;
	}
	va_state_release(&t->st);
out:
	free(cpu);
	free(t);
	return rc;
}
