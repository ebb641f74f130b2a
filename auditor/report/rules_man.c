#include "rules_man.h"

#include "../engine/audit.h"
#include "render.h"

/* Text as troff shows it literally: backslashes escaped, a line that
 * would start with a control character made plain, and characters beyond
 * ASCII (the summaries use "≤", "→") as \[uXXXX], which troff reads
 * whatever the page's encoding. */
static void roff(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\') {
			fputs("\\e", out);
		} else if (*p == '-') {
			fputs("\\-", out);
		} else if (*p >= 0xc0) {
			unsigned n = *p >= 0xf0 ? 3 : *p >= 0xe0 ? 2 : 1;
			unsigned cp = *p & (0x3fu >> n);
			for (; n && (p[1] & 0xc0) == 0x80; n--)
				cp = cp << 6 | (*++p & 0x3f);
			fprintf(out, "\\[u%04X]", cp);
		} else {
			fputc(*p, out);
		}
	}
}

void va_write_rules_man(FILE *out, const char *version)
{
	char applies[512], cur[32], outcome[128];
	fprintf(out, ".\\\" Generated from the rule table; do not edit.\n"
		     ".TH VMCS-AUDIT-RULES 7 \"\" \"vmcs-audit %s\" \"vmcs-audit\"\n"
		     ".SH NAME\nvmcs-audit-rules \\- the VM-entry checks vmcs-audit evaluates\n"
		     ".SH DESCRIPTION\nEvery rule of\n.BR vmcs-audit (1):\n"
		     "its stable id, the section of the Intel SDM Vol.\\~3C it comes from (2016\\-2020\n"
		     "numbering, then the newest edition's), its stage, the condition that must hold,\n"
		     "when it applies and what the processor does when it does not.\n"
		     "Rules are listed in SDM order; %u in all.\n"
		     "\\fBvmcs-audit explain\\fR \\fIID\\fR shows one rule in full.\n"
		     ".SH RULES\n", version, va_rule_count());
	for (unsigned i = 0; i < va_rule_count(); i++) {
		const struct va_rule *rule = va_rule_at(i);
		va_sdm_current(rule->sdm, cur, sizeof cur);
		va_render_applies(rule, applies, sizeof applies);
		fputs(".TP\n.B ", out);
		roff(out, rule->id);
		fputs("\n", out);
		fprintf(out, "SDM %s (newest %s), %s stage%s.\n", rule->sdm, cur, va_stage_name(rule->stage),
			(rule->flags & (VA_RULE_UNCONFIRMED | VA_RULE_CANDIDATE)) ? ", unconfirmed" : "");
		fputs(".br\n", out);
		roff(out, rule->summary);
		fputs(".\n.br\nApplies: ", out);
		roff(out, applies);
		fputs(".\n.br\nOtherwise: ", out);
		roff(out, va_outcome_text(rule, outcome, sizeof outcome));
		fputs(".\n", out);
	}
	fputs(".SH SEE ALSO\n.BR vmcs-audit (1)\n", out);
}
