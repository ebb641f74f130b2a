#!/bin/sh
# SIGKILL mid-edit, restart, restore: every committed value is back.
. "$(dirname "$0")/lib.sh"
start
wait_for "1/7 Processor"
keys /
text 6700k
keys Enter Enter
wait_for "profile intel-skylake-i7-6700k loaded"
keys 4 /
text GUEST_RIP
keys Enter
wait_for "4/7 Guest state"
keys Enter
wait_for "value (? = absent):"
text 0xfff0
keys Enter
wait_re 'GUEST_RIP +0x000000000000fff0'
# Mid-edit: a field open with half a value typed.
keys /
text GUEST_RSP
keys Enter Enter
text 0x12
wait_for "value (? = absent): 0x12"
pid=$(T display-message -p -t w '#{pane_pid}')
kill -KILL "$pid"
wait_exit
test -f "$WORK/state/vmcs-audit/wizard.state"
test "$(stat -c %a "$WORK/state/vmcs-audit")" = 700
test "$(stat -c %a "$WORK/state/vmcs-audit/wizard.state")" = 600
start
wait_for "Restore it? y/n"
keys y
wait_for "restored the autosaved state"
keys 4 /
text GUEST_RIP
keys Enter
wait_re 'GUEST_RIP +0x000000000000fff0'
# The profile came back too.
keys 2
wait_re 'PIN_BASED_POSTED_INTR +forbidden'
keys q
wait_for "Quit without saving? y/n"
keys y
wait_exit
test ! -f "$WORK/state/vmcs-audit/wizard.state"
echo "ok"
