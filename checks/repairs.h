/*
 * Shared repairs for the rule records (`.repair = ...`).  Each reads the
 * failed rule's operands and parameters (rule.field, rule.mask, rule.arg,
 * rule.arg2) the way its shared predicate left them:
 *
 *   va_repair_allowed0    OR the must-be-one bits ({1}) into the vector rule.arg
 *   va_repair_allowed1    clear the bits the capability MSR does not allow ({1}) that
 *                         name no control (reserved bits); a named control is a decision
 *   va_repair_set_v1      rule.field |= {1} (bits that must be 1: fixed0, one_bits)
 *   va_repair_clear_v1    rule.field &= ~{1} (reserved, fixed1, alignment: align down)
 *   va_repair_ctl_bit     bit rule.arg2 of vector rule.arg := rule.mask
 *   va_repair_canonical   sign-extend rule.field from bit L-1
 *   va_repair_set_one     rule.field := 1 (a count or id that must not be 0)
 *   va_repair_canonical_masked  sign-extend rule.field's address bits (those outside
 *                         rule.mask), keeping the bits of rule.mask
 *   va_repair_pat         PAT bytes that are no memory type ({3}: bit per byte) take the
 *                         byte of the power-on value 0007040600070406H
 *   va_repair_link_pointer VMCS_LINK_POINTER := FFFFFFFF_FFFFFFFFH, unless VMCS
 *                         shadowing is on (then it must name a shadow VMCS)
 */
#ifndef VA_REPAIRS_H
#define VA_REPAIRS_H

#include "../auditor/engine/repair.h"

va_repair_fn va_repair_allowed0;
va_repair_fn va_repair_allowed1;
va_repair_fn va_repair_set_v1;
va_repair_fn va_repair_clear_v1;
va_repair_fn va_repair_ctl_bit;
va_repair_fn va_repair_canonical;
va_repair_fn va_repair_set_one;
va_repair_fn va_repair_link_pointer;
va_repair_fn va_repair_canonical_masked;
va_repair_fn va_repair_pat;

/* The field holding control vector `v` (FLD_NONE for VEC_COND). */
enum va_field va_vec_field(enum va_vec v);

#endif
