#!/bin/sh
# The shell at a real terminal (tmux): Tab completes a partial field name,
# Ctrl-C cancels a line, Ctrl-D with unsaved changes asks, and history
# comes back after a restart.  Screens are polled with a timeout.
# Usage: shell_tmux.sh VMCS_AUDIT WORKDIR
set -u
bin=$1
work=$2
sock=vmcs-audit-test-$$
rm -rf "$work"
mkdir -p "$work/home"
# Only lines for this program apply: ^T types a command, ^Y must not.
printf 'vmcs-audit:bind -s ^T "show entry"\nother:bind -s ^Y "wrong"\n' > "$work/home/.editrc"
printf '[vmcs]\nGUEST_RIP = 0x1234\n.\n' > "$work/paste.txt"

T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null' EXIT

fail() {
	echo "FAIL: $1" >&2
	echo "--- screen:" >&2
	T capture-pane -p -t t >&2 2>/dev/null
	exit 1
}

start() {
	T new-session -d -s t -x 100 -y 30 -c "$work" \
		"env HOME=$work/home XDG_STATE_HOME=$work/state LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 $bin shell" ||
		fail "tmux did not start"
}

# Wait (up to 10 s) until the screen has a line matching the pattern.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		if T capture-pane -p -t t 2>/dev/null | grep -q -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "no line matching '$1'"
}

wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		T has-session -t t 2>/dev/null || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "the shell did not exit"
}

start
wait_for '^vmcs-audit> *$'
T send-keys -t t C-t C-y
wait_for '^vmcs-audit> show entry *$'
T send-keys -t t C-u
T send-keys -t t -l 'get guest_tr_a'
T send-keys -t t Tab
wait_for '^vmcs-audit> get GUEST_TR_AR_BYTES *$'
T send-keys -t t Enter
wait_for '^GUEST_TR_AR_BYTES = 0x0 (not written)'

T send-keys -t t -l 'set GUEST_CR'
T send-keys -t t Tab Tab
wait_for 'GUEST_CR0 .*GUEST_CR3 .*GUEST_CR4'

T send-keys -t t C-c
wait_for 'set GUEST_CR\^C$'
T send-keys -t t -l 'set GUEST_RIP 0x1000'
T send-keys -t t Enter
wait_for '^GUEST_RIP = 0x1000'
wait_for '^vmcs-audit\*> *$'

T send-keys -t t -l 'paste'
T send-keys -t t Enter
wait_for '^paste> *$'
T load-buffer "$work/paste.txt"
T paste-buffer -t t
wait_for '^read <paste>: 1 field'

T send-keys -t t C-d
wait_for 'Quit without saving? \[y/N\]'
T send-keys -t t n Enter
wait_for '^vmcs-audit\*> *$'
T send-keys -t t -l 'quit!'
T send-keys -t t Enter
wait_gone

hist=$work/state/vmcs-audit/history
[ -f "$hist" ] || fail "no history file at $hist"
[ "$(stat -c %a "$work/state/vmcs-audit")" = 700 ] || fail "history directory is not 0700"
[ "$(stat -c %a "$hist")" = 600 ] || fail "history file is not 0600"

start
wait_for '^vmcs-audit> *$'
T send-keys -t t Up
wait_for '^vmcs-audit> quit!$'
T send-keys -t t Up
wait_for '^vmcs-audit> paste *$'
T send-keys -t t Up Up
wait_for '^vmcs-audit> get GUEST_TR_AR_BYTES$'
T send-keys -t t C-u
T send-keys -t t -l 'quit'
T send-keys -t t Enter
wait_gone
echo ok
