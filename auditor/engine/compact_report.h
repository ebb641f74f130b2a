/*
 * The report in a few lines for a hypervisor's log (DbgPrint, printk,
 * a serial console): the verdict, then each failing rule with its SDM
 * section, its condition and the operands its message uses, in hex.
 * No libc, no allocation: it writes into the caller's buffer.
 *
 *   vmcs-audit: exit 34 (qual 2): 2 rules fail, 1 not evaluated
 *   FAIL MSRLOAD.ENTRY.FS_BASE entry 2 26.4: No entry loads IA32_FS_BASE ... [0x7f0000000000 0xc0000100]
 */
#ifndef VA_COMPACT_REPORT_H
#define VA_COMPACT_REPORT_H

#include <stddef.h>

#include "audit.h"

/*
 * Writes lines ending in '\n' into buf, at most size bytes with the
 * terminating NUL (always written when size > 0); a line that does not fit
 * whole is left out and the text ends with "...\n" if there is room.
 * Returns the length the whole text needs, as snprintf does.
 */
size_t va_format_compact(const struct va_report *r, char *buf, size_t size);

/* The verdict in a few words ("success", "VMfailValid 7", "exit 33 qual 0",
 * "inconclusive"), NUL-terminated; returns its length. */
size_t va_format_verdict(const struct va_verdict *v, char *buf, size_t size);

#endif
