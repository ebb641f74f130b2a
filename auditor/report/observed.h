/* What the dump says the CPU did, against what the audit predicts. */
#ifndef VA_OBSERVED_H
#define VA_OBSERVED_H

#include <stddef.h>

#include "../engine/audit.h"

enum va_observed_kind { VA_OBSERVED_NONE, VA_OBSERVED_VMFAIL, VA_OBSERVED_ENTRY_FAILURE };

struct va_observed {
	enum va_observed_kind kind;
	unsigned vm_instruction_error;  /* VA_OBSERVED_VMFAIL */
	unsigned exit_reason;           /* basic reason, VA_OBSERVED_ENTRY_FAILURE */
	int qualification_known;
	unsigned long long qualification;
	int consistent;                 /* the prediction allows what was observed */
	int unexplained;                /* a failure, and no failing check predicts one */
	unsigned recorded;              /* the line of the state file's [observed] section:
					 * the outcome at the time of the dump, recorded by
					 * import; 0: the input itself shows it */
	char sentence[400];
};

/* From the exit-information fields of the state (VM_INSTRUCTION_ERROR,
 * VM_EXIT_REASON with bit 31, EXIT_QUALIFICATION). */
void va_observe(const struct va_state *st, const struct va_report *r, struct va_observed *out);

/* The same, labelled "observed at the time of the dump" when the notes of
 * the input's reading say the outcome came from an [observed] section (an
 * imported state, maybe edited since: its values are not what the CPU saw). */
struct va_import_notes;
void va_observe_input(const struct va_state *st, const struct va_import_notes *notes,
		      const struct va_report *r, struct va_observed *out);

#endif
