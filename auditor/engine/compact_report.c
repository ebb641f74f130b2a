#include "compact_report.h"

/* A bounded writer: counts what the whole text needs, keeps what fits. */
struct sink {
	char *buf;
	size_t size, len;
};

static void put_char(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

static void put_str(struct sink *s, const char *str)
{
	while (*str)
		put_char(s, *str++);
}

static void put_dec(struct sink *s, uint64_t v)
{
	char d[20];
	unsigned n = 0;
	do
		d[n++] = (char)('0' + v % 10);
	while (v /= 10);
	while (n)
		put_char(s, d[--n]);
}

static void put_hex(struct sink *s, uint64_t v)
{
	char d[16];
	unsigned n = 0;
	do
		d[n++] = "0123456789abcdef"[v & 15];
	while (v >>= 4);
	put_str(s, "0x");
	while (n)
		put_char(s, d[--n]);
}

static void terminate(struct sink *s)
{
	if (s->size)
		s->buf[s->len < s->size ? s->len : s->size - 1] = '\0';
}

/* Words as va_render_verdict_short has them, so a log and the tool agree. */
static void put_verdict(struct sink *s, const struct va_verdict *v)
{
	switch ((enum va_result)v->result) {
	case VA_RESULT_SUCCESS: put_str(s, "success"); break;
	case VA_RESULT_VMFAIL_INVALID: put_str(s, "VMfailInvalid"); break;
	case VA_RESULT_VMFAIL_VALID:
		put_str(s, "VMfailValid ");
		put_dec(s, v->vm_instruction_error);
		break;
	case VA_RESULT_ENTRY_FAILURE:
		put_str(s, "exit ");
		put_dec(s, v->exit_reason);
		put_str(s, " (qual ");
		put_dec(s, v->exit_qualification);
		put_char(s, ')');
		break;
	case VA_RESULT_FAULT_UD: put_str(s, "#UD"); break;
	case VA_RESULT_FAULT_GP: put_str(s, "#GP(0)"); break;
	case VA_RESULT_VMEXIT:
		put_str(s, "VM exit ");
		put_dec(s, v->exit_reason);
		break;
	case VA_RESULT_INCONCLUSIVE: put_str(s, "inconclusive"); break;
	default: put_str(s, "?"); break;
	}
}

size_t va_format_verdict(const struct va_verdict *v, char *buf, size_t size)
{
	struct sink s = { buf, size, 0 };
	put_verdict(&s, v);
	terminate(&s);
	return s.len;
}

/* Which operands {0}..{3} the rule's message template shows: those are
 * the ones worth printing. */
static unsigned operands_used(const char *tmpl)
{
	unsigned used = 0;
	for (const char *p = tmpl; p && *p; p++)
		if (p[0] == '{' && p[1] >= '0' && p[1] <= '3' && (p[2] == '}' || p[2] == ':'))
			used |= 1u << (p[1] - '0');
	return used;
}

static void put_finding(struct sink *s, const struct va_finding *f)
{
	const struct va_rule *rule = va_rule_at(f->rule);
	put_str(s, "FAIL ");
	put_str(s, rule->id);
	if (f->msr_index) {
		put_str(s, " entry ");
		put_dec(s, f->msr_index);
	}
	put_char(s, ' ');
	put_str(s, rule->sdm);
	put_str(s, ": ");
	put_str(s, rule->summary);
	unsigned used = operands_used(rule->message);
	if (used) {
		const char *sep = " [";
		for (unsigned k = 0; k < 4; k++) {
			if (!((used >> k) & 1))
				continue;
			put_str(s, sep);
			put_hex(s, f->eval.v[k]);
			sep = " ";
		}
		put_char(s, ']');
	}
	put_char(s, '\n');
}

size_t va_format_compact(const struct va_report *r, char *buf, size_t size)
{
	struct sink s = { buf, size, 0 };
	put_str(&s, "vmcs-audit: ");
	put_verdict(&s, &r->verdict);
	put_str(&s, ": ");
	put_dec(&s, r->count[VA_FAIL]);
	put_str(&s, r->count[VA_FAIL] == 1 ? " rule fails, " : " rules fail, ");
	put_dec(&s, r->count[VA_UNKNOWN]);
	put_str(&s, " not evaluated\n");

	/* Whole lines only: a line cut in the middle reads as a different
	 * condition.  Keep counting past the end for the return value. */
	size_t kept = s.len < size ? s.len : 0;
	int cut = kept == 0;
	for (unsigned i = 0; i < r->n_findings; i++) {
		if (r->findings[i].status != VA_FAIL)
			continue;
		put_finding(&s, &r->findings[i]);
		if (!cut && s.len < size)
			kept = s.len;
		else
			cut = 1;
	}
	if (cut && size) {
		/* Room for "...\n" after the last whole line, if any. */
		static const char more[] = "...\n";
		size_t at = kept;
		if (at + sizeof more <= size)
			for (unsigned k = 0; k < sizeof more - 1; k++)
				buf[at++] = more[k];
		buf[at < size ? at : size - 1] = '\0';
		return s.len;
	}
	terminate(&s);
	return s.len;
}
