#!/bin/sh
# docs/vmcs-audit.1's KEYS section equals `vmcs-audit wizard --keys`
# (regenerate it with that command when the key table changes).
set -eu
section=$(awk '/^\.SH KEYS$/ { on = 1 } /^\.\\" End of the generated KEYS section/ { on = 0 } on' "$2")
generated=$("$1" wizard --keys)
if [ "$section" != "$generated" ]; then
	echo "$2: the KEYS section differs from 'vmcs-audit wizard --keys':" >&2
	printf '%s\n' "$generated" > "${TMPDIR:-/tmp}/keys.$$"
	printf '%s\n' "$section" | diff -u - "${TMPDIR:-/tmp}/keys.$$" >&2 || true
	rm -f "${TMPDIR:-/tmp}/keys.$$"
	exit 1
fi
