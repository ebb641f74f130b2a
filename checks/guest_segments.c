/*
 * SDM 26.3.1.2 Checks on guest segment registers (CS, SS, DS, ES, FS, GS,
 * TR, LDTR).  One rule shape serves every register it applies to: the
 * register is the rule's .arg, an index into `segs`, and a macro expands the
 * per-register record.  Where a shape applies follows the SDM's wording,
 * named by a "where" class:
 *
 *   NV86        not virtual-8086, even if the register is unusable (CS; SS DPL rules)
 *   DATA        not virtual-8086 and the register is usable (SS, DS, ES, FS, GS)
 *   ALWAYS      TR: every check, in every mode
 *   USABLE      LDTR: only if LDTR is usable, in every mode
 *   I64         Intel 64 processors (base-address checks)
 *   I64_USABLE  Intel 64 processors, register usable
 *
 * "Usable" means bit 16 of the access-rights field is 0.
 */
#include "predicates.h"
#include "rule_lists.h"

enum seg { SEG_ES, SEG_CS, SEG_SS, SEG_DS, SEG_FS, SEG_GS, SEG_LDTR, SEG_TR };

struct seg_desc {
	uint16_t sel, base, limit, ar;  /* enum va_field */
};

#define SEG_DESC(R) [SEG_##R] = { FLD_GUEST_##R##_SELECTOR, FLD_GUEST_##R##_BASE, \
				  FLD_GUEST_##R##_LIMIT, FLD_GUEST_##R##_AR_BYTES }
static const struct seg_desc segs[] = {
	SEG_DESC(ES), SEG_DESC(CS), SEG_DESC(SS), SEG_DESC(DS),
	SEG_DESC(FS), SEG_DESC(GS), SEG_DESC(LDTR), SEG_DESC(TR),
};

/* Access-rights layout (SDM 24.4.1). */
#define AR_TYPE_ACCESSED BIT(0)
#define AR_TYPE_READABLE BIT(1)
#define AR_TYPE_CODE BIT(3)
#define AR_S BIT(4)
#define AR_P BIT(7)
#define AR_RSVD_11_8 BITS(11, 8)
#define AR_L BIT(13)
#define AR_DB BIT(14)
#define AR_G BIT(15)
#define AR_UNUSABLE BIT(16)
#define AR_RSVD_31_17 BITS(31, 17)
#define AR_V86 0xf3ull           /* type 3, S, DPL 3, P */
#define LIMIT_V86 0xffffull
#define LIMIT_PAGE_LOW BITS(11, 0)
#define LIMIT_PAGE_HIGH BITS(31, 20)

static uint64_t ar_of(const struct va_ctx *c, enum seg s)
{
	return va_get(c, (enum va_field)segs[s].ar);
}

static uint64_t sel_of(const struct va_ctx *c, enum seg s)
{
	return va_get(c, (enum va_field)segs[s].sel);
}

static unsigned ar_type(uint64_t ar)
{
	return (unsigned)(ar & 0xf);
}

static unsigned ar_dpl(uint64_t ar)
{
	return (unsigned)(ar >> 5) & 3;
}

static bool ar_has(uint64_t ar, uint64_t bit)
{
	return (ar & bit) != 0;
}

/* Any bit of `mask` is 1 in `value`. */
static bool any_of(uint64_t value, uint64_t mask)
{
	return (value & mask) != 0;
}

static unsigned sel_rpl(uint64_t sel)
{
	return (unsigned)(sel & 3);
}

/* Base of a virtual-8086 segment: the selector times 16. */
static uint64_t v86_base_of(uint64_t sel)
{
	return (sel & 0xffff) << 4;
}

/* Type 9, 11, 13 or 15: an accessed code segment. */
static bool accessed_code(unsigned type)
{
	return any_of(type, AR_TYPE_CODE) && any_of(type, AR_TYPE_ACCESSED);
}

/* Type 8, 10, 12 or 14: a code segment without the accessed bit. */
static bool unaccessed_code(unsigned type)
{
	return any_of(type, AR_TYPE_CODE) && !any_of(type, AR_TYPE_ACCESSED);
}

static bool nonconforming_code(unsigned type)
{
	return type == 9 || type == 11;
}

static bool conforming_code(unsigned type)
{
	return type == 13 || type == 15;
}

/* applies(): the register's unusable bit is 0. */
/* ---- predicates ---------------------------------------------------- */

static enum va_status ss_rpl_eq_cs_rpl(const struct va_ctx *c, const struct va_rule *r,
				       struct va_eval *e)
{
	(void)r;
	uint64_t ss = sel_of(c, SEG_SS), cs = sel_of(c, SEG_CS);
	e->v[0] = ss;
	e->v[1] = sel_rpl(ss);
	e->v[2] = cs;
	e->v[3] = sel_rpl(cs);
	return e->v[1] == e->v[3] ? VA_PASS : VA_FAIL;
}

static enum va_status v86_base(const struct va_ctx *c, const struct va_rule *r,
			       struct va_eval *e)
{
	enum seg s = (enum seg)r->arg;
	e->v[0] = va_get(c, (enum va_field)segs[s].base);
	e->v[1] = sel_of(c, s);
	e->v[2] = v86_base_of(e->v[1]);
	return e->v[0] == e->v[2] ? VA_PASS : VA_FAIL;
}

static enum va_status v86_limit(const struct va_ctx *c, const struct va_rule *r,
				struct va_eval *e)
{
	e->v[0] = va_get(c, (enum va_field)segs[r->arg].limit);
	return e->v[0] == LIMIT_V86 ? VA_PASS : VA_FAIL;
}

static enum va_status v86_ar(const struct va_ctx *c, const struct va_rule *r,
			     struct va_eval *e)
{
	e->v[0] = ar_of(c, (enum seg)r->arg);
	e->v[1] = va_forbidden_bits(e->v[0], AR_V86);   /* set but must be 0 */
	e->v[2] = va_missing_bits(e->v[0], AR_V86);     /* 0 but must be 1 */
	return e->v[0] == AR_V86 ? VA_PASS : VA_FAIL;
}

static enum va_status cs_type(const struct va_ctx *c, const struct va_rule *r,
			      struct va_eval *e)
{
	(void)r;
	uint64_t ar = ar_of(c, SEG_CS);
	unsigned type = ar_type(ar);
	bool ug = va_cond(c, COND_UG);
	e->v[0] = ar;
	e->v[1] = type;
	e->v[2] = ug;
	return accessed_code(type) || (ug && type == 3) ? VA_PASS : VA_FAIL;
}

static enum va_status ss_type(const struct va_ctx *c, const struct va_rule *r,
			      struct va_eval *e)
{
	(void)r;
	uint64_t ar = ar_of(c, SEG_SS);
	e->v[0] = ar;
	e->v[1] = ar_type(ar);
	return e->v[1] == 3 || e->v[1] == 7 ? VA_PASS : VA_FAIL;
}

static enum va_status data_accessed(const struct va_ctx *c, const struct va_rule *r,
				    struct va_eval *e)
{
	uint64_t ar = ar_of(c, (enum seg)r->arg);
	e->v[0] = ar;
	e->v[1] = va_missing_bits(ar, AR_TYPE_ACCESSED);
	return e->v[1] ? VA_FAIL : VA_PASS;
}

static enum va_status data_code_readable(const struct va_ctx *c, const struct va_rule *r,
					 struct va_eval *e)
{
	uint64_t ar = ar_of(c, (enum seg)r->arg);
	e->v[0] = ar;
	e->v[1] = ar_type(ar);
	e->v[2] = AR_TYPE_READABLE;
	if (!ar_has(ar, AR_TYPE_CODE))
		return VA_PASS;
	return ar_has(ar, AR_TYPE_READABLE) ? VA_PASS : VA_FAIL;
}

/* rule.field = the AR field, rule.mask = one bit, rule.arg2 = its wanted value. */
static enum va_status ar_bit_is(const struct va_ctx *c, const struct va_rule *r,
				struct va_eval *e)
{
	uint64_t ar = va_get(c, (enum va_field)r->field);
	e->v[0] = ar;
	e->v[1] = r->mask;
	return ar_has(ar, r->mask) == (r->arg2 != 0) ? VA_PASS : VA_FAIL;
}

static enum va_status cs_dpl_type3(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	(void)r;
	uint64_t ar = ar_of(c, SEG_CS);
	e->v[0] = ar;
	e->v[1] = ar_dpl(ar);
	if (ar_type(ar) != 3)
		return VA_PASS;
	return e->v[1] == 0 ? VA_PASS : VA_FAIL;
}

static enum va_status cs_dpl_nonconforming(const struct va_ctx *c, const struct va_rule *r,
					   struct va_eval *e)
{
	(void)r;
	uint64_t cs = ar_of(c, SEG_CS), ss = ar_of(c, SEG_SS);
	e->v[0] = cs;
	e->v[1] = ar_dpl(cs);
	e->v[2] = ss;
	e->v[3] = ar_dpl(ss);
	if (!nonconforming_code(ar_type(cs)))
		return VA_PASS;
	return e->v[1] == e->v[3] ? VA_PASS : VA_FAIL;
}

static enum va_status cs_dpl_conforming(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	(void)r;
	uint64_t cs = ar_of(c, SEG_CS), ss = ar_of(c, SEG_SS);
	e->v[0] = cs;
	e->v[1] = ar_dpl(cs);
	e->v[2] = ss;
	e->v[3] = ar_dpl(ss);
	if (!conforming_code(ar_type(cs)))
		return VA_PASS;
	return e->v[1] <= e->v[3] ? VA_PASS : VA_FAIL;
}

static enum va_status ss_dpl_eq_rpl(const struct va_ctx *c, const struct va_rule *r,
				    struct va_eval *e)
{
	(void)r;
	uint64_t ar = ar_of(c, SEG_SS), sel = sel_of(c, SEG_SS);
	e->v[0] = ar;
	e->v[1] = ar_dpl(ar);
	e->v[2] = sel;
	e->v[3] = sel_rpl(sel);
	return e->v[1] == e->v[3] ? VA_PASS : VA_FAIL;
}

static enum va_status ss_dpl_zero(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	(void)r;
	uint64_t ss = ar_of(c, SEG_SS), cs = ar_of(c, SEG_CS);
	bool pe = va_cond(c, COND_GUEST_PE);
	e->v[0] = ss;
	e->v[1] = ar_dpl(ss);
	e->v[2] = ar_type(cs);
	e->v[3] = pe;
	if (e->v[2] != 3 && pe)
		return VA_PASS;
	return e->v[1] == 0 ? VA_PASS : VA_FAIL;
}

static enum va_status dpl_ge_rpl(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	enum seg s = (enum seg)r->arg;
	uint64_t ar = ar_of(c, s), sel = sel_of(c, s);
	e->v[0] = ar;
	e->v[1] = ar_dpl(ar);
	e->v[2] = sel;
	e->v[3] = sel_rpl(sel);
	if (ar_type(ar) > 11)   /* conforming code: no DPL rule */
		return VA_PASS;
	return e->v[1] >= e->v[3] ? VA_PASS : VA_FAIL;
}

static enum va_status cs_db_with_l(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	(void)r;
	uint64_t ar = ar_of(c, SEG_CS);
	e->v[0] = ar;
	e->v[1] = AR_L | AR_DB;
	if (!ar_has(ar, AR_L))
		return VA_PASS;
	return ar_has(ar, AR_DB) ? VA_FAIL : VA_PASS;
}

static enum va_status g_limit_low(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	enum seg s = (enum seg)r->arg;
	uint64_t ar = ar_of(c, s), limit = va_get(c, (enum va_field)segs[s].limit);
	e->v[0] = ar;
	e->v[1] = limit;
	e->v[2] = AR_G;
	if (!va_missing_bits(limit, LIMIT_PAGE_LOW))
		return VA_PASS;
	return ar_has(ar, AR_G) ? VA_FAIL : VA_PASS;
}

static enum va_status g_limit_high(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	enum seg s = (enum seg)r->arg;
	uint64_t ar = ar_of(c, s), limit = va_get(c, (enum va_field)segs[s].limit);
	e->v[0] = ar;
	e->v[1] = limit;
	e->v[2] = AR_G;
	if (!any_of(limit, LIMIT_PAGE_HIGH))
		return VA_PASS;
	return ar_has(ar, AR_G) ? VA_PASS : VA_FAIL;
}

static enum va_status tr_type(const struct va_ctx *c, const struct va_rule *r,
			      struct va_eval *e)
{
	(void)r;
	uint64_t ar = ar_of(c, SEG_TR);
	unsigned type = ar_type(ar);
	bool ia32e = va_cond(c, COND_IA32E_GUEST);
	e->v[0] = ar;
	e->v[1] = type;
	e->v[2] = ia32e;
	if (type == 11)
		return VA_PASS;
	return !ia32e && type == 3 ? VA_PASS : VA_FAIL;
}

static enum va_status ldtr_type(const struct va_ctx *c, const struct va_rule *r,
				struct va_eval *e)
{
	(void)r;
	uint64_t ar = ar_of(c, SEG_LDTR);
	e->v[0] = ar;
	e->v[1] = ar_type(ar);
	return e->v[1] == 2 ? VA_PASS : VA_FAIL;
}

static enum va_status fred_ss_dpl(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	(void)r;
	uint64_t ar = ar_of(c, SEG_SS);
	e->v[0] = ar;
	e->v[1] = ar_dpl(ar);
	return e->v[1] == 0 || e->v[1] == 3 ? VA_PASS : VA_FAIL;
}

static enum va_status fred_cs_l(const struct va_ctx *c, const struct va_rule *r,
				struct va_eval *e)
{
	(void)r;
	uint64_t cs = ar_of(c, SEG_CS), ss = ar_of(c, SEG_SS);
	e->v[0] = cs;
	e->v[1] = AR_L;
	e->v[2] = ss;
	e->v[3] = ar_dpl(ss);
	if (e->v[3] != 0)
		return VA_PASS;
	return ar_has(cs, AR_L) ? VA_PASS : VA_FAIL;
}

/* ---- hints that depend on the values ------------------------------- */

/* v[0] = the access rights. */
static const char *null_ar_hint(const struct va_eval *ev)
{
	if (ev->v[0] == 0)
		return "Access rights 0 do not mean \"no segment\": they describe a usable segment "
		       "of type 0, which fails the type, S and P checks. For a null selector (or a "
		       "register the guest does not use) mark it unusable: AR = 0x10000.";
	return NULL;
}

/* v[1] = the CS type, v[2] = unrestricted guest. */
static const char *cs_type_hint(const struct va_eval *ev)
{
	if (ev->v[1] == 3 && !ev->v[2])
		return "Type 3 (a data segment) is a valid CS only with \"unrestricted guest\", for "
		       "real-mode guests. Without it, real-mode code must run in virtual-8086 mode "
		       "or use an accessed code segment (AR 0x9B).";
	if (unaccessed_code((unsigned)ev->v[1]))
		return "Set type bit 0 (accessed). A descriptor that was never loaded shows it clear; "
		       "the CPU sets it when CS is loaded and VM entry insists on it.";
	return NULL;
}

/* ---- the record shapes ---------------------------------------------- */

/* ---- repairs ------------------------------------------------------- */

/* A data register or LDTR whose selector is null (index 0, TI 0) in
 * protected mode: the VMM meant "no segment", so it is marked unusable,
 * keeping the DPL bits (SS.DPL is the CPL even when SS is unusable). */
static bool null_to_unusable(const struct va_ctx *c, enum seg s, struct va_state *out)
{
	if (s == SEG_CS || s == SEG_TR || !va_cond(c, COND_GUEST_PE) || va_cond(c, COND_V86) ||
	    (sel_of(c, s) & ~3ull) != 0)
		return false;
	return va_repair_set(out, (enum va_field)segs[s].ar,
			     AR_UNUSABLE | (ar_of(c, s) & BITS(6, 5)));
}

static bool set_ar(const struct va_ctx *c, enum seg s, uint64_t clear, uint64_t set,
		   struct va_state *out)
{
	return va_repair_set(out, (enum va_field)segs[s].ar, (ar_of(c, s) & ~clear) | set);
}

static bool fix_ar_bit(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		       struct va_state *out)
{
	(void)e;
	enum seg s = (enum seg)r->arg;
	return null_to_unusable(c, s, out) || set_ar(c, s, r->mask, r->arg2 ? r->mask : 0, out);
}

static bool fix_accessed(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			 struct va_state *out)
{
	(void)e;
	enum seg s = (enum seg)r->arg;
	return null_to_unusable(c, s, out) || set_ar(c, s, 0, AR_TYPE_ACCESSED, out);
}

static bool fix_readable(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			 struct va_state *out)
{
	(void)e;
	enum seg s = (enum seg)r->arg;
	return null_to_unusable(c, s, out) || set_ar(c, s, 0, AR_TYPE_READABLE, out);
}

static bool fix_unusable_only(const struct va_ctx *c, const struct va_rule *r,
			      const struct va_eval *e, struct va_state *out)
{
	(void)e;
	return null_to_unusable(c, (enum seg)r->arg, out);
}

/* G against the limit: a limit above 1 MiB keeps its size with G = 1 and
 * bits 11:0 all 1; a smaller one becomes byte-granular. */
static bool fix_g_low(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		      struct va_state *out)
{
	enum seg s = (enum seg)r->arg;
	if (any_of(e->v[1], LIMIT_PAGE_HIGH))
		return va_repair_set(out, (enum va_field)segs[s].limit, e->v[1] | LIMIT_PAGE_LOW);
	return set_ar(c, s, AR_G, 0, out);
}

static bool fix_g_high(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		       struct va_state *out)
{
	enum seg s = (enum seg)r->arg;
	bool changed = set_ar(c, s, 0, AR_G, out);
	return va_repair_set(out, (enum va_field)segs[s].limit, e->v[1] | LIMIT_PAGE_LOW) || changed;
}

static bool fix_v86_base(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			 struct va_state *out)
{
	(void)c;
	return va_repair_set(out, (enum va_field)segs[r->arg].base, e->v[2]);
}

static bool fix_v86_limit(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			  struct va_state *out)
{
	(void)c;
	(void)e;
	return va_repair_set(out, (enum va_field)segs[r->arg].limit, LIMIT_V86);
}

static bool fix_v86_ar(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		       struct va_state *out)
{
	(void)c;
	(void)e;
	return va_repair_set(out, (enum va_field)segs[r->arg].ar, AR_V86);
}

/* An unaccessed code CS gets its accessed bit; anything else is a wrong
 * descriptor, which only its owner can choose. */
static bool fix_cs_type(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			struct va_state *out)
{
	(void)r;
	return unaccessed_code((unsigned)e->v[1]) && set_ar(c, SEG_CS, 0, AR_TYPE_ACCESSED, out);
}

static bool fix_ss_type(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			struct va_state *out)
{
	(void)r;
	if (null_to_unusable(c, SEG_SS, out))
		return true;
	return (e->v[1] == 2 || e->v[1] == 6) && set_ar(c, SEG_SS, 0, AR_TYPE_ACCESSED, out);
}

/* A TSS descriptor (type 1, 3, 9 or 11) as TR becomes busy: 11, or 3 for a
 * 16-bit TSS outside IA-32e mode ({2}). */
static bool fix_tr_type(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			struct va_state *out)
{
	(void)r;
	unsigned type = (unsigned)e->v[1];
	if ((type & 5) != 1)
		return false;
	unsigned want = (type & 8) || e->v[2] ? 11 : 3;
	return set_ar(c, SEG_TR, 0xf, want, out);
}

/* A type-3 (real-mode style) CS runs at CPL 0. */
static bool fix_cs_dpl0(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			struct va_state *out)
{
	(void)r;
	(void)e;
	return set_ar(c, SEG_CS, BITS(6, 5), 0, out);
}

static bool fix_cs_db(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		      struct va_state *out)
{
	(void)r;
	(void)e;
	return set_ar(c, SEG_CS, AR_DB, 0, out);
}

/* SS.DPL := the SS selector's RPL ({3}), or 0 in real mode. */
static bool fix_ss_dpl_rpl(const struct va_ctx *c, const struct va_rule *r,
			   const struct va_eval *e, struct va_state *out)
{
	(void)r;
	return set_ar(c, SEG_SS, BITS(6, 5), e->v[3] << 5, out);
}

static bool fix_ss_dpl_zero(const struct va_ctx *c, const struct va_rule *r,
			    const struct va_eval *e, struct va_state *out)
{
	(void)r;
	(void)e;
	return set_ar(c, SEG_SS, BITS(6, 5), 0, out);
}

#define GUEST33 .sdm = "26.3.1.2", .stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, \
	.code = 33, .qualification = 0

/* Where a shape applies: its gates ... */
#define WHERE_NV86(R) .gate = { UNLESS(VEC_COND, COND_V86) }
#define WHERE_DATA(R) .gate = { UNLESS(VEC_COND, COND_V86), WHEN(VEC_COND, COND_##R##_USABLE) }
#define WHERE_ALWAYS(R) .applies = 0
#define WHERE_USABLE(R) .gate = { WHEN(VEC_COND, COND_##R##_USABLE) }
#define WHERE_I64(R) .gate = { WHEN(VEC_COND, COND_INTEL64) }
#define WHERE_I64_USABLE(R) .gate = { WHEN(VEC_COND, COND_INTEL64), WHEN(VEC_COND, COND_##R##_USABLE) }
/* ... the fields those read besides the rule's own ... */
#define FX_NV86(R) , FLD_GUEST_RFLAGS
#define FX_DATA(R) , FLD_GUEST_RFLAGS
#define FX_ALWAYS(R)
#define FX_USABLE(R)
#define FX_I64(R)
#define FX_I64_USABLE(R) , FLD_GUEST_##R##_AR_BYTES
/* ... and the hint for a zero access-rights field, where one is useful. */
#define HF_NV86 0
#define HF_DATA null_ar_hint
#define HF_ALWAYS 0
#define HF_USABLE null_ar_hint

#define V86_GATE .gate = { WHEN(VEC_COND, COND_V86) }

/* Notes on the reference implementations. */
#define NOTE_HW "Bochs and VirtualBox check this in software as the SDM says; KVM and Xen " \
	"leave it to the CPU, which checks it when it enters the merged VMCS."
#define NOTE_SS_BOCHS "Bochs skips every SS attribute and base check when the SS selector's " \
	"RPL is 0 in a 64-bit guest (IA-32e mode, CS.L = 1), even for a usable SS; the SDM " \
	"exempts only an unusable SS. KVM and Xen leave the check to the CPU; VirtualBox follows " \
	"the SDM."
#define NOTE_V86_BASE "Applies even if the register is marked unusable (V86_AR then fails as " \
	"well). " NOTE_HW
#define NOTE_ACCESSED "Applies in unrestricted-guest real mode too, which is why KVM sets the " \
	"accessed bit when it builds real-mode segments. " NOTE_HW

#define HINT_V86 "In virtual-8086 mode all six segment registers are real-mode style: base = " \
	"selector * 16, limit 0xFFFF, AR 0xF3. Fill them all that way, including registers " \
	"the guest does not use."
#define HINT_RSVD_11_8 "Bits 11:8 of the AR field are reserved. They hold limit bits 19:16 " \
	"when the AR is copied straight from descriptor bytes 5-6 (or from LAR without " \
	"masking): shift and mask to the VMCS layout."
#define HINT_RSVD_31_17 "Only bits 15:12, 7:0 and 16 (unusable) of the AR field are defined. " \
	"Upper bits usually come from an unmasked LAR result or a sign-extended value."
#define HINT_G_LOW "With G = 1 the limit field holds the byte limit with bits 11:0 all 1 " \
	"(e.g. 0xFFFFFFFF), not the 20-bit descriptor value (0xFFFFF): shift the descriptor " \
	"limit left by 12 bits and fill bits 11:0 with ones, or clear G."
#define HINT_G_HIGH "The limit field holds the expanded byte limit; anything above 0xFFFFF " \
	"needs G = 1 (and bits 11:0 all 1)."
#define HINT_BASE_HIGH "Outside 64-bit addressing a segment base is 32 bits: write it " \
	"zero-extended. Upper bits usually come from sign extension or a stale 64-bit value."
#define HINT_CANONICAL "The base is a linear address: bits 63 down to the top implemented " \
	"bit must be equal. A pointer with its upper half truncated or wrongly sign-extended " \
	"fails."

#define SEL_TI(R, W, NOTES, HINT) { \
	.id = "GUEST.SEG." #R ".SEL_TI", GUEST33, \
	.summary = "GUEST_" #R "_SELECTOR bit 2 (TI) is 0: " #R " selects a GDT descriptor", \
	.message = "{f0} = {0}: the TI flag (bit 2) must be 0, because " #R " is loaded from " \
		   "the GDT, never the LDT", \
	.hint = HINT, .notes = NOTES, \
	.fields = { FLD_GUEST_##R##_SELECTOR FX_##W(R) }, WHERE_##W(R), \
	.check = va_check_zero_bits, .field = FLD_GUEST_##R##_SELECTOR, .mask = BIT(2), \
	.repair = va_repair_clear_v1, \
	.arg = SEG_##R }

#define V86_BASE(R) { \
	.id = "GUEST.SEG." #R ".V86_BASE", GUEST33, \
	.summary = "In virtual-8086 mode, GUEST_" #R "_BASE equals GUEST_" #R "_SELECTOR " \
		   "shifted left by 4", \
	.message = "{f0} = {0} but {f1} = {1}: in virtual-8086 mode the base must be the " \
		   "selector times 16, {2}", \
	.hint = HINT_V86, .notes = NOTE_V86_BASE, \
	.fields = { FLD_GUEST_##R##_BASE, FLD_GUEST_##R##_SELECTOR, FLD_GUEST_RFLAGS }, \
	.repair = fix_v86_base, \
	V86_GATE, .check = v86_base, .field = FLD_GUEST_##R##_BASE, .arg = SEG_##R }

#define V86_LIMIT(R) { \
	.id = "GUEST.SEG." #R ".V86_LIMIT", GUEST33, \
	.summary = "In virtual-8086 mode, GUEST_" #R "_LIMIT is 0xFFFF", \
	.message = "{f0} = {0}: in virtual-8086 mode the limit must be 0xffff (64 KiB)", \
	.hint = HINT_V86, .notes = NOTE_HW, \
	.fields = { FLD_GUEST_##R##_LIMIT, FLD_GUEST_RFLAGS }, \
	.repair = fix_v86_limit, \
	V86_GATE, .check = v86_limit, .field = FLD_GUEST_##R##_LIMIT, .arg = SEG_##R }

#define V86_AR(R) { \
	.id = "GUEST.SEG." #R ".V86_AR", GUEST33, \
	.summary = "In virtual-8086 mode, GUEST_" #R "_AR_BYTES is exactly 0xF3 (type 3, S = 1, " \
		   "DPL 3, P = 1, usable)", \
	.message = "{f0} = {0}: in virtual-8086 mode the access rights must be exactly 0xf3; " \
		   "set but must be 0: {1:bits}; clear but must be 1: {2:bits}", \
	.hint = HINT_V86, .notes = NOTE_HW, \
	.fields = { FLD_GUEST_##R##_AR_BYTES, FLD_GUEST_RFLAGS }, \
	.repair = fix_v86_ar, \
	V86_GATE, .check = v86_ar, .field = FLD_GUEST_##R##_AR_BYTES, .bitset = VA_BITS_AR, \
	.arg = SEG_##R }

#define BASE_CANONICAL(R, W, NOTES) { \
	.id = "GUEST.SEG." #R ".BASE_CANONICAL", GUEST33, \
	.summary = "GUEST_" #R "_BASE is canonical", \
	.message = MSG_CANONICAL, .hint = HINT_CANONICAL, .notes = NOTES, \
	.fields = { FLD_GUEST_##R##_BASE FX_##W(R) }, .needs = VA_NEED_LINEAR, WHERE_##W(R), \
	.repair = va_repair_canonical, \
	.check = va_check_canonical, .field = FLD_GUEST_##R##_BASE, .arg = SEG_##R }

#define BASE_HIGH(R, W, NOTES) { \
	.id = "GUEST.SEG." #R ".BASE_HIGH", GUEST33, \
	.summary = "Bits 63:32 of GUEST_" #R "_BASE are 0", \
	.message = "{field} = {0}: bits 63:32 of the base must be 0 (set: {1})", \
	.hint = HINT_BASE_HIGH, .notes = NOTES, \
	.fields = { FLD_GUEST_##R##_BASE FX_##W(R) }, WHERE_##W(R), \
	.check = va_check_zero_bits, .field = FLD_GUEST_##R##_BASE, .mask = BITS(63, 32), \
	.repair = va_repair_clear_v1, \
	.arg = SEG_##R }

#define TYPE_ACCESSED(R) { \
	.id = "GUEST.SEG." #R ".TYPE_ACCESSED", GUEST33, \
	.summary = "A usable " #R " has type bit 0 (accessed) set in GUEST_" #R "_AR_BYTES", \
	.message = "{f0} = {0}: a usable " #R " must have {1:bits} set", \
	.hint = "Set type bit 0 (accessed): a descriptor that was never loaded shows it " \
		"clear, and VM entry requires it for every usable data register.", \
	.hint_for = null_ar_hint, .notes = NOTE_ACCESSED, \
	.fields = { FLD_GUEST_##R##_AR_BYTES FX_DATA(R) }, WHERE_DATA(R), \
	.repair = fix_accessed, \
	.check = data_accessed, .field = FLD_GUEST_##R##_AR_BYTES, .bitset = VA_BITS_AR, \
	.arg = SEG_##R }

#define TYPE_CODE_READABLE(R) { \
	.id = "GUEST.SEG." #R ".TYPE_CODE_READABLE", GUEST33, \
	.summary = "If a usable " #R " holds a code segment (type bit 3), it is readable " \
		   "(type bit 1)", \
	.message = "{f0} = {0} is a code segment (type {1:d}) without {2:bits}: a code " \
		   "segment in " #R " must be readable", \
	.notes = NOTE_HW, \
	.fields = { FLD_GUEST_##R##_AR_BYTES FX_DATA(R) }, WHERE_DATA(R), \
	.repair = fix_readable, \
	.check = data_code_readable, .field = FLD_GUEST_##R##_AR_BYTES, .bitset = VA_BITS_AR, \
	.arg = SEG_##R }

/* S, P, TR's unusable bit: one AR bit with a wanted value. */
#define AR_BIT(R, NAME, W, BITV, WANT, BITDESC, WHY, HINT, NOTES) { \
	.id = "GUEST.SEG." #R "." NAME, GUEST33, \
	.summary = "GUEST_" #R "_AR_BYTES " BITDESC " is " #WANT ": " WHY, \
	.message = "{f0} = {0}: {1:bits} must be " #WANT ": " WHY, \
	.hint = HINT, .hint_for = HF_##W, .notes = NOTES, \
	.fields = { FLD_GUEST_##R##_AR_BYTES FX_##W(R) }, WHERE_##W(R), \
	.repair = fix_ar_bit, \
	.check = ar_bit_is, .field = FLD_GUEST_##R##_AR_BYTES, .mask = BITV, .arg2 = WANT, \
	.bitset = VA_BITS_AR, .arg = SEG_##R }

#define S_CODE_DATA(R, W, NOTES) AR_BIT(R, "S", W, AR_S, 1, "bit 4 (S)", \
	#R " holds a code or data segment, not a system segment", NULL, NOTES)
#define P_PRESENT(R, W, NOTES) AR_BIT(R, "P", W, AR_P, 1, "bit 7 (P)", \
	"the segment is present", NULL, NOTES)

#define AR_RSVD(R, NAME, W, MASK, HI, LO, HINT, NOTES) { \
	.id = "GUEST.SEG." #R "." NAME, GUEST33, \
	.summary = "Reserved bits " #HI ":" #LO " of GUEST_" #R "_AR_BYTES are 0", \
	.message = "{field} = {0}: reserved bits " #HI ":" #LO " must be 0; set: {1:bits}", \
	.hint = HINT, .notes = NOTES, \
	.fields = { FLD_GUEST_##R##_AR_BYTES FX_##W(R) }, WHERE_##W(R), \
	.check = va_check_zero_bits, .field = FLD_GUEST_##R##_AR_BYTES, .mask = MASK, \
	.repair = va_repair_clear_v1, \
	.bitset = VA_BITS_AR, .arg = SEG_##R }

#define RSVD_11_8(R, W, NOTES) AR_RSVD(R, "AR_RSVD_11_8", W, AR_RSVD_11_8, 11, 8, \
	HINT_RSVD_11_8, NOTES)
#define RSVD_31_17(R, W, NOTES) AR_RSVD(R, "AR_RSVD_31_17", W, AR_RSVD_31_17, 31, 17, \
	HINT_RSVD_31_17, NOTES)

#define G_LIMIT_LOW(R, W, NOTES) { \
	.id = "GUEST.SEG." #R ".G_LIMIT_LOW", GUEST33, \
	.summary = "If any of bits 11:0 of GUEST_" #R "_LIMIT is 0, G (AR bit 15) is 0", \
	.message = "{f1} = {1} has bits 11:0 not all 1, which only a byte-granular limit can " \
		   "express, but {f0} = {0} has {2:bits} set: clear G, or make limit bits 11:0 " \
		   "all 1", \
	.hint = HINT_G_LOW, .notes = NOTES, \
	.fields = { FLD_GUEST_##R##_AR_BYTES, FLD_GUEST_##R##_LIMIT FX_##W(R) }, WHERE_##W(R), \
	.repair = fix_g_low, \
	.check = g_limit_low, .field = FLD_GUEST_##R##_AR_BYTES, .bitset = VA_BITS_AR, \
	.arg = SEG_##R }

#define G_LIMIT_HIGH(R, W, NOTES) { \
	.id = "GUEST.SEG." #R ".G_LIMIT_HIGH", GUEST33, \
	.summary = "If any of bits 31:20 of GUEST_" #R "_LIMIT is 1, G (AR bit 15) is 1", \
	.message = "{f1} = {1} is above 0xfffff, which only a page-granular limit can " \
		   "express, but {f0} = {0} has {2:bits} clear: set G (with limit bits 11:0 " \
		   "all 1), or lower the limit", \
	.hint = HINT_G_HIGH, .notes = NOTES, \
	.fields = { FLD_GUEST_##R##_AR_BYTES, FLD_GUEST_##R##_LIMIT FX_##W(R) }, WHERE_##W(R), \
	.repair = fix_g_high, \
	.check = g_limit_high, .field = FLD_GUEST_##R##_AR_BYTES, .bitset = VA_BITS_AR, \
	.arg = SEG_##R }

#define DPL_GE_RPL(R) { \
	.id = "GUEST.SEG." #R ".DPL_GE_RPL", GUEST33, \
	.summary = "Without unrestricted guest, a usable " #R " holding data or non-conforming " \
		   "code (type 0-11) has DPL >= the RPL of GUEST_" #R "_SELECTOR", \
	.message = "{f0} = {0} has DPL {1:d} but {f1} = {2} has RPL {3:d}: the DPL may not be " \
		   "below the RPL (raise the DPL or lower the RPL)", \
	.hint = "A selector with RPL 3 needs a DPL 3 segment. Ring-0 guest code normally uses " \
		"RPL 0 selectors; registers the guest does not use can be marked unusable.", \
	.notes = NOTE_HW, \
	.fields = { FLD_GUEST_##R##_AR_BYTES, FLD_GUEST_##R##_SELECTOR, FLD_GUEST_RFLAGS, \
		    FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL }, \
	.gate = { UNLESS(VEC_COND, COND_V86), UNLESS(VEC_COND, COND_UG), \
		  WHEN(VEC_COND, COND_##R##_USABLE) }, \
	.repair = fix_unusable_only, \
	.check = dpl_ge_rpl, .field = FLD_GUEST_##R##_AR_BYTES, .arg = SEG_##R }

const struct va_rule va_rules_guest_segments[] = {
	/* Selector fields. */
	SEL_TI(TR, ALWAYS, NOTE_HW, "TR must select a TSS descriptor in the GDT."),
	SEL_TI(LDTR, USABLE, NOTE_HW, "The LDT descriptor lives in the GDT, so the LDTR selector "
	       "has TI = 0. If the guest has no LDT, mark LDTR unusable."),
	{
		.id = "GUEST.SEG.SS.RPL_EQ_CS_RPL", GUEST33,
		.summary = "Without unrestricted guest (and outside virtual-8086 mode), the RPL of "
			   "GUEST_SS_SELECTOR equals the RPL of GUEST_CS_SELECTOR",
		.message = "{f0} = {0} has RPL {1:d} but {f1} = {2} has RPL {3:d}: both must carry "
			   "the same RPL (the CPL)",
		.hint = "Both RPLs are the guest's CPL. This also holds for an unusable (null) SS: "
			"a ring-3 context needs SS RPL 3, a ring-0 one RPL 0.",
		.notes = "Checked even if SS is unusable. " NOTE_HW,
		.fields = { FLD_GUEST_SS_SELECTOR, FLD_GUEST_CS_SELECTOR, FLD_GUEST_RFLAGS,
			    FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { UNLESS(VEC_COND, COND_V86), UNLESS(VEC_COND, COND_UG) },
		.check = ss_rpl_eq_cs_rpl, .field = FLD_GUEST_SS_SELECTOR, .arg = SEG_SS,
	},

	/* Base-address fields. */
	V86_BASE(CS), V86_BASE(SS), V86_BASE(DS), V86_BASE(ES), V86_BASE(FS), V86_BASE(GS),
	BASE_CANONICAL(TR, I64, NOTE_HW),
	BASE_CANONICAL(FS, I64, "Checked even if FS is unusable. " NOTE_HW),
	BASE_CANONICAL(GS, I64, "Checked even if GS is unusable. " NOTE_HW),
	BASE_CANONICAL(LDTR, I64_USABLE, NOTE_HW),
	BASE_HIGH(CS, I64, "Checked even if CS is unusable. " NOTE_HW),
	BASE_HIGH(SS, I64_USABLE, NOTE_SS_BOCHS),
	BASE_HIGH(DS, I64_USABLE, NOTE_HW),
	BASE_HIGH(ES, I64_USABLE, NOTE_HW),

	/* Limit fields. */
	V86_LIMIT(CS), V86_LIMIT(SS), V86_LIMIT(DS), V86_LIMIT(ES), V86_LIMIT(FS), V86_LIMIT(GS),

	/* Access-rights fields: virtual-8086. */
	V86_AR(CS), V86_AR(SS), V86_AR(DS), V86_AR(ES), V86_AR(FS), V86_AR(GS),

	/* Access rights outside virtual-8086: type. */
	{
		.id = "GUEST.SEG.CS.TYPE", GUEST33,
		.summary = "GUEST_CS_AR_BYTES type is 9, 11, 13 or 15 (accessed code); with "
			   "unrestricted guest also 3 (accessed read/write data)",
		.message = "{f0} = {0} has type {1:d}: CS must be an accessed code segment (type 9, "
			   "11, 13 or 15), or type 3 when \"unrestricted guest\" is 1",
		.hint_for = cs_type_hint,
		.notes = "Checked even if CS is unusable. " NOTE_HW,
		.fields = { FLD_GUEST_CS_AR_BYTES, FLD_GUEST_RFLAGS, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		WHERE_NV86(CS),
		.repair = fix_cs_type,
		.check = cs_type, .field = FLD_GUEST_CS_AR_BYTES, .bitset = VA_BITS_AR, .arg = SEG_CS,
	},
	{
		.id = "GUEST.SEG.SS.TYPE", GUEST33,
		.summary = "A usable SS has type 3 or 7 (read/write, accessed data) in GUEST_SS_AR_BYTES",
		.message = "{f0} = {0} has type {1:d}: a usable SS must be a read/write accessed data "
			   "segment (type 3 or 7)",
		.hint = "SS must be writable data with the accessed bit set (AR 0x93 for ring 0, "
			"0xF3 for ring 3; add D/B and G for a flat 32-bit stack).",
		.hint_for = null_ar_hint, .notes = NOTE_SS_BOCHS,
		.fields = { FLD_GUEST_SS_AR_BYTES FX_DATA(SS) }, WHERE_DATA(SS),
		.repair = fix_ss_type,
		.check = ss_type, .field = FLD_GUEST_SS_AR_BYTES, .bitset = VA_BITS_AR, .arg = SEG_SS,
	},
	TYPE_ACCESSED(DS), TYPE_ACCESSED(ES), TYPE_ACCESSED(FS), TYPE_ACCESSED(GS),
	TYPE_CODE_READABLE(DS), TYPE_CODE_READABLE(ES), TYPE_CODE_READABLE(FS),
	TYPE_CODE_READABLE(GS),

	/* S. */
	S_CODE_DATA(CS, NV86, "Checked even if CS is unusable. " NOTE_HW),
	S_CODE_DATA(SS, DATA, NOTE_SS_BOCHS),
	S_CODE_DATA(DS, DATA, NOTE_HW), S_CODE_DATA(ES, DATA, NOTE_HW),
	S_CODE_DATA(FS, DATA, NOTE_HW), S_CODE_DATA(GS, DATA, NOTE_HW),

	/* DPL. */
	{
		.id = "GUEST.SEG.CS.DPL_TYPE3", GUEST33,
		.summary = "If the CS type is 3 (possible only with unrestricted guest), the DPL in "
			   "GUEST_CS_AR_BYTES is 0",
		.message = "{f0} = {0} is type 3 with DPL {1:d}: a data-type CS (real-mode style) "
			   "must have DPL 0",
		.hint = "A type-3 CS is the real-mode form; real mode runs at CPL 0. Use AR 0x93.",
		.notes = NOTE_HW,
		.fields = { FLD_GUEST_CS_AR_BYTES, FLD_GUEST_RFLAGS }, WHERE_NV86(CS),
		.check = cs_dpl_type3, .field = FLD_GUEST_CS_AR_BYTES, .arg = SEG_CS,
		.repair = fix_cs_dpl0,
	},
	{
		.id = "GUEST.SEG.CS.DPL_NONCONFORMING", GUEST33,
		.summary = "If the CS type is 9 or 11 (non-conforming code), the CS DPL equals the DPL "
			   "in GUEST_SS_AR_BYTES",
		.message = "{f0} = {0} is non-conforming code with DPL {1:d} but {f1} = {2} has DPL "
			   "{3:d}: the two DPLs must be equal (both are the CPL)",
		.hint = "CS.DPL and SS.DPL both hold the CPL. SS.DPL counts even when SS is unusable: "
			"an unusable SS keeps its DPL in the AR field (e.g. 0x10000 is DPL 0).",
		.notes = "Uses SS.DPL even if SS is unusable. KVM's emulation-path helper compares "
			 "with the CS selector's RPL instead, which is equivalent only without "
			 "unrestricted guest. Bochs and VirtualBox follow the SDM; KVM and Xen leave "
			 "the entry check to the CPU.",
		.fields = { FLD_GUEST_CS_AR_BYTES, FLD_GUEST_SS_AR_BYTES, FLD_GUEST_RFLAGS },
		WHERE_NV86(CS),
		.check = cs_dpl_nonconforming, .field = FLD_GUEST_CS_AR_BYTES, .arg = SEG_CS,
	},
	{
		.id = "GUEST.SEG.CS.DPL_CONFORMING", GUEST33,
		.summary = "If the CS type is 13 or 15 (conforming code), the CS DPL is not greater "
			   "than the DPL in GUEST_SS_AR_BYTES",
		.message = "{f0} = {0} is conforming code with DPL {1:d} but {f1} = {2} has DPL "
			   "{3:d}: the CS DPL may not exceed the SS DPL",
		.notes = "Uses SS.DPL even if SS is unusable. " NOTE_HW,
		.fields = { FLD_GUEST_CS_AR_BYTES, FLD_GUEST_SS_AR_BYTES, FLD_GUEST_RFLAGS },
		WHERE_NV86(CS),
		.check = cs_dpl_conforming, .field = FLD_GUEST_CS_AR_BYTES, .arg = SEG_CS,
	},
	{
		.id = "GUEST.SEG.SS.DPL_EQ_RPL", GUEST33,
		.summary = "Without unrestricted guest, the DPL in GUEST_SS_AR_BYTES equals the RPL of "
			   "GUEST_SS_SELECTOR, even if SS is unusable",
		.message = "{f0} = {0} has DPL {1:d} but {f1} = {2} has RPL {3:d}: the SS DPL must "
			   "equal the SS selector's RPL",
		.hint = "SS.DPL is the CPL and must match the selector's RPL, also for an unusable "
			"SS: set the DPL bits (6:5) of the unusable AR to the RPL.",
		.notes = "Checked even if SS is unusable. " NOTE_HW,
		.fields = { FLD_GUEST_SS_AR_BYTES, FLD_GUEST_SS_SELECTOR, FLD_GUEST_RFLAGS,
			    FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { UNLESS(VEC_COND, COND_V86), UNLESS(VEC_COND, COND_UG) },
		.repair = fix_ss_dpl_rpl,
		.check = ss_dpl_eq_rpl, .field = FLD_GUEST_SS_AR_BYTES, .arg = SEG_SS,
	},
	{
		.id = "GUEST.SEG.SS.DPL_ZERO", GUEST33,
		.summary = "The DPL in GUEST_SS_AR_BYTES is 0 if the CS type is 3 or GUEST_CR0.PE is 0, "
			   "even if SS is unusable",
		.message = "{f0} = {0} has DPL {1:d} with a CS of type {2:d} and CR0.PE = {3:d}: SS.DPL "
			   "must be 0 when CS is type 3 or CR0.PE is 0",
		.hint = "Real mode (CR0.PE = 0, or a type-3 CS) runs at CPL 0, so SS.DPL must be 0, "
			"also for an unusable SS. Real-mode segments normally use AR 0x93.",
		.notes = "Checked even if SS is unusable; reachable only with unrestricted guest. "
			 NOTE_HW,
		.fields = { FLD_GUEST_SS_AR_BYTES, FLD_GUEST_CS_AR_BYTES, FLD_GUEST_CR0,
			    FLD_GUEST_RFLAGS },
		WHERE_NV86(SS),
		.repair = fix_ss_dpl_zero,
		.check = ss_dpl_zero, .field = FLD_GUEST_SS_AR_BYTES, .arg = SEG_SS,
	},
	DPL_GE_RPL(DS), DPL_GE_RPL(ES), DPL_GE_RPL(FS), DPL_GE_RPL(GS),

	/* P. */
	P_PRESENT(CS, NV86, "Checked even if CS is unusable. " NOTE_HW),
	P_PRESENT(SS, DATA, NOTE_SS_BOCHS),
	P_PRESENT(DS, DATA, NOTE_HW), P_PRESENT(ES, DATA, NOTE_HW),
	P_PRESENT(FS, DATA, NOTE_HW), P_PRESENT(GS, DATA, NOTE_HW),

	/* Reserved bits 11:8. */
	RSVD_11_8(CS, NV86, "Checked even if CS is unusable. " NOTE_HW),
	RSVD_11_8(SS, DATA, NOTE_SS_BOCHS),
	RSVD_11_8(DS, DATA, NOTE_HW), RSVD_11_8(ES, DATA, NOTE_HW),
	RSVD_11_8(FS, DATA, NOTE_HW), RSVD_11_8(GS, DATA, NOTE_HW),

	/* D/B. */
	{
		.id = "GUEST.SEG.CS.DB_WITH_L", GUEST33,
		.summary = "In an IA-32e mode guest, if CS.L (AR bit 13) is 1 then CS.D/B (AR bit 14) "
			   "is 0",
		.message = "{f0} = {0} has both {1:bits} set: 64-bit code (L = 1) requires D/B = 0",
		.hint = "A flat 64-bit code segment is AR 0xA09B (L = 1, D/B = 0); 32-bit "
			"compatibility-mode code is 0xC09B (L = 0, D/B = 1).",
		.notes = "IA-32e mode with CS.L = 0 is legal (compatibility mode). " NOTE_HW,
		.fields = { FLD_GUEST_CS_AR_BYTES, FLD_GUEST_RFLAGS, FLD_VM_ENTRY_CONTROLS },
		.gate = { UNLESS(VEC_COND, COND_V86), WHEN(VEC_COND, COND_IA32E_GUEST) },
		.repair = fix_cs_db,
		.check = cs_db_with_l, .field = FLD_GUEST_CS_AR_BYTES, .bitset = VA_BITS_AR,
		.arg = SEG_CS,
	},

	/* G versus the limit. */
	G_LIMIT_LOW(CS, NV86, "Checked even if CS is unusable. " NOTE_HW),
	G_LIMIT_HIGH(CS, NV86, "Checked even if CS is unusable. " NOTE_HW),
	G_LIMIT_LOW(SS, DATA, NOTE_SS_BOCHS), G_LIMIT_HIGH(SS, DATA, NOTE_SS_BOCHS),
	G_LIMIT_LOW(DS, DATA, NOTE_HW), G_LIMIT_HIGH(DS, DATA, NOTE_HW),
	G_LIMIT_LOW(ES, DATA, NOTE_HW), G_LIMIT_HIGH(ES, DATA, NOTE_HW),
	G_LIMIT_LOW(FS, DATA, NOTE_HW), G_LIMIT_HIGH(FS, DATA, NOTE_HW),
	G_LIMIT_LOW(GS, DATA, NOTE_HW), G_LIMIT_HIGH(GS, DATA, NOTE_HW),

	/* Reserved bits 31:17. */
	RSVD_31_17(CS, NV86, "Checked even if CS is unusable. " NOTE_HW),
	RSVD_31_17(SS, DATA, NOTE_SS_BOCHS),
	RSVD_31_17(DS, DATA, NOTE_HW), RSVD_31_17(ES, DATA, NOTE_HW),
	RSVD_31_17(FS, DATA, NOTE_HW), RSVD_31_17(GS, DATA, NOTE_HW),

	/* TR: every check applies, in every mode. */
	{
		.id = "GUEST.SEG.TR.TYPE", GUEST33,
		.summary = "GUEST_TR_AR_BYTES type is 11 (busy 32/64-bit TSS); without IA-32e mode "
			   "also 3 (busy 16-bit TSS)",
		.message = "{f0} = {0} has type {1:d}: TR must hold a busy TSS, type 11, or type 3 "
			   "when \"IA-32e mode guest\" is 0 (it is {2:d})",
		.hint = "TR must be a busy TSS (type 11 for a 64-bit guest; 3 or 11 otherwise) and "
			"usable, even in real mode. Type 9 (available TSS) is what the descriptor "
			"shows before LTR, and what some emulator snapshots hand over.",
		.notes = "Also checked in virtual-8086 and real mode. KVM's emulation-path helper "
			 "ignores the IA-32e mode control. Bochs and VirtualBox follow the SDM; KVM "
			 "and Xen leave the entry check to the CPU.",
		.fields = { FLD_GUEST_TR_AR_BYTES, FLD_VM_ENTRY_CONTROLS },
		.repair = fix_tr_type,
		.check = tr_type, .field = FLD_GUEST_TR_AR_BYTES, .arg = SEG_TR,
	},
	AR_BIT(TR, "S", ALWAYS, AR_S, 0, "bit 4 (S)", "TR holds a system segment (a TSS)",
	       NULL, NOTE_HW),
	P_PRESENT(TR, ALWAYS, NOTE_HW),
	RSVD_11_8(TR, ALWAYS, NOTE_HW),
	G_LIMIT_LOW(TR, ALWAYS, NOTE_HW), G_LIMIT_HIGH(TR, ALWAYS, NOTE_HW),
	AR_BIT(TR, "UNUSABLE", ALWAYS, AR_UNUSABLE, 0, "bit 16 (unusable)",
	       "TR is always usable",
	       "TR must be a usable busy TSS even in real mode; a guest without a TSS still "
	       "needs a minimal one (AR 0x8B, limit 0x67).", NOTE_HW),
	RSVD_31_17(TR, ALWAYS, NOTE_HW),

	/* LDTR: only if usable. */
	{
		.id = "GUEST.SEG.LDTR.TYPE", GUEST33,
		.summary = "A usable LDTR has type 2 (LDT) in GUEST_LDTR_AR_BYTES",
		.message = "{f0} = {0} has type {1:d}: a usable LDTR must have type 2 (LDT)",
		.hint = "A usable LDTR must have type 2. If the guest has no LDT, mark LDTR "
			"unusable (AR 0x10000) instead.",
		.hint_for = null_ar_hint,
		.notes = "Also checked in virtual-8086 and real mode. " NOTE_HW,
		.fields = { FLD_GUEST_LDTR_AR_BYTES }, WHERE_USABLE(LDTR),
		.repair = fix_unusable_only,
		.check = ldtr_type, .field = FLD_GUEST_LDTR_AR_BYTES, .arg = SEG_LDTR,
	},
	AR_BIT(LDTR, "S", USABLE, AR_S, 0, "bit 4 (S)",
	       "a usable LDTR holds a system segment (the LDT)", NULL, NOTE_HW),
	AR_BIT(LDTR, "P", USABLE, AR_P, 1, "bit 7 (P)", "a usable LDTR is present", NULL, NOTE_HW),
	RSVD_11_8(LDTR, USABLE, NOTE_HW),
	G_LIMIT_LOW(LDTR, USABLE, NOTE_HW), G_LIMIT_HIGH(LDTR, USABLE, NOTE_HW),
	RSVD_31_17(LDTR, USABLE, NOTE_HW),

	/* FRED guests (IA-32e mode, CR4.FRED = 1). */
	{
		.id = "GUEST.SEG.SS.FRED_DPL", GUEST33,
		.summary = "For a guest that will use FRED, the DPL in GUEST_SS_AR_BYTES is 0 or 3",
		.message = "{f0} = {0} has DPL {1:d}: a FRED guest runs at CPL 0 or 3 only, so "
			   "SS.DPL must be 0 or 3",
		.hint = "FRED has no rings 1 and 2; enter a FRED guest at CPL 0 or 3.",
		.notes = "Newest SDM text (FRED era): applies when the guest will use FRED "
			 "transitions. Bochs and the KVM FRED series (v9, 2025) check it; "
			 "VirtualBox and Xen do not support FRED.",
		.fields = { FLD_GUEST_SS_AR_BYTES, FLD_GUEST_CR4, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_COND, COND_FRED_GUEST) },
		.check = fred_ss_dpl, .field = FLD_GUEST_SS_AR_BYTES, .arg = SEG_SS,
	},
	{
		.id = "GUEST.SEG.CS.FRED_L_AT_CPL0", GUEST33,
		.summary = "For a guest that will use FRED, if SS.DPL is 0 then CS.L (AR bit 13) is 1",
		.message = "{f0} = {0} has {1:bits} clear while {f1} = {2} has DPL {3:d}: a FRED "
			   "guest at CPL 0 must run 64-bit code",
		.hint = "With FRED the kernel (CPL 0) runs only in 64-bit mode: CS needs L = 1, "
			"e.g. AR 0xA09B.",
		.notes = "Newest SDM text (FRED era). Bochs tested SS.L instead of CS.L until its "
			 "issue #732 was fixed (2026); the KVM FRED series (v9) checks CS.L. "
			 "VirtualBox and Xen do not support FRED.",
		.fields = { FLD_GUEST_CS_AR_BYTES, FLD_GUEST_SS_AR_BYTES, FLD_GUEST_CR4,
			    FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_COND, COND_FRED_GUEST) },
		.check = fred_cs_l, .field = FLD_GUEST_CS_AR_BYTES, .bitset = VA_BITS_AR,
		.arg = SEG_CS,
	},
};
const unsigned va_rules_guest_segments_count =
	sizeof va_rules_guest_segments / sizeof va_rules_guest_segments[0];
