#include <inttypes.h>

#include "../auditor/engine/state.h"
#include "../auditor/input/state_file.h"
#include "commands.h"

void va_write_state_file_help(FILE *out)
{
	fprintf(out, "State-file format v1 (see docs/state-file.md)\n\n"
		     "[cpu]     capability MSRs by name or number, and CPU facts:\n");
	for (int m = 0; m < MSR_COUNT; m++)
		fprintf(out, "  %-30s (0x%03" PRIx32 ")\n", va_msr_name((enum va_msr)m),
			va_msr_number((enum va_msr)m));
	for (int f = 0; f < FACT_COUNT; f++) {
		const struct va_fact_info *fi = va_fact_info((enum va_fact)f);
		fprintf(out, "  %-30s %s", fi->key, fi->doc);
		if (fi->has_default)
			fprintf(out, " [default 0x%" PRIx64 "]", fi->default_value);
		const struct va_fact_from *from = va_fact_from((enum va_fact)f);
		if (from)
			fprintf(out, "\n  %-30s derived when not given: %s bit %u = 1 -> %" PRIu64
				", 0 -> %" PRIu64, "", va_msr_name(from->msr), from->bit, from->if_set,
				from->if_clear);
		fprintf(out, "\n");
	}
	fprintf(out, "\n[vmcs]    FIELD = VALUE, FIELD a KVM name (GUEST_CR0) or encoding (0x6800);\n"
		     "          NAME_HIGH or the odd encoding sets bits 63:32; VALUE ? = absent\n"
		     "\n[memory]  ADDRESS = QWORD [QWORD ...]  (8-byte aligned, little-endian qwords)\n"
		     "\n[entry]   facts about the VMLAUNCH/VMRESUME attempt:\n");
	for (int e = 0; e < ENTRY_COUNT; e++) {
		const struct va_entry_info *ei = va_entry_info((enum va_entry_fact)e);
		fprintf(out, "  %-30s %s\n", ei->key, ei->doc);
	}
	fprintf(out, "\n[observed] what the CPU did at the time of the dump ('import' writes it);\n"
		     "          'check' labels it so, since the values may have been edited since:\n");
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (va_is_observed_field((enum va_field)f))
			fprintf(out, "  %s\n", va_field_name((enum va_field)f));
}
