/*
 * Every name a VMCS field, a capability MSR or a CPU fact goes by.  The
 * field table (engine/field_list.h, KVM's names) stays the one source: each
 * naming scheme below is a rule that turns a KVM name into that scheme's
 * name, plus a short list of names no rule derives.  Lookup compares names
 * after one normalisation (case, separators, camelCase, common synonyms), so
 * "VMCS_GUEST_ES_ACCESS_RIGHTS", "guest_es_access_rights", "kGuestEsArBytes",
 * "Guest ES access rights" and "es rights" all find GUEST_ES_AR_BYTES.
 */
#ifndef VA_FIELD_NAMES_H
#define VA_FIELD_NAMES_H

#include <stddef.h>

#include "../engine/fields.h"

enum va_name_scheme {
	VA_NAMES_KVM,      /* GUEST_ES_AR_BYTES (Linux KVM, the table's own) */
	VA_NAMES_IA32DOC,  /* VMCS_GUEST_ES_ACCESS_RIGHTS (ia32-doc's ia32.h, long names) */
	VA_NAMES_IA32DOC_SHORT, /* VMCS_GUEST_ES_SEL, VMCS_CTRL_PROC_EXEC (ia32-doc's short names) */
	VA_NAMES_BOCHS,    /* VMCS_32BIT_GUEST_ES_ACCESS_RIGHTS (Bochs cpu/vmx.h) */
	VA_NAMES_SDM,      /* Guest ES access rights (SDM Appendix B prose) */
	VA_NAMES_SNAKE,    /* guest_es_access_rights */
	VA_NAMES_KCAMEL,   /* kGuestEsArBytes (HyperPlatform's ia32_type.h) */
	VA_NAMES_SHORT,    /* es access rights (guest fields, register first) */
	VA_NAMES_COUNT
};

/* Short label of a scheme ("ia32-doc", "Bochs", ...). */
const char *va_name_scheme_label(enum va_name_scheme s);

/* The field's name in a scheme into buf (NUL-terminated); 0 when the scheme
 * has no name for it. */
size_t va_field_alias(enum va_field f, enum va_name_scheme s, char *buf, size_t cap);

/* The i-th name of the field that no scheme derives (other spellings seen
 * in dumps and hobby code), or NULL after the last. */
const char *va_field_extra_name(enum va_field f, unsigned i);

/* What a name resolved to. */
struct va_name_match {
	enum va_field field;
	int high;               /* the _HIGH half ("_HIGH", "_HI", odd encoding) */
	enum va_field other;    /* VA_NAME_AMBIGUOUS: a second field the name fits */
};
enum { VA_NAME_UNKNOWN = 0, VA_NAME_FOUND = 1, VA_NAME_AMBIGUOUS = -1 };

/* A field by any of its names or its encoding ("0x4814", "4814h").  The
 * SDM's row names read with their parentheses: "TSC offset (full)",
 * "EPT pointer (EPTP; high)" (the high half), "Virtual-processor identifier
 * (VPID)". */
int va_field_resolve(const char *s, size_t n, struct va_name_match *m);

/* A capability MSR by any spelling: IA32_VMX_PINBASED_CTLS, ..._CTL,
 * MSR_IA32_VMX_PINBASED_CTLS, 0x481, 481h.  enum va_msr, or -1. */
int va_msr_resolve(const char *s, size_t n);

/* A [cpu] fact by its key in any case and separator style; enum va_fact or -1. */
int va_fact_resolve(const char *s, size_t n);

/* The canonical form names are compared in (for tests and messages). */
size_t va_name_canonical(const char *s, size_t n, char *out, size_t cap);

#endif
