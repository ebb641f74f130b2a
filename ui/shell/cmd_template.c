/* new: the state replaced by a template that passes every rule on a CPU
 * (auditor/input/template.h), as `vmcs-audit new` builds it. */
#include <stdlib.h>
#include <string.h>

#include "../../auditor/input/state_file.h"
#include "../../auditor/input/template.h"
#include "shell.h"

/* "long, compat, ..." or "ept, vpid, ...": the names of a choice table. */
static void names(char *buf, size_t size, const struct va_template_choice *(*at)(unsigned))
{
	size_t k = 0;
	buf[0] = '\0';
	for (unsigned i = 0; at(i) && k < size; i++) {
		int n = snprintf(buf + k, size - k, "%s%s", i ? ", " : "", at(i)->name);
		if (n < 0)
			break;
		k += (size_t)n;
	}
}

struct new_args {
	const char *profile, *mode;
	uint32_t features;
};

static int parse(struct va_shell *sh, int argc, char **argv, struct new_args *a)
{
	char list[512];
	a->profile = NULL;
	a->mode = "long";
	a->features = 0;
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		if (strcmp(o, "--profile") && strcmp(o, "--mode") && strcmp(o, "--with")) {
			va_shell_error(sh, "new: %s '%s' (help new)", o[0] == '-' ? "unknown option" : "unexpected", o);
			return -1;
		}
		if (i + 1 >= argc) {
			va_shell_error(sh, "new: %s needs a value (Tab lists them)", o);
			return -1;
		}
		const char *v = argv[++i];
		if (!strcmp(o, "--profile")) {
			a->profile = v;
		} else if (!strcmp(o, "--mode")) {
			a->mode = v;
			if (va_template_mode_by_name(v) < 0) {
				names(list, sizeof list, va_template_mode_at);
				va_shell_error(sh, "new: unknown mode '%s' (modes: %s)", v, list);
				return -1;
			}
		} else {
			for (const char *p = v; *p;) {
				size_t n = strcspn(p, ",");
				int f = va_template_feature_by_name(p, n);
				if (f < 0) {
					names(list, sizeof list, va_template_feature_at);
					va_shell_error(sh, "new: unknown feature '%.*s' (features: %s)", (int)n, p, list);
					return -1;
				}
				a->features |= 1u << f;
				p += n + (p[n] == ',');
			}
		}
	}
	return 0;
}

/* Who the CPU is, for the template's title: the profile named, else what
 * the session's capability MSRs came from. */
static const char *cpu_name(const struct va_shell *sh, const struct new_args *a)
{
	if (a->profile)
		return a->profile;
	if (sh->has_input && sh->path)
		return sh->path;
	return sh->nprofiles ? sh->profiles[sh->nprofiles - 1] : NULL;
}

int va_cmd_new(struct va_shell *sh, int argc, char **argv, int bang)
{
	struct new_args a;
	if (parse(sh, argc, argv, &a))
		return -1;
	if (!bang && va_shell_dirty(sh))
		return va_shell_refuse_unsaved(sh, "new");
	struct va_state *cpu = malloc(sizeof *cpu);
	struct va_template *t = malloc(sizeof *t);
	int rc = -1;
	if (!cpu || !t) {
		va_shell_error(sh, "out of memory");
		goto out;
	}
	/* The template's [cpu]: the profile's, or the session's (the builder
	 * ignores the fields). */
	const struct va_state *from = &sh->st;
	va_state_init(cpu);
	if (a.profile) {
		if (va_shell_read_profile(sh, a.profile, cpu))
			goto out;
		from = cpu;
	} else if (!sh->st.msr_present) {
		va_shell_error(sh, "new: no capability MSRs to follow: name a CPU (new --profile NAME|FILE; "
			       "Tab lists the built-in ones) or load an input that has them");
		goto out;
	}
	struct va_error err = { 0 };
	int built = va_template_build(t, from, (enum va_template_mode)va_template_mode_by_name(a.mode),
				      a.features, cpu_name(sh, &a), &err);
	va_state_release(cpu);
	if (built) {
		va_shell_error(sh, "new: %s", err.message);
		goto out;
	}
	va_shell_adopt_new(sh, &t->st, t->title);
	fprintf(sh->out, "unsaved: save FILE writes it ('vmcs-audit new' writes it with a comment on "
		"every value)\n");
	rc = 0;
out:
	free(cpu);
	free(t);
	return rc;
}
