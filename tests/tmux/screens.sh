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
echo "ok"
