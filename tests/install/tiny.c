/* A program a user of the installed library writes: capture through
 * callbacks (here a processor that answers nothing), audit, format. */
#include <stdio.h>
#include <string.h>

#include <vmcs-audit/audit.h>
#include <vmcs-audit/capture.h>
#include <vmcs-audit/compact_report.h>

static int no_vmread(void *ctx, uint32_t encoding, uint64_t *value)
{
	(void)ctx, (void)encoding, (void)value;
	return 1;
}

static struct va_state st;
static struct va_report report;

int main(void)
{
	struct va_capture cap = { .vmread = no_vmread, .maxphyaddr = 39 };
	char text[2048];
	va_capture(&st, &cap);
	va_audit(&st, &report);
	va_format_compact(&report, text, sizeof text);
	fputs(text, stdout);
	return strncmp(text, "vmcs-audit: ", 12) != 0 || st.absent_count == 0;
}
