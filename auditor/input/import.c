#include "import.h"

#include <stdio.h>
#include <string.h>

#include "profiles.h"
#include "provenance.h"
#include "text_util.h"

/* VMCS dumps list what their tool printed; everything else is absent,
 * not zero (a state file's unwritten field, by contrast, is 0). */
static void mark_all_absent(struct va_state *st)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (st->presence[f] != VA_ABSENT) {
			st->presence[f] = VA_ABSENT;
			st->field[f] = 0;
			st->absent_count++;
		}
}

int va_import(struct va_state *st, const char *text, size_t len, const char *file,
	      const char *kind, struct va_error *err, struct va_import_notes *notes)
{
	size_t n;
	const struct va_reader *const *readers = va_readers(&n);
	/* a built-in profile is named so in the provenance of its values */
	char source[200];
	snprintf(source, sizeof source, "%s%s", va_profile_find(file) && kind && !strcmp(kind, "state") ?
		 "profile " : "", file);
	va_provenance_source(source);
	size_t bom = va_bom_length(text, len);
	text += bom;
	len -= bom;

	if (kind) {
		const struct va_reader *r = va_reader_by_kind(kind);
		if (!r) {
			va_error_set(err, file, 0, 0, "unknown input kind '%s' (see 'vmcs-audit help kinds')", kind);
			return -1;
		}
		if ((r->provides & VA_PROVIDES_VMCS) && strcmp(r->kind, "state"))
			mark_all_absent(st);
		return r->read(st, text, len, file, err, notes);
	}

	/* The native format is never mixed with pastes, and is the common case:
	 * ask it first and spare the other detectors. */
	const struct va_reader *native = va_reader_by_kind("state");
	if (native && native->detect(text, len) > 0)
		return native->read(st, text, len, file, err, notes);

	int score[64] = { 0 };
	int best_vmcs = -1, ambiguous = -1;
	for (size_t i = 0; i < n && i < 64; i++) {
		if (readers[i] == native)
			continue;
		score[i] = readers[i]->detect(text, len);
		if (score[i] > 0 && (readers[i]->provides & VA_PROVIDES_VMCS)) {
			if (best_vmcs < 0 || score[i] > score[best_vmcs]) {
				best_vmcs = (int)i;
				ambiguous = -1;
			} else if (score[i] == score[best_vmcs]) {
				ambiguous = (int)i;
			}
		}
	}
	if (ambiguous >= 0) {
		va_error_set(err, file, 0, 0, "the input looks like both '%s' and '%s'; say which with "
			     "--from", readers[best_vmcs]->kind, readers[ambiguous]->kind);
		return -1;
	}
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		if (score[i] <= 0 || !(readers[i]->provides & VA_PROVIDES_CAPS) ||
		    (readers[i]->provides & VA_PROVIDES_VMCS))
			continue;
		if (readers[i]->read(st, text, len, file, err, notes))
			return -1;
		any = 1;
	}
	if (best_vmcs >= 0) {
		mark_all_absent(st);
		if (readers[best_vmcs]->read(st, text, len, file, err, notes))
			return -1;
		any = 1;
	}
	if (!any) {
		va_error_set(err, file, 0, 0, "not a format vmcs-audit reads (a state file, rdmsr output, "
			     "vmxcap, VBox.log, or a KVM/Xen/HAXM/QEMU dump); name it with --from KIND");
		return -1;
	}
	return 0;
}
