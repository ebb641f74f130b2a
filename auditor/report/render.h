/*
 * Words for people, from the tables: rule messages with their operands,
 * unknown reasons, verdict sentences, SDM section numbers across editions.
 *
 * Message templates: {0}..{3} an operand in hex; {0:d} in decimal;
 * {0:bits} the set bits named from the rule's bitset ({0:bits:CR4} names
 * another set); {0:msr} the MSR name for an MSR number; {0:entry:KEY} the
 * [entry] word for a value; {0:bytes} "byte 2, byte 7" for a mask whose
 * bit i stands for byte i; {field} the name of the
 * rule's field; {f0}..{f5} the rule's fields list.
 */
#ifndef VA_RENDER_H
#define VA_RENDER_H

#include <stddef.h>

#include "../engine/audit.h"

/* Render a finding's message into buf (always NUL-terminated). */
void va_render_message(const struct va_rule *rule, const struct va_eval *ev, char *buf, size_t size);
/* Why a finding is unknown, in words. */
void va_render_unknown(const struct va_finding *f, char *buf, size_t size);
/* "26.2.1.1" -> "29.2.1.1": the newest edition's number for the same text. */
void va_sdm_current(const char *sdm, char *buf, size_t size);
/* The verdict in one sentence, e.g. "VM entry fails: VMfailValid, ...". */
void va_render_verdict(const struct va_verdict *v, char *buf, size_t size);
/* The report's first line: the verdict sentence, and for an inconclusive
 * verdict "VM entry: inconclusive — no check fails, N could not be
 * evaluated (see below)" with N from the report's counts. */
void va_render_headline(const struct va_report *r, char *buf, size_t size);
/* What a suspect assumes about the missing input, as a statement
 * ("IA32_VMX_BASIC[56] = 0 (true of every CPU before CET)"); NULL for
 * VA_ASSUME_NONE (it fails under every common value of the input). */
const char *va_assumption_text(enum va_assumption a);
/* JSON name of an assumption: "none", "basic56_0", "true_default1", "link_not_vmcs". */
const char *va_assumption_name(enum va_assumption a);
/* The verdict in a few words for a status line: "success", "VMfailValid 7",
 * "exit 33 (qual 0)", "inconclusive". */
void va_render_verdict_short(const struct va_verdict *v, char *buf, size_t size);
/* "when ..." for a rule: its gates in words, or its applies_text. */
void va_render_applies(const struct va_rule *rule, char *buf, size_t size);
/* Text of a VM-instruction error number. */
const char *va_vm_instruction_error_text(unsigned error);
/*
 * What the audit took from the capability MSRs beyond the input's words:
 * CPU facts derived because the input did not give them (fact_list.h), and
 * capability values no real CPU reports.  One sentence each, to `emit`.
 * `st` gives the values; with NULL only the names are said.
 */
void va_render_about_caps(const struct va_report *r, const struct va_state *st,
			  void (*emit)(void *arg, const char *line), void *arg);
/*
 * A likely cause in words: `lead` says under what it fails ("fails if
 * IA32_VMX_BASIC[56] = 0 (...)", or that it could fail and is open), `msg`
 * the failure under that assumption or, for a suspect open under every
 * value, what is missing.  The text report, JSON and the wizard say the same.
 */
void va_render_suspect(const struct va_report *r, const struct va_suspect *s, char *lead,
		       size_t lead_size, char *msg, size_t msg_size);
/* JSON/CLI name of a result. */
const char *va_result_name(enum va_result r);
const char *va_outcome_text(const struct va_rule *rule, char *buf, size_t size);

#endif
