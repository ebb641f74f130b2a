#!/bin/sh
# Repairs and templates on a real terminal: f on a failure on Review turns
# the status line to success; F repairs a state with faults in three stages;
# t on Processor builds a template (asking before it drops unsaved values),
# and a feature the CPU lacks is refused, naming the capability bit.
. "$(dirname "$0")/lib.sh"
sed 's/^GUEST_TR_AR_BYTES = 0x008b$/GUEST_TR_AR_BYTES = 0x0089/' \
	"$SRC/docs/examples/skylake-64bit-guest.state" > "$WORK/tr.state"
start "$WORK/tr.state"
wait_for "7/7 Review"
wait_for " exit 33 (qual 0) | 1 failed"
wait_for "f fix  F fix all"
# The cursor starts on the first failure.
keys f
wait_for "GUEST_TR_AR_BYTES 0x89 -> 0x8b  GUEST.SEG.TR.TYPE"
wait_for " success | 0 failed, 0 warned, 0 not evaluated"
wait_for "tr.state [modified]"
# u takes the repair back, u again puts it back.
keys u
wait_for "took back the repair of GUEST.SEG.TR.TYPE (u puts it back)"
wait_for " exit 33 (qual 0) | 1 failed"
keys u
wait_for "put back the repair of GUEST.SEG.TR.TYPE"
wait_for " success | 0 failed, 0 warned, 0 not evaluated"
# A template replaces the repaired, unsaved state: asked first.
keys 1
wait_for "t template"
keys t
wait_for "1/7 Processor: start from a template"
wait_for "(*) long"
keys Enter
wait_for "Go ahead? y/n"
keys y
wait_for "template: long guest on tr.state"
wait_for "7/7 Review"
wait_for " success | 0 failed"
wait_for "(not saved yet) [modified]"
keys q
wait_for "Quit without saving? y/n"
keys y
wait_exit

# F: every mechanical repair, listed as 'vmcs-audit fix' prints them.
start "$SRC/tests/fix/three_stages.state"
wait_for " VMfailValid 7 |"
keys F
wait_for "Repairs (what 'vmcs-audit fix' prints)"
wait_for "VMCS_LINK_POINTER 0x0 -> 0xffffffffffffffff  GUEST.LINKPTR.REVISION"
wait_for "9 changes; success; 0 need a decision; u undoes (any key closes)"
wait_for " success | 0 failed"
keys Escape
wait_for "7/7 Review"
keys q y
wait_exit

# A feature the CPU does not allow: refused, naming the bit; nothing changes.
start
wait_for "1/7 Processor"
keys /
text i9-12900k
keys Enter Enter
wait_for "profile intel-alderlake-i9-12900k loaded"
keys t
wait_for "(*) long"
# pml is fourth from the end of the features.
keys End Up Up Up Up Space
wait_for "[x] pml"
keys Enter
wait_for "No template with these choices"
wait_for "SECONDARY_EXEC_ENABLE_PML"
wait_for "(IA32_VMX_PROCBASED_CTLS2 bit"
wait_for "no template with these choices; nothing changed (any key closes)"
keys Space
wait_for "1/7 Processor: start from a template"
wait_for "[x] pml"
keys Escape
wait_for "1/7 Processor"
wait_for " inconclusive | 0 failed"
keys q
wait_for "Quit without saving? y/n"
keys y
wait_exit
echo "ok"
