#!/bin/sh
# The real terminal: opening a failing example on Review, the verdict check
# prints; too small a window says so; NO_COLOR and an ASCII locale work.
. "$(dirname "$0")/lib.sh"
ex="$SRC/docs/examples/msr-load-failure.state"
start "$ex"
wait_for "7/7 Review"
wait_for " exit 34 (qual 2) | 2 failed"
"$BIN" check "$ex" | head -1 | grep -qF "reason 34"
T resize-window -t w -x 60 -y 15
wait_for "Terminal too small: 60x15."
T resize-window -t w -x 100 -y 30
wait_for "7/7 Review"
keys q
wait_exit
NO_COLOR=1 start "$ex"
wait_for "7/7 Review"
keys F1
wait_for "search a field by name"
keys Escape q
wait_exit
# Bracketed paste on any step: an rdmsr listing, then a KVM dump on top.
start
wait_for "1/7 Processor"
T load-buffer -b caps "$SRC/tests/readers/caps/rdmsr_default_hex_full.txt"
T paste-buffer -p -b caps -t w
wait_for "paste: read 0 VMCS fields, 18 MSRs"
keys 4
T load-buffer -b dump "$SRC/tests/readers/dumps/kvm_6x_full.txt"
T paste-buffer -p -b dump -t w
wait_for "paste: read 120 VMCS fields, 0 MSRs"
wait_for " VMfailValid 7 | 3 failed"
keys r
wait_for "CTL.PIN.ALLOWED1  SDM 26.2.1.1 / 29.2.1.1"
keys q
wait_for "Quit without saving? y/n"
keys y
wait_exit
echo "ok"
