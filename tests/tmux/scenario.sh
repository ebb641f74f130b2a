#!/bin/sh
# Open a VMCS without its processor, pick a profile by filtering, set a control bit the
# profile forbids, see the status line change and the failure with its SDM
# section on Review, save, and compare the saved file.
. "$(dirname "$0")/lib.sh"
cp "$SRC/tests/wizard/vmcs_only.state" "$WORK/guest.state"
start "$WORK/guest.state"
wait_for "7/7 Review"
keys 1
wait_for "1/7 Processor"
keys /
text 6700k
wait_for "filter profiles: 6700k"
keys Enter Enter
wait_for "profile intel-skylake-i7-6700k loaded"
wait_for " success | 0 failed"
before=$(screen | tail -2 | head -1)
keys 2
wait_for "2/7 Controls"
wait_re 'PIN_BASED_POSTED_INTR +forbidden'
keys Down Down Down Down Down Down Down Down Space
wait_for " VMfailValid 7 |"
test "$before" != "$(screen | tail -2 | head -1)"
screen | grep -F "[x] 7  PIN_BASED_POSTED_INTR" | grep -qF '!' || { echo "bit 7 not marked failing" >&2; screen >&2; exit 1; }
keys r
wait_for "7/7 Review"
wait_for "CTL.PIN.ALLOWED1  SDM 26.2.1.1 / 29.2.1.1"
keys s
wait_for "saved $WORK/guest.state"
cmp "$WORK/guest.state" "$SRC/tests/wizard/pin_forbidden.state"
keys q
wait_exit
echo "ok"
