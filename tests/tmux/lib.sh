# Shared by the tmux tests: a private tmux server, a pinned environment,
# screens polled with a timeout (never fixed sleeps).
set -eu
BIN=$1
SRC=$2
WORK=$(mktemp -d)
SOCK="vmcs-audit-test-$$"
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Start the wizard in an 80x24 window: args are the wizard's arguments.
start() {
	T new-session -d -s w -x "${COLS:-80}" -y "${ROWS:-24}" \
		env -i PATH=/usr/bin:/bin HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" \
		TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC ${NO_COLOR:+NO_COLOR=1} \
		"$BIN" wizard "$@"
	T set-option -t w remain-on-exit off >/dev/null
}
screen() { T capture-pane -p -t w 2>/dev/null || true; }
# Wait until the screen matches: grep option -F (a fixed string) or -E.
wait_grep() {
	for _ in $(seq 1 100); do
		if screen | grep -q "$1" -- "$2"; then return 0; fi
		sleep 0.05
	done
	echo "timed out waiting for $1 '$2'" >&2
	echo "---- screen ----" >&2
	screen >&2
	exit 1
}
wait_for() { wait_grep -F "$1"; }
wait_re() { wait_grep -E "$1"; }
keys() { T send-keys -t w "$@"; }
text() { T send-keys -t w -l "$1"; }
alive() { T has-session -t w 2>/dev/null; }
wait_exit() {
	for _ in $(seq 1 100); do
		alive || return 0
		sleep 0.05
	done
	echo "the wizard did not exit" >&2
	screen >&2
	exit 1
}
mkdir -p "$WORK/home"
